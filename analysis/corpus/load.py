"""A corpus: a folder of article files and a ``metadata.csv`` naming them.

``load_corpus`` checks the whole folder first and raises :class:`~analysis.errors.CorpusError`
listing every problem (file, line, fix) before anything is read for analysis; the folder is
only ever read, never written. Each article is then cleaned (``analysis.corpus.cleaning``, every
removed line in ``corpus.audit``) and segmented into paragraphs, sentences and tokens whose
``start``/``end`` are character offsets into the clean text, ``articles.loc[id, "text"]``.

Example:
    >>> from analysis.corpus import load_corpus
    >>> corpus = load_corpus()            # the bundled five-outlet corpus
    >>> s = corpus.sentences().iloc[0]
    >>> corpus.articles.loc[s.article_id, "text"][s.start:s.end] == s.text
    True
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

import pandas as pd

from .cleaning import Rule, clean_article, load_rules, repeated_by_outlet
from ..errors import ComparisonError, CorpusError, Problem
from ..paths import bundled_corpus
from .segment import count_words, split_sentences, tokenize

__all__ = [
    "Corpus",
    "corpus_from_frame",
    "corpus_summary",
    "EXTRACTION",
    "load_corpus",
    "MAX_ARTICLE_BYTES",
    "METADATA_FIX",
    "OPTIONAL_COLUMNS",
    "problems_table",
    "REQUIRED_COLUMNS",
    "RESERVED_COLUMNS",
    "TEXT_FILE",
    "validate_corpus",
    "write_metadata_template",
]

REQUIRED_COLUMNS = ("article_id", "outlet", "file")
OPTIONAL_COLUMNS = (
    "headline", "byline", "published", "url", "outlet_type", "country", "wire_credit", "notes",
)
RESERVED_COLUMNS = ("text", "raw_text", "dateline", "n_paragraphs", "n_sentences", "n_words", "n_removed")
EXTRACTION = "extraction"
"""The column of ``corpus.articles`` and ``corpus.audit`` saying where each text came from: a text file as
saved, a web page's main text and the extractor that took it, or a row of a CSV / JSON Lines / Parquet file
(``metadata.csv`` may give it; see :mod:`analysis.corpus.formats`)."""
TEXT_FILE = "text file, as saved"
"""The ``extraction`` of an article read from a plain-text file."""
"""Columns of ``corpus.articles`` the package computes; metadata.csv may not have columns of these names."""
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""One article file may be at most this large (10 MB): a long news article is about 100 KB, so a
larger file is almost always several articles, a database dump or the wrong file."""

_HTML_DOC = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_HTML_TAG_LINE = re.compile(r"^\s*<(?:p|div|span|a|h\d|li|ul|script|style|meta|link|br|img|table|tr|td)\b", re.IGNORECASE)

METADATA_FIX = (
    "create metadata.csv with a header line article_id,outlet,file (optional: "
    + ",".join(OPTIONAL_COLUMNS)
    + ") and one row per article; see notebooks/06 or the README"
)


@dataclass
class _Row:
    line: int
    values: dict[str, str]


def _rel(root: Path, p: Path) -> str:
    try:
        return str(p.relative_to(root))
    except ValueError:
        return str(p)


