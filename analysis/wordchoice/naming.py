"""Contested naming: how each outlet names things that are themselves disputed.

Which things are disputed, and in which words, depends on the story: "war", "invasion" or
"crisis"; "Beijing" or "Peking"; "illegal" or "undocumented" immigrants. So the package holds no
naming lexicon of its own. A corpus gives one in its story file (``story.toml``, read by
:func:`analysis.corpus.story.load_story`; :func:`naming_lexicon`); a lexicon file in the same
format can also be read with :func:`load_naming` and passed as ``lexicon=``.
:func:`naming_mentions` finds every use, with its offsets, where in the article it comes and
whether it sits inside a quotation; :func:`naming_table` counts them per group with the first
use; :func:`naming_display`, :func:`naming_finding` and :func:`naming_notes` put the table, the
finding and the lexicon's notes for teachers in front of a reader; :func:`naming_source` says
where the lexicon came from, or plainly that none was given. Without a lexicon,
:mod:`analysis.wordchoice.candidates` offers candidates found in the text, and
:func:`context_keywords` picks the words notebook 02 reads in context.

A count of a curated list is easier to check than a test over every word: each use can be
read in place (:mod:`analysis.wordchoice.kwic`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..corpus.story import STORY_FILE, Concept, Keyword, Variant, load_story, parse_concepts
from ..errors import LexiconError
from ..safe import md_prose, md_text
from .quoted import QuoteIndex

__all__ = [
    "Concept",
    "context_keywords",
    "first_concept_uses",
    "Keyword",
    "keyword_heading",
    "load_naming",
    "naming_display",
    "naming_finding",
    "naming_lexicon",
    "naming_mentions",
    "naming_notes",
    "naming_source",
    "naming_table",
    "Variant",
]

_TABLE_COLUMNS = ["concept", "concept_name", "variant", "count", "quoted", "articles", "first_article",
                  "first_sentence", "first_fraction", "first_start", "first_end"]


@lru_cache(maxsize=8)
def load_naming(path: str | Path) -> tuple[Concept, ...]:
    """Read a contested-naming lexicon file: the ``[[concept]]`` tables of a TOML file.

    The format is that of a story file's concepts (:func:`analysis.corpus.story.parse_concepts`;
    the README's data dictionary, and the bundled ``corpus/story.toml``, show it). A corpus's own
    lexicon is read from its story file by :func:`naming_lexicon`; this reads one kept elsewhere.

    Args:
        path: a TOML file holding ``[[concept]]`` tables.

    Returns:
        The concepts, in file order.

    Raises:
        LexiconError: naming the file, the concept and what to fix.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read as TOML ({exc}); check the file against the [[concept]] format of a story file (README, data dictionary)") from None
    from ..corpus.story import _table_lines

    concepts, problems = parse_concepts(data.get("concept", []), file=path.name, lines=_table_lines(text, "concept"))
    if problems:
        raise LexiconError("; ".join(str(p) for p in problems))
    if not concepts:
        raise LexiconError(f"{path}: holds no [[concept]]; add at least one (the README's data dictionary shows the format)")
    return concepts


def naming_lexicon(corpus: Corpus) -> tuple[Concept, ...]:
    """The corpus's own naming lexicon: the concepts of its story file (none without one).

    Args:
        corpus: a loaded corpus.

    Returns:
        The concepts of ``story.toml`` in file order; an empty tuple when the corpus has no story
        file or the file lists no concept.

    Raises:
        CorpusError: the story file has problems (each named with its line and fix).
    """
    return load_story(corpus).concepts


