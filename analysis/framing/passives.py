"""Passives: constructions that can leave out who acted, with the by-agent when there is one.

A news sentence can name the one who acted ("A Russian drone killed three people"), name them after
"by" ("was killed by a bomb"), or leave them out ("was killed in a car bombing"). Leaving out the
agent is a choice a reader can notice (Trew 1979; Fowler 1991, ch. 5). This module finds, by rule,
**passives** (:func:`find_passives` in a text, :func:`passives` over a corpus): a form of "be"
("is", "was", "been", "being", "it's" ...) or of "get" ("got killed"), then up to four adverbs,
commas or quote marks ("was not well liked", "were, however, killed"), then a past participle: a
word in -ed or an irregular participle from ``data/irregular_participles.txt`` (prefixed forms such
as "outspent" and "undone" included). The agent is a "by" phrase after the participle, within the
same clause, that does not name a time or a means ("by Friday", "by the end of the week", "by
phone", "by refusing"). :func:`passive_summary` counts them per outlet, :func:`passive_figure`
(titled by :func:`passive_title`) draws them and :func:`passive_finding` puts them in words.

How good the rules are is measured on hand-labelled sentences from the seed articles and
from PolNeAR (``python -m analysis.evaluate passives``; the figures are in the README).

Limits (word rules, :mod:`analysis.framing.grammar`):

- Participles that are adjectives after "be" ("is tired", "was prepared to", "are used to", "very
  troubled") are excluded by lists and by the "very" test (an intensifier before the participle,
  Quirk et al. 1985, §3.74); an adjective in -ed that is on no list is taken for a participle.
- Reduced relatives without "be" ("a peninsula seized by Russia", "the proposals, published by
  Reuters") are not counted as passives (:mod:`analysis.framing.violence` reports a violence verb
  in that form followed by "by" with voice "passive (reduced)").
- A second participle that shares the first one's "be" ("was placed in his car and rigged with
  shrapnel") is not found; nor is a passive whose "be" is misspelt.

References:
    Quirk, R., Greenbaum, S., Leech, G. & Svartvik, J. (1985). A Comprehensive Grammar of the English
    Language. Longman. §3.63-3.78 (the passive, get-passives, the agent, adjectival participles).
    Trew, T. (1979). "Theory and ideology at work." In R. Fowler et al., Language and Control. Routledge.
    Fowler, R. (1991). Language in the News: Discourse and Ideology in the Press. Routledge, ch. 5.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..plots import finish_figure, outlet_colors
from ..safe import md_text
from .grammar import OPEN_PUNCT, QUOTES, Token, Words, is_adverb, is_be, load_words, tokenize, verb_group_start

__all__ = [
    "agent_after",
    "find_passives",
    "Passive",
    "passive_figure",
    "passive_finding",
    "passive_summary",
    "passive_title",
    "passive_tokens",
    "passives",
]

_PREFIXES = ("out", "over", "under", "re", "mis", "fore", "with", "up", "co")
_MAX_GAP = 4
_AGENT_WINDOW = 8
_AGENT_MAX_WORDS = 8


@dataclass(frozen=True)
class Passive:
    """One passive construction, with character offsets into the text given.

    Attributes:
        start: start of the verb group (the first auxiliary: "could" in "could have been reached").
        end: end of the participle.
        verb_group: the words from ``start`` to ``end``.
        kind: "be" or "get".
        participle: the past participle.
        participle_start: its offset.
        agent: the by-phrase's words after "by", or "" when there is none.
        agent_start: offset of the agent words, -1 when there is none.
        agent_end: end of the agent words, -1 when there is none.
    """

    start: int
    end: int
    verb_group: str
    kind: str
    participle: str
    participle_start: int
    agent: str
    agent_start: int
    agent_end: int

    @property
    def has_agent(self) -> bool:
        return self.agent_start >= 0


def _is_participle(tok: Token, w: Words) -> bool:
    word = tok.norm
    if not tok.text[:1].islower() or "-" in word or "'" in word or not word.isalpha():
        return False
    if word in w.passive_participles:
        return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and word[len(prefix):] in w.passive_participles:
            return True
    return len(word) >= 4 and word.endswith("ed") and word not in w.not_participles


def _after_have(tokens: list[Token], i: int, w: Words) -> bool:
    """True when the get-form at ``i`` follows a form of "have" ("we've got", "has got to")."""
    j = i - 1
    while j >= 0 and is_adverb(tokens[j], w):
        j -= 1
    if j < 0:
        return False
    prev = tokens[j].norm
    return prev in w.have or prev.endswith(("'ve", "'d")) or (prev.endswith("'s") and prev[:-2] in w.be_hosts)


def agent_after(tokens: list[Token], j: int, w: Words) -> tuple[int, int] | None:
    """Token index range [a, b) of a by-agent after the participle at ``j``, or None."""
    n = len(tokens)
    k = j + 1
    steps = 0
    while k < n and steps < _AGENT_WINDOW:
        tok = tokens[k]
        if tok.text in OPEN_PUNCT or tok.norm in w.clause_breaks or tok.text in (".", "!", "?"):
            return None
        if is_be(tok, w) or tok.norm in w.modals:
            return None  # "was supposed | to be escorted by ...": the by-phrase belongs to the next verb
        if tok.norm == "by":
            if k + 1 >= n:
                return None
            first = tokens[k + 1]
            if first.norm in w.not_agent or first.text[:1].isdigit() or first.text in OPEN_PUNCT:
                return None
            if first.norm.endswith("ing") and first.text[:1].islower():
                return None  # "by refusing": a means, not an agent
            if first.norm == "the" and k + 2 < n and tokens[k + 2].norm in w.not_agent_after_the:
                return None
            a = k + 1
            b = a
            while b < n and b - a < _AGENT_MAX_WORDS:
                t = tokens[b]
                if t.text in OPEN_PUNCT or t.text in (".", "!", "?", "”", "\"") or (b > a and t.norm in w.agent_stops):
                    break
                b += 1
            return (a, b) if b > a else None
        k += 1
        steps += 1
    return None


def passive_tokens(
    tokens: list[Token], text: str, offset: int, w: Words, get_passives: bool
) -> list[tuple[Passive, int, int, tuple[int, int] | None]]:
    """Passives with token indices: (passive, first token of the verb group, participle, agent range)."""
    out = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if is_be(tok, w):
            kind = "be"
        elif get_passives and tok.norm in w.get and not _after_have(tokens, i, w):
            kind = "get"
        else:
            continue
        j = i + 1
        gap: list[Token] = []
        later_aux = False
        while j < n and len(gap) < _MAX_GAP:
            t = tokens[j]
            if kind == "be" and is_be(t, w):
                later_aux = True
                break
            if is_adverb(t, w) or t.norm in w.intensifiers or t.text == "," or t.text in QUOTES:
                gap.append(t)
                j += 1
                continue
            if j + 1 < n and (t.norm, tokens[j + 1].norm) in w.adverb_phrases:
                gap += [t, tokens[j + 1]]
                j += 2
                continue
            break
        if later_aux or j >= n or not _is_participle(tokens[j], w):
            continue
        part = tokens[j]
        agent = agent_after(tokens, j, w)
        nxt = tokens[j + 1].norm if j + 1 < n else ""
        adjectival = part.norm in w.adjectival or nxt in w.adjectival_before.get(part.norm, ())
        if agent is None and adjectival:
            continue
        if any(g.norm in w.intensifiers for g in gap):
            continue
        if kind == "get" and len([g for g in gap if g.text not in QUOTES]) > 2:
            continue
        first = verb_group_start(tokens, i, w)
        out.append(_passive(tokens, text, offset, kind, first, j, agent))
        for k in _coordinated_participles(tokens, j, w):
            out.append(_passive(tokens, text, offset, kind, first, k, agent_after(tokens, k, w)))
    return out


def _passive(tokens, text, offset, kind, first, j, agent):
    start, part = tokens[first].start, tokens[j]
    if agent is None:
        agent_text, a_start, a_end = "", -1, -1
    else:
        a_start, a_end = tokens[agent[0]].start, tokens[agent[1] - 1].end
        agent_text = text[a_start - offset : a_end - offset]
    group = text[start - offset : part.end - offset]
    passive = Passive(start, part.end, group, kind, part.text, part.start, agent_text, a_start, a_end)
    return passive, first, j, agent


def _coordinated_participles(tokens: list[Token], j: int, w: Words) -> list[int]:
    """Participles that share the auxiliary of the participle at ``j``: "will be discussed and
    resolved", "was placed in his car and rigged with shrapnel", "has not been charged with nor
    convicted of". A coordinated participle counts only when a preposition, "by" or punctuation
    follows it (so "was elected and served two terms" is not read as "was served")."""
    out = []
    n = len(tokens)
    k = j + 1
    while k < n and k - j <= 8:
        t = tokens[k]
        if t.text in (".", ";", ":", "!", "?") or is_be(t, w) or (t.norm in w.modals and t.norm != "to"):
            break
        if t.norm in ("and", "or", "nor", "but") and t.text[:1].islower():
            m = k + 1
            while m < n and is_adverb(tokens[m], w):
                m += 1
            if m < n and _is_participle(tokens[m], w) and tokens[m].norm not in w.adjectival:
                after = tokens[m + 1] if m + 1 < n else None
                if after is None or after.text in OPEN_PUNCT or after.text in (".", "!", "?") or after.norm in w.prepositions:
                    out.append(m)
                    k = m + 1
                    continue
            break
        k += 1
    return out


def find_passives(text: str, *, get_passives: bool = True, offset: int = 0, words: Words | None = None) -> list[Passive]:
    """Passive constructions in ``text`` (a sentence or more), in order.

    Args:
        text: the text to search.
        get_passives: also count "get" + participle ("got killed"). On by default; "have got"
            ("we've got limited time", "has got to") and adjectival participles ("got married",
            "getting frustrated") are never counted.
        offset: added to every offset (pass a sentence's start to get offsets into the article).
        words: the rules' word lists; the package's own by default.

    Returns:
        A list of :class:`Passive`.

    References:
        Quirk et al. (1985), §3.63-3.78: be- and get-passives, the agent, adjectival participles.

    Example:
        >>> [(p.verb_group, p.agent) for p in find_passives("The general was killed by a bomb; talks were held.")]
        [('was killed', 'a bomb'), ('were held', '')]
    """
    w = words or load_words()
    return [p for p, *_ in passive_tokens(tokenize(text, offset), text, offset, w, get_passives)]


def passives(corpus: Corpus, *, get_passives: bool = True) -> pd.DataFrame:
    """Every passive in a corpus, one row per construction.

    Args:
        corpus: a loaded :class:`~analysis.corpus.Corpus`.
        get_passives: also count get-passives (see :func:`find_passives`).

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``paragraph``, ``start``, ``end``
        (offsets of the verb group in the clean text), ``verb_group``, ``kind`` (be or get),
        ``participle``, ``agent`` ("" when none), ``has_agent``, ``text`` (the sentence).

    References:
        Trew (1979); Fowler (1991), ch. 5: the agentless passive as a choice in news.
    """
    w = load_words()
    rows = []
    for s in corpus.sentences().itertuples(index=False):
        for p in find_passives(s.text, get_passives=get_passives, offset=s.start, words=w):
            rows.append(
                (s.article_id, s.outlet, s.sentence, s.paragraph, p.start, p.end, p.verb_group, p.kind,
                 p.participle, p.agent, p.has_agent, s.text)
            )
    cols = ["article_id", "outlet", "sentence", "paragraph", "start", "end", "verb_group", "kind", "participle",
            "agent", "has_agent", "text"]
    # Typed columns even when no passive is found: an empty ``has_agent`` of dtype object would make
    # ``table[~table["has_agent"]]`` a selection of columns (none) instead of a selection of rows.
    return pd.DataFrame(rows, columns=cols).astype(
        {"sentence": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "has_agent": "bool"}
    )


def passive_summary(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Passives per outlet: how many, how many name their agent, and rates per 1,000 words.

    Args:
        table: the output of :func:`passives`.
        corpus: the corpus it came from (for word counts and the outlet order).

    Returns:
        One row per outlet (metadata order): ``outlet``, ``words``, ``passives``, ``with_agent``,
        ``agentless``, ``share_agentless``, ``passives_per_1000_words``, ``agentless_per_1000_words``.
    """
    words = corpus.articles.groupby("outlet")["n_words"].sum()
    rows = []
    for outlet in corpus.outlets:
        t = table[table["outlet"] == outlet]
        n, with_agent = len(t), int(t["has_agent"].sum())
        rows.append(
            {
                "outlet": outlet, "words": int(words[outlet]), "passives": n, "with_agent": with_agent,
                "agentless": n - with_agent, "share_agentless": round((n - with_agent) / n, 3) if n else 0.0,
                "passives_per_1000_words": round(1000 * n / words[outlet], 2),
                "agentless_per_1000_words": round(1000 * (n - with_agent) / words[outlet], 2),
            }
        )
    return pd.DataFrame(rows)


def passive_figure(summary: pd.DataFrame, corpus: Corpus) -> Figure:
    """Passives per 1,000 words per outlet: agentless (solid) and with a by-agent (hatched), outlet colours."""
    colors = outlet_colors(corpus.outlets)
    data = summary.set_index("outlet").reindex(corpus.outlets)
    with_agent = (data["passives_per_1000_words"] - data["agentless_per_1000_words"]).round(2)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(data) + 1.6))
    y = range(len(data))[::-1]
    ax.barh(list(y), data["agentless_per_1000_words"], color=[colors[o] for o in data.index], label="agent left out")
    ax.barh(list(y), with_agent, left=data["agentless_per_1000_words"], color="white",
            edgecolor=[colors[o] for o in data.index], hatch="///", label="agent named after “by”")
    for yy, r in zip(y, data.itertuples()):
        label = (f"  {int(r.agentless)} of {int(r.passives)} passives leave the agent out" if r.passives
                 else "  no passive construction found")
        ax.text(r.passives_per_1000_words, yy, label, va="center", fontsize=8.5)
    ax.set_yticks(list(y), list(data.index))
    ax.set_xlim(0, max(1.0, float(data["passives_per_1000_words"].max())) * 1.9)
    ax.set_xlabel("Passive constructions per 1,000 words")
    return finish_figure(fig, ax, title=passive_title(summary))


