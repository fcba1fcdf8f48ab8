"""How far to trust the framing labels: the measured error rates, from ``data/evaluation_framing.json``.

``python -m analysis.evaluate frames`` measures the policy-frame lexicon on FrAC's sentence labels
(section ``frac``) and ``python -m analysis.evaluate passives`` the passive rules on hand-labelled
sentences (section ``passives``), both through :mod:`analysis.evaluate.results`; :func:`read_results`
reads them back, :func:`evaluation_table` lays the figures out for notebook 01 and
:func:`evaluation_finding` puts them in words.

References:
    Guida et al., FrAC (github.com/mattguida/FrAC): the sentence-level frame labels.
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. & Smith, N. A. (2014). Tracking the
    development of media frames within and across policy issues (the frame codes).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..evaluate import results as evaluation_results

__all__ = [
    "evaluation_finding",
    "evaluation_table",
    "read_results",
]


def read_results(path: str | Path | None = None) -> dict:
    """The framing evaluation results (sections ``frac`` and ``passives``), or {} when not yet
    written; read through :mod:`analysis.evaluate.results`."""
    return evaluation_results.read("framing", path=path)


def evaluation_table(results: dict | None = None) -> pd.DataFrame:
    """The measured error rates of this notebook's automatic labels, one row per measure."""
    r = read_results() if results is None else results
    rows = []
    if "frac" in r:
        f = r["frac"]
        rows += [
            {"label": "policy frame of a sentence (lexicon)", "data": f"FrAC, held-out test split ({f['test_sentences']} sentences)",
             "measure": "accuracy", "value": f["lexicon"]["accuracy"], "baseline": f["majority_baseline"]["accuracy"]},
            {"label": "policy frame of a sentence (lexicon)", "data": f"FrAC, held-out test split ({f['test_sentences']} sentences)",
             "measure": "macro-F1", "value": f["lexicon"]["macro_f1"], "baseline": f["majority_baseline"]["macro_f1"]},
        ]
        if "lexicon_mapped" in f:
            rows += [
                {"label": "the same, frames FrAC does not use folded into those it does (map fit on the dev split)",
                 "data": f"FrAC, held-out test split ({f['test_sentences']} sentences)", "measure": measure,
                 "value": f["lexicon_mapped"][key], "baseline": f["majority_baseline"][key]}
                for measure, key in (("accuracy", "accuracy"), ("macro-F1", "macro_f1"))
            ]
    if "passives" in r:
        p = r["passives"]
        data = f"{p['sentences']} hand-labelled sentences (seeds and PolNeAR dev)"
        rows += [
            {"label": "passive construction", "data": data, "measure": "precision (sentence level)",
             "value": p["sentence_level"]["precision"], "baseline": None},
            {"label": "passive construction", "data": data, "measure": "recall (sentence level)",
             "value": p["sentence_level"]["recall"], "baseline": None},
            {"label": "passive construction", "data": data, "measure": "precision (each passive)",
             "value": p["construction_level"]["precision"], "baseline": None},
            {"label": "passive construction", "data": data, "measure": "recall (each passive)",
             "value": p["construction_level"]["recall"], "baseline": None},
            {"label": "by-agent present or not", "data": f"the {p['agent_checked']} passives found correctly",
             "measure": "accuracy", "value": p["agent_accuracy"], "baseline": None},
        ]
        blind = p.get("by_split", {}).get("blind")
        if blind:
            data = f"the {blind['sentences']} of them labelled blind, after the rules were written"
            rows += [
                {"label": "passive construction", "data": data, "measure": f"{m} (each passive)",
                 "value": blind["construction_level"][m], "baseline": None}
                for m in ("precision", "recall")
            ]
    return pd.DataFrame(rows, columns=["label", "data", "measure", "value", "baseline"])


def evaluation_finding(results: dict | None = None) -> str:
    """Plain words on how far the lexicon and the passive rules get (from the results file)."""
    r = read_results() if results is None else results
    parts = []
    if "frac" in r:
        f = r["frac"]
        lex, base = f["lexicon"], f["majority_baseline"]
        parts.append(
            f"On {f['test_sentences']} held-out FrAC sentences, the policy-frame lexicon picks the annotators' frame for "
            f"{lex['accuracy']:.0%} of them (macro-F1 {lex['macro_f1']:.2f}); always answering the most common frame, "
            f"\"{base['label']}\", gets {base['accuracy']:.0%} (macro-F1 {base['macro_f1']:.2f}). A lexicon beats the baseline "
            "but is far from a trained model: treat each label as a pointer to sentences worth reading, not a verdict."
        )
        if "lexicon_mapped" in f and f.get("label_map"):
            used = sum(1 for r in f["per_frame"] if r["gold"] > 0)
            examples = "; ".join(f"\"{a}\" as \"{b}\"" for a, b in list(f["label_map"].items())[:2])
            parts.append(
                f"FrAC's test sentences use {used} of the 15 frames. Counting lexicon frames the annotators did not use as "
                f"the frame they stand for most often on the dev split ({examples} ...), the lexicon agrees on "
                f"{f['lexicon_mapped']['accuracy']:.0%} (macro-F1 {f['lexicon_mapped']['macro_f1']:.2f})."
            )
    if "passives" in r:
        p = r["passives"]
        parts.append(
            f"The passive rules find passives with precision {p['construction_level']['precision']:.2f} and recall "
            f"{p['construction_level']['recall']:.2f} on {p['sentences']} hand-labelled sentences (each passive counted), and "
            f"say rightly whether a by-agent is there for {p['agent_accuracy']:.0%} of those they find."
        )
        blind = p.get("by_split", {}).get("blind")
        if blind:
            parts.append(
                f"On the {blind['sentences']} sentences labelled only after the rules were written, precision is "
                f"{blind['construction_level']['precision']:.2f} and recall {blind['construction_level']['recall']:.2f}: "
                "that is the fairer guess for a new text."
            )
    return " ".join(parts) or "The evaluations have not been run yet (python -m analysis.evaluate frames / passives)."
