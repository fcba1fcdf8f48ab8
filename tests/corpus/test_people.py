"""People found in the corpus's own text (analysis.corpus.people), and the register that carries them."""

from __future__ import annotations

from analysis.corpus.people import people_in_texts
from analysis.corpus.register import corpus_register
from analysis.sourcing import extract_quotes
from tests.corpus_folders import write_corpus


def _people(*texts: str) -> dict[str, str]:
    t = people_in_texts(list(texts))
    return dict(zip(t["canonical"], t["variants"]))


def test_the_forms_of_one_name_merge_under_the_longest():
    people = _people("Dr. Helena Marsh Vance testified on Monday.", "Marsh Vance said she was afraid.",
                     "Helena Vance told the panel. Vance left.")
    assert people == {"Helena Marsh Vance": "Helena Marsh Vance|Helena Vance|Marsh Vance|Vance"}


def test_two_people_with_one_surname_stay_apart_and_the_bare_surname_names_neither():
    people = _people("Peter Okafor said the plan works.", "Grace Okafor said it does not. Okafor left.")
    assert people == {"Grace Okafor": "Grace Okafor", "Peter Okafor": "Peter Okafor"}


def test_places_and_bodies_are_not_people_and_titles_become_roles():
    t = people_in_texts(["The South Carolina primary is near. The Supreme Court ruled. Sen. Tomas Ruiz said it was wrong."])
    assert t["canonical"].tolist() == ["Tomas Ruiz"]
    assert t["roles"].tolist() == ["Sen."]


def test_a_chain_needs_evidence_to_be_a_new_person():
    # no title, no first name in the list, no reporting verb: "Blue Ridge" is not a person
    assert _people("They drove to Blue Ridge on Monday.") == {}
    # the shorter form of a person with evidence needs none of its own
    assert _people("Quill Hadley said it was late. We met Hadley.")["Quill Hadley"] == "Quill Hadley|Hadley"


def test_one_canonical_name_per_person_across_the_corpus(tmp_path):
    corpus = write_corpus(tmp_path / "c", {
        "a": ("Daily", "Helena Marsh Vance testified on Monday. “I was afraid,” Marsh Vance said."),
        "b": ("Weekly", "“It was late,” Vance said on Tuesday."),
    })
    reg = corpus_register(corpus)
    assert "Helena Marsh Vance" in reg
    q = extract_quotes(corpus)
    assert q["speaker"].tolist() == ["Helena Marsh Vance", "Helena Marsh Vance"]


def test_a_register_row_wins_over_a_discovered_person(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"a": ("Daily", "Helena Marsh Vance testified. “No,” Vance said.")},
                          files={"register.csv": "canonical,kind,variants,role_variants,affiliation,country,role_type\n"
                                 "H. M. Vance,person,Helena Marsh Vance|Vance,,Senate,USA,government\n"})
    assert extract_quotes(corpus)["speaker"].tolist() == ["H. M. Vance"]


def test_forms_of_one_given_name_are_one_person():
    """"Steve", "Steven" and "Stephen" of one surname are one person (data/given_name_forms.csv)."""
    people = _people("Breitbart's Steven Calloway was hired as chief executive, officials said.",
                     "Stephen Calloway said he would stay.", "Steve Calloway told reporters.")
    assert list(people) == ["Steven Calloway"] or len(people) == 1, people
    assert set(next(iter(people.values())).split("|")) >= {"Steven Calloway", "Stephen Calloway", "Steve Calloway"}


def test_different_given_names_stay_apart():
    people = _people("Mara Jessup said she would run.", "Owen Jessup said he would not.")
    assert set(people) == {"Mara Jessup", "Owen Jessup"}


def test_bodies_found_in_the_text_with_their_acronym_and_not_titles():
    from analysis.corpus.people import organisations_in_texts

    t = organisations_in_texts([
        "The Labor Department said the Bureau of Labor Statistics (BLS) counted. Senate Majority Leader Ann Kerr "
        "and the White House agreed. We asked Congress. House Speaker Tom Reyes spoke. The GOP-majority House voted.",
        "Party members met. The Supreme Court ruled; the Republican National Committee said so.",
    ])
    assert dict(zip(t["canonical"], t["variants"])) == {
        "Bureau of Labor Statistics": "Bureau of Labor Statistics|BLS", "Congress": "Congress", "House": "House",
        "Labor Department": "Labor Department", "Republican National Committee": "Republican National Committee",
        "Supreme Court": "Supreme Court", "White House": "White House",
    }
    assert set(t["kind"]) == {"organisation"}


def test_the_type_of_a_person_or_body_comes_from_its_titles_or_head_word():
    from analysis.corpus.people import role_type_of

    assert role_type_of("person", "Tomas Ruiz", "Sen.|Sen.") == "government"
    assert role_type_of("person", "Ana Vey", "Gen.|Dr.|Gen.") == "military"
    assert role_type_of("person", "Ana Vey", "") == ""
    assert role_type_of("organisation", "Bureau of Labor Statistics") == "government"
    assert role_type_of("organisation", "Economic Policy Institute") == "expert"
    assert role_type_of("organisation", "Republican National Committee") == ""


def test_found_actors_name_each_person_and_body_once_with_their_outlets():
    import pandas as pd

    from analysis.corpus import corpus_from_frame
    from analysis.corpus.people import found_actors, found_actors_finding

    corpus = corpus_from_frame(pd.DataFrame({
        "article_id": ["a", "b"], "outlet": ["Alpha", "Beta"],
        "text": ["Sen. Tomas Ruiz said the Labor Department erred. Ruiz left.", "Tomas Ruiz said no. The Labor Department agreed."],
    }))
    t = found_actors(corpus)
    assert t[["canonical", "kind", "mentions", "n_outlets", "found"]].values.tolist() == [
        ["Tomas Ruiz", "person", 3, 2, "text"], ["Labor Department", "organisation", 2, 2, "text"]]
    assert t.loc[0, "role_type"] == "government"
    assert found_actors_finding(t, corpus).startswith("The articles name 1 person and 1 organisation (2 of them found in the text")
