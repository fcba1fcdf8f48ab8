"""The cue of a quote (analysis.sourcing.cues): the reporting verb after, before or around it, and its subject."""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import one, only


@pytest.mark.parametrize(
    "text, speaker, verb",
    [
        ("Jane Doe said the result was “a disgrace”.", "Jane Doe", "said"),
        ("“A disgrace,” said Jane Doe.", "Jane Doe", "said"),
        ("“A disgrace,” Jane Doe told reporters.", "Jane Doe", "told"),
        ("Trump wrote on Truth Social: “Stop the war!”", "Donald Trump", "wrote"),
        ("“The talks were useful,” according to the Kremlin.", "Kremlin", "according to"),
        ("Ushakov, the Kremlin aide, said the talks were “constructive”.", "Yuri Ushakov", "said"),
        ("Sean Spicer, chief strategist for the RNC, said the vote was “rigged”.", "Sean Spicer", "said"),
        ("Mr Klitschko spoke first. “It is not fair,” the former world champion boxer said.", "Vitali Klitschko", "said"),
        ("The Kremlin said the talks were “useful”.", "Kremlin", "said"),
        ("Warning that Ukraine would “get nothing”, Mr Johnson accused Washington.", "Boris Johnson", "warning"),
        # a verb of speech inside what someone else reports: the quote is the reporter's source's,
        # unless that verb introduces the quote with a colon
        ("Rep. Ann Vale said Marta Ruiz called on members to be “closely coordinated.”", "Ann Vale", "said"),
        ("Tom Birch spoke first. The longtime senator said he rarely asks others for help, “except for close friends.”", "Tom Birch", "said"),
        ("Ann Vale said Marta Ruiz told members: “Stay together.”", "Marta Ruiz", "told"),
    ],
)
def test_speaker_and_verb(text, speaker, verb):
    row = one(text)
    assert (row["speaker"], row["verb"]) == (speaker, verb)


def test_reporting_verb_stance():
    stances = {r["verb"]: r["stance"] for r in only(
        "Trump claimed the parties were “very close”. Zelensky conceded it was “hard”. "
        "Mr Johnson slammed the “plan”. Vance urged them “to freeze the lines”. Lavrov said it was “fine”."
    )}
    assert stances == {"claimed": "distancing", "conceded": "factive", "slammed": "emotive", "urged": "directive", "said": "neutral"}


def test_according_to_right_after_the_quote_outranks_an_earlier_verb():
    row = one("Talks between the two sides have been going on for months, but “there has been a renewed push,” "
              "according to a senior official who spoke on condition of anonymity.")
    assert row["cue_position"] == "according" and row["speaker_mention"].startswith("a senior official")
    # a verb that introduces the quote with a colon keeps it
    row = one("Ann Vale said: “There has been a renewed push,” according to a senior official.")
    assert row["speaker"] == "Ann Vale"
    # and so does a verb whose own clause holds the quote: the agency is the conduit, not the speaker
    row = one("Ann Vale told reporters the talks were “useful and frank”, according to the news agency Norpress.")
    assert row["speaker"] == "Ann Vale"


def test_a_quote_ending_with_a_full_stop_is_not_the_next_sentences_report():
    rows = only("“That is a problem,” said Rep. Tom Birch. “I think he will come round.” Rep. Ann Vale said Ruiz urged members to hold on.")
    assert [r["speaker"] for r in rows] == ["Tom Birch", "Tom Birch"]
    # a short attribution after it is still the quote's
    assert one("“We will win.” Tom Birch said on Monday.")["speaker"] == "Tom Birch"


def test_a_phrase_of_place_or_time_without_its_comma_still_gives_the_subject():
    text = ("Tom Dorsey spoke in Ohio on Friday.\n\nSigns of the old Dorsey did break through. At one point he went "
            "off-script, riffing to the crowd, “I am nothing more than your messenger.”")
    assert (only(text)[0]["speaker"], only(text)[0]["verb"]) == ("Tom Dorsey", "riffing")
    # a clause before the comma keeps its own subject out: "After he spoke, Vale said ..."
    row = one("Tom Dorsey spoke first. After he spoke, Ann Vale said the plan was “a mess”.")
    assert row["speaker"] == "Ann Vale"


