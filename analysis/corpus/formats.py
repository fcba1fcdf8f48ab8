"""Corpora in the forms people keep them: a folder, a CSV, JSON Lines or Parquet file, or saved web pages.

The analyses read a corpus folder (``metadata.csv`` and one text file per article,
:func:`analysis.corpus.load_corpus`). Any other form is first *materialised* as such a folder,
written somewhere else than the input (the report puts it inside its output folder), so every
notebook, check and audit works on the same thing whatever the input was:

- a **CSV, JSON Lines (plain or .gz) or Parquet file**, one article a row, read in chunks by
  :func:`analysis.scale.input.read_articles` with the same column mapping as ``samestory scale``
  (``--map text=body --map outlet=source``, or ``--map allsides``);
- a **folder of saved web pages** (``.html`` / ``.htm``, no ``metadata.csv``): the main text of
  each page is extracted with trafilatura (Barbaresi 2021), and its title, author, date, site name
  and address become the headline, byline, published, outlet and url. A page that names no site
  stops with a message saying how to give the outlets (a ``metadata.csv`` listing the pages);
- a **corpus folder** whose ``metadata.csv`` lists ``.html`` pages: the same extraction, file by file
  (see :func:`analysis.corpus.load_corpus`).

Every article of a materialised corpus says where its text came from in the ``extraction``
column of ``metadata.csv`` (and so of ``corpus.articles`` and ``corpus.audit``): the file and line
or row it was read from, or the page and the extractor that took its main text. A problem the
checks find is reported against the user's own file and line, not the materialised copy.

Example:
    >>> from analysis.corpus.formats import corpus_format
    >>> corpus_format("articles.jsonl.gz"), corpus_format("articles.csv")
    ('jsonl', 'csv')

References:
    Barbaresi, A. (2021). Trafilatura: A Web Scraping Library and Command-Line Tool for Text
    Discovery and Extraction. Proceedings of ACL-IJCNLP 2021: System Demonstrations, 122-131.
"""

from __future__ import annotations

import csv
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

import pandas as pd

from ..errors import CorpusError, InputError, OutputError, Problem
from ..scale.input import input_format, read_articles
from .cleaning import Rule
from .load import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, Corpus, load_corpus, validate_corpus

__all__ = [
    "corpus_format",
    "CorpusFormat",
    "extract_html",
    "extraction_finding",
    "extraction_table",
    "EXTRACTION_COLUMN",
    "FORMATS_HELP",
    "FORMS",
    "forms_table",
    "HTML_SUFFIXES",
    "is_html_file",
    "materialise_corpus",
    "Materialised",
    "open_corpus",
    "origin_finding",
    "page_text",
    "prepare_report_corpus",
    "validate_any",
    "write_pages",
]

CorpusFormat = Literal["folder", "html", "csv", "jsonl", "parquet"]
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
EXTRACTION_COLUMN = "extraction"
"""The column of ``metadata.csv`` (and ``corpus.articles`` / ``corpus.audit``) saying where each text came from."""
FORMATS_HELP = (
    "a corpus folder (metadata.csv and the article files it names), a folder of saved web pages (.html), "
    "a CSV file (.csv), a JSON Lines file (.jsonl or .jsonl.gz) or a Parquet file (.parquet), one article a row "
    "(name the columns with --map FIELD=COLUMN, e.g. --map text=body --map outlet=source)"
)
"""The forms a corpus can take, in words, for messages."""
_MARKER = ".samestory-corpus"  # in a materialised folder: it was written by the package and may be replaced
_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


def is_html_file(path: str | Path) -> bool:
    """True for a saved web page, by the ending of its name (.html, .htm, .xhtml)."""
    return Path(path).name.lower().endswith(HTML_SUFFIXES)


def _html_pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_html_file(p) and not p.name.startswith("."))


