"""Bad input at the command line and in large input files: one-line errors naming the file (and
line), exit code 1, no traceback; no command writes into its input; a corpus with no passive
verb runs through the framing notebook."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.errors import InputError, KeywordError, OutputError
from analysis.framing import agency
from analysis.paths import NOTEBOOKS_DIR, PROJ_ROOT
from analysis.safe import check_output
from analysis.scale.input import read_articles
from analysis.wordchoice.kwic import keyword_in_context, side_by_side
from tests.corpus_folders import write_corpus

PLAIN = {
    "a": {"outlet": "Alpha News", "text": ["The minister spoke to reporters on Monday.", "She said talks would continue next week."],
          "headline": "Talks continue"},
    "b": {"outlet": "Beta Times", "text": ["Officials met in the capital on Monday.", "They agreed to meet again soon."],
          "headline": "Officials meet"},
}


def record(i, **kw):
    return json.dumps({"article_id": f"a{i}", "outlet": "X", "text": "Talks went on. More later.", **kw}) + "\n"


def read(path, **kw):
    return [c for c in read_articles(path, **kw)]


# -- scale input -----------------------------------------------------------------------------

def test_a_line_without_text_is_an_error_naming_the_line(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(record(1) + json.dumps({"article_id": "a2", "outlet": "X"}) + "\n" + record(3))
    with pytest.raises(InputError, match=r"a\.jsonl, line 2: the article has no 'text' field"):
        read(p)
    p.write_text(record(1) + record(2, text="  "))
    with pytest.raises(InputError, match=r"line 2: the article has an empty 'text' field"):
        read(p)


def test_a_list_as_text_is_an_error_naming_the_line(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(record(1) + record(2, text=["one", "two"]))
    with pytest.raises(InputError, match=r"line 2: the 'text' field holds a list, not a string"):
        read(p)


def test_a_list_of_authors_is_joined(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(record(1, byline=["A. Writer", "B. Writer"]))
    assert read(p)[0]["byline"].tolist() == ["A. Writer, B. Writer"]


def test_a_duplicate_id_in_a_later_chunk_names_both_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(record(1) + record(2) + record(3) + record(4) + record(1))
    with pytest.raises(InputError, match=r"line 5: article_id 'a1' was already used on line 1"):
        read(p, chunk_size=2)
    pq = tmp_path / "a.parquet"
    pd.DataFrame({"article_id": ["x", "y", "x"], "outlet": ["O"] * 3, "text": ["T."] * 3}).to_parquet(pq)
    with pytest.raises(InputError, match=r"row 3: article_id 'x' was already used on row 1"):
        read(pq, chunk_size=1)


def test_an_undecodable_line_names_its_number(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes((record(1) + record(2)).encode() + b'{"article_id": "a3", "outlet": "X", "text": "caf\xe9"}\n')
    with pytest.raises(InputError, match=r"a\.jsonl, line 3: byte \d+ of the line \(0xe9\) is not UTF-8"):
        read(p)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("t.jsonl.gz", gzip.compress((record(1) + record(2)).encode())[:-12], "not a complete gzip file"),
        ("t.jsonl.gz", record(1).encode(), "not a gzip file"),
        ("t.jsonl", gzip.compress(record(1).encode()), "gzip-compressed but its name does not end in .gz"),
        ("t.parquet", b"PAR1 not parquet at all", "cannot be read as Parquet"),
        ("t.jsonl", record(1).encode() + b'{"a": ' * 50000 + b"1" + b"}" * 50000 + b"\n", "line 2: the JSON is nested too deeply"),
    ],
)
def test_broken_files_give_the_input_error_with_the_file(tmp_path, name, data, message):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        read(p)
    assert str(p) in str(info.value)


def test_a_truncated_parquet_file(tmp_path):
    p = tmp_path / "t.parquet"
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["O", "P"], "text": ["T.", "U."]}).to_parquet(p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="cannot be read as Parquet"):
        read(p)


# -- never writing into the input ------------------------------------------------------------

def test_scale_refuses_to_write_into_the_folder_of_its_input(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    src = data / "articles.parquet"
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["O", "P"], "text": ["T.", "U."]}).to_parquet(src)
    before = src.read_bytes()
    assert main(["scale", str(src), "--out", str(data)]) == 1
    err = capsys.readouterr().err
    assert "is the folder that holds the input" in err and "articles.parquet would overwrite the input" in err
    assert "--out " in err and "-results" in err
    assert src.read_bytes() == before and sorted(p.name for p in data.iterdir()) == ["articles.parquet"]


def test_scale_and_report_refuse_an_existing_file_as_out(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(record(1) + record(2))
    target = tmp_path / "results.txt"
    target.write_text("keep me")
    assert main(["scale", str(src), "--out", str(target)]) == 1
    assert "is an existing file, not a folder" in capsys.readouterr().err
    corpus = write_corpus(tmp_path / "corpus", PLAIN, load=False)
    assert main(["report", "--corpus", str(corpus), "--out", str(target)]) == 1
    assert "is an existing file, not a folder" in capsys.readouterr().err
    assert target.read_text() == "keep me"


def test_report_refuses_an_out_folder_inside_the_corpus(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus", PLAIN, load=False)
    before = sorted(p.relative_to(corpus) for p in corpus.rglob("*"))
    for out in (corpus, corpus / "site"):
        assert main(["report", "--corpus", str(corpus), "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert "is inside the input folder" in err and "Give a folder outside it" in err
    assert sorted(p.relative_to(corpus) for p in corpus.rglob("*")) == before


def test_check_output_accepts_a_folder_beside_the_inputs(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", PLAIN, load=False)
    assert check_output(tmp_path / "site", [corpus]) == (tmp_path / "site").resolve()
    with pytest.raises(OutputError):
        check_output(corpus / "x", [corpus])


# -- the command line: one line, exit 1, no traceback ----------------------------------------

def test_file_system_errors_become_one_line(tmp_path, capsys):
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    assert main(["validate", str(loop)]) == 1
    assert "symbolic link that leads nowhere" in capsys.readouterr().out
    assert main(["validate", str(tmp_path / ("x" * 300))]) == 1
    said = capsys.readouterr()
    assert "File name too long" in said.out + said.err and "x" * 300 in said.out + said.err
    assert main(["validate", str(tmp_path / "a\x00b")]) == 1
    assert "NUL character" in capsys.readouterr().out
    assert main(["scale", str(tmp_path / "a\x00b.jsonl"), "--out", str(tmp_path / "o")]) == 1
    assert "NUL character" in capsys.readouterr().err


def test_an_oserror_from_anywhere_is_one_line_naming_the_file(monkeypatch, capsys, tmp_path):
    import errno

    import analysis.corpus as corpus_pkg

    def boom(path, **_):
        raise OSError(errno.ELOOP, "Too many levels of symbolic links", str(path))

    monkeypatch.setattr(corpus_pkg.formats, "validate_any", boom)
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"Error: {tmp_path}: Too many levels of symbolic links")
    assert "points (through others) back to itself" in err

    def bad_value(path, **_):
        raise ValueError("embedded null byte")

    monkeypatch.setattr(corpus_pkg.formats, "validate_any", bad_value)
    assert main(["validate", str(tmp_path)]) == 1
    assert "NUL character" in capsys.readouterr().err


def test_a_real_command_prints_no_traceback(tmp_path):
    p = tmp_path / "t.jsonl.gz"
    p.write_bytes(gzip.compress((record(1) + record(2)).encode())[:-12])
    run = subprocess.run([sys.executable, "-m", "analysis", "scale", str(p), "--out", str(tmp_path / "o")],
                         capture_output=True, text=True, cwd=PROJ_ROOT)
    assert run.returncode == 1 and "Traceback" not in run.stderr and str(p) in run.stderr


def test_a_kwic_regex_that_does_not_compile_is_a_clear_error(tmp_path):
    corpus = write_corpus(tmp_path / "c", PLAIN)
    with pytest.raises(KeywordError, match=r"is not a valid regular expression .*match=\"word\""):
        side_by_side(corpus, "talks (", match="regex")
    with pytest.raises(ValueError, match="is empty"):
        keyword_in_context(corpus, "  ")
    assert len(keyword_in_context(corpus, "talks (", match="word")) == 0


# -- the main job on a plain corpus with no passive verb --------------------------------------

def test_no_passive_gives_typed_empty_columns(tmp_path):
    corpus = write_corpus(tmp_path / "c", PLAIN)
    table = agency.passives(corpus)
    assert table.empty and table["has_agent"].dtype == bool
    agentless = table[~table["has_agent"]][["outlet", "verb_group", "text"]]  # as the notebook does
    assert list(agentless.columns) == ["outlet", "verb_group", "text"]
    assert agency.passive_finding(agency.passive_summary(table, corpus)) == "The rules find no passive construction in the corpus."


def test_the_framing_notebook_runs_on_two_plain_articles_without_a_passive(tmp_path):
    from analysis.site.report import run_report

    corpus = write_corpus(tmp_path / "corpus", PLAIN, load=False)
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    for name in ("00-corpus-tour.ipynb", "01-framing.ipynb"):
        shutil.copy(NOTEBOOKS_DIR / name, nbdir / name)
    index = run_report(corpus, tmp_path / "site", notebooks_dir=nbdir, progress=None)
    assert index.is_file() and (tmp_path / "site" / "01-framing.html").is_file()
