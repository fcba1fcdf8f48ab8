import os, sys, pickle, tomllib
from collections import defaultdict
import pandas as pd, numpy as np
sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..')))
from analysis.paths import BUNDLED_CORPUS
from analysis.corpus import load_corpus
from analysis.evaluate.elements import DEFAULT_DATA, DEFAULT_GOLD, gold_facts, bcubed, claims_precision
from analysis.evaluate.speakers import corpus_of, read_allsides

def dev_corpora(split="dev"):
    corpora = tomllib.loads((DEFAULT_GOLD / "corpora.toml").read_text())
    rows = pd.read_csv(DEFAULT_GOLD / "sentences.csv", dtype={"sentence_index": int}, keep_default_na=False)
    out = {}
    if split == "dev":
        out["bundled"] = load_corpus(BUNDLED_CORPUS)
    ids = {i for n,c in corpora.items() if c.get("split","dev")==split for i in c["ids"]}
    arts = read_allsides(DEFAULT_DATA, ids)
    for n, c in corpora.items():
        if c.get("split","dev")==split:
            out[n] = corpus_of([arts[i] for i in c["ids"]])
    return out, rows

def score(corpus, rows, elements):
    facts = gold_facts(rows, corpus.sentences())
    cl = elements.dropna(subset=["element"])
    system = defaultdict(set)
    for r in cl.itertuples():
        system[(r.article_id, int(r.sentence))].add(int(r.element))
    b = bcubed(system, facts)
    c = claims_precision(elements, list(corpus.outlets), facts)
    return b, c, facts, system
