"""How many topics: the number whose topics come back when the texts are resampled.

A topic model fits whatever number of topics k it is asked for; the question is which k
describes structure in the texts rather than noise. For each k, a reference model is fitted
on all the texts and ``n_runs`` more on random samples of 80 % of them; each sample's topics
are matched one to one to the reference's (the Hungarian algorithm) and their top terms
compared by average Jaccard (:func:`ranking_agreement`; Greene et al. 2014, eq. 1). The k
whose topics agree most across samples is chosen (:func:`choose_k`); :func:`stability_figure`
and :func:`k_finding` show and tell the choice.

References:
    Greene, O'Callaghan & Cunningham (2014), "How many topics? Stability analysis for topic
    models", ECML PKDD, LNCS 8724. Kuhn (1955), "The Hungarian method for the assignment
    problem", Naval Research Logistics Quarterly 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..errors import TopicError
from ..plots import finish_figure
from .models import Method, fit_topics

__all__ = [
    "choose_k",
    "k_finding",
    "ranking_agreement",
    "stability_figure",
    "topic_stability",
]


def _average_jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    """Average Jaccard of two ranked lists over their prefixes 1..t (Greene et al. 2014, eq. 1)."""
    t = min(len(a), len(b))
    if t == 0:
        return 0.0
    return float(np.mean([len(set(a[:d]) & set(b[:d])) / len(set(a[:d]) | set(b[:d])) for d in range(1, t + 1)]))


def ranking_agreement(a: list[list[str]], b: list[list[str]]) -> tuple[float, list[tuple[int, int]]]:
    """How alike two sets of topics are: mean average-Jaccard of their top terms after the best one-to-one matching.

    Args:
        a: one ranked term list per topic.
        b: the same for another model (same number of topics).

    Returns:
        ``(agreement, pairs)``: agreement in [0, 1] and the matched (topic in a, topic in b)
        pairs, 0-based, found by the Hungarian algorithm.

    References:
        Greene, O'Callaghan & Cunningham (2014), section 3; Kuhn (1955), the Hungarian method.
    """
    from scipy.optimize import linear_sum_assignment

    sim = np.array([[_average_jaccard(x, y) for y in b] for x in a])
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].mean()), list(zip(rows.tolist(), cols.tolist()))


def topic_stability(
    texts: Sequence[str],
    *,
    ks: Iterable[int] = range(2, 11),
    method: Method = "nmf",
    n_runs: int = 10,
    sample: float = 0.8,
    top_n: int = 10,
    random_state: int = 0,
) -> pd.DataFrame:
    """Stability of the topics for each number of topics k, by resampling (Greene et al. 2014).

    For each k a reference model is fitted on all the texts; then ``n_runs`` models on random
    samples of ``sample`` of the texts (seeds ``random_state``, ``random_state + 1``, ...).
    Each run's topics are matched one-to-one to the reference's, and their top ``top_n`` terms
    compared by average Jaccard (:func:`ranking_agreement`). A k whose topics come back with
    the same top terms when a fifth of the texts is left out describes structure in the
    texts; a k whose topics change is splitting noise.

    Args:
        texts: the documents.
        ks: the numbers of topics to try; those with fewer documents than needed are skipped.
        method: ``"nmf"`` or ``"lda"``.
        n_runs: resampled models per k.
        sample: the share of the texts in each resample.
        top_n: top terms compared.
        random_state: the first seed.

    Returns:
        One row per k: ``k``, ``stability`` (mean agreement), ``stability_sd``, ``min``
        (the least stable run).

    References:
        Greene, O'Callaghan & Cunningham (2014), "How many topics? Stability analysis for topic
        models", ECML PKDD, LNCS 8724.
    """
    texts = list(texts)
    n = len(texts)
    size = max(2, int(round(sample * n)))
    rows = []
    for k in ks:
        if k < 2 or k >= size:
            continue
        try:
            ref = fit_topics(texts, k=k, method=method, random_state=random_state).ranked_terms(top_n)
        except TopicError:
            continue
        scores = []
        for run in range(n_runs):
            rng = np.random.default_rng(random_state + run)
            idx = np.sort(rng.choice(n, size=size, replace=False))
            try:
                m = fit_topics([texts[i] for i in idx], k=k, method=method, random_state=random_state + run)
            except TopicError:
                continue
            scores.append(ranking_agreement(ref, m.ranked_terms(top_n))[0])
        if scores:
            rows.append((k, float(np.mean(scores)), float(np.std(scores)), float(np.min(scores))))
    return pd.DataFrame(rows, columns=["k", "stability", "stability_sd", "min"])


def choose_k(stability: pd.DataFrame) -> int:
    """The number of topics with the highest stability (the smaller k on a tie to 3 decimals).

    Args:
        stability: from :func:`topic_stability`.

    Returns:
        The chosen k.

    Raises:
        TopicError: when the table is empty (no k could be fitted).

    References:
        Greene, O'Callaghan & Cunningham (2014), section 4.
    """
    if stability.empty:
        raise TopicError("no number of topics could be fitted: the corpus has too few paragraphs for a topic model")
    s = stability.assign(r=stability["stability"].round(3)).sort_values(["r", "k"], ascending=[False, True])
    return int(s["k"].iloc[0])


def stability_figure(stability: pd.DataFrame, k: int) -> Figure:
    """Stability against the number of topics, the chosen k marked.

    Args:
        stability: from :func:`topic_stability`.
        k: the chosen number of topics (:func:`choose_k`).

    Returns:
        The figure.
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.errorbar(stability["k"], stability["stability"], yerr=stability["stability_sd"], marker="o", color="#444444", capsize=3)
    best = stability.loc[stability["k"] == k, "stability"].iloc[0]
    ax.scatter([k], [best], s=160, facecolors="none", edgecolors="#D55E00", linewidths=2, zorder=3, label=f"chosen: k = {k}")
    ax.set_xlabel("Number of topics (k)")
    ax.set_ylabel("Stability under resampling\n(average Jaccard of top terms)")
    ax.set_ylim(0, 1.02)
    ax.set_xticks(stability["k"])
    ax.legend(frameon=False, loc="lower left")
    return finish_figure(fig, ax, title=f"The topics are most stable with k = {k} topics ({best:.2f} out of 1)", legend=False)


