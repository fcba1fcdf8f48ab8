import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import *
from analysis.topics import story_elements
cs, rows = dev_corpora()
for n,c in cs.items():
    e = story_elements(c)
    b, cl, facts, system = score(c, rows[rows.corpus==n], e)
    items=[i for i in facts if system.get(i)]
    byf=defaultdict(set)
    for i in items:
        for f in facts[i]: byf[f].add(i)
    res=defaultdict(list)
    for i in items:
        rel=set().union(*(byf[f] for f in facts[i]))
        r=sum(min(len(system[i]&system[j]),len(facts[i]&facts[j]))/len(facts[i]&facts[j]) for j in rel)/len(rel)
        mates=[j for j in items if system[i]&system[j]]
        p=sum(min(len(system[i]&system[j]),len(facts[i]&facts[j]))/len(system[i]&system[j]) for j in mates)/len(mates)
        res[min(len(facts[i]),3)].append((r,p,len(system[i])))
    for k,v in sorted(res.items()):
        v=np.array(v); print(n, "facts", k, "n", len(v), "recall %.2f prec %.2f elements/sent %.2f"%tuple(v.mean(0)))
    print(n, "untagged-in-gold items with no cluster?", sum(1 for i in facts if not system.get(i)))
