"""analysis.topics.pairs: the features of sentence pairs and the same-fact model."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis import topics
from analysis.topics import pairs as tp


def _pair(p: pd.DataFrame, graph, needle_a: str, needle_b: str) -> pd.Series:
    text = graph.sentences["text"]
    a = int(np.flatnonzero(text.str.contains(needle_a, regex=False))[0])
    b = int(np.flatnonzero(text.str.contains(needle_b, regex=False))[0])
    hit = p[(p["a"] == min(a, b)) & (p["b"] == max(a, b))]
    assert len(hit) == 1, f"no pair for {needle_a!r} and {needle_b!r}"
    return hit.iloc[0]


def test_pairs_are_the_sparse_graph_and_the_neighbours_only(small_story):
    g = topics.element_graph(small_story, min_similarity=topics.CANDIDATE)
    p = topics.sentence_pairs(g)
    assert list(p.columns) == ["a", "b", *topics.FEATURES]
    assert (p["a"] < p["b"]).all() and not p.duplicated(["a", "b"]).any()
    n = len(g.sentences)
    assert len(p) < n * (n - 1) / 2  # not every pair
    # Neighbouring sentences of one article are compared even with no word in common.
    adj = _pair(p, g, "Mayor Ingrid Solberg said", "Divers pulled")
    assert adj["adjacent"] == 1 and adj["same_article"] == 1 and adj["clause_similarity"] == 0
    same = _pair(p, g, "killing four workers", "Four workers were killed")
    assert same["shared_numbers"] == 1 and same["number_conflict"] == 0 and same["shared_names"] > 0
    assert 0 < same["shared_weight"] and 0 < same["rarest_shared"] <= 1 and same["earlier_position"] == 0


def test_names_and_quoted_words():
    assert tp._names("Yesterday Mayor Ingrid Solberg met the minister.") >= {"ingrid", "solberg"}
    assert "yesterday" not in tp._names("Yesterday Mayor Ingrid Solberg met the minister.")
    assert tp._quoted('He said the talks were "very constructive" and left.') == {"construct"}


def test_the_model_puts_the_same_fact_above_a_different_one(small_story):
    g = topics.element_graph(small_story, min_similarity=topics.CANDIDATE)
    p = topics.sentence_pairs(g)
    prob = topics.load_pair_model().probability(p)
    p = p.assign(prob=prob)
    same = _pair(p, g, "killing four workers", "Four workers were killed")["prob"]
    other = _pair(p, g, "Mayor Ingrid Solberg said", "Divers pulled")["prob"]
    assert 0 <= other < same <= 1 and same > topics.load_pair_model().threshold


def test_a_broken_model_file_is_named(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"features": ["clause_similarity"], "coefficients": []}), encoding="utf-8")
    with pytest.raises(topics.TopicError, match="model.json"):
        topics.load_pair_model(bad)
    with pytest.raises(topics.TopicError, match="1 features but 2"):
        topics.PairModel(("clause_similarity",), (1.0, 2.0), 0.0, 0.5, 0.5)
    shipped = topics.load_pair_model()
    assert shipped.features == topics.FEATURES and shipped.about["cross_validation"]["mean_bcubed_f1"] > 0
    (tmp_path / "again.json").write_text(json.dumps(shipped.to_dict()), encoding="utf-8")
    assert topics.load_pair_model(tmp_path / "again.json") == shipped
