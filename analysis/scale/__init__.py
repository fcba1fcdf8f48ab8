"""Large corpora: JSON Lines / Parquet input in chunks, and the pipeline in one process or on Dask.

Modules: ``pipeline``, ``input``."""

from __future__ import annotations

from .pipeline import (  # noqa: F401
    PARTS,
    KEYS,
    STAGES,
    TopicProjector,
    Partial,
    process_chunk,
    combine,
    distinctive_terms_from_counts,
    fit_projector,
    run_local,
    run_dask,
    write_results,
    parse_mapping,
    run_scale_command,
)
from . import input  # noqa: F401,E402
