"""Teaching: the workbooks' exercises and "Check the machine", where students label items by hand.

In each lesson students label a handful of items by hand (the frame of a sentence, whether a
flagged word is loaded, the speaker and verb of a quote, whether a shared passage is wire copy)
and :func:`agreement` measures how often they agree with the tool, by percent agreement and by
Cohen's kappa, which discounts the agreement two labellers would reach by chance.
:func:`disagreements` lists the items where they differ, beside the text, for the class to argue
about. The rest of the module serves the workbooks (``notebooks/01a`` to ``04a``):

- **Items** (:func:`frame_items`, :func:`loaded_items`, :func:`quote_items`,
  :func:`passage_items`): a handful of the tool's own outputs on a corpus, chosen by a fixed,
  documented rule (a seeded sample, or each pair of outlets in turn), each with a short ``key``
  (outlet and first words), offsets into the clean text, the context to read and the tool's label.
- **Answers** (:func:`attach_answers`): the student's labels, written as ``(key, label)`` pairs,
  are matched to the items by key, so answers written for one corpus (the authors' worked
  answers for the bundled one) do not apply to another; unanswered items are left out of the
  agreement (:func:`answered`, :func:`check_table`, :func:`check_finding`).
- **Beside the check** (:func:`measured_rates`, :func:`measured_finding`): the tool's measured
  error rates, read from the committed evaluation results in ``analysis/data``.
- **Reading** (:func:`reading_html`, :func:`sentences_html`, :func:`with_sentences`): items and
  sentences shown whole, article text escaped, for exercises that send the student back to the text.

References:
    Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
    Psychological Measurement 20(1), 37-46.
    Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical
    data. Biometrics 33(1), 159-174.
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
    Journal of the American Statistical Association 22(158), 209-212.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from ..errors import SameStoryError
from ..paths import DATA_DIR


class LabelError(SameStoryError):
    """Hand labels that cannot be compared with the tool's (wrong length, nothing labelled)."""


