"""The main job: execute the notebooks on a corpus and render the static HTML site.

Modules: ``report``."""

from __future__ import annotations

from . import report  # noqa: F401,E402

__all__ = [
    "report",
]
