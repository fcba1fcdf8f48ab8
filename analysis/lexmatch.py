"""A lexicon compiled once into one matcher, run over whole texts.

The package's lexicons (frame cues, event cues, loaded words ...) are written in one syntax, the
one the headers of ``data/frames_generic.toml`` and ``data/event_cues.toml`` describe:

- ``terms``: words or phrases, matched case-insensitively on word edges; ``*`` at the end of a
  term matches any word ending (``accus*``: accuse, accused, accusation); a space matches any run
  of white space;
- ``exact``: the same, case-sensitive (``NOW`` in capitals, not ``now``);
- ``patterns``: regular expressions, case-insensitive unless they say otherwise.

Each entry has its own regular expression (:func:`entry_pattern`; for a term it is exactly
``analysis.framing.schemes.term_pattern([term])``). :class:`LexMatcher` finds, in one pass over a
text, the hits that running every entry's own expression with ``re.finditer`` would find, and
returns them as ``(start, end, entry id)``. How: one regular expression of the first words of
all the word entries (a trie, so the engine walks it in C) finds the few places where an entry
can start; a dictionary look-up on the word found there gives the entries that start with it;
one-word entries are then decided without another match, and only phrases are checked with their
own expression. Entries that do not begin with a word character, and the ``patterns``, are run
on their own (they are few). :meth:`LexMatcher.find` with ``every_start=True`` gives instead every
position where an entry matches (overlapping hits of one entry included), from which
:func:`leftmost_first` rebuilds what one alternation of several entries would match
(:func:`alternation_rank` gives the order a trie alternation tries its terms in).

``tests/test_lexmatch.py`` checks the hits equal those of the per-entry expressions on the bundled
corpus and on AllSides articles, for every scheme the package ships; ``benchmarks/bench_lexmatch.py``
times it against the per-entry expressions and against an Aho-Corasick automaton.

References:
    Aho, A. V. & Corasick, M. J. (1975). Efficient string matching: an aid to bibliographic
    search. Communications of the ACM 18(6), 333-340 (the multi-pattern automaton measured
    against the trie alternation used here).
"""

from __future__ import annotations

import re
import unicodedata
from re import _constants as _sre
from re import _parser
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .errors import LexiconError

__all__ = [
    "alternation_rank",
    "compile_lexicon",
    "Entry",
    "entry_pattern",
    "leftmost_first",
    "LexMatcher",
    "skip_finditer",
    "skipping_finditer",
    "term_regex",
]

Kind = Literal["term", "exact", "pattern"]

