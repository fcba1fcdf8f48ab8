"""Fixtures of the synthesis tests: a small three-outlet corpus and the bundled corpus, synthesised once."""

from __future__ import annotations

import pytest

from analysis import synthesis
from tests.synthesis.helpers import ALPHA, BETA, GAMMA, corpus_with_headlines, with_bundled_naming


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("syn") / "small"
    corpus_with_headlines(
        folder,
        {"a": ("Alpha", ALPHA), "b": ("Beta", BETA), "g": ("Gamma", GAMMA)},
        {"a": "Envoy meets president", "g": "Talks in Moscow"},
    )
    corpus = with_bundled_naming(folder)  # the texts tell the bundled story
    return corpus, synthesis.synthesize(corpus)


@pytest.fixture(scope="module")
def seeds(corpus):
    return synthesis.synthesize(corpus)
