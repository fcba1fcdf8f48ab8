"""Coverage per outlet set against the others: what it tells alone, and how much of it another outlet prints too.

The coverage tables (:func:`analysis.topics.story_elements`, one row per sentence and story
element; :func:`analysis.topics.coverage.single_outlet_elements`, one row per element only one
outlet tells; :func:`analysis.topics.reuse.shared_passages`, one row per passage two articles
share) are read here into what the synthesis cards (notebook 05) put in words, so that the
coverage package owns every number about coverage:

- :func:`sentences_told_alone`: the sentences of each outlet that tell an element no other
  outlet tells;
- :func:`shared_words`: the share of each outlet's words inside passages another outlet prints
  nearly word for word, as narration (the trace of common wire copy) or as quotation.

References:
    Clough, P., Gaizauskas, R., Piao, S. S. L. & Wilks, Y. (2002). METER: MEasuring TExt Reuse.
    ACL 2002, 152-159 (text reuse between news reports and the wire copy behind them).
"""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from .reuse import word_tokens, words_in_spans

__all__ = [
    "sentences_told_alone",
    "shared_words",
]


def sentences_told_alone(elements: pd.DataFrame, only: pd.DataFrame) -> pd.DataFrame:
    """The sentences that tell a story element only their outlet tells.

    Args:
        elements: :func:`analysis.topics.story_elements`.
        only: :func:`analysis.topics.coverage.single_outlet_elements`.

    Returns:
        The rows of ``elements`` (in their order) whose outlet and element are a row of ``only``.
    """
    told = elements.dropna(subset=["element"])
    if only.empty:
        return told.iloc[:0]
    alone = set(zip(only["outlet"], only["element"]))
    return told[[(o, e) in alone for o, e in zip(told["outlet"], told["element"])]]


def _partners(partners: dict[str, int], outlets: list[str]) -> str:
    """"1 passage shared with Harbour News" or "3 passages shared: AFP 1, The Independent 2"."""
    if not partners:
        return ""
    total = sum(partners.values())
    if len(partners) == 1:
        (o, _n), = partners.items()
        return f"{total} passage{'' if total == 1 else 's'} shared with {o}"
    listed = sorted(partners.items(), key=lambda kv: outlets.index(kv[0]))
    return f"{total} passages shared: " + ", ".join(f"{o} {n}" for o, n in listed)


def shared_words(corpus: Corpus, passages: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: the share of its words inside passages another outlet prints nearly word for word.

    Args:
        corpus: the corpus.
        passages: :func:`analysis.topics.reuse.shared_passages` of the corpus.

    Returns:
        One row per outlet (corpus order): ``outlet``, ``words`` (its word tokens, as
        :func:`analysis.topics.reuse.word_tokens` counts them), ``narration_words`` and
        ``quotation_words`` (of them, inside a passage of kind "shared narration" or "shared
        quotation"), ``narration_share``, ``quotation_share`` and ``narration_partners`` (the
        outlets it shares narration with, in words: "3 passages shared: AFP 1, Harbour News 2").

    References:
        Clough, P., Gaizauskas, R., Piao, S. S. L. & Wilks, Y. (2002). METER: MEasuring TExt
        Reuse. ACL 2002, 152-159.
    """
    arts = corpus.articles
    # One pass over the passages: each article's spans by kind, and its narration partners.
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    partners_of: dict[str, list[str]] = {}
    for d in passages.to_dict("records") if len(passages) else []:
        for side, other in (("a", "b"), ("b", "a")):
            aid = d[f"article_{side}"]
            if d["kind"] in ("shared narration", "shared quotation"):
                spans.setdefault((aid, d["kind"]), []).append((d[f"start_{side}"], d[f"end_{side}"]))
            if d["kind"] == "shared narration":
                partners_of.setdefault(aid, []).append(d[f"outlet_{other}"])
    rows = []
    texts = arts["text"]
    for o in corpus.outlets:
        words = narration = quotation = 0
        partners: dict[str, int] = {}
        for aid in arts.index[arts["outlet"] == o]:
            text = texts[aid]
            w = word_tokens(text)
            words += len(w.norm)
            for other in partners_of.get(aid, []):
                partners[other] = partners.get(other, 0) + 1
            narration += words_in_spans(w, spans.get((aid, "shared narration"), []), len(text))
            quotation += words_in_spans(w, spans.get((aid, "shared quotation"), []), len(text))
        rows.append({
            "outlet": o, "words": words, "narration_words": narration, "quotation_words": quotation,
            "narration_share": narration / words if words else 0.0, "quotation_share": quotation / words if words else 0.0,
            "narration_partners": _partners(partners, corpus.outlets),
        })
    return pd.DataFrame(rows)