def _decode(data: bytes, name: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        problems.append(
            Problem(
                name,
                f"the byte at offset {exc.start} (0x{data[exc.start]:02x}) is not UTF-8",
                "save the file as UTF-8 (in most editors: Save As, encoding UTF-8; or "
                "`iconv -f cp1252 -t utf-8`)",
                line=line,
                column=col,
            )
        )
        return None


def _read_metadata(root: Path, problems: list[Problem]) -> list[_Row]:
    meta = root / "metadata.csv"
    if not meta.is_file():
        txts = sorted(str(p.relative_to(root)) for p in root.glob("*/*.txt")) + sorted(p.name for p in root.glob("*.txt"))
        hint = f" (it holds {len(txts)} .txt file{'s' if len(txts) != 1 else ''}, e.g. {txts[0]})" if txts else ""
        pages = [q for q in root.rglob("*.htm*") if _is_page(q.name)]
        if pages and not txts:
            problems.append(Problem("metadata.csv", f"is missing from the folder, which holds {len(pages)} web page{'s' if len(pages) != 1 else ''}",
                                    "open it with analysis.corpus.formats.open_corpus(folder) or `samestory report --corpus FOLDER`, which "
                                    "extract each page's main text and read its site, title, author and date; or " + METADATA_FIX))
            return []
        problems.append(Problem("metadata.csv", f"is missing from the corpus folder{hint}", METADATA_FIX))
        return []
    text = _decode(meta.read_bytes(), "metadata.csv", problems)
    if text is None:
        return []
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem("metadata.csv", "is empty", METADATA_FIX))
        return []
    except csv.Error as exc:
        problems.append(Problem("metadata.csv", f"cannot be parsed as CSV ({exc})", "check its quoting", line=1))
        return []
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(
            Problem(
                "metadata.csv",
                f"the header lacks the required column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
                f" (it has: {', '.join(h for h in header if h) or 'nothing'})",
                "add the column to the first line; every row needs article_id, outlet and file",
                line=1,
            )
        )
    reserved = [h for h in header if h in RESERVED_COLUMNS]
    if reserved:
        problems.append(
            Problem(
                "metadata.csv",
                f"the header has {'columns' if len(reserved) > 1 else 'a column'} named {', '.join(reserved)}, "
                f"which the package computes for every article ({', '.join(RESERVED_COLUMNS)}) and would overwrite",
                f"rename the column (e.g. {reserved[0]} -> my_{reserved[0]}) on the first line",
                line=1,
            )
        )
    dup_cols = sorted({h for h in header if h and header.count(h) > 1})
    if dup_cols:
        problems.append(Problem("metadata.csv", f"the header repeats {', '.join(dup_cols)}", "keep one column of each name", line=1))
    rows: list[_Row] = []
    line = 1
    try:
        for values in reader:
            start = line + 1
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            swallowed = _swallowed_rows(header, values, start, line)
            if swallowed:
                problems.append(swallowed)
                continue
            if len(values) != len(header):
                problems.append(
                    Problem(
                        "metadata.csv",
                        f"this row has {len(values)} fields but the header has {len(header)}",
                        "put double quotes around any field that contains a comma, and give every row one field per column (empty fields may stay empty)",
                        line=start,
                    )
                )
                continue
            rows.append(_Row(start, {h: v.strip() for h, v in zip(header, values)}))
    except csv.Error as exc:
        problems.append(Problem("metadata.csv", f"cannot be parsed as CSV ({exc})", "check the quotes on this line", line=reader.line_num))
    if not rows and not problems:
        problems.append(Problem("metadata.csv", "lists no articles: the corpus is empty", "add one row per article under the header"))
    if missing:
        return []
    return rows


_SINGLE_LINE = ("article_id", "outlet", "file", "headline", "byline", "published", "url", "outlet_type", "country", "wire_credit")


def _swallowed_rows(header: list[str], values: list[str], start: int, end: int) -> Problem | None:
    """A quoted field that runs over lines where it should not: a ``"`` left open, which makes the
    csv reader take the rows below it as part of one field (or the rest of the file)."""
    if end == start:
        return None
    width = max(len(header) - 1, 1)
    for h, v in zip(header + [""] * max(0, len(values) - len(header)), values):
        if "\n" not in v and "\r" not in v:
            continue
        looks_like_rows = any(ln.count(",") >= width for ln in v.splitlines()[1:])
        if h in _SINGLE_LINE or looks_like_rows or len(values) != len(header):
            col = f" (column {h})" if h else ""
            return Problem(
                "metadata.csv",
                f"a double quote opened on this line{col} is still open at line {end}, so lines {start + 1} to {end} "
                f"were read as part of one field instead of as rows",
                'close the quote (a field in quotes ends with " before the next comma), or write a " inside a quoted field as ""',
                line=start,
            )
    return None


