"""Sentence sentiment with VADER: how negative or positive each outlet's sentences read.

:func:`sentence_sentiment` scores every sentence with VADER's rule-based model (the lexicon and
rules shipped in the vaderSentiment package, MIT licence; :func:`vader_lexicon` gives its word
list, which the BASIL evaluation uses as a baseline); :func:`sentiment_by_outlet` averages per
group with a bootstrap interval over sentences; :func:`most_negative_sentences` points to the
sentences behind the numbers.

References:
    Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
    analysis of social media text. Proceedings of ICWSM 8(1), 216-225.
    Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from ..corpus import Corpus

__all__ = [
    "most_negative_sentences",
    "sentence_sentiment",
    "sentiment_by_outlet",
    "vader_lexicon",
]


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_lexicon() -> dict[str, float]:
    """VADER's word list with its valence scores (shipped inside the vaderSentiment package, MIT).

    Returns:
        Word -> mean valence, from -4 (most negative) to +4, as rated by VADER's annotators.

    References:
        Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
        analysis of social media text. Proceedings of ICWSM 8(1), 216-225.
    """
    return dict(_vader().lexicon)


def sentence_sentiment(corpus: Corpus) -> pd.DataFrame:
    """VADER sentiment of every sentence.

    Args:
        corpus: a loaded corpus.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``start``, ``end``, ``text``,
        ``neg``, ``neu``, ``pos`` (shares of the sentence's words) and ``compound`` (from -1,
        most negative, to +1); by VADER's convention a sentence is negative at compound <= -0.05
        and positive at >= 0.05.

    References:
        Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
        analysis of social media text. Proceedings of ICWSM 8(1), 216-225.
    """
    s = corpus.sentences()[["article_id", "outlet", "sentence", "start", "end", "text"]]
    scores = pd.DataFrame([_vader().polarity_scores(t) for t in s["text"]], index=s.index)
    return pd.concat([s, scores[["neg", "neu", "pos", "compound"]]], axis=1)


def sentiment_by_outlet(
    sentiment: pd.DataFrame, *, by: str = "outlet", n_boot: int = 2000, ci: float = 0.95, random_state: int = 0
) -> pd.DataFrame:
    """Mean sentence sentiment per group, with a bootstrap interval (sentences resampled), and the
    shares of negative and positive sentences.

    Args:
        sentiment: the output of :func:`sentence_sentiment`.
        by: the group column.
        n_boot: bootstrap resamples.
        ci: the interval's coverage.
        random_state: the random seed (each group draws from its own stream of it).

    Returns:
        DataFrame, one row per group (in order of first appearance): ``by``, ``sentences``,
        ``mean compound``, ``low``, ``high`` (percentile interval of the mean), ``negative
        sentences`` and ``positive sentences`` (shares at compound <= -0.05 and >= 0.05).

    References:
        Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
        analysis of social media text. Proceedings of ICWSM 8(1), 216-225 (the thresholds).
        Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
    """
    rows = []
    for gi, (g, d) in enumerate(sentiment.groupby(by, sort=False)):
        c = d["compound"].to_numpy()
        rng = np.random.default_rng([random_state, gi])
        if len(c) > 1:
            means = c[rng.integers(0, len(c), size=(n_boot, len(c)))].mean(axis=1)
            low, high = np.quantile(means, [(1 - ci) / 2, 1 - (1 - ci) / 2])
        else:
            low = high = float(c.mean()) if len(c) else np.nan
        rows.append(
            {
                by: g, "sentences": len(c), "mean compound": float(c.mean()) if len(c) else np.nan,
                "low": float(low), "high": float(high),
                "negative sentences": float((c <= -0.05).mean()) if len(c) else np.nan,
                "positive sentences": float((c >= 0.05).mean()) if len(c) else np.nan,
            }
        )
    return pd.DataFrame(rows)


def most_negative_sentences(sentiment: pd.DataFrame, *, by: str = "outlet", n: int = 1) -> pd.DataFrame:
    """The ``n`` sentences with the lowest VADER compound score of each group, with their offsets.

    Args:
        sentiment: the output of :func:`sentence_sentiment`.
        by: the group column.
        n: sentences per group.

    Returns:
        DataFrame, ``n`` rows per group (groups in order of first appearance, lowest score
        first): ``by``, ``article_id``, ``sentence``, ``start``, ``end``, ``compound``, ``text``.

    References:
        Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
        analysis of social media text. Proceedings of ICWSM 8(1), 216-225.
    """
    s = sentiment.sort_values(["compound", "article_id", "start"], kind="stable")
    return s.groupby(by, sort=False).head(n).sort_values(by, key=lambda c: c.map({g: i for i, g in enumerate(dict.fromkeys(sentiment[by]))}), kind="stable")[
        [by, "article_id", "sentence", "start", "end", "compound", "text"]
    ].reset_index(drop=True)
