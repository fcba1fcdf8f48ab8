"""The cards: one per outlet, as escaped HTML, and the compact table of claims with links.

:func:`cards_html` renders one card per outlet from a :class:`~analysis.synthesis.claims.Synthesis`
(escaped HTML, one colour per outlet from :func:`analysis.plots.outlet_colors` as an accent beside
the outlet's name, cards that stack on a narrow screen); each claim shows its source section as
a link and the text behind it, the span marked in its sentence. :func:`claims_table_html` gives
all the claims as one table, each source a link.

References:
    Tufte, E. R. (1990). Envisioning Information. Graphics Press ("small multiples": the same
    panels, in the same order, for every outlet).
"""

from __future__ import annotations

import re

import numpy as np

from ..safe import html_text, safe_url
from .claims import SOURCES, TOPIC_TITLES, TOPICS, Synthesis, _plural, _short

__all__ = [
    "CARD_CSS",
    "cards_html",
    "claims_table_html",
]

CARD_CSS = """
.ss-syn { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45; color: #222; }
.ss-syn-note { margin: 0 0 0.8rem; }
.ss-syn-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr)); gap: 1rem; }
.ss-syn-card { border: 1px solid #c8c8c8; border-top: 0.5rem solid var(--ss-c); border-radius: 6px; padding: 0.5rem 0.9rem 0.7rem;
  background: #fff; min-width: 0; overflow-wrap: anywhere; }
.ss-syn-card h3 { margin: 0.2rem 0 0.1rem; font-size: 1.2rem; display: flex; align-items: center; gap: 0.45rem; }
.ss-syn-swatch { flex: none; display: inline-block; width: 0.95rem; height: 0.95rem; background: var(--ss-c);
  border: 1px solid #333; border-radius: 2px; }
.ss-syn-meta { margin: 0 0 0.3rem; color: #444; font-size: 0.88rem; }
.ss-syn-card h4 { margin: 0.8rem 0 0.25rem; font-size: 0.82rem; letter-spacing: 0.05em; text-transform: uppercase;
  color: #333; border-bottom: 2px solid var(--ss-c); padding-bottom: 0.1rem; }
.ss-syn-card ul { margin: 0.2rem 0; padding-left: 1.1rem; }
.ss-syn-card li { margin: 0.35rem 0; }
.ss-syn-card .ss-syn-none { color: #555; font-style: italic; }
.ss-syn-src { font-size: 0.84rem; white-space: normal; }
.ss-syn-card details { margin: 0.15rem 0 0; font-size: 0.86rem; }
.ss-syn-card details > summary { cursor: pointer; color: #0b5394; }
.ss-syn-card ol.ss-syn-ev { margin: 0.25rem 0 0.2rem; padding-left: 1.3rem; color: #333; }
.ss-syn-card ol.ss-syn-ev li { margin: 0.3rem 0; }
.ss-syn-card mark { background: #fff0a0; color: #111; padding: 0 1px; border-bottom: 2px solid #8a6d00; }
.ss-syn-where { color: #555; font-size: 0.92em; }
"""


