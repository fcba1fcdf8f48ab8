"""The words the topic models and the story elements count: stop words, content words, the vectoriser.

Both analyses of the package compare texts by their content words, and both need the same idea
of what a content word is:

- :func:`load_stop_words`: scikit-learn's English stop words, changed by the news stop-word
  file ``analysis/data/stopwords_news.txt`` ("said", "told", "mr" added);
- :func:`content_words`: the stemmed content words of a text, for the story elements (Snowball
  stemmer, so "killed" and "killing" meet);
- :func:`make_vectorizer`: the TF-IDF (or count) vectoriser the topic models are fitted with.

References:
    Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval",
    Information Processing & Management 24 (TF-IDF). Porter (2001), "Snowball: a language for
    stemming algorithms" (the Porter 2 stemmer).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..errors import TopicError
from ..paths import DATA_DIR

__all__ = [
    "content_word_count",
    "content_words",
    "load_stop_words",
    "make_vectorizer",
    "STOPWORDS_FILE",
    "TOKEN_PATTERN",
]

STOPWORDS_FILE = DATA_DIR / "stopwords_news.txt"
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"
"""Words of two or more letters; numbers and one-letter fragments are not topic words."""


@lru_cache(maxsize=4)
def load_stop_words(path: str | Path = STOPWORDS_FILE) -> frozenset[str]:
    """scikit-learn's English stop words changed by the data file (``+word`` adds, ``-word`` keeps).

    Args:
        path: a stop-word file in the format of ``analysis/data/stopwords_news.txt``.

    Returns:
        The stop words, lower case.

    Raises:
        TopicError: on a line that is neither ``+word`` nor ``-word`` (the message names it).
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


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """The Snowball stem of a lower-case word, remembered (a corpus repeats its words)."""
    return _stemmer().stem(word)


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

    References:
        Porter (2001), "Snowball: a language for stemming algorithms".
    """
    stop = load_stop_words()
    stem = _stem
    out = []
    for m in _LETTERS.finditer(text):
        w = _POSSESSIVE.sub("", m.group().lower()).replace("’", "'")
        if len(w) < 2 or w in stop or w.replace("'", "") in stop:
            continue
        out.append((stem(w), w))
    return out


def content_word_count(text: str) -> int:
    """How many content words a text holds (the words :func:`content_words` keeps, without stemming them)."""
    stop = load_stop_words()
    n = 0
    for m in _LETTERS.finditer(text):
        w = _POSSESSIVE.sub("", m.group().lower()).replace("’", "'")
        if len(w) >= 2 and w not in stop and w.replace("'", "") not in stop:
            n += 1
    return n


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

    References:
        Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval".
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    common = dict(
        lowercase=True, token_pattern=TOKEN_PATTERN, stop_words=sorted(load_stop_words()), min_df=min_df, max_df=max_df
    )
    if weighting == "tfidf":
        return TfidfVectorizer(sublinear_tf=True, **common)
    return CountVectorizer(**common)
