"""Topic models of any texts: TF-IDF and NMF, LDA over word counts beside it, and document clusters.

:func:`fit_topics` fits a topic model on any list or stream of texts, so the same code runs on
the five seed articles, on the BBC evaluation set and on tens of thousands of articles
(:mod:`analysis.scale`). Non-negative matrix factorisation (NMF) of the TF-IDF matrix is the
package's model; latent Dirichlet allocation (LDA) over word counts is fitted beside it for
comparison. :func:`document_clusters` gives one cluster per document (the dominant topic, or
k-means on the same TF-IDF vectors), the unit the BBC evaluation scores against the editors'
categories.

How many topics to fit is chosen in :mod:`analysis.topics.stability`; the topics of a corpus's
paragraphs and each outlet's share of them are in :mod:`analysis.topics.shares`.

The measured BBC figures are read here too (:func:`bbc_evaluation`,
:func:`bbc_finding`): the results file written by ``python -m analysis.evaluate topics --write``.

Every function is deterministic: fixed ``random_state`` everywhere, sorted output.

References:
    Lee & Seung (1999), "Learning the parts of objects by non-negative matrix factorization",
    Nature 401. Boutsidis & Gallopoulos (2008), "SVD based initialization: a head start for
    nonnegative matrix factorization", Pattern Recognition 41. Blei, Ng & Jordan (2003), "Latent
    Dirichlet allocation", JMLR 3. Hoffman, Blei & Bach (2010), "Online learning for latent
    Dirichlet allocation", NIPS. Arthur & Vassilvitskii (2007), "k-means++: the advantages of
    careful seeding", SODA.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import TopicError
from .words import make_vectorizer

__all__ = [
    "bbc_evaluation",
    "bbc_finding",
    "document_clusters",
    "fit_matrix",
    "fit_topics",
    "Method",
    "TopicModel",
]

Method = Literal["nmf", "lda"]


@dataclass
class TopicModel:
    """A fitted topic model.

    Attributes:
        method: ``"nmf"`` or ``"lda"``.
        k: the number of topics.
        terms: the vocabulary, one entry per column of ``components``.
        components: topic-term weights, ``k x len(terms)``; topics are numbered 1..k in the
            order of their share of all the text (topic 1 is the largest).
        doc_topic: document-topic weights, each row summing to 1 (all zero for a document with
            no word in the vocabulary).
        vectorizer: the fitted vectoriser (to transform new texts).
        converged: False when the solver stopped at its iteration limit before its tolerance.
    """

    method: str
    k: int
    terms: np.ndarray
    components: np.ndarray
    doc_topic: np.ndarray
    vectorizer: object = field(repr=False)
    converged: bool = True

    def top_terms(self, n: int = 10) -> pd.DataFrame:
        """One row per topic and rank: ``topic``, ``rank``, ``term``, ``weight`` (share of the topic's weight)."""
        rows = []
        for t in range(self.k):
            w = self.components[t]
            total = w.sum() or 1.0
            order = np.lexsort((self.terms, -w))[:n]
            rows += [(t + 1, r + 1, self.terms[i], w[i] / total) for r, i in enumerate(order) if w[i] > 0]
        return pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])

    def labels(self, n: int = 3) -> dict[int, str]:
        """Topic number -> its top ``n`` terms joined by " · " (the name shown in tables and figures)."""
        tt = self.top_terms(n)
        return {t: " · ".join(g["term"]) for t, g in tt.groupby("topic", sort=True)}

    def ranked_terms(self, n: int = 10) -> list[list[str]]:
        """One list per topic (topic 1 first): its top ``n`` terms, highest weight first."""
        tt = self.top_terms(n)
        return [g["term"].tolist() for _, g in tt.groupby("topic", sort=True)]


