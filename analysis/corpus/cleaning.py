"""Cleaning raw article files into body text, with an audit of every line removed.

Raw text is never changed: :func:`clean_article` reads it and returns the body paragraphs, the
clean text they make (paragraphs joined by a blank line) and one audit row per removed line or
prefix, naming the rule that removed it. The rules are data, in ``data/cleaning_rules.toml``;
that file's header says how each kind of rule applies and how to add one.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..paths import DATA_DIR
from .rulescreen import RuleScreen

__all__ = [
    "clean_article",
    "CleanResult",
    "load_rules",
    "MAX_FURNITURE_CHARS",
    "normalise_newlines",
    "Paragraph",
    "repeated_by_outlet",
    "repeated_lines",
    "Rule",
    "RULES_FILE",
    "rules_table",
    "Where",
]

RULES_FILE = DATA_DIR / "cleaning_rules.toml"

Where = Literal["head", "tail", "edge", "body", "any", "prefix"]

# No line longer than this is furniture: menus, prompts, credits and captions are short, and the
# bound keeps cleaning fast on long paragraphs. A rule may allow longer lines (``max_chars``) when
# its pattern is anchored on marks no paragraph has (a photo gallery's "Hide Caption 8 of 8").
MAX_FURNITURE_CHARS = 400
# A paragraph this short, with no closing punctuation, is a crosshead ("General killed").
_SUBHEAD_MAX_WORDS = 8
# A field found at the end of a line (``metadata_at = "end"``) must be this long, so that a short
# headline ("Brexit") never takes a sentence that happens to end with its words.
_MIN_WORDS_AT_END = 4
_SENTENCE_END = tuple(".!?:;\"”’)'…")
# Words too common to show that a line and the headline speak of the same thing.
_STOPWORDS = frozenset(
    "a an and are as at be but by for from has have he her his how in into is it its new not of on or our over "
    "says said she that the their they this to up was we what when who why will with after about than more".split()
)
# Small words a headline in title case may leave in lower case ("Trump Says He Planned to Fire ...").
_TITLE_SMALL = frozenset("a an and as at but by for from in into of on or the to vs via with".split())
_QUOTES = {"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "}


def _straight(s: str) -> str:
    """Curly quotes made straight and no-break spaces plain (one ``replace`` per character: many times
    faster than ``str.translate`` on text that is not ASCII)."""
    for curly, plain in _QUOTES.items():
        if curly in s:
            s = s.replace(curly, plain)
    return s


@dataclass(frozen=True)
class Rule:
    """One cleaning rule, read from the rules file."""

    name: str
    what: str
    where: Where
    patterns: tuple[re.Pattern, ...] = ()
    from_metadata: str | None = None
    repeats_removed: bool = False
    follows: tuple[str, ...] = ()  # applies only right below a line removed by one of these rules
    max_chars: int = MAX_FURNITURE_CHARS  # a longer line is never removed by this rule
    metadata_at: str = ""  # from_metadata: "end" the field ends the line; "start" a name of the field starts it; "variant" (headline) see _headline_variant
    from_corpus: str | None = None  # "repeated": a line the outlet prints in many articles (repeated_lines)
    min_articles: int = 0  # from_corpus: in at least this many of the outlet's articles, between different neighbours
    min_words: int = 0  # from_corpus / repeats_longer_line: lines of fewer words are never taken
    repeats_longer_line: bool = False  # the line is part of a longer paragraph of the same article (a pull quote)
    doubled_run: bool = False  # the line is printed twice in a row, in a run of such pairs (a photo gallery's captions)
    combined: re.Pattern | None = None  # the patterns' texts as one alternation, tried in order (_combine)
    before: re.Pattern | None = None  # applies only right above a line matching this (an embed's signature), or above a run of lines of the rule's own shape ending there
    before_run: int = 0  # before: at most this many lines of the rule's own shape between the line and the one it is above
    after: re.Pattern | None = None  # applies only right below a line matching this (a paragraph ending a sentence)
    once: bool = False  # applies only to a line printed once in the article (a name printed on every turn of an interview is a speaker's label)
    reworded_repeat: bool = False  # the line repeats, with small edits, the paragraph beside it (a pull quote)
    passed_over: bool = False  # a line this rule removes is passed over by `follows` (an ad slot between a label and its list)


def _combine(patterns: list[str]) -> re.Pattern | None:
    """One regex trying each pattern in order; a leading (?i) becomes a scoped (?i:...) group."""
    if not patterns:
        return None
    parts = []
    for p in patterns:
        m = re.match(r"\(\?([aiLmsux]+)\)", p)
        parts.append(f"(?{m.group(1)}:{p[m.end():]})" if m else f"(?:{p})")
    return re.compile("|".join(parts))


@dataclass
class Paragraph:
    """A body paragraph: its text, where it sits in the clean text, and the raw line it came from."""

    text: str
    start: int
    end: int
    raw_line: int
    kind: Literal["body", "subhead"]


@dataclass
class CleanResult:
    """What cleaning one article gives."""

    text: str
    paragraphs: list[Paragraph]
    removed: list[dict] = field(default_factory=list)
    dateline: str = ""


@lru_cache(maxsize=8)
def load_rules(path: str | Path = RULES_FILE) -> tuple[Rule, ...]:
    """Read the cleaning rules from a TOML file (the package's own by default)."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    rules = []
    for entry in data["rule"]:
        patterns = tuple(re.compile(p) for p in entry.get("patterns", []))
        rules.append(
            Rule(
                name=entry["name"],
                what=entry["what"],
                where=entry["where"],
                patterns=patterns,
                from_metadata=entry.get("from_metadata"),
                repeats_removed=bool(entry.get("repeats_removed", False)),
                follows=tuple(entry.get("follows", ())),
                max_chars=int(entry.get("max_chars", MAX_FURNITURE_CHARS)),
                metadata_at=str(entry.get("metadata_at", "")),
                from_corpus=entry.get("from_corpus"),
                min_articles=int(entry.get("min_articles", 0)),
                min_words=int(entry.get("min_words", 0)),
                repeats_longer_line=bool(entry.get("repeats_longer_line", False)),
                doubled_run=bool(entry.get("doubled_run", False)),
                combined=_combine(entry.get("patterns", [])),
                before=_combine(entry.get("before", [])),
                before_run=int(entry.get("before_run", 0)),
                after=_combine(entry.get("after", [])),
                once=bool(entry.get("once", False)),
                passed_over=bool(entry.get("passed_over", False)),
                reworded_repeat=bool(entry.get("reworded_repeat", False)),
            )
        )
    return tuple(rules)


def rules_table(path: str | Path = RULES_FILE):
    """The cleaning rules as a DataFrame (name, where, what), for showing in a notebook."""
    import pandas as pd

    return pd.DataFrame(
        [{"rule": r.name, "where": r.where, "what it removes": r.what} for r in load_rules(path)]
    )


@lru_cache(maxsize=1 << 16)
def _norm(s: str) -> str:
    """Compare lines loosely: NFC, straight quotes, folded white space, case."""
    s = _straight(unicodedata.normalize("NFC", s))
    return re.sub(r"\s+", " ", s).strip().casefold()


_MASTHEAD_SEP = r"[\s|/:\u00b7\u2022,\-\u2013\u2014]"


def _is_masthead(line: str, outlet: str) -> bool:
    """A short line that is the outlet's name as a masthead: the name as whole words at the start
    (case and quotes aside), then nothing, a separator, or capitalised words ("The Independent UK",
    "CNN | World"), and no sentence end. An outlet called "AP" or "The" never takes "Apparently
    talks failed." or "The talks failed." with it."""
    fold = lambda s: re.sub(r"\s+", " ", _straight(unicodedata.normalize("NFC", s))).strip()
    text, name = fold(line), fold(outlet)
    if not name or len(text.split()) > 6:
        return False
    m = re.match(re.escape(name) + rf"(?=$|{_MASTHEAD_SEP})", text, re.IGNORECASE)
    if not m:
        return False
    rest = text[m.end():].strip()
    if not rest:
        return True
    if re.search(r"[.!?\u2026]$", rest):
        return False
    words = [w for w in re.split(rf"{_MASTHEAD_SEP}+", rest) if w]
    return all(w[0].isupper() or w[0].isdigit() for w in words)


@lru_cache(maxsize=4096)
def _acronym(outlet: str) -> str:
    """The outlet's short name when its name opens with one in capitals ("HNN" of "HNN News", "HNN (Web
    News)"), folded; "" when it does not ("Harbour News", or "HNN" alone, which the name itself covers)."""
    words = outlet.split()
    if len(words) > 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]):
        return words[0].casefold()
    return ""


