"""The one escaping path for strings that come from a corpus (outlet names, headlines, bylines,
ids, article text, terms found in it) on their way into Markdown, HTML or a saved CSV.

A corpus is untrusted input: an outlet called ``<script>alert(1)</script>`` or a headline holding
``[x](javascript:alert(1))`` must come out of every finding and page as the text it is, never as
a live tag, event attribute or link. Every function of the package that puts such a string into
Markdown or HTML sends it through one of these:

- :func:`md_text`: a user string inside Markdown (the findings shown with ``display(Markdown(...))``);
- :func:`md_prose`: Markdown a person wrote (notes in a lexicon file): its emphasis and code
  stay, its raw HTML and links do not;
- :func:`html_text`: a user string inside HTML text or a quoted attribute value;
- :func:`safe_url`: a user URL for an ``href``/``src``: ``javascript:``, ``data:``, ``vbscript:`` (and
  any scheme other than http, https and mailto) are refused and give "";
- :func:`csv_cell` / :func:`csv_safe` / :func:`save_csv`: the CSVs saved for readers to open in a
  spreadsheet (formula injection, see below).

CSV policy: a string cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return would be read by Excel, LibreOffice or Google Sheets as a formula (``=HYPERLINK(...)``
from an outlet name runs when the file is opened). :func:`csv_safe` prefixes such cells with a
single quote ``'``, the mark spreadsheets themselves use for "text, not a formula" (OWASP, "CSV
Injection"). Numbers are left as they are (``-3.2`` stays a number); only strings change, and
only in the saved CSV: the DataFrames the functions return keep the text exactly.

Example:
    >>> md_text("<script>alert(1)</script> [x](javascript:alert(1))")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\[x\\\\](javascript:alert(1))'
    >>> html_text('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> safe_url("javascript:alert(1)"), safe_url("https://example.org/a?b=1&c=2")
    ('', 'https://example.org/a?b=1&amp;c=2')
    >>> csv_cell("=HYPERLINK(1)"), csv_cell("-5"), csv_cell(-5)
    ("'=HYPERLINK(1)", "'-5", -5)
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

__all__ = ["check_output", "csv_cell", "csv_safe", "html_text", "md_prose", "md_text", "safe_url", "save_csv", "FORMULA_PREFIXES"]

# Markdown's own punctuation that can start emphasis, code, links, images, tables or strikethrough.
# "&", "<" and ">" become entities (so no raw HTML, autolink or entity trick survives); the rest
# get a backslash, which CommonMark defines for every ASCII punctuation mark.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_SAFE_SCHEMES = ("http", "https", "mailto")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""A CSV string cell starting with one of these is prefixed with ``'`` by :func:`csv_cell`."""


