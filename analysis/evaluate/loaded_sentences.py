"""Loaded sentences measured on BASIL: is a sentence loaded (lexical bias), and by which words.

``python -m analysis.evaluate loaded_sentences [--data PATH] [--train] [--no-write]``

BASIL (Fan et al., EMNLP 2019) marks spans of *lexical* bias in 300 articles (100 events, three
outlets each). A body sentence is **loaded** when it holds at least one lexical span. This
evaluation measures :func:`analysis.wordchoice.loaded_sentences.score_sentences` (the model
shipped in ``analysis/data/loaded_sentence_model.json``) on that label.

**Split.** BASIL's events of 2010-2012 (:func:`analysis.evaluate.loaded.split_of` calls them
*dev*: 30 events, 90 articles) are the training events; every choice — features (with or without
bag-of-words), regularisation, the threshold, how much weight a word needs to be shown as evidence,
VADER's threshold — is made by cross-validation within them, five folds grouped by event, so that
an event's three articles never sit on both sides of a fold. The events of 2013-2019 (*test*: 70
events, 210 articles) are only scored, once, with the model as trained.

**Figures** (on the test events):

- *Sentence level*: precision, recall, F1 of ``loaded`` and ROC AUC of ``score``, beside two
  baselines: every sentence loaded, and VADER (loaded when the compound score's absolute value
  reaches a threshold chosen on the training events; AUC of that absolute value).
- *Span level*: the evidence words of the sentences the model calls loaded, against the lexical
  spans, by the overlap rule of :mod:`analysis.evaluate.loaded` (a flag is correct if it shares a
  word with a lexical span of the same sentence; a span is found if a flag shares a word with it).

``--train`` refits the model on the training events and rewrites the model file (``--model``);
without it the shipped model is measured.

References:
    Fan, L., White, M., Sharma, E., Su, R., Choubey, P. K., Huang, R., & Wang, L. (2019). In plain
    sight: Media bias through the lens of factual reporting. EMNLP-IJCNLP 2019, 6343-6349.
    Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
    analysis of social media text. ICWSM 8(1), 216-225.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus.marks import quoted_regions
from ..wordchoice.loaded_sentences import (
    MODEL_FILE,
    LoadedSentenceModel,
    SentenceFeatures,
    fit_model,
    load_model,
    sentence_features,
)
from . import results
from .cli import add_results_options, command_parser, data_present
from .loaded import DEFAULT_DATA, Scores, Span, read_basil, score_sentence, split_of

__all__ = [
    "C_GRID",
    "EVIDENCE_GRID",
    "Example",
    "TARGETS",
    "WORDS_GRID",
    "basil_examples",
    "choose_and_fit",
    "cross_validate",
    "main",
    "sentence_metrics",
    "span_scores",
    "vader_scores",
]

C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
EVIDENCE_GRID = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5)
WORDS_GRID = ("none", "hits", "all")
WORDS_ABOUT = {"none": "", "hits": ", and one weight per list entry matched", "all": ", and every lower-case word"}
N_FOLDS = 5
TARGETS = {"sentence_f1_margin": 0.10, "span_f1": 0.30}
"""The acceptance targets of issue 19: sentence F1 above both baselines by this much; span F1 at least this."""
TRAIN_COMMAND = "python -m analysis.evaluate loaded_sentences --train"


@dataclass
class Example:
    """One BASIL body sentence, ready to score.

    Attributes:
        event: the article's ``triplet`` (its event), the group for cross-validation.
        text: the sentence.
        features: its :func:`analysis.wordchoice.loaded_sentences.sentence_features` (with words).
        loaded: whether it holds a lexical span.
        gold: the lexical spans, offsets into ``text``.
    """

    event: str
    text: str
    features: SentenceFeatures
    loaded: bool
    gold: list[Span]


def basil_examples(articles: list[dict]) -> list[Example]:
    """Every body sentence of BASIL articles, with quotation marks read per paragraph.

    BASIL gives sentences with their paragraph number; each paragraph is rebuilt (its sentences
    joined by a space) so that a quotation running over two sentences counts for both.
    """
    out = []
    for art in articles:
        gold: dict[int, list[Span]] = {}
        for sp in art["spans"]:
            if sp["bias"] == "lex" and sp.get("sentence_index") is not None:
                gold.setdefault(sp["sentence_index"], []).append((sp["start"], sp["end"]))
        by_para: dict[int, list[int]] = {}
        for k, s in enumerate(art["sentences"]):
            by_para.setdefault(s["para"], []).append(k)
        for ks in by_para.values():
            offsets, pos = [], 0
            for k in ks:
                offsets.append(pos)
                pos += len(art["sentences"][k]["text"]) + 1
            paragraph = " ".join(art["sentences"][k]["text"] for k in ks)
            regions = quoted_regions(paragraph, [(0, len(paragraph))])
            for k, at in zip(ks, offsets):
                text = art["sentences"][k]["text"]
                local = [(max(a, at) - at, min(b, at + len(text)) - at) for a, b in regions if a < at + len(text) and b > at]
                out.append(Example(art["triplet"], text, sentence_features(text, local), k in gold, gold.get(k, [])))
    return out


def sentence_metrics(y: np.ndarray, flagged: np.ndarray, score: np.ndarray | None = None) -> dict[str, float]:
    """Precision, recall, F1 of ``flagged`` against ``y``, and ROC AUC of ``score`` (0.5 when constant)."""
    from sklearn.metrics import roc_auc_score

    tp = int((y & flagged).sum())
    p = tp / flagged.sum() if flagged.sum() else 0.0
    r = tp / y.sum() if y.sum() else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    auc = float(roc_auc_score(y, score)) if score is not None and len(set(score)) > 1 else 0.5
    return {"precision": float(p), "recall": float(r), "f1": float(f1), "roc_auc": auc, "flagged": int(flagged.sum())}


def _best_threshold(y: np.ndarray, score: np.ndarray) -> float:
    """The score from which calling sentences loaded gives the highest F1 (ties: the higher score)."""
    best, best_f1 = 1.0, -1.0
    for t in np.unique(score):
        f1 = sentence_metrics(y, score >= t)["f1"]
        if f1 >= best_f1:
            best, best_f1 = float(t), f1
    return best


def span_scores(examples: list[Example], model: LoadedSentenceModel) -> Scores:
    """Span-level overlap scores of the evidence of the sentences ``model`` calls loaded."""
    totals = {"token": Scores(), "span": Scores(), "exact": Scores()}
    for ex in examples:
        score, evidence = model.score(ex.features)
        flags = [(a, b) for a, b, *_ in evidence] if score >= model.threshold else []
        score_sentence(ex.text, ex.gold, flags, totals)
    return totals["span"]


def _folds(examples: list[Example]) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    groups = [ex.event for ex in examples]
    return list(GroupKFold(n_splits=N_FOLDS).split(np.zeros(len(examples)), groups=groups))


def cross_validate(examples: list[Example], *, c: float, words: str) -> tuple[np.ndarray, list[LoadedSentenceModel]]:
    """Out-of-fold scores (five folds grouped by event) and the model of each fold."""
    oof = np.zeros(len(examples))
    models = []
    for train, held in _folds(examples):
        m = fit_model([examples[i].features for i in train], [examples[i].loaded for i in train], c=c, words=words)
        oof[held] = [m.score(examples[i].features)[0] for i in held]
        models.append(m)
    return oof, models


def choose_and_fit(examples: list[Example], *, data: str) -> tuple[LoadedSentenceModel, pd.DataFrame]:
    """Choose the options by grouped cross-validation on ``examples`` and fit the model on all of them.

    Features (with or without bag-of-words) and regularisation are chosen by out-of-fold average
    precision; then the threshold that maximises out-of-fold F1; then the evidence weight that
    maximises out-of-fold span F1 at that threshold.

    Returns:
        The model, and the cross-validation table (one row per option tried).
    """
    from sklearn.metrics import average_precision_score

    y = np.array([ex.loaded for ex in examples])
    rows, runs = [], {}
    for words in WORDS_GRID:
        for c in C_GRID:
            oof, models = cross_validate(examples, c=c, words=words)
            t = _best_threshold(y, oof)
            runs[words, c] = (oof, models)
            rows.append({"words": words, "C": c, "average_precision": float(average_precision_score(y, oof)),
                         "roc_auc": sentence_metrics(y, oof >= t, oof)["roc_auc"], "best_f1": sentence_metrics(y, oof >= t)["f1"]})
    table = pd.DataFrame(rows)
    best = table.loc[table["average_precision"].idxmax()]
    words, c = str(best["words"]), float(best["C"])
    oof, models = runs[words, c]
    threshold = _best_threshold(y, oof)
    span_by_min = {}
    for ev in EVIDENCE_GRID:
        total = Scores()
        for (_, held), m in zip(_folds(examples), models):
            fold_model = LoadedSentenceModel(m.features, m.coefficients, m.intercept, threshold, ev)
            s = span_scores([examples[i] for i in held], fold_model)
            total.true_pos_pred += s.true_pos_pred
            total.predicted += s.predicted
            total.true_pos_gold += s.true_pos_gold
            total.gold += s.gold
        span_by_min[ev] = total.f1
    evidence_min = max(EVIDENCE_GRID, key=lambda ev: (span_by_min[ev], -ev))
    oof_sentence = sentence_metrics(y, oof >= threshold, oof)
    about = {
        "about": "Loaded-sentence model of analysis.wordchoice.loaded_sentences: logistic regression "
                 "(scikit-learn, L2, classes balanced) on list hits in and out of quotation marks, VADER-strong "
                 "words, VADER valence, length, quoted share" + WORDS_ABOUT[words] + ".",
        "command": TRAIN_COMMAND,
        "data": f"{data}; BASIL (Fan et al. 2019) training events 2010-2012 only: {len({ex.event for ex in examples})} "
                f"events, {len(examples)} body sentences, {int(y.sum())} with a lexical span",
        "options": {"C": c, "words": words, "min_count": 3, "class_weight": "balanced"},
        "selection": f"{N_FOLDS}-fold cross-validation grouped by event, on the training events only: "
                     "options by average precision, threshold by F1, evidence_min by span F1",
        "cross_validation": {
            "average_precision": round(float(best["average_precision"]), 6),
            "sentence_f1": round(oof_sentence["f1"], 6),
            "roc_auc": round(oof_sentence["roc_auc"], 6),
            "span_f1": round(span_by_min[evidence_min], 6),
            "span_f1_by_evidence_min": {f"{ev:g}": round(f, 6) for ev, f in span_by_min.items()},
        },
    }
    model = fit_model([ex.features for ex in examples], y, c=c, words=words, threshold=threshold,
                      evidence_min=evidence_min, about=about)
    return model, table


def vader_scores(texts: list[str]) -> np.ndarray:
    """The absolute value of VADER's compound score of each sentence."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return np.array([abs(analyzer.polarity_scores(t)["compound"]) for t in texts])


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("loaded_sentences", "Measure the loaded-sentence model against BASIL's lexical-bias "
                            "sentences, beside every-sentence and VADER baselines.", data=DEFAULT_DATA, data_help="basil_flat.jsonl")
    parser.add_argument("--train", action="store_true", help="refit the model on the training events (2010-12) and rewrite --model")
    parser.add_argument("--model", type=Path, default=MODEL_FILE, help=f"the model file (default: {MODEL_FILE.name} of the package)")
    add_results_options(parser, "loaded", write_by_default=True)
    args = parser.parse_args(argv)
    if not data_present(args.data, "the BASIL data set", "Get basil_flat.jsonl (launchnlp/BASIL, converted to one "
                        "article a line; see the README) and pass its path with --data."):
        return 2
    articles = read_basil(args.data)
    train = basil_examples([a for a in articles if split_of(a) == "dev"])
    test = basil_examples([a for a in articles if split_of(a) == "test"])
    if args.train:
        model, table = choose_and_fit(train, data=args.data.name)
        print("Cross-validation on the training events (5 folds grouped by event):\n")
        with pd.option_context("display.width", 200, "display.float_format", "{:.3f}".format):
            print(table.to_string(index=False))
        print(f"\nWrote {model.write(args.model)}\n")
        load_model.cache_clear()
    model = load_model(args.model)

    y_train = np.array([ex.loaded for ex in train])
    y = np.array([ex.loaded for ex in test])
    scores = np.array([model.score(ex.features)[0] for ex in test])
    vader_train = vader_scores([ex.text for ex in train])
    vader_threshold = _best_threshold(y_train, vader_train)
    vader_test = vader_scores([ex.text for ex in test])
    systems = {
        "loaded-sentence model": sentence_metrics(y, scores >= model.threshold, scores),
        "baseline: every sentence loaded": sentence_metrics(y, np.ones_like(y), None),
        f"baseline: VADER |compound| >= {vader_threshold:.3f}": sentence_metrics(y, vader_test >= vader_threshold, vader_test),
    }
    spans = span_scores(test, model)
    table = pd.DataFrame([{"system": k, **v} for k, v in systems.items()])
    print(f"BASIL test events (2013-2019): {len({ex.event for ex in test})} events, {len(test)} body sentences, "
          f"{int(y.sum())} with a lexical span. Model trained on {len({ex.event for ex in train})} events of 2010-2012.\n")
    with pd.option_context("display.width", 200, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    print(f"\nEvidence words of the sentences called loaded: {spans.predicted} flags, span precision {spans.precision:.3f}, "
          f"recall {spans.recall:.3f}, F1 {spans.f1:.3f} (a flag is correct if it shares a word with a lexical span).")
    margin = systems["loaded-sentence model"]["f1"] - max(v["f1"] for k, v in systems.items() if k.startswith("baseline"))
    met = {"sentence_f1_margin": margin >= TARGETS["sentence_f1_margin"], "span_f1": spans.f1 >= TARGETS["span_f1"]}
    print(f"Targets: sentence F1 above both baselines by {TARGETS['sentence_f1_margin']:.2f} "
          f"({'met' if met['sentence_f1_margin'] else 'not met'}: {margin:+.3f}); span F1 >= {TARGETS['span_f1']:.2f} "
          f"({'met' if met['span_f1'] else 'not met'}).")
    if not args.no_write:
        payload = {
            "command": "python -m analysis.evaluate loaded_sentences",
            "data": f"BASIL (Fan et al. 2019), {args.data.name}; body sentences of the test events (2013-2019), loaded = "
                    "holds a lexical-bias span; model trained on the events of 2010-2012 only",
            "model": {"file": args.model.name, "options": model.about.get("options", {}),
                      "threshold": round(model.threshold, 6), "evidence_min": round(model.evidence_min, 6),
                      "cross_validation": model.about.get("cross_validation", {})},
            "split": "test",
            "sentences": len(test),
            "loaded_sentences": int(y.sum()),
            "systems": [{"system": k, **{m: round(v, 6) if isinstance(v, float) else v for m, v in s.items()}}
                        for k, s in systems.items()],
            "vader_threshold": round(vader_threshold, 6),
            "span_rule": "evidence words of sentences called loaded; a flag is correct if it shares a word with a lexical "
                         "span in the same sentence",
            "spans": {"flagged": spans.predicted, "lexical_spans": spans.gold, "span_precision": round(spans.precision, 6),
                      "span_recall": round(spans.recall, 6), "span_f1": round(spans.f1, 6)},
            "targets": {**TARGETS, "met": met, "sentence_f1_margin_measured": round(margin, 6)},
        }
        print(f"\nWrote {results.write('loaded', 'sentences', payload, path=args.results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
