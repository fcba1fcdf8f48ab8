"""The analyses' summary functions the cards are composed from (analysis/<package>/summary.py), on hand-made tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.framing.summary import agentless_of_others, frame_ranks
from analysis.sourcing.summary import most_attributed_speaker, stance_of_others, voice_ranking
from analysis.topics.summary import sentences_told_alone, shared_words
from analysis.wordchoice.summary import differing_concepts, significance_counts, term_spans, wordings_of_its_own


def test_frame_ranks_set_each_outlet_against_the_others_pooled():
    summary = pd.DataFrame({
        "outlet": ["A", "A", "B", "B", "C", "C"], "frame": ["Conflict", "Morality"] * 3,
        "sentences": [2, 6, 5, 0, 1, 1], "all_sentences": [10, 10, 10, 10, 20, 20],
        "share_of_sentences": [0.2, 0.6, 0.5, 0.0, 0.05, 0.05],
    })
    ranks = frame_ranks(summary)
    a = ranks[ranks["outlet"] == "A"]
    assert list(a["frame"]) == ["Morality", "Conflict"] and list(a["rank"]) == [1, 2]
    # Morality in B and C together: 1 of 30 sentences.
    assert a["others_share"].iloc[0] == pytest.approx(1 / 30) and a["gap"].iloc[0] == pytest.approx(0.6 - 1 / 30)
    assert frame_ranks(summary[summary["outlet"] == "A"])["gap"].isna().all()  # one outlet: nothing to set against


def test_agentless_passives_of_the_other_outlets_together():
    table = pd.DataFrame({"outlet": ["A", "B", "C"], "agentless": [1, 2, 4], "words": [100, 500, 500]})
    rates = agentless_of_others(table)
    assert rates["A"] == pytest.approx(6.0) and rates["B"] == pytest.approx(1000 * 5 / 600)
    assert math.isnan(agentless_of_others(table.iloc[:1])["A"])


def test_significance_counts_and_term_spans():
    counts = significance_counts(pd.Series([3.0, -2.4, 1.0, 0.5]))
    assert counts["tested"] == 4 and counts["usual"] == 2 and counts["bonferroni"] == 1
    assert counts["z_bonferroni"] == pytest.approx(2.4977, abs=1e-4)  # 0.05 / (2 * 4), two-sided
    assert significance_counts(pd.Series([3.0]), n_tests=10_000)["bonferroni"] == 0
    text = "The Kremlin’s envoy met the envoy. Kremlin's envoy again."
    assert [text[a:b] for a, b in term_spans(text, "kremlin's envoy")] == ["Kremlin’s envoy", "Kremlin's envoy"]
    assert len(term_spans(text, "envoy")) == 3


def test_wordings_of_its_own_and_the_concepts_outlets_differ_on():
    mentions = pd.DataFrame({
        "outlet": ["A", "B", "B", "C"], "concept": ["war", "war", "war", "war"],
        "variant": ["war", "conflict", "war", "crisis"], "quoted": [False, False, False, True],
        "article_id": ["a", "b", "b", "c"],
    })
    assert differing_concepts(mentions, ["war", "peace"], n_outlets=3) == ["war"]
    assert differing_concepts(mentions[mentions["variant"] == "war"], ["war"], n_outlets=3) == []
    own = wordings_of_its_own(mentions, ["war"], ["A", "B", "C"])
    assert own[["outlet", "variant", "uses"]].values.tolist() == [["B", "conflict", 1]]
    mentions.loc[3, "outlet"], mentions.loc[3, "variant"] = "A", "conflict"  # A quotes B's own wording
    assert wordings_of_its_own(mentions, ["war"], ["A", "B", "C"])["quoted_by"].tolist() == [["A"]]


def test_voices_stance_and_the_speaker_most_outlets_quote(small):
    from analysis import sourcing

    corpus, syn = small
    quotes = syn.tables["sourcing.extract_quotes"]
    ranked = voice_ranking(syn.tables["sourcing.voices"])
    for _, g in ranked.groupby("outlet", sort=False):
        assert list(g["rank"]) == list(range(1, len(g) + 1)) and g["words"].is_monotonic_decreasing
        assert g["outlet_words"].nunique() == 1 and g["outlet_words"].iloc[0] == g["words"].sum()
    stance = syn.tables["sourcing.verb_stance"]
    others = stance_of_others(stance)
    rest = stance.drop(index="Alpha")
    assert others.loc["Alpha", "others_total"] == rest["total"].sum()
    assert others.loc["Alpha", "others_distancing_share"] == pytest.approx(rest["distancing"].sum() / rest["total"].sum())
    speaker = most_attributed_speaker(quotes, corpus)
    same = sourcing.same_speaker_verbs(quotes, corpus)
    assert speaker == (same["speaker"].iloc[0] if len(same) else speaker)


def test_coverage_sentences_told_alone_and_shared_words(small):
    corpus, syn = small
    from analysis.topics import coverage

    elements = syn.tables["topics.story_elements"]
    alone = sentences_told_alone(elements, coverage.single_outlet_elements(elements, corpus.outlets, strict=False))
    assert "harvest" in " ".join(alone.loc[alone["outlet"] == "Alpha", "text"])
    shared = shared_words(corpus, syn.tables["reuse.shared_passages"])
    assert list(shared["outlet"]) == corpus.outlets
    alpha = shared.set_index("outlet").loc["Alpha"]
    assert 0 < alpha["narration_share"] <= 1 and "Beta" in alpha["narration_partners"]
    assert shared.set_index("outlet").loc["Gamma", "narration_words"] == 0
