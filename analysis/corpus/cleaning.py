"""Cleaning raw article files into body text, with an audit of every line removed.

Raw text is never changed: :func:`clean_article` reads it and returns the body paragraphs, the
clean text they make (paragraphs joined by a blank line) and one audit row per removed line or
prefix, naming the rule that removed it. The rules are data, in ``data/cleaning_rules.toml``;
that file's header says how each kind of rule applies and how to add one.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..paths import DATA_DIR

__all__ = [
    "clean_article",
    "CleanResult",
    "load_rules",
    "MAX_FURNITURE_CHARS",
    "normalise_newlines",
    "Paragraph",
    "Rule",
    "RULES_FILE",
    "rules_table",
    "Where",
]

RULES_FILE = DATA_DIR / "cleaning_rules.toml"

Where = Literal["head", "tail", "edge", "body", "any", "prefix"]

# No line longer than this is furniture: menus, prompts, credits and captions are short, and the
# bound keeps cleaning fast on long paragraphs. A rule may allow longer lines (``max_chars``) when
# its pattern is anchored on marks no paragraph has (a photo gallery's "Hide Caption 8 of 8").
MAX_FURNITURE_CHARS = 400
# A paragraph this short, with no closing punctuation, is a crosshead ("General killed").
_SUBHEAD_MAX_WORDS = 8
# A field found at the end of a line (``metadata_at = "end"``) must be this long, so that a short
# headline ("Brexit") never takes a sentence that happens to end with its words.
_MIN_WORDS_AT_END = 4
_SENTENCE_END = tuple(".!?:;\"”’)'…")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(frozen=True)
class Rule:
    """One cleaning rule, read from the rules file."""

    name: str
    what: str
    where: Where
    patterns: tuple[re.Pattern, ...] = ()
    from_metadata: str | None = None
    repeats_removed: bool = False
    follows: tuple[str, ...] = ()  # applies only right below a line removed by one of these rules
    max_chars: int = MAX_FURNITURE_CHARS  # a longer line is never removed by this rule
    metadata_at: str = ""  # from_metadata: "end" the field ends the line; "start" a name of the field starts it
    combined: re.Pattern | None = None  # the patterns as one alternation, tried in order


def _combine(patterns: list[str]) -> re.Pattern | None:
    """One regex trying each pattern in order; a leading (?i) becomes a scoped (?i:...) group."""
    if not patterns:
        return None
    parts = []
    for p in patterns:
        m = re.match(r"\(\?([aiLmsux]+)\)", p)
        parts.append(f"(?{m.group(1)}:{p[m.end():]})" if m else f"(?:{p})")
    return re.compile("|".join(parts))


@dataclass
class Paragraph:
    """A body paragraph: its text, where it sits in the clean text, and the raw line it came from."""

    text: str
    start: int
    end: int
    raw_line: int
    kind: Literal["body", "subhead"]


@dataclass
class CleanResult:
    """What cleaning one article gives."""

    text: str
    paragraphs: list[Paragraph]
    removed: list[dict] = field(default_factory=list)
    dateline: str = ""


@lru_cache(maxsize=8)
def load_rules(path: str | Path = RULES_FILE) -> tuple[Rule, ...]:
    """Read the cleaning rules from a TOML file (the package's own by default)."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    rules = []
    for entry in data["rule"]:
        patterns = tuple(re.compile(p) for p in entry.get("patterns", []))
        rules.append(
            Rule(
                name=entry["name"],
                what=entry["what"],
                where=entry["where"],
                patterns=patterns,
                from_metadata=entry.get("from_metadata"),
                repeats_removed=bool(entry.get("repeats_removed", False)),
                follows=tuple(entry.get("follows", ())),
                max_chars=int(entry.get("max_chars", MAX_FURNITURE_CHARS)),
                metadata_at=str(entry.get("metadata_at", "")),
                combined=_combine(entry.get("patterns", [])),
            )
        )
    return tuple(rules)


def rules_table(path: str | Path = RULES_FILE):
    """The cleaning rules as a DataFrame (name, where, what), for showing in a notebook."""
    import pandas as pd

    return pd.DataFrame(
        [{"rule": r.name, "where": r.where, "what it removes": r.what} for r in load_rules(path)]
    )


@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    """Compare lines loosely: NFC, straight quotes, folded white space, case."""
    s = unicodedata.normalize("NFC", s).translate(_QUOTES)
    return re.sub(r"\s+", " ", s).strip().casefold()


_MASTHEAD_SEP = r"[\s|/:\u00b7\u2022,\-\u2013\u2014]"


def _is_masthead(line: str, outlet: str) -> bool:
    """A short line that is the outlet's name as a masthead: the name as whole words at the start
    (case and quotes aside), then nothing, a separator, or capitalised words ("The Independent UK",
    "CNN | World"), and no sentence end. An outlet called "AP" or "The" never takes "Apparently
    talks failed." or "The talks failed." with it."""
    fold = lambda s: re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).translate(_QUOTES)).strip()
    text, name = fold(line), fold(outlet)
    if not name or len(text.split()) > 6:
        return False
    m = re.match(re.escape(name) + rf"(?=$|{_MASTHEAD_SEP})", text, re.IGNORECASE)
    if not m:
        return False
    rest = text[m.end():].strip()
    if not rest:
        return True
    if re.search(r"[.!?\u2026]$", rest):
        return False
    words = [w for w in re.split(rf"{_MASTHEAD_SEP}+", rest) if w]
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def _tails(value: str) -> list[str]:
    """A headline, and its part after a kicker ("Exclusive: ...", "The record is clear: ...")."""
    parts = [value]
    m = re.match(r"[^:]{2,60}:\s+(.+)", value)
    if m:
        parts.append(m.group(1))
    return parts


