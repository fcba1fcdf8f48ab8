"""Agreement between a student's labels and the tool's: percent agreement, Cohen's kappa, its bands, disagreements.

:func:`agreement` measures how often a student and the tool give the same label, by percent
agreement and by Cohen's kappa (:func:`cohen_kappa`), which discounts the agreement two labellers
would reach by chance; :func:`kappa_words` names a kappa on Landis and Koch's scale and
:func:`wilson_interval` says how rough a share of ten items is. :func:`disagreements` lists the
items where they differ, beside the text, for the class to argue about. The ``check_*``
functions give the same over the answered items only (:func:`analysis.teaching.labels.answered`),
as tables and sentences for the workbooks.

References:
    Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
    Psychological Measurement 20(1), 37-46.
    Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical
    data. Biometrics 33(1), 159-174.
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
    Journal of the American Statistical Association 22(158), 209-212.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from .labels import LabelError, answered

__all__ = [
    "agreement",
    "agreement_table",
    "check_finding",
    "check_table",
    "check_tables",
    "cohen_kappa",
    "confirmed_finding",
    "disagreements",
    "disagreements_any",
    "frame_check_verdict",
    "KAPPA_BANDS",
    "kappa_words",
    "wilson_interval",
]


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

    Args:
        a: one labeller's labels, one per item.
        b: the other's, for the same items in the same order.

    Returns:
        Kappa, from -1 (systematic disagreement) through 0 (chance) to 1 (perfect agreement).

    Raises:
        LabelError: the lists differ in length, or are empty.

    References:
        Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
        Psychological Measurement 20(1), 37-46 (equation 1).
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

    References:
        Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
        Psychological Measurement 20(1), 37-46.
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


KAPPA_BANDS = (
    (0.0, "no more than chance"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial"),
    (1.0, "almost perfect"),
)
"""Landis & Koch's (1977) words for ranges of kappa: up to 0 poor (no more than chance), 0.01-0.20
slight, 0.21-0.40 fair, 0.41-0.60 moderate, 0.61-0.80 substantial, 0.81-1 almost perfect."""


def kappa_words(kappa: float) -> str:
    """Landis & Koch's (1977) name for a kappa value ("moderate", ...).

    Args:
        kappa: a value of :func:`cohen_kappa`.

    Returns:
        The words of :data:`KAPPA_BANDS` for the band it falls in.

    References:
        Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical
        data. Biometrics 33(1), 159-174 (p. 165).
    """
    if kappa <= 0:
        return "no more than chance"
    for upper, words in KAPPA_BANDS[1:]:
        if kappa <= upper + 1e-12:
            return words
    return KAPPA_BANDS[-1][1]


def wilson_interval(agreed: int, n: int, *, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95% by default) of a share ``agreed / n``.

    Args:
        agreed: items agreed on.
        n: items compared (at least one).
        z: the normal quantile of the interval's level (1.96 for 95%).

    Returns:
        ``(low, high)``, shares from 0 to 1.

    Raises:
        LabelError: ``n`` is 0.

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



def frame_check_verdict(items: pd.DataFrame, *, target: float = 0.5, student: str = "student",
                        machine: str = "machine", no_cue: Sequence[str] = ("None", "Other")) -> str:
    """Whether the frame check reaches ``target`` kappa and, when it does not, where the
    disagreements come from, in plain words (computed from the items and their cues).

    A disagreement is counted as *no cue* when the tool found no cue at all (its label is one of
    ``no_cue``), *cue of another frame* when the tool's cues point to a frame the reader did not
    choose, and *no cue of the reader's frame* when none of the tool's cues is of the reader's
    frame while the reader saw one.

    Args:
        items: the check's items with the answers attached (:func:`attach_answers`), with ``cues``
            written "word (Frame); ..." as :func:`analysis.teaching.frame_items` gives them.
        target: the kappa the check is held to.
        student: the column of the reader's labels.
        machine: the column of the tool's labels.
        no_cue: the tool's labels for a sentence with no cue.

    Returns:
        One paragraph; empty when nothing is answered.

    References:
        Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical
        data. Biometrics 33(1), 159-174.
    """
    done = answered(items, student)
    if done.empty:
        return ""
    r = agreement(list(done[student]), list(done[machine]))
    head = (f"Agreement with the tool: {r['agreed']} of {r['items']} sentences, kappa {r['kappa']:.2f} "
            f"({kappa_words(r['kappa'])}); the level this check is held to is kappa {target:.2f}, ")
    if r["kappa"] >= target:
        return head + "which it reaches."
    differ = disagreements(done, student=student, machine=machine)
    none = sum(_normalise(m) in {_normalise(x) for x in no_cue} for m in differ[machine])
    cued = len(differ) - none
    with_reader = sum(
        _normalise(st) in _normalise(str(c)) for st, m, c in zip(differ[student], differ[machine], differ.get("cues", [""] * len(differ)))
        if _normalise(m) not in {_normalise(x) for x in no_cue}
    )
    return head + (
        f"which it does not reach. Of the {len(differ)} disagreements, {none} "
        f"{'is a sentence' if none == 1 else 'are sentences'} in which the tool found no cue at all, and {cued} "
        f"{'is a sentence' if cued == 1 else 'are sentences'} whose strongest cues are of another frame than the "
        f"reader's ({with_reader} of them also {'holds' if with_reader == 1 else 'hold'} a cue of the reader's frame, "
        "outvoted). A cue list counts words; "
        "it cannot see what a sentence does with them (a reproach, a call to act, a cost), which is what a reader "
        "labels. Trust the tool's frame counts as counts of words, and read the sentences behind them."
    )
