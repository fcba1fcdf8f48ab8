"""The story view: every article of the corpus side by side, with the evidence marked in the text.

The page (``story.html``) shows the articles as columns (two chosen at a time on a phone), and
marks in them, each layer switched on and off by the reader:

- **quotes**, tinted by speaker, the speaker's name before each (``analysis.sourcing.extract_quotes``);
- **contested wordings** (``analysis.wordchoice.naming_mentions``, or the first use of each
  wording from ``naming_table``);
- **frame cues**, the words that gave a sentence a generic frame (``analysis.framing.frame_scores``);
- **shared passages**, words two articles print alike (``analysis.topics.reuse.shared_passages``);
- **story elements** (``analysis.topics.story_elements``): selecting one lights its sentences in
  every article that tells it and says which articles leave it out.

It relies only on the public functions and on the columns the project's contracts promise (for
quotes, elements and frames: ``article_id``, ``start``, ``end`` and the named fields); a layer
that cannot be computed for a corpus says so on the page instead of failing the report. Every
string from the corpus is escaped with :func:`analysis.safe.html_text`; links with
:func:`analysis.safe.safe_url`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from ..safe import html_text, safe_url

__all__ = [
    "LAYERS",
    "MAX_ARTICLES",
    "Mark",
    "StoryData",
    "articles_html",
    "story_data",
    "story_html",
]

MAX_ARTICLES = 12
"""The story view shows at most this many articles (the first ones of the metadata)."""

LAYERS = {
    "q": "Quotes, by speaker",
    "n": "Contested wordings",
    "c": "Frame cues",
    "r": "Shared passages",
}
_ON_BY_DEFAULT = {"q", "n", "r"}
_N_TINTS = 8


@dataclass
class Mark:
    """A marked span of one article: its layer (q, n, c, r), its id (``q3``), and its class."""

    article_id: str
    start: int
    end: int
    layer: str
    mid: str
    css: str = ""
    label: str = ""  # shown before the span (a quote's speaker)


@dataclass
class StoryData:
    """What the story view shows, computed once from a corpus."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    marks: list[Mark] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)  # mark id -> HTML of what it is
    counts: dict[str, int] = field(default_factory=dict)  # layer -> number of marks
    failures: dict[str, str] = field(default_factory=dict)  # layer or "elements" -> why not computed
    elements: pd.DataFrame | None = None
    speakers: list[tuple[str, int]] = field(default_factory=list)  # (speaker, quotes), tint order
    left_off: int = 0  # articles not shown (past MAX_ARTICLES)


def _labels(articles: pd.DataFrame) -> dict[str, str]:
    """A short label per article: its outlet, with the article id when an outlet has several."""
    outlets = articles["outlet"].astype(str)
    repeated = set(outlets[outlets.duplicated(keep=False)])
    return {aid: (o if o not in repeated else f"{o} ({aid})") for aid, o in zip(articles.index.astype(str), outlets)}


def _need(frame: pd.DataFrame, columns: list[str], what: str) -> pd.DataFrame:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{what} gave no column {', '.join(missing)}")
    return frame


def _try(failures: dict[str, str], layer: str, compute: Callable[[], None]) -> None:
    try:
        compute()
    except Exception as exc:  # noqa: BLE001 - a layer that fails is reported on the page, not raised
        failures[layer] = f"{type(exc).__name__}: {exc}"


