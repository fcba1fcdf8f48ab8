"""The framing evaluations: the policy-frame lexicon on FrAC and the passive rules (analysis.evaluate.frames, passives)."""

from __future__ import annotations

import pandas as pd

from analysis.evaluate import frames as eval_frames
from analysis.evaluate import passives as eval_passives


def test_frames_evaluation_command(tmp_path, capsys):
    data = tmp_path / "frac.csv"
    rows = [("The tax costs families money.", 1), ("Doctors treated the disease in hospital.", 9),
            ("Soldiers and troops defended the border.", 8), ("Poll shows public support fell.", 12),
            ("The court ruled the law unconstitutional.", 5), ("The weather was mild.", 15)] * 4
    pd.DataFrame(rows, columns=["sentence", "label"]).drop_duplicates().to_csv(data, index=False)
    out = tmp_path / "results.json"
    assert eval_frames.main(["--data", str(data), "--split", "all", "--no-write"]) == 0
    assert "accuracy" in capsys.readouterr().out
    assert eval_frames.main(["--data", str(data), "--results", str(out)]) == 0
    assert eval_frames.main(["--data", str(tmp_path / "nope.csv")]) == 2
    assert "FrAC is not at" in capsys.readouterr().err
    assert eval_frames.split_of("a sentence") == eval_frames.split_of("a sentence")


def test_passives_evaluation_command(tmp_path, capsys):
    assert eval_passives.main(["--no-write"]) == 0
    assert "precision" in capsys.readouterr().out
    out = tmp_path / "results.json"
    assert eval_passives.main(["--results", str(out)]) == 0
    assert '"passives"' in out.read_text()
    assert eval_passives.main(["--data", str(tmp_path / "missing.csv")]) == 2
    assert "not at" in capsys.readouterr().err


def test_frames_evaluation_reports_the_model_beside_the_lexicon(tmp_path, capsys):
    data = tmp_path / "frac.csv"
    rows = [("The tax costs families money.", 1), ("The court ruled the law unconstitutional.", 5),
            ("Soldiers and troops defended the border.", 8), ("Poll shows public support fell.", 12)]
    pd.DataFrame(rows, columns=["sentence", "label"]).to_csv(data, index=False)
    out = tmp_path / "results.json"
    assert eval_frames.main(["--data", str(data), "--results", str(out)]) == 0
    assert "model (words + cue counts)" in capsys.readouterr().out
    import json

    frac = json.loads(out.read_text())["frac"]
    assert {"model", "model_per_frame", "lexicon", "majority_baseline", "per_frame", "lexicon_mapped"} <= set(frac)
    assert {"accuracy", "macro_f1"} <= set(frac["model"])
