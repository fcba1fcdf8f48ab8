"""Word choice: which terms set each outlet apart, how each names contested things, loaded language.

Three analyses, each a function that takes a corpus and returns a tidy DataFrame whose rows lead
back to the text (offsets, or counts whose terms a keyword-in-context table shows in place, see
:mod:`analysis.kwic`). The sentences a notebook shows in plain words are written here from the
numbers, so they hold for any corpus.

**Distinctive terms** (:func:`distinctive_terms`): the log-odds ratio with an informative
Dirichlet prior of Monroe, Colaresi & Quinn (2008), each group (outlet) against all the others
pooled, for any number of groups at once, over unigrams and bigrams. It is split in two so that
counts made in pieces and added (for instance partition by partition on Dask) give exactly the
same result: :func:`term_counts` (per article and pure: one article's counts depend on its
text alone, :func:`article_terms`; then summed per group) and :func:`log_odds_dirichlet` (the
statistic from a group x term count table).

**Contested naming** (:func:`naming_mentions`, :func:`naming_table`): how each outlet names
things that are themselves disputed ("war", "invasion", "conflict", "crisis"; "Kyiv" or "Kiev";
"annexed" or "illegally annexed"), from the documented lexicon ``data/contested_naming.toml``,
with where in the article each name is first used and whether it sits inside a quotation.

**Loaded language** (:func:`loaded_words`, :func:`loaded_rates`, :func:`sentence_sentiment`):
hedges, boosters, intensifiers, evaluative and emotive words from the word lists in
``data/loaded_language/`` (each with its source, licence and how to extend it), as rates per
1,000 words with bootstrap intervals, and sentence sentiment with VADER (Hutto & Gilbert 2014).

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis import wordchoice
    >>> terms = wordchoice.distinctive_terms(load_corpus())
    >>> list(terms.columns[:4])
    ['outlet', 'term', 'ngram', 'count']
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from statistics import NormalDist
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import ComparisonError, SameStoryError
from ..paths import DATA_DIR
from ..plots import outlet_colors
from ..corpus.marks import quoted_regions
from ..corpus.segment import tokenize

NAMING_FILE = DATA_DIR / "contested_naming.toml"
LOADED_DIR = DATA_DIR / "loaded_language"
LOADED_CATEGORIES = ("hedges", "boosters", "intensifiers", "evaluative", "emotive")
LOADED_DETECTOR = ("evaluative", "emotive")
"""The categories whose words count as *loaded* (measured on BASIL: ``python -m analysis.evaluate loaded``).
Hedges and boosters mark how sure a writer sounds, not a slant towards a side; intensifiers
raise the degree of whatever follows ("very close to a deal") and on BASIL's development split
were rarely marked as loaded (precision 0.08). All three are reported as rates of their own but
are not part of the loaded-word detector."""
LOADED_ALL = "loaded (evaluative + emotive)"

NEEDS_TWO_OUTLETS = (
    "Distinctive terms compare each outlet with the others, so they need at least two outlets; "
    "this corpus has one. Add articles from another outlet to metadata.csv to see which words "
    "set each one apart."
)


class LexiconError(SameStoryError):
    """A lexicon or word-list file cannot be used; the message names the file, the entry and the fix."""


# --------------------------------------------------------------------------------------------
# Distinctive terms: Monroe, Colaresi & Quinn (2008)
# --------------------------------------------------------------------------------------------

TERM_PATTERN = re.compile(r"[^\W\d_]\.(?:[^\W\d_]\.)+|[^\W_]+(?:['\u2018\u2019\u02bc\-\u2010\u2011][^\W_]+)*")
"""A term's word: an initialism with its full stops ("U.S."), or letters and digits with inner
apostrophes or hyphens ("Russia’s", "full-scale")."""
_SAME_AS = (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2010", "-"), ("\u2011", "-"))


def _normalise(word: str, lowercase: bool) -> str:
    """A word as counted: lower case (optionally), curly apostrophes and Unicode hyphens made plain."""
    if lowercase:
        word = word.lower()
    for a, b in _SAME_AS:
        word = word.replace(a, b)
    return word


def _words(text: str, lowercase: bool) -> list[str]:
    return [_normalise(w, lowercase) for w in TERM_PATTERN.findall(text)]


def article_terms(text: str, *, ngram_range: tuple[int, int] = (1, 2), lowercase: bool = True) -> list[str]:
    """The terms of one article, in reading order: its words, then its n-grams.

    This is the definition that :func:`term_counts` computes in bulk: the counts of a group are
    the sum over its articles of the counts of this list. Words are runs of letters and digits
    with inner apostrophes or hyphens (curly apostrophes made straight, so "Russia’s" and
    "Russia's" are one term), or initialisms with their stops ("U.S." is "u.s."; "US" is "us",
    like the pronoun, once case is folded); other punctuation is dropped, and an n-gram never
    spans two articles (it may span two sentences, as in scikit-learn's CountVectorizer).

    Args:
        text: the article's clean text.
        ngram_range: the smallest and largest n-gram length, as in scikit-learn.
        lowercase: fold case before counting.

    Returns:
        A list of terms ("russia's", "invasion", "russia's invasion", ...).
    """
    lo, hi = _check_ngram_range(ngram_range)
    words = _words(text, lowercase)
    out: list[str] = []
    for n in range(lo, hi + 1):
        out.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return out


def _check_ngram_range(ngram_range: tuple[int, int]) -> tuple[int, int]:
    lo, hi = ngram_range
    if not (1 <= lo <= hi):
        raise ValueError(f"ngram_range must be (min, max) with 1 <= min <= max, not {ngram_range!r}")
    return int(lo), int(hi)


def _articles_frame(corpus_or_articles, by: str) -> pd.DataFrame:
    articles = getattr(corpus_or_articles, "articles", corpus_or_articles)
    if not isinstance(articles, pd.DataFrame):
        raise TypeError("expected a Corpus (from load_corpus) or a DataFrame of articles with a `text` column")
    missing = [c for c in ("text", by) if c not in articles.columns]
    if missing:
        raise SameStoryError(
            f"the articles table has no column {', '.join(map(repr, missing))} (it has: {', '.join(map(str, articles.columns))}); "
            f"pass by= one of its columns, e.g. by='outlet'"
        )
    return articles


def _group_order(corpus_or_articles, articles: pd.DataFrame, by: str) -> list:
    if by == "outlet" and hasattr(corpus_or_articles, "outlets"):
        return list(corpus_or_articles.outlets)
    return sorted(articles[by].dropna().unique().tolist(), key=str)


@dataclass(frozen=True)
class _Counted:
    """Internal: a group x term count matrix with its labels (the wide form of ``term_counts``)."""

    matrix: sparse.csr_matrix  # groups x terms, int64
    groups: list
    terms: np.ndarray  # str, sorted
    ngram: np.ndarray  # int


_CHUNK = 2000  # articles tokenised at a time: bounds the memory held in Python strings


def _word_codes(texts: Sequence[str], lowercase: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every word of every text as an integer code, codes in alphabetical order of the words.

    Returns (codes, lengths, vocabulary): ``vocabulary[codes]`` is the texts' words in order,
    ``lengths`` the number of words of each text.
    """
    index: dict[str, int] = {}
    add = index.setdefault
    code_chunks, length_chunks = [], []
    for k in range(0, len(texts), _CHUNK):
        # tokenise as written and normalise only the chunk's distinct words: the same result as
        # _words, without lower-casing and replacing characters in the whole text
        tokens = [TERM_PATTERN.findall(t) for t in texts[k : k + _CHUNK]]
        lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
        flat = np.fromiter(chain.from_iterable(tokens), dtype=object, count=int(lengths.sum()))
        del tokens
        local, uniques = pd.factorize(flat, sort=False)
        to_global = np.fromiter((add(_normalise(u, lowercase), len(index)) for u in uniques), dtype=np.int64, count=len(uniques))
        code_chunks.append(to_global[local])
        length_chunks.append(lengths)
    words = list(index)
    alphabetical = np.array(sorted(range(len(words)), key=words.__getitem__), dtype=np.int64)
    rank = np.empty(len(words), dtype=np.int64)
    rank[alphabetical] = np.arange(len(words), dtype=np.int64)
    codes = rank[np.concatenate(code_chunks)] if code_chunks else np.array([], dtype=np.int64)
    lengths = np.concatenate(length_chunks) if length_chunks else np.array([], dtype=np.int64)
    return codes, lengths, np.array(words, dtype=object)[alphabetical]


def _count_matrix(
    texts: Sequence[str], group_codes: np.ndarray, n_groups: int, *, ngram_range, lowercase
) -> _Counted:
    """Vectorised counting into a groups x terms matrix whose terms are in alphabetical order.

    ``group_codes`` must be sorted (the texts grouped). Words get codes in alphabetical order.
    A term of up to ``hi`` words is one integer, its word codes (plus one) as digits in base
    V + 1, padded with zeros: because a space sorts before any character of a word, the numeric
    order of these keys is the alphabetical order of the terms ("war" < "war crimes" < "warm").
    Each group's counts are then one sort of its keys.
    """
    lo, hi = _check_ngram_range(ngram_range)
    word_codes, lengths, vocab = _word_codes(list(texts), lowercase)
    n_words, base = len(word_codes), len(vocab) + 1
    if float(base) ** hi >= 2.0**63:
        raise SameStoryError(
            f"{len(vocab):,} distinct words are too many to count n-grams of up to {hi} words at once; "
            "count with a smaller ngram_range (e.g. (1, 2))"
        )
    article_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    group_of = np.asarray(group_codes, dtype=np.int64)[article_of]
    del article_of

    key_blocks, group_blocks = [], []
    prefix = np.zeros(n_words, dtype=np.int64)  # the key digits of the n-gram starting at each position
    ends_in_article = np.ones(n_words, dtype=bool)
    starts_of_article = np.concatenate([[0], np.cumsum(lengths)])
    for n in range(1, hi + 1):
        span = max(n_words - n + 1, 0)
        prefix = prefix[:span] * base + word_codes[n - 1 : n - 1 + span] + 1
        if n > 1:
            # the n-gram at i stays inside its article if its last word is not an article's first
            ends_in_article = ends_in_article[:span].copy()
            first_words = starts_of_article[1:-1]
            ends_in_article[first_words[(first_words - n + 1 >= 0) & (first_words - n + 1 < span)] - n + 1] = False
        if n >= lo:
            at = np.flatnonzero(ends_in_article) if n > 1 else np.arange(span)
            key_blocks.append(prefix[at] * base ** (hi - n))
            group_blocks.append(group_of[at])

    indices, data, indptr = [], [], [0]
    bounds = [np.searchsorted(g, np.arange(n_groups + 1)) for g in group_blocks]
    for g in range(n_groups):
        keys = np.concatenate([k[b[g] : b[g + 1]] for k, b in zip(key_blocks, bounds)] or [np.empty(0, np.int64)])
        uniq, count = np.unique(keys, return_counts=True)
        indices.append(uniq)
        data.append(count)
        indptr.append(indptr[-1] + len(uniq))
    del key_blocks, group_blocks
    group_keys = np.concatenate(indices) if indices else np.empty(0, np.int64)
    all_keys = np.sort(group_keys)  # (np.unique hashes first: several times slower here)
    all_keys = all_keys[np.concatenate([[True], all_keys[1:] != all_keys[:-1]])] if len(all_keys) else all_keys
    matrix = sparse.csr_matrix(
        (np.concatenate(data).astype(np.int64), np.searchsorted(all_keys, group_keys), np.asarray(indptr, dtype=np.int64)),
        shape=(n_groups, len(all_keys)),
    )
    # decode the keys back into words
    digits = np.empty((len(all_keys), hi), dtype=np.int64)
    rest = all_keys.copy()
    for k in range(hi - 1, -1, -1):
        digits[:, k] = rest % base
        rest //= base
    ngram = (digits > 0).sum(axis=1)
    terms = vocab[digits[:, 0] - 1] if len(all_keys) else np.array([], dtype=object)
    for k in range(1, hi):
        has = digits[:, k] > 0
        terms[has] = terms[has] + " " + vocab[digits[has, k] - 1]
    return _Counted(matrix, [], terms, ngram)


def term_counts(
    corpus,
    by: str = "outlet",
    *,
    ngram_range: tuple[int, int] = (1, 2),
    lowercase: bool = True,
) -> pd.DataFrame:
    """How often each group uses each term: the counts behind :func:`distinctive_terms`.

    The counts of a group are the sum, over its articles, of the counts of
    :func:`article_terms` (computed here in bulk with integer codes and sparse matrices, the
    same numbers). Because each article's counts depend on that article alone, counts made on
    separate pieces of a corpus and added (``pd.concat(parts).groupby([by, "term", "ngram"]).sum()``)
    are exactly the counts of the whole.

    Args:
        corpus: a :class:`~analysis.corpus.Corpus`, or a DataFrame of articles with a ``text``
            column and the ``by`` column.
        by: the column that names the groups (an outlet by default).
        ngram_range: the smallest and largest n-gram length counted.
        lowercase: fold case before counting.

    Returns:
        DataFrame with one row per group and term the group uses: ``by``, ``term``, ``ngram``
        (words in the term), ``count``; sorted by group (corpus order) and term.
    """
    counted = _counted(corpus, by, ngram_range=ngram_range, lowercase=lowercase)
    coo = counted.matrix.tocoo()
    order = np.lexsort((coo.col, coo.row))
    rows, cols, vals = coo.row[order], coo.col[order], coo.data[order]
    return pd.DataFrame(
        {
            by: pd.Categorical.from_codes(rows, categories=counted.groups),
            "term": pd.Categorical.from_codes(cols, dtype=_term_dtype(counted.terms)),
            "ngram": counted.ngram[cols],
            "count": vals.astype(np.int64),
        }
    )


def _term_dtype(terms: np.ndarray) -> pd.CategoricalDtype:
    """Terms as categories, kept as Python strings (no conversion of millions of strings)."""
    return pd.CategoricalDtype(pd.Index(terms, dtype=object))


def _counted(corpus, by: str, *, ngram_range, lowercase) -> _Counted:
    articles = _articles_frame(corpus, by)
    order = _group_order(corpus, articles, by)
    codes = pd.Categorical(articles[by], categories=order).codes.astype(np.int64)
    keep = np.flatnonzero(codes >= 0)
    keep = keep[np.argsort(codes[keep], kind="stable")]  # grouped articles make the sparse sums cheaper
    texts = articles["text"].to_numpy()[keep]
    counted = _count_matrix(list(texts), codes[keep], len(order), ngram_range=ngram_range, lowercase=lowercase)
    return _Counted(counted.matrix, order, counted.terms, counted.ngram)


def _wide(counts: pd.DataFrame, by: str) -> _Counted:
    """A long count table (group, term, ngram, count) as a sparse group x term matrix."""
    missing = [c for c in (by, "term", "count") if c not in counts.columns]
    if missing:
        raise SameStoryError(
            f"the count table has no column {', '.join(map(repr, missing))}; it needs {by!r}, 'term' and 'count' "
            "(as term_counts returns)"
        )
    grouped = counts.groupby([by, "term"], observed=True, sort=False)["count"].sum()
    grouped = grouped[grouped > 0]
    g = grouped.index.get_level_values(0)
    t = grouped.index.get_level_values(1)
    if isinstance(counts[by].dtype, pd.CategoricalDtype):
        order = [c for c in counts[by].cat.categories if c in set(g)]
    else:
        order = sorted(pd.unique(g).tolist(), key=str)
    g_codes = pd.Categorical(g, categories=order).codes
    t_codes, terms = pd.factorize(np.asarray(t, dtype=object), sort=True)
    matrix = sparse.csr_matrix(
        (grouped.to_numpy(dtype=np.int64), (g_codes, t_codes)), shape=(len(order), len(terms))
    )
    if "ngram" in counts.columns:
        ng = counts.drop_duplicates("term").set_index("term")["ngram"].reindex(terms).to_numpy(dtype=np.int64)
    else:
        ng = np.array([len(str(x).split()) for x in terms], dtype=np.int64)
    return _Counted(matrix, order, np.asarray(terms, dtype=object), ng)


def _prior_weights(
    counted: _Counted, prior: Literal["corpus"] | pd.Series | dict, prior_scale: float | None
) -> np.ndarray:
    """The Dirichlet prior a_w over the compared terms (see :func:`log_odds_dirichlet`)."""
    totals = np.asarray(counted.matrix.sum(axis=0), dtype=np.float64).ravel()
    if isinstance(prior, str):
        if prior != "corpus":
            raise ValueError(f"prior must be 'corpus' or a Series of background term counts, not {prior!r}")
        base = totals
    else:
        background = pd.Series(prior, dtype=np.float64)
        if (background < 0).any():
            raise SameStoryError("the background counts given as prior include negative numbers; give counts (0 or more) per term")
        base = background.reindex(counted.terms).fillna(0.0).to_numpy() + 1.0
    alpha0 = float(totals.sum()) if prior_scale is None else float(prior_scale)
    if alpha0 <= 0:
        raise ValueError(f"prior_scale must be positive, not {prior_scale!r}")
    return alpha0 * base / base.sum()


def log_odds_dirichlet(
    counts: pd.DataFrame,
    by: str = "outlet",
    *,
    prior: Literal["corpus"] | pd.Series | dict = "corpus",
    prior_scale: float | None = None,
    variance: Literal["monroe", "delta"] = "monroe",
    min_count: int = 1,
    include_absent: bool = True,
) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior, each group against all others pooled.

    For term w, group i and the pooled other groups j (Monroe, Colaresi & Quinn 2008, eq. 16)::

        delta = log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))

    where y are the term's counts, n the groups' total counts over the compared terms and a_w
    the prior, a_0 = sum of a_w. Its variance (eq. 18, the paper's approximation) is
    ``1/(y_i + a_w) + 1/(y_j + a_w)``; ``variance="delta"`` adds the two terms the paper drops,
    ``1/(n_i + a_0 - y_i - a_w) + 1/(n_j + a_0 - y_j - a_w)`` (the full delta-method variance, as
    scattertext computes it). ``z = delta / sqrt(variance)``.

    The prior: a_w = a_0 * pi_w. With ``prior="corpus"`` pi is the pooled frequency of each term
    in the compared counts; with background counts (a Series term -> count, e.g. from
    :func:`background_counts`) pi_w is proportional to the background count plus one (so a term
    the background never saw still has a prior), over the compared terms. a_0 is
    ``prior_scale``, by default the total count N of the compared terms, so the prior weighs as
    much as the data: with the corpus as its own prior, a_w is then simply the term's pooled
    count, as in Jurafsky et al.'s (2014) implementation, whose prior is the raw counts of the
    whole collection. In scattertext's terms this is ``scale_type="none"`` with the pooled counts
    as priors, or ``"corpus-size"`` with ``sigma=1`` for a background (both tested).

    Args:
        counts: a long count table (``by``, ``term``, ``count``; ``ngram`` optional), as
            :func:`term_counts` returns; rows for the same group and term are added.
        by: the column that names the groups.
        prior: ``"corpus"``, or background counts per term.
        prior_scale: a_0, the total weight of the prior; None means N.
        variance: ``"monroe"`` (eq. 18, default) or ``"delta"`` (four-term).
        min_count: compare only terms used at least this many times in all (groups pooled);
            n_i and the prior are then taken over those terms.
        include_absent: also give a row for each term a group never uses (count 0), whose z
            is negative when the others use it; this makes groups x terms rows.

    Returns:
        DataFrame with one row per group and term: ``by``, ``term`` (categorical),
        ``ngram``, ``count`` (y_i), ``count_other`` (y_j), ``prior`` (a_w), ``delta``,
        ``variance``, ``z``; sorted by group and then by z, highest first (ties in
        alphabetical order). The group totals n_i are ``count`` summed per group when
        ``include_absent`` is True.

    Raises:
        ComparisonError: when the counts hold fewer than two groups.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
        selection and evaluation for identifying the content of political conflict.
        Political Analysis, 16(4), 372-403.
        Jurafsky, D., Chahuneau, V., Routledge, B. R., & Smith, N. A. (2014). Narrative framing
        of consumer sentiment in online restaurant reviews. First Monday, 19(4).
    """
    counted = counts if isinstance(counts, _Counted) else _wide(counts, by)
    return _log_odds(counted, by, prior=prior, prior_scale=prior_scale, variance=variance, min_count=min_count, include_absent=include_absent)


MAX_DENSE_CELLS = 50_000_000


def _log_odds(counted: _Counted, by, *, prior, prior_scale, variance, min_count, include_absent) -> pd.DataFrame:
    if variance not in ("monroe", "delta"):
        raise ValueError(f"variance must be 'monroe' or 'delta', not {variance!r}")
    if len(counted.groups) < 2:
        raise ComparisonError(
            f"distinctive terms compare each group with the others and need at least two {by} groups; "
            f"the counts hold {len(counted.groups)} ({', '.join(map(str, counted.groups))}). "
            "Add articles from another group."
        )
    matrix = counted.matrix
    if min_count > 1:
        keep = np.flatnonzero(np.asarray(matrix.sum(axis=0)).ravel() >= min_count)
        counted = _Counted(matrix[:, keep].tocsr(), counted.groups, counted.terms[keep], counted.ngram[keep])
        matrix = counted.matrix
    n_groups, n_terms = matrix.shape
    a_w = _prior_weights(counted, prior, prior_scale)
    a_0 = a_w.sum()
    totals = np.asarray(matrix.sum(axis=0), dtype=np.float64).ravel()
    n = np.asarray(matrix.sum(axis=1), dtype=np.float64).ravel()

    if include_absent:
        if n_groups * n_terms > MAX_DENSE_CELLS:
            raise SameStoryError(
                f"{n_groups} groups x {n_terms} terms is too many rows to list every term for every group; "
                "pass include_absent=False (only the terms each group uses) or a larger min_count"
            )
        rows = np.repeat(np.arange(n_groups, dtype=np.int64), n_terms)
        cols = np.tile(np.arange(n_terms, dtype=np.int64), n_groups)
        y_i = matrix.toarray().ravel().astype(np.float64)
    else:
        matrix = matrix.tocsr()
        matrix.sort_indices()
        rows = np.repeat(np.arange(n_groups, dtype=np.int64), np.diff(matrix.indptr))
        cols = matrix.indices.astype(np.int64)
        y_i = matrix.data.astype(np.float64)
    a = a_w[cols]
    y_j = totals[cols]
    y_j -= y_i
    delta, var, z = log_odds_z(y_i, y_j, a, n[rows], n.sum() - n[rows], a_0, variance=variance)

    # rows come grouped, and within a group in alphabetical order of terms: sort each group by z,
    # highest first, stably (ties stay alphabetical)
    bounds = np.searchsorted(rows, np.arange(n_groups + 1))
    order = np.concatenate(
        [b + np.argsort(-z[b:e], kind="stable") for b, e in zip(bounds[:-1], bounds[1:])]
    ) if len(z) else np.empty(0, dtype=np.int64)
    cols = cols[order]
    ints = np.empty((3, len(order)), dtype=np.int64)
    ints[0] = counted.ngram[cols]
    ints[1] = y_i[order]
    ints[2] = y_j[order]
    floats = np.empty((4, len(order)), dtype=np.float64)
    for k, values in enumerate((a, delta, var, z)):
        np.take(values, order, out=floats[k])
    # built from two blocks (no copy): several times faster than a dict of columns at scale
    table = pd.concat(
        [
            pd.DataFrame(ints.T, columns=["ngram", "count", "count_other"], copy=False),
            pd.DataFrame(floats.T, columns=["prior", "delta", "variance", "z"], copy=False),
        ],
        axis=1,
    )
    table.insert(0, "term", pd.Categorical.from_codes(cols, dtype=_term_dtype(counted.terms)))
    table.insert(0, by, pd.Categorical.from_codes(rows, categories=counted.groups))
    return table


def log_odds_z(
    y_i: np.ndarray,
    y_j: np.ndarray,
    a_w: np.ndarray,
    n_i: np.ndarray | float,
    n_j: np.ndarray | float,
    a_0: float,
    *,
    variance: Literal["monroe", "delta"] = "monroe",
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The log-odds ratio, its variance and z-score, element by element (eq. 16 and 18).

    Args:
        y_i: the term's count in group i.
        y_j: its count in the other groups (pooled).
        a_w: the term's prior count.
        n_i: the total count of group i; n_j: of the other groups.
        a_0: the sum of the prior over all compared terms.
        variance: ``"monroe"``: 1/(y_i + a_w) + 1/(y_j + a_w); ``"delta"`` adds
            1/(n_i + a_0 - y_i - a_w) + 1/(n_j + a_0 - y_j - a_w).

    Returns:
        (delta, variance, z) as float arrays.
    """
    if variance not in ("monroe", "delta"):
        raise ValueError(f"variance must be 'monroe' or 'delta', not {variance!r}")
    y_i, y_j, a_w = (np.asarray(x, dtype=np.float64) for x in (y_i, y_j, a_w))
    ya_i = y_i + a_w
    ya_j = y_j + a_w
    rest_i = np.asarray(n_i, dtype=np.float64) + a_0 - ya_i
    rest_j = np.asarray(n_j, dtype=np.float64) + a_0 - ya_j
    delta = np.log(ya_i)
    tmp = np.log(rest_i)
    delta -= tmp
    np.log(ya_j, out=tmp)
    delta -= tmp
    np.log(rest_j, out=tmp)
    delta += tmp
    var = np.reciprocal(ya_i, out=ya_i)
    var += np.reciprocal(ya_j, out=ya_j)
    if variance == "delta":
        var += np.reciprocal(rest_i, out=rest_i)
        var += np.reciprocal(rest_j, out=rest_j)
    z = np.sqrt(var, out=tmp)
    np.divide(delta, z, out=z)
    return delta, var, z


def distinctive_terms(
    corpus,
    by: str = "outlet",
    *,
    prior: Literal["corpus"] | pd.Series | dict = "corpus",
    prior_scale: float | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    lowercase: bool = True,
    variance: Literal["monroe", "delta"] = "monroe",
    min_count: int = 1,
    include_absent: bool = True,
) -> pd.DataFrame:
    """The terms that set each group (outlet) apart from all the others, with z-scores.

    Counts unigrams and bigrams per group (:func:`term_counts`) and scores every term for every
    group against the other groups pooled with the log-odds ratio with an informative Dirichlet
    prior (:func:`log_odds_dirichlet`, Monroe, Colaresi & Quinn 2008). A positive z means the
    group uses the term more than the others; |z| > 1.96 is the usual two-sided 5% threshold for
    one term taken alone (see :func:`significance_summary` for what that means over thousands
    of terms).

    Args:
        corpus: a Corpus, or a DataFrame of articles with ``text`` and the ``by`` column.
        by: the column that names the groups.
        prior: ``"corpus"`` (the compared corpus is its own prior), or background counts
            per term (a Series, e.g. :func:`background_counts` of a large news collection).
        prior_scale: a_0, the prior's total weight; None means the number of terms counted.
        ngram_range: smallest and largest n-gram length.
        lowercase: fold case before counting.
        variance: ``"monroe"`` (the paper's eq. 18) or ``"delta"`` (full delta method).
        min_count: score only terms used at least this often in all.
        include_absent: also score terms a group never uses (rows groups x terms); pass False
            on large corpora.

    Returns:
        DataFrame, one row per group and term: ``outlet`` (named after ``by``), ``term``,
        ``ngram``, ``count``, ``count_other`` (in all other groups), ``prior`` (a_w),
        ``delta`` (the estimate), ``variance``, ``z``; by group, highest z first.

    Raises:
        ComparisonError: when there are fewer than two groups.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403.
    """
    if hasattr(corpus, "require_outlets") and by == "outlet":
        corpus.require_outlets(2, for_what="Distinctive terms")
    counted = _counted(corpus, by, ngram_range=ngram_range, lowercase=lowercase)
    return _log_odds(
        counted, by, prior=prior, prior_scale=prior_scale, variance=variance, min_count=min_count, include_absent=include_absent
    )


def background_counts(
    texts: Iterable[str], *, ngram_range: tuple[int, int] = (1, 2), lowercase: bool = True
) -> pd.Series:
    """Term counts of a background collection, to use as ``prior=`` in :func:`distinctive_terms`.

    Args:
        texts: the background articles' texts (e.g. the ``content_original`` field of the
            AllSides articles, ``../shared/datasets/allsides_articles``).
        ngram_range: as in :func:`distinctive_terms` (use the same).
        lowercase: as in :func:`distinctive_terms`.

    Returns:
        Series term -> count, sorted by term.
    """
    texts = list(texts)
    counted = _count_matrix(texts, np.zeros(len(texts), dtype=np.int64), 1, ngram_range=ngram_range, lowercase=lowercase)
    return pd.Series(np.asarray(counted.matrix.sum(axis=0)).ravel(), index=pd.Index(counted.terms, name="term"), name="count")


def bonferroni_z(n_tests: int, *, alpha: float = 0.05) -> float:
    """The |z| a test must pass for a family of ``n_tests`` two-sided tests at level ``alpha``
    (Bonferroni: each test at alpha / n_tests)."""
    return NormalDist().inv_cdf(1 - alpha / (2 * max(n_tests, 1)))


def significance_summary(
    terms: pd.DataFrame, baseline: pd.DataFrame | None = None, *, by: str = "outlet", alpha: float = 0.05
) -> pd.DataFrame:
    """How many terms pass the usual thresholds, per group.

    Args:
        terms: the output of :func:`distinctive_terms`.
        baseline: the output of :func:`chance_baseline` (optional): adds the count of terms
            whose |z| is above the 95th percentile of the largest |z| in the random deals.
        by: the group column.
        alpha: the two-sided level.

    Returns:
        DataFrame, one row per group: ``terms tested``, ``z > 1.96`` (used more than by the
        others), ``z < -1.96`` (used less), ``beyond chance`` (with a baseline), ``pass
        Bonferroni`` (|z| above :func:`bonferroni_z` for all the group x term tests of the table).
    """
    z_crit = NormalDist().inv_cdf(1 - alpha / 2)
    z_bonf = bonferroni_z(len(terms), alpha=alpha)
    g = terms.groupby(by, observed=True, sort=False)["z"]
    columns = {
        "terms tested": g.size(),
        f"z > {z_crit:.2f}": g.apply(lambda z: int((z > z_crit).sum())),
        f"z < -{z_crit:.2f}": g.apply(lambda z: int((z < -z_crit).sum())),
    }
    if baseline is not None and (baseline["shuffle"] > 0).any():
        q = float(np.quantile(baseline.loc[baseline["shuffle"] > 0, "max |z|"], 1 - alpha))
        columns[f"beyond chance (|z| > {q:.2f})"] = g.apply(lambda z: int((z.abs() > q).sum()))
    columns[f"pass Bonferroni (|z| > {z_bonf:.2f})"] = g.apply(lambda z: int((z.abs() > z_bonf).sum()))
    out = pd.DataFrame(columns)
    out.index = out.index.astype(str)
    out.index.name = by
    return out


def _function_words_only(term: str) -> bool:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return all(w.split("'")[0] in ENGLISH_STOP_WORDS for w in term.split(" "))


def top_terms(
    terms: pd.DataFrame, by: str = "outlet", *, n: int = 8, min_count: int = 2, drop_function_words: bool = True
) -> pd.DataFrame:
    """The ``n`` terms with the highest z of each group, among those it uses ``min_count`` times or more.

    A term used once cannot be told from chance in any article, and bigrams that only repeat a
    unigram ("the u.s." beside "u.s.") add nothing: a bigram is kept only when its z is higher
    than that of each of its words in the same group. With ``drop_function_words``, terms made
    only of function words ("he", "it was", "at a"; scikit-learn's English stop-word list) are
    left out: they are scored like any other term, but rarely say anything about framing.
    """
    t = terms[terms["count"] >= min_count]
    if drop_function_words:
        t = t[~np.array([_function_words_only(w) for w in t["term"].astype(str)], dtype=bool)]
    z_of = {(g, w): z for g, w, z in zip(t[by].astype(str), t["term"].astype(str), t["z"]) if " " not in w}
    keep = [
        " " not in w or all(z > z_of.get((g, part), -np.inf) for part in w.split(" "))
        for g, w, z in zip(t[by].astype(str), t["term"].astype(str), t["z"])
    ]
    t = t[np.array(keep, dtype=bool)]
    out = t.groupby(by, observed=True, sort=False).head(n)
    return out[[by, "term", "count", "count_other", "delta", "variance", "z"]].reset_index(drop=True)


def chance_baseline(
    corpus,
    *,
    by: str = "outlet",
    n_shuffles: int = 50,
    seed: int = 0,
    z_crit: float = 1.96,
    prior: Literal["corpus"] | pd.Series | dict = "corpus",
    prior_scale: float | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    variance: Literal["monroe", "delta"] = "monroe",
) -> pd.DataFrame:
    """How high z goes when the groups differ only by chance: a permutation baseline.

    The corpus's sentences are dealt out to the groups at random (each group keeps its number of
    sentences) and every term is scored as in :func:`distinctive_terms`, ``n_shuffles`` times.
    Whatever passes there passes by chance, so the largest |z| of each deal gives a threshold
    that allows for testing every term at once (the max-statistic method of Westfall & Young
    1993). The real texts, counted the same way (sentence by sentence, so that no bigram spans
    two sentences in either), are row 0.

    Args:
        corpus: a loaded corpus with at least two groups.
        by: the articles column to group by.
        n_shuffles: how many random deals.
        seed: the random seed.
        z_crit: the per-term threshold whose passes are counted.
        prior, prior_scale, ngram_range, variance: as in :func:`distinctive_terms`.

    Returns:
        DataFrame with one row per deal: ``shuffle`` (0 = the real texts), ``pairs tested``,
        ``pass`` (pairs with |z| > z_crit), ``max |z|``.

    References:
        Westfall, P. H., & Young, S. S. (1993). Resampling-Based Multiple Testing. Wiley.
    """
    if hasattr(corpus, "require_outlets") and by == "outlet":
        corpus.require_outlets(2, for_what="A chance baseline for distinctive terms")
    s = corpus.sentences()
    groups = _group_order(corpus, corpus.articles, by)
    codes = pd.Categorical(s["article_id"].map(corpus.articles[by]), categories=groups).codes.astype(np.int64)
    texts = s["text"].to_numpy(dtype=object)
    rng = np.random.default_rng(seed)
    rows = []
    for k in range(n_shuffles + 1):
        dealt = codes if k == 0 else rng.permutation(codes)
        order = np.argsort(dealt, kind="stable")
        counted = _count_matrix(list(texts[order]), dealt[order], len(groups), ngram_range=ngram_range, lowercase=True)
        counted = _Counted(counted.matrix, groups, counted.terms, counted.ngram)
        z = _log_odds(counted, by, prior=prior, prior_scale=prior_scale, variance=variance, min_count=1, include_absent=True)["z"]
        rows.append({"shuffle": k, "pairs tested": len(z), "pass": int((z.abs() > z_crit).sum()), "max |z|": float(z.abs().max())})
    return pd.DataFrame(rows)


def distinctive_finding(terms: pd.DataFrame | None, by: str = "outlet") -> str:
    """Two or three sentences on what the distinctive terms show, computed from the table."""
    if terms is None:
        return NEEDS_TWO_OUTLETS
    z_crit = NormalDist().inv_cdf(0.975)
    z_bonf = bonferroni_z(len(terms))
    above = terms[terms["z"].abs() > z_crit]
    pos = int((terms["z"] > z_crit).sum())
    best = terms.loc[terms["z"].idxmax()]
    text = (
        f"Of the {len(terms):,} {by}-and-term pairs tested, {len(above):,} reach |z| > {z_crit:.2f}: "
        f"{pos:,} terms that one {by} uses more than the others pooled, {len(above) - pos:,} that it uses less. "
        f"The highest z is for \u201c{best['term']}\u201d in {best[by]} (z = {best['z']:.2f}: {int(best['count'])} "
        f"times, against {int(best['count_other'])} in all the others together)."
    )
    n_bonf = int((terms["z"].abs() > z_bonf).sum())
    if n_bonf == 0:
        text += (
            f" None passes the threshold corrected for {len(terms):,} comparisons (|z| > {z_bonf:.2f}, Bonferroni), "
            "so no single term, taken alone, is firm evidence of a difference."
        )
    else:
        text += f" {n_bonf:,} pass the threshold corrected for {len(terms):,} comparisons (|z| > {z_bonf:.2f}, Bonferroni)."
    return text


def _min_count_to_pass(n_i: float, n_all: float, a_0: float, z_crit: float) -> int | None:
    """The fewest uses a term used by one group only needs for z > z_crit, with the corpus as prior."""
    y = np.arange(1, int(n_i), dtype=np.float64)
    a = y * a_0 / n_all
    _, _, z = log_odds_z(y, np.zeros_like(y), a, n_i, n_all - n_i, a_0)
    hit = np.flatnonzero(z > z_crit)
    return int(y[hit[0]]) if len(hit) else None


def limits_statement(terms: pd.DataFrame | None, corpus, baseline: pd.DataFrame | None = None, *, by: str = "outlet") -> str:
    """What a corpus of this size can and cannot show with distinctive terms, in plain words.

    Every number is computed from ``terms`` (the output of :func:`distinctive_terms` with its
    defaults: the corpus as its own prior, every term scored for every group), ``baseline`` (the
    output of :func:`chance_baseline`, optional) and the corpus. Returned as Markdown bullets.
    """
    a = corpus.articles
    per_group = a.groupby(by, sort=False).agg(articles=("text", "size"), words=("n_words", "sum"))
    n_art = per_group["articles"]
    art_text = "one article" if (n_art == 1).all() else f"{n_art.min()} to {n_art.max()} articles"
    lo_words, hi_words = per_group["words"].min(), per_group["words"].max()
    words_text = f"{lo_words:,}" if lo_words == hi_words else f"{lo_words:,} to {hi_words:,}"
    lines = [f"- **Size.** Each {by} is represented by {art_text} of {words_text} words in all."]
    if (n_art == 1).all():
        lines.append(
            f"- **One article per {by}.** A term distinctive of an {by} here is distinctive of *this article*: "
            f"the test cannot tell an {by}'s habits from one writer's choices on one day. A claim about how an {by} "
            "writes needs many articles per outlet; the same function runs on tens of thousands of articles."
        )
    if terms is None:
        lines.append(f"- **One {by}.** {NEEDS_TWO_OUTLETS}")
        return "\n".join(lines)
    z_crit = NormalDist().inv_cdf(0.975)
    n_tests = len(terms)
    passed = int((terms["z"].abs() > z_crit).sum())
    group_n = terms.groupby(by, observed=True, sort=False)["count"].sum()
    n_all = float(group_n.sum())
    a_0 = float(terms.drop_duplicates("term")["prior"].sum())
    need_small = _min_count_to_pass(float(group_n.min()), n_all, a_0, z_crit)
    need_big = _min_count_to_pass(float(group_n.max()), n_all, a_0, z_crit)
    totals = terms.groupby("term", observed=True)["count"].sum()
    lines.append(
        f"- **Rare words cannot pass.** A word that only one {by} uses must appear at least "
        f"{need_small if need_small is not None else 'more'} times in its text to reach z > {z_crit:.2f} (in the shortest; "
        f"{need_big if need_big is not None else 'more'} in the longest). Of the {len(totals):,} terms counted, "
        f"{int((totals == 1).sum()):,} ({(totals == 1).mean():.0%}) occur once in the whole corpus."
    )
    z_bonf = bonferroni_z(n_tests)
    lines.append(
        f"- **Many comparisons.** {n_tests:,} {by}-and-term pairs were tested and {passed:,} pass |z| > {z_crit:.2f}. "
        f"Corrected for the number of comparisons (Bonferroni, |z| > {z_bonf:.2f}), {int((terms['z'].abs() > z_bonf).sum()):,} pass. "
        "Two things pull the z-scores in opposite directions: the test treats every word as an independent draw, "
        "but words are not independent (a name, once introduced, comes back), which inflates z; and the prior, "
        "as strong as the data, pulls every term towards the pooled rate, which shrinks z."
    )
    if baseline is not None and len(baseline) > 1:
        shuffles = baseline[baseline["shuffle"] > 0]
        q95 = float(np.quantile(shuffles["max |z|"], 0.95))
        beyond = terms[terms["z"].abs() > q95]
        listed = ", ".join(f"\u201c{r.term}\u201d in {getattr(r, by)} ({r.count} against {r.count_other})" for r in beyond.head(6).itertuples())
        lines.append(
            f"- **What chance alone gives.** Dealing the corpus's sentences out to the {by}s at random, {len(shuffles)} times "
            f"(each keeps its number of sentences), {int(shuffles['pass'].median())} pairs pass |z| > {z_crit:.2f} on a typical deal "
            f"(at most {int(shuffles['pass'].max())}), and the largest |z| stays below {q95:.2f} in 95% of deals. "
            + (
                f"In the real texts {len(beyond)} term{'s' if len(beyond) != 1 else ''} go{'es' if len(beyond) == 1 else ''} beyond that: {listed}. "
                if len(beyond)
                else "No term in the real texts goes beyond that. "
            )
            + "Shuffling whole sentences keeps the words of a sentence together but not the sentences of an article, "
            "so even this baseline is somewhat generous to the real texts."
        )
    lines.append(
        "- **What it can show.** Which words each article uses that the others do not, with the counts behind "
        "them: leads to read in context (the keyword-in-context tables below), not a verdict on an outlet. "
        "Counts of a curated list, such as the contested names below, are easier to trust than a test over every "
        "word, because each count can be checked by hand."
    )
    return "\n".join(lines)


def distinctive_terms_figure(terms: pd.DataFrame, corpus, *, by: str = "outlet", n: int = 8, min_count: int = 2):
    """Small multiples: each group's top terms by z (:func:`top_terms`), in the group's colour.

    A dashed line marks z = 1.96 and a dotted one the Bonferroni threshold for the whole table.
    """
    import matplotlib.pyplot as plt

    top = top_terms(terms, by, n=n, min_count=min_count)
    groups = [g for g in terms[by].cat.categories if g in set(terms[by].astype(str))] if hasattr(terms[by], "cat") else list(dict.fromkeys(terms[by]))
    colors = outlet_colors(corpus.outlets if by == "outlet" else groups)
    ncols = min(3, len(groups))
    nrows = -(-len(groups) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 0.32 * n * nrows + 1.6 * nrows), squeeze=False)
    z_crit, z_bonf = NormalDist().inv_cdf(0.975), bonferroni_z(len(terms))
    xmax = max(float(top["z"].max()) if len(top) else 0.0, z_crit) * 1.15
    for ax, g in zip(axes.ravel(), groups):
        d = top[top[by].astype(str) == str(g)].iloc[::-1]
        ax.barh(d["term"].astype(str), d["z"], color=colors.get(g, "#999999"))
        for y, (z, c, o) in enumerate(zip(d["z"], d["count"], d["count_other"])):
            ax.text(z, y, f" {c}:{o}", va="center", fontsize=8, color="#333333")
        ax.axvline(z_crit, color="#444444", linestyle="--", linewidth=0.8)
        if z_bonf < xmax:
            ax.axvline(z_bonf, color="#444444", linestyle=":", linewidth=0.8)
        ax.set_xlim(0, xmax * 1.1)
        ax.set_title(str(g), loc="left", fontsize=10)
        ax.set_xlabel("z-score (log-odds, vs all other outlets)")
        ax.spines[["top", "right"]].set_visible(False)
        if d.empty:
            ax.text(0.02, 0.5, f"no term used {min_count}+ times\nwith a positive z", transform=ax.transAxes, fontsize=9)
            ax.set_yticks([])
    for ax in axes.ravel()[len(groups) :]:
        ax.set_visible(False)
    n_pass = int((terms["z"] > z_crit).sum())
    fig.suptitle(
        f"{n_pass} of {len(terms):,} {by}-term pairs pass z > {z_crit:.2f}, and "
        f"{int((terms['z'] > z_bonf).sum())} pass the corrected threshold ({z_bonf:.2f})\n"
        f"(bars: each {by}'s top terms used {min_count}+ times, function words left out; labels: uses in this {by} : in all others)",
        x=0.01, ha="left", fontsize=11, fontweight="bold",
    )
    fig.tight_layout()
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------------------------
# Quotation marks: which stretches of an article are someone else's words (read by corpus.marks)
# --------------------------------------------------------------------------------------------


