"""Frame schemes: the indicator lexicons of ``data/frames_*.toml``, read, checked and matched.

A scheme file lists frames, each with its indicator questions and the cue groups that stand for
them (words, phrases and ``accus*`` wildcards as ``terms``, case-sensitive ``exact`` words, and
regular expression ``patterns``). :func:`load_scheme` reads one, names the file and the fix when
it cannot be used, and compiles it once; :meth:`FrameScheme.matches` finds every cue in a text.
Two schemes ship with the package:

- ``"generic"`` (``data/frames_generic.toml``): the five generic news frames of Semetko &
  Valkenburg (2000), conflict, human interest, economic consequences, morality and
  responsibility, with their twenty indicator questions;
- ``"policy"`` (``data/frames_policy.toml``): the 15 frames of the Media Frames codebook
  (Boydstun et al. 2014), with "other" as the fallback for a sentence with no cue.

:func:`cue_table` and :func:`questions_table` show a scheme's cues and questions; how the cues are
counted per sentence is :mod:`analysis.framing.frames`.

References:
    Semetko, H. A. & Valkenburg, P. M. (2000). Framing European politics: A content analysis of
    press and television news. Journal of Communication 50(2), 93-109.
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. & Smith, N. A. (2014). Tracking the
    development of media frames within and across policy issues.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import SameStoryError
from ..lexmatch import skip_finditer, skipping_finditer
from ..paths import DATA_DIR

__all__ = [
    "cue_table",
    "CueGroup",
    "FrameScheme",
    "load_scheme",
    "questions_table",
    "Scheme",
    "SCHEME_FILES",
    "SchemeError",
    "term_pattern",
]

Scheme = Literal["generic", "policy"]
SCHEME_FILES = {"generic": DATA_DIR / "frames_generic.toml", "policy": DATA_DIR / "frames_policy.toml"}


class SchemeError(SameStoryError):
    """A frame or event cue file cannot be used as it is (the message names the file and the fix)."""


def term_pattern(terms: list[str], where: str) -> str:
    """One regular expression for a list of terms, as a trie (fast alternation), on word edges."""
    trie: dict = {}
    for term in terms:
        t = term.strip().lower()
        if not t:
            continue
        if "*" in t[:-1]:
            raise SchemeError(f"{where}: the term {term!r} has '*' before its end; '*' may only end a term (e.g. 'accus*')")
        node = trie
        for ch in re.sub(r"\s+", " ", t):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = {"*": r"\w*", " ": r"\s+"}.get(ch, re.escape(ch))
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return r"(?<!\w)" + build(trie) + r"(?!\w)" if trie else ""


@dataclass(frozen=True)
class CueGroup:
    """One ``[[frames.cues]]`` table: the cues that stand for one (or more) indicator questions.

    ``needs`` (question ids, optional): the group's cues count only in a sentence where a cue of
    one of those questions matched too (from a group without ``needs``). "killed" says that people
    were affected (human interest, H3) only beside a human face or feeling (H1, H2): "an elderly
    father and his son were killed", not "the deadliest strike this year".
    """

    frame: str
    questions: tuple[str, ...]
    terms: tuple[str, ...]
    exact: tuple[str, ...]
    patterns: tuple[str, ...]
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class FrameScheme:
    """A frame scheme read from its TOML file. Build with :func:`load_scheme`.

    Attributes:
        name: "generic", "policy", or the name given in the file.
        title: a readable title.
        frames: frame ids in the file's order.
        labels: frame id -> label ("Conflict", "Security and defense").
        codes: frame id -> codebook number (policy scheme; empty otherwise).
        definitions: frame id -> definition.
        questions: question id -> indicator question.
        question_frame: question id -> frame id.
        groups: the cue groups.
        tie_order: frame ids in the order that breaks ties for one label per sentence.
        fallback: the frame id for a sentence with no cue ("other"), or "".
        path: the file read.
    """

    name: str
    title: str
    frames: tuple[str, ...]
    labels: dict
    codes: dict
    definitions: dict
    questions: dict
    question_frame: dict
    groups: tuple[CueGroup, ...]
    tie_order: tuple[str, ...]
    fallback: str
    path: Path

    @property
    def _compiled(self) -> dict[str, tuple[re.Pattern, dict[str, int]]]:
        return _compile_scheme(self)

    def cue_pattern(self, frame: str) -> re.Pattern:
        """The one regular expression of all of ``frame``'s cues (to mark them in a sentence)."""
        return self._compiled[frame][0]

    def matches(self, text: str) -> list[tuple[str, int, int, int]]:
        """Every cue match in ``text``: (frame id, cue group index, start, end), in text order.

        Within a frame, matches do not overlap (the leftmost wins, as in ``re.finditer``); two
        frames may match the same words. For speed, a frame's term regex is only tried at the start
        of words that can begin one of that frame's terms (one dictionary lookup per word, the frames
        a word form can begin computed once per form); the result is the same as
        running each frame's whole regex over the text (tests/framing/test_schemes.py checks this).
        """
        idx = _fast_index(self)
        # Where each frame's terms may begin: a word that is the first word of one of its terms (or
        # starts with a '*' term's prefix). What a word can begin is looked up once per word form.
        # Each start comes with the regex to try there: the frame's terms that can begin with that
        # word (see _FastIndex.begins), in the same order, so it matches what the frame's whole regex would.
        starts: dict[str, list[tuple[int, re.Pattern]]] = {frame: [] for frame in idx.terms}
        begins, cache = idx.begins, idx.begins_cache
        # The words and their offsets without a Python step per word: one split gives the words and
        # the stretches between them, hence each word's start by a cumulative sum; only the few
        # words that may begin a term are then visited one by one.
        parts = _WORD_SPLIT.split(text)
        words = parts[1::2]
        extra: dict[str, tuple[tuple[str, re.Pattern], ...]] = {}  # forms looked up once the cache is full
        for w in set(words).difference(cache):
            if len(cache) < _BEGINS_CACHE_SIZE:
                cache[w] = begins(w)
            else:
                extra[w] = begins(w)
        frames_of = (lambda w: extra[w] if w in extra else cache[w]) if extra else cache.__getitem__
        hits = np.flatnonzero(np.fromiter(map(bool, map(frames_of, words)), dtype=bool, count=len(words)))
        if len(hits):
            # parts alternate stretch, word, stretch ...: word i starts where part 2i ends
            ends = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
            offsets = ends[2 * hits].tolist()
            for i, pos in zip(hits.tolist(), offsets):
                for frame, rx in frames_of(words[i]):
                    starts[frame].append((pos, rx))
        found = []
        for frame in self.frames:
            per = []
            if frame in idx.terms:
                group_of = idx.terms[frame][1]
                last = -1
                for pos, rx in starts[frame]:
                    if pos < last:
                        continue
                    m = rx.match(text, pos)
                    if m:
                        per.append((group_of[m.lastgroup], m.start(), m.end()))
                        last = m.end()
            if frame in idx.scans:
                rx, group_of, skipping = idx.scans[frame]
                per += [(group_of[m.lastgroup], m.start(), m.end()) for m in skip_finditer(rx, skipping, text)]
                per.sort(key=lambda x: (x[1], -x[2]))
                kept, last = [], -1
                for k, a, b in per:
                    if a >= last:
                        kept.append((k, a, b))
                        last = b
                per = kept
            found += [(frame, k, a, b) for k, a, b in per]
        order = {f: i for i, f in enumerate(self.frames)}
        found.sort(key=lambda x: (x[2], order[x[0]]))
        return found

    def guarded(self, found: list[tuple[str, int, int, int]]) -> list[tuple[str, int, int, int]]:
        """The matches of ONE sentence (from :meth:`matches`) less those of groups whose ``needs``
        are not met in it (see :class:`CueGroup`)."""
        answered = {q for _, k, _, _ in found if not self.groups[k].needs for q in self.groups[k].questions}
        return [m for m in found if not self.groups[m[1]].needs or answered & set(self.groups[m[1]].needs)]

    def matches_slow(self, text: str) -> list[tuple[str, int, int, int]]:
        """The same as :meth:`matches`, by running each frame's whole regex over the text (reference)."""
        found = []
        for frame, (rx, group_of) in self._compiled.items():
            for m in rx.finditer(text):
                found.append((frame, group_of[m.lastgroup], m.start(), m.end()))
        order = {f: i for i, f in enumerate(self.frames)}
        found.sort(key=lambda x: (x[2], order[x[0]]))
        return found


