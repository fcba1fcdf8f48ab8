"""Topics and story elements: what the articles are about, and which parts of the story each tells.

Two analyses live here, at two scales:

- **Topic models** over paragraphs (:func:`topic_model`): TF-IDF and non-negative matrix
  factorisation (NMF), with latent Dirichlet allocation (LDA) over word counts beside it for
  comparison. The number of topics is chosen by stability under resampling
  (:func:`topic_stability`), the topics are described by their top terms and their most
  representative paragraphs, and each outlet's text is split into topic shares
  (:func:`topic_shares`). :func:`fit_topics` works on any list or stream of texts, so the same code
  runs on the five seed articles, on the BBC evaluation set and on tens of thousands of articles.
- **Story elements** (:func:`story_elements`): the sentences of all outlets clustered into the
  elements of one story (a meeting, a strike, a quote), by TF-IDF vectors of stemmed content
  words and average-linkage agglomerative clustering under a cosine-distance threshold. The
  threshold comes from a permutation null model (:func:`null_distance_threshold`): two sentences
  are put in one element only when they are more alike than sentences made of the same words
  shuffled at random ever are, at a stated significance level. Nothing in the method knows the
  story: no list of facts, names or events. ``analysis.coverage`` builds the coverage matrix and
  the omission lists from its output.

Every function is deterministic: fixed ``random_state`` everywhere, sorted output.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.topics import story_elements
    >>> elements = story_elements(load_corpus())
    >>> list(elements.columns[:6])
    ['article_id', 'outlet', 'start', 'end', 'text', 'element']

References:
    Lee & Seung (1999), "Learning the parts of objects by non-negative matrix factorization",
    Nature 401. Blei, Ng & Jordan (2003), "Latent Dirichlet allocation", JMLR 3. Greene,
    O'Callaghan & Cunningham (2014), "How many topics? Stability analysis for topic models",
    ECML PKDD. Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval".
    Sokal & Michener (1958), average linkage (UPGMA). Porter (2001), the Snowball stemmer.
"""

from __future__ import annotations

import html
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..errors import SameStoryError
from ..paths import DATA_DIR

STOPWORDS_FILE = DATA_DIR / "stopwords_news.txt"
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"
"""Words of two or more letters; numbers and one-letter fragments are not topic words."""

EVALUATION_FILE = DATA_DIR / "evaluation_topics.json"
"""Measured BBC figures, written by ``python -m analysis.evaluate topics --write``."""

Method = Literal["nmf", "lda"]


class TopicError(SameStoryError):
    """A topic model or story-element clustering cannot be fitted on the texts given."""


# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def load_stop_words(path: str | Path = STOPWORDS_FILE) -> frozenset[str]:
    """scikit-learn's English stop words changed by the data file (``+word`` adds, ``-word`` keeps).

    Args:
        path: a stop-word file in the format of ``analysis/data/stopwords_news.txt``.

    Returns:
        The stop words, lower case.
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS)
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line[0] not in "+-" or not line[1:].isalpha():
            raise TopicError(f"{path}, line {n}: {line!r} is not '+word' or '-word'; write one word a line with + to add it or - to keep it")
        (words.add if line[0] == "+" else words.discard)(line[1:].lower())
    return frozenset(words)


_LETTERS = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"[’'](?:s)?$")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def content_words(text: str) -> list[tuple[str, str]]:
    """The content words of a text as (stem, surface) pairs, in order.

    A word is a run of letters (with inner apostrophes); the possessive ``’s`` is dropped, the
    word lower-cased, stop words (:func:`load_stop_words`) and one-letter words skipped, and the
    rest stemmed with the Snowball (Porter 2) stemmer, so "killed" and "killing", "bomb" and
    "bombing" meet. Pure and per-text: it can be mapped over texts in any order or in parallel.

    Args:
        text: any text.

    Returns:
        ``[(stem, surface), ...]``; ``surface`` is the lower-cased word as written.
    """
    stop = load_stop_words()
    stem = _stemmer().stem
    out = []
    for m in _LETTERS.finditer(text):
        w = _POSSESSIVE.sub("", m.group().lower()).replace("’", "'")
        if len(w) < 2 or w in stop or w.replace("'", "") in stop:
            continue
        out.append((stem(w), w))
    return out


def make_vectorizer(*, weighting: Literal["tfidf", "count"] = "tfidf", min_df: int | float = 2, max_df: float = 0.95):
    """The vectoriser the topic models use: words of two or more letters, stop words removed.

    Args:
        weighting: ``"tfidf"`` (sublinear term frequency times smoothed inverse document
            frequency, rows L2-normalised; for NMF and k-means) or ``"count"`` (raw counts; LDA
            models counts).
        min_df: drop words in fewer documents than this (a count, or a share if a float).
        max_df: drop words in more than this share of documents.

    Returns:
        An unfitted scikit-learn ``TfidfVectorizer`` or ``CountVectorizer``.
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    common = dict(
        lowercase=True, token_pattern=TOKEN_PATTERN, stop_words=sorted(load_stop_words()), min_df=min_df, max_df=max_df
    )
    if weighting == "tfidf":
        return TfidfVectorizer(sublinear_tf=True, **common)
    return CountVectorizer(**common)


