"""Passives: hard cases, by-agents, offsets, the hand-labelled set, the seeds, the figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.evaluate import passives as eval_passives
from analysis.framing.passives import find_passives, passive_figure, passive_finding, passive_summary, passives

FIXTURE = Path(__file__).parents[1] / "fixtures" / "passives_labelled.csv"


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
