"""The story file of a corpus (analysis.corpus.story): read, checked, and used by the analyses."""

from __future__ import annotations

import pytest

from analysis import framing, sourcing
from analysis.corpus import load_corpus
from analysis.corpus.register import corpus_register
from analysis.corpus.story import STORY_FILE, load_story, story_problems
from analysis.errors import CorpusError
from analysis.paths import BUNDLED_CORPUS
from tests.corpus_folders import write_corpus

ARTICLES = {
    "a": ("Left", "The Vellmar dam burst on Monday, officials said.\n\nA people's council called it the Vellmar catastrophe."),
    "b": ("Right", "The dam at Vellmar failed, according to a spillway engineer close to the works.\n\nNobody was hurt."),
}


def corpus_with(tmp_path, story: str | None, **files):
    folder = write_corpus(tmp_path / "c", ARTICLES, load=False)
    if story is not None:
        (folder / STORY_FILE).write_text(story, encoding="utf-8")
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return folder


def test_a_corpus_without_a_story_file_has_an_empty_story(tmp_path):
    story = load_story(corpus_with(tmp_path, None))
    assert not story.given and story.concepts == () and story.keywords == () and story.title == "" and story.register is None
    assert story_problems(corpus_with(tmp_path, None)) == []


def test_the_bundled_story_file_holds_what_is_particular_to_its_story():
    story = load_story(BUNDLED_CORPUS)
    assert story.given and story.register == (BUNDLED_CORPUS / "register.csv").resolve()
    assert [c.id for c in story.concepts][:3] == ["war", "kyiv", "zelensky"]
    assert [k.word for k in story.keywords] == ["crisis", "claimed", "Crimea"]
    assert {e["id"] for e in story.events} == {"violence", "proposal", "territory"}
    assert "Witkoff" in story.title


def test_every_field_is_read(tmp_path):
    folder = corpus_with(tmp_path, """
title = "The Vellmar dam fails"
register = "people.csv"

[[concept]]
id = "dam"
name = "What happened to the dam"
note = "burst or failed: who is to blame?"
  [[concept.variant]]
  label = "burst"
  patterns = ['burst']
  [[concept.variant]]
  label = "failed"
  patterns = ['fail(?:ed|ure)']

[[keyword]]
word = "Vellmar"
match = "prefix"
note = "the place"

[[event]]
id = "disaster"
terms = ["dam burst", "dam failed"]

[[event]]
id = "inquiry"
label = "public inquiry"
terms = ["people's council"]

[[vague]]
class = "anonymous"
label = "an engineer close to the works"
regex = '\\ban?\\s+\\w+\\s+engineer\\s+close\\s+to\\b'
""", people__csv="canonical,kind,variants,role_variants,affiliation,country,role_type\nAnna Vell,person,Vell,,,,\n")
    story = load_story(folder)
    assert story.title == "The Vellmar dam fails" and story.register.name == "people.csv"
    assert [v.label for v in story.concepts[0].variants] == ["burst", "failed"]
    assert story.keywords[0].match == "prefix" and story.vague[0][0] == "anonymous"
    corpus = load_corpus(folder)
    # the register the story file names is the one the corpus is read with
    assert "Anna Vell" in set(corpus_register(corpus).table["canonical"])
    # its event cues are added to the package's (a package id gains cues; a new id is a new kind)
    lede = framing.headline_and_lede(corpus)
    assert "disaster (dam burst)" in lede.loc[lede["article_id"] == "a", "events_lede"].item()
    assert "public inquiry (people's council)" in lede.loc[lede["article_id"] == "a", "events_lede"].item()
    # its vague-sourcing phrases are added to the package's
    vague = sourcing.vague_sourcing(corpus)
    assert "an engineer close to the works" in set(vague["label"])
    # and a corpus without the file gets the package's cues alone
    plain = load_corpus(corpus_with(tmp_path / "p", None))
    assert "public inquiry" not in " ".join(framing.headline_and_lede(plain)["events_lede"])


@pytest.mark.parametrize(
    "text, line, message",
    [
        ('title = "x"\n[[concept]]\nid = "a"\nname = "A"\n', 2, r"concept 1 \(a\) lacks note, variant"),
        ('[[concept]]\nid = "a"\nname = "A"\nnote = "n"\n  [[concept.variant]]\n  label = "x"\n  patterns = ["(unclosed"]\n', 1, "not a valid regular expression"),
        ('[[concepts]]\nid = "a"\n', 1, "unknown field 'concepts'"),
        ('title = "a\n', 1, "is not valid TOML"),
        ('\n\n[[keyword]]\nword = "x"\nmatch = "fuzzy"\n', 3, "match = 'fuzzy' is not one of word, prefix, regex"),
        ('[[event]]\nid = "x"\nterms = "one"\n', 1, "has no list of cues"),
        ('[[vague]]\nclass = "rumour"\nlabel = "x"\nregex = "x"\n', 1, "class = 'rumour'"),
        ('register = "../elsewhere.csv"\n', 1, "not a CSV file inside the corpus folder"),
    ],
)
def test_a_bad_story_file_is_named_with_its_line_and_fix(tmp_path, text, line, message):
    folder = corpus_with(tmp_path, text)
    problems = story_problems(folder)
    assert problems and problems[0].file == "story.toml" and problems[0].line == line, problems
    assert any(__import__("re").search(message, str(p)) for p in problems), problems
    with pytest.raises(CorpusError, match=r"story.toml, line \d+: .*; "):
        load_story(folder)


def test_a_changed_story_file_is_read_again(tmp_path):
    folder = corpus_with(tmp_path, 'title = "one"\n')
    assert load_story(folder).title == "one"
    import os
    import time

    path = folder / STORY_FILE
    path.write_text('title = "two"\n', encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))
    assert load_story(folder).title == "two"


def test_the_report_refuses_a_broken_story_file_before_any_notebook_runs(tmp_path):
    from analysis.site.report import run_report

    folder = corpus_with(tmp_path, '[[concept]]\nid = "a"\n')
    with pytest.raises(CorpusError, match="story.toml, line 1"):
        run_report(folder, tmp_path / "site", progress=None)
    assert not (tmp_path / "site").exists()


def test_validate_lists_the_story_files_problems_with_the_corpus_problems(tmp_path):
    from analysis.corpus import validate_corpus

    folder = corpus_with(tmp_path, '[[event]]\nid = "x"\nterms = "one"\n')
    problems = validate_corpus(folder)
    assert [p.file for p in problems] == ["story.toml"] and problems[0].line == 1, problems
    assert validate_corpus(corpus_with(tmp_path / "good", 'title = "fine"\n')) == []
