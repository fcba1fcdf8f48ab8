"""Word choice per outlet set against the others: where a term occurs, how many terms pass, wordings of its own.

The word-choice tables (:func:`analysis.wordchoice.distinctive_terms` and
:func:`analysis.wordchoice.top_terms`, one row per outlet and term;
:func:`analysis.wordchoice.naming_mentions`, one row per use of a contested wording) are read
here into the few numbers that the synthesis cards (notebook 05) and the word-choice workbook
(``notebooks/02a``) put in words, so that the word-choice package owns every number about words:

- :func:`term_spans`: where a counted term occurs in a text (the evidence behind a z-score);
- :func:`significance_counts`: how many z-scores pass |z| > 1.96 and the Bonferroni threshold;
- :func:`top_distinctive_term`: the most distinctive term of any outlet;
- :func:`naming_counts`: uses of each contested wording per outlet, and how many are quoted;
- :func:`differing_concepts` and :func:`wordings_of_its_own`: the contested things the outlets'
  own voices (outside quotation marks) name differently, and the wordings only one outlet uses.

References:
    Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis 16(4), 372-403 (the z-scores).
    Dunn, O. J. (1961). Multiple comparisons among means. Journal of the American Statistical
    Association 56(293), 52-64 (the Bonferroni correction).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..corpus import Corpus
from .distinctive import bonferroni_z, distinctive_terms, top_terms
from .terms import TERM_PATTERN, article_terms

__all__ = [
    "differing_concepts",
    "naming_counts",
    "own_voice",
    "significance_counts",
    "term_spans",
    "top_distinctive_term",
    "USUAL_Z",
    "wordings_of_its_own",
]

USUAL_Z = 1.96
"""The |z| one term taken alone must pass (two-sided, 5%)."""


def term_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Where a counted term (a word or an n-gram, as :func:`analysis.wordchoice.article_terms`
    counts it: case folded, apostrophes made plain) occurs in a text.

    Args:
        text: an article's clean text.
        term: a term of :func:`analysis.wordchoice.distinctive_terms` (words separated by one space).

    Returns:
        ``(start, end)`` character offsets of each occurrence, in text order.
    """
    words = [(m.start(), m.end(), (article_terms(m.group(0), ngram_range=(1, 1)) or [""])[0]) for m in TERM_PATTERN.finditer(text)]
    parts = term.split(" ")
    n = len(parts)
    return [
        (words[i][0], words[i + n - 1][1])
        for i in range(len(words) - n + 1)
        if all(words[i + k][2] == parts[k] for k in range(n))
    ]


def significance_counts(z: pd.Series, *, n_tests: int | None = None) -> dict:
    """How many z-scores pass the usual threshold and the one corrected for the number of tests.

    Args:
        z: z-scores (a column of :func:`analysis.wordchoice.distinctive_terms` or of its top terms).
        n_tests: the number of tests the Bonferroni threshold corrects for; ``len(z)`` by default
            (pass the length of the whole table when ``z`` is a part of it).

    Returns:
        ``{"tested": len(z), "z_bonferroni": the corrected threshold, "usual": count of
        |z| > 1.96, "bonferroni": count of |z| above the corrected threshold}``.

    References:
        Dunn, O. J. (1961). Multiple comparisons among means. Journal of the American Statistical
        Association 56(293), 52-64.
    """
    z_b = bonferroni_z(len(z) if n_tests is None else n_tests)
    return {"tested": len(z), "z_bonferroni": z_b, "usual": int((z.abs() > USUAL_Z).sum()),
            "bonferroni": int((z.abs() > z_b).sum())}


