"""Which cleaning rules can match a line at all, found in one pass over the line.

Cleaning tries some fifty rules on every line of every article, and most lines are body text that
no rule takes: trying each rule's regular expression on each line was most of the cost of cleaning.
Most patterns cannot match without some literal text ("newsletter", "Getty Images", "(@"), so a
rule is tried only on a line that holds one of the texts its patterns require. The required texts
are read from each pattern's parsed form (:func:`required_literals`), so this works for any rule
set and never changes a result: a rule skipped here is one whose patterns cannot match the line.
One Aho-Corasick automaton (Aho & Corasick 1975, through pyahocorasick) finds every required text
the line holds in a single pass; rules whose patterns require none, or that match on something
other than their patterns, are always tried. Case is compared as ``re.IGNORECASE`` compares it
(:func:`fold`), so a case-insensitive pattern's text is found in any case.

References:
    Aho, A. V. & Corasick, M. J. (1975). Efficient string matching: an aid to bibliographic search.
    Communications of the ACM 18(6), 333-340.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from re import _constants as C
from re import _parser
from re._casefix import _EXTRA_CASES  # the characters re.IGNORECASE takes as equal beyond lower case
from typing import Generic, TypeVar

import ahocorasick

__all__ = ["fold", "required_literals", "RuleScreen"]

T = TypeVar("T")

# Sets of required texts larger than this are not built (a pattern's alternatives multiplied out).
_MAX_TEXTS = 64
# Required texts this short are looked up one by one, not by the automaton (see RuleScreen).
_SHORT = 2
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)

# Each character that re.IGNORECASE takes as equal to others beyond lower case ('ſ' and 's', 'ı' and
# 'i', 'ς' and 'σ') to the least of its class, after lower-casing.
_CLASS_LEAST = {
    chr(c): chr(min((lo, *others)))
    for lo, others in _EXTRA_CASES.items()
    for c in (lo, *others)
    if c != min((lo, *others))
}
_CLASS_TABLE = str.maketrans(_CLASS_LEAST)
_CLASS_CHARS = re.compile("[" + re.escape("".join(_CLASS_LEAST)) + "]")


def fold(text: str) -> str:
    """``text`` with case folded as ``re.IGNORECASE`` compares characters, one character for one.

    Two characters that a case-insensitive pattern takes as equal fold to the same character
    (and a character equals only itself under a case-sensitive pattern), so a text a pattern
    requires, folded, is found in the folded line whenever the pattern can match the line.
    """
    if "\u0130" in text:  # 'İ': lower() gives 'i' and a combining dot, re.IGNORECASE 'i'
        text = text.replace("\u0130", "i")
    text = text.lower()
    if not text.isascii() and _CLASS_CHARS.search(text):
        text = text.translate(_CLASS_TABLE)
    return text


def _product(sets: list[frozenset[str]]) -> frozenset[str] | None:
    size = 1
    for s in sets:
        size *= len(s)
        if size > _MAX_TEXTS:
            return None
    return frozenset("".join(p) for p in itertools.product(*sets))


def _exact(op, av) -> frozenset[str] | None:
    """The strings one parsed item matches, when they are few; None when they are not."""
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is C.AT:  # \b, ^, $: zero width
        return frozenset([""])
    if op is C.IN:
        if len(av) > 8 or any(o is not C.LITERAL for o, _ in av):
            return None
        return frozenset(chr(a) for _, a in av)
    if op is C.SUBPATTERN:
        return _exact_seq(av[3])
    if op is C.BRANCH:
        alts = [_exact_seq(alt) for alt in av[1]]
        if any(a is None for a in alts) or sum(len(a) for a in alts) > _MAX_TEXTS:
            return None
        return frozenset().union(*alts)
    if op in _REPEATS and av[1] == 1:  # x? and x{1}
        inner = _exact_seq(av[2])
        if inner is None:
            return None
        return inner | {""} if av[0] == 0 else inner
    return None


def _exact_seq(seq) -> frozenset[str] | None:
    sets = []
    for op, av in seq:
        s = _exact(op, av)
        if s is None:
            return None
        sets.append(s)
    return _product(sets)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets of required texts: the longer shortest text, then fewer texts."""
    if a is None or not a or min(map(len, a)) == 0:
        return b
    if b is None or not b or min(map(len, b)) == 0:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _required_seq(seq) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[frozenset[str]] = []  # consecutive items that match few strings, multiplied out

    def flush() -> None:
        nonlocal best
        if run:
            best = _better(best, _product(run))
            run.clear()

    for op, av in seq:
        exact = _exact(op, av)
        if exact is not None:
            if _product([*run, exact]) is None:
                flush()
            run.append(exact)
            continue
        flush()
        need = None
        if op is C.BRANCH:
            alts = [_required_seq(alt) for alt in av[1]]
            if all(a is not None for a in alts) and sum(len(a) for a in alts) <= _MAX_TEXTS:
                need = frozenset().union(*alts)
        elif op is C.SUBPATTERN:
            need = _required_seq(av[3])
        elif op in _REPEATS and av[0] >= 1:
            need = _required_seq(av[2])
        elif op is C.ASSERT:  # a lookahead or lookbehind must match too
            need = _required_seq(av[1])
        elif op is C.ATOMIC_GROUP:
            need = _required_seq(av)
        best = _better(best, need)
    flush()
    return best


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Texts one of which every match of ``pattern`` contains, folded (:func:`fold`); None when
    the pattern requires none that this reading finds (then it may match anything).

    Read from the parsed pattern: literal characters, alternatives of few strings multiplied out
    ("(?:Photo|Image) by" requires "photo by" or "image by"), groups, repeats of at least one and
    lookarounds that must match. What cannot be read exactly (a character class, an optional part,
    a negative lookahead) only ends a text, so the texts found are always required.
    """
    need = _required_seq(_parser.parse(pattern.pattern, pattern.flags))
    if need is None or not need or min(map(len, need)) == 0:
        return None
    texts = {fold(t) for t in need}
    # a text that holds another of the set adds nothing (" said." when " said" is there)
    return frozenset(t for t in texts if not any(u != t and u in t for u in texts))


def _widths(patterns: Sequence[re.Pattern]) -> tuple[int, int]:
    """The least and the greatest length of a string that one of ``patterns`` matches whole."""
    widths = [_parser.parse(p.pattern, p.flags).getwidth() for p in patterns]
    return min(lo for lo, _ in widths), max(hi for _, hi in widths)


class RuleScreen(Generic[T]):
    """The rules that can match a line, in their order: those whose patterns require a text the
    line holds and can match a line of its length, and those that are always tried.

    The screen works pattern by pattern: for a rule of several patterns it also gives the regular
    expression of only those of its patterns that can match the line (:meth:`candidate_patterns`),
    which matches the line whole exactly when all the rule's patterns joined would: a pattern left
    out cannot match the line, and a pattern that opens with ``.*`` costs a read of the line back
    from its end to fail.

    Args:
        items: (rule, its patterns) in the order the rules are tried; patterns None when the rule
            must always be tried (it matches on something other than its patterns). The patterns
            are the ones the rule's line must match whole (``re.fullmatch`` of the stripped line).
            A pattern that requires no text (:func:`required_literals`) is tried on every line of a
            length it can match.
        combine: makes one regular expression of some of a rule's patterns, trying them in order
            (as the rule's own alternation of all its patterns does); None, the rule's patterns are
            not given apart.
    """

    def __init__(self, items: Sequence[tuple[T, Sequence[re.Pattern] | None]],
                 combine: Callable[[list[re.Pattern]], re.Pattern] | None = None):
        self.rules = [rule for rule, _ in items]
        self._patterns = [tuple(patterns or ()) for _, patterns in items]
        self._combine = combine
        self._joined: dict[tuple[int, int], re.Pattern] = {}  # (rule, bits of its patterns) -> their alternation
        self._tried: dict[tuple, list] = {}  # (width interval, texts found) -> candidate_patterns' answer
        self._full = [(1 << len(p)) - 1 for p in self._patterns]
        self._widths = [[_widths([p]) for p in patterns] for patterns in self._patterns]
        self._always: list[int] = []  # tried on every line
        # (rule, bits of its patterns, least and greatest length of a line one of them matches): of a rule's
        # patterns that require no text, tried on lines of those lengths, and of those that require each text
        self._sized: list[tuple[int, int, int, int]] = []
        by_text: dict[str, dict[int, list[re.Pattern]]] = {}
        for i, (_, patterns) in enumerate(items):
            if not patterns:
                self._always.append(i)
                continue
            sized = []
            for k, p in enumerate(patterns):
                need = required_literals(p)
                for text in need if need is not None else ():
                    by_text.setdefault(text, {}).setdefault(i, []).append(k)
                if need is None:
                    sized.append(k)
            if sized:
                self._sized.append(self._entry(i, sized))
        # Texts of one or two characters (" ", "(", "ap") are in most lines, many times: looking each up
        # with `in` costs less than the automaton reporting every place it is found.
        entries = lambda text: tuple(self._entry(i, ks) for i, ks in sorted(by_text[text].items()))
        self._short = [(text, entries(text)) for text in sorted(by_text) if len(text) <= _SHORT]
        long = sorted(text for text in by_text if len(text) > _SHORT)
        # the automaton gives a number for each text found; _groups[number] = the patterns that require it
        self._groups = [entries(text) for text in long]
        # the lengths at which a width check can change its answer (a least length, one past a greatest)
        self._bounds = sorted({b for entries in (self._sized, *(e for _, e in self._short), *self._groups)
                               for _, _, lo, hi in entries for b in (lo, hi + 1)})
        self._automaton = None
        if long:
            self._automaton = ahocorasick.Automaton()
            for k, text in enumerate(long):
                self._automaton.add_word(text, k)
            self._automaton.make_automaton()

    def _entry(self, i: int, ks: list[int]) -> tuple[int, int, int, int]:
        """(rule, bits, least, greatest length) of patterns ``ks`` of rule ``i``."""
        ks = sorted(set(ks))
        return (i, sum(1 << k for k in ks), min(self._widths[i][k][0] for k in ks), max(self._widths[i][k][1] for k in ks))

    def _hits(self, n: int, found: list) -> dict[int, int]:
        """rule -> the bits of its patterns that can match a line of ``n`` characters holding the texts of
        ``found`` (entries of the texts found); -1 for a rule always tried."""
        hit = dict.fromkeys(self._always, -1)
        for entries in (self._sized, *found):
            for i, bit, lo, hi in entries:
                if lo <= n <= hi:
                    hit[i] = hit.get(i, 0) | bit
        return hit

    def candidates(self, line: str) -> list[T]:
        """The rules worth trying on ``line``, in order (every rule that can match it is among them)."""
        return [rule for rule, _ in self.candidate_patterns(line)]

    def candidate_patterns(self, line: str) -> list[tuple[T, re.Pattern | None]]:
        """The rules worth trying on ``line``, in order, each with the regular expression of its patterns
        that can match the line (made by ``combine``); None for a rule always tried, or one whose
        patterns can all match it, or when the screen has no ``combine``."""
        line = line.strip()
        n = len(line)
        short: tuple[int, ...] = ()
        long: tuple[int, ...] = ()
        if self._automaton is not None or self._short:
            folded = fold(line)
            short = tuple(k for k, (text, _) in enumerate(self._short) if text in folded)
            if self._automaton is not None:
                long = tuple(sorted({k for _, k in self._automaton.iter(folded)}))
        # The answer depends on the texts found and on the line's length only through which widths admit
        # it: lines alike in both (most lines: body text holding the same few short texts) share it.
        key = (bisect.bisect_right(self._bounds, n), short, long)
        out = self._tried.get(key)
        if out is None:
            hits = self._hits(n, [self._short[k][1] for k in short] + [self._groups[k] for k in long])
            out = []
            for i, bits in sorted(hits.items()):
                if bits == -1 or bits == self._full[i] or self._combine is None:
                    out.append((self.rules[i], None))
                else:
                    if (i, bits) not in self._joined:
                        self._joined[(i, bits)] = self._combine([p for k, p in enumerate(self._patterns[i]) if bits >> k & 1])
                    out.append((self.rules[i], self._joined[(i, bits)]))
            if len(self._tried) >= 65_536:
                self._tried.clear()
            self._tried[key] = out
        return out
