"""Distinctive terms of a corpus, their thresholds and the sentences written from them (analysis.wordchoice.distinctive)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import wordchoice
from analysis.errors import ComparisonError
from tests.corpus_folders import write_corpus


def test_distinctive_terms_on_a_table_of_articles():
    articles = pd.DataFrame({"source": ["x", "x", "y"], "text": ["war war war", "war talks", "talks crisis"]})
    terms = wordchoice.distinctive_terms(articles, by="source", include_absent=False)
    assert list(terms.columns[:2]) == ["source", "term"]
    assert (terms["count"] > 0).all()
    assert terms.set_index(["source", "term"]).loc[("x", "war"), "count"] == 4


def test_distinctive_terms_on_the_seeds(corpus, tmp_path):
    terms = wordchoice.distinctive_terms(corpus)
    assert list(terms.columns[:4]) == ["outlet", "term", "ngram", "count"]
    assert {"z", "delta", "variance"} <= set(terms.columns)
    n_terms = terms["term"].nunique()
    assert len(terms) == len(corpus.outlets) * n_terms  # every term for every outlet
    row = terms[(terms["outlet"] == "CGTN") & (terms["term"] == "crisis")].iloc[0]
    assert (row["count"], row["count_other"]) == (2, 1)  # "Ukraine crisis", "Ukrainian crisis"; CNN quotes the latter
    by_outlet = terms.groupby("outlet", observed=True)["z"]
    assert (by_outlet.apply(lambda z: z.is_monotonic_decreasing)).all()
    with pytest.raises(ComparisonError, match="at least 2"):
        one = write_corpus(tmp_path / "solo", {"x": ("Solo", "One outlet only.")})
        wordchoice.distinctive_terms(one)


def test_statements_are_computed_from_the_numbers(corpus):
    terms = wordchoice.distinctive_terms(corpus)
    baseline = wordchoice.chance_baseline(corpus, n_shuffles=5)
    assert baseline["shuffle"].tolist() == list(range(6))
    assert baseline.equals(wordchoice.chance_baseline(corpus, n_shuffles=5))  # seeded
    text = wordchoice.limits_statement(terms, corpus, baseline)
    passed = int((terms["z"].abs() > 1.96).sum())
    assert f"{len(terms):,} outlet-and-term pairs were tested and {passed:,} pass" in text
    assert f"{corpus.articles['n_words'].min():,} to {corpus.articles['n_words'].max():,} words" in text
    assert "One article per outlet" in text
    finding = wordchoice.distinctive_finding(terms)
    assert f"Of the {len(terms):,} outlet-and-term pairs tested" in finding
    assert wordchoice.distinctive_finding(None) == wordchoice.NEEDS_TWO_OUTLETS
    summary = wordchoice.significance_summary(terms)
    assert summary["terms tested"].tolist() == [terms["term"].nunique()] * len(corpus.outlets)
    top = wordchoice.top_terms(terms, n=3)
    assert (top["count"] >= 2).all() and top.groupby("outlet", observed=True).size().max() <= 3


def test_bonferroni_threshold():
    assert wordchoice.bonferroni_z(1) == pytest.approx(1.959963984540054)
    assert wordchoice.bonferroni_z(1000) == pytest.approx(4.0556, abs=1e-4)
