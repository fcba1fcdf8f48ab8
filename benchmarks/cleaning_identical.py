"""Check that cleaning and segmentation give the same corpus: write a hash per article once, or compare.

    python benchmarks/cleaning_identical.py write FILE [--limit N] [--chunk-size 500]
    python benchmarks/cleaning_identical.py compare FILE [--limit N] [--chunk-size 500]
    python benchmarks/cleaning_identical.py time [--limit N] [--data FILE]

A speed change to cleaning (:mod:`analysis.corpus.cleaning`, its rule screen) or to segmentation
(:mod:`analysis.corpus.segment`) must not change what the corpus holds. This script runs
:func:`analysis.corpus.corpus_from_frame` on the first ``--limit`` AllSides articles (default 3,000;
``../shared/datasets/allsides_articles``) in chunks of ``--chunk-size``, as the scale pipeline does (the
outlet's repeated lines are found within a chunk), and hashes, for each article, its clean text,
dateline and counts, its paragraphs (kind, offsets, text, raw line), its sentences (paragraph, offsets,
text) and its audit rows (line, where, rule, removed). ``write`` saves one hash per article; ``compare``
prints the articles whose hash differs (exit status 1). ``time`` prints the CPU seconds of the stage.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.corpus import corpus_from_frame  # noqa: E402
from analysis.paths import DATASETS_DIR  # noqa: E402
from analysis.scale.input import ALLSIDES_MAPPING, read_articles  # noqa: E402

ALLSIDES = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def chunks(limit: int, chunk_size: int, path: Path = ALLSIDES) -> list:
    """The first ``limit`` AllSides articles, in chunks as the pipeline reads them."""
    return list(read_articles(path, mapping=ALLSIDES_MAPPING, chunk_size=chunk_size, limit=limit))


def hashes(frames: list) -> dict[str, str]:
    """article id -> hash of everything cleaning and segmentation give the article."""
    out: dict[str, str] = {}
    for frame in frames:
        corpus = corpus_from_frame(frame)
        arts = corpus.articles
        paras = {k: g for k, g in corpus.paragraphs().groupby("article_id", sort=False)}
        sents = {k: g for k, g in corpus.sentences().groupby("article_id", sort=False)}
        audit = {k: g for k, g in corpus.audit.groupby("article_id", sort=False)}
        for aid, row in arts.iterrows():
            parts = [
                [row["text"], row["dateline"], int(row["n_paragraphs"]), int(row["n_sentences"]), int(row["n_words"]), int(row["n_removed"])],
                paras[aid][["paragraph", "kind", "start", "end", "text", "raw_line"]].values.tolist() if aid in paras else [],
                sents[aid][["sentence", "paragraph", "paragraph_kind", "start", "end", "text"]].values.tolist() if aid in sents else [],
                audit[aid][["line", "where", "rule", "removed"]].values.tolist() if aid in audit else [],
            ]
            out[str(aid)] = hashlib.sha256(json.dumps(parts, default=int).encode()).hexdigest()
    return out


def main(argv: list[str] | None = None) -> int:
    """Write or compare the hashes, or time the stage."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["write", "compare", "time"])
    parser.add_argument("file", type=Path, nargs="?", help="the file of hashes (JSON)")
    parser.add_argument("--limit", type=int, default=3000, help="AllSides articles (default 3,000)")
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--data", type=Path, default=ALLSIDES, help="the AllSides articles (for a copy of the code outside the project)")
    args = parser.parse_args(argv)
    frames = chunks(args.limit, args.chunk_size, args.data)
    if args.mode == "time":
        c = time.process_time()
        for frame in frames:
            corpus_from_frame(frame)
        print(f"clean and segment: {time.process_time() - c:.2f} s CPU, {sum(map(len, frames)):,} articles")
        return 0
    got = hashes(frames)
    if args.mode == "write":
        args.file.write_text(json.dumps(got, indent=0, sort_keys=True))
        print(f"{len(got):,} article hashes written to {args.file}")
        return 0
    ref = json.loads(args.file.read_text())
    bad = sorted(a for a in set(ref) | set(got) if ref.get(a) != got.get(a))
    for a in bad[:20]:
        print(f"differs: {a}")
    print(f"{len(got):,} articles compared, {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
