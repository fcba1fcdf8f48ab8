"""Frame schemes: the cue files, their errors, and matching (word edges, wildcards, the fast path)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.framing.frames import score_article
from analysis.framing.schemes import SchemeError, _fast_index, load_scheme
from tests.framing.helpers import spans_of


def test_generic_scheme_has_the_five_frames_and_twenty_questions():
    s = load_scheme("generic")
    assert set(s.frames) == {"conflict", "human_interest", "economic", "morality", "responsibility"}
    expected = {f"R{i}" for i in range(1, 6)} | {f"H{i}" for i in range(1, 6)} | {f"C{i}" for i in range(1, 5)}
    expected |= {f"M{i}" for i in range(1, 4)} | {f"E{i}" for i in range(1, 4)}
    assert set(s.questions) == expected
    # every question is stood for by at least one cue group
    assert {q for g in s.groups for q in g.questions} == expected


def test_policy_scheme_has_the_fifteen_codebook_frames():
    s = load_scheme("policy")
    assert sorted(s.codes.values()) == list(range(1, 16))
    assert s.labels["security_defense"] == "Security and defense"
    assert s.fallback == "other"
    assert not [g for g in s.groups if g.frame == "other"]
    assert {g.frame for g in s.groups} == set(s.frames) - {"other"}


def test_a_bad_cue_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('[[frames]]\nid = "x"\nlabel = "X"\n[frames.questions]\nQ1 = "?"\n[[frames.cues]]\nquestion = "Q9"\nterms = ["a"]\n')
    with pytest.raises(SchemeError, match=r"mine\.toml.*Q9"):
        load_scheme(bad)
    star = tmp_path / "star.toml"
    star.write_text('[[frames]]\nid = "x"\nlabel = "X"\n[frames.questions]\nQ1 = "?"\n[[frames.cues]]\nquestion = "Q1"\nterms = ["a*b"]\n')
    with pytest.raises(SchemeError, match=r"'\*' may only end a term"):
        load_scheme(star).matches("ab")


def test_terms_match_on_word_edges_with_wildcards_and_case():
    text = "They accused him. An accusation followed. Unaccustomed. Stop the bloodshed, NOW. Now then. They hit   back."
    spans = spans_of(text)
    rows = score_article(text, spans, scheme="generic")
    cues = {(r["sentence"], r["frame"]): r["cues"] for r in rows}
    assert cues[(0, "Conflict")] == "accused"
    assert cues[(1, "Conflict")] == "accusation"
    assert (2, "Conflict") not in cues  # "Unaccustomed" is not "accus*"
    assert "NOW" in cues[(3, "Responsibility")]
    assert (4, "Responsibility") not in cues  # "now" in lower case is not the urgency cue
    assert cues[(5, "Conflict")] == "hit back"  # any white space between the words of a phrase


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Russia", "rejected", "accusation", "accus", "cease-fire", "peace", "deal", "50%",
                                 "a 40-year-old", "$5", "NOW", "Now", "it’s", "wrong", "the", "people", ",", "."]), max_size=40))
def test_fast_matching_equals_running_every_regex(words):
    text = " ".join(words)
    for name in ("generic", "policy"):
        s = load_scheme(name)
        assert s.matches(text) == s.matches_slow(text)


def test_fast_matching_equals_running_every_regex_on_the_seeds(corpus):
    for name in ("generic", "policy"):
        s = load_scheme(name)
        for text in corpus.articles["text"]:
            assert s.matches(text) == s.matches_slow(text)


_SHARED_FIRST_WORDS = """[[frames]]
id = "x"
label = "X"
[frames.questions]
Q1 = "?"
Q2 = "?"
[[frames.cues]]
question = "Q1"
terms = ["the deal*", "deal", "talks over", "talks"]
[[frames.cues]]
question = "Q2"
terms = ["the dealer", "dealers", "deal*", "the", "talks"]
exact = ["THE", "Talks over"]
patterns = ['\\b\\d+ deals?\\b', 'aged \\d+']
[[frames]]
id = "y"
label = "Y"
[frames.questions]
Y1 = "?"
[[frames.cues]]
question = "Y1"
terms = ["talks", "Ærø talks"]
"""


@pytest.mark.parametrize("text", [
    "The dealer said the deal is off; THE dealers the   dealings. Deal, deals, talks over talks.",
    "Talks over the deal; talks; 3 deals; aged 40; THE Dealer; thedeal; the\ndeal; Ærø talks, KELVIN talks",
    "\u212aelvin the deal, ſtalks, the dealer\u212a, DEAL",
])
def test_a_word_is_matched_with_only_the_alternatives_it_can_begin(tmp_path, text):
    path = tmp_path / "shared.toml"
    path.write_text(_SHARED_FIRST_WORDS, encoding="utf-8")
    s = load_scheme(path)
    assert s.matches(text) == s.matches_slow(text)
    index = _fast_index(s)
    (x, narrowed), (y, whole) = index.begins("Talks")
    assert x == "x" and len(narrowed.pattern) < len(index.terms["x"][0].pattern)
    assert y == "y" and whole is index.terms["y"][0]  # a first word outside ASCII: the frame's whole regex
