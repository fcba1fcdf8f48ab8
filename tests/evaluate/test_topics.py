"""The BBC News evaluation of the topic models (analysis.evaluate.topics)."""

from __future__ import annotations

import json

from analysis.evaluate import results
from analysis.evaluate import topics as ev
from tests.topics.helpers import COOKING, SPORT


def test_bbc_evaluation_runs_on_a_tiny_data_set(tmp_path, capsys):
    path = tmp_path / "bbc.jsonl"
    rows = [{"id": f"s{i}", "category": "sport", "title": "", "text": t, "md5": f"s{i}"} for i, t in enumerate(SPORT)]
    rows += [{"id": f"c{i}", "category": "food", "title": "", "text": t, "md5": f"c{i}"} for i, t in enumerate(COOKING)]
    rows.append(dict(rows[0], id="dup"))
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "res.json"
    assert ev.main(["--data", str(path), "--k", "2", "--seeds", "0", "1", "--write", "--out", str(out)]) == 0
    res = results.section("topics", "bbc", path=out)
    assert res["documents"] == 12 and res["duplicates_dropped"] == 1
    nmf = next(m for m in res["methods"] if m["key"] == "nmf")
    assert nmf["nmi"] == 1.0 and len(nmf["nmi_by_seed"]) == 2
    assert "12 articles (1 exact duplicates dropped)" in capsys.readouterr().out


def test_bbc_evaluation_without_the_data_says_where(tmp_path, capsys):
    assert ev.main(["--data", str(tmp_path / "nope.jsonl")]) == 2
    assert "not at" in capsys.readouterr().err
