"""Headline, lede and first mentions: what each outlet puts first, and where each actor, event and element first appears.

News puts what it takes to matter most at the top: the headline and the lead summarise the story
as the outlet tells it (van Dijk 1988, ch. 2). So the same story's ledes can be compared: what
actors and kinds of event each outlet names first, and which it names late or not at all.

- :func:`headline_and_lede`: what each outlet names in its headline and first two body
  paragraphs: actors from the register (:func:`analysis.framing.actors.actors_in`), kinds of
  event from ``data/event_cues.toml`` with the corpus's story file's own added (:func:`load_events`,
  :func:`events_for`, :func:`find_events`);
  :func:`headline_lede_html` shows them side by side, :func:`lede_finding` puts them in words.
- :func:`first_mentions`: for each key actor, each kind of event and (given a table of story
  elements) each story element, the paragraph, sentence and fraction of the article at which it
  first appears (paragraphs counted as a reader counts them, :mod:`analysis.framing.paragraphs`);
  :func:`first_mention_table` and :func:`first_mention_finding` compare the outlets.

Limits: event kinds are found by cue words, as frames are (:mod:`analysis.framing.schemes`); a
lede that tells an event in words the file does not list is missed, and a listed word is counted
wherever it stands ("no one was wounded" names a killing or attack). A
corpus without headlines in its metadata compares first paragraphs only.

References:
    van Dijk, T. A. (1988). News as Discourse. Lawrence Erlbaum (headline and lead as the
    summary of a news story).
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..corpus import Corpus
from ..corpus.register import Register, corpus_register
from ..corpus.story import load_story
from ..errors import SameStoryError
from ..paths import DATA_DIR
from ..safe import html_text, md_text
from .actors import actor_mentions, actors_in, key_actors
from .paragraphs import paragraph_number, paragraph_numbers
from .schemes import SchemeError, term_pattern

__all__ = [
    "EVENTS_FILE",
    "events_for",
    "find_events",
    "first_mention_finding",
    "first_mention_table",
    "first_mentions",
    "headline_and_lede",
    "headline_lede_html",
    "lede_finding",
    "load_events",
]

EVENTS_FILE = DATA_DIR / "event_cues.toml"


@dataclass(frozen=True, eq=False)
class _EventScheme:
    ids: tuple[str, ...]
    labels: dict
    rx: dict


def _compile_events(tables: list[dict], where: str) -> tuple[list[str], dict, dict]:
    """Ids, labels and the cue alternatives (not yet joined) of ``[[events]]`` tables."""
    ids, labels, alts = [], {}, {}
    for n, e in enumerate(tables, 1):
        if not e.get("id") or not e.get("label"):
            raise SchemeError(f"{where}: event number {n} needs an id and a label")
        a = []
        if e.get("terms"):
            a.append(term_pattern(list(e["terms"]), f"{where}, event {e['id']!r}"))
        if e.get("exact"):
            a.append(r"(?-i:(?<!\w)(?:" + "|".join(re.escape(t) for t in e["exact"]) + r")(?!\w))")
        a += list(e.get("patterns", []))
        ids.append(e["id"])
        labels[e["id"]] = e["label"]
        alts[e["id"]] = a
    return ids, labels, alts


def _scheme(ids: list[str], labels: dict, alts: dict) -> _EventScheme:
    return _EventScheme(tuple(ids), labels, {i: re.compile("|".join(f"(?:{a})" for a in alts[i]), re.IGNORECASE) for i in ids})


@lru_cache(maxsize=4)
def load_events(path: str | Path = EVENTS_FILE) -> _EventScheme:
    """Read the event-kind cues (``data/event_cues.toml`` by default)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise SchemeError(f"{path}: cannot be read as an event cue file ({exc}); see analysis/data/event_cues.toml") from exc
    return _scheme(*_compile_events(data.get("events", []), path.name))


