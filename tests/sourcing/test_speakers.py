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


def test_it_and_they_go_back_to_the_latest_subject_that_agrees_in_number():
    rows = only("The advisory panel recommends adjustments. Still, the Business Council of Oregon opposed an increase.\n\n"
                "“Keep the tax in place,” it recommended.")
    assert (rows[0]["speaker"], rows[0]["via"]) == ("the Business Council of Oregon", "pronoun")
    row = one("The trade unions rejected the offer on Monday. “We will strike,” they said.")
    assert row["speaker"] == "the trade unions"
    # never a person's role, and not a subject of the wrong number or two paragraphs back
    assert one("The minister was in Paris. Later, “we will strike,” it said.")["speaker"] == ""
    assert one("The trade unions met on Monday. Later, “we will strike,” it said.")["speaker"] == ""
    assert one("The union met.\n\nThe talks ended.\n\nNothing changed.\n\n“We will strike,” it said.")["speaker"] == ""


def test_register_head_picks_the_phrase_head():
    reg = corpus_register(BUNDLED_CORPUS)
    assert reg.head("Putin’s foreign policy adviser").canonical == "Yuri Ushakov"
    assert reg.head("Russia’s foreign ministry spokeswoman Maria Zakharova").canonical == "Maria Zakharova"
    assert reg.head("Zelensky’s spokesman") is None
    assert reg.head("Mr Trump").canonical == "Donald Trump"
    # the shared API is unchanged
    assert [m.canonical for m in reg.find("Mr Zelensky met Zelenskyy’s aides.")] == ["Volodymyr Zelensky", "Volodymyr Zelensky"]
    assert reg.info("Kremlin")["role_type"] == "government" and reg.info("Nobody")["kind"] == "unregistered"


# --- guards that hold outside any one story (issue 12); invented names, no register --------------

def _speakers(text: str) -> list[str]:
    from analysis.sourcing.quotes import quotes_in_text

    return [r["speaker"] for r in quotes_in_text(text) if r["kind"] != "indirect"]


def test_a_place_before_a_role_noun_is_not_the_speaker():
    text = "The Oregon chemistry teacher said she was afraid. “I thought the lab would burn,” she said."
    assert _speakers(text) == ["the Oregon chemistry teacher"]
    assert _speakers("“It is a tie,” Acme campaign manager Dana Wells said.") == ["Dana Wells"]


def test_verbs_that_are_acts_here_are_not_cues():
    from analysis.sourcing.quotes import quotes_in_text

    for text in ("Wells insisted on a “fair hearing” for the nominee.",
                 "The bureau maintains a table of “discouraged workers” every month."):
        (row,) = quotes_in_text(text)
        assert (row["kind"], row["speaker"]) == ("scare", "")
    (row,) = quotes_in_text("Wells insisted: “The hearing was fair.”")
    assert row["speaker"] == "Wells"
    rows = quotes_in_text("“We are ready,” Mary Henry said. She added that she thinks Cole appeals to her members because "
                          "of the “terrible anxiety” they feel.")
    assert [r["speaker"] for r in rows if r["kind"] != "indirect"] == ["Mary Henry", "Mary Henry"]


def test_a_thing_does_not_choose_words():
    from analysis.sourcing.quotes import quotes_in_text

    (row,) = [r for r in quotes_in_text("The increase shows a “robust” market, the data suggest.") if r["kind"] != "indirect"]
    assert (row["kind"], row["speaker"]) == ("scare", "")
    (row,) = [r for r in quotes_in_text("The lawsuit says the delays were “particularly burdensome” for voters.") if r["kind"] != "indirect"]
    assert row["speaker"] == "the lawsuit"  # a document is quoted for its own words


def test_he_and_she_agree_in_gender_with_the_person_they_name():
    assert _speakers("Susan Marsh met Peter Dale on Monday. Dale spoke first. “We will win,” she said.") == ["Susan Marsh"]
    assert _speakers("Ms Marsh met Peter Dale on Monday. Dale spoke first. “We will win,” she said.") == ["Marsh"]
    assert _speakers("Ms Marsh met Mr Dale on Monday. Dale spoke first. “We will win,” he said.") == ["Dale"]
    # the text's own evidence ("Robin said she") with no first name to go by
    assert _speakers("Robin Hale said she would stay. Peter Dale left. “I stay,” she said.") == ["Robin Hale"]


