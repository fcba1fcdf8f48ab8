"""Benchmark: distinctive terms (log-odds with an informative Dirichlet prior) at scale.

    python benchmarks/bench_distinctive_terms.py [PATH] [--by source] [--repeat N]

PATH is the AllSides articles file (``articles.jsonl.gz``, 37,554 articles from 491 outlets;
default ``../shared/datasets/allsides_articles/articles.jsonl.gz`` beside the repository). The
articles are read once (timed apart), then ``analysis.wordchoice.distinctive_terms`` runs over
all of them by outlet, unigrams and bigrams, each outlet against all the others, with the
corpus as its own prior and ``include_absent=False`` (491 outlets x 5 million terms would be
billions of rows of zeros). The table gives wall-clock and CPU time and the machine's load
average, because on a shared machine wall-clock time depends on what else is running.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.paths import DATASETS_DIR
from analysis.wordchoice import distinctive_terms

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT, help=f"articles.jsonl.gz (default: {DEFAULT})")
    parser.add_argument("--by", default="source", help="the column that names the groups (default: source)")
    parser.add_argument("--repeat", type=int, default=1, help="how many timed runs (default 1)")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"Error: no articles file at {args.path}; pass the path of the AllSides articles.jsonl.gz", file=sys.stderr)
        return 2

    t = time.perf_counter()
    articles = pd.read_json(args.path, lines=True)[[args.by, "content_original"]].rename(columns={"content_original": "text"})
    read_s = time.perf_counter() - t
    print(f"Read {len(articles):,} articles from {articles[args.by].nunique():,} groups in {read_s:.1f} s "
          f"({articles['text'].str.len().sum() / 1e6:.0f} million characters).", flush=True)

    rows = []
    for run in range(1, args.repeat + 1):
        load_before = os.getloadavg()[0]
        wall, cpu = time.perf_counter(), time.process_time()
        terms = distinctive_terms(articles, by=args.by, include_absent=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        rows.append(
            {
                "run": run,
                "groups": terms[args.by].nunique(),
                "terms": terms["term"].nunique(),
                "rows (group x term used)": len(terms),
                "wall s": round(wall, 1),
                "CPU s": round(cpu, 1),
                "load avg before": round(load_before, 2),
                "load avg after": round(os.getloadavg()[0], 2),
                "under 60 s": wall < 60,
            }
        )
        del terms
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"Machine: {os.cpu_count()} cores. Peak memory of this process: {peak:.1f} GB.\n")
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
