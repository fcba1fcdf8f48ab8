"""Loaded language: the word lists, the matching rules, the uses and their rates (analysis.wordchoice.loaded)."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis import wordchoice
from analysis.wordchoice.loaded import _norm


def test_word_lists_load_disjoint_with_headers():
    lex = wordchoice.load_lexicons()
    assert lex.categories == wordchoice.LOADED_CATEGORIES
    for category in lex.categories:
        head = (wordchoice.LOADED_DIR / f"{category}.txt").read_text().splitlines()[:6]
        assert any("Source:" in h for h in head) and any("Licence:" in h for h in head) and any("To extend" in h for h in head)
        assert len(lex.entries[category]) >= 30
    seen = Counter(_norm(w) for words in lex.entries.values() for w in words)
    assert max(seen.values()) == 1


def test_a_word_in_two_lists_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("# a\nslam*\n")
    (tmp_path / "b.txt").write_text("slam*\n")
    with pytest.raises(wordchoice.LexiconError, match=r"b.txt, line 1: 'slam\*' is already in a.txt"):
        wordchoice.load_lexicons(tmp_path, ("a", "b"))


def test_matching_rules():
    lex = wordchoice.Lexicon({"fear": ("fear*", "may"), "judge": ("fearless", "lash out", "super-smart", "hero")})
    found = lambda s: [(w, c) for _, _, w, c in lex.find(s)]  # noqa: E731
    assert found("May we go? It may rain.") == [("May", "fear"), ("may", "fear")]  # a capital at the start is fine
    assert found("in May it may") == [("may", "fear")]  # but not inside a sentence: the month
    assert found("Fearless and fearful, they lashed out") == [("Fearless", "judge"), ("fearful", "fear")]
    assert found("He will lash  out at the super-smart hero’s rival") == [("lash  out", "judge"), ("super-smart", "judge"), ("hero", "judge")]
    assert found("“Heroes,” he said; the hero-worship") == []


def test_loaded_words_and_rates(corpus):
    words = wordchoice.loaded_words(corpus)
    texts = corpus.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.words for r in words.itertuples())
    indy = words[words["outlet"] == "The Independent"]
    assert {"bloodshed", "senseless", "slated"} <= set(indy["words"].str.lower())
    assert indy.loc[indy["words"] == "senseless", "quoted"].all()  # Trump's post

    rates = wordchoice.loaded_rates(corpus, n_boot=300)
    again = wordchoice.loaded_rates(corpus, n_boot=300)
    pd.testing.assert_frame_equal(rates, again)  # seeded
    assert set(rates["category"]) == set(wordchoice.LOADED_CATEGORIES) | {wordchoice.LOADED_ALL}
    assert ((rates["low"] <= rates["rate"] + 1e-9) & (rates["rate"] <= rates["high"] + 1e-9)).all()
    r = rates.set_index(["outlet", "category"])
    for outlet in corpus.outlets:
        n = int(words[(words["outlet"] == outlet) & words["category"].isin(wordchoice.LOADED_DETECTOR)].shape[0])
        row = r.loc[(outlet, wordchoice.LOADED_ALL)]
        assert row["count"] == n
        assert row["rate"] == pytest.approx(1000 * n / row["words"])
    assert r.loc[("AFP", "hedges"), "words"] == corpus.articles.loc["afp", "n_words"]
    assert "per 1,000 words" in wordchoice.loaded_finding(rates)
