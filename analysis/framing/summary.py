"""Frames and passives per outlet set against the other outlets: ranks, leans and the widest contrast.

The framing tables (:func:`analysis.framing.frame_summary`, one row per outlet and frame;
:func:`analysis.framing.agency.passive_summary`, one row per outlet) say how much each outlet
uses each frame and how many passives leave out the agent. The comparisons that the synthesis
cards (notebook 05) and the framing workbook (``notebooks/01a``) put in words are computed here,
from those tables, so that the framing package owns every number about frames:

- :func:`frame_ranks`: each outlet's frames from most to least frequent, with the share of the
  other outlets' sentences, taken together, that carry the same frame, and the gap between them;
- :func:`agentless_of_others`: agentless passives per 1,000 words of the other outlets together;
- :func:`frame_contrast`: the frame on which the outlets differ most.

References:
    Semetko, H. A. & Valkenburg, P. M. (2000). Framing European politics: A content analysis of
    press and television news. Journal of Communication 50(2), 93-109 (the generic frames).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "agentless_of_others",
    "frame_contrast",
    "frame_ranks",
]


def frame_ranks(summary: pd.DataFrame) -> pd.DataFrame:
    """Each outlet's frames in order of frequency, set against the other outlets taken together.

    Args:
        summary: :func:`analysis.framing.frame_summary` by outlet (``outlet``, ``frame``,
            ``sentences``, ``all_sentences``, ``share_of_sentences``).

    Returns:
        The rows of ``summary`` (outlets in their order there), each outlet's frames sorted by
        ``share_of_sentences`` then ``sentences`` (highest first; ties keep the scheme's order),
        with ``rank`` (1 = the outlet's most frequent frame), ``others_share`` (the share of the
        other outlets' sentences, pooled, that carry the frame; 0 when they have no sentence) and
        ``gap`` (``share_of_sentences - others_share``: how much more the outlet leans to the
        frame than the rest). ``others_share`` and ``gap`` are NaN with one outlet.
    """
    parts = []
    for outlet in summary["outlet"].drop_duplicates():
        mine = summary[summary["outlet"] == outlet].sort_values(
            ["share_of_sentences", "sentences"], ascending=False, kind="stable"
        )
        pooled = summary[summary["outlet"] != outlet].groupby("frame", sort=False)[["sentences", "all_sentences"]].sum()
        others, gaps = [], []
        for r in mine.itertuples(index=False):
            if r.frame not in pooled.index:
                others.append(np.nan)
                gaps.append(np.nan)
                continue
            n_theirs, all_theirs = pooled.loc[r.frame, "sentences"], pooled.loc[r.frame, "all_sentences"]
            theirs = n_theirs / all_theirs if all_theirs else 0.0
            others.append(theirs)
            gaps.append(r.share_of_sentences - theirs)
        parts.append(mine.assign(rank=range(1, len(mine) + 1), others_share=others, gap=gaps))
    columns = [*summary.columns, "rank", "others_share", "gap"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def agentless_of_others(passive_summary: pd.DataFrame) -> pd.Series:
    """Agentless passives per 1,000 words of all the other outlets together, for each outlet.

    Args:
        passive_summary: :func:`analysis.framing.agency.passive_summary` (``outlet``,
            ``agentless``, ``words``).

    Returns:
        A Series indexed by outlet (in the table's order); NaN where the other outlets have no
        words (one outlet).
    """
    rates = {}
    for outlet in passive_summary["outlet"]:
        rest = passive_summary[passive_summary["outlet"] != outlet]
        words = rest["words"].sum()
        rates[outlet] = 1000 * rest["agentless"].sum() / words if words else np.nan
    return pd.Series(rates, name="others_agentless_per_1000_words", dtype=float)


def frame_contrast(summary: pd.DataFrame) -> dict:
    """The frame on which outlets differ most (largest gap in share of sentences), with the outlet
    that shows it most and the one that shows it least (ties: the frame shown most, then the
    earlier outlet and frame). With one outlet: the frame it shows most.

    Args:
        summary: :func:`analysis.framing.frame_summary` by outlet.

    Returns:
        ``{"frame", "high", "high_share", "low", "low_share"}``; with one outlet, high and low are it.
    """
    gaps = []
    for frame, g in summary.groupby("frame", sort=False):
        hi = g.loc[g["share_of_sentences"].idxmax()]
        lo = g.loc[g["share_of_sentences"].idxmin()]
        gaps.append((hi["share_of_sentences"] - lo["share_of_sentences"], frame, hi, lo))
    # Largest gap first, then the frame shown most (so one outlet gets its own commonest frame);
    # max keeps the first of equal keys, in the scheme's order.
    gap, frame, hi, lo = max(gaps, key=lambda x: (round(x[0], 9), round(x[2]["share_of_sentences"], 9)))
    return {"frame": frame, "high": hi["outlet"], "high_share": float(hi["share_of_sentences"]),
            "low": lo["outlet"], "low_share": float(lo["share_of_sentences"])}
