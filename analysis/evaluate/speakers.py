"""``python -m analysis.evaluate speakers``: quotes and speakers measured on hand-made gold of other stories.

PolNeAR (``python -m analysis.evaluate quotes``) measures quotes on one kind of text. This measures
them where the rules were not written: same-story corpora from the AllSides data set
(``gold/speakers/corpora.toml``), every quotation of every article marked by reading, with its
speaker under one canonical name (``gold/speakers/quotes.csv``), the people each corpus names with
every way it writes them (``people.csv``), and the scare quotes that are nobody's words
(``scare.csv``); see ``gold/speakers/README.md``. The ``unseen`` corpus was not looked at while rules
were changed.

Each corpus is read as a user's would be: its articles' ``content_original`` as text, ``source`` as
outlet, ``title`` as headline, through :func:`analysis.corpus.corpus_from_frame` and
:func:`analysis.sourcing.extract_quotes` with the corpus's own register (no register row is
written for these corpora: the people are found in the text). Gold offsets are into the raw text;
a gold quote is found in the cleaned text as the same occurrence of the same words.

Measured, per split:

- **span** precision, recall and F1 of quotes (predicted rows of kind ``direct`` or ``partial``),
  matched one to one when they share at least half of the longer span;
- **speaker accuracy** over matched quotes: a gold person is right when the predicted name is one
  of the ways the corpus writes that person (``people.csv``), an organisation when one name holds
  the other, an unnamed source when the prediction is an anonymous source, and a quote whose
  speaker the text does not give when the prediction is empty as well;
- **one name per person**: of the gold people the tool names correctly, those it names with one
  string across the corpus;
- **absent people**: predicted person speakers, the people roles speak for, and the person actors
  of actor salience and ledes (:func:`analysis.framing.actors.actor_mentions`) whose every word is
  missing from the corpus's text (a name from another story);
- **scare quotes given a speaker**: gold scare quotes predicted as a voice with a speaker.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pandas as pd

from ..paths import DATASETS_DIR, PROJ_ROOT
from .cli import add_results_options, command_parser, data_present
from .quotes import match
from .results import write as save_results

__all__ = [
    "DEFAULT_DATA",
    "DEFAULT_GOLD",
    "Gold",
    "corpus_of",
    "evaluate_corpus",
    "load_gold",
    "main",
    "read_allsides",
    "same_speaker",
    "summarise",
]

DEFAULT_DATA = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"
DEFAULT_GOLD = PROJ_ROOT / "gold" / "speakers"
VOICES = ("direct", "partial")


class Gold:
    """The gold folder: its corpora, quotes, scare quotes and people, as tables."""

    def __init__(self, folder: str | Path = DEFAULT_GOLD):
        folder = Path(folder)
        self.corpora = tomllib.loads((folder / "corpora.toml").read_text(encoding="utf-8"))
        self.quotes = pd.read_csv(folder / "quotes.csv", dtype=str, keep_default_na=False)
        self.scare = pd.read_csv(folder / "scare.csv", dtype=str, keep_default_na=False)
        people = pd.read_csv(folder / "people.csv", dtype=str, keep_default_na=False)
        self.variants: dict[str, dict[str, set[str]]] = defaultdict(dict)
        for row in people.itertuples():
            forms = {v.strip() for v in row.variants.split("|") if v.strip()} | {row.canonical}
            self.variants[row.corpus][row.canonical] = {_fold(f) for f in forms}
        for table in (self.quotes, self.scare):
            table["quote_start"] = table["quote_start"].astype(int)
            table["quote_end"] = table["quote_end"].astype(int)

    def split_of(self, corpus: str) -> str:
        """``dev`` or ``unseen``, as the quotes of the corpus say."""
        splits = set(self.quotes.loc[self.quotes["corpus"] == corpus, "split"])
        return splits.pop() if len(splits) == 1 else "dev"


def load_gold(folder: str | Path = DEFAULT_GOLD) -> Gold:
    """The gold folder (``gold/speakers/`` of the repository by default)."""
    return Gold(folder)


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'").strip().lower())


def read_allsides(path: str | Path, ids: set[str]) -> dict[str, dict]:
    """The AllSides articles with these IDs, by ID."""
    found = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("ID") in ids:
                found[row["ID"]] = row
    return found


def corpus_of(articles: list[dict]):
    """The articles as a corpus, as a user's CSV or JSON Lines file would give them."""
    from ..corpus import corpus_from_frame

    frame = pd.DataFrame({
        "article_id": [a["ID"] for a in articles],
        "outlet": [a.get("source") or "unknown" for a in articles],
        "text": [a.get("content_original") or "" for a in articles],
        "headline": [a.get("title") or "" for a in articles],
        "byline": [a.get("authors") or "" for a in articles],
    })
    return corpus_from_frame(frame)