def _quote_layer(data: StoryData, corpus, labels: dict[str, str]) -> None:
    from .. import sourcing

    quotes = _need(sourcing.extract_quotes(corpus), ["article_id", "quote", "start", "end", "speaker", "verb"], "extract_quotes")
    quotes = quotes[quotes["article_id"].astype(str).isin(labels)]
    if "field" in quotes.columns:  # a quote in a headline has offsets into the headline, not the text
        quotes = quotes[quotes["field"].fillna("text").astype(str) == "text"]
    speakers = quotes["speaker"].fillna("").astype(str)
    ranked = speakers[speakers != ""].value_counts()
    ranked = ranked.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    rank = {s: i for i, s in enumerate(ranked.index)}
    data.speakers = list(zip(ranked.index, ranked.astype(int)))
    for i, (_, q) in enumerate(quotes.iterrows()):
        speaker = str(q["speaker"]) if isinstance(q["speaker"], str) and q["speaker"] else ""
        mid = f"q{i}"
        css = f"spk-{rank[speaker] % _N_TINTS} who-{rank[speaker]}" if speaker else "spk-none"
        short = speaker or "speaker unknown"
        data.marks.append(Mark(str(q["article_id"]), int(q["start"]), int(q["end"]), "q", mid, css, short))
        verb = str(q["verb"]) if isinstance(q["verb"], str) and q["verb"] else ""
        extra = ""
        if "stance" in q.index and isinstance(q["stance"], str) and q["stance"]:
            extra = f" ({html_text(q['stance'])})"
        data.info[mid] = (
            f'<p class="ss-kind">Quote · {html_text(labels[str(q["article_id"])])}</p>'
            f'<p>Speaker: <b class="ss-speaker">{html_text(speaker or "not found by the machine")}</b>'
            + (f" · reporting verb: “{html_text(verb)}”{extra}" if verb else " · no reporting verb found")
            + f'</p><blockquote>“{html_text(q["quote"])}”</blockquote>'
        )
    data.counts["q"] = len(quotes)


def _naming_layer(data: StoryData, corpus, labels: dict[str, str]) -> None:
    from .. import wordchoice

    table = None
    try:
        table = wordchoice.naming_table(corpus)
    except Exception:  # noqa: BLE001 - the comparison line is optional; the marks come from mentions
        table = None
    if hasattr(wordchoice, "naming_mentions"):
        mentions = _need(wordchoice.naming_mentions(corpus), ["article_id", "start", "end", "concept", "variant"], "naming_mentions")
    else:  # only the first use of each wording per outlet
        t = _need(table, ["first_article", "first_start", "first_end", "concept", "variant"], "naming_table")
        t = t.dropna(subset=["first_start"])
        mentions = pd.DataFrame({"article_id": t["first_article"], "start": t["first_start"], "end": t["first_end"],
                                 "concept": t["concept"], "variant": t["variant"]})
    mentions = mentions[mentions["article_id"].astype(str).isin(labels)]
    names = {}
    if table is not None and {"concept", "concept_name"} <= set(table.columns):
        names = dict(zip(table["concept"].astype(str), table["concept_name"].astype(str)))
    for i, (_, m) in enumerate(mentions.iterrows()):
        mid = f"n{i}"
        data.marks.append(Mark(str(m["article_id"]), int(m["start"]), int(m["end"]), "n", mid, "ss-n"))
        concept = str(m["concept"])
        quoted = " (inside quotation marks)" if "quoted" in m.index and bool(m["quoted"]) else ""
        others = ""
        if table is not None and {"outlet", "concept", "variant", "count"} <= set(table.columns):
            rows = table[(table["concept"].astype(str) == concept) & (table["count"] > 0)]
            parts = [f"{html_text(o)}: " + ", ".join(f"“{html_text(v)}” ×{int(c)}" for v, c in zip(g["variant"], g["count"]))
                     for o, g in rows.groupby("outlet", sort=False)]
            if parts:
                others = f'<p>How each outlet words it: {"; ".join(parts)}.</p>'
        data.info[mid] = (
            f'<p class="ss-kind">Contested wording · {html_text(labels[str(m["article_id"])])}</p>'
            f'<p>{html_text(names.get(concept, concept))}: “{html_text(m["variant"])}”{quoted}</p>{others}'
        )
    data.counts["n"] = len(mentions)


