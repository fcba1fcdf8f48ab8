"""Benchmark of the compiled lexicon matcher (analysis.lexmatch) against the alternatives (not a test).

    python benchmarks/bench_lexmatch.py [--limit 2000] [--check]

On the first N AllSides articles (clean text, as the analyses see it), for the lexicons in the
package's syntax (the generic and policy frame schemes, the event cues), it times, as CPU seconds
and as a multiple of a raw scan of the same texts (lower-case and split) measured in the same run:

1. every entry's own regular expression run over the text (``LexMatcher.find_reference``);
2. the frame schemes' current matcher (``FrameScheme.matches``, one alternation per frame tried at
   the words that can begin a cue), for the two schemes;
3. ``LexMatcher.find``: one trie alternation of all first words, then a dictionary look-up;
4. the same candidates found by an Aho-Corasick automaton (pyahocorasick, when installed) over
   the lower-cased text, filtered on word edges in Python.

``--check`` also asserts that 3 (and 4) give exactly the hits of 1 on every article.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from analysis.framing.schemes import load_scheme  # noqa: E402
from analysis.lexmatch import LexMatcher  # noqa: E402
from analysis.paths import DATASETS_DIR  # noqa: E402
from analysis.scale.input import ALLSIDES_MAPPING, read_articles  # noqa: E402

DEFAULT = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def clean_texts(path: Path, limit: int) -> list[str]:
    from analysis.corpus import corpus_from_frame

    texts: list[str] = []
    for chunk in read_articles(path, mapping=ALLSIDES_MAPPING, chunk_size=1000, limit=limit):
        texts += corpus_from_frame(chunk).articles["text"].tolist()
    return texts


def cpu(fn, texts) -> tuple[float, list]:
    t = time.process_time()
    out = [fn(x) for x in texts]
    return time.process_time() - t, out


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class AhoCorasickCandidates:
    """LexMatcher's look-up with its candidate regex replaced by an Aho-Corasick automaton of the
    first words and prefixes, run over the lower-cased text and filtered on word edges in Python."""

    def __init__(self, m: LexMatcher):
        import ahocorasick

        self.m = m
        self.ix = ix = m._index
        self.auto = ahocorasick.Automaton()
        keys: dict[str, bool] = {w: False for w in (*ix.direct, *ix.verify)}  # False: the whole word
        keys.update({p: True for p in ix.closure})  # True: a prefix of the word
        for k, prefix in keys.items():
            self.auto.add_word(k, (len(k), prefix, k))
        self.auto.make_automaton()
        self._word = re.compile(r"\w+")

    def find(self, text: str) -> list[tuple[int, int, int]]:
        from analysis.lexmatch import _FOLD_UNSAFE, _finditer_order, _own_hits

        low = text.lower()
        if _FOLD_UNSAFE.search(text) or not self.ix.word_ids:
            return self.m.find(text)
        starts: dict[int, str] = {}
        n = len(text)
        for end, (length, prefix, key) in self.auto.iter(low):
            start = end - length + 1
            if start > 0 and _is_word(low[start - 1]):
                continue
            if not prefix:
                if end + 1 < n and _is_word(low[end + 1]):
                    continue
                starts.setdefault(start, "")
            elif len(key) > len(starts.get(start, "")):
                starts[start] = key
        ix, pats, word = self.ix, self.m._patterns, self._word
        hits = []
        for p in sorted(starts):
            wm = word.match(low, p)
            w, e, pre = wm.group(), wm.end(), starts[p]
            hits.extend((p, e, i) for i in ix.direct.get(w, ()))
            if pre:
                hits.extend((p, e, i) for i in ix.closure[pre])
            for i in ix.verify.get(w, ()):
                mm = pats[i].match(text, p)
                if mm:
                    hits.append((p, mm.end(), i))
        for i in ix.scan_ids:
            hits.extend(_own_hits(pats[i], i, text, False))
        hits.sort()
        return _finditer_order(hits, ix.check) if ix.check else hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--check", action="store_true", help="assert the hits equal the per-entry expressions' on every article")
    args = parser.parse_args(argv)
    from test_lexmatch import all_matchers

    texts = clean_texts(args.path, args.limit)
    scan, _ = cpu(lambda x: len(x.lower().split()), texts)
    print(f"Lexicon matcher benchmark, {platform.node()}, Python {platform.python_version()}; "
          f"{len(texts):,} AllSides articles (clean text, {sum(map(len, texts)) / 1e6:.1f} M characters)")
    print(f"raw scan (lower-case, split): {scan:.3f} s CPU\n")
    print("| lexicon | entries | per-entry regexes | scheme's matcher | lexmatch | Aho-Corasick candidates | hits |")
    print("|---|---|---|---|---|---|---|")
    try:
        import ahocorasick  # noqa: F401

        have_ac = True
    except ImportError:
        have_ac = False
    ok = True
    for name, m in all_matchers().items():
        ref_s, ref = cpu(m.find_reference, texts)
        fast_s, fast = cpu(m.find, texts)
        scheme_s = None
        if name in ("generic", "policy"):
            s = load_scheme(name)
            scheme_s, _ = cpu(s.matches, texts)
        ac_s = None
        if have_ac:
            ac = AhoCorasickCandidates(m)
            ac_s, ac_hits = cpu(ac.find, texts)
            if args.check and ac_hits != ref:
                ok = False
                print(f"  {name}: Aho-Corasick hits differ from the per-entry expressions", file=sys.stderr)
        if args.check and fast != ref:
            ok = False
            bad = next(i for i, (a, b) in enumerate(zip(fast, ref)) if a != b)
            print(f"  {name}: lexmatch hits differ on article {bad}", file=sys.stderr)

        def fmt(x):
            return "-" if x is None else f"{x:.2f} s ({x / scan:.1f}x)"

        print(f"| {name} | {len(m.entries)} | {fmt(ref_s)} | {fmt(scheme_s)} | {fmt(fast_s)} | {fmt(ac_s)} | "
              f"{sum(map(len, ref)):,} |")
    if args.check:
        print(f"\nhits equal to the per-entry expressions on all {len(texts):,} articles: {ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
