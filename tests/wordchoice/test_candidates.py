"""Candidate naming variants found in the text (analysis.wordchoice.candidates), on texts written for these tests."""

from __future__ import annotations

import re
import tomllib

import pytest

from analysis import wordchoice
from analysis.corpus import load_corpus
from analysis.corpus.story import parse_concepts
from analysis.wordchoice.candidates import spelling_key, split_score, transliteration_key
from tests.corpus_folders import write_corpus


def forms_of(candidates) -> list[set[str]]:
    return [set(g["form"]) for _, g in candidates.groupby("candidate", sort=True)]


@pytest.fixture(scope="module")
def two_outlets(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("cand"), {
        "a": ("Left", [
            "President Zelenskyy met the envoy in Kyiv. Its staff said undocumented immigrants waited at the border.",
            "The zero-tolerance policy sent families to detention centres, and the police policy changed.",
            "There were three meetings on Friday. Friday's talks were held direct talks, officials said.",
            "Undocumented immigrants filed claims. The immigrants left. The separation of families went on; separations grew.",
        ]),
        "b": ("Right", [
            "President Zelensky met the envoy in Kiev. It's clear illegal immigrants waited at the U.S. border.",
            "The zero tolerance policy sent families to detention centers, and the Crimean police policy changed in Crimea.",
            "There were three meetings on Friday. Friday's talks were held direct talks, officials said.",
            "Illegal immigrants filed claims. Separations grew, us and them.",
        ]),
    })


def test_keys():
    assert spelling_key("U.S.") == spelling_key("US") == "us"
    assert spelling_key("it's") != spelling_key("its")
    assert transliteration_key("Zelenskyy") == transliteration_key("Zelensky") == transliteration_key("Zelenskiy")
    assert transliteration_key("organisation") == transliteration_key("organization")


def test_spellings_and_modifiers_that_set_outlets_apart(two_outlets):
    found = forms_of(wordchoice.naming_candidates(two_outlets, limit=0))
    for expected in [{"Zelenskyy", "Zelensky"}, {"Kyiv", "Kiev"}, {"zero-tolerance", "zero tolerance"}, {"centres", "centers"},
                     {"undocumented immigrants", "illegal immigrants"}]:
        assert any(expected <= f for f in found), (expected, found)


def test_words_that_are_not_spellings_of_each_other(two_outlets):
    found = forms_of(wordchoice.naming_candidates(two_outlets, limit=0))
    for pair in [{"its", "it's"}, {"There", "three"}, {"there", "three"}, {"police", "policy"}, {"separation", "separations"},
                 {"Crimea", "Crimean"}, {"us", "U.S."}, {"Friday's talks", "direct talks"}]:
        assert not any(pair <= f for f in found), (pair, found)
    # forms every outlet shares ("Friday's talks", "direct talks") make no candidate; nor does "held direct"
    assert not any("talks" in " ".join(f) for f in found), found


def test_shares_counts_and_offsets(two_outlets):
    c = wordchoice.naming_candidates(two_outlets, limit=0)
    row = c[(c["form"] == "undocumented immigrants") & (c["outlet"] == "Left")].iloc[0]
    assert (row["count"], row["share"], row["kind"], row["head"]) == (2, 1.0, "modifier", "immigrants")
    text = two_outlets.articles.loc[row["first_article"], "text"]
    assert text[row["first_start"] : row["first_end"]] == "undocumented immigrants"
    assert (c.groupby(["candidate", "outlet"])["share"].sum().round(9) == 1).all()
    assert set(c["split"]) >= {1}


def test_split_score():
    where = lambda *outlets: [("a", o, 0, 1) for o in outlets]  # noqa: E731
    assert split_score({"x": where("A", "B"), "y": where("B")}) == 0  # everybody writes x: they agree
    assert split_score({"x": where("A"), "y": where("B"), "z": where("C")}) == 2


def test_display_finding_and_a_story_file_drafted_from_them(two_outlets, tmp_path):
    c = wordchoice.naming_candidates(two_outlets)
    shown = wordchoice.candidates_display(c, outlets=two_outlets.outlets)
    assert list(shown.columns) == ["Left", "Right"] and shown.index.names == ["candidate", "form"]
    finding = wordchoice.candidates_finding(c)
    assert finding.startswith("- Candidate 1, ") and "Left" in finding
    draft = wordchoice.story_template(c)
    toml = re.search(r"```toml\n(.*)\n```", draft, re.S).group(1)
    concepts, problems = parse_concepts(tomllib.loads(toml)["concept"], file="story.toml")
    assert not problems and len(concepts) == 3
    # the draft, saved as the corpus's story file, counts the forms it names
    folder = write_corpus(tmp_path / "drafted", {aid: (r["outlet"], r["raw_text"]) for aid, r in two_outlets.articles.iterrows()}, load=False)
    (folder / "story.toml").write_text(toml, encoding="utf-8")
    table = wordchoice.naming_table(load_corpus(folder))
    first = c[c["candidate"] == 1]
    counted = table[table["concept"] == table["concept"].iat[0]].groupby("variant")["count"].sum()
    assert counted.sum() == first["count"].sum()


def test_nothing_varies_says_so(tmp_path):
    same = write_corpus(tmp_path / "same", {"a": ("Left", "The mayor spoke."), "b": ("Right", "The mayor spoke.")})
    c = wordchoice.naming_candidates(same)
    assert c.empty and wordchoice.candidates_display(c).empty
    assert wordchoice.candidates_finding(c).startswith("No candidate found")
    assert "[[concept]]" in wordchoice.story_template(c)


def test_hostile_forms_stay_text(tmp_path):
    evil = write_corpus(tmp_path / "evil", {
        "a": ("<b>Left</b>", "Dr Smith_x met the [crowd](javascript:alert(1)) leader. The `angry` leader left."),
        "b": ("Right", "Dr Smyth_x met the crowd. The calm leader left."),
    })
    c = wordchoice.naming_candidates(evil, limit=0)
    finding = wordchoice.candidates_finding(c)
    assert "<b>" not in finding and "](javascript" not in finding
    draft = wordchoice.story_template(c)
    block = re.search(r"```toml\n(.*)\n```", draft, re.S).group(1)
    tomllib.loads(block)  # whatever the forms, the draft is valid TOML
