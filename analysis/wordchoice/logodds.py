"""The log-odds ratio with an informative Dirichlet prior, each group against all others pooled.

:func:`log_odds_dirichlet` scores every term of a group x term count table (as
:func:`analysis.wordchoice.term_counts` returns it) for every group against the other groups
pooled, for any number of groups at once; :func:`log_odds_z` is the statistic itself, element by
element (Monroe, Colaresi & Quinn 2008, eq. 16 for the estimate, eq. 18 for its variance), which
the scale pipeline also calls on counts it has added up itself.

References:
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis, 16(4), 372-403.
    Jurafsky, D., Chahuneau, V., Routledge, B. R., & Smith, N. A. (2014). Narrative framing of
    consumer sentiment in online restaurant reviews. First Monday, 19(4).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..errors import ComparisonError, SameStoryError
from .terms import _Counted, _term_dtype, _wide

__all__ = [
    "log_odds_dirichlet",
    "log_odds_z",
    "MAX_DENSE_CELLS",
    "Prior",
    "Variance",
]

Prior = Literal["corpus"] | pd.Series | dict
"""The prior: ``"corpus"`` (the compared counts are their own prior) or background counts per term."""
Variance = Literal["monroe", "delta"]
"""The variance of the estimate: the paper's eq. 18 (``"monroe"``) or the full delta method."""


def _prior_weights(
    counted: _Counted, prior: Prior, prior_scale: float | None
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
    prior: Prior = "corpus",
    prior_scale: float | None = None,
    variance: Variance = "monroe",
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
    :func:`~analysis.wordchoice.background_counts`) pi_w is proportional to the background count plus one (so a term
    the background never saw still has a prior), over the compared terms. a_0 is
    ``prior_scale``, by default the total count N of the compared terms, so the prior weighs as
    much as the data: with the corpus as its own prior, a_w is then simply the term's pooled
    count, as in Jurafsky et al.'s (2014) implementation, whose prior is the raw counts of the
    whole collection. In scattertext's terms this is ``scale_type="none"`` with the pooled counts
    as priors, or ``"corpus-size"`` with ``sigma=1`` for a background (both tested).

    Args:
        counts: a long count table (``by``, ``term``, ``count``; ``ngram`` optional), as
            :func:`~analysis.wordchoice.term_counts` returns; rows for the same group and term are added.
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
"""The most group x term rows :func:`log_odds_dirichlet` lists with ``include_absent=True``."""


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
    variance: Variance = "monroe",
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

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403: eq. 16 (delta), eq. 18 (the variance, ``"monroe"``).
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


