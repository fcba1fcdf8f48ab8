"""analysis.topics.models: topic models and document clusters on hand-written themes; the BBC evaluation and the benchmark."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import numpy as np
import pytest

from analysis import topics
from analysis.paths import PROJ_ROOT
from tests.topics.helpers import COOKING, SPORT


def test_nmf_separates_two_clear_themes():
    texts = SPORT + COOKING
    model = topics.fit_topics(texts, k=2)
    dominant = model.doc_topic.argmax(axis=1)
    assert len(set(dominant[:6])) == 1 and len(set(dominant[6:])) == 1 and dominant[0] != dominant[6]
    labels = " ".join(model.labels(5).values())
    assert "match" in labels and ("butter" in labels or "flour" in labels or "bake" in labels)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_topic_models_are_deterministic_and_rows_sum_to_one(method):
    texts = SPORT + COOKING
    a = topics.fit_topics(texts, k=2, method=method, random_state=3)
    b = topics.fit_topics(texts, k=2, method=method, random_state=3)
    assert np.array_equal(a.doc_topic, b.doc_topic)
    assert np.allclose(a.doc_topic.sum(axis=1), 1)
    # Topics are numbered by size: topic 1 carries at least as much weight as topic 2.
    assert a.doc_topic[:, 0].sum() >= a.doc_topic[:, 1].sum()


def test_topic_model_refuses_texts_it_cannot_model():
    with pytest.raises(topics.TopicError, match="no words"):
        topics.fit_topics(["the and of", "a an the"], k=2)
    with pytest.raises(topics.TopicError, match="at least 3 documents"):
        topics.fit_topics(["football match striker", "football match goal"], k=3, min_df=1)


def test_document_clusters_kmeans_and_nmf_agree_on_clear_themes():
    from sklearn.metrics import adjusted_rand_score

    truth = [0] * 6 + [1] * 6
    for method in ("nmf", "kmeans"):
        assert adjusted_rand_score(truth, topics.document_clusters(SPORT + COOKING, k=2, method=method)) == 1.0


def test_bbc_results_file_is_read_for_the_notebook(tmp_path):
    table = topics.bbc_evaluation()
    assert set(table.columns) >= {"NMI", "ARI"} and len(table) >= 2
    assert "not been run" in topics.bbc_finding(tmp_path / "absent.json")
    assert topics.bbc_evaluation(tmp_path / "absent.json").empty


# ------------------------------------------------------------------ benchmark


def test_benchmark_script_runs_on_a_tiny_file(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i, t in enumerate(SPORT * 2 + COOKING * 2):
            f.write(json.dumps({"title": "", "content_original": t, "topic": "sport" if i < 12 else "food"}) + "\n")
    r = subprocess.run(
        [sys.executable, str(PROJ_ROOT / "benchmarks" / "bench_topics.py"), str(path), "--k", "2"],
        capture_output=True, text=True, cwd=PROJ_ROOT,
    )
    assert r.returncode == 0, r.stderr
    assert "Topics over 24 articles" in r.stdout and "under the 5-minute limit" in r.stdout
    assert "NMI of dominant topic" in r.stdout
    assert r.stderr == ""  # no progress bar when the output is not a terminal
