"""Benchmark of the whole large-corpus pipeline, every figure a ratio to a raw scan of the same articles (not a test).

    python benchmarks/bench_scale.py [PATH] [--limit 4000] [--dask-limit 8000] [--chunk-size 500]
        [--workers 2] [--save DIR] [--reference DIR] [--dask-reference DIR] [--profile FILE]

For the first N articles of PATH (default: the AllSides articles in
../shared/datasets/allsides_articles/articles.jsonl.gz), in one run, it measures:

1. the raw scan: read, decode, lower-case and split every article, nothing else (wall and CPU);
2. the pipeline in one process (analysis.scale.run_local) on ``--limit`` articles: wall time,
   CPU time of each stage and of adding up the partial results, and the peak memory of this
   process;
3. on ``--dask-limit`` articles, the raw scan again, the pipeline in one process, and the same on a
   local Dask cluster of ``--workers`` processes (after splitting the input into Parquet parts,
   timed apart), checking the Dask tables equal the one-process tables;

and prints Markdown tables in which every figure is also a multiple of the raw scan measured in
the same run, with the machine's load (``/proc/loadavg``) before and after: other programs on
the machine slow every step alike, so the ratios mean more than the seconds.

``--save DIR`` writes the one-process tables (``DIR/N/*.parquet``) as a reference;
``--reference DIR`` (and ``--dask-reference DIR`` for the larger run) checks them equal to
tables saved before, as Parquet files, every column and row. ``--profile FILE`` runs the
``--limit`` articles once more under cProfile, one profile per stage, and writes each stage's
costliest functions to FILE (the profile slows the run; its seconds are not the benchmark's).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import platform
import pstats
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import scale  # noqa: E402
from analysis.paths import DATASETS_DIR  # noqa: E402
from analysis.scale import pipeline  # noqa: E402
from analysis.scale.input import ALLSIDES_MAPPING, write_parquet_parts  # noqa: E402

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").is_file() else "?"


def raw_scan(path: Path, limit: int | None) -> tuple[float, float, int, int]:
    """Wall and CPU seconds to read, decode, lower-case and split the first ``limit`` articles."""
    t, c = time.perf_counter(), time.process_time()
    n = words = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            words += len((json.loads(line)["content_original"] or "").lower().split())
            n += 1
            if limit and n >= limit:
                break
    return time.perf_counter() - t, time.process_time() - c, n, words


def peak_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def timed(fn, *args, **kwargs):
    t, c = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t, time.process_time() - c


def compare(partial: scale.Partial, reference: Path) -> list[str]:
    """The tables (as written, Parquet) that differ from those in ``reference``: [] when all are equal."""
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = scale.write_results(partial, tmp)
        for name, path in sorted(paths.items()):
            ref = reference / f"{name}.parquet"
            if not ref.is_file():
                bad.append(f"{name}: no {ref}")
                continue
            try:
                pd.testing.assert_frame_equal(pd.read_parquet(path), pd.read_parquet(ref), obj=name)
            except AssertionError as exc:
                bad.append(f"{name}: {str(exc).splitlines()[0]} ...")
    return bad


def save_and_check(partial: scale.Partial, n: int, save: Path | None, reference: Path | None) -> bool:
    """Write the tables under ``save/n`` and check them against ``reference``; False when they differ."""
    if save:
        scale.write_results(partial, save / str(n))
        print(f"- tables saved in {save / str(n)}")
    if not reference:
        return True
    bad = compare(partial, reference)
    print(f"- {n:,}-article tables equal to the reference {reference}: {not bad}" + "".join(f"\n  - {b}" for b in bad))
    return not bad


def profile_stages(path: Path, limit: int, chunk_size: int, topics, out: Path, top: int = 25) -> None:
    """One run under cProfile, a profile per stage; each stage's costliest functions to ``out``."""
    profiles = {stage: cProfile.Profile() for stage, _ in pipeline._STEPS}

    def wrap(stage, step):
        def run(ctx):
            profiles[stage].enable()
            try:
                step(ctx)
            finally:
                profiles[stage].disable()
        return run

    saved = pipeline._STEPS
    pipeline._STEPS = tuple((stage, wrap(stage, step)) for stage, step in saved)
    try:
        partial = scale.run_local(path, mapping=ALLSIDES_MAPPING, chunk_size=chunk_size, limit=limit, topics=topics)
    finally:
        pipeline._STEPS = saved
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"cProfile of the pipeline, one process, {limit:,} articles of {path.name}, chunks of {chunk_size}; "
                 f"{date.today().isoformat()}, load {load()}\n")
        fh.write("stage CPU seconds (profiled): " + ", ".join(f"{k} {v:.1f}" for k, v in partial.cpu.items()) + "\n")
        for stage, prof in profiles.items():
            for order in ("tottime", "cumulative"):
                buf = io.StringIO()
                pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(order).print_stats(top)
                fh.write(f"\n===== {stage}: by {order} =====\n")
                fh.write("\n".join(line for line in buf.getvalue().splitlines() if line.strip()) + "\n")


