"""Corpora as one file: CSV, JSON Lines and Parquet files with one article a row, read in chunks.

A folder with ``metadata.csv`` suits a few hundred articles; a year of coverage comes as one big
file. :func:`read_articles` streams such a file in chunks of ``chunk_size`` articles, renaming the
user's columns to the package's (``article_id``, ``outlet``, ``text`` and optionally ``headline``,
``byline``, ``published``, ``url``, ``outlet_type``, ``country``, ``wire_credit``, ``notes``), so the
raw text of the whole file is never in memory at once. The large-corpus pipeline (``scale``) and
the main job (``report``, through :mod:`analysis.corpus.formats`) read files with it.

Example (the AllSides data set, whose columns are ``ID``, ``source``, ``content_original`` ...):

    >>> mapping = {"article_id": "ID", "outlet": "source", "text": "content_original",
    ...            "headline": "title", "published": "date", "byline": "authors", "url": "url"}
    >>> for chunk in read_articles("articles.jsonl.gz", mapping=mapping):  # doctest: +SKIP
    ...     ...
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..errors import InputError

__all__ = [
    "ALLSIDES_MAPPING",
    "CANONICAL",
    "FILE_FORMATS",
    "input_format",
    "parse_mapping",
    "read_articles",
    "REQUIRED",
    "write_parquet_parts",
]

CANONICAL = ("article_id", "outlet", "text", "headline", "byline", "published", "url",
             "outlet_type", "country", "wire_credit", "notes")
REQUIRED = ("article_id", "outlet", "text")
ALLSIDES_MAPPING = {
    "article_id": "ID", "outlet": "source", "text": "content_original", "headline": "title",
    "published": "date", "byline": "authors", "url": "url",
}
"""The column mapping of the AllSides Article-Bias-Prediction data set (Baly et al. 2020)."""

FILE_FORMATS = {
    "csv": (".csv", ".csv.gz"),
    "jsonl": (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz"),
    "parquet": (".parquet", ".pq"),
}
"""The file formats :func:`read_articles` reads, by the endings of their names."""


def input_format(path: str | Path) -> str:
    """``csv`` for .csv(.gz), ``jsonl`` for .jsonl / .ndjson / .json (plain or .gz), ``parquet`` for .parquet / .pq."""
    name = Path(path).name.lower()
    for fmt, endings in FILE_FORMATS.items():
        if name.endswith(endings):
            return fmt
    raise InputError(
        f"{path}: cannot tell the format from the name; use a .csv file (a header line, one article a row), "
        "a .jsonl(.gz) file (one JSON object a line) or a .parquet file, or a corpus folder with metadata.csv"
    )


def parse_mapping(items: list[str]) -> dict[str, str] | None:
    """``["text=content_original", ...]`` (or ``["allsides"]``) -> a column mapping (None: no ``--map``)."""
    if not items:
        return None
    if items == ["allsides"]:
        return dict(ALLSIDES_MAPPING)
    mapping = {}
    for item in items:
        field_name, sep, column = item.partition("=")
        if not sep or not field_name or not column:
            raise InputError(f"--map {item!r}: write FIELD=COLUMN, e.g. --map text=content_original")
        mapping[field_name.strip()] = column.strip()
    return mapping


def _check_mapping(mapping: dict[str, str] | None, columns: list[str], path) -> dict[str, str]:
    mapping = dict(mapping or {c: c for c in CANONICAL if c in columns})
    unknown = sorted(set(mapping) - set(CANONICAL))
    if unknown:
        raise InputError(f"{path}: the mapping names {', '.join(unknown)}, which are not fields of an article; use {', '.join(CANONICAL)}")
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        raise InputError(
            f"{path}: say which column holds {', '.join(missing)} (e.g. --map {missing[0]}=COLUMN); "
            f"the file's columns are {', '.join(columns)}"
        )
    absent = [src for src in mapping.values() if src not in columns]
    if absent:
        raise InputError(f"{path}: no column {', '.join(absent)} in the file; its columns are {', '.join(columns)}")
    return mapping


def _value(record: dict, src: str, dst: str, where: str) -> str:
    """One field of one article as a string, or an InputError naming the line and the fix."""
    v = record.get(src)
    field = f"{src!r} field" + (f" ({dst})" if src != dst else "")
    if isinstance(v, (list, tuple, dict)):
        if dst in REQUIRED or isinstance(v, dict) or not all(isinstance(x, (str, int, float)) for x in v):
            kind = "an object" if isinstance(v, dict) else "a list"
            raise InputError(
                f"{where}: the {field} holds {kind}, not a string; give the {dst} as one string"
                + (" (join a list of paragraphs with blank lines)" if dst == "text" else "")
            )
        v = ", ".join(str(x) for x in v)  # a list of authors, of tags ...
    if v is None or (isinstance(v, float) and v != v):
        v = ""
    if isinstance(v, bytes):
        raise InputError(f"{where}: the {field} holds bytes, not text; store it as a UTF-8 string")
    v = v if isinstance(v, str) else str(v)
    if dst in REQUIRED and not v.strip():
        what = "has no" if src not in record else "has an empty"
        raise InputError(
            f"{where}: the article {what} {field}; every article needs its {dst}: fill it in or remove the "
            + ("line" if "line" in where else "row")
        )
    return v


def _frame(records: list[dict], mapping: dict[str, str], wheres: list[str], ids: dict[str, str]) -> pd.DataFrame:
    """The chunk as a DataFrame with the package's names; every value a string. ``ids`` (article id ->
    where it was first seen) is kept across chunks, so an id repeated anywhere in the file is found."""
    cols: dict[str, list[str]] = {dst: [] for dst in mapping}
    for record, where in zip(records, wheres):
        for dst, src in mapping.items():
            cols[dst].append(_value(record, src, dst, where))
        aid = cols["article_id"][-1]
        if aid in ids:
            raise InputError(
                f"{where}: article_id {aid!r} was already used on {ids[aid].rsplit(', ', 1)[-1]}; give each article a unique "
                "id, or remove the repeated article (the pipeline would otherwise count it twice)"
            )
        ids[aid] = where
    frame = pd.DataFrame(cols)
    frame.attrs["wheres"] = list(wheres)  # where each article was read ("FILE, line 7"), for messages about it later
    return frame


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of a JSON Lines file, plain or gzip; bad bytes and broken gzip streams
    become an InputError naming the file (and the line)."""
    gz = path.name.lower().endswith(".gz")
    try:
        with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
            for line_no, raw in enumerate(fh, 1):
                if line_no == 1 and raw.startswith(b"\x1f\x8b"):
                    raise InputError(f"{path}: the file is gzip-compressed but its name does not end in .gz; rename it to {path.name}.gz")
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{path}, line {line_no}: byte {exc.start + 1} of the line (0x{raw[exc.start]:02x}) is not UTF-8; "
                        "save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)"
                    ) from None
                yield line_no, (line.lstrip("\ufeff") if line_no == 1 else line)
    except gzip.BadGzipFile as exc:
        raise InputError(f"{path}: not a gzip file ({exc}), though its name ends in .gz; remove .gz from its name if it is plain JSON Lines") from None
    except (EOFError, zlib.error) as exc:
        raise InputError(
            f"{path}: not a complete gzip file ({exc}); the download or copy may have been cut short: fetch it again "
            "(gzip -t FILE tests a gzip file)"
        ) from None