class _QuoteIndex:
    """Whether an offset of an article's clean text lies inside quotation marks."""

    def __init__(self, corpus):
        paragraphs: dict[str, list[tuple[int, int]]] = {}
        for p in corpus.paragraphs().itertuples(index=False):
            paragraphs.setdefault(p.article_id, []).append((p.start, p.end))
        texts = corpus.articles["text"]
        self._spans: dict[str, list[tuple[int, int]]] = {
            aid: quoted_regions(texts[aid], spans) for aid, spans in paragraphs.items()
        }
        self._starts = {k: [s for s, _ in v] for k, v in self._spans.items()}

    def __call__(self, article_id: str, start: int, end: int) -> bool:
        spans = self._spans.get(article_id, [])
        k = bisect.bisect_right(self._starts.get(article_id, []), start) - 1
        return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


# --------------------------------------------------------------------------------------------
# Contested naming
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One wording of a contested concept, and the patterns that find it."""

    label: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Concept:
    """A contested thing, its wordings, and a note for teachers (see ``data/contested_naming.toml``)."""

    id: str
    name: str
    note: str
    variants: tuple[Variant, ...]
    context: re.Pattern | None = None
    window: int = 0


def _compile_naming_pattern(pattern: str, where: str) -> re.Pattern:
    pattern = pattern.replace("\u2019", "['\u2019]")
    try:
        return re.compile(rf"(?<![\w\-])(?:{pattern})(?![\w])", re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(
            f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc}); fix it or quote it "
            "as a TOML literal string ('...')"
        ) from None


@lru_cache(maxsize=8)
def load_naming(path: str | Path = NAMING_FILE) -> tuple[Concept, ...]:
    """Read a contested-naming lexicon (the package's own by default).

    Args:
        path: a TOML file in the format of ``analysis/data/contested_naming.toml`` (its header
            describes the fields).

    Returns:
        The concepts, in file order.

    Raises:
        LexiconError: naming the file, the concept and what to fix.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read as TOML ({exc}); check the file against the package's contested_naming.toml") from None
    concepts = []
    for k, c in enumerate(data.get("concept", []), start=1):
        where = f"{path.name}, concept {k} ({c.get('id', 'no id')})"
        missing = [f for f in ("id", "name", "note", "variant") if f not in c]
        if missing:
            raise LexiconError(f"{where}: missing {', '.join(missing)}; every [[concept]] needs id, name, note and at least one [[concept.variant]]")
        variants = []
        for v in c["variant"]:
            if "label" not in v or not v.get("patterns"):
                raise LexiconError(f"{where}: a variant lacks a label or patterns; give each [[concept.variant]] a label and a list of patterns")
            variants.append(Variant(v["label"], tuple(_compile_naming_pattern(p, f"{where}, variant {v['label']!r}") for p in v["patterns"])))
        context = re.compile(c["context"], re.IGNORECASE) if c.get("context") else None
        concepts.append(Concept(c["id"], c["name"], c["note"].strip(), tuple(variants), context, int(c.get("window", 0))))
    if not concepts:
        raise LexiconError(f"{path}: holds no [[concept]]; add at least one (see the package's contested_naming.toml)")
    return tuple(concepts)


def _sentences_by_article(corpus) -> dict[str, pd.DataFrame]:
    s = corpus.sentences()
    return {aid: g.reset_index(drop=True) for aid, g in s.groupby("article_id", sort=False)}


@lru_cache(maxsize=256)
def _any_variant(concept: Concept) -> re.Pattern:
    """One regex that matches wherever any variant of ``concept`` does: a cheap first test.

    Every naming pattern is wrapped in the same look-arounds (not a word character or hyphen
    before, not a word character after), and sentences are separated by white space, so a
    pattern that matches inside a sentence also matches the whole article text there: an article
    (or a sentence) where this finds nothing has no use of the concept.
    """
    return re.compile("|".join(f"(?:{p.pattern})" for v in concept.variants for p in v.patterns), re.IGNORECASE)


def naming_mentions(corpus, *, lexicon: Sequence[Concept] | None = None) -> pd.DataFrame:
    """Every use of a contested name, one row per use.

    Each sentence is searched for every variant of every concept; where variants of one concept
    overlap, the longest match wins ("full-scale invasion", not also "invasion"), then the
    earlier variant in the lexicon. A concept with a ``context`` pattern counts a use only when
    the pattern occurs within ``window`` sentences of it in the same article.

    Args:
        corpus: a loaded corpus.
        lexicon: concepts from :func:`load_naming`; the package's own by default.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``concept`` (id), ``variant`` (label),
        ``sentence`` (index in the article, from 0), ``start``, ``end`` (offsets into the clean
        text), ``words`` (as written), ``fraction`` (start / length of the article: how far in),
        ``quoted`` (inside quotation marks, as :func:`analysis.corpus.marks.quoted_regions` reads them).
    """
    concepts = tuple(lexicon) if lexicon is not None else load_naming()
    quoted = _QuoteIndex(corpus)
    texts = corpus.articles["text"]
    rows = []
    for aid, sents in _sentences_by_article(corpus).items():
        text = texts[aid]
        sentence_texts = sents["text"].tolist()
        for concept in concepts:
            anywhere = _any_variant(concept)
            if anywhere.search(text) is None:
                continue
            for s in sents.itertuples(index=False):
                if anywhere.search(s.text) is None:
                    continue
                found = []
                for rank, variant in enumerate(concept.variants):
                    for pattern in variant.patterns:
                        for m in pattern.finditer(s.text):
                            found.append((m.start(), m.end(), rank, variant.label))
                if not found:
                    continue
                if concept.context is not None:
                    lo, hi = max(0, s.sentence - concept.window), s.sentence + concept.window + 1
                    if not any(concept.context.search(t) for t in sentence_texts[lo:hi]):
                        continue
                kept: list[tuple[int, int, int, str]] = []
                for f in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2], f[0])):
                    if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
                        kept.append(f)
                for a, b, _, label in sorted(kept):
                    start, end = s.start + a, s.start + b
                    rows.append(
                        {
                            "article_id": aid, "outlet": s.outlet, "concept": concept.id, "variant": label,
                            "sentence": s.sentence, "start": start, "end": end, "words": text[start:end],
                            "fraction": start / max(len(text), 1), "quoted": quoted(aid, start, end),
                        }
                    )
    cols = ["article_id", "outlet", "concept", "variant", "sentence", "start", "end", "words", "fraction", "quoted"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True) if len(out) else out


