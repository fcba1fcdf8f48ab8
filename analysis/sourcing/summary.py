"""Sourcing per outlet set against the others: whose voices come first, loaded verbs, the speaker most outlets quote.

The sourcing tables (:func:`analysis.sourcing.extract_quotes`, one row per quote or
attribution; :func:`analysis.sourcing.voices`, one row per outlet and speaker;
:func:`analysis.sourcing.verb_stance`, one row per outlet) are read here into what the synthesis
cards (notebook 05) and the sourcing workbook (``notebooks/03a``) put in words, so that the
sourcing package owns every number about voices:

- :func:`voice_ranking`: each outlet's speakers, most quoted words first, and
  :func:`voice_quotes`: the quotes behind one of them;
- :func:`stance_verbs`: the attributions made with a verb that is not neutral, one per cue, and
  :func:`stance_of_others`: the shares of the other outlets together;
- :func:`attributions` and :func:`most_attributed_speaker`: attributions with a speaker and a
  verb in the text, and the speaker the most outlets attribute.

References:
    Bergler, S. (1992). Evidential analysis of reported speech. PhD thesis, Brandeis University
    (the stance of reporting verbs).
    Newell, E., Margolin, D. & Ruths, D. (2018). An attribution relations corpus for political
    news. LREC 2018 (how well the quote finder's speakers and verbs are measured).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus import Corpus

__all__ = [
    "attributions",
    "most_attributed_speaker",
    "stance_of_others",
    "stance_verbs",
    "UNKNOWN",
    "voice_quotes",
    "voice_ranking",
]

UNKNOWN = "(unknown)"
"""How :func:`analysis.sourcing.voices` names the speaker of quotes with no speaker."""


def voice_ranking(voices: pd.DataFrame) -> pd.DataFrame:
    """Each outlet's voices, most quoted words first.

    Args:
        voices: :func:`analysis.sourcing.voices` with ``by="speaker"``.

    Returns:
        The rows of ``voices`` (outlets in their order there), each outlet's speakers sorted by
        ``words`` and ``quotes`` (most first) then ``speaker``, with ``rank`` (1 = the most
        quoted words) and ``outlet_words`` (all the words the outlet puts in quotation marks).
    """
    parts = []
    for outlet in voices["outlet"].drop_duplicates():
        v = voices[voices["outlet"] == outlet]
        ranked = v.sort_values(["words", "quotes", "speaker"], ascending=[False, False, True], kind="stable")
        parts.append(ranked.assign(rank=range(1, len(ranked) + 1), outlet_words=int(v["words"].sum())))
    if not parts:
        return voices.assign(rank=pd.Series(dtype=int), outlet_words=pd.Series(dtype=int))
    return pd.concat(parts, ignore_index=True)


def voice_quotes(quotes: pd.DataFrame, outlet: str, speaker: str) -> pd.DataFrame:
    """The quotes an outlet gives a speaker (direct and partial quotes in the text, as
    :func:`analysis.sourcing.voices` counts them; ``"(unknown)"`` is the quotes with no speaker)."""
    from . import VOICE_KINDS

    spoken = quotes[quotes["kind"].isin(VOICE_KINDS) & (quotes["field"] == "text")]
    return spoken[(spoken["outlet"] == outlet) & (spoken["speaker"] == ("" if speaker == UNKNOWN else speaker))]


def stance_verbs(quotes: pd.DataFrame) -> pd.DataFrame:
    """The attributions made with a reporting verb that is not neutral, one per cue.

    The attributions :func:`analysis.sourcing.verb_stance` counts as not neutral: a verb of the
    lexicon whose stance is not neutral, an inherited cue not counted again.

    Args:
        quotes: :func:`analysis.sourcing.extract_quotes`.

    Returns:
        The rows of ``quotes``, the first per article and verb offset.
    """
    loaded = quotes[(quotes["stance"] != "") & (quotes["stance"] != "neutral") & (quotes["cue_position"] != "inherited")]
    return loaded.drop_duplicates(["article_id", "verb_start"])


def stance_of_others(stance: pd.DataFrame) -> pd.DataFrame:
    """The reporting verbs of all the other outlets together, for each outlet.

    Args:
        stance: :func:`analysis.sourcing.verb_stance` (indexed by outlet).

    Returns:
        One row per outlet (same index): ``others_total`` (their attributions with a verb),
        ``others_non_neutral_share`` and ``others_distancing_share`` (NaN when they have none).
    """
    rows = {}
    for outlet in stance.index:
        rest = stance.drop(index=outlet)
        total = rest["total"].sum() if len(rest) else 0
        if total:
            rows[outlet] = {"others_total": total, "others_non_neutral_share": (total - rest["neutral"].sum()) / total,
                            "others_distancing_share": rest["distancing"].sum() / total}
        else:
            rows[outlet] = {"others_total": total, "others_non_neutral_share": np.nan, "others_distancing_share": np.nan}
    return pd.DataFrame.from_dict(rows, orient="index", columns=["others_total", "others_non_neutral_share", "others_distancing_share"])


def attributions(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes and attributions in the article texts that have both a speaker and a reporting verb."""
    return quotes[(quotes["field"] == "text") & (quotes["speaker"] != "") & (quotes["verb"] != "")]


def most_attributed_speaker(quotes: pd.DataFrame, corpus: Corpus) -> str:
    """The speaker attributed by the most outlets.

    Args:
        quotes: :func:`analysis.sourcing.extract_quotes` (``indirect=True`` counts reported speech too).
        corpus: the corpus.

    Returns:
        The first row of :func:`analysis.sourcing.same_speaker_verbs`; when no speaker is
        attributed by two outlets (one outlet), the speaker with the most attributions (ties:
        alphabetical); "" when no attribution has a speaker and a verb.
    """
    from . import same_speaker_verbs

    same = same_speaker_verbs(quotes, corpus)
    if len(same):
        return same["speaker"].iloc[0]
    body = attributions(quotes)
    if not len(body):
        return ""
    counts = body.groupby("speaker").size()
    return sorted(counts.index, key=lambda s: (-counts[s], s))[0]
