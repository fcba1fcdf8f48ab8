"""Contested naming: how each outlet names things that are themselves disputed.

"War", "invasion", "conflict", "crisis"; "Kyiv" or "Kiev"; "annexed" or "illegally annexed":
the concepts and their wordings come from the documented lexicon ``data/contested_naming.toml``
(:func:`load_naming`; its header describes the fields and how to extend it). :func:`naming_mentions`
finds every use, with its offsets, where in the article it comes and whether it sits inside a
quotation; :func:`naming_table` counts them per group with the first use; :func:`naming_display`,
:func:`naming_finding` and :func:`naming_notes` put the table, the finding and the lexicon's
notes for teachers in front of a reader.

A count of a curated list is easier to check than a test over every word: each use can be
read in place (:mod:`analysis.wordchoice.kwic`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..errors import LexiconError
from ..paths import DATA_DIR
from ..safe import md_prose, md_text
from .quoted import QuoteIndex

__all__ = [
    "Concept",
    "load_naming",
    "naming_display",
    "NAMING_FILE",
    "naming_finding",
    "naming_mentions",
    "naming_notes",
    "naming_table",
    "Variant",
]

NAMING_FILE = DATA_DIR / "contested_naming.toml"


@dataclass(frozen=True)
class Variant:
    """One wording of a contested concept, and the patterns that find it."""

    label: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Concept:
    """A contested thing, its wordings, and a note for teachers (see ``data/contested_naming.toml``)."""

    id: str
    name: str
    note: str
    variants: tuple[Variant, ...]
    context: re.Pattern | None = None
    window: int = 0


def _compile_naming_pattern(pattern: str, where: str) -> re.Pattern:
    pattern = pattern.replace("\u2019", "['\u2019]")
    try:
        return re.compile(rf"(?<![\w\-])(?:{pattern})(?![\w])", re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(
            f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc}); fix it or quote it "
            "as a TOML literal string ('...')"
        ) from None


@lru_cache(maxsize=8)
def load_naming(path: str | Path = NAMING_FILE) -> tuple[Concept, ...]:
    """Read a contested-naming lexicon (the package's own by default).

    Args:
        path: a TOML file in the format of ``analysis/data/contested_naming.toml`` (its header
            describes the fields).

    Returns:
        The concepts, in file order.

    Raises:
        LexiconError: naming the file, the concept and what to fix.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read as TOML ({exc}); check the file against the package's contested_naming.toml") from None
    concepts = []
    for k, c in enumerate(data.get("concept", []), start=1):
        where = f"{path.name}, concept {k} ({c.get('id', 'no id')})"
        missing = [f for f in ("id", "name", "note", "variant") if f not in c]
        if missing:
            raise LexiconError(f"{where}: missing {', '.join(missing)}; every [[concept]] needs id, name, note and at least one [[concept.variant]]")
        variants = []
        for v in c["variant"]:
            if "label" not in v or not v.get("patterns"):
                raise LexiconError(f"{where}: a variant lacks a label or patterns; give each [[concept.variant]] a label and a list of patterns")
            variants.append(Variant(v["label"], tuple(_compile_naming_pattern(p, f"{where}, variant {v['label']!r}") for p in v["patterns"])))
        context = re.compile(c["context"], re.IGNORECASE) if c.get("context") else None
        concepts.append(Concept(c["id"], c["name"], c["note"].strip(), tuple(variants), context, int(c.get("window", 0))))
    if not concepts:
        raise LexiconError(f"{path}: holds no [[concept]]; add at least one (see the package's contested_naming.toml)")
    return tuple(concepts)


def _sentences_by_article(corpus: Corpus) -> dict[str, pd.DataFrame]:
    s = corpus.sentences()
    return {aid: g.reset_index(drop=True) for aid, g in s.groupby("article_id", sort=False)}


@lru_cache(maxsize=256)
def _any_variant(concept: Concept) -> re.Pattern:
    """One regex that matches wherever any variant of ``concept`` does: a cheap first test.

    Every naming pattern is wrapped in the same look-arounds (not a word character or hyphen
    before, not a word character after), and sentences are separated by white space, so a
    pattern that matches inside a sentence also matches the whole article text there: an article
    (or a sentence) where this finds nothing has no use of the concept.
    """
    return re.compile("|".join(f"(?:{p.pattern})" for v in concept.variants for p in v.patterns), re.IGNORECASE)


def naming_mentions(corpus: Corpus, *, lexicon: Sequence[Concept] | None = None) -> pd.DataFrame:
    """Every use of a contested name, one row per use.

    Each sentence is searched for every variant of every concept; where variants of one concept
    overlap, the longest match wins ("full-scale invasion", not also "invasion"), then the
    earlier variant in the lexicon. A concept with a ``context`` pattern counts a use only when
    the pattern occurs within ``window`` sentences of it in the same article.

    Args:
        corpus: a loaded corpus.
        lexicon: concepts from :func:`load_naming`; the package's own by default.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``concept`` (id), ``variant`` (label),
        ``sentence`` (index in the article, from 0), ``start``, ``end`` (offsets into the clean
        text), ``words`` (as written), ``fraction`` (start / length of the article: how far in),
        ``quoted`` (inside quotation marks, as :func:`analysis.corpus.marks.quoted_regions` reads them).
    """
    concepts = tuple(lexicon) if lexicon is not None else load_naming()
    quoted = QuoteIndex(corpus)
    texts = corpus.articles["text"]
    rows = []
    for aid, sents in _sentences_by_article(corpus).items():
        text = texts[aid]
        sentence_texts = sents["text"].tolist()
        for concept in concepts:
            anywhere = _any_variant(concept)
            if anywhere.search(text) is None:
                continue
            for s in sents.itertuples(index=False):
                if anywhere.search(s.text) is None:
                    continue
                found = []
                for rank, variant in enumerate(concept.variants):
                    for pattern in variant.patterns:
                        for m in pattern.finditer(s.text):
                            found.append((m.start(), m.end(), rank, variant.label))
                if not found:
                    continue
                if concept.context is not None:
                    lo, hi = max(0, s.sentence - concept.window), s.sentence + concept.window + 1
                    if not any(concept.context.search(t) for t in sentence_texts[lo:hi]):
                        continue
                kept: list[tuple[int, int, int, str]] = []
                for f in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2], f[0])):
                    if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
                        kept.append(f)
                for a, b, _, label in sorted(kept):
                    start, end = s.start + a, s.start + b
                    rows.append(
                        {
                            "article_id": aid, "outlet": s.outlet, "concept": concept.id, "variant": label,
                            "sentence": s.sentence, "start": start, "end": end, "words": text[start:end],
                            "fraction": start / max(len(text), 1), "quoted": quoted(aid, start, end),
                        }
                    )
    cols = ["article_id", "outlet", "concept", "variant", "sentence", "start", "end", "words", "fraction", "quoted"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True) if len(out) else out


