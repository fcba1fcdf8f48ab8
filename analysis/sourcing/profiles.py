"""Sourcing: who each outlet lets speak, how it introduces them, and whom it cites.

The quote finder itself works on one text at a time (:mod:`analysis.quotes`); this module maps
it over a corpus and builds the per-outlet profiles of notebook 03: voices by country and
affiliation, reporting-verb stance, the same speaker's verbs across outlets, vague and
anonymous sourcing, media cited as sources, and an article with its quotes highlighted.

Every table is tidy (one row per observation) and keeps the offsets back into the clean text,
``corpus.articles.loc[article_id, "text"][start:end]``. The sentences the notebook prints are
written here from the numbers, so they hold for any corpus.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.sourcing import extract_quotes
    >>> corpus = load_corpus()
    >>> quotes = extract_quotes(corpus)
    >>> row = quotes[quotes["field"] == "text"].iloc[0]
    >>> corpus.articles.loc[row.article_id, "text"][row.start:row.end] == row.quote
    True

References:
    Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News",
    LREC (PolNeAR, the evaluation data); Asr et al. (2021), "The Gender Gap Tracker", PLOS ONE
    (voices counted by quotes and by words quoted); Bergler (1992) and Caldas-Coulthard (1994)
    on the stance of reporting verbs (see ``data/reporting_verbs.csv``); Sheehy (2008) on
    unnamed sources (see ``data/vague_sourcing.toml``).
"""

from __future__ import annotations

import bisect
import html
import json
import re
from pathlib import Path

import pandas as pd

from ..corpus import Corpus
from ..corpus.marks import quoted_regions
from ..paths import DATA_DIR
from ..plots import outlet_colors
from .quotes import STANCES, load_lexicon, quotes_in_text, vague_sourcing_in_text

EVALUATION_FILE = DATA_DIR / "evaluation_quotes.json"

QUOTE_COLUMNS = [
    "article_id", "outlet", "field", "kind", "quote", "start", "end", "paragraph", "sentence", "quotation",
    "speaker", "speaker_type", "registered", "speaks_for", "role_type", "affiliation", "country", "via", "speaker_mention",
    "speaker_start", "speaker_end", "verb", "verb_lemma", "stance", "verb_start", "verb_end", "cue_position",
    "words", "closed",
]
VOICE_KINDS = ("direct", "partial")
"""The kinds of quote that count as a voice: words a named or described speaker is given."""


# ---------------------------------------------------------------------------------------------
# Quotes


