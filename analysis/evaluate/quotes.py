"""``python -m analysis.evaluate quotes``: quote, speaker and cue extraction measured on PolNeAR.

PolNeAR (Newell, Margolin & Ruths 2018) annotates every attribution in 1,008 US political news
articles as Source, Cue and Content spans. The direct quotes are the attributions whose Content
holds a double quotation mark (" “ ”, and the two apostrophes '' that stand for one in the New
York Times' copy); single marks are left out because in US copy they are apostrophes or quotes
inside quotes.

**Units.** A gold quote is each passage between a pair of double marks inside such a Content
(a Content of several pieces, “...,” he said. “...”, gives one passage per piece; a piece with
an odd number of marks gives the passage from its unpaired mark to the piece's end, the form a
quote of several paragraphs takes; a quotation the annotator cut in two, “Cruz appeals to Reagan
Democrats. | His position ... differently,” Viguerie notes, is joined again, since the unit
measured is the text between one pair of marks). A predicted quote is each row of kind ``direct`` or
``partial`` from :func:`analysis.sourcing.quotes.quotes_in_text` (scare quotes are not predictions of an
attributed quote). Each article is handed over as a loader hands one over: its ``title`` as the
headline, its text as the body. PolNeAR's text prints the title again as its first paragraph
(where the annotators never mark a quote); the quote finder reads such a paragraph as the
headline (:func:`analysis.sourcing.quotes.repeats_headline`), so its quotes are headline rows,
not predictions. Both are the characters inside the marks, white space trimmed.

**Span rule.** A predicted and a gold quote match when the characters they share are at least
half of the longer of the two (a symmetric rule, stricter than GenderGapTracker's 0.3 of the
gold span); pairs are matched one to one, largest overlap first. Precision = matched /
predicted, recall = matched / gold.

**Speaker rule** (on matched quotes whose gold attribution has a Source): correct when (a) the
words our speaker was read from overlap the gold Source span (GenderGapTracker's rule), or
(b) the last word of our canonical speaker ("Jeff Merkley" -> "merkley") is a word of the gold
Source text, or (c) the gold Source is a pronoun (he, she, they ...) and that last word is a word of the
nearest earlier gold Source of the same annotator that is not a pronoun, or a relative pronoun
(who, which, that) and that last word is among the words just before it (the annotation's own
antecedent, since PolNeAR has no coreference layer). The report gives how many each rule
decided.

**Pronouns.** Rule (a) accepts "he" when our "he" is the annotator's "he", whoever we took it
to be. How well the pronoun is resolved is measured on its own, against a proxy for its
antecedent (PolNeAR has no coreference layer): the annotator's nearest earlier Source that names
someone, that is whose head word (its last word before a comma or a relative clause) is
capitalised: "Sen. Ted Cruz" and "Mr. Burman of the Tax Policy Center" name someone, "the
senator", "an Iowa voter" and "Mrs. Clinton's campaign" do not. Two figures come of it: the share
of matched quotes with a gold "he" or "she" whose canonical speaker's last word is a word of that
named Source (``pronoun_named_agreement``), and the **strict speaker accuracy**, where such a
quote counts as right only on that condition (``speaker_accuracy_strict``; the issue's "when a
pronoun must resolve to the annotators' nearest named source"). That proxy is often not the
antecedent: the nearest named Source of a "she" is often a man. A second proxy takes the
nearest earlier Source that names someone whose gender, where the annotation's words or the
article give one (an honorific, a first name of the shipped list, the article's fuller form of
the name), is the pronoun's (``pronoun_agreeing_agreement``, ``speaker_accuracy_strict_agreeing``);
both are reported. The older proxy, the nearest
earlier Source that is not a pronoun whether or not it names anyone, is still reported
(``pronoun_resolution_agreement``).

**Cue rule** (matched quotes): correct when every word of our verb ("said", "quoted as
saying") is a word of the gold Cue ("said in a statement").

**Annotators.** A few articles were annotated by several people (six on two dev articles):
each article counts once, its counts averaged over its annotators. The agreement between
annotators on those articles, by the same span rule, is printed as a ceiling.

The results are written to ``analysis/data/evaluation_quotes.json`` (``--results``) with the
command, the data set and the date, so that notebook 03 can state the measured error rate
without the data set.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..corpus.people import first_names
from ..paths import DATASETS_DIR
from ..corpus.marks import find_passages
from .cli import add_results_options, command_parser, data_present, progress
from .results import write as save_results
from ..sourcing.quotes import load_lexicon, quotes_in_text

__all__ = [
    "ANCHORS",
    "Counts",
    "cue_correct",
    "DEFAULT_POLNEAR",
    "evaluate",
    "gold_quotes",
    "GoldQuote",
    "load_polnear",
    "main",
    "match",
    "names_someone",
    "score_article",
    "source_gender",
    "speaker_rule",
]

DEFAULT_POLNEAR = DATASETS_DIR / "polnear"
ANCHORS = [
    {"system": "GenderGapTracker V5.3 (Asr et al. 2021), own 98 articles, overlap >= 0.3 of gold", "span_f1": 0.837, "speaker_accuracy": 0.860, "cue_accuracy": 0.918},
    {"system": "Citron (BBC R&D), PARC 3.0 test, token overlap, all attributions", "span_f1": 0.833, "speaker_accuracy": None, "cue_accuracy": None},
]
_PRONOUNS = frozenset("he she they it i we you him her them his hers their its who which that".split())
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")


@dataclass
class GoldQuote:
    start: int
    end: int
    source_spans: list[tuple[int, int]]
    source_text: str
    cue_text: str
    antecedent: str = ""  # the nearest earlier non-pronoun Source of the annotator (for a pronoun Source)
    named: str = ""  # the nearest earlier Source of the annotator that names someone (for "he" / "she")
    named_agreeing: str = ""  # ... that names someone whose gender, where the text gives one, is the pronoun's
    open_start: bool = False
    open_end: bool = False


@dataclass
class Counts:
    gold: float = 0.0
    predicted: float = 0.0
    matched: float = 0.0
    speaker_scored: float = 0.0
    speaker_correct: float = 0.0
    cue_correct: float = 0.0
    pronoun_scored: float = 0.0  # matched quotes whose gold Source is "he" or "she", with an earlier named Source
    pronoun_resolved: float = 0.0  # ... whose speaker we named is that earlier Source
    named_scored: float = 0.0  # matched quotes whose gold Source is "he" or "she", with an earlier Source that names someone
    named_resolved: float = 0.0  # ... whose speaker we named is that named Source
    strict_correct: float = 0.0  # speaker right, a gold "he" / "she" only when it names the named Source
    agreeing_scored: float = 0.0  # matched quotes whose gold Source is "he" or "she", with an earlier named Source of agreeing gender
    agreeing_resolved: float = 0.0  # ... whose speaker we named is that Source
    strict_agreeing_correct: float = 0.0  # as strict_correct, against the named Source of agreeing gender
    by_rule: dict = field(default_factory=lambda: defaultdict(float))

    def add(self, other: "Counts", weight: float) -> None:
        for name in ("gold", "predicted", "matched", "speaker_scored", "speaker_correct", "cue_correct", "pronoun_scored", "pronoun_resolved",
                     "named_scored", "named_resolved", "strict_correct", "agreeing_scored", "agreeing_resolved", "strict_agreeing_correct"):
            setattr(self, name, getattr(self, name) + weight * getattr(other, name))
        for k, v in other.by_rule.items():
            self.by_rule[k] += weight * v

    def summary(self) -> dict:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold_quotes": round(self.gold, 1),
            "predicted_quotes": round(self.predicted, 1),
            "matched": round(self.matched, 1),
            "precision": round(p, 3),
            "recall": round(r, 3),
            "span_f1": round(f, 3),
            "speaker_scored": round(self.speaker_scored, 1),
            "speaker_accuracy": round(self.speaker_correct / self.speaker_scored, 3) if self.speaker_scored else None,
            "speaker_accuracy_strict": round(self.strict_correct / self.speaker_scored, 3) if self.speaker_scored else None,
            "speaker_accuracy_strict_agreeing": round(self.strict_agreeing_correct / self.speaker_scored, 3) if self.speaker_scored else None,
            "cue_accuracy": round(self.cue_correct / self.matched, 3) if self.matched else None,
            "pronoun_sources": round(self.pronoun_scored, 1),
            "pronoun_resolution_agreement": round(self.pronoun_resolved / self.pronoun_scored, 3) if self.pronoun_scored else None,
            "pronoun_named_sources": round(self.named_scored, 1),
            "pronoun_named_agreement": round(self.named_resolved / self.named_scored, 3) if self.named_scored else None,
            "pronoun_agreeing_sources": round(self.agreeing_scored, 1),
            "pronoun_agreeing_agreement": round(self.agreeing_resolved / self.agreeing_scored, 3) if self.agreeing_scored else None,
            "speaker_rule_counts": {k: round(v, 1) for k, v in sorted(self.by_rule.items())},
        }


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def _name_words(s: str) -> list[str]:
    """The words of a Source with possessive endings dropped ("Clinton's" -> "clinton")."""
    return _words(re.sub(r"[’']s\b", "", s))


_NOT_NAME_HEADS = frozenset("the a an his her their its our my this that these those he she they it we i you".split())


def names_someone(source: str) -> bool:
    """Does a gold Source name someone: is its head word (the last word before a comma or a
    relative clause) capitalised and not a determiner or a pronoun? "Sen. Ted Cruz", "Mr. Burman
    of the Tax Policy Center": yes; "the senator", "an Iowa voter", "Mrs. Clinton's campaign": no."""
    head = re.split(r",|\s(?:who|which|that|whose)\s", source.strip(), maxsplit=1)[0]
    words = _WORD.findall(re.sub(r"[’']s\b", "", head))
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in _NOT_NAME_HEADS


