"""How well the topic models find subjects: clustering the BBC News articles against their five categories.

``python -m analysis.evaluate topics [--data PATH] [--seeds 0 1 2 3 4] [--write]``

The BBC News data set (Greene & Cunningham 2006) has 2,225 articles in five categories
(business, entertainment, politics, sport, tech); 98 are exact duplicates (same ``md5``) and are
dropped, keeping the first. Each article (headline and text) is clustered into k = 5 groups by

- **NMF**: :func:`analysis.topics.fit_topics` as the package uses it (TF-IDF, NNDSVDa
  initialisation), each article put in its dominant topic;
- **NMF, random initialisation**: the same with a random start, to show what the seed does;
- **k-means** on the same TF-IDF vectors (k-means++, 10 restarts);
- **LDA** on word counts (:func:`analysis.topics.fit_topics` with ``method="lda"``), for comparison;

and the groups are compared with the categories by normalised mutual information (NMI,
arithmetic normalisation) and the adjusted Rand index (ARI). Each method runs once per seed;
the figures at the first seed are the headline, the others show how stable they are.

References:
    Greene & Cunningham (2006), "Practical solutions to the problem of diagonal dominance in
    kernel document clustering", ICML. Strehl & Ghosh (2002), "Cluster ensembles", JMLR 3 (NMI).
    Hubert & Arabie (1985), "Comparing partitions", Journal of Classification 2 (ARI).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from ..paths import DATASETS_DIR
from ..topics import document_clusters, fit_topics, make_vectorizer
from .cli import add_results_options, command_parser, data_present
from .results import write as save_results

__all__ = [
    "DEFAULT_DATA",
    "evaluate",
    "load_bbc",
    "main",
    "METHODS",
]

DEFAULT_DATA = DATASETS_DIR / "bbc_news" / "bbc.jsonl"


def load_bbc(path: Path) -> tuple[list[str], list[str], int]:
    """The articles (headline, blank line, text), their categories, and how many duplicates were dropped."""
    texts, cats, seen, dropped = [], [], set(), 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if r["md5"] in seen:
                dropped += 1
                continue
            seen.add(r["md5"])
            texts.append(f"{r.get('title', '')}\n\n{r['text']}")
            cats.append(r["category"])
    return texts, cats, dropped


def _nmf_random(texts: list[str], k: int, seed: int) -> np.ndarray:
    from sklearn.decomposition import NMF

    X = make_vectorizer().fit_transform(texts)
    return NMF(n_components=k, init="random", max_iter=500, random_state=seed).fit_transform(X).argmax(axis=1)


METHODS = {
    "nmf": ("NMF (TF-IDF, NNDSVDa: the package's model)", lambda texts, k, seed: document_clusters(texts, k=k, method="nmf", random_state=seed)),
    "nmf-random": ("NMF (TF-IDF, random initialisation)", _nmf_random),
    "kmeans": ("k-means (TF-IDF, k-means++, 10 restarts)", lambda texts, k, seed: document_clusters(texts, k=k, method="kmeans", random_state=seed)),
    "lda": ("LDA (word counts)", lambda texts, k, seed: fit_topics(texts, k=k, method="lda", random_state=seed).doc_topic.argmax(axis=1)),
}


def evaluate(texts: list[str], cats: list[str], *, k: int = 5, seeds: list[int] = (0, 1, 2, 3, 4), methods=None) -> list[dict]:
    """NMI and ARI of each method against the categories, at each seed."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    out = []
    for key in methods or METHODS:
        name, run = METHODS[key]
        nmis, aris = [], []
        for seed in seeds:
            labels = run(texts, k, seed)
            nmis.append(round(float(normalized_mutual_info_score(cats, labels)), 4))
            aris.append(round(float(adjusted_rand_score(cats, labels)), 4))
        out.append({"key": key, "method": name, "nmi": nmis[0], "ari": aris[0], "nmi_by_seed": nmis, "ari_by_seed": aris})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("topics", __doc__.split("\n\n")[0], data=DEFAULT_DATA, data_help="bbc.jsonl")
    parser.add_argument("--k", type=int, default=5, help="number of clusters (default: 5, the number of categories)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4], help="seeds (default: 0 1 2 3 4)")
    add_results_options(parser, "topics", write_by_default=False, flag="--out")
    args = parser.parse_args(argv)
    if not data_present(args.data, "the BBC News data set", "Give its path with --data "
                        "(bbc.jsonl: one JSON object a line with id, category, title, text, md5)."):
        return 2
    texts, cats, dropped = load_bbc(args.data)
    results = evaluate(texts, cats, k=args.k, seeds=args.seeds)
    print(f"BBC News: {len(texts)} articles ({dropped} exact duplicates dropped), {len(set(cats))} categories, k = {args.k}, seeds {' '.join(map(str, args.seeds))}")
    print()
    print(f"{'method':46} {'NMI':>6} {'ARI':>6}   {'NMI mean (min-max)':>22}   {'ARI mean (min-max)':>22}")
    for r in results:
        n, a = r["nmi_by_seed"], r["ari_by_seed"]
        print(
            f"{r['method']:46} {r['nmi']:6.3f} {r['ari']:6.3f}   {np.mean(n):6.3f} ({min(n):.3f}-{max(n):.3f})   "
            f"{np.mean(a):6.3f} ({min(a):.3f}-{max(a):.3f})"
        )
    if args.write:
        record = {
            "data": "BBC News (Greene & Cunningham 2006), bbc_news/bbc.jsonl",
            "documents": len(texts),
            "duplicates_dropped": dropped,
            "categories": len(set(cats)),
            "k": args.k,
            "seeds": args.seeds,
            "features": "headline and text; TF-IDF (sublinear tf, words of 2+ letters, stop words of analysis/data/stopwords_news.txt, min_df 2, max_df 0.95); counts for LDA",
            "command": "python -m analysis.evaluate topics --write",
            "methods": results,
        }
        written = save_results("topics", "bbc", record, path=args.out)
        print(f"\nSaved to {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