def _nth(text: str, needle: str, n: int) -> int:
    """Where the n-th (0-based) occurrence of needle starts in text, or -1."""
    at = -1
    for _ in range(n + 1):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def _in_clean(raw: str, clean: str, start: int, end: int) -> tuple[int, int] | None:
    """The gold span [start, end) of the raw text, found in the cleaned text."""
    words = raw[start:end]
    n = raw.count(words, 0, start)  # occurrences before this one (non-overlapping count is enough here)
    at = _nth(clean, words, n)
    return (at, at + len(words)) if at >= 0 else None


def same_speaker(gold: dict, predicted: dict, variants: dict[str, set[str]]) -> bool:
    """Whether the predicted row names the gold quote's speaker (see the module's rules)."""
    kind, who = gold["speaker_type"], gold["speaker"]
    name = predicted.get("speaker") or ""
    if kind == "none":
        return not name
    if not name:
        return False
    if kind == "unnamed":  # a description, not a name: "a source familiar with ...", "the friend"
        return predicted.get("speaker_type") in ("anonymous", "role")
    if kind == "person":
        return _fold(name) in variants.get(who, {_fold(who)})
    a, b = _org_words(name), _org_words(who)  # "Mitt Romney's campaign" is the "Romney campaign"
    return bool(a) and bool(b) and (a <= b or b <= a)


