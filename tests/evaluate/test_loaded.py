"""The BASIL evaluation of the loaded-word detector: scoring rules and the command (analysis.evaluate.loaded).

These test :mod:`analysis.evaluate.loaded`, which measures :data:`analysis.wordchoice.LOADED_DETECTOR`.
"""

from __future__ import annotations

import json

import pytest

from analysis.evaluate import loaded as basil
from analysis.evaluate import results


def test_scoring_rules_by_hand():
    sentence = "The senator wildly blasted the utterly irresponsible plan."
    #            0   4       12     19      27  31      39            53   58
    gold = [(12, 18), (31, 52)]  # "wildly", "utterly irresponsible"
    predicted = [(19, 26), (39, 52)]  # "blasted" (wrong), "irresponsible" (overlaps gold 2)
    totals = {"token": basil.Scores(), "span": basil.Scores(), "exact": basil.Scores()}
    basil.score_sentence(sentence, gold, predicted, totals)
    t, s, e = totals["token"], totals["span"], totals["exact"]
    assert (t.true_pos_pred, t.predicted, t.gold) == (1, 2, 3)  # irresponsible / {blasted, irresponsible} / {wildly, utterly, irresponsible}
    assert (s.precision, s.recall) == (0.5, 0.5)
    assert (e.true_pos_pred, e.true_pos_gold) == (0, 0)  # "irresponsible" is not the whole span
    assert s.f1 == pytest.approx(0.5)


def test_evaluation_command(tmp_path, capsys):
    assert basil.main(["--data", str(tmp_path / "missing.jsonl")]) == 2
    assert "not at" in capsys.readouterr().err
    article = {
        "date": "2015-01-01",
        "sentences": [{"para": 0, "text": "Critics slammed the reckless plan."}, {"para": 1, "text": "It passed."}],
        "spans": [
            {"bias": "lex", "sentence_index": 0, "start": 8, "end": 15},
            {"bias": "inf", "sentence_index": 1, "start": 0, "end": 10},
        ],
    }
    data = tmp_path / "basil.jsonl"
    data.write_text(json.dumps(article) + "\n")
    assert basil.main(["--data", str(data), "--split", "test"]) == 0
    out = capsys.readouterr().out
    assert "1 articles" in out and "1 lexical spans" in out
    table = basil.results_table([article], {"lists": basil.lexicon_detector()})
    # "slammed" and "reckless" flagged; "slammed" is the gold span
    assert table.loc[0, "span P"] == 0.5 and table.loc[0, "span R"] == 1.0


def test_basil_split_is_by_year():
    assert basil.split_of({"date": "2012-12-31"}) == "dev" and basil.split_of({"date": "2013-01-01"}) == "test"


def test_committed_basil_results_show_the_detector_beats_the_baseline():
    """The figures the README and the workbook show (written by `python -m analysis.evaluate loaded --write`)."""
    detector, baseline = results.section("loaded", "basil")["systems"][:2]
    assert "VADER" in baseline["system"] and "lists" in detector["system"]
    assert detector["span_f1"] > baseline["span_f1"]