def _cue_layer(data: StoryData, corpus, labels: dict[str, str], texts: dict[str, str]) -> None:
    from .. import framing

    frames = _need(framing.frame_scores(corpus, scheme="generic"), ["article_id", "frame", "start", "end", "cues"], "frame_scores")
    frames = frames[frames["article_id"].astype(str).isin(labels)]
    n = 0
    for _, f in frames.iterrows():
        aid, start, end = str(f["article_id"]), int(f["start"]), int(f["end"])
        sentence = texts[aid][start:end]
        for cue in sorted({c.strip() for c in str(f["cues"]).split(";") if c.strip()}):
            for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", sentence, flags=re.I):
                mid = f"c{n}"
                n += 1
                data.marks.append(Mark(aid, start + m.start(), start + m.end(), "c", mid, "ss-c"))
                data.info[mid] = (
                    f'<p class="ss-kind">Frame cue · {html_text(labels[aid])}</p>'
                    f"<p>“{html_text(m.group(0))}” is a cue of the <b>{html_text(f['frame'])}</b> frame.</p>"
                )
    data.counts["c"] = n


def _reuse_layer(data: StoryData, corpus, labels: dict[str, str]) -> None:
    from ..topics import reuse

    cols = ["article_a", "start_a", "end_a", "article_b", "start_b", "end_b", "kind"]
    passages = _need(reuse.shared_passages(corpus), cols, "shared_passages")
    n = 0
    for i, (_, p) in enumerate(passages.iterrows()):
        a, b = str(p["article_a"]), str(p["article_b"])
        if a not in labels or b not in labels:
            continue
        n += 1
        mid = f"r{i}"
        for side, other in (("a", "b"), ("b", "a")):
            aid = str(p[f"article_{side}"])
            data.marks.append(Mark(aid, int(p[f"start_{side}"]), int(p[f"end_{side}"]), "r", mid + side, "ss-r"))
        text_a = str(p["text_a"]) if "text_a" in p.index else ""
        data.info[mid] = (
            f'<p class="ss-kind">Shared passage · {html_text(p["kind"])}</p>'
            f"<p>{html_text(labels[a])} and {html_text(labels[b])} print these words alike"
            + (f': “{html_text(text_a)}”' if text_a else "") + ".</p>"
        )
    data.counts["r"] = n


def story_data(corpus, *, max_articles: int = MAX_ARTICLES) -> StoryData:
    """Compute every layer of the story view for ``corpus``; a layer that fails is noted, not raised.

    Args:
        corpus: a loaded corpus (:func:`analysis.corpus.load_corpus`).
        max_articles: the number of articles shown (the first ones, in the metadata's order).

    Returns:
        The articles, their sentences, the marks and what each is, the story elements, and the
        reason for any layer that could not be computed.
    """
    articles = corpus.articles.iloc[:max_articles]
    labels = _labels(articles)
    texts = {str(a): str(t) for a, t in zip(articles.index, articles["text"])}
    sentences = corpus.sentences()
    sentences = sentences[sentences["article_id"].astype(str).isin(labels)]
    data = StoryData(articles=articles, sentences=sentences, left_off=len(corpus.articles) - len(articles))
    _try(data.failures, "q", lambda: _quote_layer(data, corpus, labels))
    _try(data.failures, "n", lambda: _naming_layer(data, corpus, labels))
    _try(data.failures, "c", lambda: _cue_layer(data, corpus, labels, texts))
    _try(data.failures, "r", lambda: _reuse_layer(data, corpus, labels))

    def elements() -> None:
        from ..topics import story_elements

        e = _need(story_elements(corpus), ["article_id", "outlet", "start", "end", "text", "element"], "story_elements")
        data.elements = e[e["article_id"].astype(str).isin(labels)].copy()

    _try(data.failures, "elements", elements)
    for layer in list(data.failures):
        data.marks = [m for m in data.marks if m.layer != layer]
    # Offsets outside the clean text cannot be shown (a function's row about something else).
    data.marks = [m for m in data.marks if 0 <= m.start < m.end <= len(texts.get(m.article_id, ""))]
    return data


