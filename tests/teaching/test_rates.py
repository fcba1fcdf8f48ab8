"""The measured error rates beside the check, read from the committed evaluation results."""

from __future__ import annotations

import pytest

from analysis import teaching
from analysis.evaluate import results


def test_measured_rates_come_from_the_committed_files():
    frac = results.section("framing", "frac")
    table = teaching.measured_rates("framing")
    assert table["value"].iloc[0] == frac["lexicon"]["accuracy"]
    assert table["error"].iloc[0] == pytest.approx(1 - frac["lexicon"]["accuracy"])
    assert frac["model"]["accuracy"] in set(table["value"])
    finding = teaching.measured_finding("framing")
    assert "no error rate of them was measured on outside data" in finding
    assert f"{frac['model']['accuracy']:.0%}" in finding
    dev = results.section("quotes", "polnear")["results"]["dev"]
    table = teaching.measured_rates("sourcing")
    assert set(table["value"]) == {dev["recall"], dev["precision"], dev["speaker_accuracy"], dev["cue_accuracy"]}
    assert f"about {round(dev['speaker_accuracy'] * 10)} speakers" in teaching.measured_finding("sourcing")
    assert "no error rate measured on outside data" in teaching.measured_finding("coverage")


def test_measured_rates_of_a_missing_or_written_word_choice_file(tmp_path):
    missing = tmp_path / "none.json"
    assert teaching.measured_rates("word choice", path=missing).empty
    assert "not in this installation" in teaching.measured_finding("word choice", path=missing)
    written = results.write("loaded", "basil", path=tmp_path / "evaluation_loaded.json", payload={
        "command": "python -m analysis.evaluate loaded --write", "data": "BASIL", "split": "test", "articles": 210,
        "lexical_spans": 329, "systems": [{"system": "loaded-word lists", "span_precision": 0.128, "span_recall": 0.249}],
    })
    table = teaching.measured_rates("word choice", path=written)
    assert list(table["value"]) == [0.128, 0.249]
    assert "about 1 of 5 words" in teaching.measured_finding("word choice", n=5, path=written)
