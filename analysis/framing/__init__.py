"""How each outlet frames the story: generic and policy frames, headline and lede, actors, agency.

Modules, one question each:

- ``schemes``: the frame schemes of ``data/frames_*.toml`` (generic frames, Semetko & Valkenburg
  2000; policy frames, Boydstun et al. 2014), read and matched: :func:`load_scheme`,
  :class:`FrameScheme`, :class:`CueGroup`, :class:`SchemeError`, :func:`cue_table`,
  :func:`questions_table`.
- ``frames``: frames per sentence with their evidence: the MISSION contract :func:`frame_scores`,
  :func:`score_article`, :func:`cue_matches`, :func:`frame_summary`, :func:`classify`,
  :func:`frame_heatmap`, :func:`frame_heatmap_title`, :func:`frame_finding`,
  :func:`evidence_html`, :func:`evidence_limit`, :func:`save_table`.
- ``lede``: headline and lede (:func:`headline_and_lede`, :func:`headline_lede_html`,
  :func:`lede_finding`), kinds of event (:func:`load_events`, :func:`find_events`), first mentions
  (:func:`first_mentions`, :func:`first_mention_table`, :func:`first_mention_finding`).
- ``actors``: actor salience through the register (:func:`actor_mentions`, :func:`actor_salience`,
  :func:`salience_wide`, :func:`salience_table`, :func:`salience_figure`, :func:`salience_title`,
  :func:`salience_finding`).
- ``paragraphs``: paragraph numbers as a reader counts them (used by frames, lede and actors).
- ``agency``: who is said to act, gathering ``passives`` (passives and by-agents), ``violence``
  (who does what to whom) and ``grammar`` (tokens, word lists, grammatical subjects); used as a
  module (``from analysis.framing import agency``).
- ``measured``: the measured error rates of the framing labels (:func:`read_results`,
  :func:`evaluation_table`, :func:`evaluation_finding`).
- ``summary``: the frame and passive comparisons the synthesis cards and the workbook put in words.
"""

from __future__ import annotations

from . import agency
from .actors import (
    ACTOR_KINDS,
    actor_mentions,
    actor_salience,
    salience_figure,
    salience_finding,
    salience_table,
    salience_title,
    salience_wide,
)
from .frames import (
    classify,
    cue_matches,
    evidence_html,
    evidence_limit,
    frame_finding,
    frame_heatmap,
    frame_heatmap_title,
    frame_scores,
    frame_summary,
    save_table,
    score_article,
)
from .lede import (
    EVENTS_FILE,
    find_events,
    first_mention_finding,
    first_mention_table,
    first_mentions,
    headline_and_lede,
    headline_lede_html,
    lede_finding,
    load_events,
)
from .measured import evaluation_finding, evaluation_table, read_results
from .schemes import (
    SCHEME_FILES,
    CueGroup,
    FrameScheme,
    Scheme,
    SchemeError,
    cue_table,
    load_scheme,
    questions_table,
)

__all__ = [
    # schemes
    "Scheme",
    "SCHEME_FILES",
    "SchemeError",
    "CueGroup",
    "FrameScheme",
    "load_scheme",
    "cue_table",
    "questions_table",
    # frames
    "cue_matches",
    "score_article",
    "frame_scores",
    "frame_summary",
    "classify",
    "frame_heatmap",
    "frame_heatmap_title",
    "frame_finding",
    "evidence_html",
    "evidence_limit",
    "save_table",
    # lede
    "EVENTS_FILE",
    "load_events",
    "find_events",
    "headline_and_lede",
    "headline_lede_html",
    "lede_finding",
    "first_mentions",
    "first_mention_table",
    "first_mention_finding",
    # actors
    "ACTOR_KINDS",
    "actor_mentions",
    "actor_salience",
    "salience_wide",
    "salience_table",
    "salience_figure",
    "salience_title",
    "salience_finding",
    # measured
    "read_results",
    "evaluation_table",
    "evaluation_finding",
    # modules used by name
    "agency",
]
