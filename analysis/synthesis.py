"""Synthesis: one card per outlet that brings together its frames, words, voices and coverage.

Notebook 05 ("five outlets, one day") puts side by side what notebooks 01 to 04 found about
each outlet. Nothing here is a new analysis: :func:`synthesize` calls each of the four analyses
once on the corpus (framing and agency, word choice, sourcing, story elements and text reuse),
keeps the tables they return, and writes from them a few **claims** per outlet. Each claim is
a sentence computed from a table (no finding is typed into the code), with

- the notebook, the section and the table it comes from (``source_notebook``,
  ``source_section``, ``source_table``, and ``link``: the page and anchor of that section in
  the rendered site, so a reader can go from a card to the full analysis);
- the **evidence** behind it: the spans of article text (``article_id``, ``start``, ``end``
  into the clean text, ``text``) that the number counts, each with a note and the sentence
  around it (:func:`evidence_table` gives them as one tidy table).

:func:`cards_html` renders one card per outlet (escaped HTML, one colour per outlet from
:func:`analysis.plots.outlet_colors` as an accent beside the outlet's name, cards that stack on
a narrow screen); :func:`synthesis_finding` states in words what the cards show side by side;
:func:`limits_finding` says what they cannot show, with the measured error rates of the
methods behind them (read from ``analysis/data/evaluation_*.json``).

A corpus of one outlet gets its card, and each claim that needs a comparison says plainly that
it needs two outlets. Articles without a headline get no headline on their card.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.synthesis import synthesize
    >>> syn = synthesize(load_corpus())
    >>> list(syn.claims.columns[:5])
    ['claim_id', 'outlet', 'topic', 'measure', 'claim']

References:
    The methods are those of the modules it draws on: Semetko & Valkenburg (2000) for the
    generic frames (:mod:`analysis.framing`); Monroe, Colaresi & Quinn (2008) for distinctive
    terms (:mod:`analysis.wordchoice`); Bergler (1992) on reporting verbs and Newell, Margolin
    & Ruths (2018) for the quote finder's evaluation (:mod:`analysis.sourcing`); story elements
    and text reuse in :mod:`analysis.topics`, :mod:`analysis.coverage` and :mod:`analysis.reuse`.
    The card layout follows the "small multiples" idea of Tufte (1990), Envisioning
    Information: the same panels, in the same order, for every outlet.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote

import numpy as np
import pandas as pd

from .corpus import Corpus
from .plots import outlet_colors

Topic = Literal["frames", "words", "voices", "coverage"]
TOPICS: tuple[Topic, ...] = ("frames", "words", "voices", "coverage")
TOPIC_TITLES = {"frames": "Frames", "words": "Word choice", "voices": "Voices", "coverage": "Coverage"}

CLAIM_COLUMNS = [
    "claim_id", "outlet", "topic", "measure", "claim", "value", "about", "source_notebook", "source_section",
    "source_table", "source_file", "link", "evidence",
]
EVIDENCE_COLUMNS = [
    "claim_id", "outlet", "topic", "measure", "article_id", "start", "end", "text", "note",
    "context_start", "context_end", "context",
]


def heading_anchor(heading: str) -> str:
    """The id nbconvert gives a Markdown heading in the rendered page (and so the link's fragment).

    nbconvert (``nbconvert.filters.strings.add_anchor``) takes the heading's text, replaces
    spaces with hyphens and percent-encodes what a URL fragment cannot hold, keeping
    ``?/:@!$&'()*+,;=``: "Whose voices?" becomes ``Whose-voices?`` and "1 · Topics"
    ``1-%C2%B7-Topics``. A test checks every link of the cards against a rendered site.
    """
    return quote(heading.replace(" ", "-"), safe="?/:@!$&'()*+,;=")


@dataclass(frozen=True)
class Source:
    """Where a claim comes from: a notebook, one of its sections, and the table behind it.

    Attributes:
        topic: the card panel the claim goes in.
        notebook: the notebook's name without extension ("03-sourcing").
        section: the text of the section's Markdown heading, as the notebook writes it.
        table: the function of the package that makes the table.
        file: the CSV the notebook saves the table (or its figure's data) as, if it does.
        label: a short name for the link ("03 Sourcing").
    """

    topic: Topic
    notebook: str
    section: str
    table: str
    file: str
    label: str

    @property
    def link(self) -> str:
        """The section's address in the rendered site, relative to its pages."""
        return f"{self.notebook}.html#{heading_anchor(self.section)}"


_FRAMING = {"notebook": "01-framing", "label": "01 Framing"}
_WORDS = {"notebook": "02-word-choice", "label": "02 Word choice"}
_SOURCING = {"notebook": "03-sourcing", "label": "03 Sourcing"}
_COVERAGE = {"notebook": "04-topics-and-coverage", "label": "04 Topics and coverage"}
_ELEMENTS_SECTION = "What each outlet leaves out, and what only one tells"

SOURCES: dict[str, Source] = {
    "most frequent frame": Source(
        "frames", section="Generic frames", table="framing.frame_summary", file="fig1-generic-frames.csv", **_FRAMING),
    "frame that sets it apart": Source(
        "frames", section="Generic frames", table="framing.frame_summary", file="fig1-generic-frames.csv", **_FRAMING),
    "agentless passives": Source(
        "frames", section="Agency: who did it?", table="agency.passive_summary", file="fig1-passives.csv", **_FRAMING),
    "distinctive terms": Source(
        "words", section="Which terms set each outlet apart?", table="wordchoice.distinctive_terms",
        file="fig2-distinctive-terms.csv", **_WORDS),
    "contested naming": Source("words", section="Contested naming", table="wordchoice.naming_mentions", file="", **_WORDS),
    "wordings of its own": Source("words", section="Contested naming", table="wordchoice.naming_mentions", file="", **_WORDS),
    "most quoted voices": Source("voices", section="Whose voices?", table="sourcing.voices", file="", **_SOURCING),
    "reporting verbs": Source(
        "voices", section="How are they introduced? Reporting verbs", table="sourcing.verb_stance",
        file="fig3-verb-stance.csv", **_SOURCING),
    "told by it alone": Source(
        "coverage", section=_ELEMENTS_SECTION, table="coverage.single_outlet_elements", file="table4-single-outlet.csv",
        **_COVERAGE),
    "left out": Source("coverage", section=_ELEMENTS_SECTION, table="coverage.omissions", file="", **_COVERAGE),
    "shared wire narration": Source(
        "coverage", section="3 · Text reuse: the same words in two outlets", table="reuse.shared_passages",
        file="table4-shared-passages.csv", **_COVERAGE),
}
"""Every kind of claim, in the order it appears on a card, with the notebook section it comes from."""

NEEDS_TWO = "{what} compares outlets and needs at least two; this corpus has one ({outlet})."


@dataclass
class Synthesis:
    """The claims about every outlet, the tables they come from, and what each card shows at its top.

    Attributes:
        claims: one row per outlet and claim (columns ``CLAIM_COLUMNS``): ``claim_id``,
            ``outlet``, ``topic`` (frames, words, voices, coverage), ``measure`` (a key of
            :data:`SOURCES`), ``claim`` (the sentence), ``value`` (the claim's main number, NaN
            when it has none), ``about`` (what the number is about: the frame, the term, the
            speaker, the wordings; "" when nothing), ``source_notebook``, ``source_section``, ``source_table``,
            ``source_file``, ``link`` (page and anchor in the rendered site), ``evidence`` (a
            list of dicts with ``article_id``, ``start``, ``end``, ``text``, ``note``,
            ``context_start``, ``context_end``, ``context``).
        outlets: one row per outlet (corpus order): ``outlet``, ``color``, ``articles``,
            ``words``, ``sentences``, ``outlet_type``, ``country``, ``wire_credit``, ``headlines``
            (a list: the headlines the metadata gives, possibly none).
        tables: the analyses' tables the claims are computed from, by the name given in
            ``source_table`` (and a few more that the narrative uses).
    """

    claims: pd.DataFrame
    outlets: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def n_outlets(self) -> int:
        return len(self.outlets)


# ---------------------------------------------------------------------------------------------
# Small helpers


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _join(items: list[str], last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _short(text: str, width: int = 150) -> str:
    text = " ".join(str(text).split())
    return textwrap.shorten(text, width=width, placeholder=" …") if len(text) > width else text


class _Contexts:
    """The sentence(s) around a span of an article's clean text."""

    def __init__(self, corpus: Corpus, sentences: pd.DataFrame):
        self.texts = corpus.articles["text"]
        self.spans = {
            aid: (g["start"].to_numpy(), g["end"].to_numpy()) for aid, g in sentences.groupby("article_id", sort=False)
        }

    def __call__(self, article_id: str, start: int, end: int) -> tuple[int, int, str]:
        text = self.texts[article_id]
        starts, ends = self.spans.get(article_id, (np.array([], dtype=int), np.array([], dtype=int)))
        inside = np.flatnonzero((starts < max(end, start + 1)) & (ends > start))
        if len(inside):
            a, b = int(min(starts[inside].min(), start)), int(max(ends[inside].max(), end))
        else:
            a, b = int(start), int(end)
        return a, b, text[a:b]


def _evidence(ctx: _Contexts, article_id: str, start: int, end: int, note: str = "") -> dict:
    a, b, context = ctx(article_id, int(start), int(end))
    return {
        "article_id": str(article_id), "start": int(start), "end": int(end), "text": ctx.texts[article_id][int(start):int(end)],
        "note": note, "context_start": a, "context_end": b, "context": context,
    }


def _claim(outlet: str, measure: str, claim: str, value: float | None = None, evidence: list[dict] | None = None,
           about: str = "") -> dict:
    src = SOURCES[measure]
    return {
        "outlet": outlet, "topic": src.topic, "measure": measure, "claim": claim,
        "value": float(value) if value is not None else np.nan, "about": about, "source_notebook": src.notebook,
        "source_section": src.section, "source_table": src.table, "source_file": src.file, "link": src.link,
        "evidence": list(evidence or []),
    }


def _needs_two(outlet: str, measure: str, what: str) -> dict:
    return _claim(outlet, measure, NEEDS_TWO.format(what=what, outlet=outlet))


# ---------------------------------------------------------------------------------------------
# Frames (notebook 01)


def _frame_claims(corpus: Corpus, scores: pd.DataFrame, summary: pd.DataFrame, passive_summary: pd.DataFrame,
                  passives: pd.DataFrame, ctx: _Contexts) -> list[dict]:
    rows = []
    two = len(corpus.outlets) > 1
    for o in corpus.outlets:
        mine = summary[summary["outlet"] == o].sort_values(["share_of_sentences", "sentences"], ascending=False, kind="stable")
        others = summary[summary["outlet"] != o]
        top = mine.iloc[0]
        if top["sentences"] == 0:
            rows.append(_claim(o, "most frequent frame", "None of its sentences carries a cue of any generic frame.", 0.0))
        else:
            ev = [
                _evidence(ctx, r.article_id, r.start, r.end, f"{r.frame}: {r.cues}")
                for r in scores[(scores["outlet"] == o) & (scores["frame"] == top["frame"])].itertuples(index=False)
            ]
            text = (
                f"{top['frame']} is its most frequent generic frame: {top['sentences']} of its {top['all_sentences']} "
                f"sentences ({_pct(top['share_of_sentences'])}) carry a cue of it"
            )
            theirs = others[others["frame"] == top["frame"]]["share_of_sentences"]
            if len(theirs) == 1:
                text += f", against {_pct(theirs.iloc[0])} in {others['outlet'].iloc[0]}."
            elif len(theirs) > 1:
                lo, hi = _pct(theirs.min()), _pct(theirs.max())
                text += f", against {lo} in each of the other outlets." if lo == hi else f", against {lo} to {hi} in the other outlets."
            else:
                text += "."
            rows.append(_claim(o, "most frequent frame", text, top["share_of_sentences"], ev, about=top["frame"]))

        if not two:
            rows.append(_needs_two(o, "frame that sets it apart", "Setting one outlet's frames against the others'"))
        else:
            pooled = others.groupby("frame", sort=False)[["sentences", "all_sentences"]].sum()
            gaps = []
            for r in mine.itertuples(index=False):
                n_theirs, all_theirs = pooled.loc[r.frame, "sentences"], pooled.loc[r.frame, "all_sentences"]
                theirs = n_theirs / all_theirs if all_theirs else 0.0
                gaps.append((r.share_of_sentences - theirs, r.frame, r.share_of_sentences, theirs, r.sentences))
            gap, frame, own, theirs, n = max(gaps, key=lambda g: g[0])
            if gap <= 0:
                text = "No generic frame is more frequent in its sentences than in the other outlets' sentences taken together."
                rows.append(_claim(o, "frame that sets it apart", text, 0.0))
            else:
                ev = [
                    _evidence(ctx, r.article_id, r.start, r.end, f"{r.frame}: {r.cues}")
                    for r in scores[(scores["outlet"] == o) & (scores["frame"] == frame)].itertuples(index=False)
                ]
                text = (
                    f"Against the other outlets taken together, it leans most to {frame.lower()}: {_pct(own)} of its sentences "
                    f"({n}) carry a cue of it, against {_pct(theirs)} of theirs ({100 * gap:+.0f} percentage points)."
                )
                rows.append(_claim(o, "frame that sets it apart", text, gap, ev, about=frame))

        p = passive_summary[passive_summary["outlet"] == o].iloc[0]
        if p["passives"] == 0:
            rows.append(_claim(o, "agentless passives", "The rules find no passive construction in its text.", 0.0))
        else:
            ev = [
                _evidence(ctx, r.article_id, r.start, r.end, f"“{r.verb_group}”, no agent")
                for r in passives[(passives["outlet"] == o) & ~passives["has_agent"]].itertuples(index=False)
            ]
            text = (
                f"{p['agentless']} of its {_plural(int(p['passives']), 'passive construction')} leave out who did it "
                f"({p['agentless_per_1000_words']:.1f} per 1,000 words"
            )
            rest = passive_summary[passive_summary["outlet"] != o]
            if two and rest["words"].sum():
                text += f"; the other outlets together: {1000 * rest['agentless'].sum() / rest['words'].sum():.1f})."
            else:
                text += ")."
            rows.append(_claim(o, "agentless passives", text, p["agentless_per_1000_words"], ev))
    return rows


# ---------------------------------------------------------------------------------------------
# Words (notebook 02)


def _term_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Where a counted term (a word or an n-gram, as :func:`analysis.wordchoice.article_terms`
    counts it: case folded, apostrophes made plain) occurs in a text."""
    from .wordchoice import TERM_PATTERN, article_terms

    words = [(m.start(), m.end(), (article_terms(m.group(0), ngram_range=(1, 1)) or [""])[0]) for m in TERM_PATTERN.finditer(text)]
    parts = term.split(" ")
    n = len(parts)
    return [
        (words[i][0], words[i + n - 1][1])
        for i in range(len(words) - n + 1)
        if all(words[i + k][2] == parts[k] for k in range(n))
    ]


def _word_claims(corpus: Corpus, terms: pd.DataFrame | None, top: pd.DataFrame | None, mentions: pd.DataFrame,
                 concept_names: dict[str, str], ctx: _Contexts) -> list[dict]:
    from .wordchoice import bonferroni_z

    rows = []
    outlets = corpus.outlets
    two = len(outlets) > 1
    arts = corpus.articles
    own = mentions[~mentions["quoted"].astype(bool)] if len(mentions) else mentions
    # Wordings the outlets' own voices differ on: concepts with two or more wordings used outside quotes.
    variants_used = own.groupby("concept")["variant"].nunique() if len(own) else pd.Series(dtype=int)
    differing = [c for c in concept_names if (variants_used.get(c, 0) >= 2 if two else variants_used.get(c, 0) >= 1)]
    for o in outlets:
        if terms is None or top is None:
            rows.append(_needs_two(o, "distinctive terms", "Finding the terms that set an outlet apart"))
        else:
            t = top[(top["outlet"] == o) & (top["z"] > 0)].head(3)
            if t.empty:
                text = "No term it uses twice or more stands out against the other outlets."
                rows.append(_claim(o, "distinctive terms", text, np.nan))
            else:
                parts, ev = [], []
                for r in t.itertuples(index=False):
                    parts.append(f"“{r.term}” ({r.count} times; {r.count_other} in all the others; z = {r.z:.2f})")
                    for aid in arts.index[arts["outlet"] == o]:
                        spans = _term_spans(arts.loc[aid, "text"], r.term)
                        ev += [_evidence(ctx, aid, a, b, f"“{r.term}”, z = {r.z:.2f}") for a, b in spans]
                n_pass = int((t["z"] > 1.96).sum())
                z_bonf = bonferroni_z(len(terms))
                n_bonf = int((t["z"] > z_bonf).sum())
                if n_pass == 0:
                    caveat = "None of them passes z = 1.96, the usual threshold for one term taken alone: each could be chance."
                else:
                    caveat = (
                        ("One of them passes" if n_pass == 1 else f"{n_pass} of them pass")
                        + " z = 1.96, the usual threshold for one term taken alone; "
                        + (str(n_bonf) if n_bonf else "none")
                        + f" the threshold corrected for all {len(terms):,} comparisons (z = {z_bonf:.2f})."
                    )
                text = "The terms it uses most beyond the others: " + "; ".join(parts) + ". " + caveat
                rows.append(_claim(o, "distinctive terms", text, float(t["z"].iloc[0]), ev, about=str(t["term"].iloc[0])))

        mine = own[own["outlet"] == o] if len(own) else own
        shown = [c for c in differing if len(mine) and (mine["concept"] == c).any()]
        if not shown:
            text = ("Outside quotation marks it uses none of the wordings on which the outlets differ."
                    if two else "Outside quotation marks it uses none of the contested wordings of the lexicon.")
            rows.append(_claim(o, "contested naming", text, 0))
        else:
            parts, ev = [], []
            for c in shown:
                m = mine[mine["concept"] == c]
                counts = m.groupby("variant", sort=False).size().sort_values(ascending=False, kind="stable")
                parts.append(f"{concept_names[c]}: " + ", ".join(f"“{v}” ×{n}" for v, n in counts.items()))
                ev += [_evidence(ctx, r.article_id, r.start, r.end, f"{concept_names[c]}: “{r.variant}”")
                       for r in m.itertuples(index=False)]
            lead = ("In its own voice (outside quotation marks), where the outlets' wordings differ: " if two
                    else "In its own voice (outside quotation marks): ")
            shown_parts = parts[:4]
            more = f"; and {len(parts) - 4} more in the text behind it" if len(parts) > 4 else ""
            rows.append(_claim(o, "contested naming", lead + "; ".join(shown_parts) + more + ".", len(shown), ev))

        if not two:
            rows.append(_needs_two(o, "wordings of its own", "Finding the wordings only one outlet uses"))
            continue
        users = own.groupby(["concept", "variant"])["outlet"].agg(lambda s: set(s)) if len(own) else pd.Series(dtype=object)
        solo = [(c, v) for (c, v), who in users.items() if who == {o}]
        solo.sort(key=lambda cv: (list(concept_names).index(cv[0]), cv[1]))
        if not solo:
            text = "Every contested wording it uses in its own voice is used by another outlet too."
            rows.append(_claim(o, "wordings of its own", text, 0))
            continue
        parts, ev = [], []
        for c, v in solo:
            uses = mine[(mine["concept"] == c) & (mine["variant"] == v)]
            same = (mentions["concept"] == c) & (mentions["variant"] == v) & mentions["quoted"].astype(bool)
            quoted_by = sorted(set(mentions.loc[same, "outlet"]) - {o}, key=outlets.index)
            note = f"; {_join(quoted_by)} {'has' if len(quoted_by) == 1 else 'have'} it only inside quotation marks" if quoted_by else ""
            parts.append(f"“{v}” ×{len(uses)} ({concept_names[c]}{note})")
            ev += [_evidence(ctx, r.article_id, r.start, r.end, f"{concept_names[c]}: “{v}”") for r in uses.itertuples()]
        text = "Only it uses, in its own voice: " + "; ".join(parts) + "."
        rows.append(_claim(o, "wordings of its own", text, len(solo), ev, about=", ".join(f"“{v}”" for _, v in solo)))
    return rows


# ---------------------------------------------------------------------------------------------
# Voices (notebook 03)


def _voice_claims(corpus: Corpus, quotes: pd.DataFrame, voices: pd.DataFrame, stance: pd.DataFrame, ctx: _Contexts) -> list[dict]:
    from .sourcing import VOICE_KINDS

    rows = []
    outlets = corpus.outlets
    spoken = quotes[quotes["kind"].isin(VOICE_KINDS) & (quotes["field"] == "text")]
    for o in outlets:
        v = voices[voices["outlet"] == o] if len(voices) else voices
        total = int(v["words"].sum()) if len(v) else 0
        if total == 0:
            text = "It quotes no one directly or in part (no words inside quotation marks with a speaker)."
            rows.append(_claim(o, "most quoted voices", text, 0.0))
        else:
            top = v.sort_values(["words", "quotes", "speaker"], ascending=[False, False, True], kind="stable").head(3)
            parts, ev = [], []
            for r in top.itertuples(index=False):
                who = "speakers it does not name" if r.speaker == "(unknown)" else r.speaker
                parts.append(f"{who}, {_pct(r.share)} ({r.words} words in {_plural(r.quotes, 'quote')})")
                q = spoken[(spoken["outlet"] == o) & (spoken["speaker"] == ("" if r.speaker == "(unknown)" else r.speaker))]
                ev += [_evidence(ctx, x.article_id, x.start, x.end, who + (f", {x.verb}" if x.verb else ""))
                       for x in q.itertuples(index=False)]
            text = f"Of the {total} words it puts inside quotation marks, the most go to " + "; ".join(parts) + "."
            lead = "speakers it does not name" if top["speaker"].iloc[0] == "(unknown)" else top["speaker"].iloc[0]
            rows.append(_claim(o, "most quoted voices", text, float(top["share"].iloc[0]), ev, about=lead))

        s = stance.loc[o]
        n = int(s["total"])
        if n == 0:
            rows.append(_claim(o, "reporting verbs", "No attribution with a reporting verb was found in its text.", np.nan))
            continue
        loaded = quotes[(quotes["outlet"] == o) & (quotes["stance"] != "") & (quotes["stance"] != "neutral")
                        & (quotes["cue_position"] != "inherited")].drop_duplicates(["article_id", "verb_start"])
        nn = n - int(s["neutral"])
        classes = []
        for cls in ("distancing", "factive", "emotive", "directive"):
            verbs = loaded.loc[loaded["stance"] == cls, "verb"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
            if len(verbs):
                classes.append(f"{cls}: " + ", ".join(f"“{w}” ×{k}" for w, k in verbs.items()))
        text = f"{nn} of its {_plural(n, 'attribution')} ({_pct(nn / n)}) use a reporting verb that is not neutral"
        text += f" ({'; '.join(classes)})" if classes else ""
        text += f"; distancing verbs: {int(s['distancing'])} ({_pct(s['distancing'] / n)})"
        rest = stance.drop(index=o)
        if len(rest) and rest["total"].sum():
            rt = rest["total"].sum()
            text += (f". The other outlets together: {_pct((rt - rest['neutral'].sum()) / rt)} not neutral, "
                     f"{_pct(rest['distancing'].sum() / rt)} distancing.")
        else:
            text += "."
        ev = [
            _evidence(ctx, r.article_id, r.verb_start, r.verb_end, f"“{r.verb}” ({r.stance})" + (f", for {r.speaker}" if r.speaker else ""))
            for r in loaded.sort_values(["article_id", "verb_start"]).itertuples(index=False)
            if r.verb_end > r.verb_start
        ]
        rows.append(_claim(o, "reporting verbs", text, nn / n, ev))
    return rows


# ---------------------------------------------------------------------------------------------
# Coverage (notebook 04)


def _covered_share(spans: list[tuple[int, int]], starts: np.ndarray, text_len: int) -> int:
    covered = np.zeros(text_len, dtype=bool)
    for a, b in spans:
        covered[a:b] = True
    return int(covered[starts].sum()) if len(starts) else 0


def _partners(partners: dict[str, int], outlets: list[str]) -> str:
    """"1 passage shared with CGTN" or "3 passages shared: AFP 1, The Independent 2"."""
    if not partners:
        return ""
    total = sum(partners.values())
    if len(partners) == 1:
        (o, _n), = partners.items()
        return f"{_plural(total, 'passage')} shared with {o}"
    listed = sorted(partners.items(), key=lambda kv: outlets.index(kv[0]))
    return f"{total} passages shared: " + ", ".join(f"{o} {n}" for o, n in listed)


def _shared_words(corpus: Corpus, passages: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: the share of its words inside passages another outlet prints nearly word for word."""
    from .topics.reuse import word_tokens

    rows = []
    arts = corpus.articles
    for o in corpus.outlets:
        words = narration = quotation = 0
        partners: dict[str, int] = {}
        for aid in arts.index[arts["outlet"] == o]:
            text = arts.loc[aid, "text"]
            w = word_tokens(text)
            words += len(w.norm)
            spans = {"shared narration": [], "shared quotation": []}
            for side, other in (("a", "b"), ("b", "a")):
                p = passages[passages[f"article_{side}"] == aid] if len(passages) else passages
                for r in p.itertuples(index=False):
                    d = r._asdict()
                    if d["kind"] in spans:
                        spans[d["kind"]].append((d[f"start_{side}"], d[f"end_{side}"]))
                    if d["kind"] == "shared narration":
                        partners[d[f"outlet_{other}"]] = partners.get(d[f"outlet_{other}"], 0) + 1
            narration += _covered_share(spans["shared narration"], w.start, len(text))
            quotation += _covered_share(spans["shared quotation"], w.start, len(text))
        rows.append({
            "outlet": o, "words": words, "narration_words": narration, "quotation_words": quotation,
            "narration_share": narration / words if words else 0.0, "quotation_share": quotation / words if words else 0.0,
            "narration_partners": _partners(partners, corpus.outlets),
        })
    return pd.DataFrame(rows)


def _coverage_claims(corpus: Corpus, elements: pd.DataFrame, only: pd.DataFrame, omitted: pd.DataFrame,
                     passages: pd.DataFrame, shared: pd.DataFrame, ctx: _Contexts) -> list[dict]:
    rows = []
    outlets = corpus.outlets
    e = elements.dropna(subset=["element"])
    for o in outlets:
        if len(outlets) < 2:
            rows.append(_needs_two(o, "told by it alone", "Finding what only one outlet tells"))
            rows.append(_needs_two(o, "left out", "Finding what an outlet leaves out"))
            rows.append(_needs_two(o, "shared wire narration", "Finding text shared word for word between outlets"))
            continue
        mine = e[e["outlet"] == o]
        covered = int(mine["element"].nunique())
        alone = only[only["outlet"] == o]
        if alone.empty:
            text = f"Every one of the {covered} story elements it tells is told by another outlet too."
            rows.append(_claim(o, "told by it alone", text, 0))
        else:
            in_alone = mine[mine["element"].isin(alone["element"])]
            first = alone.iloc[0]
            text = (
                f"It alone tells {len(alone)} of the {_plural(covered, 'story element')} it covers "
                f"({_pct(len(in_alone) / len(mine))} of its sentences). The earliest, in its sentence {int(first['first_sentence']) + 1}: "
                f"“{_short(first['text'])}”"
            )
            ev = [_evidence(ctx, r.article_id, r.start, r.end, f"element {r.element} ({r.element_label})")
                  for r in in_alone.itertuples(index=False)]
            rows.append(_claim(o, "told by it alone", text, len(alone), ev))

        left = omitted[omitted["left out by"] == o]
        n_others = len(outlets) - 1
        all_others = "the other outlet tells" if n_others == 1 else f"all {n_others} other outlets tell"
        if left.empty:
            rows.append(_claim(o, "left out", f"It tells every story element that {all_others}.", 0))
        else:
            parts = [f"“{_short(r.text, 110)}” ({r.outlet})" for r in left.head(3).itertuples(index=False)]
            more = f"; and {len(left) - 3} more" if len(left) > 3 else ""
            text = f"It leaves out {_plural(len(left), 'story element')} that {all_others}, such as " + "; ".join(parts) + more + "."
            if len(left) == 1:
                text = f"It leaves out one story element that {all_others}: " + parts[0] + "."
            ev = [
                _evidence(ctx, r.article_id, r.start, r.end, f"element {r.element} ({r.element_label}), told by {r.outlet}")
                for r in e[e["element"].isin(left["element"])].itertuples(index=False)
            ]
            rows.append(_claim(o, "left out", text, len(left), ev))

        s = shared[shared["outlet"] == o].iloc[0]
        nar, quo = float(s["narration_share"]), float(s["quotation_share"])
        if s["narration_words"] == 0:
            text = (f"None of its own narration is printed word for word by another outlet; {quo:.1%} of its words are "
                    "quotations that another outlet prints too.")
            ev = []
        else:
            text = (
                f"{nar:.1%} of its words are narration that another outlet prints nearly word for word ({s['narration_partners']}), "
                f"the trace of common wire copy; {quo:.1%} are quotations that another outlet prints too."
            )
            ev = []
            for side, other in (("a", "b"), ("b", "a")):
                p = passages[(passages[f"outlet_{side}"] == o) & (passages["kind"] == "shared narration")]
                for r in p.to_dict("records"):
                    ev.append(_evidence(ctx, r[f"article_{side}"], r[f"start_{side}"], r[f"end_{side}"],
                                        f"shared narration with {r[f'outlet_{other}']} ({r['words']} matching words)"))
        rows.append(_claim(o, "shared wire narration", text, nar, ev))
    return rows


# ---------------------------------------------------------------------------------------------
# Putting it together


def _outlet_info(corpus: Corpus, sentences: pd.DataFrame) -> pd.DataFrame:
    arts = corpus.articles
    colors = outlet_colors(corpus.outlets)
    rows = []
    for o in corpus.outlets:
        a = arts[arts["outlet"] == o]

        def values(col: str) -> list[str]:
            if col not in a.columns:
                return []
            return list(dict.fromkeys(str(x).strip() for x in a[col] if pd.notna(x) and str(x).strip()))

        rows.append({
            "outlet": o, "color": colors[o], "articles": len(a), "words": int(a["n_words"].sum()),
            "sentences": int((sentences["outlet"] == o).sum()), "outlet_type": ", ".join(values("outlet_type")),
            "country": ", ".join(values("country")), "wire_credit": ", ".join(values("wire_credit")), "headlines": values("headline"),
        })
    return pd.DataFrame(rows)


def synthesize(corpus: Corpus) -> Synthesis:
    """Every claim about every outlet, computed from the four analyses run once each.

    Runs, once: the generic frame scores and the passives (notebook 01), distinctive terms and
    the contested-naming uses (02), the quotes and attributions (03), the story elements and the
    shared passages (04). The results are kept only for this call (nothing is cached between
    calls), so the function always reflects the corpus it is given.

    Args:
        corpus: a loaded corpus (one outlet is enough for a card; comparisons need two).

    Returns:
        A :class:`Synthesis`: the claims (one row per outlet and claim, grouped by outlet in corpus
        order, then by topic), the outlets' card headers, and the tables behind the claims.
    """
    from . import framing, sourcing, topics, wordchoice
    from .framing import agency
    from .topics import coverage, reuse

    sentences = corpus.sentences()
    ctx = _Contexts(corpus, sentences)
    two = len(corpus.outlets) > 1

    scores = framing.frame_scores(corpus, scheme="generic")
    frame_summary = framing.frame_summary(scores, corpus, scheme="generic")
    passives = agency.passives(corpus)
    passive_summary = agency.passive_summary(passives, corpus)

    terms = wordchoice.distinctive_terms(corpus) if two else None
    top = wordchoice.top_terms(terms, n=3, min_count=2) if terms is not None else None
    concepts = wordchoice.load_naming()
    concept_names = {c.id: c.name for c in concepts}
    mentions = wordchoice.naming_mentions(corpus, lexicon=concepts)
    naming = (
        mentions.assign(quoted=mentions["quoted"].astype(int)).groupby(["outlet", "concept", "variant"], sort=False)["quoted"]
        .agg(count="size", quoted="sum").reset_index()
        if len(mentions) else pd.DataFrame(columns=["outlet", "concept", "variant", "count", "quoted"])
    )

    quotes = sourcing.extract_quotes(corpus, indirect=True)
    voices = sourcing.voices(quotes, corpus, by="speaker")
    stance = sourcing.verb_stance(quotes, corpus)

    elements = topics.story_elements(corpus)
    only = coverage.single_outlet_elements(elements, corpus.outlets) if two else pd.DataFrame()
    omitted = coverage.omissions(elements, corpus.outlets)
    passages = reuse.shared_passages(corpus)
    shared = _shared_words(corpus, passages)

    rows = (
        _frame_claims(corpus, scores, frame_summary, passive_summary, passives, ctx)
        + _word_claims(corpus, terms, top, mentions, concept_names, ctx)
        + _voice_claims(corpus, quotes, voices, stance, ctx)
        + _coverage_claims(corpus, elements, only, omitted, passages, shared, ctx)
    )
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])
    order = {m: i for i, m in enumerate(SOURCES)}
    rank = {o: i for i, o in enumerate(corpus.outlets)}
    claims = claims.sort_values(
        ["outlet", "measure"], key=lambda c: c.map(rank) if c.name == "outlet" else c.map(order), kind="stable"
    ).reset_index(drop=True)
    claims.insert(0, "claim_id", range(1, len(claims) + 1))

    tables = {
        "framing.frame_summary": frame_summary, "framing.frame_scores": scores, "agency.passive_summary": passive_summary,
        "agency.passives": passives, "wordchoice.naming_mentions": mentions, "naming_counts": naming,
        "sourcing.extract_quotes": quotes, "sourcing.voices": voices, "sourcing.verb_stance": stance,
        "topics.story_elements": elements, "coverage.omissions": omitted, "reuse.shared_passages": passages,
        "shared_words": shared,
    }
    if terms is not None:
        tables["wordchoice.distinctive_terms"] = terms
        tables["wordchoice.top_terms"] = top
    if two:
        tables["coverage.single_outlet_elements"] = only
    return Synthesis(claims=claims, outlets=_outlet_info(corpus, sentences), tables=tables)


def evidence_table(syn: Synthesis) -> pd.DataFrame:
    """The evidence of every claim as one tidy table: one row per claim and span of text.

    Returns:
        Columns ``EVIDENCE_COLUMNS``: ``claim_id``, ``outlet``, ``topic``, ``measure``,
        ``article_id``, ``start``, ``end`` (offsets into the article's clean text; ``text`` is
        ``articles.loc[article_id, "text"][start:end]``), ``text``, ``note`` (what the span is:
        the cue, the verb, the element), and the sentence(s) around it (``context_start``,
        ``context_end``, ``context``).
    """
    rows = [
        {"claim_id": c.claim_id, "outlet": c.outlet, "topic": c.topic, "measure": c.measure, **ev}
        for c in syn.claims.itertuples(index=False)
        for ev in c.evidence
    ]
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def claims_table(syn: Synthesis) -> pd.DataFrame:
    """All the claims in one compact table: outlet, topic, claim, where it comes from, evidence count."""
    c = syn.claims
    return pd.DataFrame({
        "outlet": c["outlet"],
        "topic": c["topic"],
        "claim": c["claim"],
        "source": [f"{n} › {s}" for n, s in zip(c["source_notebook"], c["source_section"])],
        "table": [f"{t} ({f})" if f else t for t, f in zip(c["source_table"], c["source_file"])],
        "evidence": [len(e) for e in c["evidence"]],
    }, index=pd.Index(c["claim_id"], name="claim"))


def claims_table_html(syn: Synthesis) -> str:
    """The compact table of claims as HTML, each source a link to its section (text escaped).

    The same rows as :func:`claims_table`; the table scrolls inside its own box on a narrow screen.
    """
    colors = dict(zip(syn.outlets["outlet"], syn.outlets["color"]))
    rows = []
    for c in syn.claims.itertuples(index=False):
        src = SOURCES[c.measure]
        table = f"<code>{_esc(c.source_table)}</code>" + (f"<br><small>{_esc(c.source_file)}</small>" if c.source_file else "")
        rows.append(
            f'<tr><td>{c.claim_id}</td><td style="border-left: 0.35rem solid {html.escape(colors[c.outlet], quote=True)}">'
            f"{_esc(c.outlet)}</td><td>{TOPIC_TITLES[c.topic]}</td><td>{_esc(c.claim)}</td>"
            f'<td><a href="{html.escape(c.link, quote=True)}">{_esc(src.label)} › {_esc(c.source_section)}</a></td>'
            f"<td>{table}</td><td>{len(c.evidence)}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("claim", "outlet", "topic", "what the tables show", "section", "table", "passages"))
    return (
        '<div class="ss-syn-table" style="overflow-x: auto; max-width: 100%">'
        '<table style="border-collapse: collapse; font-size: 0.9em; min-width: 40rem">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def save_tables(syn: Synthesis, out_dir) -> str:
    """Save the claims (``tab5-claims.csv``) and their evidence (``tab5-evidence.csv``) and say so."""
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    syn.claims.drop(columns=["evidence"]).assign(evidence=[len(e) for e in syn.claims["evidence"]]).to_csv(
        out / "tab5-claims.csv", index=False
    )
    evidence_table(syn).to_csv(out / "tab5-evidence.csv", index=False)
    return "Saved tab5-claims.csv (every claim with its source) and tab5-evidence.csv (the text behind each claim, with offsets)."


# ---------------------------------------------------------------------------------------------
# The cards


CARD_CSS = """
.ss-syn { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45; color: #222; }
.ss-syn-note { margin: 0 0 0.8rem; }
.ss-syn-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr)); gap: 1rem; }
.ss-syn-card { border: 1px solid #c8c8c8; border-top: 0.5rem solid var(--ss-c); border-radius: 6px; padding: 0.5rem 0.9rem 0.7rem;
  background: #fff; min-width: 0; overflow-wrap: anywhere; }
.ss-syn-card h3 { margin: 0.2rem 0 0.1rem; font-size: 1.2rem; display: flex; align-items: center; gap: 0.45rem; }
.ss-syn-swatch { flex: none; display: inline-block; width: 0.95rem; height: 0.95rem; background: var(--ss-c);
  border: 1px solid #333; border-radius: 2px; }
.ss-syn-meta { margin: 0 0 0.3rem; color: #444; font-size: 0.88rem; }
.ss-syn-card h4 { margin: 0.8rem 0 0.25rem; font-size: 0.82rem; letter-spacing: 0.05em; text-transform: uppercase;
  color: #333; border-bottom: 2px solid var(--ss-c); padding-bottom: 0.1rem; }
.ss-syn-card ul { margin: 0.2rem 0; padding-left: 1.1rem; }
.ss-syn-card li { margin: 0.35rem 0; }
.ss-syn-card .ss-syn-none { color: #555; font-style: italic; }
.ss-syn-src { font-size: 0.84rem; white-space: normal; }
.ss-syn-card details { margin: 0.15rem 0 0; font-size: 0.86rem; }
.ss-syn-card details > summary { cursor: pointer; color: #0b5394; }
.ss-syn-card ol.ss-syn-ev { margin: 0.25rem 0 0.2rem; padding-left: 1.3rem; color: #333; }
.ss-syn-card ol.ss-syn-ev li { margin: 0.3rem 0; }
.ss-syn-card mark { background: #fff0a0; color: #111; padding: 0 1px; border-bottom: 2px solid #8a6d00; }
.ss-syn-where { color: #555; font-size: 0.92em; }
"""


def _context_html(ev: dict, width: int = 260) -> str:
    """The sentence around an evidence span, escaped, with the span in <mark> (long contexts cut).

    A span that is the whole sentence (a sentence counted for a frame) is shown as a quotation
    rather than marked from end to end."""
    context = ev["context"]
    if ev["start"] == ev["context_start"] and ev["end"] == ev["context_end"]:
        return f"“{_esc(_short(context, width))}”"
    a, b = ev["start"] - ev["context_start"], ev["end"] - ev["context_start"]
    before, inside, after = (re.sub(r"\s+", " ", part) for part in (context[:a], context[a:b], context[b:]))
    if len(inside) > width:
        inside = inside[: width // 2].rstrip() + " … " + inside[-width // 2 :].lstrip()
    room = max(40, (width - len(inside)) // 2)
    if len(before) > room:  # cut at a word boundary, keeping the words next to the span
        before = "…" + before[-room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + "…"
    return f"{_esc(before)}<mark>{_esc(inside)}</mark>{_esc(after)}"


def _claim_html(c, *, max_evidence: int) -> str:
    src = SOURCES[c.measure]
    none = not c.evidence and (np.isnan(c.value) or c.value == 0)
    cls = ' class="ss-syn-none"' if none and "needs at least two" in c.claim else ""
    link = (
        f'<span class="ss-syn-src">Source: <a href="{html.escape(c.link, quote=True)}">{_esc(src.label)} › '
        f"{_esc(c.source_section)}</a> (table: <code>{_esc(c.source_table)}</code>)</span>"
    )
    body = f"<li{cls}><span>{_esc(c.claim)}</span><br>{link}"
    n = len(c.evidence)
    if n:
        items = "".join(
            f'<li>{_context_html(ev)} <span class="ss-syn-where">({_esc(ev["note"])}; {_esc(ev["article_id"])}, '
            f'characters {ev["start"]}–{ev["end"]})</span></li>'
            for ev in c.evidence[:max_evidence]
        )
        more = f"<p>… and {n - max_evidence} more in the table of evidence (claim {c.claim_id}).</p>" if n > max_evidence else ""
        body += (
            f"<details><summary>The text behind it ({_plural(n, 'passage')})</summary>"
            f'<ol class="ss-syn-ev">{items}</ol>{more}</details>'
        )
    return body + "</li>"


def _card_header(r) -> str:
    meta = [x for x in (r.outlet_type, r.country) if x]
    meta.append(f"{_plural(r.articles, 'article')}, {r.words:,} words, {_plural(r.sentences, 'sentence')}")
    if r.wire_credit:
        meta.append(f"wire credit in the metadata: {r.wire_credit}")
    heads = r.headlines
    if heads:
        headline = "Headline: " + "; ".join(f"“{_esc(h)}”" for h in heads[:2]) + (f" and {len(heads) - 2} more" if len(heads) > 2 else "")
    else:
        headline = "No headline in the metadata."
    return (
        f'<h3><span class="ss-syn-swatch" aria-hidden="true"></span>{_esc(r.outlet)}</h3>'
        f'<p class="ss-syn-meta">{_esc(" · ".join(meta))}<br>{headline}</p>'
    )


def cards_html(syn: Synthesis, *, max_evidence: int = 4) -> str:
    """One card per outlet, as HTML: its frames, word choices, voices and coverage, each claim
    with a link to the notebook section it comes from and the text behind it.

    Every piece of text that comes from the articles or the metadata goes through
    :func:`html.escape`. The outlet's colour (:func:`analysis.plots.outlet_colors`) is an accent
    (the card's top border, a swatch beside the name, the rule under each panel title); the
    outlet's name is always written out, so nothing relies on the colour. The cards sit in a
    grid that puts as many side by side as fit, and stacks them on a narrow screen.

    Args:
        syn: from :func:`synthesize`.
        max_evidence: passages shown under each claim (all are in :func:`evidence_table`).
    """
    cards = []
    for r in syn.outlets.itertuples(index=False):
        mine = syn.claims[syn.claims["outlet"] == r.outlet]
        panels = []
        for topic in TOPICS:
            t = mine[mine["topic"] == topic]
            if t.empty:
                continue
            items = "".join(_claim_html(c, max_evidence=max_evidence) for c in t.itertuples(index=False))
            panels.append(f"<h4>{TOPIC_TITLES[topic]}</h4><ul>{items}</ul>")
        cards.append(
            f'<article class="ss-syn-card" style="--ss-c: {html.escape(r.color, quote=True)}" aria-label="{html.escape(r.outlet, quote=True)}">'
            + _card_header(r) + "".join(panels) + "</article>"
        )
    note = ""
    if syn.n_outlets < 2:
        note = (
            '<p class="ss-syn-note"><strong>One outlet.</strong> This corpus has one outlet, so its card describes '
            "its articles and sets nothing against another outlet: comparisons need at least two.</p>"
        )
    return f'<div class="ss-syn"><style>{CARD_CSS}</style>{note}<div class="ss-syn-cards">{"".join(cards)}</div></div>'


# ---------------------------------------------------------------------------------------------
# What the cards show side by side, and what they cannot show


def _from_to(values: dict[str, float], fmt=str) -> str:
    """"from 3 (CGTN) to 35 (The Independent)", or "3 in each" when every value reads the same."""
    order = list(values)
    lo = min(order, key=lambda o: (values[o], order.index(o)))
    hi = max(order, key=lambda o: (values[o], -order.index(o)))
    if fmt(values[lo]) == fmt(values[hi]):
        return f"{fmt(values[lo])} in each"
    return f"from {fmt(values[lo])} ({_esc(lo)}) to {fmt(values[hi])} ({_esc(hi)})"


def _claim_of(syn: Synthesis, outlet: str, measure: str) -> pd.Series:
    c = syn.claims
    return c[(c["outlet"] == outlet) & (c["measure"] == measure)].iloc[0]


def _frames_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    top = {o: _claim_of(syn, o, "most frequent frame")["about"] for o in outlets}
    firsts = pd.Series([f for f in top.values() if f], dtype=object).value_counts(sort=False).sort_values(ascending=False, kind="stable")
    if firsts.empty:
        return "**Frames.** No sentence carries a cue of any generic frame."
    frame, k = firsts.index[0], int(firsts.iloc[0])
    if len(outlets) == 1:
        return f"**Frames.** {frame} is the most frequent generic frame of {_esc(outlets[0])}."
    text = (f"**Frames.** {frame} is the most frequent generic frame in "
            + ("every outlet" if k == len(outlets) else f"{k} of the {len(outlets)} outlets"))
    others = [f"{_esc(o)} ({f.lower()})" for o, f in top.items() if f and f != frame]
    text += f"; the others put first: {_join(others)}." if others else "."
    leans = []
    for o in outlets:
        c = _claim_of(syn, o, "frame that sets it apart")
        if c["value"] > 0:
            leans.append(f"{_esc(o)} to {c['about'].lower()} ({100 * c['value']:+.0f} points)")
    if leans:
        text += " Set against the rest, each leans most: " + "; ".join(leans) + "."
    ps = syn.tables["agency.passive_summary"]
    ps = ps[ps["passives"] > 0]
    if len(ps) > 1:
        rates = dict(zip(ps["outlet"], ps["agentless_per_1000_words"]))
        text += f" Passives that leave out who did it, per 1,000 words: {_from_to(rates, lambda x: f'{x:.1f}')}."
    return text


def _words_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    if len(outlets) == 1:
        c = _claim_of(syn, outlets[0], "contested naming")
        return f"**Word choice.** {_esc(c['claim'])} Distinctive terms and wordings of its own need a second outlet to compare with."
    parts = []
    for o in outlets:
        c = _claim_of(syn, o, "wordings of its own")
        if c["about"]:
            parts.append(f"{_esc(o)} {_esc(c['about'])}")
    text = "**Word choice.** "
    if parts:
        none = [o for o in outlets if not _claim_of(syn, o, "wordings of its own")["about"]]
        text += "Wordings of contested things that only one outlet uses in its own voice: " + "; ".join(parts) + "."
        if none:
            text += f" {_join([_esc(o) for o in none])} {'uses' if len(none) == 1 else 'use'} none that the others do not."
    else:
        text += "No outlet uses a contested wording, in its own voice, that no other outlet uses."
    terms = syn.tables.get("wordchoice.distinctive_terms")
    if terms is not None and len(terms):
        from .wordchoice import bonferroni_z

        z_b = bonferroni_z(len(terms))
        n_b = int((terms["z"].abs() > z_b).sum())
        best = syn.tables["wordchoice.top_terms"].sort_values("z", ascending=False, kind="stable")
        if len(best):
            b = best.iloc[0]
            text += f" The most distinctive term is “{_esc(b['term'])}” in {_esc(b['outlet'])} (z = {b['z']:.2f})"
            text += (", and no term passes the threshold corrected for the number of comparisons: the terms are leads to read, not proof."
                     if n_b == 0 else f"; {_plural(n_b, 'term')} of all outlets pass the threshold corrected for the number of comparisons.")
    return text


def _voices_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    firsts: dict[str, list[str]] = {}
    for o in outlets:
        who = _claim_of(syn, o, "most quoted voices")["about"]
        if who:
            firsts.setdefault(who, []).append(o)
    text = "**Voices.** "
    if firsts:
        text += "The voice given the most quoted words: " + "; ".join(
            f"{_esc(w)} in {_join([_esc(o) for o in os_])}" for w, os_ in sorted(firsts.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ) + "."
    else:
        text += "No outlet quotes anyone directly."
    st = syn.tables["sourcing.verb_stance"]
    st = st[st["total"] > 0]
    if len(st) > 1:
        if st["non-neutral share"].max() == 0:
            text += " Every outlet introduces its sources with neutral verbs only"
        else:
            text += f" Share of attributions made with a verb that is not neutral: {_from_to(st['non-neutral share'].to_dict(), _pct)}"
        dist = [o for o in st.index if st.loc[o, "distancing"] > 0]
        text += (f"; distancing verbs appear in {_join([_esc(o) for o in dist])}." if dist else "; no outlet uses a distancing verb.")
    elif len(st) == 1:
        text += f" {_esc(_claim_of(syn, st.index[0], 'reporting verbs')['claim'])}"
    return text


def _coverage_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    if len(outlets) == 1:
        return ("**Coverage.** What an outlet tells alone, leaves out or shares word for word can only be seen against another "
                "outlet; this corpus has one.")
    alone = {o: int(_claim_of(syn, o, "told by it alone")["value"]) for o in outlets}
    text = f"**Coverage.** Story elements told by one outlet only: {_from_to(alone)}."
    left = [(o, int(_claim_of(syn, o, "left out")["value"])) for o in outlets]
    left = [(o, n) for o, n in left if n]
    others = "the other outlet tells" if len(outlets) == 2 else "all the others tell"
    if left:
        text += " Elements that " + others + " but one leaves out: " + "; ".join(f"{_esc(o)} {n}" for o, n in left) + "."
    else:
        text += f" No outlet leaves out an element that {others}."
    shared = syn.tables["shared_words"]
    top = shared.sort_values("narration_share", ascending=False, kind="stable").iloc[0]
    if top["narration_words"]:
        with_ = [o for o in outlets if shared.loc[shared["outlet"] == o, "narration_words"].iloc[0] > 0]
        text += (f" Narration printed word for word by another outlet: {_join([_esc(o) for o in with_])}; the most in "
                 f"{_esc(top['outlet'])} ({top['narration_share']:.1%} of its words).")
    else:
        text += " No outlet prints another's narration word for word; what they share are quotations."
    return text


def synthesis_finding(syn: Synthesis) -> str:
    """What the cards show side by side, in four Markdown bullet points computed from the claims."""
    head = ""
    if syn.n_outlets < 2:
        o = syn.outlets["outlet"].iloc[0]
        head = (f"This corpus has one outlet, {_esc(o)}: its card describes its articles and sets nothing against another "
                "outlet. Comparisons need at least two outlets.\n\n")
    lines = [_frames_line(syn), _words_line(syn), _voices_line(syn), _coverage_line(syn)]
    return head + "\n".join(f"- {line}" for line in lines)


def limits_finding(syn: Synthesis) -> str:
    """What the cards cannot tell, as Markdown bullets, with the measured error rates of the methods.

    The figures are read from the evaluation results the other modules read
    (``analysis/data/evaluation_framing.json``, ``evaluation_quotes.json``,
    ``evaluation_topics.json``); a method without a measured error rate is said to have none.
    """
    from . import framing, sourcing, topics

    lines = []
    arts = syn.outlets
    one = arts[arts["articles"] == 1]
    if len(one) == len(arts):
        lines.append(
            "**One article is not an outlet.** Each card describes one article of one day. It says how that article was "
            "written, not what the outlet's editorial line is; that would take many articles per outlet."
        )
    else:
        counts = ", ".join(f"{_esc(r.outlet)} {r.articles}" for r in arts.itertuples(index=False))
        lines.append(
            f"**A few articles are not an outlet.** The cards rest on these articles per outlet: {counts}. They describe "
            "those articles, not an outlet's editorial line."
        )
    r = framing.read_results()
    parts = []
    if "frac" in r:
        f = r["frac"]
        parts.append(
            f"the generic frames have no measured error rate (the evaluation data, FrAC, is labelled with policy frames); the policy-frame "
            f"lexicon, built the same way, picks the annotators' frame for {_pct(f['lexicon']['accuracy'])} of "
            f"{f['test_sentences']} held-out FrAC sentences (always answering the commonest frame: {_pct(f['majority_baseline']['accuracy'])})"
        )
    else:
        parts.append("the frame lexicons have no measured error rate on this installation")
    if "passives" in r:
        p = r["passives"]
        blind = p.get("by_split", {}).get("blind")
        cl = (blind or p)["construction_level"]
        where = f"the {blind['sentences']} sentences labelled blind" if blind else f"{p['sentences']} hand-labelled sentences"
        parts.append(f"the passive rules reach precision {cl['precision']:.2f} and recall {cl['recall']:.2f} on {where}")
    lines.append("**Frames are cue words.** A cue in a sentence is not the sentence's frame, and a frame inside a quotation is the "
                 "speaker's. Measured: " + "; ".join(parts) + ".")
    terms = syn.tables.get("wordchoice.distinctive_terms")
    if terms is not None and len(terms):
        from .wordchoice import bonferroni_z

        z_b = bonferroni_z(len(terms))
        n_b = int((terms["z"].abs() > z_b).sum())
        n_u = int((terms["z"].abs() > 1.96).sum())
        passing = "none passes" if n_u == 0 else ("1 passes" if n_u == 1 else f"{n_u:,} pass")
        corrected = "none" if n_b == 0 else f"{n_b:,}"
        lines.append(
            f"**Distinctive terms are leads, not proof.** Of the {len(terms):,} outlet-and-term pairs tested, {passing} "
            f"|z| > 1.96 and {corrected} the threshold corrected for that many comparisons (|z| > {z_b:.2f}). Contested names are "
            "counted only when the lexicon lists them: a wording it does not hold is not seen."
        )
    err = sourcing.measured_error()
    if not err.empty and "dev" in err.index:
        d = err.loc["dev"]
        lines.append(
            f"**Voices are found by rules.** On {int(d['articles'])} annotated US news articles (PolNeAR dev) the quote finder misses "
            f"{_pct(1 - d['recall'])} of quotes and names the wrong speaker for {_pct(d['speaker error'])} of those it finds; "
            f"the verb it reports is right for {_pct(d['verb accuracy'])}. A difference of a quote or two between outlets is within that error. "
            "A verb's stance is a property of the verb, not of the sentence."
        )
    else:
        lines.append("**Voices are found by rules**, whose error rate has not been measured on this installation.")
    cov = (
        "**Coverage rests on shared words.** Story elements group sentences that share words, so two outlets telling one fact "
        "in different words may not meet, and an element's absence can be a wording, not an omission."
    )
    p = topics.EVALUATION_FILE
    if p.is_file():
        data = json.loads(p.read_text(encoding="utf-8"))
        nmf = next((m for m in data.get("methods", []) if m.get("key") == "nmf"), None)
        if nmf:
            cov += (
                f" The topic model was checked on BBC News (NMI {nmf['nmi']:.2f} against the editors' sections), but no annotated "
                "data exists for the story elements themselves: their error rate is unmeasured."
            )
    elements = syn.tables["topics.story_elements"]
    if len(elements) and "threshold" in elements.columns:
        threshold = float(elements["threshold"].iloc[0])
        cov += f" The distance threshold ({threshold:.2f}) comes from a null model, not from a check against people's judgements."
    cov += " Shared narration shows that two outlets print the same words, not who copied whom."
    lines.append(cov)
    lines.append(
        "**What no card says.** Whether an article is accurate, fair or biased: the cards describe how the text is written "
        "(which words, whose voices, which facts), and each claim is a pointer to passages a reader should read and judge."
    )
    return "\n".join(f"- {line}" for line in lines)