def _segment_html(text: str, a: int, b: int, marks: list[Mark]) -> str:
    """The text from ``a`` to ``b``, cut where marks begin and end, each piece in a span naming its marks."""
    inside = [m for m in marks if m.start < b and m.end > a]
    cuts = sorted({a, b, *(max(a, m.start) for m in inside), *(min(b, m.end) for m in inside)})
    out = []
    for s, e in zip(cuts, cuts[1:]):
        piece = html_text(text[s:e])
        on = [m for m in inside if m.start <= s and m.end >= e]
        for m in inside:
            if m.label and m.start == s:
                out.append(f'<span class="ss-spk {m.css}" aria-hidden="true">{html_text(m.label)}</span>')
        if not on:
            out.append(piece)
            continue
        layers = sorted({m.layer for m in on})
        css = " ".join(["ss-m", *(f"ss-{x}" for x in layers), *sorted({m.css for m in on if m.css})])
        ids = " ".join(m.mid for m in on)
        focus = ' tabindex="0"' if any(m.start == s for m in on) else ""
        out.append(f'<span class="{css}" data-m="{ids}"{focus}>{piece}</span>')
    return "".join(out)


def _article_text_html(aid: str, text: str, sentences: pd.DataFrame, marks: list[Mark], elements_of: dict) -> str:
    out, pos = [], 0
    sents = sentences[sentences["article_id"].astype(str) == aid].sort_values("start")
    for n, s in enumerate(sents.itertuples(index=False), 1):
        start, end = int(s.start), int(s.end)
        if start < pos:
            continue
        out.append(_segment_html(text, pos, start, marks))
        els = " ".join(str(e) for e in elements_of.get((aid, start), []))
        attr = f' data-el="{html_text(els)}"' if els else ""
        out.append(f'<span class="ss-s" id="s-{html_text(aid)}-{n}" data-a="{start}" data-b="{end}"{attr}>'
                   f"{_segment_html(text, start, end, marks)}</span>")
        pos = end
    out.append(_segment_html(text, pos, len(text), marks))
    return "".join(out)


def _sentence_numbers(sentences: pd.DataFrame) -> dict[tuple[str, int], int]:
    numbers = {}
    for aid, g in sentences.groupby(sentences["article_id"].astype(str), sort=False):
        for n, start in enumerate(sorted(g["start"].astype(int)), 1):
            numbers[(aid, start)] = n
    return numbers


def _elements_panel(data: StoryData, labels: dict[str, str]) -> tuple[str, dict]:
    """The list of story elements (buttons) and, per sentence, the elements it tells."""
    if data.elements is None or data.elements.empty:
        why = data.failures.get("elements", "no sentences were grouped into elements")
        return f'<p class="ss-fail">The story elements could not be computed for this corpus ({html_text(why)}).</p>', {}
    e = data.elements
    numbers = _sentence_numbers(data.sentences)
    sentence_start = {}
    for aid, g in data.sentences.groupby(data.sentences["article_id"].astype(str), sort=False):
        for s, t in zip(g["start"].astype(int), g["end"].astype(int)):
            sentence_start[(aid, s)] = (s, t)
    elements_of: dict[tuple[str, int], list] = {}
    for aid, start, end, el in zip(e["article_id"].astype(str), e["start"].astype(int), e["end"].astype(int), e["element"]):
        for (a, s), (ss, tt) in sentence_start.items():
            if a == aid and ss < end and tt > start:
                elements_of.setdefault((a, s), [])
                if el not in elements_of[(a, s)]:
                    elements_of[(a, s)].append(el)
    has_label = "element_label" in e.columns
    rows = []
    for el, g in e.groupby("element", sort=False):
        told = list(dict.fromkeys(g["article_id"].astype(str)))
        first = g.sort_values("start").iloc[0]
        label = str(first["element_label"]) if has_label and isinstance(first["element_label"], str) and first["element_label"] else ""
        if not label:
            words = str(first["text"]).split()
            label = " ".join(words[:9]) + (" …" if len(words) > 9 else "")
        rows.append((el, told, label, g))
    rows.sort(key=lambda r: (-len(r[1]), str(r[0])))
    n_articles = len(labels)
    shared, single = [], []
    for el, told, label, g in rows:
        where = []
        for aid in told:
            nums = sorted({numbers.get((aid, s), 0) for s in g[g["article_id"].astype(str) == aid]["start"].astype(int)} - {0})
            link = ", ".join(f'<a href="#s-{html_text(aid)}-{k}">{k}</a>' for k in nums)
            where.append(f"{html_text(labels[aid])} (sentence{'s' if len(nums) > 1 else ''} {link})" if nums else html_text(labels[aid]))
        left = [html_text(labels[a]) for a in labels if a not in told]
        detail = (
            f'<p class="ss-kind">Story element {html_text(el)}: {html_text(label)}</p>'
            f'<p>Told by {len(told)} of {n_articles}: {"; ".join(where)}.</p>'
            f'<p class="ss-left">{"Left out by: " + ", ".join(left) + "." if left else "No article leaves it out."}</p>'
        )
        button = (
            f'<li><button type="button" class="ss-el" id="element-{html_text(el)}" data-el="{html_text(el)}" '
            f'data-told="{html_text(" ".join(told))}" aria-pressed="false">'
            f'<span class="ss-eln">{html_text(el)}</span> {html_text(label)} '
            f'<span class="ss-elc">{len(told)} of {n_articles}</span></button>'
            f'<div id="elinfo-{html_text(el)}" hidden>{detail}</div></li>'
        )
        (shared if len(told) > 1 else single).append(button)
    html = '<h2 id="ss-elements-h">Story elements</h2>\n'
    html += ('<p class="ss-note">Sentences of different articles that tell the same thing, grouped by the words they share. '
             "Select one to light its sentences in every article and to see which articles leave it out.</p>\n")
    if shared:
        html += f'<ol class="ss-ellist">{"".join(shared)}</ol>\n'
    else:
        html += "<p>No element is told by more than one article.</p>\n"
    if single:
        html += (f'<details class="ss-single"><summary>Told by one article only ({len(single)})</summary>'
                 f'<ol class="ss-ellist">{"".join(single)}</ol></details>\n')
    return html, elements_of


