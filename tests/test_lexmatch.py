"""The compiled lexicon matcher gives exactly the hits of the per-entry expressions.

Checked on the bundled corpus and on AllSides articles for every lexicon in the package's syntax
(the generic and policy frame schemes, the event cues), on made-up hard cases (case folds the
look-up cannot see, phrases that overlap themselves, entries that start with punctuation), and
on generated text; and :func:`leftmost_first` over its hits rebuilds what a scheme's one
alternation per frame matches (``FrameScheme.matches_slow``).
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import LexiconError
from analysis.framing.schemes import load_scheme, term_pattern
from analysis.lexmatch import (
    Entry,
    LexMatcher,
    alternation_rank,
    compile_lexicon,
    entry_pattern,
    leftmost_first,
    skip_finditer,
    skipping_finditer,
    term_regex,
)
from analysis.paths import DATA_DIR, DATASETS_DIR

ALLSIDES = DATASETS_DIR / "allsides_articles" / "articles.jsonl.gz"


def scheme_matcher(scheme):
    """One matcher for a whole frame scheme, with each entry's frame, cue group and rank in its frame's alternation."""
    entries, frame_of, group_of, rank = [], [], [], []
    for k, g in enumerate(scheme.groups):
        ranks = alternation_rank(g.terms)
        by_length = sorted(g.exact, key=len, reverse=True)
        items = [("term", t, (k, 0, r)) for t, r in zip(g.terms, ranks)]
        items += [("exact", t, (k, 1, by_length.index(t))) for t in g.exact]
        items += [("pattern", p, (k, 2, m)) for m, p in enumerate(g.patterns)]
        for kind, text, r in items:
            entries.append(Entry(kind, text))
            frame_of.append(g.frame)
            group_of.append(k)
            rank.append(r)
    return LexMatcher(tuple(entries), scheme.path.name), frame_of, group_of, rank


def scheme_matches(scheme, matcher, frame_of, group_of, rank, text):
    hits = matcher.find(text, every_start=True)
    found = []
    for frame in scheme.frames:
        mine = [h for h in hits if frame_of[h[2]] == frame]
        found += [(frame, group_of[i], a, b) for a, b, i in leftmost_first(mine, rank)]
    order = {f: n for n, f in enumerate(scheme.frames)}
    return sorted(found, key=lambda x: (x[2], order[x[0]]))


def event_matcher():
    data = tomllib.loads((DATA_DIR / "event_cues.toml").read_text(encoding="utf-8"))
    terms, exact, patterns = [], [], []
    for e in data["events"]:
        terms += e.get("terms", [])
        exact += e.get("exact", [])
        patterns += e.get("patterns", [])
    return compile_lexicon(terms, exact=exact, patterns=patterns, where="event_cues.toml")


def all_matchers():
    out = {"events": event_matcher()}
    for name in ("generic", "policy"):
        out[name] = scheme_matcher(load_scheme(name))[0]
    return out


@pytest.fixture(scope="module")
def matchers():
    return all_matchers()


@pytest.fixture(scope="module")
def allsides_texts():
    """Every 100th of the first 2,000 AllSides articles, raw (skips without ../shared); the
    benchmark ``benchmarks/bench_lexmatch.py --check`` compares all 2,000."""
    if not ALLSIDES.is_file():
        pytest.skip(f"the AllSides data set is not at {ALLSIDES} (../shared beside the repository)")
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["content_original"] or "" for line in itertools.islice(fh, 0, 2000, 100)]


def test_term_regex_is_the_schemes_one_term_pattern():
    for name in ("generic", "policy"):
        for g in load_scheme(name).groups:
            for t in g.terms:
                assert term_regex(t) == term_pattern([t], "x"), t


@pytest.mark.parametrize("every_start", [False, True])
def test_hits_equal_the_per_entry_expressions_on_the_bundled_corpus(corpus, matchers, every_start):
    texts = corpus.articles["text"].tolist() + corpus.articles["raw_text"].tolist()
    n = 0
    for name, m in matchers.items():
        for text in texts:
            got = m.find(text, every_start=every_start)
            assert got == m.find_reference(text, every_start=every_start), name
            n += len(got)
    assert n > 1000  # the lexicons do find their words in news text


def test_hits_equal_the_per_entry_expressions_on_allsides(matchers, allsides_texts):
    for name, m in matchers.items():
        for text in allsides_texts:
            assert m.find(text) == m.find_reference(text), name
            assert m.find(text, every_start=True) == m.find_reference(text, every_start=True), name


@pytest.mark.parametrize("name", ["generic", "policy"])
def test_leftmost_first_rebuilds_each_frames_alternation(name, corpus, allsides_texts):
    scheme = load_scheme(name)
    matcher, frame_of, group_of, rank = scheme_matcher(scheme)
    for text in corpus.articles["text"].tolist() + allsides_texts:
        assert scheme_matches(scheme, matcher, frame_of, group_of, rank, text) == scheme.matches_slow(text)


HARD = [
    "He accused them; ACCUSATIONS flew. Accus is not a word, accus-ing is two.",
    "A peace   deal, a peace\ndeal, a Peace-deal and a peace dealer.",
    "New York new York new york new.",  # a phrase that overlaps itself
    "ſtrike and \u212aill and İran and ıran, strike, kill.",  # case folds a lower() look-up misses
    "#MeToo and #metoo, $5 and €6, café and CAFÉ and cafe.",
    "NOW now Now, U.S. aid, u.s. AID, the US.",
    "",
    "   ",
    "word",
]
HARD_LEXICON = dict(
    terms=["accus*", "peace deal", "peace", "new york new", "strike", "kill", "iran", "#metoo", "café", "cafe",
           "u.s. aid", "u.s.", "us", "a*", "peace deal*", "word"],
    exact=["NOW", "U.S.", "AID", "$5"],
    patterns=[r"\b\d+\b", r"(?<=the )\w+", r"x*"],
)


@pytest.mark.parametrize("text", HARD)
@pytest.mark.parametrize("every_start", [False, True])
def test_hard_cases(text, every_start):
    m = compile_lexicon(**HARD_LEXICON)
    assert m.find(text, every_start=every_start) == m.find_reference(text, every_start=every_start)


def test_every_start_gives_overlapping_hits_of_one_phrase():
    m = compile_lexicon(["new york new"])
    text = "new york new york new"
    assert m.find(text) == [(0, 12, 0)]
    assert m.find(text, every_start=True) == [(0, 12, 0), (9, 21, 0)]


def test_case_folds_beyond_lower():
    # re's case-insensitive matching treats the long s as s and the Kelvin sign as k
    m = compile_lexicon(["strike", "kill"])
    assert m.find("ſtrike \u212aill") == [(0, 6, 0), (7, 11, 1)]


def test_alternation_rank_follows_the_trie():
    terms = ["peace", "peace deal", "accus*", "accusation", "peace  deal"]
    rank = alternation_rank(terms)
    assert rank[1] < rank[0]  # the longer term through a node is tried first
    assert rank[2] < rank[3]  # '*' sorts before letters
    assert rank[1] == rank[4]  # the same term once white space is folded
    rx = re.compile(term_pattern(terms, "x"), re.IGNORECASE)
    m = compile_lexicon(terms)
    for text in ["a peace deal now", "accusation", "accusations", "peace"]:
        hits = m.find(text, every_start=True)
        assert [(a, b) for a, b, _ in leftmost_first(hits, rank)] == [x.span() for x in rx.finditer(text)]


def test_errors_name_the_lexicon():
    with pytest.raises(LexiconError, match="frames.toml.*'acc\\*used'"):
        compile_lexicon(["acc*used"], where="frames.toml")
    with pytest.raises(LexiconError, match="not a valid regular expression"):
        compile_lexicon(patterns=["(unclosed"], where="frames.toml")
    assert entry_pattern(Entry("term", "  ")).search("anything") is None


WORDS = ["peace", "deal", "accused", "ACCUS", "new", "york", "u.s.", "NOW", "ſtrike", "Kill", "#metoo", "café",
         "-", ",", ".", "the", "5", "us"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from([" ", "  ", "\n", ""]), min_size=30, max_size=30))
def test_generated_text(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    m = compile_lexicon(**HARD_LEXICON)
    assert m.find(text) == m.find_reference(text)
    assert m.find(text, every_start=True) == m.find_reference(text, every_start=True)


def test_the_characters_lower_cannot_fold_are_all_listed():
    """Every character whose lower case changes its length, its being a word or space character,
    or that matches an ASCII letter case-insensitively without lower-casing to it, is in
    _FOLD_UNSAFE (the matcher then searches that text case-insensitively)."""
    import sys

    from analysis.lexmatch import _FOLD_UNSAFE

    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    lowered = [c.lower() for c in everything]
    word, space = re.compile(r"\w"), re.compile(r"\s")
    unsafe = {c for c, lo in zip(everything, lowered) if len(lo) != 1}
    ascii_ci = re.compile("[a-z]", re.IGNORECASE)
    for c, lo in zip(everything, lowered):
        if len(lo) == 1 and ((word.match(c) is None) != (word.match(lo) is None) or (space.match(c) is None) != (space.match(lo) is None)):
            unsafe.add(c)
        elif ord(c) > 127 and ascii_ci.fullmatch(c) and not ("a" <= lo <= "z"):
            unsafe.add(c)
    assert unsafe and all(_FOLD_UNSAFE.fullmatch(c) for c in unsafe)


def test_caseless_characters_fold_to_nothing_else():
    """The non-ASCII characters a word entry may hold (punctuation, symbols, spaces with no case)
    are not the lower case of any other character, and re has no extra case rule for them."""
    import sys

    from analysis.lexmatch import _caseless

    caseless = {chr(c) for c in range(128, sys.maxunicode + 1) if _caseless(chr(c))}
    assert "’" in caseless and "–" in caseless and "é" not in caseless
    for c in map(chr, range(sys.maxunicode + 1)):
        lo = c.lower()
        assert lo == c or lo not in caseless, hex(ord(c))
    extra = getattr(getattr(re, "_casefix", None), "_EXTRA_CASES", {})
    assert not {chr(k) for k in extra} & caseless
    assert not {chr(v) for vs in extra.values() for v in vs} & caseless


@pytest.mark.parametrize("pattern, flags", [
    (r"(?P<a>\b\d{1,3}-year-old\b)|(?P<b>\baged \d{1,3}\b)", re.IGNORECASE),
    (r"(?P<a>[$€£]\s?\d)|(?P<b>\b\d+(?:[.,]\d+)?\s?(?:bn|billion)\b)", re.IGNORECASE),
    (r"(?:Mr|Ms)\.?\s+[A-Z]\w+", 0),
    (r"x*(?:y|z+)\d?", re.IGNORECASE),
    (r"(?<=\s)kelvin", re.IGNORECASE),
    (r"\s+(?:aged|xy)", re.IGNORECASE),  # a match that begins with a line break
])
def test_skip_finditer_gives_the_matches_of_finditer(pattern, flags):
    rx = re.compile(pattern, flags)
    skipping = skipping_finditer(rx)
    assert skipping is not None and skipping.pattern.startswith("[")
    text = ("Aged 7, a 40-year-old Ms. Smith paid $5 and €  3 of 2.5bn, 10 billion; Mr  Jones 3-YEAR-OLD \u212aELVIN kelvin "
            "xxzz9 Y\nxy $$7 aged 1234")
    want = [(m.lastgroup, m.span()) for m in rx.finditer(text)]
    assert want and [(m.lastgroup, m.span()) for m in skip_finditer(rx, skipping, text)] == want


@pytest.mark.parametrize("pattern", [r"x?", r"[^a]b", r".b", r"(a)\1", r"(?-i:a)b"])
def test_skip_finditer_falls_back_to_finditer(pattern):
    rx = re.compile(pattern, re.IGNORECASE)
    assert skipping_finditer(rx) is None
    assert skipping_finditer(re.compile(r"a  # a comment", re.VERBOSE)) is None
    text = "ab Ab aab xb"
    assert [m.span() for m in skip_finditer(rx, None, text)] == [m.span() for m in rx.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab1 -$\u212aK.", max_size=30))
def test_skip_finditer_on_generated_text(text):
    for pattern in (r"\b\d+(?:-\d+)?\b|\bab?\b", r"[$k]\s?\d|a+b", r"(?:\$|K)+\.?"):
        rx = re.compile(pattern, re.IGNORECASE)
        assert [m.span() for m in skip_finditer(rx, skipping_finditer(rx), text)] == [m.span() for m in rx.finditer(text)]