def _names(value: str) -> list[str]:
    """The people of a byline ("Jane Doe, John Roe and Ann Poe"), folded; each of two words or more."""
    value = re.sub(r"^by\s+", "", unicodedata.normalize("NFC", value).translate(_QUOTES).strip().strip('"'), flags=re.I)
    names = [n.strip().strip('"').casefold() for n in re.split(r",|;|&|\band\b", value)]
    return [n for n in names if len(n.split()) >= 2]


def _strip_tags(s: str) -> str:
    return re.sub(r"<[^>]+>", " ", s)


def _matches(rule: Rule, line: str, meta: dict, removed_text: list[str], above: str | None = None) -> bool:
    stripped = line.strip()
    if len(stripped) > rule.max_chars:
        return False
    if rule.follows and above not in rule.follows:
        return False
    if rule.repeats_removed:
        n = _norm(stripped)
        return bool(n) and any(n in r for r in removed_text)
    if rule.from_metadata:
        value = str(meta.get(rule.from_metadata) or "").strip()
        if value:
            if rule.from_metadata == "outlet":
                if _is_masthead(stripped, value):
                    return True
            elif rule.metadata_at == "end":
                # A line that ends with the field after other text (a caption, then the headline, or the
                # headline's part after its kicker: "The record is clear: Obama delivers ...").
                n = _norm(stripped)
                for v in _tails(_norm(value)):
                    if len(v.split()) >= _MIN_WORDS_AT_END and n != v and n.endswith(" " + v):
                        return True
                return False
            elif rule.metadata_at == "start":
                # A line that starts with one of the names of the field (the authors of a byline) and whose
                # rest matches the rule's patterns ("David Segal is a former ...").
                low = unicodedata.normalize("NFC", stripped).translate(_QUOTES).casefold()
                for name in _names(value):
                    if low.startswith(name) and rule.combined is not None and rule.combined.fullmatch(stripped[len(name):]):
                        return True
                return False
            elif _norm(stripped) in {_norm(value), _norm("By " + value)}:
                return True
    return rule.combined is not None and rule.combined.fullmatch(stripped) is not None


def _first_match(rules, line, meta, removed_text, above: str | None = None) -> Rule | None:
    for rule in rules:
        if _matches(rule, line, meta, removed_text, above):
            return rule
    return None


def _is_label(prefix: str, lines: list[str], i: int) -> bool:
    """A prefix that also starts another line of the article is a label, not a dateline: the
    speaker's name in a transcript ("AMY GOODMAN: ..." on every turn of hers) is kept. A dateline is
    printed once."""
    head = prefix.strip()
    return any(j != i and ln.strip().startswith(head) for j, ln in enumerate(lines))


