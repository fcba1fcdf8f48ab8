"""The large-corpus pipeline: partial results add up, and Dask gives exactly the one-process results."""

from __future__ import annotations

import gzip
import itertools

import pandas as pd
import pytest

from analysis import scale
from analysis.scale import pipeline
from analysis.scale.input import ALLSIDES_MAPPING, read_articles, write_parquet_parts
from analysis.paths import DATASETS_DIR

ALLSIDES = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The first 300 AllSides articles as a JSON Lines file (skips without ../shared)."""
    if not ALLSIDES.is_file():
        pytest.skip(f"the AllSides data set is not at {ALLSIDES} (../shared beside the repository)")
    path = tmp_path_factory.mktemp("allsides") / "sample.jsonl"
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        path.write_text("".join(itertools.islice(fh, 300)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def topics(sample):
    return scale.fit_projector(sample, mapping=ALLSIDES_MAPPING, fit_articles=150, k=5)


@pytest.fixture(scope="module")
def single(sample, topics):
    return scale.run_local(sample, mapping=ALLSIDES_MAPPING, chunk_size=75, topics=topics)


def test_chunking_does_not_change_the_results(sample, topics, single, monkeypatch):
    other = scale.run_local(sample, mapping=ALLSIDES_MAPPING, chunk_size=300, topics=topics)
    for name in scale.PARTS:
        pd.testing.assert_frame_equal(single.tables[name], other.tables[name], check_dtype=False, obj=name)
    # chunks added up two at a time, in three levels, give the same tables
    monkeypatch.setattr(pipeline, "FAN_IN", 2)
    parts = [pipeline.process_chunk(chunk, topics=topics)
             for chunk in read_articles(sample, mapping=ALLSIDES_MAPPING, chunk_size=60)]
    adder = pipeline._Adder()
    for part in parts:
        adder.add(part)
    assert [len(level) for level in adder.levels] == [1, 0, 1]
    tree = adder.total()
    for name in scale.PARTS:
        pd.testing.assert_frame_equal(single.tables[name], tree.tables[name], check_dtype=False, obj=name)
    assert set(tree.cpu) == {*scale.STAGES, "count tables", "combine"} and all(v >= 0 for v in tree.cpu.values())


def _groupby_sum(whole: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    values = [c for c in whole.columns if c not in keys]
    return whole.groupby(keys, observed=True, dropna=False, sort=True)[values].sum().reset_index()


@pytest.mark.parametrize("seed", range(5))
def test_sum_by_keys_is_a_sorted_groupby_sum(seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 400
    whole = pd.DataFrame({
        "outlet": rng.choice(["Beta", "alpha", "Ärzte", "Zeta", "beta"], n),
        "term": rng.choice(["war", "peace deal", "’s", "a", "b c", "Z"], n),
        "ngram": rng.integers(1, 3, n),
        "count": rng.integers(0, 50, n),
        "words": rng.integers(0, 500, n),
    })
    whole.loc[rng.random(n) < 0.1, "term"] = None  # missing keys are a group of their own, sorted last
    got = pipeline._sum_by_keys(whole, ["outlet", "term", "ngram"])
    pd.testing.assert_frame_equal(got, _groupby_sum(whole, ["outlet", "term", "ngram"]), check_dtype=False)
    assert got["count"].dtype == "int64"
    assert pipeline._sum_by_keys(whole.iloc[0:0], ["outlet", "term", "ngram"]).empty


def test_dask_local_cluster_equals_one_process(sample, topics, single, tmp_path, monkeypatch):
    parts = write_parquet_parts(sample, tmp_path / "parts", mapping=ALLSIDES_MAPPING, rows_per_part=100)
    assert len(parts) == 3
    monkeypatch.setattr(pipeline, "FAN_IN", 2)  # a tree of two levels of adding up on the workers
    on_dask = scale.run_dask(parts, topics=topics, workers=2)
    for name in scale.PARTS:
        pd.testing.assert_frame_equal(single.tables[name], on_dask.tables[name], check_dtype=False, obj=name)
    # The outputs researchers read: distinctive terms, sourcing profiles, coverage.
    pd.testing.assert_frame_equal(
        scale.distinctive_terms_from_counts(single.tables["terms"]),
        scale.distinctive_terms_from_counts(on_dask.tables["terms"]),
    )


def test_results_are_real_counts(single):
    articles = single.tables["articles"]
    assert len(articles) == 300 and articles["article_id"].is_unique
    assert single.tables["sourcing"]["quotes"].sum() == articles["n_quotes"].sum() > 100
    assert single.tables["coverage"]["articles"].sum() == 300
    assert single.tables["frames"]["sentences"].sum() > 0
    terms = scale.distinctive_terms_from_counts(single.tables["terms"])
    assert {"outlet", "term", "count", "z"} <= set(terms.columns) and terms["z"].notna().all()


def test_scale_command_writes_parquet(sample, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "results"
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "scale", str(sample), "--out", str(out), "--map", "allsides", "--limit", "60"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "60 articles" in done.stdout
    assert len(pd.read_parquet(out / "articles.parquet")) == 60
    assert (out / "distinctive_terms.parquet").is_file()


def test_adder_adds_with_the_function_given(monkeypatch):
    # on Dask the adder holds futures and adds them by submitting a task: any function of a list
    monkeypatch.setattr(pipeline, "FAN_IN", 3)
    adder = pipeline._Adder(lambda group: ("sum", *group))
    for part in range(7):
        adder.add(part)
    assert adder.levels == [[6], [("sum", 0, 1, 2), ("sum", 3, 4, 5)]]
    assert adder.total() == ("sum", 6, ("sum", 0, 1, 2), ("sum", 3, 4, 5))
    assert pipeline._Adder(lambda group: ("sum", *group)).total() is None


class _Scheduler:
    """What run_dask asks the scheduler: the tasks assigned to each worker."""

    def __init__(self, processing):
        self._processing = processing

    def processing(self):
        return self._processing


def test_a_worker_with_no_part_left_makes_its_sum_at_once():
    adders = {"tcp://a": None, "tcp://b": None}
    # part p3 runs on b and nothing waits for a free worker: a gets no more parts
    assert pipeline._idle_workers(_Scheduler({"tcp://a": ("sum-1",), "tcp://b": ("p3",)}), adders, {"p3"}) == ["tcp://a"]
    # p4 waits on the scheduler: it may still go to a
    assert pipeline._idle_workers(_Scheduler({"tcp://a": (), "tcp://b": ("p3",)}), adders, {"p3", "p4"}) == []
    # both still busy; and when every part is done, every worker
    assert pipeline._idle_workers(_Scheduler({"tcp://a": ("p4",), "tcp://b": ("p3",)}), adders, {"p3", "p4"}) == []
    assert pipeline._idle_workers(_Scheduler({}), adders, set()) == ["tcp://a", "tcp://b"]


def test_an_articles_main_topic_does_not_depend_on_the_texts_projected_with_it():
    # made-up texts and topics: the projection of a text alone equals its projection in any batch
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    rng = np.random.default_rng(3)
    words = [f"w{i}" for i in range(60)]
    texts = [" ".join(rng.choice(words, size=rng.integers(3, 40), p=rng.dirichlet(np.ones(60) * 0.3))) for _ in range(120)]
    texts.append("nothing known here")
    vectorizer = TfidfVectorizer().fit(texts[:-1])
    base = rng.gamma(0.3, 1.0, size=(3, len(vectorizer.vocabulary_)))
    # topics in near pairs: where a text's weights are close, the batch's starting point and stopping test decided
    components = np.vstack([base, base * rng.uniform(0.9, 1.1, size=base.shape)])
    projector = pipeline.TopicProjector(vectorizer, components, {}, start=0.05)
    batch = projector.main_topic(texts)
    alone = np.array([projector.main_topic([t])[0] for t in texts])
    halves = np.concatenate([projector.main_topic(texts[:37]), projector.main_topic(texts[37:])])
    assert (batch == alone).all() and (batch == halves).all()
    assert batch[-1] == 0 and set(batch[:-1]) <= set(range(1, 7)) and len(set(batch)) > 3