_WORD_SPLIT = re.compile(r"(\w+)")


_BEGINS_CACHE_SIZE = 200_000
"""Word forms whose frames :meth:`FrameScheme.matches` remembers (a news vocabulary is far smaller)."""


@dataclass(frozen=True, eq=False)
class _FastIndex:
    words: dict  # lower-case first word of a term -> the frames with such a term
    prefixes: dict  # length -> {lower-case prefix -> the frames with a term whose first word is that prefix and *}
    terms: dict  # frame -> (regex of its term and exact alternatives, group name -> cue group)
    scans: dict  # frame -> (regex of its patterns, group name -> cue group, its skipping_finditer), run over the whole text
    entries: dict  # frame -> its term and exact alternatives, one (group, kind, first word, term) each, in regex order
    where: dict  # frame -> how to name it in an error message
    begins_cache: dict = field(default_factory=dict)  # word as written -> what begins() gives
    narrowed: dict = field(default_factory=dict)  # (frame, entry positions) -> the regex of those entries

    def begins(self, word: str) -> tuple[tuple[str, re.Pattern], ...]:
        """The frames (in scheme order) one of whose terms may start with ``word`` (as written, a
        run of word characters), each with the regex to try there.

        That regex holds only the frame's alternatives that can match at the start of ``word``:
        a term whose first word (lower case) is ``word`` lower-cased, or one whose '*' prefix
        begins it. Each alternative keeps its group and its place, and each term list its trie
        order, so it matches what the frame's whole regex matches there. A word outside ASCII, or
        a frame with a first word outside ASCII, gets the whole regex (case-insensitive matching
        folds a few characters that lower() does not).
        """
        w = word.lower()
        found = set(self.words.get(w, ()))
        for n, ps in self.prefixes.items():
            if len(w) >= n and w[:n] in ps:
                found |= ps[w[:n]]
        out = []
        for frame in self.terms:
            if frame not in found:
                continue
            entries = self.entries[frame]
            if entries is None or not word.isascii():
                out.append((frame, self.terms[frame][0]))
                continue
            keep = tuple(i for i, (_, _, first, _) in enumerate(entries)
                         if (w.startswith(first[:-1]) if first.endswith("*") else w == first))
            rx = self.narrowed.get((frame, keep))
            if rx is None:
                rx = self.narrowed[(frame, keep)] = _term_regex([entries[i] for i in keep], self.where[frame])
            out.append((frame, rx))
        return tuple(out)