def normalise_newlines(raw: str) -> str:
    """Drop a byte-order mark and turn CRLF / CR line ends into LF."""
    return raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def clean_article(raw: str, meta: dict | None = None, *, rules: tuple[Rule, ...] | None = None) -> CleanResult:
    """Separate an article's body from the furniture around it.

    Args:
        raw: the file's text as decoded (BOM and CRLF allowed).
        meta: the article's metadata row (``headline``, ``byline``, ``outlet`` are used to
            recognise those lines in the file).
        rules: cleaning rules; the package's own by default.

    Returns:
        A :class:`CleanResult`: the clean text, its paragraphs with offsets, and one dict per
        removed line (``line`` 1-based in the raw file, ``rule``, ``where``, ``removed``).
    """
    meta = meta or {}
    rules = rules if rules is not None else load_rules()
    head_rules = [r for r in rules if r.where in ("head", "edge", "any")]
    # Read upwards, the tail cannot know the line above a line: rules that follow another are left out.
    tail_rules = [r for r in rules if r.where in ("tail", "edge", "any") and not r.follows]
    body_rules = [r for r in rules if r.where in ("body", "any")]
    prefix_rules = [r for r in rules if r.where == "prefix"]

    lines = normalise_newlines(raw).split("\n")
    removed: list[dict] = []
    removed_text: list[str] = []
    removed_by: dict[int, str] = {}  # raw line index -> the rule that removed the whole line

    def remove(i: int, rule: Rule, where: str, text: str | None = None) -> None:
        if text is None:
            removed_by[i] = rule.name
        text = lines[i].strip() if text is None else text
        removed.append({"line": i + 1, "rule": rule.name, "where": where, "removed": text})
        removed_text.append(_norm(_strip_tags(text)))

    def above(i: int) -> str | None:
        """The rule that removed the nearest non-blank line above line i (None: kept, or none)."""
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        return removed_by.get(j)

    # Head: from the top while lines are furniture.
    first = 0
    while first < len(lines):
        if not lines[first].strip():
            first += 1
            continue
        rule = _first_match(head_rules, lines[first], meta, removed_text, above(first))
        if rule is None:
            break
        remove(first, rule, "head")
        first += 1
    # Tail: from the bottom while lines are furniture (never into the head).
    last = len(lines) - 1
    while last >= first:
        if not lines[last].strip():
            last -= 1
            continue
        rule = _first_match(tail_rules, lines[last], meta, removed_text)
        if rule is None:
            break
        remove(last, rule, "tail")
        last -= 1

    # Body: everything between, less body-rule lines; prefixes off the first body line.
    body: list[tuple[int, str]] = []  # (raw line index, text) ; "" marks a blank line
    dateline_parts: list[str] = []
    for i in range(first, last + 1):
        text = lines[i].strip()
        if not text:
            body.append((i, ""))
            continue
        rule = _first_match(body_rules, text, meta, removed_text, above(i))
        if rule is not None:
            remove(i, rule, "body")
            continue
        if not any(t for _, t in body):  # the first body line
            changed = True
            while changed:
                changed = False
                for rule in prefix_rules:
                    for pat in rule.patterns:
                        m = pat.match(text)
                        if m and m.end() < len(text) and not _is_label(m.group(0), lines, i):
                            remove(i, rule, "prefix", m.group(0).strip())
                            if rule.name == "dateline":
                                dateline_parts.append(m.group(0).strip())
                            text = text[m.end():].lstrip()
                            changed = True
                            break
                    if changed:
                        break
        body.append((i, text))
    removed.sort(key=lambda r: (r["line"], r["where"] != "prefix"))

    paragraphs = _paragraphs(body)
    return CleanResult(
        text="\n\n".join(p.text for p in paragraphs),
        paragraphs=paragraphs,
        removed=removed,
        dateline=" ".join(dateline_parts),
    )


def _paragraphs(body: list[tuple[int, str]]) -> list[Paragraph]:
    """Group body lines into paragraphs, with offsets into the clean text.

    A file whose paragraphs are separated by blank lines and mostly wrapped over several lines
    (hard-wrapped text) gets one paragraph per block, its lines joined by a space. Otherwise
    each non-empty line is a paragraph: news scrapes put one paragraph on a line, some with blank
    lines between them and some without.
    """
    blocks: list[list[tuple[int, str]]] = [[]]
    for i, text in body:
        if text:
            blocks[-1].append((i, text))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    has_blank = len(blocks) > 1
    multi = sum(len(b) > 1 for b in blocks)
    hard_wrapped = has_blank and multi >= max(1, len(blocks) // 2)
    units = [(b[0][0], " ".join(t for _, t in b)) for b in blocks] if hard_wrapped else [
        (i, t) for b in blocks for i, t in b
    ]
    paragraphs: list[Paragraph] = []
    pos = 0
    for n, (i, text) in enumerate(units):
        kind = "body"
        if n > 0 and len(text.split()) <= _SUBHEAD_MAX_WORDS and not text.endswith(_SENTENCE_END) and text[:1].isupper():
            kind = "subhead"
        paragraphs.append(Paragraph(text=text, start=pos, end=pos + len(text), raw_line=i + 1, kind=kind))
        pos += len(text) + 2
    return paragraphs