def passive_title(summary: pd.DataFrame) -> str:
    """The finding for the passives figure: who leaves the agent out most often per 1,000 words."""
    if summary["passives"].sum() == 0:
        return "No passive construction found"
    top = summary.sort_values(["agentless_per_1000_words", "outlet"], ascending=[False, True]).iloc[0]
    if len(summary) == 1:
        return f"{top['outlet']}: {top['agentless_per_1000_words']:g} agentless passives per 1,000 words"
    return f"{top['outlet']} leaves the agent out most often: {top['agentless_per_1000_words']:g} agentless passives per 1,000 words"


def passive_finding(summary: pd.DataFrame, violence_table: pd.DataFrame | None = None) -> str:
    """Sentences on passives and, if given, on violence verbs whose doer is left out (computed)."""
    if summary["passives"].sum() == 0:
        return "The rules find no passive construction in the corpus."
    parts = [f"{md_text(r.outlet)}: {r.agentless} of {r.passives} passives name no agent ({r.agentless_per_1000_words:g} per 1,000 words)"
             if r.passives else f"{md_text(r.outlet)}: no passive" for r in summary.itertuples()]
    text = "; ".join(parts) + "."
    if violence_table is not None and len(violence_table):
        left = violence_table[violence_table["doer_status"] == "left out"]
        if len(left):
            by = left.groupby("outlet", sort=False).size()
            text += (" Violence verbs whose doer is left out (a passive with no “by”): "
                     + ", ".join(f"{md_text(o)} {n}" for o, n in by.items()) + ". The table below lists each one.")
    if len(summary) < 2:
        text += " Comparing outlets needs at least two."
    return text