def _org_words(name: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", re.sub(r"['’]s?\b", "", _fold(name)))) - {"the", "a", "an", "of"}


def evaluate_corpus(name: str, gold: Gold, articles: dict[str, dict]) -> dict:
    """Every figure of one corpus, with the rows behind the misses (``errors``)."""
    from ..sourcing import extract_quotes

    ids = list(gold.corpora[name]["ids"])
    corpus = corpus_of([articles[i] for i in ids])
    quotes = extract_quotes(corpus)
    texts = corpus.articles["text"]
    variants = gold.variants.get(name, {})
    counts = defaultdict(int)
    errors: list[dict] = []
    by_person: dict[str, set[str]] = defaultdict(set)
    for aid in ids:
        raw, clean = articles[aid].get("content_original") or "", texts[aid]
        g_rows = gold.quotes[(gold.quotes["corpus"] == name) & (gold.quotes["article_id"] == aid)].to_dict("records")
        spans = [_in_clean(raw, clean, g["quote_start"], g["quote_end"]) for g in g_rows]
        counts["gold_not_found_in_clean_text"] += sum(s is None for s in spans)
        found = [(g, s) for g, s in zip(g_rows, spans) if s is not None]
        pred = quotes[(quotes["article_id"] == aid) & quotes["kind"].isin(VOICES) & (quotes["field"] == "text")]
        p_rows = pred.to_dict("records")
        pairs = match([s for _, s in found], [(p["start"], p["end"]) for p in p_rows])
        counts["gold"] += len(g_rows)
        counts["predicted"] += len(p_rows)
        counts["matched"] += len(pairs)
        for i, j in pairs:
            g, p = found[i][0], p_rows[j]
            ok = same_speaker(g, p, variants)
            counts["speaker_scored"] += 1
            counts["speaker_correct"] += ok
            if g["speaker_type"] == "none":
                counts["no_speaker_gold"] += 1
                counts["no_speaker_left_empty"] += ok
            if ok and g["speaker_type"] == "person":
                by_person[g["speaker"]].add(p["speaker"])
            if not ok:
                errors.append({"corpus": name, "article_id": aid, "quote": g["quote_text"][:80], "gold": g["speaker"],
                               "gold_type": g["speaker_type"], "via": g["via"], "predicted": p["speaker"],
                               "predicted_type": p["speaker_type"], "predicted_via": p["via"]})
        matched_g = {i for i, _ in pairs}
        for i, (g, _) in enumerate(found):
            if i not in matched_g:
                errors.append({"corpus": name, "article_id": aid, "quote": g["quote_text"][:80], "gold": g["speaker"],
                               "gold_type": g["speaker_type"], "via": g["via"], "predicted": "(quote missed)",
                               "predicted_type": "", "predicted_via": ""})
        # scare quotes that came out as somebody's voice
        s_rows = gold.scare[(gold.scare["corpus"] == name) & (gold.scare["article_id"] == aid)]
        s_spans = [s for s in (_in_clean(raw, clean, r.quote_start, r.quote_end) for r in s_rows.itertuples()) if s]
        voiced = [p for p in p_rows if p["speaker"]]
        hit = match(s_spans, [(p["start"], p["end"]) for p in voiced])
        counts["scare"] += len(s_spans)
        counts["scare_given_a_speaker"] += len(hit)
    split_people = _people_split(corpus, variants)
    text_words = set(re.findall(r"[^\W\d_]+", " ".join(texts).lower()))
    people = set(quotes.loc[quotes["speaker_type"].eq("person") & quotes["speaker"].ne(""), "speaker"])
    people |= set(quotes.loc[quotes["speaks_for"].ne(""), "speaks_for"])
    from ..framing.actors import actor_mentions

    actors = actor_mentions(corpus)
    people |= set(actors.loc[actors["kind"].eq("person"), "canonical"])
    absent = sorted(p for p in people if not set(re.findall(r"[^\W\d_]+", p.lower())) & text_words)
    one_name = sum(len(v) == 1 for v in by_person.values())
    return {
        "articles": len(ids),
        "outlets": int(corpus.articles["outlet"].nunique()),
        **counts,
        "people_named_right": len(by_person),
        "people_with_one_name": one_name,
        "people_with_several_names": {k: sorted(v) for k, v in sorted(by_person.items()) if len(v) > 1},
        "absent_people": absent,
        "gold_people": len(variants),
        "gold_people_found": split_people["found"],
        "gold_people_under_one_name": split_people["one"],
        "gold_people_under_several_names": split_people["several"],
        "errors": errors,
    }


def _people_split(corpus, variants: dict[str, set[str]]) -> dict:
    """How the people the corpus finds (:func:`analysis.corpus.people.discover_people`) line up
    with the gold people: found at all, and under one canonical name or several."""
    from ..corpus.people import discover_people

    found = discover_people(corpus)
    entries = [{_fold(v) for v in str(row.variants).split("|")} | {_fold(row.canonical)} for row in found.itertuples()]
    one, several, hit = 0, {}, 0
    for person, forms in variants.items():
        full = {f for f in forms if len(f.split()) >= 2}  # a bare surname may be shared; full names are not
        covering = [sorted(e)[0] for e in entries if e & full]
        if covering:
            hit += 1
            if len(covering) == 1:
                one += 1
            else:
                several[person] = len(covering)
    return {"found": hit, "one": one, "several": several}


def summarise(parts: list[dict]) -> dict:
    """The figures of several corpora together (rates from the summed counts)."""
    total = defaultdict(int)
    for part in parts:
        for k, v in part.items():
            if isinstance(v, int):
                total[k] += v
    p, g, m = total["predicted"], total["gold"], total["matched"]
    precision = m / p if p else 0.0
    recall = m / g if g else 0.0
    return {
        "corpora": len(parts),
        **{k: total[k] for k in ("articles", "gold", "predicted", "matched", "speaker_scored", "speaker_correct",
                                 "no_speaker_gold", "no_speaker_left_empty", "scare", "scare_given_a_speaker",
                                 "people_named_right", "people_with_one_name", "gold_not_found_in_clean_text",
                                 "gold_people", "gold_people_found", "gold_people_under_one_name")},
        "span_precision": round(precision, 3),
        "span_recall": round(recall, 3),
        "span_f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "speaker_accuracy": round(total["speaker_correct"] / total["speaker_scored"], 3) if total["speaker_scored"] else None,
        "one_name_share": round(total["people_with_one_name"] / total["people_named_right"], 3) if total["people_named_right"] else None,
        "absent_people": sorted({a for part in parts for a in part["absent_people"]}),
        "gold_people_one_name_share": round(total["gold_people_under_one_name"] / total["gold_people_found"], 3) if total["gold_people_found"] else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("speakers", __doc__.split("\n\n")[0], data=DEFAULT_DATA,
                            data_help="the AllSides articles (articles.jsonl.gz)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"the gold folder (default: {DEFAULT_GOLD})")
    parser.add_argument("--errors", type=Path, default=None, help="also write every wrong speaker and missed quote to this CSV")
    add_results_options(parser, "quotes", write_by_default=False)
    args = parser.parse_args(argv)
    if not data_present(args.data, "the AllSides data set",
                        "It is not part of the repository; give its path with --data (see the README, 'Evaluation data')."):
        return 2
    gold = load_gold(args.gold)
    ids = {i for c in gold.corpora.values() for i in c["ids"]}
    articles = read_allsides(args.data, ids)
    missing = sorted(ids - set(articles))
    if missing:
        print(f"Error: {args.data} lacks the gold's articles {', '.join(missing)}", file=sys.stderr)
        return 2
    per_corpus = {name: evaluate_corpus(name, gold, articles) for name in gold.corpora}
    results = {}
    for split in ("dev", "unseen"):
        parts = [r for n, r in per_corpus.items() if gold.split_of(n) == split]
        if parts:
            results[split] = summarise(parts)
    print("Quotes and speakers on hand-made gold of AllSides same-story corpora (gold/speakers/)")
    for name, r in per_corpus.items():
        acc = r["speaker_correct"] / r["speaker_scored"] if r["speaker_scored"] else float("nan")
        print(f"  {name} ({gold.split_of(name)}): {r['gold']} gold quotes, {r['matched']} found, speaker {acc:.3f}; "
              f"several names: {r['people_with_several_names'] or 'none'}; people split: {r['gold_people_under_several_names'] or 'none'}; absent people: {r['absent_people'] or 'none'}")
    for split, r in results.items():
        print(f"{split}: span P {r['span_precision']} R {r['span_recall']} F1 {r['span_f1']}; speaker accuracy "
              f"{r['speaker_accuracy']} ({r['speaker_correct']}/{r['speaker_scored']}); no-speaker quotes left empty "
              f"{r['no_speaker_left_empty']}/{r['no_speaker_gold']}; one name per person: speakers {r['one_name_share']}, "
              f"people found {r['gold_people_one_name_share']} ({r['gold_people_under_one_name']}/{r['gold_people_found']} of {r['gold_people']}); "
              f"scare quotes given a speaker {r['scare_given_a_speaker']}/{r['scare']}; absent people {r['absent_people'] or 'none'}")
    if args.errors:
        pd.DataFrame([e for r in per_corpus.values() for e in r["errors"]]).to_csv(args.errors, index=False)
        print(f"errors written to {args.errors}")
    if args.write:
        payload = {
            "command": "python -m analysis.evaluate speakers --write",
            "data": "AllSides same-story corpora (ramybaly/Article-Bias-Prediction, Apache-2.0), every quote and speaker marked by reading: gold/speakers/",
            "corpora": {n: {"split": gold.split_of(n), "articles": r["articles"], "outlets": r["outlets"]} for n, r in per_corpus.items()},
            "results": results,
        }
        written = save_results("quotes", "foreign_gold", payload, path=args.results)
        print(f"results written to {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