def _speakers_html(data: StoryData) -> str:
    if not data.speakers:
        return ""
    items, blocks = [], []
    for k, (speaker, n) in enumerate(data.speakers):
        items.append(
            f'<li><button type="button" class="ss-spkbtn" data-spk="{k}">'
            f'<span class="ss-swatch spk-{k % _N_TINTS}" aria-hidden="true"></span>{html_text(speaker)} '
            f'<span class="ss-elc">{n}</span></button></li>'
        )
        blocks.append(f'<div id="spkinfo-{k}" hidden><p class="ss-kind">Speaker</p>'
                      f'<p><b class="ss-speaker">{html_text(speaker)}</b>: {n} quote{"s" if n != 1 else ""}, marked in the articles.</p></div>')
    return ('<details class="ss-speakers"><summary>Speakers quoted, most quoted first</summary>'
            f'<ul>{"".join(items)}</ul></details>' + "".join(blocks))


def story_html(data: StoryData, *, colors: dict[str, str] | None = None) -> str:
    """The body of the story view page.

    Args:
        data: from :func:`story_data`.
        colors: the text colour of each outlet's column heading (readable on white).

    Returns:
        HTML: the layer and article pickers, the selection panel, the elements list and the
        articles as columns.
    """
    colors = colors or {}
    articles = data.articles
    labels = _labels(articles)
    elements_html, elements_of = _elements_panel(data, labels)
    layers = []
    for key, name in LAYERS.items():
        if key in data.failures:
            continue
        checked = " checked" if key in _ON_BY_DEFAULT else ""
        layers.append(f'<label class="ss-lay ss-lay-{key}"><input type="checkbox" data-layer="{key}"{checked}> '
                      f'<span class="ss-key"></span>{name} ({data.counts.get(key, 0)})</label>')
    fails = "".join(
        f'<p class="ss-fail">{html_text(LAYERS.get(k, "Story elements"))} could not be computed for this corpus: {html_text(v)}</p>'
        for k, v in sorted(data.failures.items()) if k != "elements"
    )
    picks = "".join(
        f'<label><input type="checkbox" data-article="{html_text(aid)}" checked> {html_text(labels[aid])}</label>'
        for aid in labels
    )
    columns = []
    for aid, row in zip(labels, articles.itertuples()):
        text = str(row.text)
        marks = [m for m in data.marks if m.article_id == aid]
        meta = [str(getattr(row, c)) for c in ("headline", "published") if isinstance(getattr(row, c, None), str) and getattr(row, c)]
        color = colors.get(str(row.outlet), "#1d1d1d")
        url = safe_url(getattr(row, "url", "") or "") if isinstance(getattr(row, "url", ""), str) else ""
        link = f' · <a href="{url}">original</a>' if url else ""
        columns.append(
            f'<article class="ss-col" id="col-{html_text(aid)}" data-article="{html_text(aid)}" aria-label="{html_text(labels[aid])}">'
            f'<h2 style="color:{html_text(color)}; border-color:{html_text(color)}">{html_text(labels[aid])}</h2>'
            f'<p class="ss-meta">{html_text(" · ".join(meta))}{link}</p>'
            f'<p class="ss-col-status" aria-live="polite"></p>'
            f'<div class="ss-text" tabindex="0">{_article_text_html(aid, text, data.sentences, marks, elements_of)}</div></article>'
        )
    info = "".join(f'<div id="info-{html_text(mid)}">{html}</div>' for mid, html in data.info.items())
    empty = "Select a story element, a speaker or a marked passage (a quote, a wording, a cue, a shared passage) to see what it is."
    left_off = (f'<p class="ss-note">The first {len(labels)} articles are shown; {data.left_off} more are in the corpus '
                "(the notebooks analyse them all).</p>") if data.left_off else ""
    return (
        '<div class="ss-story" id="ss-story">\n'
        '<div class="ss-controls">\n'
        f'<fieldset class="ss-layers"><legend>Mark in the text</legend>{"".join(layers)}</fieldset>\n'
        f'<fieldset class="ss-picks"><legend>Articles shown</legend>{picks}'
        '<p class="ss-note" id="ss-pick-note" hidden>On a phone two at a time: tick another to swap.</p></fieldset>\n'
        f"{fails}{left_off}</div>\n"
        f'<div class="ss-panel" id="ss-panel" aria-live="polite" data-empty="{html_text(empty)}">{html_text(empty)}</div>\n'
        f'<section class="ss-elements" aria-labelledby="ss-elements-h">{elements_html}{_speakers_html(data)}</section>\n'
        f'<div class="ss-columns" id="ss-columns">{"".join(columns)}</div>\n'
        f'<div id="ss-info" class="ss-info">{info}</div>\n'
        "</div>"
    )