# --------------------------------------------------------------------------------------------
# Topic models
# --------------------------------------------------------------------------------------------


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


def topic_units(corpus: Corpus) -> pd.DataFrame:
    """The documents the corpus's topic models are fitted on: body paragraphs (crossheads left out).

    Returns:
        One row per paragraph: ``article_id``, ``outlet``, ``paragraph``, ``start``, ``end``,
        ``text``, ``words``.
    """
    p = corpus.paragraphs()
    p = p[p["kind"] == "body"].reset_index(drop=True)
    p["words"] = p["text"].str.count(r"[^\W\d_]+(?:[’'][^\W\d_]+)*").astype(int)
    return p[["article_id", "outlet", "paragraph", "start", "end", "text", "words"]]


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


def _top_lists(model: TopicModel, n: int) -> list[list[str]]:
    tt = model.top_terms(n)
    return [g["term"].tolist() for _, g in tt.groupby("topic", sort=True)]


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
            ref = _top_lists(fit_topics(texts, k=k, method=method, random_state=random_state), top_n)
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
            scores.append(ranking_agreement(ref, _top_lists(m, top_n))[0])
        if scores:
            rows.append((k, float(np.mean(scores)), float(np.std(scores)), float(np.min(scores))))
    return pd.DataFrame(rows, columns=["k", "stability", "stability_sd", "min"])


def choose_k(stability: pd.DataFrame) -> int:
    """The number of topics with the highest stability (the smaller k on a tie to 3 decimals)."""
    if stability.empty:
        raise TopicError("no number of topics could be fitted: the corpus has too few paragraphs for a topic model")
    s = stability.assign(r=stability["stability"].round(3)).sort_values(["r", "k"], ascending=[False, True])
    return int(s["k"].iloc[0])


@dataclass
class TopicResult:
    """Topics of a corpus's paragraphs. Build with :func:`topic_model`.

    Attributes:
        model: the fitted :class:`TopicModel`.
        documents: one row per paragraph (``article_id``, ``outlet``, ``paragraph``, ``start``,
            ``end``, ``text``, ``words``), its dominant ``topic`` and that topic's ``weight``,
            and one column ``topic_1`` ... ``topic_k`` per topic.
        labels: topic number -> its top three terms.
    """

    model: TopicModel
    documents: pd.DataFrame
    labels: dict[int, str]

    @property
    def k(self) -> int:
        return self.model.k


def topic_model(corpus: Corpus, *, k: int | None = None, method: Method = "nmf", random_state: int = 0) -> TopicResult:
    """Topics of the corpus's body paragraphs.

    Args:
        corpus: a loaded corpus.
        k: the number of topics; None chooses it by :func:`topic_stability` (k from 2 to 10).
        method: ``"nmf"`` (TF-IDF, the main model) or ``"lda"`` (counts, for comparison).
        random_state: the seed.

    Returns:
        A :class:`TopicResult`.
    """
    units = topic_units(corpus)
    if k is None:
        k = choose_k(topic_stability(units["text"].tolist(), random_state=random_state))
    model = fit_topics(units["text"].tolist(), k=k, method=method, random_state=random_state)
    W = model.doc_topic
    docs = units.copy()
    has = W.sum(axis=1) > 0
    docs["topic"] = pd.array(np.where(has, W.argmax(axis=1) + 1, 0), dtype="Int64")
    docs.loc[~has, "topic"] = pd.NA
    docs["weight"] = W.max(axis=1)
    for t in range(k):
        docs[f"topic_{t + 1}"] = W[:, t]
    return TopicResult(model=model, documents=docs, labels=model.labels(3))


