"""Large corpora in: JSON Lines and Parquet files with one article a row, read in chunks.

A folder with ``metadata.csv`` suits a few hundred articles; a year of coverage comes as one big
file. :func:`read_articles` streams such a file in chunks of ``chunk_size`` articles, renaming the
user's columns to the package's (``article_id``, ``outlet``, ``text`` and optionally ``headline``,
``byline``, ``published``, ``url``), so the raw text of the whole file is never in memory at once.

Example (the AllSides data set, whose columns are ``ID``, ``source``, ``content_original`` ...):

    >>> mapping = {"article_id": "ID", "outlet": "source", "text": "content_original",
    ...            "headline": "title", "published": "date", "byline": "authors", "url": "url"}
    >>> for chunk in read_articles("articles.jsonl.gz", mapping=mapping):  # doctest: +SKIP
    ...     ...
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..errors import InputError

__all__ = [
    "ALLSIDES_MAPPING",
    "CANONICAL",
    "input_format",
    "read_articles",
    "REQUIRED",
    "write_parquet_parts",
]

CANONICAL = ("article_id", "outlet", "text", "headline", "byline", "published", "url")
REQUIRED = ("article_id", "outlet", "text")
ALLSIDES_MAPPING = {
    "article_id": "ID", "outlet": "source", "text": "content_original", "headline": "title",
    "published": "date", "byline": "authors", "url": "url",
}
"""The column mapping of the AllSides Article-Bias-Prediction data set (Baly et al. 2020)."""


def input_format(path: str | Path) -> str:
    """``jsonl`` for .jsonl / .jsonl.gz / .json / .ndjson, ``parquet`` for .parquet / .pq."""
    name = Path(path).name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    raise InputError(
        f"{path}: cannot tell the format from the name; use a .jsonl(.gz) file (one JSON object a line) "
        "or a .parquet file, or a corpus folder with metadata.csv"
    )


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


def _frame(records: list[dict], mapping: dict[str, str]) -> pd.DataFrame:
    out = pd.DataFrame({dst: [r.get(src) for r in records] for dst, src in mapping.items()})
    for col in out.columns:
        out[col] = out[col].fillna("").astype(str)
    return out


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def read_articles(
    path: str | Path,
    *,
    mapping: dict[str, str] | None = None,
    chunk_size: int = 2000,
    limit: int | None = None,
) -> Iterator[pd.DataFrame]:
    """Yield the articles of a JSON Lines or Parquet file in chunks.

    Args:
        path: the file (``.jsonl``, ``.jsonl.gz``, ``.parquet``).
        mapping: package field -> the file's column, e.g. ``{"text": "content_original"}``;
            ``article_id``, ``outlet`` and ``text`` are required. None means the file already
            uses the package's names.
        chunk_size: articles per chunk.
        limit: stop after this many articles (for a quick run).

    Yields:
        DataFrames with the package's column names (strings; missing values as "").

    Raises:
        InputError: the file's format or columns do not fit, or a line is not JSON (the message
            names the line).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} does not exist; give the path of a .jsonl(.gz) or .parquet file")
    fmt = input_format(path)
    seen = 0
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
        mapping = _check_mapping(mapping, names, path)
        for batch in pf.iter_batches(batch_size=chunk_size, columns=sorted(set(mapping.values()))):
            records = batch.to_pylist()
            if limit is not None:
                records = records[: max(0, limit - seen)]
            if not records:
                return
            seen += len(records)
            yield _frame(records, mapping)
        return
    checked: dict[str, str] | None = None
    records: list[dict] = []
    with _open_text(path) as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}, line {line_no}: not a JSON object ({exc.msg}); each line must hold one article as JSON") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}, line {line_no}: a JSON {type(record).__name__}, not an object; each line must hold one article as a JSON object")
            if checked is None:
                checked = _check_mapping(mapping, list(record), path)
            records.append(record)
            seen += 1
            if len(records) == chunk_size:
                yield _frame(records, checked)
                records = []
            if limit is not None and seen >= limit:
                break
    if records:
        yield _frame(records, checked)


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
