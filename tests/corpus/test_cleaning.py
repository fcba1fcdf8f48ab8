"""Cleaning of the five bundled articles, checked against what a person reads in the raw files.

For each seed: the first and last body paragraph after cleaning, every line cleaning must remove
(line number in the raw file and the rule), and that nothing else is lost: every other non-blank
raw line is a paragraph of the clean text, whole. The expectations were written by reading the
raw files in corpus/articles/, not by copying the code's output.
"""

from __future__ import annotations

import pytest

# article_id -> (first paragraph starts with, last paragraph starts with, {raw line: rule}, prefixes)
EXPECTED = {
    "afp": (
        "Russian President Vladimir Putin on Friday discussed the “possibility” of direct talks",
        "“There are reasons to believe that Ukraine’s special services were involved in the murder",
        {},
        {1: ["scraped_date", "dateline"]},  # " date 2025-04-26 MOSCOW: Russian President ..."
    ),
    "cnn": (
        "US President Donald Trump said Russia and Ukraine are “very close to a deal”",
        "Friday’s reported blast comes two days after a fire broke out",
        {
            1: "navigation",  # Skip to Content
            3: "headline",
            5: "html_caption",  # <i>Reuters via CNN Newsource</i><br/>The Russian general ...
            6: "photo_credit",  # Reuters via CNN Newsource
            7: "caption_repeat",  # the caption again, without markup
            9: "byline",
            79: "syndication_label",  # The-CNN-Wire
            80: "copyright",
            82: "contributor_credit",
            84: "comment_section",  # Article Topic Follows: CNN
            86: "navigation",  # Jump to comments
            88: "syndication_label",  # CNN Newsource
            90: "comment_section",
            92: "comment_section",
            94: "comment_section",
            96: "comment_section",
            98: "navigation",  # Skip to content
        },
        {11: ["dateline"]},  # "(CNN) — "
    ),
    "cgtn": (
        "U.S. President Donald Trump's envoy, Steve Witkoff, met with Russian President",
        "The Trump administration has warned that the U.S. will walk away",
        {12: "wire_credit", 13: "read_original"},
        {},
    ),
    "ft": (
        "Steve Witkoff, US President Donald Trump’s special envoy, met Vladimir Putin in Moscow",
        "Trump repeatedly suggested walking away from US efforts to broker a deal",
        {},
        {},
    ),
    "independent": (
        "US president Donald Trump has urged Kremlin and Kyiv to meet to “finish” a deal",
        "Since January, nearly 9,000 people fleeing heavy shelling in Ukraine",
        {
            1: "app_prompt", 2: "app_prompt", 3: "app_prompt", 4: "app_prompt",
            5: "masthead", 6: "masthead", 7: "section_label", 8: "byline", 10: "headline",
            18: "photo_caption",  # ... close to a peace deal (AP)
            40: "photo_caption",  # ... illegally annexed by Russia in 2014 (Reuters)
            64: "photo_caption",  # ... ‘never accept occupation’ by Russia (BBC)
            78: "photo_caption",  # ... in Donetsk (Reuters/Sofiia Gatilova)
            94: "wire_credit",  # Additional reporting by Reuters
            96: "app_prompt", 97: "app_prompt", 98: "app_prompt", 99: "navigation",
            100: "navigation", 101: "navigation", 102: "app_prompt", 103: "app_prompt",
            104: "app_prompt", 105: "app_prompt",
        },
        {},
    ),
}


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_first_and_last_body_paragraph(corpus, aid):
    first, last, _, _ = EXPECTED[aid]
    paras = corpus.paragraphs().query("article_id == @aid and kind == 'body'")
    assert paras["text"].iloc[0].startswith(first)
    assert paras["text"].iloc[-1].startswith(last)


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_every_removed_line_is_listed(corpus, aid):
    _, _, lines, prefixes = EXPECTED[aid]
    audit = corpus.audit.query("article_id == @aid")
    whole = audit[audit["where"] != "prefix"]
    assert dict(zip(whole["line"], whole["rule"])) == lines
    pre = audit[audit["where"] == "prefix"].groupby("line")["rule"].agg(list).to_dict()
    assert pre == prefixes


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_no_body_line_is_lost(corpus, aid):
    """Every raw line that is not furniture is a paragraph of the clean text, whole."""
    _, _, lines, prefixes = EXPECTED[aid]
    article = corpus.articles.loc[aid]
    paragraphs = set(corpus.paragraphs().query("article_id == @aid")["text"])
    audit = corpus.audit.query("article_id == @aid and where == 'prefix'")
    for n, raw in enumerate(article["raw_text"].split("\n"), 1):
        raw = raw.strip()
        if not raw or n in lines:
            continue
        if n in prefixes:
            for removed in audit.query("line == @n")["removed"]:
                assert raw.startswith(removed)
                raw = raw[len(removed):].strip()
        assert raw in paragraphs, f"{aid} line {n} lost: {raw[:80]!r}"


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_every_body_sentence_is_a_sentence_of_the_clean_text(corpus, aid):
    """No body sentence is lost: the sentences cover each paragraph's text, in order."""
    paras = corpus.paragraphs().query("article_id == @aid")
    sents = corpus.sentences().query("article_id == @aid")
    for p in paras.itertuples():
        mine = sents[sents["paragraph"] == p.paragraph]
        assert "".join(mine["text"]).replace(" ", "") == p.text.replace(" ", "")


def test_crossheads_are_kept_as_subheads(corpus):
    subheads = corpus.paragraphs().query("kind == 'subhead'")
    assert sorted(subheads["text"]) == sorted(
        ["Crimea claims", "General killed", "Opposing visions of peace", "Series of targeted bomb attacks"]
    )


def test_datelines_are_kept_in_articles(corpus):
    assert corpus.articles.loc["afp", "dateline"] == "MOSCOW:"
    assert corpus.articles.loc["cnn", "dateline"] == "(CNN) —"


def test_raw_files_are_byte_for_byte_the_seeds(corpus):
    """The bundled corpus keeps the collected text exactly (compared with shared/seeds when present)."""
    from analysis.paths import SHARED_DIR

    seeds = SHARED_DIR / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is not here to compare with")
    for aid, row in corpus.articles.iterrows():
        seed = row["notes"].split("Seed ")[1].rstrip(".")
        assert (corpus.path / row["file"]).read_bytes() == (seeds / seed).read_bytes()