def k_finding(stability: pd.DataFrame, units: pd.DataFrame, vocabulary: int) -> str:
    """A paragraph on how many topics the corpus supports, from the stability table.

    Args:
        stability: from :func:`topic_stability` (empty when no k could be fitted).
        units: the paragraphs modelled (:func:`analysis.topics.topic_units`).
        vocabulary: the number of distinct words the model sees.

    Returns:
        The paragraph (Markdown).
    """
    if stability.empty:
        return (
            f"The corpus has {len(units)} body paragraphs, too few for a topic model: "
            "each number of topics tried leaves fewer paragraphs than topics."
        )
    k = choose_k(stability)
    s = stability.set_index("k")["stability"]
    weak = [int(x) for x in s[s < 0.5].index]
    text = (
        f"The topic models see {len(units)} body paragraphs from {_plural(units['article_id'].nunique(), 'article')} and "
        f"{vocabulary} distinct words that occur in at least two paragraphs. Refitted on random samples of 80% "
        f"of the paragraphs, the topics come back most alike with k = {k} (stability {s[k]:.2f} out of 1)"
    )
    if weak:
        text += (
            f"; with k = {_join_numbers(weak)} the mean stability is below 0.5: those topics change with the "
            "sample, and describe the particular paragraphs more than the texts."
        )
    else:
        text += "; every k tried keeps a mean stability of 0.5 or more."
    text += (
        f" A handful of articles about one story supports only a few topics: {k} is the number the text carries "
        "best, and the topics below are strands of the story's vocabulary, not subjects in the sense of a news section."
    )
    return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _join_numbers(xs: list[int]) -> str:
    return str(xs[0]) if len(xs) == 1 else ", ".join(map(str, xs[:-1])) + f" and {xs[-1]}"
