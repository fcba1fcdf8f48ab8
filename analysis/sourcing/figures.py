"""The sourcing profiles drawn: voices and reporting verbs per outlet, and one article with its quotes highlighted.

Each figure function returns the figure and the table of the numbers it draws, ready for
:func:`analysis.plots.save_figure` (``fig, data = voices_figure(...)``); the colours are the
outlets' own (:func:`analysis.plots.outlet_colors`). :func:`highlight_quotes_html` shows an
article as a reader checks the quote finder: every quote marked and numbered by speaker, with
the article text escaped.

References:
    Asr et al. (2021), "The Gender Gap Tracker", PLOS ONE 16(1): voices counted by words quoted.
    Bergler (1992), "Evidential analysis of reported speech": the stance classes of reporting
    verbs.
"""

from __future__ import annotations


import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..plots import outlet_colors
from ..safe import html_text
from .lexicon import STANCES
from .profiles import VOICE_KINDS, voices

__all__ = [
    "highlight_quotes_html",
    "most_quoted_article",
    "verb_stance_figure",
    "verb_stance_shares",
    "voices_figure",
    "voices_shares",
]


# ---------------------------------------------------------------------------------------------
# Figures


def voices_shares(quotes: pd.DataFrame, corpus: Corpus, *, by: str = "country") -> pd.DataFrame:
    """The data of :func:`voices_figure`: one row per outlet (corpus order), one column per group
    of speakers, the share of the outlet's quoted words.

    Args:
        quotes: from :func:`analysis.sourcing.extract_quotes`.
        corpus: the corpus (outlet order).
        by: the column to group speakers by, as in :func:`analysis.sourcing.voices`.
    """
    table = voices(quotes, corpus, by=by)
    return table.pivot_table(index="outlet", columns=by, values="share", fill_value=0).reindex(list(corpus.outlets)).fillna(0)


def voices_figure(quotes: pd.DataFrame, corpus: Corpus, *, by: str = "country", top: int = 4) -> Figure:
    """Share of each outlet's quoted words per group of speakers (one panel per group).

    Args:
        quotes: from :func:`analysis.sourcing.extract_quotes`.
        corpus: the corpus (outlet order and colours).
        by: the column to group speakers by, as in :func:`analysis.sourcing.voices`.
        top: how many groups to draw (those given the most words).

    Returns:
        The figure (closed, titled with the finding); its data is :func:`voices_shares`.

    References:
        Asr et al. (2021), "The Gender Gap Tracker", PLOS ONE 16(1): voices counted by words quoted.
    """
    import matplotlib.pyplot as plt

    table = voices(quotes, corpus, by=by)
    colors = outlet_colors(corpus.outlets)
    groups = list(table.groupby(by)["words"].sum().sort_values(ascending=False, kind="stable").index[:top])
    outlets = [o for o in corpus.outlets]
    fig, axes = plt.subplots(1, max(len(groups), 1), figsize=(2.6 * max(len(groups), 1) + 1.6, 0.45 * len(outlets) + 1.8), sharey=True, squeeze=False)
    for ax, group in zip(axes[0], groups):
        shares = [float(table.loc[(table["outlet"] == o) & (table[by] == group), "share"].sum()) for o in outlets]
        ax.barh(outlets, shares, color=[colors[o] for o in outlets])
        for y, s in enumerate(shares):
            ax.text(s, y, f" {s:.0%}", va="center", fontsize=8)
        ax.set_title(f"speakers from {group}" if by == "country" and group not in ("unknown", "unregistered") else str(group), fontsize=10)
        ax.set_xlim(0, 1.15)
        ax.set_xlabel("share of quoted words")
        ax.spines[["top", "right"]].set_visible(False)
        ax.invert_yaxis() if ax is axes[0][0] else None
    if groups:
        lead = table.sort_values("share", ascending=False, kind="stable").iloc[0]
        title = f"Whose words? {lead['outlet']} gives {lead['share']:.0%} of its quoted words to speakers from {lead[by]}"
    else:
        title = "No quotation with a speaker was found"
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)
    axes[0][0].set_ylabel("outlet")
    fig.tight_layout()
    plt.close(fig)
    return fig


def _stance_shares(table: pd.DataFrame) -> pd.DataFrame:
    classes = [c for c in STANCES if c != "neutral"]
    return table[classes].div(table["total"].where(table["total"] > 0), axis=0).fillna(0.0)


def verb_stance_shares(table: pd.DataFrame) -> pd.DataFrame:
    """The data of :func:`verb_stance_figure`: one row per outlet, one column per non-neutral
    stance class, the share of the outlet's attributions (three decimals).

    Args:
        table: :func:`analysis.sourcing.verb_stance`.
    """
    return _stance_shares(table).round(3)


