"""``python -m analysis.evaluate elements``: story elements and coverage claims against hand-made gold.

The gold (``gold/elements/``, see its README) marks, by reading, which sentences of three same-story
corpora tell which facts: the bundled corpus and an AllSides event (``dev``), and a second AllSides
event (``unseen``, not looked at while the method was changed). A sentence may tell several facts;
sentences that tell no tracked fact have no row.

Measured per corpus and split:

- **element clustering**: extended B-cubed precision, recall and F1 (Amigó et al. 2009, for a gold
  where an item may belong to several classes) of :func:`analysis.topics.story_elements` over the
  sentences the gold tags;
- **"told by it alone" claims**: each element :func:`analysis.topics.coverage.single_outlet_elements`
  gives an outlet (the cards print its count and its sentences) is right when one of the facts its
  tagged sentences tell is told by no other outlet; an element with no tagged sentence is a fact
  the gold does not track and is counted apart (``unjudged``);
- **"left out" claims**: each row of :func:`analysis.topics.coverage.omissions` (outlet, element)
  is right when the outlet tells none of the facts the element's tagged sentences tell;
- **vacuous claims**: claims printed about an empty set (should be none).

References:
    Bagga, A. & Baldwin, B. (1998). Algorithms for scoring coreference chains. LREC workshop.
    Amigó, E., Gonzalo, J., Artiles, J. & Verdejo, F. (2009). A comparison of extrinsic clustering
    evaluation metrics based on formal constraints. Information Retrieval 12(4).
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

import pandas as pd

from ..paths import BUNDLED_CORPUS, DATASETS_DIR, PROJ_ROOT
from .cli import add_results_options, command_parser, data_present
from .results import write as save_results
from .speakers import corpus_of, read_allsides

__all__ = [
    "bcubed",
    "fit_pair_model",
    "pair_table",
    "train",
    "claims_precision",
    "DEFAULT_DATA",
    "DEFAULT_GOLD",
    "evaluate_corpus",
    "gold_facts",
    "main",
]

DEFAULT_DATA = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"
DEFAULT_GOLD = PROJ_ROOT / "gold" / "elements"


def gold_facts(rows: pd.DataFrame, sentences: pd.DataFrame) -> dict[tuple[str, int], frozenset[str]]:
    """``(article_id, sentence)`` -> the gold facts it tells, each gold row found in ``sentences`` by
    its article and the first 120 characters of its text (so a renumbering cannot shift them)."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in sentences.itertuples():
        index[(r.article_id, r.text[:120])].append(int(r.sentence))
    facts: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in rows.itertuples():
        hits = index.get((r.article_id, r.sentence_text[:120]))
        if not hits:
            continue
        at = min(hits, key=lambda k: abs(k - int(r.sentence_index)))
        facts[(r.article_id, at)].add(r.fact_id)
    return {k: frozenset(v) for k, v in facts.items()}


