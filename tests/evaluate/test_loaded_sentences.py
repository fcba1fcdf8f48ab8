"""The BASIL evaluation of the loaded-sentence model (analysis.evaluate.loaded_sentences).

The articles here are made up in BASIL's format; the one test on BASIL itself skips without it.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from analysis.evaluate import loaded_sentences as ev
from analysis.evaluate import results
from analysis.evaluate.loaded import DEFAULT_DATA, read_basil, split_of
from analysis.wordchoice import loaded_sentences as ls


def _article(event: str, year: int, outlet: str, k: int) -> dict:
    sentences = [
        {"para": 0, "text": f"Critics slammed the reckless plan number {k}."},
        {"para": 0, "text": "The council met on Monday."},
        {"para": 1, "text": 'The mayor said: "It is a shameful mess.'},
        {"para": 1, "text": 'We will fix it."'},
        {"para": 2, "text": "The vote is due in the spring."},
    ]
    spans = [
        {"bias": "lex", "sentence_index": 0, "start": 8, "end": 15},  # slammed
        {"bias": "inf", "sentence_index": 1, "start": 0, "end": 10},
    ]
    return {"triplet": event, "source": outlet, "date": f"{year}-06-01", "sentences": sentences, "spans": spans}


@pytest.fixture()
def made_up(tmp_path):
    arts = [_article(f"e{e}", 2011 if e < 6 else 2015, outlet, e) for e in range(9) for outlet in ("fox", "nyt")]
    path = tmp_path / "basil.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    return path


def test_examples_label_sentences_and_read_quotes_per_paragraph(made_up):
    ex = ev.basil_examples(read_basil(made_up)[:1])
    assert [e.loaded for e in ex] == [True, False, False, False, False]
    assert ex[0].gold == [(8, 15)] and ex[0].event == "e0"
    # the quote opens in sentence 2 and closes in sentence 3: both are inside it
    assert ex[2].features.values.get("quoted_share", 0) > 0.5 and ex[3].features.values["quoted_share"] == 1.0


def test_sentence_metrics_by_hand():
    y = np.array([True, True, False, False])
    m = ev.sentence_metrics(y, np.array([True, False, True, False]), np.array([0.9, 0.2, 0.8, 0.1]))
    assert (m["precision"], m["recall"], m["f1"], m["flagged"]) == (0.5, 0.5, 0.5, 2)
    assert m["roc_auc"] == pytest.approx(0.75)
    assert ev.sentence_metrics(y, np.ones(4, dtype=bool), None)["roc_auc"] == 0.5


def test_the_command_without_data_says_where_it_looked(tmp_path, capsys):
    assert ev.main(["--data", str(tmp_path / "missing.jsonl"), "--no-write"]) == 2
    assert "not at" in capsys.readouterr().err


def test_the_command_writes_a_sentences_section_and_keeps_basil(made_up, tmp_path, capsys):
    out = tmp_path / "evaluation_loaded.json"
    shutil.copy(results.results_path("loaded"), out)
    before = results.section("loaded", "basil", path=out)
    assert ev.main(["--data", str(made_up), "--results", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "loaded-sentence model" in printed and "VADER" in printed and "every sentence" in printed
    assert results.section("loaded", "basil", path=out) == before
    part = results.section("loaded", "sentences", path=out)
    assert part["command"] == "python -m analysis.evaluate loaded_sentences"
    assert part["sentences"] == 30 and part["loaded_sentences"] == 6  # 3 test events, 2 articles each
    assert [s["system"] for s in part["systems"]][:2] == ["loaded-sentence model", "baseline: every sentence loaded"]
    assert {"span_precision", "span_recall", "span_f1"} <= set(part["spans"])


def test_train_rewrites_only_the_given_model_file(made_up, tmp_path, capsys):
    model = tmp_path / "model.json"
    shipped = ls.MODEL_FILE.read_text(encoding="utf-8")
    assert ev.main(["--data", str(made_up), "--train", "--model", str(model), "--no-write"]) == 0
    assert "Cross-validation" in capsys.readouterr().out
    m = ls.load_model(model)
    assert "6 events" in m.about["data"] and m.about["command"] == ev.TRAIN_COMMAND
    assert ls.MODEL_FILE.read_text(encoding="utf-8") == shipped


@pytest.mark.skipif(not DEFAULT_DATA.is_file(), reason=f"BASIL is not at {DEFAULT_DATA}")
def test_refitting_on_the_training_events_gives_the_shipped_model():
    shipped = ls.load_model()
    train = ev.basil_examples([a for a in read_basil(DEFAULT_DATA) if split_of(a) == "dev"])
    options = shipped.about["options"]
    fits = [
        ls.fit_model([e.features for e in train], [e.loaded for e in train], c=options["C"], words=options["words"],
                     min_count=options["min_count"], threshold=shipped.threshold, evidence_min=shipped.evidence_min)
        for _ in range(2)
    ]
    assert fits[0].to_dict() == fits[1].to_dict()
    assert fits[0].features == shipped.features
    assert np.allclose(fits[0].coefficients, shipped.coefficients, atol=1e-5)
    assert fits[0].intercept == pytest.approx(shipped.intercept, abs=1e-5)
