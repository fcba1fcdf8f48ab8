"""Benchmark: story elements, text reuse and the synthesis cards at 50, 200 and 1,000 articles of one AllSides topic.

    python benchmarks/bench_coverage.py [PATH] [--topic white_house] [--sizes 50,200,1000] [--stages elements,reuse,synthesize]

PATH is ``articles.jsonl.gz`` (default ``../shared/datasets/allsides_articles/articles.jsonl.gz``).
The articles of one topic are sorted by date and ID, and the first N make a corpus, as a user's
file would (:func:`analysis.evaluate.speakers.corpus_of`). Each stage runs in a fresh process on
a corpus already cleaned and split into sentences: :func:`analysis.topics.story_elements`,
:func:`analysis.topics.reuse.shared_passages`, and :func:`analysis.synthesis.synthesize` (which
runs all four analyses, the elements and reuse included). The table gives CPU seconds (the
process's own time, which other work on a shared machine does not inflate), wall seconds, the peak
resident memory of the process (``ru_maxrss``: everything, the loaded corpus included) and, per
stage, the growth exponent b of CPU time = a x articles^b fitted by least squares on the log-log
points (1 is linear, 2 quadratic).

Results vary with the machine's load; the README gives one run on the project machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from analysis.paths import DATASETS_DIR

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"
STAGES = ("elements", "reuse", "synthesize")

_CHILD = r"""
import pickle, resource, sys, time
corpus = pickle.load(open(sys.argv[1], "rb"))
stage = sys.argv[2]
corpus.sentences(); corpus.paragraphs()
t0, c0 = time.perf_counter(), time.process_time()
if stage == "elements":
    from analysis.topics import story_elements
    out = story_elements(corpus)
    extra = int(out["element"].nunique())
elif stage == "reuse":
    from analysis.topics import reuse
    out = reuse.shared_passages(corpus)
    extra = len(out)
else:
    from analysis import synthesis
    out = synthesis.synthesize(corpus)
    extra = len(out.claims)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
print(seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, extra)
"""


def topic_articles(path: Path, topic: str, n: int) -> list[dict]:
    """The first ``n`` articles of ``topic`` by date and ID."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                if r.get("topic") == topic and (r.get("content_original") or "").strip():
                    rows.append(r)
    rows.sort(key=lambda r: (str(r.get("date") or ""), str(r.get("ID"))))
    return rows[:n]


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) on log(sizes)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT, help="articles.jsonl.gz (AllSides)")
    parser.add_argument("--topic", default="white_house", help="the AllSides topic (default: white_house)")
    parser.add_argument("--sizes", default="50,200,1000", help="corpus sizes in articles")
    parser.add_argument("--stages", default=",".join(STAGES), help="stages to time")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"Error: no data set at {args.path}; give the path of articles.jsonl.gz (see the README, 'Evaluation data').", file=sys.stderr)
        return 2
    from analysis.evaluate.speakers import corpus_of

    sizes = [int(s) for s in args.sizes.split(",")]
    stages = [s for s in args.stages.split(",") if s]
    pool = topic_articles(args.path, args.topic, max(sizes))
    if len(pool) < max(sizes):
        print(f"Error: topic {args.topic!r} has {len(pool)} articles, fewer than {max(sizes)}.", file=sys.stderr)
        return 2
    results: dict[str, list[tuple[int, float, float, float, int]]] = {s: [] for s in stages}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = corpus_of(pool[:n])
            corpus.sentences()
            f = Path(tmp) / f"corpus-{n}.pkl"
            f.write_bytes(pickle.dumps(corpus))
            n_sent = len(corpus.sentences())
            print(f"{n} articles, {corpus.articles['outlet'].nunique()} outlets, {n_sent:,} sentences", flush=True)
            for stage in stages:
                out = subprocess.run([sys.executable, "-c", _CHILD, str(f), stage], capture_output=True, text=True, check=True)
                sec, cpu, rss_kb, extra = out.stdout.split()
                results[stage].append((n, float(cpu), float(sec), int(rss_kb) / 1024, int(extra)))
                print(f"  {stage}: {float(cpu):.1f} s CPU, {float(sec):.1f} s wall, peak {int(rss_kb) / 1024:,.0f} MB", flush=True)
    print()
    print(f"| stage | {' | '.join(f'{n:,} articles' for n in sizes)} | growth exponent |")
    print("|---|" + "---|" * len(sizes) + "---|")
    for stage in stages:
        cells = [f"{cpu:.1f} s CPU ({sec:.0f} s wall), {mb:,.0f} MB" for _, cpu, sec, mb, _ in results[stage]]
        b = exponent([r[0] for r in results[stage]], [r[1] for r in results[stage]]) if len(sizes) > 1 else float("nan")
        print(f"| {stage} | {' | '.join(cells)} | {b:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
