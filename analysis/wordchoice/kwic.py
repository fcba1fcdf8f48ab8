"""Keyword in context, side by side across outlets.

:func:`keyword_in_context` finds every use of a keyword (a word, a word start, or a regular
expression) in the clean texts and returns one row per use with its left and right context and
its offsets. :func:`side_by_side` lays those rows out as one table grouped by outlet, aligned on
the keyword, so that a reader can compare how each outlet uses the same word; an outlet that
never uses it gets a row saying so, because an absence is part of the comparison.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.wordchoice.kwic import side_by_side
    >>> table = side_by_side(load_corpus(), "crisis")   # displays as HTML in a notebook
    >>> table.data.columns.tolist()[:4]
    ['outlet', 'article_id', 'sentence', 'start']

References:
    Luhn, H. P. (1960). Key word-in-context index for technical literature (KWIC index).
    American Documentation, 11(4), 288-295.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from ..corpus import Corpus
from ..errors import KeywordError
from ..plots import outlet_colors
from ..safe import html_text

__all__ = ["COLUMNS", "Match", "SideBySide", "keyword_in_context", "side_by_side"]

COLUMNS = ["outlet", "article_id", "sentence", "start", "end", "left", "keyword", "right"]
"""The columns of :func:`keyword_in_context`."""

Match = Literal["word", "prefix", "regex"]
"""How a keyword is matched: a whole word, a word start, or a regular expression."""


def _pattern(keyword: str, match: Match, ignore_case: bool) -> re.Pattern:
    flags = re.IGNORECASE if ignore_case else 0
    if not isinstance(keyword, str) or not keyword.strip():
        raise KeywordError(f"The keyword {keyword!r} is empty; give a word to search for (e.g. side_by_side(corpus, \"crisis\")).")
    if match == "regex":
        try:
            return re.compile(keyword, flags)
        except re.error as exc:
            where = f" at character {exc.pos + 1}" if exc.pos is not None else ""
            raise KeywordError(
                f"The keyword {keyword!r} is not a valid regular expression ({exc.msg}{where}); fix the pattern, "
                "or search for it as a plain word with match=\"word\" (special characters such as ( [ * ? are then "
                "matched as they are)."
            ) from None
    # An apostrophe typed either way (' or \u2019) finds both, in one pass over the keyword (two
    # replacements in a row would rewrite the class the first one wrote).
    body = "".join("['\u2019]" if ch in "'\u2019" else re.escape(ch) for ch in keyword)
    if match == "word":
        return re.compile(rf"(?<![\w\-]){body}(?![\w])", flags)
    if match == "prefix":
        return re.compile(rf"(?<![\w\-]){body}[\w'\u2019\-]*", flags)
    raise KeywordError(f"match must be 'word', 'prefix' or 'regex', not {match!r}")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def keyword_in_context(
    corpus: Corpus, keyword: str, *, match: Match = "word", ignore_case: bool = True, window: int = 60
) -> pd.DataFrame:
    """Every use of ``keyword`` in the corpus, with ``window`` characters of context each side.

    Args:
        corpus: a loaded corpus.
        keyword: the word to find; with ``match="regex"``, a Python regular expression.
        match: ``"word"`` (whole word: "crisis", not "crises"), ``"prefix"`` (words that start
            with it: "Crimea" finds "Crimean"), or ``"regex"``.
        ignore_case: match regardless of case.
        window: characters of context on each side (cut at word boundaries; line breaks made spaces).

    Returns:
        DataFrame with one row per use, in corpus and text order: ``outlet``, ``article_id``,
        ``sentence`` (index in the article, from 0), ``start``, ``end`` (offsets of the keyword
        in the clean text), ``left``, ``keyword`` (as written), ``right``.

    References:
        Luhn, H. P. (1960). Key word-in-context index for technical literature (KWIC index).
        American Documentation, 11(4), 288-295.
    """
    rx = _pattern(keyword, match, ignore_case)
    sentences = corpus.sentences()
    rows = []
    for aid, art in corpus.articles.iterrows():
        text = art["text"]
        starts = sentences.loc[sentences["article_id"] == aid, ["sentence", "start"]]
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            left = text[max(0, m.start() - window) : m.start()]
            right = text[m.end() : m.end() + window]
            if m.start() - window > 0:
                left = "\u2026" + left.split(" ", 1)[-1] if " " in left else left
            if m.end() + window < len(text):
                right = (right.rsplit(" ", 1)[0] if " " in right else right) + "\u2026"
            before = starts[starts["start"] <= m.start()]
            rows.append(
                {
                    "outlet": art["outlet"], "article_id": aid,
                    "sentence": int(before["sentence"].iloc[-1]) if len(before) else 0,
                    "start": m.start(), "end": m.end(),
                    "left": _flat(left), "keyword": m.group(0), "right": _flat(right),
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS)


@dataclass
class SideBySide:
    """A keyword-in-context table grouped by outlet; shows as an aligned HTML table in a notebook.

    Attributes:
        keyword: what was searched for.
        data: the rows of :func:`keyword_in_context`.
        outlets: every outlet of the corpus, in order (those without a use included).
        colors: one colour per outlet.
    """

    keyword: str
    data: pd.DataFrame
    outlets: list[str]
    colors: dict[str, str]

    def counts(self) -> pd.Series:
        """Uses per outlet, zeros included."""
        return self.data.groupby("outlet").size().reindex(self.outlets, fill_value=0).rename("uses")

    def _repr_html_(self) -> str:
        e = html_text
        rows = []
        for outlet in self.outlets:
            d = self.data[self.data["outlet"] == outlet]
            n = len(d)
            label = f"{e(outlet)} \u00b7 {n} use{'s' if n != 1 else ''}"
            rows.append(
                f'<tr><th colspan="4" style="text-align:left;padding:6px 4px 2px;border-bottom:3px solid '
                f'{e(self.colors.get(outlet, "#999999"))}">{label}</th></tr>'
            )
            if not n:
                rows.append(f'<tr><td></td><td colspan="3" style="color:#666;font-style:italic;text-align:left">never uses \u201c{e(self.keyword)}\u201d</td></tr>')
            for r in d.itertuples(index=False):
                rows.append(
                    "<tr>"
                    f'<td style="color:#666;text-align:right;white-space:nowrap">s.{r.sentence + 1}</td>'
                    f'<td style="text-align:right;white-space:nowrap">{e(r.left)}</td>'
                    f'<td style="text-align:center;font-weight:bold;white-space:nowrap">{e(r.keyword)}</td>'
                    f'<td style="text-align:left;white-space:nowrap">{e(r.right)}</td>'
                    "</tr>"
                )
        caption = f"\u201c{e(self.keyword)}\u201d in context, by outlet (s. = sentence number in the article)"
        return (
            '<table class="kwic" style="border-collapse:collapse;font-size:0.92em">'
            f'<caption style="text-align:left;font-weight:bold;padding-bottom:4px">{caption}</caption>'
            + "".join(rows)
            + "</table>"
        )

    def __repr__(self) -> str:
        lines = [f"\u201c{self.keyword}\u201d in context, by outlet"]
        width = max([len(x) for x in self.data["left"]] + [10])
        for outlet in self.outlets:
            d = self.data[self.data["outlet"] == outlet]
            lines.append(f"{outlet} \u00b7 {len(d)} use{'s' if len(d) != 1 else ''}")
            if d.empty:
                lines.append(f"    never uses \u201c{self.keyword}\u201d")
            for r in d.itertuples(index=False):
                lines.append(f"  s.{r.sentence + 1:<3} {r.left:>{width}} [{r.keyword}] {r.right}")
        return "\n".join(lines)


def side_by_side(
    corpus: Corpus, keyword: str, *, match: Match = "word", ignore_case: bool = True, window: int = 60
) -> SideBySide:
    """Keyword in context for every outlet, in one table aligned on the keyword.

    The result shows as an HTML table in a notebook (article text escaped): rows grouped by
    outlet under a band in the outlet's colour, left context right-aligned, the keyword in bold,
    right context left-aligned; an outlet that never uses the keyword gets a line saying so.

    Args:
        corpus, keyword, match, ignore_case, window: as in :func:`keyword_in_context`.

    Returns:
        A :class:`SideBySide`: ``.data`` holds the rows of :func:`keyword_in_context` as a
        DataFrame, with offsets back into the clean text; ``.counts()`` the uses per outlet.

    References:
        Luhn, H. P. (1960). Key word-in-context index for technical literature (KWIC index).
        American Documentation, 11(4), 288-295.
    """
    data = keyword_in_context(corpus, keyword, match=match, ignore_case=ignore_case, window=window)
    return SideBySide(keyword, data, list(corpus.outlets), outlet_colors(corpus.outlets))