def _csv_records(path: Path) -> Iterator[tuple[str, dict, list[str]]]:
    """(where: the row's first line, record, header) of each row of a CSV file with a header line, plain or gzip.

    Fields may hold line breaks inside double quotes (an article's paragraphs); a row with more
    or fewer fields than the header, a quote left open, bad bytes or a broken gzip stream become
    an InputError naming the file and the line where the row starts.
    """
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
    start = 1

    def decoded(fh) -> Iterator[str]:  # line by line, so a byte that is not UTF-8 is found on its own line
        for n, line in enumerate(fh, 1):
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{path}, line {n}: byte 0x{line[exc.start]:02x} is not UTF-8; save the file as UTF-8 "
                    "(in a spreadsheet: Save As, CSV UTF-8; or `iconv -f cp1252 -t utf-8`)"
                ) from None

    try:
        with raw as fh:
            reader = csv.reader(decoded(fh), strict=True)
            header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
            if not any(header):
                raise InputError(f"{path}: the file is empty; its first line must name the columns (e.g. article_id,outlet,text)")
            dup = sorted({h for h in header if h and header.count(h) > 1})
            if dup:
                raise InputError(f"{path}, line 1: the header repeats {', '.join(dup)}; keep one column of each name")
            start = reader.line_num + 1
            for values in reader:
                if any(v.strip() for v in values):
                    if len(values) != len(header):
                        raise InputError(
                            f"{path}, line {start}: this row has {len(values)} fields but the header has {len(header)}; put "
                            "double quotes around any field that holds a comma or a line break, and write a quote inside one as \"\""
                        )
                    yield f"{path}, line {start}", dict(zip(header, values)), header
                start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(
            f"{path}, line {start}: cannot be read as CSV ({exc}); a double quote opened in this row may be left open: "
            "close it, or write a quote inside a quoted field as \"\""
        ) from None
    except gzip.BadGzipFile as exc:
        raise InputError(f"{path}: not a gzip file ({exc}), though its name ends in .gz; remove .gz from its name if it is plain CSV") from None
    except (EOFError, zlib.error) as exc:
        raise InputError(f"{path}: not a complete gzip file ({exc}); fetch or write it again (gzip -t FILE tests a gzip file)") from None


def _chunks(records: Iterator[tuple[str, dict, list[str]]], mapping: dict[str, str] | None, path: Path,
            chunk_size: int, limit: int | None, ids: dict[str, str]) -> Iterator[pd.DataFrame]:
    """DataFrames of ``chunk_size`` articles from (where, record, the file's columns) of a CSV or JSON Lines file."""
    checked: dict[str, str] | None = None
    batch: list[dict] = []
    wheres: list[str] = []
    seen = 0
    for where, record, columns in records:
        if checked is None:
            checked = _check_mapping(mapping, columns, path)
        batch.append(record)
        wheres.append(where)
        seen += 1
        if len(batch) == chunk_size:
            yield _frame(batch, checked, wheres, ids)
            batch, wheres = [], []
        if limit is not None and seen >= limit:
            break
    if batch:
        yield _frame(batch, checked, wheres, ids)


