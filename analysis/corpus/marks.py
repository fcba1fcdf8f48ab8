"""Quotation marks: the one reader of them in the package.

Every analysis that needs to know which words stand inside quotation marks asks
:func:`find_passages` (or :func:`quoted_regions`, its marks-included spans): the sourcing module
for quotes and speakers, word choice for "is this the outlet's word or a quoted one", text reuse
for "shared narration or shared quotation". One reading, so the three can never disagree.

How marks are read:

- Curly (“ ” ‘ ’), straight (" ') and low or angled marks („ « ») are read by their neighbours,
  not only by their shape: a mark with a space before it and a letter after it opens, a mark after
  a letter or punctuation with a space after it closes. So AFP's slip ``agreed to,“ he said``
  closes the quote, German ``„Ein Krieg“, sagte er`` pairs „ with “, and The Independent's
  ``to “finish it off.” Most of ...`` opens a quote inside the quote (a stack pairs them, so the
  outer quote runs on to its own closing mark). Apostrophes inside words (``Trump’s``) are never
  marks; a pair of single marks counts at the top level when curly (‘We will not surrender,’) or,
  straight, when it holds at most 12 words. Two apostrophes or back-ticks stand for a double mark.
- A quote never runs past the end of its paragraph. A paragraph that ends inside a quote
  continues it only when the next paragraph opens with a quote mark (the printers' convention
  for a quote of several paragraphs); otherwise the unclosed quote ends with its sentence. Stray
  marks therefore cannot swallow the rest of an article.

References:
    CommonMark 0.31, "left-flanking and right-flanking delimiter runs", for reading marks by
    their neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .segment import split_sentences

__all__ = ["Passage", "find_passages", "paragraph_spans", "quoted_regions"]


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_DOUBLE_OPENING, _DOUBLE_CLOSING, _DOUBLE_STRAIGHT = "“„«", "”»", '"'
_SINGLE_OPENING, _SINGLE_CLOSING, _SINGLE_STRAIGHT = "‘", "’", "'"
_ALL_MARKS = _DOUBLE_OPENING + _DOUBLE_CLOSING + _DOUBLE_STRAIGHT + _SINGLE_OPENING + _SINGLE_CLOSING + _SINGLE_STRAIGHT
# Two apostrophes (or two back-ticks) stand for a double mark in some archives (the New York Times
# in LexisNexis copy: ''They feel written off,'' she said).
_MARK_RE = re.compile("'''|''|``|[" + re.escape(_ALL_MARKS) + "]")
_BEFORE_OPENING = set("([{—–-/:;") | set(_ALL_MARKS) | {"`"}
_AFTER_CLOSING = set(".,;:!?)]}—–-/…") | set(_ALL_MARKS)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph, white space trimmed.

    Paragraphs are blocks separated by blank lines when the text has any (line breaks inside a
    block are hard wraps), otherwise lines.
    """
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans, pos = [], 0
    for m in [*splitter.finditer(text), None]:
        end = m.start() if m else len(text)
        a, b = pos, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        if m:
            pos = m.end()
    return spans


@dataclass
class Passage:
    """One quoted passage: ``text[start:end]`` is the quote (inside the marks, trimmed)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark (-1 for an in-order passage that opens before its paragraph)
    close_at: int  # offset of the closing mark, -1 when the passage has none
    region_end: int  # end of the marked region (closing mark included)
    paragraph: int
    continues: int = -1  # index of the passage this one continues (multi-paragraph quote), else -1
    continued: bool = False  # the quote runs on into the next paragraph
    text_first_upper: bool = False  # the quote starts with a capital letter


def _mark_role(text: str, i: int, n: int, lo: int, hi: int) -> tuple[str, str] | None:
    """(family, role) of the mark ``text[i:i+n]``: family "d" (double) or "s" (single); role
    "open", "close" or "either"; None for an apostrophe. Read from the characters around it
    (left-flanking: white space or an opening bracket before, a letter after; right-flanking
    the reverse), then from the mark's shape."""
    mark = text[i : i + n]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + n] if i + n < hi else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _BEFORE_OPENING)
    right = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSING)
    if mark == "``":
        return "d", "open"
    if mark in _DOUBLE_OPENING:
        return "d", "open" if left or not right else "close"
    if mark in _DOUBLE_CLOSING:
        return "d", "close" if right or not left else "open"
    if mark in (_DOUBLE_STRAIGHT, "''"):
        if left and not right:
            return "d", "open"
        if right and not left:
            return "d", "close"
        return ("d", "either") if mark == _DOUBLE_STRAIGHT or not (prev.isalnum() and nxt.isalnum()) else None
    if prev.isalnum() and nxt.isalnum():
        return None  # an apostrophe inside a word
    if mark in _SINGLE_OPENING:
        return ("s", "open") if left or not right else ("s", "close")
    if mark in _SINGLE_CLOSING:
        return ("s", "close") if right else None  # ’90s, ’em: not a quote
    if left and not right:
        return "s", "open"
    if right and not left:
        return "s", "close"
    return None


