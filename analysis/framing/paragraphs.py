"""Paragraph numbers as a reader counts them: body paragraphs from 1, a subhead with the next one.

"In its 9th paragraph" should mean what a reader finds by counting, so subheads ("Opposing
visions of peace") are not counted: a subhead takes the number of the body paragraph that
follows it. Used by the frame evidence (:mod:`analysis.framing.frames`), actor salience
(:mod:`analysis.framing.actors`) and first mentions (:mod:`analysis.framing.lede`).
"""

from __future__ import annotations

import bisect

from ..corpus import Corpus

__all__ = [
    "paragraph_number",
    "paragraph_numbers",
]


def paragraph_numbers(corpus: Corpus) -> dict[str, list[tuple[int, int]]]:
    """article_id -> [(paragraph start, body-paragraph number)]: body paragraphs numbered from 1;
    a subhead takes the number of the body paragraph that follows it."""
    out: dict[str, list[tuple[int, int]]] = {}
    for aid, g in corpus.paragraphs().groupby("article_id", sort=False):
        n, rows = 0, []
        for p in g.itertuples(index=False):
            if p.kind == "body":
                n += 1
                rows.append((p.start, n))
            else:
                rows.append((p.start, n + 1))
        out[aid] = rows
    return out


def paragraph_number(corpus: Corpus, article_id: str, offset: int, numbers: dict | None = None) -> int:
    """The paragraph number of the character at ``offset`` of an article (``numbers``: from
    :func:`paragraph_numbers`, to compute them once for many look-ups)."""
    rows = (numbers or paragraph_numbers(corpus))[article_id]
    i = bisect.bisect_right([a for a, _ in rows], offset) - 1
    return rows[max(i, 0)][1]