def naming_table(corpus, *, by: str = "outlet", lexicon: Sequence[Concept] | None = None) -> pd.DataFrame:
    """Counts of every contested name per group, with where it is first used.

    Args:
        corpus: a loaded corpus.
        by: the articles column to group by (an outlet by default).
        lexicon: concepts from :func:`load_naming`; the package's own by default.

    Returns:
        DataFrame with one row per group, concept and variant (zeros included, in lexicon and
        corpus order): ``by``, ``concept``, ``concept_name``, ``variant``, ``count``, ``quoted``
        (uses inside quotation marks), ``articles`` (articles using it), and for the first use
        (the use earliest in its article, relative to the article's length, over the group's
        articles): ``first_article``, ``first_sentence`` (from 0), ``first_fraction``,
        ``first_start``, ``first_end``. The ``first_`` fields are empty when the count is 0.
    """
    concepts = tuple(lexicon) if lexicon is not None else load_naming()
    uses = naming_mentions(corpus, lexicon=concepts)
    group_of = corpus.articles[by]
    uses = uses.assign(group=uses["article_id"].map(group_of))
    groups = corpus.outlets if by == "outlet" else sorted(group_of.unique().tolist(), key=str)
    rows = []
    for g in groups:
        mine = uses[uses["group"] == g]
        for concept in concepts:
            for variant in concept.variants:
                u = mine[(mine["concept"] == concept.id) & (mine["variant"] == variant.label)]
                row = {
                    by: g, "concept": concept.id, "concept_name": concept.name, "variant": variant.label,
                    "count": len(u), "quoted": int(u["quoted"].sum()), "articles": u["article_id"].nunique(),
                    "first_article": None, "first_sentence": pd.NA, "first_fraction": np.nan,
                    "first_start": pd.NA, "first_end": pd.NA,
                }
                if len(u):
                    first = u.sort_values(["fraction", "article_id"], kind="stable").iloc[0]
                    row.update(
                        first_article=first["article_id"], first_sentence=int(first["sentence"]),
                        first_fraction=float(first["fraction"]), first_start=int(first["start"]), first_end=int(first["end"]),
                    )
                rows.append(row)
    out = pd.DataFrame(rows)
    for col in ("first_sentence", "first_start", "first_end"):
        out[col] = out[col].astype("Int64")
    return out


