"""A learned second pass of cleaning, tried and not used by default: the lines the rules keep, scored for being furniture.

The rules of ``data/cleaning_rules.toml`` remove what they name and nothing else; on articles nobody
wrote rules from they miss shapes no rule names (a lone "Editors" or "Authors:" line, a "WARNING:
GRAPHIC VIDEO" label, related headlines). This module scores the short lines the rules kept
(:func:`candidate_lines`) with a logistic regression over generic shapes only (:data:`FEATURES`): length,
punctuation and capitals, URLs and handles, times of day, where the line sits from the top and the
bottom, whether the lines around it were removed or look like headlines, whether it follows a short
label ending in a colon, whether it repeats in the article, whether it reads like a sentence, and a
small vocabulary of words that furniture uses on any site (:data:`FURNITURE_WORDS`). No word of any
article is stored.

The model (``data/furniture_model.json``) is written by ``python -m analysis.evaluate cleaning --train``
from the hand-marked AllSides lines of ``gold/furniture/lines.csv``, its threshold set where no body
line was lost in cross-validation grouped by outlet. :func:`analysis.corpus.cleaning.clean_article`
applies it only when asked (``model=True``): in that cross-validation it removed 4 of the 45 furniture
lines the rules keep among its candidates and no body line, but read on 4,000 unlabelled AllSides
articles it also removed body lines (schedules and live-blog updates with a time of day, "Here's the
video:"), so it does not meet "no body line lost" and the package cleans with the rules alone (see
gold/furniture/README.md).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..paths import DATA_DIR

__all__ = [
    "candidate_lines",
    "FEATURES",
    "FURNITURE_WORDS",
    "FurnitureModel",
    "line_features",
    "load_model",
    "MODEL_FILE",
    "MODEL_RULE",
]

MODEL_FILE = DATA_DIR / "furniture_model.json"
# The name the audit gives a line this model removed.
MODEL_RULE = "furniture_model"
# Lines longer than this are never scored: what the rules miss and a model may safely take is short
# (a label, a name, a related headline, a player's prompt); a longer line reads like a sentence of the
# story, and long captions are left to the rules (read on 4,000 unlabelled articles, a model that scored
# lines of up to 40 words removed body paragraphs). Left out, they also cost nothing.
_MAX_CHARS = 400
_MAX_WORDS = 20
_NO_DIGITS = str.maketrans("", "", "0123456789")
# Words furniture uses on any site (sign-ups, captions, credits, links, players, notes), and seldom
# with another sense in a news sentence ("reserved", "twitter", "live", "coverage" (of health insurance) were left out for that, and "watch",
# "listen", "below", which open the author's own lines that introduce an embed: "Watch the video below:"); no
# outlet's name and no story's words. A line's words are looked up in lower case.
FURNITURE_WORDS = tuple(sorted(set("""
advertisement advertising sponsored subscribe subscription newsletter newsletters signup inbox email
click related video videos podcast audio episode photo photos image images
gallery caption credit courtesy getty pictured follow share comments copyright
updated correction corrections clarification clarifications editor editors note contributed
continued interactive graphic warning author authors download app enlarge toggle
""".split())))
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SENTENCE_END = re.compile(r"""[.!?…]["”’')\]]*$""")
# Small words a sentence has and a headline or a name mostly lacks.
_FUNCTION_WORDS = frozenset(
    "the a an of to and in is was are were be been has have had that this it its he she they we i you "
    "his her their our for on with at by from as but not would will can could should said says".split()
)
_VERBS = frozenset("said says told is was are were has have had will would could should did does do "
                   "added wrote announced according".split())
_URL = re.compile(r"https?://|www\.|\.com\b|\.org\b", re.I)
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
_TIME = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\b(?:ET|EST|EDT|GMT)\b", re.I)


def _base_features() -> list[str]:
    return [
        "log_chars", "words", "ends_sentence", "ends_colon", "ends_none", "starts_quote", "starts_bullet",
        "capital_share", "upper_share", "title_case", "digit_share", "url", "handle", "copyright_mark",
        "pipe", "time", "function_share", "verb", "first_word_furniture", "furniture_share",
        "rel_position", "from_top", "from_bottom", "first", "last",
        "prev_removed", "next_removed", "near_removed", "prev_headlike", "next_headlike", "prev_colon",
        "prev_short", "next_short", "headlike", "headlike_run", "repeats_in_article",
        "furniture_label", "run_under_label",
    ]


# The feature names, in the order :func:`line_features` gives them: shapes, then one per furniture word.
FEATURES = tuple(_base_features() + [f"word:{w}" for w in FURNITURE_WORDS])
_WORD_INDEX = {w: len(FEATURES) - len(FURNITURE_WORDS) + k for k, w in enumerate(FURNITURE_WORDS)}


