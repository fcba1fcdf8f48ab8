"""Loaded sentences: which sentences use loaded language (lexical bias), and by which words.

:func:`loaded_words <analysis.wordchoice.loaded.loaded_words>` flags every word of the package's
lists wherever it stands. This module scores whole **sentences**: a logistic regression weighs the
list hits by their context — which list a hit comes from, whether it stands inside quotation
marks (someone else's words) or in the outlet's own narration, how strongly VADER's annotators
rated the sentence's words, how long the sentence is and how much of it is quoted — and,
optionally, single lower-case words. The weights were fitted on BASIL's lexical-bias annotations
(Fan et al. 2019), events of 2010-2012 only, and ship as plain data in
``data/loaded_sentence_model.json`` (feature names, coefficients, intercept, threshold, and the
command that made them), so that anyone can score sentences without BASIL.

- :func:`score_sentences` scores a list of sentences; :func:`sentence_scores` every body sentence
  of a corpus, with offsets back into the article text.
- ``words`` are the evidence: the words (or list phrases) whose weights pushed the score up,
  strongest first, each marked ``(q)`` when it stands inside quotation marks.
- :func:`fit_model` fits the same model on other labelled sentences (the BASIL training and its
  measurement are ``python -m analysis.evaluate loaded_sentences [--train]``).

**Quotation marks.** Quoted regions come from the package's one reader of them,
:func:`analysis.corpus.marks.quoted_regions`. A list hit inside a quotation is a feature of its
own (``quoted:evaluative`` beside ``outside:evaluative``), so the model decides, from BASIL, how
much a quoted loaded word says about the sentence; a quoted word is still shown as evidence, marked
``(q)``, because BASIL's annotators mark loaded words inside quotations too.

References:
    Fan, L., White, M., Sharma, E., Su, R., Choubey, P. K., Huang, R., & Wang, L. (2019). In plain
    sight: Media bias through the lens of factual reporting. EMNLP-IJCNLP 2019, 6343-6349.
    Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic models for
    analyzing and detecting biased language. ACL 2013, 1650-1659.
    Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
    analysis of social media text. ICWSM 8(1), 216-225.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..corpus.marks import quoted_regions
from ..corpus.segment import tokenize
from ..errors import LexiconError
from ..paths import DATA_DIR
from .loaded import LOADED_CATEGORIES, load_lexicons

__all__ = [
    "DENSE_FEATURES",
    "LoadedSentenceModel",
    "MODEL_FILE",
    "STRONG_VALENCE",
    "SentenceFeatures",
    "feature_matrix",
    "fit_model",
    "load_model",
    "loaded_sentences_finding",
    "loaded_sentences_measured",
    "score_sentences",
    "sentence_features",
    "sentence_scores",
]

MODEL_FILE = DATA_DIR / "loaded_sentence_model.json"
STRONG_VALENCE = 2.0
"""A word counts as strongly valenced when VADER's mean rating of it is at least this far from 0 (of 4)."""

DENSE_FEATURES = (
    *(f"outside:{c}" for c in LOADED_CATEGORIES),
    *(f"quoted:{c}" for c in LOADED_CATEGORIES),
    "outside:strong_valence",
    "quoted:strong_valence",
    "outside:valence",
    "quoted:valence",
    "log_words",
    "quoted_share",
)
"""The context features, always present: list hits outside and inside quotation marks, by list
(counts); words VADER rates at least :data:`STRONG_VALENCE` from neutral, outside and inside quotes
(counts); the sum of VADER's ratings' absolute values (divided by 4, its maximum), outside and
inside quotes; the log of 1 + the sentence's words; the share of its words inside quotation marks.
Word features, when the model has them, are named ``hit:<list words as written, lower case>`` (one
per list entry matched) or ``word:<lower-case word>`` (every lower-case word)."""

Span = tuple[int, int]


