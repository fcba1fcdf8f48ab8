"""Bad corpus folders get a clear problem naming the file and line, never a silent loss
(metadata.csv quoting, ragged rows, reserved columns, files listed twice, outlets written two
ways, articles cleaning leaves empty), and an outlet's name removes only its masthead."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import corpus_from_frame, load_corpus, validate_corpus
from analysis.corpus.cleaning import clean_article
from analysis.errors import CorpusError
from tests.corpus_folders import write_corpus

TEXT = "The minister spoke on Monday. She said talks would go on.\n"
FILES = {"a.txt": TEXT, "b.txt": TEXT, "c.txt": TEXT}


def problems(tmp_path, metadata, files=FILES):
    folder = write_corpus(tmp_path / "c", files=files, metadata=metadata, load=False)
    found = validate_corpus(folder)
    with pytest.raises(CorpusError):
        load_corpus(folder)
    return [str(p) for p in found], found


def test_an_unclosed_quote_that_swallows_rows_is_an_error_with_its_line(tmp_path):
    text, found = problems(tmp_path, 'article_id,outlet,file,headline\na,X,a.txt,"Talks go on\nb,Y,b.txt,Fine\nc,Z,c.txt,"Ok"\n')
    assert len(found) == 1 and found[0].file == "metadata.csv" and found[0].line == 2
    assert "still open" in text[0] and "close the quote" in text[0]


def test_an_unclosed_quote_to_the_end_of_the_file(tmp_path):
    _, found = problems(tmp_path, 'article_id,outlet,file,headline\na,X,a.txt,Fine\nb,Y,b.txt,"Open\nc,Z,c.txt,Ok\n')
    assert [(p.line, p.column) for p in found] == [(3, None)]


def test_ragged_rows_name_their_lines(tmp_path):
    _, found = problems(tmp_path, "article_id,outlet,file\na,X,a.txt,extra\nb,Y\nc,Z,c.txt\n")
    assert [(p.line, "fields but the header has 3" in p.message) for p in found] == [(2, True), (3, True)]


@pytest.mark.parametrize("column", ["text", "raw_text", "n_words", "dateline"])
def test_a_column_the_package_computes_is_refused_not_overwritten(tmp_path, column):
    text, found = problems(tmp_path, f"article_id,outlet,file,{column}\na,X,a.txt,mine\nb,Y,b.txt,mine\n")
    assert len(found) == 1 and found[0].line == 1
    assert column in found[0].message and "rename the column" in found[0].fix


def test_corpus_from_frame_refuses_a_computed_column_too():
    frame = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [TEXT], "n_words": [3]})
    with pytest.raises(CorpusError, match="n_words.*rename the column"):
        corpus_from_frame(frame)


def test_one_file_for_two_ids_and_metadata_listed_as_an_article(tmp_path):
    _, found = problems(tmp_path, "article_id,outlet,file\na,X,a.txt\nb,Y,./a.txt\nc,Z,metadata.csv\n")
    assert [(p.line, p.column) for p in found] == [(3, "file"), (4, "file")]
    assert "listed again, for article 'b' (first on line 2, for 'a')" in found[0].message
    assert "metadata.csv itself" in found[1].message


def test_outlets_differing_only_by_case_or_unicode_form(tmp_path):
    nfc, nfd = "Caf\u00e9 Times", "Cafe\u0301 Times"
    _, found = problems(tmp_path, f"article_id,outlet,file\na,{nfc},a.txt\nb,{nfd},b.txt\nc,CAF\u00c9 TIMES,c.txt\n")
    assert [(p.line, p.column) for p in found] == [(3, "outlet"), (4, "outlet")]
    assert "Unicode normalisation" in found[0].message and "\\u0301" in found[0].message
    assert "only in case" in found[1].message and "line 2" in found[1].fix


def test_an_article_that_is_only_its_headline_is_a_problem(tmp_path):
    _, found = problems(
        tmp_path, "article_id,outlet,file,headline\na,X,a.txt,Talks fail\nb,Y,b.txt,\n",
        files={"a.txt": "Talks fail\n", "b.txt": TEXT},
    )
    assert len(found) == 1 and found[0].file == "a.txt" and found[0].line == 1
    assert "no text left after cleaning" in found[0].message and "metadata.csv line 2" in found[0].message
    assert "headline rule" in found[0].message


def test_unreadable_paths_are_problems_not_tracebacks(tmp_path):
    folder = tmp_path / "c"
    write_corpus(folder, files={"a.txt": TEXT}, metadata="article_id,outlet,file\n" + "a,X,a.txt\n"
                 + "b,Y,loop.txt\n" + "c,Z,\"x\x00.txt\"\n" + f"d,W,{'y' * 300}.txt\n", load=False)
    (folder / "loop.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop.txt")
    found = validate_corpus(folder)
    assert [(p.line, p.column) for p in found] == [(3, "file"), (4, "file"), (5, "file")]
    assert all("cannot be read" in p.message for p in found)


@pytest.mark.parametrize(
    "outlet, first_line, kept",
    [
        ("AP", "Apparently talks failed today.", True),
        ("The", "The talks failed today.", True),
        ("The", "The talks failed", True),
        ("AP", "AP", False),
        ("AP", "AP News", False),
        ("The Independent", "The Independent UK", False),
        ("CNN", "CNN | World", False),
        ("Reuters", "Reutersville mayor resigns", True),
    ],
)
def test_the_masthead_rule_matches_the_outlet_as_whole_words_only(outlet, first_line, kept):
    raw = f"{first_line}\n\nThe second paragraph says more about the talks.\n"
    result = clean_article(raw, {"outlet": outlet})
    assert (first_line in result.text) is kept, result.removed


def test_an_outlet_called_ap_keeps_the_opening_line_in_a_loaded_corpus(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"a": ("AP", ["Apparently talks failed today.", "More later."]),
                                            "b": ("The", ["The talks failed today.", "More later."])})
    assert corpus.articles["text"].str.startswith(("Apparently", "The talks")).all()
    assert corpus.audit.empty