def _fold(s: str) -> str:
    """A line compared loosely: case, curly quotes and white space aside."""
    return " ".join(s.replace("’", "'").replace("“", '"').replace("”", '"').casefold().split())


def _headlike(line: str) -> bool:
    """A short line with a capital and no sentence end: a headline, a name, a label."""
    n = len(line.split())
    return 1 <= n <= 16 and line[:1].isupper() and not _SENTENCE_END.search(line)


def line_features(lines: Sequence[str], candidates: Sequence[int], removed: Sequence[bool]) -> list[list[float]]:
    """The feature vector (:data:`FEATURES`) of each candidate line of one article.

    Args:
        lines: the article's lines, as split by cleaning (blank lines included).
        candidates: the indices (into ``lines``) of the lines to describe.
        removed: for each line, whether the rules removed it.

    Returns:
        One list of floats per candidate, in the order of ``candidates``.
    """
    out = []
    for shape, words in _shapes(lines, candidates, removed):
        vec = shape + [0.0] * len(FURNITURE_WORDS)
        for idx in words:
            vec[idx] = 1.0
        out.append(vec)
    return out


def _shapes(lines: Sequence[str], candidates: Sequence[int], removed: Sequence[bool]) -> list[tuple[list[float], set[int]]]:
    """Each candidate's shape features and the indices of its furniture words (the sparse part)."""
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    rank = {i: k for k, i in enumerate(nonblank)}
    n = len(nonblank)
    stripped = {i: lines[i].strip() for i in nonblank}
    folded = {i: _fold(stripped[i]) for i in nonblank}
    seen: dict[str, int] = {}
    for i in nonblank:
        seen[folded[i]] = seen.get(folded[i], 0) + 1
    head = [_headlike(stripped[i]) for i in nonblank]
    # A short line ending in a colon with a furniture word ("More coverage:", "Related:").
    label = [stripped[i].endswith(":") and len(stripped[i].split()) <= 5
             and any(w.casefold() in _WORD_INDEX for w in _WORD.findall(stripped[i])) for i in nonblank]
    out = []
    for i in candidates:
        text = stripped[i]
        k = rank[i]
        words = _WORD.findall(text)
        low = [w.casefold() for w in words]
        nw = max(len(words), 1)
        letters = [w for w in words if w[:1].isalpha()]
        prev_i = nonblank[k - 1] if k > 0 else None
        next_i = nonblank[k + 1] if k + 1 < n else None
        prev_t = stripped[prev_i] if prev_i is not None else ""
        next_t = stripped[next_i] if next_i is not None else ""
        run = 1
        j = k - 1
        while j >= 0 and head[j] and run < 6:
            run, j = run + 1, j - 1
        j = k + 1
        while j < n and head[j] and run < 6:
            run, j = run + 1, j + 1
        near = 6
        for d in range(1, 6):
            if (k - d >= 0 and removed[nonblank[k - d]]) or (k + d < n and removed[nonblank[k + d]]):
                near = d
                break
        j = k - 1
        while j >= 0 and head[j] and not label[j]:
            j -= 1
        # right under a furniture label, or under a removed line, through a run of headline-like lines
        under = j >= 0 and (label[j] or removed[nonblank[j]]) and (j == k - 1 or head[k])
        vals = [
            math.log1p(len(text)),
            min(len(words), 60) / 60,
            float(bool(_SENTENCE_END.search(text))),
            float(text.endswith(":")),
            float(text[-1:].isalnum()),
            float(text[:1] in "\"“‘'"),
            float(text[:1] in "•·*–—-►▶>"),
            sum(w[:1].isupper() for w in letters) / max(len(letters), 1),
            sum(w.isupper() and len(w) > 1 for w in letters) / max(len(letters), 1),
            float(head[k] and len(letters) >= 3 and all(w[:1].isupper() or w.casefold() in _FUNCTION_WORDS for w in letters)),
            (len(text) - len(text.translate(_NO_DIGITS))) / len(text),
            float(bool(_URL.search(text))),
            float(bool(_HANDLE.search(text))),
            float("©" in text or "(c)" in text.casefold()),
            float("|" in text),
            float(bool(_TIME.search(text))),
            sum(w in _FUNCTION_WORDS for w in low) / nw,
            float(any(w in _VERBS for w in low)),
            float(bool(low) and low[0] in _WORD_INDEX),
            sum(w in _WORD_INDEX for w in low) / nw,
            k / max(n - 1, 1),
            min(k, 10) / 10,
            min(n - 1 - k, 10) / 10,
            float(k == 0),
            float(k == n - 1),
            float(prev_i is not None and removed[prev_i]),
            float(next_i is not None and removed[next_i]),
            (6 - near) / 5,
            float(k > 0 and head[k - 1]),
            float(k + 1 < n and head[k + 1]),
            float(prev_t.endswith(":")),
            float(0 < len(prev_t.split()) <= 6),
            float(0 < len(next_t.split()) <= 6),
            float(head[k]),
            (run - 1) / 5,
            float(seen[folded[i]] > 1),
            float(label[k]),
            float(under),
        ]
        out.append((vals, {_WORD_INDEX[w] for w in low if w in _WORD_INDEX}))
    return out