def _parse_date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _check_rows(root: Path, rows: list[_Row], problems: list[Problem], max_bytes: int) -> dict[str, str]:
    """Check every row and file; return article_id -> decoded raw text for the good ones."""
    seen: dict[str, int] = {}
    texts: dict[str, str] = {}
    files_seen: dict[Path, tuple[int, str]] = {}
    outlets_seen: dict[str, tuple[str, int]] = {}
    root_resolved = root.resolve()
    for row in rows:
        v, ln = row.values, row.line
        aid = v.get("article_id", "")
        outlet = v.get("outlet", "")
        if outlet:
            key = unicodedata.normalize("NFKC", outlet).casefold()
            first = outlets_seen.setdefault(key, (outlet, ln))
            if first[0] != outlet:
                if first[0].casefold() == outlet.casefold():
                    how = f"outlet {outlet!r} differs from {first[0]!r} (line {first[1]}) only in case"
                else:
                    how = (f"outlet {outlet!r} differs from {first[0]!r} (line {first[1]}) only in how its characters are "
                           f"encoded (Unicode normalisation: {ascii(outlet)} against {ascii(first[0])})")
                problems.append(
                    Problem(
                        "metadata.csv",
                        f"{how}, so the two would count as different outlets",
                        f"write the outlet exactly as on line {first[1]} in every row (retype it if the two look the same)",
                        line=ln,
                        column="outlet",
                    )
                )
        for col in REQUIRED_COLUMNS:
            if not v.get(col):
                problems.append(Problem("metadata.csv", f"{col} is empty", f"give every article its {col}", line=ln, column=col))
        if aid:
            if aid in seen:
                problems.append(
                    Problem("metadata.csv", f"article_id {aid!r} is used again (first on line {seen[aid]})", "give each article a unique article_id", line=ln, column="article_id")
                )
            else:
                seen[aid] = ln
        published = v.get("published", "")
        if published and _parse_date(published) is None:
            problems.append(
                Problem(
                    "metadata.csv",
                    f"published {published!r} is not a date in ISO 8601 form",
                    "write it as YYYY-MM-DD (e.g. 2025-04-25) or YYYY-MM-DDTHH:MM, or leave it empty",
                    line=ln,
                    column="published",
                )
            )
        name = v.get("file", "")
        if not name:
            continue
        where = f"metadata.csv line {ln}"
        p = Path(name)
        if p.is_absolute() or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", name):
            problems.append(Problem("metadata.csv", f"file {name!r} is an absolute path", "give the path relative to the corpus folder (e.g. articles/my-article.txt) and keep the file inside it", line=ln, column="file"))
            continue
        try:
            full = (root / p).resolve()
            if not full.is_relative_to(root_resolved):
                problems.append(Problem("metadata.csv", f"file {name!r} points outside the corpus folder", "move the article into the corpus folder and give its path relative to it", line=ln, column="file"))
                continue
            if not full.exists():
                problems.append(Problem(name, f"does not exist (listed in {where})", "check the spelling of the path in metadata.csv, or add the file", ))
                continue
            if not full.is_file():
                problems.append(Problem(name, f"is not a file (listed in {where})", "list an article file, not a folder"))
                continue
            if full == (root_resolved / "metadata.csv"):
                problems.append(Problem("metadata.csv", "lists metadata.csv itself as an article file", "give the path of the article's text file in the file column", line=ln, column="file"))
                continue
            if full in files_seen:
                first_ln, first_id = files_seen[full]
                problems.append(
                    Problem(
                        "metadata.csv",
                        f"file {name!r} is listed again, for article {aid!r} (first on line {first_ln}, for {first_id!r})",
                        "give each article its own file (a file listed twice would count one article twice)",
                        line=ln,
                        column="file",
                    )
                )
                continue
            files_seen[full] = (ln, aid)
            size = full.stat().st_size
            if size > max_bytes:
                problems.append(
                    Problem(
                        name,
                        f"is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit for one article",
                        "check that it is a single article (split a file holding many articles into one file per article); for large collections use JSON Lines or Parquet input",
                    )
                )
                continue
            data = full.read_bytes()
            if _is_page(name):
                text, page_meta = _page_text(data, name, problems)
                if text is not None and aid and aid in seen and seen[aid] == ln:
                    texts[aid] = text
                    row.values[EXTRACTION] = row.values.get(EXTRACTION) or f"main text of {name}, extracted by {_extractor()}"
                    for col in ("headline", "byline", "published", "url"):  # what metadata.csv leaves empty, the page may say
                        if not row.values.get(col) and page_meta.get(col):
                            row.values[col] = page_meta[col]
                continue
            if b"\x00" in data[:8192] or b"\x00" in data:
                problems.append(Problem(name, "is a binary file, not text", "export the article as plain UTF-8 text (.txt)"))
                continue
            text = _decode(data, name, problems)
            if text is None:
                continue
            if not text.strip("\ufeff \t\r\n\u00a0"):
                problems.append(Problem(name, "is empty or holds only white space", "paste the article's text into it, or remove its row from metadata.csv"))
                continue
            lines = text.splitlines()
            tag_lines = sum(bool(_HTML_TAG_LINE.match(x)) for x in lines)
            if _HTML_DOC.search(text[:5000]) or (tag_lines >= 3 and tag_lines > 0.3 * len([x for x in lines if x.strip()])):
                problems.append(Problem(name, "is HTML, not plain text", "give the saved page a name ending in .html (its main text is then extracted), or save the article as plain text (copy the text from the browser) and list the .txt file"))
                continue
            if aid and aid in seen and seen[aid] == ln:
                texts[aid] = text
        except (OSError, RuntimeError, ValueError) as exc:
            # A symbolic link loop, a name too long or holding a NUL, a file that cannot be opened.
            reason = getattr(exc, "strerror", None) or str(exc)
            problems.append(
                Problem(
                    "metadata.csv",
                    f"file {name!r} cannot be read ({reason})",
                    "check the path: a symbolic link that points back to itself, a name over 255 characters or with a NUL "
                    "character, or a file without read permission cannot be used; list the real article file",
                    line=ln,
                    column="file",
                )
            )
    return texts