def corpus_format(path: str | Path) -> CorpusFormat:
    """Which form ``path`` holds a corpus in, from what it is and the ending of its name.

    A folder with ``metadata.csv`` (or without one and without web pages: loading it then says
    what is missing) is ``folder``; a folder of ``.html`` pages without ``metadata.csv`` is ``html``;
    a file is ``csv``, ``jsonl`` or ``parquet`` by its name (also when it is not there: its reader
    then says so); any other missing path is ``folder``.

    Raises:
        InputError: a file whose name is none of those; the message names the forms that work.
    """
    p = Path(path)
    try:
        if p.is_dir():
            if not (p / "metadata.csv").exists() and _html_pages(p):
                return "html"
            return "folder"
        if not p.exists():
            try:  # a file that is not there, named as one of the file forms: its reader says so
                return input_format(p)  # type: ignore[return-value]
            except InputError:
                return "folder"  # load_corpus says that it does not exist, with its fix
    except OSError:
        return "folder"  # a name the system refuses: load_corpus says so, with its fix
    if p.name.lower() == "metadata.csv":
        raise InputError(
            f"{p}: this is a corpus folder's metadata.csv, which names the article files; give the folder that holds it "
            f"({p.parent}), not the file"
        )
    if is_html_file(p):
        raise InputError(
            f"{p}: a single web page; put the saved pages of the corpus (one article each) in a folder of their own and "
            "give the folder"
        )
    try:
        return input_format(p)  # type: ignore[return-value]
    except InputError:
        raise InputError(
            f"{p}: a file of a kind this package does not read (from its name). A corpus can be {FORMATS_HELP}."
        ) from None


def extract_html(data: bytes | str, *, url: str | None = None) -> tuple[str, dict[str, str]]:
    """The main text of a saved web page and what the page says about itself.

    Uses trafilatura's extraction (navigation, adverts, comments and other boilerplate left out;
    one paragraph a line), offline: nothing is fetched.

    Args:
        data: the page as saved (bytes: the encoding is read from the page; or text).
        url: the page's address, if known (helps with relative metadata).

    Returns:
        ``(text, meta)``: the text ("" when no main text was found) and ``headline``, ``byline``,
        ``published`` (ISO date), ``outlet`` (the site's name, else its host name) and ``url``,
        each "" when the page does not say.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        deduplicate=False, output_format="python",
        # A date only from the page's own markup (meta tags, time elements), never guessed from a year in the text;
        # no upper bound from today's date, so the result does not depend on when it runs.
        date_extraction_params={"extensive_search": False, "original_date": True, "max_date": "2100-12-31"},
    )
    if doc is None:
        return "", {k: "" for k in ("headline", "byline", "published", "outlet", "url")}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = str(d.get("text") or "").strip()
    host = str(d.get("hostname") or "") or urlparse(str(d.get("url") or "")).hostname or ""
    site = str(d.get("sitename") or "").strip()
    title = str(d.get("title") or "").strip()
    meta = {
        "headline": "" if title.casefold() in {site.casefold(), host.casefold()} else title,  # a title that is only the site's name
        "byline": str(d.get("author") or "").strip(),
        "published": str(d.get("date") or "").strip(),
        "outlet": site or host.removeprefix("www."),
        "url": str(d.get("url") or url or "").strip(),
    }
    return text, meta


def page_text(data: bytes, name: str, problems: list[Problem]) -> tuple[str | None, dict[str, str]]:
    """:func:`extract_html` of one saved page, or None as its text (with a problem naming ``name``)
    when the page holds no main text."""
    text, meta = extract_html(data)
    if not text:
        problems.append(Problem(name, "is a web page with no main text that could be extracted (an index page, a login or "
                                      "cookie wall, or a page whose text is loaded by JavaScript)",
                                "save the article's own page after it has loaded (in the browser: Save Page As, complete), "
                                "or paste its text into a .txt file"))
        return None, meta
    return text, meta


def _extractor() -> str:
    from importlib.metadata import version

    return f"trafilatura {version('trafilatura')}"


@dataclass
class Materialised:
    """A corpus folder written from another form, and how to find each article's origin.

    Attributes:
        folder: the corpus folder written (``metadata.csv`` and ``articles/``).
        source: the input it was written from.
        format: the input's form (:data:`CorpusFormat`).
        origins: for each line of ``metadata.csv`` (2, 3 ...), where that article came from:
            ``(file, line or None, row label)``, e.g. ``("a.csv", 7, "line 7")``.
        fields: the package's field -> the user's column (for naming columns in messages).
        files: for each line of ``metadata.csv``, the article's file name in ``articles/``.
        made: the folders that did not exist before and were made to hold ``folder`` (deepest first).
    """

    folder: Path
    source: Path
    format: str
    origins: dict[int, tuple[str, int | None, str]]
    fields: dict[str, str]
    files: dict[int, str] = field(default_factory=dict)
    made: list[Path] = field(default_factory=list)

    def remove(self) -> None:
        """Remove the folder written, and the folders made for it that are left empty."""
        _remove(self.folder, self.made)

    def describe(self) -> str:
        """One line saying where the corpus came from."""
        n = len(self.origins)
        what = "web pages" if self.format == "html" else f"{self.format.upper() if self.format != 'jsonl' else 'JSON Lines'} file"
        return f"{n} article{'s' if n != 1 else ''} read from the {what} {self.source}, written as the corpus folder {self.folder}"

    def translate(self, problems: list[Problem]) -> list[Problem]:
        """The problems found in the written folder, said of the user's own file, line and column."""
        by_file = {f"articles/{self.files[line]}": origin for line, origin in self.origins.items() if line in self.files}
        out = []
        for p in problems:
            origin = None
            if p.file == "metadata.csv" and p.line in self.origins:
                origin = self.origins[p.line]
            elif p.file in by_file:
                origin = by_file[p.file]
            if origin is None:
                out.append(p)
                continue
            file, line, _ = origin
            column = self.fields.get(p.column, p.column) if isinstance(p.column, str) else None
            if p.file != "metadata.csv":
                column = self.fields.get("text", "text")
            if self.format == "html":
                column = None  # a page has no columns: its problem is the page's
            message = self._lines_to_origins(p.message)
            fix = self._lines_to_origins(p.fix).replace("metadata.csv", Path(file).name if self.format != "html" else "metadata.csv")
            out.append(Problem(file, message, fix, line=line, column=column))
        return out

    def _lines_to_origins(self, text: str) -> str:
        """'(line 3)' of the written metadata.csv -> the row's place in the input ('line 7', 'row 2', 'page x.html')."""
        return re.sub(r"\bline (\d+)\b", lambda m: self.origins.get(int(m.group(1)), (None, None, m.group(0)))[2], text)