def naming_table(corpus: Corpus, *, by: str = "outlet", lexicon: Sequence[Concept] | None = None) -> pd.DataFrame:
    """Counts of every contested name per group, with where it is first used.

    Args:
        corpus: a loaded corpus.
        by: the articles column to group by (an outlet by default).
        lexicon: concepts from :func:`load_naming`; the package's own by default.

    Returns:
        DataFrame with one row per group, concept and variant (zeros included, in lexicon and
        corpus order): ``by``, ``concept``, ``concept_name``, ``variant``, ``count``, ``quoted``
        (uses inside quotation marks), ``articles`` (articles using it), and for the first use
        (the use earliest in its article, relative to the article's length, over the group's
        articles): ``first_article``, ``first_sentence`` (from 0), ``first_fraction``,
        ``first_start``, ``first_end``. The ``first_`` fields are empty when the count is 0.
    """
    concepts = tuple(lexicon) if lexicon is not None else load_naming()
    uses = naming_mentions(corpus, lexicon=concepts)
    group_of = corpus.articles[by]
    uses = uses.assign(group=uses["article_id"].map(group_of))
    groups = corpus.outlets if by == "outlet" else sorted(group_of.unique().tolist(), key=str)
    rows = []
    for g in groups:
        mine = uses[uses["group"] == g]
        for concept in concepts:
            for variant in concept.variants:
                u = mine[(mine["concept"] == concept.id) & (mine["variant"] == variant.label)]
                row = {
                    by: g, "concept": concept.id, "concept_name": concept.name, "variant": variant.label,
                    "count": len(u), "quoted": int(u["quoted"].sum()), "articles": u["article_id"].nunique(),
                    "first_article": None, "first_sentence": pd.NA, "first_fraction": np.nan,
                    "first_start": pd.NA, "first_end": pd.NA,
                }
                if len(u):
                    first = u.sort_values(["fraction", "article_id"], kind="stable").iloc[0]
                    row.update(
                        first_article=first["article_id"], first_sentence=int(first["sentence"]),
                        first_fraction=float(first["fraction"]), first_start=int(first["start"]), first_end=int(first["end"]),
                    )
                rows.append(row)
    out = pd.DataFrame(rows)
    for col in ("first_sentence", "first_start", "first_end"):
        out[col] = out[col].astype("Int64")
    return out