def _pair_marks(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, int, int]], tuple[int, int] | None]:
    """Top-level pairs ``(open, open length, close, close length)`` in ``text[lo:hi]``, and the
    unclosed outer opening ``(offset, length)`` if the paragraph ends inside a quote."""
    stack: list[tuple[int, int, str]] = []
    pairs: list[tuple[int, int, int, int]] = []
    for m in _MARK_RE.finditer(text, lo, hi):
        i, n = m.start(), m.end() - m.start()
        if n == 3:  # three apostrophes: a single mark and a double one, in the order the open quotes need
            single_open = bool(stack) and stack[-1][2] == "s"
            parts = [(i, 1), (i + 1, 2)] if single_open else [(i, 2), (i + 2, 1)]
        else:
            parts = [(i, n)]
        for i, n in parts:
            _read_mark(text, i, n, lo, hi, stack, pairs)
    outer = (stack[0][0], stack[0][1]) if stack and stack[0][2] == "d" else None
    return pairs, outer


def _read_mark(text: str, i: int, n: int, lo: int, hi: int, stack: list, pairs: list) -> None:
    """Read one mark: push an opening, pair a closing with its opening (top-level pairs kept)."""
    role = _mark_role(text, i, n, lo, hi)
    if role is None:
        return
    family, kind = role
    if family == "d":
        has_open = any(f == "d" for _, _, f in stack)
        if kind == "open" or (kind == "either" and not has_open):
            stack.append((i, n, "d"))
        elif has_open:
            while stack:
                j, jn, f = stack.pop()
                if f == "d":
                    break
            if not stack:
                pairs.append((j, jn, i, n))
        # a closing mark with nothing open is stray: ignored
    elif kind == "open":
        stack.append((i, n, "s"))
    elif stack and stack[-1][2] == "s":
        j, jn, _ = stack.pop()
        if not stack and _plausible_single(text, j, i):
            pairs.append((j, jn, i, n))


def _plausible_single(text: str, j: int, i: int) -> bool:
    """A top-level pair of single marks: curly ‘...’ always, straight '...' only when short."""
    return text[j] == "‘" or len(text[j + 1 : i].split()) <= 12


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_passages(
    text: str,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    *,
    reading: Literal["context", "in order"] = "context",
) -> list[Passage]:
    """Every top-level quoted passage of ``text``, in order.

    Args:
        text: the article.
        paragraphs: ``(start, end)`` of each paragraph; by default :func:`paragraph_spans`.
        reading: ``"context"`` (the package's reading, described in the module docstring: marks
            read by their neighbours, nesting, single marks, quotes over several paragraphs) or
            ``"in order"``, the plain convention of annotated data sets: double marks (and the
            two-character ``''`` and ````` ``) paired first with second, third with fourth, within
            each paragraph; a lone last mark that opens runs to the paragraph's end
            (``close_at == -1``), one that closes runs from the paragraph's start
            (``open_at == -1``). The evaluation reads its gold quotes this way, so that the
            measurement does not share the reading it measures.

    Returns:
        Passages whose ``text[start:end]`` is the quote. Quotes nested inside a quote are part
        of the outer passage. A passage never crosses a paragraph end: a quote of several
        paragraphs gives one passage per paragraph, linked by ``continues``.
    """
    paras = list(paragraphs) if paragraphs is not None else paragraph_spans(text)
    out = _passages_in_order(text, paras) if reading == "in order" else _passages_by_paragraph(text, paras)
    for p in out:
        first = next((c for c in text[p.start : p.end] if c.isalnum()), "")
        p.text_first_upper = first.isupper() or first.isdigit()
    return out


