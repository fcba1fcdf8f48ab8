"""Fixtures of the teaching tests: a tiny two-outlet corpus (one outlet name to be escaped)."""

from __future__ import annotations

import pytest

from tests.corpus_folders import write_corpus
from tests.teaching.helpers import TINY_A, TINY_B


@pytest.fixture
def tiny(tmp_path):
    return write_corpus(tmp_path, {"a": ("Outlet A", TINY_A), "b": ("<b>Outlet B</b>", TINY_B)})