def candidate_lines(lines: Sequence[str], removed: Sequence[bool], keep: Sequence[bool] = ()) -> list[int]:
    """The lines the model scores: non-blank, kept by the rules, not too long (400 characters, 20 words),
    not a sentence with a verb (:func:`_is_sentence`), not marked to keep (``keep``: a line with a
    dateline cut off)."""
    return [i for i, ln in enumerate(lines)
            if ln.strip() and not removed[i] and len(ln.strip()) <= _MAX_CHARS and not (keep and keep[i])
            and len(ln.split()) <= _MAX_WORDS and not _is_sentence(ln.strip())]


def _is_sentence(line: str) -> bool:
    """A line that ends a sentence and has a common finite verb ("Video of the vote was shared widely."):
    the story's prose, which the model never takes, however short or wherever it stands."""
    return bool(_SENTENCE_END.search(line)) and any(w.casefold() in _VERBS for w in _WORD.findall(line))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@dataclass(frozen=True)
class FurnitureModel:
    """A fitted furniture model: plain numbers, as stored in ``data/furniture_model.json``.

    Attributes:
        features: the feature names, in the order of ``coefficients`` (must equal :data:`FEATURES`).
        mean, scale: each feature's standardisation (``(x - mean) / scale``).
        coefficients: one weight per standardised feature (log-odds).
        intercept: the log-odds of a line at the mean of every feature.
        threshold: a kept line is removed when its probability is at least this.
        about: where the model came from (data, command, cross-validated figures).
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    about: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        if not len(self.features) == len(self.mean) == len(self.scale) == len(self.coefficients):
            raise ValueError("furniture model: features, mean, scale and coefficients differ in length")
        # Folded into one weight and one offset per feature, so that scoring is one dot product.
        w = [c / s for c, s in zip(self.coefficients, self.scale)]
        object.__setattr__(self, "_w", w)
        object.__setattr__(self, "_b", self.intercept - sum(wi * m for wi, m in zip(w, self.mean)))

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each feature row (:func:`line_features`) is furniture."""
        w, b = self._w, self._b
        return [_sigmoid(b + sum(wi * x for wi, x in zip(w, row) if x)) for row in rows]

    def score_lines(self, lines: Sequence[str], candidates: Sequence[int], removed: Sequence[bool]) -> list[float]:
        """The probability that each candidate line of an article is furniture (as :meth:`probabilities` of
        :func:`line_features`, without building the word part of the rows)."""
        w, b = self._w, self._b
        return [_sigmoid(b + sum(wi * x for wi, x in zip(w, shape) if x) + sum(w[k] for k in words))
                for shape, words in _shapes(lines, candidates, removed)]

    def to_dict(self) -> dict:
        """The model as stored: its provenance, then its numbers rounded to six places."""
        numbers = {k: [round(float(x), 6) for x in getattr(self, k)] for k in ("mean", "scale", "coefficients")}
        return {**self.about, "features": list(self.features), **numbers,
                **{k: round(float(getattr(self, k)), 6) for k in ("intercept", "threshold")}}

    def write(self, path: str | Path = MODEL_FILE) -> Path:
        """Write the model as JSON with sorted keys and no date: the file changes only when a number does."""
        text = json.dumps(self.to_dict(), indent=1, sort_keys=True, ensure_ascii=False)
        Path(path).write_text(text + "\n", encoding="utf-8")
        return Path(path)

    @classmethod
    def from_dict(cls, d: dict) -> FurnitureModel:
        keys = ("features", "mean", "scale", "coefficients", "intercept", "threshold")
        missing = [k for k in keys if k not in d]
        if missing:
            raise ValueError(f"furniture model: missing {', '.join(missing)}")
        if tuple(d["features"]) != FEATURES:
            raise ValueError("furniture model: its features are not this version's FEATURES; retrain with "
                             "python -m analysis.evaluate cleaning --train")
        return cls(tuple(d["features"]), tuple(d["mean"]), tuple(d["scale"]), tuple(d["coefficients"]),
                   float(d["intercept"]), float(d["threshold"]), {k: v for k, v in d.items() if k not in keys})


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_FILE) -> FurnitureModel | None:
    """The package's furniture model (or the one at ``path``); None when the file is absent."""
    p = Path(path)
    if not p.is_file():
        return None
    return FurnitureModel.from_dict(json.loads(p.read_text(encoding="utf-8")))
