"""Benchmark: topic models over the AllSides articles (37,554 articles from 491 outlets).

    python benchmarks/bench_topics.py [PATH] [--k 20] [--unit article|paragraph] [--limit N]

PATH is ``articles.jsonl.gz`` (default ``../shared/datasets/allsides_articles/articles.jsonl.gz``),
one JSON object a line. The file is streamed: it is read once to count the articles (for the
progress bar's total), then once more, article by article, straight into the vectoriser of
:func:`analysis.topics.make_vectorizer` and then :func:`analysis.topics.fit_matrix` (the code
the notebooks use), so memory holds the sparse matrix, never the texts. A progress bar on the terminal shows the articles read (it is off when
the output is not a terminal, or with ``--no-progress``).

The unit is the article by default: over tens of thousands of articles on many stories, a
topic is a property of an article (the data set labels each article with one of 108 topics),
whereas inside one story, as in the bundled corpus, the articles share a topic and only their
paragraphs tell strands apart. ``--unit paragraph`` models paragraphs (blank-line separated)
instead, for comparison.

Prints a table of the time of each stage, the size of the problem, the top terms of the first
topics, and, as a check that the topics mean something, the NMI between each article's dominant
topic and the data set's topic label.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from analysis.paths import DATASETS_DIR
from analysis.topics import fit_matrix, make_vectorizer

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"
LIMIT_SECONDS = 300


def count_lines(path: Path) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def stream(path: Path, *, unit: str, limit: int | None, labels: list[str], bar) -> Iterator[str]:
    """Yield one text per article (headline + body) or per paragraph, recording each article's topic label."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        n = 0
        for line in f:
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                break
            r = json.loads(line)
            n += 1
            bar.update(1)
            body = r.get("content_original") or r.get("content") or ""
            if unit == "article":
                labels.append(r.get("topic", ""))
                yield f"{r.get('title', '')}\n\n{body}"
            else:
                for para in body.split("\n\n"):
                    if para.strip():
                        labels.append(r.get("topic", ""))
                        yield para


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the topic model over the AllSides articles.")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT, help=f"articles.jsonl.gz (default: {DEFAULT})")
    parser.add_argument("--k", type=int, default=20, help="number of topics (default 20)")
    parser.add_argument("--method", choices=["nmf", "lda"], default="nmf")
    parser.add_argument("--unit", choices=["article", "paragraph"], default="article")
    parser.add_argument(
        "--tol", type=float, default=1e-3,
        help="NMF stopping tolerance (default 1e-3; scikit-learn's 1e-4 takes about 50%% more iterations here for the same topics)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"Error: no file at {args.path}; give the path of articles.jsonl.gz (AllSides articles, one JSON object a line).", file=sys.stderr)
        return 2

    from sklearn.metrics import normalized_mutual_info_score
    from tqdm import tqdm

    show = not args.no_progress and sys.stderr.isatty()
    times: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    total = count_lines(args.path)
    if args.limit is not None:
        total = min(total, args.limit)
    times.append(("count the articles (one pass)", time.perf_counter() - t0))

    labels: list[str] = []
    t = time.perf_counter()
    vec = make_vectorizer(weighting="tfidf" if args.method == "nmf" else "count")
    with tqdm(total=total, unit=" articles", desc="reading + vectorising", disable=not show, file=sys.stderr, smoothing=0.1) as bar:
        X = vec.fit_transform(stream(args.path, unit=args.unit, limit=args.limit, labels=labels, bar=bar))
    times.append(("stream and vectorise (TF-IDF)" if args.method == "nmf" else "stream and count words", time.perf_counter() - t))
    t = time.perf_counter()
    if show:
        print(f"fitting {args.method.upper()} with k = {args.k} on {X.shape[0]} x {X.shape[1]} ...", file=sys.stderr, flush=True)
    model = fit_matrix(X, vec, k=args.k, method=args.method, tol=args.tol)
    times.append((f"fit {args.method.upper()} (k = {args.k})", time.perf_counter() - t))
    t = time.perf_counter()
    terms = model.top_terms(8)
    nmi = normalized_mutual_info_score(labels, model.doc_topic.argmax(axis=1))
    times.append(("top terms and NMI", time.perf_counter() - t))
    elapsed = time.perf_counter() - t0

    print(f"Topics over {total} articles ({len(labels)} {args.unit}s) from {args.path.name}")
    print(
        f"vocabulary {len(model.terms)} words; {X.nnz} non-zero entries; k = {args.k}; method {args.method.upper()}"
        f" (tol {args.tol:g}); unit {args.unit}"
    )
    print()
    print(f"{'stage':55} {'seconds':>9}")
    for name, sec in times:
        print(f"{name:55} {sec:9.1f}")
    print(f"{'total':55} {elapsed:9.1f}")
    verdict = "under" if elapsed < LIMIT_SECONDS else "OVER"
    print(f"\n{verdict} the {LIMIT_SECONDS // 60}-minute limit ({elapsed / 60:.1f} min)")
    print(f"NMI of dominant topic vs the data set's {len(set(labels))} topic labels: {nmi:.3f}")
    print("\nfirst topics (top terms):")
    for topic, g in terms.groupby("topic", sort=True):
        if topic > 8:
            break
        print(f"  {topic:2}: {', '.join(g['term'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