_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
_PREFIX_ONLY = re.compile(r"[A-Za-z0-9_]+\*")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a ``term``, an ``exact`` term, or a regular expression (``pattern``).

    A pattern given as a compiled :class:`re.Pattern` keeps its own flags; one given as a string
    is compiled case-insensitively.
    """

    kind: Kind
    text: str | re.Pattern


def term_regex(term: str, *, where: str = "the lexicon") -> str:
    """The regular expression of one term, as ``analysis.framing.schemes.term_pattern([term])``
    writes it (to be compiled case-insensitively); "" for a blank term.

    Raises:
        LexiconError: the term has ``*`` before its end.
    """
    t = term.strip().lower()
    if not t:
        return ""
    if "*" in t[:-1]:
        raise LexiconError(f"{where}: the term {term!r} has '*' before its end; '*' may only end a term (e.g. 'accus*')")
    pieces = ({"*": r"\w*", " ": r"\s+"}.get(ch, re.escape(ch)) for ch in re.sub(r"\s+", " ", t))
    return r"(?<!\w)" + "".join(pieces) + r"(?!\w)"


def _exact_regex(term: str) -> str:
    return r"(?<!\w)(?:" + re.escape(term) + r")(?!\w)"


def entry_pattern(entry: Entry, *, where: str = "the lexicon") -> re.Pattern:
    """The compiled regular expression of one entry: what :class:`LexMatcher` reproduces.

    Raises:
        LexiconError: a term with ``*`` before its end, or a pattern that does not compile.
    """
    if entry.kind == "term":
        return re.compile(term_regex(str(entry.text), where=where) or r"(?!x)x", re.IGNORECASE)
    if entry.kind == "exact":
        return re.compile(_exact_regex(str(entry.text)) if entry.text else r"(?!x)x")
    if entry.kind == "pattern":
        if isinstance(entry.text, re.Pattern):
            return entry.text
        try:
            return re.compile(entry.text, re.IGNORECASE)
        except re.error as exc:
            raise LexiconError(f"{where}: the pattern {entry.text!r} is not a valid regular expression ({exc}); fix it or remove it") from None
    raise LexiconError(f"{where}: an entry of kind {entry.kind!r}; use term, exact or pattern")


def _trie_regex(words: Iterable[str]) -> str:
    """One alternation of lower-case ASCII words, as a trie (the engine walks it without backtracking)."""
    return _piece_trie([re.escape(ch) for ch in w] for w in words)


@dataclass(frozen=True, eq=False)
class LexMatcher:
    """A compiled lexicon. Build with :func:`compile_lexicon`; entry ids are positions in ``entries``."""

    entries: tuple[Entry, ...]
    where: str = "the lexicon"
    _patterns: tuple[re.Pattern, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_patterns", tuple(entry_pattern(e, where=self.where) for e in self.entries))

    def pattern(self, i: int) -> re.Pattern:
        """The own regular expression of entry ``i``."""
        return self._patterns[i]

    @cached_property
    def _index(self) -> _Index:
        return _Index.build(self.entries)

    def find(self, text: str, *, every_start: bool = False) -> list[tuple[int, int, int]]:
        """The hits of every entry in ``text``, as ``(start, end, entry id)``, sorted.

        Args:
            text: any text (a whole article: there is no need to split it first).
            every_start: False (default) gives, for each entry, exactly the hits of
                ``entry_pattern(entry).finditer(text)``; True gives every position where the
                entry's expression matches (``pattern.match(text, pos)``), so that one entry's
                hits may overlap.

        Returns:
            A list of ``(start, end, id)``.
        """
        ix = self._index
        hits: list[tuple[int, int, int]] = []
        if ix.candidates is not None:
            pats, direct, verify, closure = self._patterns, ix.direct, ix.verify, ix.closure
            # Lower-casing keeps offsets and agrees with case-insensitive matching of ASCII for
            # every character but a few; a text holding one of those is searched case-insensitively.
            folded = _FOLD_UNSAFE.search(text) is not None
            if folded:
                found = ix.candidates_ci.finditer(text)
            else:
                found = ix.candidates.finditer(text.lower())
            for m in found:
                p, e = m.span()
                w, pre = m.group(0, 1)
                if folded:
                    if not w.isascii():  # a fold the look-up cannot see: every word entry is tried
                        for i in ix.word_ids:
                            mm = pats[i].match(text, p)
                            if mm:
                                hits.append((p, mm.end(), i))
                        continue
                    w, pre = w.lower(), pre and pre.lower()
                ids = direct.get(w)
                if ids:
                    hits.extend((p, e, i) for i in ids)
                if pre:
                    hits.extend((p, e, i) for i in closure[pre])
                ids = verify.get(w)
                if ids:
                    for i in ids:
                        mm = pats[i].match(text, p)
                        if mm:
                            hits.append((p, mm.end(), i))
        for i in ix.scan_ids:
            hits.extend(_own_hits(self._patterns[i], i, text, every_start))
        hits.sort()
        if not every_start and ix.check:
            hits = _finditer_order(hits, ix.check)
        return hits

    def find_reference(self, text: str, *, every_start: bool = False) -> list[tuple[int, int, int]]:
        """The same as :meth:`find`, by running every entry's own expression (slow; the reference)."""
        hits = []
        for i, rx in enumerate(self._patterns):
            hits.extend(_own_hits(rx, i, text, every_start))
        hits.sort()
        return hits


