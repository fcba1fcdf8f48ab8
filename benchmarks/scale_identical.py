"""Check that the scale pipeline's tables are unchanged: write them once, or compare with those written before.

    python benchmarks/scale_identical.py write DIR [--limit N]
    python benchmarks/scale_identical.py compare DIR [--limit N]

A speed change to the pipeline (:mod:`analysis.scale.pipeline` and the stages it runs) must not
change its output. This script runs :func:`analysis.scale.run_local` (chunks of 500, topics
fitted once, as ``benchmarks/bench_scale.py`` does) on two inputs and writes every table as
Parquet (:func:`analysis.scale.write_results`, the distinctive terms included):

- the bundled corpus, its articles read as rows (the raw text of each file, with its metadata),
  as ``samestory scale`` reads a file of articles;
- the first ``--limit`` AllSides articles (default 4,000; ``../shared/datasets/allsides_articles``).

``compare`` runs the same and checks every table equal, every column and row
(``pandas.testing.assert_frame_equal``), printing the tables that differ (exit status 1).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import scale  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from analysis.paths import DATASETS_DIR  # noqa: E402
from analysis.scale.input import ALLSIDES_MAPPING  # noqa: E402

ALLSIDES = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def bundled_rows(folder: Path) -> Path:
    """The bundled corpus written as one Parquet file of raw articles (metadata and raw text)."""
    arts = load_corpus().articles.reset_index()
    keep = [c for c in ("article_id", "outlet", "headline", "byline", "published", "url", "outlet_type", "country") if c in arts.columns]
    frame = arts[keep].assign(text=arts["raw_text"])
    path = folder / "bundled.parquet"
    frame.to_parquet(path, index=False)
    return path


def tables(path: Path, mapping, limit: int | None) -> dict[str, pd.DataFrame]:
    """Every table of the pipeline on ``path``, as written (Parquet) and read back."""
    topics = scale.fit_projector(path, mapping=mapping, fit_articles=min(5000, limit or 5000))
    partial = scale.run_local(path, mapping=mapping, chunk_size=500, limit=limit, topics=topics)
    with tempfile.TemporaryDirectory() as tmp:
        return {name: pd.read_parquet(p) for name, p in scale.write_results(partial, tmp).items()}


def inputs(limit: int, tmp: Path) -> list[tuple]:
    """(name, path, column mapping, article limit) of each input there is."""
    found = [("bundled", bundled_rows(tmp), None, None)]
    if not ALLSIDES.is_file():
        print(f"skipped: no AllSides articles at {ALLSIDES}", file=sys.stderr)
        return found
    return [*found, ("allsides", ALLSIDES, ALLSIDES_MAPPING, limit)]


def main(argv: list[str] | None = None) -> int:
    """Write the tables of every input under DIR, or compare them with those there (exit 1 when any differs)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=4000, help="AllSides articles (default 4,000)")
    parser.add_argument("mode", choices=["write", "compare"])
    parser.add_argument("dir", type=Path, help="the folder of tables (one sub-folder per input)")
    args = parser.parse_args(argv)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, mapping, limit in inputs(args.limit, Path(tmp)):
            got = tables(path, mapping, limit)
            folder = args.dir / name
            if args.mode == "write":
                folder.mkdir(parents=True, exist_ok=True)
                for t, frame in got.items():
                    frame.to_parquet(folder / f"{t}.parquet", index=False)
                print(f"{name}: " + ", ".join(f"{t} {len(f):,} rows" for t, f in got.items()))
                continue
            for t, frame in got.items():
                ref = folder / f"{t}.parquet"
                if not ref.is_file():
                    print(f"{name}/{t}: no {ref}")
                    bad += 1
                    continue
                try:
                    pd.testing.assert_frame_equal(frame, pd.read_parquet(ref), obj=f"{name}/{t}")
                    print(f"{name}/{t}: equal ({len(frame):,} rows)")
                except AssertionError as exc:
                    bad += 1
                    print(f"{name}/{t}: DIFFERS: " + " ".join(str(exc).split())[:300])
    if args.mode == "compare":
        print("all tables equal" if not bad else f"{bad} tables differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
