"""Benchmark of the whole large-corpus pipeline against a raw scan of the same file (not a test).

    python benchmarks/bench_scale.py [PATH] [--limit N] [--chunk-size 2000] [--workers 2]

For the first N articles of PATH (default: the 37,554 AllSides articles in
../shared/datasets/allsides_articles/articles.jsonl.gz), in one run, it times:

1. the raw scan: read, decode, lower-case and split every article, nothing else;
2. the pipeline in one process (analysis.scale.run_local), stage by stage, with its peak memory;
3. the same pipeline on a local Dask cluster of --workers processes (after splitting the input
   into Parquet parts, timed separately), and checks its results equal the one-process results;

and prints a Markdown table with the ratios (pipeline / raw scan; one process / Dask).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import scale  # noqa: E402
from analysis.scale.input import ALLSIDES_MAPPING, write_parquet_parts  # noqa: E402
from analysis.paths import DATASETS_DIR  # noqa: E402

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def raw_scan(path: Path, limit: int | None) -> tuple[float, int, int]:
    t = time.perf_counter()
    n = words = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            words += len(json.loads(line)["content_original"].lower().split())
            n += 1
            if limit and n >= limit:
                break
    return time.perf_counter() - t, n, words


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--chunk-size", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"{args.path} not found: give the AllSides articles.jsonl.gz (../shared/datasets/allsides_articles/)", file=sys.stderr)
        return 2

    scan_s, n, words = raw_scan(args.path, args.limit)
    t = time.perf_counter()
    topics = scale.fit_projector(args.path, mapping=ALLSIDES_MAPPING, fit_articles=min(5000, args.limit or 5000))
    fit_s = time.perf_counter() - t
    t = time.perf_counter()
    local = scale.run_local(args.path, mapping=ALLSIDES_MAPPING, chunk_size=args.chunk_size, limit=args.limit, topics=topics)
    local_s = time.perf_counter() - t
    local_peak = peak_mb()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        parts = write_parquet_parts(args.path, tmp, mapping=ALLSIDES_MAPPING, rows_per_part=args.chunk_size, limit=args.limit)
        split_s = time.perf_counter() - t
        t = time.perf_counter()
        dask = scale.run_dask(parts, topics=topics, workers=args.workers)
        dask_s = time.perf_counter() - t
    same = all(local.tables[k].equals(dask.tables[k]) for k in scale.PARTS)

    print(f"Same Story scale benchmark, {date.today().isoformat()}, {platform.node()}, "
          f"Python {platform.python_version()}, {len(parts)} parts of {args.chunk_size}")
    print(f"\n{n:,} articles, {words:,} words (raw split)\n")
    rows = [("raw scan (read, decode, lower-case, split)", scan_s)]
    rows += [(f"  stage: {k}", v) for k, v in local.seconds.items()]
    rows += [
        ("topics fitted once (first articles)", fit_s),
        ("pipeline, one process (read + all stages + combine)", local_s),
        ("split into Parquet parts (for Dask)", split_s),
        (f"pipeline on Dask, {args.workers} local workers", dask_s),
    ]
    print("| step | seconds | articles/s |\n|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {s:.1f} | {n / s:,.0f} |")
    print(f"\n- pipeline / raw scan: {local_s / scan_s:.1f}x (target <= 10x)")
    print(f"- one process / Dask {args.workers} workers: {local_s / dask_s:.2f}x (target >= 1.6x)")
    print(f"- peak memory of the one-process run: {local_peak:,.0f} MB (target <= 4,096 MB)")
    print(f"- Dask results equal one-process results: {same}")
    terms = scale.distinctive_terms_from_counts(local.tables["terms"])
    print(f"- {len(local.tables['articles']['outlet'].unique()):,} outlets, "
          f"{int(local.tables['sourcing']['quotes'].sum()):,} quotes, {len(terms):,} scored outlet-term pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
