"""Evaluation results: the one reader and writer of ``analysis/data/evaluation_*.json``.

Each evaluation (``python -m analysis.evaluate NAME``) measures one automatic label of the
package against annotated data and writes its figures here; the notebooks, the teacher's guide
and the synthesis cards read them back through :func:`read` or :func:`measured`, so a number
quoted anywhere in the site is the one the evaluation computed.

One schema for every file, ``evaluation_<name>.json``::

    {
      "<section>": {                  # one measurement: a data set, or a part of one
        "command": "python -m analysis.evaluate ...",   # how to reproduce it
        "data": "...",                                  # what it was measured on
        ...                                              # the figures: numbers, nested
      },
      ...
    }

The files are written with sorted keys and no date or time (a committed file changes only when a
figure does). The results a file holds now:

====================  =========================  ============================================
name                  sections                   measured on
====================  =========================  ============================================
``cleaning``          ``dev``, ``unseen``        hand-marked furniture lines of AllSides articles
``framing``           ``frac``, ``passives``     FrAC policy frames; hand-labelled passives
``loaded``            ``basil``                  BASIL lexical-bias spans
``quotes``            ``polnear``                PolNeAR direct quotes, speakers and cues
``topics``            ``bbc``                    BBC News categories (NMI, ARI)
====================  =========================  ============================================
"""

from __future__ import annotations

import json
import numbers
from pathlib import Path

import pandas as pd

from ..errors import ResultsError
from ..paths import DATA_DIR

__all__ = [
    "measured",
    "NAMES",
    "read",
    "REQUIRED_KEYS",
    "results_path",
    "section",
    "write",
]

NAMES = ("cleaning", "framing", "loaded", "quotes", "topics")
REQUIRED_KEYS = ("command", "data")
# Keys that would make a committed file change with the day it was written.
_UNSTABLE_KEYS = frozenset({"date", "written_on", "timestamp", "time"})
# Fields that name the rows of a list of results (a system, a method, a frame) in :func:`measured`.
_ROW_LABELS = ("key", "system", "method", "frame", "code", "split")


def results_path(name: str) -> Path:
    """Where the results of evaluation ``name`` are kept (``analysis/data/evaluation_<name>.json``)."""
    if name not in NAMES:
        raise ResultsError(f"No evaluation results named {name!r}; choose one of: {', '.join(NAMES)}.")
    return DATA_DIR / f"evaluation_{name}.json"


def read(name: str, *, path: str | Path | None = None) -> dict:
    """Every section of an evaluation's results, or ``{}`` when it has not been written.

    Args:
        name: one of :data:`NAMES`.
        path: another file in the same schema (tests, a user's own run); by default the
            package's committed file.

    Returns:
        ``{section: {"command": ..., "data": ..., <figures>}}``.
    """
    p = Path(path) if path is not None else results_path(name)
    if not p.is_file():
        return {}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ResultsError(
            f"{p}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}). "
            f"Run the evaluation again to rewrite it: python -m analysis.evaluate {name}."
        ) from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ResultsError(f"{p}: expected one object per section ({{\"section\": {{...}}}}); "
                           f"run python -m analysis.evaluate {name} to rewrite it.")
    return data


def section(name: str, part: str, *, path: str | Path | None = None) -> dict:
    """One section of an evaluation's results, or ``{}`` when it has not been written."""
    return read(name, path=path).get(part, {})


def write(name: str, part: str, payload: dict, *, path: str | Path | None = None) -> Path:
    """Write one section of an evaluation's results, keeping the file's other sections.

    Args:
        name: one of :data:`NAMES`.
        part: the section (``"frac"``, ``"polnear"`` ...).
        payload: its figures, with at least ``command`` and ``data``; no date or time.
        path: another file in the same schema; by default the package's committed file.

    Returns:
        The path written.
    """
    missing = [k for k in REQUIRED_KEYS if k not in payload]
    if missing:
        raise ResultsError(f"Evaluation results {name}/{part} lack {', '.join(missing)}: every section says "
                           "the command that reproduces it and the data it was measured on.")
    unstable = sorted(_UNSTABLE_KEYS & set(payload))
    if unstable:
        raise ResultsError(f"Evaluation results {name}/{part} hold {', '.join(unstable)}: leave dates out, "
                           "so that the committed file changes only when a figure does.")
    p = Path(path) if path is not None else results_path(name)
    data = read(name, path=p)
    data[part] = payload
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return p


def measured(name: str, *, path: str | Path | None = None) -> pd.DataFrame:
    """Every figure of an evaluation as a tidy table, one row per number.

    Nested objects give dotted measure names (``results.dev.speaker_accuracy``); a list of
    results is labelled by each item's ``key``, ``system``, ``method``, ``frame``, ``code`` or
    ``split`` where it has one (``systems[baseline: every VADER-lexicon word].span_f1``), else
    by its position.

    Args:
        name: one of :data:`NAMES`.
        path: another file in the same schema.

    Returns:
        Columns ``evaluation``, ``section``, ``measure``, ``value`` (float), sorted by section and
        measure; empty when the results have not been written.
    """
    rows = []
    for part, payload in sorted(read(name, path=path).items()):
        for measure, value in _numbers(payload, ""):
            rows.append({"evaluation": name, "section": part, "measure": measure, "value": float(value)})
    out = pd.DataFrame(rows, columns=["evaluation", "section", "measure", "value"])
    return out.sort_values(["section", "measure"], kind="stable").reset_index(drop=True)


def _numbers(value, prefix: str):
    if isinstance(value, bool):
        return
    if isinstance(value, numbers.Number):
        yield prefix, value
    elif isinstance(value, dict):
        for k in sorted(value):
            yield from _numbers(value[k], f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            label = next((str(item[k]).strip() for k in _ROW_LABELS if isinstance(item, dict) and k in item), str(i))
            yield from _numbers(item, f"{prefix}[{label}]")
