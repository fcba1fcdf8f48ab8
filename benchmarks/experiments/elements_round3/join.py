import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import *
from analysis.topics import story_elements, element_graph
from analysis.topics.elements import CANDIDATE
cs, rows = dev_corpora()
gs = {n: element_graph(c, min_similarity=CANDIDATE) for n,c in cs.items()}
for mode in sys.argv[1:]:
  os.environ["JOINMODE"]=mode
  for th in (0.3,0.4,0.5):
    for jn in (0.4,0.5,0.6,0.7,0.8):
        out=[]
        for n,c in cs.items():
            e = story_elements(c, threshold=th, join=jn, graph=gs[n])
            b, cl, *_ = score(c, rows[rows.corpus==n], e)
            out.append((b['precision'],b['recall'],b['f1'], f"{cl['left_out']['right']}/{cl['left_out']['judged']}"))
        print(mode, th, jn, out, round(np.mean([o[2] for o in out]),3), flush=True)