def _safe_name(article_id: str, used: set[str]) -> str:
    base = _ID_CHARS.sub("-", article_id).strip("-")[:80] or "article"
    name, n = base, 2
    while name.lower() in used:
        name, n = f"{base}-{n}", n + 1
    used.add(name.lower())
    return name + ".txt"


def _prepare_folder(folder: Path) -> None:
    """Make ``folder`` empty: new, or one written before by this module (it holds the marker)."""
    if folder.exists():
        if not (folder / _MARKER).is_file():
            raise OutputError(
                f"{folder} exists and was not written by samestory: the corpus read from the input would be written "
                "there and replace what it holds. Move it away, or give another output folder."
            )
        shutil.rmtree(folder)
    (folder / "articles").mkdir(parents=True)
    (folder / _MARKER).write_text("Written by samestory from another form of corpus; replaced on the next run.\n", encoding="utf-8")


def materialise_corpus(source: str | Path, folder: str | Path, *, mapping: dict[str, str] | None = None,
                       chunk_size: int = 2000) -> Materialised:
    """Write a CSV / JSON Lines / Parquet file, or a folder of web pages, as a corpus folder.

    Args:
        source: the input (see :func:`corpus_format`); a corpus folder is not copied (give it to
            :func:`~analysis.corpus.load_corpus` directly).
        folder: where to write the corpus folder; new, or written here before (it is then replaced).
            Never inside the input.
        mapping: package field -> the file's column (as ``samestory scale --map``); files only.
        chunk_size: articles read at a time from a file.

    Returns:
        A :class:`Materialised` (the folder, and each article's origin).

    Raises:
        InputError: the input cannot be read (the message names the file, the line and the fix).
        CorpusError: a web page yields no text, or names no site to take as its outlet.
        OutputError: ``folder`` is inside the input, or holds files the package did not write.
    """
    src, target = Path(source), Path(folder)
    fmt = corpus_format(src)
    if fmt == "folder":
        raise InputError(f"{src} is a corpus folder already: load it with load_corpus, nothing needs writing")
    if mapping and fmt == "html":
        raise InputError(f"{src}: --map names columns of a CSV, JSON Lines or Parquet file; a folder of web pages has none (leave --map out)")
    src_r, target_r = src.resolve(), target.resolve()
    if src_r.is_relative_to(target_r) or (src_r.is_dir() and target_r.is_relative_to(src_r)):
        raise OutputError(f"{target} is inside the input {src}, or holds it: the corpus is written elsewhere, never into or over its input")
    rows, origins = _pages_rows(src) if fmt == "html" else ([], {})
    files: dict[int, str] = {}
    fields: dict[str, str] = {}
    made = [d for d in (target.resolve(), *target.resolve().parents) if not d.exists()]  # folders this call makes
    _prepare_folder(target)
    try:
        _write_folder(src, fmt, target, rows, origins, files, fields, mapping, chunk_size)
    except BaseException:
        _remove(target, made)  # a file that fails halfway leaves no half-written corpus behind
        raise
    return Materialised(folder=target, source=src, format=fmt, origins=origins, fields=fields, files=files, made=made)


