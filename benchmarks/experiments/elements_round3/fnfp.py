import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import *
import analysis.topics.pairs as P
from analysis.topics import element_graph, load_pair_model
from analysis.topics.elements import CANDIDATE
cs, rows = dev_corpora()
pm = load_pair_model()
rng = np.random.default_rng(0)
for n,c in cs.items():
    g = element_graph(c, min_similarity=CANDIDATE)
    facts = gold_facts(rows[rows.corpus==n], c.sentences())
    key = list(zip(g.sentences["article_id"], g.sentences["sentence"].astype(int)))
    pairs = P.sentence_pairs(g); prob = pm.probability(pairs)
    T = g.sentences["text"].tolist(); O = g.sentences["outlet"].tolist()
    fn=[];fp=[]
    for k,(a,b) in enumerate(zip(pairs.a,pairs.b)):
        x,z = facts.get(key[a]), facts.get(key[b])
        if x is None or z is None: continue
        if x&z and prob[k]<0.3: fn.append(k)
        if not x&z and prob[k]>0.5: fp.append(k)
    print("=====",n,"FN(p<.3)",len(fn),"FP(p>.5)",len(fp))
    for lab, ks, m in (("FN",fn,25),("FP",fp,15)):
        for k in rng.choice(ks, min(m,len(ks)), replace=False):
            a,b = pairs.a[k], pairs.b[k]
            r = pairs.iloc[k]
            print(f"{lab} p={prob[k]:.2f} cs={r.clause_similarity:.2f} nm={r.shared_names:.2f} sa={int(r.same_article)} [{','.join(sorted(facts[key[a]]))}] vs [{','.join(sorted(facts[key[b]]))}]")
            print("    ", O[a], ":", T[a][:170]); print("    ", O[b], ":", T[b][:170])