def test_a_role_noun_is_the_person_this_article_gives_that_role():
    text = ("Finance Committee Chairman Omar Reyes opened the session.\n\n"
            "Iris Holt, a chemistry professor, spoke first.\n\n"
            "“We will be fair,” the chairman said. “I am certain,” the professor said.")
    assert _speakers(text) == ["Omar Reyes", "Iris Holt"]
    # with no one given the role in the article, the role stays a role
    assert _speakers("“We will be fair,” the chairman said.") == ["the chairman"]


def test_an_apposition_gives_a_role_after_another_quote():
    text = ("“We will be fair,” Omar Reyes said. Lena Park, the nominee, sat down.\n\n"
            "“I am innocent,” the nominee said.")
    assert _speakers(text) == ["Omar Reyes", "Lena Park"]


# --- Cases from the speakers gold of other stories (gold/speakers/), written with made-up people ----------


def _plain(text: str) -> list[dict]:
    """Quote rows read with the package lexicon alone (no corpus register), as any new corpus is."""
    from analysis.sourcing.lexicon import load_lexicon
    from analysis.sourcing.quotes import quotes_in_text

    return [r for r in quotes_in_text(text, lexicon=load_lexicon()) if r["kind"] != "indirect"]


def test_a_place_after_a_city_is_not_the_he_that_follows():
    text = ("Dana Whitcombe spoke on Friday.\n\nAt a rally in Millbrook, Ohio, he urged voters to join his "
            "“new movement”, saying, “what do you have to lose?”")
    assert {r["speaker"] for r in _plain(text)} == {"Dana Whitcombe"}


def test_numbers_and_a_lone_determiner_are_nobody():
    rows = _plain("Senator Alma Ruiz portrayed a report of just 80,000 jobs as “a step in the right direction,” on Friday.")
    assert all(r["speaker"] not in ("000", "80,000", "The", "the") for r in rows)
    rows = _plain("The resignation, which contradicts claims he would stay, ended his famed slogan “you’re fired”.")
    assert all(r["speaker"] != "contradicts" for r in rows)


def test_a_statement_speaks_for_its_owner():
    rows = _plain("Party Chairman Reince Halvorsen' statement said, “The economy is defined by high unemployment.”")
    assert (rows[0]["speaker"], rows[0]["speaker_type"]) == ("Reince Halvorsen", "person")
    rows = _plain("“It is time to work together,” said a statement by Marta Quell.")
    assert rows[0]["speaker"] == "Marta Quell"
    rows = _plain("“He offered, and I accepted,” said a statement from the Okafor campaign issued on Friday.")
    assert (rows[0]["speaker"], rows[0]["speaker_type"]) == ("Okafor campaign", "organisation")


def test_a_bare_surname_is_the_person_the_article_names_first():
    """News style names a person in full at first reference and by surname after; anyone else of
    that surname is named in full again ("Team Farrow" is a body, not a person)."""
    text = ("The campaign chairman resigned. Team Farrow insisted on it. Donna Farrow thanked him. Donna Farrow left.\n\n"
            "“He offered, and I accepted,” Farrow said in a written statement.")
    assert _plain(text)[0]["speaker"] == "Donna Farrow"
    text = ("Donna Farrow accepted the resignation. Her son Ivo Farrow told a radio host that Ivo Farrow had "
            "warned of it, and Ivo Farrow said so again.\n\n“He offered, and I accepted,” Farrow said.")
    assert _plain(text)[-1]["speaker"] == "Donna Farrow"


def test_another_role_noun_is_another_person():
    """After "the president" names one person, "the Republican candidate" is the other one in view."""
    text = ("Lyle Corrigan is under pressure. The figures will not help his chances, though the president has kept "
            "the edge over Wendell Ashby in the polls.\n\nAs far as Ashby's concerned, the president has run out of "
            "time. Speaking from New Hampshire Friday, the Republican candidate said Corrigan does not “have a plan”.")
    rows = _plain(text)
    assert rows[-1]["speaker"] == "Wendell Ashby", rows


def test_a_colon_gives_the_speaker_of_the_clause_it_closes():
    rows = _plain("The timing does not surprise pollster Dana Whitcombe. Senator Ana Reyes then addressed the crowd again: "
                  "“Here is what I regret.”\n\nTom Hale, the clerk, listed the rules:\n\n“Nobody leaves before noon.”")
    assert [(r["speaker"], r["cue_position"]) for r in rows] == [("Ana Reyes", "colon"), ("Tom Hale", "colon")]


