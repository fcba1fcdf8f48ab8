"""``python -m analysis.evaluate passives``: the passive detector against hand-labelled sentences.

The labelled set (``tests/fixtures/passives_labelled.csv``) holds sentences from the seed articles
and from PolNeAR's dev texts, each read and labelled by a person: does it contain a be- or
get-passive, which participle(s), and does each passive name its agent in a "by" phrase. Reported:

- sentence level: a sentence is predicted passive when the detector finds at least one passive;
  precision, recall and F1 of that against the label;
- construction level: each labelled participle is one passive; a found passive counts as correct
  when its participle is one of the sentence's labelled participles (each used once);
- agent: of the correctly found passives, the share whose agent / no-agent call matches the label.

The figures are printed and written to ``analysis/data/evaluation_framing.json`` (section
``passives``) so that notebook 01 can show them without the data.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from ..framing.agency import find_passives
from ..paths import PROJ_ROOT
from . import results
from .cli import add_results_options, command_parser, data_present

__all__ = [
    "DEFAULT_DATA",
    "evaluate",
    "load_labelled",
    "main",
]

DEFAULT_DATA = PROJ_ROOT / "tests" / "fixtures" / "passives_labelled.csv"


def load_labelled(path: str | Path = DEFAULT_DATA) -> pd.DataFrame:
    """Read the labelled sentences (lines starting with # are the header comments)."""
    table = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    table["passive"] = table["passive"].astype(int)
    return table


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def evaluate(table: pd.DataFrame, *, get_passives: bool = True) -> tuple[dict, pd.DataFrame]:
    """Score the detector on a labelled table.

    Returns:
        (metrics, errors): metrics as a dict (sentence, construction, agent); errors one row per
        sentence where the detector and the label disagree.
    """
    s_tp = s_fp = s_fn = 0
    c_tp = c_fp = c_fn = 0
    agent_ok = agent_n = 0
    errors = []
    for row in table.itertuples(index=False):
        found = find_passives(row.sentence, get_passives=get_passives)
        gold_parts = [p for p in row.participles.split("|") if p] if row.passive else []
        gold_agents = [a == "1" for a in row.by_agent.split("|") if a] if row.passive else []
        predicted = bool(found)
        s_tp += predicted and bool(row.passive)
        s_fp += predicted and not row.passive
        s_fn += (not predicted) and bool(row.passive)
        remaining = Counter(gold_parts)
        gold_agent_of = {}
        for part, agent in zip(gold_parts, gold_agents):
            gold_agent_of.setdefault(part.lower(), []).append(agent)
        missed_found = []
        for p in found:
            key = p.participle.lower()
            if remaining[key] > 0:
                remaining[key] -= 1
                c_tp += 1
                agent_n += 1
                agent_ok += gold_agent_of[key].pop(0) == p.has_agent
            else:
                c_fp += 1
                missed_found.append(p.verb_group)
        c_fn += sum(remaining.values())
        if missed_found or sum(remaining.values()):
            errors.append(
                {
                    "id": row.id, "source": row.source, "labelled": row.participles or "(none)",
                    "found": "; ".join(p.verb_group + (f" [by {p.agent}]" if p.has_agent else "") for p in found) or "(none)",
                    "sentence": row.sentence,
                }
            )
    metrics = {
        "sentences": len(table),
        "passive_sentences": int(table["passive"].sum()),
        "from_seeds": int(table["source"].str.startswith("seed:").sum()),
        "from_polnear": int(table["source"].str.startswith("polnear:").sum()),
        "sentence_level": _prf(s_tp, s_fp, s_fn),
        "construction_level": _prf(c_tp, c_fp, c_fn),
        "agent_accuracy": round(agent_ok / agent_n, 3) if agent_n else 0.0,
        "agent_checked": agent_n,
        "get_passives": get_passives,
    }
    return metrics, pd.DataFrame(errors, columns=["id", "source", "labelled", "found", "sentence"])


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("passives", __doc__.split("\n")[0], data=DEFAULT_DATA, data_help="labelled CSV")
    parser.add_argument("--no-get", action="store_true", help="leave get-passives out")
    add_results_options(parser, "framing", write_by_default=True)
    args = parser.parse_args(argv)
    if not data_present(args.data, "the file of labelled sentences", "It ships with the repository in "
                        "tests/fixtures/passives_labelled.csv; run from a checkout or pass --data PATH."):
        return 2
    table = load_labelled(args.data)
    metrics, errors = evaluate(table, get_passives=not args.no_get)
    print(
        f"Passive detection on {metrics['sentences']} hand-labelled sentences ({metrics['from_seeds']} from the seed "
        f"articles, {metrics['from_polnear']} from PolNeAR dev; {metrics['passive_sentences']} contain a passive)\n"
    )
    print(f"{'sentences':<26}{'level':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}{'agent':>7}")
    splits = {"all": metrics}
    if "split" in table.columns:
        for name in sorted(table["split"].unique()):
            splits[name] = evaluate(table[table["split"] == name], get_passives=not args.no_get)[0]
    for name, m in splits.items():
        label = f"{name} ({m['sentences']})"
        for level in ("sentence_level", "construction_level"):
            x = m[level]
            print(f"{label:<26}{level.split('_')[0]:<14}{x['precision']:>10.3f}{x['recall']:>8.3f}{x['f1']:>7.3f}"
                  f"{x['tp']:>5}{x['fp']:>5}{x['fn']:>5}{m['agent_accuracy']:>7.3f}")
            label = ""
    print("\nagent: share of the correctly found passives whose by-agent (present or not) matches the label")
    metrics = {**metrics, "by_split": {k: v for k, v in splits.items() if k != "all"}}
    if len(errors):
        print(f"\nDisagreements ({len(errors)} sentences):")
        for e in errors.itertuples(index=False):
            print(f"- #{e.id} labelled: {e.labelled} | found: {e.found}\n  {e.sentence}")
    if not args.no_write:
        written = results.write("framing", "passives", path=args.results, payload={
            **metrics, "data": "tests/fixtures/passives_labelled.csv", "command": "python -m analysis.evaluate passives"})
        print(f"\nWrote the figures to {written.name} (section 'passives').")
    return 0


if __name__ == "__main__":
    sys.exit(main())
