"""Sourcing profiles: every quote of a corpus, and who each outlet lets speak and how it introduces them.

The quote finder works on one text at a time (:mod:`analysis.sourcing.quotes`);
:func:`extract_quotes` maps it over a corpus. The per-outlet tables of notebook 03 are built
from its rows: quotes per kind, voices by country and affiliation (:func:`voices`: quotes and
words quoted), reporting-verb stance (:func:`verb_stance`) and the same speaker's verbs across
outlets (:func:`same_speaker_verbs`).

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
    on the stance of reporting verbs (see ``data/reporting_verbs.csv``).
"""

from __future__ import annotations

import bisect

import pandas as pd

from ..corpus import Corpus
from ..safe import md_text
from .lexicon import STANCES, Lexicon, lexicon_for
from .quotes import quotes_in_text

__all__ = [
    "extract_quotes",
    "indirect_attributions",
    "QUOTE_COLUMNS",
    "quote_counts",
    "quote_table",
    "same_speaker_finding",
    "same_speaker_verbs",
    "top_speakers",
    "verb_stance",
    "verb_stance_finding",
    "VOICE_KINDS",
    "voices",
    "voices_finding",
]

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


def extract_quotes(corpus: Corpus, *, indirect: bool = False, headlines: bool = True, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every quote in the corpus, one row per quoted passage, with speaker and reporting verb.

    Args:
        corpus: a loaded corpus.
        indirect: also return attributions without quotation marks ("X said that ...",
            "according to X, ..."), as rows of kind ``indirect`` whose ``quote`` is the
            reported content.
        lexicon: the compiled resources; by default the package's read with the corpus's register
            and the people its text names (:func:`~analysis.sourcing.lexicon.lexicon_for`).
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
        ``speaks_for`` (the register entry a role speaks for: "Okafor’s spokesman" ->
        Marta Okafor), ``role_type``, ``affiliation``, ``country`` (from the register,
        for the speaker or the entry it speaks for; empty otherwise), ``via`` (how the speaker was found: register, name, pronoun,
        description, role, previous quote), ``speaker_mention`` / ``speaker_start`` /
        ``speaker_end`` (the words read as the speaker), ``verb`` (as written, lower case),
        ``verb_lemma``, ``stance`` (neutral, distancing, factive, emotive, directive),
        ``verb_start``/``verb_end``, ``cue_position`` (after, before, parenthetical, label,
        according, inherited, subject), ``words`` and ``closed`` (the passage had its closing mark).

    References:
        Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC 2016
        (source, cue and content: the parts of a quote found here).
        Newell, C., Margolin, D. & Ruths, D. (2018). An attribution relations corpus for
        political news. LREC 2018 (PolNeAR: the annotated data the error rates are measured on,
        ``python -m analysis.evaluate quotes``; the method: :mod:`analysis.sourcing.quotes`).
        Asr, F. T. et al. (2021). The Gender Gap Tracker: Using natural language processing to
        measure gender bias in media. PLOS ONE 16(1), e0245533 (speakers and their quotes).
        Bergler, S. (1992). Evidential analysis of reported speech. PhD thesis, Brandeis
        University (the stance of reporting verbs, ``data/reporting_verbs.csv``).

    Example:
        >>> from analysis.corpus import corpus_from_frame
        >>> import pandas as pd
        >>> tiny = corpus_from_frame(pd.DataFrame({"article_id": ["a1"], "outlet": ["Alpha"],
        ...     "text": ["“We will not accept it,” the mayor said on Monday."]}))
        >>> extract_quotes(tiny)[["kind", "quote", "verb"]].values.tolist()
        [['direct', 'We will not accept it,', 'said']]
    """
    lex = lexicon or lexicon_for(corpus)
    # Plain lists, grouped by article in one pass (no DataFrame per article, no row Series).
    paras: dict = {}
    p = corpus.paragraphs()
    for aid, a, b in zip(p["article_id"].tolist(), p["start"].tolist(), p["end"].tolist()):
        paras.setdefault(aid, []).append((a, b))
    sents = corpus.sentences()
    sent_index: dict = {}
    for aid, a, number in zip(sents["article_id"].tolist(), sents["start"].tolist(), sents["sentence"].tolist()):
        starts, numbers = sent_index.setdefault(aid, ([], []))
        starts.append(a)
        numbers.append(number)
    arts = corpus.articles
    heads = arts["headline"].tolist() if headlines and "headline" in arts.columns else [""] * len(arts)
    rows = []
    for aid, text, outlet, headline in zip(arts.index.tolist(), arts["text"].tolist(), arts["outlet"].tolist(), heads):
        found = quotes_in_text(text, headline=headline or "", paragraphs=paras.get(aid), indirect=indirect, lexicon=lex)
        starts, numbers = sent_index.get(aid, ([], []))
        for r in found:
            r["article_id"], r["outlet"] = aid, outlet
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

    References:
        Asr et al. (2021), "The Gender Gap Tracker", PLOS ONE 16(1): voices counted by quotes and
        by words quoted.
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
        t = table[(table["outlet"] == outlet) & ~table["country"].isin(["unknown", "unregistered", "(not given in the register)"])]
        total = int(table.loc[table["outlet"] == outlet, "words"].sum())
        if t.empty or total == 0:
            parts.append(f"{md_text(outlet)} quotes nobody whose country the register knows")
            continue
        top = t.iloc[0]
        parts.append(f"{md_text(outlet)} gives {top['share']:.0%} of its {total} quoted words to speakers from {md_text(top['country'])}")
    text = "; ".join(parts) + "."
    if len(corpus.outlets) < 2:
        text += " Comparing outlets needs a corpus of at least two."
    return text


# ---------------------------------------------------------------------------------------------
# Reporting verbs


def verb_stance(quotes: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Attributions per outlet and stance class of their reporting verb.

    Counts every quote and indirect attribution whose cue is a verb of the lexicon (a colon or
    an inherited cue is not counted twice: one count per quotation).

    Args:
        quotes: from :func:`extract_quotes` (with ``indirect=True`` to count reported speech too).
        corpus: the corpus (for the outlet order).

    Returns:
        One row per outlet: a column per stance class (neutral, distancing, factive, emotive,
        directive), ``total``, ``non-neutral share``, and ``verbs`` (the non-neutral verbs used,
        most frequent first).

    References:
        Bergler (1992); Caldas-Coulthard (1994): the stance classes (``data/reporting_verbs.csv``).
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
        f"{md_text(top.name)} uses the most verbs that colour the words they introduce: {top['non-neutral share']:.0%} of its attributions"
    )
    text += f" ({md_text(top['verbs'])})." if top["verbs"] else "."
    return text


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

    References:
        Bergler (1992), "Evidential analysis of reported speech": the stance of a reporting verb.
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
                parts.append(f"{md_text(outlet)} for {md_text(row['speaker'])}: {', '.join(map(md_text, loaded))}")
    n = len(table)
    head = f"{n} speaker{'s are' if n != 1 else ' is'} quoted by two outlets or more."
    if not parts:
        return head + " Every outlet introduces them with neutral verbs."
    return head + " The verbs that are not neutral, by outlet and speaker: " + "; ".join(parts) + "."