def test_another_and_one_are_anonymous_voices_of_a_group_just_quoted():
    rows = only("“Yet another state we would have won,” one supporter wrote. “Watch out for fraud,” tweeted another.")
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [("one supporter", "anonymous"), ("another", "anonymous")]


def test_a_title_inside_a_name_run_is_cut_from_the_name():
    # "Acme Widgets CEO Maria Lindqvist" is Maria Lindqvist, so a later "she" finds her (and the
    # earlier speaker, whose gender the text does not give, is not taken instead)
    text = ("“We will see,” said Okonkwo, a trader.\n\n"
            "Acme Widgets CEO Maria Lindqvist began to list her favourites. “Cards, mostly,” she said.\n\n"
            "“It went well,” said Ohio Gov. Dale Brenner.")
    rows = only(text)
    assert [r["speaker"] for r in rows] == ["Okonkwo", "Maria Lindqvist", "Dale Brenner"]


def test_a_time_phrase_and_an_agent_noun_before_the_subject_are_read():
    text = ("“It is a good sign,” said Ron Weiser, a donor.\n\n"
            "Just a few months ago, Texas developer Mel Ortmann began to worry. “I kept telling myself it would not happen,” he told a newspaper.")
    assert [r["speaker"] for r in only(text)] == ["Ron Weiser", "Mel Ortmann"]


def test_a_subject_with_a_negated_contraction_is_in_view_for_he():
    text = "“Fine,” said Ron Weiser.\n\nThe hosts moved on, but Carl Dalton wasn't having it.\n\n“You see, everybody,” he said."
    assert [r["speaker"] for r in only(text)] == ["Ron Weiser", "Carl Dalton"]


def test_a_place_read_from_a_description_is_not_he():
    text = ("“I am not ready,” Ryan Tolliver told a reporter.\n\n"
            "It was a reversal for the Ohio Republican, who had pledged to support the nominee.\n\n"
            "“I think people want a standard,” he said.")
    assert [r["speaker"] for r in only(text)] == ["Ryan Tolliver", "Ryan Tolliver"]


def test_a_name_ending_in_ly_is_not_an_adverb():
    text = "Mark Kelly spoke last.\n\n“Elections matter,” Kelly said. “Look at the records.”"
    assert [r["speaker"] for r in only(text)] == ["Mark Kelly", "Mark Kelly"]


def test_a_document_noun_after_an_adjective_speaks_after_the_quote():
    text = ("Some lawmakers had named a suspect.\n\n"
            "“The computer had been hacked by a foreign government,” the congressional report said, citing a memo.")
    assert [r["speaker"] for r in only(text)] == ["the congressional report"]


def test_it_goes_back_to_a_document_that_opened_the_sentence_before():
    text = ("Monday's memo from the panel seemed aimed at defending the inquiry.\n\n"
            "“So far, most of the witnesses had never been interviewed,” it stated.")
    assert [r["speaker"] for r in only(text)] == ["Monday's memo"]
    text = "The post showed a man in a wig. It says: “Let him in, or else.”"
    assert [r["speaker"] for r in only(text)] == ["the post"]


def test_a_verb_in_es_before_its_object_ends_the_subject():
    text = "The email includes a photo of the senator holding a gun.\n\nAt the bottom it reads, “You can support the cause by giving $35.”"
    assert [r["speaker"] for r in only(text)] == ["the email"]


def test_a_relative_clause_speaker_does_not_outrank_the_sentence_subject_for_he():
    # "Govs." does not end the sentence, "Jeb Bush and" is no subject with its verb, and the
    # rivals "who say" something are not who the next "he" is
    text = ("Speaking to a radio show Monday, Marco Rubio refrained from attacking his rivals, particularly Govs. "
            "Jeb Bush and Chris Christie, who say the senator lacks experience.\n\n"
            "He dismissed the critique, saying it was his campaign’s “best night.”")
    assert [r["speaker"] for r in only(text)] == ["Marco Rubio"]


def test_a_web_address_in_an_apposition_does_not_end_the_attribution():
    text = "“Clinton needs a strategy,” Nate Silver, the analyst who founded fivethirtyeight.com tweeted on Wednesday."
    assert [r["speaker"] for r in only(text)] == ["Nate Silver"]


