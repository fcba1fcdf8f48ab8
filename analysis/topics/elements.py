"""Story elements: the sentences of all outlets grouped into the parts of one story, and the threshold that joins them.

:func:`story_elements` clusters the sentences of all outlets into the elements of one story (a
meeting, a strike, a quote): each sentence is a TF-IDF vector of its stemmed content words
(:func:`sentence_vectors`), and sentences are joined by average-linkage agglomerative clustering
under a cosine-distance threshold (:func:`cluster_sentences`). The threshold comes from a
permutation null model (:func:`null_distance_threshold`): two sentences are put in one element
only when they are more alike than sentences made of the same words shuffled at random ever
are, at a stated significance level. Nothing in the method knows the story: no list of facts,
names or events. :func:`threshold_sweep`, :func:`threshold_figure` and
:func:`threshold_finding` show what the threshold does; :mod:`analysis.topics.coverage` builds
the coverage matrix and the omission lists from the elements.

Every function is deterministic: fixed ``random_state`` everywhere, sorted output.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.topics import story_elements
    >>> elements = story_elements(load_corpus())
    >>> list(elements.columns[:6])
    ['article_id', 'outlet', 'start', 'end', 'text', 'element']

References:
    Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval".
    Sokal & Michener (1958), "A statistical method for evaluating systematic relationships"
    (average linkage, UPGMA). Good (2005), "Permutation, Parametric, and Bootstrap Tests of
    Hypotheses". Barzilay & Elhadad (2003), "Sentence alignment for monolingual comparable
    corpora", EMNLP. Grootendorst (2022), "BERTopic: neural topic modeling with a class-based
    TF-IDF procedure", arXiv:2203.05794 (the labels).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..errors import TopicError
from .words import content_words

__all__ = [
    "cluster_sentences",
    "element_sentences",
    "element_threshold",
    "Linkage",
    "null_distance_threshold",
    "sentence_vectors",
    "SentenceVectors",
    "story_elements",
    "threshold_figure",
    "threshold_finding",
    "threshold_sweep",
]

Linkage = Literal["average", "complete", "single"]

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

    Args:
        texts: the sentences.

    Returns:
        A :class:`SentenceVectors`; ``surface`` maps each stem to its most frequent written form.

    Raises:
        TopicError: when no text holds a content word.

    References:
        Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval".
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


def cluster_sentences(vectors: SentenceVectors, *, threshold: float, linkage: Linkage = "average") -> np.ndarray:
    """Agglomerative clustering of sentence vectors under a cosine-distance threshold.

    Clusters are merged while the linkage distance between them stays under ``threshold``:
    with average linkage, while the mean distance between their sentences does. A sentence
    with no content word stays alone.

    Args:
        vectors: from :func:`sentence_vectors`.
        threshold: the cosine-distance threshold.
        linkage: ``"average"`` (UPGMA), ``"complete"`` or ``"single"``.

    Returns:
        One cluster label per sentence (0-based, in the order clusters first appear).

    References:
        Sokal & Michener (1958) (average linkage, UPGMA).
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

    Args:
        corpus: a loaded corpus.
        include_subheads: keep the crossheads too.

    Returns:
        The rows of ``corpus.sentences()`` kept, renumbered from 0.
    """
    s = corpus.sentences()
    if not include_subheads:
        s = s[s["paragraph_kind"] == "body"]
    return s.reset_index(drop=True)


def element_threshold(
    corpus: Corpus, *, alpha: float = 0.01, n_shuffles: int = 20, random_state: int = 0, include_subheads: bool = False
) -> tuple[float, np.ndarray, np.ndarray]:
    """The null-model distance threshold for the corpus's sentences (:func:`null_distance_threshold`).

    Args:
        corpus: a loaded corpus.
        alpha: the significance level.
        n_shuffles: shuffles of the corpus's words.
        random_state: the seed of the shuffles.
        include_subheads: count the crossheads' sentences too (:func:`element_sentences`).

    Returns:
        ``(threshold, null_best, real_best)`` as :func:`null_distance_threshold` gives them.

    References:
        Good (2005); Barzilay & Elhadad (2003).
    """
    s = element_sentences(corpus, include_subheads=include_subheads)
    vectors = sentence_vectors(s["text"].tolist())
    return null_distance_threshold(vectors, s["article_id"], alpha=alpha, n_shuffles=n_shuffles, random_state=random_state)


def story_elements(
    corpus: Corpus,
    *,
    threshold: float | None = None,
    alpha: float = 0.01,
    linkage: Linkage = "average",
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
    corpus: Corpus, *, thresholds: Sequence[float] = tuple(np.round(np.arange(0.40, 1.0001, 0.025), 3)), linkage: Linkage = "average"
) -> pd.DataFrame:
    """How the elements change with the distance threshold.

    Args:
        corpus: a loaded corpus.
        thresholds: the cosine-distance thresholds to try.
        linkage: as in :func:`cluster_sentences`.

    Returns:
        One row per threshold: ``threshold``, ``elements``, ``shared elements`` (covered by
        two outlets or more), ``largest element`` (sentences), ``same-article pairs`` (pairs of
        sentences of one article put in one element: high when the threshold is so loose that
        elements swallow whole articles).

    References:
        Sokal & Michener (1958) (average linkage).
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


def threshold_figure(
    sweep: pd.DataFrame, threshold: float, null: np.ndarray, real: np.ndarray, *, alpha: float = 0.01
) -> Figure:
    """Two panels: best-match similarities, real against chance; and the elements against the threshold.

    Args:
        sweep: from :func:`threshold_sweep`.
        threshold: the threshold chosen (:func:`element_threshold`).
        null: the best-match similarities under the null model.
        real: the real sentences' best-match similarities.
        alpha: the significance level the threshold was set at.

    Returns:
        The figure.
    """
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
    """A paragraph on the threshold chosen and what it gives.

    Args:
        threshold: the threshold chosen (:func:`element_threshold`).
        null: the best-match similarities under the null model.
        real: the real sentences' best-match similarities.
        elements: from :func:`story_elements`.
        alpha: the significance level the threshold was set at.

    Returns:
        The paragraph (Markdown).
    """
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