def _normalise(label) -> str:
    if label is None or (isinstance(label, float) and label != label):
        return ""
    return " ".join(str(label).split()).casefold()


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two labellings of the same items.

    kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of items labelled alike and p_e the
    share expected by chance from each labeller's label frequencies. When both labellers use one
    and the same label for every item, p_e = 1 and kappa is undefined; this returns 1.0 then (they
    agree on everything), matching scikit-learn's ``cohen_kappa_score`` convention of NaN only when
    the expression is 0/0 with disagreement, which cannot happen here.
    """
    if len(a) != len(b):
        raise LabelError(f"the two labellings have different lengths ({len(a)} and {len(b)}); label every item once")
    n = len(a)
    if n == 0:
        raise LabelError("no items were labelled; label at least one item")
    p_o = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    if p_e == 1.0:
        return 1.0
    return (p_o - p_e) / (1 - p_e)


def agreement(student: Sequence, machine: Sequence) -> dict:
    """Percent agreement and Cohen's kappa between a student's labels and the tool's.

    Labels are compared case-insensitively with white space folded ("Donald Trump" equals
    "donald  trump"); an empty label counts as a label of its own ("no speaker").

    Args:
        student: the student's labels, one per item.
        machine: the tool's labels for the same items, in the same order.

    Returns:
        ``{"items": n, "agreed": k, "percent_agreement": 100 * k / n, "kappa": kappa}``.

    Raises:
        LabelError: the lists differ in length, or are empty.
    """
    s = [_normalise(x) for x in student]
    m = [_normalise(x) for x in machine]
    kappa = cohen_kappa(s, m)
    agreed = sum(x == y for x, y in zip(s, m))
    return {"items": len(s), "agreed": agreed, "percent_agreement": 100 * agreed / len(s), "kappa": kappa}


def disagreements(items: pd.DataFrame, *, student: str = "student", machine: str = "machine") -> pd.DataFrame:
    """The items where the student and the tool disagree, with every other column kept (the text).

    Args:
        items: one row per item, with the two label columns and whatever shows the item
            (the quote, the sentence, offsets).
        student: name of the student's label column.
        machine: name of the tool's label column.
    """
    for col in (student, machine):
        if col not in items.columns:
            raise LabelError(f"the items table has no column {col!r}; its columns are {', '.join(map(str, items.columns))}")
    differ = [_normalise(a) != _normalise(b) for a, b in zip(items[student], items[machine])]
    return items.loc[differ]


def agreement_table(items: pd.DataFrame, *, student: str = "student", machine: str = "machine") -> pd.DataFrame:
    """:func:`agreement` as a one-row table, for showing in a notebook."""
    result = agreement(list(items[student]), list(items[machine]))
    table = pd.DataFrame([result])
    table["percent_agreement"] = table["percent_agreement"].round(1)
    table["kappa"] = table["kappa"].round(3)
    return table


# ---------------------------------------------------------------------------------------------
# Items to label: chosen by a fixed, documented rule from the tool's own output on a corpus
#
# Every item table has one row per item: ``item`` (1, 2, ...), ``key`` (the outlet and the first
# words of the item: what a student copies into an answer), ``article_id``, ``outlet``, ``start``
# and ``end`` (character offsets of the labelled text in the article's clean text), ``text``
# (the labelled text), ``context`` (the passage to read around it) with ``mark_start`` and
# ``mark_end`` (where the labelled text sits inside ``context``), and the tool's label(s).

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


def frame_items(corpus, *, n: int = 10, seed: int = 0) -> pd.DataFrame:
    """Sentences to label with a policy frame, and the frame the tool gives each.

    The rule: ``n`` body sentences (crossheads left out) drawn at random with ``seed`` from all
    the corpus's body sentences (``DataFrame.sample(random_state=seed)``), shown in reading order
    (articles in corpus order, sentences in text order); all of them when there are fewer. The
    tool's label is :func:`analysis.framing.classify` with the policy scheme: the one label per
    sentence that was measured on FrAC.

    Returns:
        The item table (see above) with ``machine`` (the frame's label) and ``cues`` (the words
        that decided it, for the discussion afterwards); ``context`` is the sentence's paragraph
        and the one before it.
    """
    from ..framing import classify, load_scheme

    scheme = load_scheme("policy")
    sents = corpus.sentences()
    body = sents[sents["paragraph_kind"] == "body"]
    chosen = body.sample(min(n, len(body)), random_state=seed).sort_index()
    paragraphs = corpus.paragraphs()
    rows = []
    for s in chosen.itertuples(index=False):
        text = corpus.articles.loc[s.article_id, "text"]
        paras = paragraphs[paragraphs["article_id"] == s.article_id]
        frame = classify(s.text, scheme=scheme)
        cues = "; ".join(
            f"{s.text[a:b]} ({scheme.labels[f]})" for f, _, a, b in scheme.matches(s.text)
        )
        rows.append({"article_id": s.article_id, "outlet": s.outlet, "start": int(s.start), "end": int(s.end),
                     "text": s.text, **_paragraph_context(text, paras, int(s.start), int(s.end)),
                     "machine": scheme.labels.get(frame, frame), "cues": cues})
    return _finish(rows, ["machine", "cues"])


def quote_items(corpus, *, n: int = 10, seed: int = 0) -> pd.DataFrame:
    """Quotes whose speaker and reporting verb a student names, beside the tool's.

    The rule: ``n`` quotes drawn at random with ``seed`` (``DataFrame.sample(random_state=seed)``)
    from the direct and partial quotes of :func:`analysis.sourcing.extract_quotes` in the article
    texts (headline quotes left out), shown in reading order; all of them when there are fewer.

    Returns:
        The item table with the tool's ``speaker`` and ``verb`` ("" where it found none);
        ``context`` is the quote's paragraph and the one before it (a pronoun's antecedent is
        usually there).
    """
    from ..sourcing import extract_quotes

    quotes = extract_quotes(corpus, headlines=False)
    quotes = quotes[quotes["kind"].isin(["direct", "partial"])]
    chosen = quotes.sample(min(n, len(quotes)), random_state=seed).sort_index()
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


def loaded_items(corpus, *, n: int = 10, seed: int = 0) -> pd.DataFrame:
    """Words the word lists flag, to be judged loaded in context or not.

    The word lists flag five kinds of word; the tool counts two of them, evaluative and emotive
    words (:data:`analysis.wordchoice.LOADED_DETECTOR`), as **loaded**, and the other three
    (hedges, boosters, intensifiers: how sure or how strong, not which side) as not loaded.

    The rule: half of the ``n`` uses drawn at random with ``seed`` from the uses the tool calls
    loaded, half from the other flagged uses (``DataFrame.sample(random_state=seed)``; when one
    side has too few, the other fills in), shown in reading order.

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
    chosen = pd.concat([loaded.sample(k_loaded, random_state=seed), other.sample(k_other, random_state=seed)]).sort_index()
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


def passage_items(corpus, *, n: int = 10) -> pd.DataFrame:
    """Passages two outlets share word for word, to be judged wire copy or not.

    The rule: the passages of :func:`analysis.reuse.shared_passages`, taken in turn from each
    pair of articles in corpus order (the longest passage of every pair, then the second longest
    of every pair, ...; ties in table order) until there are ``n``; shown in table order. The
    tool calls a passage wire copy when it is shared narration: the same words in both articles,
    outside quotation marks in both.

    Returns:
        The item table for the first article of the pair (``article_id``, ``outlet``, ``start``,
        ``end``, ``text``, ``context``, ``mark_start``, ``mark_end``: the sentences around the
        passage), the same for the second with the suffix ``_b``, ``outlet`` naming both
        ("CGTN / The Independent") and ``outlet_a`` the first, ``words`` (matched words), the
        tool's ``kind`` and its ``machine`` label (:data:`WIRE` or :data:`NOT_WIRE`).
    """
    from ..topics.reuse import shared_passages

    passages = shared_passages(corpus).reset_index(drop=True)
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


# ---------------------------------------------------------------------------------------------
# The student's answers