def _last_word(s: str) -> str:
    w = _words(re.sub(r"[’']s\b", "", s))
    return w[-1] if w else ""


def _passages_in_piece(text: str, a: int, b: int) -> list[tuple[int, int, bool, bool]]:
    """Quoted passages in one Content piece, marks paired in order within each paragraph of it (a
    quote of several paragraphs opens each paragraph and closes only the last):
    ``(start, end, open_start, open_end)``, open_start when the passage runs from the piece's start
    to an unpaired closing mark, open_end when it runs from an unpaired opening mark to the piece's
    end (the annotator cut the quotation there)."""
    paras, start = [], a
    for m in re.finditer(r"\n+", text[a:b]):
        paras.append((start, a + m.start()))
        start = a + m.end()
    paras.append((start, b))
    return [(p.start, p.end, p.open_at < 0, p.close_at < 0) for p in find_passages(text, paras, reading="in order")]


def gold_quotes(text: str, attributions: list[dict], *, join_cut_quotes: bool = True) -> list[GoldQuote]:
    """The gold direct-quote passages of one annotator's attributions (see the module docstring).

    With ``join_cut_quotes``, a quotation the annotator cut into two Contents
    (“Cruz appeals to Reagan Democrats. | His position ... differently,” Viguerie notes) is one
    gold quote again: a passage that runs from an opening mark to the end of its piece is joined
    to the next passage that runs from the start of its piece to a closing mark when only spaces
    lie between them. Either piece's Source and Cue then count as right.
    """
    out: dict[tuple[int, int], GoldQuote] = {}
    last_named = ""
    last_naming = ""
    namings: list[str] = []  # every earlier Source that names someone, in order
    ordered = sorted(
        (a for a in attributions if a.get("content")),
        key=lambda a: min(s[0] for s in a["content"]["spans"]),
    )
    for att in ordered:
        source = att.get("source") or {}
        stext = source.get("text", "") or ""
        sspans = [tuple(s) for s in source.get("spans", [])]
        content = att["content"]
        passages = [q for a, b in content["spans"] for q in _passages_in_piece(text, a, b)]
        if passages:
            antecedent = last_named if stext.strip().lower() in _PRONOUNS else ""
            named = last_naming if stext.strip().lower() in ("he", "she") else ""
            agreeing = _nearest_agreeing(namings, stext.strip().lower(), text) if named else ""
            if stext.strip().lower() in ("who", "which", "that") and sspans:
                antecedent = text[max(0, sspans[0][0] - 60) : sspans[0][0]]  # a relative pronoun's antecedent stands just before it
            for s, e, open_start, open_end in passages:
                g = GoldQuote(s, e, sspans, stext, (att.get("cue") or {}).get("text", "") or "", antecedent, named, agreeing, open_start, open_end)
                out.setdefault((s, e), g)
        if stext and stext.strip().lower() not in _PRONOUNS:
            last_named = stext
            if names_someone(stext):
                last_naming = stext
                namings.append(stext)
    gold = sorted(out.values(), key=lambda g: (g.start, g.end))
    if not join_cut_quotes:
        return gold
    joined: list[GoldQuote] = []
    for g in gold:
        prev = joined[-1] if joined else None
        if prev is not None and prev.open_end and g.open_start and prev.end <= g.start and not text[prev.end : g.start].strip():
            joined[-1] = GoldQuote(
                prev.start, g.end, prev.source_spans + g.source_spans, f"{prev.source_text} | {g.source_text}",
                f"{prev.cue_text} | {g.cue_text}", prev.antecedent or g.antecedent, prev.named or g.named,
                prev.named_agreeing or g.named_agreeing, prev.open_start, g.open_end,
            )
        else:
            joined.append(g)
    return joined


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\b\.?")