@lru_cache(maxsize=16)
def _with_story(story) -> _EventScheme:
    ids, labels, alts = _compile_events(tomllib.loads(EVENTS_FILE.read_text(encoding="utf-8")).get("events", []), EVENTS_FILE.name)
    for e in story.events:
        extra = {**e, "label": e.get("label") or labels.get(e["id"], "")}
        if not extra["label"]:
            raise SchemeError(f"{story.path}: the event {e['id']!r} is not one of the package's ({', '.join(ids)}); give it a label")
        i, lab, a = _compile_events([extra], f"{story.path.name}")
        if e["id"] not in alts:
            ids.append(e["id"])
            alts[e["id"]] = []
        labels[e["id"]] = lab[e["id"]]
        alts[e["id"]] += a[e["id"]]
    return _scheme(ids, labels, alts)


def events_for(corpus: Corpus) -> _EventScheme:
    """The event cues a corpus is read with: the package's, with its story file's ``[[event]]`` tables added
    (:mod:`analysis.corpus.story`); the package's alone when the story file adds none."""
    story = load_story(corpus)
    return _with_story(story) if story.events else load_events()


def find_events(text: str, *, events: _EventScheme | None = None) -> list[tuple[str, int, int, str]]:
    """Event cues in ``text``: (event label, start, end, matched words), in text order."""
    ev = events or load_events()
    found = [(ev.labels[i], m.start(), m.end(), m.group(0)) for i in ev.ids for m in ev.rx[i].finditer(text)]
    return sorted(found, key=lambda x: (x[1], ev.ids.index(next(k for k in ev.ids if ev.labels[k] == x[0]))))


def _summarise_events(found: list[tuple[str, int, int, str]]) -> str:
    by: dict[str, list[str]] = {}
    for label, _, _, words in found:
        by.setdefault(label, [])
        w = words.lower()
        if w not in by[label]:
            by[label].append(w)
    return "; ".join(f"{label} ({', '.join(ws)})" for label, ws in by.items())


def headline_and_lede(corpus: Corpus, *, paragraphs: int = 2, register: Register | None = None) -> pd.DataFrame:
    """What each article puts first: its headline (where the metadata has one) and first paragraphs.

    Args:
        corpus: a loaded corpus.
        paragraphs: how many body paragraphs make the lede (two by default).
        register: the register of actors; the corpus's own (corpus_register) by default.

    Returns:
        One row per article: ``article_id``, ``outlet``, ``headline`` ("" when unknown), ``lede``
        (the first body paragraphs, joined by a blank line), ``lede_end`` (offset), and for the
        headline and the lede the actors named (register canonical names in order of first
        mention; people, organisations, countries) and the kinds of event named (with the words).

    References:
        van Dijk (1988), ch. 2: headline and lead summarise the story.
    """
    reg = register or corpus_register(corpus)
    ev = events_for(corpus)
    paras = corpus.paragraphs()
    rows = []
    for aid, art in corpus.articles.iterrows():
        body = paras[(paras["article_id"] == aid) & (paras["kind"] == "body")].head(paragraphs)
        lede = "\n\n".join(body["text"])
        headline = str(art.get("headline", "") or "")
        rows.append(
            {
                "article_id": aid, "outlet": art["outlet"], "headline": headline, "lede": lede,
                "lede_end": int(body["end"].max()) if len(body) else 0,
                "actors_headline": actors_in(headline, reg), "actors_lede": actors_in(lede, reg),
                "events_headline": _summarise_events(find_events(headline, events=ev)), "events_lede": _summarise_events(find_events(lede, events=ev)),
            }
        )
    return pd.DataFrame(rows)


