"""Sentences as the cue finder reads them: tokens with every quote masked to one token, and the reporting verbs in them.

Each paragraph is split into sentences with its quotes masked (:func:`read_sentences`), so that a
full stop inside a quote does not end the reporter's sentence and the words inside the marks
never count as the reporter's; each quoted passage then stands in the sentence as a single token
(``Tok.q`` is its number). :func:`find_verbs` marks the reporting verbs of the lexicon in a
sentence, longest form first (``hit back``), and keeps only verb uses: not a noun after a
determiner or a possessive ("his claim", "Twitter posts"), not a passive ("is said to", "was
told"), not "agreed to" (accepting, not saying).

References:
    Pareti, S. (2016), "PARC 3.0: A Corpus of Attribution Relations", LREC: the cue of an
    attribution, a verb of saying outside the quoted content.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..corpus.marks import Passage
from ..corpus.segment import split_sentences
from .lexicon import AUXILIARIES, BE, CLAUSE_WORDS, INVERTING, PREPOSITIONS, PRONOUNS, Lexicon

__all__ = [
    "find_verbs",
    "read_sentences",
    "Sentence",
    "Tok",
]

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[’'\-][^\W_]+)*|\S")


@dataclass(slots=True)
class Tok:
    """A word, a punctuation mark, or a whole quoted passage (``q >= 0``), with its offsets in the text."""

    start: int
    end: int
    text: str
    low: str
    q: int = -1  # index of the passage this token stands for, -1 for a word or punctuation

    @property
    def word(self) -> bool:
        return self.q < 0 and self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        return self.q < 0 and self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        return self.low.endswith(("’s", "'s"))


@dataclass
class Sentence:
    """A sentence of the reporter's text: its tokens (each quote one token) and the reporting verbs among them."""

    start: int
    end: int
    paragraph: int
    index: int
    toks: list[Tok]
    verbs: list[tuple[int, int, str]] = field(default_factory=list)  # (token index, length, lemma)
    _at: dict[int, tuple[int, int, str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def verb_at(self, i: int) -> tuple[int, int, str] | None:
        """The reporting verb that starts at token ``i``, or None (a lookup, not a scan)."""
        self._index()
        return self._at.get(i)

    def verbs_before(self, i: int, *, reach: int, most: int) -> list[tuple[int, int, str]]:
        """The reporting verbs that start before token ``i`` and at most ``reach`` tokens from it,
        nearest first, at most ``most`` of them: the bounded look-back that keeps the subject
        search linear on a sentence of thousands of tokens."""
        self._index()
        k = bisect.bisect_left(self._starts, i)
        out = []
        while k > 0 and len(out) < most:
            k -= 1
            if i - self._starts[k] > reach:
                break
            out.append(self.verbs[k])
        return out

    def _index(self) -> None:
        if len(self._starts) != len(self.verbs):
            self._at = {v[0]: v for v in self.verbs}
            self._starts = [v[0] for v in self.verbs]


def _masked(text: str, lo: int, hi: int, passages: list[Passage]) -> str:
    """The paragraph ``text[lo:hi]`` with each passage's words, from its opening mark to its closing
    one, turned into ``Q``: the closing mark and what follows it in the passage's region stay, and so
    does a full stop that ends the quote right before its closing mark (``“... today.”``)."""
    chars = list(text[lo:hi])
    n = len(chars)
    for p in passages:
        a, b = max(p.open_at - lo, 0), min(p.region_end - lo, n)
        if p.close_at >= 0:
            b = min(b, p.close_at - lo)
        stop = p.end - 1 - lo if p.close_at >= 0 and p.end == p.close_at and text[p.end - 1] in ".!?…" else -1
        for x, y in ((a, stop), (stop + 1, b)) if a <= stop < b else ((a, b),):
            if y > x:
                chars[x:y] = "Q" * (y - x)
    return "".join(chars)


def read_sentences(text: str, paras: list[tuple[int, int]], passages: list[Passage]) -> list[Sentence]:
    """The sentences of every paragraph, split with the quotes masked, each quote placed as one token.

    Args:
        text: the article.
        paras: ``(start, end)`` of each paragraph.
        passages: the quoted passages of :func:`analysis.corpus.marks.find_passages` (their
            ``paragraph`` numbers index ``paras``).

    Returns:
        The sentences in reading order, numbered from 0 (``index``), with no verbs marked yet.
    """
    by_para: dict[int, list[int]] = {}
    for i, p in enumerate(passages):
        by_para.setdefault(p.paragraph, []).append(i)
    out: list[Sentence] = []
    for k, (lo, hi) in enumerate(paras):
        idx = by_para.get(k, [])
        own = [passages[i] for i in idx]
        masked = _masked(text, lo, hi, own) if own else text[lo:hi]
        spans = list(split_sentences(masked, lo))
        placed = set()
        for a, b in spans:
            toks: list[Tok] = []
            pos = a
            for i in idx:
                p = passages[i]
                if i in placed or p.open_at >= b or p.open_at < a:
                    continue
                toks += _tokens(text, pos, p.open_at)
                # low holds the quote's first and last characters: "\x00q" + first + last
                toks.append(Tok(p.open_at, p.region_end, "“…”", "\x00q" + text[p.start] + text[p.end - 1], i))
                placed.add(i)
                pos = max(pos, p.region_end)
            toks += _tokens(text, pos, b)
            out.append(Sentence(a, b, k, len(out), toks))
    return out


def _tokens(text: str, a: int, b: int) -> list[Tok]:
    if b <= a:
        return []
    # The tokens at once (findall), each one's offset found from the end of the one before: only
    # white space lies between two tokens (``\S`` takes any other character), and a token never
    # starts with white space, so the first occurrence after the previous token is this one.
    seg = text[a:b]
    find = seg.find
    out = []
    pos = 0
    for w in _TOKEN.findall(seg):
        s = find(w, pos)
        pos = s + len(w)
        out.append(Tok(s + a, pos + a, w, w.lower()))
    return out


# ---------------------------------------------------------------------------------------------
# The reporting verbs of a sentence


def find_verbs(s: Sentence, lex: Lexicon) -> None:
    """Mark the reporting verbs of the lexicon in ``s.verbs`` as ``(token index, length, lemma)``.

    The longest form that matches wins (``hit back`` before ``hit``); a form counts only where it
    is used as a verb (see the module docstring).
    """
    toks = s.toks
    verbs = lex.verbs
    free = 0  # the first token not taken by a verb already marked
    for i in [i for i, t in enumerate(toks) if t.low in verbs]:  # a quote's ``low`` is never a verb
        if i < free:
            continue
        hit = None
        for words, lemma in verbs[toks[i].low]:
            n = len(words)
            if tuple(x.low for x in toks[i : i + n]) == words and all(x.q < 0 for x in toks[i : i + n]):
                hit = (n, lemma)
                break
        if hit and _is_verb_use(toks, i, hit[1], lex):
            s.verbs.append((i, hit[0], hit[1]))
            free = i + hit[0]


_NOUN_DETERMINERS = frozenset("a an the his her their its our my your every each no any some whose".split())

# Verb forms that are as often plural nouns ("Twitter posts", "media reports").
_NOUN_LIKE_FORMS = frozenset(
    "posts reports claims notes calls attacks comments remarks demands answers replies tweets quotes charges "
    "questions pledges promises vows appeals orders blasts jokes quips boasts laments statements warnings "
    "post report claim note call attack comment remark demand answer reply tweet quote charge question pledge "
    "promise vow appeal order blast joke quip boast lament warning echo echoes chant chants states "
    "email emails challenge challenges credit credits mention mentions".split()
)


# Verbs right after a noun-like form that make it their subject, a noun ("the attack was", "the claims have")
_VERB_AFTER_NOUN = frozenset("was were is are has have had".split())

# Prepositions whose object a determiner opens: the noun-like form at its end is a noun
_OBJECT_PREPOSITIONS = PREPOSITIONS | frozenset("after before since following".split())

# Verbs that report speech with a clause or a quote, but not with these next words: "insisted on a
# fair process" (demanding), "maintains a table" (keeping). ("Pledged to make Apple “build ...”" keeps
# its speaker: on PolNeAR the quote inside a promise is the promiser's words.)
_NOT_SPEECH_NEXT = {
    "insist": ("on", "upon"),
    "maintain": tuple(sorted(_NOUN_DETERMINERS - {"whose"})),
    "appeal": ("to",),  # "Trump appeals to some of her members" (draws them), not "appealed for calm"
}


def _speech_use(toks: list[Tok], i: int, lemma: str) -> bool:
    """False where the verb's next word makes it an act, not speech (see ``_NOT_SPEECH_NEXT``)."""
    after = _NOT_SPEECH_NEXT.get(lemma)
    if not after:
        return True
    nxt = toks[i + 1]
    return nxt.q >= 0 or nxt.low not in after


def _name_then_comma(toks: list[Tok], j: int) -> bool:
    """Does a capitalised name start at ``toks[j]`` and end at a comma or a colon ("Comey,", "Dorothy Poynter,")?"""
    k = j
    while k < len(toks) and k - j < 5 and toks[k].q < 0 and (toks[k].cap or (toks[k].text == "." and k > j)):
        k += 1
    return j < k < len(toks) and toks[k].text in ",:"


def _is_verb_use(toks: list[Tok], i: int, lemma: str, lex: Lexicon) -> bool:
    t = toks[i]
    initial = i == 0 or toks[i - 1].text in "(“‘\"'—–-"
    inverted = initial and lemma in INVERTING and not t.low.endswith("s") and _name_then_comma(toks, i + 1)
    if t.text[0].isupper() and not (initial and (t.low.endswith(("ing", "ed")) or lemma == "according to")) and not inverted:
        return False  # (but "Said Comey, “...”": a verb of speech before its subject opens the sentence)
    if i == 0:
        return True
    prev = toks[i - 1]
    if prev.q >= 0:
        return True
    if prev.low in _NOUN_DETERMINERS or prev.possessive:
        return False  # "a post", "his claim", "Trump’s remarks"
    if lemma == "agree" and i + 1 < len(toks) and toks[i + 1].low in ("to", "on"):
        return False  # "agreed to a ceasefire": accepting, not saying
    if lemma == "add" and i + 2 < len(toks) and toks[i + 1].low == "to" and toks[i + 2].low in _NOUN_DETERMINERS | {"it", "them"}:
        return False  # "80,000 added to the payrolls", "adding to the confusion": increasing, not saying
    if i + 1 < len(toks) and not _speech_use(toks, i, lemma):
        return False
    if prev.low == "to" and lemma != "according to":
        nxt = toks[i + 1 : i + 3]
        return bool(nxt) and (nxt[0].q >= 0 or (nxt[0].text in ":," and len(nxt) > 1 and nxt[1].q >= 0))  # "was prompted to say, “...”"
    if prev.low in ("of", "in", "for", "on", "with", "by", "from", "without", "after", "before", "while", "about"):
        return lemma == "according to" or t.low.endswith("ing")
    if t.low in _NOUN_LIKE_FORMS and i + 1 < len(toks) and toks[i + 1].low in _VERB_AFTER_NOUN:
        return False  # "the Benghazi attack was ...", "Trump's claims were ...": the subject of a verb of its own
    if t.low in _NOUN_LIKE_FORMS:
        # "a series of Twitter posts", "in media reports", "a declarative answer", "a social media post";
        # but "the document states", "the Kremlin claims": a body that can speak, then the verb
        if i >= 2 and prev.cap and toks[i - 2].text.replace(",", "").isdigit():
            return False  # "22 Clinton emails": a count, a name as modifier, a noun
        for j in range(i - 1, max(i - 4, -1), -1):
            w = toks[j]
            if w.q >= 0 or not w.word:
                break
            if j < i - 1 and (w.low in PREPOSITIONS or w.low in _NOUN_DETERMINERS or w.possessive):
                speaker_noun = j == i - 2 and w.low not in PREPOSITIONS and not (j > 0 and toks[j - 1].low in _OBJECT_PREPOSITIONS) and (
                    toks[i - 1].low in lex.person_nouns or toks[i - 1].low in lex.organisation_nouns or (toks[i - 1].cap and not toks[i - 1].possessive)
                )  # (but "after the Paris attacks", "of the Nice attack": a preposition's object is a noun phrase)
                if not speaker_noun:
                    return False
                break
            if w.low in PRONOUNS or w.low in AUXILIARIES or w.low in CLAUSE_WORDS:
                break
    j = i - 1
    while j >= 0 and toks[j].q < 0 and toks[j].low in ("not", "also", "later", "then", "n't", "never"):
        j -= 1
    if j >= 0 and toks[j].low in BE and t.low.endswith(("ed", "id", "ld", "en", "wn", "te")) and lemma != "quote":
        return False  # passive: "is said to", "was told"
    return True