def source_gender(source: str, text: str) -> str | None:
    """The gender ("m" / "f") a gold Source's words give, where they give one: an honorific in it
    ("Mr. Trump"), a first name of the shipped list in it ("Hillary Clinton"), or else the first
    full name or honorific the article writes with the Source's head word ("Sanders" -> "Bernie
    Sanders"). None when nothing does."""
    h = _HONORIFIC.search(source)
    if h:
        return "m" if h.group(1) == "Mr" else "f"
    names = first_names()
    head = re.split(r",|\s(?:who|which|that|whose)\s", source.strip(), maxsplit=1)[0]
    words = _WORD.findall(re.sub(r"[’']s\b", "", head))
    for w in words[:-1]:
        if w in names:
            return names[w]
    if not words:
        return None
    m = re.search(r"\b(Mr|Mrs|Ms|Miss|[A-Z][a-z]+)\.?\s+(?:[A-Z]\.\s+)?" + re.escape(words[-1]) + r"\b", text)
    while m is not None:
        first = m.group(1)
        if first in ("Mr", "Mrs", "Ms", "Miss"):
            return "m" if first == "Mr" else "f"
        if first in names:
            return names[first]
        m = re.compile(r"\b(Mr|Mrs|Ms|Miss|[A-Z][a-z]+)\.?\s+(?:[A-Z]\.\s+)?" + re.escape(words[-1]) + r"\b").search(text, m.end())
    return None


