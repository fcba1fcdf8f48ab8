"""Terms and their counts (analysis.wordchoice.terms).

The bulk counting is checked against the per-article definition (``article_terms``) on generated
texts, and for additivity: counts of two halves of a corpus, added, give the same z-scores as
the whole, to the last bit.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import wordchoice


WORDS = ["war", "Crisis", "Russia’s", "russia's", "U.S.", "us", "full-scale", "a", "the", "Kyiv", "2014", "e.g."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(["X", "Y", "Z"]), st.lists(st.sampled_from(WORDS + [",", ".", "“", "—"]), max_size=25)),
        min_size=1,
        max_size=6,
    )
)
def test_bulk_counts_equal_the_per_article_definition(docs):
    """term_counts (vectorised) == the sum per group of Counter(article_terms(text))."""
    articles = pd.DataFrame({"outlet": [g for g, _ in docs], "text": [" ".join(ws) for _, ws in docs]})
    for ngram_range in [(1, 1), (1, 2), (2, 3)]:
        expected = Counter()
        for g, text in zip(articles["outlet"], articles["text"]):
            for term in wordchoice.article_terms(text, ngram_range=ngram_range):
                expected[(g, term)] += 1
        got = wordchoice.term_counts(articles, ngram_range=ngram_range)
        assert dict(zip(zip(got["outlet"].astype(str), got["term"].astype(str)), got["count"])) == dict(expected)
        # sorted by group, then alphabetically by term
        for _, g in got.groupby("outlet", observed=True):
            assert list(g["term"].astype(str)) == sorted(g["term"].astype(str))


def test_article_terms_reads_news_words():
    assert wordchoice.article_terms("Russia’s full‑scale war in the U.S.", ngram_range=(1, 1)) == [
        "russia's", "full-scale", "war", "in", "the", "u.s.",
    ]
    assert wordchoice.article_terms("A b. C", ngram_range=(2, 2)) == ["a b", "b c"]


def test_counts_of_two_halves_added_give_identical_z(corpus):
    """What the scale issue relies on: count partitions, add, score: the same numbers, bit for bit."""
    arts = corpus.articles
    parts = [wordchoice.term_counts(arts.iloc[:2]), wordchoice.term_counts(arts.iloc[2:])]
    added = pd.concat([p.astype({"outlet": str, "term": str}) for p in parts]).groupby(["outlet", "term", "ngram"], as_index=False)["count"].sum()
    added["outlet"] = pd.Categorical(added["outlet"], categories=corpus.outlets)
    whole = wordchoice.distinctive_terms(corpus).astype({"outlet": str, "term": str}).set_index(["outlet", "term"]).sort_index()
    from_parts = wordchoice.log_odds_dirichlet(added).astype({"outlet": str, "term": str}).set_index(["outlet", "term"]).sort_index()
    assert whole.index.equals(from_parts.index)
    assert np.array_equal(whole["z"].to_numpy(), from_parts["z"].to_numpy())
    assert np.array_equal(whole["count"].to_numpy(), from_parts["count"].to_numpy())


def test_background_prior_from_other_texts(corpus):
    """A background collection's counts as the prior (as from the AllSides articles)."""
    background = wordchoice.background_counts(["The war went on. The war ended.", "Talks on the war; talks again."])
    # the war went on the war ended | talks on the war talks again
    assert background.to_dict() == {
        "again": 1, "ended": 1, "on": 2, "on the": 2, "talks": 2, "talks again": 1, "talks on": 1, "the": 3,
        "the war": 3, "war": 3, "war ended": 1, "war talks": 1, "war went": 1, "went": 1, "went on": 1,
    }
    terms = wordchoice.distinctive_terms(corpus, prior=background)
    plain = wordchoice.distinctive_terms(corpus)
    assert len(terms) == len(plain)
    a0 = terms.drop_duplicates("term")["prior"].sum()
    assert a0 == pytest.approx(plain.drop_duplicates("term")["prior"].sum())  # a_0 = N either way
    war = terms[terms["term"] == "war"]["prior"].iloc[0]
    assert war == pytest.approx(a0 * (3 + 1) / (background.reindex(terms["term"].unique().astype(str)).fillna(0) + 1).sum())
