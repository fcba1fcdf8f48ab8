"""Agreement between hand labels and the tool: percent agreement and Cohen's kappa."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from analysis.teaching import LabelError, agreement, cohen_kappa, disagreements


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
