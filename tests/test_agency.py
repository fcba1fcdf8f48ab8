"""Agency: passive detection (hard cases, the hand-labelled set), by-agents, violence verbs, subjects."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.framing.agency import (
    find_passives,
    find_violence,
    is_subject,
    load_words,
    passive_figure,
    passive_finding,
    passive_summary,
    passives,
    violence,
)
from analysis.evaluate import passives as eval_passives

FIXTURE = Path(__file__).parent / "fixtures" / "passives_labelled.csv"


def groups(text: str, **kw) -> list[str]:
    return [p.verb_group for p in find_passives(text, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The general was killed in Moscow.", ["was killed"]),
        ("The general had been killed when a car exploded.", ["had been killed"]),
        ("Two soldiers were reportedly killed overnight.", ["were reportedly killed"]),
        ("The hostages are being held in the north.", ["are being held"]),
        ("Mr Witkoff was seen strolling through Moscow.", ["was seen"]),
        ("The deal could be struck between Moscow and Washington.", ["could be struck"]),
        ("Little is known about him.", ["is known"]),
        ("He was not well liked.", ["was not well liked"]),
        ("Trump’s campaign has been dramatically outspent by Clinton’s.", ["has been dramatically outspent"]),
        ("All of this could be undone at the ballot box.", ["could be undone"]),
        ("It’s being pushed by media.", ["It’s being pushed"]),
        ("Everyone got thrown in.", ["got thrown"]),
        ("Territorial issues will be discussed and resolved after a ceasefire.", ["will be discussed", "will be discussed and resolved"]),
    ],
)
def test_hard_positives(text, expected):
    assert groups(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They are very close to a deal.",
        "The official was very close to the talks.",
        "The envoy is tired after the trip.",
        "We’ve got limited time.",
        "What she has got to do is contrast.",
        "Russia was prepared to relinquish its claims.",
        "We are not used to this.",
        "I’m very, very troubled by that.",
        "It had been a good day in talks.",
        "The United States has been applying more pressure.",
        "Russia and Ukraine have not held direct talks.",
        "Our position is unchanged.",
        "Tass reported that the device was “homemade.”",
        "The return of killed soldiers’ remains continued.",
        "A strategic peninsula seized by Russia in 2014 lies in the south.",
        "We got married here.",
        "Trump was getting frustrated with the talks.",
        "Hillary Clinton was headed to an emergency room.",
        "The people would never accept occupation by Russia.",
    ],
)
def test_hard_negatives(text):
    assert groups(text) == []


def test_get_passives_can_be_left_out():
    assert groups("The people that are getting killed are small firms.", get_passives=True) == ["are getting killed"]
    assert groups("Everyone got thrown in.", get_passives=False) == []


@pytest.mark.parametrize(
    "text, agent",
    [
        ("The general was killed by a bomb in a parked car.", "a bomb"),
        ("The blast was caused by an improvised explosive device.", "an improvised explosive device"),
        ("Those losses were generated in part by savvy use of tax breaks.", "savvy use of tax breaks"),
        ("The bombing was reported by the Kommersant newspaper to have killed two.", "the Kommersant newspaper"),
        ("A final accord could be reached by the end of this week.", ""),
        ("A deal could be reached by Friday.", ""),
        ("He was criticised by refusing to talk.", ""),
        ("The van was supposed to be escorted by an NYPD detail.", "an NYPD detail"),
        ("If a replacement were offered, electors in states won by Democrats would vote.", ""),
    ],
)
def test_by_agent(text, agent):
    found = find_passives(text)
    assert found
    assert found[-1].agent == agent
    assert found[-1].has_agent == bool(agent)


def test_offsets_point_into_the_text():
    text = "Officials said Moskalik was killed by a bomb; talks were held."
    for p in find_passives(text, offset=100):
        assert text[p.start - 100 : p.end - 100] == p.verb_group
        assert text[p.participle_start - 100 :].startswith(p.participle)
        if p.has_agent:
            assert text[p.agent_start - 100 : p.agent_end - 100] == p.agent


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["was", "were", "being", "been", "killed", "by", "the", "army", ",", "very", "not",
                                 "got", "held", "on", "Friday", "and", "tired", "to", "“", "reportedly"]), max_size=25))
def test_random_word_salad_keeps_offsets_valid(words):
    text = " ".join(words)
    for p in find_passives(text):
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == p.verb_group
        assert p.verb_group.endswith(p.participle)
        assert (p.agent_start >= 0) == p.has_agent


# --- the hand-labelled set (acceptance: precision >= 0.9, recall >= 0.8) ----------------------


def test_labelled_set_is_large_enough_and_mixed():
    table = eval_passives.load_labelled(FIXTURE)
    assert len(table) >= 60
    assert table["source"].str.startswith("seed:").sum() >= 20
    assert table["source"].str.startswith("polnear:dev/").sum() >= 20
    assert {0, 1} <= set(table["passive"])
    assert set(table["split"]) == {"development", "blind"}
    for row in table.itertuples(index=False):
        parts = [p for p in row.participles.split("|") if p]
        agents = [a for a in row.by_agent.split("|") if a]
        assert (len(parts) > 0) == bool(row.passive), row.id
        assert len(parts) == len(agents), row.id
        for p in parts:
            assert p in row.sentence, (row.id, p)


def test_passive_detection_meets_the_acceptance_bar():
    metrics, _ = eval_passives.evaluate(eval_passives.load_labelled(FIXTURE))
    for level in ("sentence_level", "construction_level"):
        assert metrics[level]["precision"] >= 0.9, metrics[level]
        assert metrics[level]["recall"] >= 0.8, metrics[level]
    assert metrics["agent_accuracy"] >= 0.9


def test_evaluation_command(tmp_path, capsys):
    assert eval_passives.main(["--no-write"]) == 0
    assert "precision" in capsys.readouterr().out
    out = tmp_path / "results.json"
    assert eval_passives.main(["--results", str(out)]) == 0
    assert '"passives"' in out.read_text()
    assert eval_passives.main(["--data", str(tmp_path / "missing.csv")]) == 2
    assert "not at" in capsys.readouterr().err


# --- the seeds ---------------------------------------------------------------------------------


def test_seed_passives(corpus):
    table = passives(corpus)
    texts = corpus.articles["text"]
    for r in table.itertuples(index=False):
        assert texts[r.article_id][r.start : r.end] == r.verb_group
    # Read by hand: CGTN's article has no be- or get-passive (it writes "allowed Russia and the United
    # States to further bring their positions closer" where CNN has "to be further brought closer").
    assert (table["outlet"] == "CGTN").sum() == 0
    independent = table[table["article_id"] == "independent"]
    assert "was seen" in set(independent["verb_group"])
    given_by = independent[independent["participle"] == "given"]
    assert sorted(given_by["agent"]) == ["Obama", "Trump"]
    summary = passive_summary(table, corpus)
    assert list(summary["outlet"]) == corpus.outlets
    assert (summary["passives"] == summary["with_agent"] + summary["agentless"]).all()
    assert summary["passives"].sum() == len(table)
    assert "CGTN: no passive" in passive_finding(summary)


def test_passive_figure_has_a_finding_title(corpus):
    summary = passive_summary(passives(corpus), corpus)
    fig = passive_figure(summary, corpus)
    title = fig.axes[0].get_title(loc="left")
    top = summary.sort_values("agentless_per_1000_words", ascending=False).iloc[0]["outlet"]
    assert title.startswith(top)


# --- violence verbs ------------------------------------------------------------------------------


def one(text: str) -> dict:
    found = find_violence(text)
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


# --- grammatical subjects --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Putin last month rebuffed a US proposal.", "Putin", True),
        ("Witkoff met with Putin on Friday.", "Putin", False),
        ("Trump’s special envoy Steve Witkoff spent three hours there.", "Trump", False),
        ("Trump’s special envoy Steve Witkoff spent three hours there.", "Steve Witkoff", True),
        ("Ushakov, a former Russian ambassador to Washington, was part of the meeting.", "Ushakov", True),
        ("Mr Witkoff – who has alarmed Kyiv’s allies – was seen strolling.", "Mr Witkoff", True),
        ("Witkoff and Putin likely also discussed a proposal.", "Witkoff", True),
        ("Vice President JD Vance earlier on Wednesday called for a freeze.", "JD Vance", True),
        ("Warning that Ukraine would get nothing under the US plans, he left.", "US", False),
        ("The Kyiv regime continues to be involved.", "Kyiv", False),
    ],
)
def test_is_subject(text, name, expected):
    start = text.index(name)
    assert is_subject(text, start, start + len(name)) is expected


def test_word_lists_load():
    w = load_words()
    assert "killed" not in w.passive_participles  # regular participles come from the -ed rule
    assert {"held", "seen", "struck", "known"} <= w.passive_participles
    assert "gone" not in w.passive_participles
    assert w.violence_forms["killed"] == "kill"
