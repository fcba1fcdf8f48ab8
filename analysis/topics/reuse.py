"""Text reuse between outlets: passages two articles share nearly word for word, and whose words they are.

Two outlets can print the same words for two reasons. Either both took the same wire copy
(Reuters, AFP, AP) and kept its sentences (**shared narration**: reuse), or both quote the
same speaker (**shared quotation**: the words are the speaker's, and any outlet quoting them
faithfully prints them alike; that is not reuse). This module finds the passages and tells the
two apart by whether the shared words stand inside quote marks.

**Finding passages** (:func:`align_pair`) is seed-and-extend, as in the text-reuse and
"viral texts" work: every word n-gram (3 words by default) the two articles share is a seed;
seeds on one diagonal (the same offset between the texts) join into exact runs; runs that
follow each other within a few words in both texts join into one candidate passage, which
lets a passage survive small edits ("the future size of Ukraine's armed forces" / "the size of
the Ukrainian military"); each candidate is then aligned word by word (difflib's
``SequenceMatcher``, Ratcliff/Obershelp) and kept when at least ``min_words`` words match.

**Stock phrases**: outlets that never shared copy still print the same common phrases ("the
unemployment rate fell to 7.7 percent in November", "Russia and Ukraine have not held direct
talks"). A passage shared outside quotes counts as narration (wire copy) only when at least
``min_rare_words`` of its matched words are uncommon in English at large: rarer than the commonest
words by the background frequencies of ``wordfreq`` (Zipf frequency under :data:`RARE_ZIPF`;
numbers are never counted, since "7.7" is as common as a number is). Otherwise it is a **stock
phrase**, not reuse.

**Candidate pairs** (:func:`candidate_pairs`): only articles that share enough word n-grams are
aligned; the n-grams printed in very many articles (the stock phrases of the genre) make no pair
by themselves, so the cost grows with the pairs that share text, not with all pairs of articles.

**Telling quotation from narration**: quote marks are read by the package's one reader of
them (:func:`analysis.corpus.marks.quoted_regions`), each matched word is marked as inside or
outside quotes in each article, and the passage is a shared quotation when most of its matched
words are quoted in both articles, shared narration when in neither, and "quoted by one only"
when one outlet quotes what the other prints as its own narration.

Every step on one article (:func:`word_tokens`, :func:`quoted_words`) is
pure and vectorised over its words, so articles can be prepared in parallel and pairs aligned
independently.

References:
    Broder (1997), "On the resemblance and containment of documents" (shingling). Clough,
    Gaizauskas, Piao & Wilks (2002), "METER: MEasuring TExt Reuse", ACL (reuse of press-agency
    copy by newspapers). Smith, Cordell & Mullen (2015), "Computational methods for uncovering
    reprinted texts in antebellum newspapers", American Literary History 27 (n-gram seeds and
    local alignment). Ratcliff & Metzener (1988), "Pattern matching: the gestalt approach", Dr.
    Dobb's Journal (difflib's matcher). Speer (2022), wordfreq v3.0, Zenodo,
    doi:10.5281/zenodo.7199437 (the background frequencies).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations
from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..safe import md_text
from ..corpus import Corpus
from ..corpus.marks import quoted_regions
from ..plots import finish_figure, outlet_colors

__all__ = [
    "align_pair",
    "candidate_pairs",
    "ngram_index",
    "rare_word_count",
    "RARE_ZIPF",
    "Kind",
    "Match",
    "normalise_word",
    "pair_overlap",
    "quoted_words",
    "reuse_figure",
    "reuse_finding",
    "shared_passages",
    "word_tokens",
    "Words",
    "words_in_spans",
]

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")

Kind = Literal["shared narration", "shared quotation", "quoted by one only", "stock phrase"]

RARE_ZIPF = 4.5
"""A word is uncommon when its Zipf frequency in English at large (wordfreq: log10 of uses per
billion words) is under 4.5: rarer than about one use in 30,000 words ("unemployment" 4.2,
"sanctions" 4.0, "envoy" 3.5 are; "rate" 5.1, "percent" 5.0, "talks" 4.6 are not)."""


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def rare_word_count(words: Iterable[str], *, rare_zipf: float = RARE_ZIPF) -> int:
    """How many of the words (normalised, as :func:`word_tokens` gives them) are uncommon in English
    at large (Zipf frequency under ``rare_zipf``); numbers never count.

    Example:
        >>> rare_word_count("the unemployment rate fell to 7 7 percent".split())
        1
    """
    return sum(1 for w in words if not any(ch.isdigit() for ch in w) and _zipf(w) < rare_zipf)


@dataclass(frozen=True)
class Words:
    """The words of one text: normalised forms and character offsets (see :func:`word_tokens`)."""

    norm: tuple[str, ...]
    start: np.ndarray
    end: np.ndarray


_IZE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$")


def normalise_word(word: str) -> str:
    """Lower case, ``’`` as ``'``, and British ``-ise`` spellings as American ``-ize``.

    Applied to both texts alike, so the spelling rule can only make variants of one word meet
    ("recognising" / "recognizing"); it cannot make two different words equal that were not
    spelling variants of each other, except words that differ only in that ending.
    """
    return _IZE.sub(r"iz\1", word.lower().replace("’", "'"))


def word_tokens(text: str) -> Words:
    """The words of a text (letters and digits, inner apostrophes kept), normalised by :func:`normalise_word`.

    Punctuation is not a word, so "off,’”" and "off’,“" align.
    """
    ms = list(_WORD.finditer(text))
    return Words(
        norm=tuple(normalise_word(m.group()) for m in ms),
        start=np.array([m.start() for m in ms], dtype=int),
        end=np.array([m.end() for m in ms], dtype=int),
    )


def quoted_words(words: Words, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each word, whether it stands inside one of the quote spans (vectorised).

    Args:
        words: from :func:`word_tokens`.
        spans: the quote spans of the same text, sorted and not overlapping
            (:func:`analysis.corpus.marks.quoted_regions`).

    Returns:
        One bool per word: True when the whole word is inside a span.
    """
    if not len(spans) or not len(words.start):
        return np.zeros(len(words.start), dtype=bool)
    starts = np.array([s for s, _ in spans])
    ends = np.array([e for _, e in spans])
    k = np.searchsorted(starts, words.start, side="right") - 1
    return (k >= 0) & (words.end <= ends[np.clip(k, 0, None)])


