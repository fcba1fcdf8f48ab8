"""The register in two layers (analysis.corpus.register): the package's media, a corpus's own people and roles."""

from __future__ import annotations

import pytest

from analysis.corpus.register import corpus_register, load_register
from analysis.errors import LexiconError
from analysis.paths import BUNDLED_CORPUS
from analysis.sourcing import extract_quotes
from tests.corpus_folders import write_corpus

COLUMNS = "canonical,kind,variants,role_variants,affiliation,country,role_type\n"


def test_the_package_register_holds_media_and_no_role():
    table = load_register().table
    assert set(table["kind"]) == {"media"}
    assert (table["role_variants"] == "").all()


def test_a_corpus_without_a_register_gets_no_person_and_no_role(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"a": ("Daily", "The vice president met Reuters reporters. “We agreed,” the vice president said.")})
    reg = corpus_register(corpus)
    assert reg is load_register()
    assert [m.canonical for m in reg.find("The vice president told Reuters.")] == ["Reuters"]
    q = extract_quotes(corpus)
    assert q["speaker"].tolist() == ["the vice president"]  # a role as the text gives it, nobody's name


def test_a_corpus_register_adds_people_and_roles_and_replaces_package_rows(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"a": ("Daily", "“We agreed,” the vice president said.")},
                          files={"register.csv": "# my story\n" + COLUMNS
                                 + "Ada Lovelace,person,Ada Lovelace|Lovelace,the vice president,,GBR,government\n"
                                 + "Reuters,media,Reuters|the agency,,Thomson Reuters,GBR,media\n"})
    reg = corpus_register(corpus)
    assert reg is corpus_register(corpus.path)  # one object while the file is unchanged
    assert [m.canonical for m in reg.find("Lovelace told the agency and AFP.")] == ["Ada Lovelace", "Reuters", "AFP"]
    assert extract_quotes(corpus)["speaker"].tolist() == ["Ada Lovelace"]


def test_a_register_without_its_columns_names_the_file_and_the_fix(tmp_path):
    folder = tmp_path / "c"
    write_corpus(folder, {"a": ("Daily", "Text of the article.")}, files={"register.csv": "name,kind\nX,person\n"}, load=False)
    with pytest.raises(LexiconError, match=r"register\.csv, line 1: .*canonical,kind,variants"):
        corpus_register(folder)


def test_the_bundled_corpus_carries_its_own_register():
    reg = corpus_register(BUNDLED_CORPUS)
    assert (BUNDLED_CORPUS / "register.csv").is_file()
    assert len(reg.table) > len(load_register().table)