def _own_hits(rx: re.Pattern, i: int, text: str, every_start: bool) -> list[tuple[int, int, int]]:
    """One entry's hits by its own expression: ``finditer``, or a search from every position after
    the last start found (so every position where it matches)."""
    if not every_start:
        return [(m.start(), m.end(), i) for m in rx.finditer(text)]
    out, pos, search = [], 0, rx.search
    while pos <= len(text):
        m = search(text, pos)
        if m is None:
            break
        out.append((m.start(), m.end(), i))
        pos = m.start() + 1
    return out


def _finditer_order(hits: list[tuple[int, int, int]], check: frozenset[int]) -> list[tuple[int, int, int]]:
    """Drop the hits ``finditer`` would not give: for an entry that can overlap itself (a phrase),
    a hit that starts before the end of that entry's previous hit. One-word entries never do."""
    last: dict[int, int] = {}
    out = []
    for h in hits:
        i = h[2]
        if i in check:
            if h[0] < last.get(i, -1):
                continue
            last[i] = h[1] if h[1] > h[0] else h[0] + 1
        out.append(h)
    return out


# Characters whose lower case does not behave as case-insensitive matching of ASCII does (a
# changed length, or a fold to an ASCII letter that lower() does not make); tests/test_lexmatch.py
# recomputes the list over every code point.
_FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f\u212a]")


def _caseless(ch: str) -> bool:
    """ASCII, or a punctuation mark, symbol or space with no case (’ – €): lower-casing and
    case-insensitive matching leave it alone."""
    return ch.isascii() or (ch.lower() == ch == ch.upper() and unicodedata.category(ch)[0] in "PSZ")


def _pieces(e: Entry) -> list[str] | None:
    """A word entry as the pieces of its expression, in lower case, for the candidate trie (a
    superset for exact entries: white space there matches any run); None for an entry run on its
    own (a pattern, or one that does not begin with an ASCII word character or holds a letter
    outside ASCII)."""
    text = str(e.text).strip()
    if e.kind == "pattern" or not text or not _ASCII_WORD.match(text) or not all(map(_caseless, text)):
        return None
    low = re.sub(r"\s+", " ", text.lower())
    if e.kind == "term":
        return [{"*": r"\w*", " ": r"\s+"}.get(ch, re.escape(ch)) for ch in low]
    return [r"\s+" if ch == " " else re.escape(ch) for ch in low]


