"""Shared fixtures: the bundled corpus and one rendered site per test session."""

from __future__ import annotations

import pytest

from analysis.corpus import load_corpus


@pytest.fixture(scope="session")
def corpus():
    return load_corpus()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The main job run once on the bundled corpus; returns the site folder."""
    from analysis.site.report import run_report

    out = tmp_path_factory.mktemp("site")
    run_report(None, out, progress=None)
    return out
