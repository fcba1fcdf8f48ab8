import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import *
import analysis.topics.pairs as P
from analysis.topics import story_elements, element_graph, load_pair_model
from analysis.topics.elements import CANDIDATE
cs, rows = dev_corpora()
pm = load_pair_model()
for n,c in cs.items():
    g = element_graph(c, min_similarity=CANDIDATE)
    facts = gold_facts(rows[rows.corpus==n], c.sentences())
    key = list(zip(g.sentences["article_id"], g.sentences["sentence"].astype(int)))
    pairs = P.sentence_pairs(g)
    prob = pm.probability(pairs)
    fa = [facts.get(key[a]) for a in pairs.a]; fb=[facts.get(key[b]) for b in pairs.b]
    y = np.array([ (1.0 if (x and z and x&z) else 0.0) if (x is not None and z is not None) else np.nan for x,z in zip(fa,fb)])
    tagged = ~np.isnan(y)
    print(n, "pairs", len(pairs), "tagged", tagged.sum(), "pos", np.nansum(y))
    # how many gold positive pairs are not among candidates
    items = list(facts)
    pos_all = sum(1 for i in range(len(items)) for j in range(i+1,len(items)) if facts[items[i]]&facts[items[j]])
    print("  gold positive pairs total", pos_all)
    for mode in ("model","oracle"):
        class M(P.PairModel):
            def probability(self, p):
                return np.where(tagged, np.nan_to_num(y), prob) if mode=="oracle" else prob
        m = M(pm.features, pm.coefficients, pm.intercept, pm.threshold, pm.join)
        for th, jn in ((0.4,0.4),(0.5,0.5),(0.3,1.0)):
            e = story_elements(c, graph=g, model=m, threshold=th, join=jn)
            b, cl, *_ = score(c, rows[rows.corpus==n], e)
            print("  ", mode, th, jn, b)
