"""Fixtures of the word-choice tests: a tiny corpus written for them (the bundled one is ``corpus``)."""

from __future__ import annotations

import pytest

from tests.corpus_folders import write_corpus


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    """Three short articles from two outlets, written for these tests."""
    return write_corpus(
        tmp_path_factory.mktemp("tiny"),
        {
            "a1": ("Alpha", "Russia's full-scale invasion went on. The war crimes inquiry met.\n\nCrimea was seized in 2014."),
            "a2": ("Alpha", "The ship was seized at sea. Nobody mentioned the peninsula for a while.\n\nThen talks began. Then more talks."),
            "b1": ("Beta", "The crisis deepened, the Kremlin said.\n\n“The Kyiv regime is <b>terrorist</b>,” Peskov said.\n\nMay brought talks."),
        },
    )
