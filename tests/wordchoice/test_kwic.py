"""Keyword in context (analysis.wordchoice.kwic)."""

from __future__ import annotations

from analysis.wordchoice import kwic


def test_keyword_in_context_on_the_seeds(corpus):
    rows = kwic.keyword_in_context(corpus, "crisis")
    assert rows.groupby("outlet").size().to_dict() == {"CGTN": 2, "CNN": 1}
    texts = corpus.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.keyword for r in rows.itertuples())
    crimea = kwic.keyword_in_context(corpus, "Crimea", match="prefix")
    assert "Crimean" in set(crimea["keyword"]) and len(crimea) > len(kwic.keyword_in_context(corpus, "Crimea"))
    table = kwic.side_by_side(corpus, "claimed")
    assert table.counts().to_dict() == {"AFP": 1, "CNN": 1, "CGTN": 0, "FT (probable)": 0, "The Independent": 1}
    assert "never uses “claimed”" in repr(table)


def test_side_by_side_html_escapes_the_text(tiny):
    table = kwic.side_by_side(tiny, "terrorist")
    page = table._repr_html_()
    assert "&lt;b&gt;" in page and "<b>terrorist" not in page
    assert "never uses “terrorist”" in page  # Alpha
    assert page.count('<td style="text-align:center;font-weight:bold;white-space:nowrap">') == 1
