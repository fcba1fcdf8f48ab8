"""Helpers shared by the tests of analysis.teaching: tiny texts, item tables, the workbooks' worked answers."""

from __future__ import annotations

import ast

import nbformat

from analysis.paths import NOTEBOOKS_DIR
from analysis.teaching.items import _finish

TINY_A = [
    "The minister said the talks were “very useful” on Monday.",
    "Officials said a bridge was destroyed in a strike.",
    "Prices of bread rose sharply, traders said.",
]
TINY_B = [
    "Talks in the capital were “very useful”, the minister said.",
    "A bridge was destroyed overnight, officials said, in a strike that killed two people.",
]


def items_table(texts, outlets=None):
    """An item table from ``[(text, machine label), ...]``, as the item functions build one."""
    outlets = outlets or ["X"] * len(texts)
    rows = [{"article_id": "x", "outlet": o, "start": 0, "end": len(t), "text": t, "context": t, "mark_start": 0,
             "mark_end": len(t), "machine": m} for o, (t, m) in zip(outlets, texts)]
    return _finish(rows, ["machine"])


def worked_answers(name: str) -> list[tuple]:
    """The list assigned in a workbook's cell tagged ``student-answers``."""
    nb = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    cell = next(c for c in nb.cells if "student-answers" in c.metadata.get("tags", []))
    assign = next(n for n in ast.parse(cell.source).body if isinstance(n, ast.Assign))
    return ast.literal_eval(assign.value)
