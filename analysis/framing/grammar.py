"""The word rules that agency reads with: tokens, word lists, verb groups and grammatical subjects.

No part-of-speech tagger can be used offline, so the passive rules (:mod:`analysis.framing.passives`),
the violence verbs (:mod:`analysis.framing.violence`) and actor salience
(:mod:`analysis.framing.actors`) share these word rules:

- :func:`tokenize`: words (contractions and hyphenated words kept whole), numbers and single marks,
  each a :class:`Token` with its offsets;
- :func:`load_words`: the word lists of ``data/agency_words.toml`` and the irregular participles
  and past forms of ``data/irregular_participles.txt``, as :class:`Words`;
- word-class tests (:func:`is_be`, :func:`is_adverb`, :func:`is_finite_verb`) and the verb group
  (:func:`verb_group_start`: "could have been");
- **grammatical subjects** (:func:`is_subject`), for actor salience: a mention is a subject when it
  is not a possessive, does not follow a preposition, and a finite verb follows it (after an
  optional apposition, "and X", adverbs or a time phrase).

Limits: word rules, not a parse. A subject is found by what follows the mention, so a subject
whose verb comes after a relative clause not set off by commas ("Alvarez who met Brandt said") is
missed.

References:
    Quirk, R., Greenbaum, S., Leech, G. & Svartvik, J. (1985). A Comprehensive Grammar of the English
    Language. Longman (verb groups, auxiliaries and the subject of a clause).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..paths import DATA_DIR

__all__ = [
    "DETERMINERS",
    "IRREGULAR_FILE",
    "is_adverb",
    "is_be",
    "is_finite_verb",
    "is_subject",
    "load_words",
    "OPEN_PUNCT",
    "QUOTES",
    "TIME_WORDS",
    "Token",
    "tokenize",
    "verb_group_start",
    "Words",
    "WORDS_FILE",
]

WORDS_FILE = DATA_DIR / "agency_words.toml"
IRREGULAR_FILE = DATA_DIR / "irregular_participles.txt"

QUOTES = frozenset("“”\"‘’'«»")
OPEN_PUNCT = frozenset([*",;:()[]—–", "-", "--"])
TIME_WORDS = frozenset(
    """week month year weekend morning afternoon evening night day monday tuesday wednesday thursday
    friday saturday sunday""".split()
)
DETERMINERS = frozenset(
    """a an the this these those his her its their our my your any no every each another such either
    neither several many some few""".split()
)

_TOKEN = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*(?:-[^\W\d_]+)*|\d+(?:[.,:]\d+)*(?:-[^\W\d_]+)?|\S")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str  # lower case, curly apostrophes made straight


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words (contractions and hyphenated words kept whole), numbers and single punctuation marks."""
    return [
        Token(m.start() + offset, m.end() + offset, m.group(0), m.group(0).lower().replace("’", "'"))
        for m in _TOKEN.finditer(text)
    ]


@dataclass(frozen=True)
class Words:
    """The word lists of the rules, read from ``data/agency_words.toml`` and ``data/irregular_participles.txt``."""

    be: frozenset
    be_hosts: frozenset
    get: frozenset
    have: frozenset
    modals: frozenset
    adverbs: frozenset
    adverb_phrases: frozenset  # ("sort", "of") ...
    intensifiers: frozenset
    adjectival: frozenset
    adjectival_before: dict
    not_participles: frozenset
    not_agent: frozenset
    not_agent_after_the: frozenset
    clause_breaks: frozenset
    agent_stops: frozenset
    violence_forms: dict  # form (one or two words) -> lemma
    prepositions: frozenset
    auxiliaries: frozenset
    present: frozenset
    subject_adverbs: frozenset
    passive_participles: frozenset  # irregular participles that make passives
    past_forms: frozenset  # irregular simple past forms


def _read_irregular(path: Path) -> tuple[frozenset, frozenset]:
    participles, pasts = set(), set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 4 or fields[3] not in ("y", "n"):
            raise ValueError(f"{path.name}, line {n}: expected BASE PAST PARTICIPLE y|n, got {line!r}")
        pasts.update(fields[1].split("/"))
        if fields[3] == "y":
            participles.update(fields[2].split("/"))
    return frozenset(participles), frozenset(pasts)


