"""Rules of the sixth round of cleaning (issue 14), on made-up text: picture credits and captions in more
forms, notes and addresses at the edges, related links under a bare label or in other shapes, a book box,
a caption cut short by its expander and a live blog's reading instruction. Each shape has a near miss that
stays."""

from __future__ import annotations

import pytest

from .test_cleaning_round5 import _CLOSE, _OPEN, _rules


@pytest.mark.parametrize(("line", "rule"), [
    ("Image source: Harbour TV screenshot", "picture_credit"),
    ("Jane Doe collection", "picture_credit"),
    ("Jane Doe/AFP/Getty Images, FILE", "picture_credit"),
    ("Enlarge this image Jane Doe/HNN Jane Doe/HNN", "broadcaster_caption"),
    ("The old pier at dawn, before the storm took its end away [File: Jane al-Doe/ Harbour Agency]", "credited_caption"),
    ("This story is from the May 2, 2019 issue of Harbour Monthly.", "editor_note"),
    ("Harbour Take: Get the latest news on the harbour sent directly to your inbox every weekday", "newsletter"),
    ("Read Jane's blog", "read_more_link"),
    ("For subscribers: Harbour pier plan splits the council", "related_link"),
    ("Harbour Interactive Can the council save the pier?", "related_link"),
    ("See our prior coverage of the pier's closure here.", "related_link"),
    ("Mayor on the pier report:'I don't believe it'", "related_link"),
    ("Terminal customers can read our Harbour Live blog.", "site_promo"),
    ("The Harbour Years by Jane Doe Hardcover, 312 pages | purchase close overlay Buy Featured Book", "book_box"),
    ("The harbour handles about a third of the region's freight, but has fewer workers than before. More", "caption_more"),
    ('Scroll down and read "up" to see how the day unfolded.', "live_blog_navigation"),
    ("It will not be easy. Join us: go to https://t.co/AbC123.", "social_embed"),
])
def test_furniture_between_paragraphs_goes(line, rule):
    assert _rules([_OPEN, "", line, "", _CLOSE]) == {3: rule}


@pytest.mark.parametrize("line", [
    "Image source: the council says the photograph was taken in 1952.",
    "Harbour Museum Collection",
    "Jane Doe/HNN/Harbour Books",
    "Enlarge this image of the pier, the curator said, and you see the cracks.",
    "Fishermen said the catch had halved [sic] since the pier closed and/or moved.",
    "This story is from the archive of the harbour museum.",
    "Harbour Take: Get the ferry early if you want a seat.",
    "Read Jane's blog post about the pier, the mayor urged.",
    "For subscribers, the price of the paper rises next month.",
    "Harbour Interactive Media won the contract.",
    "We see our coverage as a public service, the editor said.",
    "Jane Doe told the radio:'The talks failed because nobody would give way, and now the pier will close.'",
    "Terminal customers can see the ferry from the cafe.",
    "Her first book ran to 312 pages in hardcover, and sold well.",
    "Fishermen on the pier want one thing from the council: More",
    "Scroll down the list and you will see the pier.",
    "The council posted the plan at https://harbour.example.org/co/plan.",
])
def test_prose_of_the_same_shapes_stays(line):
    assert _rules([_OPEN, "", line, "", _CLOSE]) == {}


def test_a_bulleted_list_under_a_bare_related_label_goes():
    lines = [_OPEN, "", _CLOSE, "", "Related", "", "• Harbour Pier Plans Split The Council", "",
             "• Ferry Fares: Why They Rise Again", "", "The council will publish its report in June."]
    assert _rules(lines) == {5: "link_label", 7: "related_bullet", 9: "related_bullet"}


def test_bullets_of_the_article_stay():
    lines = [_OPEN, "", "• The pier closes in May", "", "Related", "", "• The council met on Tuesday.", "", _CLOSE]
    assert _rules(lines) == {5: "link_label"}


def test_a_wire_credit_from_a_place_goes():
    lines = [_OPEN, "", _CLOSE, "", "Associated Press writer Jane Doe contributed to this report from Harbourtown, Ky."]
    assert _rules(lines) == {5: "contributor_credit"}


def test_a_version_note_and_the_byline_under_it_go():
    lines = ["(This version of the May 2 story corrects the second paragraph to say the pier closed in 2019, not 2018)",
             "", "By Jane Doe", "", _OPEN, "", _CLOSE]
    assert _rules(lines, {"byline": "Jane Doe"}) == {1: "correction_notice", 3: "byline"}


def test_the_authors_address_alone_at_the_end_goes():
    assert _rules([_OPEN, "", _CLOSE, "", "jane.doe@example.com"]) == {5: "contact_line"}


@pytest.mark.parametrize("line", [
    "Fishermen and the harbour club contributed to this report from the start.",
    "(This version of the pier plan corrects mistakes in the first one, the mayor said)",
    "Her address, jane.doe@example.com, was on the letter.",
])
def test_prose_at_the_edges_stays(line):
    assert _rules([line, "", _OPEN, "", _CLOSE, "", line]) == {}

