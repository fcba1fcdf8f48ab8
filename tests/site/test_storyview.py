"""The story view's HTML: marks where the package's functions put them, elements and what each
article leaves out, a layer that fails said on the page, corpus strings never live."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from analysis.site import storyview
from analysis.site.storyview import Mark, _segment_html, story_data, story_html
from tests.corpus_folders import write_corpus
from tests.test_hostile_escaping import HOSTILE, hostile_corpus, live_parts


class _Spans(HTMLParser):
    """The text inside each element with a given attribute, by the attribute's value."""

    def __init__(self, attr: str):
        super().__init__(convert_charrefs=True)
        self.attr, self.stack, self.found = attr, [], {}

    def handle_starttag(self, tag, attrs):
        value = dict(attrs).get(self.attr)
        self.stack.append(value)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        for value in self.stack:
            if value:
                for v in value.split():
                    self.found[v] = self.found.get(v, "") + data


def spans(html: str, attr: str) -> dict[str, str]:
    p = _Spans(attr)
    p.feed(html)
    return p.found


def test_segments_of_overlapping_marks_keep_the_text_and_each_mark():
    text = "He said “stop the war now” today."
    marks = [Mark("a", 9, 25, "q", "q0", "spk-0 who-0", "He"), Mark("a", 18, 21, "n", "n0", "ss-n")]
    html = _segment_html(text, 0, len(text), marks)
    plain = re.sub(r'<span class="ss-spk[^>]*>He</span>', "", html)
    assert re.sub(r"<[^>]+>", "", plain) == text.replace("“", "“").replace("”", "”")
    found = spans(html, "data-m")
    assert found["q0"] == "stop the war now" and found["n0"] == "war"
    assert html.count('tabindex="0"') == 2  # each mark can be reached from the keyboard where it starts


@pytest.fixture(scope="module")
def bundled(corpus):
    data = story_data(corpus)
    return data, story_html(data)


def test_every_quote_is_marked_with_its_speaker(bundled, corpus):
    from analysis.sourcing import extract_quotes

    data, html = bundled
    quotes = extract_quotes(corpus)
    if "field" in quotes.columns:  # headline quotes have offsets into the headline
        quotes = quotes[quotes["field"] == "text"]
    assert data.counts["q"] == len(quotes) and not data.failures
    texts = dict(zip(corpus.articles.index.astype(str), corpus.articles["text"]))
    found = spans(html, "data-m")
    for i, q in enumerate(quotes.itertuples()):
        assert found[f"q{i}"] == texts[str(q.article_id)][q.start : q.end]
        speaker = q.speaker if isinstance(q.speaker, str) and q.speaker else "not found by the machine"
        assert f'<b class="ss-speaker">{speaker}</b>' in data.info[f"q{i}"].replace("&#x27;", "'")


def test_elements_name_the_articles_that_tell_them_and_leave_them_out(bundled, corpus):
    data, html = bundled
    e = data.elements
    outlets = dict(zip(corpus.articles.index.astype(str), corpus.articles["outlet"]))
    for element, g in e.groupby("element"):
        told = set(g["article_id"].astype(str))
        block = re.search(rf'<div id="elinfo-{element}" hidden>(.*?)</div>', html).group(1)
        left = [outlets[a] for a in outlets if a not in told]
        assert (f"Left out by: {', '.join(left)}." if left else "No article leaves it out.") in block
        for aid in told:  # each telling article has a sentence marked with the element
            marked = re.findall(rf'id="s-{aid}-\d+"[^>]* data-el="([^"]+)"', html)
            assert any(str(element) in m.split() for m in marked), (element, aid)


def test_a_layer_that_fails_is_said_on_the_page_and_the_rest_is_shown(corpus, monkeypatch):
    from analysis import sourcing

    def broken(*args, **kwargs):
        raise KeyError("speaker")

    monkeypatch.setattr(sourcing, "extract_quotes", broken)
    data = story_data(corpus)
    html = story_html(data)
    assert "q" in data.failures and not any(m.layer == "q" for m in data.marks)
    assert "Quotes, by speaker could not be computed for this corpus: KeyError" in html
    assert data.counts.get("n", 0) > 0 and 'class="ss-el"' in html


def test_a_function_without_a_contract_column_is_a_failure_not_a_crash(corpus, monkeypatch):
    import pandas as pd

    from analysis import framing

    monkeypatch.setattr(framing, "frame_scores", lambda corpus, scheme: pd.DataFrame({"article_id": [], "frame": []}))
    data = story_data(corpus)
    assert "frame_scores gave no column" in data.failures["c"]


def test_hostile_corpus_strings_are_not_live():
    corpus = hostile_corpus(HOSTILE[:4], HOSTILE[4:8], HOSTILE[8:12], HOSTILE[12:16])
    data = story_data(corpus)
    html = story_html(data) + storyview.articles_html(corpus)
    own = {"div", "fieldset", "legend", "label", "input", "section", "details", "summary", "ol", "ul", "li", "button",
           "span", "p", "b", "blockquote", "article", "h2", "h3", "a"}
    found = [f for f in live_parts(html) if not (f.startswith("tag <") and f[5:-1] in own)]
    assert found == []
    for tag in ("script", "svg", "iframe", "img", "ss-x"):
        assert f"<{tag}" not in html.lower()


def test_a_corpus_of_two_articles_with_nothing_shared(tmp_path):
    corpus = write_corpus(tmp_path / "c", {
        "a": ("Daily One", "The council met on Monday. It approved the budget for schools."),
        "b": ("Weekly Two", "Rain fell across the valley. Farmers welcomed the change in weather."),
    })
    data = story_data(corpus)
    html = story_html(data)
    assert html.count('class="ss-col"') == 2
    assert "Daily One" in html and "Weekly Two" in html
    assert data.counts.get("r", 0) == 0


def test_only_the_first_articles_are_shown_past_the_limit(tmp_path):
    articles = {f"a{i}": (f"Outlet {i}", f"Sentence number {i} is here. Another one follows.") for i in range(4)}
    corpus = write_corpus(tmp_path / "c", articles)
    data = story_data(corpus, max_articles=3)
    html = story_html(data)
    assert html.count('class="ss-col"') == 3 and data.left_off == 1
    assert "The first 3 articles are shown; 1 more are in the corpus" in html


def test_a_quote_in_a_headline_is_not_marked_in_the_text(tmp_path):
    """extract_quotes gives a headline's quote offsets into the headline: they are not the text's."""
    from analysis.sourcing import extract_quotes

    corpus = write_corpus(tmp_path / "c", [
        {"article_id": "a", "outlet": "Daily One", "headline": "Mayor says budget is \u201ca disgrace for the city\u201d",
         "text": "The mayor spoke on Monday. \u201cWe will fix the schools,\u201d the mayor said."},
        {"article_id": "b", "outlet": "Weekly Two", "headline": "Budget row", "text": "Rain fell. Farmers were glad."},
    ])
    quotes = extract_quotes(corpus)
    if "field" not in quotes.columns or not (quotes["field"] == "headline").any():
        pytest.skip("extract_quotes reports no headline quote here")
    data = story_data(corpus)
    marked = spans(story_html(data), "data-m")
    texts = [v for k, v in marked.items() if k.startswith("q")]
    assert texts == ["We will fix the schools,"], texts
