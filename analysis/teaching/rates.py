"""The tool's measured error rates beside the class's check, read from the committed evaluation results.

A check of ten items is a small sample; beside it, each workbook shows what the evaluation
commands measured on public annotated data (``analysis/data/evaluation_*.json``, written by
``python -m analysis.evaluate``): :func:`measured_rates` reads them as a tidy table (never
recomputed here: the data sets are not needed) and :func:`measured_finding` says in words what
they lead one to expect on the class's items.

References:
    FrAC: Guida et al., github.com/mattguida/FrAC (CC BY 4.0), with the Media Frames Corpus codes
    of Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. & Smith, N. A. (2014).
    PolNeAR: Newell, E., Margolin, D. & Ruths, D. (2018). An attribution relations corpus for
    political news. LREC 2018.
    BASIL: Fan, L. et al. (2019). In plain sight: media bias through the lens of factual
    reporting. EMNLP 2019.
    BBC News: Greene, D. & Cunningham, P. (2006). Practical solutions to the problem of diagonal
    dominance in kernel document clustering. ICML 2006.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd

from ..evaluate import results

__all__ = [
    "EVALUATIONS",
    "Lesson",
    "measured_finding",
    "measured_rates",
]

Lesson = Literal["framing", "word choice", "sourcing", "coverage"]
EVALUATIONS = {
    "framing": ("framing", "frac"),
    "word choice": ("loaded", "basil"),
    "sourcing": ("quotes", "polnear"),
    "coverage": ("topics", "bbc"),
}
"""Each lesson's measurement: (evaluation, section) in :mod:`analysis.evaluate.results`."""


def measured_rates(lesson: Lesson, *, path: str | Path | None = None) -> pd.DataFrame:
    """The tool's measured error rates for the labels a lesson's check compares, from the
    committed evaluation results (never recomputed here: the data sets are not needed).

    Args:
        lesson: "framing" (policy frame of a sentence, cue lexicon and model, FrAC; the workbook's
            generic frames have no outside measurement), "sourcing" (speaker and verb of a
            quote, PolNeAR), "coverage" (BBC News topic clustering: the wire-copy call itself has
            no outside measurement) or "word choice" (loaded words, BASIL).
        path: another results file in the schema of :mod:`analysis.evaluate.results` (tests); the
            lesson's committed file by default.

    Returns:
        One row per measure: ``label`` (what the tool decides), ``data`` (what it was measured
        on), ``measure``, ``value`` (a share from 0 to 1), ``error`` (1 - value, for the
        measures that are shares of right answers); the command that wrote the figures is in
        ``.attrs["command"]``. Empty when the results file is absent.
    """
    name, part = EVALUATIONS[lesson]
    data = results.section(name, part, path=path)
    rows: list[dict] = []
    if lesson == "framing" and data:
        f = data
        where = f"FrAC, held-out test split ({f['test_sentences']} sentences)"
        rows += [
            {"label": "policy frame of a sentence", "data": where,
             "measure": "accuracy (same frame as the annotators)", "value": f["lexicon"]["accuracy"]},
            {"label": "policy frame of a sentence", "data": where,
             "measure": "macro-F1 (frames weighted alike)", "value": f["lexicon"]["macro_f1"]},
        ]
        if f.get("model"):
            rows += [
                {"label": "policy frame of a sentence (model: words and cues)", "data": where,
                 "measure": "accuracy (same frame as the annotators)", "value": f["model"]["accuracy"]},
                {"label": "policy frame of a sentence (model: words and cues)", "data": where,
                 "measure": "macro-F1 (frames weighted alike)", "value": f["model"]["macro_f1"]},
            ]
        rows.append({"label": "always the most common frame (baseline)", "data": where, "measure": "accuracy",
                     "value": f["majority_baseline"]["accuracy"]})
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
        command = data.get("command", "python -m analysis.evaluate quotes")
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
            f"The evaluation results for this lesson are not in this installation "
            f"({results.results_path(EVALUATIONS[lesson][0]).name} "
            "is missing), so there is no measured error rate to set beside the check."
        )
    v = dict(zip(table["label"] + " | " + table["measure"], table["value"]))
    where = table["data"].iloc[0]
    if lesson == "framing":
        acc = v["policy frame of a sentence | accuracy (same frame as the annotators)"]
        model = v.get("policy frame of a sentence (model: words and cues) | accuracy (same frame as the annotators)")
        base = v["always the most common frame (baseline) | accuracy"]
        body = (
            "The generic frames of this check have no public data set of labelled sentences, so no error rate of them "
            "was measured on outside data: your check is their measurement. The nearest measured label is the policy "
            f"frame of a sentence. Measured on {where}, the policy cue lexicon gives the annotators' frame for {acc:.0%} "
            + (f"of the sentences and the model of notebook 01 (words and cues) for {model:.0%} " if model is not None
               else "of the sentences ")
            + f"(always answering the most common frame gives {base:.0%}). At the lexicon's rate a cue lexicon would "
            f"agree with a careful reader on about {round(acc * n)} of {n} sentences"
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

