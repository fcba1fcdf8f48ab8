"""Actor salience: who each outlet mentions, how often, how early, and how often as grammatical subject.

Salience is making a piece of information "more noticeable, meaningful, or memorable" (Entman
1993): an actor named often, early and as the one who acts is put forward. Actors here are the
people, organisations and countries of the corpus's register (:func:`analysis.corpus.register.corpus_register`):
its folder's ``register.csv`` where it has one ("Ms Okafor" and "Ruritania's president" count as
one actor there), and the people and organisations found in the corpus's own text
(:mod:`analysis.corpus.people`: "Christine Blasey Ford", "Blasey Ford" and "Ford" are one person;
"the Labor Department", "the Bureau of Labor Statistics (BLS)" are bodies), so any corpus has its
actors with no register written for it.

- :func:`actor_mentions`: every mention, role and name side by side merged ("Russian president
  Marta Okafor" counts once), capitals named as places left out, each flagged when it is the
  grammatical subject (:func:`analysis.framing.grammar.is_subject`).
- :func:`actor_salience`: per outlet and actor, mentions, per 1,000 words, first paragraph and
  position, subject mentions and share; :func:`salience_wide` and :func:`salience_table` lay it
  out actors x outlets, :func:`salience_figure` (titled by :func:`salience_title`) draws it and
  :func:`salience_finding` puts it in words.
- :func:`key_actors` (the actors named by at least two outlets) and :func:`actors_in` (the actors
  a text names), for the headline, lede and first mentions (:mod:`analysis.framing.lede`).

Limits: a person the text names only by role ("the chairman") counts here only where the
corpus's register lists that role; the quote finder resolves such roles per article
(:mod:`analysis.sourcing.speakers`). A body written in lower case ("the Romney campaign") is not
found.

References:
    Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. Journal of
    Communication 43(4), 51-58 (salience).
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..corpus.register import Register, mentions as register_mentions
from ..plots import finish_figure, outlet_colors
from ..safe import md_text
from .grammar import is_subject, load_words
from .paragraphs import paragraph_number, paragraph_numbers

__all__ = [
    "ACTOR_KINDS",
    "actor_mentions",
    "actor_salience",
    "actors_in",
    "key_actors",
    "salience_figure",
    "salience_finding",
    "salience_table",
    "salience_title",
    "salience_wide",
]

ACTOR_KINDS = ("person", "organisation", "country")


def actors_in(text: str, reg: Register, kinds: tuple[str, ...] = ACTOR_KINDS) -> str:
    """The actors of ``kinds`` that ``text`` names: canonical names in order of first mention, "; "-joined."""
    names = []
    for m in reg.find(text):
        if reg.info(m.canonical).get("kind") in kinds and m.canonical not in names:
            names.append(m.canonical)
    return "; ".join(names)


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|outside|near|around|into|across|through|from|of|east|west|north|south|central|downtown)\s+)$",
    re.IGNORECASE,
)


def actor_mentions(corpus: Corpus, *, register: Register | None = None, kinds: tuple[str, ...] = ACTOR_KINDS, places: bool = False) -> pd.DataFrame:
    """Mentions of registered actors, with appositions merged and a grammatical-subject flag.

    "Ruritanian president Marta Okafor" is a role and a name side by side: the register finds both;
    here they count once (consecutive mentions of the same actor separated only by spaces or a
    comma are merged). A capital city standing for its state ("Moscow said") is an actor, but
    "a car bomb outside Moscow" names a place: role mentions of a country (its capital) right
    after a locative word (in, at, outside, near, from, of, east of ...) are left out unless
    ``places=True``.

    Args:
        corpus: a loaded corpus.
        register: the register; the corpus's own (corpus_register) by default.
        kinds: register kinds to keep (media are sources, not actors, and are left out).
        places: keep capital cities named as places.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``paragraph`` (index into
        ``corpus.paragraphs()``), ``paragraph_number`` (body paragraphs numbered from 1; a subhead
        counts with the paragraph after it), ``start``, ``end``, ``position`` (fraction of the
        article), ``mention``,
        ``canonical``, ``via``, ``kind``, ``role_type``, ``subject`` (bool), ``text`` (sentence).

    References:
        Entman (1993): salience, which the position and subject flags measure.
    """
    m = register_mentions(corpus, register=register)
    m = m[m["kind"].isin(kinds)].reset_index(drop=True)
    texts = corpus.articles["text"]
    if not places and len(m):
        place = [r.via == "role" and r.kind == "country" and bool(_LOCATIVE.search(texts[r.article_id][max(0, r.start - 20) : r.start]))
                 for r in m.itertuples(index=False)]
        m = m[[not p for p in place]].reset_index(drop=True)
    sents = corpus.sentences().set_index(["article_id", "sentence"])
    numbers = paragraph_numbers(corpus)
    w = load_words()
    merged: list[dict] = []
    for r in m.itertuples(index=False):
        prev = merged[-1] if merged else None
        if (prev and prev["article_id"] == r.article_id and prev["sentence"] == r.sentence and prev["canonical"] == r.canonical
                and re.fullmatch(r"[\s,]*", texts[r.article_id][prev["end"] : r.start])):
            prev["end"] = r.end
            prev["mention"] = texts[r.article_id][prev["start"] : r.end]
            prev["via"] = "name" if "name" in (prev["via"], r.via) else prev["via"]
            continue
        merged.append({"article_id": r.article_id, "outlet": r.outlet, "sentence": r.sentence, "paragraph": r.paragraph,
                       "start": r.start, "end": r.end,
                       "mention": r.mention, "canonical": r.canonical, "via": r.via, "kind": r.kind, "role_type": r.role_type})
    rows = []
    for d in merged:
        srow = sents.loc[(d["article_id"], d["sentence"])]
        s_start = int(srow["start"])
        rows.append({**d, "paragraph_number": paragraph_number(corpus, d["article_id"], d["start"], numbers),
                     "position": round(d["start"] / max(len(texts[d["article_id"]]), 1), 3),
                     "subject": is_subject(srow["text"], d["start"] - s_start, d["end"] - s_start, words=w),
                     "text": srow["text"]})
    cols = ["article_id", "outlet", "sentence", "paragraph", "paragraph_number", "start", "end", "position", "mention",
            "canonical", "via", "kind", "role_type", "subject", "text"]
    return pd.DataFrame(rows, columns=cols)


def actor_salience(mentions: pd.DataFrame, corpus: Corpus, *, top: int | None = None) -> pd.DataFrame:
    """Who is mentioned, how often, how early, and how often as grammatical subject, per outlet.

    Args:
        mentions: the output of :func:`actor_mentions`.
        corpus: the corpus (for word counts and outlet order).
        top: keep the ``top`` actors by total mentions across outlets (None: all).

    Returns:
        One row per outlet and actor: ``outlet``, ``actor``, ``kind``, ``mentions``,
        ``per_1000_words``, ``first_paragraph`` (paragraph number), ``first_position`` (fraction of the article, in
        the outlet's first article that mentions the actor), ``subject_mentions``,
        ``subject_share``. Ordered by outlet (metadata order), then mentions.

    References:
        Entman (1993): salience through repetition and placement.
    """
    words = corpus.articles.groupby("outlet")["n_words"].sum()
    keep = mentions["canonical"].value_counts()
    if top:
        keep = keep.head(top)
    m = mentions[mentions["canonical"].isin(keep.index)]
    rows = []
    for outlet in corpus.outlets:
        mo = m[m["outlet"] == outlet]
        for actor, g in mo.groupby("canonical", sort=False):
            first = g.sort_values(["article_id", "start"]).iloc[0]
            n = len(g)
            rows.append({"outlet": outlet, "actor": actor, "kind": first["kind"], "mentions": n,
                         "per_1000_words": round(1000 * n / words[outlet], 2), "first_paragraph": int(first["paragraph_number"]),
                         "first_position": float(first["position"]), "subject_mentions": int(g["subject"].sum()),
                         "subject_share": round(float(g["subject"].mean()), 2)})
    out = pd.DataFrame(rows, columns=["outlet", "actor", "kind", "mentions", "per_1000_words", "first_paragraph",
                                      "first_position", "subject_mentions", "subject_share"])
    order = {o: i for i, o in enumerate(corpus.outlets)}
    return out.sort_values(["outlet", "mentions", "actor"], key=lambda c: c.map(order) if c.name == "outlet" else c,
                           ascending=[True, False, True]).reset_index(drop=True)


def salience_wide(salience: pd.DataFrame, corpus: Corpus, *, value: str = "mentions") -> pd.DataFrame:
    """Actors (rows, most mentioned first) x outlets (columns) of one salience measure; 0 or blank when absent."""
    wide = salience.pivot(index="actor", columns="outlet", values=value).reindex(columns=corpus.outlets)
    total = salience.groupby("actor")["mentions"].sum()
    wide = wide.loc[total.sort_values(ascending=False, kind="stable").index]
    return wide.fillna(0).astype(int) if value in ("mentions", "subject_mentions") else wide


def salience_table(salience: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Actors x outlets: mentions, then (after the outlets) mentions as grammatical subject."""
    mentions = salience_wide(salience, corpus)
    subjects = salience_wide(salience, corpus, value="subject_mentions").reindex(mentions.index).fillna(0).astype(int)
    subjects.columns = [f"{o} (as subject)" for o in subjects.columns]
    out = pd.concat([mentions, subjects], axis=1)
    out.columns.name = None
    return out


def salience_figure(salience: pd.DataFrame, corpus: Corpus, *, top: int = 8) -> Figure:
    """Grouped bars: mentions per 1,000 words of the ``top`` most-mentioned actors, one colour per outlet."""
    total = salience.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable")
    actors = list(total.index[:top])[::-1]
    colors = outlet_colors(corpus.outlets)
    k = len(corpus.outlets)
    height = 0.8 / k
    fig, ax = plt.subplots(figsize=(8.5, 0.28 * len(actors) * max(k, 2) / 2 + 2.0))
    y = np.arange(len(actors))
    for i, outlet in enumerate(corpus.outlets):
        vals = [float(salience[(salience["outlet"] == outlet) & (salience["actor"] == a)]["per_1000_words"].sum()) for a in actors]
        ax.barh(y + (k - 1 - i) * height - 0.4 + height / 2, vals, height=height, color=colors[outlet], label=outlet)
    ax.set_yticks(y, actors)
    ax.set_xlabel("Mentions per 1,000 words (names and roles, through the register)")
    ax.set_ylabel("")
    return finish_figure(fig, ax, title=salience_title(salience))


def salience_title(salience: pd.DataFrame) -> str:
    """The finding for the salience figure: the most-mentioned actor per outlet (computed)."""
    if salience.empty:
        return "No registered actor is mentioned"
    top = salience.sort_values(["per_1000_words", "actor"], ascending=[False, True]).groupby("outlet", sort=False).head(1)
    if top["actor"].nunique() == 1:
        who = top["actor"].iloc[0]
        return f"{who} is the most mentioned actor in every outlet" if len(top) > 1 else f"{who} is the most mentioned actor"
    counts = top["actor"].value_counts()
    parts = [f"{a} in {n}" for a, n in counts.items()]
    return f"Most mentioned actor per outlet: {parts[0]} of {len(top)} outlets, " + ", ".join(parts[1:])


def salience_finding(salience: pd.DataFrame, corpus: Corpus) -> str:
    """Sentences on salience: the most-mentioned actor per outlet and the subject shares (computed)."""
    if salience.empty:
        return "No actor of the register is mentioned in the corpus."
    order = {o: i for i, o in enumerate(corpus.outlets)}
    top = (salience.sort_values(["mentions", "actor"], ascending=[False, True]).groupby("outlet", sort=False).head(1)
           .sort_values("outlet", key=lambda c: c.map(order)))
    parts = [f"{md_text(r.outlet)} mentions {md_text(r.actor)} most ({r.mentions} times, {r.per_1000_words:g} per 1,000 words; "
             f"grammatical subject in {r.subject_share:.0%} of the mentions)" for r in top.itertuples()]
    text = "; ".join(parts) + "."
    if len(corpus.outlets) < 2:
        text += " Comparing outlets needs at least two."
    return text


def key_actors(mentions: pd.DataFrame, corpus: Corpus, min_outlets: int | None) -> list[str]:
    """The actors that at least ``min_outlets`` outlets mention (default 2, or 1 for a corpus of
    one outlet), named by most outlets first, then most mentions, then by name."""
    need = min_outlets if min_outlets is not None else (2 if len(corpus.outlets) >= 2 else 1)
    per = mentions.groupby("canonical")["outlet"].nunique()
    total = mentions["canonical"].value_counts()
    keep = [a for a in per.index if per[a] >= need]
    return sorted(keep, key=lambda a: (-per[a], -total[a], a))