def _remove(folder: Path, made: list[Path]) -> None:
    """Remove a folder written by :func:`materialise_corpus` and the empty folders made for it."""
    shutil.rmtree(folder, ignore_errors=True)
    for d in made:  # deepest first
        if not d.exists():
            continue
        try:
            d.rmdir()
        except OSError:
            break  # not empty: something else is in it


def _write_folder(src: Path, fmt: str, target: Path, rows: list, origins: dict, files: dict, fields: dict,
                  mapping: dict[str, str] | None, chunk_size: int) -> None:
    """Write metadata.csv and articles/ of a materialised corpus; ``origins``, ``files`` and ``fields`` are filled in."""
    used: set[str] = set()
    columns = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, EXTRACTION_COLUMN]
    with open(target / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        line = 1
        if fmt == "html":
            for row, text in rows:
                line += 1
                name = _safe_name(row["article_id"], used)
                (target / "articles" / name).write_text(text, encoding="utf-8")
                writer.writerow({**row, "file": f"articles/{name}"})
                files[line] = name
        else:
            for chunk in read_articles(src, mapping=mapping, chunk_size=chunk_size):
                if not fields:
                    fields.update(dict(mapping) if mapping else {c: c for c in chunk.columns})
                for rec, where in zip(chunk.to_dict("records"), chunk.attrs.get("wheres", [None] * len(chunk))):
                    line += 1
                    name = _safe_name(rec["article_id"], used)
                    (target / "articles" / name).write_text(rec["text"], encoding="utf-8", newline="")
                    place = _place(where, fmt, line)
                    origins[line] = (src.name, place[0], place[1])
                    files[line] = name
                    writer.writerow({**{c: rec.get(c, "") for c in columns if c != "file"}, "file": f"articles/{name}",
                                     EXTRACTION_COLUMN: f"{fields.get('text', 'text')} field of {src.name}, {place[1]}"})


def _place(where: str | None, fmt: str, line: int) -> tuple[int | None, str]:
    """(line number or None, 'line 7' / 'row 3') of an article, from the reader's label of it."""
    m = re.search(r", (line|row) (\d+)$", where or "")
    if m:
        n = int(m.group(2))
        return (n if m.group(1) == "line" else None), f"{m.group(1)} {n}"
    return None, f"row {line - 1}"


def _pages_rows(folder: Path) -> tuple[list[tuple[dict, str]], dict[int, tuple[str, int | None, str]]]:
    """One metadata row and text per page of a folder of web pages (sorted by path), and their origins."""
    problems: list[Problem] = []
    rows: list[tuple[dict, str]] = []
    origins: dict[int, tuple[str, int | None, str]] = {}
    extractor = _extractor()
    used_ids: set[str] = set()
    fix_outlet = ("give the outlets in a metadata.csv in the folder: `write_metadata_template(folder, pattern='**/*.html')` "
                  "writes one row per page, then fill in the outlet column")
    for page in _html_pages(folder):
        rel = page.relative_to(folder).as_posix()
        try:
            data = page.read_bytes()
        except OSError as exc:
            problems.append(Problem(rel, f"cannot be read ({exc.strerror or exc})", "check that the file is there and readable"))
            continue
        text, meta = page_text(data, rel, problems)
        if text is None:
            continue
        if not meta["outlet"]:
            problems.append(Problem(rel, "does not name its site (no site name, no address in the page)", fix_outlet))
            continue
        base = _ID_CHARS.sub("-", page.relative_to(folder).with_suffix("").as_posix()).strip("-").lower() or "page"
        aid, n = base, 2
        while aid in used_ids:
            aid, n = f"{base}-{n}", n + 1
        used_ids.add(aid)
        line = len(rows) + 2
        origins[line] = (rel, None, f"page {rel}")
        rows.append(({"article_id": aid, "outlet": meta["outlet"], "headline": meta["headline"], "byline": meta["byline"],
                      "published": meta["published"], "url": meta["url"],
                      EXTRACTION_COLUMN: f"main text of {rel}, extracted by {extractor}"}, text))
    if problems:
        raise CorpusError(str(folder), problems)
    return rows, origins


def open_corpus(path: str | Path | None = None, *, mapping: dict[str, str] | None = None,
                rules: tuple[Rule, ...] | None = None, workdir: str | Path | None = None) -> Corpus:
    """Load a corpus in any of its forms: a folder, a CSV / JSON Lines / Parquet file, or web pages.

    Args:
        path: the input (see :func:`corpus_format`); None means the bundled corpus.
        mapping: package field -> the file's column, for a file whose columns are named otherwise
            (``{"text": "body", "outlet": "source"}``).
        rules: cleaning rules; the package's by default.
        workdir: where to write the corpus folder made from a file or pages (kept there: run the
            notebooks on it); None writes it to a temporary folder, removed once loaded (the
            corpus's ``path`` is then the input).

    Returns:
        A :class:`~analysis.corpus.Corpus`.

    Raises:
        CorpusError: problems of the corpus, each said of the user's file and line.
        InputError: the file cannot be read as its format.
    """
    if path is None or corpus_format(path) == "folder":
        return load_corpus(path, rules=rules)
    if workdir is not None:
        return _load_materialised(materialise_corpus(path, workdir, mapping=mapping), rules)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _load_materialised(materialise_corpus(path, Path(tmp) / "corpus", mapping=mapping), rules)
    corpus.path = Path(path)
    return corpus


def _load_materialised(m: Materialised, rules: tuple[Rule, ...] | None) -> Corpus:
    try:
        return load_corpus(m.folder, rules=rules)
    except CorpusError as exc:
        raise CorpusError(str(m.source), m.translate(exc.problems)) from None


def validate_any(path: str | Path, *, mapping: dict[str, str] | None = None) -> list[Problem]:
    """Every problem of a corpus in any form (see :func:`corpus_format`), said of the user's own files.

    A corpus folder is checked as :func:`~analysis.corpus.validate_corpus` does; a file or a
    folder of pages is written to a temporary folder, checked there, and the folder removed.

    Raises:
        InputError: the file cannot be read as its format (the first such problem, with its line).
    """
    if corpus_format(path) == "folder":
        return validate_corpus(path)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            m = materialise_corpus(path, Path(tmp) / "corpus", mapping=mapping)
        except CorpusError as exc:
            return exc.problems
        return m.translate(validate_corpus(m.folder))


def prepare_report_corpus(corpus: str | Path | None, out: str | Path, *, mapping: dict[str, str] | None = None,
                          protect: list[Path] = ()) -> tuple[Path | None, Corpus, Path, str]:
    """Open the main job's input and check its output folder, before any notebook runs.

    A corpus folder (or None, the bundled corpus) is loaded where it is. Any other form is written
    as a corpus folder ``corpus/<name>`` inside ``out`` (never inside the input), which the
    notebooks then read, so the site carries the exact corpus it was computed from.

    Args:
        corpus: the input, or None for the bundled corpus.
        out: the site folder.
        mapping: column mapping for a file (``--map``).
        protect: further folders ``out`` may not be inside (the notebooks, the package).

    Returns:
        ``(the corpus folder the notebooks read (None: the bundled one), the loaded corpus, the checked
        output folder, one line saying where the corpus came from)``.

    Raises:
        CorpusError, InputError, OutputError: as :func:`open_corpus` and :func:`analysis.safe.check_output`.
    """
    from ..safe import check_output

    source = Path(corpus).resolve() if corpus is not None else None
    if source is None or corpus_format(source) == "folder":
        if mapping:
            raise InputError(f"{corpus}: --map names the columns of a CSV, JSON Lines or Parquet file; a corpus folder has "
                             "metadata.csv with the package's own column names (leave --map out)")
        loaded = load_corpus(source)  # fails here, with every problem listed, before any folder is made
        out = check_output(out, [loaded.path, *protect])
        origin = "the bundled corpus" if source is None else f"the corpus folder {source}"
        return source, loaded, out, origin
    out = check_output(out, [source, *protect])
    stem = _ID_CHARS.sub("-", source.name.split(".")[0]).strip("-") or "corpus"
    m = materialise_corpus(source, out / "corpus" / stem, mapping=mapping)
    try:
        loaded = _load_materialised(m, None)
    except CorpusError:
        m.remove()  # no corpus that fails its checks is left behind
        raise
    return m.folder.resolve(), loaded, out, m.describe()


FORMS = (
    ("corpus folder", "a folder with metadata.csv (article_id, outlet, file) and one text file per article",
     "samestory report --corpus FOLDER", "read where it is; a listed .html file gives its main text"),
    ("CSV file", "one article a row, a header line naming the columns; paragraphs inside one quoted field",
     "samestory report --corpus FILE.csv --map text=COLUMN ...", "read in chunks, written as a corpus folder in the site folder"),
    ("JSON Lines file", "one JSON object an article a line, plain or gzip (.jsonl, .jsonl.gz)",
     "samestory report --corpus FILE.jsonl.gz --map text=FIELD ...", "read in chunks, written as a corpus folder in the site folder"),
    ("Parquet file", "one article a row (.parquet)",
     "samestory report --corpus FILE.parquet --map text=COLUMN ...", "read in chunks, written as a corpus folder in the site folder"),
    ("saved web pages", "a folder of .html pages, one article each, without metadata.csv",
     "samestory report --corpus FOLDER", "main text extracted by trafilatura; site name, title, author, date and address read from each page"),
)
"""The forms a corpus can take: (form, what it holds, how to give it, what the package does with it)."""


def forms_table() -> pd.DataFrame:
    """:data:`FORMS` as a table, for the notebook that walks a user through bringing a corpus."""
    return pd.DataFrame(FORMS, columns=["form", "what it holds", "how to give it", "what the package does"])


def write_pages(articles: pd.DataFrame, folder: str | Path) -> list[Path]:
    """Write articles as simple saved web pages, one ``<article_id>.html`` each: for examples and tests.

    Each page has what a news page has around its text (a menu, a "most read" list, a footer) and
    says its site name, title, author, date and address in ``<meta>`` tags, as news sites do.

    Args:
        articles: indexed by ``article_id``, with ``outlet`` and ``text`` (one paragraph a line; blank
            lines are skipped) and optionally ``headline``, ``byline``, ``published``, ``url``.
        folder: where to write the pages (made if missing).

    Returns:
        The pages written, in the order of ``articles``.
    """
    from ..safe import html_text as h

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for aid, row in articles.iterrows():
        get = lambda col: str(row.get(col, "") or "")  # noqa: E731
        paragraphs = "\n".join(f"<p>{h(p.strip())}</p>" for p in get("text").splitlines() if p.strip())
        tags = [f'<meta property="og:site_name" content="{h(get("outlet"))}">']
        tags += [f'<meta name="author" content="{h(get("byline"))}">'] if get("byline") else []
        tags += [f'<meta property="article:published_time" content="{h(get("published"))}">'] if get("published") else []
        tags += [f'<link rel="canonical" href="{h(get("url"))}">'] if get("url") else []
        page = out / f"{_ID_CHARS.sub('-', str(aid)).strip('-') or 'page'}.html"
        page.write_text(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{h(get('headline') or get('outlet'))} | {h(get('outlet'))}</title>\n" + "\n".join(tags) + "</head>\n"
            '<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>\n'
            f"<article><h1>{h(get('headline'))}</h1>\n{paragraphs}\n</article>\n"
            '<aside><h2>Most read</h2><ul><li><a href="/a">Tide tables for the week</a></li>'
            '<li><a href="/b">Weather: a wet weekend ahead</a></li></ul></aside>\n'
            f"<footer><p>© {h(get('outlet'))}. All rights reserved.</p></footer></body></html>\n",
            encoding="utf-8",
        )
        written.append(page)
    return written


def extraction_table(folder: str | Path) -> pd.DataFrame:
    """How much of each saved page's text the extraction kept, one row per page.

    Columns: ``page``, ``visible characters`` (all the text of the page, menus and footers
    included, without white space), ``kept characters`` (its main text, likewise), ``share kept``.
    """
    rows = []
    root = Path(folder)
    for page in _html_pages(root):
        data = page.read_bytes()
        visible = re.sub(r"\s+", "", _visible_text(data.decode("utf-8", errors="replace")))
        kept = re.sub(r"\s+", "", extract_html(data)[0])
        rows.append({"page": page.relative_to(root).as_posix(), "visible characters": len(visible),
                     "kept characters": len(kept), "share kept": round(len(kept) / len(visible), 3) if visible else 0.0})
    return pd.DataFrame(rows, columns=["page", "visible characters", "kept characters", "share kept"])


def _visible_text(html: str) -> str:
    """All the text a browser shows of a page: every text node of the document outside its
    ``<head>``, scripts and styles."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.hidden = [], 0

        def handle_starttag(self, tag, attrs):
            self.hidden += tag in ("script", "style", "head", "noscript", "template")

        def handle_endtag(self, tag):
            self.hidden -= self.hidden > 0 and tag in ("script", "style", "head", "noscript", "template")

        def handle_data(self, data):
            if not self.hidden:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def extraction_finding(table: pd.DataFrame) -> str:
    """One sentence (Markdown) on what the extraction kept of the pages in ``table`` (:func:`extraction_table`)."""
    from ..safe import md_text

    if table.empty:
        return "No web page was read."
    visible, kept = int(table["visible characters"].sum()), int(table["kept characters"].sum())
    n = len(table)
    return md_text(
        f"The main text of {n} page{'s' if n != 1 else ''} was extracted by {_extractor()}: of their {visible:,} visible "
        f"characters, {kept:,} ({kept / visible:.0%}) were kept as the articles' text, and the rest of each page was "
        "left out as page furniture."
    ) if visible else "The pages hold no visible text."


def origin_finding(corpus: Corpus) -> str:
    """One sentence (Markdown) saying how many articles the corpus holds and where their texts came from."""
    from ..safe import md_text

    a = corpus.articles
    n, k = len(a), a["outlet"].nunique()
    sources = list(dict.fromkeys(a.get("extraction", ["text file, as saved"] * n)))
    shown = "; ".join(sources[:3]) + (f"; and {len(sources) - 3} more" if len(sources) > 3 else "")
    return md_text(f"{n} article{'s' if n != 1 else ''} from {k} outlet{'s' if k != 1 else ''}. Where each text came "
                   f"from (the extraction column): {shown}.")