def test_who_after_an_apposition_with_a_preposition_is_the_person_described():
    rows = only("“Growth is slow,” writes Ann Vale, an economist with the liberal Policy Institute, who says the economy "
                "is weak: “We are not in a recession.”")
    assert [r["speaker"] for r in rows] == ["Ann Vale", "Ann Vale"]


def test_less_common_verbs_of_speech_are_cues():
    found = [(r["speaker"], r["verb_lemma"]) for r in only(
        "Tom Birch spoke in Concord. “People are afraid of wasting their votes,” he surmised.\n\n"
        "Tom Birch portrayed a weak report as “a step in the right direction,” during a stop in Ohio.\n\n"
        "Tom Birch lauded the bank for the “needed reforms at the top.”\n\n"
        "“It is a disgrace,” Tom Birch muttered."
    )]
    assert found == [("Tom Birch", "surmise"), ("Tom Birch", "portray"), ("Tom Birch", "laud"), ("Tom Birch", "mutter")]


def test_a_person_noun_after_an_institutions_name_stays_in_the_speakers_phrase():
    row = one("Dorsey “drew well from working-class voters” in the 2008 primary, said Ohio State University professor Paul Beck.")
    assert (row["speaker"], row["speaker_mention"]) == ("Paul Beck", "Ohio State University professor Paul Beck")


def test_a_verb_of_speech_that_opens_the_sentence_before_its_subject():
    row = one("The old house was renovated. Said Ann Vale, who grew up nearby, “We were all so proud of him.”")
    assert (row["speaker"], row["verb"]) == ("Ann Vale", "said")
    # a capitalised verb's form before a name that runs on is the name's ("Post Office workers")
    assert one("Post Office workers, the union said, were “worn out”.")["verb"] == "said"


def test_a_place_and_its_state_then_a_time_open_the_sentence():
    row = one("At a rally in Portsmouth, N.H., on Tuesday, Senator Tom Birch of Vermont endorsed Ms. Vale, "
              "saying that she would “make an outstanding president.”")
    assert row["speaker"] == "Tom Birch"


def test_a_dateline_is_never_the_subject():
    rows = only("WASHINGTON, Dec. 8 (Agency) — In response to the plan, Ann Vale’s right-hand woman rallied supporters, "
                "saying: “We have to be ready to stop him.”\n\n"
                "JACKSON, Miss. - U.S. District Judge Carl Reeve late Thursday issued an injunction blocking a bill that "
                "would have allowed officials professing a “sincere religious belief” to deny services.")
    assert [r["speaker"] for r in rows] == ["Ann Vale’s right-hand woman", "Carl Reeve"]
    # capitals that open a phrase are not a dateline
    row = one("GOP front-runner Tom Birch - who previously said he would “bomb the oil fields” - spoke in Texas.")
    assert row["speaker"] == "Tom Birch"


def test_a_name_and_a_colon_after_a_dash_outranks_the_verb_before_it():
    row = one("But polls did predict the caucus - Pollwatch: “Most pollsters fared much better with the results.”")
    assert (row["speaker"], row["cue_position"]) == ("Pollwatch", "label")


def test_a_short_attribution_after_a_quote_that_ends_with_a_comma_outranks_the_verb_before():
    texts = [
        "Sen. Tom Birch spoke on Fox. Nothing the president said “will assuage people’s fears,” the Florida senator said.",
        # but not a clause of its own after the quote, nor a verb that introduces the next quote
        "Under what Tom Birch called “the prior economy model,” the Oak Country Club charged a large fee.",
        "After Tom Birch said students might do better at “less advanced schools,” Ann Vale said: “I don’t like it.”",
    ]
    assert [only(t)[0]["speaker"] for t in texts] == ["Tom Birch"] * 3
    assert only(texts[0])[0]["cue_position"] == "after"


def test_added_to_a_number_is_not_speech():
    row = one("President Dorsey portrayed a weak jobs report — just 80,000 added to the payrolls in June — as "
              "“a step in the right direction,” during a stop in Ohio.")
    assert (row["speaker"], row["verb_lemma"]) == ("Dorsey", "portray")
    assert one("Tom Birch added to reporters: “We will win.”")["verb_lemma"] == "add"


