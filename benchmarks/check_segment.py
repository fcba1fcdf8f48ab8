"""Check that analysis.corpus.segment gives exactly the output of an earlier version, and time both (not a test).

    python benchmarks/check_segment.py [--baseline main] [--limit 2000]

The earlier version is read from git (``git show REV:analysis/corpus/segment.py``) and imported
beside the current one. On the bundled corpus and on the first N AllSides articles (cleaned as the
package cleans them), it compares, paragraph by paragraph, the sentence spans of
``split_sentences``; sentence by sentence, the tokens of ``tokenize``; and article by article,
``count_words``; then it times the two versions on the same texts (CPU seconds), and on
pathological text (a run of marks, one long sentence, a repeated word) to show the guards.
Exits 1 when any output differs.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus import corpus_from_frame, load_corpus  # noqa: E402
from analysis.corpus import segment as current  # noqa: E402
from analysis.paths import DATASETS_DIR  # noqa: E402
from analysis.scale.input import ALLSIDES_MAPPING, read_articles  # noqa: E402

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def baseline_module(rev: str):
    source = subprocess.run(["git", "show", f"{rev}:analysis/corpus/segment.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "segment_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("segment_baseline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outputs(mod, paragraphs: list[tuple[str, int]], texts: list[str]):
    sentences = [list(mod.split_sentences(p, start)) for p, start in paragraphs]
    tokens = [list(mod.tokenize(p[a - start : b - start], a)) for (p, start), spans in zip(paragraphs, sentences) for a, b in spans]
    words = [mod.count_words(t) for t in texts]
    return sentences, tokens, words


def cpu(fn, *args) -> float:
    t = time.process_time()
    fn(*args)
    return time.process_time() - t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="the git revision to compare with (default: main)")
    parser.add_argument("--limit", type=int, default=2000, help="AllSides articles (default 2000)")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    old = baseline_module(args.baseline)
    corpora = {"bundled corpus": load_corpus()}
    if args.path.is_file():
        frame = next(read_articles(args.path, mapping=ALLSIDES_MAPPING, chunk_size=args.limit, limit=args.limit))
        corpora[f"{len(frame):,} AllSides articles"] = corpus_from_frame(frame)
    ok = True
    for name, corpus in corpora.items():
        paras = [(r.text, r.start) for r in corpus.paragraphs().itertuples()]
        texts = corpus.articles["text"].tolist()
        new_out, old_out = outputs(current, paras, texts), outputs(old, paras, texts)
        same = [a == b for a, b in zip(new_out, old_out)]
        ok &= all(same)
        t_old, t_new = [0.0, 0.0], [0.0, 0.0]
        for _ in range(3):  # alternated, so that neither gains from running second
            for mod, t in ((old, t_old), (current, t_new)):
                t[0] += cpu(lambda: [list(mod.split_sentences(p, s)) for p, s in paras]) / 3
                t[1] += cpu(lambda: [mod.count_words(x) for x in texts]) / 3
        print(f"{name}: {sum(map(len, new_out[0])):,} sentences, {len(new_out[1]) and sum(map(len, new_out[1])):,} tokens, "
              f"{sum(new_out[2]):,} words; identical to {args.baseline}: sentences {same[0]}, tokens {same[1]}, words {same[2]}")
        print(f"  CPU seconds, {args.baseline} -> now: split_sentences {t_old[0]:.2f} -> {t_new[0]:.2f}, "
              f"count_words {t_old[1]:.2f} -> {t_new[1]:.2f}")
    print("\npathological text, CPU seconds of split_sentences (baseline -> now), sentences returned:")
    for label, text in [("20,000 '!' and no space", "!" * 20000 + "x"), ("20,000 '.' and no space", "." * 20000 + "x"),
                        ("one sentence of 200,000 characters", "word " * 40000), ("the word 'ha ' 100,000 times", "ha " * 100000)]:
        t_old = cpu(lambda: list(old.split_sentences(text))) if len(text) < 30000 or "!" not in text else float("nan")
        spans = list(current.split_sentences(text))
        print(f"- {label}: {t_old:.2f} -> {cpu(lambda: list(current.split_sentences(text))):.3f}; "
              f"{len(spans)} sentences, longest {max(b - a for a, b in spans):,} characters")
    print(f"\nall outputs identical: {ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
