"""What a claim of the synthesis is: its source section, its evidence, and the tables of claims.

A **claim** is a sentence about one outlet computed from a table of one of the four analyses
(no finding is typed into the code), with

- the notebook, the section and the table it comes from (``source_notebook``,
  ``source_section``, ``source_table``, and ``link``: the page and anchor of that section in
  the rendered site, so a reader can go from a card to the full analysis; :data:`SOURCES` lists
  every kind of claim with its section, :func:`heading_anchor` makes the anchor);
- the **evidence** behind it: the spans of article text (``article_id``, ``start``, ``end``
  into the clean text, ``text``) that the number counts, each with a note and the sentence
  around it (:func:`evidence_table` gives them as one tidy table).

:class:`Synthesis` holds the claims of every outlet (written by
:func:`analysis.synthesis.compose.synthesize`); :func:`claims_table` and :func:`save_tables`
give them as tables.

References:
    The layout follows the "small multiples" idea of Tufte, E. R. (1990). Envisioning
    Information. Graphics Press: the same claims, in the same order, for every outlet.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import quote

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..safe import save_csv

__all__ = [
    "CLAIM_COLUMNS",
    "claims_table",
    "EVIDENCE_COLUMNS",
    "evidence_table",
    "heading_anchor",
    "NEEDS_TWO",
    "save_tables",
    "Source",
    "SOURCES",
    "Synthesis",
    "Topic",
    "TOPIC_TITLES",
    "TOPICS",
]

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


def save_tables(syn: Synthesis, out_dir: str | Path) -> str:
    """Save the claims (``tab5-claims.csv``) and their evidence (``tab5-evidence.csv``) and say so."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    claims = syn.claims.drop(columns=["evidence"]).assign(evidence=[len(e) for e in syn.claims["evidence"]])
    save_csv(claims, out / "tab5-claims.csv", index=False)
    save_csv(evidence_table(syn), out / "tab5-evidence.csv", index=False)
    return "Saved tab5-claims.csv (every claim with its source) and tab5-evidence.csv (the text behind each claim, with offsets)."

