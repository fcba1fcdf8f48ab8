"""Whether a word found in an article sits inside quotation marks: someone else's words, not the outlet's.

Contested names and loaded words are both reported with a ``quoted`` flag, because a word an
outlet prints inside a quotation is the speaker's choice before it is the outlet's. The marks
themselves are read by the package's one quote-mark reader,
:func:`analysis.corpus.marks.quoted_regions`; this module only indexes its regions per article
so that each use is looked up in logarithmic time.
"""

from __future__ import annotations

import bisect

from ..corpus import Corpus
from ..corpus.marks import quoted_regions

__all__ = [
    "QuoteIndex",
]


class QuoteIndex:
    """Whether a stretch of an article's clean text lies inside quotation marks.

    Call it with ``(article_id, start, end)``: True when the stretch lies wholly inside one
    quoted region of that article.

    Args:
        corpus: the corpus whose articles are looked up; each paragraph's quoted regions are
            read once, by :func:`analysis.corpus.marks.quoted_regions`.
    """

    def __init__(self, corpus: Corpus):
        paragraphs: dict[str, list[tuple[int, int]]] = {}
        for p in corpus.paragraphs().itertuples(index=False):
            paragraphs.setdefault(p.article_id, []).append((p.start, p.end))
        texts = corpus.articles["text"]
        self._spans: dict[str, list[tuple[int, int]]] = {
            aid: quoted_regions(texts[aid], spans) for aid, spans in paragraphs.items()
        }
        self._starts = {k: [s for s, _ in v] for k, v in self._spans.items()}

    def __call__(self, article_id: str, start: int, end: int) -> bool:
        spans = self._spans.get(article_id, [])
        k = bisect.bisect_right(self._starts.get(article_id, []), start) - 1
        return k >= 0 and spans[k][0] <= start and end <= spans[k][1]

