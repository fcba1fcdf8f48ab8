"""``python -m analysis.evaluate frames``: the policy-frame lexicon against FrAC's sentence labels.

FrAC (Guida et al.; github.com/mattguida/FrAC, CC BY 4.0) gives 523 sentences from news articles
and reader comments (the SFU Opinion and Comments Corpus), each with one Media Frames Corpus frame
code (1-15, Boydstun et al.). The lexicon (``analysis/data/frames_policy.toml``) labels each
sentence with the frame whose cues it matches most (ties by the file's ``tie_order``; no cue:
"Other", 15), see :func:`analysis.framing.classify`.

The sentences are split once, by a hash of their text, into a **dev** split (about 40%: the only
part looked at while cues were added or ordered after the codebook-only first version) and a
held-out **test** split (about 60%), on which the figures are reported. Reported: accuracy and
macro-F1 (scikit-learn's, over every label that occurs in the gold labels or the predictions) of
the lexicon and of the majority-class baseline (the most common label of the dev split, always),
the lexicon's per-frame precision, recall and F1, and its coverage (the share of sentences with at
least one cue). The figures are printed and written to ``analysis/data/evaluation_framing.json``
(section ``frac``) so that notebook 01 can show them without the data set.

The model of :mod:`analysis.framing.classifier` (words and cue counts, logistic regression) is
fitted on the dev split only; ``--train`` refits it there and rewrites
``analysis/data/frames_policy_model.json``. Its accuracy, macro-F1 and per-frame figures on the
test split are reported beside the lexicon's (keys ``model`` and ``model_per_frame``).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from ..framing import classify, load_scheme
from ..framing import classifier
from ..paths import DATASETS_DIR
from . import results
from .cli import add_results_options, command_parser, data_present

__all__ = [
    "DEFAULT_DATA",
    "DEV_SHARE",
    "fit_label_map",
    "load_frac",
    "main",
    "score",
    "split_of",
    "train_model",
]

DEFAULT_DATA = DATASETS_DIR / "frac_framing" / "gold_standard_single_label_all.csv"
DEV_SHARE = 4  # sentences whose hash mod 10 is below this are the dev split (about 40%)


def split_of(sentence: str) -> str:
    """'dev' or 'test', fixed by the MD5 hash of the sentence text (the same on every machine)."""
    return "dev" if int(hashlib.md5(sentence.encode("utf-8")).hexdigest(), 16) % 10 < DEV_SHARE else "test"


def load_frac(path: str | Path = DEFAULT_DATA) -> pd.DataFrame:
    """FrAC's sentences with ``label`` (frame code) and ``split``."""
    table = pd.read_csv(path)
    missing = {"sentence", "label"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: expected columns sentence,label; missing {', '.join(sorted(missing))}")
    table = table.assign(label=table["label"].astype(int), sentence=table["sentence"].astype(str))
    return table.assign(split=table["sentence"].map(split_of))


def fit_label_map(dev: pd.DataFrame) -> dict[int, int]:
    """Map each predicted code that never occurs among the dev split's gold labels to the gold label
    it most often stands for on the dev split (ties: the lower code). FrAC uses 10 of the 15 codes:
    its annotators folded some frames into others (on the dev split, lexicon "Political" sentences
    are mostly gold "Policy prescription", "Crime and punishment" mostly "Legality"); this map,
    fit on dev only, says so in numbers. Codes that occur among the gold labels map to themselves."""
    gold = set(dev["label"])
    out = {}
    for code, g in dev.groupby("predicted"):
        if code in gold:
            continue
        counts = g["label"].value_counts()
        out[int(code)] = int(min(c for c in counts.index if counts[c] == counts.max()))
    return out


def score(table: pd.DataFrame, *, majority: int) -> dict:
    """Lexicon and majority-baseline figures on a table with ``label`` and ``predicted`` codes."""
    y, p = table["label"].tolist(), table["predicted"].tolist()
    base = [majority] * len(y)
    labels = sorted(set(y) | set(p))
    prec, rec, f1, support = precision_recall_fscore_support(y, p, labels=labels, zero_division=0)
    s = load_scheme("policy")
    names = {code: s.labels[f] for f, code in s.codes.items()}
    per_frame = [
        {"code": int(c), "frame": names.get(int(c), str(c)), "gold": int(sup), "predicted": int(sum(x == c for x in p)),
         "precision": round(float(pr), 3), "recall": round(float(rc), 3), "f1": round(float(ff), 3)}
        for c, pr, rc, ff, sup in zip(labels, prec, rec, f1, support)
    ]
    return {
        "sentences": len(y),
        "lexicon": {
            "accuracy": round(accuracy_score(y, p), 3),
            "macro_f1": round(f1_score(y, p, average="macro", zero_division=0), 3),
            "macro_f1_gold_labels": round(f1_score(y, p, labels=sorted(set(y)), average="macro", zero_division=0), 3),
            "coverage": round(sum(x != s.codes[s.fallback] for x in p) / len(p), 3),
        },
        "majority_baseline": {
            "code": majority, "label": names.get(majority, str(majority)),
            "accuracy": round(accuracy_score(y, base), 3),
            "macro_f1": round(f1_score(y, base, average="macro", zero_division=0), 3),
            "macro_f1_gold_labels": round(f1_score(y, base, labels=sorted(set(y)), average="macro", zero_division=0), 3),
        },
        "per_frame": per_frame,
    }


def train_model(frac: pd.DataFrame, *, path: str | Path | None = None) -> dict:
    """Fit the classifier on FrAC's dev split (only) and write it where :func:`classifier.load_model` reads it.

    Args:
        frac: the table of :func:`load_frac`.
        path: where to write the model; by default ``analysis/data/frames_policy_model.json``.

    Returns:
        The model written.
    """
    s = load_scheme("policy")
    frame_of_code = {c: f for f, c in s.codes.items()}
    dev = frac[frac["split"] == "dev"]
    model = classifier.fit_model(dev["sentence"].tolist(), [frame_of_code[c] for c in dev["label"]])
    model["command"] = "python -m analysis.evaluate frames --train"
    model["data"] = ("FrAC gold_standard_single_label_all.csv (mattguida/FrAC, CC BY 4.0), dev split only: "
                     "md5(sentence) mod 10 < 4")
    out = Path(path) if path is not None else classifier.MODEL_FILE
    out.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return model


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("frames", __doc__.split("\n")[0], data=DEFAULT_DATA, data_help="FrAC gold_standard_single_label_all.csv")
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test", help="which split to report (default: the held-out test split)")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrongly labelled sentences (dev split only)")
    parser.add_argument("--train", action="store_true", help="refit the model on the dev split and rewrite its JSON file")
    parser.add_argument("--model", type=Path, default=None, help=f"model file (default: {classifier.MODEL_FILE.name} of the package)")
    add_results_options(parser, "framing", write_by_default=True)
    args = parser.parse_args(argv)
    if not data_present(args.data, "FrAC", "Get gold_standard_single_label_all.csv from github.com/mattguida/FrAC "
                        "(CC BY 4.0) into ../shared/datasets/frac_framing/, or pass --data PATH."):
        return 2
    s = load_scheme("policy")
    frac = load_frac(args.data)
    to_code = {f: c for f, c in s.codes.items()}
    frac["predicted"] = [to_code[classify(t, scheme=s)] for t in frac["sentence"]]
    dev_part = frac[frac["split"] == "dev"]
    majority = int(dev_part["label"].value_counts().sort_index().idxmax())
    label_map = fit_label_map(dev_part)
    model = train_model(frac, path=args.model) if args.train else classifier.load_model(args.model)
    if args.train:
        print(f"Refitted the model on the dev split; wrote {(args.model or classifier.MODEL_FILE).name}.\n")
    frac["model"] = [to_code[f] for f in classifier.classify_sentences(frac["sentence"].tolist(), model=model)["label"]]
    part = frac if args.split == "all" else frac[frac["split"] == args.split]
    result = score(part, majority=majority)
    by_model = score(part.assign(predicted=part["model"]), majority=majority)
    mapped = score(part.assign(predicted=part["predicted"].map(lambda c: label_map.get(c, c))), majority=majority)
    lex, base = result["lexicon"], result["majority_baseline"]
    print(f"Policy frames on FrAC, {args.split} split: {result['sentences']} sentences "
          f"(dev {int((frac['split'] == 'dev').sum())}, test {int((frac['split'] == 'test').sum())})\n")
    print(f"{'':<34}{'accuracy':>9}{'macro-F1':>10}{'macro-F1 (gold labels)':>24}")
    print(f"{'lexicon':<34}{lex['accuracy']:>9.3f}{lex['macro_f1']:>10.3f}{lex['macro_f1_gold_labels']:>24.3f}")
    m = mapped["lexicon"]
    print(f"{'lexicon, mapped to FrAC labels':<34}{m['accuracy']:>9.3f}{m['macro_f1']:>10.3f}{m['macro_f1_gold_labels']:>24.3f}")
    mo = by_model["lexicon"]
    print(f"{'model (words + cue counts)':<34}{mo['accuracy']:>9.3f}{mo['macro_f1']:>10.3f}{mo['macro_f1_gold_labels']:>24.3f}")
    print(f"{'majority class (' + base['label'] + ')':<34}{base['accuracy']:>9.3f}{base['macro_f1']:>10.3f}{base['macro_f1_gold_labels']:>24.3f}")
    names = {c: s.labels[f] for f, c in s.codes.items()}
    print("\nmap fit on the dev split: " + ("; ".join(f"{names[a]} -> {names[b]}" for a, b in sorted(label_map.items())) or "none"))
    print(f"\ncoverage: {lex['coverage']:.0%} of the sentences have at least one cue\n")
    print("lexicon:\n" + pd.DataFrame(result["per_frame"]).to_string(index=False))
    print("\nmodel:\n" + pd.DataFrame(by_model["per_frame"]).to_string(index=False))
    if args.errors:
        dev = frac[(frac["split"] == "dev") & (frac["label"] != frac["predicted"])].head(args.errors)
        print(f"\nWrong on the dev split (first {len(dev)}):")
        for r in dev.itertuples(index=False):
            print(f"- gold {names[r.label]} | lexicon {names[r.predicted]}: {r.sentence[:200]}")
    if not args.no_write and args.split == "test":
        written = results.write("framing", "frac", path=args.results, payload={
            "test_sentences": result["sentences"], "dev_sentences": int((frac["split"] == "dev").sum()),
            "lexicon": lex, "majority_baseline": base, "per_frame": result["per_frame"],
            "lexicon_mapped": mapped["lexicon"], "per_frame_mapped": mapped["per_frame"],
            "label_map": {names[a]: names[b] for a, b in sorted(label_map.items())},
            "split_rule": "md5(sentence) mod 10 < 4 is dev (used while tuning cues); the rest is the held-out test split",
            "data": "FrAC gold_standard_single_label_all.csv (mattguida/FrAC, CC BY 4.0)",
            "model": {k: v for k, v in mo.items() if k != "coverage"}, "model_per_frame": by_model["per_frame"],
            "model_settings": {**model["settings"], "file": "analysis/data/frames_policy_model.json",
                               "trained_on": "dev split only", "command": model["command"]},
            "command": "python -m analysis.evaluate frames",
        })
        print(f"\nWrote the figures to {written.name} (section 'frac').")
    return 0


if __name__ == "__main__":
    sys.exit(main())
