"""The quote finder's measured error rate (analysis.sourcing.measured), from the committed results."""

from __future__ import annotations

from analysis import sourcing


def test_measured_error_comes_from_the_committed_results(tmp_path):
    table = sourcing.measured_error()
    assert {"dev", "train"} <= set(table.index)
    assert table.loc["dev", "span F1"] >= 0.9 and table.loc["dev", "speaker accuracy"] >= 0.88
    sentence = sourcing.error_rate_sentence()
    assert "PolNeAR" in sentence and table.attrs["command"] in sentence
    assert "not been measured" in sourcing.error_rate_sentence(tmp_path / "missing.json")
    assert f"{table.loc['dev', 'speaker error']:.0%} given the wrong speaker" in sourcing.error_rate_reminder()
