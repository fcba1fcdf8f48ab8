"""Media cited: which news media each outlet names, and whether as a source, a venue or in passing.

Every mention of a register entry of kind ``media`` outside quotation marks is read by the words
around it: a ``source`` when the medium reported or said something ("according to Interfax",
"Tass said", "a document seen by Reuters"), a ``venue`` when it is where a speaker spoke ("told
CBS", "in a TIME interview"), else a ``mention``; an outlet naming itself is marked ``self``.

References:
    Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News"
    (PolNeAR), LREC: media as the source of an attribution ("according to X").
"""

from __future__ import annotations

import re

import pandas as pd

from ..corpus import Corpus
from ..corpus.marks import quoted_regions
from .lexicon import lexicon_for

__all__ = [
    "media_cited",
    "media_finding",
    "media_summary",
]

_SOURCE_BEFORE = re.compile(
    r"(?:according to|reported by|seen by|obtained by|cited by|quoted by|published by|citing|input from|reporting by|told to)"
    r"(?:\s+(?:the|a|an|[A-Z][\w’'.-]*|news|state|agency|newspaper|magazine|broadcaster|military|blog|wire|service|russian|ukrainian|us|british|influential))*\s*$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^[’']?s?\s*(?:,[^,]{0,60},\s*)?(?:has\s+|had\s+|also\s+|earlier\s+|later\s+)?"
    r"(?:said|says|reported|reports|reporting|cited|quoted|published|wrote|writes|added|claimed|described|confirmed|found|showed)\b"
)
_VENUE_BEFORE = re.compile(
    r"(?:told|tells|telling|tell|interview with|speaking to|spoke to|speaking with|spoke with|on|in|to|with)"
    r"(?:\s+(?:the|a|an|[A-Z][\w’'.-]*|us|news|broadcaster|channel|network|magazine|newspaper))*\s*$",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(r"^[’']?s?\s+(?:[A-Z][\w’'-]*\s+)*(?:interview|programme|program|show|broadcast|podcast)\b|^\s+(?:magazine\s+)?interview\b")


def _media_use(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 80]
    if _SOURCE_BEFORE.search(before):
        return "source"
    if _VENUE_AFTER.match(after) or _VENUE_BEFORE.search(before):
        return "venue"
    if _SOURCE_AFTER.match(after):
        return "source"
    return "mention"


def media_cited(corpus: Corpus) -> pd.DataFrame:
    """Every mention of a news medium (the register's entries of kind ``media``) in the articles.

    Quotations are left out (a medium named inside someone's words is not cited by the outlet).
    ``use`` says how the article cites it: ``source`` (the medium reported or said it:
    "according to Interfax", "Tass said", "a document seen by Reuters"), ``venue`` (where a
    speaker spoke: "told CBS", "in a TIME interview", "told the BBC"), or ``mention``;
    ``self`` marks an outlet naming itself ("CNN reported earlier").

    Args:
        corpus: a loaded corpus.

    Returns:
        ``article_id``, ``outlet``, ``start``, ``end``, ``mention``, ``medium`` (canonical),
        ``use``, ``self``.

    References:
        Newell, Margolin & Ruths (2018), PolNeAR: a medium as the source of an attribution.
    """
    lex = lexicon_for(corpus)
    reg = lex.register

    rows = []
    for aid, art in corpus.articles.iterrows():
        text = art["text"]
        regions = quoted_regions(text)
        outlet_words = set(re.findall(r"\w+", str(art["outlet"]).lower()))
        for m in reg.find(text, roles=True):
            if reg.info(m.canonical).get("kind") != "media" or any(a <= m.start < b for a, b in regions):
                continue
            name_words = set(re.findall(r"\w+", m.canonical.lower()))
            rows.append({
                "article_id": aid, "outlet": art["outlet"], "start": m.start, "end": m.end, "mention": m.text,
                "medium": m.canonical, "use": _media_use(text, m.start, m.end), "self": bool(name_words & outlet_words),
            })
    return pd.DataFrame(rows, columns=["article_id", "outlet", "start", "end", "mention", "medium", "use", "self"])


def media_summary(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Media cited per outlet (rows) and medium (columns), self-mentions left out; cells are
    ``sources/venues/mentions`` counts written as "2 source, 1 venue"."""
    t = table[~table["self"]]
    if t.empty:
        return pd.DataFrame(index=pd.Index(corpus.outlets, name="outlet"))
    cells = t.groupby(["outlet", "medium", "use"]).size().unstack("use", fill_value=0)
    out = {}
    for (outlet, medium), r in cells.iterrows():
        out.setdefault(outlet, {})[medium] = ", ".join(f"{int(r[u])} {u}" for u in ("source", "venue", "mention") if u in r and r[u])
    media = sorted(t["medium"].unique(), key=lambda m: (-int((t["medium"] == m).sum()), m))
    return pd.DataFrame(out).T.reindex(index=corpus.outlets, columns=media).fillna("").rename_axis("outlet")


def media_finding(table: pd.DataFrame, corpus: Corpus) -> str:
    """A sentence on which media each outlet cites as a source."""
    t = table[(~table["self"]) & (table["use"] == "source")]
    if t.empty:
        return "No outlet cites another medium as the source of a claim."
    parts = []
    for outlet in corpus.outlets:
        media = sorted(t.loc[t["outlet"] == outlet, "medium"].unique())
        parts.append(f"{outlet}: {', '.join(media) if media else 'none'}")
    return "Media cited as the source of a claim (not just named): " + "; ".join(parts) + "."
