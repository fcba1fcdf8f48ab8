"""The policy-frame model: the shipped file, its labels and evidence, and a deterministic refit."""

from __future__ import annotations

import pytest

from analysis.evaluate import frames as eval_frames
from analysis.framing import classifier, load_scheme
from analysis.framing.classifier import classify_sentences, frame_of, load_model

SENTENCES = [
    "The court ruled that the statute was unconstitutional, and the judge struck it down.",
    "The budget will cost taxpayers billions of dollars and raise the deficit.",
]


def test_the_model_file_loads_with_a_coefficient_per_feature_and_frame():
    m = load_model()
    n = len(m["vocabulary"]) + len(m["cue_features"])
    assert len(m["idf"]) == len(m["vocabulary"])
    assert set(m["coefficients"]) == set(m["intercepts"]) == set(m["frames"])
    assert all(len(c) == n for c in m["coefficients"].values())
    assert set(m["frames"]) <= set(load_scheme("policy").frames)
    assert m["command"] and m["data"]


def test_court_rulings_are_legality_and_budgets_are_economic():
    table = classify_sentences(SENTENCES)
    assert table["label"].tolist() == ["legality", "economic"]
    assert table["frame"].iloc[1] == load_scheme("policy").labels["economic"]
    assert frame_of(SENTENCES[0]) == "legality"
    assert ((table["probability"] > 0) & (table["probability"] <= 1)).all()


def test_evidence_words_occur_in_the_sentence():
    table = classify_sentences(SENTENCES)
    for text, evidence, cues in zip(table["text"], table["evidence"], table["cues"]):
        assert evidence
        for word in evidence.split("; "):
            assert word in text.lower()
        for cue in filter(None, cues.split("; ")):
            assert cue in text


def test_refitting_on_the_dev_split_is_deterministic():
    if not eval_frames.DEFAULT_DATA.is_file():
        pytest.skip(f"FrAC is not at {eval_frames.DEFAULT_DATA}; the refit needs it")
    frac = eval_frames.load_frac()
    dev = frac[frac["split"] == "dev"]
    codes = {c: f for f, c in load_scheme("policy").codes.items()}
    args = (dev["sentence"].tolist(), [codes[c] for c in dev["label"]])
    shipped = load_model()
    c = (shipped["settings"]["C"],)
    first = classifier.fit_model(*args, c_grid=c, cross_validate=False)
    assert first == classifier.fit_model(*args, c_grid=c, cross_validate=False)
    assert first["vocabulary"] == shipped["vocabulary"]
    assert first["settings"]["C"] == shipped["settings"]["C"]
    for f in shipped["frames"]:
        assert first["coefficients"][f] == pytest.approx(shipped["coefficients"][f], abs=1e-4)


def test_evidence_is_cues_and_content_words_never_function_words():
    from analysis.topics.words import load_stop_words

    stop = load_stop_words()
    assert not stop & set(load_model()["vocabulary"])
    table = classify_sentences(["He said that the court was going to rule on the law, and it did.",
                                "Officials said the talks would continue on Friday."])
    for words in table["words"]:
        assert not stop & set(filter(None, words.split("; ")))


def test_the_frames_the_model_never_saw_are_named():
    missing = classifier.frames_not_learnt()
    scheme = load_scheme("policy")
    assert set(missing["label"]) == set(scheme.frames) - set(load_model()["frames"])
    assert missing["frame"].tolist() == [scheme.labels[f] for f in missing["label"]]
    assert "crime_punishment" in set(missing["label"])
