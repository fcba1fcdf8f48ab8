"""Who a speaker is (analysis.sourcing.speakers): canonical names, completed surnames, roles, descriptions,
pronouns left empty when nobody fits, and the register's head lookup they rely on.
"""

from __future__ import annotations

from analysis.corpus.register import corpus_register, load_register
from analysis.paths import BUNDLED_CORPUS
from tests.sourcing.helpers import one, only


def test_every_variant_gets_one_canonical_name():
    text = "Zelenskyy said he was “ready”. Mr Zelensky called it “fair”. Ukraine’s president said it was “final”."
    assert {r["speaker"] for r in only(text)} == {"Volodymyr Zelensky"}


def test_surname_is_completed_from_the_article():
    rows = only("Jeff Merkley spoke first.\n\n“We need a vote,” Merkley said.")
    assert (rows[0]["speaker"], rows[0]["speaker_type"], rows[0]["via"]) == ("Jeff Merkley", "person", "name")


def test_roles_organisations_and_anonymous_speakers():
    row = one("A European official familiar with the drafts said the plan offered “robust” guarantees.")
    assert (row["speaker"], row["speaker_type"]) == ("a European official", "anonymous")
    row = one("Zelensky’s spokesman said the plan was “unacceptable”.")
    assert (row["speaker"], row["speaks_for"]) == ("Volodymyr Zelensky’s spokesman", "Volodymyr Zelensky")
    row = one("“It was useful,” the official said.", paragraphs=None)
    assert (row["speaker"], row["speaker_type"]) == ("the official", "anonymous")
    row = one("“It was useful,” the conference speaker said.")
    assert (row["speaker"], row["speaker_type"]) == ("the conference speaker", "role")


def test_definite_description_goes_back_to_the_earlier_role():
    text = "A European official familiar with the drafts spoke to CNN.\n\nThe plan offered “robust security guarantees”, the official said."
    rows = only(text)
    assert rows[-1]["speaker"] == "a European official" and rows[-1]["via"] == "description"


def test_unresolvable_pronoun_is_left_empty_not_guessed():
    row = one("“We will see,” he said.")
    assert row["speaker"] == "" and row["speaker_mention"] == "he"


def test_register_head_picks_the_phrase_head():
    reg = corpus_register(BUNDLED_CORPUS)
    assert reg.head("Putin’s foreign policy adviser").canonical == "Yuri Ushakov"
    assert reg.head("Russia’s foreign ministry spokeswoman Maria Zakharova").canonical == "Maria Zakharova"
    assert reg.head("Zelensky’s spokesman") is None
    assert reg.head("Mr Trump").canonical == "Donald Trump"
    # the shared API is unchanged
    assert [m.canonical for m in reg.find("Mr Zelensky met Zelenskyy’s aides.")] == ["Volodymyr Zelensky", "Volodymyr Zelensky"]
    assert reg.info("Kremlin")["role_type"] == "government" and reg.info("Nobody")["kind"] == "unregistered"
