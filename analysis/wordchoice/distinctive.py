"""Distinctive terms: which words set each outlet apart, and how far a test over every word can be trusted.

:func:`distinctive_terms` counts unigrams and bigrams per group (:func:`analysis.wordchoice.term_counts`)
and scores every term for every group against the others pooled with the log-odds ratio with an
informative Dirichlet prior (:func:`analysis.wordchoice.log_odds_dirichlet`, Monroe, Colaresi &
Quinn 2008). The rest of the module reads that table: :func:`top_terms` (each group's strongest
terms), :func:`bonferroni_z` and :func:`significance_summary` (how many pass, alone and corrected
for the number of tests), :func:`chance_baseline` (how high z goes when the groups differ only
by chance), the sentences a notebook shows (:func:`distinctive_finding`,
:func:`limits_statement`, written from the numbers so they hold for any corpus) and
:func:`distinctive_terms_figure`. The rows lead back to the text through the keyword-in-context
tables of :mod:`analysis.wordchoice.kwic`.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis import wordchoice
    >>> terms = wordchoice.distinctive_terms(load_corpus())
    >>> list(terms.columns[:4])
    ['outlet', 'term', 'ngram', 'count']

References:
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis, 16(4), 372-403.
    Dunn, O. J. (1961). Multiple comparisons among means. Journal of the American Statistical
    Association, 56(293), 52-64 (the Bonferroni correction).
    Westfall, P. H., & Young, S. S. (1993). Resampling-Based Multiple Testing. Wiley (the
    chance baseline).
"""

from __future__ import annotations

from statistics import NormalDist
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..plots import outlet_colors
from ..safe import md_text
from .logodds import Prior, Variance, _log_odds, log_odds_z
from .terms import _count_matrix, _counted, _Counted, _group_order

__all__ = [
    "bonferroni_z",
    "chance_baseline",
    "distinctive_finding",
    "distinctive_terms",
    "distinctive_terms_figure",
    "limits_statement",
    "NEEDS_TWO_OUTLETS",
    "significance_summary",
    "top_terms",
]

NEEDS_TWO_OUTLETS = (
    "Distinctive terms compare each outlet with the others, so they need at least two outlets; "
    "this corpus has one. Add articles from another outlet to metadata.csv to see which words "
    "set each one apart."
)
"""What the distinctive-terms findings say on a corpus of one outlet."""


