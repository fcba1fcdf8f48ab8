"""The items a student labels in "Check the machine": a handful of the tool's own outputs on a corpus.

Each workbook (``notebooks/01a`` to ``04a``) ends with a check: the student labels a handful of
items by hand and compares the labels with the tool's. The items are chosen by a fixed,
documented rule (a seeded sample, or each pair of outlets in turn), so that a teacher and a class
see the same ones:

- :func:`frame_items`: body sentences, with the generic frame (or, asked, the policy frame)
  :func:`analysis.framing.classify` gives;
- :func:`loaded_items`: words the loaded-language lists flag, called loaded or not;
- :func:`quote_items`: quotes, with the speaker and reporting verb the quote finder gives;
- :func:`passage_items`: passages two outlets share, called wire copy or not.

Each item has a short ``key`` (:func:`item_keys`: the outlet and the first words), which is what
a student copies into an answer (:mod:`analysis.teaching.labels` matches answers to items by it).

References:
    Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
    Psychological Measurement 20(1), 37-46 (why the items are labelled independently, then compared).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from ..corpus import Corpus

__all__ = [
    "frame_items",
    "item_keys",
    "KEY_WORDS",
    "loaded_items",
    "NO_FRAME",
    "passage_items",
    "quote_items",
]


# ---------------------------------------------------------------------------------------------
# Items to label: chosen by a fixed, documented rule from the tool's own output on a corpus
#
# Every item table has one row per item: ``item`` (1, 2, ...), ``key`` (the outlet and the first
# words of the item: what a student copies into an answer), ``article_id``, ``outlet``, ``start``
# and ``end`` (character offsets of the labelled text in the article's clean text), ``text``
# (the labelled text), ``context`` (the passage to read around it) with ``mark_start`` and
# ``mark_end`` (where the labelled text sits inside ``context``), and the tool's label(s).

NO_FRAME = "None"
"""The generic frame label of a sentence with no cue of any of the five frames."""

KEY_WORDS = 6
"""Words of an item's text in its key ("CNN · Asked what concessions Russia was offering"),
more when two items would otherwise share a key."""


def _fold(text: str) -> str:
    """Lower case, white space folded, curly quotes and apostrophes made straight (for matching keys)."""
    table = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
    return " ".join(str(text).translate(table).split()).casefold()


def item_keys(outlets: Sequence[str], texts: Sequence[str], *, words: int = KEY_WORDS) -> list[str]:
    """A short, unique key per item: ``"OUTLET · first words of the text"``.

    Keys get one more word at a time until no two items share one; items whose whole texts are
    the same are numbered ("(2)").
    """
    split = [str(t).split() for t in texts]
    n = words
    while True:
        keys = [f"{o} · {' '.join(w[:n])}" for o, w in zip(outlets, split)]
        clash = {k for k, c in Counter(_fold(k) for k in keys).items() if c > 1}
        longest = max((len(w) for w in split), default=0)
        if not clash or n >= longest:
            break
        n += 1
    seen: Counter = Counter()
    out = []
    for k in keys:
        seen[_fold(k)] += 1
        out.append(k if seen[_fold(k)] == 1 else f"{k} ({seen[_fold(k)]})")
    return out


def _span_context(spans: pd.DataFrame, start: int, end: int) -> tuple[int, int]:
    """First start and last end of the rows of ``spans`` (one article's sentences or paragraphs)
    that overlap ``[start, end)``; ``(start, end)`` itself when none does."""
    hit = spans[(spans["start"] < end) & (spans["end"] > start)]
    if hit.empty:
        return start, end
    return int(hit["start"].min()), int(hit["end"].max())


def _paragraph_context(text: str, paras: pd.DataFrame, start: int, end: int) -> dict:
    """Context for ``[start, end)``: its paragraph(s) and the paragraph before them."""
    c0, c1 = _span_context(paras, start, end)
    before = paras[paras["end"] <= c0]
    if not before.empty:
        c0 = int(before["start"].iloc[-1])
    return {"context": text[c0:c1], "mark_start": start - c0, "mark_end": end - c0}


def _finish(rows: list[dict], machine: Sequence[str]) -> pd.DataFrame:
    cols = ["item", "key", "article_id", "outlet", "start", "end", "text", "context", "mark_start", "mark_end", *machine]
    table = pd.DataFrame(rows, columns=[c for c in cols if c not in ("item", "key")])
    table.insert(0, "key", item_keys(table["outlet"].tolist(), table["text"].tolist()))
    table.insert(0, "item", range(1, len(table) + 1))
    return table


def _context_row(text: str, spans: pd.DataFrame, start: int, end: int) -> dict:
    c0, c1 = _span_context(spans, start, end)
    return {"context": text[c0:c1], "mark_start": start - c0, "mark_end": end - c0}


def frame_items(corpus: Corpus, *, n: int = 10, random_state: int = 0,
                scheme: Literal["generic", "policy"] = "generic") -> pd.DataFrame:
    """Sentences to label with a frame, and the frame the tool gives each.

    The rule: ``n`` body sentences (crossheads left out) drawn at random with ``random_state`` from all
    the corpus's body sentences (``DataFrame.sample(random_state=random_state)``), shown in reading order
    (articles in corpus order, sentences in text order); all of them when there are fewer. The
    tool's label is :func:`analysis.framing.classify` with ``scheme``: by default the five generic
    frames of Semetko & Valkenburg (2000), which a class can tell apart, with "None" for a sentence
    that has no cue of any of them; ``"policy"`` gives the 15 frames of the Media Frames codebook.

    Args:
        corpus: the corpus the items are drawn from.
        n: how many items.
        random_state: the seed of the draw (``DataFrame.sample``'s ``random_state``).
        scheme: ``"generic"`` (five frames and None) or ``"policy"`` (15 frames, "Other" with no cue).

    Returns:
        The item table (see above) with ``machine`` (the frame's label) and ``cues`` (the words
        that decided it, for the discussion afterwards); ``context`` is the sentence's paragraph
        and the one before it.

    References:
        Semetko, H. A. & Valkenburg, P. M. (2000). Framing European politics. Journal of
        Communication 50(2), 93-109.
    """
    from ..framing import classify, load_scheme

    frames = load_scheme(scheme)
    sents = corpus.sentences()
    body = sents[sents["paragraph_kind"] == "body"]
    chosen = body.sample(min(n, len(body)), random_state=random_state).sort_index()
    paragraphs = corpus.paragraphs()
    rows = []
    for s in chosen.itertuples(index=False):
        text = corpus.articles.loc[s.article_id, "text"]
        paras = paragraphs[paragraphs["article_id"] == s.article_id]
        frame = classify(s.text, scheme=frames)
        cues = "; ".join(
            f"{s.text[a:b]} ({frames.labels[f]})" for f, _, a, b in frames.guarded(frames.matches(s.text))
        )
        rows.append({"article_id": s.article_id, "outlet": s.outlet, "start": int(s.start), "end": int(s.end),
                     "text": s.text, **_paragraph_context(text, paras, int(s.start), int(s.end)),
                     "machine": frames.labels.get(frame, frame) or NO_FRAME, "cues": cues})
    return _finish(rows, ["machine", "cues"])


def quote_items(corpus: Corpus, *, n: int = 10, random_state: int = 0) -> pd.DataFrame:
    """Quotes whose speaker and reporting verb a student names, beside the tool's.

    The rule: ``n`` quotes drawn at random with ``random_state`` (``DataFrame.sample(random_state=random_state)``)
    from the direct and partial quotes of :func:`analysis.sourcing.extract_quotes` in the article
    texts (headline quotes left out), shown in reading order; all of them when there are fewer.

    Args:
        corpus: the corpus the items are drawn from.
        n: how many items.
        random_state: the seed of the draw (``DataFrame.sample``'s ``random_state``).

    Returns:
        The item table with the tool's ``speaker`` and ``verb`` ("" where it found none);
        ``context`` is the quote's paragraph and the one before it (a pronoun's antecedent is
        usually there).
    """
    from ..sourcing import extract_quotes

    quotes = extract_quotes(corpus, headlines=False)
    quotes = quotes[quotes["kind"].isin(["direct", "partial"])]
    chosen = quotes.sample(min(n, len(quotes)), random_state=random_state).sort_index()
    paragraphs = corpus.paragraphs()
    rows = []
    for q in chosen.itertuples(index=False):
        text = corpus.articles.loc[q.article_id, "text"]
        paras = paragraphs[paragraphs["article_id"] == q.article_id]
        rows.append({"article_id": q.article_id, "outlet": q.outlet, "start": int(q.start), "end": int(q.end),
                     "text": q.quote, **_paragraph_context(text, paras, int(q.start), int(q.end)),
                     "speaker": q.speaker, "verb": q.verb})
    return _finish(rows, ["speaker", "verb"])


WIRE, NOT_WIRE = "wire copy", "not wire copy"
LOADED, NOT_LOADED = "loaded", "not loaded"


def loaded_items(corpus: Corpus, *, n: int = 10, random_state: int = 0) -> pd.DataFrame:
    """Words the word lists flag, to be judged loaded in context or not.

    The word lists flag five kinds of word; the tool counts two of them, evaluative and emotive
    words (:data:`analysis.wordchoice.LOADED_DETECTOR`), as **loaded**, and the other three
    (hedges, boosters, intensifiers: how sure or how strong, not which side) as not loaded.

    The rule: half of the ``n`` uses drawn at random with ``random_state`` from the uses the tool calls
    loaded, half from the other flagged uses (``DataFrame.sample(random_state=random_state)``; when one
    side has too few, the other fills in), shown in reading order.

    Args:
        corpus: the corpus the items are drawn from.
        n: how many items.
        random_state: the seed of the draw (``DataFrame.sample``'s ``random_state``).

    Returns:
        The item table with ``word`` (the flagged words), ``category`` (its list), ``quoted``
        (inside quotation marks) and ``machine`` (:data:`LOADED` or :data:`NOT_LOADED`); ``text``
        is the sentence from the flagged word to its end (so the key starts with the word),
        ``context`` the word's paragraph.
    """
    from ..wordchoice import LOADED_DETECTOR, loaded_words

    uses = loaded_words(corpus).reset_index(drop=True)
    loaded = uses[uses["category"].isin(LOADED_DETECTOR)]
    other = uses[~uses["category"].isin(LOADED_DETECTOR)]
    half = n // 2
    k_loaded = min(len(loaded), max(half, n - len(other)))
    k_other = min(len(other), n - k_loaded)
    chosen = pd.concat([loaded.sample(k_loaded, random_state=random_state), other.sample(k_other, random_state=random_state)]).sort_index()
    sents = corpus.sentences().set_index(["article_id", "sentence"])
    paragraphs = corpus.paragraphs()
    rows = []
    for u in chosen.itertuples(index=False):
        text = corpus.articles.loc[u.article_id, "text"]
        sent_end = int(sents.loc[(u.article_id, u.sentence), "end"])
        paras = paragraphs[paragraphs["article_id"] == u.article_id]
        rows.append({"article_id": u.article_id, "outlet": u.outlet, "start": int(u.start), "end": int(u.end),
                     "text": text[u.start:sent_end], **_context_row(text, paras, int(u.start), int(u.end)),
                     "word": u.words, "category": u.category, "quoted": bool(u.quoted),
                     "machine": LOADED if u.category in LOADED_DETECTOR else NOT_LOADED})
    return _finish(rows, ["word", "category", "quoted", "machine"])


def passage_items(corpus: Corpus, *, n: int = 10) -> pd.DataFrame:
    """Passages two outlets share word for word, to be judged wire copy or not.

    The rule: the passages of :func:`analysis.topics.reuse.shared_passages`, taken in turn from each
    pair of articles in corpus order (the longest passage of every pair, then the second longest
    of every pair, ...; ties in table order) until there are ``n``; shown in table order. The
    tool calls a passage wire copy when it is shared narration: the same words in both articles,
    outside quotation marks in both.

    Args:
        corpus: the corpus the items are drawn from.
        n: how many items.

    Returns:
        The item table for the first article of the pair (``article_id``, ``outlet``, ``start``,
        ``end``, ``text``, ``context``, ``mark_start``, ``mark_end``: the sentences around the
        passage), the same for the second with the suffix ``_b``, ``outlet`` naming both
        ("Outlet A / Outlet B") and ``outlet_a`` the first, ``words`` (matched words), the
        tool's ``kind`` and its ``machine`` label (:data:`WIRE` or :data:`NOT_WIRE`).
    """
    from ..topics import reuse

    passages = reuse.shared_passages(corpus).reset_index(drop=True)
    cols = ["item", "key", "article_id", "outlet", "start", "end", "text", "context", "mark_start", "mark_end",
            "outlet_a", "article_b", "outlet_b", "start_b", "end_b", "text_b", "context_b", "mark_start_b", "mark_end_b",
            "words", "kind", "machine"]
    if passages.empty:
        return pd.DataFrame(columns=cols)
    ranked = passages.assign(row=passages.index)
    ranked = ranked.sort_values(["words", "row"], ascending=[False, True], kind="stable")
    ranked = ranked.assign(turn=ranked.groupby(["article_a", "article_b"], sort=False).cumcount())
    chosen = ranked.sort_values(["turn", "row"], kind="stable").head(n).sort_values("row")
    sents = corpus.sentences()
    rows = []
    for p in chosen.itertuples(index=False):
        row = {"outlet": f"{p.outlet_a} / {p.outlet_b}"}
        for side, aid, s, e, t in (("", p.article_a, p.start_a, p.end_a, p.text_a), ("_b", p.article_b, p.start_b, p.end_b, p.text_b)):
            text = corpus.articles.loc[aid, "text"]
            ctx = _context_row(text, sents[sents["article_id"] == aid], int(s), int(e))
            row.update({f"article_id{side}" if side else "article_id": aid, f"start{side}": int(s), f"end{side}": int(e),
                        f"text{side}": t, **{f"{k}{side}": v for k, v in ctx.items()}})
        row["article_b"] = row.pop("article_id_b")
        row["outlet_a"], row["outlet_b"] = p.outlet_a, p.outlet_b
        row.update({"words": int(p.words), "kind": p.kind, "machine": WIRE if p.kind == "shared narration" else NOT_WIRE})
        rows.append(row)
    table = pd.DataFrame(rows)
    table.insert(0, "key", item_keys(table["outlet"].tolist(), table["text"].tolist()))
    table.insert(0, "item", range(1, len(table) + 1))
    return table[cols]


