"""Cleaning of the five bundled articles, checked against what a person reads in the raw files.

For each seed: the first and last body paragraph after cleaning, every line cleaning must remove
(line number in the raw file and the rule), and that nothing else is lost: every other non-blank
raw line is a paragraph of the clean text, whole. The expectations were written by reading the
raw files in corpus/articles/, not by copying the code's output.
"""

from __future__ import annotations

import re

import pytest

# article_id -> (first paragraph starts with, last paragraph starts with, {raw line: rule}, prefixes)
EXPECTED = {
    "afp": (
        "Russian President Vladimir Putin on Friday discussed the “possibility” of direct talks",
        "“There are reasons to believe that Ukraine’s special services were involved in the murder",
        {},
        {1: ["scraped_date", "dateline"]},  # " date 2025-04-26 MOSCOW: Russian President ..."
    ),
    "cnn": (
        "US President Donald Trump said Russia and Ukraine are “very close to a deal”",
        "Friday’s reported blast comes two days after a fire broke out",
        {
            1: "navigation",  # Skip to Content
            3: "headline",
            5: "html_caption",  # <i>Reuters via CNN Newsource</i><br/>The Russian general ...
            6: "photo_credit",  # Reuters via CNN Newsource
            7: "caption_repeat",  # the caption again, without markup
            9: "byline",
            79: "syndication_label",  # The-CNN-Wire
            80: "copyright",
            82: "contributor_credit",
            84: "comment_section",  # Article Topic Follows: CNN
            86: "navigation",  # Jump to comments
            88: "syndication_label",  # CNN Newsource
            90: "comment_section",
            92: "comment_section",
            94: "comment_section",
            96: "comment_section",
            98: "navigation",  # Skip to content
        },
        {11: ["dateline"]},  # "(CNN) — "
    ),
    "cgtn": (
        "U.S. President Donald Trump's envoy, Steve Witkoff, met with Russian President",
        "The Trump administration has warned that the U.S. will walk away",
        {12: "wire_credit", 13: "read_original"},
        {},
    ),
    "ft": (
        "Steve Witkoff, US President Donald Trump’s special envoy, met Vladimir Putin in Moscow",
        "Trump repeatedly suggested walking away from US efforts to broker a deal",
        {},
        {},
    ),
    "independent": (
        "US president Donald Trump has urged Kremlin and Kyiv to meet to “finish” a deal",
        "Since January, nearly 9,000 people fleeing heavy shelling in Ukraine",
        {
            1: "app_prompt", 2: "app_prompt", 3: "app_prompt", 4: "app_prompt",
            5: "masthead", 6: "masthead", 7: "section_label", 8: "byline", 10: "headline",
            18: "photo_caption",  # ... close to a peace deal (AP)
            40: "photo_caption",  # ... illegally annexed by Russia in 2014 (Reuters)
            64: "photo_caption",  # ... ‘never accept occupation’ by Russia (BBC)
            78: "photo_caption",  # ... in Donetsk (Reuters/Sofiia Gatilova)
            94: "wire_credit",  # Additional reporting by Reuters
            96: "app_prompt", 97: "app_prompt", 98: "app_prompt", 99: "navigation",
            100: "navigation", 101: "navigation", 102: "app_prompt", 103: "app_prompt",
            104: "app_prompt", 105: "app_prompt",
        },
        {},
    ),
}


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_first_and_last_body_paragraph(corpus, aid):
    first, last, _, _ = EXPECTED[aid]
    paras = corpus.paragraphs().query("article_id == @aid and kind == 'body'")
    assert paras["text"].iloc[0].startswith(first)
    assert paras["text"].iloc[-1].startswith(last)


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_every_removed_line_is_listed(corpus, aid):
    _, _, lines, prefixes = EXPECTED[aid]
    audit = corpus.audit.query("article_id == @aid")
    whole = audit[audit["where"] != "prefix"]
    assert dict(zip(whole["line"], whole["rule"])) == lines
    pre = audit[audit["where"] == "prefix"].groupby("line")["rule"].agg(list).to_dict()
    assert pre == prefixes


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_no_body_line_is_lost(corpus, aid):
    """Every raw line that is not furniture is a paragraph of the clean text, whole."""
    _, _, lines, prefixes = EXPECTED[aid]
    article = corpus.articles.loc[aid]
    paragraphs = set(corpus.paragraphs().query("article_id == @aid")["text"])
    audit = corpus.audit.query("article_id == @aid and where == 'prefix'")
    for n, raw in enumerate(article["raw_text"].split("\n"), 1):
        raw = raw.strip()
        if not raw or n in lines:
            continue
        if n in prefixes:
            for removed in audit.query("line == @n")["removed"]:
                assert raw.startswith(removed)
                raw = raw[len(removed):].strip()
        assert raw in paragraphs, f"{aid} line {n} lost: {raw[:80]!r}"


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_every_body_sentence_is_a_sentence_of_the_clean_text(corpus, aid):
    """No body sentence is lost: the sentences cover each paragraph's text, in order."""
    paras = corpus.paragraphs().query("article_id == @aid")
    sents = corpus.sentences().query("article_id == @aid")
    for p in paras.itertuples():
        mine = sents[sents["paragraph"] == p.paragraph]
        assert "".join(mine["text"]).replace(" ", "") == p.text.replace(" ", "")


def test_crossheads_are_kept_as_subheads(corpus):
    subheads = corpus.paragraphs().query("kind == 'subhead'")
    assert sorted(subheads["text"]) == sorted(
        ["Crimea claims", "General killed", "Opposing visions of peace", "Series of targeted bomb attacks"]
    )


def test_datelines_are_kept_in_articles(corpus):
    assert corpus.articles.loc["afp", "dateline"] == "MOSCOW:"
    assert corpus.articles.loc["cnn", "dateline"] == "(CNN) —"


def test_raw_files_are_byte_for_byte_the_seeds(corpus):
    """The bundled corpus keeps the collected text exactly (compared with shared/seeds when present)."""
    from analysis.paths import SHARED_DIR

    seeds = SHARED_DIR / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is not here to compare with")
    for aid, row in corpus.articles.iterrows():
        seed = row["notes"].split("Seed ")[1].rstrip(".")
        assert (corpus.path / row["file"]).read_bytes() == (seeds / seed).read_bytes()