@dataclass
class SentenceFeatures:
    """The features of one sentence and the stretches of it that fired them.

    Attributes:
        values: feature name -> value (only the non-zero ones).
        units: ``(start, end, text, quoted, features)`` of each stretch that fired a feature (a
            list phrase, or a single word), offsets into the sentence; ``features`` are the
            ``(name, value)`` pairs it added to ``values``.
    """

    values: dict[str, float]
    units: list[tuple[int, int, str, bool, tuple[tuple[str, float], ...]]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _vader_valence() -> dict[str, float]:
    from .sentiment import vader_lexicon

    return {w: v for w, v in vader_lexicon().items() if " " not in w}


def _key(words: str) -> str:
    return " ".join(words.lower().replace("\u2019", "'").split())


def _inside(a: int, b: int, regions: Sequence[Span]) -> bool:
    return any(lo <= a and b <= hi for lo, hi in regions)


def sentence_features(sentence: str, quoted: Sequence[Span] | None = None, *, bag_of_words: bool = True) -> SentenceFeatures:
    """The features the model reads from one sentence.

    Args:
        sentence: the sentence.
        quoted: ``(start, end)`` of the stretches of the sentence inside quotation marks (offsets
            into ``sentence``); by default read from the sentence alone with
            :func:`analysis.corpus.marks.quoted_regions`.
        bag_of_words: also give a ``word:<w>`` feature for every lower-case word (names and other
            capitalised words are left out: the model should weigh word choice, not topics).

    Returns:
        A :class:`SentenceFeatures`.

    Example:
        >>> f = sentence_features('Critics slammed the "reckless" plan.')
        >>> f.values["outside:evaluative"], f.values["quoted:evaluative"]
        (1.0, 1.0)
        >>> [(u[2], u[3]) for u in f.units if any(n.startswith("hit:") for n, _ in u[4])]
        [('slammed', False), ('reckless', True)]
    """
    regions = list(quoted) if quoted is not None else quoted_regions(sentence, [(0, len(sentence))])
    values: dict[str, float] = {}
    units: dict[Span, list] = {}

    def add(name: str, a: int, b: int, q: bool, value: float = 1.0) -> None:
        values[name] = values.get(name, 0.0) + value
        units.setdefault((a, b), [sentence[a:b], q, []])[2].append((name, value))

    hits = load_lexicons().find(sentence)
    for a, b, _, category in hits:
        q = _inside(a, b, regions)
        add(f"{'quoted' if q else 'outside'}:{category}", a, b, q)
        add(f"hit:{_key(sentence[a:b])}", a, b, q)
    valence = _vader_valence()
    words = [(a, b, tok) for a, b, tok, kind in tokenize(sentence) if kind == "word"]
    n_quoted = 0
    for a, b, tok in words:
        q = _inside(a, b, regions)
        n_quoted += q
        # a word inside a list phrase belongs to the phrase's stretch
        home = next(((ha, hb) for ha, hb, _, _ in hits if ha <= a and b <= hb), (a, b))
        v = abs(valence.get(tok.lower(), 0.0))
        if v:
            add(f"{'quoted' if q else 'outside'}:valence", *home, q, v / 4)
        if v >= STRONG_VALENCE:
            add(f"{'quoted' if q else 'outside'}:strong_valence", *home, q)
        if bag_of_words and tok == tok.lower():
            add(f"word:{_key(tok)}", *home, q)
    values["log_words"] = math.log1p(len(words))
    if words and n_quoted:
        values["quoted_share"] = n_quoted / len(words)
    ordered = [(a, b, text, q, tuple(names)) for (a, b), (text, q, names) in sorted(units.items())]
    return SentenceFeatures(values, ordered)


@dataclass(frozen=True)
class LoadedSentenceModel:
    """A fitted loaded-sentence model: plain numbers, as stored in ``data/loaded_sentence_model.json``.

    Attributes:
        features: the feature names, in the order of ``coefficients``.
        coefficients: one weight per feature (log-odds per unit of the feature).
        intercept: the log-odds of a sentence with no feature at all.
        threshold: a sentence is *loaded* when its score (a probability) is at least this.
        evidence_min: a stretch is shown as evidence when its weights add up to more than this.
        about: where the model came from (data, command, options, cross-validated figures).
    """

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    evidence_min: float
    about: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        if len(self.features) != len(self.coefficients):
            raise LexiconError(f"loaded-sentence model: {len(self.features)} features but {len(self.coefficients)} coefficients")
        object.__setattr__(self, "_weight", dict(zip(self.features, self.coefficients)))

    @property
    def bag_of_words(self) -> bool:
        return any(f.startswith("word:") for f in self.features)

    def weight(self, feature: str) -> float:
        """The coefficient of ``feature`` (0 for a word outside the vocabulary)."""
        return self._weight.get(feature, 0.0)

    def score(self, features: SentenceFeatures) -> tuple[float, list[tuple[int, int, str, bool, float]]]:
        """The probability that the sentence is loaded, and its evidence ``(start, end, text, quoted, weight)``,
        strongest first."""
        z = self.intercept + sum(self.weight(k) * v for k, v in features.values.items())
        evidence = []
        for a, b, text, q, names in features.units:
            w = sum(self.weight(n) * v for n, v in names)
            if w > self.evidence_min:
                evidence.append((a, b, text, q, w))
        evidence.sort(key=lambda e: (-e[4], e[0]))
        return 1.0 / (1.0 + math.exp(-z)), evidence

    def to_dict(self) -> dict:
        """The model as stored: rounded numbers, features sorted as fitted."""
        return {
            **self.about,
            "features": list(self.features),
            "coefficients": [round(float(c), 6) for c in self.coefficients],
            "intercept": round(float(self.intercept), 6),
            "threshold": round(float(self.threshold), 6),
            "evidence_min": round(float(self.evidence_min), 6),
        }

    def write(self, path: str | Path = MODEL_FILE) -> Path:
        """Write the model as JSON (sorted keys, no date, so the file changes only when a number does)."""
        p = Path(path)
        p.write_text(json.dumps(self.to_dict(), indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        return p


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_FILE) -> LoadedSentenceModel:
    """Read a loaded-sentence model (by default the package's, fitted on BASIL events of 2010-2012).

    Args:
        path: a JSON file written by :meth:`LoadedSentenceModel.write`.

    Returns:
        A :class:`LoadedSentenceModel`.

    Raises:
        LexiconError: the file is missing or lacks a field.
    """
    p = Path(path)
    if not p.is_file():
        raise LexiconError(f"{p}: the loaded-sentence model is missing; rewrite it with "
                           "python -m analysis.evaluate loaded_sentences --train")
    data = json.loads(p.read_text(encoding="utf-8"))
    keys = ("features", "coefficients", "intercept", "threshold", "evidence_min")
    missing = [k for k in keys if k not in data]
    if missing:
        raise LexiconError(f"{p}: the model lacks {', '.join(missing)}; rewrite it with "
                           "python -m analysis.evaluate loaded_sentences --train")
    about = {k: v for k, v in data.items() if k not in keys}
    return LoadedSentenceModel(tuple(data["features"]), tuple(float(c) for c in data["coefficients"]),
                               float(data["intercept"]), float(data["threshold"]), float(data["evidence_min"]), about)


def _format_evidence(evidence: list[tuple[int, int, str, bool, float]]) -> str:
    return ", ".join(" ".join(text.split()) + (" (q)" if q else "") for _, _, text, q, _ in evidence)


def score_sentences(sentences: Sequence[str], *, model: LoadedSentenceModel | None = None) -> pd.DataFrame:
    """Score sentences for loaded language, each read on its own (quotation marks within it).

    Args:
        sentences: the sentences.
        model: a model from :func:`load_model` or :func:`fit_model`; the package's by default.

    Returns:
        DataFrame, one row per sentence in order: ``text``, ``score`` (probability of being loaded,
        0 to 1), ``loaded`` (score at or above the model's threshold), ``words`` (the evidence,
        strongest first, comma-separated, ``(q)`` after a word inside quotation marks).

    References:
        Fan, L., et al. (2019). In plain sight: Media bias through the lens of factual reporting.
        EMNLP-IJCNLP 2019.

    Example:
        >>> t = score_sentences(["The senator slammed the reckless, disastrous plan.",
        ...                      "The senator spoke about the plan on Tuesday."])
        >>> bool(t.loc[0, "score"] > t.loc[1, "score"]), t.loc[1, "words"]
        (True, '')
        >>> "reckless" in t.loc[0, "words"]
        True
    """
    m = model or load_model()
    rows = []
    for text in sentences:
        score, evidence = m.score(sentence_features(text, bag_of_words=m.bag_of_words))
        rows.append({"text": text, "score": score, "loaded": score >= m.threshold, "words": _format_evidence(evidence)})
    return pd.DataFrame(rows, columns=["text", "score", "loaded", "words"])


def sentence_scores(corpus: Corpus, *, model: LoadedSentenceModel | None = None) -> pd.DataFrame:
    """Every body sentence of a corpus, scored for loaded language.

    Quotation marks are read per paragraph (:func:`analysis.corpus.marks.quoted_regions`), so a
    quotation that opens in one sentence and closes in the next counts for both.

    Args:
        corpus: a loaded corpus.
        model: a model from :func:`load_model` or :func:`fit_model`; the package's by default.

    Returns:
        DataFrame, one row per body sentence (subheads left out): ``outlet``, ``article_id``,
        ``sentence`` (its number in the article), ``start``, ``end`` (offsets into the article's
        clean text), ``text``, ``score`` (probability of being loaded), ``loaded`` (bool: score at
        or above the model's threshold), ``words`` (the evidence, strongest first, ``(q)`` after a
        word inside quotation marks).

    References:
        Fan, L., et al. (2019). In plain sight: Media bias through the lens of factual reporting.
        EMNLP-IJCNLP 2019.

    Example:
        >>> from analysis.corpus import corpus_from_frame
        >>> c = corpus_from_frame(pd.DataFrame({"article_id": ["a1"], "outlet": ["Daily"],
        ...     "text": ["Officials slammed the reckless plan. The vote is on Friday."]}))
        >>> t = sentence_scores(c)
        >>> t[["sentence", "start", "end"]].values.tolist()
        [[0, 0, 36], [1, 37, 59]]
        >>> bool(t.loc[0, "score"] > t.loc[1, "score"])
        True
    """
    m = model or load_model()
    texts = corpus.articles["text"]
    paragraphs: dict[str, list[Span]] = {}
    for p in corpus.paragraphs().itertuples(index=False):
        paragraphs.setdefault(p.article_id, []).append((p.start, p.end))
    regions = {aid: quoted_regions(texts[aid], spans) for aid, spans in paragraphs.items()}
    rows = []
    sents = corpus.sentences()
    for s in sents[sents["paragraph_kind"] == "body"].itertuples(index=False):
        local = [(max(a, s.start) - s.start, min(b, s.end) - s.start) for a, b in regions.get(s.article_id, [])
                 if a < s.end and b > s.start]
        score, evidence = m.score(sentence_features(s.text, local, bag_of_words=m.bag_of_words))
        rows.append({"outlet": s.outlet, "article_id": s.article_id, "sentence": s.sentence, "start": s.start,
                     "end": s.end, "text": s.text, "score": score, "loaded": score >= m.threshold,
                     "words": _format_evidence(evidence)})
    columns = ["outlet", "article_id", "sentence", "start", "end", "text", "score", "loaded", "words"]
    return pd.DataFrame(rows, columns=columns)


def fit_model(
    features: Sequence[SentenceFeatures],
    labels: Sequence[bool],
    *,
    c: float = 0.1,
    words: Literal["none", "hits", "all"] = "none",
    min_count: int = 3,
    threshold: float = 0.5,
    evidence_min: float = 0.0,
    about: dict | None = None,
) -> LoadedSentenceModel:
    """Fit the loaded-sentence model (L2-regularised logistic regression, classes balanced).

    Args:
        features: each sentence's :func:`sentence_features` (computed with ``bag_of_words=True``
            if the model is to use every word).
        labels: whether each sentence is loaded.
        c: inverse regularisation strength (scikit-learn's ``C``).
        words: word features besides :data:`DENSE_FEATURES`: none, one per list entry matched
            (``hit:``), or every lower-case word (``word:``).
        min_count: a word is in the vocabulary when at least this many training sentences have it.
        threshold: the score from which a sentence counts as loaded.
        evidence_min: the weight a stretch needs to be shown as evidence.
        about: provenance stored with the model.

    Returns:
        A :class:`LoadedSentenceModel`; the same data and options give the same numbers.

    References:
        Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic models for
        analyzing and detecting biased language. ACL 2013.
    """
    from sklearn.linear_model import LogisticRegression

    names = list(DENSE_FEATURES)
    if words != "none":
        prefix = "hit:" if words == "hits" else "word:"
        df: dict[str, int] = {}
        for f in features:
            for k in f.values:
                if k.startswith(prefix):
                    df[k] = df.get(k, 0) + 1
        names += sorted(k for k, n in df.items() if n >= min_count)
    X = feature_matrix(features, names)
    y = np.asarray(labels, dtype=int)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver="lbfgs")
    clf.fit(X, y)
    return LoadedSentenceModel(tuple(names), tuple(float(v) for v in clf.coef_[0]), float(clf.intercept_[0]),
                               threshold, evidence_min, dict(about or {}))


def feature_matrix(features: Sequence[SentenceFeatures], names: Sequence[str]) -> np.ndarray:
    """Sentences down, ``names`` across (0 where a feature did not fire)."""
    index = {n: j for j, n in enumerate(names)}
    X = np.zeros((len(features), len(names)))
    for i, f in enumerate(features):
        for k, v in f.values.items():
            j = index.get(k)
            if j is not None:
                X[i, j] = v
    return X



def loaded_sentences_finding(scores: pd.DataFrame, *, model: LoadedSentenceModel | None = None) -> str:
    """The share of each outlet's body sentences the model calls loaded, in words, with the
    figure that says how far to trust the call (from the committed evaluation).

    Args:
        scores: the output of :func:`sentence_scores`.
        model: the model that scored them; the package's by default.

    Returns:
        Markdown: per outlet, sentences called loaded of all, and the measured precision and
        recall of the call on BASIL's test events.

    References:
        Fan, L., et al. (2019). In plain sight: Media bias through the lens of factual reporting.
        EMNLP-IJCNLP 2019.
    """
    from ..safe import md_text

    if scores.empty:
        return "The corpus has no body sentence to score."
    by = scores.groupby("outlet", sort=False)["loaded"].agg(["sum", "size"])
    parts = [f"{md_text(o)}: {int(r['sum'])} of {int(r['size'])} sentences ({r['sum'] / r['size']:.0%})"
             for o, r in by.iterrows()]
    text = "Sentences the loaded-sentence model calls loaded: " + "; ".join(parts) + "."
    measured = loaded_sentences_measured()
    if not measured.empty:
        m = measured.set_index("system").iloc[0]
        text += (f" Measured on BASIL's held-out events, {m['precision']:.0%} of the sentences it calls loaded hold a "
                 f"word the annotators marked as loaded, and it finds {m['recall']:.0%} of those sentences (F1 "
                 f"{m['f1']:.2f}): read each sentence and its words before you count it.")
    return text


def loaded_sentences_measured(*, path: str | Path | None = None) -> pd.DataFrame:
    """The committed figures of the loaded-sentence model and its baselines on BASIL's test events.

    Args:
        path: another results file (tests); ``analysis/data/evaluation_loaded.json`` by default.

    Returns:
        One row per system (the model first, then every-sentence and VADER baselines):
        ``system``, ``precision``, ``recall``, ``f1``, ``roc_auc``, ``flagged``, and, on the
        model's row, ``span_f1`` (its evidence words against the annotated spans); empty when the
        file has no ``sentences`` section. ``.attrs["data"]`` says what was measured on.

    References:
        Fan, L., et al. (2019), BASIL, the annotations measured against.
    """
    from ..evaluate import results

    data = results.section("loaded", "sentences", path=path)
    cols = ["system", "precision", "recall", "f1", "roc_auc", "flagged", "span_f1"]
    if not data.get("systems"):
        return pd.DataFrame(columns=cols)
    rows = [dict(r) for r in data["systems"]]
    rows[0]["span_f1"] = data.get("spans", {}).get("span_f1")
    table = pd.DataFrame(rows).reindex(columns=cols)
    table.attrs["data"] = (f"BASIL test events: {data['sentences']} body sentences, {data['loaded_sentences']} with a "
                           "loaded (lexical-bias) span; model trained on other events")
    return table