def _nearest_agreeing(namings: list[str], pronoun: str, text: str) -> str:
    """The nearest earlier Source that names someone and whose gender (:func:`source_gender`) is
    not the other one than the pronoun's: the annotators' antecedent, as near as the annotation
    lets it be read (PolNeAR has no coreference layer, and the nearest named Source of a "she" is
    often a man)."""
    want = {"he": "m", "she": "f"}.get(pronoun)
    for source in reversed(namings):
        g = source_gender(source, text)
        if g is None or g == want:
            return source
    return ""


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], *, threshold: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) whose overlap is >= threshold x the longer span."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov and ov >= threshold * max(g[1] - g[0], p[1] - p[0]):
                cands.append((ov, -i, -j))
    used_g, used_p, pairs = set(), set(), []
    for ov, i, j in sorted(cands, reverse=True):
        i, j = -i, -j
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def speaker_rule(g: GoldQuote, row: dict) -> str | None:
    """Which speaker rule (a, b, c) accepts the prediction, or None when it is wrong."""
    if not row["speaker"]:
        return None  # an unresolved pronoun or no speaker at all is never right
    if row["speaker_start"] >= 0 and any(_overlap((row["speaker_start"], row["speaker_end"]), s) for s in g.source_spans):
        return "a: mention overlaps the gold Source"
    last = _last_word(row["speaker"]) if row["speaker"] else ""
    if last and last in _words(g.source_text):
        return "b: speaker's last word in the gold Source"
    if last and g.antecedent and last in _name_words(g.antecedent):
        return "c: gold pronoun's antecedent"
    return None


def cue_correct(g: GoldQuote, row: dict) -> bool:
    ours = _words(row["verb"])
    return bool(ours) and set(ours) <= set(_words(g.cue_text))


