"""Vague and anonymous sourcing: the words that tell a reader a claim comes from someone they cannot check.

Two sources, both outside quotation marks (a phrase inside someone's words is theirs, not the
outlet's): the patterns of ``data/vague_sourcing.toml`` ("officials said", "a source familiar
with", "reportedly", "it is understood"), found in one text by :func:`vague_sourcing_in_text`;
and the quotes and attributions whose speaker is anonymous ("a European official"), from
:func:`analysis.sourcing.extract_quotes`. :func:`vague_sourcing` puts both in one table for a
corpus, :func:`vague_sourcing_summary` counts them per outlet and per 1,000 words.

References:
    Sheehy, M. (2008), "Foreign News Stories More Likely to Contain Unnamed Sources", Newspaper
    Research Journal 29(3); Duffy, M. J. & Freeman, C. P. (2011), "Unnamed Sources: A
    Utilitarian Exploration of their Justification and Guidelines for Limited Use", Journal of
    Mass Media Ethics 26(4); Hyland, K. (1998), "Hedging in Scientific Research Articles" (for
    "reportedly", "it is understood" as hedges). See the header of ``data/vague_sourcing.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..corpus import Corpus
from ..corpus.marks import find_passages
from ..safe import md_text
from .lexicon import Lexicon, lexicon_for, load_lexicon
from .profiles import extract_quotes

__all__ = [
    "vague_finding",
    "vague_sourcing",
    "vague_sourcing_in_text",
    "vague_sourcing_summary",
]


def vague_sourcing_in_text(text: str, *, lexicon: Lexicon | None = None, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[dict]:
    """Vague and anonymous sourcing phrases outside quotation marks ("officials said", "reportedly").

    Args:
        text: the article's clean text.
        lexicon: the compiled resources; :func:`~analysis.sourcing.lexicon.load_lexicon` by default.
        paragraphs: ``(start, end)`` of each paragraph; by default blocks between blank lines.

    Returns:
        One dict per phrase, in text order: ``start``, ``end``, ``phrase`` (``text[start:end]``),
        ``class`` (anonymous, hedge, agentless) and ``label`` (the pattern's name in the data
        file). Where two patterns overlap, the one listed first in the file wins.

    References:
        Sheehy (2008); Duffy & Freeman (2011); Hyland (1998): see the module docstring.
    """
    lex = lexicon or load_lexicon()
    passages = find_passages(text, paragraphs)
    regions = [(p.open_at, p.region_end) for p in passages]
    out, taken = [], []
    for cls, label, rx in lex.vague_patterns:
        for m in rx.finditer(text):
            a, b = m.start(), m.end()
            if any(x <= a < y for x, y in regions) or any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            out.append({"start": a, "end": b, "phrase": text[a:b], "class": cls, "label": label})
    return sorted(out, key=lambda r: r["start"])


def vague_sourcing(corpus: Corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Vague and anonymous sourcing, one row per phrase.

    Two sources: the phrases of ``data/vague_sourcing.toml`` found outside quotation marks
    ("officials said", "a source familiar with", "reportedly", "it is understood"), and the
    quotes and attributions whose speaker is anonymous ("a European official").

    Args:
        corpus: a loaded corpus.
        quotes: :func:`analysis.sourcing.extract_quotes` of the corpus (``indirect=True``), to
            reuse; extracted here when None.

    Returns:
        ``article_id``, ``outlet``, ``start``, ``end``, ``phrase`` (``text[start:end]``),
        ``class`` (anonymous, hedge, agentless, anonymous speaker), ``label``. An anonymous
        speaker is not counted again when a phrase starts inside it or in the 40 characters
        before it.

    References:
        Sheehy (2008), "Foreign News Stories More Likely to Contain Unnamed Sources".
    """
    lex = lexicon_for(corpus)
    rows = []
    for aid, art in corpus.articles.iterrows():
        for r in vague_sourcing_in_text(art["text"], lexicon=lex):
            rows.append({"article_id": aid, "outlet": art["outlet"], **r})
    if quotes is None:
        quotes = extract_quotes(corpus, indirect=True, headlines=False)
    anon = quotes[(quotes["speaker_type"] == "anonymous") & (quotes["field"] == "text") & (quotes["speaker_start"] >= 0)]
    anon = anon.drop_duplicates(["article_id", "speaker_start"])
    taken = {(r["article_id"], r["start"]) for r in rows}
    for r in anon.itertuples(index=False):
        if any((r.article_id, s) in taken for s in range(r.speaker_start - 40, r.speaker_end)):
            continue
        rows.append({"article_id": r.article_id, "outlet": r.outlet, "start": r.speaker_start, "end": r.speaker_end,
                     "phrase": r.speaker_mention, "class": "anonymous speaker", "label": r.speaker})
    table = pd.DataFrame(rows, columns=["article_id", "outlet", "start", "end", "phrase", "class", "label"])
    order = {a: i for i, a in enumerate(corpus.articles.index)}
    return table.sort_values(["article_id", "start"], key=lambda c: c.map(order) if c.name == "article_id" else c, kind="stable").reset_index(drop=True)


def vague_sourcing_summary(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Vague-sourcing phrases per outlet and class, with the rate per 1,000 words."""
    counts = pd.crosstab(table["outlet"], table["class"]).reindex(index=corpus.outlets, fill_value=0)
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    words = corpus.articles.groupby("outlet", sort=False)["n_words"].sum().reindex(corpus.outlets)
    counts["per 1,000 words"] = (counts["total"] / words * 1000).round(1)
    return counts


def vague_finding(summary: pd.DataFrame) -> str:
    """A sentence on which outlet leans most on sources the reader cannot check."""
    if summary["total"].sum() == 0:
        return "No vague or anonymous sourcing phrase was found."
    top = summary.sort_values("per 1,000 words", ascending=False, kind="stable").iloc[0]
    none = [o for o, n in summary["total"].items() if n == 0]
    text = f"{md_text(top.name)} uses the most vague or anonymous sourcing: {int(top['total'])} phrases, {top['per 1,000 words']} per 1,000 words."
    if none:
        text += f" None was found in {', '.join(map(md_text, none))}."
    return text
