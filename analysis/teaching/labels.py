"""Reading a student's hand labels: answers matched to the items by key, and normalised to the tool's labels.

A student writes answers as ``(key, label)`` pairs (:mod:`analysis.teaching.items` gives each
item its key). :func:`attach_answers` matches them to the items by key (ignoring case, spacing
and the shape of quote marks), so answers written for one corpus (the authors' worked answers for
the bundled one) do not apply to another; :func:`answered` keeps the items that have an answer.
The ``*_answer`` functions turn what a student writes ("Trump", "P8", "wire") into the label the
tool writes ("Donald Trump", "Security and defense", "wire copy"), so that the comparison
(:mod:`analysis.teaching.agreement`) counts only real disagreements. :func:`save_check` writes a
check with its labels for a teacher to collect.

A label that cannot be compared raises :class:`LabelError`, with a message that says what to do.

References:
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. & Smith, N. A. (2014). Tracking the
    development of media frames within and across policy issues (the policy frames whose codebook
    numbers and names :func:`frame_answer` accepts).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import SameStoryError
from .items import LOADED, NOT_LOADED, NOT_WIRE, WIRE, _fold
from ..safe import save_csv

__all__ = [
    "answered",
    "attach_answers",
    "frame_answer",
    "LabelError",
    "loaded_answer",
    "save_check",
    "speaker_answer",
    "speaker_normaliser",
    "verb_answer",
    "wire_answer",
]


class LabelError(SameStoryError):
    """Hand labels that cannot be compared with the tool's (wrong length, nothing labelled)."""


# ---------------------------------------------------------------------------------------------
# The student's answers

def frame_answer(answer) -> str | None:
    """A student's frame as the tool writes it.

    A generic frame's label or id ("human interest", "human_interest" give "Human interest"),
    "none" / "no frame" / "-" (give "None"), a policy frame's label, its codebook number (8 or
    "P8") or its id ("security_defense") all give the tool's label; None stays None; anything else
    is kept as written.
    """
    if answer is None:
        return None
    from ..framing import load_scheme
    from .items import NO_FRAME

    raw = str(answer).strip()
    if _fold(raw) in ("none", "no frame", "-", "nothing", ""):
        return NO_FRAME
    policy = load_scheme("policy")
    code = raw[1:] if raw[:1] in "Pp" and raw[1:].isdigit() else raw
    if code.isdigit():
        by_code = {int(v): k for k, v in policy.codes.items()}
        frame = by_code.get(int(code))
        return policy.labels[frame] if frame else raw
    for scheme in (load_scheme("generic"), policy):
        if raw in scheme.labels:
            return scheme.labels[raw]
        by_label = {_fold(v): v for v in scheme.labels.values()}
        if _fold(raw) in by_label:
            return by_label[_fold(raw)]
    return raw


def speaker_answer(answer, register=None) -> str | None:
    """A student's speaker under the canonical name the tool uses: any name or role the register
    knows (a corpus's own register: "Mr Smith", "the minister" for its John Smith) becomes its
    canonical name; anything else is kept as written; "none", "unknown", "-" and "" mean no
    speaker (""). None stays None. ``register`` defaults to the package's (media only); use
    :func:`speaker_normaliser` to read answers with a corpus's register."""
    if answer is None:
        return None
    from ..corpus.register import load_register

    raw = " ".join(str(answer).split())
    if _fold(raw) in {"", "none", "unknown", "nobody", "-", "?"}:
        return ""
    head = (register or load_register()).head(raw)
    return head.canonical if head is not None else raw


def speaker_normaliser(corpus):
    """:func:`speaker_answer` read with the corpus's register, for ``attach_answers(normalise=...)``."""
    from ..corpus.register import corpus_register

    register = corpus_register(corpus)
    return lambda answer: speaker_answer(answer, register)


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


def save_check(items: pd.DataFrame, name: str, out_dir: str | Path) -> str:
    """Save a check's items with the labels (the reading columns left out) as ``NAME.csv`` in
    ``out_dir``, for a teacher to collect; returns a short line naming the file."""
    reading = [c for c in items.columns if c.startswith(("context", "mark_start", "mark_end"))]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    save_csv(items.drop(columns=reading), out / f"{name}.csv", index=False)
    return f"Saved {name}.csv ({len(items)} rows: the items, the tool's labels and yours)."
