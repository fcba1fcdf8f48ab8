"""Loading a corpus folder, cleaning it, and cutting it into paragraphs, sentences and tokens with offsets.

Modules: ``load``, ``cleaning``, ``segment``, ``overview``, ``register``."""

from __future__ import annotations

from .load import (  # noqa: F401
    REQUIRED_COLUMNS,
    OPTIONAL_COLUMNS,
    MAX_ARTICLE_BYTES,
    METADATA_FIX,
    validate_corpus,
    Corpus,
    load_corpus,
    corpus_from_frame,
    corpus_summary,
    write_metadata_template,
    problems_table,
)
from . import cleaning, segment, overview, register  # noqa: F401,E402
