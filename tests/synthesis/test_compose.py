"""The claims synthesize writes: what the texts say, the same numbers as the tables they cite, one run of each analysis."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import synthesis
from tests.corpus_folders import write_corpus
from tests.synthesis.helpers import ALPHA, BETA, claim, evidence_text, with_bundled_naming


def test_small_corpus_claims_are_what_the_texts_say(small):
    corpus, syn = small
    # Gamma does not tell what Kyiv said, which both other outlets tell, and no sentence of its own comes near it.
    left = claim(syn, "Gamma", "left out")
    assert left["value"] == 1 and "security guarantees" in evidence_text(left) and "both other outlets" in left["claim"]
    assert {e["article_id"] for e in left["evidence"]} >= {"a", "b"}
    # Gamma's talks "in Moscow on Friday" come near the car bomb "outside Moscow on Friday": not claimed left out.
    assert "car bomb" not in evidence_text(left)
    assert claim(syn, "Alpha", "left out")["value"] == 0
    # Only Alpha tells the farmers, in one sentence: too little to claim it alone tells them.
    assert not ((syn.claims["outlet"] == "Alpha") & (syn.claims["measure"] == "told by it alone")).any()
    # Alpha's "claimed" is a distancing verb; Gamma uses none.
    verbs = claim(syn, "Alpha", "reporting verbs")
    assert "“claimed”" in verbs["claim"] and evidence_text(verbs) == "claimed"
    assert claim(syn, "Gamma", "reporting verbs")["value"] == 0
    # Own-voice wordings: Gamma alone writes "crisis" outside quotation marks; Beta has it only quoted.
    own = claim(syn, "Gamma", "wordings of its own")
    assert own["about"] == "“crisis”" and "Beta has it only inside quotation marks" in own["claim"]
    assert "“war”" in claim(syn, "Alpha", "wordings of its own")["about"]
    assert "“conflict”" in claim(syn, "Beta", "wordings of its own")["about"]
    # Alpha and Beta print the envoy sentence word for word: shared narration, not quotation.
    nar = claim(syn, "Alpha", "shared wire narration")
    assert nar["value"] > 0 and "Beta" in nar["claim"] and "envoy met the president" in evidence_text(nar)
    assert claim(syn, "Gamma", "shared wire narration")["value"] == 0


def test_claims_agree_with_the_tables_they_cite(seeds, corpus):
    from analysis import framing, sourcing, wordchoice

    summary = framing.frame_summary(framing.frame_scores(corpus, scheme="generic"), corpus, scheme="generic")
    quotes = sourcing.extract_quotes(corpus, indirect=True)
    voices = sourcing.voices(quotes, corpus, by="speaker")
    stance = sourcing.verb_stance(quotes, corpus)
    for o in corpus.outlets:
        top = summary[summary["outlet"] == o].sort_values(["share_of_sentences", "sentences"], ascending=False, kind="stable").iloc[0]
        c = claim(seeds, o, "most frequent frame")
        assert c["about"] == top["frame"] and c["value"] == top["share_of_sentences"]
        assert f"{top['sentences']} of its {top['all_sentences']} sentences" in c["claim"]
        v = voices[voices["outlet"] == o].sort_values("words", ascending=False, kind="stable").iloc[0]
        assert claim(seeds, o, "most quoted voices")["about"] == v["speaker"]
        assert claim(seeds, o, "reporting verbs")["value"] == pytest.approx(1 - stance.loc[o, "neutral"] / stance.loc[o, "total"])
    # The naming counts behind the word claims are notebook 02's table.
    table = wordchoice.naming_table(corpus)
    table = table[table["count"] > 0].set_index(["outlet", "concept", "variant"])[["count", "quoted"]].sort_index()
    mine = seeds.tables["naming_counts"].set_index(["outlet", "concept", "variant"])[["count", "quoted"]].sort_index()
    pd.testing.assert_frame_equal(mine.astype(int), table.astype(int))


def test_seed_cards_show_what_the_mission_describes(seeds):
    """From computed output only: CGTN leaves out the car bomb, the FT alone tells the Pavlohrad
    strike, The Independent alone the Klitschko interview, AFP writes "claimed", CGTN alone says
    "crisis" in its own voice, CGTN and The Independent share wire narration."""
    # Coverage claims are printed only where they held on the gold: no outlet is said to leave out an element
    # one of its own clauses comes near (CGTN's sentences about the talks come near the car-bomb element).
    for o in seeds.outlets["outlet"]:
        syn_claims = seeds.claims
        rows = syn_claims[(syn_claims["outlet"] == o) & (syn_claims["measure"] == "left out")]
        assert len(rows) == 1 and "other outlets tell" in rows["claim"].iloc[0]
    assert "claimed" in evidence_text(claim(seeds, "AFP", "reporting verbs"))
    assert "“crisis”" in claim(seeds, "CGTN", "wordings of its own")["about"]
    nar = claim(seeds, "CGTN", "shared wire narration")
    assert "The Independent" in nar["claim"] and "sanctions" in evidence_text(nar)


def test_each_analysis_runs_once_per_call_and_nothing_is_cached(small, monkeypatch):
    from analysis import framing, sourcing, topics, wordchoice
    from analysis.framing import agency
    from analysis.topics import reuse

    corpus, _ = small
    calls: dict[str, int] = {}
    for module, name in [(framing, "frame_scores"), (agency, "passives"), (wordchoice, "distinctive_terms"),
                         (wordchoice, "naming_mentions"), (wordchoice, "naming_table"), (sourcing, "extract_quotes"),
                         (topics, "story_elements"), (reuse, "shared_passages")]:
        original = getattr(module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls[_name] = calls.get(_name, 0) + 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    synthesis.synthesize(corpus)
    assert calls == {"frame_scores": 1, "passives": 1, "distinctive_terms": 1, "naming_mentions": 1,
                     "extract_quotes": 1, "story_elements": 1, "shared_passages": 1}
    synthesis.synthesize(corpus)
    assert set(calls.values()) == {2}


# ---------------------------------------------------------------------------------------------
# One outlet, no headlines


def test_one_outlet_gets_a_card_and_a_plain_statement(tmp_path):
    corpus = with_bundled_naming(write_corpus(tmp_path / "one", {"a": ("Alpha", ALPHA)}, load=False))
    syn = synthesis.synthesize(corpus)
    needs = syn.claims[syn.claims["claim"].str.contains("needs at least two")]
    assert set(needs["measure"]) == {"frame that sets it apart", "distinctive terms", "wordings of its own",
                                     "told by it alone", "left out", "shared wire narration"}
    assert needs["evidence"].map(len).eq(0).all()
    assert claim(syn, "Alpha", "most frequent frame")["evidence"]
    assert "“war”" in claim(syn, "Alpha", "contested naming")["claim"]
    html = synthesis.cards_html(syn)
    assert html.count('class="ss-syn-card"') == 1 and "comparisons need at least two" in html
    assert "Comparisons need at least two outlets" in synthesis.synthesis_finding(syn)
    assert synthesis.limits_finding(syn)


def test_corpus_without_headlines(tmp_path):
    syn = synthesis.synthesize(write_corpus(tmp_path / "nohead", {"a": ("Alpha", ALPHA), "b": ("Beta", BETA)}))
    assert syn.outlets["headlines"].map(len).eq(0).all()
    html = synthesis.cards_html(syn)
    assert html.count("No headline in the metadata.") == 2
    assert "the other outlet tells" in claim(syn, "Alpha", "left out")["claim"] or not (syn.claims["measure"] == "left out").any()
