"""Helpers for the sourcing tests: the quote rows of a short text."""

from __future__ import annotations

from analysis.paths import BUNDLED_CORPUS
from analysis.sourcing.lexicon import lexicon_for
from analysis.sourcing.quotes import quotes_in_text

BUNDLED_LEXICON = lexicon_for(BUNDLED_CORPUS)
"""The lexicon read with the bundled corpus's register (corpus/register.csv): the tests that check
how a register's names and roles resolve use that corpus data, not a rule of the package."""


def quotes(text: str, **kw) -> list[dict]:
    """quotes_in_text with the bundled corpus's register unless a lexicon is given."""
    kw.setdefault("lexicon", BUNDLED_LEXICON)
    return quotes_in_text(text, **kw)


def only(text: str, **kw) -> list[dict]:
    """The quote rows of a text (kinds direct, partial, scare, headline)."""
    return [r for r in quotes(text, **kw) if r["kind"] != "indirect"]


def one(text: str, **kw) -> dict:
    rows = only(text, **kw)
    assert len(rows) == 1, rows
    return rows[0]
