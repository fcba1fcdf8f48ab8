"""Turn chosen articles of the AllSides data set into a Same Story corpus folder.

The AllSides data set (Baly et al., EMNLP 2020; github.com/ramybaly/Article-Bias-Prediction,
Apache-2.0) holds 37,554 full-text articles from 491 outlets. This writes the chosen articles as
text files (``content_original`` as given: its paragraphs are already separated by blank lines,
which is what the corpus loader reads as paragraphs) and a metadata.csv, so that several outlets'
reports of one event can be analysed (or used as a gold set) like the bundled corpus:

    python scripts/allsides_to_corpus.py --ids 16und1vxhNfT5qof K92AI3EEcLB0hqyN --out /tmp/ny-primary
    python scripts/allsides_to_corpus.py --gold gold/speakers/corpora.toml --name manafort_resigns --out /tmp/manafort
    python -m analysis report --corpus /tmp/manafort --out /tmp/manafort-site

A gold corpora file is TOML with one table per corpus: ``source = "allsides"`` and ``ids = [AllSides
IDs]``, or ``source = "basil"`` and ``ids = [a BASIL triplet id]`` (written by
scripts/basil_to_corpus.py, whose functions this imports), and a ``description``.

The data sets are read from ../shared/datasets/ beside the repository unless --allsides or
--basil say otherwise. The output folder must not exist or be empty; nothing else is written.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import basil_to_corpus  # noqa: E402  (the sibling script: BASIL triplets are written by its convert())

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
DEFAULT_ALLSIDES = DATASETS / "allsides_articles" / "articles.jsonl.gz"
DEFAULT_BASIL = basil_to_corpus.DEFAULT_BASIL
COLUMNS = ["article_id", "outlet", "file", "headline", "byline", "published", "url", "notes"]


def read_articles(allsides: Path, ids: list[str]) -> list[dict]:
    """The AllSides articles with these IDs, in the order given; every ID must be found once."""
    wanted = set(ids)
    found: dict[str, dict] = {}
    opener = gzip.open if allsides.suffix == ".gz" else open
    with opener(allsides, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("ID") in wanted:
                found[row["ID"]] = row
    missing = [i for i in ids if i not in found]
    if missing:
        raise SystemExit(f"no article with ID {', '.join(missing)} in {allsides}")
    empty = [i for i in ids if not found[i].get("content_original", "").strip()]
    if empty:
        raise SystemExit(f"article {', '.join(empty)} has no text (content_original is empty) in {allsides}")
    return [found[i] for i in ids]


def article_text(row: dict) -> str:
    """``content_original`` as given (paragraphs separated by blank lines), ending in one newline."""
    return row["content_original"].rstrip("\n") + "\n"


def corpus_spec(gold: Path, name: str) -> dict:
    """The table ``name`` of a gold corpora file, checked: source allsides | basil, ids a list."""
    tables = tomllib.loads(gold.read_text(encoding="utf-8"))
    if name not in tables:
        raise SystemExit(f"no corpus {name!r} in {gold}; it defines {', '.join(sorted(tables)) or 'none'}")
    spec = tables[name]
    if spec.get("source") not in ("allsides", "basil"):
        raise SystemExit(f"corpus {name!r} in {gold}: source must be \"allsides\" or \"basil\", not {spec.get('source')!r}")
    ids = spec.get("ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise SystemExit(f"corpus {name!r} in {gold}: ids must be a non-empty list of strings")
    if spec["source"] == "basil" and len(ids) != 1:
        raise SystemExit(f"corpus {name!r} in {gold}: a BASIL corpus is one triplet id, not {len(ids)}")
    return spec


def convert(allsides: Path, out: Path, ids: list[str]) -> Path:
    """Write the corpus folder ``out`` for these AllSides article IDs; returns ``out``."""
    if len(set(ids)) != len(ids):
        raise SystemExit("an article ID is given twice; give each once")
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty; give a new folder for the corpus")
    rows = read_articles(allsides, ids)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    with open(out / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            name = f"articles/{row['ID']}.txt"
            (out / name).write_text(article_text(row), encoding="utf-8")
            writer.writerow(
                [row["ID"], row["source"], name, row.get("title", ""), row.get("authors", ""), row.get("date", ""),
                 row.get("url", ""), f"AllSides data set, topic {row.get('topic', '')}, outlet bias {row.get('bias_text', '')}."]
            )
    return out


def convert_named(gold: Path, name: str, out: Path, *, allsides: Path = DEFAULT_ALLSIDES, basil: Path = DEFAULT_BASIL) -> Path:
    """Write the corpus ``name`` of the gold corpora file ``gold`` into ``out``; returns ``out``."""
    spec = corpus_spec(gold, name)
    if spec["source"] == "basil":
        return basil_to_corpus.convert(basil, out, spec["ids"][0])
    return convert(allsides, out, spec["ids"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--ids", nargs="+", metavar="ID", help="AllSides article IDs (field ID)")
    which.add_argument("--gold", type=Path, help="a gold corpora file (TOML), with --name")
    parser.add_argument("--name", help="the corpus (table) of the --gold file to write")
    parser.add_argument("--allsides", type=Path, default=DEFAULT_ALLSIDES, help="articles.jsonl.gz")
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL, help="basil_flat.jsonl (for BASIL corpora)")
    parser.add_argument("--out", type=Path, required=True, help="the corpus folder to create")
    args = parser.parse_args(argv)
    if args.gold is not None and not args.name:
        parser.error("--gold needs --name (the corpus to write)")
    if args.gold is not None and not args.gold.is_file():
        print(f"Error: {args.gold} not found", file=sys.stderr)
        return 2
    source = "allsides" if args.ids else corpus_spec(args.gold, args.name)["source"]
    data = args.allsides if source == "allsides" else args.basil
    if not data.is_file():
        print(f"Error: {data} not found; pass --{source} path/to/{data.name}", file=sys.stderr)
        return 2
    if args.ids:
        out = convert(args.allsides, args.out, args.ids)
    else:
        out = convert_named(args.gold, args.name, args.out, allsides=args.allsides, basil=args.basil)
    print(f"Wrote {out} ({len(list((out / 'articles').iterdir()))} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
