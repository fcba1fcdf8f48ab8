"""How far to trust the sourcing tables: the quote finder's measured error rate, from the committed results.

``python -m analysis.evaluate quotes`` measures the quote finder on PolNeAR and writes
its section ``polnear`` of the ``quotes`` results (:mod:`analysis.evaluate.results`);
:func:`measured_error` reads it back as a table and
:func:`error_rate_sentence` / :func:`error_rate_reminder` put it in words for the notebook.

References:
    Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News",
    LREC (PolNeAR, the evaluation data).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..evaluate import results

__all__ = [
    "error_rate_reminder",
    "error_rate_sentence",
    "measured_elsewhere",
    "measured_elsewhere_sentence",
    "measured_error",
    "NOT_MEASURED",
]

NOT_MEASURED = "The quote finder's error rate has not been measured on this installation"


def measured_error(path: str | Path | None = None) -> pd.DataFrame:
    """The PolNeAR evaluation results written by ``python -m analysis.evaluate quotes``.

    Args:
        path: another results file in the schema of :mod:`analysis.evaluate.results`; the
            package's committed one by default.

    Returns:
        One row per split (dev, train): articles, gold and predicted quotes, precision, recall,
        span F1, speaker accuracy (a "he" counted right when ours is the annotators' "he"), the
        same with every "he"/"she" required to name the annotators' nearest named source
        (``speaker accuracy, pronouns resolved``), cue accuracy, and the derived error rates ``span error``
        (1 - F1) and ``speaker error`` (1 - speaker accuracy); the command that wrote them and the
        data set in ``.attrs``. Empty when the results have not been written.
    """
    data = results.section("quotes", "polnear", path=path)
    if not data:
        return pd.DataFrame()
    rows = []
    for split, r in data["results"].items():
        rows.append({
            "split": split, "articles": r["articles"], "gold quotes": r["gold_quotes"], "found": r["predicted_quotes"],
            "precision": r["precision"], "recall": r["recall"], "span F1": r["span_f1"],
            "speaker accuracy": r["speaker_accuracy"], "speaker accuracy, pronouns resolved": r.get("speaker_accuracy_strict"),
            "verb accuracy": r["cue_accuracy"],
            "span error": round(1 - r["span_f1"], 3), "speaker error": round(1 - r["speaker_accuracy"], 3),
        })
    table = pd.DataFrame(rows).set_index("split")
    table.attrs.update(command=data.get("command", ""), dataset=data.get("data", ""))
    return table


def measured_elsewhere(path: str | Path | None = None) -> pd.DataFrame:
    """The quote finder measured on hand-made gold of other stories (``python -m analysis.evaluate
    speakers --write``: AllSides same-story corpora, ``gold/speakers/``), one row per split (``dev``
    was read while rules were written, ``unseen`` was not).

    Returns:
        ``corpora``, ``articles``, ``gold quotes``, ``span F1``, ``speaker accuracy``, ``people
        under one name`` (gold people found in the text and named one way across their corpus),
        ``absent people`` (speakers or actors named who are not in the corpus); empty when the
        results have not been written.
    """
    data = results.section("quotes", "foreign_gold", path=path)
    if not data:
        return pd.DataFrame()
    rows = []
    for split, r in data["results"].items():
        rows.append({
            "split": split, "corpora": r["corpora"], "articles": r["articles"], "gold quotes": r["gold"],
            "span F1": r["span_f1"], "speaker accuracy": r["speaker_accuracy"],
            "people under one name": f"{r['gold_people_under_one_name']}/{r['gold_people_found']}",
            "absent people": len(r["absent_people"]),
        })
    table = pd.DataFrame(rows).set_index("split")
    table.attrs.update(command=data.get("command", ""), dataset=data.get("data", ""))
    return table


def measured_elsewhere_sentence(path: str | Path | None = None) -> str:
    """The measurement on other stories in plain words (the unseen split is the honest figure)."""
    table = measured_elsewhere(path)
    if table.empty or "unseen" not in table.index:
        return NOT_MEASURED + " on other stories (run `python -m analysis.evaluate speakers --write`)."
    u = table.loc["unseen"]
    return (
        f"On {int(u['articles'])} articles of a news story nobody looked at while the rules were written (hand-made gold, "
        f"{int(u['gold quotes'])} quotes), the speaker is right for {u['speaker accuracy']:.1%} of the quotes found "
        f"(span F1 {u['span F1']:.2f}); every person is named one way across the corpus ({u['people under one name']}), "
        f"and {'no' if u['absent people'] == 0 else int(u['absent people'])} speaker or actor is a person absent from it."
    )


def _dev(path: str | Path | None) -> tuple[pd.Series | None, dict]:
    table = measured_error(path)
    if table.empty or "dev" not in table.index:
        return None, {}
    return table.loc["dev"], table.attrs


def error_rate_sentence(path: str | Path | None = None) -> str:
    """The measured error rate in plain words, for the place where results are shown."""
    d, attrs = _dev(path)
    if d is None:
        return NOT_MEASURED + " (run `python -m analysis.evaluate quotes`)."
    return (
        f"**How far to trust these tables.** Measured on {int(d['articles'])} US news articles that people annotated "
        f"(PolNeAR's dev set, {d['gold quotes']:.0f} quoted passages), the quote finder misses {1 - d['recall']:.0%} of quotes, "
        f"{1 - d['precision']:.0%} of what it reports is not an annotated quote (span F1 {d['span F1']:.2f}), "
        f"and it names the wrong speaker for {d['speaker error']:.0%} of the quotes it finds "
        f"(written by `{attrs['command']}`). "
        "Expect a few errors in every table below, and check a surprising number against the article."
    )


def error_rate_reminder(path: str | Path | None = None) -> str:
    """One line to put under a table or figure: how large a difference the measured error can make."""
    d, _ = _dev(path)
    if d is None:
        return f"({NOT_MEASURED}.)"
    return (
        f"*Measured error (PolNeAR dev): {1 - d['recall']:.0%} of quotes missed, {d['speaker error']:.0%} given the wrong speaker. "
        "A difference of a quote or two between outlets is within that error; read the quotes behind it in the table above.*"
    )