def frame_answer(answer) -> str | None:
    """A student's frame as the tool writes it: a policy frame's label, its codebook number
    (8 or "P8") or its id ("security_defense") all give "Security and defense"; None stays None."""
    if answer is None:
        return None
    from ..framing import load_scheme

    scheme = load_scheme("policy")
    raw = str(answer).strip()
    code = raw[1:] if raw[:1] in "Pp" and raw[1:].isdigit() else raw
    if code.isdigit():
        by_code = {int(v): k for k, v in scheme.codes.items()}
        frame = by_code.get(int(code))
        return scheme.labels[frame] if frame else raw
    if raw in scheme.labels:
        return scheme.labels[raw]
    by_label = {_fold(v): v for v in scheme.labels.values()}
    return by_label.get(_fold(raw), raw)


def speaker_answer(answer) -> str | None:
    """A student's speaker under the canonical name the tool uses: any name or role the register
    knows ("Trump", "Mr Zelensky", "Putin's foreign policy adviser") becomes its canonical name;
    anything else is kept as written; "none", "unknown", "-" and "" mean no speaker (""). None stays None."""
    if answer is None:
        return None
    from ..corpus.register import load_register

    raw = " ".join(str(answer).split())
    if _fold(raw) in {"", "none", "unknown", "nobody", "-", "?"}:
        return ""
    head = load_register().head(raw)
    return head.canonical if head is not None else raw


def verb_answer(answer) -> str | None:
    """A student's reporting verb as the tool writes it: lower case, single spaces; "none", "-"
    and "" mean no verb (""). None stays None."""
    if answer is None:
        return None
    raw = " ".join(str(answer).split()).lower()
    return "" if raw in {"", "none", "-", "?", "no verb"} else raw


def wire_answer(answer) -> str | None:
    """A student's call on a shared passage as the tool writes it: "wire copy", "wire", "yes",
    "narration" give :data:`WIRE`; "not wire copy", "not", "no", "quotation", "quote" give
    :data:`NOT_WIRE`; anything else is kept as written. None stays None."""
    if answer is None:
        return None
    raw = " ".join(str(answer).split()).lower()
    if raw in {"wire copy", "wire", "yes", "narration", "shared narration"}:
        return WIRE
    if raw in {"not wire copy", "not wire", "not", "no", "quotation", "quote", "shared quotation"}:
        return NOT_WIRE
    return raw


def loaded_answer(answer) -> str | None:
    """A student's call on a flagged word as the tool writes it: "loaded", "yes" give
    :data:`LOADED`; "not loaded", "no", "neutral" give :data:`NOT_LOADED`; anything else is kept
    as written. None stays None."""
    if answer is None:
        return None
    raw = " ".join(str(answer).split()).lower()
    if raw in {"loaded", "yes", "loaded word"}:
        return LOADED
    if raw in {"not loaded", "no", "not", "neutral"}:
        return NOT_LOADED
    return raw


def attach_answers(items: pd.DataFrame, answers: Sequence[Sequence], *, columns: Sequence[str] = ("student",),
                   normalise: dict | None = None) -> pd.DataFrame:
    """The item table with the student's answers in new columns, matched to the items by key.

    Args:
        items: an item table (with a ``key`` column).
        answers: one tuple per answered item: its key (as shown, or any longer start of
            ``OUTLET · text``), then one label per column in ``columns``. Matching ignores case,
            spacing and the shape of quote marks. Answers that match no item are left out: the
            worked answers written for one corpus do not apply to another.
        columns: names of the answer columns, in the order of the labels in each tuple.
        normalise: optional function per column, applied to each answer
            (:func:`frame_answer`, :func:`speaker_answer`).

    Returns:
        A copy of ``items`` with the answer columns; None where an item has no answer. The number
        of answers that matched no item is in ``.attrs["unmatched"]``.

    Raises:
        LabelError: an answer has the wrong number of labels, or two answers match one item.
    """
    normalise = normalise or {}
    table = items.copy()
    for col in columns:
        table[col] = None
    full = [_fold(f"{o} · {t}") for o, t in zip(table["outlet"], table["text"])]
    keys = [_fold(k) for k in table["key"]]
    taken: dict[int, str] = {}
    unmatched = 0
    for answer in answers:
        answer = tuple(answer)
        if len(answer) != len(columns) + 1:
            raise LabelError(
                f"the answer {answer!r} has {len(answer) - 1} label(s) and this exercise asks for {len(columns)} "
                f"({', '.join(columns)}); write it as (key, {', '.join(columns)})"
            )
        key = _fold(answer[0])
        hit = next((i for i, (k, f) in enumerate(zip(keys, full)) if key == k or (len(key) >= 8 and f.startswith(key))), None)
        if hit is None:
            unmatched += 1
            continue
        if hit in taken:
            raise LabelError(f"two answers are for the same item {table['key'].iloc[hit]!r}; keep one")
        taken[hit] = answer[0]
        for col, label in zip(columns, answer[1:]):
            value = normalise[col](label) if col in normalise else label
            table.iat[hit, table.columns.get_loc(col)] = value
    table.attrs["unmatched"] = unmatched
    return table