def _term_alternative(kind: str, items: list[str], where: str) -> str:
    """The regex of a cue group's terms (kind "t") or exact terms ("e") that begin with a word character."""
    if kind == "t":
        return term_pattern(list(items), where)
    return "(?-i:" + r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(items, key=len, reverse=True)) + r")(?!\w))"


def _term_regex(entries: list[tuple[int, str, str, str]], where: str) -> re.Pattern:
    """One frame's regex of term alternatives: a named group per cue group and kind, in order."""
    alts, items = [], {}
    for k, kind, _, term in entries:
        items.setdefault((k, kind), []).append(term)
    for (k, kind), terms in items.items():
        alts.append(f"(?P<g{k}{kind}>{_term_alternative(kind, terms, where)})")
    return re.compile("|".join(alts), re.IGNORECASE)


@lru_cache(maxsize=16)
def _fast_index(scheme: FrameScheme) -> _FastIndex:
    words: dict[str, set[str]] = {}
    prefixes: dict[int, dict[str, set[str]]] = {}
    terms, scans, entries, wheres = {}, {}, {}, {}
    for frame in scheme.frames:
        term_alts, scan_alts, term_groups, scan_groups, frame_entries = [], [], {}, {}, []
        where = wheres[frame] = f"{scheme.path.name}, frame {frame!r}"
        for k, g in enumerate(scheme.groups):
            if g.frame != frame:
                continue
            for kind, items in (("t", g.terms), ("e", g.exact)):
                if not items:
                    continue
                word_start = [t for t in items if re.match(r"\w", t)]
                other = [t for t in items if not re.match(r"\w", t)]
                for t in word_start:
                    first = re.match(r"\w+\*?", t.lower()).group(0)
                    if first.endswith("*"):  # "accus*": any word that starts with "accus"
                        prefixes.setdefault(len(first) - 1, {}).setdefault(first[:-1], set()).add(frame)
                    else:  # "peace deal", "cease-fire": the first word as written
                        words.setdefault(first, set()).add(frame)
                    frame_entries.append((k, kind, first, t))
                for lst, alts, groups in ((word_start, term_alts, term_groups), (other, scan_alts, scan_groups)):
                    if not lst:
                        continue
                    body = _term_alternative(kind, lst, where)
                    name = f"g{k}{kind}{'s' if alts is scan_alts else ''}"
                    alts.append(f"(?P<{name}>{body})")
                    groups[name] = k
            for m, pattern in enumerate(g.patterns):
                scan_alts.append(f"(?P<g{k}p{m}>{pattern})")
                scan_groups[f"g{k}p{m}"] = k
        if term_alts:
            terms[frame] = (re.compile("|".join(term_alts), re.IGNORECASE), term_groups)
            entries[frame] = frame_entries if all(first.isascii() for _, _, first, _ in frame_entries) else None
        if scan_alts:
            rx = re.compile("|".join(scan_alts), re.IGNORECASE)
            scans[frame] = (rx, scan_groups, skipping_finditer(rx))
    return _FastIndex({w: frozenset(fs) for w, fs in words.items()},
                      {n: {p: frozenset(fs) for p, fs in ps.items()} for n, ps in sorted(prefixes.items())}, terms, scans,
                      entries, wheres)