def verb_stance_figure(table: pd.DataFrame, corpus: Corpus) -> Figure:
    """Share of each outlet's attributions per non-neutral stance class (one panel per class).

    Args:
        table: :func:`analysis.sourcing.verb_stance`.
        corpus: the corpus (outlet colours).

    Returns:
        The figure (closed, titled with the finding; the numbers on the bars are attributions);
        its data is :func:`verb_stance_shares`.

    References:
        Bergler (1992), "Evidential analysis of reported speech"; Caldas-Coulthard (1994), "On
        reporting reporting": the stance classes (``data/reporting_verbs.csv``).
    """
    import matplotlib.pyplot as plt

    classes = [c for c in STANCES if c != "neutral"]
    outlets = list(table.index)
    colors = outlet_colors(corpus.outlets)
    shares = _stance_shares(table)
    fig, axes = plt.subplots(1, len(classes), figsize=(2.4 * len(classes) + 1.6, 0.45 * len(outlets) + 1.8), sharey=True, squeeze=False)
    top_share = shares.max().max() if len(shares) else 0
    for ax, cls in zip(axes[0], classes):
        ax.barh(outlets, shares[cls], color=[colors[o] for o in outlets])
        for y, (o, s) in enumerate(shares[cls].items()):
            n = int(table.loc[o, cls])
            ax.text(s, y, f" {n}", va="center", fontsize=8)
        ax.set_title(cls, fontsize=10)
        ax.set_xlim(0, max(top_share * 1.35, 0.05))
        ax.set_xlabel("share of attributions")
        ax.spines[["top", "right"]].set_visible(False)
    axes[0][0].invert_yaxis()
    axes[0][0].set_ylabel("outlet")
    t = table[table["total"] > 0]
    if len(t):
        top = t.sort_values("non-neutral share", ascending=False, kind="stable").iloc[0]
        title = f"{top.name} introduces {top['non-neutral share']:.0%} of its sources with a verb that is not neutral"
    else:
        title = "No reporting verb was found"
    fig.suptitle(title + " (numbers: attributions)", x=0.01, ha="left", fontweight="bold", fontsize=11)
    fig.tight_layout()
    plt.close(fig)
    return fig


# ---------------------------------------------------------------------------------------------
# One article, its quotes highlighted

# Light tints for text backgrounds (readable under black text); each speaker also gets a number,
# so colour is never the only cue.
_TINTS = ("#cfe3f3", "#fbe2b0", "#bfe6d8", "#f2d3e6", "#fff3a8", "#f6c9b0", "#d9d2f0", "#e6f5c9", "#dddddd", "#f0e0c8")


def most_quoted_article(quotes: pd.DataFrame, corpus: Corpus) -> str:
    """The article with the most quoted passages (the first in corpus order on a tie)."""
    v = quotes[(quotes["field"] == "text") & quotes["kind"].isin(VOICE_KINDS)]
    if v.empty:
        return corpus.articles.index[0]
    counts = v.groupby("article_id").size().reindex(corpus.articles.index, fill_value=0)
    return str(counts.idxmax())


def highlight_quotes_html(corpus: Corpus, quotes: pd.DataFrame, article_id: str) -> str:
    """The article's clean text as HTML, each quote highlighted and numbered by speaker.

    Every piece of article text goes through :func:`analysis.safe.html_text`. Each quote is a ``<mark>``
    with a tint per speaker and a bracketed speaker number after it (so the colour is never the
    only cue), and a ``title`` giving the speaker, kind and verb; a legend lists the numbers.
    """
    text = corpus.articles.loc[article_id, "text"]
    outlet = corpus.articles.loc[article_id, "outlet"]
    q = quotes[(quotes["article_id"] == article_id) & (quotes["field"] == "text") & (quotes["kind"] != "indirect")].sort_values("start")
    speakers = list(dict.fromkeys(s if s else "(no speaker)" for s in q["speaker"]))
    number = {s: i + 1 for i, s in enumerate(speakers)}
    out, pos = [], 0
    for r in q.itertuples(index=False):
        if r.start < pos:
            continue
        who = r.speaker or "(no speaker)"
        n = number[who]
        tint = _TINTS[(n - 1) % len(_TINTS)]
        tip = f"{who}: {r.kind}" + (f", {r.verb}" if r.verb else "")
        out.append(html_text(text[pos : r.start]))
        out.append(
            f'<mark style="background:{tint};padding:0 2px;border-bottom:2px solid #555" title="{html_text(tip)}">'
            f"{html_text(text[r.start : r.end])}</mark><sup>[{n}]</sup>"
        )
        pos = r.end
    out.append(html_text(text[pos:]))
    body = "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")
    legend = "".join(
        f'<li><span style="background:{_TINTS[(number[s] - 1) % len(_TINTS)]};padding:0 6px;border-bottom:2px solid #555">[{number[s]}]</span> '
        f"{html_text(s)} ({int((q['speaker'].replace('', '(no speaker)') == s).sum())} passage{'s' if int((q['speaker'].replace('', '(no speaker)') == s).sum()) != 1 else ''})</li>"
        for s in speakers
    )
    return (
        f'<div class="samestory-quotes"><p><strong>{html_text(outlet)}</strong>: '
        f"{len(q)} quoted passage{'s' if len(q) != 1 else ''}, {len(speakers)} speaker{'s' if len(speakers) != 1 else ''}. "
        "Each quote is highlighted and followed by its speaker's number.</p>"
        f'<ul style="list-style:none;padding-left:0;columns:2">{legend}</ul>'
        f'<div style="max-width:46em;line-height:1.6"><p>{body}</p></div></div>'
    )
