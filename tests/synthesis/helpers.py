"""Tiny hand-written corpora for the synthesis tests, and reading one claim of a synthesis."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.corpus import load_corpus
from analysis.paths import BUNDLED_CORPUS
from tests.corpus_folders import write_corpus

ENVOY = "The envoy met the president in Moscow on Friday for three hours of talks about a peace deal and security guarantees."
BOMB = "A senior general was killed by a car bomb outside Moscow on Friday morning, shortly before the talks began."

ALPHA = [
    ENVOY,
    BOMB,
    "The president claimed the two sides were “very close to a deal”.",
    "Kyiv said the war must end with firm security guarantees from its allies.",
    "Farmers in the south worried about the harvest and the price of grain this spring.",
]
BETA = [
    ENVOY,
    BOMB,
    "The president said the two sides were “very close to a deal”.",
    "Kyiv said the conflict must end with firm security guarantees from its allies.",
    "An aide called the talks “a crisis of trust” between the two capitals.",
]
GAMMA = [
    "The envoy and the president held talks in Moscow on Friday about a peace deal.",
    "“Very close to a deal,” the president told reporters afterwards.",
    "Officials described the Ukraine crisis as a matter for negotiation between the capitals.",
]


def corpus_with_headlines(folder: Path, articles: dict[str, tuple[str, list[str]]], headlines: dict[str, str]):
    """:func:`tests.corpus_folders.write_corpus`, then a ``headline`` column added to its metadata
    (articles not in ``headlines`` get an empty one), loaded again."""
    write_corpus(folder, articles)
    meta = pd.read_csv(folder / "metadata.csv", dtype=str)
    meta["headline"] = [headlines.get(aid, "") for aid in meta["article_id"]]
    meta.to_csv(folder / "metadata.csv", index=False)
    return load_corpus(folder)


def with_bundled_naming(folder: Path):
    """Give a corpus folder whose texts tell the bundled story the bundled story's contested names
    (its ``story.toml`` without the register line), and load it."""
    story = (BUNDLED_CORPUS / "story.toml").read_text(encoding="utf-8")
    (folder / "story.toml").write_text(re.sub(r"(?m)^register = .*$", "", story), encoding="utf-8")
    return load_corpus(folder)


def claim(syn, outlet: str, measure: str) -> pd.Series:
    c = syn.claims
    rows = c[(c["outlet"] == outlet) & (c["measure"] == measure)]
    assert len(rows) == 1, (outlet, measure)
    return rows.iloc[0]


def evidence_text(row) -> str:
    return " | ".join(e["text"] for e in row["evidence"])
