"""Rules of the fifth round of cleaning (issue 14), on made-up text: a reader's call for stories at the end,
a list of related links with an ad slot inside it, and pull quotes printed with small edits."""

from __future__ import annotations

import pytest

from analysis.corpus.cleaning import clean_article

_OPEN = "The harbour council met on Tuesday to discuss the future of the old pier, which has been closed since the storm."
_CLOSE = "The council will vote on the plan next month, after a public consultation that opens on Friday."


def _rules(lines: list[str], meta: dict | None = None) -> dict[int, str]:
    return {r["line"]: r["rule"] for r in clean_article("\n".join(lines), meta).removed if r["where"] != "prefix"}


def _beside(first: str, second: str) -> dict[int, str]:
    """The rules that removed lines from an article with ``first`` then ``second`` between its opening and closing
    paragraphs (line 3 is ``first``, line 5 ``second``)."""
    return _rules([_OPEN, "", first, "", second, "", _CLOSE])


def test_a_call_for_readers_stories_at_the_end_goes():
    lines = [_OPEN, "", _CLOSE, "",
             "Are you in the harbour town? What are your worries? Do you know anyone who works on the pier? Email stories@example.org with your experiences.",
             "",
             "If you would like to speak to one of our reporters, please include a contact telephone number. You can also text us.",
             "", "Or WhatsApp us on +44 7000 123456", "", "Read our terms and conditions."]
    assert _rules(lines) == {5: "contact_line", 7: "contact_line", 9: "contact_line", 11: "contact_line"}


@pytest.mark.parametrize("line", [
    "Are you worried about the pier? Many residents are, the mayor said.",
    "Do you remember the storm? Write it down, the museum asks, and bring it in.",  # not at the end
    "Call us at the harbour office if the gate is locked, the notice said.",
])
def test_questions_and_numbers_in_prose_stay(line):
    assert _rules([_OPEN, "", line, "", _CLOSE]) == {}


def test_a_list_of_related_links_goes_past_an_ad_slot():
    lines = [_OPEN, "", "READ MORE:", "", "Advertisement", "", "Harbour Pier Plans Split The Council", "", "Ferry Fares Rise Again",
             "", "Advertisement", "", "Why The Old Pier Matters To Fishermen", "", _CLOSE]
    assert _rules(lines) == {3: "read_more", 5: "advert", 7: "read_more_list", 9: "read_more_list", 11: "advert",
                             13: "read_more_list"}


def test_a_crosshead_after_an_ad_slot_alone_stays():
    lines = [_OPEN, "", "Advertisement", "", "A Long Wait For Repairs", "", _CLOSE]
    assert _rules(lines) == {3: "advert"}


def test_a_pull_quote_with_a_name_added_goes():
    para = ("Critics of the plan, who never objected when the council spent far more on the marina, now complain loudly "
            "about the cost of saving the pier. They have a point.")
    pull = ("Harbour critics of the plan, who never objected when the council spent far more on the marina, now complain "
            "loudly about the cost of saving the pier.")
    assert _beside(pull, para) == {3: "pull_quote_reworded"}


def test_a_quoted_pull_quote_without_he_said_and_with_its_attribution_goes():
    para = ("“As we head into the winter season, both sides of the council must reject the secret ways some of the richest "
            "donors are shaping the vote,” she said. “Closed meetings are the worst habit in local politics.”")
    pull = ("“As we head into the winter season, both sides of the council must reject the secret ways some of the richest "
            "donors are shaping the vote. Closed meetings are the worst habit in local politics.” — Harbour Watch director Ann Poe")
    assert _beside(para, pull) == {5: "pull_quote_reworded"}


@pytest.mark.parametrize("line", [
    # a short quoted crosshead repeating the quotation below it
    "“The pier is part of who we are in this town”",
    # a sentence that says the paragraph again in other words
    "The council spent far more on the marina than it ever planned to spend on the old pier.",
])
def test_a_quoted_crosshead_or_a_paraphrase_stays(line):
    para = ("“The pier is part of who we are in this town,” said Ann Poe, who has fished from it for forty years. "
            "Critics note that the council spent far more on the marina last year.")
    assert _beside(line, para) == {}


def test_a_paragraph_beside_its_slightly_longer_copy_stays():
    """The shorter of two near copies is taken only when the other has two words more: a paragraph beside a pull
    quote that adds a word to it stays, and so does one beside its pull quote whose attribution ends a sentence."""
    para = ("Critics of the plan, who never objected when the council spent far more on the marina, now complain loudly "
            "about the cost of saving the pier.")
    pull = "Harbour " + para[0].lower() + para[1:]
    assert _beside(pull, para) == {}
    quoted = ("“Both sides of the council must reject the secret ways some of the richest donors are shaping the vote,” "
              "she said. “Closed meetings are the worst habit.”")
    pull = ("“Both sides of the council must reject the secret ways some of the richest donors are shaping the vote. "
            "Closed meetings are the worst habit.” — Ann Poe, director of Harbour Watch.")
    assert _beside(quoted, pull) == {5: "pull_quote_reworded"}


@pytest.mark.parametrize("line", [
    # a quotation with its speaker in prose: the author's, not a pull quote
    "“Both sides of the council must reject the secret ways some of the richest donors are shaping the vote,” Ann Poe wrote.",
    # a numbered crosshead summing up the paragraph below it
    "2) Both sides of the council must reject the secret ways some donors are shaping the vote.",
    # no sentence end: a crosshead (a word added at its start, so not the words of the paragraph whole)
    "Council: both sides of the council must reject the secret ways some donors are shaping the vote",
])
def test_a_quotation_with_its_speaker_a_numbered_crosshead_or_a_crosshead_stays(line):
    para = ("“Both sides of the council must reject the secret ways some of the richest donors are shaping the vote,” "
            "she said on Tuesday at the meeting. Both sides of the council must reject the secret ways some donors are "
            "shaping the vote, her colleague added.")
    assert _beside(line, para) == {}


def test_a_paragraph_printed_again_without_its_label_stays():
    """A list whose items the page prints twice, once under a label: the second copy is the scraper's double, body."""
    labelled = ("Repairs: The council should fund the repairs of the old pier from the harbour levy, which raises more every "
                "year than the marina costs to run. 4")
    copy = ("The council should fund the repairs of the old pier from the harbour levy, which raises more every year than "
            "the marina costs to run.")
    assert _beside(labelled, copy) == {}


def test_words_standing_for_other_words_at_the_start_stay():
    """'Harbour News counts ...' beside 'The Daily Tide counts ...': the first words differ, it is another sentence."""
    para = ("Some outlets count it differently. The Daily Tide counts ferry crossings in which four or more boats were "
            "delayed by the storm, and so its figures run higher.")
    line = "Harbour News counts ferry crossings in which four or more boats were delayed by the storm."
    assert _beside(line, para) == {}


def test_a_paragraph_printed_twice_whole_stays():
    para = ("Critics of the plan, who never objected when the council spent far more on the marina, now complain loudly "
            "about the cost of saving the pier.")
    assert _beside(para, para) == {}