def extract_quotes(corpus: Corpus, *, indirect: bool = False, headlines: bool = True) -> pd.DataFrame:
    """Every quote in the corpus, one row per quoted passage, with speaker and reporting verb.

    Args:
        corpus: a loaded corpus.
        indirect: also return attributions without quotation marks ("X said that ...",
            "according to X, ..."), as rows of kind ``indirect`` whose ``quote`` is the
            reported content.
        headlines: also return the quotes of each article's headline, as rows of kind
            ``headline`` with ``field == "headline"``: their ``start``/``end`` are offsets into
            ``corpus.articles.loc[article_id, "headline"]``, not into the text.

    Returns:
        DataFrame with the columns of ``QUOTE_COLUMNS``: ``article_id``, ``outlet``, ``field``
        (``text`` or ``headline``), ``kind`` (direct, partial, scare, headline, indirect),
        ``quote`` (the words inside the marks), ``start``, ``end`` (``source[start:end] ==
        quote``, where the source is the clean text or the headline), ``paragraph`` and
        ``sentence`` (numbers as in ``corpus.paragraphs()`` and ``corpus.sentences()``; -1 in
        a headline), ``quotation`` (passages of one quotation share it), ``speaker`` (a
        canonical name from the register, a name as the article writes it in full, a role
        such as "a European official", or "" when the text does not say), ``speaker_type``
        (person, organisation, media, role, anonymous, unknown), ``registered``,
        ``speaks_for`` (the register entry a role speaks for: "Zelensky’s spokesman" ->
        Volodymyr Zelensky), ``role_type``, ``affiliation``, ``country`` (from the register,
        for the speaker or the entry it speaks for; empty otherwise), ``via`` (how the speaker was found: register, name, pronoun,
        description, role, previous quote), ``speaker_mention`` / ``speaker_start`` /
        ``speaker_end`` (the words read as the speaker), ``verb`` (as written, lower case),
        ``verb_lemma``, ``stance`` (neutral, distancing, factive, emotive, directive),
        ``verb_start``/``verb_end``, ``cue_position`` (after, before, parenthetical, label,
        according, inherited), ``words`` and ``closed`` (the passage had its closing mark).

    References:
        The method and its measured error rate: :mod:`analysis.quotes`,
        ``python -m analysis.evaluate quotes``.
    """
    lex = load_lexicon()
    paras = {aid: list(zip(g["start"], g["end"])) for aid, g in corpus.paragraphs().groupby("article_id", sort=False)}
    sents = corpus.sentences()
    sent_index = {aid: (list(g["start"]), list(g["sentence"])) for aid, g in sents.groupby("article_id", sort=False)}
    rows = []
    for aid, art in corpus.articles.iterrows():
        headline = art.get("headline", "") if headlines else ""
        found = quotes_in_text(art["text"], headline=headline or "", paragraphs=paras.get(aid), indirect=indirect, lexicon=lex)
        starts, numbers = sent_index.get(aid, ([], []))
        for r in found:
            r["article_id"], r["outlet"] = aid, art["outlet"]
            if r["field"] == "text" and starts:
                k = bisect.bisect_right(starts, r["start"]) - 1
                r["sentence"] = numbers[max(k, 0)]
            r["registered"] = bool(r["speaker"]) and r["speaker"] in lex.register
            entry = r["speaker"] if r["registered"] else r.get("speaks_for", "")
            info = lex.register.info(entry) if entry else {}
            for col in ("role_type", "affiliation", "country"):
                r[col] = info.get(col, "") if entry and entry in lex.register else ""
            rows.append(r)
    table = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    for col in ("start", "end", "paragraph", "sentence", "quotation", "speaker_start", "speaker_end", "verb_start", "verb_end", "words"):
        table[col] = table[col].astype(int)
    table["registered"] = table["registered"].astype(bool)
    table["closed"] = table["closed"].astype(bool)
    return table.reset_index(drop=True)


def indirect_attributions(corpus: Corpus) -> pd.DataFrame:
    """Reported speech without quotation marks ("X said that ...", "according to X, ..."), one
    row per attribution, with the columns of :func:`extract_quotes` (``kind == "indirect"``;
    ``quote`` is the reported content)."""
    table = extract_quotes(corpus, indirect=True, headlines=False)
    return table[table["kind"] == "indirect"].reset_index(drop=True)