# ---- The rules for the furniture of common news sites (issue 14), each on invented lines: a line
# the rule must remove and a body line that looks like it and must stay. Measured on real pages by
# `python -m analysis.evaluate cleaning` (tests/evaluate/test_cleaning.py).

from analysis.corpus.cleaning import clean_article, load_rules, repeated_by_outlet, repeated_lines  # noqa: E402

_OPEN = "The council met on Monday to discuss the new budget for the harbour."
_CLOSE = "The vote is expected next month, a spokeswoman said."

# rule -> (furniture line, near-miss body line, where the pair goes: "middle" | "top" | "end",
#          the line just above the furniture line when the rule follows another one)
NEW_RULES = {
    "advert": ("Advertisement", "Advertisements for the plan ran on local radio all week.", "middle", None),
    "media_placeholder": ("Slideshow (3 Images)", "Photos of the flooded streets were shared widely.", "middle", None),
    "separator": ("***", "Three stars - *** - were painted on the wall, she said.", "middle", None),
    "story_highlights": ("Story highlights The mayor says the harbour plan will cost less", "The story highlights how little the plan has changed.", "middle", None),
    "highlight_bullet": ("Critics say the plan ignores the fishing fleet", "Critics say the plan ignores the fishing fleet.", "middle",
                         "Story highlights The mayor says the harbour plan will cost less"),
    "broadcaster_caption": ("Image copyright Getty Images Image caption Boats wait outside the harbour", "The image was copyrighted by the photographer, he said.", "middle", None),
    "gallery_caption": ("Photos: The storm Boats wait outside the harbour. Hide Caption 1 of 2 Photos: The storm The pier after the storm. Hide Caption 2 of 2",
                        "Photos: the storm left boats stranded, and the caption contest was hidden.", "middle", None),
    "credited_caption": ("Boats wait outside the harbour on Monday. (Jane Doe/Harbour News)", "Boats waited outside the harbour on Monday (and/or Tuesday).", "middle", None),
    "uncredited_caption": ("The mayor walks along the pier with harbour workers in the rain this morning",
                           "The mayor walked along the pier with harbour workers in the rain this morning.", "middle", None),
    "picture_credit": ("Photo illustration: Jane Doe; Harbour Archive", "Picture this: a harbour without boats.", "middle", None),
    "video_link": ("JUST WATCHED Harbour plan explained Replay More Videos", "Just watched the video of the harbour plan, he said.", "middle", None),
    "read_more": ("Harbour plan: what we know so far Read more", "Read more about the plan in the council's report, she said.", "middle", None),
    "read_more_list": ("Why the harbour matters to the town", "Why the harbour matters to the town is no secret.", "middle", "READ MORE:"),
    "related_link": ("MORE: Council delays vote on harbour plan", "More than 40 people spoke at the meeting on the plan.", "middle", None),
    "newsletter_box": ("Newsletter Sign Up " + "Please enter a valid email address. You may unsubscribe at any time. " * 6,
                       "The newsletter signed up 3,000 readers in its first week.", "middle", None),
    "newsletter": ("Get the morning briefing delivered to your inbox", "Get the briefing delivered on time, the mayor told staff.", "middle", None),
    "social_follow": ("Follow @harbourwriter on Twitter.", "Follow the money, one councillor said on Twitter.", "middle", None),
    "share_prompt": ("Read or Share this story: http://example.com/x1", "Read the story and share it, the campaign urged.", "middle", None),
    "social_embed": ("The harbour plan is a mistake. — Jane Doe (@janedoe) March 3, 2020", "The harbour plan is a mistake, Jane Doe wrote on March 3, 2020.", "middle", None),
    "app_and_site_prompt": ("CLICK HERE TO GET THE HARBOUR NEWS APP", "Clicking here and there, residents found the plan online.", "middle", None),
    "poll_prompt": ("Should the Harbour Be Sold? Vote Here in Our Reader Poll.", "Voters here will be polled on the harbour in May.", "middle", None),
    "editor_note": ("Updated at 5:01 p.m. ET", "The plan was updated at the meeting on Monday.", "middle", None),
    "pull_quote": ("“ We cannot keep the harbour as it is. ”", "“We cannot keep the harbour as it is,” the mayor said.", "middle", None),
    "correction": ("Correction: An earlier version of this article misstated the cost of the plan.", "A correction to the budget is due next week.", "end", None),
    "author_bio": ("Jane Doe is the editor of Harbour Weekly.", "The mayor is the editor of nothing but her own speeches, critics said.", "end", None),
    "contact_line": ("Send letters to: letters@example.com.", "Residents sent letters to the council.", "end", None),
    "byline_name": ("Jane Doe", "Jane Doe, the mayor, opened the meeting.", "top", None),
    "transcript_notice": ("This is a rush transcript. Copy may not be in its final form.",
                          "A rush transcript of the mayor's speech follows.", "top", None),
    "audio_player": ("Harbour Plan Passes Its First Vote Harbour Plan Passes Its First Vote Listen · 3:51 3:51",
                     "Listen to the harbour at 3:51 in the morning and you hear nothing, she said.", "middle", None),
    "podcast_promo": ("Listen to Harbour Talk",
                      "Listen to the fishermen, the mayor said.", "middle", None),
    "editor_note_label": ("Editor's Note:", "The editor's note was read out at the meeting.", "end", None),
    "editor_note_text": ("Harbour Plan Explained: Read the Free Guide", "The guide was free, the council said.", "middle", "Editor's Note:"),
    "author_bio_named": ("Jane Doe is a former harbour master and writes about the coast.", "John Roe is a former harbour master.",
                         "end", None),
    "audio_fallback": ("Your browser doesn't support HTML5 audio. Here is a link to the audio instead.",
                       "Your browser history is not private, the mayor warned.", "middle", None),
    "portrait_caption": ("Kennedi, age 10.", "Kennedi, age 10, said she was scared.", "middle", None),
    "chart_source": ("Source: Harbour Office", "Source: the mayor said the harbour office had approved it.", "middle", None),
    "site_promo": ("Visit Harbour News's homepage for more stories.", "Visitors to the harbour want more stories like this, she said.", "middle", None),
    "article_tags": ("This article tagged under: Harbour", "This article was tagged by the council as urgent.", "end", None),
    "article_tag": ("Fishing Fleet", "Fishing fleet owners were not invited.", "end", "This article tagged under: Harbour"),
    "agency_file_caption": ("FILE - In this May 3, 2019, file photo, boats wait outside the harbour. " + "The council votes on the plan on Monday. " * 9
                            + "(AP Photo/Jane Doe, File)", "In this file, the council kept every photo of the harbour since 2019.", "middle", None),
    # Round 2: rules by the kind of furniture and where it sits.
    "outlet_name_line": ("Harbour News", "Harbour News reported the vote first.", "middle", None),
    "headline_variant": ("The mayor says the fleet will have to move. Harbour plan splits council",
                         "The mayor says the fleet will have to move. Harbour workers were not asked.", "top", None),
    "pull_quote_repeat": ("the harbour will stay open to fishing boats for another ten years",
                          "The mayor said the harbour will stay open to fishing boats for another ten years, whatever the council decides.",
                          "middle", None),
    "outlet_boilerplate": ("Harbour Weekly is a nonprofit newsroom that covers the coast.",
                           "Harbour Weekly is a nonprofit newsroom, the mayor said, and it covers the coast.", "middle", None),
    # Round 3: shapes from the misses of all four splits.
    "caption_credit_after": ("Boats wait outside the harbour in Harbourtown on July 11, 2020. Jane Doe/Harbour Weekly",
                             "The council approved the plan. Jane Doe/Harbour Weekly readers disagreed with it.", "middle", None),
    "link_label": ("Related:", "Related: the council's own report on the harbour was never published.", "middle", None),
    "read_more_link": ("Read more about the harbour's history",
                       "Read more about the harbour's history in the council's report.", "middle", None),
    # a gallery printing each caption twice (the test puts these four lines where one line goes)
    "gallery_captions": ("Boats wait outside the harbour.\nBoats wait outside the harbour.\nThe pier after the storm.\nThe pier after the storm.",
                         "The pier after the storm was closed for a week.", "middle", None),
    "dated_caption": ("Boats wait outside the harbour in Harbourtown, Maine, May 4, 2017.",
                      "The vote on the harbour plan is set for Friday, May 4, 2017.", "middle", None),
    "support_prompt": ("You can donate to the harbour fund here.", "Residents can donate to the harbour fund at the town hall.", "end", None),
    # Round 4: shapes from the misses of all six splits.
    "correction_notice": ("Corrections & Clarifications: An earlier version of this story misstated the length of the pier.",
                          "Corrections and clarifications were asked of the council.", "middle", None),
    "byline_label": ("Authors:", "Authors: the report names three of them.", "end", None),
    # a tweet's text on the line above its signature (the test puts these two lines where one line goes)
    "tweet_text": ("The harbour at dawn looked like a painting\npic.twitter.com/AbC123 — Jane Doe (@janedoe) May 1, 2019",
                   "The harbour at dawn looked like a painting, she said.", "middle", None),
    "author_portrait_name": ("Jane Doe", "Jane Doe opened the meeting.", "middle", None),
    "dated_caption_top": ("Harbour chef Jane Doe arrives at the Old Pier Hall gala on May 4, 2017 in Harbourtown, Maine.",
                          '"We lost everything," she said on May 4, 2017 in Harbourtown, Maine.', "top", None),
    "programme_promo": ("Harbour TV Political Analyst Jane Doe discusses the pier vote on Tuesday's Harbour Tonight.",
                        "Jane Doe discussed the pier vote on Tuesday's Harbour Tonight.", "middle", None),
    # round 5: a pull quote with a word added at its start, beside the paragraph it repeats (which stays)
    "pull_quote_reworded": ("Harbour critics of the plan, who never objected when the council spent more on the marina, now "
                            "complain about the cost of the pier.",
                            "Critics of the plan, who never objected when the council spent more on the marina, now complain "
                            "about the cost of the pier. They have a point.", "middle", None),
    # round 6 (more cases in test_cleaning_round6.py)
    "related_bullet": ("• Harbour Pier Plans Split The Council", "• The council met on Tuesday.", "middle", "Related"),
    "book_box": ("The Harbour Years by Jane Doe Hardcover, 312 pages | purchase", "Her first book ran to 312 pages in hardcover, and sold well.",
                 "middle", None),
    "caption_more": ("The harbour handles about a third of the region's freight, but has fewer workers than before. More",
                     "Fishermen on the pier want one thing from the council: More", "middle", None),
    "live_blog_navigation": ('Scroll down and read "up" to see how the day unfolded.', "Scroll down the list and you will see the pier.",
                             "middle", None),
}


# The metadata row a rule that reads metadata.csv needs for its case.
META = {
    "author_bio_named": {"byline": "Jane Doe, Opinion Contributor"},
    "outlet_name_line": {"outlet": "Harbour News"},
    "headline_variant": {"headline": "Harbour plan splits the town council"},
    "author_portrait_name": {"byline": "Jane Doe, John Roe"},
}


def _outlet_texts(blurb: str, n: int = 5) -> list[str]:
    """n invented articles of one outlet, each printing ``blurb`` between different paragraphs."""
    return [f"The council met on day {k} of the month.\n\n{blurb}\n\nThe vote on item {k} is next week." for k in range(n)]


# The boilerplate of the outlet a rule that reads the corpus needs for its case.
REPEATED = {"outlet_boilerplate": repeated_lines(_outlet_texts("Harbour Weekly is a nonprofit newsroom that covers the coast."))}


def _rules_by_name():
    return {r.name: r for r in load_rules()}


def test_every_new_rule_has_a_case():
    names = set(_rules_by_name())
    assert set(NEW_RULES) <= names
    start = [r.name for r in load_rules()].index("advert")
    assert set(NEW_RULES) == set([r.name for r in load_rules()][start:])


@pytest.mark.parametrize("name", sorted(NEW_RULES))
def test_new_rule_removes_its_line_and_keeps_the_near_miss(name):
    furniture, near_miss, where, above = NEW_RULES[name]
    pair = ([above] if above else []) + [furniture]
    if where == "top":
        lines = pair + ["", near_miss, "", _OPEN, "", _CLOSE]
    elif where == "end":
        lines = [_OPEN, "", near_miss, "", _CLOSE, ""] + pair
    else:
        lines = [_OPEN, ""] + pair + ["", near_miss, "", _CLOSE]
    result = clean_article("\n".join(lines), META.get(name), repeated=REPEATED.get(name, frozenset()))
    removed = {r["line"]: r["rule"] for r in result.removed if r["where"] != "prefix"}
    line_no = lines.index(furniture) + 1
    assert removed.get(line_no) == name, result.removed
    kept = [p.text for p in result.paragraphs]
    assert near_miss in kept and _OPEN in kept and _CLOSE in kept


def test_a_rule_that_follows_applies_only_below_its_rule():
    """A bullet without a full stop is removed under 'Story highlights', kept anywhere else."""
    bullet = "Critics say the plan ignores the fishing fleet"
    kept = clean_article("\n".join([_OPEN, "", bullet, "", _CLOSE]))
    assert bullet in [p.text for p in kept.paragraphs]
    text = "\n".join(["Story highlights The mayor says the plan will cost less", bullet, "", _OPEN])
    assert [r["rule"] for r in clean_article(text).removed] == ["story_highlights", "highlight_bullet"]


def test_a_long_line_is_furniture_only_for_a_rule_that_allows_it():
    box = "Newsletter Sign Up " + "Please enter a valid email address. " * 30
    assert len(box) > 400
    result = clean_article("\n".join([_OPEN, "", box, "", _CLOSE]))
    assert [r["rule"] for r in result.removed] == ["newsletter_box"]
    long_para = "Get the report delivered to your inbox, the mayor said, " + "and the council agreed. " * 20
    assert clean_article("\n".join([_OPEN, "", long_para, "", _CLOSE])).removed == []


def test_datelines_with_an_agency_in_brackets_and_a_hyphen():
    result = clean_article("NEW YORK (Reuters) - Shares rose on Monday.\n\nThey fell on Tuesday.")
    assert result.dateline == "NEW YORK (Reuters) -"
    assert result.paragraphs[0].text == "Shares rose on Monday."
    result = clean_article("Harbourtown (CNN) The council met on Monday.")
    assert result.dateline == "Harbourtown (CNN)"
    result = clean_article("Rep. Jane Doe (R) said on Monday that the plan would pass.")
    assert result.dateline == "" and result.removed == []


@pytest.mark.parametrize("line", [
    "Susan Page, USA TODAY",
    "Jessica Anderson, Opinion contributor",
    "John Smith | Harbour News",
    "Jane Doe and John Roe",
    "Jane Doe, John Roe and Ann Poe",
    "Coast and Country • April 10, 2015 • Jane Doe",
])
def test_bylines_without_by_at_the_top(line):
    result = clean_article("\n".join([line, "", _OPEN, "", _CLOSE]))
    assert [r["rule"] for r in result.removed] == ["byline_name"]
    assert result.paragraphs[0].text == _OPEN


@pytest.mark.parametrize("line", [
    "Updated Dec. 10 at 3:30 p.m. ET",
    "Updated 4:10 p.m. ET, 2/10/2014",
    "Updated at 12:19 p.m. on Monday",
    "Updated: 10:23 p.m.",
])
def test_update_stamps(line):
    result = clean_article("\n".join([_OPEN, "", line, "", _CLOSE]))
    assert [r["rule"] for r in result.removed] == ["editor_note"]
    kept = "The plan was updated at 5 p.m. on Monday."
    assert clean_article("\n".join([_OPEN, "", kept, "", _CLOSE])).removed == []


@pytest.mark.parametrize("line", [
    "Joe Doe speaks in Harbourtown. Jane Roe/Pool via REUTERS",
    "A handout photo provided by the Harbour Police. Harbour Police/Handout via REUTERS",
    "The mayor says the harbour will stay open [Jane Doe/Pool/Reuters]",
])
def test_pool_and_handout_captions(line):
    result = clean_article("\n".join([_OPEN, "", line, "", _CLOSE]))
    assert [r["rule"] for r in result.removed] == ["credited_caption"]
    kept = "The protesters [the group's leaders/organisers] said they would return."
    assert clean_article("\n".join([_OPEN, "", kept, "", _CLOSE])).removed == []


@pytest.mark.parametrize("line", [
    "Get our daily newsletter in your inbox",
    "To receive weekly updates like this in your inbox, subscribe to the Harbour Weekly newsletter here.",
    "Want more analysis like this delivered straight to your inbox? Sign up for our newsletter here.",
    "Morning Harbour newsletter Your guide to the port — in your inbox. Email Sign Up By signing up you agree to receive email newsletters.",
])
def test_newsletter_prompts(line):
    result = clean_article("\n".join([_OPEN, "", line, "", _CLOSE]))
    assert [r["rule"] for r in result.removed] in (["newsletter"], ["newsletter_box"])
    for kept in ["The council was widely mocked for the way its newsletter covered the vote.",
                 "The clerk said he would get the minutes in your inbox by Friday, a promise aides repeated."]:
        assert clean_article("\n".join([_OPEN, "", kept, "", _CLOSE])).removed == []


def test_a_caption_with_the_headline_after_it_at_the_top():
    meta = {"headline": "Harbour plan passes first vote"}
    line = "The mayor walks along the pier. | Jane Doe/Harbour News Harbour plan passes first vote"
    result = clean_article("\n".join([line, "", _OPEN, "", _CLOSE]), meta)
    assert [r["rule"] for r in result.removed] == ["caption_and_headline"]
    # A short headline never takes a sentence that ends with its words.
    result = clean_article("\n".join(["The council met about the harbour vote", "", _OPEN]), {"headline": "Harbour vote"})
    assert result.removed == []


@pytest.mark.parametrize("line, dateline, rest", [
    ("WASHINGTON—House Democrats said they would look again.", "WASHINGTON—", "House Democrats said they would look again."),
    ("CENTENNIAL, Colo. — Gone are the orange hair and the stare.", "CENTENNIAL, Colo. —", "Gone are the orange hair and the stare."),
    ("CHARLOTTE, NC - Greetings from the convention.", "CHARLOTTE, NC -", "Greetings from the convention."),
    ("Harbourtown, Norway - The council met on Monday.", "Harbourtown, Norway -", "The council met on Monday."),
    ("U.S. - China talks resumed on Monday.", "", "U.S. - China talks resumed on Monday."),
    ("Vice President Doe - Like the mayor, she spoke too long.", "", "Vice President Doe - Like the mayor, she spoke too long."),
    ("FILE - In this photo, a man walks.", "", "FILE - In this photo, a man walks."),
])
def test_datelines_with_a_dash(line, dateline, rest):
    result = clean_article(line + "\n\nThey fell on Tuesday.")
    assert result.dateline == dateline
    assert result.paragraphs[0].text == rest


def test_a_speaker_label_repeated_in_a_transcript_is_not_a_dateline():
    text = "JANE DOE: Welcome to the show.\n\nJOHN ROE: Thanks.\n\nJANE DOE: So tell us."
    assert clean_article(text).dateline == ""
    assert clean_article(text).paragraphs[0].text == "JANE DOE: Welcome to the show."
    assert clean_article("HARBOURTOWN: The council met.\n\nIt voted.").dateline == "HARBOURTOWN:"


def test_todays_is_not_the_moment_of_a_picture():
    """A long paragraph that runs into a quotation (no closing stop) and says "today's" is not a caption."""
    para = ("Walled estates and harbour villas have been standard for eons. Yet, as if the situation of today’s "
            "harbour were something new or different, the mayor writes that")
    result = clean_article("\n".join([_OPEN, "", para, "", _CLOSE]))
    assert result.removed == []
    caption = "The mayor walks along the pier with harbour workers in the rain today"
    assert [r["rule"] for r in clean_article("\n".join([_OPEN, "", caption, "", _CLOSE])).removed] == ["uncredited_caption"]


def test_headline_variants_at_the_top():
    meta = {"headline": "Harbour Plan Splits Town Council"}
    for line in [
        "Harbour Plan Splits Town Council The fleet would have to move.",  # the headline, then its standfirst
        "Council Split Over Harbour Plan, Mayor Says",  # the headline in other words, in title case
    ]:
        result = clean_article("\n".join([line, "", _OPEN, "", _CLOSE]), meta)
        assert [r["rule"] for r in result.removed] == ["headline_variant"], line
    for line in [
        "“The harbour must stay open to the fleet, whatever it costs.” Harbour Blog",  # a quotation and its source
        "The Mayor Went Home Early",  # title case, but no word of the headline
        "The mayor spoke first. Then the fleet",  # a short tail without a word of the headline
    ]:
        assert clean_article("\n".join([line, "", _OPEN, "", _CLOSE]), meta).removed == [], line


def test_a_pull_quote_is_only_a_part_of_a_longer_paragraph():
    para = "JANE DOE: We are going to talk about the harbour plan and what it means for the fishing fleet."
    for line in [
        "JANE DOE: We are going to talk about the harbour plan and what it means for the fishing",  # a transcript's turn
        "We are going to talk about the harbour plan and what it means for the—",  # a speaker cut off
        "‘We are going to talk about the harbour plan and what it means’",  # a quoted crosshead
        para,  # a paragraph printed twice, whole
    ]:
        result = clean_article("\n".join([_OPEN, "", line, "", para, "", _CLOSE]))
        assert result.removed == [], line
    pull = "what it means for the fishing fleet and the harbour town"
    para2 = "Nobody knows yet what it means for the fishing fleet and the harbour town, the mayor said."
    result = clean_article("\n".join([_OPEN, "", pull, "", para2, "", _CLOSE]))
    assert [r["rule"] for r in result.removed] == ["pull_quote_repeat"]


def test_an_outlets_boilerplate_is_counted_across_its_articles():
    blurb = "Harbour Weekly is a nonprofit newsroom that covers the coast."
    assert repeated_lines(_outlet_texts(blurb, 4)) == frozenset()  # in four articles only
    found = repeated_lines(_outlet_texts(blurb, 5))
    assert len(found) == 1
    # Repeated lines that belong to articles are never boilerplate.
    for line in [
        "What did the mayor say about the harbour?",  # a crosshead as a question
        "And Now, A Word From The Mayor",  # a recurring section's crosshead
        "A lightly edited transcript of our conversation follows.",  # a lead-in
        "“The harbour is the town, and the town is the harbour,” the mayor likes to say.",  # a quotation
        "Panel: Ann Poe, Bo Roe, Cy Doe, Di Moe, Ed Loe, Flo Noe, Gus Koe",  # a list
        "Short line here.",  # fewer than six words
    ]:
        assert repeated_lines(_outlet_texts(line, 8)) == frozenset(), line
    # An article saved five times over is one article: its lines sit between the same neighbours.
    same = ["The council met on Monday.\n\nHarbour Weekly is a nonprofit newsroom that covers the coast.\n\nThe vote is next week."] * 5
    assert repeated_lines(same) == frozenset()
    # Counted per outlet: the same line in five articles of five outlets is nobody's boilerplate.
    items = [(f"Outlet {k}", t) for k, t in enumerate(_outlet_texts(blurb, 5))]
    assert all(v == frozenset() for v in repeated_by_outlet(items).values())
    assert repeated_by_outlet([("Harbour Weekly", t) for t in _outlet_texts(blurb, 5)]) == {"Harbour Weekly": found}
    # Without the outlet's boilerplate (a corpus too small to count on), the line stays.
    text = "\n".join([_OPEN, "", blurb, "", _CLOSE])
    assert clean_article(text).removed == []
    assert [r["rule"] for r in clean_article(text, repeated=found).removed] == ["outlet_boilerplate"]


