"""Check the machine: hand labels against the tool's, agreement and the lesson items.

Modules:

- ``items``: the items each workbook's check asks to label, chosen by a fixed rule from the
  tool's own output (:func:`frame_items`, :func:`loaded_items`, :func:`quote_items`,
  :func:`passage_items`, :func:`item_keys`, the labels :data:`WIRE`, :data:`LOADED`, ...);
- ``labels``: the student's answers read, matched to the items by key and normalised to the
  tool's labels (:func:`attach_answers`, :func:`answered`, the ``*_answer`` functions,
  :func:`save_check`, :class:`LabelError`);
- ``agreement``: percent agreement and Cohen's kappa with Landis and Koch's bands, the Wilson
  interval, disagreements, and the check as tables and sentences (:func:`agreement`,
  :func:`cohen_kappa`, :func:`check_table`, :func:`check_finding`, ...);
- ``reading``: the items and sentences shown whole to read, and the sentences that introduce the
  exercises (:func:`reading_html`, :func:`sentences_html`, :func:`with_sentences`,
  :func:`speaker_attributions`, the ``*_finding`` sentences);
- ``rates``: the tool's measured error rates beside the check, read from the committed
  evaluation results (:data:`EVALUATIONS`, :func:`measured_rates`, :func:`measured_finding`).

Two names come from the analyses that own them: :func:`frame_contrast` from
:mod:`analysis.framing.summary` and :func:`top_distinctive_term` from
:mod:`analysis.wordchoice.summary`.
"""

from __future__ import annotations

from ..framing.summary import frame_contrast
from ..wordchoice.summary import top_distinctive_term
from .agreement import (
    KAPPA_BANDS,
    agreement,
    agreement_table,
    check_finding,
    check_table,
    check_tables,
    cohen_kappa,
    confirmed_finding,
    disagreements,
    disagreements_any,
    frame_check_verdict,
    kappa_words,
    wilson_interval,
)
from .items import (
    KEY_WORDS,
    LOADED,
    NO_FRAME,
    NOT_LOADED,
    NOT_WIRE,
    WIRE,
    frame_items,
    item_keys,
    loaded_items,
    passage_items,
    quote_items,
)
from .labels import (
    LabelError,
    answered,
    attach_answers,
    frame_answer,
    loaded_answer,
    save_check,
    speaker_answer,
    speaker_normaliser,
    verb_answer,
    wire_answer,
)
from .rates import EVALUATIONS, Lesson, measured_finding, measured_rates
from .reading import (
    attributions_finding,
    contrast_finding,
    distinctive_term_finding,
    reading_html,
    sentences_html,
    speaker_attributions,
    with_sentences,
)

__all__ = [
    "LabelError",
    "cohen_kappa",
    "agreement",
    "disagreements",
    "agreement_table",
    "KEY_WORDS",
    "item_keys",
    "frame_items",
    "quote_items",
    "WIRE",
    "NOT_WIRE",
    "LOADED",
    "NO_FRAME",
    "NOT_LOADED",
    "loaded_items",
    "passage_items",
    "frame_answer",
    "speaker_answer",
    "speaker_normaliser",
    "verb_answer",
    "wire_answer",
    "loaded_answer",
    "attach_answers",
    "answered",
    "KAPPA_BANDS",
    "kappa_words",
    "wilson_interval",
    "check_table",
    "confirmed_finding",
    "check_tables",
    "disagreements_any",
    "frame_check_verdict",
    "check_finding",
    "reading_html",
    "Lesson",
    "EVALUATIONS",
    "measured_rates",
    "measured_finding",
    "sentences_html",
    "frame_contrast",
    "contrast_finding",
    "with_sentences",
    "speaker_attributions",
    "attributions_finding",
    "top_distinctive_term",
    "distinctive_term_finding",
    "save_check",
]