def quote_counts(quotes: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Quotes per outlet and kind (rows: outlets in corpus order; columns: kinds, total)."""
    kinds = ["direct", "partial", "scare", "headline", "indirect"]
    table = pd.crosstab(quotes["outlet"], quotes["kind"]).reindex(index=corpus.outlets, columns=kinds, fill_value=0)
    table = table.loc[:, (table.sum() > 0) | table.columns.isin(["direct", "partial", "scare"])]
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table


def quote_table(quotes: pd.DataFrame, *, width: int = 90) -> pd.DataFrame:
    """The quotes as a reader checks them: outlet, kind, speaker, verb, the quote (shortened)."""
    shown = quotes.copy()
    shown["quote"] = shown["quote"].map(lambda q: q if len(q) <= width else q[: width - 1].rstrip() + "…")
    return shown[["outlet", "kind", "speaker", "speaker_type", "verb", "stance", "quote", "start", "end"]]


# ---------------------------------------------------------------------------------------------
# Voices: who gets quoted, and how many words


def _voices(quotes: pd.DataFrame) -> pd.DataFrame:
    v = quotes[quotes["kind"].isin(VOICE_KINDS) & (quotes["field"] == "text")].copy()
    v["speaker"] = v["speaker"].where(v["speaker"] != "", "(unknown)")
    return v


def voices(quotes: pd.DataFrame, corpus: Corpus, *, by: str = "country") -> pd.DataFrame:
    """Quotes and words quoted per outlet and group of speakers.

    Args:
        quotes: from :func:`extract_quotes`.
        corpus: the corpus (for the outlet order).
        by: a column of ``quotes`` to group speakers by: ``country``, ``affiliation``,
            ``role_type``, ``speaker_type`` or ``speaker``. Speakers the register does not
            hold are counted as "unregistered"; quotes with no speaker as "unknown".

    Returns:
        One row per outlet and group: ``outlet``, the group column, ``quotes``, ``words``
        (words inside the marks), ``share`` (of the outlet's words quoted), ``speakers``
        (the speakers in the group, most words first).
    """
    v = _voices(quotes)
    if by not in ("speaker", "speaker_type"):
        given = v["registered"] | (v["speaks_for"] != "")
        v[by] = v[by].where(v[by] != "", v["registered"].map({True: "(not given in the register)", False: "unregistered"}))
        v.loc[given & (v[by] == "unregistered"), by] = "(not given in the register)"
        v.loc[v["speaker"] == "(unknown)", by] = "unknown"
    rows = []
    for (outlet, group), g in v.groupby(["outlet", by], sort=False):
        words_by_speaker = g.groupby("speaker")["words"].sum().sort_values(ascending=False, kind="stable")
        rows.append({"outlet": outlet, by: group, "quotes": len(g), "words": int(g["words"].sum()),
                     "speakers": ", ".join(f"{s} ({w})" for s, w in words_by_speaker.items())})
    table = pd.DataFrame(rows, columns=["outlet", by, "quotes", "words", "speakers"])
    if table.empty:
        return table.assign(share=pd.Series(dtype=float))
    totals = table.groupby("outlet")["words"].transform("sum")
    table.insert(4, "share", (table["words"] / totals).round(3))
    order = {o: i for i, o in enumerate(corpus.outlets)}
    table = table.sort_values(["outlet", "words", by], key=lambda c: c.map(order) if c.name == "outlet" else (-c if c.name == "words" else c))
    return table.reset_index(drop=True)


def top_speakers(quotes: pd.DataFrame, *, n: int = 12) -> pd.DataFrame:
    """The speakers given the most words across the corpus, with words per outlet."""
    v = _voices(quotes)
    if v.empty:
        return pd.DataFrame()
    table = v.pivot_table(index="speaker", columns="outlet", values="words", aggfunc="sum", fill_value=0)
    table = table[[o for o in dict.fromkeys(v["outlet"]) if o in table.columns]]
    table["total"] = table.sum(axis=1)
    info = v.drop_duplicates("speaker").set_index("speaker")[["speaker_type", "country", "affiliation"]]
    table = table.join(info)
    return table.sort_values(["total"], ascending=False, kind="stable").head(n)


def voices_finding(quotes: pd.DataFrame, corpus: Corpus) -> str:
    """Sentences on whose words each outlet quotes most, computed from the quotes."""
    table = voices(quotes, corpus, by="country")
    if table.empty:
        return "No quotation with a speaker was found in the corpus."
    parts = []
    for outlet in corpus.outlets:
        t = table[(table["outlet"] == outlet) & ~table["country"].isin(["unknown", "unregistered"])]
        total = int(table.loc[table["outlet"] == outlet, "words"].sum())
        if t.empty or total == 0:
            parts.append(f"{outlet} quotes nobody whose country the register knows")
            continue
        top = t.iloc[0]
        parts.append(f"{outlet} gives {top['share']:.0%} of its {total} quoted words to speakers from {top['country']}")
    text = "; ".join(parts) + "."
    if len(corpus.outlets) < 2:
        text += " Comparing outlets needs a corpus of at least two."
    return text


def voices_figure(quotes: pd.DataFrame, corpus: Corpus, *, by: str = "country", top: int = 4):
    """Share of each outlet's quoted words per group of speakers (one panel per group)."""
    import matplotlib.pyplot as plt

    table = voices(quotes, corpus, by=by)
    colors = outlet_colors(corpus.outlets)
    groups = list(table.groupby(by)["words"].sum().sort_values(ascending=False, kind="stable").index[:top])
    outlets = [o for o in corpus.outlets]
    fig, axes = plt.subplots(1, max(len(groups), 1), figsize=(2.6 * max(len(groups), 1) + 1.6, 0.45 * len(outlets) + 1.8), sharey=True, squeeze=False)
    for ax, group in zip(axes[0], groups):
        shares = [float(table.loc[(table["outlet"] == o) & (table[by] == group), "share"].sum()) for o in outlets]
        ax.barh(outlets, shares, color=[colors[o] for o in outlets])
        for y, s in enumerate(shares):
            ax.text(s, y, f" {s:.0%}", va="center", fontsize=8)
        ax.set_title(f"speakers from {group}" if by == "country" and group not in ("unknown", "unregistered") else str(group), fontsize=10)
        ax.set_xlim(0, 1.15)
        ax.set_xlabel("share of quoted words")
        ax.spines[["top", "right"]].set_visible(False)
        ax.invert_yaxis() if ax is axes[0][0] else None
    if groups:
        lead = table.sort_values("share", ascending=False, kind="stable").iloc[0]
        title = f"Whose words? {lead['outlet']} gives {lead['share']:.0%} of its quoted words to speakers from {lead[by]}"
    else:
        title = "No quotation with a speaker was found"
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)
    axes[0][0].set_ylabel("outlet")
    fig.tight_layout()
    plt.close(fig)
    data = table.pivot_table(index="outlet", columns=by, values="share", fill_value=0).reindex(outlets).fillna(0)
    return fig, data


# ---------------------------------------------------------------------------------------------
# Reporting verbs


def verb_stance(quotes: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Attributions per outlet and stance class of their reporting verb.

    Counts every quote and indirect attribution whose cue is a verb of the lexicon (a colon or
    an inherited cue is not counted twice: one count per quotation).

    Returns:
        One row per outlet: a column per stance class (neutral, distancing, factive, emotive,
        directive), ``total``, ``non-neutral share``, and ``verbs`` (the non-neutral verbs used,
        most frequent first).
    """
    q = quotes[(quotes["stance"] != "") & (quotes["cue_position"] != "inherited")]
    q = q.drop_duplicates(["article_id", "verb_start"])
    table = pd.crosstab(q["outlet"], q["stance"]).reindex(index=corpus.outlets, columns=list(STANCES), fill_value=0)
    table["total"] = table.sum(axis=1)
    table["non-neutral share"] = ((table["total"] - table["neutral"]) / table["total"].where(table["total"] > 0)).round(3).fillna(0.0)
    verbs = (
        q[q["stance"] != "neutral"].groupby("outlet")["verb"]
        .agg(lambda s: ", ".join(f"{v} ({n})" for v, n in s.value_counts().sort_index().sort_values(ascending=False, kind="stable").items()))
    )
    table["verbs"] = verbs.reindex(table.index).fillna("")
    table.columns.name = None
    return table


def verb_stance_finding(table: pd.DataFrame) -> str:
    """A sentence on which outlet introduces its sources with the most loaded verbs."""
    t = table[table["total"] > 0]
    if t.empty:
        return "No reporting verb was found."
    top = t.sort_values("non-neutral share", ascending=False, kind="stable").iloc[0]
    neutral = int(t["neutral"].sum())
    total = int(t["total"].sum())
    text = (
        f"{neutral} of the {total} attributions ({neutral / total:.0%}) use a neutral verb (said, told, added, wrote). "
        f"{top.name} uses the most verbs that colour the words they introduce: {top['non-neutral share']:.0%} of its attributions"
    )
    text += f" ({top['verbs']})." if top["verbs"] else "."
    return text


def verb_stance_figure(table: pd.DataFrame, corpus: Corpus):
    """Share of each outlet's attributions per non-neutral stance class (one panel per class)."""
    import matplotlib.pyplot as plt

    classes = [c for c in STANCES if c != "neutral"]
    outlets = list(table.index)
    colors = outlet_colors(corpus.outlets)
    shares = table[classes].div(table["total"].where(table["total"] > 0), axis=0).fillna(0.0)
    fig, axes = plt.subplots(1, len(classes), figsize=(2.4 * len(classes) + 1.6, 0.45 * len(outlets) + 1.8), sharey=True, squeeze=False)
    top_share = shares.max().max() if len(shares) else 0
    for ax, cls in zip(axes[0], classes):
        ax.barh(outlets, shares[cls], color=[colors[o] for o in outlets])
        for y, (o, s) in enumerate(shares[cls].items()):
            n = int(table.loc[o, cls])
            ax.text(s, y, f" {n}", va="center", fontsize=8)
        ax.set_title(cls, fontsize=10)
        ax.set_xlim(0, max(top_share * 1.35, 0.05))
        ax.set_xlabel("share of attributions")
        ax.spines[["top", "right"]].set_visible(False)
    axes[0][0].invert_yaxis()
    axes[0][0].set_ylabel("outlet")
    t = table[table["total"] > 0]
    if len(t):
        top = t.sort_values("non-neutral share", ascending=False, kind="stable").iloc[0]
        title = f"{top.name} introduces {top['non-neutral share']:.0%} of its sources with a verb that is not neutral"
    else:
        title = "No reporting verb was found"
    fig.suptitle(title + " (numbers: attributions)", x=0.01, ha="left", fontweight="bold", fontsize=11)
    fig.tight_layout()
    plt.close(fig)
    return fig, shares.round(3)


def same_speaker_verbs(quotes: pd.DataFrame, corpus: Corpus, *, min_outlets: int = 2) -> pd.DataFrame:
    """The same speaker quoted by several outlets, with the verbs each outlet chose.

    Args:
        quotes: from :func:`extract_quotes` (with ``indirect=True`` to count reported speech too).
        corpus: the corpus.
        min_outlets: keep speakers attributed by at least this many outlets.

    Returns:
        One row per speaker (most outlets first) and one column per outlet, each cell listing
        that outlet's verbs for the speaker with their count ("said (3), claimed (1)");
        a verb that is not neutral is marked with its stance ("claimed [distancing]").
        Empty when the corpus has fewer outlets than ``min_outlets``.
    """
    q = quotes[(quotes["verb"] != "") & (quotes["speaker"] != "") & (quotes["cue_position"] != "inherited")]
    q = q.drop_duplicates(["article_id", "verb_start", "speaker"])
    if q.empty or len(corpus.outlets) < min_outlets:
        return pd.DataFrame(columns=["speaker", "outlets", *corpus.outlets])
    rows = []
    for speaker, g in q.groupby("speaker", sort=True):
        if g["outlet"].nunique() < min_outlets:
            continue
        row = {"speaker": speaker, "outlets": g["outlet"].nunique()}
        for outlet in corpus.outlets:
            h = g[g["outlet"] == outlet]
            counts = h.groupby(["verb", "stance"]).size().reset_index(name="n").sort_values(["n", "verb"], ascending=[False, True], kind="stable")
            row[outlet] = ", ".join(
                f"{r.verb} ({r.n})" + (f" [{r.stance}]" if r.stance != "neutral" else "") for r in counts.itertuples()
            )
        rows.append(row)
    table = pd.DataFrame(rows, columns=["speaker", "outlets", *corpus.outlets])
    return table.sort_values(["outlets", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def same_speaker_finding(table: pd.DataFrame, corpus: Corpus) -> str:
    """Sentences naming, for each speaker, the outlets that chose a verb that is not neutral."""
    if len(corpus.outlets) < 2:
        return "The same-speaker comparison needs a corpus of at least two outlets."
    if table.empty:
        return "No speaker is quoted by two outlets or more."
    parts = []
    for row in table.to_dict("records"):
        for outlet in corpus.outlets:
            loaded = [v.split(" (")[0] + " [" + v.split("[")[1] for v in row[outlet].split(", ") if "[" in v]
            if loaded:
                parts.append(f"{outlet} for {row['speaker']}: {', '.join(loaded)}")
    n = len(table)
    head = f"{n} speaker{'s are' if n != 1 else ' is'} quoted by two outlets or more."
    if not parts:
        return head + " Every outlet introduces them with neutral verbs."
    return head + " The verbs that are not neutral, by outlet and speaker: " + "; ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# Vague and anonymous sourcing; media cited


def vague_sourcing(corpus: Corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Vague and anonymous sourcing, one row per phrase.

    Two sources: the phrases of ``data/vague_sourcing.toml`` found outside quotation marks
    ("officials said", "a source familiar with", "reportedly", "it is understood"), and the
    quotes and attributions whose speaker is anonymous ("a European official").

    Returns:
        ``article_id``, ``outlet``, ``start``, ``end``, ``phrase`` (``text[start:end]``),
        ``class`` (anonymous, hedge, agentless, anonymous speaker), ``label``.
    """
    lex = load_lexicon()
    rows = []
    for aid, art in corpus.articles.iterrows():
        for r in vague_sourcing_in_text(art["text"], lexicon=lex):
            rows.append({"article_id": aid, "outlet": art["outlet"], **r})
    if quotes is None:
        quotes = extract_quotes(corpus, indirect=True, headlines=False)
    anon = quotes[(quotes["speaker_type"] == "anonymous") & (quotes["field"] == "text") & (quotes["speaker_start"] >= 0)]
    anon = anon.drop_duplicates(["article_id", "speaker_start"])
    taken = {(r["article_id"], r["start"]) for r in rows}
    for r in anon.itertuples(index=False):
        if any((r.article_id, s) in taken for s in range(r.speaker_start - 40, r.speaker_end)):
            continue
        rows.append({"article_id": r.article_id, "outlet": r.outlet, "start": r.speaker_start, "end": r.speaker_end,
                     "phrase": r.speaker_mention, "class": "anonymous speaker", "label": r.speaker})
    table = pd.DataFrame(rows, columns=["article_id", "outlet", "start", "end", "phrase", "class", "label"])
    order = {a: i for i, a in enumerate(corpus.articles.index)}
    return table.sort_values(["article_id", "start"], key=lambda c: c.map(order) if c.name == "article_id" else c, kind="stable").reset_index(drop=True)


def vague_sourcing_summary(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Vague-sourcing phrases per outlet and class, with the rate per 1,000 words."""
    counts = pd.crosstab(table["outlet"], table["class"]).reindex(index=corpus.outlets, fill_value=0)
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    words = corpus.articles.groupby("outlet", sort=False)["n_words"].sum().reindex(corpus.outlets)
    counts["per 1,000 words"] = (counts["total"] / words * 1000).round(1)
    return counts


def vague_finding(summary: pd.DataFrame) -> str:
    """A sentence on which outlet leans most on sources the reader cannot check."""
    if summary["total"].sum() == 0:
        return "No vague or anonymous sourcing phrase was found."
    top = summary.sort_values("per 1,000 words", ascending=False, kind="stable").iloc[0]
    none = [o for o, n in summary["total"].items() if n == 0]
    text = f"{top.name} uses the most vague or anonymous sourcing: {int(top['total'])} phrases, {top['per 1,000 words']} per 1,000 words."
    if none:
        text += f" None was found in {', '.join(none)}."
    return text


_SOURCE_BEFORE = re.compile(
    r"(?:according to|reported by|seen by|obtained by|cited by|quoted by|published by|citing|input from|reporting by|told to)"
    r"(?:\s+(?:the|a|an|[A-Z][\w’'.-]*|news|state|agency|newspaper|magazine|broadcaster|military|blog|wire|service|russian|ukrainian|us|british|influential))*\s*$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^[’']?s?\s*(?:,[^,]{0,60},\s*)?(?:has\s+|had\s+|also\s+|earlier\s+|later\s+)?"
    r"(?:said|says|reported|reports|reporting|cited|quoted|published|wrote|writes|added|claimed|described|confirmed|found|showed)\b"
)
_VENUE_BEFORE = re.compile(
    r"(?:told|tells|telling|tell|interview with|speaking to|spoke to|speaking with|spoke with|on|in|to|with)"
    r"(?:\s+(?:the|a|an|[A-Z][\w’'.-]*|us|news|broadcaster|channel|network|magazine|newspaper))*\s*$",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(r"^[’']?s?\s+(?:[A-Z][\w’'-]*\s+)*(?:interview|programme|program|show|broadcast|podcast)\b|^\s+(?:magazine\s+)?interview\b")


def _media_use(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 80]
    if _SOURCE_BEFORE.search(before):
        return "source"
    if _VENUE_AFTER.match(after) or _VENUE_BEFORE.search(before):
        return "venue"
    if _SOURCE_AFTER.match(after):
        return "source"
    return "mention"


def media_cited(corpus: Corpus) -> pd.DataFrame:
    """Every mention of a news medium (the register's entries of kind ``media``) in the articles.

    Quotations are left out (a medium named inside someone's words is not cited by the outlet).
    ``use`` says how the article cites it: ``source`` (the medium reported or said it:
    "according to Interfax", "Tass said", "a document seen by Reuters"), ``venue`` (where a
    speaker spoke: "told CBS", "in a TIME interview", "told the BBC"), or ``mention``;
    ``self`` marks an outlet naming itself ("CNN reported earlier").

    Returns:
        ``article_id``, ``outlet``, ``start``, ``end``, ``mention``, ``medium`` (canonical),
        ``use``, ``self``.
    """
    lex = load_lexicon()
    reg = lex.register

    rows = []
    for aid, art in corpus.articles.iterrows():
        text = art["text"]
        regions = quoted_regions(text)
        outlet_words = set(re.findall(r"\w+", str(art["outlet"]).lower()))
        for m in reg.find(text, roles=True):
            if reg.info(m.canonical).get("kind") != "media" or any(a <= m.start < b for a, b in regions):
                continue
            name_words = set(re.findall(r"\w+", m.canonical.lower()))
            rows.append({
                "article_id": aid, "outlet": art["outlet"], "start": m.start, "end": m.end, "mention": m.text,
                "medium": m.canonical, "use": _media_use(text, m.start, m.end), "self": bool(name_words & outlet_words),
            })
    return pd.DataFrame(rows, columns=["article_id", "outlet", "start", "end", "mention", "medium", "use", "self"])


def media_summary(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Media cited per outlet (rows) and medium (columns), self-mentions left out; cells are
    ``sources/venues/mentions`` counts written as "2 source, 1 venue"."""
    t = table[~table["self"]]
    if t.empty:
        return pd.DataFrame(index=pd.Index(corpus.outlets, name="outlet"))
    cells = t.groupby(["outlet", "medium", "use"]).size().unstack("use", fill_value=0)
    out = {}
    for (outlet, medium), r in cells.iterrows():
        out.setdefault(outlet, {})[medium] = ", ".join(f"{int(r[u])} {u}" for u in ("source", "venue", "mention") if u in r and r[u])
    media = sorted(t["medium"].unique(), key=lambda m: (-int((t["medium"] == m).sum()), m))
    return pd.DataFrame(out).T.reindex(index=corpus.outlets, columns=media).fillna("").rename_axis("outlet")


def media_finding(table: pd.DataFrame, corpus: Corpus) -> str:
    """A sentence on which media each outlet cites as a source."""
    t = table[(~table["self"]) & (table["use"] == "source")]
    if t.empty:
        return "No outlet cites another medium as the source of a claim."
    parts = []
    for outlet in corpus.outlets:
        media = sorted(t.loc[t["outlet"] == outlet, "medium"].unique())
        parts.append(f"{outlet}: {', '.join(media) if media else 'none'}")
    return "Media cited as the source of a claim (not just named): " + "; ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# One article, its quotes highlighted

# Light tints for text backgrounds (readable under black text); each speaker also gets a number,
# so colour is never the only cue.
_TINTS = ("#cfe3f3", "#fbe2b0", "#bfe6d8", "#f2d3e6", "#fff3a8", "#f6c9b0", "#d9d2f0", "#e6f5c9", "#dddddd", "#f0e0c8")


def most_quoted_article(quotes: pd.DataFrame, corpus: Corpus) -> str:
    """The article with the most quoted passages (the first in corpus order on a tie)."""
    v = quotes[(quotes["field"] == "text") & quotes["kind"].isin(VOICE_KINDS)]
    if v.empty:
        return corpus.articles.index[0]
    counts = v.groupby("article_id").size().reindex(corpus.articles.index, fill_value=0)
    return str(counts.idxmax())


def highlight_quotes_html(corpus: Corpus, quotes: pd.DataFrame, article_id: str) -> str:
    """The article's clean text as HTML, each quote highlighted and numbered by speaker.

    Every piece of article text goes through :func:`html.escape`. Each quote is a ``<mark>``
    with a tint per speaker and a bracketed speaker number after it (so the colour is never the
    only cue), and a ``title`` giving the speaker, kind and verb; a legend lists the numbers.
    """
    text = corpus.articles.loc[article_id, "text"]
    outlet = corpus.articles.loc[article_id, "outlet"]
    q = quotes[(quotes["article_id"] == article_id) & (quotes["field"] == "text") & (quotes["kind"] != "indirect")].sort_values("start")
    speakers = list(dict.fromkeys(s if s else "(no speaker)" for s in q["speaker"]))
    number = {s: i + 1 for i, s in enumerate(speakers)}
    out, pos = [], 0
    for r in q.itertuples(index=False):
        if r.start < pos:
            continue
        who = r.speaker or "(no speaker)"
        n = number[who]
        tint = _TINTS[(n - 1) % len(_TINTS)]
        tip = f"{who}: {r.kind}" + (f", {r.verb}" if r.verb else "")
        out.append(html.escape(text[pos : r.start]))
        out.append(
            f'<mark style="background:{tint};padding:0 2px;border-bottom:2px solid #555" title="{html.escape(tip, quote=True)}">'
            f"{html.escape(text[r.start : r.end])}</mark><sup>[{n}]</sup>"
        )
        pos = r.end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")
    legend = "".join(
        f'<li><span style="background:{_TINTS[(number[s] - 1) % len(_TINTS)]};padding:0 6px;border-bottom:2px solid #555">[{number[s]}]</span> '
        f"{html.escape(s)} ({int((q['speaker'].replace('', '(no speaker)') == s).sum())} passage{'s' if int((q['speaker'].replace('', '(no speaker)') == s).sum()) != 1 else ''})</li>"
        for s in speakers
    )
    return (
        f'<div class="samestory-quotes"><p><strong>{html.escape(str(outlet))}</strong>: '
        f"{len(q)} quoted passage{'s' if len(q) != 1 else ''}, {len(speakers)} speaker{'s' if len(speakers) != 1 else ''}. "
        "Each quote is highlighted and followed by its speaker's number.</p>"
        f'<ul style="list-style:none;padding-left:0;columns:2">{legend}</ul>'
        f'<div style="max-width:46em;line-height:1.6"><p>{body}</p></div></div>'
    )


# ---------------------------------------------------------------------------------------------
# The measured error rate (from the committed evaluation results)


def measured_error(path: str | Path = EVALUATION_FILE) -> pd.DataFrame:
    """The PolNeAR evaluation results written by ``python -m analysis.evaluate quotes``.

    Returns:
        One row per split (dev, train): articles, gold and predicted quotes, precision, recall,
        span F1, speaker and cue accuracy, and the derived error rates ``span error``
        (1 - F1) and ``speaker error`` (1 - speaker accuracy). Empty when the file is absent.
    """
    p = Path(path)
    if not p.is_file():
        return pd.DataFrame()
    data = json.loads(p.read_text(encoding="utf-8"))
    rows = []
    for split, r in data["results"].items():
        rows.append({
            "split": split, "articles": r["articles"], "gold quotes": r["gold_quotes"], "found": r["predicted_quotes"],
            "precision": r["precision"], "recall": r["recall"], "span F1": r["span_f1"],
            "speaker accuracy": r["speaker_accuracy"], "verb accuracy": r["cue_accuracy"],
            "span error": round(1 - r["span_f1"], 3), "speaker error": round(1 - r["speaker_accuracy"], 3),
        })
    table = pd.DataFrame(rows).set_index("split")
    table.attrs.update(date=data.get("date", ""), command=data.get("written_by", ""), dataset=data.get("dataset", ""))
    return table


def error_rate_sentence(path: str | Path = EVALUATION_FILE) -> str:
    """The measured error rate in plain words, for the place where results are shown."""
    table = measured_error(path)
    if table.empty or "dev" not in table.index:
        return "The quote finder's error rate has not been measured on this installation (run `python -m analysis.evaluate quotes`)."
    d = table.loc["dev"]
    return (
        f"**How far to trust these tables.** Measured on {int(d['articles'])} US news articles that people annotated "
        f"(PolNeAR's dev set, {d['gold quotes']:.0f} quoted passages), the quote finder misses {1 - d['recall']:.0%} of quotes, "
        f"{1 - d['precision']:.0%} of what it reports is not an annotated quote (span F1 {d['span F1']:.2f}), "
        f"and it names the wrong speaker for {d['speaker error']:.0%} of the quotes it finds "
        f"(written by `{table.attrs['command']}` on {table.attrs['date']}). "
        "Expect a few errors in every table below, and check a surprising number against the article."
    )


def error_rate_reminder(path: str | Path = EVALUATION_FILE) -> str:
    """One line to put under a table or figure: how large a difference the measured error can make."""
    table = measured_error(path)
    if table.empty or "dev" not in table.index:
        return "(The quote finder's error rate has not been measured on this installation.)"
    d = table.loc["dev"]
    return (
        f"*Measured error (PolNeAR dev): {1 - d['recall']:.0%} of quotes missed, {d['speaker error']:.0%} given the wrong speaker. "
        "A difference of a quote or two between outlets is within that error; read the quotes behind it in the table above.*"
    )