def score_article(text: str, attributions: list[dict], rows: list[dict], errors: list | None = None, meta: dict | None = None) -> Counts:
    """Counts for one article and one annotator."""
    gold = gold_quotes(text, attributions)
    pred = [r for r in rows if r["kind"] in ("direct", "partial") and r["field"] == "text"]
    pairs = match([(g.start, g.end) for g in gold], [(r["start"], r["end"]) for r in pred])
    c = Counts(gold=len(gold), predicted=len(pred), matched=len(pairs))
    for i, j in pairs:
        g, r = gold[i], pred[j]
        if cue_correct(g, r):
            c.cue_correct += 1
        last = _last_word(r["speaker"]) if r["speaker"] else ""
        if g.source_text.strip().lower() in ("he", "she") and g.antecedent:
            c.pronoun_scored += 1  # does the name we give "he" agree with the annotator's previous Source?
            c.pronoun_resolved += bool(last) and last in _name_words(g.antecedent)
        agreeing = None
        if g.named_agreeing:
            c.agreeing_scored += 1
            agreeing = bool(last) and last in _name_words(g.named_agreeing)
            c.agreeing_resolved += agreeing
        resolved = None
        if g.named:
            c.named_scored += 1  # ... with the annotator's previous Source that names someone?
            resolved = bool(last) and last in _name_words(g.named)
            c.named_resolved += resolved
            if not resolved and errors is not None:
                errors.append({**(meta or {}), "error": "pronoun", "quote": r["quote"][:120], "gold_source": g.source_text, "named": g.named, "speaker": r["speaker"], "mention": r["speaker_mention"], "verb": r["verb"], "via": r["via"], "start": g.start})
        if g.source_text.strip():
            c.speaker_scored += 1
            rule = speaker_rule(g, r)
            c.strict_correct += bool(rule) if resolved is None else resolved
            c.strict_agreeing_correct += bool(rule) if agreeing is None else agreeing
            if rule:
                c.speaker_correct += 1
                c.by_rule[rule] += 1
            elif errors is not None:
                errors.append({**(meta or {}), "error": "wrong speaker", "quote": r["quote"][:120], "gold_source": g.source_text, "speaker": r["speaker"], "mention": r["speaker_mention"], "verb": r["verb"], "gold_cue": g.cue_text, "cue_position": r["cue_position"], "via": r["via"], "start": g.start})
    if errors is not None:
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_g:
                errors.append({**(meta or {}), "error": "missed", "quote": text[g.start : g.end][:120], "gold_source": g.source_text, "start": g.start})
        for j, r in enumerate(pred):
            if j not in matched_p:
                errors.append({**(meta or {}), "error": "spurious", "quote": r["quote"][:120], "speaker": r["speaker"], "kind": r["kind"], "start": r["start"]})
    return c