_DOUBLE_IN_ORDER = re.compile("''|``|[\"“”]")


def _passages_in_order(text: str, paras: list[tuple[int, int]]) -> list[Passage]:
    out: list[Passage] = []
    for k, (lo, hi) in enumerate(paras):
        marks = [(m.start(), m.end()) for m in _DOUBLE_IN_ORDER.finditer(text, lo, hi)]
        found = [(marks[i][1], marks[i + 1][0], marks[i][0], marks[i + 1][0], marks[i + 1][1])
                 for i in range(0, len(marks) - 1, 2)]
        if len(marks) % 2:
            m, m_end = marks[-1]
            prev = text[m - 1] if m > lo else " "
            opening = text[m] in "“`" or (text[m] in "\"'" and (prev.isspace() or prev in "([—–-:"))
            if opening and m_end < hi:
                found.append((m_end, hi, m, -1, hi))
            else:
                a = lo if len(marks) == 1 else marks[-2][1]
                found.append((a, m, -1 if len(marks) == 1 else marks[-2][0], m, m_end))
        for a, b, open_at, close_at, region_end in found:
            a, b = _trimmed(text, a, b)
            if b > a:
                out.append(Passage(a, b, open_at, close_at, region_end, k))
    return out


def _passages_by_paragraph(text: str, paras: list[tuple[int, int]]) -> list[Passage]:
    out: list[Passage] = []
    pending: int | None = None  # a passage whose quote runs on into this paragraph
    for k, (lo, hi) in enumerate(paras):
        pairs, unclosed = _pair_marks(text, lo, hi)
        first = _first_opening(text, lo, hi)
        cont = pending if first is not None else None
        pending = None
        for o, on, c, cn in pairs:
            a, b = _trimmed(text, o + on, c)
            if b <= a:
                continue
            p = Passage(a, b, o, c, c + cn, k)
            if cont is not None and o == first:
                p.continues, cont = cont, None
            out.append(p)
        if unclosed is not None:
            u, un = unclosed
            reopens = k + 1 < len(paras) and _first_opening(text, *paras[k + 1]) is not None
            end = hi if reopens else _sentence_end(text, u, lo, hi)
            a, b = _trimmed(text, u + un, end)
            if b > a:
                p = Passage(a, b, u, -1, end, k, continued=reopens)
                if cont is not None and u == first:
                    p.continues = cont
                out.append(p)
                pending = len(out) - 1 if reopens else None
    return out


def _first_opening(text: str, lo: int, hi: int) -> int | None:
    """Offset of a double quote mark that opens the paragraph, if it starts with one."""
    m = _MARK_RE.match(text, lo, hi)
    if m is None:
        return None
    role = _mark_role(text, lo, m.end() - lo, lo, hi)
    return lo if role and role[0] == "d" and role[1] in ("open", "either") else None


def _sentence_end(text: str, at: int, lo: int, hi: int) -> int:
    for a, b in split_sentences(text[lo:hi], lo):
        if a <= at < b:
            return b
    return hi


def quoted_regions(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The stretches of ``text`` that stand inside quotation marks, marks included.

    The spans of :func:`find_passages`, from each opening mark to the end of its closing mark (or,
    for an unclosed quote, to where :func:`find_passages` ends it).

    Args:
        text: the article.
        paragraphs: ``(start, end)`` of each paragraph; by default :func:`paragraph_spans`.

    Returns:
        ``[(start, end), ...]`` of each top-level quote, in order.

    Example:
        >>> text = "‘We will not surrender,’ Alvarez said."
        >>> [text[a:b] for a, b in quoted_regions(text)]
        ['‘We will not surrender,’']
    """
    return [(p.open_at, p.region_end) for p in find_passages(text, paragraphs)]
