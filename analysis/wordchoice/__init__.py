"""Which words each outlet chooses: distinctive terms, contested naming, loaded language, sentiment, keyword in context.

Each analysis takes a corpus and returns a tidy DataFrame whose rows lead back to the text
(offsets, or counts whose terms a keyword-in-context table shows in place); the sentences a
notebook shows in plain words are written from the numbers, so they hold for any corpus.

Modules:

- ``terms``: what a term is and how terms are counted per group (:func:`article_terms`,
  :func:`term_counts`, :func:`background_counts`, :data:`TERM_PATTERN`).
- ``logodds``: the log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn
  2008, eq. 16 and 18 (:func:`log_odds_dirichlet`, :func:`log_odds_z`).
- ``distinctive``: distinctive terms of a corpus and how far to trust them
  (:func:`distinctive_terms`, :func:`top_terms`, :func:`bonferroni_z`,
  :func:`significance_summary`, :func:`chance_baseline`, :func:`distinctive_finding`,
  :func:`limits_statement`, :func:`distinctive_terms_figure`).
- ``naming``: contested naming from the lexicon of the corpus's story file (``story.toml``;
  :func:`naming_lexicon`, :func:`naming_source`, :func:`load_naming`, :func:`naming_mentions`,
  :func:`naming_table`, :func:`naming_display`, :func:`naming_finding`, :func:`naming_notes`),
  and the words read in context (:func:`context_keywords`, :func:`keyword_heading`).
- ``candidates``: without a lexicon, candidate naming variants found in the text
  (:func:`naming_candidates`, :func:`candidates_display`, :func:`candidates_finding`,
  :func:`story_template`).
- ``loaded``: loaded language from ``data/loaded_language/`` (:func:`load_lexicons`,
  :func:`loaded_words`, :func:`loaded_rates`, :func:`loaded_finding`, :func:`loaded_rates_figure`,
  :data:`LOADED_DETECTOR`).
- ``sentiment``: sentence sentiment with VADER (:func:`sentence_sentiment`,
  :func:`sentiment_by_outlet`, :func:`most_negative_sentences`, :func:`vader_lexicon`).
- ``quoted``: whether a use sits inside quotation marks (read by :mod:`analysis.corpus.marks`),
  for naming and loaded language.
- ``kwic``: keyword in context, side by side across outlets (``kwic.keyword_in_context``,
  ``kwic.side_by_side``).
- ``summary``: the few numbers the synthesis cards and the workbook put in words.

:class:`LexiconError` is :class:`analysis.errors.LexiconError`.
"""

from __future__ import annotations

from ..errors import LexiconError
from .distinctive import (
    NEEDS_TWO_OUTLETS,
    bonferroni_z,
    chance_baseline,
    distinctive_finding,
    distinctive_terms,
    distinctive_terms_figure,
    limits_statement,
    significance_summary,
    top_terms,
)
from .loaded import (
    LOADED_ALL,
    LOADED_CATEGORIES,
    LOADED_DETECTOR,
    LOADED_DIR,
    Lexicon,
    load_lexicons,
    loaded_finding,
    loaded_rates,
    loaded_rates_figure,
    loaded_words,
    loaded_words_summary,
)
from .logodds import MAX_DENSE_CELLS, log_odds_dirichlet, log_odds_z
from .naming import (
    Concept,
    Keyword,
    Variant,
    context_keywords,
    first_concept_uses,
    keyword_heading,
    load_naming,
    naming_display,
    naming_finding,
    naming_lexicon,
    naming_mentions,
    naming_notes,
    naming_source,
    naming_table,
)
from .candidates import candidates_display, candidates_finding, naming_candidates, story_template
from .sentiment import most_negative_sentences, sentence_sentiment, sentiment_by_outlet, vader_lexicon
from .terms import TERM_PATTERN, article_terms, background_counts, term_counts
from . import candidates, kwic  # modules: candidates., kwic.keyword_in_context, kwic.side_by_side

__all__ = [
    # terms
    "TERM_PATTERN",
    "article_terms",
    "term_counts",
    "background_counts",
    # logodds
    "MAX_DENSE_CELLS",
    "log_odds_dirichlet",
    "log_odds_z",
    # distinctive
    "NEEDS_TWO_OUTLETS",
    "distinctive_terms",
    "bonferroni_z",
    "significance_summary",
    "top_terms",
    "chance_baseline",
    "distinctive_finding",
    "limits_statement",
    "distinctive_terms_figure",
    # naming
    "Variant",
    "Concept",
    "Keyword",
    "load_naming",
    "naming_lexicon",
    "naming_source",
    "naming_mentions",
    "naming_table",
    "naming_display",
    "naming_finding",
    "naming_notes",
    "context_keywords",
    "first_concept_uses",
    "keyword_heading",
    # naming candidates, without a lexicon
    "candidates",
    "naming_candidates",
    "candidates_display",
    "candidates_finding",
    "story_template",
    # loaded
    "LOADED_DIR",
    "LOADED_CATEGORIES",
    "LOADED_DETECTOR",
    "LOADED_ALL",
    "LexiconError",
    "Lexicon",
    "load_lexicons",
    "loaded_words",
    "loaded_words_summary",
    "loaded_rates",
    "loaded_finding",
    "loaded_rates_figure",
    # sentiment
    "vader_lexicon",
    "sentence_sentiment",
    "sentiment_by_outlet",
    "most_negative_sentences",
    # keyword in context
    "kwic",
]
