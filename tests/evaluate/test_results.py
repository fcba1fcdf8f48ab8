"""The one reader and writer of the evaluation results (analysis.evaluate.results)."""

from __future__ import annotations

import json

import pytest

from analysis.errors import ResultsError
from analysis.evaluate import results


def test_every_committed_file_follows_the_schema():
    for name in results.NAMES:
        data = results.read(name)
        assert data, f"no committed results for {name}"
        for part, payload in data.items():
            assert {"command", "data"} <= set(payload), (name, part)
            assert not {"date", "timestamp"} & set(payload), (name, part)
        text = results.results_path(name).read_text(encoding="utf-8")
        assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"  # sorted keys, as written


def test_write_keeps_other_sections_and_refuses_dates(tmp_path):
    path = tmp_path / "evaluation_framing.json"
    results.write("framing", "b", {"command": "c", "data": "d", "x": {"y": 0.5}}, path=path)
    results.write("framing", "a", {"command": "c", "data": "d", "n": 3, "rows": [{"system": "s1", "f1": 0.25}]}, path=path)
    assert sorted(results.read("framing", path=path)) == ["a", "b"]
    with pytest.raises(ResultsError, match="dates"):
        results.write("framing", "a", {"command": "c", "data": "d", "date": "2026-01-01"}, path=path)
    with pytest.raises(ResultsError, match="command"):
        results.write("framing", "a", {"data": "d"}, path=path)
    table = results.measured("framing", path=path)
    assert list(table.columns) == ["evaluation", "section", "measure", "value"]
    assert table.to_dict("records") == [
        {"evaluation": "framing", "section": "a", "measure": "n", "value": 3.0},
        {"evaluation": "framing", "section": "a", "measure": "rows[s1].f1", "value": 0.25},
        {"evaluation": "framing", "section": "b", "measure": "x.y", "value": 0.5},
    ]


def test_missing_and_broken_files(tmp_path):
    assert results.read("topics", path=tmp_path / "none.json") == {}
    assert results.measured("topics", path=tmp_path / "none.json").empty
    bad = tmp_path / "bad.json"
    bad.write_text('{"bbc": {"command": 1,}}', encoding="utf-8")
    with pytest.raises(ResultsError, match=r"bad.json: line 1, column \d+.*python -m analysis.evaluate topics"):
        results.read("topics", path=bad)
    with pytest.raises(ResultsError, match="No evaluation results named"):
        results.results_path("nonsense")


def test_measured_names_the_figures_of_the_committed_files():
    table = results.measured("quotes")
    quotes = table[table["section"] == "polnear"].set_index("measure")["value"]
    assert quotes["results.dev.span_f1"] == results.section("quotes", "polnear")["results"]["dev"]["span_f1"]
    gold = table[table["section"] == "foreign_gold"].set_index("measure")["value"]  # a second section, named apart
    assert gold["results.unseen.speaker_accuracy"] == results.section("quotes", "foreign_gold")["results"]["unseen"]["speaker_accuracy"]