def topic_terms(result: TopicResult, *, n: int = 10) -> pd.DataFrame:
    """The top ``n`` terms of each topic as one row per topic: ``topic``, ``label``, ``share``, ``top terms``.

    ``share`` is the topic's share of all the words of the corpus (see :func:`topic_shares`).
    """
    tt = result.model.top_terms(n)
    shares = _word_shares(result.documents, result.k)
    total = shares.sum() or 1.0
    rows = [
        (t, result.labels[t], round(float(shares[t - 1] / total), 3), ", ".join(g["term"]))
        for t, g in tt.groupby("topic", sort=True)
    ]
    return pd.DataFrame(rows, columns=["topic", "label", "share", "top terms"])


def _word_shares(docs: pd.DataFrame, k: int) -> np.ndarray:
    W = docs[[f"topic_{t + 1}" for t in range(k)]].to_numpy()
    return (W * docs["words"].to_numpy()[:, None]).sum(axis=0)


def topic_shares(result: TopicResult, *, by: str = "outlet") -> pd.DataFrame:
    """Each outlet's text split into topics: the share of its words given to each topic.

    A paragraph's words are split between topics by its topic weights, so a paragraph that is
    60% topic 1 gives 60% of its words to topic 1.

    Args:
        result: from :func:`topic_model`.
        by: the column to group paragraphs by (``"outlet"`` or ``"article_id"``).

    Returns:
        One row per group and topic: ``outlet`` (named after ``by``), ``topic``, ``label``,
        ``words`` (words given to the topic), ``share`` (of the group's words, in [0, 1]).
    """
    docs = result.documents
    rows = []
    for key, g in docs.groupby(by, sort=False):
        words = _word_shares(g, result.k)
        total = g["words"].sum() or 1
        rows += [(key, t + 1, result.labels[t + 1], float(words[t]), float(words[t] / total)) for t in range(result.k)]
    return pd.DataFrame(rows, columns=[by, "topic", "label", "words", "share"])


def representative_paragraphs(result: TopicResult, *, n: int = 2) -> pd.DataFrame:
    """The ``n`` paragraphs most given to each topic (highest topic weight; longer first on a tie).

    Returns:
        One row per topic and paragraph: ``topic``, ``label``, ``outlet``, ``article_id``,
        ``start``, ``end``, ``weight``, ``text``.
    """
    docs = result.documents
    rows = []
    for t in range(1, result.k + 1):
        d = docs.assign(weight=docs[f"topic_{t}"]).sort_values(["weight", "words", "article_id", "start"], ascending=[False, False, True, True])
        for r in d.head(n).itertuples(index=False):
            rows.append((t, result.labels[t], r.outlet, r.article_id, r.start, r.end, round(float(r.weight), 2), r.text))
    return pd.DataFrame(rows, columns=["topic", "label", "outlet", "article_id", "start", "end", "weight", "text"])


def compare_models(a: TopicResult, b: TopicResult, *, top_n: int = 10) -> pd.DataFrame:
    """Two topic models of the same paragraphs side by side (e.g. NMF and LDA).

    Topics are matched one to one by their top terms (:func:`ranking_agreement`).

    Returns:
        One row per matched pair: ``topic`` (in ``a``), ``label`` (in ``a``), ``matched topic``
        (in ``b``), ``matched label``, ``shared top terms`` (of ``top_n``), ``same dominant topic``
        (the share of paragraphs whose dominant topic in ``a`` is this one and in ``b`` its match).
    """
    la, lb = _top_lists(a.model, top_n), _top_lists(b.model, top_n)
    _, pairs = ranking_agreement(la, lb)
    ta, tb = a.documents["topic"], b.documents["topic"]
    rows = []
    for i, j in sorted(pairs):
        in_a = ta == i + 1
        same = float(((tb == j + 1) & in_a).sum() / in_a.sum()) if in_a.sum() else float("nan")
        shared = len(set(la[i]) & set(lb[j]))
        rows.append((i + 1, a.labels[i + 1], j + 1, b.labels[j + 1], shared, round(same, 2)))
    return pd.DataFrame(
        rows, columns=["topic", "label", "matched topic", "matched label", "shared top terms", "same dominant topic"]
    )


def model_agreement(a: TopicResult, b: TopicResult) -> float:
    """Adjusted Rand index between the dominant topics of two models of the same paragraphs (1 = the same partition)."""
    from sklearn.metrics import adjusted_rand_score

    both = a.documents["topic"].notna() & b.documents["topic"].notna()
    return float(adjusted_rand_score(a.documents.loc[both, "topic"].astype(int), b.documents.loc[both, "topic"].astype(int)))