def _context_html(ev: dict, width: int = 260) -> str:
    """The sentence around an evidence span, escaped, with the span in <mark> (long contexts cut).

    A span that is the whole sentence (a sentence counted for a frame) is shown as a quotation
    rather than marked from end to end."""
    context = ev["context"]
    if ev["start"] == ev["context_start"] and ev["end"] == ev["context_end"]:
        return f"“{html_text(_short(context, width))}”"
    a, b = ev["start"] - ev["context_start"], ev["end"] - ev["context_start"]
    before, inside, after = (re.sub(r"\s+", " ", part) for part in (context[:a], context[a:b], context[b:]))
    if len(inside) > width:
        inside = inside[: width // 2].rstrip() + " … " + inside[-width // 2 :].lstrip()
    room = max(40, (width - len(inside)) // 2)
    if len(before) > room:  # cut at a word boundary, keeping the words next to the span
        before = "…" + before[-room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + "…"
    return f"{html_text(before)}<mark>{html_text(inside)}</mark>{html_text(after)}"


def _claim_html(c, *, max_evidence: int) -> str:
    src = SOURCES[c.measure]
    none = not c.evidence and (np.isnan(c.value) or c.value == 0)
    cls = ' class="ss-syn-none"' if none and "needs at least two" in c.claim else ""
    link = (
        f'<span class="ss-syn-src">Source: <a href="{safe_url(c.link)}">{html_text(src.label)} › '
        f"{html_text(c.source_section)}</a> (table: <code>{html_text(c.source_table)}</code>)</span>"
    )
    body = f"<li{cls}><span>{html_text(c.claim)}</span><br>{link}"
    n = len(c.evidence)
    if n:
        items = "".join(
            f'<li>{_context_html(ev)} <span class="ss-syn-where">({html_text(ev["note"])}; {html_text(ev["article_id"])}, '
            f'characters {ev["start"]}–{ev["end"]})</span></li>'
            for ev in c.evidence[:max_evidence]
        )
        more = f"<p>… and {n - max_evidence} more in the table of evidence (claim {c.claim_id}).</p>" if n > max_evidence else ""
        body += (
            f"<details><summary>The text behind it ({_plural(n, 'passage')})</summary>"
            f'<ol class="ss-syn-ev">{items}</ol>{more}</details>'
        )
    return body + "</li>"


def _card_header(r) -> str:
    meta = [x for x in (r.outlet_type, r.country) if x]
    meta.append(f"{_plural(r.articles, 'article')}, {r.words:,} words, {_plural(r.sentences, 'sentence')}")
    if r.wire_credit:
        meta.append(f"wire credit in the metadata: {r.wire_credit}")
    heads = r.headlines
    if heads:
        headline = "Headline: " + "; ".join(f"“{html_text(h)}”" for h in heads[:2]) + (f" and {len(heads) - 2} more" if len(heads) > 2 else "")
    else:
        headline = "No headline in the metadata."
    return (
        f'<h3><span class="ss-syn-swatch" aria-hidden="true"></span>{html_text(r.outlet)}</h3>'
        f'<p class="ss-syn-meta">{html_text(" · ".join(meta))}<br>{headline}</p>'
    )


def cards_html(syn: Synthesis, *, max_evidence: int = 4) -> str:
    """One card per outlet, as HTML: its frames, word choices, voices and coverage, each claim
    with a link to the notebook section it comes from and the text behind it.

    Every piece of text that comes from the articles or the metadata goes through
    :func:`analysis.safe.html_text`. The outlet's colour (:func:`analysis.plots.outlet_colors`) is an accent
    (the card's top border, a swatch beside the name, the rule under each panel title); the
    outlet's name is always written out, so nothing relies on the colour. The cards sit in a
    grid that puts as many side by side as fit, and stacks them on a narrow screen.

    Args:
        syn: from :func:`synthesize`.
        max_evidence: passages shown under each claim (all are in :func:`evidence_table`).
    """
    cards = []
    for r in syn.outlets.itertuples(index=False):
        mine = syn.claims[syn.claims["outlet"] == r.outlet]
        panels = []
        for topic in TOPICS:
            t = mine[mine["topic"] == topic]
            if t.empty:
                continue
            items = "".join(_claim_html(c, max_evidence=max_evidence) for c in t.itertuples(index=False))
            panels.append(f"<h4>{TOPIC_TITLES[topic]}</h4><ul>{items}</ul>")
        cards.append(
            f'<article class="ss-syn-card" style="--ss-c: {html_text(r.color)}" aria-label="{html_text(r.outlet)}">'
            + _card_header(r) + "".join(panels) + "</article>"
        )
    note = ""
    if syn.n_outlets < 2:
        note = (
            '<p class="ss-syn-note"><strong>One outlet.</strong> This corpus has one outlet, so its card describes '
            "its articles and sets nothing against another outlet: comparisons need at least two.</p>"
        )
    return f'<div class="ss-syn"><style>{CARD_CSS}</style>{note}<div class="ss-syn-cards">{"".join(cards)}</div></div>'


def claims_table_html(syn: Synthesis) -> str:
    """The compact table of claims as HTML, each source a link to its section (text escaped).

    The same rows as :func:`analysis.synthesis.claims.claims_table`; the table scrolls inside its own box on a narrow screen.
    """
    colors = dict(zip(syn.outlets["outlet"], syn.outlets["color"]))
    rows = []
    for c in syn.claims.itertuples(index=False):
        src = SOURCES[c.measure]
        table = f"<code>{html_text(c.source_table)}</code>" + (f"<br><small>{html_text(c.source_file)}</small>" if c.source_file else "")
        rows.append(
            f'<tr><td>{c.claim_id}</td><td style="border-left: 0.35rem solid {html_text(colors[c.outlet])}">'
            f"{html_text(c.outlet)}</td><td>{TOPIC_TITLES[c.topic]}</td><td>{html_text(c.claim)}</td>"
            f'<td><a href="{safe_url(c.link)}">{html_text(src.label)} › {html_text(c.source_section)}</a></td>'
            f"<td>{table}</td><td>{len(c.evidence)}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("claim", "outlet", "topic", "what the tables show", "section", "table", "passages"))
    return (
        '<div class="ss-syn-table" style="overflow-x: auto; max-width: 100%">'
        '<table style="border-collapse: collapse; font-size: 0.9em; min-width: 40rem">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )

