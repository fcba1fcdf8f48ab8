"""quotes_in_text (analysis.sourcing.quotes): quote marks as the finder reads them, kinds, quotations, headlines,
indirect attributions, property tests with stray and unbalanced marks, and the hand-listed seeds.

The seed test compares the quote finder with ``tests/fixtures/seed_quotes.csv``, a list written by
reading the five articles; the property tests feed it text full of stray and unbalanced marks.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import sourcing
from analysis.corpus.marks import find_passages, paragraph_spans
from analysis.sourcing.quotes import load_lexicon, quotes_in_text
from tests.sourcing.helpers import one, only, quotes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    "text, quote",
    [
        ("Jane Doe said: “We will win.”", "We will win."),
        ('"We will win," said Jane Doe.', "We will win,"),
        ("''We are refugees,'' Ms. Alawee said.", "We are refugees,"),  # two apostrophes as a double mark
        ("Jane Doe said: ‘We will win.’", "We will win."),
        ("Jane Doe said: «We will win.»", "We will win."),
    ],
)
def test_every_kind_of_mark(text, quote):
    row = one(text)
    assert row["quote"] == quote
    assert row["kind"] == "direct" and row["speaker"] in ("Jane Doe", "Alawee")


def test_wrong_closing_mark_closes_the_quote():
    # AFP closes with an opening mark: ,“ he said
    rows = only("Donald Trump spoke in Rome.\n\n“Most of the points are agreed,“ he said. Nobody else spoke.")
    assert [r["quote"] for r in rows] == ["Most of the points are agreed,"]
    assert rows[0]["speaker"] == "Donald Trump" and rows[0]["via"] == "pronoun"


def test_nested_quote_with_the_same_marks_stays_inside():
    text = "“They should meet to “finish it off.” Most points are agreed,” Trump posted."
    row = one(text)
    assert row["quote"] == "They should meet to “finish it off.” Most points are agreed,"
    assert row["speaker"] == "Donald Trump" and row["verb"] == "posted"


def test_single_quotes_nested_in_double_are_not_separate_quotes():
    row = one("“They should meet to ‘finish it off’ now,” Trump wrote.")
    assert row["quote"] == "They should meet to ‘finish it off’ now,"


def test_apostrophes_are_not_quote_marks():
    assert only("Trump’s envoy met Putin’s aide in the soldiers’ hall; it’s the ’90s again.") == []


def test_quote_over_two_paragraphs_is_one_quotation():
    text = "Jane Doe said it had been “a good day.\n\n“We are very close,” she added."
    rows = only(text)
    assert [r["quote"] for r in rows] == ["a good day.", "We are very close,"]
    assert rows[0]["quotation"] == rows[1]["quotation"]
    assert {r["speaker"] for r in rows} == {"Jane Doe"}
    assert rows[0]["closed"] is False and rows[1]["closed"] is True


def test_quote_split_by_its_attribution():
    rows = only("Jane Doe spoke on Friday. “First part,” she said. “Second part.”")
    assert [r["quote"] for r in rows] == ["First part,", "Second part."]
    assert [r["speaker"] for r in rows] == ["Jane Doe", "Jane Doe"]
    assert rows[1]["via"] == "previous quote" and rows[0]["quotation"] == rows[1]["quotation"]


def test_unclosed_quote_ends_with_its_sentence_when_not_reopened():
    text = "“An opening mark that never closes. The next sentence is narration.\n\nA new paragraph."
    rows = only(text)
    assert [r["quote"] for r in rows] == ["An opening mark that never closes."]


def test_scare_quote_has_no_speaker():
    row = one("Details of Washington’s “final offer” emerged on Friday.")
    assert (row["kind"], row["speaker"], row["speaker_type"]) == ("scare", "", "unknown")


def test_headline_quotes_have_headline_offsets():
    headline = "Trump says Russia and Ukraine ‘very close to deal’ after talks"
    rows = [r for r in quotes("No quotes here.", headline=headline) if r["field"] == "headline"]
    assert len(rows) == 1
    r = rows[0]
    assert headline[r["start"] : r["end"]] == r["quote"] == "very close to deal"
    assert (r["kind"], r["speaker"], r["paragraph"]) == ("headline", "Donald Trump", -1)


def test_headline_printed_again_at_the_top_is_not_body():
    # A file that opens with its title (a final full stop added, a deck on a second line) gives
    # that paragraph's quotes once, as the headline's rows, not again as body quotes.
    headline = "Mayor Vale vows ‘no more delays’ on bridge; Council split"
    text = "Mayor Vale vows ‘no more delays’ on bridge; \nCouncil split.\n\nThe mayor said the work would “start in May.”"
    rows = quotes(text, headline=headline)
    assert [(r["field"], r["quote"]) for r in rows] == [("text", "start in May."), ("headline", "no more delays")]
    # Without the headline, or with another one, the first paragraph is body.
    assert [r["quote"] for r in quotes(text) if r["field"] == "text"] == ["no more delays", "start in May."]
    assert [r["quote"] for r in quotes(text, headline="Bridge work to start") if r["field"] == "text"][0] == "no more delays"


def test_indirect_attributions():
    rows = quotes("Sergei Lavrov told CBS that Moscow was ready to reach a deal.", indirect=True)
    ind = [r for r in rows if r["kind"] == "indirect"]
    assert len(ind) == 1
    assert (ind[0]["speaker"], ind[0]["verb"], ind[0]["quote"]) == ("Sergei Lavrov", "told", "Moscow was ready to reach a deal")
    rows = quotes("According to Ushakov, the talks covered direct negotiations.", indirect=True)
    assert [(r["speaker"], r["quote"]) for r in rows if r["kind"] == "indirect"] == [("Yuri Ushakov", "the talks covered direct negotiations")]
    # a negated or participial verb reports nothing
    assert [r for r in quotes_in_text("The United States has not revealed details of its plan.", indirect=True) if r["kind"] == "indirect"] == []


def test_function_is_deterministic_and_reuses_its_resources(corpus):
    text = corpus.articles["text"].iloc[0]
    assert quotes_in_text(text) == quotes_in_text(text)
    assert load_lexicon() is load_lexicon()


MARKS = ["“", "”", '"', "‘", "’", "'", "''", "«", "»", "„"]


WORDS = ["Trump", "said", "he", "the", "talks", "were", "Kremlin", "told", "reporters", "Mr", "Zelensky’s", "aide", "war", "it’s"]


PIECES = st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.sampled_from([" ", " ", ". ", ", ", "\n", "\n\n", ": ", "—"]))


def _check(text: str, rows: list[dict]) -> None:
    paras = paragraph_spans(text)
    for r in rows:
        assert r["field"] == "text"
        assert text[r["start"] : r["end"]] == r["quote"]
        assert any(a <= r["start"] and r["end"] <= b for a, b in paras), "a quote crossed a paragraph end"
        assert "\n\n" not in r["quote"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=80).map("".join))
def test_property_any_mix_of_marks_never_raises_and_offsets_hold(text):
    rows = quotes_in_text(text, indirect=True)
    _check(text, [r for r in rows if r["kind"] != "indirect"])
    for r in rows:
        assert text[r["start"] : r["end"]] == r["quote"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_property_arbitrary_text(text):
    _check(text, only(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_property_a_stray_mark_stays_in_its_paragraph(corpus, data):
    """One stray mark dropped anywhere into a seed article changes nothing outside its paragraph."""
    aid = data.draw(st.sampled_from(list(corpus.articles.index)))
    text = corpus.articles.loc[aid, "text"]
    at = data.draw(st.integers(0, len(text)))
    mark = data.draw(st.sampled_from(MARKS))
    broken = text[:at] + mark + text[at:]
    rows = only(broken)
    _check(broken, rows)
    para = next(((a, b) for a, b in paragraph_spans(broken) if a <= at <= b), None)
    longest = max((b - a for a, b in paragraph_spans(broken)), default=0)
    for r in rows:
        assert r["end"] - r["start"] <= longest
        if para and not (para[0] <= r["start"] <= para[1]):
            # quotes of the other paragraphs are found exactly as in the clean text (shifted)
            shift = len(mark) if r["start"] > at else 0
            assert text[r["start"] - shift : r["end"] - shift] == r["quote"]


def test_find_passages_with_a_mark_at_every_position():
    base = "He said “it works” today.\n\nShe said “it does not”."
    for i in range(len(base) + 1):
        for mark in ("“", "”", '"'):
            text = base[:i] + mark + base[i:]
            for p in find_passages(text):
                assert 0 <= p.start < p.end <= len(text)


def _expected() -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "seed_quotes.csv", comment="#", keep_default_na=False, dtype=str)


def _match_seeds(corpus):
    expected = _expected()
    found = sourcing.extract_quotes(corpus)
    found = found[found["kind"] != "indirect"]
    report, used, seen = [], set(), {}
    for e in expected.itertuples(index=False):
        field = "headline" if e.kind == "headline" else "text"
        source = corpus.articles.loc[e.article_id, field]
        key = (e.article_id, field, e.quote)
        a = source.index(e.quote, seen[key] + 1 if key in seen else 0)  # a quote printed twice: its next occurrence
        seen[key] = a
        b = a + len(e.quote)
        best = None
        for i, r in found[(found["article_id"] == e.article_id) & (found["field"] == field)].iterrows():
            ov = min(b, r["end"]) - max(a, r["start"])
            if i not in used and ov >= 0.5 * max(b - a, r["end"] - r["start"]):
                best = i
                break
        if best is None:
            report.append(("missed", e.article_id, e.quote, e.speaker, ""))
            continue
        used.add(best)
        got = found.loc[best]
        if got["speaker"] != e.speaker:
            report.append(("wrong speaker", e.article_id, e.quote, e.speaker, got["speaker"]))
        elif got["kind"] != e.kind:
            report.append(("other kind", e.article_id, e.quote, e.kind, got["kind"]))
    spurious = found[~found.index.isin(used) & found["kind"].isin(["direct", "partial"])]
    return expected, report, spurious


def test_seed_fixture_quotes_are_in_the_articles(corpus):
    expected = _expected()
    assert 70 <= len(expected) <= 85
    for e in expected.itertuples(index=False):
        source = corpus.articles.loc[e.article_id, "headline" if e.kind == "headline" else "text"]
        assert e.quote in source, e.quote


def test_seeds_at_most_three_missed_or_wrong_speaker(corpus):
    expected, report, spurious = _match_seeds(corpus)
    errors = [r for r in report if r[0] in ("missed", "wrong speaker")]
    assert len(errors) <= 3, "\n".join(map(str, errors))
    assert len(spurious) <= 3, spurious[["article_id", "quote", "speaker"]].to_string()
    kinds_wrong = [r for r in report if r[0] == "other kind"]
    assert len(kinds_wrong) <= 0.15 * len(expected), "\n".join(map(str, kinds_wrong))


@pytest.mark.parametrize("unit", ["the officials met and said things ", "Alpha Beta said ", "Smith, who said, and told reporters that "])
def test_work_on_one_endless_sentence_is_linear(monkeypatch, unit):
    """A "sentence" of thousands of tokens and reporting verbs (no full stop, no quote mark), after
    one quote in a paragraph of its own (a text with no quote mark at all is not read further): the subject of each verb is
    looked for a bounded distance back, so the calls grow with the verbs, not with their square
    (before the bound, 294 verbs cost 43,365 calls)."""
    from analysis.sourcing import cues

    calls = {"n": 0}
    real = cues.subject_of

    def counted(*args, **kw):
        calls["n"] += 1
        return real(*args, **kw)

    monkeypatch.setattr(cues, "subject_of", counted)
    lex = load_lexicon()
    counts = []
    for n in (2_000, 8_000):
        calls["n"] = 0
        quotes_in_text("“We will see,” she said.\n\n" + (unit * (n // len(unit) + 1))[:n], lexicon=lex)
        counts.append(calls["n"])
    verbs = 8_000 / len(unit)
    assert counts[0] > 0, "the long sentence was not read"
    assert counts[1] <= 6 * verbs, counts
    assert counts[1] <= 5 * max(counts[0], 1), counts


def test_titles_and_words_quoted_as_words_are_nobody_s_words():
    rows = only("“We tried,” Ana Reyes told Radio Nine on “Morning With Ted Hall.” Now, Ana Reyes said, the switch "
                "from “levy” to “fee” raises the question of “who pays for it.”")
    kinds = {r["quote"]: r["kind"] for r in rows}
    assert kinds["Morning With Ted Hall."] == "scare"
    assert kinds["levy"] == "scare" and kinds["fee"] == "scare"
    assert kinds["who pays for it."] == "partial"
    # after a name's possessive, or before the noun of a work: a programme, a film
    rows = only("Ana Reyes said so on Radio Nine’s “Morning With Ted Hall” and again on the “Open Line” podcast. "
                "Later the “Skyfall” star Ben Cole said the plan “will not pay for itself.”")
    kinds = {r["quote"]: r["kind"] for r in rows}
    assert kinds["Morning With Ted Hall"] == kinds["Open Line"] == kinds["Skyfall"] == "scare"
    assert kinds["will not pay for itself."] == "partial"


def test_a_quotation_carried_on_in_the_reporter_s_next_sentence_keeps_its_speaker():
    rows = only("“We were not very happy when it was first announced,” said Lena Park, head of policy at the council. "
                "Now, “within the business community there is a sizable constituency saying this is fine.”")
    assert [r["speaker"] for r in rows] == ["Lena Park", "Lena Park"]
    # a short phrase in the reporter's sentence is left alone, and so is a sentence with a subject of its own
    rows = only("“We were not happy,” said Lena Park. For the towns the plan is a “fiscal cliff.”")
    assert rows[1]["speaker"] == ""
    rows = only("“We were not happy,” said Lena Park. The mayor wanted “a long and open debate about all of this first.”")
    assert rows[1]["speaker"] == ""


def test_a_document_subject_after_the_quote_and_a_verb_with_its_object_before_a_participle():
    r = only("“Immigrants are integrating into the wider society,” the report concluded.")[0]
    assert (r["speaker"], r["verb"]) == ("the report", "concluded")
    r = only("The town released a statement Wednesday saying the remarks “are based on opinion, not on any actual facts,” "
             "and invited him to visit.")[0]
    assert r["speaker_mention"] == "The town"


def test_a_quote_after_a_dash_is_the_clause_subject_s_when_no_verb_of_speech_introduces_it():
    r = one("Mr Alvarez also defended the tactic -- “I think it is nothing compared to what they would do to us.”")
    assert (r["speaker"], r["cue_position"]) == ("Alvarez", "colon")
    r = one("The mayor was killed by a bomb — “a cowardly act,” the governor said.")
    assert r["speaker"] == "the governor"


def test_a_quote_that_closes_its_sentence_does_not_take_the_next_quotes_cue():
    rows = only("“We are refugees,” Ms. Vale said. “We are not criminals.” Mr. Ruiz said: “The attack was the work of others.”")
    assert [r["speaker"] for r in rows] == ["Vale", "Vale", "Ruiz"]
    # a title or a phrase with no full stop of its own still does: "“Glitters” was a “cautionary tale,” said Crawford"
    rows = only("“Glitters” was to be a “cautionary tale,” said Ann Crawford.")
    assert {r["speaker"] for r in rows} == {"Ann Crawford"}


def test_a_paragraph_that_is_one_quotation_goes_to_the_person_the_paragraph_before_is_about():
    # nobody spoke in the paragraph before, but its subject is a person: news style hands the
    # floor to them; a paragraph about no person leaves the quotation without a speaker
    about = "Maria Varga is upbeat about the vote in May, in part because she sees the party as united.\n\n"
    quotation = "“Not only can we win in May, we are the ones with the best chance of winning.”"
    assert [r["speaker"] for r in only(about + quotation)] == ["Maria Varga"]
    assert [r["speaker"] for r in only("The weather in the valley was bad all week.\n\n" + quotation)] == [""]


def test_a_cue_after_a_closed_sentence_does_not_cross_a_line_break():
    # paragraphs written as single lines: the next line's verb reports something else
    text = ("Governor Chris Bertrand and Senator Marco Ruiz met on the stage.\n\n"
            "Bertrand's been making the case for weeks that Ruiz isn't ready for the job. \"You have not been involved in a "
            "consequential decision where you had to be held accountable,\" he said. \"You just simply haven't.\"\n"
            "Ruiz fired back at Bertrand over the state's credit rating being downgraded nine times.\n")
    assert [r["speaker"] for r in only(text)] == ["Chris Bertrand", "Chris Bertrand"]


def test_a_passage_framed_by_an_unlisted_verb_is_the_person_subjects():
    text = "Paula Ryder worried that the safety net was becoming “a hammock that lulls able-bodied people to lives of dependency.”"
    assert [(r["kind"], r["speaker"]) for r in only(text)] == [("partial", "Paula Ryder")]
    # a few words stay the reporter's marks; a subject that is no person gives no speaker
    assert [(r["kind"], r["speaker"]) for r in only("Paula Ryder worried that the net was a “hammock” for many.")] == [("scare", "")]
    text = "The old bridge was becoming “a hazard that threatens every driver who crosses it at night.”"
    assert [r["speaker"] for r in only(text)] == [""]


def test_a_passage_framed_by_an_unlisted_verb_is_the_body_subjects():
    text = "The NCRB listed “public corruption as the top criminal priority of the bureau this year.”"
    assert [r["speaker"] for r in only(text)] == ["NCRB"]


def test_a_passage_framed_by_an_unlisted_verb_after_he_is_the_persons_he_stands_for():
    text = ("Walter Brandt said he would advise the new mayor.\n\n"
            "He anticipated that one of the biggest challenges would be “dealing with the wide variety of problems the old team left.”")
    assert [r["speaker"] for r in only(text)] == ["Walter Brandt"]


def test_a_programme_title_after_a_possessive_is_nobodys_words():
    # one capitalised word after a name's possessive, or a title after "television’s" or "channel’s",
    # names a programme, not anyone's words
    rows = {r["quote"]: r for r in only("Dana Holt, the star of television’s “Harbor,” told KTV’s “Sunrise” that the plan was “a total mess.”")}
    assert rows["Harbor,"]["kind"] == "scare" and rows["Sunrise"]["kind"] == "scare"
    assert rows["a total mess."]["speaker"] == "Dana Holt"
    row = only("Mayor Tom Heller told the Dover news channel’s “Good Evening Dover,” that he would run.")[0]
    assert row["kind"] == "scare"


def test_a_title_after_the_noun_of_a_work_is_nobodys_words():
    text = ("Dana Holt, the former host of the reality show “The Big Deal,” said the network was “a shambles.” "
            "Her 2009 book “Winning: How the Farm Came Back from the Brink,” sold well.")
    rows = {r["quote"]: r for r in only(text)}
    assert rows["The Big Deal,"]["kind"] == "scare"
    assert rows["Winning: How the Farm Came Back from the Brink,"]["kind"] == "scare"
    assert rows["a shambles."]["speaker"] == "Dana Holt"


def test_a_title_after_the_noun_of_a_work_and_a_comma_is_nobodys_words_even_as_a_sentence():
    # “An Honest Farmer.” after "his 2012 book," reads like a quoted sentence with a speaker
    text = "Tom Heller spoke of his parents, Mr. Heller said in his 2012 book, “An Honest Farmer.” So they stayed."
    rows = {r["quote"]: r for r in only(text)}
    assert rows["An Honest Farmer."]["kind"] == "scare"


def test_a_noun_like_form_before_a_verb_of_its_own_is_no_cue():
    # "attack" in "Harbourtown attack was planned" is a noun, the subject of "was", not a verb of speech
    text = ("The station reported that night: General Ann Smith testifies Harbourtown attack was planned.\n\n"
            "“The hearing was closed to the public and the press for most of the afternoon.")
    row = one(text)
    assert row["speaker"] == "Ann Smith" and row["verb"] == "testifies"


def test_masked_paragraph_keeps_closing_marks_and_a_final_stop():
    from analysis.sourcing.sentences import _masked

    for text, masked in [
        ("He said “We will go.” Then “maybe” not.", "He said QQQQQQQQQQQ.” Then QQQQQQ” not."),
        ("She wrote: “Yes! and more", "She wrote: QQQQQQQQQQQQQQ"),  # no closing mark: masked to the end
        ("A “b.” c", "A QQ.” c"),
    ]:
        assert _masked(text, 0, len(text), find_passages(text, paragraph_spans(text))) == masked
    text = "Intro.\n\nHe said “Go.” Then"
    lo = text.index("He")
    assert _masked(text, lo, len(text), find_passages(text, paragraph_spans(text))) == "He said QQQ.” Then"