@dataclass(frozen=True)
class Match:
    """One aligned passage: word ranges ``[a0, a1)`` and ``[b0, b1)`` and the matched word pairs."""

    a0: int
    a1: int
    b0: int
    b1: int
    pairs: tuple[tuple[int, int], ...]


def ngram_index(words: Sequence[str], ngram: int = 3) -> dict[tuple[str, ...], list[int]]:
    """Where each word n-gram of a text starts (made once per article, used for every pair it is in)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(words) - ngram + 1):
        index[tuple(words[j : j + ngram])].append(j)
    return index


def align_pair(a: Sequence[str], b: Sequence[str], *, ngram: int = 3, max_gap: int = 4, min_words: int = 8,
               index_b: dict[tuple[str, ...], list[int]] | None = None) -> list[Match]:
    """Passages two word sequences share: shared n-gram seeds, chained, then aligned word by word.

    Args:
        a: the words of one text (normalised).
        b: the words of the other.
        ngram: the seed length in words.
        max_gap: the most words that may separate two runs of seeds, in either text, for them
            to join one passage.
        min_words: the fewest matched words a passage must have.
        index_b: :func:`ngram_index` of ``b`` with the same ``ngram``, if already made.

    Returns:
        One :class:`Match` per passage, in the order of ``a``.
    """
    if len(a) < ngram or len(b) < ngram:
        return []
    index = index_b if index_b is not None else ngram_index(b, ngram)
    diagonals: dict[int, list[int]] = defaultdict(list)
    for i in range(len(a) - ngram + 1):
        for j in index.get(tuple(a[i : i + ngram]), ()):
            diagonals[j - i].append(i)
    runs = []
    for d, starts in diagonals.items():
        starts.sort()
        r0 = prev = starts[0]
        for i in starts[1:]:
            if i > prev + 1:
                runs.append((r0, prev + ngram, r0 + d, prev + ngram + d))
                r0 = i
            prev = i
        runs.append((r0, prev + ngram, r0 + d, prev + ngram + d))
    runs.sort()
    chains: list[list[int]] = []
    active: list[list[int]] = []  # chains a later run can still join (runs come in order of a0)
    for a0, a1, b0, b1 in runs:
        active = [c for c in active if a0 - c[1] <= max_gap]
        for c in active:
            if -ngram < a0 - c[1] <= max_gap and -ngram < b0 - c[3] <= max_gap:
                c[1], c[3] = max(c[1], a1), max(c[3], b1)
                c[2] = min(c[2], b0)
                break
        else:
            chain = [a0, a1, b0, b1]
            chains.append(chain)
            active.append(chain)
    candidates = []
    for a0, a1, b0, b1 in sorted(chains):
        sm = SequenceMatcher(None, list(a[a0:a1]), list(b[b0:b1]), autojunk=False)
        pairs = tuple((a0 + blk.a + k, b0 + blk.b + k) for blk in sm.get_matching_blocks() for k in range(blk.size))
        if len(pairs) >= min_words:
            candidates.append(pairs)
    # One to one: a word of either text belongs to one passage at most. The longest passages
    # choose first; a shorter one keeps only its unused word pairs, if enough remain. (A phrase
    # that the one article repeats, "very close to a deal", is then not matched twice.)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for pairs in sorted(candidates, key=lambda p: (-len(p), p[0])):
        pairs = tuple(p for p in pairs if p[0] not in used_a and p[1] not in used_b)
        if len(pairs) < min_words:
            continue
        used_a.update(p[0] for p in pairs)
        used_b.update(p[1] for p in pairs)
        out.append(Match(pairs[0][0], pairs[-1][0] + 1, min(p[1] for p in pairs), max(p[1] for p in pairs) + 1, pairs))
    return sorted(out, key=lambda m: (m.a0, m.b0))


def words_in_spans(words: Words, spans: Iterable[tuple[int, int]], text_length: int) -> int:
    """How many of the words start inside one of the character spans (a word counts once, however many spans cover it).

    Args:
        words: from :func:`word_tokens`.
        spans: ``(start, end)`` character offsets into the same text; they may overlap.
        text_length: the length of the text.

    Returns:
        The number of words covered.
    """
    covered = np.zeros(text_length, dtype=bool)
    for s, e in spans:
        covered[s:e] = True
    return int(covered[words.start].sum())


def _kind(qa: float, qb: float) -> Kind:
    if qa >= 0.5 and qb >= 0.5:
        return "shared quotation"
    if qa < 0.5 and qb < 0.5:
        return "shared narration"
    return "quoted by one only"


def _prepared(corpus: Corpus) -> dict[str, tuple[Words, np.ndarray]]:
    out = {}
    for aid, text in corpus.articles["text"].items():
        w = word_tokens(text)
        out[aid] = (w, quoted_words(w, quoted_regions(text)))
    return out


def candidate_pairs(prepared: dict[str, Words], outlets: dict[str, str], *, ngram: int = 5, min_shared: int = 1,
                    max_df: int | None = None, max_partners: int = 30) -> list[tuple[str, str]]:
    """Pairs of articles of different outlets worth aligning: those that share ``min_shared`` word n-grams.

    Through an inverted index of n-grams; an n-gram printed in more than ``max_df`` articles makes
    no pair (the genre's stock phrases would pair every article with every other). Pairs come
    in corpus order.

    Args:
        prepared: article id -> :class:`Words`, in corpus order.
        outlets: article id -> outlet.
        ngram: n-gram length in words (five: a shared quotation has at least five words).
        min_shared: the fewest distinct n-grams a pair must share.
        max_df: None: the larger of 20 and twice the square root of the number of articles (63
            of 1,000): an n-gram printed in more articles than that is the genre's, not a copy's.
        max_partners: each article keeps the partners it shares the most n-grams with, this many
            at most (a pair stays when either article keeps it), so the pairs grow with the
            articles, not with their square; exact for an article that shares text with this
            many others or fewer.

    Returns:
        ``[(article_a, article_b), ...]``.

    References:
        Broder (1997), "On the resemblance and containment of documents" (shingling).
    """
    ids = list(prepared)
    pos = {a: k for k, a in enumerate(ids)}
    cap = max_df if max_df is not None else max(20, int(2 * len(ids) ** 0.5))
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for k, aid in enumerate(ids):
        w = prepared[aid].norm
        for g in {tuple(w[i : i + ngram]) for i in range(len(w) - ngram + 1)}:
            index[g].append(k)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for arts in index.values():
        if len(arts) < 2 or len(arts) > cap:
            continue
        for x, y in combinations(arts, 2):
            shared[(x, y)] += 1
    mates: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (x, y), n in shared.items():
        if n >= min_shared and outlets[ids[x]] != outlets[ids[y]]:
            mates[x].append((-n, y))
            mates[y].append((-n, x))
    kept = set()
    for x, m in mates.items():
        for _, y in sorted(m)[:max_partners]:
            kept.add((min(x, y), max(x, y)))
    return [(ids[x], ids[y]) for x, y in sorted(kept)]


def shared_passages(
    corpus: Corpus, *, ngram: int = 3, max_gap: int = 4, min_words: int = 8, min_quote_words: int = 5,
    min_rare_words: int = 3,
) -> pd.DataFrame:
    """Passages shared nearly word for word by articles of different outlets, each classed as narration or quotation.

    Args:
        corpus: a loaded corpus.
        ngram: seed length in words (:func:`align_pair`).
        max_gap: words allowed between two runs of a passage.
        min_words: fewest matched words in a passage. Eight words in a row is more than set
            phrases and titles give ("US President Donald Trump's special envoy" is seven).
        min_quote_words: fewest matched words in a shared quotation: the same five words of a
            speaker inside quote marks in two outlets ("Crimea will stay with Russia") are one
            quote, however common the words.
        min_rare_words: fewest uncommon matched words (:func:`rare_word_count`) a passage told
            outside quotes needs to be shared narration; with fewer it is a ``"stock phrase"``.

    Returns:
        One row per passage and pair of articles: ``outlet_a``, ``outlet_b``, ``kind``
        (``"shared narration"``, ``"shared quotation"``, ``"quoted by one only"`` or ``"stock
        phrase"``), ``words`` (matched words), ``rare_words`` (of them, uncommon in English),
        ``similarity`` (2 x matched / words of both passages), ``quoted_a``,
        ``quoted_b`` (share of the matched words inside quote marks in each article),
        ``article_a``, ``start_a``, ``end_a``, ``text_a``, and the same for ``b``. Articles
        are paired in corpus order (``a`` before ``b``); empty with fewer than two outlets.
    """
    cols = [
        "outlet_a", "outlet_b", "kind", "words", "rare_words", "similarity", "quoted_a", "quoted_b",
        "article_a", "start_a", "end_a", "text_a", "article_b", "start_b", "end_b", "text_b",
    ]
    arts = corpus.articles
    prep = _prepared(corpus)
    outlet = arts["outlet"].to_dict()
    texts = arts["text"].to_dict()
    seed_words = min(min_words, min_quote_words)
    pairs = candidate_pairs({a: prep[a][0] for a in arts.index}, outlet, ngram=seed_words)
    indexes: dict[str, dict] = {}
    rows = []
    for ia, ib in pairs:
        (wa, qa), (wb, qb) = prep[ia], prep[ib]
        if ib not in indexes:
            indexes[ib] = ngram_index(wb.norm, ngram)
        for m in align_pair(wa.norm, wb.norm, ngram=ngram, max_gap=max_gap, min_words=seed_words, index_b=indexes[ib]):
            ai = np.array([p[0] for p in m.pairs])
            bi = np.array([p[1] for p in m.pairs])
            share_a, share_b = float(qa[ai].mean()), float(qb[bi].mean())
            kind = _kind(share_a, share_b)
            if len(m.pairs) < (min_quote_words if kind == "shared quotation" else min_words):
                continue
            rare = rare_word_count(wa.norm[i] for i in ai)
            if kind == "shared narration" and rare < min_rare_words:
                kind = "stock phrase"
            sa, ea = int(wa.start[ai.min()]), int(wa.end[ai.max()])
            sb, eb = int(wb.start[bi.min()]), int(wb.end[bi.max()])
            span_a, span_b = ai.max() - ai.min() + 1, bi.max() - bi.min() + 1
            rows.append(
                (
                    outlet[ia], outlet[ib], kind, len(m.pairs), rare,
                    round(2 * len(m.pairs) / (span_a + span_b), 2), round(share_a, 2), round(share_b, 2),
                    ia, sa, ea, texts[ia][sa:ea], ib, sb, eb, texts[ib][sb:eb],
                )
            )
    return pd.DataFrame(rows, columns=cols)


def pair_overlap(passages: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Overlap per pair of articles: the share of each article's words in each kind of shared passage.

    A word counts once however many passages cover it; a passage covers the words from its
    first matched word to its last.

    Returns:
        One row per pair of articles from different outlets (corpus order): ``outlet_a``,
        ``outlet_b``, ``passages``, then for each kind (``narration``, ``quotation``,
        ``quoted by one``) the percentage of the words of ``a`` and of ``b`` it covers
        (``narration % a``, ``narration % b``, ...).
    """
    arts = corpus.articles
    words = {aid: word_tokens(t) for aid, t in arts["text"].items()}
    kinds = {"shared narration": "narration", "shared quotation": "quotation", "quoted by one only": "quoted by one"}
    rows = []
    for ia, ib in combinations(arts.index, 2):
        oa, ob = arts.loc[ia, "outlet"], arts.loc[ib, "outlet"]
        if oa == ob:
            continue
        p = passages[(passages["article_a"] == ia) & (passages["article_b"] == ib)]
        row = {"outlet_a": oa, "outlet_b": ob, "passages": len(p)}
        for kind, short in kinds.items():
            k = p[p["kind"] == kind]
            for side, aid in (("a", ia), ("b", ib)):
                w = words[aid]
                covered = words_in_spans(w, zip(k[f"start_{side}"], k[f"end_{side}"]), len(arts.loc[aid, "text"]))
                row[f"{short} % {side}"] = round(100 * float(covered) / max(len(w.norm), 1), 1)
        rows.append(row)
    cols = ["outlet_a", "outlet_b", "passages"] + [f"{s} % {side}" for s in kinds.values() for side in "ab"]
    return pd.DataFrame(rows, columns=cols)


def reuse_figure(overlap: pd.DataFrame, outlets: Sequence[str]) -> Figure:
    """Per pair of outlets, the share of their words in shared narration and shared quotation.

    Args:
        overlap: from :func:`pair_overlap`.
        outlets: the corpus's outlets, in order (for their colours).

    Returns:
        The figure (a titled empty one when there is no pair of outlets).
    """
    import matplotlib.pyplot as plt

    colors = outlet_colors(outlets)
    data = overlap.assign(
        pair=overlap["outlet_a"] + " – " + overlap["outlet_b"],
        narration=(overlap["narration % a"] + overlap["narration % b"]) / 2,
        quotation=(overlap["quotation % a"] + overlap["quotation % b"]) / 2,
    ).sort_values(["narration", "quotation", "pair"], ascending=[True, True, False])
    fig, ax = plt.subplots(figsize=(8, 0.42 * max(len(data), 1) + 1.6))
    if data.empty:
        ax.axis("off")
        ax.set_title("Text reuse compares outlets: this corpus has one", loc="left")
        plt.close(fig)
        return fig
    y = np.arange(len(data))
    ax.barh(y, data["narration"], color="#555555", label="shared narration (same words, not quoted)")
    ax.barh(y, data["quotation"], left=data["narration"], color="#bbbbbb", hatch="//", edgecolor="white", label="shared quotation (same words inside quote marks)")
    ax.set_yticks(y)
    ax.set_yticklabels(data["pair"], fontsize=9)
    ax.tick_params(axis="y", pad=26, length=0)
    # The two outlets of each pair as squares in their colours, between the labels and the bars.
    where = ax.get_yaxis_transform()
    for yy, (a, b) in enumerate(zip(data["outlet_a"], data["outlet_b"])):
        ax.scatter([-0.045, -0.02], [yy, yy], color=[colors[a], colors[b]], marker="s", s=36, transform=where, clip_on=False, zorder=3)
    top = data.iloc[-1]
    if top["narration"] > 0:
        title = f"{top['pair']} share the most narration: {top['narration']:.1f}% of their words on average"
    else:
        title = "No pair of outlets shares narration word for word"
    ax.set_xlabel("Share of the two articles' words (mean of the two), %")
    ax.set_ylabel("Pair of outlets")
    ax.set_xlim(0, max(1.0, float((data["narration"] + data["quotation"]).max()) * 1.15))
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    return finish_figure(fig, ax, title=title, legend=False)


def _esc(text: str) -> str:
    """Article text and outlet names are untrusted: escaped before they go into rendered Markdown."""
    return md_text(text)


def reuse_finding(passages: pd.DataFrame, overlap: pd.DataFrame, n_outlets: int) -> str:
    """A paragraph on what the outlets share word for word, and whose words those are."""
    if n_outlets < 2:
        return "Text reuse is found between outlets, and this corpus has one: there is nothing to compare it with."
    if passages.empty:
        return "No passage of eight words or more is shared, nearly word for word, by two outlets."
    nar = passages[passages["kind"] == "shared narration"]
    quo = passages[passages["kind"] == "shared quotation"]
    one = passages[passages["kind"] == "quoted by one only"]
    stock = passages[passages["kind"] == "stock phrase"]
    parts = [
        f"{len(quo)} are shared quotations (the same words of a speaker inside quote marks in both articles: outlets quoting "
        "the same post or briefing)",
        f"{len(nar)} shared narration (the same sentences told in the outlets' own voice, with enough uncommon words to be "
        "the trace of common wire copy)",
    ]
    if len(one):
        parts.append(f"{len(one)} quoted by one outlet but printed as narration by the other")
    if len(stock):
        parts.append(f"{len(stock)} stock phrases (common words and numbers any outlet may write alike: not counted as wire copy)")
    text = f"{len(passages)} passages are shared nearly word for word between two outlets: " + "; ".join(parts) + "."
    if len(nar):
        top = nar.sort_values(["words", "outlet_a", "outlet_b"], ascending=[False, True, True]).iloc[0]
        passage = top["text_b"] if top["text_b"].rstrip("”\"’'").endswith((".", "!", "?")) else top["text_b"] + " …"
        text += (
            f" The longest shared narration, {top['words']} matching words, is between {_esc(top['outlet_a'])} and "
            f"{_esc(top['outlet_b'])}: “{_esc(passage)}”"
        )
    return text