def answered(items: pd.DataFrame, column: str = "student") -> pd.DataFrame:
    """The items that have an answer in ``column`` (None or NaN means not answered; "" is an answer)."""
    mask = [not (v is None or (isinstance(v, float) and v != v)) for v in items[column]]
    return items.loc[mask]


KAPPA_BANDS = (
    (0.0, "no more than chance"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial"),
    (1.0, "almost perfect"),
)
"""Landis & Koch's (1977) words for ranges of kappa: up to 0 poor (no more than chance), 0.01-0.20
slight, 0.21-0.40 fair, 0.41-0.60 moderate, 0.61-0.80 substantial, 0.81-1 almost perfect."""


def kappa_words(kappa: float) -> str:
    """Landis & Koch's (1977) name for a kappa value ("moderate", ...)."""
    if kappa <= 0:
        return "no more than chance"
    for upper, words in KAPPA_BANDS[1:]:
        if kappa <= upper + 1e-12:
            return words
    return KAPPA_BANDS[-1][1]


def wilson_interval(agreed: int, n: int, *, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95% by default) of a share ``agreed / n``.

    References:
        Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
        Journal of the American Statistical Association 22(158), 209-212.
    """
    if n <= 0:
        raise LabelError("an interval needs at least one item")
    p = agreed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def check_table(items: pd.DataFrame, *, student: str = "student", machine: str = "machine", what: str = "label") -> pd.DataFrame:
    """:func:`agreement_table` over the answered items only, with a first column naming ``what``
    is compared; an empty table (items 0) when nothing is answered yet."""
    done = answered(items, student)
    if done.empty:
        table = pd.DataFrame([{"items": 0, "agreed": 0, "percent_agreement": float("nan"), "kappa": float("nan")}])
    else:
        table = agreement_table(done, student=student, machine=machine)
    table.insert(0, "compared", what)
    table.insert(2, "not answered", len(items) - len(done))
    return table


def confirmed_finding(items: pd.DataFrame, *, label: str, unit: str = "item", student: str = "student",
                      machine: str = "machine") -> str:
    """Of the answered items the tool gives ``label``, how many the student gives it too: the
    tool's precision on the student's sample, in a sentence."""
    done = answered(items, student)
    called = done[[_normalise(m) == _normalise(label) for m in done[machine]]]
    if called.empty:
        return f"The tool calls none of the {unit}s you answered “{label}”, so its precision cannot be read from them."
    kept = sum(_normalise(s) == _normalise(label) for s in called[student])
    return (
        f"Of the {len(called)} {unit}{'s' if len(called) != 1 else ''} the tool calls “{label}”, you call {kept} "
        f"“{label}” ({kept / len(called):.0%}): that is the tool's precision on your sample."
    )


def check_tables(items: pd.DataFrame, pairs: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """:func:`check_table` for several labels of the same items, one row each.

    Args:
        items: the item table with the answers attached.
        pairs: what is compared -> (student column, machine column), e.g.
            ``{"speaker": ("your_speaker", "speaker"), "reporting verb": ("your_verb", "verb")}``.
    """
    return pd.concat(
        [check_table(items, student=s, machine=m, what=what) for what, (s, m) in pairs.items()], ignore_index=True
    )


def disagreements_any(items: pd.DataFrame, pairs: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """The items where the student and the tool disagree on at least one of several labels.

    Args:
        items: one row per item.
        pairs: (student column, machine column) for each label.
    """
    if not pairs:
        raise LabelError("name at least one pair of columns to compare")
    keep = pd.Series(False, index=items.index)
    for student, machine in pairs:
        keep |= items.index.isin(disagreements(items, student=student, machine=machine).index)
    return items.loc[keep]


def check_finding(items: pd.DataFrame, *, student: str = "student", machine: str = "machine", what: str = "label",
                  unit: str = "item") -> str:
    """A sentence on the check: how many items are answered, agreement, kappa in words; or, when
    none is, what to do (the worked answers are for the bundled corpus)."""
    done = answered(items, student)
    if items.empty:
        return f"The tool found no {unit} to check in this corpus, so there is nothing to label here."
    if done.empty:
        unmatched = items.attrs.get("unmatched", 0)
        why = (
            f" The {unmatched} worked answers in the cell above were written for the bundled corpus and match none of these {unit}s."
            if unmatched else ""
        )
        return (
            f"None of the {len(items)} {unit}s has an answer yet.{why} Write your own answers in the answers cell, one "
            f"line per {unit} starting with its key, and run the notebook again."
        )
    r = agreement(list(done[student]), list(done[machine]))
    left = len(items) - len(done)
    text = (
        f"On the {r['items']} {unit}s answered, you and the tool give the same {what} for {r['agreed']} "
        f"({r['percent_agreement']:.0f}%). Cohen's kappa, which discounts the agreement expected by chance, is "
        f"{r['kappa']:.2f}: {kappa_words(r['kappa'])} agreement on Landis and Koch's scale."
    )
    low, high = wilson_interval(r["agreed"], r["items"])
    text += (
        f" With {r['items']} {unit}{'s' if r['items'] != 1 else ''}, that share is a rough measure: its 95% interval "
        f"runs from {low:.0%} to {high:.0%}."
    )
    if left:
        text += f" {left} {unit}{'s are' if left != 1 else ' is'} not answered and not counted."
    return text


# ---------------------------------------------------------------------------------------------
# Reading the items, and the tool's measured error rates beside the class's check

def _shown(label) -> str:
    if label is None or (isinstance(label, float) and label != label):
        return "(not answered)"
    return str(label) if str(label) != "" else "(none)"


def _passage_html(context: str, mark_start: int, mark_end: int) -> str:
    def esc(t: str) -> str:
        return html.escape(t).replace("\n\n", "<br>").replace("\n", " ")

    return (
        esc(context[:mark_start]) + "<mark>" + esc(context[mark_start:mark_end]) + "</mark>" + esc(context[mark_end:])
    )


def reading_html(items: pd.DataFrame, *, colors: dict[str, str] | None = None, show: str = "the words to label",
                 notes: Sequence[str] | dict[str, str] = (), empty: str = "(no items in this corpus)") -> str:
    """The items as a reader meets them: each in its context, the labelled words marked, with the
    item's number, outlet, character offsets and key (article text escaped).

    Args:
        items: an item table (passage items show both articles, one under the other).
        colors: outlet -> colour (:func:`analysis.plots.outlet_colors`) for the bar beside each text.
        show: what the mark stands for, said once above the items.
        notes: columns to show beside each item's number (the labels, once they are given); a
            dict maps each column to the name to show ({"student": "you"}).
        empty: what to say when there is no item.
    """
    colors = colors or {}
    notes = dict(notes) if isinstance(notes, dict) else {c: c for c in notes}
    if items.empty:
        return f"<p>{html.escape(empty)}</p>"
    blocks = [f'<p style="color:#444;font-size:0.92em">Highlighted: {html.escape(show)}. Paragraph breaks are shown as line breaks.</p>']
    for r in items.to_dict("records"):
        sides = [("", r.get("outlet_a", r["outlet"]))]
        if "outlet_b" in r:
            sides.append(("_b", r["outlet_b"]))
        parts = []
        for suffix, outlet in sides:
            color = colors.get(outlet, "#999999")
            start, end = r[f"start{suffix}"], r[f"end{suffix}"]
            parts.append(
                f'<div style="border-left:5px solid {color};padding:2px 0 2px 10px;margin:4px 0">'
                f'<span style="font-size:0.85em;color:#444">{html.escape(str(outlet))}, characters {start}–{end}</span><br>'
                f'{_passage_html(r[f"context{suffix}"], r[f"mark_start{suffix}"], r[f"mark_end{suffix}"])}</div>'
            )
        labels = " · ".join(f"{html.escape(name)}: <b>{html.escape(_shown(r[c]))}</b>" for c, name in notes.items())
        blocks.append(
            '<div style="margin:0 0 14px 0;max-width:52em;line-height:1.5">'
            f'<b>Item {r["item"]}</b> <span style="font-size:0.85em;color:#444">key: <code>{html.escape(r["key"])}</code></span>'
            + (f"<br>{labels}" if labels else "") + "".join(parts) + "</div>"
        )
    return "\n".join(blocks)


Lesson = Literal["framing", "word choice", "sourcing", "coverage"]
EVALUATION_FILES = {
    "framing": DATA_DIR / "evaluation_framing.json",
    "word choice": DATA_DIR / "evaluation_loaded.json",
    "sourcing": DATA_DIR / "evaluation_quotes.json",
    "coverage": DATA_DIR / "evaluation_topics.json",
}
"""The committed results of the evaluation commands, one file per lesson."""


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def measured_rates(lesson: Lesson, *, path: str | Path | None = None) -> pd.DataFrame:
    """The tool's measured error rates for the labels a lesson's check compares, from the
    committed evaluation results (never recomputed here: the data sets are not needed).

    Args:
        lesson: "framing" (policy frame of a sentence, FrAC), "sourcing" (speaker and verb of a
            quote, PolNeAR), "coverage" (BBC News topic clustering: the wire-copy call itself has
            no outside measurement) or "word choice" (loaded words, BASIL).
        path: another results file (tests); the lesson's file in ``analysis/data`` by default.

    Returns:
        One row per measure: ``label`` (what the tool decides), ``data`` (what it was measured
        on), ``measure``, ``value`` (a share from 0 to 1), ``error`` (1 - value, for the
        measures that are shares of right answers); the command that wrote the figures is in
        ``.attrs["command"]``. Empty when the results file is absent.
    """
    data = _read_json(Path(path) if path else EVALUATION_FILES[lesson])
    rows: list[dict] = []
    if lesson == "framing" and "frac" in data:
        f = data["frac"]
        where = f"FrAC, held-out test split ({f['test_sentences']} sentences)"
        rows += [
            {"label": "policy frame of a sentence", "data": where, "measure": "accuracy (same frame as the annotators)",
             "value": f["lexicon"]["accuracy"]},
            {"label": "policy frame of a sentence", "data": where, "measure": "macro-F1 (frames weighted alike)",
             "value": f["lexicon"]["macro_f1"]},
            {"label": "always the most common frame (baseline)", "data": where, "measure": "accuracy",
             "value": f["majority_baseline"]["accuracy"]},
        ]
        command = f.get("command", "python -m analysis.evaluate frames")
    elif lesson == "sourcing" and "results" in data and "dev" in data["results"]:
        d = data["results"]["dev"]
        where = f"PolNeAR dev ({d['articles']} articles, {d['gold_quotes']:.0f} quotes), held out while the rules were written"
        rows += [
            {"label": "quote found", "data": where, "measure": "recall (annotated quotes found)", "value": d["recall"]},
            {"label": "quote found", "data": where, "measure": "precision (found quotes that are annotated)", "value": d["precision"]},
            {"label": "speaker of a quote", "data": where, "measure": "accuracy (of quotes found)", "value": d["speaker_accuracy"]},
            {"label": "reporting verb of a quote", "data": where, "measure": "accuracy (of quotes found)", "value": d["cue_accuracy"]},
        ]
        command = data.get("written_by", "python -m analysis.evaluate quotes")
    elif lesson == "coverage" and data.get("methods"):
        nmf = next((m for m in data["methods"] if m["key"] == "nmf"), data["methods"][0])
        where = f"BBC News ({data['documents']} articles, {data['categories']} editors' sections)"
        rows += [
            {"label": "topic of an article (NMF, the package's model)", "data": where,
             "measure": "NMI with the sections (1 = the same grouping)", "value": nmf["nmi"]},
            {"label": "topic of an article (NMF, the package's model)", "data": where,
             "measure": "adjusted Rand index with the sections", "value": nmf["ari"]},
        ]
        command = data.get("command", "python -m analysis.evaluate topics --write")
    elif lesson == "word choice" and data.get("systems"):
        sys_row = data["systems"][0]
        where = f"BASIL {data.get('split', 'test')} split ({data['articles']} articles, {data['lexical_spans']} loaded spans marked by annotators)"
        rows += [
            {"label": "loaded word (evaluative and emotive lists)", "data": where,
             "measure": "precision (flags on a marked span)", "value": sys_row["span_precision"]},
            {"label": "loaded word (evaluative and emotive lists)", "data": where,
             "measure": "recall (marked spans flagged)", "value": sys_row["span_recall"]},
        ]
        command = data.get("command", "python -m analysis.evaluate loaded")
    else:
        command = ""
    table = pd.DataFrame(rows, columns=["label", "data", "measure", "value"])
    shares = ~table["measure"].str.startswith(("NMI", "adjusted Rand", "macro-F1"))
    table["error"] = (1 - table["value"]).where(shares).round(3)
    table.attrs["command"] = command
    return table


def measured_finding(lesson: Lesson, *, n: int = 10, path: str | Path | None = None) -> str:
    """What the measured rates lead one to expect on ``n`` items of the lesson's check, in words."""
    table = measured_rates(lesson, path=path)
    if lesson == "coverage":
        text = (
            "No public data set marks shared passages as wire copy or as quotation, so the tool's wire-copy call has "
            "no error rate measured on outside data: a check like yours is the only measurement there is."
        )
        if not table.empty:
            nmi, ari = table["value"].tolist()[:2]
            text += (
                f" What is measured is the topic model of the same lesson: on {table['data'].iloc[0]}, NMF's topics "
                f"match the sections with an NMI of {nmi:.2f} and an adjusted Rand index of {ari:.2f} (1 would be the "
                f"sections exactly; written by `{table.attrs['command']}`)."
            )
        return text
    if table.empty:
        return (
            f"The evaluation results for this lesson are not in this installation ({EVALUATION_FILES[lesson].name} "
            "is missing), so there is no measured error rate to set beside the check."
        )
    v = dict(zip(table["label"] + " | " + table["measure"], table["value"]))
    where = table["data"].iloc[0]
    if lesson == "framing":
        acc = v["policy frame of a sentence | accuracy (same frame as the annotators)"]
        base = v["always the most common frame (baseline) | accuracy"]
        body = (
            f"Measured on {where}, the lexicon gives the annotators' frame for {acc:.0%} of the sentences (always "
            f"answering the most common frame gives {base:.0%}). At that rate it would agree with a careful reader on "
            f"about {round(acc * n)} of {n} sentences"
        )
    elif lesson == "sourcing":
        spk = v["speaker of a quote | accuracy (of quotes found)"]
        verb = v["reporting verb of a quote | accuracy (of quotes found)"]
        body = (
            f"Measured on {where}, the tool names the annotators' speaker for {spk:.0%} of the quotes it finds and their "
            f"reporting verb for {verb:.0%}. At those rates it would get about {round(spk * n)} speakers and "
            f"{round(verb * n)} verbs right out of {n}"
        )
    else:
        prec = v["loaded word (evaluative and emotive lists) | precision (flags on a marked span)"]
        rec = v["loaded word (evaluative and emotive lists) | recall (marked spans flagged)"]
        body = (
            f"Measured on {where}, {prec:.0%} of the words the tool flags as loaded are inside a span the annotators "
            f"marked as loaded, and it flags {rec:.0%} of the marked spans. At that rate, about {round(prec * n)} of "
            f"{n} words it calls loaded would be loaded to a careful reader"
        )
    return (
        body + f" (figures written by `{table.attrs['command']}`). Ten items are a small sample: a few more or fewer "
        "agreements than that is what chance gives, so argue about each disagreement rather than the total."
    )


# ---------------------------------------------------------------------------------------------
# Exercises: sentences to read, whole


def sentences_html(table: pd.DataFrame, *, colors: dict[str, str] | None = None, notes: Sequence[str] = (),
                   text: str = "text") -> str:
    """Rows of a table as whole sentences to read (tables cut long text short), each under its
    outlet, character offsets and the ``notes`` columns (article text escaped).

    Args:
        table: rows with ``outlet``, ``start``, ``end`` and the text column.
        colors: outlet -> colour for the bar beside each text.
        notes: further columns to show above each text ("cues", "verb").
        text: the column holding the text.
    """
    colors = colors or {}
    if table.empty:
        return "<p>(none in this corpus)</p>"
    blocks = []
    for r in table.to_dict("records"):
        head = f"{html.escape(str(r['outlet']))}, characters {r['start']}–{r['end']}"
        extra = "; ".join(f"{html.escape(str(c))}: <b>{html.escape(str(r[c]))}</b>" for c in notes if str(r[c]))
        blocks.append(
            f'<div style="border-left:5px solid {colors.get(r["outlet"], "#999999")};padding:2px 0 2px 10px;'
            'margin:6px 0;max-width:52em;line-height:1.5">'
            f'<span style="font-size:0.85em;color:#444">{head}{" · " + extra if extra else ""}</span><br>'
            f"{html.escape(str(r[text]))}</div>"
        )
    return "\n".join(blocks)


def frame_contrast(summary: pd.DataFrame) -> dict:
    """The frame on which outlets differ most (largest gap in share of sentences), with the outlet
    that shows it most and the one that shows it least (ties: the frame shown most, then the
    earlier outlet and frame). With one outlet: the frame it shows most.

    Args:
        summary: :func:`analysis.framing.frame_summary` by outlet.

    Returns:
        ``{"frame", "high", "high_share", "low", "low_share"}``; with one outlet, high and low are it.
    """
    gaps = []
    for frame, g in summary.groupby("frame", sort=False):
        hi = g.loc[g["share_of_sentences"].idxmax()]
        lo = g.loc[g["share_of_sentences"].idxmin()]
        gaps.append((hi["share_of_sentences"] - lo["share_of_sentences"], frame, hi, lo))
    # Largest gap first, then the frame shown most (so one outlet gets its own commonest frame);
    # max keeps the first of equal keys, in the scheme's order.
    gap, frame, hi, lo = max(gaps, key=lambda x: (round(x[0], 9), round(x[2]["share_of_sentences"], 9)))
    return {"frame": frame, "high": hi["outlet"], "high_share": float(hi["share_of_sentences"]),
            "low": lo["outlet"], "low_share": float(lo["share_of_sentences"])}


def contrast_finding(contrast: dict) -> str:
    """:func:`frame_contrast` in a sentence (outlet names escaped)."""
    frame, hi, lo = (html.escape(str(contrast[k])) for k in ("frame", "high", "low"))
    if contrast["high"] == contrast["low"]:
        return (
            f"This corpus has one outlet, so there is no contrast to show; its commonest frame is **{frame.lower()}** "
            f"({contrast['high_share']:.0%} of its sentences). Its sentences with that frame:"
        )
    return (
        f"The outlets differ most on **{frame.lower()}**: {contrast['high_share']:.0%} of {hi}'s sentences carry its "
        f"cues, against {contrast['low_share']:.0%} of {lo}'s. The sentences of {hi} with the frame:"
    )


def with_sentences(table: pd.DataFrame, corpus, *, notes: Sequence[str] = ()) -> pd.DataFrame:
    """The sentences behind rows that point into the text (a quote, a phrase, a mention), to read whole.

    Args:
        table: rows with ``article_id`` and ``start`` (an offset into the clean text).
        corpus: the corpus the offsets point into.
        notes: columns to carry over; when several rows fall in one sentence their values are
            joined with "; " (each value once, in order).

    Returns:
        One row per sentence, in the order the rows first reach it: ``article_id``, ``outlet``,
        ``start``, ``end`` (the sentence's offsets), ``text`` (the sentence) and the ``notes`` columns.
    """
    cols = ["article_id", "outlet", "start", "end", "text", *notes]
    if table.empty:
        return pd.DataFrame(columns=cols)
    sents = corpus.sentences()
    by_article = {aid: g for aid, g in sents.groupby("article_id", sort=False)}
    rows: dict[tuple[str, int], dict] = {}
    for r in table.to_dict("records"):
        g = by_article.get(r["article_id"])
        if g is None:
            continue
        hit = g[(g["start"] <= r["start"]) & (g["end"] > r["start"])]
        if hit.empty:
            continue
        s = hit.iloc[0]
        key = (r["article_id"], int(s["start"]))
        row = rows.setdefault(key, {"article_id": r["article_id"], "outlet": s["outlet"], "start": int(s["start"]),
                                    "end": int(s["end"]), "text": s["text"], **{c: [] for c in notes}})
        for c in notes:
            value = str(r[c]) if r[c] is not None else ""
            if value and value not in row[c]:
                row[c].append(value)
    out = pd.DataFrame(list(rows.values()), columns=cols)
    for c in notes:
        out[c] = out[c].map("; ".join)
    return out


def speaker_attributions(quotes: pd.DataFrame, corpus, *, per_outlet: int = 3) -> tuple[str, pd.DataFrame]:
    """The speaker attributed by the most outlets, and the sentences where each outlet introduces them.

    Args:
        quotes: :func:`analysis.sourcing.extract_quotes` (``indirect=True`` counts reported speech too).
        corpus: the corpus.
        per_outlet: at most this many sentences per outlet, in reading order.

    Returns:
        ``(speaker, sentences)``: the speaker (the first row of
        :func:`analysis.sourcing.same_speaker_verbs`; with one outlet, its most attributed
        speaker; "" when no quote has a speaker) and their sentences (:func:`with_sentences`,
        notes ``verb``, ``stance``, ``kind``).
    """
    from ..sourcing import same_speaker_verbs

    body = quotes[(quotes["field"] == "text") & (quotes["speaker"] != "") & (quotes["verb"] != "")]
    same = same_speaker_verbs(quotes, corpus)
    if len(same):
        speaker = same["speaker"].iloc[0]
    elif len(body):
        counts = body.groupby("speaker").size()
        speaker = sorted(counts.index, key=lambda s: (-counts[s], s))[0]
    else:
        return "", with_sentences(body, corpus, notes=["verb", "stance", "kind"])
    table = with_sentences(body[body["speaker"] == speaker], corpus, notes=["verb", "stance", "kind"])
    return speaker, table.groupby("outlet", sort=False).head(per_outlet).reset_index(drop=True)


def attributions_finding(speaker: str, table: pd.DataFrame) -> str:
    """A sentence introducing :func:`speaker_attributions` (names escaped)."""
    if not speaker:
        return "No quote in this corpus has a speaker and a reporting verb, so there is nothing to compare here."
    outlets = list(dict.fromkeys(table["outlet"]))
    who = html.escape(speaker)
    if len(outlets) < 2:
        return (
            f"{who} is the speaker this corpus attributes most often. With one outlet there is no other outlet's verb to "
            f"compare with; here are the sentences that introduce {who}, with the verb each uses:"
        )
    return (
        f"{who} is introduced by {len(outlets)} outlets, more than any other speaker. Up to three sentences per outlet "
        f"that introduce {who}, in reading order, with the reporting verb and its stance:"
    )


def top_distinctive_term(corpus) -> dict | None:
    """The term with the highest z of all outlets' top terms (:func:`analysis.wordchoice.top_terms`:
    used twice or more, not only function words), or None with fewer than two outlets or no such term.

    Returns:
        ``{"outlet", "term", "count", "count_other", "z"}``.
    """
    from ..wordchoice import distinctive_terms, top_terms

    if len(corpus.outlets) < 2:
        return None
    top = top_terms(distinctive_terms(corpus))
    if top.empty:
        return None
    best = top.sort_values(["z", "outlet", "term"], ascending=[False, True, True], kind="stable").iloc[0]
    return {"outlet": best["outlet"], "term": str(best["term"]), "count": int(best["count"]),
            "count_other": int(best["count_other"]), "z": float(best["z"])}


def distinctive_term_finding(top: dict | None) -> str:
    """:func:`top_distinctive_term` in a sentence (names escaped)."""
    if top is None:
        return ("Distinctive terms compare each outlet with the others; this corpus has one outlet, or no term used "
                "twice, so there is no term to read here.")
    return (
        f"The most distinctive term of any outlet is “{html.escape(top['term'])}” in {html.escape(top['outlet'])} "
        f"(z = {top['z']:.2f}: {top['count']} times, against {top['count_other']} in all the others together). Every "
        "use of it in every outlet, side by side:"
    )


def save_check(items: pd.DataFrame, name: str, out_dir: str | Path) -> str:
    """Save a check's items with the labels (the reading columns left out) as ``NAME.csv`` in
    ``out_dir``, for a teacher to collect; returns a short line naming the file."""
    reading = [c for c in items.columns if c.startswith(("context", "mark_start", "mark_end"))]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    items.drop(columns=reading).to_csv(out / f"{name}.csv", index=False)
    return f"Saved {name}.csv ({len(items)} rows: the items, the tool's labels and yours)."
