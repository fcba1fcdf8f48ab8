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
        span F1, speaker and cue accuracy, and the derived error rates ``span error``
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
            "speaker accuracy": r["speaker_accuracy"], "verb accuracy": r["cue_accuracy"],
            "span error": round(1 - r["span_f1"], 3), "speaker error": round(1 - r["speaker_accuracy"], 3),
        })
    table = pd.DataFrame(rows).set_index("split")
    table.attrs.update(command=data.get("command", ""), dataset=data.get("data", ""))
    return table


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
