"""The furniture model (analysis.corpus.furniture_model): its features on invented lines, the shipped
model file, and its place after the cleaning rules. Measured on the hand-marked AllSides lines by
``python -m analysis.evaluate cleaning`` (tests/evaluate/test_cleaning.py)."""

from __future__ import annotations

import json

import pytest

from analysis.corpus import furniture_model as fm
from analysis.corpus.cleaning import clean_article

_ARTICLE = [
    "Authors:",
    "",
    "The council met on Monday to discuss the new budget for the harbour.",
    "",
    "Related stories:",
    "",
    "Harbour Plan Draws Crowd At Town Hall",
    "",
    "Ferry Fares Rise Again",
    "",
    "The vote is expected next month, a spokeswoman said.",
    "",
    "Photo courtesy of the harbour trust | © 2020 http://example.org @harbourtrust",
]


def _features(lines=_ARTICLE, removed=None):
    removed = removed or [False] * len(lines)
    cands = fm.candidate_lines(lines, removed)
    return cands, {i: dict(zip(fm.FEATURES, row)) for i, row in zip(cands, fm.line_features(lines, cands, removed))}


def test_candidates_are_the_kept_short_non_blank_lines():
    long_line = " ".join(["word"] * 25) + "."
    lines = ["Advertisement", "", "A short body line.", long_line, "Kept with a dateline cut."]
    assert fm.candidate_lines(lines, [True, False, False, False, False]) == [2, 4]
    assert fm.candidate_lines(lines, [False] * 5, [False, False, False, False, True]) == [0, 2]


def test_a_sentence_with_a_verb_is_never_a_candidate():
    lines = ["Video of the vote was shared widely.", "Video of the vote", "Watch: the vote."]
    assert fm.candidate_lines(lines, [False] * 3) == [1, 2]


def test_every_row_has_one_value_per_feature():
    cands, rows = _features()
    assert cands == [0, 2, 4, 6, 8, 12]  # line 10 is a sentence with a verb ("is", "said"): never a candidate
    assert all(len(r) == len(fm.FEATURES) for r in rows.values())
    assert len(set(fm.FEATURES)) == len(fm.FEATURES)


def test_shape_features_on_invented_lines():
    _, f = _features()
    label, sentence, headline, credit = f[4], f[2], f[6], f[12]
    assert label["ends_colon"] == 1 and label["furniture_label"] == 1 and label["word:related"] == 1
    assert sentence["ends_sentence"] == 1 and sentence["verb"] == 0 and sentence["function_share"] > 0.3
    assert headline["headlike"] == 1 and headline["title_case"] == 1 and headline["run_under_label"] == 1
    assert headline["headlike_run"] > 0 and f[8]["prev_headlike"] == 1
    assert credit["url"] == 1 and credit["handle"] == 1 and credit["pipe"] == 1 and credit["copyright_mark"] == 1
    assert credit["word:photo"] == 1 and credit["word:courtesy"] == 1 and credit["last"] == 1
    assert f[0]["first"] == 1 and f[0]["from_top"] == 0 and f[0]["word:authors"] == 1
    assert sentence["capital_share"] < label["capital_share"]


def test_neighbours_removed_by_the_rules_are_seen():
    removed = [False] * len(_ARTICLE)
    removed[0] = True
    _, f = _features(removed=removed)
    assert 0 not in f
    assert f[2]["prev_removed"] == 1 and f[2]["near_removed"] == 1
    assert f[4]["prev_removed"] == 0 and f[4]["near_removed"] < f[2]["near_removed"]


def test_a_line_repeated_in_the_article_is_marked():
    lines = ["Share this story", "", "The council met.", "", "Share this story"]
    _, f = _features(lines)
    assert f[0]["repeats_in_article"] == 1 and f[2]["repeats_in_article"] == 0


def test_the_shipped_model_loads_and_matches_the_features():
    model = fm.load_model()
    assert model is not None
    assert model.features == fm.FEATURES
    assert 0 < model.threshold < 1
    raw = json.loads(fm.MODEL_FILE.read_text(encoding="utf-8"))
    assert raw["command"] == "python -m analysis.evaluate cleaning --train"
    assert raw["cross_validation"]["by_split"]["all"]["body_lines_lost"] == 0
    assert fm.FurnitureModel.from_dict(raw).to_dict() == {**raw, **model.to_dict()}


def test_scores_are_deterministic_and_the_sparse_path_equals_the_dense_one():
    model = fm.load_model()
    removed = [False] * len(_ARTICLE)
    cands = fm.candidate_lines(_ARTICLE, removed)
    a = model.score_lines(_ARTICLE, cands, removed)
    assert a == model.score_lines(_ARTICLE, cands, removed)
    assert a == pytest.approx(model.probabilities(fm.line_features(_ARTICLE, cands, removed)))
    assert all(0 <= p <= 1 for p in a)


def test_a_model_file_of_other_features_is_refused(tmp_path):
    raw = json.loads(fm.MODEL_FILE.read_text(encoding="utf-8"))
    raw["features"] = raw["features"][:-1] + ["word:something"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        fm.load_model(path)
    assert fm.load_model(tmp_path / "absent.json") is None


def _toy_model(threshold: float, weight: float) -> fm.FurnitureModel:
    """A model that scores only the 'ends_colon' feature: every line ending in a colon is furniture."""
    n = len(fm.FEATURES)
    coef = [weight if f == "ends_colon" else 0.0 for f in fm.FEATURES]
    return fm.FurnitureModel(fm.FEATURES, (0.0,) * n, (1.0,) * n, tuple(coef), -weight / 2, threshold)


def test_cleaning_removes_what_the_model_flags_after_the_rules_and_audits_it():
    raw = "\n".join(["The council met on Monday.", "", "Read this:", "", "The vote is next month."])
    result = clean_article(raw, model=_toy_model(0.5, 20.0))
    assert [(r["line"], r["rule"], r["where"]) for r in result.removed] == [(3, fm.MODEL_RULE, "body")]
    assert "Read this:" not in result.text
    assert clean_article(raw, model=False).removed == []


def test_the_model_never_empties_an_article_nor_takes_a_line_with_a_dateline_cut():
    assert clean_article("Only a label:", model=_toy_model(0.5, 20.0)).removed == []
    result = clean_article("HARBOURTOWN (Reuters) - The council said this:\n\nIt voted.", model=_toy_model(0.5, 20.0))
    assert [r["where"] for r in result.removed] == ["prefix"]