def articles_html(corpus, *, colors: dict[str, str] | None = None) -> str:
    """Every article of the corpus, printable for class: outlet, headline, byline, date, link,
    and the clean text with numbered paragraphs (each article starts a new printed page)."""
    colors = colors or {}
    parts = []
    paragraphs = corpus.paragraphs()
    for aid, row in corpus.articles.iterrows():
        meta = [f"{c}: {getattr(row, c)}" for c in ("byline", "published") if isinstance(row.get(c), str) and row.get(c)]
        url = safe_url(row.get("url") or "") if isinstance(row.get("url"), str) else ""
        link = f' · <a href="{url}">{html_text(row.get("url"))}</a>' if url else ""
        headline = row.get("headline") if isinstance(row.get("headline"), str) and row.get("headline") else ""
        paras = paragraphs[paragraphs["article_id"].astype(str) == str(aid)]
        body = "".join(
            f'<p><span class="ss-pn">¶{n}</span>{html_text(t)}</p>' for n, t in enumerate(paras["text"].astype(str), 1)
        )
        color = colors.get(str(row["outlet"]), "#1d1d1d")
        parts.append(
            f'<article class="ss-article" id="article-{html_text(aid)}">'
            f'<h2 style="color:{html_text(color)}">{html_text(row["outlet"])}</h2>'
            + (f"<h3>{html_text(headline)}</h3>" if headline else "")
            + f'<p class="ss-meta">{html_text(" · ".join(meta + [f"article {aid}"]))}{link}</p>{body}</article>'
        )
    return "\n".join(parts)
