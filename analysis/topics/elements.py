"""Story elements: the facts of one story, found as clauses that outlets share, each sentence telling one or several.

A story element is a fact several sentences tell: a meeting, a number, a quote, a claim. A news
sentence often tells several (a lede carries the event, its time and what a spokesman said), so
:func:`story_elements` works on **clauses**, not sentences, and lets a sentence tell every element
one of its clauses tells or whose core words it holds:

1. **Clauses** (:func:`clause_spans`): each body sentence is cut at semicolons, dashes, colons
   before a quotation and commas before a joining word ("and", "after", "while", "which" ...);
   pieces with fewer than four content words stay with their neighbour.
2. **Terms** (:func:`unit_terms`): Snowball-stemmed content words (so "killed" meets "killing"),
   numbers written in one form ("7.7%", "7.7 percent" and "7.7 per cent" are one term; "three"
   is "3"), each weighted by sublinear TF-IDF over the corpus's clauses.
3. **Sparse neighbours** (:func:`element_graph`): the cosine similarity of two clauses is computed
   only for pairs that share a term, through an inverted index (a sparse product taken in blocks
   of rows); the terms in so many clauses that pairing through them would be quadratic
   (``max_df``) still count in the similarity but do not make pairs by themselves. Each clause
   keeps its ``max_neighbours`` closest. No clause x clause matrix is ever made.
4. **Average linkage on the sparse graph** (:func:`cluster_graph`): groups merge while the mean
   similarity between their clauses stays at or above the threshold; a pair with no edge counts
   as similarity 0, so this is average linkage (UPGMA) with the missing similarities taken as 0.
5. **Sentences that hold an element's core** (:func:`story_elements`): an element told by two
   outlets or more has core terms (those in at least half of its clauses); a sentence whose terms
   carry at least ``join`` of the core's weight tells the element too, whichever clause it came
   from. This is how a lede joins the elements of its several facts.

Each element is labelled by its **representative clause** (the one most like the others of the
element), shortened to a phrase: a reader sees a sentence of the story, not a word list.

Nothing in the method knows the story: no list of facts, names or events. The threshold and the
join share were set on the development part of the gold set (``gold/elements/``; ``python -m
analysis.evaluate elements``) and the held-out corpus was scored once, after.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.topics import story_elements
    >>> elements = story_elements(load_corpus())
    >>> list(elements.columns[:6])
    ['article_id', 'outlet', 'start', 'end', 'text', 'element']

References:
    Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval".
    Sokal & Michener (1958), "A statistical method for evaluating systematic relationships"
    (average linkage, UPGMA). Barzilay & Elhadad (2003), "Sentence alignment for monolingual
    comparable corpora", EMNLP. Chaudhuri, Ganti & Kaushik (2006), "A primitive operator for
    similarity joins in data cleaning", ICDE (prefix filtering). Bayardo, Ma & Srikant (2007),
    "Scaling up all pairs similarity search", WWW (inverted-index all-pairs similarity).
    Beil, Ester & Xu (2002), "Frequent term-based text clustering", KDD (clusters described by
    the terms their documents share).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..errors import TopicError
from .words import content_word_count, content_words

__all__ = [
    "CANDIDATE",
    "clause_spans",
    "cluster_graph",
    "ElementGraph",
    "element_graph",
    "element_sentences",
    "LOOSE",
    "story_elements",
    "threshold_figure",
    "threshold_finding",
    "threshold_sweep",
    "unit_terms",
]

CANDIDATE = 0.03
"""Clause similarity from which two sentences are compared at all (the sparse graph's lowest edge)."""
LOOSE = 0.12
"""Cosine similarity at which another outlet's clause is *near* an element: close enough that
saying the outlet leaves the element out, or that only one outlet tells it, would be a guess."""

_JOINERS = (
    "and", "but", "while", "whereas", "as", "after", "before", "amid", "including", "which", "who", "where",
    "when", "following", "despite", "although", "though", "adding", "saying", "with", "according",
)
_CUT = re.compile(
    r";\s+|\s+[—–]\s+|\s+--\s+|:\s+(?=[“\"‘'A-Z])"
    r"|,\s+(?=(?:" + "|".join(_JOINERS) + r")\b)"
    r"|\s+(?=(?:after|before|amid|following|despite|while|because)\s)"
)
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(%|percent\b|per\s+cent\b))?")
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def clause_spans(text: str, *, min_words: int = 4) -> list[tuple[int, int]]:
    """The clauses of a sentence as character spans: cut at ``;``, dashes, a colon before a quote or a
    capital, and a comma or space before a joining word; a piece with fewer than ``min_words``
    content words is joined to the piece before it (or after it, at the start).

    Example:
        >>> t = "The bridge collapsed on Monday, killing four workers, after engineers had warned of rust in March."
        >>> [t[a:b] for a, b in clause_spans(t)]
        ['The bridge collapsed on Monday, killing four workers,', 'after engineers had warned of rust in March.']
    """
    cuts = sorted({0, len(text), *(m.end() for m in _CUT.finditer(text))})
    pieces: list[list[int]] = []
    for a, b in zip(cuts, cuts[1:]):
        n = content_word_count(text[a:b])
        if pieces and (n < min_words or pieces[-1][2] < min_words):
            pieces[-1][1], pieces[-1][2] = b, pieces[-1][2] + n
        else:
            pieces.append([a, b, n])
    out = []
    for a, b, _ in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out or [(0, len(text))]


