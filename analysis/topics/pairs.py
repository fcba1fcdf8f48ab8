"""Same fact or not: features of pairs of sentences, and the model that turns them into a probability.

Two sentences of a story tell the same fact when they share its rare words, names and numbers,
when they stand beside each other in one article (a quote carried over two sentences), when
their neighbours are alike too, and when they come early (the main facts are told first).
:func:`sentence_pairs` measures this for the pairs of sentences worth comparing only: those with
a clause pair on the sparse neighbour graph of :func:`analysis.topics.elements.element_graph`
and the neighbouring sentences of one article; never all pairs, so the cost grows with the
corpus, not its square. :class:`PairModel` is a logistic regression on those features, fitted
on the development part of the story-elements gold (``gold/elements/``, pairs of sentences that
tell one fact, marked by reading) and stored as plain numbers in
``analysis/data/element_pair_model.json`` (``python -m analysis.evaluate elements --train``
refits it and reports its cross-validation by corpus).

Every feature is computed from the corpus's own text: no word, name or fact of any story is in
the model, only how much two sentences share and where they stand.

Features (one row per pair of sentences ``a < b``):

- ``clause_similarity``: the highest cosine similarity of a clause of one to a clause of the other;
- ``sentence_similarity``: the cosine similarity of the two sentences' TF-IDF vectors;
- ``shared_weight``: the summed weight (idf over the sentences, divided by the highest idf the
  corpus allows, so 1 for a word in one sentence only) of the terms both hold; ``rarest_shared``:
  the weight of the rarest of them;
- ``shared_names``: the same sum over capitalised words that are not the first of their sentence;
- ``shared_quoted``: the same sum over the words both hold inside quotation marks;
- ``shared_numbers``: how many numbers both hold; ``number_conflict``: 1 when both hold numbers
  but none in common;
- ``same_article``, ``adjacent`` (neighbouring sentences of one article);
- ``earlier_position``, ``later_position``: where the two sentences stand in their articles (0
  = the first sentence, towards 1 = the last);
- ``context_similarity``: the higher sentence similarity of the two pairs of neighbours
  (before-before, after-after);
- ``fewer_terms``, ``more_terms``: the sentences' numbers of distinct terms.

References:
    Barzilay & Elhadad (2003), "Sentence alignment for monolingual comparable corpora", EMNLP
    (similarity of the context of two sentences). Hatzivassiloglou, Klavans & Eskin (1999),
    "Detecting text similarity over short passages: exploring linguistic feature combinations
    via machine learning", EMNLP (learnt same-fact decisions from shared nouns, names and
    numbers). Cox (1958), "The regression analysis of binary sequences", JRSS B (logistic regression).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import TopicError
from ..paths import DATA_DIR
from .words import content_words

__all__ = [
    "FEATURES",
    "load_pair_model",
    "PAIR_MODEL_FILE",
    "PairModel",
    "sentence_pairs",
]

PAIR_MODEL_FILE = DATA_DIR / "element_pair_model.json"

FEATURES: tuple[str, ...] = (
    "clause_similarity", "sentence_similarity", "shared_weight", "rarest_shared", "shared_names", "shared_quoted",
    "shared_numbers", "number_conflict", "same_article", "adjacent", "earlier_position", "later_position",
    "context_similarity", "fewer_terms", "more_terms",
)
"""The features of a pair of sentences, in the order of the model's coefficients."""

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")


def _names(text: str, *, first: bool = False) -> set[str]:
    """Stems of capitalised words that are not the first word of the sentence or of a quotation
    (with ``first``, those too: any capitalised content word)."""
    out: set[str] = set()
    for k, m in enumerate(_WORD.finditer(text)):
        w = m.group(0)
        if not w[0].isupper() or (not first and (k == 0 or text[max(0, m.start() - 1):m.start()] in ("“", '"', "‘"))):
            continue
        out.update(s for s, _ in content_words(w))
    return out


def _quoted(text: str) -> set[str]:
    """Stems of the content words inside quotation marks."""
    out: set[str] = set()
    for m in _QUOTED.finditer(text):
        out.update(s for s, _ in content_words(m.group(1)))
    return out


def _indicator(sets: list[set[str]], vocab: dict[str, int]):
    """Sentence x term 0/1 matrix of the terms in ``sets`` that the vocabulary knows."""
    from scipy import sparse

    rows, cols = [], []
    for r, terms in enumerate(sets):
        for t in sorted(terms):
            k = vocab.get(t)
            if k is not None:
                rows.append(r)
                cols.append(k)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sets), len(vocab)))


def _rowwise(A, B, a: np.ndarray, b: np.ndarray, w: np.ndarray | None = None, *, how: str = "sum",
             block: int = 200_000) -> np.ndarray:
    """For each pair k: sum (or max) over columns of A[a[k]] * B[b[k]] (* w), in blocks of pairs."""
    out = np.zeros(len(a))
    for s in range(0, len(a), block):
        M = A[a[s:s + block]].multiply(B[b[s:s + block]])
        if w is not None:
            M = M.multiply(w.reshape(1, -1))
        M = M.tocsr()
        out[s:s + block] = (np.asarray(M.sum(axis=1)).ravel() if how == "sum"
                            else M.max(axis=1).toarray().ravel())
    return out


