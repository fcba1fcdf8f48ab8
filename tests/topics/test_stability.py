"""analysis.topics.stability: matching topics by their top terms, and the choice of k on documents of known themes."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import topics


@given(st.lists(st.lists(st.sampled_from("abcdefghij"), min_size=3, max_size=3, unique=True), min_size=2, max_size=5), st.randoms(use_true_random=False))
@settings(max_examples=50, deadline=None)
def test_ranking_agreement_is_one_for_the_same_topics_in_any_order(lists, rnd):
    shuffled = lists[:]
    rnd.shuffle(shuffled)
    score, pairs = topics.ranking_agreement(lists, shuffled)
    assert score == pytest.approx(1.0)
    assert sorted(i for i, _ in pairs) == list(range(len(lists)))


def test_ranking_agreement_of_disjoint_topics_is_zero():
    assert topics.ranking_agreement([["a", "b"], ["c", "d"]], [["e", "f"], ["g", "h"]])[0] == 0.0


THEMES = [
    "striker goalkeeper match league coach penalty stadium referee football club goal fans".split(),
    "flour butter sugar oven bake bread dough recipe whisk cake eggs sauce".split(),
    "senate vote bill congress senator ballot election campaign party lawmakers committee budget".split(),
]


def themed_documents(n_themes: int, per_theme: int = 20, seed: int = 0) -> list[str]:
    """Documents drawn from separate vocabularies, words Zipf-distributed as in real text."""
    import random

    rng = random.Random(seed)
    weights = [1 / (r + 1) for r in range(12)]
    return [" ".join(rng.choices(THEMES[t], weights=weights, k=12)) for t in range(n_themes) for _ in range(per_theme)]


@pytest.mark.parametrize("n_themes", [2, 3])
def test_stability_finds_the_true_number_of_themes(n_themes):
    stab = topics.topic_stability(themed_documents(n_themes), ks=[2, 3, 4, 5], n_runs=5, top_n=5)
    assert list(stab["k"]) == [2, 3, 4, 5]
    assert stab["stability"].between(0, 1).all()
    assert topics.choose_k(stab) == n_themes
    assert stab.set_index("k").loc[n_themes, "stability"] > 0.9


def test_choose_k_on_nothing_says_so():
    with pytest.raises(topics.TopicError, match="too few paragraphs"):
        topics.choose_k(pd.DataFrame(columns=["k", "stability"]))


def test_findings_are_sentences_with_the_computed_numbers(corpus):
    units = topics.topic_units(corpus)
    stab = topics.topic_stability(units["text"].tolist(), ks=[2, 3], n_runs=3)
    text = topics.k_finding(stab, units, 100)
    assert f"{len(units)} body paragraphs" in text and f"k = {topics.choose_k(stab)}" in text
    assert "too few" in topics.k_finding(stab.iloc[0:0], units, 0)