def fit_topics(
    texts: Iterable[str],
    *,
    k: int,
    method: Method = "nmf",
    random_state: int = 0,
    min_df: int | float = 2,
    max_df: float = 0.95,
    max_iter: int | None = None,
    tol: float = 1e-4,
) -> TopicModel:
    """Fit a topic model on texts.

    NMF factorises the TF-IDF matrix, initialised by NNDSVDa (deterministic: the same texts
    give the same topics whatever the seed); LDA (variational Bayes, batch) models word counts
    with the default priors 1/k. Topics are renumbered by their share of all the text.

    Args:
        texts: the documents; any iterable, read once (a generator streaming a file works).
        k: the number of topics.
        method: ``"nmf"`` or ``"lda"``.
        random_state: seed for LDA (and for NMF's solver, which NNDSVDa makes deterministic).
        min_df: passed to :func:`make_vectorizer`.
        max_df: passed to :func:`make_vectorizer`.
        max_iter: iterations of the solver (default 500 for NMF, 50 for LDA).
        tol: NMF stops when the loss improves by less than this, relatively (scikit-learn's
            default, 1e-4; 1e-3 is enough for tens of thousands of articles, see the benchmark).

    Returns:
        A :class:`TopicModel`.

    Raises:
        TopicError: when the texts leave no vocabulary or fewer documents than topics.

    References:
        Lee & Seung (1999); Boutsidis & Gallopoulos (2008), "SVD based initialization: a head
        start for nonnegative matrix factorization", Pattern Recognition 41; Blei, Ng & Jordan
        (2003); Hoffman, Blei & Bach (2010), "Online learning for latent Dirichlet allocation".
    """
    vec = make_vectorizer(weighting="tfidf" if method == "nmf" else "count", min_df=min_df, max_df=max_df)
    try:
        X = vec.fit_transform(texts)
    except ValueError as exc:  # empty vocabulary
        raise TopicError(f"the texts leave no words to model ({exc}); give more or longer texts, or lower min_df") from exc
    return fit_matrix(X, vec, k=k, method=method, random_state=random_state, max_iter=max_iter, tol=tol)


def fit_matrix(
    X, vectorizer, *, k: int, method: Method = "nmf", random_state: int = 0, max_iter: int | None = None, tol: float = 1e-4
) -> TopicModel:
    """Fit a topic model on a document-term matrix already made by a fitted :func:`make_vectorizer`.

    The second half of :func:`fit_topics`, for callers that vectorise themselves (a benchmark
    timing the two stages apart, or texts vectorised in chunks).

    Args:
        X: the document-term matrix (TF-IDF for NMF, counts for LDA).
        vectorizer: the fitted vectoriser that made it (for the vocabulary).
        k: the number of topics.
        method: ``"nmf"`` or ``"lda"``.
        random_state: the seed.
        max_iter: iterations of the solver (default 500 for NMF, 50 for LDA).
        tol: NMF's stopping tolerance (see :func:`fit_topics`).

    Returns:
        A :class:`TopicModel`.

    Raises:
        TopicError: when the matrix has fewer documents than topics.

    References:
        Lee & Seung (1999); Boutsidis & Gallopoulos (2008) (NNDSVD initialisation); Blei, Ng &
        Jordan (2003).
    """
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.exceptions import ConvergenceWarning

    vec = vectorizer
    n_docs = X.shape[0]
    if n_docs < max(k, 2):
        raise TopicError(f"{k} topics need at least {max(k, 2)} documents; the texts give {n_docs}")
    if method == "nmf":
        model = NMF(n_components=k, init="nndsvda", max_iter=max_iter or 500, tol=tol, random_state=random_state)
    else:
        model = LatentDirichletAllocation(
            n_components=k, learning_method="batch", max_iter=max_iter or 50, random_state=random_state
        )
    with warnings.catch_warnings(record=True) as caught:
        # Library code is silent: a solver stopping at max_iter is recorded on the model instead.
        warnings.simplefilter("always", ConvergenceWarning)
        W = model.fit_transform(X)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    H = model.components_
    if method == "lda":
        # Topic-word distributions, so that weights compare across topics as NMF's do.
        H = H / H.sum(axis=1, keepdims=True)
    sums = W.sum(axis=1, keepdims=True)
    W = np.divide(W, sums, out=np.zeros_like(W), where=sums > 0)
    order = np.argsort(-W.sum(axis=0), kind="stable")
    return TopicModel(
        method=method,
        k=k,
        terms=np.asarray(vec.get_feature_names_out(), dtype=object),
        components=H[order],
        doc_topic=W[:, order],
        vectorizer=vec,
        converged=converged,
    )


