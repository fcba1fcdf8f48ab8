"""Agreement between hand labels and the tool: percent agreement, Cohen's kappa, its bands, the check."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from analysis import teaching
from analysis.teaching import LabelError, agreement, cohen_kappa, disagreements
from tests.teaching.helpers import items_table


def test_kappa_by_hand_two_labels():
    # 10 items. Student: yes x6, no x4. Tool: yes x5, no x5. Agree on 4 yes + 3 no = 7.
    student = ["yes"] * 6 + ["no"] * 4
    machine = ["yes"] * 4 + ["no"] * 2 + ["yes"] * 1 + ["no"] * 3
    # p_o = 7/10 = 0.7 ; p_e = (6*5 + 4*5) / 100 = 0.5 ; kappa = (0.7 - 0.5) / 0.5 = 0.4
    assert cohen_kappa(student, machine) == pytest.approx(0.4, abs=1e-12)
    result = agreement(student, machine)
    assert result["agreed"] == 7 and result["percent_agreement"] == pytest.approx(70.0)


def test_kappa_by_hand_three_labels():
    # Frames of 8 sentences. Agree on items 1, 2, 4, 5, 7 -> p_o = 5/8.
    student = ["conflict", "conflict", "economic", "conflict", "human", "economic", "human", "conflict"]
    machine = ["conflict", "conflict", "conflict", "conflict", "human", "human", "human", "economic"]
    # Student counts: conflict 4, economic 2, human 2. Tool: conflict 4, economic 1, human 3.
    # p_e = (4*4 + 2*1 + 2*3) / 64 = 24/64 ; kappa = (40/64 - 24/64) / (40/64) = 16/40 = 0.4
    assert cohen_kappa(student, machine) == pytest.approx(0.4, abs=1e-12)


def test_perfect_and_chance_agreement():
    assert cohen_kappa(list("abab"), list("abab")) == 1.0
    assert cohen_kappa(list("aaaa"), list("aaaa")) == 1.0
    # Complete disagreement on a balanced pair of labels: kappa = -1.
    assert cohen_kappa(list("abab"), list("baba")) == pytest.approx(-1.0)


LABELS = st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), min_size=1, max_size=40)


@pytest.mark.filterwarnings("ignore::UserWarning")  # scikit-learn on one-label samples
@settings(max_examples=300, deadline=None)
@given(LABELS)
def test_kappa_equals_scikit_learn(pairs):
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    expected = cohen_kappa_score(a, b)
    got = cohen_kappa(a, b)
    if math.isnan(expected):  # scikit-learn: 0/0 when both use one same label throughout
        assert got == 1.0 and a == b
    else:
        assert got == pytest.approx(expected, abs=1e-12)


def test_labels_are_compared_loosely():
    assert agreement(["Donald Trump", " the Kremlin"], ["donald  trump", "The Kremlin"])["agreed"] == 2


def test_disagreements_keep_the_text():
    items = pd.DataFrame(
        {"quote": ["A", "B", "C"], "student": ["Trump", "Putin", ""], "machine": ["Trump", "Ushakov", ""]}
    )
    out = disagreements(items)
    assert list(out["quote"]) == ["B"]


def test_errors_say_what_to_do():
    with pytest.raises(LabelError, match="different lengths"):
        agreement(["a"], ["a", "b"])
    with pytest.raises(LabelError, match="label at least one"):
        agreement([], [])
    with pytest.raises(LabelError, match="no column 'student'"):
        disagreements(pd.DataFrame({"x": [1]}))
    with pytest.raises(LabelError, match="at least one item"):
        teaching.wilson_interval(0, 0)


def test_unanswered_items_are_left_out_of_the_agreement():
    items = items_table([("first item text here now", "yes"), ("second item text here now", "no"), ("third one", "no")])
    table = teaching.attach_answers(items, [("X · first item text", "yes"), ("X · second item text", "yes")])
    assert list(teaching.answered(table)["item"]) == [1, 2]
    row = teaching.check_table(table, what="call").iloc[0]
    assert (row["items"], row["not answered"], row["agreed"], row["percent_agreement"]) == (2, 1, 1, 50.0)
    text = teaching.check_finding(table, what="call")
    assert "same call for 1 (50%)" in text and "1 item is not answered" in text
    # An empty string is an answer ("no speaker"); None is not.
    table.loc[2, "student"] = ""
    assert len(teaching.answered(table)) == 3


def test_nothing_answered_says_what_to_do_and_why():
    items = items_table([("a sentence of another corpus", "x")])
    table = teaching.attach_answers(items, [("AFP · Ushakov said the meeting had brought", "y")])
    text = teaching.check_finding(table, what="frame", unit="sentence")
    assert "None of the 1 sentences has an answer yet" in text
    assert "written for the bundled corpus" in text
    row = teaching.check_table(table).iloc[0]
    assert row["items"] == 0 and math.isnan(row["kappa"])
    assert "nothing to label" in teaching.check_finding(teaching.attach_answers(items.iloc[:0], []))


def test_wilson_interval_matches_newcombe_1998():
    # Newcombe (1998), Statistics in Medicine 17, 857-872, Table I, method 3 (score interval).
    for (k, n), (low, high) in {(81, 263): (0.2553, 0.3662), (15, 148): (0.0624, 0.1605), (0, 20): (0.0, 0.1611),
                                (1, 29): (0.0061, 0.1718), (29, 29): (0.8830, 1.0)}.items():
        got = teaching.wilson_interval(k, n)
        assert got == pytest.approx((low, high), abs=5e-5)


def test_kappa_words_follow_landis_and_koch():
    assert [teaching.kappa_words(k) for k in (-0.2, 0.0, 0.13, 0.3, 0.5, 0.62, 0.95, 1.0)] == [
        "no more than chance", "no more than chance", "slight", "fair", "moderate", "substantial", "almost perfect",
        "almost perfect",
    ]


def test_several_labels_and_their_disagreements():
    items = items_table([("first quote text is here", "Trump"), ("second quote text is here", "Putin")])
    items["verb"] = ["said", "told"]
    table = teaching.attach_answers(
        items, [("X · first quote", "Trump", "claimed"), ("X · second quote", "Putin", "told")],
        columns=["s", "v"], normalise={"v": teaching.verb_answer},
    )
    both = teaching.check_tables(table, {"speaker": ("s", "machine"), "verb": ("v", "verb")})
    assert list(both["compared"]) == ["speaker", "verb"] and list(both["agreed"]) == [2, 1]
    assert list(teaching.disagreements_any(table, [("s", "machine"), ("v", "verb")])["item"]) == [1]
    with pytest.raises(LabelError, match="at least one pair"):
        teaching.disagreements_any(table, [])


def test_confirmed_finding_is_the_precision_on_the_sample():
    items = items_table([("one sentence text here", "loaded"), ("two sentence text here", "loaded"),
                         ("three sentence text here", "not loaded")])
    table = teaching.attach_answers(items, [("X · one sentence", "loaded"), ("X · two sentence", "not loaded"), ("X · three sentence", "loaded")])
    assert "Of the 2 items the tool calls “loaded”, you call 1 “loaded” (50%)" in teaching.confirmed_finding(table, label="loaded")
