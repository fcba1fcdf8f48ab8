"""Synthesis: one card per outlet that brings together its frames, words, voices and coverage.

Notebook 05 puts side by side what notebooks 01 to 04 found about each outlet. The package
composes; the numbers come from the analyses (each one's ``summary`` module holds the
comparisons the cards state).

Modules:

- ``claims``: what a claim is (its source section, its evidence): :data:`SOURCES`,
  :class:`Source`, :func:`heading_anchor`, :class:`Synthesis`, the column lists, and the claims
  as tables (:func:`evidence_table`, :func:`claims_table`, :func:`save_tables`);
- ``compose``: :func:`synthesize`, the four analyses run once each and their tables written as
  claims, outlet by outlet;
- ``cards``: the cards and the table of claims as HTML (:func:`cards_html`,
  :func:`claims_table_html`, :data:`CARD_CSS`);
- ``narrative``: what the cards show side by side and what they cannot show, in words
  (:func:`synthesis_finding`, :func:`limits_finding`).
"""

from __future__ import annotations

from .cards import CARD_CSS, cards_html, claims_table_html
from .claims import (
    CLAIM_COLUMNS,
    EVIDENCE_COLUMNS,
    NEEDS_TWO,
    SOURCES,
    TOPIC_TITLES,
    TOPICS,
    Source,
    Synthesis,
    Topic,
    claims_table,
    evidence_table,
    heading_anchor,
    save_tables,
)
from .compose import synthesize
from .narrative import limits_finding, synthesis_finding

__all__ = [
    "Topic",
    "TOPICS",
    "TOPIC_TITLES",
    "CLAIM_COLUMNS",
    "EVIDENCE_COLUMNS",
    "heading_anchor",
    "Source",
    "SOURCES",
    "NEEDS_TWO",
    "Synthesis",
    "synthesize",
    "evidence_table",
    "claims_table",
    "claims_table_html",
    "save_tables",
    "CARD_CSS",
    "cards_html",
    "synthesis_finding",
    "limits_finding",
]