@lru_cache(maxsize=4)
def load_words(path: str | Path = WORDS_FILE, irregular: str | Path = IRREGULAR_FILE) -> Words:
    """Read the rules' word lists (the package's own files by default)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    p, a, s = data["passive"], data["agent"], data["subject"]
    participles, pasts = _read_irregular(Path(irregular))
    forms = {}
    for lemma, lemma_forms in data["violence"].items():
        for form in lemma_forms:
            forms[form.lower()] = lemma.replace("_", " ")
    low = lambda xs: frozenset(x.lower().replace("’", "'") for x in xs)  # noqa: E731
    return Words(
        be=low(p["be"]), be_hosts=low(p["be_contraction_hosts"]), get=low(p["get"]), have=low(p["have"]),
        modals=low(p["modals"]), adverbs=low(p["adverbs"]),
        adverb_phrases=frozenset(tuple(x.lower().split()) for x in p.get("adverb_phrases", [])),
        intensifiers=low(p["intensifiers"]),
        adjectival=low(p["adjectival"]),
        adjectival_before={k: low(v) for k, v in p["adjectival_before"].items()},
        not_participles=low(p["not_participles"]["words"]), not_agent=low(a["not_agent"]),
        not_agent_after_the=low(a["not_agent_after_the"]), clause_breaks=low(a["clause_breaks"]),
        agent_stops=low(a["agent_stops"]), violence_forms=forms, prepositions=low(s["prepositions"]),
        auxiliaries=low(s["auxiliaries"]), present=low(s["present"]), subject_adverbs=low(s["adverbs"]),
        passive_participles=participles, past_forms=pasts,
    )


def is_be(tok: Token, w: Words) -> bool:
    """A form of "be", contracted ones included ("it's", "they're")."""
    if tok.norm in w.be:
        return True
    for suffix in ("'s", "'re", "'m"):
        if tok.norm.endswith(suffix) and tok.norm[: -len(suffix)] in w.be_hosts:
            return True
    return False


def is_adverb(tok: Token, w: Words) -> bool:
    """An adverb of the word lists, or a lower-case word in -ly of four letters or more."""
    return tok.text[:1].islower() and (tok.norm in w.adverbs or (tok.norm.endswith("ly") and len(tok.norm) > 3))


def verb_group_start(tokens: list[Token], i: int, w: Words) -> int:
    """Extend back from the auxiliary at ``i`` over "have", modals, "to" and adverbs: "could have been"."""
    j = i
    while j - 1 >= 0:
        prev = tokens[j - 1]
        if prev.norm in w.have or prev.norm in w.modals or is_be(prev, w) or prev.norm.endswith("n't"):
            j -= 1
        elif is_adverb(prev, w) and j - 2 >= 0 and (tokens[j - 2].norm in w.modals or tokens[j - 2].norm in w.have or is_be(tokens[j - 2], w)):
            j -= 1
        else:
            break
    return j


def _skip_apposition(tokens: list[Token], k: int) -> int:
    """Index after a ", ... ," or "– ... –" apposition starting at ``k`` (or ``k`` when none closes)."""
    if k >= len(tokens) or tokens[k].text not in (",", "–", "—", "("):
        return k
    closing = {",": (",",), "–": ("–", "—"), "—": ("–", "—"), "(": (")",)}[tokens[k].text]
    m = k + 1
    while m < len(tokens) and m - k < 40 and tokens[m].text not in closing and tokens[m].text not in (".", ";", ":"):
        m += 1
    return m + 1 if m < len(tokens) and tokens[m].text in closing else k


def is_finite_verb(tok: Token, w: Words) -> bool:
    """An auxiliary, a common present form, an irregular past or a lower-case word in -ed."""
    word = tok.norm
    if not tok.text[:1].islower():
        return False
    return (
        word in w.auxiliaries or word in w.present or word in w.past_forms
        or (len(word) >= 4 and word.endswith("ed") and word.isalpha() and word not in w.not_participles)
    )


def is_subject(text: str, start: int, end: int, *, words: Words | None = None) -> bool:
    """Whether the mention at ``text[start:end]`` is the grammatical subject of a clause (a heuristic).

    The mention must not be a possessive ("Alvarez’s envoy") or follow a preposition ("met with
    Brandt"), and a finite verb (an auxiliary, a past form, or a common present form such as "says")
    must follow it, after an optional apposition (", a former ambassador,"), "and" + a capitalised
    name, adverbs, or a time phrase ("last month", "on Friday"). Passive subjects count: the
    grammatical subject is not always the doer.

    Args:
        text: the sentence.
        start: start of the mention in ``text``.
        end: end of the mention in ``text``.
        words: the rules' word lists; the package's own by default.

    Returns:
        True when the mention reads as the subject of a finite verb.

    References:
        Quirk et al. (1985): the subject precedes the finite verb of a declarative clause.

    Example:
        >>> is_subject("Brandt last month rebuffed a US proposal.", 0, 6)
        True
        >>> is_subject("Alvarez met with Brandt on Friday.", 17, 23)
        False
    """
    w = words or load_words()
    if text[end : end + 2] in ("’s", "'s") or text[end : end + 1] in ("’", "'") and text[end - 1 : end] == "s":
        return False
    before = tokenize(text[:start])
    if before and before[-1].norm in w.prepositions:
        return False
    after_determiner = bool(before) and before[-1].norm in DETERMINERS  # "the US plans": a modifier
    tokens = tokenize(text[end:])
    k = _skip_apposition(tokens, 0)
    for _ in range(6):
        if k >= len(tokens):
            return False
        tok = tokens[k]
        if tok.norm == "and" and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
            k += 2
            while k < len(tokens) and tokens[k].text[:1].isupper():
                k += 1
            continue
        if tok.norm in w.subject_adverbs or (is_adverb(tok, w) and tok.norm not in w.auxiliaries):
            k += 1
            continue
        if tok.norm in ("last", "this", "next", "on", "earlier", "late") and k + 1 < len(tokens) and tokens[k + 1].norm in TIME_WORDS:
            k += 2
            continue
        if tok.text in (",", "–", "—", "("):
            k2 = _skip_apposition(tokens, k)
            if k2 == k:
                return False
            k = k2
            continue
        if after_determiner and tok.norm in w.present:
            return False
        return is_finite_verb(tok, w)
    return False
