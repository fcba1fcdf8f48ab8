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
        input_format(tmp_path / "x.docx")


# ---- CSV (issue 14): one article a row, text with line breaks inside double quotes.

def write_csv(path, text: str, gz=False):
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_csv_in_chunks_with_paragraphs_inside_quotes(tmp_path, gz):
    text = ('ID,source,content_original,title\n'
            'a0,Outlet A,"First paragraph.\n\nSecond, with a comma and a ""quote"".",T0\n'
            'a1,Outlet B,One line.,T1\n'
            '\n'
            'a2,Outlet A,"Three\nlines\nhere.",T2\n')
    path = write_csv(tmp_path / ("a.csv.gz" if gz else "a.csv"), text, gz)
    assert input_format(path) == "csv"
    chunks = list(read_articles(path, mapping=MAPPING, chunk_size=2))
    assert [len(c) for c in chunks] == [2, 1]
    whole = pd.concat(chunks, ignore_index=True)
    assert whole.loc[0, "text"] == 'First paragraph.\n\nSecond, with a comma and a "quote".'
    # Where each article starts in the file, for messages about it.
    assert chunks[0].attrs["wheres"] == [f"{path}, line 2", f"{path}, line 5"]
    assert chunks[1].attrs["wheres"] == [f"{path}, line 7"]


def test_csv_with_the_packages_names_needs_no_mapping(tmp_path):
    path = write_csv(tmp_path / "a.csv", "\ufeffarticle_id,outlet,text,country\nx,Outlet A,Text.,Norway\n")
    [chunk] = read_articles(path)
    assert list(chunk.columns) == ["article_id", "outlet", "text", "country"]


@pytest.mark.parametrize("text, message", [
    ("ID,source,content_original,title\na0,Outlet A,Text,T0\na1,Outlet B,Text, with a comma,T1\n",
     "line 3: this row has 5 fields but the header has 4"),
    ('ID,source,content_original,title\na0,Outlet A,Text,T0\na1,Outlet B,"Text left open,T1\na2,Outlet A,More,T2\n',
     "line 3: cannot be read as CSV"),
    ("ID,source,content_original,ID\na0,Outlet A,Text,T0\n", "line 1: the header repeats ID"),
    ("", "the file is empty"),
    ("ID,source,content_original,title\na0,Outlet A,,T0\n", "line 2: the article has an empty 'content_original' field (text)"),
])
def test_csv_errors_name_the_line_and_the_fix(tmp_path, text, message):
    path = write_csv(tmp_path / "a.csv", text)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(read_articles(path, mapping=MAPPING))


def test_csv_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("ID,source,content_original,title\na0,Outlet A,Text,T0\na1,Outlet B,Caf\u00e9,T1\n".encode("cp1252"))
    with pytest.raises(InputError, match=r"line 3: byte 0xe9 is not UTF-8.*iconv"):
        list(read_articles(path, mapping=MAPPING))