def md_text(value: object) -> str:
    """``value`` as plain text inside Markdown: no tag, link, image, emphasis or line break of its own.

    Line breaks become spaces (a user string is always inline: a newline in it could start a
    heading or a list). The result renders as exactly the characters of ``value``.
    """
    text = _LINE_BREAKS.sub(" ", str(value))
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("://", "\\://")  # no bare URL turns into a link
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def md_prose(value: object) -> str:
    """Markdown written by a person for readers (a lexicon's notes for teachers): emphasis and
    `code` stay, but raw HTML, entities and links do not (``&``, ``<``, ``>`` become entities and
    ``[``/``]`` get a backslash, so ``[x](javascript:...)`` is text)."""
    text = re.sub(r"([\\\[\]])", r"\\\1", str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_text(value: object) -> str:
    """``value`` as HTML text (also safe inside a double- or single-quoted attribute value)."""
    return html.escape(str(value), quote=True)


def safe_url(value: object) -> str:
    """``value`` escaped for an ``href``/``src`` attribute, or "" when it is not an http(s),
    mailto or relative link (``javascript:``, ``data:``, ``vbscript:`` ... are refused).

    Browsers ignore control characters and white space inside a scheme (``java\\tscript:``), and
    entities are decoded before the scheme is read, so both are undone before the check.
    """
    raw = str(value).strip()
    probe = _CONTROL.sub("", html.unescape(raw)).lower()
    m = re.match(r"^([a-z][a-z0-9+.\-]*):", probe)
    if m and m.group(1) not in _SAFE_SCHEMES:
        return ""
    if not m and ":" in probe.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return ""  # "javascript&#58;..." or another scheme the pattern did not read
    return html.escape(raw, quote=True)


def csv_cell(value: object) -> object:
    """A cell for a saved CSV: a string starting like a formula gets a leading ``'``; anything
    else (numbers, dates, empty cells, other text) is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`csv_cell` applied to every string cell, column name and
    index label (the frame itself is not changed)."""
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype == object or pd.api.types.is_string_dtype(s) or isinstance(s.dtype, pd.CategoricalDtype):
            out[col] = s.astype(object).map(csv_cell)
    out.columns = _safe_index(out.columns)
    out.index = _safe_index(out.index)
    return out


def _safe_index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(csv_cell(v) for v in t) for t in index], names=index.names)
    if index.dtype == object or pd.api.types.is_string_dtype(index):
        return pd.Index([csv_cell(v) for v in index], name=index.name, dtype=object)
    return index


def save_csv(frame: pd.DataFrame, path: str | Path, **kwargs) -> Path:
    """Write ``frame`` as CSV after :func:`csv_safe` (keyword arguments go to ``DataFrame.to_csv``)."""
    path = Path(path)
    csv_safe(frame).to_csv(path, **kwargs)
    return path


def check_output(out: str | Path, inputs: list[str | Path], *, option: str = "--out",
                 writes: tuple[str, ...] = ()) -> Path:
    """Refuse an output location that would write into the input or over a file; return it resolved.

    The rule of every command: outputs never go inside an input folder (a corpus folder), into
    the folder that holds an input file, over an input file, or over any existing file (``out``
    must be a folder or not exist yet).

    Args:
        out: the output folder asked for.
        inputs: the input folders and files of the command.
        option: how the user gave ``out`` (named in the message).
        writes: names of the files the command writes into ``out`` (to say what would be overwritten).

    Raises:
        OutputError: saying why and what to give instead.
    """
    from .errors import OutputError

    given = Path(out)
    try:
        target = given.resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise OutputError(f"{option} {given}: not a usable folder name ({exc}); give another folder") from None
    for inp in inputs:
        try:
            src = Path(inp).resolve()
        except (OSError, RuntimeError, ValueError):
            continue  # an input that cannot be resolved is reported by the reader, with its own message
        folder = src if src.is_dir() else src.parent
        if target == src and not src.is_dir():
            raise OutputError(f"{option} {given} is the input file {inp}; give a folder for the results, e.g. {option} {folder / (src.name.split('.')[0] + '-results')}.")
        if src.is_dir() and target.is_relative_to(src):
            raise OutputError(
                f"{option} {given} is inside the input folder {inp}: a command never writes into its input (a corpus "
                f"stays exactly as collected). Give a folder outside it, e.g. {option} {folder.parent / (folder.name + '-site')}."
            )
        if not src.is_dir() and target == folder:
            clash = [w for w in writes if (folder / w) == src]
            why = (f"its {clash[0]} would overwrite the input" if clash
                   else "the results would be written beside the input, and could replace it or other files there")
            raise OutputError(
                f"{option} {given} is the folder that holds the input {inp}: {why}. Give a folder of its own for the "
                f"results, e.g. {option} {folder / (src.name.split('.')[0] + '-results')}."
            )
    if target.exists() and not target.is_dir():
        raise OutputError(
            f"{option} {given} is an existing file, not a folder: the command writes several files into a folder and "
            f"never over a file. Give a new or existing folder instead, e.g. {option} {given.with_suffix('')}-out/."
        )
    return target
