"""analysis.topics.words: stop words and content words."""

from __future__ import annotations

import pytest

from analysis import topics


def test_stop_words_add_news_words_and_keep_content_words():
    stop = topics.load_stop_words()
    assert {"said", "told", "mr", "the", "and"} <= stop
    assert not {"fire", "bill", "front"} & stop


def test_stop_word_file_with_a_bad_line_is_named(tmp_path):
    bad = tmp_path / "stop.txt"
    bad.write_text("# header\n+said\nsaid twice\n", encoding="utf-8")
    with pytest.raises(topics.TopicError, match="line 3"):
        topics.load_stop_words(bad)


def test_content_words_stem_and_drop_stop_words_and_possessives():
    words = topics.content_words("Moskalik’s car was bombed; the bombing killed him, officials said.")
    stems = [s for s, _ in words]
    surface = [w for _, w in words]
    assert "said" not in surface and "the" not in surface and "him" not in surface
    assert "moskalik" in surface  # possessive dropped
    assert stems.count("bomb") == 2  # bombed, bombing
