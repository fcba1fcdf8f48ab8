"""Violence verbs: doer, done-to and voice; nouns and idioms left alone; the seeds."""

from __future__ import annotations

import pytest

from analysis.corpus.register import corpus_register
from analysis.framing.violence import find_violence, violence
from analysis.paths import BUNDLED_CORPUS

REGISTER = corpus_register(BUNDLED_CORPUS)  # the bundled corpus's people and places, as corpus data


def one(text: str) -> dict:
    found = find_violence(text, register=REGISTER)
    assert len(found) == 1, found
    return found[0]


def test_violence_active_names_doer_and_done_to():
    v = one("In eastern Ukraine, a Russian drone attack on the city killed three people overnight.")
    assert (v["lemma"], v["voice"], v["doer"], v["done_to"], v["doer_status"]) == (
        "kill", "active", "a Russian drone attack", "three people", "named")


def test_violence_passive_without_by_leaves_the_doer_out():
    v = one("Officials said Yaroslav Moskalik, a deputy head of the general staff, was killed in a car bombing.")
    assert (v["voice"], v["doer"], v["done_to"], v["doer_status"]) == ("passive", "", "Yaroslav Moskalik", "left out")
    assert v["done_to_actors"] == "Yaroslav Moskalik"


def test_violence_passive_with_by_names_the_doer():
    v = one("The general was killed by a bomb in a parked car.")
    assert (v["voice"], v["doer"], v["doer_status"]) == ("passive", "a bomb", "named")


def test_violence_reduced_passive_and_coordination():
    v = one("Zelensky spoke of a peninsula seized by Russia in 2014.")
    assert (v["voice"], v["doer"], v["doer_actors"]) == ("passive (reduced)", "Russia", "Russia")
    both = find_violence("The strike, which killed 12 civilians and wounded 90 more, came at night.")
    assert [(x["lemma"], x["doer"], x["done_to"]) for x in both] == [
        ("kill", "The strike", "12 civilians"), ("wound", "The strike", "90 more")]


@pytest.mark.parametrize(
    "text",
    [
        "A Russian drone attack on Pavlohrad came at night.",
        "It was the deadliest strike on Kyiv this year.",
        "The return of killed soldiers’ remains continued.",
        "Zelensky hit back at the mayor.",
        "The bombing was reported on Friday.",
    ],
)
def test_violence_nouns_and_idioms_are_not_verbs(text):
    assert find_violence(text) == []


def test_violence_headline_style():
    v = one("General killed")
    assert (v["voice"], v["doer_status"]) == ("passive (reduced)", "left out")


def test_seed_violence_table(corpus):
    table = violence(corpus)
    texts = corpus.articles["text"]
    for r in table.itertuples(index=False):
        assert texts[r.article_id][r.start : r.end] == r.verb
    assert set(table["doer_status"]) <= {"named", "left out", "not in the clause", "hypothetical", "negated"}
    assert set(table["mood"]) <= {"reported", "hypothetical", "negated"}
    kinds = corpus.sentences().set_index(["article_id", "sentence"])["paragraph_kind"]
    assert all(kinds[(r.article_id, r.sentence)] == "body" for r in table.itertuples(index=False))
    # Read by hand: the FT names the drone attack as what killed three people in Pavlohrad ...
    ft = table[(table["article_id"] == "ft") & (table["done_to"] == "three people")]
    assert list(ft["doer"]) == ["a Russian drone attack"]
    # ... and leaves the agent of the general's killing out ("was killed in a car bombing").
    moskalik = table[(table["article_id"] == "ft") & (table["done_to_actors"] == "Yaroslav Moskalik")]
    assert list(moskalik["doer_status"]) == ["left out"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine is wary of any deal that could be struck between the two capitals.",
        "Negotiators struck a deal late on Friday.",
        "Shares hit a record high on Monday.",
        "The government will seize the moment to execute its plan.",
    ],
)
def test_violence_idioms_with_their_objects_give_no_row(text):
    assert find_violence(text) == []


@pytest.mark.parametrize(
    "text, verb",
    [
        ("The army could have killed more people, officials said.", "killed"),
        ("Officials fear that more soldiers would be killed in a new offensive.", "killed"),
        ("The militia threatened to attack the convoy.", "attack"),
        ("If the rebels are attacked again, the truce ends.", "attacked"),
        ("Nothing showed that he was likely to bomb the race.", "bomb"),
    ],
)
def test_violence_modal_and_hypothetical_uses_hide_no_doer(text, verb):
    v = one(text)
    assert (v["verb"], v["mood"], v["doer_status"]) == (verb, "hypothetical", "hypothetical")


def test_violence_negated_uses_hide_no_doer():
    v = one("The guard was not injured in the blast.")
    assert (v["mood"], v["doer_status"]) == ("negated", "negated")


def test_violence_reported_uses_stay_as_they_were():
    v = one("Three soldiers were killed on Monday, officials said.")
    assert (v["mood"], v["doer_status"]) == ("reported", "left out")


def test_violence_guards_are_data(tmp_path):
    from analysis.framing.schemes import SchemeError
    from analysis.framing.violence import load_guards

    g = load_guards()
    assert "deal" in g.not_violent_objects["strike"] and "could" in g.hypothetical_modals
    bad = tmp_path / "words.toml"
    bad.write_text("[violence_guards]\nconditionals = []\n", encoding="utf-8")
    with pytest.raises(SchemeError, match="violence_guards"):
        load_guards(bad)
