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
    items=list(facts); art={k:k[0] for k in items}
    same=[bool(facts[x]&facts[y]) for i,x in enumerate(items) for y in items[i+1:] if x[0]==y[0]]
    cross=[bool(facts[x]&facts[y]) for i,x in enumerate(items) for y in items[i+1:] if x[0]!=y[0]]
    print(n, "same-article share positive", np.mean(same), len(same), "cross", np.mean(cross), len(cross))
    pairs = P.sentence_pairs(g); prob = pm.probability(pairs)
    for fac in (1.0, 0.7, 0.5, 0.0):
        class M(P.PairModel):
            def probability(self, p):
                sa = p["same_article"].to_numpy()==1; adj = p["adjacent"].to_numpy()==1
                return np.where(sa & ~adj, prob*fac, prob)
        m = M(pm.features, pm.coefficients, pm.intercept, pm.threshold, pm.join)
        for th,jn in ((0.3,0.4),(0.4,0.4),(0.3,0.3)):
            e = story_elements(c, graph=g, model=m, threshold=th, join=jn)
            b, cl, *_ = score(c, rows[rows.corpus==n], e)
            print("  ", fac, th, jn, b)