def unit_terms(text: str) -> list[str]:
    """The terms a clause is compared by: stemmed content words (:func:`analysis.topics.words.content_words`)
    and numbers in one written form (``#7.7%`` for "7.7%", "7.7 percent" and "7.7 per cent";
    ``#146000`` for "146,000"; ``#3`` for "three").

    Example:
        >>> unit_terms("Unemployment fell to 7.7 percent as 146,000 jobs were added in three weeks")
        ['unemploy', 'fell', 'percent', 'job', 'week', '#7.7%', '#146000', '#3']
    """
    terms = [s for s, _ in content_words(text)]
    for m in _NUMBER.finditer(text):
        terms.append("#" + m.group(1).replace(",", "") + (m.group(2) or "") + ("%" if m.group(3) else ""))
    terms += [f"#{_NUMBER_WORDS[m.group(1).lower()]}" for m in _NUMBER_WORD.finditer(text)]
    return terms


def element_sentences(corpus: Corpus, *, include_subheads: bool = False) -> pd.DataFrame:
    """The sentences story elements are built from: body sentences (and crossheads if asked).

    Crossheads ("General killed") are left out by default: an editor's two- or three-word
    signpost reports nothing itself.

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


@dataclass
class ElementGraph:
    """Clauses, their term vectors and their sparse neighbours (see :func:`element_graph`).

    Attributes:
        sentences: the sentences the clauses come from (:func:`element_sentences`).
        units: one row per clause: ``sentence_row`` (row of ``sentences``), ``article_id``,
            ``outlet``, ``start``, ``end`` (offsets into the article's clean text), ``text``.
        matrix: the clauses' TF-IDF vectors (scipy CSR, rows L2-normalised).
        terms: the term of each column.
        idf: the idf of each column.
        edges: one row per neighbour pair ``i < j`` of clauses of different sentences:
            ``i``, ``j``, ``similarity`` (cosine).
        sentence_matrix: the sentences' TF-IDF vectors (scipy CSR, rows L2-normalised).
        sentence_terms: the term of each of its columns.
        sentence_idf: the idf of each of its columns (over the sentences).
    """

    sentences: pd.DataFrame
    units: pd.DataFrame
    matrix: object
    terms: np.ndarray
    idf: np.ndarray
    edges: pd.DataFrame = field(repr=False)
    sentence_matrix: object = field(default=None, repr=False)
    sentence_terms: np.ndarray = field(default=None, repr=False)
    sentence_idf: np.ndarray = field(default=None, repr=False)


def _vectors(token_lists: list[list[str]]):
    from scipy import sparse
    from sklearn.preprocessing import normalize

    vocab: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for r, toks in enumerate(token_lists):
        for t, c in sorted(Counter(toks).items()):
            rows.append(r)
            cols.append(vocab.setdefault(t, len(vocab)))
            counts.append(c)
    n = len(token_lists)
    M = sparse.csr_matrix((np.asarray(counts, dtype=float), (rows, cols)), shape=(n, len(vocab)))
    df = np.bincount(np.asarray(cols, dtype=int), minlength=len(vocab)) if cols else np.zeros(0)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    M.data = 1.0 + np.log(M.data)
    X = normalize(M.multiply(idf).tocsr())
    terms = np.empty(len(vocab), dtype=object)
    for t, i in vocab.items():
        terms[i] = t
    return X.tocsr(), terms, idf, df


def _neighbours(X, df: np.ndarray, sentence_of: np.ndarray, *, min_similarity: float, max_neighbours: int,
                max_df: int, block: int = 2048) -> pd.DataFrame:
    """Pairs of clauses (of different sentences) at or above ``min_similarity``, each clause's best
    ``max_neighbours`` kept; candidates come from terms in at most ``max_df`` clauses."""
    from scipy import sparse

    n = X.shape[0]
    keep = np.flatnonzero(df <= max_df)
    common = np.flatnonzero(df > max_df)
    Xr = X[:, keep].tocsr()
    XrT = Xr.T.tocsr()
    Xc = X[:, common].tocsr() if len(common) else None
    I, J, V = [], [], []
    for b0 in range(0, n, block):
        b1 = min(n, b0 + block)
        cand = (Xr[b0:b1] @ XrT).tocoo()
        ri, cj, sim = cand.row + b0, cand.col, cand.data
        ok = (cj != ri) & (sentence_of[cj] != sentence_of[ri])
        ri, cj, sim = ri[ok], cj[ok], sim[ok]
        if Xc is not None and len(ri):
            # The common terms add to the similarity of the pairs the rarer terms found.
            sim = sim + np.asarray(Xc[ri].multiply(Xc[cj]).sum(axis=1)).ravel()
        ok = sim >= min_similarity
        ri, cj, sim = ri[ok], cj[ok], sim[ok]
        if len(ri):
            order = np.lexsort((cj, -sim, ri))
            ri, cj, sim = ri[order], cj[order], sim[order]
            first = np.r_[0, np.flatnonzero(np.diff(ri)) + 1]
            rank = np.arange(len(ri)) - np.repeat(first, np.diff(np.r_[first, len(ri)]))
            top = rank < max_neighbours
            I.append(ri[top]); J.append(cj[top]); V.append(sim[top])
    if not I:
        return pd.DataFrame({"i": np.zeros(0, int), "j": np.zeros(0, int), "similarity": np.zeros(0)})
    i, j, v = np.concatenate(I), np.concatenate(J), np.concatenate(V)
    a, b = np.minimum(i, j), np.maximum(i, j)
    e = pd.DataFrame({"i": a, "j": b, "similarity": np.round(v, 6)}).drop_duplicates(["i", "j"])
    del sparse
    return e.sort_values(["i", "j"]).reset_index(drop=True)


def element_graph(
    corpus: Corpus, *, min_similarity: float = LOOSE, max_neighbours: int = 30, max_df: int | None = None,
    include_subheads: bool = False,
) -> ElementGraph:
    """The clauses of a corpus, their term vectors, and each clause's nearest clauses in other sentences.

    Args:
        corpus: a loaded corpus.
        min_similarity: the lowest cosine similarity an edge keeps.
        max_neighbours: the most neighbours each clause keeps (its closest).
        max_df: terms in more clauses than this make no candidate pairs by themselves (they
            still add to the similarity of the pairs found); None: 200, which keeps corpora
            of a few hundred clauses exact and makes the pairs grow with the clauses, not
            with their square.
        include_subheads: cut the crossheads into clauses too.

    Returns:
        An :class:`ElementGraph`.

    Raises:
        TopicError: when no clause holds a term to compare.

    References:
        Bayardo, Ma & Srikant (2007), "Scaling up all pairs similarity search", WWW.
    """
    s = element_sentences(corpus, include_subheads=include_subheads)
    rows = []
    for k, r in enumerate(s.itertuples(index=False)):
        for a, b in clause_spans(r.text):
            rows.append((k, r.article_id, r.outlet, int(r.start) + a, int(r.start) + b, r.text[a:b]))
    units = pd.DataFrame(rows, columns=["sentence_row", "article_id", "outlet", "start", "end", "text"])
    tokens = [unit_terms(t) for t in units["text"]]
    if not any(tokens):
        raise TopicError("the sentences hold no content words or numbers to compare")
    X, terms, idf, df = _vectors(tokens)
    n = X.shape[0]
    cap = max_df if max_df is not None else 200
    edges = _neighbours(X, df, units["sentence_row"].to_numpy(), min_similarity=min_similarity,
                        max_neighbours=max_neighbours, max_df=cap)
    SX, sterms, sidf, _ = _vectors([unit_terms(t) for t in s["text"]])
    return ElementGraph(sentences=s, units=units, matrix=X, terms=terms, idf=idf, edges=edges,
                        sentence_matrix=SX, sentence_terms=sterms, sentence_idf=sidf)


def cluster_graph(n: int, edges: pd.DataFrame, *, threshold: float) -> np.ndarray:
    """Average-linkage clustering of ``n`` items on a sparse similarity graph.

    Two groups merge, best pair first, while the mean similarity over all pairs of their items
    (pairs without an edge counting 0) is at or above ``threshold``. Deterministic: ties are
    broken by the groups' numbers.

    Args:
        n: the number of items.
        edges: ``i``, ``j``, ``similarity``.
        threshold: the mean similarity a merge needs.

    Returns:
        One label per item (0-based, in the order groups first appear).

    References:
        Sokal & Michener (1958) (average linkage, UPGMA).
    """
    size = [1] * n
    nb: list[dict[int, float]] = [dict() for _ in range(n)]
    for i, j, v in zip(edges["i"].to_numpy(), edges["j"].to_numpy(), edges["similarity"].to_numpy()):
        i, j = int(i), int(j)
        nb[i][j] = nb[i].get(j, 0.0) + float(v)
        nb[j][i] = nb[j].get(i, 0.0) + float(v)
    heap = [(-v, i, j) for i in range(n) for j, v in nb[i].items() if i < j and v >= threshold]
    heapq.heapify(heap)
    parent = list(range(n))
    alive = [True] * n
    while heap:
        neg, i, j = heapq.heappop(heap)
        if not (alive[i] and alive[j]):
            continue
        cur = nb[i].get(j, 0.0) / (size[i] * size[j])
        if abs(cur + neg) > 1e-12 or cur < threshold:
            continue
        if len(nb[i]) < len(nb[j]):
            i, j = j, i  # fold the smaller neighbourhood into the larger
        alive[j] = False
        parent[j] = i
        del nb[i][j]
        for k, v in nb[j].items():
            if k == i:
                continue
            nb[i][k] = nb[i].get(k, 0.0) + v
            nb[k][i] = nb[k].pop(j) + nb[k].get(i, 0.0)
        nb[j] = {}
        size[i] += size[j]
        for k, v in nb[i].items():
            avg = v / (size[i] * size[k])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(i, k), max(i, k)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[int, int] = {}
    return np.array([first.setdefault(root(x), len(first)) for x in range(n)], dtype=int)


def _pair_model(model):
    from .pairs import PairModel, load_pair_model

    return model if isinstance(model, PairModel) else load_pair_model(*([] if model is None else [model]))


def story_elements(
    corpus: Corpus,
    *,
    threshold: float | None = None,
    join: float | None = None,
    loose: float = LOOSE,
    include_subheads: bool = False,
    max_neighbours: int = 30,
    label_width: int = 90,
    graph: ElementGraph | None = None,
    model: "PairModel | str | None" = None,
) -> pd.DataFrame:
    """The facts of the story as elements, and the sentences that tell each one (one row per sentence and element).

    The pairs of sentences worth comparing (:func:`analysis.topics.pairs.sentence_pairs`) get a
    same-fact probability from the model (:class:`analysis.topics.pairs.PairModel`); sentences
    are joined into elements by average linkage on those probabilities (:func:`cluster_graph`,
    pairs not compared counting 0), and a sentence also tells every other element whose
    sentences it is, on average, likely to share a fact with (``join``). See the module for the steps.

    Elements are numbered 1, 2, ... by how many outlets tell them, then how many sentences, then
    where they first appear in the corpus.

    Args:
        corpus: a loaded corpus (of one story: the method aligns sentences across articles).
        threshold: the mean same-fact probability at which groups of sentences merge, in (0, 1];
            None: the model's (0.3 as shipped).
        join: the mean same-fact probability a sentence needs with another element's sentences
            to tell that element too, in (0, 1]; None: the model's. Give 1.0 or more to let a
            sentence tell only its own element.
        loose: the clause similarity at which another outlet's clause counts as *near* an
            element (``near_outlets``).
        include_subheads: also use the crossheads (left out by default; they get no element).
        max_neighbours: neighbours kept per clause.
        label_width: the longest label, in characters.
        graph: an :func:`element_graph` of the corpus already made (to try several thresholds).
        model: the same-fact model, or the path of its JSON file; None: the one shipped.

    Returns:
        One row per sentence and element it tells (a sentence may have several rows; a
        sentence with no element, such as a crosshead, has one row with an empty ``element``):
        ``article_id``, ``outlet``, ``start``, ``end``, ``text`` (the sentence), ``element``
        (nullable integer), ``sentence``, ``paragraph``, ``paragraph_kind``, ``element_label``
        (the element's representative clause, shortened), ``representative`` (True on the row
        of the sentence that holds it), ``n_outlets`` (outlets that tell the element),
        ``near_outlets`` (outlets that do not tell it but have a clause at similarity ``loose``
        or more to a clause of one of the sentences it was built from, or a sentence that holds
        the names and numbers most of those hold; comma-separated in corpus order), ``clause_start``,
        ``clause_end`` (offsets of the sentence's clause most like the element's other
        sentences; the whole sentence when none is), ``via`` ("linkage": the sentence is one the
        element was built from; "join": it tells the element too), ``threshold``,
        ``cohesion`` (the mean same-fact probability over the pairs of the element's sentences
        of two outlets or more; empty for an element of one outlet).

    Raises:
        TopicError: on a threshold or join outside (0, 1] (join may be 1 or more).

    References:
        Sokal & Michener (1958); Barzilay & Elhadad (2003); Bayardo, Ma & Srikant (2007);
        Hatzivassiloglou, Klavans & Eskin (1999).
    """
    from .pairs import sentence_pairs

    columns = [
        "article_id", "outlet", "start", "end", "text", "element", "sentence", "paragraph", "paragraph_kind",
        "element_label", "representative", "n_outlets", "near_outlets", "clause_start", "clause_end", "via", "threshold",
        "cohesion",
    ]
    pm = _pair_model(model)
    threshold = pm.threshold if threshold is None else threshold
    join = pm.join if join is None else join
    if not 0 < threshold <= 1:
        raise TopicError(f"threshold {threshold!r} is not a same-fact probability in (0, 1]; give e.g. {pm.threshold}")
    if not join > 0:
        raise TopicError(f"join {join!r} is not a same-fact probability in (0, 1]; give e.g. {pm.join}, or 1.0 for no joins")
    all_s = corpus.sentences().reset_index(drop=True)
    if element_sentences(corpus, include_subheads=include_subheads).empty:
        return pd.DataFrame(columns=columns)
    g = graph if graph is not None else element_graph(corpus, min_similarity=CANDIDATE, max_neighbours=max_neighbours,
                                                      include_subheads=include_subheads)
    units, s = g.units, g.sentences
    n = len(s)
    pairs = sentence_pairs(g)
    prob = pm.probability(pairs)
    pa, pb = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    raw = cluster_graph(n, pd.DataFrame({"i": pa, "j": pb, "similarity": prob}), threshold=threshold)

    # Who tells what: the sentences an element was built from, then those close to its sentences on average.
    size = np.bincount(raw, minlength=int(raw.max()) + 1 if n else 0)
    both = pd.DataFrame({"row": np.r_[pa, pb], "lab": np.r_[raw[pb], raw[pa]], "p": np.r_[prob, prob]})
    both = both[(both["lab"].to_numpy() != raw[both["row"].to_numpy()]) & (size[both["lab"].to_numpy()] >= 2)]
    mean_p = both.groupby(["row", "lab"], sort=True)["p"].sum()
    mean_p = mean_p / size[mean_p.index.get_level_values("lab")]
    joined = mean_p[mean_p >= join - 1e-12].index
    told = pd.DataFrame({"row": np.r_[np.arange(n), joined.get_level_values("row")],
                         "lab": np.r_[raw, joined.get_level_values("lab")],
                         "via": ["linkage"] * n + ["join"] * len(joined)})
    outlet_of_row = s["outlet"].to_numpy(dtype=object)
    told["outlet"] = outlet_of_row[told["row"].to_numpy()]
    by_label = told.groupby("lab")["outlet"].agg(lambda x: set(x))
    n_rows = told.groupby("lab").size()
    first_row = told.groupby("lab")["row"].min()
    info = sorted(by_label.index, key=lambda lab: (-len(by_label[lab]), -int(n_rows[lab]), int(first_row[lab]), lab))
    number = {int(lab): k + 1 for k, lab in enumerate(info)}

    # Cohesion: mean probability over the pairs of an element's own sentences from different outlets.
    inner = raw[pa] == raw[pb]
    cross = inner & (outlet_of_row[pa] != outlet_of_row[pb])
    per_out = pd.crosstab(raw, outlet_of_row) if n else pd.DataFrame()
    n_cross = ((per_out.sum(axis=1) ** 2 - (per_out ** 2).sum(axis=1)) / 2) if n else pd.Series(dtype=float)
    cross_sum = pd.Series(prob[cross]).groupby(raw[pa[cross]]).sum()
    cohesion = {int(lab): float(cross_sum.get(lab, 0.0) / c) for lab, c in n_cross.items() if c > 0}

    # Representative sentence: the one of the element's own with the most probability to the others.
    strength = np.zeros(n)
    np.add.at(strength, pa[inner], prob[inner])
    np.add.at(strength, pb[inner], prob[inner])
    rep_row = (pd.DataFrame({"lab": raw, "strength": -strength, "row": np.arange(n)})
               .sort_values(["lab", "strength", "row"]).drop_duplicates("lab").set_index("lab")["row"])

    # The clause of each telling sentence most like the element's other sentences' clauses.
    u_row = units["sentence_row"].to_numpy()
    ei, ej, ev = g.edges["i"].to_numpy(), g.edges["j"].to_numpy(), g.edges["similarity"].to_numpy()
    cl = pd.DataFrame({"unit": np.r_[ei, ej], "row": np.r_[u_row[ei], u_row[ej]], "lab": np.r_[raw[u_row[ej]], raw[u_row[ei]]],
                       "sim": np.r_[ev, ev]})
    best = (cl.groupby(["row", "lab", "unit"], sort=True)["sim"].sum().reset_index()
            .sort_values(["row", "lab", "sim", "unit"], ascending=[True, True, False, True]).drop_duplicates(["row", "lab"]))
    told = told.merge(best[["row", "lab", "unit"]], on=["row", "lab"], how="left")
    u_start, u_end = units["start"].to_numpy(), units["end"].to_numpy()
    unit = told["unit"].to_numpy()
    has = ~np.isnan(unit.astype(float))
    s_start, s_end = s["start"].to_numpy(), s["end"].to_numpy()
    rows = told["row"].to_numpy()
    told["clause_start"] = np.where(has, u_start[np.where(has, unit, 0).astype(int)], s_start[rows])
    told["clause_end"] = np.where(has, u_end[np.where(has, unit, 0).astype(int)], s_end[rows])

    # Near outlets: outlets without the element that have a clause loosely like a clause of one of the
    # sentences it was built from (any clause: a lede's other facts make the claim a guess too).
    order = {o: k for k, o in enumerate(corpus.outlets)}
    uo = units["outlet"].to_numpy(dtype=object)
    lo = ev >= loose
    near_pairs = pd.DataFrame({"lab": np.r_[raw[u_row[ei[lo]]], raw[u_row[ej[lo]]]],
                               "outlet": np.r_[uo[ej[lo]], uo[ei[lo]]]}).drop_duplicates()
    near = near_pairs.groupby("lab")["outlet"].agg(set).to_dict() if len(near_pairs) else {}
    for lab, outs in _anchor_near(g, raw).items():
        near.setdefault(lab, set()).update(outs)

    u_text = units["text"].to_numpy(dtype=object)
    labels = {}
    for lab, r in rep_row.items():
        lab = int(lab)
        if lab not in number:
            continue
        hit = told[(told["row"] == r) & (told["lab"] == lab)]
        un = hit["unit"].iloc[0] if len(hit) else np.nan
        text = u_text[int(un)] if not np.isnan(float(un)) else s["text"].iloc[int(r)]
        labels[number[lab]] = _phrase(text, label_width)
    t = told.assign(element=told["lab"].map(number))
    t["element_label"] = t["element"].map(labels)
    t["representative"] = t["row"].to_numpy() == rep_row.reindex(t["lab"]).to_numpy()
    t["n_outlets"] = t["lab"].map(lambda lab: len(by_label[lab]))
    t["near_outlets"] = t["lab"].map(lambda lab: ", ".join(
        sorted(near.get(lab, set()) - by_label[lab], key=lambda o: order.get(o, len(order)))))
    t["cohesion"] = t["lab"].map(cohesion)
    base = s.assign(row=np.arange(n))[["row", "article_id", "sentence"]]
    t = t.drop(columns=["lab", "unit", "outlet"]).merge(base, on="row").drop(columns="row")
    res = all_s.merge(t, on=["article_id", "sentence"], how="left")
    for col in ("element", "n_outlets", "clause_start", "clause_end"):
        res[col] = res[col].astype("Int64")
    res["representative"] = res["representative"].astype("boolean").fillna(False).astype(bool)
    res["near_outlets"] = res["near_outlets"].fillna("")
    res["via"] = res["via"].fillna("")
    res["cohesion"] = res["cohesion"].astype(float).round(4)
    res["threshold"] = float(threshold)
    art = {a: k for k, a in enumerate(corpus.articles.index)}
    res = res.assign(_a=res["article_id"].map(art), _v=(res["via"] != "linkage").astype(int)).sort_values(
        ["_a", "sentence", "_v", "element"], kind="stable").drop(columns=["_a", "_v"])
    return res[columns].reset_index(drop=True)


def _anchor_near(graph: ElementGraph, labels: np.ndarray, *, max_df: int = 200) -> dict[int, set]:
    """Outlets with a sentence that holds every *anchor* of an element: label -> outlets.

    An element's anchors are the names (capitalised words not first in their sentence) and numbers
    in at least half of its sentences; an outlet with a sentence holding them all (a name may be
    its first word there) may tell the fact in words of its own, so it is not said to leave the
    element out. Anchors in more than
    ``max_df`` sentences are not used (so the product stays linear in the corpus).
    """
    from scipy import sparse

    from .pairs import _names

    s = graph.sentences
    n = len(s)
    numbers = [{w for w in unit_terms(x) if w.startswith("#")} for x in s["text"]]
    vocab: dict[str, int] = {}

    def indicator(sets):
        rows, cols = [], []
        for r, terms in enumerate(sets):
            for w in sorted(terms):
                rows.append(r)
                cols.append(vocab.setdefault(w, len(vocab)))
        return rows, cols

    # The element's anchors leave out a sentence's first word; a sentence checked for them keeps it.
    strict = indicator([_names(x) | ns for x, ns in zip(s["text"], numbers)])
    loose = indicator([_names(x, first=True) | ns for x, ns in zip(s["text"], numbers)])
    if not strict[0]:
        return {}
    shape = (n, len(vocab))
    A = sparse.csr_matrix((np.ones(len(strict[0])), strict), shape=shape)
    B = sparse.csr_matrix((np.ones(len(loose[0])), loose), shape=shape)
    keep = np.flatnonzero(np.asarray(B.sum(axis=0)).ravel() <= max_df)
    A, B = A[:, keep].tocsr(), B[:, keep].tocsr()
    size = np.bincount(labels, minlength=int(labels.max()) + 1)
    L = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(len(size), n))
    counts = (L @ A).tocoo()  # label x anchor: in how many of the label's sentences
    ok = counts.data * 2 >= size[counts.row]
    K = sparse.csr_matrix((np.ones(int(ok.sum())), (counts.col[ok], counts.row[ok])), shape=(A.shape[1], len(size)))
    need = np.asarray(K.sum(axis=0)).ravel()
    hits = (B @ K).tocoo()
    full = (need[hits.col] > 0) & (hits.data >= need[hits.col])
    outlets = s["outlet"].to_numpy(dtype=object)
    out: dict[int, set] = {}
    for r, lab in zip(hits.row[full].tolist(), hits.col[full].tolist()):
        out.setdefault(int(lab), set()).add(outlets[r])
    return out


def _phrase(text: str, width: int) -> str:
    """A clause as a label: whitespace folded, a trailing comma or joining word dropped, cut at a word."""
    t = " ".join(str(text).split()).rstrip(",;:—– ")
    if len(t) <= width:
        return t
    cut = t[: width - 1].rsplit(" ", 1)[0].rstrip(",;:—–.… ")
    return cut + "…"


def threshold_sweep(
    corpus: Corpus, *, thresholds: Sequence[float] = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), graph: ElementGraph | None = None
) -> pd.DataFrame:
    """How the elements change with the threshold (the mean same-fact probability groups need to merge), from one graph.

    Args:
        corpus: a loaded corpus.
        thresholds: mean probabilities to try.
        graph: :func:`element_graph` of the corpus (made when not given).

    Returns:
        One row per threshold: ``threshold``, ``elements``, ``shared elements`` (told by two
        outlets or more), ``told by most`` (by more than half of the outlets), ``largest element``
        (sentences).
    """
    g = graph if graph is not None else element_graph(corpus, min_similarity=CANDIDATE)
    n_out = len(corpus.outlets)
    rows = []
    for t in thresholds:
        e = story_elements(corpus, threshold=float(t), graph=g).dropna(subset=["element"])
        per = e.groupby("element")["outlet"].nunique()
        size = e.groupby("element")["sentence"].size()
        rows.append((float(t), int(len(per)), int((per > 1).sum()), int((per > n_out / 2).sum()), int(size.max()) if len(size) else 0))
    return pd.DataFrame(rows, columns=["threshold", "elements", "shared elements", "told by most", "largest element"])


def threshold_figure(sweep: pd.DataFrame, threshold: float | None = None) -> Figure:
    """Elements against the threshold: all, shared by two outlets or more, told by most outlets.

    Args:
        sweep: from :func:`threshold_sweep`.
        threshold: the threshold used; None: the shipped model's.

    Returns:
        The figure.
    """
    import matplotlib.pyplot as plt

    if threshold is None:
        threshold = _pair_model(None).threshold
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    ax.plot(sweep["threshold"], sweep["elements"], marker=".", color="#444444", label="elements")
    ax.plot(sweep["threshold"], sweep["shared elements"], marker=".", color="#0072B2", label="told by two outlets or more")
    ax.plot(sweep["threshold"], sweep["told by most"], marker=".", color="#009E73", label="told by most outlets")
    ax.axvline(threshold, color="#D55E00", linestyle="--", label=f"used: {threshold:.2f}")
    ax.set_xlabel("Threshold: mean same-fact probability two groups of sentences need to merge")
    ax.set_ylabel("Number of elements")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8)
    row = sweep.iloc[(sweep["threshold"] - threshold).abs().argsort()[:1]].iloc[0]
    ax.set_title(f"At {threshold:.2f}: {int(row['elements'])} elements, {int(row['shared elements'])} told by two outlets or more",
                 loc="left", fontsize=10)
    fig.tight_layout()
    plt.close(fig)
    return fig


def threshold_finding(elements: pd.DataFrame, outlets: Sequence[str]) -> str:
    """A paragraph on the elements found: how many, how many shared, how many sentences tell several.

    Args:
        elements: from :func:`story_elements`.
        outlets: the corpus's outlets.

    Returns:
        The paragraph (Markdown).
    """
    from ..safe import md_text

    e = elements.dropna(subset=["element"])
    if e.empty:
        return "No sentence of the corpus holds a content word to compare: there are no story elements."
    per = e.groupby("element")["outlet"].nunique()
    n_sent = e.drop_duplicates(["article_id", "sentence"]).shape[0]
    several = int((e.groupby(["article_id", "sentence"])["element"].nunique() > 1).sum())
    n_out = len(outlets)
    most = int((per > n_out / 2).sum()) if n_out > 1 else 0
    text = (f"The {n_sent} body sentences tell {len(per)} story elements; {several} sentences tell more than one. "
            f"{int((per > 1).sum())} elements are told by two outlets or more")
    if n_out > 2:
        text += f", {most} by most of the {n_out} outlets (more than half)"
        top = per.idxmax()
        label = e.loc[e["element"] == top, "element_label"].iloc[0]
        shown = md_text(label) if label[:1] in "“\"‘'" else f"“{md_text(label)}”"
        text += f". The most widely told, by {int(per.max())} of the {n_out}: {shown}"
    return text + "."
