"""analysis.evaluate.elements: extended B-cubed for sentences in several elements, and the claims judged against gold."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.evaluate.elements import bcubed, claims_precision, gold_facts
from tests.topics.conftest import small_story  # noqa: F401 (the fixture, shared)


def test_extended_bcubed_rewards_a_sentence_in_each_of_its_facts():
    gold = {1: frozenset({"x", "y"}), 2: frozenset({"x"}), 3: frozenset({"y"})}
    assert bcubed({1: {"a", "b"}, 2: {"a"}, 3: {"b"}}, gold)["f1"] == 1.0
    # One element per sentence: the lede can join one fact only, and recall drops.
    single = bcubed({1: "a", 2: "a", 3: "b"}, gold)
    assert single["precision"] == 1.0 and single["recall"] < 1.0
    # Everything in one element: precision lost where sentences share no fact, and the two-fact
    # sentence is in one element where it tells two facts (multiplicity recall 1/2 with itself).
    lump = bcubed({1: "a", 2: "a", 3: "a"}, gold)
    assert lump["precision"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3, abs=1e-3)
    assert lump["recall"] == pytest.approx(((0.5 + 1 + 1) / 3 + 1 + 1) / 3, abs=1e-3)


def test_gold_rows_are_found_by_text_and_claims_judged():
    sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence": [0, 1, 0],
                              "text": ["The bridge fell.", "Divers came.", "The bridge collapsed."]})
    rows = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_index": [0, 1, 0],
                         "sentence_text": ["The bridge fell.", "Divers came.", "The bridge collapsed."], "fact_id": ["F1", "F2", "F1"]})
    facts = gold_facts(rows, sentences)
    assert facts == {("a", 0): frozenset({"F1"}), ("a", 1): frozenset({"F2"}), ("b", 0): frozenset({"F1"})}
    # An element that wrongly leaves the bridge to A alone, and one for the divers that only A tells.
    elements = pd.DataFrame({
        "article_id": ["a", "a", "b"], "outlet": ["A", "A", "B"], "sentence": [0, 1, 0], "start": [0, 17, 0], "end": [16, 29, 21],
        "text": ["The bridge fell.", "Divers came.", "The bridge collapsed."], "element": [1, 2, 3],
        "element_label": ["The bridge fell", "Divers came", "The bridge collapsed"], "representative": [True, True, True],
        "near_outlets": ["", "", ""],
    })
    elements["sentence"] = elements["sentence"].astype(int)
    # Strictness aside (one sentence per element here), judge every single-outlet element.
    from analysis.topics import coverage

    only = coverage.single_outlet_elements(elements, ["A", "B"], min_sentences=1)
    assert set(only["element"]) == {1, 2, 3}
    c = claims_precision(elements, ["A", "B"], facts)
    # With the strict default (two sentences), nothing is claimed, so nothing is wrong.
    # "Left out": B leaves out the divers (right); A the bridge as B tells it, B the bridge as A tells it (both wrong).
    assert c["alone"]["claims"] == 0 and c["left_out"]["judged"] == 3 and c["left_out"]["right"] == 1
    assert {(w["outlet"], w["element"]) for w in c["wrong"]} == {("A", 3), ("B", 1)}


def test_pair_table_and_fit_on_a_small_story(small_story):
    """Gold pairs are labelled from the tagged sentences only, and the fitted weights are in the features' own units."""
    import numpy as np

    from analysis.evaluate.elements import fit_pair_model, pair_table
    from analysis.topics import FEATURES, PairModel

    s = small_story.sentences()
    fact = {"collapse": "F1", "killing four": "F1", "Four workers": "F1", "four workers died": "F1",
            "Divers": "F2", "Mayor": "F3", "rust": "F4"}
    rows = [(r.article_id, int(r.sentence), r.text[:120], f) for r in s.itertuples()
            for k, f in fact.items() if k in r.text][:20]
    gold = pd.DataFrame(rows, columns=["article_id", "sentence_index", "sentence_text", "fact_id"]).drop_duplicates(
        ["article_id", "sentence_index"])
    table = pair_table(small_story, gold)
    assert set(table["y"]) == {0, 1} and list(table.columns) == ["a", "b", *FEATURES, "y"]
    coef, icpt = fit_pair_model(table)
    model = PairModel(FEATURES, tuple(coef), icpt, 0.5, 0.5)
    p = model.probability(table)
    assert p[table["y"] == 1].mean() > p[table["y"] == 0].mean()
    assert np.isfinite(coef).all()
