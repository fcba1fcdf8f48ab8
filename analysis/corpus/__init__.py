"""Loading a corpus folder, cleaning it, and cutting it into paragraphs, sentences and tokens with offsets.

Modules: ``load``, ``formats`` (CSV, JSON Lines, Parquet, web pages), ``cleaning``, ``segment``,
``overview``, ``register``, ``story`` (the corpus's story file: what is particular to its story)."""

from __future__ import annotations

from .load import *  # noqa: F401,F403  (the names of load.__all__)
from . import load
from . import cleaning, segment, overview, register, story  # noqa: F401,E402
from . import formats  # noqa: F401,E402
from .formats import open_corpus  # noqa: F401,E402

__all__ = [*load.__all__, "cleaning", "formats", "load", "open_corpus", "overview", "register", "segment", "story"]