def naming_source(corpus: Corpus) -> str:
    """Markdown: where the contested names counted below come from, or plainly that none were given.

    Args:
        corpus: a loaded corpus.

    Returns:
        One paragraph: the concepts the story file lists, or that there is no lexicon, so that
        nothing is counted as contested naming and candidates follow instead.
    """
    story = load_story(corpus)
    if story.concepts:
        names = ", ".join(f"\u201c{md_text(c.name)}\u201d" for c in story.concepts)
        n = len(story.concepts)
        return (f"The corpus's story file (`{STORY_FILE}`) lists {n} contested thing{'s' if n != 1 else ''}: {names}. "
                "The counts below are of the wordings it gives, and of nothing else.")
    why = ("its story file lists no [[concept]]" if story.given else f"the corpus folder has no story file (`{STORY_FILE}`)")
    return (f"**No naming lexicon was given**: {why}. Which names are disputed depends on the story, and the package "
            "does not guess, so nothing below is counted as contested naming. Instead, the table shows **candidates** "
            "found in the text: forms that outlets write differently (spellings of one name, different words before one noun). "
            "They are not findings: read each one in context, and if it names one thing in words that matter, "
            "write it into a story file as shown below.")


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
        lexicon: concepts (:func:`load_naming`); the corpus's own (:func:`naming_lexicon`) by default.

    Returns:
        DataFrame (empty when there is no lexicon) with ``article_id``, ``outlet``, ``concept`` (id), ``variant`` (label),
        ``sentence`` (index in the article, from 0), ``start``, ``end`` (offsets into the clean
        text), ``words`` (as written), ``fraction`` (start / length of the article: how far in),
        ``quoted`` (inside quotation marks, as :func:`analysis.corpus.marks.quoted_regions` reads them).
    """
    concepts = tuple(lexicon) if lexicon is not None else naming_lexicon(corpus)
    cols = ["article_id", "outlet", "concept", "variant", "sentence", "start", "end", "words", "fraction", "quoted"]
    if not concepts:
        return pd.DataFrame(columns=cols)
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
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True) if len(out) else out


def naming_table(corpus: Corpus, *, by: str = "outlet", lexicon: Sequence[Concept] | None = None) -> pd.DataFrame:
    """Counts of every contested name per group, with where it is first used.

    Args:
        corpus: a loaded corpus.
        by: the articles column to group by (an outlet by default).
        lexicon: concepts (:func:`load_naming`); the corpus's own (:func:`naming_lexicon`) by default.

    Returns:
        DataFrame with one row per group, concept and variant (no row when there is no lexicon) (zeros included, in lexicon and
        corpus order): ``by``, ``concept``, ``concept_name``, ``variant``, ``count``, ``quoted``
        (uses inside quotation marks), ``articles`` (articles using it), and for the first use
        (the use earliest in its article, relative to the article's length, over the group's
        articles): ``first_article``, ``first_sentence`` (from 0), ``first_fraction``,
        ``first_start``, ``first_end``. The ``first_`` fields are empty when the count is 0.
    """
    concepts = tuple(lexicon) if lexicon is not None else naming_lexicon(corpus)
    if not concepts:
        return pd.DataFrame(columns=[by, *_TABLE_COLUMNS])
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

    if table.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=["concept", "wording"]))

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
    if table.empty:
        return "No contested name is counted: there is no naming lexicon (see above)."
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


def naming_notes(lexicon: Sequence[Concept]) -> str:
    """The lexicon's notes for teachers, one Markdown paragraph per concept with its wordings.

    Args:
        lexicon: concepts (:func:`naming_lexicon` of a corpus, or :func:`load_naming`).

    Returns:
        Markdown: per concept its name in bold, its wordings in quotation marks, and its note;
        "" for an empty lexicon.
    """
    concepts = tuple(lexicon)
    return "\n\n".join(
        f"**{md_text(c.name)}** ({', '.join(chr(8220) + md_text(v.label) + chr(8221) for v in c.variants)}). {md_prose(c.note)}" for c in concepts
    )



def _outlet_list(outlets: Sequence[str]) -> str:
    names = [md_text(o) for o in outlets]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _naming_keyword(corpus: Corpus, naming: pd.DataFrame | None, candidates: pd.DataFrame | None, by: str) -> Keyword | None:
    """The wording that sets outlets apart most: of the lexicon's wordings used by some outlets, the
    one used by the fewest (then most uses), read as written at its first use; without a lexicon,
    the same over the first candidate's forms."""
    if naming is not None and len(naming) and (naming["count"] > 0).any():
        used = naming[naming["count"] > 0]
        n_groups = naming[by].nunique()
        g = used.groupby(["concept_name", "variant"], sort=False).agg(
            outlets=(by, list), uses=("count", "sum"), article=("first_article", "first"), start=("first_start", "first"), end=("first_end", "first")
        ).reset_index()
        some = g["outlets"].map(len) < n_groups
        g = g[some] if some.any() else g
        r = g.assign(n=g["outlets"].map(len)).sort_values(["n", "uses"], ascending=[True, False], kind="stable").iloc[0]
        words = corpus.articles.loc[r["article"], "text"][int(r["start"]) : int(r["end"])]
        return Keyword(words, "word", f"a wording of \u201c{md_text(r['concept_name'])}\u201d, from the story file's lexicon, that "
                                      f"{_outlet_list(r['outlets'])} {'uses' if len(r['outlets']) == 1 else 'use'}.")
    if candidates is not None and len(candidates):
        first = candidates[candidates["candidate"] == candidates["candidate"].min()]
        g = first.groupby("form", sort=False).agg(outlets=("outlet", list), uses=("count", "sum")).reset_index()
        r = g.assign(n=g["outlets"].map(len)).sort_values(["n", "uses"], ascending=[True, False], kind="stable").iloc[0]
        return Keyword(r["form"], "word",
                       f"a candidate form of \u201c{md_text(first['head'].iat[0])}\u201d (candidate 1 above) that "
                       f"{_outlet_list(r['outlets'])} {'writes' if len(r['outlets']) == 1 else 'write'}: is it the same thing "
                       "in other words, and does the choice matter?")
    return None