def naming_display(table: pd.DataFrame, *, by: str = "outlet", drop_unused: bool = True) -> pd.DataFrame:
    """The naming table as readers see it: concepts and wordings down, groups across.

    Each cell reads ``3 (1 quoted) · first: sentence 2, 5% in``; an empty cell means the group
    never uses the wording. Sentences are numbered from 1 here, for reading.

    Args:
        table: the output of :func:`naming_table`.
        by: its group column.
        drop_unused: leave out wordings no group uses.
    """

    def cell(r) -> str:
        if r["count"] == 0:
            return ""
        quoted = f" ({r['quoted']} quoted)" if r["quoted"] else ""
        return f"{r['count']}{quoted} · first: sentence {int(r['first_sentence']) + 1}, {r['first_fraction']:.0%} in"

    t = table.assign(cell=table.apply(cell, axis=1))
    groups = list(dict.fromkeys(t[by]))
    wide = t.pivot_table(index=["concept_name", "variant"], columns=by, values="cell", aggfunc="first", sort=False)
    wide = wide.reindex(columns=groups)
    order = list(dict.fromkeys(zip(t["concept_name"], t["variant"])))
    wide = wide.reindex(pd.MultiIndex.from_tuples(order, names=["concept", "wording"]))
    if drop_unused:
        wide = wide[(wide != "").any(axis=1)]
    wide.columns.name = None
    return wide


