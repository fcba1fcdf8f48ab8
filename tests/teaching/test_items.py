"""The items of each check: keys, the rule that picks them, offsets that point into the text."""

from __future__ import annotations

import pandas as pd

from analysis import framing, teaching
from analysis.topics import reuse
from analysis.wordchoice import LOADED_DETECTOR
from tests.corpus_folders import write_corpus
from tests.teaching.helpers import TINY_A


def test_item_keys_are_short_and_unique():
    keys = teaching.item_keys(["A", "A", "B", "A"], [
        "one two three four five six seven eight", "one two three four five six nine ten", "one", "one",
    ])
    assert keys == [
        "A · one two three four five six seven", "A · one two three four five six nine", "B · one", "A · one",
    ]
    assert teaching.item_keys(["A", "A"], ["same words", "same words"]) == ["A · same words", "A · same words (2)"]


def test_items_from_a_tiny_corpus_point_into_the_text(tiny):
    frames = teaching.frame_items(tiny, n=10)
    assert len(frames) == len(tiny.sentences())  # fewer sentences than asked: all of them
    quotes = teaching.quote_items(tiny, n=10)
    assert set(quotes["text"]) <= {"very useful"}
    for table in (frames, quotes):
        for r in table.itertuples():
            assert tiny.articles.loc[r.article_id, "text"][r.start:r.end] == r.text
            assert r.context[r.mark_start:r.mark_end] == r.text


def test_passage_items_call_shared_narration_wire_copy(tiny):
    items = teaching.passage_items(tiny)
    assert len(items) == len(reuse.shared_passages(tiny))
    assert set(items["machine"]) <= {teaching.WIRE, teaching.NOT_WIRE}
    for r in items.itertuples():
        assert (r.machine == teaching.WIRE) == (r.kind == "shared narration")
        assert r.context[r.mark_start:r.mark_end] == r.text and r.context_b[r.mark_start_b:r.mark_end_b] == r.text_b


def test_one_outlet_has_no_passage_item(tmp_path):
    solo = write_corpus(tmp_path, {"a": ("Solo", TINY_A)})
    assert teaching.passage_items(solo).empty
    assert list(teaching.passage_items(solo).columns)[:4] == ["item", "key", "article_id", "outlet"]


# ---------------------------------------------------------------------------------------------
# On the seeds: the rules that pick the items


def test_seed_frame_items_are_a_seeded_sample_in_reading_order(corpus):
    a, b = teaching.frame_items(corpus), teaching.frame_items(corpus)
    pd.testing.assert_frame_equal(a, b)
    assert len(a) == 10 and a["key"].is_unique
    order = {aid: i for i, aid in enumerate(corpus.articles.index)}
    positions = list(zip(a["article_id"].map(order), a["start"]))
    assert positions == sorted(positions)
    generic = framing.load_scheme("generic")
    for r in a.itertuples():
        assert r.machine == (generic.labels.get(framing.classify(r.text, scheme="generic")) or teaching.NO_FRAME)
    policy = teaching.frame_items(corpus, scheme="policy")
    assert list(policy["key"]) == list(a["key"])
    for r in policy.itertuples():
        assert r.machine == framing.load_scheme("policy").labels[framing.classify(r.text, scheme="policy")]


def test_seed_quote_and_loaded_items(corpus):
    quotes = teaching.quote_items(corpus)
    assert len(quotes) == 10 and quotes["key"].is_unique
    for r in quotes.itertuples():
        assert corpus.articles.loc[r.article_id, "text"][r.start:r.end] == r.text
    words = teaching.loaded_items(corpus)
    assert len(words) == 10 and words["key"].is_unique
    assert (words["machine"] == teaching.LOADED).sum() == 5  # five of each side, as the rule says
    assert all((m == teaching.LOADED) == (c in LOADED_DETECTOR) for m, c in zip(words["machine"], words["category"]))
    for r in words.itertuples():
        assert r.context[r.mark_start:r.mark_end] == r.word and r.text.startswith(r.word)


def test_seed_passage_items_take_the_longest_passage_of_each_pair(corpus):
    items = teaching.passage_items(corpus)
    passages = reuse.shared_passages(corpus)
    pairs = passages.groupby(["article_a", "article_b"]).size()
    assert len(items) == min(10, len(passages)) and len(pairs) == 10  # five outlets: ten pairs, one passage each
    assert items.groupby(["article_id", "article_b"]).size().max() == 1
    longest = passages.groupby(["article_a", "article_b"])["words"].max()
    for r in items.itertuples():
        assert r.words == longest[(r.article_id, r.article_b)]
