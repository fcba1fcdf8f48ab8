"""What is in a corpus: lengths, what cleaning removed, ledes, and hard sentence boundaries.

The functions behind notebook 00 (the corpus tour). Each returns a DataFrame or a figure; the
sentences in plain words that the notebook shows are made here from the numbers, so they hold
for any corpus the notebook runs on.
"""

from __future__ import annotations

import re

import pandas as pd

from matplotlib.figure import Figure

from ..plots import finish_figure, outlet_colors
from ..safe import md_text
from .load import Corpus

__all__ = [
    "article_lengths_figure",
    "audit_by_rule",
    "check_offsets",
    "cleaning_finding",
    "ledes",
    "length_finding",
    "outlet_order",
    "TRICKY_CASES",
    "tricky_sentences",
]

# Sentence-boundary cases the splitter must get right, and a pattern that finds each in a text.
TRICKY_CASES = {
    "title or rank with a full stop (Mr., Lt. Gen., Dr.)": r"\b(?:Mr|Mrs|Ms|Dr|Lt|Gen|Col|Sen|Gov|Prof)\.\s",
    "initialism (U.S., U.K., U.N.)": r"\b(?:[A-Z]\.){2,}",
    "month abbreviation (Dec. 17)": r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s",
    "ellipsis inside a sentence": r"\w\s?(?:\.\.\.|…)\s+[a-z]",
    "quote closed with the wrong mark (,“ or .“)": r"[,.!?]“\s",
    "quote ending a sentence (.” ?\" !”)": r"[.!?][”\"]\s*$",
    "quote ending mid-sentence, attribution after (!” Trump posted)": r"[!?][”\"]\s+[A-Z]\w+\s+(?:said|posted|wrote|added)",
}


def outlet_order(corpus: Corpus) -> list[str]:
    return corpus.outlets


def article_lengths_figure(summary: pd.DataFrame, corpus: Corpus) -> Figure:
    """A horizontal bar chart of words per article after cleaning, one colour per outlet."""
    import matplotlib.pyplot as plt

    colors = outlet_colors(corpus.outlets)
    data = summary.sort_values("words")
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(data) + 1.4))
    ax.barh(data["outlet"], data["words"], color=[colors[o] for o in data["outlet"]])
    for y, (words, sents) in enumerate(zip(data["words"], data["sentences"])):
        ax.text(words, y, f" {words} words, {sents} sentences", va="center", fontsize=9)
    longest, shortest = data.iloc[-1], data.iloc[0]
    ratio = longest["words"] / max(shortest["words"], 1)
    ax.set_xlabel("Words in the article after cleaning")
    ax.set_ylabel("")
    ax.set_xlim(0, data["words"].max() * 1.45)
    title = (f"{longest['outlet']} wrote {ratio:.1f} times as many words as {shortest['outlet']}" if len(data) > 1
             else f"{longest['outlet']}: {longest['words']} words")
    return finish_figure(fig, ax, title=title, legend=False)


def length_finding(summary: pd.DataFrame) -> str:
    """One or two sentences on article lengths, computed from the summary."""
    s = summary.sort_values("words", ascending=False)
    if len(s) == 1:
        r = s.iloc[0]
        return (
            f"The corpus holds one article ({md_text(r['outlet'])}, {r['words']} words in {r['sentences']} sentences). "
            "Comparisons across outlets need at least two outlets; the later notebooks say so where they apply."
        )
    top, bottom = s.iloc[0], s.iloc[-1]
    return (
        f"The {len(s)} articles run from {bottom['words']} words ({md_text(bottom['outlet'])}) to {top['words']} words "
        f"({md_text(top['outlet'])}), {s['words'].sum()} words and {s['sentences'].sum()} sentences in all. "
        "Longer articles have more room for every kind of detail, so later notebooks compare rates per "
        "1,000 words or per sentence, not raw counts."
    )


def audit_by_rule(corpus: Corpus) -> pd.DataFrame:
    """Lines removed per cleaning rule (rows) and outlet (columns), with totals."""
    if corpus.audit.empty:
        return pd.DataFrame()
    table = pd.crosstab(corpus.audit["rule"], corpus.audit["outlet"], margins=True, margins_name="total")
    cols = [o for o in corpus.outlets if o in table.columns] + ["total"]
    return table[cols]


def cleaning_finding(corpus: Corpus, summary: pd.DataFrame) -> str:
    """A sentence on what cleaning removed, computed from the audit."""
    n = len(corpus.audit)
    if n == 0:
        return "Cleaning removed nothing: every line of every file is article text."
    most = summary.sort_values("share removed", ascending=False).iloc[0]
    none = summary.loc[summary["lines removed"] == 0, "outlet"].tolist()
    text = (
        f"Cleaning removed {n} lines or line openings in all. The most furniture came with "
        f"{md_text(most['outlet'])}: {most['lines removed']} lines, {most['share removed']:.0%} of the file's "
        "visible characters."
    )
    if none:
        text += f" Nothing was removed from {', '.join(map(md_text, none))}."
    return text


def ledes(corpus: Corpus, n: int = 1) -> pd.DataFrame:
    """The first ``n`` body sentences of each article (subheads skipped), with offsets."""
    s = corpus.sentences()
    s = s[s["paragraph_kind"] == "body"]
    return s.groupby("article_id", sort=False).head(n)[["outlet", "sentence", "start", "end", "text"]]


def tricky_sentences(corpus: Corpus, *, per_case: int = 3) -> pd.DataFrame:
    """Sentences that contain a hard boundary case, one row per case and sentence.

    At most ``per_case`` sentences per case. Each row shows the case, the outlet, the sentence and its offsets, so a reader can see
    that the splitter kept the sentence whole (or split it where it should).
    """
    s = corpus.sentences()
    rows = []
    for case, pattern in TRICKY_CASES.items():
        rx = re.compile(pattern)
        for r in s.itertuples(index=False):
            if rx.search(r.text):
                rows.append({"case": case, "outlet": r.outlet, "start": r.start, "end": r.end, "sentence": r.text})
    table = pd.DataFrame(rows, columns=["case", "outlet", "start", "end", "sentence"])
    return table.groupby("case", sort=False).head(per_case).reset_index(drop=True)


def check_offsets(corpus: Corpus) -> pd.DataFrame:
    """For each article: sentences whose offsets give back their text exactly, out of all."""
    s = corpus.sentences()
    texts = corpus.articles["text"]
    ok = [texts[r.article_id][r.start : r.end] == r.text for r in s.itertuples(index=False)]
    return (
        s.assign(offsets_exact=ok)
        .groupby("outlet", sort=False)["offsets_exact"]
        .agg(sentences="size", exact="sum")
        .reset_index()
    )
