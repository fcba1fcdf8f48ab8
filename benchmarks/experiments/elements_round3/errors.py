import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import *
from analysis.topics import story_elements
cs, rows = dev_corpora()
for name, c in cs.items():
    r = rows[rows.corpus==name]
    e = story_elements(c)
    b, cl, facts, system = score(c, r, e)
    print("=====", name, b)
    flabel = dict(pd.read_csv(DEFAULT_GOLD/"facts.csv").query("corpus==@name")[["fact_id","label"]].values)
    text = {(x.article_id,int(x.sentence)): (x.outlet, x.text) for x in c.sentences().itertuples()}
    byfact = defaultdict(list)
    for k, fs in facts.items():
        for f in fs: byfact[f].append(k)
    for f, ks in sorted(byfact.items()):
        els = defaultdict(list)
        for k in ks:
            for el in (system.get(k) or {None}): els[el].append(k)
        if len(els) > 1:
            print(f"\n## {f} {flabel[f]} -> split into {len(els)}")
            for el, kk in els.items():
                for k in kk:
                    print(f"   el{el} [{','.join(sorted(facts[k]))}] {text[k][0]}: {text[k][1][:150]}")
    print("\n--- mixed elements")
    byel = defaultdict(list)
    for k, els in system.items():
        if k in facts:
            for el in els: byel[el].append(k)
    for el, ks in sorted(byel.items()):
        fsets = [facts[k] for k in ks]
        common = frozenset.intersection(*fsets)
        if not common and len(ks) > 1:
            print(f"\n## el{el} mixed:")
            for k in ks: print(f"   [{','.join(sorted(facts[k]))}] {text[k][0]}: {text[k][1][:150]}")