def _formats_help() -> str:
    from .formats import FORMATS_HELP

    return FORMATS_HELP


def _is_page(name: str) -> bool:
    from .formats import is_html_file

    return is_html_file(name)


def _extractor() -> str:
    from .formats import _extractor as name

    return name()


def _page_text(data: bytes, name: str, problems: list[Problem]) -> tuple[str | None, dict[str, str]]:
    from .formats import page_text

    return page_text(data, name, problems)


def validate_corpus(path: str | Path, *, max_article_bytes: int = MAX_ARTICLE_BYTES) -> list[Problem]:
    """Every problem found in a corpus folder, in order; an empty list means it can be loaded.

    Reads only; the folder is never modified.
    """
    problems, _, _, _ = _check(Path(path), max_article_bytes)
    if Path(path).is_dir():
        from .story import story_problems  # the story file (story.toml), if the folder has one

        problems += story_problems(path)
    return problems


def _check(root: Path, max_bytes: int, rules: tuple[Rule, ...] | None = None
           ) -> tuple[list[Problem], list[_Row], dict[str, str], dict[str, CleanResult]]:
    """Every problem of the folder, its rows, the raw text and the cleaning result of each good article."""
    problems: list[Problem] = []
    try:
        root.is_dir()
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return [Problem(str(root), f"cannot be opened ({reason})", "give the path of a corpus folder (one holding metadata.csv); check its name")], [], {}, {}
    if "\x00" in str(root):
        return [Problem(repr(str(root)), "holds a NUL character (\\0) in its name", "give the path of a corpus folder; rename it if its name really holds one")], [], {}, {}
    if root.is_symlink() and not root.exists():
        return [Problem(str(root), "is a symbolic link that leads nowhere (it is broken, or points back to itself through other links)",
                        "give the real corpus folder, or fix the link")], [], {}, {}
    if not root.exists():
        return [Problem(str(root), "does not exist", "give the path of a corpus folder (one holding metadata.csv)")], [], {}, {}
    if not root.is_dir():
        return [Problem(str(root), "is a file, not a corpus folder",
                        "load_corpus reads a folder holding metadata.csv and the articles; for a CSV, JSON Lines or Parquet file, "
                        "or a folder of saved web pages, use analysis.corpus.formats.open_corpus(path, mapping=...) or "
                        "`samestory report --corpus FILE --map FIELD=COLUMN`. A corpus can be " + _formats_help())], [], {}, {}
    rows = _read_metadata(root, problems)
    texts = _check_rows(root, rows, problems, max_bytes)
    cleaned = _check_cleaned(rows, texts, problems, rules)
    return problems, rows, texts, cleaned