@pytest.mark.parametrize("line, rule", [
    ("Lawmakers left for the weekend with no talks scheduled. | Jane Doe/HARBOUR NEWS Harbour talks stall", "credited_caption"),
    ("Boats wait outside the harbour on Monday. Photographer: Jane Doe/Harbour Agency", "credited_caption"),
    ("The mayor had a message for the fleet. Source: Harbour TV", "credited_caption"),
    ("This combination photo shows the harbour in 2010 and in 2020. (AP Photo)", "agency_file_caption"),
    ("Harbour News's Jane Doe contributed.", "contributor_credit"),
    ("Jane Doe contributed reporting to this story.", "contributor_credit"),
    ("— With assistance by Jane Doe", "contributor_credit"),
    ("Science Writer Jane Doe reported from Harbourtown. John Roe contributed from Oslo.", "contributor_credit"),
    ("—Updated at 2:39 p.m.", "editor_note"),
    ("This article is adapted from passages in Chapter Six of Jane Doe’s book “The Harbour” (Coast Press, 2013).", "editor_note"),
    ("The Harbour News receives support from the Coast Foundation. The Harbour News is solely responsible for all content.", "editor_note"),
    ("This article is more than 2 years old", "editor_note"),
    ("Read More: Council Delays Vote on Harbour Plan", "related_link"),
    ("NOW WATCH: ‘Five Reasons the Harbour Plan Failed’", "related_link"),
    ("SPECIAL COVERAGE: Harbour Reform", "related_link"),
    ("( Full 2014 harbour results)", "related_link"),
    ("More On This...", "related_link"),
    ("More on harbour reform", "related_link"),
    ("For more Harbour News stories about the coast, go to https://example.com/coast", "read_more"),
    ("Watch The Mayor's Remarks In Full", "video_link"),
    ("SHARE THIS ARTICLE Share Tweet Post Email", "share_prompt"),
    ("__", "separator"),
])
def test_round_two_patterns(line, rule):
    """Each pattern added in the second round removes its invented line; the near misses below stay."""
    text = "\n".join([_OPEN, "", line, "", _CLOSE]) if rule not in ("contributor_credit", "editor_note") else "\n".join([_OPEN, "", _CLOSE, "", line])
    assert [r["rule"] for r in clean_article(text).removed] == [rule]


@pytest.mark.parametrize("line", [
    "Much of the money came from donors who never contributed.",
    "More on that later, the mayor said.",
    "Watch the harbour closely, she warned.",
    "The council said it would share, post and email the plan.",
    "He read more than 40 reports (and wrote none) before the vote.",
    "The mayor (left) and the clerk (right) signed the plan.",
    "Source: the clerk said the vote was delayed.",
])
def test_round_two_near_misses_stay(line):
    for text in ("\n".join([_OPEN, "", line, "", _CLOSE]), "\n".join([_OPEN, "", _CLOSE, "", line])):
        assert clean_article(text).removed == [], line


