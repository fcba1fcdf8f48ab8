"""Check that the quote finder's output is unchanged: write every row it gives, or compare with a file written before.

    python benchmarks/quotes_identical.py write FILE [--limit N] [--no-indirect]
    python benchmarks/quotes_identical.py compare FILE [--limit N] [--no-indirect]

A speed change to :func:`analysis.sourcing.quotes.quotes_in_text` must not change what it finds.
This script runs it, with indirect attributions on (a superset of the rows without them), over
three sets of real text and writes every row (all columns) as one JSON line, gzip-compressed
(``--no-indirect``: without them, as the scale pipeline runs it, which reads fewer sentences):

- the bundled corpus, through :func:`analysis.sourcing.extract_quotes` (headlines included);
- PolNeAR, train and dev (``../shared/datasets/polnear``), each article's text as the evaluation
  reads it (its title as the headline);
- the first ``--limit`` AllSides articles (default 4,000; ``../shared/datasets/allsides_articles``),
  title as the headline, as ``benchmarks/bench_quotes.py`` reads them.

``compare`` runs the same and prints the number of rows per set and the first rows that differ
(exit status 1 when any row differs). A data set that is absent is skipped with a message.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.corpus import load_corpus  # noqa: E402
from analysis.paths import DATASETS_DIR  # noqa: E402
from analysis.sourcing import extract_quotes  # noqa: E402
from analysis.sourcing.quotes import load_lexicon, quotes_in_text  # noqa: E402

POLNEAR = DATASETS_DIR / "polnear" / "polnear_train_dev.jsonl"
ALLSIDES = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def rows(limit: int, indirect: bool = True) -> Iterator[tuple[str, str]]:
    """(set name, one row as a JSON string) for every quote row of the three sets, in a fixed order."""
    table = extract_quotes(load_corpus(), indirect=indirect)
    for rec in table.to_dict("records"):
        yield "bundled", json.dumps(rec, sort_keys=True, default=str, ensure_ascii=False)
    lex = load_lexicon()
    if POLNEAR.is_file():
        seen: set[str] = set()
        with open(POLNEAR, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["article"] in seen:
                    continue
                seen.add(rec["article"])
                for r in quotes_in_text(rec["text"], headline=rec.get("title", ""), indirect=indirect, lexicon=lex):
                    yield "polnear", json.dumps({"article": rec["article"], **r}, sort_keys=True, ensure_ascii=False)
    else:
        print(f"skipped: no PolNeAR at {POLNEAR}", file=sys.stderr)
    if ALLSIDES.is_file():
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
            n = 0
            for line in f:
                if not line.strip():
                    continue
                if n >= limit:
                    break
                rec = json.loads(line)
                text = rec.get("content_original") or rec.get("content") or ""
                for r in quotes_in_text(text, headline=rec.get("title") or "", indirect=indirect, lexicon=lex):
                    yield "allsides", json.dumps({"article": rec.get("ID", n), **r}, sort_keys=True, ensure_ascii=False)
                n += 1
    else:
        print(f"skipped: no AllSides articles at {ALLSIDES}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["write", "compare"])
    parser.add_argument("file", type=Path, help="the gzip JSON-lines file of rows")
    parser.add_argument("--limit", type=int, default=4000, help="AllSides articles (default 4,000)")
    parser.add_argument("--no-indirect", action="store_true", help="quotes only, no indirect attributions")
    args = parser.parse_args(argv)
    indirect = not args.no_indirect
    if args.mode == "write":
        counts: dict[str, int] = {}
        with gzip.open(args.file, "wt", encoding="utf-8") as out:
            for name, line in rows(args.limit, indirect):
                counts[name] = counts.get(name, 0) + 1
                out.write(f"{name}\t{line}\n")
        print("rows written: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        return 0
    with gzip.open(args.file, "rt", encoding="utf-8") as f:
        before = [line.rstrip("\n") for line in f]
    after = [f"{name}\t{line}" for name, line in rows(args.limit, indirect)]
    differ = [(i, a, b) for i, (a, b) in enumerate(zip(before, after)) if a != b]
    for name in ("bundled", "polnear", "allsides"):
        nb = sum(line.startswith(name + "\t") for line in before)
        na = sum(line.startswith(name + "\t") for line in after)
        print(f"{name}: {nb:,} rows before, {na:,} after")
    print(f"rows that differ: {len(differ) + abs(len(before) - len(after)):,}")
    for i, a, b in differ[:5]:
        print(f"- row {i}\n  before {a[:400]}\n  after  {b[:400]}")
    return 1 if differ or len(before) != len(after) else 0


if __name__ == "__main__":
    sys.exit(main())
