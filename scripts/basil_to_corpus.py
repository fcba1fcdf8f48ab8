"""Turn one same-event triple of the BASIL data set into a Same Story corpus folder.

BASIL (Fan et al., EMNLP 2019; github.com/launchnlp/BASIL) holds 100 events, each reported by
Fox News, The New York Times and HuffPost. This writes one event's three articles as text files
(one paragraph per line, as the data set splits them) and a metadata.csv, so the main job can run
on a second real corpus unchanged:

    python scripts/basil_to_corpus.py --out /tmp/basil-corpus            # the first event in the file
    python scripts/basil_to_corpus.py --triplet 2b95d2cf-... --out DIR    # a chosen event
    python -m analysis report --corpus /tmp/basil-corpus --out /tmp/basil-site

The data set is read from ../shared/datasets/basil/basil_flat.jsonl beside the repository unless
--basil says otherwise. The output folder must not exist or be empty; nothing else is written.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

DEFAULT_BASIL = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "basil" / "basil_flat.jsonl"
OUTLETS = {
    "fox": ("Fox News", "commercial broadcaster"),
    "nyt": ("The New York Times", "daily newspaper"),
    "hpo": ("HuffPost", "online news site"),
}


def read_triplet(basil: Path, triplet: str | None) -> list[dict]:
    """The three articles of ``triplet`` (the first triplet of the file when None)."""
    rows = [json.loads(line) for line in basil.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        raise SystemExit(f"{basil} holds no articles")
    chosen = triplet or rows[0]["triplet"]
    found = [r for r in rows if r["triplet"] == chosen]
    if not found:
        raise SystemExit(f"no triplet {chosen!r} in {basil}; pick one of its 'triplet' values")
    return sorted(found, key=lambda r: list(OUTLETS).index(r["source"]))


def article_text(row: dict) -> str:
    """Sentences joined into paragraphs (BASIL's ``para`` numbers), one paragraph per line."""
    paragraphs: dict[int, list[str]] = {}
    for s in row["sentences"]:
        paragraphs.setdefault(int(s["para"]), []).append(s["text"].strip())
    return "\n\n".join(" ".join(p) for _, p in sorted(paragraphs.items())) + "\n"


def convert(basil: Path, out: Path, triplet: str | None = None) -> Path:
    """Write the corpus folder ``out`` for one BASIL triplet; returns ``out``."""
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty; give a new folder for the corpus")
    rows = read_triplet(basil, triplet)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    with open(out / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["article_id", "outlet", "file", "headline", "published", "url", "outlet_type", "country", "notes"])
        for row in rows:
            outlet, kind = OUTLETS[row["source"]]
            name = f"articles/{row['date']}-{row['source']}.txt"
            (out / name).write_text(article_text(row), encoding="utf-8")
            writer.writerow(
                [row["source"], outlet, name, row["title"], row["date"], row["url"], kind, "United States",
                 f"BASIL triplet {row['triplet']} (main event: {row['main_event']}); text as split into sentences by BASIL."]
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL, help="basil_flat.jsonl")
    parser.add_argument("--triplet", default=None, help="the event's triplet id (default: the first in the file)")
    parser.add_argument("--out", type=Path, required=True, help="the corpus folder to create")
    args = parser.parse_args(argv)
    if not args.basil.is_file():
        print(f"Error: {args.basil} not found; pass --basil path/to/basil_flat.jsonl", file=sys.stderr)
        return 2
    out = convert(args.basil, args.out, args.triplet)
    print(f"Wrote {out} ({len(list((out / 'articles').iterdir()))} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
