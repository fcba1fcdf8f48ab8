"""Whom each outlet lets speak: quotes, reporting verbs, speakers and per-outlet sourcing profiles.

The quote finder, one text at a time (:func:`~analysis.sourcing.quotes.quotes_in_text`):

- ``lexicon``: the reporting verbs, vague-sourcing lists and register, compiled once
  (``load_lexicon``), and the closed-class words;
- ``sentences``: sentences and tokens with every quote masked to one token, the reporting verbs
  in them;
- ``phrases``: noun phrases without a parser (where a speaker's words start and stop);
- ``cues``: the reporting verb of each quote and its subject;
- ``speakers``: who that subject is (pronouns, descriptions, roles, names through the register);
- ``quotes``: ``quotes_in_text``, the quote rows (kind, numbering, inherited speakers) and
  indirect attributions.

Over a corpus:

- ``profiles``: ``extract_quotes``, ``indirect_attributions``, ``quote_counts``, ``quote_table``,
  voices (``voices``, ``top_speakers``, ``voices_finding``), reporting verbs (``verb_stance``,
  ``verb_stance_finding``, ``same_speaker_verbs``, ``same_speaker_finding``);
- ``figures``: ``voices_figure`` and ``voices_shares``, ``verb_stance_figure`` and ``verb_stance_shares``, ``most_quoted_article``,
  ``highlight_quotes_html``;
- ``vague``: vague and anonymous sourcing (``vague_sourcing_in_text``, ``vague_sourcing``,
  ``vague_sourcing_summary``, ``vague_finding``);
- ``media``: media cited (``media_cited``, ``media_summary``, ``media_finding``);
- ``measured``: the measured error rate (``measured_error``, ``error_rate_sentence``,
  ``error_rate_reminder``, read through analysis.evaluate.results);
- ``summary``: the sourcing numbers the synthesis cards and the workbook put in words.
"""

from __future__ import annotations

from . import quotes
from .figures import (
    highlight_quotes_html,
    most_quoted_article,
    verb_stance_figure,
    verb_stance_shares,
    voices_figure,
    voices_shares,
)
from .measured import error_rate_reminder, error_rate_sentence, measured_elsewhere, measured_elsewhere_sentence, measured_error
from .media import media_cited, media_finding, media_summary
from .profiles import (
    QUOTE_COLUMNS,
    VOICE_KINDS,
    extract_quotes,
    indirect_attributions,
    quote_counts,
    quote_table,
    same_speaker_finding,
    same_speaker_verbs,
    top_speakers,
    verb_stance,
    verb_stance_finding,
    voices,
    voices_finding,
)
from .vague import vague_finding, vague_sourcing, vague_sourcing_in_text, vague_sourcing_summary

__all__ = [
    "QUOTE_COLUMNS",
    "VOICE_KINDS",
    "error_rate_reminder",
    "error_rate_sentence",
    "extract_quotes",
    "highlight_quotes_html",
    "indirect_attributions",
    "measured_elsewhere",
    "measured_elsewhere_sentence",
    "measured_error",
    "media_cited",
    "media_finding",
    "media_summary",
    "most_quoted_article",
    "quote_counts",
    "quote_table",
    "quotes",
    "same_speaker_finding",
    "same_speaker_verbs",
    "top_speakers",
    "vague_finding",
    "vague_sourcing",
    "vague_sourcing_in_text",
    "vague_sourcing_summary",
    "verb_stance",
    "verb_stance_figure",
    "verb_stance_shares",
    "verb_stance_finding",
    "voices",
    "voices_figure",
    "voices_shares",
    "voices_finding",
]
