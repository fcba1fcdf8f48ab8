"""Benchmark: quotes per second over the AllSides articles (37,554 articles from 491 outlets).

    python benchmarks/bench_quotes.py [PATH] [--limit N] [--indirect]

PATH is ``articles.jsonl.gz`` (default ``../shared/datasets/allsides_articles/articles.jsonl.gz``),
one JSON object a line with ``title`` and ``content_original``. The file is streamed, one article
at a time, through :func:`analysis.sourcing.quotes.quotes_in_text` (the per-article function that
:func:`analysis.sourcing.extract_quotes` maps over a corpus), with the title as the headline.
Nothing is kept but counts, so memory stays flat.

Prints a table: articles, characters, quotes found by kind, seconds spent in the quote finder
(reading and decompressing the file excluded, and counted separately), articles and quotes per
second, the slowest article, and a raw scan of the same articles measured in the same run (read,
decode, lower-case and split each text, as ``benchmarks/bench_scale.py`` does) with the quote
finder's time as a multiple of it (issue 17 sets the whole pipeline against that scan). One process, one core: the function is pure, so a Dask or
multiprocessing map over articles scales it across cores. Times are CPU seconds of this process
(``time.process_time``), not wall-clock time, so that other work on a shared machine does not count.

Last, the guard on pathological text: one "sentence" of 25 KB and of 100 KB with no full stop and
no quotation mark (after one short quote, so that the text is read at all), made of clauses full
of names and reporting verbs, timed through the same
function, best of five runs with the garbage collector paused (as timeit does). Linear work gives a time ratio near 4; the acceptance bound is 5 (issue 17).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

from analysis.paths import DATASETS_DIR
from analysis.sourcing.quotes import load_lexicon, quotes_in_text

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


LONG_SENTENCE_UNIT = (
    "the officials met and said things, Alpha Beta said and Smith, who said, told reporters that he "
    "and the senator added and insisted on a deal while Jane Doe, a spokeswoman, argued "
)


# One quote, in a paragraph of its own, before the endless sentence: a text with no quotation mark at
# all is not read further.
LONG_SENTENCE_LEAD = "“We will see,” she said.\n\n"


def long_sentence_rows(lex, sizes: tuple[int, int] = (25_000, 100_000)) -> list[tuple[str, str]]:
    """The time of one endless sentence at two sizes (best of five runs each), and their ratio.

    The garbage collector is paused while timing, as :mod:`timeit` does: a full collection walks every
    object the process holds, so whether one falls inside a 0.05 s run decides the ratio more than the
    quote finder does (with it on, the same code measured 2.4 to 6.6 here)."""
    times = []
    for n in sizes:
        text = LONG_SENTENCE_LEAD + (LONG_SENTENCE_UNIT * (n // len(LONG_SENTENCE_UNIT) + 1))[:n]
        best = float("inf")
        gc.collect()
        gc.disable()
        try:
            for _ in range(5):
                t0 = time.process_time()
                quotes_in_text(text, lexicon=lex)
                best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
        times.append(best)
    return [
        (f"one sentence, {sizes[0] // 1000} KB, no quote marks (s)", f"{times[0]:.2f}"),
        (f"one sentence, {sizes[1] // 1000} KB, no quote marks (s)", f"{times[1]:.2f}"),
        ("  time ratio (linear: ~4; bound: 5)", f"{times[1] / times[0]:.1f}"),
    ]


def raw_scan(path: Path, limit: int | None) -> tuple[float, int]:
    """Seconds to read, decode, lower-case and split the first ``limit`` articles (best of two), and the words."""
    best, words = float("inf"), 0
    for _ in range(2):
        t0 = time.process_time()
        n = words = 0
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                if limit is not None and n >= limit:
                    break
                record = json.loads(line)
                words += len((record.get("content_original") or record.get("content") or "").lower().split())
                n += 1
        best = min(best, time.process_time() - t0)
    return best, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT, help="articles.jsonl.gz (AllSides, one article a line)")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many articles (a quick run)")
    parser.add_argument("--indirect", action="store_true", help="also extract attributions without quote marks")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"Error: no data set at {args.path}; give the path of articles.jsonl.gz (see the README, 'Evaluation data').", file=sys.stderr)
        return 2

    lex = load_lexicon()  # compiled once, as a worker process would
    kinds: Counter[str] = Counter()
    articles = chars = 0
    work = read = 0.0
    slowest = (0.0, "")
    t_read = time.process_time()
    with gzip.open(args.path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            if args.limit is not None and articles >= args.limit:
                break
            record = json.loads(line)
            text = record.get("content_original") or record.get("content") or ""
            title = record.get("title") or ""
            t0 = time.process_time()
            read += t0 - t_read
            rows = quotes_in_text(text, headline=title, indirect=args.indirect, lexicon=lex)
            t_read = time.process_time()
            dt = t_read - t0
            work += dt
            if dt > slowest[0]:
                slowest = (dt, str(record.get("ID", articles)))
            kinds.update(r["kind"] for r in rows)
            articles += 1
            chars += len(text) + len(title)

    quotes = sum(n for k, n in kinds.items() if k != "indirect")
    scan, words = raw_scan(args.path, articles)
    rows = [
        ("file", str(args.path)),
        ("articles", f"{articles:,}"),
        ("characters", f"{chars:,}"),
        ("quotes (direct, partial, scare, headline)", f"{quotes:,}"),
        *((f"  {k}", f"{n:,}") for k, n in sorted(kinds.items())),
        ("seconds in the quote finder", f"{work:.1f}"),
        ("seconds reading the file", f"{read:.1f}"),
        ("articles per second", f"{articles / work:,.1f}" if work else "-"),
        ("quotes per second", f"{quotes / work:,.0f}" if work else "-"),
        ("slowest article", f"{slowest[1]} ({slowest[0] * 1000:.0f} ms)"),
        ("raw scan of the same articles (read, decode, lower-case, split; s)", f"{scan:.2f}"),
        ("  quote finder / raw scan", f"{work / scan:.1f}x" if scan else "-"),
    ]
    rows += long_sentence_rows(lex)
    width = max(len(k) for k, _ in rows)
    print("Quote extraction benchmark (one process; CPU seconds of this process)")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
