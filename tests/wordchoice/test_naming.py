"""Contested naming (analysis.wordchoice.naming): the lexicon of a corpus's story file, and the words read in context."""

from __future__ import annotations


import pandas as pd
import pytest

from analysis import wordchoice
from analysis.corpus import load_corpus
from analysis.paths import BUNDLED_CORPUS
from analysis.safe import md_text
from tests.corpus_folders import write_corpus

BUNDLED_LEXICON = wordchoice.naming_lexicon(load_corpus(BUNDLED_CORPUS))  # the bundled story's own, from corpus/story.toml


def test_the_package_holds_no_naming_lexicon():
    """Contested names belong to a story: none is shipped in analysis/data, and the bundled one is the corpus's."""
    from analysis.paths import DATA_DIR

    assert not (DATA_DIR / "contested_naming.toml").exists()
    assert (BUNDLED_CORPUS / "story.toml").is_file()


def test_naming_lexicon_of_the_bundled_story_loads_with_a_note_per_concept(corpus):
    concepts = wordchoice.naming_lexicon(corpus)
    ids = [c.id for c in concepts]
    assert ids[:3] == ["war", "kyiv", "zelensky"] and {"crimea", "occupation", "regime", "terrorism"} <= set(ids)
    war = concepts[0]
    assert [v.label for v in war.variants] == ["full-scale invasion", "invasion", "war", "conflict", "crisis", "special military operation"]
    assert all(len(c.note) > 100 for c in concepts)


def test_naming_rules_on_tiny_texts(tiny):
    assert wordchoice.naming_mentions(tiny).empty  # no story file, no lexicon: nothing is counted
    m = wordchoice.naming_mentions(tiny, lexicon=BUNDLED_LEXICON)
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
    n_variants = sum(len(c.variants) for c in wordchoice.naming_lexicon(corpus))
    assert len(t) == len(corpus.outlets) * n_variants


def test_naming_display_and_finding(corpus):
    table = wordchoice.naming_table(corpus)
    shown = wordchoice.naming_display(table)
    assert list(shown.columns) == corpus.outlets
    assert shown.loc[("Naming the war", "crisis"), "CGTN"] == "2 (1 quoted) · first: sentence 1, 8% in"
    assert shown.loc[("Naming the war", "crisis"), "AFP"] == ""
    finding = wordchoice.naming_finding(table)
    assert "**Regime**: The Independent: “regime” ×2 (2 quoted)." in finding


def test_a_lexicon_file_kept_elsewhere_is_read_in_the_same_format(tmp_path):
    good = tmp_path / "lexicon.toml"
    good.write_text('[[concept]]\nid = "x"\nname = "X"\nnote = "n"\n[[concept.variant]]\nlabel = "ex"\npatterns = [\'ex(?:es)?\']\n')
    (concept,) = wordchoice.load_naming(good)
    assert concept.id == "x" and concept.variants[0].patterns[0].search("two exes")


def test_a_bad_naming_file_is_named(tmp_path):
    bad = tmp_path / "naming.toml"
    bad.write_text('[[concept]]\nid = "x"\nname = "X"\nnote = "n"\n[[concept.variant]]\nlabel = "x"\npatterns = ["(unclosed"]\n')
    with pytest.raises(wordchoice.LexiconError, match=r"naming.toml, line 1: concept 1 \(x\), variant 'x'.*not a valid regular expression"):
        wordchoice.load_naming(bad)


# --- without a story file ------------------------------------------------------------------------


def test_without_a_story_file_nothing_is_counted_and_the_page_says_so(tiny):
    assert wordchoice.naming_lexicon(tiny) == ()
    table = wordchoice.naming_table(tiny)
    assert table.empty and list(table.columns[:4]) == ["outlet", "concept", "concept_name", "variant"]
    assert wordchoice.naming_display(table).empty
    source = wordchoice.naming_source(tiny)
    assert source.startswith("**No naming lexicon was given**") and "story.toml" in source and "candidates" in source
    assert wordchoice.naming_notes(wordchoice.naming_lexicon(tiny)) == ""


def test_a_story_file_in_any_corpus_gives_its_lexicon(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("Left", "Undocumented immigrants waited."), "b": ("Right", "Illegal aliens waited. Illegal immigrants too.")}).path
    (folder / "story.toml").write_text(
        '[[concept]]\nid = "people"\nname = "The people crossing"\nnote = "Who they are called."\n'
        '[[concept.variant]]\nlabel = "illegal immigrants"\npatterns = [\'illegal immigrants?\']\n'
        '[[concept.variant]]\nlabel = "undocumented immigrants"\npatterns = [\'undocumented immigrants?\']\n'
        '[[concept.variant]]\nlabel = "illegal aliens"\npatterns = [\'illegal aliens?\']\n',
        encoding="utf-8",
    )
    corpus = load_corpus(folder)
    t = wordchoice.naming_table(corpus).set_index(["outlet", "variant"])["count"]
    assert t[("Left", "undocumented immigrants")] == 1 and t[("Right", "illegal aliens")] == 1 and t[("Right", "illegal immigrants")] == 1
    assert t[("Left", "illegal immigrants")] == 0
    assert wordchoice.naming_source(corpus).startswith("The corpus's story file (`story.toml`) lists 1 contested thing: “The people crossing”")


def test_keywords_come_from_the_story_file_when_it_gives_them(corpus):
    words = [(k.word, k.match) for k in wordchoice.context_keywords(corpus)]
    assert words == [("crisis", "word"), ("claimed", "word"), ("Crimea", "prefix")]
    assert wordchoice.keyword_heading(wordchoice.context_keywords(corpus)[0]).startswith("**“crisis”**: a word that describes")


def test_keywords_are_chosen_from_the_corpus_without_a_story_file(tmp_path):
    """Written for this test: one outlet spells a name one way, the other another; one writes "insisted"."""
    folder = write_corpus(tmp_path / "k", {
        "a": ("Left", "Ms Grabowska spoke at noon. Later Ms Grabowska insisted she was right."),
        "b": ("Right", "Ms Grabowski spoke at noon. Ms Grabowski left. The talks ended."),
    }).path
    corpus = load_corpus(folder)
    cands = wordchoice.naming_candidates(corpus)
    chosen = wordchoice.context_keywords(corpus, candidates=cands)
    words = [k.word for k in chosen]
    assert words[:2] == ["Grabowska", "insisted"] or words[:2] == ["Grabowski", "insisted"]
    assert "candidate 1 above" in chosen[0].note and "Left uses it" in chosen[1].note


def test_keyword_notes_of_hostile_outlets_are_escaped(tmp_path):
    evil = "<img src=x onerror=alert(1)>"
    folder = write_corpus(tmp_path / "h", {"a": (evil, "They claimed it. Mr Kovacs left."), "b": ("Beta", "Mr Kovač left. They said so.")}).path
    corpus = load_corpus(folder)
    for k in wordchoice.context_keywords(corpus, candidates=wordchoice.naming_candidates(corpus)):
        assert "<img" not in k.note and "<img" not in wordchoice.keyword_heading(k)
    assert md_text(evil) in wordchoice.context_keywords(corpus)[0].note or md_text(evil) in wordchoice.context_keywords(corpus)[-1].note