def sentence_pairs(graph) -> pd.DataFrame:
    """The pairs of sentences worth comparing, with the features of :data:`FEATURES`.

    Args:
        graph: an :class:`analysis.topics.elements.ElementGraph` (its sentences, clauses,
            clause edges and sentence vectors).

    Returns:
        One row per pair: ``a``, ``b`` (rows of ``graph.sentences``, ``a < b``) and one column
        per feature; sorted by ``a``, ``b``.
    """
    s = graph.sentences
    n = len(s)
    srow = graph.units["sentence_row"].to_numpy()
    e = graph.edges
    ea, eb = srow[e["i"].to_numpy()], srow[e["j"].to_numpy()]
    art = pd.factorize(s["article_id"])[0]
    cand = pd.DataFrame({"a": np.minimum(ea, eb), "b": np.maximum(ea, eb), "clause_similarity": e["similarity"].to_numpy()})
    cand = cand[cand["a"] != cand["b"]]
    nxt = np.flatnonzero(art[1:] == art[:-1]) if n > 1 else np.zeros(0, int)
    adj = pd.DataFrame({"a": nxt, "b": nxt + 1, "clause_similarity": 0.0})
    pairs = (pd.concat([cand, adj]).groupby(["a", "b"], sort=True)["clause_similarity"].max().reset_index())
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()

    SX = graph.sentence_matrix
    B = SX.copy()
    B.data[:] = 1.0
    top = math.log(1.0 + n) + 1.0  # the idf of a term in one sentence only
    w = graph.sentence_idf / top
    pairs["sentence_similarity"] = _rowwise(SX, SX, a, b)
    pairs["shared_weight"] = _rowwise(B, B, a, b, w)
    pairs["rarest_shared"] = _rowwise(B, B, a, b, w, how="max")
    vocab = {t: k for k, t in enumerate(graph.sentence_terms)}
    texts = s["text"].tolist()
    names = _indicator([_names(t) for t in texts], vocab)
    quoted = _indicator([_quoted(t) for t in texts], vocab)
    pairs["shared_names"] = _rowwise(names, names, a, b, w)
    pairs["shared_quoted"] = _rowwise(quoted, quoted, a, b, w)
    is_num = np.array([str(t).startswith("#") for t in graph.sentence_terms], dtype=float)
    N = B.multiply(is_num.reshape(1, -1)).tocsr()
    has_num = np.asarray(N.sum(axis=1)).ravel() > 0
    pairs["shared_numbers"] = _rowwise(N, N, a, b)
    pairs["number_conflict"] = (has_num[a] & has_num[b] & (pairs["shared_numbers"].to_numpy() == 0)).astype(float)
    same = art[a] == art[b]
    pos = s["sentence"].to_numpy()
    length = s.groupby("article_id")["sentence"].transform("max").to_numpy() + 1
    rel = pos / length
    pairs["same_article"] = same.astype(float)
    pairs["adjacent"] = (same & (np.abs(pos[a] - pos[b]) == 1)).astype(float)
    pairs["earlier_position"] = np.minimum(rel[a], rel[b])
    pairs["later_position"] = np.maximum(rel[a], rel[b])
    ctx = np.zeros(len(pairs))
    for d in (-1, 1):
        x, y = a + d, b + d
        ok = (x >= 0) & (y >= 0) & (x < n) & (y < n) & (x != y)
        ok[ok] &= (art[x[ok]] == art[a[ok]]) & (art[y[ok]] == art[b[ok]])
        if ok.any():
            ctx[ok] = np.maximum(ctx[ok], _rowwise(SX, SX, x[ok], y[ok]))
    pairs["context_similarity"] = ctx
    n_terms = np.diff(B.indptr).astype(float)
    pairs["fewer_terms"] = np.minimum(n_terms[a], n_terms[b])
    pairs["more_terms"] = np.maximum(n_terms[a], n_terms[b])
    return pairs[["a", "b", *FEATURES]].reset_index(drop=True)


@dataclass(frozen=True)
class PairModel:
    """A fitted same-fact model: plain numbers, as stored in ``data/element_pair_model.json``.

    Attributes:
        features: the feature names, in the order of ``coefficients``.
        coefficients: one weight per feature (log-odds per unit of the feature).
        intercept: the log-odds of a pair whose features are all 0.
        threshold: the mean same-fact probability two groups of sentences need to merge.
        join: the mean same-fact probability a sentence needs with the sentences of another
            element to tell that element too.
        about: where the model came from (data, command, cross-validated figures).
    """

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    join: float
    about: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        if len(self.features) != len(self.coefficients):
            raise TopicError(f"same-fact model: {len(self.features)} features but {len(self.coefficients)} coefficients")

    def probability(self, pairs: pd.DataFrame) -> np.ndarray:
        """The probability that each pair of :func:`sentence_pairs` tells one fact."""
        missing = [f for f in self.features if f not in pairs.columns]
        if missing:
            raise TopicError(f"the sentence pairs lack the feature(s) {', '.join(missing)} the same-fact model needs")
        z = self.intercept + pairs[list(self.features)].to_numpy(dtype=float) @ np.asarray(self.coefficients, dtype=float)
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict:
        """The model as stored."""
        return {**self.about, "features": list(self.features), "coefficients": [round(float(c), 6) for c in self.coefficients],
                "intercept": round(float(self.intercept), 6), "threshold": float(self.threshold), "join": float(self.join)}


def load_pair_model(path: str | Path = PAIR_MODEL_FILE) -> PairModel:
    """The same-fact model stored in ``path`` (by default the one shipped with the package).

    Raises:
        TopicError: when the file is missing or not a model (the message names it).
    """
    p = Path(path)
    try:
        d = json.loads(p.read_text(encoding="utf-8"))
        keys = ("features", "coefficients", "intercept", "threshold", "join")
        about = {k: v for k, v in d.items() if k not in keys}
        return PairModel(tuple(d["features"]), tuple(float(c) for c in d["coefficients"]), float(d["intercept"]),
                         float(d["threshold"]), float(d["join"]), about)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise TopicError(f"{p}: not a same-fact model ({err}); refit it with `python -m analysis.evaluate elements --train`") from err