def bcubed(system: dict, gold: dict[object, frozenset[str]]) -> dict:
    """Extended B-cubed (Amigó et al. 2009) over the items of ``gold``; ``system`` gives each item a
    cluster or a set of clusters (a sentence may tell several elements, as it may tell several facts).

    For two items e, e' with system clusters C and gold classes L, multiplicity precision is
    min(|C(e) & C(e')|, |L(e) & L(e')|) / |C(e) & C(e')| over the e' that share a cluster with e, and
    multiplicity recall the same minimum over |L(e) & L(e')| for the e' that share a class; with one
    cluster per item this is the usual B-cubed with several gold classes per item.

    Example:
        >>> bcubed({1: "a", 2: "a", 3: "b"}, {1: frozenset("x"), 2: frozenset("x"), 3: frozenset("y")})["f1"]
        1.0
        >>> bcubed({1: {"a", "b"}, 2: {"a"}, 3: {"b"}}, {1: frozenset("xy"), 2: frozenset("x"), 3: frozenset("y")})["f1"]
        1.0
    """
    def as_set(v) -> frozenset:
        return frozenset(v) if isinstance(v, (set, frozenset, list, tuple)) else frozenset([v])

    clusters = {i: as_set(v) for i, v in system.items()}
    items = [i for i in gold if i in clusters and clusters[i]]
    by_cluster: dict[object, set] = defaultdict(set)
    for i in items:
        for c in clusters[i]:
            by_cluster[c].add(i)
    by_fact: dict[str, set] = defaultdict(set)
    for i in items:
        for f in gold[i]:
            by_fact[f].add(i)
    precision, recall = [], []
    for i in items:
        mates = set().union(*(by_cluster[c] for c in clusters[i]))
        precision.append(sum(min(len(clusters[i] & clusters[j]), len(gold[i] & gold[j])) / len(clusters[i] & clusters[j])
                             for j in mates) / len(mates))
        related = set().union(*(by_fact[f] for f in gold[i]))
        recall.append(sum(min(len(clusters[i] & clusters[j]), len(gold[i] & gold[j])) / len(gold[i] & gold[j])
                          for j in related) / len(related))
    p = sum(precision) / len(precision) if precision else 0.0
    r = sum(recall) / len(recall) if recall else 0.0
    return {"items": len(items), "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def claims_precision(elements: pd.DataFrame, outlets: list[str], facts: dict[tuple[str, int], frozenset[str]]) -> dict:
    """How many "told by it alone" and "left out" claims are right by the gold (see the module)."""
    from ..topics import coverage

    told_by: dict[str, set[str]] = defaultdict(set)  # fact -> outlets that tell it
    outlet_of = dict(zip(elements["article_id"], elements["outlet"]))
    for (aid, _), fs in facts.items():
        for f in fs:
            told_by[f].add(outlet_of[aid])
    clustered = elements.dropna(subset=["element"])
    element_facts: dict[int, set[str]] = defaultdict(set)
    for r in clustered.itertuples():
        element_facts[int(r.element)] |= facts.get((r.article_id, int(r.sentence)), frozenset())
    out = {}
    alone = coverage.single_outlet_elements(elements, outlets) if len(outlets) > 1 else pd.DataFrame(columns=["outlet", "element", "text"])
    right = wrong = unjudged = 0
    wrong_rows = []
    for r in alone.itertuples():
        fs = element_facts.get(int(r.element), set())
        if not fs:
            unjudged += 1
        elif any(told_by[f] <= {r.outlet} for f in fs):
            right += 1
        else:
            wrong += 1
            wrong_rows.append({"claim": "told by it alone", "outlet": r.outlet, "element": int(r.element), "text": str(r.text)[:100],
                               "facts": sorted(fs), "also_told_by": sorted(set().union(*(told_by[f] for f in fs)) - {r.outlet})})
    out["alone"] = {"claims": right + wrong + unjudged, "judged": right + wrong, "right": right,
                    "precision": round(right / (right + wrong), 3) if right + wrong else None, "unjudged": unjudged}
    left = coverage.omissions(elements, outlets)
    right = wrong = unjudged = 0
    for r in left.to_dict("records"):
        o, el = r["left out by"], int(r["element"])
        fs = element_facts.get(el, set())
        if not fs:
            unjudged += 1
        elif not any(o in told_by[f] for f in fs):
            right += 1
        else:
            wrong += 1
            wrong_rows.append({"claim": "left out", "outlet": o, "element": el, "text": str(r["text"])[:100], "facts": sorted(fs),
                               "but_told": sorted(f for f in fs if o in told_by[f])})
    out["left_out"] = {"claims": right + wrong + unjudged, "judged": right + wrong, "right": right,
                       "precision": round(right / (right + wrong), 3) if right + wrong else None, "unjudged": unjudged}
    out["wrong"] = wrong_rows
    return out


def pair_table(corpus, rows: pd.DataFrame, graph=None) -> pd.DataFrame:
    """The sentence pairs of :func:`analysis.topics.pairs.sentence_pairs` whose two sentences the gold tags,
    with ``y`` = 1 when they tell a fact in common (pairs with an untagged sentence are left out: the
    gold does not say what such a sentence tells)."""
    from ..topics import element_graph, sentence_pairs
    from ..topics.elements import CANDIDATE

    g = graph if graph is not None else element_graph(corpus, min_similarity=CANDIDATE)
    facts = gold_facts(rows, corpus.sentences())
    pairs = sentence_pairs(g)
    key = list(zip(g.sentences["article_id"], g.sentences["sentence"].astype(int)))
    fa = [facts.get(key[a]) for a in pairs["a"]]
    fb = [facts.get(key[b]) for b in pairs["b"]]
    keep = [x is not None and y is not None for x, y in zip(fa, fb)]
    out = pairs[keep].copy()
    out["y"] = [int(bool(x & y)) for x, y, k in zip(fa, fb, keep) if k]
    return out.reset_index(drop=True)


def fit_pair_model(table: pd.DataFrame, *, C: float = 1.0) -> tuple[list[float], float]:
    """Logistic regression (L2, scikit-learn) of ``y`` on the features, fitted on standardised features
    and given back in the features' own units: (coefficients, intercept)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from ..topics.pairs import FEATURES

    X = table[list(FEATURES)].to_numpy(dtype=float)
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    m = LogisticRegression(C=C, max_iter=5000).fit((X - mu) / sd, table["y"].to_numpy())
    coef = m.coef_[0] / sd
    return coef.tolist(), float(m.intercept_[0] - (coef * mu).sum())


def train(built: dict, rows: pd.DataFrame, *, thresholds=(0.2, 0.3, 0.4, 0.5), joins=(0.3, 0.4, 0.5, 1.0)) -> dict:
    """Fit the same-fact model on the dev corpora of ``built`` (name -> (corpus, split)) and choose its
    threshold and join by cross-validation by corpus (each dev corpus scored by a model fitted on the others).

    Returns:
        The model as :meth:`analysis.topics.pairs.PairModel.to_dict` stores it, with the
        cross-validated figures under ``cross_validation``.
    """
    import numpy as np
    from sklearn.metrics import roc_auc_score

    from ..topics import PairModel, element_graph, story_elements
    from ..topics.elements import CANDIDATE
    from ..topics.pairs import FEATURES

    dev = {name: c for name, (c, split) in built.items() if split == "dev"}
    graphs = {name: element_graph(c, min_similarity=CANDIDATE) for name, c in dev.items()}
    tables = {name: pair_table(c, rows[rows["corpus"] == name], graphs[name]) for name, c in dev.items()}
    scores: dict[tuple[float, float], list[float]] = {}
    auc = {}
    for held in dev:
        table = pd.concat([tables[n] for n in dev if n != held], ignore_index=True)
        coef, icpt = fit_pair_model(table)
        probe = PairModel(FEATURES, tuple(coef), icpt, 0.5, 0.5)
        auc[held] = round(float(roc_auc_score(tables[held]["y"], probe.probability(tables[held]))), 3)
        facts = gold_facts(rows[rows["corpus"] == held], dev[held].sentences())
        for th in thresholds:
            for jn in joins:
                model = PairModel(FEATURES, tuple(coef), icpt, th, jn)
                e = story_elements(dev[held], graph=graphs[held], model=model).dropna(subset=["element"])
                system: dict = defaultdict(set)
                for r in e.itertuples():
                    system[(r.article_id, int(r.sentence))].add(int(r.element))
                scores.setdefault((th, jn), []).append(bcubed(system, facts)["f1"])
    (th, jn), f1s = max(scores.items(), key=lambda kv: (round(float(np.mean(kv[1])), 4), -kv[0][0], kv[0][1]))
    coef, icpt = fit_pair_model(pd.concat(tables.values(), ignore_index=True))
    about = {
        "about": "Same-fact model of analysis.topics.story_elements: logistic regression (scikit-learn, L2, C = 1, on standardised "
                 "features, stored in the features' own units) of 'the two sentences tell a fact in common' on the features of "
                 "analysis.topics.pairs.sentence_pairs.",
        "command": "python -m analysis.evaluate elements --train",
        "data": "gold/elements/ (marked by reading), dev corpora only: " + ", ".join(
            f"{n} ({len(tables[n])} pairs, {int(tables[n]['y'].sum())} same-fact)" for n in dev),
        "selection": "threshold and join chosen on the mean B-cubed F1 of a cross-validation by corpus (each dev corpus scored "
                     "by a model fitted on the others) over thresholds " + ", ".join(map(str, thresholds)) + " and joins "
                     + ", ".join(map(str, joins)) + "; the unseen corpus is not used",
        "cross_validation": {"roc_auc": auc, "bcubed_f1": dict(zip(dev, f1s)), "mean_bcubed_f1": round(float(np.mean(f1s)), 3)},
    }
    return PairModel(FEATURES, tuple(coef), icpt, th, jn, about).to_dict()


def evaluate_corpus(corpus, rows: pd.DataFrame, **options) -> dict:
    """Every figure of one corpus (``options`` go to :func:`analysis.topics.story_elements`)."""
    from ..topics import story_elements

    t0 = time.perf_counter()
    elements = story_elements(corpus, **options)
    seconds = time.perf_counter() - t0
    facts = gold_facts(rows, corpus.sentences())
    clustered = elements.dropna(subset=["element"])
    system: dict[tuple[str, int], set[int]] = defaultdict(set)
    for r in clustered.itertuples():
        system[(r.article_id, int(r.sentence))].add(int(r.element))
    outlets = list(corpus.outlets)
    fact_outlets = defaultdict(set)
    outlet_of = dict(zip(corpus.articles.index, corpus.articles["outlet"]))
    for (aid, _), fs in facts.items():
        for f in fs:
            fact_outlets[f].add(outlet_of[aid])
    n_out = clustered.groupby("element")["outlet"].nunique()
    claims = claims_precision(elements, outlets, facts)
    return {
        "articles": len(corpus.articles), "outlets": len(outlets),
        "gold_rows": len(rows), "gold_rows_found": sum(len(v) for v in facts.values()),
        "elements": int(clustered["element"].nunique()),
        "single_outlet_element_share": round(float((n_out == 1).mean()), 3) if len(n_out) else None,
        "elements_told_by_all": int((n_out == len(outlets)).sum()),
        "elements_told_by_most": int((n_out > len(outlets) / 2).sum()),
        "gold_facts_told_by_all": sum(len(v) == len(outlets) for v in fact_outlets.values()),
        "gold_facts_told_by_most": sum(len(v) > len(outlets) / 2 for v in fact_outlets.values()),
        "sentences_telling_several": int((clustered.groupby(["article_id", "sentence"])["element"].nunique() > 1).sum()),
        "bcubed": bcubed(system, facts),
        "claims": {k: v for k, v in claims.items() if k != "wrong"},
        "wrong_claims": claims["wrong"],
        "seconds": round(seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("elements", __doc__.split("\n\n")[0], data=DEFAULT_DATA,
                            data_help="the AllSides articles (articles.jsonl.gz)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"the gold folder (default: {DEFAULT_GOLD})")
    parser.add_argument("--show-wrong", action="store_true", help="print every wrong claim")
    parser.add_argument("--split", choices=("dev", "unseen", "all"), default="all",
                        help="score only the corpora of this split (default: all); training uses the dev corpora only")
    parser.add_argument("--train", action="store_true",
                        help="refit the same-fact model on the dev corpora and write analysis/data/element_pair_model.json")
    add_results_options(parser, "topics", write_by_default=False)
    args = parser.parse_args(argv)
    if not data_present(args.data, "the AllSides data set",
                        "It is not part of the repository; give its path with --data (see the README, 'Evaluation data')."):
        return 2
    from ..corpus import load_corpus

    corpora = tomllib.loads((args.gold / "corpora.toml").read_text(encoding="utf-8"))
    rows = pd.read_csv(args.gold / "sentences.csv", dtype={"sentence_index": int}, keep_default_na=False)
    ids = {i for c in corpora.values() for i in c["ids"]}
    articles = read_allsides(args.data, ids)
    built = {"bundled": (load_corpus(BUNDLED_CORPUS), "dev")}
    for name, spec in corpora.items():
        built[name] = (corpus_of([articles[i] for i in spec["ids"]]), spec.get("split", "dev"))
    if args.train:
        import json

        from ..topics.pairs import PAIR_MODEL_FILE

        model = train(built, rows)
        PAIR_MODEL_FILE.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        cv = model["cross_validation"]
        print(f"same-fact model written to {PAIR_MODEL_FILE}: threshold {model['threshold']}, join {model['join']}; "
              f"cross-validated AUC {cv['roc_auc']}, B-cubed F1 {cv['bcubed_f1']}")
    results = {}
    for name, (corpus, split) in built.items():
        if args.split != "all" and split != args.split:
            continue
        r = evaluate_corpus(corpus, rows[rows["corpus"] == name])
        results[name] = {"split": split, **{k: v for k, v in r.items() if k != "wrong_claims"}}
        b, c = r["bcubed"], r["claims"]
        print(f"{name} ({split}, {r['outlets']} outlets): {r['elements']} elements, {r['single_outlet_element_share']:.0%} single-outlet, "
              f"{r['elements_told_by_all']} told by all (gold facts told by all: {r['gold_facts_told_by_all']}); "
              f"B-cubed P {b['precision']} R {b['recall']} F1 {b['f1']} over {b['items']} sentences; "
              f"'alone' claims right {c['alone']['right']}/{c['alone']['judged']} (+{c['alone']['unjudged']} unjudged); "
              f"'left out' right {c['left_out']['right']}/{c['left_out']['judged']} (+{c['left_out']['unjudged']} unjudged); {r['seconds']} s")
        if args.show_wrong:
            for w in r["wrong_claims"]:
                print("   wrong:", w)
    if args.write:
        payload = {"command": "python -m analysis.evaluate elements --write",
                   "data": "gold/elements/: facts told by the sentences of the bundled corpus and two AllSides events, marked by reading",
                   "results": results}
        print(f"results written to {save_results('topics', 'elements_gold', payload, path=args.results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