def document_clusters(
    texts: Sequence[str], *, k: int, method: Literal["nmf", "lda", "kmeans"] = "nmf", random_state: int = 0, n_init: int = 10
) -> np.ndarray:
    """One cluster per document: the dominant topic (NMF, LDA) or the k-means cluster of its TF-IDF vector.

    Args:
        texts: the documents.
        k: the number of clusters.
        method: ``"nmf"``, ``"lda"`` (dominant topic of :func:`fit_topics`) or ``"kmeans"``
            (k-means++ on the L2-normalised TF-IDF vectors of :func:`make_vectorizer`).
        random_state: the seed.
        n_init: k-means restarts (the best of them is kept).

    Returns:
        An integer array, one cluster number (0-based) per document.

    References:
        Arthur & Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA.
    """
    if method == "kmeans":
        from sklearn.cluster import KMeans

        X = make_vectorizer().fit_transform(texts)
        return KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit_predict(X)
    model = fit_topics(texts, k=k, method=method, random_state=random_state)
    return model.doc_topic.argmax(axis=1)


# Measured on the BBC News data set, read through analysis.evaluate.results.


def bbc_evaluation(path: str | Path | None = None) -> pd.DataFrame:
    """The measured BBC figures (NMI and ARI of NMF and k-means against the five categories).

    Reads the section ``bbc`` of the ``topics`` results (written by ``python -m analysis.evaluate
    topics --write``, read through :mod:`analysis.evaluate.results`) so that a notebook can show
    them without the data set.

    Args:
        path: another results file in the same schema; the package's committed one by default.

    Returns:
        One row per method: ``method``, ``NMI``, ``ARI`` (at the package's default seed),
        ``NMI over seeds`` and ``ARI over seeds`` (mean, min-max), ``documents``.
    """
    from ..evaluate import results

    data = results.section("topics", "bbc", path=path)
    if not data:
        return pd.DataFrame(columns=["method", "NMI", "ARI", "NMI over seeds", "ARI over seeds"])
    rows = []
    for r in data["methods"]:
        nmis, aris = r["nmi_by_seed"], r["ari_by_seed"]
        rows.append(
            (
                r["method"],
                r["nmi"],
                r["ari"],
                f"{np.mean(nmis):.3f} ({min(nmis):.3f}–{max(nmis):.3f})",
                f"{np.mean(aris):.3f} ({min(aris):.3f}–{max(aris):.3f})",
            )
        )
    return pd.DataFrame(rows, columns=["method", "NMI", "ARI", "NMI over seeds", "ARI over seeds"]).set_index("method")


def bbc_finding(path: str | Path | None = None) -> str:
    """One sentence on the BBC figures, from the results (see :func:`bbc_evaluation`)."""
    from ..evaluate import results

    data = results.section("topics", "bbc", path=path)
    if not data:
        return "The BBC evaluation has not been run: `python -m analysis.evaluate topics --write` measures it."
    by = {r["key"]: r for r in data["methods"]}
    text = (
        f"On the BBC News data set ({data['documents']} articles after dropping {data['duplicates_dropped']} exact "
        f"duplicates; {data['categories']} categories), the articles clustered into k = {data['k']} groups match the "
        f"editors' categories with an NMI of {by['nmf']['nmi']:.2f} and an ARI of {by['nmf']['ari']:.2f} for NMF, the "
        f"model this notebook uses, and {by['kmeans']['nmi']:.2f} and {by['kmeans']['ari']:.2f} for k-means on the same "
        f"TF-IDF vectors (1 would be the categories exactly, 0 no relation)."
    )
    if "lda" in by:
        seeds = by["lda"]["nmi_by_seed"]
        text += (
            f" LDA on word counts reaches an NMI of {by['lda']['nmi']:.2f} at the same seed, and from "
            f"{min(seeds):.2f} to {max(seeds):.2f} over {len(seeds)} seeds."
        )
    return text + (
        " That is the check that these features and models find subjects where there are some; within one "
        "story, as here, there are far fewer to find."
    )