@lru_cache(maxsize=16)
def _compile_scheme(scheme: FrameScheme) -> dict[str, tuple[re.Pattern, dict[str, int]]]:
    out = {}
    for frame in scheme.frames:
        alts, group_of = [], {}
        for k, g in enumerate(scheme.groups):
            if g.frame != frame:
                continue
            where = f"{scheme.path.name}, frame {frame!r}"
            if g.terms:
                alts.append(f"(?P<g{k}t>{term_pattern(list(g.terms), where)})")
                group_of[f"g{k}t"] = k
            if g.exact:
                exact = r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(g.exact, key=len, reverse=True)) + r")(?!\w)"
                alts.append(f"(?P<g{k}e>(?-i:{exact}))")
                group_of[f"g{k}e"] = k
            for m, pattern in enumerate(g.patterns):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise SchemeError(f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc}); fix it or remove it") from exc
                alts.append(f"(?P<g{k}p{m}>{pattern})")
                group_of[f"g{k}p{m}"] = k
        if alts:
            out[frame] = (re.compile("|".join(alts), re.IGNORECASE), group_of)
    return out


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@lru_cache(maxsize=8)
def _load_scheme_file(path: Path) -> FrameScheme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SchemeError(f"{path}: the frame file does not exist; give the path of a TOML file like analysis/data/frames_generic.toml") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError(f"{path}: is not valid TOML ({exc}); fix the line named") from exc
    meta = data.get("scheme", {})
    frames, labels, codes, definitions, questions, question_frame, groups = [], {}, {}, {}, {}, {}, []
    for n, f in enumerate(data.get("frames", []), 1):
        fid = f.get("id")
        if not fid or not f.get("label"):
            raise SchemeError(f"{path.name}: frame number {n} needs an id and a label; add them to its [[frames]] table")
        frames.append(fid)
        labels[fid] = f["label"]
        definitions[fid] = f.get("definition", "")
        if "code" in f:
            codes[fid] = int(f["code"])
        for qid, qtext in f.get("questions", {}).items():
            if qid in questions:
                raise SchemeError(f"{path.name}: question id {qid!r} is used twice; give each question its own id")
            questions[qid] = qtext
            question_frame[qid] = fid
        for c in f.get("cues", []):
            qs = _as_tuple(c.get("question"))
            for q in qs:
                if question_frame.get(q) != fid:
                    raise SchemeError(
                        f"{path.name}: a cue group of frame {fid!r} names question {q!r}, which is not one of that frame's "
                        f"questions ({', '.join(k for k, v in question_frame.items() if v == fid) or 'none'}); fix the id"
                    )
            if not qs:
                raise SchemeError(f"{path.name}: a cue group of frame {fid!r} has no question; note the question it stands for")
            groups.append(CueGroup(fid, qs, _as_tuple(c.get("terms")), _as_tuple(c.get("exact")), _as_tuple(c.get("patterns")),
                                   _as_tuple(c.get("needs"))))
    if not frames:
        raise SchemeError(f"{path.name}: holds no [[frames]] tables; see analysis/data/frames_generic.toml for the layout")
    for g in groups:
        unknown_needs = [q for q in g.needs if q not in questions]
        if unknown_needs:
            raise SchemeError(f"{path.name}: a cue group of frame {g.frame!r} needs questions {unknown_needs}, which the file "
                              "does not define; use the ids of its [frames.questions]")
    tie = tuple(meta.get("tie_order", frames))
    unknown = [t for t in tie if t not in frames]
    if unknown:
        raise SchemeError(f"{path.name}: tie_order names unknown frames {unknown}; use the frames' ids")
    tie = tie + tuple(f for f in frames if f not in tie)
    scheme = FrameScheme(
        name=meta.get("name", path.stem), title=meta.get("title", path.stem), frames=tuple(frames), labels=labels,
        codes=codes, definitions=definitions, questions=questions, question_frame=question_frame, groups=tuple(groups),
        tie_order=tie, fallback=meta.get("fallback", ""), path=path,
    )
    _compile_scheme(scheme)
    _fast_index(scheme)
    return scheme