def headline_lede_html(table: pd.DataFrame) -> str:
    """Headline and lede side by side, one row per article, as escaped HTML."""
    head = "<tr><th>outlet</th><th>headline</th><th>first paragraphs</th><th>actors named</th><th>events named</th></tr>"
    body = []
    for r in table.itertuples(index=False):
        headline = html_text(r.headline) if r.headline else "<em>(no headline in the file)</em>"
        lede = "".join(f"<p>{html_text(p)}</p>" for p in r.lede.split("\n\n"))
        actors = html_text(r.actors_lede) + (f"<br><small>headline: {html_text(r.actors_headline)}</small>" if r.actors_headline else "")
        events = html_text(r.events_lede) + (f"<br><small>headline: {html_text(r.events_headline)}</small>" if r.events_headline else "")
        body.append(f"<tr><td><b>{html_text(r.outlet)}</b></td><td>{headline}</td><td>{lede}</td><td>{actors}</td><td>{events}</td></tr>")
    return f"<table class='ss-lede'><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def lede_finding(table: pd.DataFrame) -> str:
    """Which kinds of event some outlets name in their lede and others do not (computed)."""
    outlets = list(table["outlet"])
    if len(outlets) < 2:
        r = table.iloc[0]
        return (f"{md_text(r['outlet'])}'s first paragraphs name: {md_text(r['events_lede']) or 'no event cue'}. "
                "Comparing ledes needs at least two outlets.")
    kinds: dict[str, set] = {}
    for r in table.itertuples(index=False):
        for part in filter(None, r.events_lede.split("; ")):
            kinds.setdefault(part.split(" (")[0], set()).add(r.outlet)
    split = [(k, v) for k, v in kinds.items() if 0 < len(v) < len(outlets)]
    headed = table[table["headline"] != ""]
    text = f"{len(headed)} of the {len(table)} articles have a headline in the metadata."
    if not split:
        return text + " Every outlet names the same kinds of event in its first paragraphs."
    sentences = []
    for k, have in sorted(split, key=lambda kv: (-len(kv[1]), kv[0])):
        missing = [o for o in outlets if o not in have]
        sentences.append(f"{len(have)} of {len(outlets)} outlets {'names' if len(have) == 1 else 'name'} a {md_text(k)} in their first paragraphs; "
                         f"{', '.join(map(md_text, missing))} {'does' if len(missing) == 1 else 'do'} not")
    return text + " " + ". ".join(sentences) + "."


def first_mentions(corpus: Corpus, *, elements: pd.DataFrame | None = None, actors: list[str] | None = None,
                   events: bool = True, min_outlets: int | None = None, min_element_outlets: int = 2,
                   register: Register | None = None) -> pd.DataFrame:
    """Where each key actor, each kind of event and each story element first appears in each article.

    Args:
        corpus: a loaded corpus.
        elements: optional story elements with the contract of ``analysis.topics.story_elements``
            (``article_id``, ``outlet``, ``start``, ``end``, ``text``, ``element``, and optionally
            ``element_label``); each element's first row per article gives its first mention. Rows
            without an element are ignored.
        actors: canonical names to report; by default the key actors: people, organisations and
            countries of the register mentioned by at least ``min_outlets`` outlets.
        events: also report the kinds of event of ``data/event_cues.toml``.
        min_outlets: see ``actors`` (default 2, or 1 for a corpus of one outlet).
        min_element_outlets: keep story elements that at least this many outlets cover (2 by
            default: an element only one outlet has cannot be compared).
        register: the register; the corpus's own (corpus_register) by default.

    Returns:
        One row per article and item found: ``article_id``, ``outlet``, ``kind`` (actor, event or
        element), ``item``, ``paragraph_number`` (body paragraphs numbered from 1; a subhead counts
        with the paragraph after it), ``sentence_number`` (from 1), ``start``, ``position`` (start /
        length of the clean text, 3 decimals), ``words`` (what the article says there).

    References:
        van Dijk (1988), ch. 2: what comes first is what the story presents as most relevant.
    """
    texts = corpus.articles["text"]
    sents = corpus.sentences()
    starts = {aid: list(g["start"]) for aid, g in sents.groupby("article_id", sort=False)}
    numbers = paragraph_numbers(corpus)

    def place(aid, start):
        i = bisect.bisect_right(starts[aid], start) - 1
        return paragraph_number(corpus, aid, start, numbers), max(i, 0) + 1, round(start / max(len(texts[aid]), 1), 3)

    rows = []
    m = actor_mentions(corpus, register=register)
    wanted = actors if actors is not None else key_actors(m, corpus, min_outlets)
    firsts = m[m["canonical"].isin(wanted)].sort_values("start").groupby(["article_id", "canonical"], sort=False).head(1)
    for r in firsts.itertuples(index=False):
        p, s, pos = place(r.article_id, r.start)
        rows.append((r.article_id, r.outlet, "actor", r.canonical, p, s, r.start, pos, r.mention))
    if events:
        ev = events_for(corpus)
        for aid, art in corpus.articles.iterrows():
            seen = set()
            for label, a, _, words in find_events(art["text"], events=ev):
                if label in seen:
                    continue
                seen.add(label)
                p, s, pos = place(aid, a)
                rows.append((aid, art["outlet"], "event", label, p, s, a, pos, words))
    if elements is not None and len(elements):
        missing = {"article_id", "start", "element"} - set(elements.columns)
        if missing:
            raise SameStoryError(f"the story elements table lacks the column(s) {', '.join(sorted(missing))}; "
                                 "pass the output of analysis.topics.story_elements(corpus)")
        el = elements[elements["article_id"].isin(texts.index) & elements["element"].notna()].copy()
        el["outlet"] = el["article_id"].map(corpus.articles["outlet"])
        spread = el.groupby("element")["outlet"].nunique()
        el = el[el["element"].map(spread) >= min(min_element_outlets, len(corpus.outlets))]
        if "element_label" in el.columns:
            el["item"] = [f"{e}: {lab}" if isinstance(lab, str) and lab else str(e) for e, lab in zip(el["element"], el["element_label"])]
        else:
            el["item"] = el["element"].astype(str)
        for r in el.sort_values("start").groupby(["article_id", "item"], sort=False).head(1).itertuples(index=False):
            p, s, pos = place(r.article_id, int(r.start))
            rows.append((r.article_id, r.outlet, "element", r.item, p, s, int(r.start), pos, str(getattr(r, "text", ""))))
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "kind", "item", "paragraph_number", "sentence_number", "start",
                                      "position", "words"])
    kind_order = {"actor": 0, "event": 1, "element": 2}
    art_order = {a: i for i, a in enumerate(corpus.articles.index)}
    return out.sort_values(["kind", "item", "article_id"], key=lambda c: c.map(kind_order) if c.name == "kind" else
                           (c.map(art_order) if c.name == "article_id" else c)).reset_index(drop=True)


