"""The story file of a corpus: what is particular to the story its articles tell.

The package holds only what is true of any news story. What belongs to one story (the things
whose very names are disputed in it and the wordings outlets use for them, the words to read in
context, kinds of event and vague-sourcing phrases particular to it, where its register of people
is) lives in the corpus folder, in an optional ``story.toml`` (format in the README's data
dictionary and in the bundled corpus's own ``corpus/story.toml``, which is commented).

:func:`load_story` reads it (a :class:`Story`; an empty one, ``given`` False, when the folder has
no story file) and :func:`story_problems` lists every problem of the file, each naming the line
and the fix. Nothing here reads or writes anything but the story file.

Top-level fields of ``story.toml`` (all optional):

- ``title``: the story in a few words, shown on the site's contents page;
- ``register``: the corpus's register of people and roles, a CSV inside the folder
  (``register.csv`` by default; see :mod:`analysis.corpus.register`);
- ``[[concept]]`` with ``[[concept.variant]]``: contested names (the format of
  :func:`parse_concepts`), counted by :mod:`analysis.wordchoice.naming`;
- ``[[keyword]]``: ``word``, ``match`` (word, prefix or regex) and ``note``: words read side by
  side in context (notebook 02);
- ``[[event]]``: ``id``, ``label`` and ``terms`` / ``exact`` / ``patterns`` as in the package's
  ``data/event_cues.toml``; an ``id`` the package has adds its cues to that kind of event;
- ``[[vague]]``: ``class`` (anonymous, hedge or agentless), ``label`` and ``regex``, added to the
  package's vague-sourcing phrases (``data/vague_sourcing.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import CorpusError, LexiconError, Problem

__all__ = [
    "Concept",
    "Keyword",
    "load_story",
    "parse_concepts",
    "Story",
    "STORY_FILE",
    "story_problems",
    "Variant",
    "VAGUE_CLASSES",
]

STORY_FILE = "story.toml"
"""The name of the story file in a corpus folder."""

VAGUE_CLASSES = ("anonymous", "hedge", "agentless")
"""The classes a vague-sourcing phrase of a story file may have (as in ``data/vague_sourcing.toml``)."""

_FIELDS = {"title", "register", "concept", "keyword", "event", "vague"}
_MATCHES = ("word", "prefix", "regex")


@dataclass(frozen=True)
class Variant:
    """One wording of a contested concept, and the patterns that find it."""

    label: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Concept:
    """A contested thing, its wordings, and a note for teachers."""

    id: str
    name: str
    note: str
    variants: tuple[Variant, ...]
    context: re.Pattern | None = None
    window: int = 0


@dataclass(frozen=True)
class Keyword:
    """A word to read in context side by side across outlets, and why."""

    word: str
    match: str = "word"
    note: str = ""


@dataclass(frozen=True, eq=False)
class Story:
    """What a corpus's ``story.toml`` says (empty when the corpus has none).

    Attributes:
        path: the story file, or None when the corpus folder has none.
        title: the story in a few words ("" when not given).
        register: the corpus's register CSV (the one the file names, else ``register.csv`` when
            the folder has it), or None.
        concepts: contested names and their wordings.
        keywords: words to read in context.
        events: kinds of event particular to the story (tables in the format of ``event_cues.toml``).
        vague: vague-sourcing phrases particular to the story: (class, label, compiled regex).
    """

    path: Path | None
    title: str = ""
    register: Path | None = None
    concepts: tuple[Concept, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    events: tuple[dict, ...] = ()
    vague: tuple[tuple[str, str, re.Pattern], ...] = field(default=())

    @property
    def given(self) -> bool:
        """True when the corpus folder has a story file."""
        return self.path is not None


def _table_lines(text: str, name: str) -> list[int]:
    """1-based line numbers of every ``[[name]]`` header in a TOML text, in order."""
    rx = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(name)}[ \t]*\]\]", re.M)
    return [text.count("\n", 0, m.start()) + 1 for m in rx.finditer(text)]


def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _compile_naming_pattern(pattern: str) -> re.Pattern:
    """A naming pattern as matched: whole words, case-insensitive, ’ also matching '."""
    pattern = pattern.replace("\u2019", "['\u2019]")
    return re.compile(rf"(?<![\w\-])(?:{pattern})(?![\w])", re.IGNORECASE)