def _piece_trie(seqs: Iterable[list[str]]) -> str:
    """One alternation of sequences of regular expression pieces, as a trie: the pieces of each
    node in sorted order, and a sequence that ends at a node tried after those that go on."""
    trie: dict = {}
    for seq in seqs:
        node = trie
        for piece in seq:
            node = node.setdefault(piece, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [k + build(node[k]) for k in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@dataclass(frozen=True, eq=False)
class _Index:
    # At each word where some entry matches (a look-ahead through the trie of every word entry):
    # the whole word, and the longest prefix of a one-word "prefix*" term it begins with.
    candidates: re.Pattern | None  # for lower-cased text
    candidates_ci: re.Pattern | None  # the same, case-insensitive, for a text lower() cannot fold
    direct: dict  # lower-case word -> ids of one-word terms equal to it (no further check)
    closure: dict  # prefix -> ids of the "prefix*" terms whose prefix begins it
    verify: dict  # lower-case first word -> ids checked with their own expression (phrases, exact)
    check: frozenset  # ids of entries that can overlap themselves (phrases)
    word_ids: tuple  # every id found through the candidates
    scan_ids: tuple  # ids run with their own expression over the whole text

    @staticmethod
    def build(entries: Sequence[Entry]) -> _Index:
        direct: dict[str, list[int]] = {}
        verify: dict[str, list[int]] = {}
        prefix_ids: dict[str, list[int]] = {}
        check, word_ids, scan_ids, seqs = set(), [], [], []
        for i, e in enumerate(entries):
            pieces = _pieces(e)
            if pieces is None:
                scan_ids.append(i)
                continue
            word_ids.append(i)
            seqs.append(pieces)
            low = re.sub(r"\s+", " ", str(e.text).strip().lower())
            first = _ASCII_WORD.match(low).group()
            if e.kind == "term" and _PREFIX_ONLY.fullmatch(low):
                prefix_ids.setdefault(first, []).append(i)
            elif e.kind == "term" and first == low:
                direct.setdefault(first, []).append(i)
            else:
                verify.setdefault(first, []).append(i)
                if first != low:
                    check.add(i)
        if not word_ids:
            return _Index(None, None, {}, {}, {}, frozenset(), (), tuple(scan_ids))
        prefixes = sorted(prefix_ids)
        closure = {p: tuple(sorted(i for q in prefixes if p.startswith(q) for i in prefix_ids[q])) for p in prefixes}
        pre = f"({_trie_regex(prefixes)})\\w*|" if prefixes else "(?!)()|"  # group 1: the prefix
        body = rf"(?<!\w)(?=(?:{_piece_trie(seqs)})(?!\w))(?:{pre}\w+)"
        return _Index(
            re.compile(body), re.compile(body, re.IGNORECASE), {k: tuple(v) for k, v in direct.items()}, closure,
            {k: tuple(v) for k, v in verify.items()}, frozenset(check), tuple(word_ids), tuple(scan_ids),
        )


def compile_lexicon(
    terms: Iterable[str] = (), *, exact: Iterable[str] = (), patterns: Iterable[str | re.Pattern] = (),
    where: str = "the lexicon",
) -> LexMatcher:
    """Compile a lexicon: entry ids are the terms, then the exact terms, then the patterns, in order.

    Args:
        terms: case-insensitive words or phrases (``*`` at the end: any word ending).
        exact: case-sensitive words or phrases.
        patterns: regular expressions (strings are compiled case-insensitively).
        where: how to name the lexicon in an error message (its file and section).

    Returns:
        A :class:`LexMatcher`.

    Raises:
        LexiconError: naming ``where`` and the entry to fix.

    Example:
        >>> m = compile_lexicon(["accus*", "peace deal"], exact=["NOW"])
        >>> m.find("They accused him. A peace  deal NOW, not now.")
        [(5, 12, 0), (20, 31, 1), (32, 35, 2)]
    """
    entries = [Entry("term", t) for t in terms] + [Entry("exact", t) for t in exact]
    entries += [Entry("pattern", p) for p in patterns]
    return LexMatcher(tuple(entries), where)


def alternation_rank(terms: Sequence[str]) -> list[int]:
    """The order in which ``term_pattern(terms)``'s trie tries the terms at one position.

    Returns, for each term, its rank (0 first). The trie tries the characters of each node in
    code-point order and ends a term only after every longer term through that node has failed,
    so the first term to match is the smallest under that order, a term sorting after the terms
    it is a prefix of. Terms equal after folding case and white space share a rank.
    """
    keys = [tuple(map(ord, re.sub(r"\s+", " ", t.strip().lower()))) + (0x110000,) for t in terms]
    order = {k: r for r, k in enumerate(sorted(set(keys)))}
    return [order[k] for k in keys]


def leftmost_first(hits: Iterable[tuple[int, int, int]], rank: Sequence[int] | dict[int, int]) -> list[tuple[int, int, int]]:
    """What one alternation of the entries would match with ``finditer``, from their
    ``every_start`` hits: at each position the entry of lowest rank wins, and the search goes on
    from the end of the match (leftmost-first, non-overlapping).

    Args:
        hits: ``(start, end, id)`` from :meth:`LexMatcher.find` with ``every_start=True``,
            restricted to the entries of the alternation.
        rank: id -> its place in the alternation (lower tried first).

    Returns:
        The matches, ``(start, end, id)`` in text order.
    """
    best: dict[int, tuple[int, int, int]] = {}
    for h in hits:
        b = best.get(h[0])
        if b is None or (rank[h[2]], h[2]) < (rank[b[2]], b[2]):
            best[h[0]] = h
    out, last = [], -1
    for start in sorted(best):
        if start < last:
            continue
        h = best[start]
        out.append(h)
        last = h[1] if h[1] > h[0] else h[0] + 1
    return out


_CLASS_ESCAPES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


def _first_chars(items) -> tuple[list[str], bool] | None:
    """The characters a parsed sequence can begin with, as pieces of a character class, and
    whether it can match the empty string; None when that is not worked out here."""
    pieces: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:  # reads no character: the next item's first character is the first
            continue
        if op is _sre.LITERAL:
            first, empty = [re.escape(chr(av))], False
        elif op is _sre.IN:
            first, empty = [], False
            for kind, value in av:
                if kind is _sre.LITERAL:
                    first.append(re.escape(chr(value)))
                elif kind is _sre.RANGE:
                    first.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is _sre.CATEGORY and value in _CLASS_ESCAPES:
                    first.append(_CLASS_ESCAPES[value])
                else:  # a negated class, or a category this does not name
                    return None
        elif op is _sre.BRANCH:
            first, empty = [], False
            for alternative in av[1]:
                got = _first_chars(alternative)
                if got is None:
                    return None
                first += got[0]
                empty = empty or got[1]
        elif op is _sre.SUBPATTERN:
            if av[1] or av[2]:  # flags set inside the group: its class would need them too
                return None
            got = _first_chars(av[3])
            if got is None:
                return None
            first, empty = got
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            got = _first_chars(av[2])
            if got is None:
                return None
            first, empty = got[0], got[1] or av[0] == 0
        elif op is _sre.ATOMIC_GROUP:
            got = _first_chars(av)
            if got is None:
                return None
            first, empty = got
        else:  # any character, a back reference, a conditional ...
            return None
        pieces += first
        if not empty:
            return pieces, False
    return pieces, True


def skipping_finditer(rx: re.Pattern) -> re.Pattern | None:
    """A pattern that finds where ``rx`` matches while skipping, at C speed, every position where
    no match can begin; None when the characters a match begins with cannot be worked out (or
    ``rx`` can match the empty string).

    A pattern that begins with a word edge (``\\b\\d+``) or an alternation of such makes the
    regular expression engine try the whole pattern at every character of the text. The pattern
    returned, ``[first characters](?<=(?=rx)(?s:.))``, begins with a character class, which the engine
    skips to directly; it matches one character where ``rx`` matches. :func:`skip_finditer` walks it as
    ``rx.finditer`` would.
    """
    if rx.flags & re.VERBOSE:  # a comment at its end would swallow what follows
        return None
    got = _first_chars(_parser.parse(rx.pattern, rx.flags).data)
    if got is None or got[1] or not got[0]:
        return None
    try:
        return re.compile(f"[{''.join(got[0])}](?<=(?=(?:{rx.pattern}))(?s:.))", rx.flags)
    except re.error:  # a back reference, which a look-behind may not hold
        return None


def skip_finditer(rx: re.Pattern, skipping: re.Pattern | None, text: str) -> list[re.Match]:
    """The matches of ``rx.finditer(text)``, found through ``skipping`` (from
    :func:`skipping_finditer`; None: ``rx.finditer`` itself). Each is ``rx.match(text, start)``
    at a start ``skipping`` found, so its groups are those ``finditer`` gives."""
    if skipping is None:
        return list(rx.finditer(text))
    out, pos, search, match = [], 0, skipping.search, rx.match
    while True:
        found = search(text, pos)
        if found is None:
            return out
        m = match(text, found.start())
        out.append(m)
        pos = m.end()