def top_distinctive_term(corpus: Corpus) -> dict | None:
    """The term with the highest z of all outlets' top terms (:func:`analysis.wordchoice.top_terms`:
    used twice or more, not only function words), or None with fewer than two outlets or no such term.

    Returns:
        ``{"outlet", "term", "count", "count_other", "z"}``.

    References:
        Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words. Political Analysis
        16(4), 372-403.
    """
    if len(corpus.outlets) < 2:
        return None
    top = top_terms(distinctive_terms(corpus))
    if top.empty:
        return None
    best = top.sort_values(["z", "outlet", "term"], ascending=[False, True, True], kind="stable").iloc[0]
    return {"outlet": best["outlet"], "term": str(best["term"]), "count": int(best["count"]),
            "count_other": int(best["count_other"]), "z": float(best["z"])}


def naming_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Uses of each contested wording per outlet, counted from the uses themselves.

    The same counts as the non-zero rows of :func:`analysis.wordchoice.naming_table`, without
    finding the uses again.

    Args:
        mentions: :func:`analysis.wordchoice.naming_mentions`.

    Returns:
        One row per outlet, concept and wording used (in the order of first use): ``outlet``,
        ``concept``, ``variant``, ``count``, ``quoted`` (uses inside quotation marks).
    """
    if not len(mentions):
        return pd.DataFrame(columns=["outlet", "concept", "variant", "count", "quoted"])
    return (
        mentions.assign(quoted=mentions["quoted"].astype(int)).groupby(["outlet", "concept", "variant"], sort=False)["quoted"]
        .agg(count="size", quoted="sum").reset_index()
    )


def own_voice(mentions: pd.DataFrame) -> pd.DataFrame:
    """The uses of contested wordings outside quotation marks: the outlet's own voice."""
    return mentions[~mentions["quoted"].astype(bool)] if len(mentions) else mentions


def differing_concepts(mentions: pd.DataFrame, concepts: Sequence[str], *, n_outlets: int) -> list[str]:
    """The contested things the outlets' own voices name differently.

    Args:
        mentions: :func:`analysis.wordchoice.naming_mentions`.
        concepts: the lexicon's concept ids, in its order.
        n_outlets: outlets in the corpus.

    Returns:
        The concepts (lexicon order) with two or more wordings used outside quotation marks; with
        one outlet, those with any wording used outside quotation marks.
    """
    own = own_voice(mentions)
    used = own.groupby("concept")["variant"].nunique() if len(own) else pd.Series(dtype=int)
    least = 2 if n_outlets > 1 else 1
    return [c for c in concepts if used.get(c, 0) >= least]


def wordings_of_its_own(mentions: pd.DataFrame, concepts: Sequence[str], outlets: Sequence[str]) -> pd.DataFrame:
    """The wordings of contested things that only one outlet uses in its own voice.

    Args:
        mentions: :func:`analysis.wordchoice.naming_mentions`.
        concepts: the lexicon's concept ids, in its order.
        outlets: the corpus's outlets, in its order.

    Returns:
        One row per outlet and wording only it uses outside quotation marks (outlets in corpus
        order, then concepts in lexicon order, then wordings alphabetically): ``outlet``,
        ``concept``, ``variant``, ``uses`` (its uses outside quotation marks) and ``quoted_by``
        (the other outlets that print the wording only inside quotation marks, in corpus order).
    """
    own = own_voice(mentions)
    users = own.groupby(["concept", "variant"])["outlet"].agg(lambda s: set(s)) if len(own) else pd.Series(dtype=object)
    order = list(concepts)
    rows = []
    for o in outlets:
        solo = sorted(((c, v) for (c, v), who in users.items() if who == {o}), key=lambda cv: (order.index(cv[0]), cv[1]))
        for c, v in solo:
            uses = int(((own["outlet"] == o) & (own["concept"] == c) & (own["variant"] == v)).sum())
            same = (mentions["concept"] == c) & (mentions["variant"] == v) & mentions["quoted"].astype(bool)
            quoted_by = sorted(set(mentions.loc[same, "outlet"]) - {o}, key=list(outlets).index)
            rows.append({"outlet": o, "concept": c, "variant": v, "uses": uses, "quoted_by": quoted_by})
    return pd.DataFrame(rows, columns=["outlet", "concept", "variant", "uses", "quoted_by"])
