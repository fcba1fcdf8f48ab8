"""Hand-written texts for the topic tests, and reading the story elements of one sentence."""

from __future__ import annotations

import pandas as pd

SPORT = [
    "The striker scored twice and the goalkeeper saved a penalty in the football match.",
    "The football club signed a striker; the goalkeeper and the coach praised the match.",
    "A late goal won the match for the club after the goalkeeper was sent off.",
    "The coach picked a young striker for the cup match against the league leaders.",
    "Fans sang as the club's goalkeeper kept a clean sheet in the league match.",
    "The league fined the club after the match; the striker and the coach apologised.",
]
COOKING = [
    "Whisk the eggs with butter and sugar, then fold in the flour and bake the cake.",
    "Bake the bread in a hot oven; the flour and butter make a soft crumb.",
    "The recipe needs flour, sugar, eggs and butter, baked slowly in the oven.",
    "Knead the dough, let the bread rise, and bake it in the oven until golden.",
    "A cake recipe: butter, sugar and eggs creamed, flour folded, baked for an hour.",
    "Season the sauce, whisk in the butter, and serve it with fresh bread from the oven.",
]


def elements_of(elements: pd.DataFrame, needle: str) -> set[int]:
    """The elements the one sentence holding ``needle`` tells (a sentence may tell several)."""
    hit = elements[elements["text"].str.contains(needle, regex=False)]
    assert hit[["article_id", "sentence"]].drop_duplicates().shape[0] == 1, f"{needle!r} is in several sentences"
    return set(hit["element"].dropna().astype(int))


def outlets_in(elements: pd.DataFrame, element: int) -> set[str]:
    return set(elements.loc[elements["element"] == element, "outlet"])


def outlets_telling(elements: pd.DataFrame, needle: str) -> set[str]:
    """Every outlet that tells one of the elements of the sentence holding ``needle``, together."""
    return set().union(*(outlets_in(elements, e) for e in elements_of(elements, needle)))
