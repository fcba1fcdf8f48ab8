"""What the workbooks show to read: items in context, sentences whole, the exercises' sentences (escaped)."""

from __future__ import annotations

import pandas as pd

from analysis import framing, teaching
from tests.corpus_folders import write_corpus
from tests.teaching.helpers import TINY_A, items_table


def test_html_escapes_article_text_and_outlet_names():
    items = items_table([("<script>alert(1)</script> & more words", "x")], outlets=["<i>O</i>"])
    page = teaching.reading_html(items, colors={"<i>O</i>": "#000000"}, notes={"machine": "machine"})
    assert "<script>" not in page and "&lt;script&gt;" in page and "<i>O</i>" not in page
    assert "<mark>" in page
    page = teaching.sentences_html(items, notes=["machine"])
    assert "<script>" not in page and "&lt;i&gt;O&lt;/i&gt;" in page
    assert "nothing here" in teaching.reading_html(items.iloc[:0], empty="nothing here")


def test_one_outlet_is_handled(tmp_path):
    solo = write_corpus(tmp_path, {"a": ("Solo", TINY_A)})
    assert "no items" in teaching.reading_html(teaching.passage_items(solo))
    assert teaching.top_distinctive_term(solo) is None
    assert "one outlet" in teaching.distinctive_term_finding(None)
    summary = framing.frame_summary(framing.frame_scores(solo, "generic"), solo, scheme="generic")
    contrast = teaching.frame_contrast(summary)
    assert contrast["high"] == contrast["low"] == "Solo"
    assert "one outlet" in teaching.contrast_finding(contrast)


def test_frame_contrast_picks_the_widest_gap():
    summary = pd.DataFrame({
        "outlet": ["A", "B", "A", "B"], "frame": ["Conflict", "Conflict", "Morality", "Morality"],
        "share_of_sentences": [0.5, 0.4, 0.3, 0.0],
    })
    assert teaching.frame_contrast(summary) == {"frame": "Morality", "high": "A", "high_share": 0.3, "low": "B", "low_share": 0.0}
    assert "**morality**: 30% of A's sentences" in teaching.contrast_finding(teaching.frame_contrast(summary))


def test_with_sentences_joins_notes_per_sentence(tiny):
    text = tiny.articles.loc["b", "text"]
    rows = pd.DataFrame({"article_id": ["b", "b"], "start": [text.index("minister"), text.index("Talks")],
                         "note": ["minister", "talks"]})
    out = teaching.with_sentences(rows, tiny, notes=["note"])
    assert len(out) == 1 and out["note"].iloc[0] == "minister; talks"
    assert text[out["start"].iloc[0]:out["end"].iloc[0]] == out["text"].iloc[0]


def test_speaker_attributions_of_a_tiny_corpus(tiny):
    from analysis import sourcing

    speaker, table = teaching.speaker_attributions(sourcing.extract_quotes(tiny, indirect=True), tiny)
    finding = teaching.attributions_finding(speaker, table)
    if speaker:
        assert set(table["outlet"]) <= set(tiny.outlets) and len(table)
        assert "<b>" not in finding
    else:
        assert table.empty and "nothing to compare" in finding