@pytest.mark.parametrize("line, rule, where, meta", [
    ("FILE PHOTO: Boats wait outside the harbour in Harbourtown, U.S., May 4, 2017. REUTERS/Jane Doe/File Photo", "caption_credit_after", "middle", None),
    ("Boats wait outside the harbour. " * 12 + "Jane Doe/AP Photo", "caption_credit_after", "middle", None),  # longer than 400 characters
    ("Jane Doe/Bloomberg via Getty Images, FILE", "picture_credit", "middle", None),
    ("janedoe/Instagram", "picture_credit", "middle", None),
    ("Jane Doe/HNN", "picture_credit", "middle", None),
    ("HNN", "outlet_name_line", "middle", {"outlet": "HNN (Web News)"}),
    ("Click for more from Harbour Weekly.", "app_and_site_prompt", "middle", None),
    ("'We are tired':Voters in Harbourtown want a new pier", "related_link", "middle", None),
    ("Fact check: What the mayor said about the pier", "related_link", "middle", None),
    ("This is a round-up of stories from the coast. Want it in your inbox every night? Sign up for \"The Harbour List\" newsletter here.",
     "newsletter", "middle", None),
    ("Join Opinion on Facebook and follow updates on example.com/harbour.", "social_follow", "middle", None),
    ("Jane Doe (@janedoe) The harbour plan is a mistake.", "social_embed", "middle", None),
    (".@harbourmayor the pier is falling apart and nobody cares!", "social_embed", "middle", None),
    ("7 years ago", "editor_note", "top", None),
    ("Reach Jane Doe at jdoe@example.com or on Twitter @janedoe.", "contact_line", "end", None),
    ("Send tips to jane@example.org", "contact_line", "end", None),
    ("Write to Jane Doe at jane.doe@example.com and John Roe at john.roe@example.com", "contact_line", "end", None),
    ("Get more harbour news at HarbourNews.com/Coast.", "site_promo", "middle", None),
    ("Infographic ID: 'x1Y2z3'", "chart_source", "middle", None),
    ("This story is based in part on wire service reports.", "wire_credit", "end", None),
    ("Already subscribe? Click here to support Harbour Weekly.", "app_prompt", "end", None),
    ("ANALYSIS/OPINION:", "section_label", "top", None),
    ("• Jane Doe is a columnist for Harbour Weekly.", "author_bio_named", "end", {"byline": "Jane Doe"}),
    ("Follow @harbournews", "social_follow", "middle", None),
    ("This is a developing story, check back for updates.", "editor_note", "end", None),
    ("— This report was last updated at 8:02 a.m.", "editor_note", "end", None),
    ("Have you been affected by the flood? Share your experiences by emailing flood@example.com.", "contact_line", "end", None),
    ("Please include a contact number if you are willing to speak to a reporter.", "contact_line", "end", None),
    ("—", "separator", "middle", None),
    ("**Want Harbour Mornings in your inbox every day? Sign up here.**", "newsletter", "top", None),
    ("Support Harbour News’s explanatory journalism", "support_prompt", "end", None),
    ("Every day we answer your questions about the coast. " * 8 + "Please consider making a contribution to Harbour News today.", "support_prompt", "end", None),
    ("If you enjoyed this article, we have a proposition for you: join Harbour Plus. " * 3, "support_prompt", "end", None),
    ("Loading...", "media_placeholder", "middle", None),
    ("Video", "media_placeholder", "middle", None),
    ("next Image 1 of 3", "media_placeholder", "middle", None),
    ("181201202620793", "media_placeholder", "middle", None),  # ten digits or more
    ('poster="https://example.com/video-still.jpg?id=7"', "media_placeholder", "middle", None),
    ("Advertisement Advertisement", "advert", "middle", None),
    ("• • •", "separator", "middle", None),
    ("(Reuters photo: Jane Doe)", "picture_credit", "middle", None),
    ("(Pixabay)", "picture_credit", "middle", None),
    ("Also see:", "link_label", "middle", None),
    ("WATCH:", "link_label", "middle", None),
    ("Follow @harbourdesk Follow @janedoe", "social_follow", "middle", None),
    ("Like us on Facebook.", "social_follow", "middle", None),
    ("Share this: Pocket", "share_prompt", "middle", None),
    ("Subscribe now for as little as $2 a month!", "app_prompt", "end", None),
    ("HarbourNews", "outlet_name_line", "middle", {"outlet": "Harbour News"}),
    # round 4
    ("Corrections & Clarifications: An earlier version of this story misstated the length of the pier.", "correction_notice", "top", None),
    ("Authors:", "byline_label", "end", None),
    ("Jane O'Donnell", "byline_name", "top", None),
    ("Editors", "byline_name", "top", None),
    ("Update: This piece was updated with the mayor's statement on Friday.", "editor_note", "end", None),
    ("(Note: This answer is derived from my column of May 4, 2008, with some changes.)", "editor_note", "middle", None),
    ("Want news from Harbour News on WhatsApp?Click this link on your mobile device to get started", "app_and_site_prompt", "middle", None),
    ("WARNING: GRAPHIC VIDEO", "video_link", "middle", None),
    ("INTERACTIVE MAP: Where the harbour floods", "related_link", "middle", None),
    ("Other opinions below.", "navigation", "end", None),
    ("Harbour chef Jane Doe arrives at the Old Pier Hall gala on May 4, 2017 in Harbourtown, Maine.", "dated_caption_top", "top", None),
    ("Mayor Jane Doe waves before boarding the ferry on the South Quay in Harbourtown, ME on March 29, 2018.", "dated_caption_top", "top", None),
    ("Harbour TV Political Analyst Jane Doe breaks down the pier vote and the budget on Tuesday's Harbour Tonight.", "programme_promo", "middle", None),
    ("Watch Harbour TV's Coast Report coverage and analysis at 11:00 a.m. EST.", "programme_promo", "middle", None),
    ("Jane Doe", "author_portrait_name", "middle", {"byline": "Jane Doe, John Roe"}),
])
def test_round_three_patterns(line, rule, where, meta):
    """Each shape added in the third and fourth rounds removes its invented line at its place; the near misses below stay."""
    assert _rules_removing(line, where, meta) == [rule]


@pytest.mark.parametrize("line, meta", [
    ("Yes/No Voters", None),
    ("Jane Doe/the council said no.", None),
    ("HNN", {"outlet": "Harbour News"}),  # no short name in the outlet's name
    ("Clicks for more than an hour kept the site down.", None),
    ("Fact check: the mayor said the pier cost $2 million.", None),
    ("Residents who signed up for the harbour newsletter in May got the plan first.", None),
    ("Join the council on Monday at the harbour.", None),
    ("Jane Doe (@janedoe) teaches law at Harbour College.", None),
    ("The mayor (@harbourmayor) said the pier was safe.", None),
    ("7 years ago, the harbour flooded.", None),
    ("Residents can reach the clerk at the town hall.", None),
    ("Get more boats at the harbour, the fleet said.", None),
    ("Infographic designers were not paid, she said.", None),
    ("This story is based on interviews with 20 fishermen.", None),
    ("Analysis: the plan fails the fleet, the report says.", None),
    ("• John Roe is a columnist for Harbour Weekly.", {"byline": "Jane Doe"}),
    ("How concerned are you about the harbour? Harbour News/Coast Poll", None),  # a chart's title and its poll
    ("Follow @janedoe's lead, the mayor urged.", None),
    ("This is a developing town, the mayor said.", None),
    ("Have you been to the harbour? The mayor has not, and she says so.", None),
    ("- the mayor, on the harbour", None),
    ("Support for the harbour plan is falling, a poll says.", None),
    ("If you enjoyed the harbour festival, come back next year, the mayor said.", None),
    ("Video of the vote was shared widely.", None),
    ("202001011", None),  # a number of nine digits or fewer is not a media ID
    ('poster="https://example.com/still.jpg" The harbour plan explained in two minutes.', None),  # text after the markup stays
    ("(The mayor left early.)", None),
    ("More: the council wants a second vote.", None),
    ("Like us, the fleet wants a second vote.", None),
    ("Subscribe now, the mayor urged readers of the harbour bulletin.", None),
    # round 4
    ("Corrections to the pier budget were made on Monday.", None),
    ("Authors: the report names three of them.", None),
    ("Editors at the harbour paper disagreed.", None),
    ("Update: the mayor said the pier would reopen.", None),
    ("Warning signs went up on the pier in May.", None),
    ("Other boats waited below.", None),
    ('"We lost everything," she said on May 4, 2017 in Harbourtown, Maine.', None),  # a quotation is no caption
    ("The mayor discussed the pier on Tuesday's Harbour Tonight.", None),  # the past tense is prose
    ("Jane Doe said on Sunday's Harbour Tonight that the pier is safe.", None),
])
def test_round_three_near_misses_stay(line, meta):
    _stays_anywhere(line, meta)