def _jsonl_records(path: Path) -> Iterator[tuple[str, dict, list[str]]]:
    """(where, record, its keys) of each line of a JSON Lines file; a line that is not a JSON object
    is an InputError naming it."""
    for line_no, line in _lines(path):
        if not line.strip():
            continue
        where = f"{path}, line {line_no}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not a JSON object ({exc.msg}); each line must hold one article as JSON") from None
        except RecursionError:
            raise InputError(f"{where}: the JSON is nested too deeply to read; each line must hold one article as a flat JSON object") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: a JSON {type(record).__name__}, not an object; each line must hold one article as a JSON object")
        yield where, record, list(record)


def _parquet_error(path: Path, exc: Exception) -> InputError:
    return InputError(
        f"{path}: cannot be read as Parquet ({str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}); "
        "the file may be truncated or in another format: write it again (e.g. DataFrame.to_parquet), or use .jsonl for JSON Lines"
    )


def read_articles(
    path: str | Path,
    *,
    mapping: dict[str, str] | None = None,
    chunk_size: int = 2000,
    limit: int | None = None,
) -> Iterator[pd.DataFrame]:
    """Yield the articles of a CSV, JSON Lines or Parquet file in chunks.

    Args:
        path: the file (``.csv``, ``.jsonl``, ``.jsonl.gz``, ``.parquet`` ...; see :data:`FILE_FORMATS`).
        mapping: package field -> the file's column, e.g. ``{"text": "content_original"}``;
            ``article_id``, ``outlet`` and ``text`` are required. None means the file already
            uses the package's names.
        chunk_size: articles per chunk.
        limit: stop after this many articles (for a quick run).

    Yields:
        DataFrames with the package's column names (strings; missing optional values as "";
        a list of strings in an optional field, such as several authors, joined with ", ").

    Raises:
        InputError: the file's format or columns do not fit, the file is truncated (gzip,
            Parquet) or not UTF-8, or a line is not a JSON object, has no text, id or outlet,
            holds a list or an object as its text, or repeats an article_id used on an earlier
            line, in any chunk (the message names the line, or both lines).
    """
    path = Path(path)
    if "\x00" in str(path):
        raise InputError(f"{str(path)!r}: the name holds a NUL character (\\0); give the path of a .csv, .jsonl(.gz) or .parquet file")
    try:
        is_file = path.is_file()
    except OSError as exc:
        raise InputError(f"{path}: cannot be opened ({exc.strerror or exc}); check the name (at most 255 characters a name)") from None
    if not is_file:
        if path.is_symlink():
            raise InputError(f"{path} is a symbolic link that leads nowhere (broken, or a loop); give the real file")
        if path.is_dir():
            raise InputError(f"{path} is a folder; give a .csv, .jsonl(.gz) or .parquet file (for a corpus folder with metadata.csv use report --corpus)")
        raise InputError(f"{path} does not exist; give the path of a .csv, .jsonl(.gz) or .parquet file")
    fmt = input_format(path)
    seen = 0
    ids: dict[str, str] = {}
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
            names = pf.schema_arrow.names
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise _parquet_error(path, exc) from None
        mapping = _check_mapping(mapping, names, path)
        batches = pf.iter_batches(batch_size=chunk_size, columns=sorted(set(mapping.values())))
        while True:
            try:
                batch = next(batches, None)
            except (pa.ArrowException, OSError, ValueError) as exc:
                raise _parquet_error(path, exc) from None
            if batch is None:
                return
            records = batch.to_pylist()
            if limit is not None:
                records = records[: max(0, limit - seen)]
            if not records:
                return
            wheres = [f"{path}, row {seen + i + 1}" for i in range(len(records))]
            seen += len(records)
            yield _frame(records, mapping, wheres, ids)
    records = _csv_records(path) if fmt == "csv" else _jsonl_records(path)
    yield from _chunks(records, mapping, path, chunk_size, limit, ids)


def write_parquet_parts(
    path: str | Path, out_dir: str | Path, *, mapping: dict[str, str] | None = None,
    rows_per_part: int = 4000, limit: int | None = None,
) -> list[Path]:
    """Copy a large input into Parquet parts of ``rows_per_part`` articles (package column names).

    Parquet parts can be read in parallel by several workers, which one gzip stream cannot.
    Returns the parts' paths, in order.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = []
    for i, chunk in enumerate(read_articles(path, mapping=mapping, chunk_size=rows_per_part, limit=limit)):
        part = out / f"part-{i:05d}.parquet"
        pq.write_table(pa.Table.from_pandas(chunk, preserve_index=False), part)
        parts.append(part)
    return parts
