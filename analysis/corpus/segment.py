"""Sentences and tokens with character offsets, by rule, with no model to download.

The sentence splitter is a small rule system written for news English and measured on the seed
articles (tests/corpus/test_segment.py). A sentence ends at ``.``, ``!``, ``?`` or an ellipsis, after
any closing quotes or brackets, when white space and then a capital letter or digit (possibly
behind an opening quote) follow, except:

- after a title or rank that never ends a sentence: "Mr.", "Lt. Gen.", "Dr.", "Sen." ...;
- after a month or "No." when a number follows: "Dec. 17", "No. 10";
- after a single capital (an initial): "J. D. Vance", "Donald J. Trump";
- after an initialism such as "U.S." or "U.K.", unless the next word is one that usually
  starts a sentence ("The", "He", "But" ...);
- a closing quote followed by a short attribution ("...war!” Trump posted.") stays one
  sentence with the quote;
- an ellipsis followed by a small letter ("territories... belong") never splits, because the
  capital letter is required.

Closing quote marks are any of ``” ’ " '`` and also ``“``, which some wires (AFP) use by
mistake to close a quote: ``agreed to,“ he said`` has a comma and a small letter, so no split.

Guards for text that is not prose: a run of marks (``!!!!...``, ``....``) is tried once, not
from each of its characters, so the time stays linear in the length of the text; and a
"sentence" longer than :data:`MAX_SENTENCE_CHARS` characters (a list, a table or a page of code
pasted as one line, far beyond any sentence of news prose) is cut at the last white space before
that length, so that the analyses that read sentence by sentence do bounded work on each.

References:
    Kiss & Strunk (2006), "Unsupervised multilingual sentence boundary detection" (Punkt), for
    the abbreviation and initial heuristics that this rule set writes out by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "count_words",
    "MAX_SENTENCE_CHARS",
    "NUMBER_ABBREVIATIONS",
    "REPORTING_VERBS",
    "SENTENCE_STARTERS",
    "split_sentences",
    "TITLES",
    "tokenize",
]

TITLES = frozenset(
    """mr mrs ms mx dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cmdt brig gov sen rep
    rev fr sr st mt hon pres supt insp det amb messrs mme mlle ft govs sens reps gens drs profs""".split()
)
NUMBER_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol p pp fig art ch sec para".split()
)
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you but and so yet in on at this that these those there
    his her its their our if when while after before as however meanwhile still also then""".split()
)

REPORTING_VERBS = frozenset(
    """said says say posted posts wrote writes added adds told tells asked asks insisted insists
    claimed claims replied replies declared declares tweeted tweets stated states explained
    continued noted notes warned warns argued argues concluded concludes shouted""".split()
)

