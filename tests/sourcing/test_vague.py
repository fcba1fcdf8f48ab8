"""Vague and anonymous sourcing (analysis.sourcing.vague)."""

from __future__ import annotations

from analysis import sourcing
from analysis.sourcing.vague import vague_sourcing_in_text


def test_vague_sourcing_phrases():
    rows = vague_sourcing_in_text(
        "Officials said the plan failed. It is understood that talks resumed. The envoy reportedly left. "
        "A source familiar with the talks agreed. “Officials said nothing,” he joked."
    )
    assert [(r["class"], r["phrase"]) for r in rows] == [
        ("anonymous", "Officials said"), ("hedge", "It is understood"), ("hedge", "reportedly"),
        ("anonymous", "A source familiar with"),
    ]


def test_vague_sourcing_on_the_seeds(corpus):
    q = sourcing.extract_quotes(corpus, indirect=True)
    vague = sourcing.vague_sourcing(corpus, q)
    text = corpus.articles["text"]
    assert all(text[r.article_id][r.start : r.end] == r.phrase for r in vague.itertuples())
    assert "anonymous speaker" in set(vague["class"])  # CNN's European official