def parse_concepts(tables: list[Any], *, file: str, lines: list[int] | None = None) -> tuple[tuple[Concept, ...], list[Problem]]:
    """Contested concepts from the ``[[concept]]`` tables of a TOML file.

    Each ``[[concept]]`` has ``id`` (short, for tables), ``name`` (in words), ``note`` (for
    teachers: why the choice matters), optionally ``context`` (a regular expression that must
    occur within ``window`` sentences of a use for it to count) and ``window`` (default 0, the
    same sentence), and one ``[[concept.variant]]`` per wording: ``label`` (as shown) and
    ``patterns`` (regular expressions, matched case-insensitively on whole words; write an
    apostrophe as ’ and it also matches ').

    Args:
        tables: the parsed ``concept`` array.
        file: the file's name, for messages.
        lines: the line of each ``[[concept]]`` header (see :func:`_table_lines`), for messages.

    Returns:
        The concepts that could be read, and a problem for each one that could not.
    """
    concepts, problems = [], []
    seen: set[str] = set()
    for k, c in enumerate(tables, start=1):
        line = lines[k - 1] if lines and k <= len(lines) else None
        if not isinstance(c, dict):
            problems.append(Problem(file, f"concept {k} is not a table", "write each concept as a [[concept]] table", line))
            continue
        where = f"concept {k} ({c.get('id', 'no id')})"
        missing = [f for f in ("id", "name", "note", "variant") if not c.get(f)]
        if missing:
            problems.append(Problem(file, f"{where} lacks {', '.join(missing)}",
                                    "give every [[concept]] an id, a name, a note and at least one [[concept.variant]] (label, patterns)", line))
            continue
        if c["id"] in seen:
            problems.append(Problem(file, f"{where}: the id {c['id']!r} is used twice", "give each concept its own id", line))
            continue
        seen.add(c["id"])
        variants, bad = [], False
        for v in c["variant"]:
            patterns = v.get("patterns") if isinstance(v, dict) else None
            if not isinstance(v, dict) or not v.get("label") or not patterns or isinstance(patterns, str):
                problems.append(Problem(file, f"{where}: a variant lacks a label or a list of patterns",
                                        "give each [[concept.variant]] a label and patterns = ['...']", line))
                bad = True
                continue
            compiled = []
            for p in patterns:
                try:
                    compiled.append(_compile_naming_pattern(str(p)))
                except re.error as exc:
                    problems.append(Problem(file, f"{where}, variant {v['label']!r}: the pattern {p!r} is not a valid regular expression ({exc})",
                                            "fix it, or write it as a TOML literal string ('...') so that backslashes stay", line))
                    bad = True
            variants.append(Variant(str(v["label"]), tuple(compiled)))
        context = None
        if c.get("context"):
            try:
                context = re.compile(str(c["context"]), re.IGNORECASE)
            except re.error as exc:
                problems.append(Problem(file, f"{where}: the context {c['context']!r} is not a valid regular expression ({exc})", "fix the context pattern", line))
                bad = True
        try:
            window = int(c.get("window", 0))
        except (TypeError, ValueError):
            problems.append(Problem(file, f"{where}: window = {c.get('window')!r} is not a whole number", "give the window in sentences (0 = the same sentence)", line))
            bad, window = True, 0
        if not bad:
            concepts.append(Concept(str(c["id"]), str(c["name"]), str(c["note"]).strip(), tuple(variants), context, window))
    return tuple(concepts), problems


def _keywords(data: dict, file: str, text: str, problems: list[Problem]) -> tuple[Keyword, ...]:
    out = []
    lines = _table_lines(text, "keyword")
    for k, kw in enumerate(data.get("keyword", []), start=1):
        line = lines[k - 1] if k <= len(lines) else None
        if not isinstance(kw, dict) or not str(kw.get("word", "")).strip():
            problems.append(Problem(file, f"keyword {k} has no word", 'give each [[keyword]] a word = "..." (and optionally match and note)', line))
            continue
        match = kw.get("match", "word")
        if match not in _MATCHES:
            problems.append(Problem(file, f"keyword {k} ({kw['word']!r}): match = {match!r} is not one of {', '.join(_MATCHES)}",
                                    'write match = "word" (whole word), "prefix" ("Crimea" also finds "Crimean") or "regex"', line))
            continue
        if match == "regex":
            try:
                re.compile(kw["word"])
            except re.error as exc:
                problems.append(Problem(file, f"keyword {k}: {kw['word']!r} is not a valid regular expression ({exc})", "fix the pattern or use match = \"word\"", line))
                continue
        out.append(Keyword(str(kw["word"]).strip(), match, str(kw.get("note", "")).strip()))
    return tuple(out)


def _events(data: dict, file: str, text: str, problems: list[Problem]) -> tuple[dict, ...]:
    out = []
    lines = _table_lines(text, "event")
    for k, e in enumerate(data.get("event", []), start=1):
        line = lines[k - 1] if k <= len(lines) else None
        if not isinstance(e, dict) or not e.get("id"):
            problems.append(Problem(file, f"event {k} has no id", "give each [[event]] an id (one of the package's event kinds to add cues to it, or a new one with a label)", line))
            continue
        cues = [e.get(f) for f in ("terms", "exact", "patterns")]
        if not any(cues) or any(c is not None and (isinstance(c, str) or not isinstance(c, list)) for c in cues):
            problems.append(Problem(file, f"event {k} ({e['id']!r}) has no list of cues", "give terms = ['...'] (words, * for any ending), exact = [...] or patterns = [...]", line))
            continue
        bad = False
        for p in e.get("patterns", []):
            try:
                re.compile(p)
            except re.error as exc:
                problems.append(Problem(file, f"event {k} ({e['id']!r}): the pattern {p!r} is not a valid regular expression ({exc})", "fix the pattern", line))
                bad = True
        if not bad:
            out.append(dict(e))
    return tuple(out)


