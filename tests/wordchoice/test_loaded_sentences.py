"""Loaded sentences: the shipped model, its features, quotation marks and offsets (analysis.wordchoice.loaded_sentences).

Every text here is made up for the tests.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.corpus import corpus_from_frame
from analysis.errors import LexiconError
from analysis.wordchoice import loaded_sentences as ls

COLUMNS = ["outlet", "article_id", "sentence", "start", "end", "text", "score", "loaded", "words"]


@pytest.fixture(scope="module")
def small():
    return corpus_from_frame(pd.DataFrame({
        "article_id": ["a1", "b1"],
        "outlet": ["Northern Post", "Southern Star"],
        "text": [
            'The mayor said: "The plan is a mess. It is reckless." Then she left.\n\n'
            "Critics slammed the shameful plan.",
            "The council meets on Friday. The budget passed by six votes to four.",
        ],
    }))


def test_the_shipped_model_loads_and_says_where_it_comes_from():
    m = ls.load_model()
    assert len(m.features) == len(m.coefficients) > 0
    assert 0 < m.threshold < 1
    assert set(ls.DENSE_FEATURES) <= set(m.features)
    assert m.about["command"] == "python -m analysis.evaluate loaded_sentences --train"
    assert "2010-2012" in m.about["data"] and "BASIL" in m.about["data"]
    assert m.weight("outside:evaluative") > 0 and m.weight("no such feature") == 0.0


def test_the_model_file_is_plain_data():
    data = json.loads(ls.MODEL_FILE.read_text(encoding="utf-8"))
    for key in ("features", "coefficients", "intercept", "threshold", "evidence_min", "command", "data", "options"):
        assert key in data, key
    assert all(isinstance(c, float) for c in data["coefficients"])


def test_a_missing_model_file_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(LexiconError, match="--train"):
        ls.load_model(tmp_path / "missing.json")


def test_a_loaded_sentence_scores_above_a_neutral_one():
    t = ls.score_sentences([
        "The senator slammed the reckless, shameful scheme.",
        "The senator spoke about the scheme on Tuesday.",
    ])
    assert list(t.columns) == ["text", "score", "loaded", "words"]
    assert t.loc[0, "score"] > t.loc[1, "score"]
    assert bool(t.loc[0, "loaded"]) and not bool(t.loc[1, "loaded"])
    assert "reckless" in t.loc[0, "words"] and t.loc[1, "words"] == ""


def test_a_list_word_inside_quotes_is_a_feature_of_its_own_and_marked_q():
    outside = ls.sentence_features("Critics called the plan reckless.")
    inside = ls.sentence_features('Critics called the plan "reckless."')
    assert outside.values.get("outside:evaluative") == 1.0 and "quoted:evaluative" not in outside.values
    assert inside.values.get("quoted:evaluative") == 1.0 and "outside:evaluative" not in inside.values
    assert inside.values["quoted_share"] > 0
    t = ls.score_sentences(["Critics called the plan reckless.", 'Critics called the plan "reckless."'])
    assert t["words"].tolist() == ["reckless", "reckless (q)"]


def test_a_quote_over_two_sentences_counts_for_both(small):
    t = ls.sentence_scores(small)
    second = t[(t["article_id"] == "a1") & (t["sentence"] == 1)].iloc[0]
    assert second["text"] == 'It is reckless."'
    assert second["words"] == "reckless (q)"  # quoted, although its opening mark is in the sentence before


def test_sentence_scores_shape_columns_and_offsets(small):
    t = ls.sentence_scores(small)
    assert list(t.columns) == COLUMNS
    assert len(t) == len(small.sentences())  # every sentence here is a body sentence
    assert t["loaded"].dtype == bool and t["score"].between(0, 1).all()
    texts = small.articles["text"]
    for row in t.itertuples(index=False):
        assert texts[row.article_id][row.start : row.end] == row.text
    slammed = t[t["text"].str.startswith("Critics")].iloc[0]
    assert slammed["loaded"] and "slammed" in slammed["words"] and "shameful" in slammed["words"]
    assert not t[t["article_id"] == "b1"]["loaded"].any()


def test_an_empty_corpus_gives_an_empty_table():
    c = corpus_from_frame(pd.DataFrame({"article_id": ["x"], "outlet": ["A"], "text": [""]}))
    t = ls.sentence_scores(c)
    assert t.empty and list(t.columns) == COLUMNS


def test_fit_model_learns_from_made_up_sentences_and_is_deterministic():
    texts = ["Critics slammed the reckless plan."] * 6 + ["The plan was published on Monday."] * 6
    labels = [True] * 6 + [False] * 6
    feats = [ls.sentence_features(t) for t in texts]
    a = ls.fit_model(feats, labels, c=1.0, words="hits", min_count=2)
    b = ls.fit_model(feats, labels, c=1.0, words="hits", min_count=2)
    assert a.to_dict() == b.to_dict()
    assert "hit:slammed" in a.features and a.weight("hit:slammed") > 0
    t = ls.score_sentences(texts[:1] + texts[-1:], model=a)
    assert t.loc[0, "score"] > 0.5 > t.loc[1, "score"]


def test_a_written_model_reads_back_the_same(tmp_path):
    feats = [ls.sentence_features(t) for t in ("A shameful plan.", "A plan.", "A reckless plan.", "The plan.")]
    m = ls.fit_model(feats, [True, False, True, False], about={"command": "made up", "data": "four sentences"})
    back = ls.load_model(m.write(tmp_path / "m.json"))
    assert back.to_dict() == m.to_dict() and back.about["data"] == "four sentences"


def test_the_finding_sets_each_outlets_share_beside_the_measured_figures(tmp_path):
    import pandas as pd

    from analysis.evaluate import results
    from analysis.wordchoice import loaded_sentences as ls

    scores = pd.DataFrame({"outlet": ["A", "A", "B"], "loaded": [True, False, False]})
    measured = ls.loaded_sentences_measured()
    text = ls.loaded_sentences_finding(scores)
    assert "A: 1 of 2 sentences (50%)" in text and "B: 0 of 1 sentences (0%)" in text
    if not measured.empty:
        assert measured["system"].iloc[0] == "loaded-sentence model"
        assert f"F1 {measured['f1'].iloc[0]:.2f}" in text
    written = results.write("loaded", "sentences", path=tmp_path / "r.json", payload={
        "command": "python -m analysis.evaluate loaded_sentences", "data": "BASIL", "sentences": 10,
        "loaded_sentences": 2, "spans": {"span_f1": 0.2},
        "systems": [{"system": "loaded-sentence model", "precision": 0.5, "recall": 0.5, "f1": 0.5, "roc_auc": 0.7,
                     "flagged": 2}]})
    table = ls.loaded_sentences_measured(path=written)
    assert table.loc[0, "span_f1"] == 0.2 and "10 body sentences" in table.attrs["data"]
    assert ls.loaded_sentences_measured(path=tmp_path / "none.json").empty