def naming_finding(table: pd.DataFrame, *, by: str = "outlet") -> str:
    """Markdown bullet points: per concept, which wordings each group uses, and the ones only one group uses."""
    lines = []
    groups = list(dict.fromkeys(table[by]))
    for cid in dict.fromkeys(table["concept"]):
        t = table[(table["concept"] == cid) & (table["count"] > 0)]
        name = table.loc[table["concept"] == cid, "concept_name"].iloc[0]
        if t.empty:
            lines.append(f"- **{name}**: no outlet uses any of these wordings.")
            continue
        parts = []
        for g in groups:
            mine = t[t[by] == g].sort_values("count", ascending=False, kind="stable")
            if len(mine):
                parts.append(f"{g}: " + ", ".join(f"\u201c{r.variant}\u201d \u00d7{r.count}" + (f" ({r.quoted} quoted)" if r.quoted else "") for r in mine.itertuples()))
        silent = [g for g in groups if g not in set(t[by])]
        text = f"- **{name}**: " + "; ".join(parts) + "."
        if silent:
            text += f" Not used by {', '.join(map(str, silent))}."
        solo = t.groupby("variant", sort=False)[by].nunique()
        solo = [v for v, k in solo.items() if k == 1 and len(groups) > 1]
        if solo:
            text += " Only one outlet writes " + ", ".join(f"\u201c{v}\u201d" for v in solo) + "."
        lines.append(text)
    return "\n".join(lines)


