"""Loaded-word detection measured on BASIL's lexical-bias spans.

``python -m analysis.evaluate loaded [--data PATH] [--split dev|test|all]``

BASIL (Fan et al., EMNLP 2019) annotates 300 news articles (100 events, each reported by Fox
News, the New York Times and HuffPost) with spans of *lexical* bias ("polarized or loaded
words") and *informational* bias. This evaluation compares the package's loaded-word detector
(the evaluative and emotive word lists, :data:`analysis.wordchoice.LOADED_DETECTOR`)
with a baseline that flags every word in VADER's sentiment lexicon, against the lexical spans
only; a flag on an informational span counts as wrong.

**Split.** The word lists were written before looking at BASIL and then tuned on the events of
2010-2012 (the *dev* split: 30 events, 90 articles: words added from the spans they missed, one
word removed, and the choice of lists for the detector); the figures to report are on the events
of 2013-2019 (the *test* split: 70 events, 210 articles), which were not looked at while the
lists were written or tuned. Events never straddle the split (all three articles of an event fall
in one year).

**Units and matching.** Body sentences only (the two lexical spans annotated on headlines are
left out). Words are the word tokens of :func:`analysis.corpus.segment.tokenize`.

- *Token level*: a word is gold if it overlaps a lexical span, predicted if it overlaps a flagged
  span; precision, recall and F1 over words.
- *Span level (overlap)*: a flagged span is correct if it shares at least one word with a
  lexical span of the same sentence; a lexical span is found if at least one flagged span shares
  a word with it. Precision = correct flags / flags, recall = found spans / lexical spans.
- *Span level (exact)*: a flag is correct only if it covers exactly the words of a lexical span
  (the span's surrounding quotation marks and punctuation ignored).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..paths import DATASETS_DIR
from . import results
from .cli import add_results_options, command_parser, data_present
from ..corpus.segment import tokenize

__all__ = [
    "DEFAULT_DATA",
    "Detector",
    "DEV_YEARS",
    "evaluate",
    "lexicon_detector",
    "main",
    "read_basil",
    "results_table",
    "score_sentence",
    "Scores",
    "Span",
    "split_of",
    "vader_detector",
    "write_results",
]

DEFAULT_DATA = DATASETS_DIR / "basil" / "basil_flat.jsonl"
DEV_YEARS = range(2010, 2013)

Span = tuple[int, int]
Detector = Callable[[str], list[Span]]


def read_basil(path: str | Path) -> list[dict]:
    """The articles of ``basil_flat.jsonl``, one dict per article (see the data set's README)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_of(article: dict) -> str:
    """``"dev"`` for events of 2010-2012, ``"test"`` for 2013-2019 (by the article's date)."""
    return "dev" if int(article["date"][:4]) in DEV_YEARS else "test"


def lexicon_detector(categories: Iterable[str] | None = None) -> Detector:
    """The package's loaded-word detector: spans of words in the chosen word lists."""
    from ..wordchoice import LOADED_DETECTOR, load_lexicons

    lex = load_lexicons().subset(tuple(categories) if categories else LOADED_DETECTOR)
    return lambda sentence: [(a, b) for a, b, _, _ in lex.find(sentence)]


def vader_detector() -> Detector:
    """The baseline: every word whose lower-case form is in VADER's lexicon."""
    from ..wordchoice import vader_lexicon

    words = {w for w in vader_lexicon() if " " not in w}
    return lambda sentence: [(a, b) for a, b, tok, kind in tokenize(sentence) if kind == "word" and tok.lower() in words]


@dataclass
class Scores:
    """Counts behind precision and recall at one level."""

    true_pos_pred: int = 0  # flags (or words) that are correct
    predicted: int = 0
    true_pos_gold: int = 0  # gold spans (or words) found
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_pos_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_pos_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


_TRIM = " \t\"'“”‘’.,;:!?()[]—–-"


def _words_in(span: Span, words: list[Span]) -> frozenset[int]:
    return frozenset(i for i, (a, b) in enumerate(words) if a < span[1] and b > span[0])


def score_sentence(sentence: str, gold: list[Span], predicted: list[Span], totals: dict[str, Scores]) -> None:
    """Add one sentence's counts to ``totals`` (keys ``token``, ``span``, ``exact``)."""
    words = [(a, b) for a, b, _, kind in tokenize(sentence) if kind in ("word", "number", "initialism")]
    gold_sets = [_words_in(s, words) for s in gold]
    pred_sets = [_words_in(s, words) for s in predicted]
    gold_words = frozenset().union(*gold_sets) if gold_sets else frozenset()
    pred_words = frozenset().union(*pred_sets) if pred_sets else frozenset()
    t = totals["token"]
    t.true_pos_pred += len(pred_words & gold_words)
    t.true_pos_gold += len(pred_words & gold_words)
    t.predicted += len(pred_words)
    t.gold += len(gold_words)
    s = totals["span"]
    s.predicted += len(pred_sets)
    s.gold += len(gold_sets)
    s.true_pos_pred += sum(any(p & g for g in gold_sets) for p in pred_sets)
    s.true_pos_gold += sum(any(p & g for p in pred_sets) for g in gold_sets)
    e = totals["exact"]
    e.predicted += len(pred_sets)
    e.gold += len(gold_sets)
    e.true_pos_pred += sum(bool(p) and p in gold_sets for p in pred_sets)
    e.true_pos_gold += sum(bool(g) and g in pred_sets for g in gold_sets)


def evaluate(articles: Iterable[dict], detector: Detector) -> dict[str, Scores]:
    """Token and span scores of ``detector`` on BASIL articles' lexical-bias spans."""
    totals = {"token": Scores(), "span": Scores(), "exact": Scores()}
    for art in articles:
        gold_by_sentence: dict[int, list[Span]] = {}
        for sp in art["spans"]:
            if sp["bias"] == "lex" and sp.get("sentence_index") is not None:
                gold_by_sentence.setdefault(sp["sentence_index"], []).append((sp["start"], sp["end"]))
        for k, sent in enumerate(art["sentences"]):
            text = sent["text"]
            score_sentence(text, gold_by_sentence.get(k, []), detector(text), totals)
    return totals


def results_table(articles: list[dict], systems: dict[str, Detector]) -> pd.DataFrame:
    """One row per system: words, spans, token and span precision / recall / F1."""
    rows = []
    for name, detector in systems.items():
        t = evaluate(articles, detector)
        rows.append(
            {
                "system": name,
                "flagged spans": t["span"].predicted,
                "token P": t["token"].precision, "token R": t["token"].recall, "token F1": t["token"].f1,
                "span P": t["span"].precision, "span R": t["span"].recall, "span F1": t["span"].f1,
                "exact P": t["exact"].precision, "exact R": t["exact"].recall, "exact F1": t["exact"].f1,
            }
        )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("loaded", "Measure the loaded-word detector against BASIL's lexical-bias spans, beside a VADER-lexicon baseline.",
                            data=DEFAULT_DATA, data_help="basil_flat.jsonl")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test", help="events of 2010-12 (dev), 2013-19 (test, default), or all")
    parser.add_argument("--by-category", action="store_true", help="also score each word list on its own")
    add_results_options(parser, "loaded", write_by_default=False)
    args = parser.parse_args(argv)
    if not data_present(args.data, "the BASIL data set", "Get basil_flat.jsonl (launchnlp/BASIL, converted to one "
                        "article a line; see the README) and pass its path with --data."):
        return 2
    from ..wordchoice import LOADED_CATEGORIES, LOADED_DETECTOR

    articles = [a for a in read_basil(args.data) if args.split == "all" or split_of(a) == args.split]
    gold = sum(sp["bias"] == "lex" and sp.get("sentence_index") is not None for a in articles for sp in a["spans"])
    words = sum(kind == "word" for a in articles for s in a["sentences"] for *_, kind in tokenize(s["text"]))
    systems = {"loaded-word lists (" + " + ".join(LOADED_DETECTOR) + ")": lexicon_detector(), "baseline: every VADER-lexicon word": vader_detector()}
    if args.by_category:
        systems.update({f"  {c} only": lexicon_detector([c]) for c in LOADED_CATEGORIES})
    table = results_table(articles, systems)
    print(
        f"BASIL lexical-bias spans, {args.split} split: {len(articles)} articles, {words:,} words, {gold} lexical spans "
        "(body sentences)."
    )
    print("Span match: a flag is correct if it shares a word with a lexical span (exact: same words).\n")
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    if args.write:
        written = write_results(table, split=args.split, articles=len(articles), words=words, gold=gold, data=args.data,
                                path=args.results)
        print(f"\nWrote {written}")
    return 0


def write_results(table: pd.DataFrame, *, split: str, articles: int, words: int, gold: int, data: Path,
                  path: Path | None = None) -> Path:
    """Write the figures (the detector first, then the baseline) for the notebooks to read."""
    systems = []
    for row in table.to_dict("records"):
        entry = {"system": row["system"].strip(), "flagged_spans": int(row["flagged spans"])}
        for level, short in (("token", "token"), ("span", "span"), ("exact", "exact")):
            for metric, key in (("P", "precision"), ("R", "recall"), ("F1", "f1")):
                entry[f"{short}_{key}"] = round(float(row[f"{level} {metric}"]), 6)
        systems.append(entry)
    payload = {
        "command": f"python -m analysis.evaluate loaded --split {split} --write",
        "data": f"BASIL (Fan et al. 2019), {data.name}; lexical-bias spans in body sentences",
        "split": split,
        "articles": articles,
        "words": words,
        "lexical_spans": gold,
        "span_rule": "a flag is correct if it shares a word with a lexical span in the same sentence; exact: the same words",
        "systems": systems,
    }
    return results.write("loaded", "basil", payload, path=path)


if __name__ == "__main__":
    sys.exit(main())
