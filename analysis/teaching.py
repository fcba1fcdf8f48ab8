"""Check the machine: compare students' hand labels with the tool's, item by item.

In each lesson students label a handful of items by hand (the speaker of a quote, the frame of a
sentence, whether a passage is wire copy) and :func:`agreement` measures how often they agree
with the tool, by percent agreement and by Cohen's kappa, which discounts the agreement two
labellers would reach by chance. :func:`disagreements` lists the items where they differ, beside
the text, for the class to argue about.

References:
    Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
    Psychological Measurement 20(1), 37-46.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from .errors import SameStoryError


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
