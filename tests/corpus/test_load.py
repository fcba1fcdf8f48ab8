"""Bad corpus folders: each is refused (or accepted) with a message a person can act on.

Covers ``analysis.corpus.validate_corpus`` and ``load_corpus`` on small corpora built in
``tmp_path``, one test per kind of bad corpus: a missing metadata.csv, a missing required
column, a duplicate article_id, listed files that are missing, outside the folder or absolute,
empty, non-UTF-8, HTML, binary or too large, a bad date, a ragged CSV row, an empty corpus, and
several problems at once. Three unusual but good corpora must load: a UTF-8 BOM with CRLF line
ends, a single article (which then fails outlet comparisons in plain words), and an article with
no paragraph breaks.

Each test checks that the message names the file (and the line and column where there is one)
and says what to do, by its key words rather than the whole text, and that validating or loading
left every file in the folder as it was (same bytes, same modification time).

The command line (``python -m analysis validate``) is not tested here.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest

from analysis.corpus import load_corpus, validate_corpus
from analysis.errors import ComparisonError, CorpusError
from tests.corpus_folders import write_corpus

HEADER = ("article_id", "outlet", "file", "published")
BODY = "The council met on Tuesday. Members argued about the budget.\n\nA vote is due next week.\n"


def make_corpus(root: Path, rows=(), files=None, *, header=HEADER, metadata: bytes | None = None) -> Path:
    """A corpus folder for a bad-input test: metadata.csv from ``header`` and ``rows`` (or ``metadata``
    bytes as they are; None rows and no metadata write no metadata.csv), and ``files`` (name -> str or
    bytes), written by the one test helper. Returns ``root``."""
    if metadata is None and rows is not None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([header, *rows])
        metadata = out.getvalue().encode("utf-8")
    return write_corpus(root, files=files, metadata=metadata, load=False)


def snapshot(root: Path) -> dict[str, tuple[str, int] | None]:
    """Every path under ``root``: (sha256 of the bytes, mtime_ns) for files, None for folders."""
    return {
        p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        if p.is_file() else None
        for p in sorted(root.rglob("*"))
    }


def refused(root: Path, watch: Path | None = None):
    """Validate and load a bad corpus; return (problems, str of the CorpusError).

    Checks that both agree, and that nothing under ``watch`` (the corpus folder by default)
    was changed."""
    watch = watch or root
    before = snapshot(watch)
    problems = validate_corpus(root)
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert snapshot(watch) == before, "validation changed the corpus folder"
    assert problems and info.value.problems == problems
    message = str(info.value)
    assert message.splitlines()[0].startswith(f"The corpus at {root} has {len(problems)} problem")
    assert message.splitlines()[1:] == [f"- {p}" for p in problems]
    return problems, message


def loaded(root: Path):
    """Validate and load a good corpus; check it validates clean and the folder is unchanged."""
    before = snapshot(root)
    assert validate_corpus(root) == []
    corpus = load_corpus(root)
    assert snapshot(root) == before, "loading changed the corpus folder"
    return corpus


def test_missing_metadata(tmp_path):
    root = make_corpus(tmp_path / "c", rows=None, files={"a.txt": BODY})
    [p], message = refused(root)
    assert p.file == "metadata.csv" and "is missing" in p.message and "a.txt" in p.message
    assert "create metadata.csv" in p.fix and "article_id,outlet,file" in p.fix
    assert "metadata.csv: is missing" in message


def test_missing_required_column(tmp_path):
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "x")], {"a.txt": BODY}, header=("article_id", "outlet", "headline"))
    [p], _ = refused(root)
    assert (p.file, p.line) == ("metadata.csv", 1)
    assert "lacks the required column file" in p.message and "article_id, outlet, headline" in p.message
    assert "add the column" in p.fix


def test_duplicate_article_id(tmp_path):
    rows = [("a", "Outlet A", "a.txt", ""), ("a", "Outlet B", "b.txt", "")]
    root = make_corpus(tmp_path / "c", rows, {"a.txt": BODY, "b.txt": BODY})
    [p], _ = refused(root)
    assert (p.file, p.line, p.column) == ("metadata.csv", 3, "article_id")
    assert "'a' is used again (first on line 2)" in p.message
    assert "unique article_id" in p.fix
    assert str(p).startswith("metadata.csv, line 3, column article_id:")


def test_listed_file_missing(tmp_path):
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "articles/a.txt", "")], {"articles/b.txt": BODY})
    [p], _ = refused(root)
    assert p.file == "articles/a.txt"
    assert "does not exist" in p.message and "metadata.csv line 2" in p.message
    assert "check the spelling" in p.fix and "add the file" in p.fix


def test_path_escapes_folder(tmp_path):
    (tmp_path / "x.txt").write_text(BODY)
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "../x.txt", "")])
    [p], _ = refused(root, watch=tmp_path)
    assert (p.file, p.line, p.column) == ("metadata.csv", 2, "file")
    assert "'../x.txt' points outside the corpus folder" in p.message
    assert "move the article into the corpus folder" in p.fix


def test_absolute_path(tmp_path):
    outside = tmp_path / "x.txt"
    outside.write_text(BODY)
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", str(outside), "")])
    [p], _ = refused(root, watch=tmp_path)
    assert (p.file, p.line, p.column) == ("metadata.csv", 2, "file")
    assert "is an absolute path" in p.message and str(outside) in p.message
    assert "relative to the corpus folder" in p.fix


def test_empty_and_whitespace_only_articles(tmp_path):
    rows = [("a", "Outlet A", "empty.txt", ""), ("b", "Outlet B", "blank.txt", "")]
    root = make_corpus(tmp_path / "c", rows, {"empty.txt": b"", "blank.txt": " \n\t\r\n\u00a0\n"})
    problems, _ = refused(root)
    assert [p.file for p in problems] == ["empty.txt", "blank.txt"]
    for p in problems:
        assert "empty or holds only white space" in p.message
        assert "paste the article's text" in p.fix and "remove its row" in p.fix


def test_not_utf8(tmp_path):
    data = b"Talks in Moscow\n\nHe called it \x93quote\x94 today.\n"  # cp1252 curly quotes, line 3
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "a.txt", "")], {"a.txt": data})
    [p], message = refused(root)
    assert (p.file, p.line, p.column) == ("a.txt", 3, 14)
    offset = data.index(b"\x93")
    assert f"byte at offset {offset} (0x93)" in p.message and "not UTF-8" in p.message
    assert "save the file as UTF-8" in p.fix and "iconv" in p.fix
    assert "a.txt, line 3, character 14:" in message


def test_bom_and_crlf_accepted(tmp_path):
    meta = "\ufeffarticle_id,outlet,file\r\na,Outlet A,a.txt\r\n".encode("utf-8")
    text = "\ufeffThe council met on Tuesday. Members argued.\r\n\r\nA vote is due next week. It may pass.\r\n"
    root = make_corpus(tmp_path / "c", metadata=meta, files={"a.txt": text})
    corpus = loaded(root)
    clean = corpus.articles.loc["a", "text"]
    assert "\r" not in clean and "\ufeff" not in clean
    sentences = corpus.sentences()
    assert list(sentences["text"]) == ["The council met on Tuesday.", "Members argued.", "A vote is due next week.", "It may pass."]
    assert all(clean[s.start : s.end] == s.text for s in sentences.itertuples())


def test_html_instead_of_text(tmp_path):
    page = (
        "<!DOCTYPE html>\n<html><head><title>Talks</title></head>\n"
        "<body><p>The council met on Tuesday.</p><p>A vote is due.</p></body></html>\n"
    )
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "a.txt", "")], {"a.txt": page})
    [p], _ = refused(root)
    assert p.file == "a.txt" and "is HTML, not plain text" in p.message
    assert "name ending in .html" in p.fix and "save the article as plain text" in p.fix


def test_a_saved_web_page_gives_its_main_text(tmp_path):
    """A file named .html is a saved page: its main text is extracted, and the extraction is listed."""
    page = (
        "<!DOCTYPE html>\n<html><head><title>Talks</title></head>\n"
        "<body><p>The council met on Tuesday.</p><p>A vote is due.</p></body></html>\n"
    )
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "a.html", "")], {"a.html": page})
    corpus = loaded(root)
    assert corpus.articles.loc["a", "text"] == "The council met on Tuesday.\n\nA vote is due."
    assert corpus.articles.loc["a", "extraction"].startswith("main text of a.html, extracted by trafilatura ")
    empty = make_corpus(tmp_path / "e", [("a", "Outlet A", "a.html", "")], {"a.html": "<html><body><script>show()</script></body></html>"})
    [p], _ = refused(empty)
    assert p.file == "a.html" and "no main text" in p.message


def test_binary_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "a.png", "")], {"a.png": png})
    [p], _ = refused(root)
    assert p.file == "a.png" and "binary file, not text" in p.message
    assert "plain UTF-8 text" in p.fix


def test_unparseable_date(tmp_path):
    rows = [("a", "Outlet A", "a.txt", "2025-04-25"), ("b", "Outlet B", "b.txt", "25/04/2025")]
    root = make_corpus(tmp_path / "c", rows, {"a.txt": BODY, "b.txt": BODY})
    [p], message = refused(root)
    assert (p.file, p.line, p.column) == ("metadata.csv", 3, "published")
    assert "'25/04/2025' is not a date" in p.message
    assert "YYYY-MM-DD" in p.fix and "leave it empty" in p.fix
    assert "metadata.csv, line 3, column published:" in message


def test_ragged_row(tmp_path):
    meta = b"article_id,outlet,file,headline\na,Outlet A,a.txt,Talks\nb,Outlet B,b.txt,Talks, then war\n"
    root = make_corpus(tmp_path / "c", metadata=meta, files={"a.txt": BODY, "b.txt": BODY})
    [p], _ = refused(root)
    assert (p.file, p.line) == ("metadata.csv", 3)
    assert "5 fields but the header has 4" in p.message
    assert "double quotes around any field that contains a comma" in p.fix


def test_empty_corpus(tmp_path):
    root = make_corpus(tmp_path / "c", rows=[])
    [p], _ = refused(root)
    assert p.file == "metadata.csv" and "lists no articles" in p.message
    assert "add one row per article" in p.fix


def test_single_article_loads_but_cannot_compare(tmp_path):
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "a.txt", "2025-04-25")], {"a.txt": BODY})
    corpus = loaded(root)
    assert list(corpus.articles.index) == ["a"] and corpus.outlets == ["Outlet A"]
    with pytest.raises(ComparisonError) as info:
        corpus.require_outlets(2, for_what="Distinctive terms")
    message = str(info.value)
    assert message.startswith("Distinctive terms compares outlets and needs at least 2")
    assert "has 1 (Outlet A)" in message and "Add articles from other outlets" in message
    assert "\n" not in message


def test_no_paragraph_breaks(tmp_path):
    line = "The council met on Tuesday. Members argued about the budget. A vote is due next week. The mayor is hopeful."
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "a.txt", "")], {"a.txt": line})
    corpus = loaded(root)
    assert len(corpus.paragraphs()) == 1
    assert corpus.articles.loc["a", "n_sentences"] == 4
    assert corpus.sentences()["text"].iloc[-1] == "The mayor is hopeful."


def test_article_over_size_limit(tmp_path):
    root = make_corpus(tmp_path / "c", [("a", "Outlet A", "big.txt", "")], {"big.txt": b"word " * 10_000_000})
    [p], _ = refused(root)
    assert p.file == "big.txt"
    assert "is 47.7 MB" in p.message and "10 MB limit" in p.message  # 50,000,000 bytes in MiB
    assert "single article" in p.fix and "one file per article" in p.fix


def test_several_problems_all_listed(tmp_path):
    rows = [
        ("a", "Outlet A", "a.txt", "2025-04-25"),
        ("b", "Outlet B", "missing.txt", ""),
        ("c", "Outlet C", "c.txt", "April 25"),
        ("a", "Outlet D", "d.txt", ""),
    ]
    root = make_corpus(tmp_path / "c", rows, {"a.txt": BODY, "c.txt": BODY, "d.txt": BODY})
    problems, message = refused(root)
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("missing.txt", None, None),
        ("metadata.csv", 4, "published"),
        ("metadata.csv", 5, "article_id"),
    ]
    assert "has 3 problems" in message.splitlines()[0]
    assert "does not exist" in message and "not a date" in message and "used again" in message


def test_metadata_template_lists_the_files_and_never_overwrites(tmp_path):
    from analysis.corpus import write_metadata_template

    root = tmp_path / "mine"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "Fox story.txt").write_text("One sentence here. Another one.", encoding="utf-8")
    (root / "articles" / "nyt.txt").write_text("A third sentence.", encoding="utf-8")
    before = snapshot(root)
    write_metadata_template(root)
    after = snapshot(root)
    assert {k for k in after if k not in before} == {"metadata.csv"}
    assert all(after[k] == v for k, v in before.items())
    problems = validate_corpus(root)
    assert [p.column for p in problems] == ["outlet", "outlet"]  # to be filled in by hand
    with pytest.raises(CorpusError, match="never overwritten"):
        write_metadata_template(root)
