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


def test_an_apostrophe_typed_either_way_finds_both(tmp_path):
    """"Russia's" typed with a straight or a curly apostrophe finds the same uses, written either way."""
    from tests.corpus_folders import write_corpus

    two = write_corpus(
        tmp_path,
        {
            "s1": ("Straight", "Russia's army advanced. Russias is not a word here."),
            "c1": ("Curly", "Russia’s envoy spoke. Later Russia’s foreign ministry replied."),
        },
    )
    straight = kwic.keyword_in_context(two, "Russia's")
    curly = kwic.keyword_in_context(two, "Russia’s")
    assert straight.to_dict("records") == curly.to_dict("records")
    assert straight["keyword"].tolist() == ["Russia's", "Russia’s", "Russia’s"]
    texts = two.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.keyword for r in straight.itertuples())
    assert kwic._pattern("Russia's", "word", True).pattern == kwic._pattern("Russia’s", "word", True).pattern
    prefix = kwic.keyword_in_context(two, "Russia’", match="prefix")
    assert len(prefix) == 3


def test_an_apostrophe_on_the_seeds(corpus):
    """On the bundled articles (straight and curly quotes both occur) the two spellings agree."""
    straight = kwic.keyword_in_context(corpus, "Russia's")
    curly = kwic.keyword_in_context(corpus, "Russia’s")
    assert len(straight) > 0
    assert straight[["article_id", "start", "end"]].equals(curly[["article_id", "start", "end"]])
