"""Helpers for the sourcing tests: the quote rows of a short text."""

from __future__ import annotations

from analysis.sourcing.quotes import quotes_in_text


def only(text: str, **kw) -> list[dict]:
    """The quote rows of a text (kinds direct, partial, scare, headline)."""
    return [r for r in quotes_in_text(text, **kw) if r["kind"] != "indirect"]


def one(text: str, **kw) -> dict:
    rows = only(text, **kw)
    assert len(rows) == 1, rows
    return rows[0]
