"""Sentence sentiment with VADER (analysis.wordchoice.sentiment)."""

from __future__ import annotations

from analysis import wordchoice


def test_sentence_sentiment(corpus):
    s = wordchoice.sentence_sentiment(corpus)
    assert len(s) == len(corpus.sentences())
    assert s["compound"].between(-1, 1).all()
    by = wordchoice.sentiment_by_outlet(s, n_boot=200)
    assert by["outlet"].tolist() == corpus.outlets
    assert (by["low"] <= by["mean compound"]).all() and (by["mean compound"] <= by["high"]).all()
    worst = wordchoice.most_negative_sentences(s)
    assert worst["outlet"].tolist() == corpus.outlets