def test_a_verb_outside_the_list_where_the_sentence_leaves_no_doubt():
    rows = only("Tom Dorsey spoke in Ohio.\n\n“Strong defense, common sense,” he rhymed. “I am the change agent.”")
    assert [(r["speaker"], r["verb"]) for r in rows] == [("Tom Dorsey", "rhymed"), ("Tom Dorsey", "rhymed")]
    row = one("After praising the team, Eric Dorsey beamed, “But again, my father did not want the distraction.”")
    assert (row["speaker"], row["verb"]) == ("Eric Dorsey", "beamed")
    # a participle in the reporter's sentence is no verb of speech
    assert one("The plan, widely criticized, “was a mess”.")["speaker"] == ""


def test_an_introduction_of_place_or_time_and_a_subject_after_with():
    texts = [
        "Outside the arena in downtown Springfield, Tom Birch told his supporters the race was “far from over.”",
        "The emails show that Birch asked her to join him. Minutes later, Tom Birch sent an email saying, “done.”",
    ]
    assert [only(t)[0]["speaker"] for t in texts] == ["Tom Birch", "Tom Birch"]
    row = only("Dayton was on their minds, with many marchers and spectators chanting “We are Dayton” in the street.")[0]
    assert row["speaker"] == "many marchers and spectators"


def test_a_report_inside_a_that_clause_after_an_adverbial_is_the_outer_speakers():
    # words between the outer verb and "that" (a place, a time, a clause of belief) do not stop
    # the quote from being the outer speaker's report
    text = "Ilse Brandt said in her opening remarks that the council should reiterate its support for “stalwart allies.”"
    assert one(text)["speaker"] == "Ilse Brandt"
    text = "Mayor Tom Reyes said he expected that voters will say “no” to the plan in May."
    assert one(text)["speaker"] == "Tom Reyes"


def test_a_place_of_two_words_and_a_title_case_dateline_are_no_subject():
    # "in Salem, New Hampshire," closes the introduction; "Springfield (AFP) –" is a dateline
    text = "Speaking at a town hall event in Salem, New Hampshire, Marco Vale went after Dorn, calling him “a total stiff.”"
    assert one(text)["speaker"] == "Marco Vale"
    text = ("Springfield (AFP) – Senator Anna Bertrand has taken a swipe at her rival's stance on trade, "
            "saying that “bombastic comments” do more harm than good.")
    assert one(text)["speaker"] == "Anna Bertrand"


def test_a_noun_like_form_after_a_name_as_modifier_is_a_noun():
    # "after the Halden attacks" (a preposition's object) and "22 Okafor emails" (a count) are
    # noun phrases: the participle's subject is the sentence's
    text = "After the Halden attacks, Marco Vale released a new radio ad calling it “dangerous” that the mayor “has no strategy.”"
    assert [r["speaker"] for r in only(text)] == ["Marco Vale", "Marco Vale"]
    text = "The agency has said that it classified 22 Okafor emails as “top secret” and will not release them."
    assert one(text)["speaker"] == "the agency"


def test_a_quote_with_no_closing_punctuation_then_name_verb_and_a_phrase_of_time():
    # “... too” Heller said after an event: the attribution may go on with a phrase of time or place
    row = only("“As a farmer, he sold a lot of corn, too” Tom Heller said after an event in Dover on Wednesday.")[0]
    assert (row["speaker"], row["verb"]) == ("Tom Heller", "said")
    row = only("“As a farmer, he sold a lot of corn, too\" Tom Heller said while touring the farm.")[0]
    assert row["speaker"] == "Tom Heller"


def test_a_speaker_after_a_quote_may_carry_a_phrase_of_place():
    # “...?” a staffer in the room wondered: "in the room" belongs to the speaker's noun phrase
    row = only("Mayor Tom Heller spoke.\n\n“Will he be the next mayor?” a Republican aide in the hall wondered.")[0]
    assert (row["speaker_mention"], row["verb"]) == ("a Republican aide in the hall", "wondered")
    row = only("Mayor Tom Heller ran an ad.\n\n“She will stand up for farmers,” a Labour narrator at the end says.")[0]
    assert row["speaker_mention"] == "a Labour narrator at the end"


def test_a_verb_of_manner_of_speaking_before_its_speaker_after_a_quote():
    row = only("Mayor Tom Heller spoke.\n\n“It is about time,” exhorted the mayor’s introducer, actress Jane Cole.")[0]
    assert (row["speaker_mention"], row["verb"]) == ("the mayor’s introducer", "exhorted")
    assert only("Mayor Tom Heller spoke.\n\n“Not so,” retorted Heller.")[0]["speaker"] == "Tom Heller"
