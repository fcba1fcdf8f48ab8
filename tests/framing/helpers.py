"""Helpers of the framing tests."""

from __future__ import annotations

import re


def spans_of(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a hand-written text: each run of words up to ".", "!" or "?"."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]
