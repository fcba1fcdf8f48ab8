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
    assert set(table["doer_status"]) <= {"named", "left out", "not in the clause"}
    # Read by hand: the FT names the drone attack as what killed three people in Pavlohrad ...
    ft = table[(table["article_id"] == "ft") & (table["done_to"] == "three people")]
    assert list(ft["doer"]) == ["a Russian drone attack"]
    # ... and leaves the agent of the general's killing out ("was killed in a car bombing").
    moskalik = table[(table["article_id"] == "ft") & (table["done_to_actors"] == "Yaroslav Moskalik")]
    assert list(moskalik["doer_status"]) == ["left out"]