def _rules_removing(line: str, where: str, meta: dict | None) -> list[str]:
    """The rules that remove something from an invented article with ``line`` at the top, in the middle or at the end."""
    text = {"top": [line, "", _OPEN, "", _CLOSE], "end": [_OPEN, "", _CLOSE, "", line], "middle": [_OPEN, "", line, "", _CLOSE]}[where]
    return [r["rule"] for r in clean_article("\n".join(text), meta).removed]


def _stays_anywhere(line: str, meta: dict | None) -> None:
    for where in ("top", "middle", "end"):
        assert _rules_removing(line, where, meta) == [], (line, where)


def test_a_paragraph_printed_twice_alone_is_kept():
    """Only a run of doubled lines is a gallery: one paragraph printed twice (a scraper's slip) stays."""
    para = "The pier after the storm was closed for a week."
    result = clean_article("\n".join([_OPEN, "", para, "", para, "", _CLOSE]))
    assert result.removed == []
    assert [p.text for p in result.paragraphs].count(para) == 2


def test_loading_a_corpus_removes_an_outlets_boilerplate_and_keeps_another_outlets_line(tmp_path):
    """The boilerplate rule reads the corpus: a line one outlet prints in five of its articles goes, in
    that outlet's articles only (another outlet printing it once keeps it: it may be its own sentence)."""
    from tests.corpus_folders import write_corpus

    blurb = "Harbour Weekly is a nonprofit newsroom that covers the coast."
    articles = {f"hw{k}": ("Harbour Weekly", [f"The council met on day {k} of the month to vote.", blurb,
                                                f"The vote on item {k} is expected next week, a clerk said."]) for k in range(5)}
    articles["other"] = ("Coast Daily", ["The council met again on Friday to vote.", blurb, "The vote is next week."])
    corpus = write_corpus(tmp_path / "c", articles)
    kept = corpus.paragraphs().groupby("article_id")["text"].agg(" ".join)
    assert all(blurb not in kept[f"hw{k}"] for k in range(5))
    assert blurb in kept["other"]
    assert (corpus.audit["rule"] == "outlet_boilerplate").sum() == 5


def test_the_lines_of_a_tweet_above_its_signature_go():
    """A tweet printed over several lines, its signature line opening with the picture link or a label: the
    lines above it go (up to three more); the author's sentence above the tweet, with its full stop, stays."""
    lines = [_OPEN, "", "She posted the picture at noon.", "", "The harbour at dawn looked like a painting", "",
             "pic.twitter.com/AbC123 — Jane Doe (@janedoe) May 1, 2019", "", "Others joked about the pier.", "",
             '"Mayor, the pier is sinking"', "", '"Who says so"', "", "Mayor: pic.twitter.com/Xyz789 — John Roe (@johnroe) May 1, 2019",
             "", _CLOSE]
    removed = {r["line"]: r["rule"] for r in clean_article("\n".join(lines)).removed}
    assert removed == {5: "tweet_text", 7: "social_embed", 11: "tweet_text", 13: "tweet_text", 15: "social_embed"}


@pytest.mark.parametrize("above", ["He wrote:", "She posted a picture of the pier.", "Not everyone agreed with the mayor's plan."])
def test_an_authors_line_above_a_tweet_stays(above):
    """A line ending in a colon or a full stop introduces the tweet; a signature with words of its own before its
    link takes nothing above it."""
    for sig in ("pic.twitter.com/AbC123 — Jane Doe (@janedoe) May 1, 2019",
                "Not worth it. pic.twitter.com/AbC123 — Jane Doe (@janedoe) May 1, 2019"):
        removed = clean_article("\n".join([_OPEN, "", above, "", sig, "", _CLOSE])).removed
        assert [r["line"] for r in removed] == [5], (above, sig)
    removed = clean_article("\n".join([_OPEN, "", "The pier is sinking and nobody cares", "", "Not worth it. pic.twitter.com/AbC123 — Jane Doe (@janedoe) May 1, 2019", "", _CLOSE])).removed
    assert [r["line"] for r in removed] == [5]


def test_an_authors_name_is_a_portrait_caption_only_once_and_below_a_paragraph():
    """The author's name between paragraphs goes; printed on every turn of an interview it is a speaker's label,
    and under a crosshead it opens a contributor's part: both stay."""
    meta = {"byline": "Jane Doe, John Roe"}
    portrait = [_OPEN, "", "Jane Doe", "", "John Roe", "", _CLOSE]
    assert {r["line"]: r["rule"] for r in clean_article("\n".join(portrait), meta).removed} == {3: "author_portrait_name", 5: "author_portrait_name"}
    interview = [_OPEN, "", "Jane Doe", "", "What do you make of the pier?", "", "Ann Poe", "", "It is falling down.", "",
                 "Jane Doe", "", "Will it be fixed?", "", _CLOSE]
    assert clean_article("\n".join(interview), meta).removed == []
    symposium = [_OPEN, "", "Harbour Plans: A Second Look", "", "Jane Doe", "", _CLOSE]
    assert clean_article("\n".join(symposium), meta).removed == []
    other = [_OPEN, "", "Ann Poe", "", _CLOSE]  # not an author of this article
    assert clean_article("\n".join(other), meta).removed == []


def test_a_list_under_more_coverage_goes():
    lines = [_OPEN, "", "More coverage:", "", "5 ways the pier could fall", "", "The word 'harbour' has an old origin", "", _CLOSE]
    assert [r["rule"] for r in clean_article("\n".join(lines)).removed] == ["read_more", "read_more_list", "read_more_list"]


@pytest.mark.parametrize(
    "line",
    ["He said —", "We're going to talk about--", "a pause – ", "She left.", "well-known", "— he said", "ends -\u2026", "x_-", "", "Done!”", "Why?)\n"],
)
def test_line_end_readers_agree_with_their_regular_expressions(line):
    from analysis.corpus.cleaning import _cut_off, _ends_sentence

    assert _cut_off(line) == bool(re.search(r"(?:[—–-]|--)\W*$", line))
    assert _ends_sentence(line) == bool(re.search(r"""[.!?…]["”’')]*$""", line))
