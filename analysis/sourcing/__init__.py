"""Whom each outlet lets speak: quotes, reporting verbs, speakers and per-outlet sourcing profiles.

Modules: ``profiles``, ``quotes``."""

from __future__ import annotations

from .profiles import (  # noqa: F401
    EVALUATION_FILE,
    QUOTE_COLUMNS,
    VOICE_KINDS,
    extract_quotes,
    indirect_attributions,
    quote_counts,
    quote_table,
    voices,
    top_speakers,
    voices_finding,
    voices_figure,
    verb_stance,
    verb_stance_finding,
    verb_stance_figure,
    same_speaker_verbs,
    same_speaker_finding,
    vague_sourcing,
    vague_sourcing_summary,
    vague_finding,
    media_cited,
    media_summary,
    media_finding,
    most_quoted_article,
    highlight_quotes_html,
    measured_error,
    error_rate_sentence,
    error_rate_reminder,
)
from . import quotes  # noqa: F401,E402
