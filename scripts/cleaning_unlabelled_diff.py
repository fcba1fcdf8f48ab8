"""List the lines one set of cleaning rules removes, on unlabelled AllSides articles, that another keeps.

Every round of cleaning rules (issue 14) is checked this way before it is merged: the new rules are run
beside the old ones on the 6,672 AllSides articles the earlier rounds compared on (gold/furniture/README.md,
"Third round of rules": ``random.Random(303).sample(outside, 3000)`` and ``random.Random(404).sample(outside,
4000)``, where ``outside`` is the IDs with non-empty ``content_original`` outside the first gold sample,
``random.Random(14).sample(ids, 120)``; none of them is in the gold), and every line the new rules remove
that the old ones keep is written out, to be read one by one: none may be body.

    python scripts/cleaning_unlabelled_diff.py --old-rules /path/to/main/analysis/data/cleaning_rules.toml --out /tmp/new.tsv

The output is tab-separated: article ID, line (1-based), rule (``NOW_KEPT`` for a line the old rules
removed and the new ones keep), outlet, the stripped line's first 300 characters. The outlets'
boilerplate (the ``from_corpus`` rule) is left out on both sides, so the comparison is of the rules alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus.cleaning import clean_article, load_rules, normalise_newlines  # noqa: E402
from analysis.evaluate.cleaning import DEFAULT_DATA, article_meta, load_gold  # noqa: E402


def sample(path: Path) -> dict[str, dict]:
    """The 6,672 AllSides records of the rule comparisons, by ID."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        records = [r for r in map(json.loads, f) if r.get("content_original")]
    ids = [r["ID"] for r in records]
    first = set(random.Random(14).sample(ids, 120))
    outside = [i for i in ids if i not in first]
    chosen = set(random.Random(303).sample(outside, 3000)) | set(random.Random(404).sample(outside, 4000))
    overlap = chosen & {r["article_id"] for r in load_gold()}
    if overlap:
        raise SystemExit(f"{len(overlap)} gold articles are in the comparison sample; it no longer matches the gold README")
    return {r["ID"]: r for r in records if r["ID"] in chosen}


def removed(record: dict, rules) -> dict[int, str]:
    """{line: rule} of the lines cleaning removes whole (a prefix cut off a line is not a removal)."""
    result = clean_article(record["content_original"], article_meta(record), rules=rules)
    return {r["line"]: r["rule"] for r in result.removed if r["where"] != "prefix"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--old-rules", type=Path, required=True, help="the rules file to compare against (main's)")
    parser.add_argument("--new-rules", type=Path, default=None, help="the rules file to check (default: the package's)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the AllSides articles (articles.jsonl.gz)")
    parser.add_argument("--out", type=Path, required=True, help="the tab-separated list to write")
    args = parser.parse_args(argv)
    old = load_rules(args.old_rules)
    new = load_rules(args.new_rules) if args.new_rules else load_rules()
    articles = sample(args.data)
    added = kept = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for aid in sorted(articles):
            record = articles[aid]
            lines = normalise_newlines(record["content_original"]).split("\n")
            before, after = removed(record, old), removed(record, new)
            rows = [(ln, rule) for ln, rule in after.items() if ln not in before]
            rows += [(ln, "NOW_KEPT") for ln in before if ln not in after]
            for ln, rule in sorted(rows):
                added += rule != "NOW_KEPT"
                kept += rule == "NOW_KEPT"
                text = lines[ln - 1].strip()[:300].replace("\t", " ")
                out.write(f"{aid}\t{ln}\t{rule}\t{record.get('source') or ''}\t{text}\n")
    print(f"{len(articles)} articles: {added} lines newly removed, {kept} lines no longer removed; listed in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
