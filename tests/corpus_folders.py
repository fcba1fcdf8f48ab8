"""The one helper that writes corpus folders for tests (good ones to analyse, broken ones to reject)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from analysis.corpus import Corpus, load_corpus

Articles = Mapping[str, tuple[str, "str | Sequence[str]"] | Mapping[str, object]] | Sequence[Mapping[str, object]]


def write_corpus(
    folder: Path,
    articles: Articles | None = None,
    *,
    files: Mapping[str, str | bytes] | None = None,
    metadata: str | bytes | None = None,
    load: bool = True,
) -> Corpus | Path:
    """Write a corpus folder and (by default) load it.

    Args:
        folder: where to write it (created if needed).
        articles: the articles, each written to ``articles/<article_id>.txt`` and given a row of
            ``metadata.csv``. Either ``{article_id: (outlet, text)}``, where ``text`` is a string
            written as it is or a list of paragraphs joined by blank lines; or
            ``{article_id: {"outlet": ..., "text": ..., <other metadata columns>}}``; or a list of
            such mappings, each with its ``article_id``. Columns other than ``outlet`` and ``text``
            (``headline``, ``published`` ...) go into ``metadata.csv`` in the order first seen.
        files: other files to write as they are, ``{relative path: str or bytes}`` (for tests of
            bad input: a binary file, a file in another encoding ...).
        metadata: ``metadata.csv`` exactly as it should be written, instead of the one made from
            ``articles``. With neither, no ``metadata.csv`` is written.
        load: return the loaded :class:`~analysis.corpus.Corpus` (True) or the folder (False).
    """
    folder.mkdir(parents=True, exist_ok=True)
    rows = _rows(articles)
    for row in rows:
        path = folder / row["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(row.pop("text"), encoding="utf-8")
    if metadata is None and rows:
        columns = list(dict.fromkeys(k for row in rows for k in row))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)
        metadata = out.getvalue()
    if metadata is not None:
        (folder / "metadata.csv").write_bytes(metadata if isinstance(metadata, bytes) else metadata.encode("utf-8"))
    for name, content in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_corpus(folder) if load else folder


def _rows(articles: Articles | None) -> list[dict]:
    if not articles:
        return []
    items = articles.items() if isinstance(articles, Mapping) else ((a["article_id"], a) for a in articles)
    rows = []
    for aid, spec in items:
        if isinstance(spec, Mapping):
            extra = {k: v for k, v in spec.items() if k not in ("article_id", "outlet", "text")}
            outlet, text = spec["outlet"], spec["text"]
        else:
            (outlet, text), extra = spec, {}
        if not isinstance(text, str):
            text = "\n\n".join(text) + "\n"
        rows.append({"article_id": aid, "outlet": outlet, "file": f"articles/{aid}.txt", **extra, "text": text})
    return rows