def _check_cleaned(rows: list[_Row], texts: dict[str, str], problems: list[Problem],
                   rules: tuple[Rule, ...] | None) -> dict[str, CleanResult]:
    """Clean every readable article (the results are kept for :func:`_build`, so a load cleans each
    article once). An article that cleaning leaves without a sentence (its only line is the
    headline, the byline or other furniture) would silently count as an empty article: a problem."""
    rules = rules if rules is not None else load_rules()
    cleaned: dict[str, CleanResult] = {}
    # Each outlet's boilerplate: the lines it prints in many of its articles in this corpus.
    repeated = repeated_by_outlet(
        ((row.values.get("outlet", ""), texts[row.values.get("article_id", "")]) for row in rows
         if row.values.get("article_id", "") in texts), rules=rules)
    for row in rows:
        aid = row.values.get("article_id", "")
        if aid not in texts:
            continue
        meta = {c: row.values.get(c, "") for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        result = cleaned[aid] = clean_article(texts[aid], meta, rules=rules,
                                              repeated=repeated.get(meta.get("outlet", ""), frozenset()))
        if any(split_sentences(p.text, p.start) for p in result.paragraphs):
            continue
        removed = "; ".join(f"line {r['line']} by the {r['rule']} rule" for r in result.removed[:3])
        problems.append(
            Problem(
                meta["file"],
                f"has no text left after cleaning (listed in metadata.csv line {row.line}"
                + (f"; removed: {removed}" if removed else "") + ")",
                "add the article's body to the file (a file holding only the headline, byline or site furniture is not an "
                "article); if cleaning removed real text, see corpus.audit and the rules in analysis/data/cleaning_rules.toml",
                line=result.removed[0]["line"] if result.removed else None,
            )
        )
    return cleaned


@dataclass
class Corpus:
    """A loaded corpus. Build one with :func:`load_corpus`.

    Attributes:
        path: the corpus folder.
        articles: one row per article, indexed by ``article_id``: the metadata columns,
            ``raw_text`` (as in the file; for a web page, its extracted main text), ``text``
            (clean), ``dateline``, ``extraction`` (where the text came from: :data:`EXTRACTION`),
            and counts.
        audit: one row per line (or line prefix) that cleaning removed: ``article_id``,
            ``outlet``, ``file``, ``line`` (1-based, in ``raw_text``), ``where``, ``rule``,
            ``removed``, ``extraction``.
    """

    path: Path
    articles: pd.DataFrame
    audit: pd.DataFrame
    _paragraphs: pd.DataFrame = field(repr=False)
    _sentences: pd.DataFrame = field(repr=False)

    def paragraphs(self) -> pd.DataFrame:
        """One row per body paragraph: article_id, outlet, paragraph, kind, start, end, text, raw_line."""
        return self._paragraphs.copy()

    def sentences(self) -> pd.DataFrame:
        """One row per sentence: article_id, outlet, sentence, paragraph, paragraph_kind, start, end, text."""
        return self._sentences.copy()

    def tokens(self) -> pd.DataFrame:
        """One row per token: article_id, outlet, sentence, start, end, token, lower, kind."""
        return self._tokens.copy()

    @cached_property
    def _tokens(self) -> pd.DataFrame:
        texts = self.articles["text"]
        rows = []
        for s in self._sentences.itertuples(index=False):
            text = texts[s.article_id]
            for start, end, tok, kind in tokenize(text[s.start : s.end], s.start):
                rows.append((s.article_id, s.outlet, s.sentence, start, end, tok, tok.lower(), kind))
        return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence", "start", "end", "token", "lower", "kind"])

    @property
    def outlets(self) -> list[str]:
        """The outlets, in the order of metadata.csv."""
        return list(dict.fromkeys(self.articles["outlet"]))

    def require_outlets(self, n: int = 2, *, for_what: str = "this comparison") -> None:
        """Raise :class:`ComparisonError` in plain words when the corpus has fewer than ``n`` outlets."""
        if len(self.outlets) < n:
            raise ComparisonError(
                f"{for_what} compares outlets and needs at least {n}; the corpus at {self.path} has "
                f"{len(self.outlets)} ({', '.join(self.outlets)}). Add articles from other outlets to metadata.csv."
            )

    def __repr__(self) -> str:
        return f"<Corpus {self.path.name}: {len(self.articles)} articles, {len(self.outlets)} outlets>"


def load_corpus(
    path: str | Path | None = None,
    *,
    rules: tuple[Rule, ...] | None = None,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
) -> Corpus:
    """Load, clean and segment a corpus folder.

    An article file whose name ends in ``.html`` / ``.htm`` is a saved web page: its main text is
    extracted (:func:`analysis.corpus.formats.extract_html`) and cleaned like a text file; the
    ``extraction`` column says so, and a headline, byline, date or address that ``metadata.csv``
    leaves empty is taken from the page. For a corpus kept as a CSV, JSON Lines or Parquet file, or as a
    folder of web pages without ``metadata.csv``, use :func:`analysis.corpus.formats.open_corpus`.

    Args:
        path: the corpus folder; None means the bundled corpus (``corpus/`` of a repository
            checkout; an installed wheel has none, and says so in one line).
        rules: cleaning rules (``analysis.corpus.cleaning.load_rules(path)`` reads your own file);
            the package's rules by default.
        max_article_bytes: the size limit for one article file.

    Returns:
        A :class:`Corpus`.

    Raises:
        CorpusError: listing every problem in the folder, each with its file, line and fix.
    """
    root = Path(path) if path is not None else bundled_corpus()
    problems, rows, texts, cleaned = _check(root, max_article_bytes, rules)
    if problems:
        raise CorpusError(str(root), problems)
    items = []
    for row in rows:
        meta = {c: row.values.get(c, "") for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        extra = {k: v for k, v in row.values.items() if k not in meta}
        items.append((meta, extra, texts[meta["article_id"]]))
    return _build(root, items, rules if rules is not None else load_rules(), cleaned)


def _build(root: Path, items: list[tuple[dict, dict, str]], rules: tuple[Rule, ...],
           cleaned: dict[str, CleanResult] | None = None) -> Corpus:
    """Clean and segment articles given as (metadata, extra columns, raw text); ``cleaned`` holds
    results already computed (by the check), keyed by article id."""
    records, audit, paras, sents = [], [], [], []
    cleaned = cleaned or {}
    todo = [(meta["outlet"], raw) for meta, _, raw in items if meta["article_id"] not in cleaned]
    repeated = repeated_by_outlet(todo, rules=rules) if todo else {}
    for meta, extra, raw in items:
        aid, outlet = meta["article_id"], meta["outlet"]
        extra = {**extra, EXTRACTION: str(extra.get(EXTRACTION) or "") or TEXT_FILE}
        result = cleaned.get(aid) or clean_article(raw, meta, rules=rules, repeated=repeated.get(outlet, frozenset()))
        for r in result.removed:
            audit.append({"article_id": aid, "outlet": outlet, "file": meta["file"], **r, EXTRACTION: extra[EXTRACTION]})
        n_sent = 0
        text = result.text
        for k, p in enumerate(result.paragraphs):
            paras.append((aid, outlet, k, p.kind, p.start, p.end, p.text, p.raw_line))
            for s, e in split_sentences(p.text, p.start):
                sents.append((aid, outlet, n_sent, k, p.kind, s, e, text[s:e]))
                n_sent += 1
        records.append(
            {
                **meta,
                **extra,
                "dateline": result.dateline,
                "raw_text": raw,
                "text": text,
                "n_paragraphs": len(result.paragraphs),
                "n_sentences": n_sent,
                "n_words": count_words(text),
                "n_removed": len(result.removed),
            }
        )
    articles = pd.DataFrame(records).set_index("article_id")
    # ``published`` stays the ISO 8601 text given (validated above): outlets in different time
    # zones give mixed offsets, which one datetime column cannot hold without inventing a zone.
    audit_df = pd.DataFrame(audit, columns=["article_id", "outlet", "file", "line", "where", "rule", "removed", EXTRACTION])
    para_df = pd.DataFrame(paras, columns=["article_id", "outlet", "paragraph", "kind", "start", "end", "text", "raw_line"])
    sent_df = pd.DataFrame(sents, columns=["article_id", "outlet", "sentence", "paragraph", "paragraph_kind", "start", "end", "text"])
    return Corpus(path=root, articles=articles, audit=audit_df, _paragraphs=para_df, _sentences=sent_df)


def corpus_from_frame(frame: pd.DataFrame, *, rules: tuple[Rule, ...] | None = None, name: str = "articles") -> Corpus:
    """A corpus made from a DataFrame of articles already read (from JSON Lines, Parquet ...).

    The same cleaning and segmentation as :func:`load_corpus`, without a folder: this is how the
    large-corpus pipeline (``analysis.scale``) runs every analysis on one chunk of articles.

    Args:
        frame: one row per article with ``article_id``, ``outlet`` and ``text`` (the raw text),
            and optionally the other metadata columns (``headline``, ``byline`` ...).
        rules: cleaning rules; the package's by default.
        name: what to call the corpus's path in messages.

    Raises:
        CorpusError: a required column is missing, a column has the name of one the package
            computes (:data:`RESERVED_COLUMNS`, ``text`` aside), or article ids repeat.
    """
    missing = [c for c in ("article_id", "outlet", "text") if c not in frame.columns]
    dup = frame["article_id"][frame["article_id"].duplicated()].tolist() if "article_id" in frame.columns else []
    reserved = [c for c in frame.columns if c in RESERVED_COLUMNS and c != "text"]
    if missing or dup or reserved:
        problems = [Problem(name, f"has no column {c}", f"give every article its {c}") for c in missing]
        problems += [Problem(name, f"has a column {c}, which the package computes for every article and would overwrite",
                             f"rename the column (e.g. {c} -> my_{c})", column=c) for c in reserved]
        problems += [Problem(name, f"article_id {d!r} is used more than once", "give each article a unique id") for d in dup[:10]]
        raise CorpusError(name, problems)
    items = []
    for row in frame.to_dict("records"):
        meta = {c: str(row.get(c, "") or "") for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        meta["file"] = meta["file"] or str(row["article_id"])
        extra = {k: v for k, v in row.items() if k not in meta and k != "text"}
        extra.setdefault(EXTRACTION, f"a row of {name}")
        items.append((meta, extra, str(row["text"] or "")))
    return _build(Path(name), items, rules if rules is not None else load_rules())


def corpus_summary(corpus: Corpus) -> pd.DataFrame:
    """One row per article: outlet, paragraphs, sentences, words, characters before and after
    cleaning, lines removed, and the share of the file's visible characters that cleaning removed."""
    a = corpus.articles
    removed_chars = corpus.audit.assign(n=corpus.audit["removed"].str.len()).groupby("article_id")["n"].sum()
    visible = a["raw_text"].str.replace(r"\s+", "", regex=True).str.len()
    removed_visible = corpus.audit.assign(
        n=corpus.audit["removed"].str.replace(r"\s+", "", regex=True).str.len()
    ).groupby("article_id")["n"].sum()
    out = pd.DataFrame(
        {
            "outlet": a["outlet"],
            "paragraphs": a["n_paragraphs"],
            "sentences": a["n_sentences"],
            "words": a["n_words"],
            "raw characters": a["raw_text"].str.len(),
            "clean characters": a["text"].str.len(),
            "lines removed": a["n_removed"],
            "characters removed": removed_chars.reindex(a.index, fill_value=0).astype(int),
        }
    )
    out["share removed"] = (removed_visible.reindex(a.index, fill_value=0) / visible).round(3)
    return out


def write_metadata_template(folder: str | Path, *, pattern: str = "**/*.txt") -> Path:
    """Write ``metadata.csv`` for the article files in ``folder``, to be filled in by hand.

    One row per file matching ``pattern`` (sorted): ``article_id`` from the file name, ``file``
    relative to the folder, and every other column empty (``outlet`` must then be filled in:
    validation says so until it is). The article files are not touched.

    Raises:
        CorpusError: ``folder`` already has a metadata.csv (it is never overwritten), or holds no
            files matching ``pattern``.
    """
    root = Path(folder)
    target = root / "metadata.csv"
    if target.exists():
        raise CorpusError(str(root), [Problem("metadata.csv", "already exists and is never overwritten", "edit it, or move it away to make a new template")])
    files = sorted(p for p in root.glob(pattern) if p.is_file())
    if not files:
        raise CorpusError(str(root), [Problem(str(root), f"holds no files matching {pattern!r}", "save each article as a UTF-8 .txt file in the folder first")])
    with open(target, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow([*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS])
        used: set[str] = set()
        for p in files:
            base = re.sub(r"[^A-Za-z0-9_-]+", "-", p.stem).strip("-").lower() or "article"
            aid, n = base, 2
            while aid in used:
                aid, n = f"{base}-{n}", n + 1
            used.add(aid)
            writer.writerow([aid, "", p.relative_to(root).as_posix(), *[""] * len(OPTIONAL_COLUMNS)])
    return target


def problems_table(path: str | Path, *, mapping: dict[str, str] | None = None) -> pd.DataFrame:
    """Every problem of a corpus as a table (file, line, column, problem, fix), for notebooks.

    Args:
        path: a corpus folder, or any other form :func:`analysis.corpus.formats.open_corpus` reads
            (a CSV / JSON Lines / Parquet file, a folder of web pages).
        mapping: for a file, package field -> its column (as ``--map``).
    """
    from .formats import validate_any

    rows = [
        {"file": p.file, "line": p.line, "column": p.column, "problem": p.message, "fix": p.fix}
        for p in validate_any(path, mapping=mapping)
    ]
    return pd.DataFrame(rows, columns=["file", "line", "column", "problem", "fix"])
