"""Contested naming (analysis.wordchoice.naming)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import wordchoice


def test_naming_lexicon_loads_with_a_note_per_concept():
    concepts = wordchoice.load_naming()
    ids = [c.id for c in concepts]
    assert ids[:3] == ["war", "kyiv", "zelensky"] and {"crimea", "occupation", "regime", "terrorism"} <= set(ids)
    war = concepts[0]
    assert [v.label for v in war.variants] == ["full-scale invasion", "invasion", "war", "conflict", "crisis", "special military operation"]
    assert all(len(c.note) > 100 for c in concepts)


def test_naming_rules_on_tiny_texts(tiny):
    m = wordchoice.naming_mentions(tiny)
    got = sorted(zip(m["article_id"], m["variant"], m["words"]))
    assert got == sorted(
        [
            ("a1", "full-scale invasion", "full-scale invasion"),  # not also "invasion"
            ("a1", "seized", "seized"),  # "Crimea" in the same sentence
            ("a2", "seized", "seized"),  # "peninsula" one sentence later, inside the window of 2
            ("b1", "crisis", "crisis"),
            ("b1", "Kyiv", "Kyiv"),
            ("b1", "regime", "regime"),
            ("b1", "terrorist / terrorism / terror", "terrorist"),
        ]
    )  # "war crimes" is not naming the war
    assert m.loc[m["variant"] == "regime", "quoted"].item() is True
    assert m.loc[m["variant"] == "crisis", "quoted"].item() is False
    texts = tiny.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.words for r in m.itertuples())


def test_naming_table_cells_match_counts_made_by_hand(corpus):
    """Counted by reading the seed texts (sentence indices from 0, as corpus.sentences()):

    - CGTN, "crisis": 2. "... to discuss a U.S. plan to end the Ukraine crisis." (its first
      sentence) and, inside Ushakov's quotation, "As for the Ukrainian crisis itself ...".
    - AFP, "conflict": 2. "... have not held direct talks on the conflict that has left tens of
      thousand dead ..." and "... he would end the conflict within a day of taking office."
      None quoted.
    - The Independent, "regime": 2, both inside Peskov's quotation: "The Kyiv regime once again
      simply shows its true nature. The Kyiv regime continues to be involved ...".
    - FT (probable), "war": 5. "since the war's early months", "Putin's war in Ukraine",
      "Kyiv was responsible for the war", "what caused the war to start" (quoted), "to end the war".
    - CNN, "illegally annexed": 1. "... the southern Ukrainian peninsula Moscow illegally annexed in 2014".
    """
    t = wordchoice.naming_table(corpus).set_index(["outlet", "variant"])
    assert (t.loc[("CGTN", "crisis"), "count"], t.loc[("CGTN", "crisis"), "quoted"]) == (2, 1)
    assert t.loc[("CGTN", "crisis"), "first_sentence"] == 0
    assert (t.loc[("AFP", "conflict"), "count"], t.loc[("AFP", "conflict"), "quoted"]) == (2, 0)
    assert (t.loc[("The Independent", "regime"), "count"], t.loc[("The Independent", "regime"), "quoted"]) == (2, 2)
    assert (t.loc[("FT (probable)", "war"), "count"], t.loc[("FT (probable)", "war"), "quoted"]) == (5, 1)
    assert t.loc[("CNN", "illegally annexed"), "count"] == 1
    assert t.loc[("AFP", "crisis"), "count"] == 0 and pd.isna(t.loc[("AFP", "crisis"), "first_sentence"])
    # every outlet x every variant of the lexicon
    n_variants = sum(len(c.variants) for c in wordchoice.load_naming())
    assert len(t) == len(corpus.outlets) * n_variants


def test_naming_display_and_finding(corpus):
    table = wordchoice.naming_table(corpus)
    shown = wordchoice.naming_display(table)
    assert list(shown.columns) == corpus.outlets
    assert shown.loc[("Naming the war", "crisis"), "CGTN"] == "2 (1 quoted) · first: sentence 1, 8% in"
    assert shown.loc[("Naming the war", "crisis"), "AFP"] == ""
    finding = wordchoice.naming_finding(table)
    assert "**Regime**: The Independent: “regime” ×2 (2 quoted)." in finding


def test_a_bad_naming_file_is_named(tmp_path):
    bad = tmp_path / "naming.toml"
    bad.write_text('[[concept]]\nid = "x"\nname = "X"\nnote = "n"\n[[concept.variant]]\nlabel = "x"\npatterns = ["(unclosed"]\n')
    with pytest.raises(wordchoice.LexiconError, match=r"naming.toml, concept 1 \(x\), variant 'x'.*not a valid regular expression"):
        wordchoice.load_naming(bad)
