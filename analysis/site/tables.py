"""Downloads: every table on the site as a CSV file, every figure with its data.

Tables in the notebooks' outputs are HTML (pandas' ``to_html``, a Styler, or a function's own
table). :func:`table_frames` reads them back into DataFrames, spans and all, and
:func:`add_downloads` saves each as ``tables/PAGE-CELL-N.csv`` (through :func:`analysis.safe.save_csv`,
so no cell opens as a formula in a spreadsheet) and notes the file on the output, where the page
template puts a download link. Figures are already saved beside the CSV of their data
(:func:`analysis.plots.save_figure`); the files a cell says it saved ("Saved NAME.png and
NAME.csv") are noted on the cell and linked under it.

Example:
    >>> html = "<table><thead><tr><th></th><th>a</th></tr></thead><tbody><tr><th>x</th><td>1</td></tr></tbody></table>"
    >>> table_frames(html)[0].to_dict("list")
    {'': ['x'], 'a': ['1']}
"""

from __future__ import annotations

import base64
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd

from ..safe import save_csv

__all__ = ["WIDE_FIGURE_PX", "add_downloads", "link_offsets", "png_width", "saved_files", "table_frames"]

WIDE_FIGURE_PX = 600
"""A figure wider than this keeps its own size on a phone and scrolls inside its box."""

_SAVED = re.compile(r"\b([\w.-]+\.(?:csv|png))\b")


class _Tables(HTMLParser):
    """The cells of every table of an HTML fragment: rows of (is heading row part, text, rowspan, colspan)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self._stack: list[dict] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._section = "tbody"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._stack.append({"head": [], "body": []})
        elif not self._stack:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self._section = tag
        elif tag == "tr":
            part = "head" if self._section == "thead" else "body"
            self._stack[-1][part].append([])
        elif tag in ("td", "th"):
            self._cell = []
            self._span = (_int(a.get("rowspan")), _int(a.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if not self._stack:
            return
        t = self._stack[-1]
        if tag in ("td", "th") and self._cell is not None:
            rows = t["head"] if t["head"] and self._section == "thead" else t["body"]
            if not rows:
                rows.append([])
            rows[-1].append((" ".join("".join(self._cell).split()), *self._span))
            self._cell = None
        elif tag in ("thead", "tfoot"):
            self._section = "tbody"
        elif tag == "table":
            self.tables.append(self._stack.pop())

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _int(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Rows of cells with their row and column spans laid out on a grid (a spanned cell repeats)."""
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in grid:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text
            c += colspan
    if not grid:
        return []
    n_rows = max(r for r, _ in grid) + 1
    n_cols = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


def table_frames(html: str) -> list[pd.DataFrame]:
    """Every table of an HTML fragment as a DataFrame of strings.

    The heading rows are joined into one name per column (pandas writes the index's name on a
    second heading row); cells spanning rows or columns repeat in each row or column they cover.
    A table without heading rows takes its first row as the header.
    """
    parser = _Tables()
    parser.feed(html)
    frames = []
    for t in parser.tables:
        head, body = _grid(t["head"]), _grid(t["body"])
        if not head and len(body) > 1:
            head, body = body[:1], body[1:]
        if not body:
            continue
        width = max(len(r) for r in body + head)
        body = [r + [""] * (width - len(r)) for r in body]
        names = []
        for c in range(width):
            parts = [h[c] for h in head if c < len(h) and h[c]]
            names.append(" ".join(dict.fromkeys(parts)))
        seen: dict[str, int] = {}
        unique = []
        for name in names:  # two columns may not share a name in a CSV a reader opens
            seen[name] = seen.get(name, 0) + 1
            unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
        frames.append(pd.DataFrame(body, columns=unique))
    return frames


_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
_CELL = re.compile(r"(<t([dh])\b[^>]*>)(.*?)(</t\2>)", re.S | re.I)
_STRIP = re.compile(r"<[^>]+>")


def _text(cell_html: str) -> str:
    import html as _html

    return " ".join(_html.unescape(_STRIP.sub("", cell_html)).split())