def _vague(data: dict, file: str, text: str, problems: list[Problem]) -> tuple[tuple[str, str, re.Pattern], ...]:
    out = []
    lines = _table_lines(text, "vague")
    for k, v in enumerate(data.get("vague", []), start=1):
        line = lines[k - 1] if k <= len(lines) else None
        if not isinstance(v, dict) or not v.get("label") or not v.get("regex"):
            problems.append(Problem(file, f"vague-sourcing phrase {k} lacks a label or a regex", 'give each [[vague]] a class, a label and a regex', line))
            continue
        if v.get("class") not in VAGUE_CLASSES:
            problems.append(Problem(file, f"vague-sourcing phrase {k} ({v['label']!r}): class = {v.get('class')!r}",
                                    f"use one of {', '.join(VAGUE_CLASSES)}", line))
            continue
        try:
            out.append((v["class"], str(v["label"]), re.compile(v["regex"], re.IGNORECASE)))
        except re.error as exc:
            problems.append(Problem(file, f"vague-sourcing phrase {k} ({v['label']!r}): the regex is not valid ({exc})", "fix the pattern", line))
    return tuple(out)


def _read(folder: Path) -> tuple[Story, list[Problem]]:
    path = folder / STORY_FILE
    default_register = folder / "register.csv"
    if not path.is_file():
        return Story(None, register=default_register if default_register.is_file() else None), []
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return Story(path), [Problem(STORY_FILE, "is not UTF-8 text", "save it as UTF-8")]
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        return Story(path), [Problem(STORY_FILE, f"is not valid TOML ({exc})", "fix the line named (a string needs quotes; a regular expression is best in '...')",
                                     int(m[1]) if m else None)]
    for key in sorted(set(data) - _FIELDS):
        problems.append(Problem(STORY_FILE, f"has an unknown field {key!r}", f"use only {', '.join(sorted(_FIELDS))} (a misspelt [[concept]] is not read)", _key_line(text, key) or (_table_lines(text, key) or [None])[0]))
    title = data.get("title", "")
    if not isinstance(title, str):
        problems.append(Problem(STORY_FILE, "title is not a string", 'write title = "..."', _key_line(text, "title")))
        title = ""
    register = default_register if default_register.is_file() else None
    if "register" in data:
        given = data["register"]
        target = (folder / str(given)).resolve() if isinstance(given, str) else None
        if target is None or not target.is_file() or folder.resolve() not in target.parents:
            problems.append(Problem(STORY_FILE, f"register = {given!r} is not a CSV file inside the corpus folder",
                                    "name the register's file relative to the folder (register = \"register.csv\"), or leave the field out", _key_line(text, "register")))
        else:
            register = target
    concepts, more = parse_concepts(data.get("concept", []) if isinstance(data.get("concept", []), list) else [], file=STORY_FILE, lines=_table_lines(text, "concept"))
    problems += more
    story = Story(
        path=path, title=title.strip(), register=register, concepts=concepts,
        keywords=_keywords(data, STORY_FILE, text, problems), events=_events(data, STORY_FILE, text, problems),
        vague=_vague(data, STORY_FILE, text, problems),
    )
    return story, sorted(problems, key=lambda p: p.line or 0)


@lru_cache(maxsize=32)
def _cached(folder: str, mtime: float) -> tuple[Story, tuple[Problem, ...]]:
    story, problems = _read(Path(folder))
    return story, tuple(problems)


def _folder(corpus: Any) -> Path:
    return Path(getattr(corpus, "path", corpus)).resolve()


def _load(corpus: Any) -> tuple[Story, tuple[Problem, ...]]:
    folder = _folder(corpus)
    path = folder / STORY_FILE
    return _cached(str(folder), path.stat().st_mtime if path.is_file() else -1.0)


def story_problems(corpus: Any) -> list[Problem]:
    """Every problem of a corpus's story file (none when the folder has no story file).

    Args:
        corpus: a loaded corpus or its folder.

    Returns:
        One :class:`~analysis.errors.Problem` per problem, in line order, each naming
        ``story.toml``, the line and the fix.
    """
    return list(_load(corpus)[1])


def load_story(corpus: Any) -> Story:
    """The story file of a corpus, read and checked (the same object while the file is unchanged).

    Args:
        corpus: a loaded corpus or its folder.

    Returns:
        The :class:`Story`; ``story.given`` is False when the folder has no ``story.toml``.

    Raises:
        CorpusError: the file has problems; the message lists each with its line and fix.
    """
    story, problems = _load(corpus)
    if problems:
        raise CorpusError(str(_folder(corpus)), list(problems))
    return story
