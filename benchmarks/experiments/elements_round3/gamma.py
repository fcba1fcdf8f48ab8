import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import *
import analysis.topics.pairs as P
from analysis.topics import story_elements, element_graph, load_pair_model
from analysis.topics.elements import CANDIDATE
cs, rows = dev_corpora()
pm = load_pair_model()
G = {n: element_graph(c, min_similarity=CANDIDATE) for n,c in cs.items()}
PR = {n: pm.probability(P.sentence_pairs(G[n])) for n in cs}
for gam in (0.5, 0.7, 1.0):
  for th in (0.2,0.3,0.4,0.5):
    for jn in (0.3,0.4,0.5):
        out=[]
        for n,c in cs.items():
            class M(P.PairModel):
                def probability(self, p): return PR[n]**gam
            m = M(pm.features, pm.coefficients, pm.intercept, th, jn)
            e = story_elements(c, graph=G[n], model=m)
            b, cl, *_ = score(c, rows[rows.corpus==n], e)
            out.append(b['f1'])
        print(gam, th, jn, out, round(np.mean(out),3), flush=True)