# A match never starts inside a run of . ! ? (from the run's first mark it would have matched
# too, and covered the rest), so the look-behinds change no match and keep a long run from being
# tried again at each of its marks (which took time quadratic in the run's length).
_CANDIDATE = re.compile(r"((?<![.!?])\.{3}|…|(?<![.!?])[.!?]+)([”’\"'“)\]]*)(\s+)")
MAX_SENTENCE_CHARS = 5000
"""The longest sentence :func:`split_sentences` returns; a longer one is cut (see above)."""
_SPACE_BEFORE = re.compile(r"\s+(?=\S*\Z)")
_OPENERS = "“‘\"'(["
_REST = re.compile(r"[^.!?]{0,80}?[.!?]")
_WORDS = re.compile(r"[A-Za-z]+")
_WORD_BEFORE = re.compile(r"([^\s(“‘\"'\[]+)$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _is_boundary(text: str, m: re.Match) -> bool:
    after = m.end()
    j = after
    while j < len(text) and text[j] in _OPENERS:
        j += 1
    if j >= len(text):
        return False
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    punct = m.group(1)
    if m.group(2):
        # "...senseless war!” Trump posted." : a short attribution after a closing quote
        # belongs to the quote's sentence.
        rest = _REST.match(text, after)
        if rest:
            words = _WORDS.findall(rest.group(0))
            if len(words) <= 8 and any(w.lower() in REPORTING_VERBS for w in words):
                return False
        return True
    if punct != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    word = before.group(1) if before else ""
    low = word.lower()
    if low in TITLES:
        return False
    if low in NUMBER_ABBREVIATIONS and nxt.isdigit():
        return False
    if len(word) == 1 and word.isupper():
        return False
    if _INITIALISM.fullmatch(word):
        next_word = _WORDS.match(text, j)
        return bool(next_word) and next_word.group(0).lower() in SENTENCE_STARTERS
    return True


_SPANS_CACHE: dict[str, tuple[tuple[int, int], ...]] = {}
_SPANS_CACHE_SIZE = 65_536
"""Paragraphs whose sentence spans :func:`split_sentences` remembers (more than a chunk of 500
articles holds): the corpus splits every paragraph, then the quote finder splits the same
paragraphs again (those without a quote are read unmasked), and finds the spans here."""


def split_sentences(text: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence in ``text`` (one paragraph), shifted by ``offset``.

    Leading and trailing white space is never part of a sentence, so for every span
    ``text[start - offset:end - offset]`` is the sentence, stripped. The spans of a paragraph
    are computed once and remembered (a pure function of ``text``).
    """
    spans = _SPANS_CACHE.get(text)
    if spans is None:
        spans = tuple(_split(text))
        if len(_SPANS_CACHE) >= _SPANS_CACHE_SIZE:
            _SPANS_CACHE.clear()
        _SPANS_CACHE[text] = spans
    for a, b in spans:
        yield a + offset, b + offset


def _split(text: str) -> Iterator[tuple[int, int]]:
    """The spans of :func:`split_sentences`, offset 0, computed."""
    offset = 0
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _CANDIDATE.finditer(text):
        if m.start() < start or not _is_boundary(text, m):
            continue
        end = m.end(2)
        if end > start:
            yield from _bounded(text, start, end, offset)
        start = m.end()
    end = n
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield from _bounded(text, start, end, offset)


def _bounded(text: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
    """The sentence ``text[start:end]`` (stripped), cut into pieces of at most
    :data:`MAX_SENTENCE_CHARS` characters at the last white space before each limit."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = _SPACE_BEFORE.search(text, start + 1, limit + 1)
        cut, nxt = (space.start(), space.end()) if space else (limit, limit)
        while nxt < end and text[nxt].isspace():
            nxt += 1
        yield start + offset, cut + offset
        start = nxt
    yield start + offset, end + offset


_TOKEN = re.compile(
    r"""
    (?P<initialism>(?:[A-Za-z]\.){2,})                      # U.S.  a.m.
  | (?P<number>\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s|kg|km)?)  # 9,000  2014  250kg  30-
  | (?P<word>[^\W\d_]\w*(?:[’'\-](?=[^\W_])\w*)*)            # Lisbon  Norway’s  de-facto
  | (?P<punct>\S)                                            # anything else, one character
    """,
    re.VERBOSE,
)


def tokenize(text: str, offset: int = 0) -> Iterator[tuple[int, int, str, str]]:
    """Yield ``(start, end, token, kind)`` for each token; kind is word, number, initialism or punct."""
    for m in _TOKEN.finditer(text):
        yield m.start() + offset, m.end() + offset, m.group(0), m.lastgroup


# The token pattern with only the first letter of its word alternative captured: findall gives ""
# for initialisms and numbers, and punctuation is skipped one character at a time, as tokenize does.
_WORD_COUNT = re.compile(
    r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s|kg|km)?|([^\W\d_])\w*(?:[’'\-](?=[^\W_])\w*)*"
)


def count_words(text: str) -> int:
    """The number of tokens of kind ``word`` that :func:`tokenize` finds, computed without a
    Python loop over tokens (fast on large corpora)."""
    found = _WORD_COUNT.findall(text)
    return len(found) - found.count("")
