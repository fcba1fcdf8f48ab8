"""The quote evaluation's scoring rules on hand-made records (analysis.evaluate.quotes), and the benchmark.

They measure the quote finder, so they stay beside its tests until the evaluations have a test folder of their own.
"""

from __future__ import annotations

import gzip
import json
import runpy
import sys
from pathlib import Path

import pytest

from analysis.evaluate import quotes as evaluation
from analysis.evaluate import results
from analysis.sourcing.quotes import quotes_in_text

PROJ_ROOT = Path(__file__).resolve().parents[2]


def _record(text, attributions, annotator="a1", split="dev", article="x"):
    return {"article": article, "annotator": annotator, "split": split, "text": text, "attributions": attributions}


def _att(source, cue, content_spans, text):
    def span(s):
        return {"spans": [list(s)], "text": text[s[0] : s[1]]}

    return {"source": span(source) if source else None, "cue": span(cue),
            "content": {"spans": [list(c) for c in content_spans], "text": " ".join(text[a:b] for a, b in content_spans)}}


def test_gold_passages_and_matching():
    text = "“We will win,” Jane Doe said. “We will.” She said the plan was fine.\n\nBob said it was “great”."
    atts = [
        _att((15, 23), (24, 28), [(0, 14), (30, 40)], text),
        _att((41, 44), (45, 49), [(50, 67)], text),  # no quotation marks: not a direct quote
        _att((70, 73), (74, 78), [(79, 95)], text),
    ]
    gold = evaluation.gold_quotes(text, atts)
    assert [text[g.start : g.end] for g in gold] == ["We will win,", "We will.", "great"]
    assert evaluation.match([(0, 10)], [(0, 4)]) == []  # 4 chars shared: under half of the longer span
    assert evaluation.match([(0, 10)], [(0, 6), (0, 9)]) == [(0, 1)]  # one to one, largest overlap first
    rows = quotes_in_text(text)
    counts = evaluation.score_article(text, atts, rows)
    assert (counts.gold, counts.predicted, counts.matched, counts.speaker_correct) == (3, 3, 3, 3)


def test_gold_joins_a_quotation_the_annotator_cut_in_two():
    text = "“Cruz appeals to voters. His position is clear,” Viguerie notes."
    atts = [_att((49, 57), (58, 63), [(0, 24)], text), _att((49, 57), (58, 63), [(25, 48)], text)]
    assert [text[g.start : g.end] for g in evaluation.gold_quotes(text, atts)] == ["Cruz appeals to voters. His position is clear,"]
    assert len(evaluation.gold_quotes(text, atts, join_cut_quotes=False)) == 2


def test_evaluation_command_on_a_tiny_data_set(tmp_path, capsys):
    text = "“We will win,” Jane Doe said.\n\nBob Smith said it was “great”."
    atts = [_att((15, 23), (24, 28), [(0, 14)], text), _att((31, 40), (41, 45), [(53, 60)], text)]
    folder = tmp_path / "polnear"
    folder.mkdir()
    with open(folder / "polnear_train_dev.jsonl", "w", encoding="utf-8") as f:
        for split in ("dev", "train"):
            f.write(json.dumps(_record(text, atts, split=split)) + "\n")
    out = tmp_path / "results.json"
    assert evaluation.main(["--polnear", str(folder), "--results", str(out)]) == 0
    written = results.section("quotes", "polnear", path=out)
    assert written["results"]["dev"]["span_f1"] == 1.0 and written["results"]["dev"]["speaker_accuracy"] == 1.0
    assert "PolNeAR" in written["data"] and "date" not in written  # no date: the committed file changes only with a figure
    assert evaluation.main(["--polnear", str(tmp_path / "absent")]) == 2
    assert "not part of the repository" in capsys.readouterr().err


def test_benchmark_runs_on_a_tiny_slice(tmp_path, capsys, monkeypatch):
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(3):
            f.write(json.dumps({"ID": str(i), "source": "X", "title": "Trump says ‘yes’", "content_original": "“We will win,” Jane Doe said.\n\nBob said it was “great”."}) + "\n")
    monkeypatch.setattr(sys, "argv", ["bench_quotes.py", str(path), "--limit", "2"])
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(PROJ_ROOT / "benchmarks" / "bench_quotes.py"), run_name="__main__")
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "quotes per second" in out and "articles" in out


def test_the_nearest_named_source_of_agreeing_gender():
    text = "Mary Lee met John Hart and Quist. Later Hart spoke, then Lee."
    assert (evaluation.first_names()["Mary"], evaluation.first_names()["John"]) == ("f", "m")
    assert evaluation.source_gender("Mr. Quist", text) == "m"  # an honorific
    assert evaluation.source_gender("Hart", text) == "m"  # the article's fuller form of the name
    assert evaluation.source_gender("Quist", text) is None  # nothing gives one
    namings = ["Lee", "Quist", "Hart"]
    assert evaluation._nearest_agreeing(namings, "she", text) == "Quist"  # Hart is a man; Quist may be anyone
    assert evaluation._nearest_agreeing(["Lee", "Hart"], "she", text) == "Lee"
    assert evaluation._nearest_agreeing(namings, "he", text) == "Hart"