def load_scheme(scheme: Scheme | str | Path = "generic") -> FrameScheme:
    """Read a frame scheme: ``"generic"``, ``"policy"``, or the path of your own TOML file.

    Args:
        scheme: ``"generic"`` (Semetko & Valkenburg 2000), ``"policy"`` (Boydstun et al. 2014),
            the path of a TOML file laid out like ``analysis/data/frames_generic.toml``, or a
            scheme already read (returned as it is).

    Returns:
        The :class:`FrameScheme`, its cue patterns compiled (read once per file).

    Raises:
        SchemeError: naming the file and what to fix, when the file cannot be used.

    References:
        Semetko & Valkenburg (2000), the generic frames and their indicator questions;
        Boydstun et al. (2014), the policy frames codebook.
    """
    if isinstance(scheme, FrameScheme):
        return scheme
    path = SCHEME_FILES.get(scheme) if isinstance(scheme, str) else None
    return _load_scheme_file(Path(path or scheme).resolve())


def cue_table(scheme: Scheme | str | Path = "generic") -> pd.DataFrame:
    """The scheme's cues as a table: frame, question id, question, and the cues written for it."""
    s = load_scheme(scheme)
    rows = []
    for g in s.groups:
        cues = list(g.terms) + list(g.exact) + [f"/{p}/" for p in g.patterns]
        rows.append(
            {"frame": s.labels[g.frame], "question": "; ".join(g.questions),
             "indicator question": " / ".join(s.questions[q] for q in g.questions), "cues": len(cues),
             "examples": ", ".join(cues[:8]) + (" ..." if len(cues) > 8 else "")}
        )
    return pd.DataFrame(rows)


def questions_table(scheme: Scheme | str | Path = "generic") -> pd.DataFrame:
    """One row per indicator question: id, frame, question."""
    s = load_scheme(scheme)
    return pd.DataFrame(
        [{"question": q, "frame": s.labels[s.question_frame[q]], "indicator question": t} for q, t in s.questions.items()]
    )
