"""Large corpora: JSON Lines / Parquet input in chunks, and the pipeline in one process or on Dask.

Modules: ``pipeline``, ``input``."""

from __future__ import annotations

from .pipeline import *  # noqa: F401,F403  (the names of pipeline.__all__)
from . import pipeline
from . import input  # noqa: F401,E402

__all__ = [*pipeline.__all__, "input", "pipeline"]