def link_offsets(html: str, article_of, *, href: str) -> str:
    """Link the ``start`` cell of every row of a table that gives character offsets to those
    characters in the story view (``story.html#at-ARTICLE-START-END``).

    Args:
        html: an HTML output holding tables (pandas' layout: one heading row naming the columns,
            then one row per record; tables with cells spanning rows or columns are left alone).
        article_of: given a row as {column name: text}, the article the offsets are in, or None
            (from an ``article_id`` column, the index, or an outlet with a single article).
        href: the story view page.

    Returns:
        The HTML with the links added (nothing else changed).

    Example:
        >>> t = "<table><thead><tr><th>outlet</th><th>start</th><th>end</th></tr></thead><tbody><tr><td>X</td><td>5</td><td>9</td></tr></tbody></table>"
        >>> link_offsets(t, lambda row: "x1", href="story.html").count('href="story.html#at-x1-5-9"')
        1
    """
    from urllib.parse import quote

    def one_table(m: re.Match) -> str:
        table = m.group(0)
        if re.search(r"\b(rowspan|colspan)=", table, re.I) or "<table" in table[6:].lower():
            return table
        rows = list(_ROW.finditer(table))
        if len(rows) < 2:
            return table
        names = [_text(c.group(3)) for c in _CELL.finditer(rows[0].group(1))]
        if "start" not in names or "end" not in names:
            return table
        i_start, i_end = names.index("start"), names.index("end")
        out, pos = [], 0
        for row in rows[1:]:
            cells = list(_CELL.finditer(row.group(1)))
            if len(cells) != len(names):
                continue
            values = {n: _text(c.group(3)) for n, c in zip(names, cells)}
            article = article_of(values)
            start, end = values["start"], values["end"]
            if not article or not start.isdigit() or not end.isdigit():
                continue
            cell = cells[i_start]
            link = (f'<a href="{href}#at-{quote(str(article), safe="")}-{start}-{end}" '
                    f'title="Show these characters in the articles side by side">{cell.group(3)}</a>')
            at = row.start(1) + cell.start(3)
            out.append(table[pos:at] + link)
            pos = row.start(1) + cell.end(3)
        return "".join(out) + table[pos:]

    return _TABLE.sub(one_table, html)


def png_width(data: str) -> int:
    """The width in pixels of a base64-encoded PNG (read from its header); 0 when unreadable."""
    try:
        head = base64.b64decode(data[:64])
        return struct.unpack(">I", head[16:20])[0] if head[1:4] == b"PNG" else 0
    except (ValueError, struct.error):
        return 0


def saved_files(cell: nbformat.NotebookNode, folder: Path) -> list[str]:
    """The files a cell's printed output says it saved, that are in ``folder``, CSVs first."""
    names = []
    for output in cell.get("outputs", []):
        text = output.get("text", "") if output.get("output_type") == "stream" else ""
        names += [n for n in _SAVED.findall(text) if (folder / n).is_file()]
    unique = list(dict.fromkeys(names))
    return sorted(unique, key=lambda n: (not n.endswith(".csv"), unique.index(n)))


def add_downloads(nb: nbformat.NotebookNode, page: str, out: Path, *, figures: str = "figures") -> list[Path]:
    """Save every table of ``nb``'s outputs as a CSV and note the download links for the template.

    Args:
        nb: the executed notebook (an in-memory copy: metadata is added to its cells and outputs).
        page: the page name (the CSV files are named after it).
        out: the site folder; tables go into ``out/tables/``.
        figures: the folder, relative to ``out``, where the notebooks saved their figures and CSVs.

    Returns:
        The CSV files written.
    """
    written = []
    tables = out / "tables"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        files = saved_files(cell, out / figures)
        if files:
            cell.metadata["samestory_files"] = [f"{figures}/{n}" for n in files]
        for k, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if "image/png" in data and png_width(str(data["image/png"])) > WIDE_FIGURE_PX:
                output.setdefault("metadata", {})["samestory_wide"] = True
            html = data.get("text/html")
            if not html or "<table" not in str(html):
                continue
            links = []
            for n, frame in enumerate(table_frames(str(html)), 1):
                tables.mkdir(parents=True, exist_ok=True)
                name = re.sub(r"[^\w.-]+", "-", f"{page}-{cell.get('id', i)}-{k + 1}-{n}") + ".csv"
                written.append(save_csv(frame, tables / name, index=False))
                links.append(f"tables/{name}")
            if links:
                output.setdefault("metadata", {})["samestory_csv"] = links
    return written