def test_she_goes_back_to_a_surname_after_an_honorific_that_is_no_subject():
    # "Mrs. Okonkwo" is named inside another noun phrase's clause, not as a subject: the person named
    # last is still she.
    text = ("The clearest promise Mrs. Okonkwo has made in the race is that she will not overpromise. "
            "“We don’t need more of that,” she has said.")
    assert one(text)["speaker"] == "Okonkwo"


def test_an_apposition_with_a_noun_of_person_makes_a_name_a_person():
    # Neither name has a listed first name, a title or a verb of speech after it: "president of"
    # in the apposition is what says that Ilse Marr is a person "she" can stand for.
    text = ("Mr. Quill joined the call with Xandra Marr, president of the rights group Avanta. "
            "She said the mayor “has failed to act on the flooding.”")
    assert one(text)["speaker"] == "Xandra Marr"


def test_an_honorific_picks_the_bearer_of_a_surname_whose_gender_agrees():
    # "Mr. Okafor" is not the first Okafor named (a woman) but the man of that surname
    text = ("Grace Okafor spoke first at the rally. Her husband, Peter Okafor, spoke after her.\n\n"
            "“We will never give up on this town,” Mr. Okafor said.")
    assert one(text)["speaker"] == "Peter Okafor"


def test_a_listed_first_name_that_spells_a_thing_opens_a_person_name():
    # "Bill" is also a law's word, but before a capitalised surname it is a first name
    row = one("“We will not back down on the budget,” Bill Tarrant said.")
    assert (row["speaker"], row["speaker_type"]) == ("Bill Tarrant", "person")


def test_a_quote_ending_with_its_comma_closes_an_introduction_before_the_subject():
    # the subject "she" stands for is the main clause's, not the one of the "When" clause
    text = ("When Rachel Maddow pointed out that Vale calls it “a plan for all,” Anna Bertrand seized upon the reference. "
            "“It is not the same if you turn it over to the states,” she said.")
    assert [r["speaker"] for r in only(text) if r["kind"] == "direct"] == ["Anna Bertrand"]


def test_they_goes_back_to_two_people_named_as_one_subject():
    text = ("Nora Foner and Rita Alba suggest this has less to do with faith than with secular values.\n\n"
            "In the United States, they write, “to be religious is to be in sync with mainstream norms.”")
    row = one(text)
    assert (row["speaker"], row["speaker_type"]) == ("Nora Foner and Rita Alba", "role")
    # one person as the subject is no antecedent for "they": the speaker stays empty
    text = ("Professor Nora Foner suggests this has less to do with faith than with secular values.\n\n"
            "In the United States, they write, “to be religious is to be in sync with mainstream norms.”")
    assert one(text)["speaker"] == ""


def test_he_in_an_opening_clause_is_the_main_clause_subject_named_after_it():
    text = ("Ruth Adler spoke at the rally on Monday.\n\n"
            "After he blasted the new film “Glimmer” for being too “soft on crime,” Pastor Kevin Dorsey has now set his sights on the council.")
    assert [r["speaker"] for r in only(text)] == ["Pastor Kevin Dorsey", "Pastor Kevin Dorsey"]
    # a "she" does not stand for a man named after it
    text = ("After she blasted the new film “Glimmer” for being too “soft on crime,” Kevin Dorsey has now set his sights on the council.")
    assert [r["speaker"] for r in only(text)] == ["", ""]


def test_a_plural_title_is_not_part_of_the_names_after_it():
    rows = only("Professors Dana Holt and Rui Alves wrote a paper.\n\nHolt later said the plan was “a mess.”")
    assert rows[0]["speaker"] == "Dana Holt"
    rows = only("Sens. Dana Holt and Rui Alves wrote a letter.\n\nHolt later said the plan was “a mess.”")
    assert rows[0]["speaker"] == "Dana Holt"


def test_honorific_gives_a_gender_before_or_at_a_name():
    from analysis.sourcing.speakers import _honorific

    text = "Then Mr. Pell and Ms Orr met Mrs Vane, Miss Kay and Dr. Lund. Mr Ash"
    assert [_honorific(text, text.index(n)) for n in ("Pell", "Orr", "Vane", "Kay", "Lund")] == ["m", "f", "f", "f", None]
    assert _honorific(text, text.index("Mr Ash")) == "m"  # the honorific itself at the offset
    assert _honorific("Mark Pell", 0) is None and _honorific("Pell", 0) is None
