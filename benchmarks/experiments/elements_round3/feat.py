import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import *
import analysis.topics.pairs as P
from analysis.evaluate.elements import train
orig = P.sentence_pairs
BASE = P.FEATURES
_W=[]
def _wl():
    if not _W:
        import wordllama
        from pathlib import Path
        from wordllama import WordLlama
        _W.append(WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True))
    return _W[0]
def extra(graph):
    F=P.FEATURES; P.FEATURES=BASE
    try: pairs = orig(graph)
    finally: P.FEATURES=F
    s = graph.sentences; n=len(s)
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    SX = graph.sentence_matrix
    B = SX.copy(); B.data[:] = 1.0
    top = np.log(1.0+n)+1.0
    w = graph.sentence_idf/top
    tot = np.asarray(B.multiply(w.reshape(1,-1)).sum(axis=1)).ravel()
    sw = pairs["shared_weight"].to_numpy()
    pairs["containment"] = sw/np.maximum(np.minimum(tot[a],tot[b]),1e-9)
    pairs["jaccard_w"] = sw/np.maximum(tot[a]+tot[b]-sw,1e-9)
    vocab = {t:k for k,t in enumerate(graph.sentence_terms)}
    names = P._indicator([P._names(t) for t in s["text"]], vocab)
    nn = np.asarray(names.multiply(w.reshape(1,-1)).sum(axis=1)).ravel()
    sn = pairs["shared_names"].to_numpy()
    pairs["name_difference"] = (nn[a]+nn[b]-2*sn)/np.maximum(nn[a]+nn[b],1e-9)
    # clause containment: over clause edges, shared weight / smaller clause weight
    U = graph.matrix.copy(); U.data[:] = 1.0
    uw = np.asarray(U.multiply((graph.idf/ (np.log(1.0+U.shape[0])+1.0)).reshape(1,-1)).sum(axis=1)).ravel()
    ei, ej = graph.edges["i"].to_numpy(), graph.edges["j"].to_numpy()
    shared = P._rowwise(U, U, ei, ej, graph.idf/(np.log(1.0+U.shape[0])+1.0))
    cc = shared/np.maximum(np.minimum(uw[ei],uw[ej]),1e-9)
    sr = graph.units["sentence_row"].to_numpy()
    ea, eb = np.minimum(sr[ei],sr[ej]), np.maximum(sr[ei],sr[ej])
    d = pd.DataFrame({"a":ea,"b":eb,"cc":cc}).groupby(["a","b"])["cc"].max()
    pairs["clause_containment"] = d.reindex(pd.MultiIndex.from_arrays([a,b])).fillna(0).to_numpy()
    from scipy import sparse
    from sklearn.preprocessing import normalize
    for col, nm in (("clause_similarity","second_clause"),("sentence_similarity","second_sentence")):
        v = pairs[col].to_numpy()
        W = sparse.csr_matrix((np.r_[v,v],(np.r_[a,b],np.r_[b,a])), shape=(n,n))
        W = normalize(W)
        pairs[nm] = P._rowwise(W, W, a, b)
    from wordfreq import zipf_frequency
    from analysis.topics.words import content_words
    zs = {}
    for t in s["text"]:
        for st, wd in content_words(t):
            zs[st] = min(zs.get(st, 9), zipf_frequency(wd.lower(), "en"))
    bw = np.array([ (max(0.0, 7.0 - zs.get(str(t), 0.0))/7.0 if not str(t).startswith("#") else 1.0) for t in graph.sentence_terms])
    pairs["shared_background"] = P._rowwise(B, B, a, b, bw)
    totb = np.asarray(B.multiply(bw.reshape(1,-1)).sum(axis=1)).ravel()
    pairs["background_containment"] = pairs["shared_background"].to_numpy()/np.maximum(np.minimum(totb[a],totb[b]),1e-9)
    import re as _re
    art = pd.factorize(s["article_id"])[0]; pos = s["sentence"].to_numpy()
    texts = s["text"].tolist()
    OPEN = set('“"‘'); CLOSE=set('”"’')
    inq = np.zeros(n, bool); passage = np.zeros(n, int); pid = 0; state = False; prev_art=-1
    for k,t in enumerate(texts):
        if art[k]!=prev_art: state=False; prev_art=art[k]
        starts_in = state
        has = any(ch in t for ch in '“”"')
        # update open state by counting curly quotes
        o = t.count('“'); c = t.count('”'); st = t.count('"')
        if o or c: state = (state and o==c) or (o>c)
        elif st % 2 == 1: state = not state
        if not (starts_in):
            pid += 1
        inq[k] = has or starts_in
        passage[k] = pid
    same = (art[a]==art[b])
    pairs["same_quote"] = (same & (passage[a]==passage[b]) & inq[a] & inq[b]).astype(float)
    pairs["quote_run"] = (same & inq[a] & inq[b] & (np.abs(pos[a]-pos[b])<=2)).astype(float)
    if "emb_sentence" not in P.FEATURES and "emb_clause" not in P.FEATURES:
        return pairs[["a","b",*P.FEATURES]]
    E = _wl().embed(s["text"].tolist(), norm=True)
    pairs["emb_sentence"] = np.einsum("ij,ij->i", E[a], E[b])
    UE = _wl().embed(graph.units["text"].tolist(), norm=True)
    ev = np.einsum("ij,ij->i", UE[ei], UE[ej])
    d2 = pd.DataFrame({"a":ea,"b":eb,"v":ev}).groupby(["a","b"])["v"].max()
    pairs["emb_clause"] = d2.reindex(pd.MultiIndex.from_arrays([a,b])).fillna(0).to_numpy()
    pairs["emb_clause"] = np.maximum(pairs["emb_clause"].to_numpy(), pairs["emb_sentence"].to_numpy())
    pairs["name_containment"] = pairs["shared_names"].to_numpy()/np.maximum(np.minimum(nn[a],nn[b]),1e-9)
    return pairs[['a','b',*P.FEATURES]]
import sys as _s
feats = _s.argv[1].split(",") if len(_s.argv)>1 and _s.argv[1] else []
P.FEATURES = BASE + tuple(feats)
P.sentence_pairs = extra
import analysis.topics as T
T.sentence_pairs = extra
cs, rows = dev_corpora()
built = {n:(c,"dev") for n,c in cs.items()}
m = train(built, rows, thresholds=(0.2,0.25,0.3,0.4,0.5), joins=(0.25,0.3,0.4,0.5,1.0))
print(feats, m["threshold"], m["join"], m["cross_validation"])
from analysis.topics import story_elements
pm = P.PairModel(tuple(m["features"]), tuple(m["coefficients"]), m["intercept"], m["threshold"], m["join"])
for n,c in cs.items():
    e = story_elements(c, model=pm)
    b, cl, *_ = score(c, rows[rows.corpus==n], e)
    print("  in-sample", n, b, cl['alone'], cl['left_out'])
