"""analysis.topics.shares: the topics of the seed corpus's paragraphs, outlet shares, NMF against LDA."""

from __future__ import annotations

import numpy as np
import pytest

from analysis import topics


def test_topic_model_on_the_seeds(corpus):
    result = topics.topic_model(corpus)
    docs = result.documents
    assert len(docs) == (corpus.paragraphs()["kind"] == "body").sum()
    texts = corpus.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.text for r in docs.itertuples())
    shares = topics.topic_shares(result)
    assert np.allclose(shares.groupby("outlet")["share"].sum(), 1)
    assert set(shares["outlet"]) == set(corpus.outlets)
    rep = topics.representative_paragraphs(result, n=2)
    assert len(rep) == 2 * result.k
    terms = topics.topic_terms(result)
    assert terms["share"].sum() == pytest.approx(1, abs=0.01)
    # Few paragraphs of one story: the stability choice keeps the number of topics small.
    assert 2 <= result.k <= 5


def test_nmf_and_lda_comparison_has_one_row_per_topic(corpus):
    nmf = topics.topic_model(corpus, k=3)
    lda = topics.topic_model(corpus, k=3, method="lda")
    cmp = topics.compare_models(nmf, lda)
    assert sorted(cmp["topic"]) == [1, 2, 3] and sorted(cmp["matched topic"]) == [1, 2, 3]
    assert -1 <= topics.model_agreement(nmf, lda) <= 1