def _verb_keyword(corpus: Corpus) -> Keyword | None:
    """The distancing reporting verb form (``data/reporting_verbs.csv``) that the most outlets use."""
    from ..sourcing.lexicon import load_reporting_verbs

    verbs = load_reporting_verbs()
    forms = sorted({f.strip() for fs in verbs.loc[verbs["stance"] == "distancing", "forms"] for f in fs.split("|") if f.strip() and " " not in f.strip()})
    if not forms:
        return None
    rx = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])", re.IGNORECASE)
    outlets_of: dict[str, set[str]] = {}
    uses: dict[str, int] = {}
    for outlet, text in zip(corpus.articles["outlet"], corpus.articles["text"]):
        for m in rx.finditer(text):
            w = m.group(1).lower()
            outlets_of.setdefault(w, set()).add(outlet)
            uses[w] = uses.get(w, 0) + 1
    if not uses:
        return None
    word = min(uses, key=lambda w: (-len(outlets_of[w]), -uses[w], w))
    users = [o for o in corpus.outlets if o in outlets_of[word]]
    return Keyword(word, "word", f"a reporting verb that, unlike \u201csaid\u201d, can cast doubt on what follows (it also has plain senses); "
                                 f"{_outlet_list(users)} {'uses' if len(users) == 1 else 'use'} it.")


def _term_keyword(terms: pd.DataFrame | None, by: str) -> Keyword | None:
    """The term that sets one outlet most apart (highest z among terms it uses twice or more, no digits)."""
    if terms is None or terms.empty:
        return None
    t = terms[(terms["count"] >= 2) & (terms["z"] > 0) & ~terms["term"].str.contains(r"\d")]
    if t.empty:
        return None
    r = t.sort_values(["z", "term"], ascending=[False, True], kind="stable").iloc[0]
    return Keyword(str(r["term"]), "word", f"the term that sets {md_text(r[by])} most apart from the others (z = {r['z']:.2f}): framing, house style, or a fact only it reports?")


def context_keywords(
    corpus: Corpus,
    *,
    naming: pd.DataFrame | None = None,
    candidates: pd.DataFrame | None = None,
    terms: pd.DataFrame | None = None,
    by: str = "outlet",
) -> list[Keyword]:
    """The words to read in context side by side: the story file's, else chosen from the corpus.

    A story file's ``[[keyword]]`` tables are used as they are. Without them, up to three are
    chosen: a contested wording that some outlets use and others do not (from ``naming``, or the
    first of ``candidates``), the distancing reporting verb most outlets use ("claimed",
    "insisted": ``data/reporting_verbs.csv``), and the term with the highest z-score (``terms``).
    Each comes with a note that says why, in words computed from the corpus.

    Args:
        corpus: a loaded corpus.
        naming: :func:`naming_table` of the corpus, if it has a lexicon.
        candidates: :func:`analysis.wordchoice.candidates.naming_candidates`, without a lexicon.
        terms: :func:`analysis.wordchoice.distinctive_terms` of the corpus, if computed.
        by: the group column of ``naming`` and ``terms``.

    Returns:
        :class:`~analysis.corpus.story.Keyword` objects (word, match, note), no word twice; each
        note is Markdown safe to show (a story file's note passed through ``md_prose``).
    """
    story = load_story(corpus)
    if story.keywords:
        return [Keyword(k.word, k.match, md_prose(k.note)) for k in story.keywords]
    chosen = [_naming_keyword(corpus, naming, candidates, by), _verb_keyword(corpus), _term_keyword(terms, by)]
    out, seen = [], set()
    for k in chosen:
        if k is not None and k.word.lower() not in seen:
            seen.add(k.word.lower())
            out.append(k)
    return out


def keyword_heading(keyword: Keyword) -> str:
    """Markdown: a keyword of :func:`context_keywords` in bold quotation marks (escaped), then its note."""
    return f"**\u201c{md_text(keyword.word)}\u201d**" + (f": {keyword.note}" if keyword.note else "")


def first_concept_uses(corpus: Corpus, *, candidates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every use of one contested thing, for reading in full (workbook 02a): the first concept of the
    corpus's lexicon or, without one, the forms of the first naming candidate.

    Args:
        corpus: a loaded corpus.
        candidates: :func:`analysis.wordchoice.candidates.naming_candidates` of the corpus, to
            reuse (computed when needed and not given).

    Returns:
        The rows of :func:`naming_mentions` (``concept``, ``variant``, ``words``, offsets,
        ``quoted`` ...) for that one thing; a candidate's rows have ``concept`` "candidate 1" and
        its forms as variants. Empty when there is neither a lexicon nor a candidate.
    """
    lexicon = naming_lexicon(corpus)
    if lexicon:
        return naming_mentions(corpus, lexicon=lexicon[:1])
    if candidates is None:
        from .candidates import naming_candidates

        candidates = naming_candidates(corpus, limit=1)
    if candidates.empty:
        return naming_mentions(corpus, lexicon=())
    first = candidates[candidates["candidate"] == candidates["candidate"].min()]
    from ..corpus.story import _compile_naming_pattern

    variants = tuple(
        Variant(f, (_compile_naming_pattern(re.escape(f).replace("\\ ", r"\s+").replace("'", "\u2019")),)) for f in dict.fromkeys(first["form"])
    )
    concept = Concept("candidate 1", f"candidate 1: {first['head'].iat[0]}", "", variants)
    return naming_mentions(corpus, lexicon=(concept,))
