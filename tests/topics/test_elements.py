"""analysis.topics.elements: clauses, terms, the sparse graph and its average linkage, and the elements they give."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import topics
from analysis.topics import coverage
from tests.topics.helpers import elements_of, outlets_in


def test_clauses_cut_a_lede_at_its_joining_words():
    text = ("The railway bridge collapsed on Monday, killing four workers, after engineers had warned of rust in March; "
            "the mayor said the city would pay for the funerals.")
    spans = topics.clause_spans(text)
    parts = [text[a:b] for a, b in spans]
    assert len(parts) == 3 and parts[1].startswith("after engineers") and parts[2].startswith("the mayor")
    assert all(0 <= a < b <= len(text) for a, b in spans)
    # A short piece stays with its neighbour: no clause without content.
    assert topics.clause_spans("He left, and so did she.") == [(0, 24)]


def test_numbers_are_one_term_however_written():
    a, b, c = (topics.unit_terms(t) for t in ("Unemployment fell to 7.7%", "unemployment fell to 7.7 percent", "7.7 per cent"))
    assert "#7.7%" in a and "#7.7%" in b and "#7.7%" in c
    assert "#146000" in topics.unit_terms("146,000 jobs") and "#3" in topics.unit_terms("three hours")


def test_average_linkage_on_a_sparse_graph():
    # 0-1-2 close together, 3 tied to 2 only weakly: the mean over {0,1,2} x {3} stays under the threshold.
    edges = pd.DataFrame({"i": [0, 0, 1, 2], "j": [1, 2, 2, 3], "similarity": [0.9, 0.8, 0.85, 0.5]})
    labels = topics.cluster_graph(5, edges, threshold=0.3)
    assert labels[0] == labels[1] == labels[2] != labels[3] and len(set(labels)) == 3
    assert len(set(topics.cluster_graph(5, edges, threshold=0.95))) == 5


def test_candidate_pruning_keeps_the_similarities_exact(small_story):
    exact = topics.element_graph(small_story, max_df=10**9).edges.set_index(["i", "j"])["similarity"]
    pruned = topics.element_graph(small_story, max_df=2).edges.set_index(["i", "j"])["similarity"]
    assert 0 < len(pruned) < len(exact) and set(pruned.index) <= set(exact.index)
    assert (pruned - exact.reindex(pruned.index)).abs().max() < 1e-9


def test_story_elements_contract_on_the_seeds(corpus):
    e = topics.story_elements(corpus)
    assert list(e.columns[:6]) == ["article_id", "outlet", "start", "end", "text", "element"]
    texts = corpus.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.text for r in e.itertuples())
    told = e.dropna(subset=["element"])
    assert ((told["clause_start"] >= told["start"]) & (told["clause_end"] <= told["end"])).all()
    # Every sentence of the corpus is there; some tell several elements, crossheads none.
    keys = e[["article_id", "sentence"]].drop_duplicates()
    assert len(keys) == len(corpus.sentences())
    assert (told.groupby(["article_id", "sentence"])["element"].nunique() > 1).any()
    assert e.loc[e["paragraph_kind"] == "subhead", "element"].isna().all()
    n = told["element"].nunique()
    assert sorted(told["element"].unique()) == list(range(1, n + 1))
    reps = told[told["representative"]].drop_duplicates("element")
    assert len(reps) == n
    # Labels are phrases of the text, not word lists.
    assert not told["element_label"].str.contains(" · ").any() and told["element_label"].str.contains(" ").mean() > 0.9


def test_the_seed_story_has_elements_every_outlet_tells(corpus):
    e = topics.story_elements(corpus).dropna(subset=["element"])
    per = e.groupby("element")["outlet"].nunique()
    assert (per == len(corpus.outlets)).any()
    bomb = elements_of(e, "was killed in a car bombing outside a residential building")  # the FT's sentence
    assert any(outlets_in(e, b) >= {"AFP", "CNN", "FT (probable)", "The Independent"} and "CGTN" not in outlets_in(e, b)
               for b in bomb)


def test_none_of_the_five_false_claims_of_issue_13_is_printed(corpus):
    """Read by hand: The Independent tells Trump's "very close"; AFP, CNN and The Independent do too, not only
    CGTN; the FT and The Independent tell the fourth visit, not only CNN; the FT has Dmitriev too; all five
    report the meeting."""
    e = topics.story_elements(corpus)
    om = coverage.omissions(e, corpus.outlets)
    close = e.loc[e["text"].str.contains("very close", regex=False), "element"].dropna().astype(int)
    assert not ((om["left out by"] == "The Independent") & om["element"].isin(close)).any()
    only = coverage.single_outlet_elements(e, corpus.outlets)
    assert not only["element"].isin(close).any()
    for needle in ("fourth", "Dmitriev"):
        hit = e.loc[e["text"].str.contains(needle, regex=False), "element"].dropna().astype(int)
        assert not only["element"].isin(hit).any()
    told = e.dropna(subset=["element"])
    assert (told.groupby("element")["outlet"].nunique() == 5).any()


def test_small_story_elements_align_the_same_fact_across_outlets(small_story):
    e = topics.story_elements(small_story)
    collapse = elements_of(e, "Four workers were killed")
    assert any(outlets_in(e, c) == {"Alpha News", "Beta Daily", "Gamma Post"} for c in collapse)
    assert any(outlets_in(e, c) == {"Alpha News", "Beta Daily"} for c in elements_of(e, "Divers rescued"))
    assert any(outlets_in(e, c) == {"Alpha News", "Gamma Post"} for c in elements_of(e, "promised the city"))
    assert all(outlets_in(e, c) == {"Beta Daily"} for c in elements_of(e, "rust was eating"))


def test_threshold_sweep_from_one_graph(small_story):
    sweep = topics.threshold_sweep(small_story, thresholds=[0.1, 0.3, 0.6, 0.95])
    assert sweep["elements"].is_monotonic_increasing
    with pytest.raises(topics.TopicError, match="same-fact probability"):
        topics.story_elements(small_story, threshold=1.5)
    assert "story elements" in topics.threshold_finding(topics.story_elements(small_story), small_story.outlets)