def naming_notes(lexicon: Sequence[Concept] | None = None) -> str:
    """The lexicon's notes for teachers, one Markdown paragraph per concept with its wordings."""
    concepts = tuple(lexicon) if lexicon is not None else load_naming()
    return "\n\n".join(
        f"**{c.name}** ({', '.join(chr(8220) + v.label + chr(8221) for v in c.variants)}). {c.note}" for c in concepts
    )


# --------------------------------------------------------------------------------------------
# Loaded language
# --------------------------------------------------------------------------------------------

_OPENING_QUOTES = "\u201c\"\u2018("


@dataclass(frozen=True)
class Lexicon:
    """Word lists by category, compiled for matching. Build with :func:`load_lexicons`.

    Attributes:
        entries: category -> its entries as written (``slam*`` ends in a star).
    """

    entries: dict[str, tuple[str, ...]]

    def __post_init__(self):
        exact: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        alternatives = []
        for category, words in self.entries.items():
            for w in words:
                is_prefix = w.endswith("*")
                stem = w.rstrip("*")
                parts = [re.escape(p).replace("'", "['\u2019]").replace("\\-", "[-\u2010\u2011]") for p in stem.split()]
                body = r"\s+".join(parts) + (r"[\w'\u2019\-]*" if is_prefix else "")
                alternatives.append((0 if not is_prefix else 1, -len(stem), body))
                if is_prefix:
                    prefixes.append((_norm(stem), category))
                else:
                    exact[_norm(stem)] = category
        alternatives.sort(key=lambda a: (a[1], a[0]))  # longer first; at equal length exact first
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_prefixes", sorted(prefixes, key=lambda p: -len(p[0])))
        pattern = r"(?<![\w'\u2019\-])(?:" + "|".join(a[2] for a in alternatives) + r")(?![\w\-])" if alternatives else r"(?!x)x"
        object.__setattr__(self, "_pattern", re.compile(pattern))

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.entries)

    def category_of(self, words: str) -> str:
        """The category of a matched stretch of text (exact entries first, then the longest prefix)."""
        key = _norm(words)
        if key in self._exact:
            return self._exact[key]
        for stem, category in self._prefixes:
            if key.startswith(stem):
                return category
        raise KeyError(words)

    def find(self, sentence: str) -> list[tuple[int, int, str, str]]:
        """``(start, end, words, category)`` of every entry in one sentence, without overlaps.

        Matching is in lower case, except that the first word of the sentence, or of a
        quotation, may start with a capital ("Clearly, ..." but not "May 5").
        """
        probe = _lower_initials(sentence)
        return [(m.start(), m.end(), sentence[m.start() : m.end()], self.category_of(m.group(0))) for m in self._pattern.finditer(probe)]

    def subset(self, categories: Iterable[str]) -> "Lexicon":
        """The same lists, keeping only ``categories``."""
        wanted = list(categories)
        unknown = [c for c in wanted if c not in self.entries]
        if unknown:
            raise LexiconError(f"no word list named {', '.join(unknown)}; the lists are: {', '.join(self.entries)}")
        return Lexicon({c: self.entries[c] for c in wanted})


