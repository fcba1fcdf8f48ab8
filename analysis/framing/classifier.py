"""Policy frames per sentence by a linear model over words and the cue lexicon's counts.

The cue lexicon (``data/frames_policy.toml``, :func:`analysis.framing.classify`) gives a frame to a
sentence by counting cues. This module adds a model one can still read: a multinomial logistic
regression whose features are the sentence's words (TF-IDF, sublinear term frequency, L2-normed)
and, per frame, ``log(1 + cues matched) * cue_scale``. It was fitted on the dev split of FrAC
(Guida et al.) only, and ships as plain data (``data/frames_policy_model.json``: vocabulary, idf,
one coefficient per feature and frame, intercepts), so it runs without FrAC or scikit-learn's
pickles. Refit with ``python -m analysis.evaluate frames --train``; its figures on the held-out
test split are in ``analysis/data/evaluation_framing.json`` (section ``frac``, key ``model``).

- :func:`classify_sentences`: one row per sentence, its frame, the probability, and the evidence
  (the cues of that frame it matched and the words that pushed it there most).
- :func:`frame_of`: the frame id of one text.
- :func:`load_model`, :func:`fit_model`: read the shipped model; fit one (used by ``--train``).
- :func:`frames_not_learnt`: the frames of the policy scheme the model can never answer.

**Evidence** is the cues of the chosen frame the sentence matched, then its content words that
pushed it there most. Stop words are not in the model's vocabulary at all (they never weigh for a
frame), so the evidence never reads "the; was; that".

**Frames it does not know.** FrAC labels its sentences with 10 of the 15 codes (both splits): its
annotators folded the other five into neighbours. The model therefore never answers "Capacity and
resources", "Crime and punishment", "Quality of life", "Political" or "External regulation and
reputation" (:func:`frames_not_learnt`); a sentence about a crime gets "Legality", one about
party tactics "Policy prescription" — the folds that FrAC's dev split shows for the lexicon
(``label_map`` in ``evaluation_framing.json``). The cue lexicon (:func:`analysis.framing.classify`)
still knows all 15; where a reader needs one of the five, read its answer beside the model's.
The model learnt from 211 sentences, so words that are rare there weigh by chance. The evidence
shows what it weighed; check it.

References:
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. & Smith, N. A. (2014). Tracking the
    development of media frames within and across policy issues.
    Card, D., Boydstun, A. E., Gross, J. H., Resnik, P. & Smith, N. A. (2015). The Media Frames
    Corpus: Annotations of frames across issues. ACL 2015, 438-444.
    Guida, M. et al. FrAC: sentence-level frame annotations (github.com/mattguida/FrAC, CC BY 4.0).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..paths import DATA_DIR
from .schemes import load_scheme

__all__ = [
    "C_GRID",
    "MODEL_FILE",
    "classify_sentences",
    "corpus_frames",
    "fit_model",
    "frame_of",
    "frames_not_learnt",
    "load_model",
    "measured_per_frame",
    "model_finding",
]

MODEL_FILE = DATA_DIR / "frames_policy_model.json"
TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z]+\b"  # words of two letters or more
CUE_SCALE = 0.5  # chosen by cross-validation on the dev split, with unigrams and balanced classes
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)  # the inverse regularisation strengths tried by fit_model


def _cue_counts(text: str, frames: list[str], scheme) -> dict[str, int]:
    counts = dict.fromkeys(frames, 0)
    for frame, *_ in scheme.matches(text):
        if frame in counts:
            counts[frame] += 1
    return counts


def _features(texts: list[str], model: dict) -> tuple[np.ndarray, list[list[str]]]:
    """The model's feature matrix (words, then cue frames) and each text's tokens."""
    vocab = {w: i for i, w in enumerate(model["vocabulary"])}
    idf = np.asarray(model["idf"])
    scheme = load_scheme("policy")
    cue_frames = model["cue_features"]
    rx = re.compile(model["token_pattern"])
    x = np.zeros((len(texts), len(vocab) + len(cue_frames)))
    tokens = []
    for r, text in enumerate(texts):
        toks = [t.lower() for t in rx.findall(text)]
        tokens.append(toks)
        for w, n in Counter(toks).items():
            if w in vocab:
                x[r, vocab[w]] = (1 + math.log(n)) * idf[vocab[w]]
        norm = np.linalg.norm(x[r, : len(vocab)])
        if norm:
            x[r, : len(vocab)] /= norm
        counts = _cue_counts(text, cue_frames, scheme)
        x[r, len(vocab):] = [math.log1p(counts[f]) * model["cue_scale"] for f in cue_frames]
    return x, tokens


@lru_cache(maxsize=4)
def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def load_model(path: str | Path | None = None) -> dict:
    """The shipped model (or another file in its layout), as plain data.

    Args:
        path: a model file written by ``python -m analysis.evaluate frames --train``; by
            default ``analysis/data/frames_policy_model.json``.

    Returns:
        ``{"frames": [...], "vocabulary": [...], "idf": [...], "cue_features": [...],
        "coefficients": {frame: [...]}, "intercepts": {frame: ...}, ...}``.

    Example:
        >>> "legality" in load_model()["frames"]
        True
    """
    return _load(Path(path or MODEL_FILE).resolve())


def classify_sentences(sentences: list[str], *, model: dict | None = None, top_words: int = 5) -> pd.DataFrame:
    """One policy frame per sentence, with its probability and the evidence for it.

    Args:
        sentences: the sentences (any texts).
        model: a model from :func:`load_model` or :func:`fit_model`; by default the shipped one.
        top_words: how many of the words that pushed the sentence most towards its frame to keep.

    Returns:
        One row per sentence, in order: ``sentence`` (position), ``text``, ``label`` (frame id of
        the policy scheme), ``frame`` (its name), ``probability``, ``cues`` (the cues of that frame
        matched, "; "-joined in text order), ``words`` (the sentence's words with the largest
        positive weight x coefficient for the frame, "; "-joined, largest first), ``evidence``
        (cues, then words, without repeats).

    References:
        Boydstun et al. (2014), the frames; Guida et al. (FrAC), the sentences it was fitted on.

    Example:
        >>> t = classify_sentences(["The court ruled that the law was unconstitutional."])
        >>> t.loc[0, "label"]
        'legality'
    """
    m = model or load_model()
    scheme = load_scheme("policy")
    x, tokens = _features(list(sentences), m)
    frames = m["frames"]
    w = np.array([m["coefficients"][f] for f in frames])
    scores = x @ w.T + np.array([m["intercepts"][f] for f in frames])
    prob = np.exp(scores - scores.max(axis=1, keepdims=True))
    prob /= prob.sum(axis=1, keepdims=True)
    n_words = len(m["vocabulary"])
    rows = []
    for r, text in enumerate(sentences):
        k = int(np.argmax(prob[r]))
        frame = frames[k]
        cues = [re.sub(r"\s+", " ", text[a:b]) for f, _, a, b in scheme.matches(text) if f == frame]
        push = x[r, :n_words] * w[k, :n_words]
        order = [j for j in np.argsort(-push, kind="stable")[:top_words] if push[j] > 0]
        words = [m["vocabulary"][j] for j in order]
        evidence = list(dict.fromkeys([c.lower() for c in cues] + words))
        rows.append({"sentence": r, "text": text, "label": frame, "frame": scheme.labels[frame],
                     "probability": round(float(prob[r, k]), 3), "cues": "; ".join(cues), "words": "; ".join(words),
                     "evidence": "; ".join(evidence)})
    cols = ["sentence", "text", "label", "frame", "probability", "cues", "words", "evidence"]
    return pd.DataFrame(rows, columns=cols)


def frames_not_learnt(*, model: dict | None = None) -> pd.DataFrame:
    """The frames of the policy scheme that the model was never shown, so never answers.

    Args:
        model: a model from :func:`load_model` or :func:`fit_model`; by default the shipped one.

    Returns:
        One row per such frame, in the scheme's order: ``label`` (frame id), ``frame`` (its name).

    References:
        Boydstun et al. (2014), the 15 frames; Guida et al. (FrAC), the 10 its annotators used.

    Example:
        >>> "crime_punishment" in set(frames_not_learnt()["label"])
        True
    """
    m = model or load_model()
    scheme = load_scheme("policy")
    known = set(m["frames"])
    rows = [{"label": f, "frame": scheme.labels[f]} for f in scheme.frames if f not in known]
    return pd.DataFrame(rows, columns=["label", "frame"])


def frame_of(text: str, *, model: dict | None = None) -> str:
    """The policy frame id the model gives one text.

    Args:
        text: a sentence (or any text).
        model: as in :func:`classify_sentences`.

    Returns:
        The frame id ("economic", "legality", ...).

    References:
        Boydstun et al. (2014), the frames.

    Example:
        >>> frame_of("The budget will cost taxpayers billions of dollars.")
        'economic'
    """
    return str(classify_sentences([text], model=model).loc[0, "label"])


def fit_model(sentences: list[str], labels: list[str], *, c_grid: tuple[float, ...] = C_GRID,
              cross_validate: bool = True) -> dict:
    """Fit the model on labelled sentences; the regularisation strength by cross-validation on them.

    Words: TF-IDF of words of two letters or more (unigrams, sublinear tf, L2-normed, every word
    seen except the stop words of :func:`analysis.topics.words.load_stop_words`, so that "the",
    "was" or "said" never weigh for a frame and never show as its evidence). Cues:
    ``log(1 + count) * 0.5`` per frame of the lexicon. Classes weighted by inverse
    frequency ("balanced"). C: the value of ``c_grid`` with the best macro-F1 over 5-fold
    stratified cross-validation repeated twice (random_state 0); ties to the smaller C. These
    settings were chosen by cross-validation on FrAC's dev split only.

    Args:
        sentences: the training sentences (FrAC's dev split, for the shipped model).
        labels: their frame ids.
        c_grid: the values of C tried.
        cross_validate: run the cross-validation; ``False`` (only with one value in ``c_grid``)
            fits on all the sentences at once and stores no ``cross_validation`` figures.

    Returns:
        The model as plain data, as :func:`load_model` returns it (without ``command``/``data``,
        which the caller adds), with ``cross_validation`` (macro-F1 and accuracy per C).

    References:
        Guida et al. (FrAC), the labelled sentences.
    """
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import RepeatedStratifiedKFold

    from ..topics.words import load_stop_words

    stop_words = sorted(load_stop_words())
    scheme = load_scheme("policy")
    cue_frames = [f for f in scheme.frames if f != scheme.fallback]
    texts, y = list(sentences), np.asarray(labels)
    cues = np.array([[math.log1p(c) * CUE_SCALE for c in _cue_counts(t, cue_frames, scheme).values()] for t in texts])

    def fit(idx, c):
        v = TfidfVectorizer(token_pattern=TOKEN_PATTERN, sublinear_tf=True, min_df=1, stop_words=stop_words)
        a = sp.hstack([v.fit_transform([texts[i] for i in idx]), cues[idx]]).tocsr()
        return v, LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(a, y[idx])

    if not cross_validate and len(c_grid) != 1:
        raise ValueError("fit_model: cross_validate=False needs exactly one value in c_grid")
    cv = []
    for c in c_grid if cross_validate else ():
        pred, gold = [], []
        for tr, te in RepeatedStratifiedKFold(n_splits=5, n_repeats=2, random_state=0).split(texts, y):
            v, lr = fit(tr, c)
            pred += list(lr.predict(sp.hstack([v.transform([texts[i] for i in te]), cues[te]]).tocsr()))
            gold += list(y[te])
        cv.append({"C": c, "macro_f1": round(float(f1_score(gold, pred, average="macro")), 3),
                   "accuracy": round(float(accuracy_score(gold, pred)), 3)})
    best = max(cv, key=lambda r: (r["macro_f1"], -r["C"]))["C"] if cv else c_grid[0]
    v, lr = fit(np.arange(len(texts)), best)
    vocab = v.get_feature_names_out().tolist()
    frames = [str(f) for f in lr.classes_]
    return {
        "about": "Policy frames per sentence: multinomial logistic regression over TF-IDF words and the policy lexicon's "
                 "cue counts (analysis.framing.classifier). Features: vocabulary (tf = 1 + log count, times idf, L2-normed "
                 "over the words), then one per cue_features frame: log(1 + cues matched) * cue_scale. Score of a frame: "
                 "features . coefficients[frame] + intercepts[frame]; softmax over frames.",
        "frames": frames,
        "token_pattern": TOKEN_PATTERN,
        "lowercase": True,
        "cue_scale": CUE_SCALE,
        "cue_features": cue_frames,
        "vocabulary": vocab,
        "idf": [round(float(i), 6) for i in v.idf_],
        "coefficients": {f: [round(float(c), 6) for c in lr.coef_[k]] for k, f in enumerate(frames)},
        "intercepts": {f: round(float(lr.intercept_[k]), 6) for k, f in enumerate(frames)},
        "settings": {"C": best, "class_weight": "balanced", "ngram_range": [1, 1], "min_df": 1, "sublinear_tf": True,
                     "solver": "lbfgs", "training_sentences": len(texts),
                     "stop_words": "left out of the vocabulary: scikit-learn's English list as changed by "
                                   "analysis/data/stopwords_news.txt"},
        "cross_validation": cv,
    }


def corpus_frames(corpus, *, model: dict | None = None) -> pd.DataFrame:
    """The model's policy frame of every body sentence of a corpus, with its evidence.

    Args:
        corpus: a loaded :class:`~analysis.corpus.Corpus`.
        model: as in :func:`classify_sentences`.

    Returns:
        One row per body sentence (crossheads left out): ``article_id``, ``outlet``,
        ``sentence``, ``start``, ``end`` (offsets into the clean text), then the columns of
        :func:`classify_sentences` (``text``, ``label``, ``frame``, ``probability``, ``cues``,
        ``words``, ``evidence``).

    References:
        Boydstun et al. (2014), the frames; Guida et al. (FrAC), the sentences the model learnt from.
    """
    sents = corpus.sentences()
    body = sents[sents["paragraph_kind"] == "body"].reset_index(drop=True)
    labelled = classify_sentences(body["text"].tolist(), model=model).drop(columns=["sentence", "text"])
    return pd.concat([body[["article_id", "outlet", "sentence", "start", "end", "text"]], labelled], axis=1)


def measured_per_frame(*, path: str | Path | None = None) -> pd.DataFrame:
    """The model's committed per-frame precision and recall on FrAC's held-out test split.

    Args:
        path: another results file (tests); ``analysis/data/evaluation_framing.json`` by default.

    Returns:
        One row per frame the test split holds: ``frame``, ``gold`` (sentences), ``predicted``,
        ``precision``, ``recall``, ``f1``; empty when the file has no model figures.

    References:
        Guida et al. (FrAC), the annotated sentences.
    """
    from ..evaluate import results

    data = results.section("framing", "frac", path=path)
    cols = ["frame", "gold", "predicted", "precision", "recall", "f1"]
    return pd.DataFrame(data.get("model_per_frame", []), columns=["code", *cols]).reindex(columns=cols)


def model_finding(frames: pd.DataFrame, *, path: str | Path | None = None) -> str:
    """Each outlet's most common model frame, in words, beside that frame's measured precision.

    Args:
        frames: the output of :func:`corpus_frames`.
        path: as in :func:`measured_per_frame`.

    Returns:
        Markdown, one clause per outlet.

    References:
        Boydstun et al. (2014); Guida et al. (FrAC).
    """
    from ..safe import md_text

    if frames.empty:
        return "The corpus has no body sentence to label."
    measured = measured_per_frame(path=path).set_index("frame")
    parts = []
    for outlet, g in frames.groupby("outlet", sort=False):
        counts = g["frame"].value_counts()
        top = sorted(counts.index[counts == counts.max()])[0]
        p = f", a label that is right {measured.loc[top, 'precision']:.0%} of the time on FrAC" if top in measured.index else ""
        parts.append(f"{md_text(outlet)}: {md_text(top)} ({int(counts[top])} of {len(g)} sentences{p})")
    return "Most common policy frame per outlet, by the model (words and cues): " + "; ".join(parts) + "."