def one_process(path: Path, limit: int, chunk_size: int, topics) -> tuple[scale.Partial, float, float]:
    return timed(scale.run_local, path, mapping=ALLSIDES_MAPPING, chunk_size=chunk_size, limit=limit, topics=topics)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=4000, help="articles for the one-process run (default 4000; 0: none)")
    parser.add_argument("--dask-limit", type=int, default=8000, help="articles for the Dask run (default 8000; 0: none)")
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--save", type=Path, help="write the one-process tables under DIR/N/ as a reference")
    parser.add_argument("--reference", type=Path, help="check the --limit tables equal the Parquet files in DIR")
    parser.add_argument("--dask-reference", type=Path, help="check the --dask-limit tables equal the Parquet files in DIR")
    parser.add_argument("--profile", type=Path, help="also profile the --limit run, stage by stage, into FILE")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"{args.path} not found: give the AllSides articles.jsonl.gz (../shared/datasets/allsides_articles/)", file=sys.stderr)
        return 2
    ok = True
    load_before = load()
    print(f"Same Story scale benchmark, {date.today().isoformat()}, {platform.node()}, Python {platform.python_version()}, "
          f"{platform.machine()}; chunks of {args.chunk_size}; load average before: {load_before}")

    fit_n = min(5000, args.limit)
    if args.limit:
        # topics fitted once per run, as `samestory scale --limit N` does (on the first min(N, 5,000) articles), untimed
        topics, fit_s, fit_c = timed(scale.fit_projector, args.path, mapping=ALLSIDES_MAPPING, fit_articles=fit_n)
        scan_s, scan_c, n, words = raw_scan(args.path, args.limit)
        local, local_s, local_c = one_process(args.path, args.limit, args.chunk_size, topics)
        local_peak = peak_mb()
        print(f"\n{n:,} articles, {words:,} words (raw split); raw scan {scan_s:.2f} s wall, {scan_c:.2f} s CPU; "
              f"topics fitted once on {fit_n:,} articles in {fit_c:.1f} s CPU (not counted below)\n")
        print("| step | CPU seconds | x raw scan |\n|---|---|---|")
        print(f"| raw scan (read, decode, lower-case, split) | {scan_c:.2f} | 1 |")
        for k, v in local.cpu.items():
            print(f"| stage: {k} | {v:.2f} | {v / scan_c:.1f} |")
        print(f"| **pipeline, one process** (read + all stages + adding up), CPU | {local_c:.1f} | **{local_c / scan_c:.1f}** |")
        print(f"| pipeline, one process, wall clock | {local_s:.1f} | {local_s / scan_s:.1f} (of the scan's wall time) |")
        print(f"\n- peak memory of this process after the one-process run: {local_peak:,.0f} MB")
        ok &= save_and_check(local, args.limit, args.save, args.reference)

    if args.dask_limit:
        if min(5000, args.dask_limit) != fit_n or not args.limit:
            topics = scale.fit_projector(args.path, mapping=ALLSIDES_MAPPING, fit_articles=min(5000, args.dask_limit))
        scan2_s, scan2_c, n2, _ = raw_scan(args.path, args.dask_limit)
        local2, local2_s, local2_c = one_process(args.path, args.dask_limit, args.chunk_size, topics)
        with tempfile.TemporaryDirectory() as tmp:
            parts, split_s, _ = timed(write_parquet_parts, args.path, tmp, mapping=ALLSIDES_MAPPING,
                                      rows_per_part=args.chunk_size, limit=args.dask_limit)
            dask, dask_s, dask_c = timed(scale.run_dask, parts, topics=topics, workers=args.workers)
        worker_peak = peak_mb(resource.RUSAGE_CHILDREN)
        same = all(local2.tables[k].equals(dask.tables[k]) for k in scale.PARTS)
        ok &= same
        print(f"\n{n2:,} articles, {len(parts)} Parquet parts of {args.chunk_size}; raw scan {scan2_s:.2f} s wall, "
              f"{scan2_c:.2f} s CPU\n")
        print("| step | wall seconds | x raw scan (wall) |\n|---|---|---|")
        print(f"| raw scan | {scan2_s:.2f} | 1 |")
        print(f"| pipeline, one process | {local2_s:.1f} | {local2_s / scan2_s:.1f} |")
        print(f"| of which adding up the partial results | {local2.seconds.get('combine', 0):.1f} | "
              f"{local2.seconds.get('combine', 0) / scan2_s:.1f} |")
        print(f"| split into Parquet parts (for Dask, not counted) | {split_s:.1f} | {split_s / scan2_s:.1f} |")
        print(f"| pipeline on Dask, {args.workers} local workers (cluster start and stop included) | {dask_s:.1f} | "
              f"{dask_s / scan2_s:.1f} |")
        print(f"\n- **one process / Dask {args.workers} workers: {local2_s / dask_s:.2f}x** (target >= 1.8x)")
        print(f"- CPU of the stages summed over the workers: {sum(v for k, v in dask.cpu.items() if k != 'combine'):.1f} s "
              f"(one process: {sum(v for k, v in local2.cpu.items() if k != 'combine'):.1f} s); adding up on the workers "
              f"{dask.cpu.get('combine', 0):.1f} s CPU")
        print(f"- peak memory of the largest worker process: {worker_peak:,.0f} MB")
        print(f"- Dask tables equal the one-process tables: {same}")
        ok &= save_and_check(local2, args.dask_limit, args.save, args.dask_reference)
    print(f"\nload average before: {load_before}; after: {load()} (the machine has {__import__('os').cpu_count()} cores)")
    if args.profile:
        if min(5000, args.dask_limit or 0) != fit_n:
            topics = scale.fit_projector(args.path, mapping=ALLSIDES_MAPPING, fit_articles=fit_n)
        profile_stages(args.path, args.limit, args.chunk_size, topics, args.profile)
        print(f"profile of each stage written to {args.profile}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