def load_polnear(path: Path, split: str) -> list[dict]:
    """The joined PolNeAR records (one per article and annotator) of a split ("dev", "train")."""
    joined = path / "polnear_train_dev.jsonl"
    with open(joined, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [r for r in rows if r["split"] == split]


def evaluate(records: list[dict], *, errors: list | None = None) -> tuple[Counts, dict]:
    """Score every article (each counted once, averaged over its annotators)."""
    lex = load_lexicon()
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_article[r["article"]].append(r)
    total = Counts()
    agreement: list[float] = []
    for article in progress(sorted(by_article), desc="PolNeAR"):
        recs = sorted(by_article[article], key=lambda r: r["annotator"])
        text = recs[0]["text"]
        rows = quotes_in_text(text, headline=recs[0].get("title", ""), lexicon=lex)  # the title as a loader gives it
        w = 1.0 / len(recs)
        for r in recs:
            total.add(score_article(text, r["attributions"], rows, errors, {"article": article, "annotator": r["annotator"]}), w)
        for x, y in combinations(recs, 2):
            gx = [(g.start, g.end) for g in gold_quotes(text, x["attributions"])]
            gy = [(g.start, g.end) for g in gold_quotes(text, y["attributions"])]
            n = len(match(gx, gy))
            if gx or gy:
                agreement.append(2 * n / (len(gx) + len(gy)))
    extra = {
        "articles": len(by_article),
        "annotator_records": len(records),
        "articles_with_several_annotators": sum(len(v) > 1 for v in by_article.values()),
        "annotator_agreement_span_f1": round(sum(agreement) / len(agreement), 3) if agreement else None,
    }
    return total, extra


def _table(results: dict) -> str:
    lines = [
        f"{'split':<6} {'articles':>8} {'gold':>7} {'pred':>7} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'(n)':>7} {'cue':>6}",
    ]
    for split, r in results.items():
        lines.append(
            f"{split:<6} {r['articles']:>8} {r['gold_quotes']:>7} {r['predicted_quotes']:>7} {r['precision']:>6.3f} {r['recall']:>6.3f} "
            f"{r['span_f1']:>6.3f} {r['speaker_accuracy'] or 0:>8.3f} {r['speaker_scored']:>7} {r['cue_accuracy'] or 0:>6.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("quotes", __doc__.split("\n\n")[0], data=DEFAULT_POLNEAR, data_flag="--polnear",
                            data_help="the PolNeAR folder (holding polnear_train_dev.jsonl)")
    parser.add_argument("--split", choices=["dev", "train", "both"], default="both", help="which compartment to score (default both)")
    add_results_options(parser, "quotes", write_by_default=True)
    parser.add_argument("--errors", type=Path, default=None, help="also write every miss, spurious quote and wrong speaker to this CSV")
    args = parser.parse_args(argv)

    if not data_present(args.polnear / "polnear_train_dev.jsonl", "the PolNeAR data set",
                        "It is not part of the repository; give its folder with --polnear (see the README, 'Evaluation data')."):
        return 2
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    results, errors = {}, ([] if args.errors else None)
    t0 = time.perf_counter()
    for split in splits:
        counts, extra = evaluate(load_polnear(args.polnear, split), errors=errors)
        results[split] = {**extra, **counts.summary()}
    seconds = time.perf_counter() - t0
    print("PolNeAR direct quotes (content with double quotation marks); span match = overlap >= 50% of the longer span")
    print(_table(results))
    for split, r in results.items():
        print(f"{split}: speaker rules {r['speaker_rule_counts']}; annotator agreement (span F1) {r['annotator_agreement_span_f1']}")
        print(f"{split}: pronoun sources (he/she) {r['pronoun_sources']}: the name we give agrees with the annotator's previous Source in {r['pronoun_resolution_agreement']}; "
              f"with the previous Source that names someone ({r['pronoun_named_sources']}) in {r['pronoun_named_agreement']}; strict speaker accuracy {r['speaker_accuracy_strict']}; "
              f"against the nearest named Source of agreeing gender ({r['pronoun_agreeing_sources']}) {r['pronoun_agreeing_agreement']}, strict {r['speaker_accuracy_strict_agreeing']}")
    print("anchors: " + "; ".join(f"{a['system']}: F1 {a['span_f1']}" + (f", speaker {a['speaker_accuracy']}" if a["speaker_accuracy"] else "") for a in ANCHORS))
    print(f"({seconds:.1f} s)")
    if errors is not None:
        import pandas as pd

        pd.DataFrame(errors).to_csv(args.errors, index=False)
        print(f"errors written to {args.errors}")
    if not args.no_write:
        payload = {
            "what": "Quote, speaker and cue extraction of analysis.sourcing measured on PolNeAR (direct quotes)",
            "command": "python -m analysis.evaluate quotes --split " + args.split,
            "data": "PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018), train and dev compartments, github.com/networkdynamics/PolNeAR",
            "rules": {
                "gold": "each passage between double quotation marks (\" “ ” and the '' of the New York Times' copy) inside the Content of an attribution; a quotation the annotator cut into two Contents is joined again",
                "predicted": "rows of kind direct or partial",
                "span": "match when shared characters >= 50% of the longer span; one-to-one, largest overlap first",
                "speaker": "mention overlaps gold Source, or canonical speaker's last word in gold Source, or (gold pronoun) in its nearest earlier non-pronoun gold Source, or (gold relative pronoun) in the words just before it; an empty speaker is always wrong",
                "speaker_strict": "as speaker, but a gold he/she counts only when the canonical speaker's last word is a word of the annotator's nearest earlier Source that names someone (its head word capitalised)",
                "speaker_strict_agreeing": "as speaker_strict, against the nearest earlier Source that names someone whose gender (honorific, listed first name, or the article's fuller form of the name) is not the other one than the pronoun's",
                "cue": "every word of our verb is a word of the gold Cue",
                "annotators": "each article counted once, averaged over its annotators",
            },
            "results": results,
            "anchors": ANCHORS,
        }
        written = save_results("quotes", "polnear", payload, path=args.results)
        print(f"results written to {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
