"""What the workbooks show to read: the items in their context, and sentences whole.

:func:`reading_html` shows the items of a check (:mod:`analysis.teaching.items`) as a reader
meets them, each in its context with the labelled words marked. The exercises send the student
back to the text: :func:`with_sentences` finds the sentences behind rows that point into it (a
quote, a term, a mention), :func:`sentences_html` shows them whole (tables cut long text short),
and :func:`contrast_finding`, :func:`attributions_finding` and :func:`distinctive_term_finding`
say in a sentence what each exercise's sentences are (the frame the outlets differ most on, the
speaker most outlets attribute, the most distinctive term). Article text and outlet names are
always escaped.

References:
    Walsh, M. (2021). Introduction to Cultural Analytics & Python (the lesson-and-workbook form
    these exercises follow: a number, then the passages behind it to read).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from ..corpus import Corpus
from ..safe import md_text

__all__ = [
    "attributions_finding",
    "contrast_finding",
    "distinctive_term_finding",
    "reading_html",
    "sentences_html",
    "speaker_attributions",
    "with_sentences",
]

# ---------------------------------------------------------------------------------------------
# The items, each in its context

def _shown(label) -> str:
    if label is None or (isinstance(label, float) and label != label):
        return "(not answered)"
    return str(label) if str(label) != "" else "(none)"


def _passage_html(context: str, mark_start: int, mark_end: int) -> str:
    def esc(t: str) -> str:
        return html.escape(t).replace("\n\n", "<br>").replace("\n", " ")

    return (
        esc(context[:mark_start]) + "<mark>" + esc(context[mark_start:mark_end]) + "</mark>" + esc(context[mark_end:])
    )


def reading_html(items: pd.DataFrame, *, colors: dict[str, str] | None = None, show: str = "the words to label",
                 notes: Sequence[str] | dict[str, str] = (), empty: str = "(no items in this corpus)") -> str:
    """The items as a reader meets them: each in its context, the labelled words marked, with the
    item's number, outlet, character offsets and key (article text escaped).

    Args:
        items: an item table (passage items show both articles, one under the other).
        colors: outlet -> colour (:func:`analysis.plots.outlet_colors`) for the bar beside each text.
        show: what the mark stands for, said once above the items.
        notes: columns to show beside each item's number (the labels, once they are given); a
            dict maps each column to the name to show ({"student": "you"}).
        empty: what to say when there is no item.
    """
    colors = colors or {}
    notes = dict(notes) if isinstance(notes, dict) else {c: c for c in notes}
    if items.empty:
        return f"<p>{html.escape(empty)}</p>"
    blocks = [f'<p style="color:#444;font-size:0.92em">Highlighted: {html.escape(show)}. Paragraph breaks are shown as line breaks.</p>']
    for r in items.to_dict("records"):
        sides = [("", r.get("outlet_a", r["outlet"]))]
        if "outlet_b" in r:
            sides.append(("_b", r["outlet_b"]))
        parts = []
        for suffix, outlet in sides:
            color = colors.get(outlet, "#999999")
            start, end = r[f"start{suffix}"], r[f"end{suffix}"]
            parts.append(
                f'<div style="border-left:5px solid {color};padding:2px 0 2px 10px;margin:4px 0">'
                f'<span style="font-size:0.85em;color:#444">{html.escape(str(outlet))}, characters {start}–{end}</span><br>'
                f'{_passage_html(r[f"context{suffix}"], r[f"mark_start{suffix}"], r[f"mark_end{suffix}"])}</div>'
            )
        labels = " · ".join(f"{html.escape(name)}: <b>{html.escape(_shown(r[c]))}</b>" for c, name in notes.items())
        blocks.append(
            '<div style="margin:0 0 14px 0;max-width:52em;line-height:1.5">'
            f'<b>Item {r["item"]}</b> <span style="font-size:0.85em;color:#444">key: <code>{html.escape(r["key"])}</code></span>'
            + (f"<br>{labels}" if labels else "") + "".join(parts) + "</div>"
        )
    return "\n".join(blocks)



# ---------------------------------------------------------------------------------------------
# Exercises: sentences to read, whole


def sentences_html(table: pd.DataFrame, *, colors: dict[str, str] | None = None, notes: Sequence[str] = (),
                   text: str = "text") -> str:
    """Rows of a table as whole sentences to read (tables cut long text short), each under its
    outlet, character offsets and the ``notes`` columns (article text escaped).

    Args:
        table: rows with ``outlet``, ``start``, ``end`` and the text column.
        colors: outlet -> colour for the bar beside each text.
        notes: further columns to show above each text ("cues", "verb").
        text: the column holding the text.
    """
    colors = colors or {}
    if table.empty:
        return "<p>(none in this corpus)</p>"
    blocks = []
    for r in table.to_dict("records"):
        head = f"{html.escape(str(r['outlet']))}, characters {r['start']}–{r['end']}"
        extra = "; ".join(f"{html.escape(str(c))}: <b>{html.escape(str(r[c]))}</b>" for c in notes if str(r[c]))
        blocks.append(
            f'<div style="border-left:5px solid {colors.get(r["outlet"], "#999999")};padding:2px 0 2px 10px;'
            'margin:6px 0;max-width:52em;line-height:1.5">'
            f'<span style="font-size:0.85em;color:#444">{head}{" · " + extra if extra else ""}</span><br>'
            f"{html.escape(str(r[text]))}</div>"
        )
    return "\n".join(blocks)


def contrast_finding(contrast: dict) -> str:
    """:func:`analysis.framing.summary.frame_contrast` in a sentence (outlet names escaped)."""
    frame, hi, lo = (md_text(contrast[k]) for k in ("frame", "high", "low"))
    if contrast["high"] == contrast["low"]:
        return (
            f"This corpus has one outlet, so there is no contrast to show; its commonest frame is **{frame.lower()}** "
            f"({contrast['high_share']:.0%} of its sentences). Its sentences with that frame:"
        )
    return (
        f"The outlets differ most on **{frame.lower()}**: {contrast['high_share']:.0%} of {hi}'s sentences carry its "
        f"cues, against {contrast['low_share']:.0%} of {lo}'s. The sentences of {hi} with the frame:"
    )


def with_sentences(table: pd.DataFrame, corpus: Corpus, *, notes: Sequence[str] = ()) -> pd.DataFrame:
    """The sentences behind rows that point into the text (a quote, a phrase, a mention), to read whole.

    Args:
        table: rows with ``article_id`` and ``start`` (an offset into the clean text).
        corpus: the corpus the offsets point into.
        notes: columns to carry over; when several rows fall in one sentence their values are
            joined with "; " (each value once, in order).

    Returns:
        One row per sentence, in the order the rows first reach it: ``article_id``, ``outlet``,
        ``start``, ``end`` (the sentence's offsets), ``text`` (the sentence) and the ``notes`` columns.
    """
    cols = ["article_id", "outlet", "start", "end", "text", *notes]
    if table.empty:
        return pd.DataFrame(columns=cols)
    sents = corpus.sentences()
    by_article = {aid: g for aid, g in sents.groupby("article_id", sort=False)}
    rows: dict[tuple[str, int], dict] = {}
    for r in table.to_dict("records"):
        g = by_article.get(r["article_id"])
        if g is None:
            continue
        hit = g[(g["start"] <= r["start"]) & (g["end"] > r["start"])]
        if hit.empty:
            continue
        s = hit.iloc[0]
        key = (r["article_id"], int(s["start"]))
        row = rows.setdefault(key, {"article_id": r["article_id"], "outlet": s["outlet"], "start": int(s["start"]),
                                    "end": int(s["end"]), "text": s["text"], **{c: [] for c in notes}})
        for c in notes:
            value = str(r[c]) if r[c] is not None else ""
            if value and value not in row[c]:
                row[c].append(value)
    out = pd.DataFrame(list(rows.values()), columns=cols)
    for c in notes:
        out[c] = out[c].map("; ".join)
    return out


def speaker_attributions(quotes: pd.DataFrame, corpus: Corpus, *, per_outlet: int = 3) -> tuple[str, pd.DataFrame]:
    """The speaker attributed by the most outlets, and the sentences where each outlet introduces them.

    Args:
        quotes: :func:`analysis.sourcing.extract_quotes` (``indirect=True`` counts reported speech too).
        corpus: the corpus.
        per_outlet: at most this many sentences per outlet, in reading order.

    Returns:
        ``(speaker, sentences)``: the speaker (:func:`analysis.sourcing.summary.most_attributed_speaker`:
        the first row of :func:`analysis.sourcing.same_speaker_verbs`; with one outlet, its most
        attributed speaker; "" when no quote has a speaker) and their sentences
        (:func:`with_sentences`, notes ``verb``, ``stance``, ``kind``).
    """
    from ..sourcing.summary import attributions, most_attributed_speaker

    body = attributions(quotes)
    speaker = most_attributed_speaker(quotes, corpus)
    if not speaker:
        return "", with_sentences(body, corpus, notes=["verb", "stance", "kind"])
    table = with_sentences(body[body["speaker"] == speaker], corpus, notes=["verb", "stance", "kind"])
    return speaker, table.groupby("outlet", sort=False).head(per_outlet).reset_index(drop=True)


def attributions_finding(speaker: str, table: pd.DataFrame) -> str:
    """A sentence introducing :func:`speaker_attributions` (names escaped)."""
    if not speaker:
        return "No quote in this corpus has a speaker and a reporting verb, so there is nothing to compare here."
    outlets = list(dict.fromkeys(table["outlet"]))
    who = md_text(speaker)
    if len(outlets) < 2:
        return (
            f"{who} is the speaker this corpus attributes most often. With one outlet there is no other outlet's verb to "
            f"compare with; here are the sentences that introduce {who}, with the verb each uses:"
        )
    return (
        f"{who} is introduced by {len(outlets)} outlets, more than any other speaker. Up to three sentences per outlet "
        f"that introduce {who}, in reading order, with the reporting verb and its stance:"
    )


def distinctive_term_finding(top: dict | None) -> str:
    """:func:`analysis.wordchoice.summary.top_distinctive_term` in a sentence (names escaped)."""
    if top is None:
        return ("Distinctive terms compare each outlet with the others; this corpus has one outlet, or no term used "
                "twice, so there is no term to read here.")
    return (
        f"The most distinctive term of any outlet is “{md_text(top['term'])}” in {md_text(top['outlet'])} "
        f"(z = {top['z']:.2f}: {top['count']} times, against {top['count_other']} in all the others together). Every "
        "use of it in every outlet, side by side:"
    )

