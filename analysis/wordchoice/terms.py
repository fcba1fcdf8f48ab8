"""Terms as the distinctive-terms analysis counts them: words, n-grams, and counts per group.

A term's words are runs of letters and digits with inner apostrophes or hyphens, or initialisms
with their full stops (:data:`TERM_PATTERN`), case folded and with curly apostrophes and Unicode
hyphens made plain. :func:`article_terms` is the definition, one article at a time;
:func:`term_counts` computes the same counts in bulk for a whole corpus (integer codes and sparse
matrices), summed per group. Because one article's counts depend on its text alone, counts made
in pieces and added (for instance partition by partition on Dask) are exactly the counts of the
whole. :func:`background_counts` counts a background collection, to serve as a prior.

References:
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis, 16(4), 372-403 (the counts the log-odds ratio is computed from).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd
from scipy import sparse

from ..corpus import Corpus
from ..errors import SameStoryError

__all__ = [
    "article_terms",
    "background_counts",
    "term_counts",
    "TERM_PATTERN",
]

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


def _articles_frame(corpus_or_articles: Corpus | pd.DataFrame, by: str) -> pd.DataFrame:
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


def _group_order(corpus_or_articles: Corpus | pd.DataFrame, articles: pd.DataFrame, by: str) -> list:
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
    corpus: Corpus | pd.DataFrame,
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

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403 (y_i, the counts of eq. 16).
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


def _counted(corpus: Corpus | pd.DataFrame, by: str, *, ngram_range, lowercase) -> _Counted:
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

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403 (an informative prior from a larger collection).
    """
    texts = list(texts)
    counted = _count_matrix(texts, np.zeros(len(texts), dtype=np.int64), 1, ngram_range=ngram_range, lowercase=lowercase)
    return pd.Series(np.asarray(counted.matrix.sum(axis=0)).ravel(), index=pd.Index(counted.terms, name="term"), name="count")