def _tails(value: str) -> list[str]:
    """A headline, and its part after a kicker ("Exclusive: ...", "The record is clear: ...")."""
    parts = [value]
    m = re.match(r"[^:]{2,60}:\s+(.+)", value)
    if m:
        parts.append(m.group(1))
    return parts


@lru_cache(maxsize=4096)
def _names(value: str) -> tuple[str, ...]:
    """The people of a byline ("Jane Doe, John Roe and Ann Poe"), folded; each of two words or more
    (remembered: every line of the article is tested against its byline)."""
    value = re.sub(r"^by\s+", "", _straight(unicodedata.normalize("NFC", value)).strip().strip('"'), flags=re.I)
    names = [n.strip().strip('"').casefold() for n in re.split(r",|;|&|\band\b", value)]
    return tuple(n for n in names if len(n.split()) >= 2)


def _strip_tags(s: str) -> str:
    return re.sub(r"<[^>]+>", " ", s)


def _content_words(s: str) -> set[str]:
    """The words of a line that say what it is about (no stop words), cut to five letters ("shooter"
    and "shooting" meet)."""
    return {w[:5] for w in re.findall(r"[^\W_]+", _norm(s)) if len(w) >= 3 and w not in _STOPWORDS}


def _is_title_case(line: str) -> bool:
    """Four words or more, each capitalised but for small words ("Trump Says He Planned to Fire Comey")."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", line)
    return len(words) >= 4 and all(w[0].isupper() or w.casefold() in _TITLE_SMALL for w in words)


# The end of a sentence inside a line, before a capital: where a dek stops and a headline starts.
_SENTENCE_BREAK = re.compile(r"""[.!?…]["”’']?\s+(?=[A-Z"“‘'])""")


def _headline_variant(line: str, headline: str, article: _Article | None = None) -> bool:
    """A line at the top that prints the headline in another form, with the page's furniture: the
    headline with its standfirst after it on one line; a headline in title case that shares a word
    with the headline ("'Hate Has No Place' In America, Trump Says ...") in an article with no other
    line in title case (where the crossheads are in title case, the first line is one of them); or a
    sentence (a picture's caption or a teaser) followed by a short headline that shares a word with
    it ("... insists he's running for reelection. Reid plotting to stay in power")."""
    n, h = _norm(line), _norm(headline)
    if len(h.split()) >= _MIN_WORDS_AT_END and n.startswith(h + " "):
        return True
    words = _content_words(headline)
    if not words or re.match(r"""["“‘']""", line):  # a quotation with its source after it: "“...” Harbour Blog"
        return False
    if _is_headline_case(line):
        alone = article is None or article.title_case_lines <= 1
        return alone and bool(_content_words(line) & words)
    breaks = list(_SENTENCE_BREAK.finditer(line))
    if not breaks:
        return False
    before, tail = line[: breaks[-1].start() + 1], line[breaks[-1].end():]
    return (
        len(before.split()) >= 4
        and 2 <= len(tail.split()) <= 12
        and tail[:1].isupper()
        and re.search(r"""[.!?,;:…]["”’']?$""", tail) is None
        and bool(_content_words(tail) & words)
    )


def _is_headline_case(line: str) -> bool:
    return len(line.split()) <= 20 and not line.endswith(".") and _is_title_case(line)


# a pull quote's attribution after its closing mark: "... politics.” — Jane Doe, director"
_ATTRIBUTION = re.compile(r"""(?<=[.!?"”’'])\s+[—–]\s*[A-Z][^—–.!?]{1,80}\.?$""")


def _unattributed(line: str) -> str:
    """The line without a pull quote's attribution after its closing mark (:data:`_ATTRIBUTION`; a line
    without a dash has none, and is not searched)."""
    return _ATTRIBUTION.sub("", line) if "—" in line or "–" in line else line


def _words_keeping_stops(s: str) -> str:
    """A line as its words (case and quotes aside) with the marks that end sentences kept, so that a
    run of words can be found at the start of a sentence."""
    return " ".join(re.findall(r"[^\W_]+|[.!?…]+", _norm(s))).replace(" .", ".").replace(" !", "!").replace(" ?", "?").replace(" …", "…")


@lru_cache(maxsize=1 << 16)
def _words(s: str) -> str:
    """A line as its words only (case, quotes and punctuation aside), for finding it inside another
    (remembered: each line is read for the whole article, then again as a candidate and as a neighbour)."""
    return " ".join(re.findall(r"[^\W_]+", _norm(s)))


def _doubled_runs(lines: list[str]) -> frozenset[str]:
    """The lines (normalised) printed twice in a row where the pair sits next to another such pair
    (A A B B): a photo gallery whose every caption the page prints twice. A single paragraph printed
    twice belongs to the article and is not taken."""
    norm = [_norm(ln) for ln in lines]
    pairs = {k for k in range(len(norm) - 1) if norm[k] == norm[k + 1]}
    return frozenset(norm[k] for k in pairs if k + 2 in pairs or k - 2 in pairs)


def _ends_sentence(line: str) -> bool:
    """A mark that ends a sentence, then nothing but closing quotes and brackets (before a last
    newline): the regular expression ``[.!?…]["”’')]*$``, read from the line's end (a search would try
    every character of it)."""
    return line.removesuffix("\n").rstrip("\"”’')")[-1:] in (".", "!", "?", "…")


# The shapes of line a pull quote never has (see _Article.in_longer_paragraph, reworded_in_neighbour).
_QUOTED_OR_LABELLED = re.compile(r"""["“‘']|[A-Z][A-Z.'’ -]+:""")
_LABELLED_OR_NUMBERED = re.compile(r"[A-Z][A-Z.'’ -]+:|\(?\d{1,2}[.)]\s")


def _cut_off(line: str) -> bool:
    """The line ends in a dash, and nothing but marks after it (``(?:[—–-]|--)\\W*$`` found), read from
    the line's end: a dash among the characters after its last letter, digit or underscore (what
    ``\\w`` matches)."""
    k = len(line)
    while k and not (line[k - 1].isalnum() or line[k - 1] == "_"):
        k -= 1
        if line[k] in "—–-":
            return True
    return False


_OPENS_QUOTE = re.compile(r"""["“‘']""")
_CLOSES_QUOTE = re.compile(r"""[.!?…,]["”’']$""")


class _Article:
    """What rules that look at the whole article need: its non-blank lines, in order, and how many of
    them are in title case."""

    def __init__(self, lines: list[str]):
        self.lines = [ln.strip() for ln in lines if ln.strip()]
        # where each line is printed (the rules ask of one line at a time; reading every line to find it
        # made each question cost the article's length)
        self.at: dict[str, list[int]] = {}
        for i, ln in enumerate(self.lines):
            self.at.setdefault(ln, []).append(i)
        self.joined = " \n ".join(_words(ln) for ln in self.lines)
        self._padded = f" {self.joined} "
        self.title_case_lines = sum(_is_headline_case(ln) for ln in self.lines)
        self.doubled = _doubled_runs(self.lines)
        self.counts = Counter(_norm(ln) for ln in self.lines)
        self._paragraph: dict[int, str | None] = {}
        self._unattributed: dict[int, str] = {}

    def _sentence_words(self, j: int) -> str | None:
        """The words of line ``j`` (:func:`_words`) padded with a space each side, when the line ends a
        sentence; None when it does not (remembered: each line is the neighbour of two)."""
        if j not in self._paragraph:
            self._paragraph[j] = f" {_words(self.lines[j])} " if _ends_sentence(self.lines[j]) else None
        return self._paragraph[j]

    def _words_unattributed(self, j: int) -> str:
        """The words of line ``j`` without an attribution after its closing mark, padded with a space
        each side (remembered)."""
        if j not in self._unattributed:
            self._unattributed[j] = f" {_words(_unattributed(self.lines[j]))} "
        return self._unattributed[j]

    def lies_before(self, line: str, target: re.Pattern, shape: re.Pattern | None, run: int) -> bool:
        """The line sits right above (blank lines aside) a line that ``target`` matches whole, or above at
        most ``run`` lines that ``shape`` matches whole, the last of them right above such a line: the text
        of an embedded post printed over several lines above its signature."""
        for i in self.at.get(line, ()):
            for j in range(i + 1, min(i + 2 + run, len(self.lines))):
                if target.fullmatch(self.lines[j]):
                    return True
                if shape is None or len(self.lines[j]) > MAX_FURNITURE_CHARS or not shape.fullmatch(self.lines[j]):
                    break
        return False

    def lies_after(self, line: str, target: re.Pattern) -> bool:
        """The line sits right below (blank lines aside) a line that ``target`` matches whole."""
        return any(i > 0 and target.fullmatch(self.lines[i - 1]) for i in self.at.get(line, ()))

    def in_longer_paragraph(self, line: str, *, min_words: int, margin: int = 20) -> bool:
        """The line's words are found, whole, inside the paragraph right above or right below it, which
        is at least ``margin`` characters longer and ends a sentence: a pull quote printed beside the
        paragraph it repeats. The same words further away are not taken (a summary at the top, a live
        page's later update, a paragraph the page prints twice belong to the article). A line that
        opens with a quotation mark is a quoted crosshead ("'I saw them fall'"), one that ends in a dash
        is a speaker cut off ("JANE DOE: We're going to talk about—"), one that opens with a speaker's
        label is a turn of a transcript, one below a line ending in a colon is the quotation that line
        introduces ("... she wrote in a tweet:"): none counts."""
        w = _words(line)
        if len(w.split()) < min_words:
            return False
        # a neighbour holding the words holds them a second time in the article's words (the line's own
        # being the first): one look for a second time before the line's shape and its neighbours
        key = f" {w} "
        if self._padded.find(key, self._padded.find(key) + 1) < 0:
            return False
        if _QUOTED_OR_LABELLED.match(line) or _cut_off(line):
            return False
        for i in self.at.get(line, ()):
            if i > 0 and self.lines[i - 1].endswith(":"):
                continue
            for j in (i - 1, i + 1):
                p = self._sentence_words(j) if 0 <= j < len(self.lines) else None
                if p is not None and len(p) - 2 >= len(w) + margin and f" {w} " in p:
                    return True
        return False

    def reworded_in_neighbour(self, line: str, *, min_words: int, run: int = 5, spare: int = 2, extra: int = 2) -> bool:
        """A pull quote printed with small edits beside the paragraph it repeats (a word or two added at
        its start, "he said" dropped between two sentences): the line, less an attribution after its
        closing mark ("... politics.” — Jane Doe, director"), ends a sentence, and its words are covered
        by runs of ``run`` words or more of the paragraph right above or right below it, but for at most
        ``spare`` words at its start; that paragraph ends a sentence and has at least ``extra`` words
        more (both read without an attribution, so that a paragraph is never taken for a copy of its
        pull quote). The exceptions of :meth:`in_longer_paragraph` hold, except that a line opening with
        a quotation mark is taken when it has at least twice ``min_words`` words (a quoted crosshead is
        short) and is a quotation only, closed at its end (not '"...," she said.'); a numbered line
        ("2) More guns ...") is a list's crosshead and stays; a paragraph printed again without its lead-in
        label ("Wages: ...") is the scraper's double and stays; and words added at the line's start must
        come before a sentence of the paragraph (a name put before it), not stand for other words."""
        if _LABELLED_OR_NUMBERED.match(line) or _cut_off(line):
            return False
        text = _unattributed(line)
        if not _ends_sentence(text):
            return False
        w = _words(text).split()
        if len(w) < min_words:
            return False
        if _OPENS_QUOTE.match(text) and (len(w) < 2 * min_words or not _CLOSES_QUOTE.search(text)):
            return False
        # the line's last words are covered only by a run that ends with them: a paragraph without them
        # in a row cannot cover the line (a test of one substring before building the paragraph's runs)
        last = f" {' '.join(w[-run:])} " if len(w) >= run and len(w) > spare else None
        for i in self.at.get(line, ()):
            if i > 0 and self.lines[i - 1].endswith(":"):
                continue
            for j in (i - 1, i + 1):
                if not (0 <= j < len(self.lines) and self._sentence_words(j) is not None):
                    continue
                padded = self._words_unattributed(j)
                if last is not None and last not in padded:
                    continue
                p = padded.split()
                if len(p) < len(w) + extra:
                    continue
                grams = {tuple(p[k:k + run]) for k in range(len(p) - run + 1)}
                covered = [False] * len(w)
                for k in range(len(w) - run + 1):
                    if tuple(w[k:k + run]) in grams:
                        covered[k:k + run] = [True] * run
                first = covered.index(True) if True in covered else len(w)
                if first > spare or not all(covered[first:]):
                    continue
                if re.match(r"[A-Z][^:.!?]{0,40}:\s", self.lines[j]) and p[len(_words(self.lines[j].split(":", 1)[0]).split()):][:run] == w[:run]:
                    continue  # the paragraph printed again without its lead-in label ("Wages: ..."): the scraper's double
                if first and not re.search(r"(?:^|[.!?…][\"”’')]*\s+)[\"“‘']?" + re.escape(" ".join(w[first:first + run])), _words_keeping_stops(self.lines[j])):
                    continue  # words added at the start stand for other words, not a pull quote's name put before a sentence
                return True
        return False


def _boilerplate_shape(line: str, rule: Rule) -> bool:
    """A repeated line that may be a site's boilerplate: long enough, and none of the repeated lines
    that belong to articles: a question (a crosshead: "What did the president say?"), a short line in
    title case or capitals without a sentence end (a recurring section's crosshead: "And Now, A Word
    From Jane"), a line that leads into what follows (ending in ':' or 'follows.'), a quotation (an
    outlet quoting the same words in many articles), a list (six commas or more: a panel's members)."""
    words = line.split()
    if len(words) < rule.min_words or len(line) > rule.max_chars:
        return False
    if line.endswith(("?", ":", "follows.", "below.")) or line.startswith(('"', "'", "“", "‘")):
        return False
    if len(words) <= _SUBHEAD_MAX_WORDS and not line.endswith(_SENTENCE_END) and _is_title_case(line):
        return False
    if line.count(",") >= 6:
        return False
    folded = _straight(line)
    return not any(len(q.split()) >= 4 for q in re.findall(r'"([^"]+)"', folded))


def repeated_lines(texts: Sequence[str], *, rules: tuple[Rule, ...] | None = None) -> frozenset[str]:
    """The lines one outlet prints in many of its articles: its boilerplate.

    A line (compared loosely: case, quotes and white space aside) is boilerplate when it appears in at
    least ``min_articles`` of the texts, each time between different neighbouring lines (so that an
    article saved twice counts once), and has the shape of furniture (:func:`_boilerplate_shape`).
    The numbers are the ``from_corpus = "repeated"`` rule's in the rules file; without such a rule,
    or with fewer texts than ``min_articles``, nothing is boilerplate.

    Args:
        texts: the raw texts of one outlet's articles.
        rules: cleaning rules; the package's own by default.

    Returns:
        The boilerplate lines, normalised, for :func:`clean_article`'s ``repeated``.

    References:
        Bar-Yossef, Z. & Rajagopalan, S. (2002). Template detection via data mining and its
        applications. WWW '02 (a block repeated across the pages of one site is its template).
    """
    rules = rules if rules is not None else load_rules()
    rule = next((r for r in rules if r.from_corpus == "repeated"), None)
    if rule is None or len(texts) < rule.min_articles:
        return frozenset()
    split = lambda raw: [ln.strip() for ln in normalise_newlines(raw).split("\n") if ln.strip()]
    counts: Counter = Counter()
    shapes: dict[str, bool] = {}
    for raw in texts:
        lines: dict[str, str] = {}
        for ln in split(raw):
            if len(ln) <= rule.max_chars:
                lines.setdefault(_norm(ln), ln)
        for n, ln in lines.items():
            counts[n] += 1
            if n not in shapes:
                shapes[n] = _boilerplate_shape(ln, rule)
    candidates = {ln for ln, c in counts.items() if c >= rule.min_articles and shapes[ln]}
    if not candidates:
        return frozenset()
    contexts: dict[str, set] = defaultdict(set)
    for raw in texts:
        lines = [_norm(ln) if len(ln) <= rule.max_chars else "" for ln in split(raw)]
        for i, ln in enumerate(lines):
            if ln in candidates:
                contexts[ln].add((lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else ""))
    return frozenset(sorted(ln for ln in candidates if len(contexts[ln]) >= rule.min_articles))


def repeated_by_outlet(items: Iterable[tuple[str, str]], *, rules: tuple[Rule, ...] | None = None) -> dict[str, frozenset[str]]:
    """:func:`repeated_lines` of each outlet, from (outlet, raw text) pairs."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for outlet, raw in items:
        by_outlet[outlet].append(raw)
    return {o: repeated_lines(by_outlet[o], rules=rules) for o in sorted(by_outlet)}


def _matches(rule: Rule, line: str, meta: dict, removed_text: list[str], above: str | None = None,
             article: _Article | None = None, repeated: Collection[str] = (), whole: re.Pattern | None = None) -> bool:
    """The rule takes the line; ``whole``, when given, stands for ``rule.combined`` in matching the line
    whole: the rule screen's alternation of those of the rule's patterns that can match the line."""
    # A new kind of rule that can take a line without its patterns matching the line whole must be
    # named in _only_patterns too, or the rule screen would leave it out.
    whole = rule.combined if whole is None else whole
    stripped = line.strip()
    if len(stripped) > rule.max_chars:
        return False
    if rule.follows and above not in rule.follows:
        return False
    if (rule.before is not None or rule.after is not None) and _only_patterns(rule) and not whole.fullmatch(stripped):
        return False  # the line's shape first: finding its neighbours reads the whole article
    if rule.once and (article is None or article.counts[_norm(stripped)] > 1):
        return False
    if rule.before is not None and (article is None or not article.lies_before(stripped, rule.before, rule.combined, rule.before_run)):
        return False
    if rule.after is not None and (article is None or not article.lies_after(stripped, rule.after)):
        return False
    if rule.repeats_removed:
        n = _norm(stripped)
        return bool(n) and any(n in r for r in removed_text)
    if rule.from_corpus:
        return bool(repeated) and _norm(stripped) in repeated
    if rule.repeats_longer_line:
        return article is not None and article.in_longer_paragraph(stripped, min_words=rule.min_words)
    if rule.reworded_repeat:
        return article is not None and article.reworded_in_neighbour(stripped, min_words=rule.min_words)
    if rule.doubled_run:
        return article is not None and _norm(stripped) in article.doubled
    if rule.from_metadata:
        value = str(meta.get(rule.from_metadata) or "").strip()
        if value:
            if rule.from_metadata == "outlet" and not rule.metadata_at:
                if _is_masthead(stripped, value):
                    return True
            elif rule.metadata_at == "variant":
                return _headline_variant(stripped, value, article)
            elif rule.metadata_at == "end":
                # A line that ends with the field after other text (a caption, then the headline, or the
                # headline's part after its kicker: "The record is clear: Obama delivers ...").
                n = _norm(stripped)
                for v in _tails(_norm(value)):
                    if len(v.split()) >= _MIN_WORDS_AT_END and n != v and n.endswith(" " + v):
                        return True
                return False
            elif rule.metadata_at == "start":
                # A line that starts with one of the names of the field (the authors of a byline) and whose
                # rest matches the rule's patterns ("David Segal is a former ...").
                # (a bullet or dash before the name is the list's mark: "• Jane Doe is ...")
                names = _names(value)
                if not names:
                    return False
                text, low = _after_list_mark(stripped)
                for name in names:
                    if low.startswith(name) and rule.combined is not None and rule.combined.fullmatch(text[len(name):]):
                        return True
                return False
            elif _norm(stripped) in _said_as(value):
                return True
            elif rule.from_metadata == "outlet" and _norm(stripped) in _outlet_short(value):
                return True  # its short name ("HNN" of "HNN News"), or its name without spaces ("HarbourNews")
    return whole is not None and whole.fullmatch(stripped) is not None


_LIST_MARK = re.compile(r"^[•·*–—-]\s*")


@lru_cache(maxsize=1 << 16)
def _after_list_mark(line: str) -> tuple[str, str]:
    """A line without a bullet or dash before it, as printed and folded (quotes straight, case folded)
    (remembered: the rules that find the author's name at its start each read the line)."""
    text = _LIST_MARK.sub("", line)
    return text, _straight(unicodedata.normalize("NFC", text)).casefold()


@lru_cache(maxsize=4096)
def _said_as(value: str) -> frozenset[str]:
    """A field's value as a whole line gives it, normalised: alone, or after "By"."""
    return frozenset({_norm(value), _norm("By " + value)})


@lru_cache(maxsize=4096)
def _outlet_short(value: str) -> frozenset[str]:
    """An outlet's short names (:func:`_acronym`, its name without spaces), normalised."""
    return frozenset({_acronym(value), _norm(value).replace(" ", "")})


def _first_match(rules, line, meta, removed_text, above: str | None = None, article: _Article | None = None,
                 repeated: Collection[str] = ()) -> Rule | None:
    tried = rules.candidate_patterns(line) if isinstance(rules, RuleScreen) else [(rule, None) for rule in rules]
    for rule, whole in tried:
        if _matches(rule, line, meta, removed_text, above, article, repeated, whole):
            return rule
    return None


def _only_patterns(rule: Rule) -> bool:
    """The rule takes a line only when its patterns match the line whole (its other conditions can
    only refuse): a line that holds none of the texts its patterns require is never its."""
    return rule.combined is not None and not (
        rule.repeats_removed or rule.from_corpus or rule.repeats_longer_line or rule.reworded_repeat or rule.doubled_run or rule.from_metadata
    )


_SCREENS: dict[int, tuple[tuple[Rule, ...], tuple[RuleScreen, RuleScreen, RuleScreen]]] = {}


def _screens(rules: tuple[Rule, ...]) -> tuple[RuleScreen, RuleScreen, RuleScreen]:
    """The head, tail and body rules of a rule set, each as a :class:`RuleScreen` (built once per rule set)."""
    found = _SCREENS.get(id(rules))
    if found is not None and found[0] is rules:  # a tuple, never changed in place
        return found[1]
    # (a rule's alternation is its patterns' texts joined by _combine: a part of them joined alike matches as they do)
    joined = lambda patterns: _combine([p.pattern for p in patterns])
    screen = lambda chosen: RuleScreen([(r, r.patterns if _only_patterns(r) else None) for r in chosen], joined)
    built = (
        screen(r for r in rules if r.where in ("head", "edge", "any")),
        # Read upwards, the tail cannot know the line above a line: rules that follow another are left out.
        screen(r for r in rules if r.where in ("tail", "edge", "any") and not r.follows),
        screen(r for r in rules if r.where in ("body", "any")),
    )
    if isinstance(rules, tuple):
        if len(_SCREENS) >= 8:
            _SCREENS.clear()
        _SCREENS[id(rules)] = (rules, built)
    return built


def _is_label(prefix: str, lines: list[str], i: int) -> bool:
    """A prefix that also starts another line of the article is a label, not a dateline: the
    speaker's name in a transcript ("AMY GOODMAN: ..." on every turn of hers) is kept. A dateline is
    printed once."""
    head = prefix.strip()
    return any(j != i and ln.strip().startswith(head) for j, ln in enumerate(lines))


def normalise_newlines(raw: str) -> str:
    """Drop a byte-order mark and turn CRLF / CR line ends into LF."""
    return raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def clean_article(raw: str, meta: dict | None = None, *, rules: tuple[Rule, ...] | None = None,
                  repeated: Collection[str] = frozenset()) -> CleanResult:
    """Separate an article's body from the furniture around it.

    Args:
        raw: the file's text as decoded (BOM and CRLF allowed).
        meta: the article's metadata row (``headline``, ``byline``, ``outlet`` are used to
            recognise those lines in the file).
        rules: cleaning rules; the package's own by default.
        repeated: the boilerplate lines of the article's outlet, from :func:`repeated_lines` over
            the outlet's articles in the corpus; empty (the default), the ``from_corpus`` rule
            removes nothing.

    Returns:
        A :class:`CleanResult`: the clean text, its paragraphs with offsets, and one dict per
        removed line (``line`` 1-based in the raw file, ``rule``, ``where``, ``removed``).
    """
    meta = meta or {}
    rules = rules if rules is not None else load_rules()
    head_rules, tail_rules, body_rules = _screens(rules)
    prefix_rules = [r for r in rules if r.where == "prefix"]

    lines = normalise_newlines(raw).split("\n")
    article = _Article(lines) if any(r.repeats_longer_line or r.reworded_repeat or r.doubled_run or r.metadata_at == "variant" or r.before is not None or r.after is not None or r.once
                                     for r in rules) else None
    removed: list[dict] = []
    removed_text: list[str] = []
    removed_by: dict[int, str] = {}  # raw line index -> the rule that removed the whole line

    def remove(i: int, rule: Rule, where: str, text: str | None = None) -> None:
        if text is None:
            removed_by[i] = rule.name
        text = lines[i].strip() if text is None else text
        removed.append({"line": i + 1, "rule": rule.name, "where": where, "removed": text})
        removed_text.append(_norm(_strip_tags(text)))

    passed_over = {r.name for r in rules if r.passed_over}

    def above(i: int) -> str | None:
        """The rule that removed the nearest non-blank line above line i (None: kept, or none); lines
        removed by a ``passed_over`` rule (an ad slot) are skipped."""
        j = i - 1
        while j >= 0 and (not lines[j].strip() or removed_by.get(j) in passed_over):
            j -= 1
        return removed_by.get(j)

    # Head: from the top while lines are furniture.
    first = 0
    while first < len(lines):
        if not lines[first].strip():
            first += 1
            continue
        rule = _first_match(head_rules, lines[first], meta, removed_text, above(first), article, repeated)
        if rule is None:
            break
        remove(first, rule, "head")
        first += 1
    # Tail: from the bottom while lines are furniture (never into the head).
    last = len(lines) - 1
    while last >= first:
        if not lines[last].strip():
            last -= 1
            continue
        rule = _first_match(tail_rules, lines[last], meta, removed_text, None, article, repeated)
        if rule is None:
            break
        remove(last, rule, "tail")
        last -= 1

    # Body: everything between, less body-rule lines; prefixes off the first body line.
    body: list[tuple[int, str]] = []  # (raw line index, text) ; "" marks a blank line
    dateline_parts: list[str] = []
    for i in range(first, last + 1):
        text = lines[i].strip()
        if not text:
            body.append((i, ""))
            continue
        rule = _first_match(body_rules, text, meta, removed_text, above(i), article, repeated)
        if rule is not None:
            remove(i, rule, "body")
            continue
        if not any(t for _, t in body):  # the first body line
            changed = True
            while changed:
                changed = False
                for rule in prefix_rules:
                    for pat in rule.patterns:
                        m = pat.match(text)
                        if m and m.end() < len(text) and not _is_label(m.group(0), lines, i):
                            remove(i, rule, "prefix", m.group(0).strip())
                            if rule.name == "dateline":
                                dateline_parts.append(m.group(0).strip())
                            text = text[m.end():].lstrip()
                            changed = True
                            break
                    if changed:
                        break
        body.append((i, text))
    removed.sort(key=lambda r: (r["line"], r["where"] != "prefix"))

    paragraphs = _paragraphs(body)
    return CleanResult(
        text="\n\n".join(p.text for p in paragraphs),
        paragraphs=paragraphs,
        removed=removed,
        dateline=" ".join(dateline_parts),
    )


def _paragraphs(body: list[tuple[int, str]]) -> list[Paragraph]:
    """Group body lines into paragraphs, with offsets into the clean text.

    A file whose paragraphs are separated by blank lines and mostly wrapped over several lines
    (hard-wrapped text) gets one paragraph per block, its lines joined by a space. Otherwise
    each non-empty line is a paragraph: news scrapes put one paragraph on a line, some with blank
    lines between them and some without.
    """
    blocks: list[list[tuple[int, str]]] = [[]]
    for i, text in body:
        if text:
            blocks[-1].append((i, text))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    has_blank = len(blocks) > 1
    multi = sum(len(b) > 1 for b in blocks)
    hard_wrapped = has_blank and multi >= max(1, len(blocks) // 2)
    units = [(b[0][0], " ".join(t for _, t in b)) for b in blocks] if hard_wrapped else [
        (i, t) for b in blocks for i, t in b
    ]
    paragraphs: list[Paragraph] = []
    pos = 0
    for n, (i, text) in enumerate(units):
        kind = "body"
        if n > 0 and len(text.split()) <= _SUBHEAD_MAX_WORDS and not text.endswith(_SENTENCE_END) and text[:1].isupper():
            kind = "subhead"
        paragraphs.append(Paragraph(text=text, start=pos, end=pos + len(text), raw_line=i + 1, kind=kind))
        pos += len(text) + 2
    return paragraphs