def comparison_finding(nmf: TopicResult, lda: TopicResult, *, top_n: int = 10) -> str:
    """A sentence or two on how far LDA agrees with NMF on the same paragraphs."""
    cmp = compare_models(nmf, lda, top_n=top_n)
    ari = model_agreement(nmf, lda)
    shared = cmp["shared top terms"].mean()
    lda_lists = _top_lists(lda.model, top_n)
    overlap_lda = (
        np.mean([len(set(a) & set(b)) for i, a in enumerate(lda_lists) for b in lda_lists[i + 1 :]]) if len(lda_lists) > 1 else float("nan")
    )
    text = (
        f"LDA, fitted on the word counts of the same paragraphs with the same k = {nmf.k}, groups them differently: the "
        f"adjusted Rand index between the two models' dominant topics is {ari:.2f} (1 would be the same grouping, 0 "
        f"no more alike than chance). Matched one to one, an LDA topic shares {shared:.1f} of its top {top_n} terms with its NMF topic"
    )
    if not np.isnan(overlap_lda):
        text += f", and LDA's own topics share {overlap_lda:.1f} of their top {top_n} terms with each other"
    return text + ". NMF on TF-IDF is the model the notebook reads; LDA is shown to make the choice visible."


def stability_figure(stability: pd.DataFrame, k: int):
    """Stability against the number of topics, the chosen k marked."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.errorbar(stability["k"], stability["stability"], yerr=stability["stability_sd"], marker="o", color="#444444", capsize=3)
    best = stability.loc[stability["k"] == k, "stability"].iloc[0]
    ax.scatter([k], [best], s=160, facecolors="none", edgecolors="#D55E00", linewidths=2, zorder=3, label=f"chosen: k = {k}")
    ax.set_title(f"The topics are most stable with k = {k} topics ({best:.2f} out of 1)", loc="left")
    ax.set_xlabel("Number of topics (k)")
    ax.set_ylabel("Stability under resampling\n(average Jaccard of top terms)")
    ax.set_ylim(0, 1.02)
    ax.set_xticks(stability["k"])
    ax.legend(frameon=False, loc="lower left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def shares_figure(shares: pd.DataFrame, outlets: Sequence[str]):
    """Topic shares per outlet: one group of bars per topic, one bar per outlet in its colour."""
    import matplotlib.pyplot as plt

    from ..plots import outlet_colors

    colors = outlet_colors(outlets)
    topics = sorted(shares["topic"].unique())
    labels = shares.drop_duplicates("topic").set_index("topic")["label"]
    present = [o for o in outlets if o in set(shares["outlet"])]
    width = 0.8 / max(len(present), 1)
    fig, ax = plt.subplots(figsize=(8, 0.9 * len(topics) * max(len(present), 1) * 0.3 + 1.6))
    for i, o in enumerate(present):
        s = shares[shares["outlet"] == o].set_index("topic")["share"].reindex(topics, fill_value=0)
        ax.barh(np.arange(len(topics)) + i * width, s.to_numpy(), height=width, color=colors[o], label=o)
    ax.set_yticks(np.arange(len(topics)) + width * (len(present) - 1) / 2)
    ax.set_yticklabels([f"{t}: {labels[t]}" for t in topics])
    ax.invert_yaxis()
    top = shares.sort_values(["share", "outlet"], ascending=[False, True]).iloc[0]
    ax.set_title(f"{top['outlet']} gives the largest share of its text to one topic: {top['share']:.0%} to topic {top['topic']}", loc="left")
    ax.set_xlabel("Share of the outlet's words given to the topic")
    ax.set_ylabel("Topic (top terms)")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def k_finding(stability: pd.DataFrame, units: pd.DataFrame, vocabulary: int) -> str:
    """A paragraph on how many topics the corpus supports, from the stability table."""
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


def shares_finding(shares: pd.DataFrame, n_outlets: int) -> str:
    """A sentence or two on which outlet gives most of its text to which topic."""
    if n_outlets < 2:
        return "Topic shares compare outlets, and this corpus has one outlet: the table shows how its text divides between the topics."
    rows = []
    for t, g in shares.groupby("topic", sort=True):
        g = g.sort_values(["share", "outlet"], ascending=[False, True])
        hi, lo = g.iloc[0], g.iloc[-1]
        rows.append(
            f"topic {t} ({hi['label']}) takes {hi['share']:.0%} of {html.escape(hi['outlet'], quote=False)}'s words "
            f"but {lo['share']:.0%} of {html.escape(lo['outlet'], quote=False)}'s"
        )
    return "Outlets divide their text differently: " + "; ".join(rows) + "."


def bbc_evaluation(path: str | Path = EVALUATION_FILE) -> pd.DataFrame:
    """The measured BBC figures (NMI and ARI of NMF and k-means against the five categories).

    Reads the small results file written by ``python -m analysis.evaluate topics --write`` so
    that a notebook can show them without the data set.

    Returns:
        One row per method: ``method``, ``NMI``, ``ARI`` (at the package's default seed),
        ``NMI over seeds`` and ``ARI over seeds`` (mean, min-max), ``documents``.
    """
    import json

    p = Path(path)
    if not p.is_file():
        return pd.DataFrame(columns=["method", "NMI", "ARI", "NMI over seeds", "ARI over seeds"])
    data = json.loads(p.read_text(encoding="utf-8"))
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


def bbc_finding(path: str | Path = EVALUATION_FILE) -> str:
    """One sentence on the BBC figures, from the results file."""
    import json

    p = Path(path)
    if not p.is_file():
        return "The BBC evaluation has not been run: `python -m analysis.evaluate topics --write` measures it."
    data = json.loads(p.read_text(encoding="utf-8"))
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


# --------------------------------------------------------------------------------------------
# Story elements
# --------------------------------------------------------------------------------------------


@dataclass
class SentenceVectors:
    """TF-IDF vectors of sentences over stemmed content words (see :func:`sentence_vectors`)."""

    matrix: object  # scipy.sparse CSR, rows L2-normalised
    stems: np.ndarray
    surface: dict[str, str]
    tokens: list[list[str]] = field(repr=False)
    idf: np.ndarray = field(repr=False)


def sentence_vectors(texts: Sequence[str]) -> SentenceVectors:
    """TF-IDF vectors of short texts over their stemmed content words (:func:`content_words`).

    Sublinear term frequency, smoothed inverse document frequency computed over the texts
    themselves (a word in every sentence weighs little, a word in two sentences much), rows
    L2-normalised so that the dot product of two rows is their cosine similarity.

    Returns:
        A :class:`SentenceVectors`; ``surface`` maps each stem to its most frequent written form.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    pairs = [content_words(t) for t in texts]
    tokens = [[s for s, _ in p] for p in pairs]
    counts: dict[str, Counter] = {}
    for p in pairs:
        for s, w in p:
            counts.setdefault(s, Counter())[w] += 1
    surface = {s: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for s, c in counts.items()}
    vec = TfidfVectorizer(analyzer=lambda toks: toks, sublinear_tf=True)
    if not any(tokens):
        raise TopicError("the sentences hold no content words to compare")
    X = vec.fit_transform(tokens).tocsr()
    return SentenceVectors(matrix=X, stems=np.asarray(vec.get_feature_names_out(), dtype=object), surface=surface, tokens=tokens, idf=vec.idf_)


def _best_match_similarities(S: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """For every row and every other group, the highest similarity of the row to that group's rows.

    With a single group, the highest similarity to any other row of the group.
    """
    uniq = sorted(set(groups.tolist()))
    if len(uniq) == 1:
        S = S.copy()
        np.fill_diagonal(S, -np.inf)
        return S.max(axis=1)
    out = []
    for g in uniq:
        cols = groups == g
        best = S[:, cols].max(axis=1)
        out.append(best[groups != g])
    return np.concatenate(out)


def null_distance_threshold(
    vectors: SentenceVectors,
    groups: Sequence[str],
    *,
    alpha: float = 0.01,
    n_shuffles: int = 20,
    random_state: int = 0,
) -> tuple[float, np.ndarray, np.ndarray]:
    """The cosine-distance threshold at which two sentences' likeness is not chance, by permutation.

    The null model keeps every sentence's length and every word's frequency and shuffles the
    words between sentences at random (``n_shuffles`` times, seeded). For each shuffled
    sentence, its best match in each other article (``groups``: one label per sentence) is
    found; the threshold is the distance that only a share ``alpha`` of these chance best
    matches get under. At ``alpha = 0.01``: a sentence of random words finds, in another
    article, a partner this close less than once in a hundred tries.

    Args:
        vectors: from :func:`sentence_vectors`.
        groups: the article of each sentence.
        alpha: the significance level.
        n_shuffles: shuffles of the corpus's words.
        random_state: the seed.

    Returns:
        ``(threshold, null_best, real_best)``: the distance threshold, and the best-match
        similarities under the null and in the real sentences (for the figure).

    References:
        Good (2005), "Permutation, Parametric, and Bootstrap Tests of Hypotheses", for the
        permutation null; the best-match statistic is that of sentence alignment across
        documents (Barzilay & Elhadad 2003, "Sentence alignment for monolingual comparable corpora").
    """
    groups = np.asarray(list(groups), dtype=object)
    X = vectors.matrix
    real = _best_match_similarities((X @ X.T).toarray(), groups)
    lengths = np.array([len(t) for t in vectors.tokens])
    flat = np.array([w for t in vectors.tokens for w in t], dtype=object)
    vocab = {s: i for i, s in enumerate(vectors.stems)}
    cuts = np.cumsum(lengths)[:-1]
    rng = np.random.default_rng(random_state)
    null = []
    for _ in range(n_shuffles):
        shuffled = np.split(flat[rng.permutation(len(flat))], cuts)
        Xn = _tfidf_rows(shuffled, vocab, vectors.idf)
        null.append(_best_match_similarities((Xn @ Xn.T).toarray(), groups))
    null = np.concatenate(null)
    threshold = 1.0 - float(np.quantile(null, 1.0 - alpha))
    return threshold, null, real


def _tfidf_rows(token_lists, vocab: dict[str, int], idf: np.ndarray):
    """Sublinear TF-IDF rows, L2-normalised, with a fixed vocabulary and idf (the real sentences')."""
    from scipy import sparse
    from sklearn.preprocessing import normalize

    rows, cols, vals = [], [], []
    for r, toks in enumerate(token_lists):
        for s, c in Counter(toks.tolist() if hasattr(toks, "tolist") else toks).items():
            rows.append(r)
            cols.append(vocab[s])
            vals.append((1.0 + np.log(c)) * idf[vocab[s]])
    M = sparse.csr_matrix((vals, (rows, cols)), shape=(len(token_lists), len(vocab)))
    return normalize(M)


def cluster_sentences(
    vectors: SentenceVectors, *, threshold: float, linkage: Literal["average", "complete", "single"] = "average"
) -> np.ndarray:
    """Agglomerative clustering of sentence vectors under a cosine-distance threshold.

    Clusters are merged while the linkage distance between them stays under ``threshold``:
    with average linkage, while the mean distance between their sentences does. A sentence
    with no content word stays alone.

    Returns:
        One cluster label per sentence (0-based, in the order clusters first appear).
    """
    from sklearn.cluster import AgglomerativeClustering

    n = vectors.matrix.shape[0]
    if n == 1:
        return np.zeros(1, dtype=int)
    S = (vectors.matrix @ vectors.matrix.T).toarray()
    D = np.clip(1.0 - S, 0.0, 1.0)
    empty = np.asarray(vectors.matrix.getnnz(axis=1) == 0)
    D[empty, :] = 1.0
    D[:, empty] = 1.0
    np.fill_diagonal(D, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, distance_threshold=threshold, metric="precomputed", linkage=linkage
    ).fit_predict(D)
    # Renumber in order of first appearance, so labels do not depend on the algorithm's internals.
    first = {}
    for lab in labels:
        first.setdefault(int(lab), len(first))
    return np.array([first[int(lab)] for lab in labels])


def element_sentences(corpus: Corpus, *, include_subheads: bool = False) -> pd.DataFrame:
    """The sentences that story elements are built from: body sentences (and crossheads if asked).

    Crossheads ("General killed") are left out by default: an editor's two- or three-word
    signpost reports nothing itself, and where it stands does not mark where a fact is (AFP's
    "General killed" heads paragraphs about Crimea).
    """
    s = corpus.sentences()
    if not include_subheads:
        s = s[s["paragraph_kind"] == "body"]
    return s.reset_index(drop=True)


def element_threshold(
    corpus: Corpus, *, alpha: float = 0.01, n_shuffles: int = 20, random_state: int = 0, include_subheads: bool = False
) -> tuple[float, np.ndarray, np.ndarray]:
    """The null-model distance threshold for the corpus's sentences (:func:`null_distance_threshold`)."""
    s = element_sentences(corpus, include_subheads=include_subheads)
    vectors = sentence_vectors(s["text"].tolist())
    return null_distance_threshold(vectors, s["article_id"], alpha=alpha, n_shuffles=n_shuffles, random_state=random_state)


def story_elements(
    corpus: Corpus,
    *,
    threshold: float | None = None,
    alpha: float = 0.01,
    linkage: Literal["average", "complete", "single"] = "average",
    include_subheads: bool = False,
    n_terms: int = 4,
    random_state: int = 0,
) -> pd.DataFrame:
    """The sentences of all outlets grouped into the elements of the story.

    Each sentence is a TF-IDF vector of its stemmed content words (:func:`sentence_vectors`);
    sentences are clustered by average-linkage agglomerative clustering on cosine distance,
    merging while the mean distance between two groups stays under the threshold. The
    threshold is, by default, the permutation null model's (:func:`null_distance_threshold` at
    significance ``alpha``): sentences are joined only when their likeness is not chance. Each
    element is labelled by its ``n_terms`` words that score highest by class-based TF-IDF (the
    number of the element's sentences that use the word times its idf; Grootendorst 2022) and
    a representative sentence (the one most like the others of the element, its medoid).

    Elements are numbered 1, 2, ... by how many outlets cover them, then how many sentences
    they hold, then where they first appear in the corpus.

    Args:
        corpus: a loaded corpus (of one story: the method aligns sentences across articles).
        threshold: a cosine-distance threshold in (0, 1]; None takes the null model's.
        alpha: significance level of the null model.
        linkage: ``"average"`` (UPGMA, the default), ``"complete"`` or ``"single"``.
        include_subheads: also cluster crossheads (left out by default; they get no element).
        n_terms: words in each element's label.
        random_state: seed of the null model's shuffles.

    Returns:
        One row per sentence of the corpus: ``article_id``, ``outlet``, ``start``, ``end``,
        ``text``, ``element`` (nullable integer; empty for crossheads left out), ``sentence``,
        ``paragraph``, ``paragraph_kind``, ``element_label``, ``representative`` (True for the
        element's representative sentence), ``n_outlets`` (outlets with a sentence in the
        element), ``threshold`` (the distance threshold used).

    References:
        Salton & Buckley (1988); Sokal & Michener (1958) (average linkage); Barzilay & Elhadad
        (2003); Good (2005) (permutation tests); Grootendorst (2022), "BERTopic: neural topic
        modeling with a class-based TF-IDF procedure", arXiv:2203.05794 (the labels).
    """
    all_s = corpus.sentences().reset_index(drop=True)
    s = element_sentences(corpus, include_subheads=include_subheads)
    columns = [
        "article_id", "outlet", "start", "end", "text", "element", "sentence", "paragraph", "paragraph_kind",
        "element_label", "representative", "n_outlets", "threshold",
    ]
    if s.empty:
        return pd.DataFrame(columns=columns)
    vectors = sentence_vectors(s["text"].tolist())
    if threshold is None:
        threshold, _, _ = null_distance_threshold(vectors, s["article_id"], alpha=alpha, random_state=random_state)
    if not 0 < threshold <= 1:
        raise TopicError(f"threshold {threshold!r} is not a cosine distance in (0, 1]; give e.g. 0.7, or None for the null model's")
    raw = cluster_sentences(vectors, threshold=threshold, linkage=linkage)

    X = vectors.matrix
    S = (X @ X.T).toarray()
    outlets = s["outlet"].to_numpy(dtype=object)
    info = []
    for lab in np.unique(raw):
        idx = np.flatnonzero(raw == lab)
        info.append((lab, -len(set(outlets[idx])), -len(idx), int(idx[0])))
    order = {lab: n + 1 for n, (lab, *_rest) in enumerate(sorted(info, key=lambda r: r[1:]))}
    element = np.array([order[lab] for lab in raw])

    labels, rep = {}, np.zeros(len(s), dtype=bool)
    for e in np.unique(element):
        idx = np.flatnonzero(element == e)
        # Class-based TF-IDF: a word scores by how many of the element's sentences use it
        # times its idf, so the label names what the sentences share, not one sentence's words.
        sub = X[idx]
        in_sentences = np.asarray((sub > 0).sum(axis=0)).ravel()
        score = in_sentences * vectors.idf
        tiebreak = np.asarray(sub.sum(axis=0)).ravel()
        top = np.lexsort((vectors.stems, -tiebreak, -score))[:n_terms]
        labels[e] = " · ".join(vectors.surface[vectors.stems[i]] for i in top if in_sentences[i] > 0)
        mean_sim = S[np.ix_(idx, idx)].mean(axis=1)
        rep[idx[int(np.argmax(mean_sim))]] = True
    n_out = pd.Series(outlets).groupby(element).nunique()

    s = s.assign(
        element=element,
        element_label=[labels[e] for e in element],
        representative=rep,
        n_outlets=[int(n_out[e]) for e in element],
    )
    out = all_s.merge(
        s[["article_id", "sentence", "element", "element_label", "representative", "n_outlets"]],
        on=["article_id", "sentence"],
        how="left",
    )
    out["element"] = out["element"].astype("Int64")
    out["n_outlets"] = out["n_outlets"].astype("Int64")
    out["representative"] = out["representative"].astype("boolean").fillna(False).astype(bool)
    out["threshold"] = round(float(threshold), 4)
    return out[columns]


def threshold_sweep(
    corpus: Corpus, *, thresholds: Sequence[float] = tuple(np.round(np.arange(0.40, 1.0001, 0.025), 3)), linkage: Literal["average", "complete", "single"] = "average"
) -> pd.DataFrame:
    """How the elements change with the distance threshold.

    Returns:
        One row per threshold: ``threshold``, ``elements``, ``shared elements`` (covered by
        two outlets or more), ``largest element`` (sentences), ``same-article pairs`` (pairs of
        sentences of one article put in one element: high when the threshold is so loose that
        elements swallow whole articles).
    """
    s = element_sentences(corpus)
    vectors = sentence_vectors(s["text"].tolist())
    outlets = s["outlet"].to_numpy(dtype=object)
    arts = s["article_id"].to_numpy(dtype=object)
    rows = []
    for t in thresholds:
        lab = cluster_sentences(vectors, threshold=float(t), linkage=linkage)
        shared = sum(len(set(outlets[lab == e])) > 1 for e in np.unique(lab))
        sizes = np.bincount(lab)
        same = sum(int(c * (c - 1) / 2) for e in np.unique(lab) for c in Counter(arts[lab == e]).values())
        rows.append((float(t), int(lab.max() + 1), int(shared), int(sizes.max()), same))
    return pd.DataFrame(rows, columns=["threshold", "elements", "shared elements", "largest element", "same-article pairs"])


def threshold_figure(sweep: pd.DataFrame, threshold: float, null: np.ndarray, real: np.ndarray, *, alpha: float = 0.01):
    """Two panels: best-match similarities, real against chance; and the elements against the threshold."""
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    bins = np.linspace(0, 1, 41)
    a.hist(null, bins=bins, density=True, color="#999999", alpha=0.7, label="words shuffled at random (null model)")
    a.hist(real, bins=bins, density=True, histtype="step", linewidth=2, color="#0072B2", label="the real sentences")
    a.axvline(1 - threshold, color="#D55E00", linestyle="--", label=f"threshold: similarity {1 - threshold:.2f}")
    a.set_xlabel("Similarity of a sentence to its best match\nin another article (cosine)")
    a.set_ylabel("Density")
    a.set_title("Best matches: real sentences against random ones", loc="left", fontsize=10)
    a.legend(frameon=False, fontsize=8)
    b.plot(sweep["threshold"], sweep["elements"], marker=".", color="#444444", label="elements")
    b.plot(sweep["threshold"], sweep["shared elements"], marker=".", color="#0072B2", label="elements told by two outlets or more")
    b.axvline(threshold, color="#D55E00", linestyle="--", label=f"chosen: distance {threshold:.2f}")
    b.set_xlabel("Cosine-distance threshold\n(groups merge while their mean distance is below it)")
    b.set_ylabel("Number of elements")
    b.set_title("Elements against the threshold", loc="left", fontsize=10)
    b.legend(frameon=False, fontsize=8)
    for ax in (a, b):
        ax.spines[["top", "right"]].set_visible(False)
    share_real = float((real >= 1 - threshold).mean())
    fig.suptitle(
        f"Sentences are joined only when alike beyond chance: {share_real:.0%} of real best matches pass the "
        f"threshold, {alpha:.0%} of random ones",
        x=0.01, ha="left", fontweight="bold", fontsize=11,
    )
    fig.tight_layout()
    plt.close(fig)
    return fig


def threshold_finding(threshold: float, null: np.ndarray, real: np.ndarray, elements: pd.DataFrame, *, alpha: float = 0.01) -> str:
    """A paragraph on the threshold chosen and what it gives."""
    e = elements.dropna(subset=["element"])
    n_el = e["element"].nunique()
    shared = e.loc[e["n_outlets"] > 1, "element"].nunique()
    beat = float((real >= 1 - threshold).mean())
    where = "in another article" if elements["article_id"].nunique() > 1 else "among the article's other sentences (the corpus has one article)"
    return (
        f"Under the null model, where each sentence keeps its length but its words are drawn at random from all the "
        f"articles' words, a sentence's best match {where} reaches a cosine similarity of "
        f"{1 - threshold:.2f} only {alpha:.0%} of the time. That sets the threshold: cosine distance {threshold:.2f}. "
        f"Of the real sentences' best matches, {beat:.0%} are that close. With it, the "
        f"{len(e)} body sentences fall into {n_el} elements, {shared} of them told by two outlets or more."
    )