def _norm(words: str) -> str:
    return " ".join(words.lower().replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").split())


def _lower_initials(sentence: str) -> str:
    """The sentence with the first letter of the sentence and of each quotation lower-cased."""
    chars = list(sentence)
    at_start = True
    for i, ch in enumerate(chars):
        if at_start and ch.isalpha():
            low = ch.lower()
            if len(low) == 1:
                chars[i] = low
            at_start = False
        elif ch in _OPENING_QUOTES:
            at_start = True
        elif at_start and not ch.isspace():
            at_start = False
    return "".join(chars)


@lru_cache(maxsize=8)
def load_lexicons(directory: str | Path = LOADED_DIR, categories: tuple[str, ...] = LOADED_CATEGORIES) -> Lexicon:
    """Read the loaded-language word lists (one ``CATEGORY.txt`` per category).

    Args:
        directory: a folder of lists in the format of ``analysis/data/loaded_language`` (see its
            README.md): one entry a line, ``#`` comments, a trailing ``*`` for any ending.
        categories: the lists to read, in order.

    Returns:
        A :class:`Lexicon`.

    Raises:
        LexiconError: a list is missing, an entry is not in lower case, or an entry is in two lists.
    """
    directory = Path(directory)
    entries: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for category in categories:
        path = directory / f"{category}.txt"
        if not path.is_file():
            raise LexiconError(f"{path}: the word list is missing; add the file (one entry a line) or leave {category!r} out")
        words = []
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            w = line.split("#", 1)[0].strip()
            if not w:
                continue
            if w != w.lower() or "*" in w[:-1]:
                raise LexiconError(f"{path.name}, line {k}: {w!r} must be in lower case with at most one * at the end")
            key = _norm(w)
            if key in seen:
                raise LexiconError(f"{path.name}, line {k}: {w!r} is already in {seen[key]}.txt; keep each entry in one list")
            seen[key] = category
            words.append(w)
        entries[category] = tuple(words)
    return Lexicon(entries)


def _sentence_table(corpus) -> pd.DataFrame:
    """Sentences with their word counts (word tokens, as the corpus counts them)."""
    s = corpus.sentences()
    s["words"] = [sum(kind == "word" for *_, kind in tokenize(t)) for t in s["text"]]
    return s


def loaded_words(corpus, *, categories: Sequence[str] = LOADED_CATEGORIES, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every hedge, booster, intensifier, evaluative and emotive word, one row per use.

    Args:
        corpus: a loaded corpus.
        categories: which lists to use.
        lexicon: word lists from :func:`load_lexicons`; the package's own by default.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``start``, ``end`` (offsets into
        the clean text), ``words`` (as written), ``category``, ``quoted`` (inside quotation marks).
    """
    lex = (lexicon or load_lexicons()).subset(categories)
    quoted = _QuoteIndex(corpus)
    rows = []
    for s in corpus.sentences().itertuples(index=False):
        for a, b, words, category in lex.find(s.text):
            start, end = s.start + a, s.start + b
            rows.append((s.article_id, s.outlet, s.sentence, start, end, words, category, quoted(s.article_id, start, end)))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence", "start", "end", "words", "category", "quoted"])


def loaded_words_summary(words: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """The loaded-language words each group used, to check by eye: groups down, categories across.

    Each cell lists the words (lower case) with their counts, most frequent first; a word used
    inside quotation marks carries a "q" per quoted use, e.g. ``very ×3 (3q)``.
    """
    if words.empty:
        return pd.DataFrame()
    w = words.assign(word=words["words"].str.lower().str.replace(r"\s+", " ", regex=True))

    def cell(d: pd.DataFrame) -> str:
        g = d.groupby("word", sort=False).agg(n=("word", "size"), q=("quoted", "sum"))
        g = g.sort_values("n", ascending=False, kind="stable")
        return ", ".join(f"{word} \u00d7{r.n}" + (f" ({r.q}q)" if r.q else "") for word, r in g.iterrows())

    cats = [c for c in LOADED_CATEGORIES if c in set(w["category"])] + sorted(set(w["category"]) - set(LOADED_CATEGORIES))
    groups = list(dict.fromkeys(w[by]))
    table = pd.DataFrame(
        [[cell(w[(w[by] == g) & (w["category"] == c)]) for c in cats] for g in groups], index=groups, columns=cats
    )
    table.index.name = by
    return table


def _bootstrap_rate(hits: np.ndarray, words: np.ndarray, *, n_boot: int, rng: np.random.Generator, ci: float) -> tuple[float, float]:
    """Percentile interval of 1000 * sum(hits) / sum(words) over sentences resampled with replacement.

    With no hit at all, resampling can only give zero; the upper end is then the "rule of three"
    (-ln(1 - ci) / words, 3 / words at 95%; Hanley & Lippman-Hand 1983)."""
    n = len(hits)
    if hits.sum() == 0:
        return 0.0, float(1000 * -np.log(1 - ci) / max(words.sum(), 1))
    if n < 2:
        rate = 1000 * hits.sum() / max(words.sum(), 1)
        return float(rate), float(rate)
    stats = []
    batch = max(1, 2_000_000 // n)
    for k in range(0, n_boot, batch):
        idx = rng.integers(0, n, size=(min(batch, n_boot - k), n))
        stats.append(1000 * hits[idx].sum(axis=1) / np.maximum(words[idx].sum(axis=1), 1))
    stats = np.concatenate(stats)
    return float(np.quantile(stats, (1 - ci) / 2)), float(np.quantile(stats, 1 - (1 - ci) / 2))


def loaded_rates(
    corpus,
    *,
    by: str = "outlet",
    categories: Sequence[str] = LOADED_CATEGORIES,
    lexicon: Lexicon | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Loaded-language rates per 1,000 words, per group and category, with bootstrap intervals.

    The interval resamples **sentences** (with replacement, within each group): words in one
    sentence are not independent (a quotation full of emotive words, a run of intensifiers), so
    resampling single words would make the interval too narrow, and with one article per outlet
    articles cannot be resampled. A sentence keeps a turn of phrase together and is the smallest
    unit that does. Percentile intervals; seeded, so the numbers are the same on every run. A
    group with no use at all gets 0 to the "rule of three" bound (3 per ``words`` at 95%), since
    resampling cannot produce a use that never occurred.

    Args:
        corpus: a loaded corpus.
        by: the articles column to group by.
        categories: the lists to rate; a further row per group, ``LOADED_ALL``, adds up the
            loaded-word detector's lists (:data:`LOADED_DETECTOR`) when they are all included.
        lexicon: word lists from :func:`load_lexicons`; the package's own by default.
        n_boot: bootstrap resamples.
        ci: the interval's coverage.
        seed: the random seed.

    Returns:
        DataFrame with one row per group and category: ``by``, ``category``, ``count``,
        ``quoted`` (uses inside quotation marks), ``words``, ``sentences``, ``rate`` (per 1,000
        words), ``low``, ``high``.

    References:
        Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
        Hanley, J. A., & Lippman-Hand, A. (1983). If nothing goes wrong, is everything all right?
        JAMA, 249(13), 1743-1745.
    """
    lex = (lexicon or load_lexicons()).subset(categories)
    uses = loaded_words(corpus, categories=categories, lexicon=lex)
    sents = _sentence_table(corpus)
    group_of = corpus.articles[by]
    sents["group"] = sents["article_id"].map(group_of)
    uses["group"] = uses["article_id"].map(group_of)
    groups = corpus.outlets if by == "outlet" else sorted(group_of.unique().tolist(), key=str)
    cats = list(categories) + ([LOADED_ALL] if set(LOADED_DETECTOR) <= set(categories) else [])
    rows = []
    for gi, g in enumerate(groups):
        s = sents[sents["group"] == g]
        key = list(zip(s["article_id"], s["sentence"]))
        words = s["words"].to_numpy(dtype=np.int64)
        mine = uses[uses["group"] == g]
        rng = np.random.default_rng([seed, gi])
        for category in cats:
            u = mine[mine["category"].isin(LOADED_DETECTOR)] if category == LOADED_ALL else mine[mine["category"] == category]
            per_sentence = u.groupby(["article_id", "sentence"]).size()
            hits = np.array([per_sentence.get(k, 0) for k in key], dtype=np.int64)
            low, high = _bootstrap_rate(hits, words, n_boot=n_boot, rng=rng, ci=ci)
            rows.append(
                {
                    by: g, "category": category, "count": int(hits.sum()), "quoted": int(u["quoted"].sum()),
                    "words": int(words.sum()), "sentences": len(s), "rate": 1000 * hits.sum() / max(words.sum(), 1),
                    "low": low, "high": high,
                }
            )
    return pd.DataFrame(rows)


def loaded_finding(rates: pd.DataFrame, *, by: str = "outlet") -> str:
    """A few sentences on the loaded-language rates, computed: highest and lowest, and whether intervals overlap."""
    r = rates[rates["category"] == LOADED_ALL]
    if r.empty:
        r = rates
    groups = r[by].tolist()
    if len(groups) < 2:
        row = r.iloc[0]
        return (
            f"{row[by]} uses {row['count']} loaded words ({row['rate']:.1f} per 1,000 words, interval "
            f"{row['low']:.1f}\u2013{row['high']:.1f}). Comparing outlets needs at least two."
        )
    hi, lo = r.loc[r["rate"].idxmax()], r.loc[r["rate"].idxmin()]
    separated = [
        (a[by], b[by]) for _, a in r.iterrows() for _, b in r.iterrows() if a["low"] > b["high"]
    ]
    text = (
        f"Loaded words (evaluative and emotive words together) run from {lo['rate']:.1f} per 1,000 words "
        f"({lo[by]}) to {hi['rate']:.1f} ({hi[by]}); {int(r['quoted'].sum())} of the {int(r['count'].sum())} uses "
        f"{'is' if int(r['quoted'].sum()) == 1 else 'are'} inside quotation marks, so part of the difference is whom an "
        "outlet quotes, not how it writes."
    )
    if separated:
        text += " Intervals that do not overlap: " + "; ".join(f"{a} above {b}" for a, b in separated) + "."
    else:
        text += (
            " Every outlet's 95% interval overlaps every other's: with articles this short, these rates cannot rank "
            "the outlets."
        )
    return text


def loaded_rates_figure(rates: pd.DataFrame, corpus, *, by: str = "outlet"):
    """Dots (rate per 1,000 words) and lines (bootstrap interval), one row per category, one colour per group."""
    import matplotlib.pyplot as plt

    groups = list(dict.fromkeys(rates[by]))
    cats = list(dict.fromkeys(rates["category"]))
    colors = outlet_colors(corpus.outlets if by == "outlet" else groups)
    fig, ax = plt.subplots(figsize=(9.5, 0.16 * len(cats) * max(len(groups), 2) + 1.4))
    step = 0.7 / max(len(groups), 1)
    for gi, g in enumerate(groups):
        d = rates[rates[by] == g].set_index("category").reindex(cats)
        y = np.arange(len(cats))[::-1] + 0.35 - step * (gi + 0.5)
        ax.hlines(y, d["low"], d["high"], color=colors.get(g, "#999999"), linewidth=2)
        ax.plot(d["rate"], y, "o", color=colors.get(g, "#999999"), label=str(g), markersize=5)
    ax.set_yticks(np.arange(len(cats))[::-1], [c.replace(" (", "\n(") for c in cats])
    ax.set_xlabel("Uses per 1,000 words (line: 95% bootstrap interval, sentences resampled)")
    ax.set_xlim(left=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(_loaded_title(rates, by), loc="left")
    fig.tight_layout()
    plt.close(fig)
    return fig


def _loaded_title(rates: pd.DataFrame, by: str) -> str:
    groups = list(dict.fromkeys(rates[by]))
    if len(groups) < 2:
        return f"Loaded language in {groups[0]}, per 1,000 words" if groups else "Loaded language"
    overlapping = 0
    cats = list(dict.fromkeys(rates["category"]))
    for c in cats:
        d = rates[rates["category"] == c]
        if d["low"].max() <= d["high"].min():
            overlapping += 1
    return f"In {overlapping} of {len(cats)} categories every {by}'s interval overlaps all the others"


# --------------------------------------------------------------------------------------------
# Sentence sentiment (VADER)
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_lexicon() -> dict[str, float]:
    """VADER's word list with its valence scores (shipped inside the vaderSentiment package, MIT)."""
    return dict(_vader().lexicon)


def sentence_sentiment(corpus) -> pd.DataFrame:
    """VADER sentiment of every sentence.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``start``, ``end``, ``text``,
        ``neg``, ``neu``, ``pos`` (shares of the sentence's words) and ``compound`` (from -1,
        most negative, to +1); by VADER's convention a sentence is negative at compound <= -0.05
        and positive at >= 0.05.

    References:
        Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
        analysis of social media text. ICWSM.
    """
    s = corpus.sentences()[["article_id", "outlet", "sentence", "start", "end", "text"]]
    scores = pd.DataFrame([_vader().polarity_scores(t) for t in s["text"]], index=s.index)
    return pd.concat([s, scores[["neg", "neu", "pos", "compound"]]], axis=1)


def sentiment_by_outlet(sentiment: pd.DataFrame, *, by: str = "outlet", n_boot: int = 2000, ci: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Mean sentence sentiment per group, with a bootstrap interval (sentences resampled), and the
    shares of negative and positive sentences."""
    rows = []
    for gi, (g, d) in enumerate(sentiment.groupby(by, sort=False)):
        c = d["compound"].to_numpy()
        rng = np.random.default_rng([seed, gi])
        if len(c) > 1:
            means = c[rng.integers(0, len(c), size=(n_boot, len(c)))].mean(axis=1)
            low, high = np.quantile(means, [(1 - ci) / 2, 1 - (1 - ci) / 2])
        else:
            low = high = float(c.mean()) if len(c) else np.nan
        rows.append(
            {
                by: g, "sentences": len(c), "mean compound": float(c.mean()) if len(c) else np.nan,
                "low": float(low), "high": float(high),
                "negative sentences": float((c <= -0.05).mean()) if len(c) else np.nan,
                "positive sentences": float((c >= 0.05).mean()) if len(c) else np.nan,
            }
        )
    return pd.DataFrame(rows)


def most_negative_sentences(sentiment: pd.DataFrame, *, by: str = "outlet", n: int = 1) -> pd.DataFrame:
    """The ``n`` sentences with the lowest VADER compound score of each group, with their offsets."""
    s = sentiment.sort_values(["compound", "article_id", "start"], kind="stable")
    return s.groupby(by, sort=False).head(n).sort_values(by, key=lambda c: c.map({g: i for i, g in enumerate(dict.fromkeys(sentiment[by]))}), kind="stable")[
        [by, "article_id", "sentence", "start", "end", "compound", "text"]
    ].reset_index(drop=True)