def naming_display(table: pd.DataFrame, *, by: str = "outlet", drop_unused: bool = True) -> pd.DataFrame:
    """The naming table as readers see it: concepts and wordings down, groups across.

    Each cell reads ``3 (1 quoted) · first: sentence 2, 5% in``; an empty cell means the group
    never uses the wording. Sentences are numbered from 1 here, for reading.

    Args:
        table: the output of :func:`naming_table`.
        by: its group column.
        drop_unused: leave out wordings no group uses.

    Returns:
        DataFrame indexed by ``concept`` (its name) and ``wording``, one column per group (in
        the table's order), each cell a string as above.
    """

    def cell(r) -> str:
        if r["count"] == 0:
            return ""
        quoted = f" ({r['quoted']} quoted)" if r["quoted"] else ""
        return f"{r['count']}{quoted} · first: sentence {int(r['first_sentence']) + 1}, {r['first_fraction']:.0%} in"

    t = table.assign(cell=table.apply(cell, axis=1))
    groups = list(dict.fromkeys(t[by]))
    wide = t.pivot_table(index=["concept_name", "variant"], columns=by, values="cell", aggfunc="first", sort=False)
    wide = wide.reindex(columns=groups)
    order = list(dict.fromkeys(zip(t["concept_name"], t["variant"])))
    wide = wide.reindex(pd.MultiIndex.from_tuples(order, names=["concept", "wording"]))
    if drop_unused:
        wide = wide[(wide != "").any(axis=1)]
    wide.columns.name = None
    return wide


def naming_finding(table: pd.DataFrame, *, by: str = "outlet") -> str:
    """Markdown bullet points: per concept, which wordings each group uses, and the ones only one group uses.

    Args:
        table: the output of :func:`naming_table`.
        by: its group column.

    Returns:
        One bullet per concept (lexicon order): each group's wordings with their counts (most
        used first, quoted uses noted), the groups that use none, and the wordings only one
        group writes.
    """
    lines = []
    groups = list(dict.fromkeys(table[by]))
    for cid in dict.fromkeys(table["concept"]):
        t = table[(table["concept"] == cid) & (table["count"] > 0)]
        name = table.loc[table["concept"] == cid, "concept_name"].iloc[0]
        if t.empty:
            lines.append(f"- **{md_text(name)}**: no outlet uses any of these wordings.")
            continue
        parts = []
        for g in groups:
            mine = t[t[by] == g].sort_values("count", ascending=False, kind="stable")
            if len(mine):
                parts.append(f"{md_text(g)}: " + ", ".join(f"\u201c{md_text(r.variant)}\u201d \u00d7{r.count}" + (f" ({r.quoted} quoted)" if r.quoted else "") for r in mine.itertuples()))
        silent = [g for g in groups if g not in set(t[by])]
        text = f"- **{md_text(name)}**: " + "; ".join(parts) + "."
        if silent:
            text += f" Not used by {', '.join(map(md_text, silent))}."
        solo = t.groupby("variant", sort=False)[by].nunique()
        solo = [v for v, k in solo.items() if k == 1 and len(groups) > 1]
        if solo:
            text += " Only one outlet writes " + ", ".join(f"\u201c{md_text(v)}\u201d" for v in solo) + "."
        lines.append(text)
    return "\n".join(lines)


def naming_notes(lexicon: Sequence[Concept] | None = None) -> str:
    """The lexicon's notes for teachers, one Markdown paragraph per concept with its wordings.

    Args:
        lexicon: concepts from :func:`load_naming`; the package's own by default.

    Returns:
        Markdown: per concept its name in bold, its wordings in quotation marks, and its note.
    """
    concepts = tuple(lexicon) if lexicon is not None else load_naming()
    return "\n\n".join(
        f"**{md_text(c.name)}** ({', '.join(chr(8220) + md_text(v.label) + chr(8221) for v in c.variants)}). {md_prose(c.note)}" for c in concepts
    )

