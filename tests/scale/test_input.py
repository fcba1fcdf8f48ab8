"""Large corpora in: JSON Lines (plain and gzip) and Parquet, in chunks, with a column mapping."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from analysis.scale.input import InputError, input_format, read_articles, write_parquet_parts

ROWS = [
    {"ID": f"a{i}", "source": "Outlet " + "AB"[i % 2], "content_original": f"Sentence {i}. Another one.", "title": f"T{i}"}
    for i in range(7)
]
MAPPING = {"article_id": "ID", "outlet": "source", "text": "content_original", "headline": "title"}


def write_jsonl(path, rows, gz=False):
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_in_chunks(tmp_path, gz):
    path = write_jsonl(tmp_path / ("a.jsonl.gz" if gz else "a.jsonl"), ROWS, gz)
    chunks = list(read_articles(path, mapping=MAPPING, chunk_size=3))
    assert [len(c) for c in chunks] == [3, 3, 1]
    whole = pd.concat(chunks, ignore_index=True)
    assert list(whole.columns) == ["article_id", "outlet", "text", "headline"]
    assert list(whole["article_id"]) == [r["ID"] for r in ROWS]


def test_limit(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ROWS)
    assert sum(len(c) for c in read_articles(path, mapping=MAPPING, chunk_size=2, limit=5)) == 5


def test_parquet_parts_round_trip(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ROWS)
    parts = write_parquet_parts(path, tmp_path / "parts", mapping=MAPPING, rows_per_part=4)
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet"]
    back = pd.concat([c for p in parts for c in read_articles(p, chunk_size=10)], ignore_index=True)
    assert back["text"].tolist() == [r["content_original"] for r in ROWS]


def test_errors_name_the_file_and_the_fix(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ROWS)
    with pytest.raises(InputError, match="say which column holds article_id"):
        next(read_articles(path))
    with pytest.raises(InputError, match="no column nope"):
        next(read_articles(path, mapping={**MAPPING, "text": "nope"}))
    bad = tmp_path / "b.jsonl"
    bad.write_text(json.dumps(ROWS[0]) + "\n{not json\n")
    with pytest.raises(InputError, match="line 2: not a JSON object"):
        list(read_articles(bad, mapping=MAPPING))
    with pytest.raises(InputError, match="cannot tell the format"):
        input_format(tmp_path / "x.csv")