def distinctive_terms(
    corpus: Corpus | pd.DataFrame,
    by: str = "outlet",
    *,
    prior: Prior = "corpus",
    prior_scale: float | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    lowercase: bool = True,
    variance: Variance = "monroe",
    min_count: int = 1,
    include_absent: bool = True,
) -> pd.DataFrame:
    """The terms that set each group (outlet) apart from all the others, with z-scores.

    Counts unigrams and bigrams per group (:func:`~analysis.wordchoice.term_counts`) and scores
    every term for every group against the other groups pooled with the log-odds ratio with an
    informative Dirichlet prior (:func:`~analysis.wordchoice.log_odds_dirichlet`, Monroe, Colaresi & Quinn 2008). A positive z means the
    group uses the term more than the others; |z| > 1.96 is the usual two-sided 5% threshold for
    one term taken alone (see :func:`significance_summary` for what that means over thousands
    of terms).

    Args:
        corpus: a Corpus, or a DataFrame of articles with ``text`` and the ``by`` column.
        by: the column that names the groups.
        prior: ``"corpus"`` (the compared corpus is its own prior), or background counts
            per term (a Series, e.g. :func:`~analysis.wordchoice.background_counts` of a large
            news collection).
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


def bonferroni_z(n_tests: int, *, alpha: float = 0.05) -> float:
    """The |z| a test must pass for a family of ``n_tests`` two-sided tests at level ``alpha``.

    Args:
        n_tests: the number of tests in the family (at least one is assumed).
        alpha: the family's two-sided level.

    Returns:
        The standard normal quantile of 1 - alpha / (2 n_tests): each test at alpha / n_tests.

    References:
        Dunn, O. J. (1961). Multiple comparisons among means. Journal of the American
        Statistical Association, 56(293), 52-64.
    """
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

    References:
        Dunn, O. J. (1961). Multiple comparisons among means. Journal of the American
        Statistical Association, 56(293), 52-64.
        Westfall, P. H., & Young, S. S. (1993). Resampling-Based Multiple Testing. Wiley (the
        threshold from the chance baseline).
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

    Args:
        terms: the output of :func:`distinctive_terms`.
        by: its group column.
        n: terms kept per group.
        min_count: the fewest uses in the group a kept term needs.
        drop_function_words: leave out terms made only of function words.

    Returns:
        DataFrame, up to ``n`` rows per group in the order of ``terms`` (highest z first):
        ``by``, ``term``, ``count``, ``count_other``, ``delta``, ``variance``, ``z``.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403 (terms ranked by z).
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
    corpus: Corpus,
    *,
    by: str = "outlet",
    n_shuffles: int = 50,
    random_state: int = 0,
    z_crit: float = 1.96,
    prior: Prior = "corpus",
    prior_scale: float | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    variance: Variance = "monroe",
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
        random_state: the random seed.
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
    rng = np.random.default_rng(random_state)
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
    """Two or three sentences on what the distinctive terms show, computed from the table.

    Args:
        terms: the output of :func:`distinctive_terms`, or None for a corpus of one outlet.
        by: its group column.

    Returns:
        The pairs tested and passing |z| > 1.96, the highest z with its counts, and how many
        pass the Bonferroni threshold; :data:`NEEDS_TWO_OUTLETS` when ``terms`` is None.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403.
        Dunn, O. J. (1961). Multiple comparisons among means. Journal of the American
        Statistical Association, 56(293), 52-64.
    """
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
        f"The highest z is for \u201c{md_text(best['term'])}\u201d in {md_text(best[by])} (z = {best['z']:.2f}: {int(best['count'])} "
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


def limits_statement(terms: pd.DataFrame | None, corpus: Corpus, baseline: pd.DataFrame | None = None, *, by: str = "outlet") -> str:
    """What a corpus of this size can and cannot show with distinctive terms, in plain words.

    Every number is computed from ``terms`` (the output of :func:`distinctive_terms` with its
    defaults: the corpus as its own prior, every term scored for every group), ``baseline`` (the
    output of :func:`chance_baseline`, optional) and the corpus.

    Args:
        terms: the output of :func:`distinctive_terms`, or None for a corpus of one outlet.
        corpus: the corpus it was computed on.
        baseline: the output of :func:`chance_baseline`, to say what chance alone gives.
        by: the group column.

    Returns:
        Markdown bullets: the size of each group, the fewest uses a word of one group needs to
        pass (each count tried in eq. 16 and 18), the number of comparisons, the chance
        baseline, and what the test can show.

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403.
        Westfall, P. H., & Young, S. S. (1993). Resampling-Based Multiple Testing. Wiley.
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
        listed = ", ".join(f"\u201c{md_text(r.term)}\u201d in {md_text(getattr(r, by))} ({r.count} against {r.count_other})" for r in beyond.head(6).itertuples())
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


def distinctive_terms_figure(
    terms: pd.DataFrame, corpus: Corpus, *, by: str = "outlet", n: int = 8, min_count: int = 2
) -> Figure:
    """Small multiples: each group's top terms by z (:func:`top_terms`), in the group's colour.

    A dashed line marks z = 1.96 and a dotted one the Bonferroni threshold for the whole table;
    each bar is labelled with the term's uses in the group and in all the others.

    Args:
        terms: the output of :func:`distinctive_terms`.
        corpus: the corpus it was computed on (for the outlets' colours).
        by: the group column.
        n: terms shown per group.
        min_count: the fewest uses in the group a shown term needs.

    Returns:
        The figure, closed (a notebook shows it through the return value).

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political
        Analysis, 16(4), 372-403.
    """
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

