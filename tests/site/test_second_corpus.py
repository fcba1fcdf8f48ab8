"""The main job on a second real corpus, built from one BASIL same-event triple, with no code change."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from analysis.corpus import load_corpus
from analysis.paths import PROJ_ROOT
from analysis.site.report import notebook_paths, run_report

BASIL = PROJ_ROOT.parent / "shared" / "datasets" / "basil" / "basil_flat.jsonl"


@pytest.fixture(scope="module")
def basil_corpus(tmp_path_factory):
    if not BASIL.is_file():
        pytest.skip(f"the BASIL data set is not at {BASIL} (it sits in ../shared beside the repository)")
    out = tmp_path_factory.mktemp("basil") / "corpus"
    done = subprocess.run(
        [sys.executable, str(PROJ_ROOT / "scripts" / "basil_to_corpus.py"), "--out", str(out)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_basil_corpus_loads_with_three_outlets(basil_corpus):
    corpus = load_corpus(basil_corpus)
    assert sorted(corpus.outlets) == ["Fox News", "HuffPost", "The New York Times"]
    assert (corpus.articles["n_sentences"] > 5).all()


def test_main_job_runs_on_the_basil_corpus(basil_corpus, tmp_path):
    index = run_report(basil_corpus, tmp_path / "site", progress=None)
    assert index.is_file()
    for path in notebook_paths():
        nb = nbformat.read(tmp_path / "site" / "notebooks" / path.name, as_version=4)
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors, path.name
        assert (tmp_path / "site" / f"{path.stem}.html").is_file()