def first_mention_table(first: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Items (rows) x outlets (columns): "¶3 · 12%" (paragraph, fraction of the article) or "—" when
    the outlet never names the item. Rows: actors, events, elements; within each, items named by
    most outlets first, then earliest on average."""
    if first.empty:
        return pd.DataFrame(columns=corpus.outlets)
    f = first.sort_values("start").groupby(["kind", "item", "outlet"], sort=False).head(1)
    cell = f.assign(cell=[f"¶{p} · {pos:.0%}" for p, pos in zip(f["paragraph_number"], f["position"])])
    wide = cell.pivot(index=["kind", "item"], columns="outlet", values="cell").reindex(columns=corpus.outlets)
    stats = f.groupby(["kind", "item"]).agg(n=("outlet", "nunique"), mean=("position", "mean"))
    kind_order = {"actor": 0, "event": 1, "element": 2}
    order = sorted(stats.index, key=lambda k: (kind_order.get(k[0], 3), -stats.loc[k, "n"], stats.loc[k, "mean"], k[1]))
    wide = wide.loc[order].fillna("—")
    wide.columns.name = None
    return wide


def first_mention_finding(first: pd.DataFrame, corpus: Corpus) -> str:
    """A sentence on items that some outlets put first and others leave out (computed)."""
    outlets = corpus.outlets
    if len(outlets) < 2:
        return "Comparing where outlets first name an actor or event needs at least two outlets."
    f = first[first["kind"].isin(["actor", "event"])].sort_values("start").groupby(["kind", "item", "outlet"], sort=False).head(1)
    parts = []
    groups = sorted(f.groupby(["kind", "item"], sort=False), key=lambda kv: (-len(kv[1]), kv[0][0] != "event", kv[0][1]))
    for (kind, item), g in groups:
        missing = [o for o in outlets if o not in set(g["outlet"])]
        if missing and len(g) >= 2:
            early = g.sort_values(["position", "outlet"]).iloc[0]
            parts.append(f"{md_text(item)} ({kind}) first appears in {md_text(early['outlet'])} at paragraph {early['paragraph_number']}, "
                         f"but {', '.join(map(md_text, missing))} never {'names' if len(missing) == 1 else 'name'} it")
    if not parts:
        return "Every outlet names every key actor and kind of event at some point; the table shows how early."
    return "Some items are missing from some outlets: " + "; ".join(parts[:4]) + ("; and more in the table." if len(parts) > 4 else ".")
