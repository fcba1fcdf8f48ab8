"""Noun phrases without a parser: where a speaker's name or description starts and stops.

The cue finder reads the words next to a reporting verb as its subject. :func:`collect_left`
takes the noun phrase that ends at a token (``Sean Spicer``, ``a European official familiar
with the drafts``), :func:`collect_right` the one that starts at it (``said Gov. John Kasich``);
both stop at a verb, a clause word, a preposition that does not belong to the phrase ("the
mayor of Lisbon" keeps its "of"), or a quote. :func:`speakerlike` says whether a phrase can say
anything at all (a pronoun, a name, or a noun of person or body from the lexicon), and
:func:`head_index` finds its head, the last word before a post-modifier ("familiar with",
"of").

References:
    Asr, F. T. et al. (2021), "The Gender Gap Tracker", PLOS ONE 16(1): speaker noun phrases
    found by patterns around the reporting verb; this module does it with word lists instead of
    a dependency parse.
"""

from __future__ import annotations

import re

from .lexicon import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    MODALS,
    NAME_PREFIXES,
    PREPOSITIONS,
    PRONOUNS,
    TIME_LEADS,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
    Lexicon,
)
from .sentences import Tok

__all__ = [
    "collect_left",
    "collect_right",
    "common_word",
    "head_index",
    "np_internal_preposition",
    "skip_adverbials_left",
    "speakerlike",
]

_POSTMODIFIER_STARTS = frozenset("familiar close with who which that speaking briefed knowledgeable involved in at from".split())


def skip_adverbials_left(toks: list[Tok], i: int) -> int:
    """The first token left of ``toks[i]`` (inclusive) that is not an auxiliary, an adverb or a time ("said Friday")."""
    while i >= 0:
        t = toks[i]
        if t.q >= 0:
            return i
        if (t.low in AUXILIARIES and not (t.cap and i > 0 and t.low in MODALS)) or (t.low.endswith("ly") and t.text[0].islower() and len(t.low) > 4):
            i -= 1
        elif t.low in TIME_WORDS and i > 0 and toks[i - 1].low in TIME_LEADS:
            i -= 2
        elif t.low == "past" and i > 1 and toks[i - 1].low == "the" and toks[i - 2].low == "in":
            i -= 3
        elif t.low in TIME_WORDS and t.cap:
            i -= 1  # "said Friday"
        else:
            return i
    return i


def np_internal_preposition(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """Is ``toks[j]`` (of, for, to, with) inside a noun phrase: "the mayor of Lisbon", "adviser to"."""
    if j == 0:
        return False
    before = toks[j - 1]
    w = toks[j].low
    if w in ("of", "for"):
        return before.cap or before.low in lex.person_nouns or before.low in lex.anonymous_heads or before.low in lex.organisation_nouns
    if w in ("with", "to", "on", "about"):
        return before.low in ("familiar", "close", "knowledge", "briefed", "knowledgeable", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "lawyer", "attorney")
    return False


def collect_left(toks: list[Tok], i: int, lex: Lexicon, limit: int = 12) -> tuple[int, int] | None:
    """The noun phrase ending at ``toks[i]`` (token range), or None."""
    if i < 0 or toks[i].q >= 0:
        return None
    if toks[i].low in PRONOUNS:
        return (i, i + 1)
    j = i
    while j >= 0 and i - j < limit:
        t = toks[j]
        if t.q >= 0:
            break
        if t.word:
            if t.low in PREPOSITIONS:
                if j < i and np_internal_preposition(toks, j, lex):
                    j -= 1
                    continue
                break
            if t.low in CLAUSE_WORDS or t.low in PRONOUNS or (t.low in AUXILIARIES and not t.cap) or (t.low in TIME_WORDS and not t.cap):
                break
            if t.low in lex.verbs and not t.cap and j < i:
                break
            if j < i and not t.cap and t.low.endswith("ed") and toks[j + 1].low in DETERMINERS:
                break  # "The town released a statement saying": the verb's object is not its subject
        elif t.text == "." and j > 0 and (toks[j - 1].low in TITLE_ABBREVIATIONS or len(toks[j - 1].text) == 1):
            pass
        elif t.text == "&" and j < i:
            pass
        else:
            break
        j -= 1
    if j == i:
        return None
    a = j + 1
    while a <= i and toks[a].text in ".&":
        a += 1
    return (a, i + 1) if a <= i else None


def collect_right(toks: list[Tok], i: int, lex: Lexicon, limit: int = 10) -> tuple[int, int] | None:
    """The noun phrase starting at ``toks[i]`` (token range), or None."""
    if i >= len(toks) or toks[i].q >= 0 or not toks[i].word:
        return None
    if toks[i].low in PRONOUNS:
        return (i, i + 1)
    j = i
    seen_name = False
    while j < len(toks) and j - i < limit:
        t = toks[j]
        if t.q >= 0:
            break
        if t.word:
            if t.low in PREPOSITIONS:
                if j > i and t.low in ("of", "for", "to") and j + 1 < len(toks) and (toks[j + 1].cap or toks[j + 1].low in DETERMINERS) and np_internal_preposition(toks, j, lex):
                    j += 1
                    continue
                break
            if t.low in CLAUSE_WORDS or (t.low in PRONOUNS and j > i) or (t.low in AUXILIARIES and not t.cap):
                break
            if t.low in lex.verbs and not t.cap and not (j > i and (toks[j - 1].low in DETERMINERS or toks[j - 1].possessive)):
                break  # but "said the report", "wrote Trump's spokesman": a verb's form as a noun
            if j > i and not t.cap and (t.low.endswith("ed") or t.low.endswith("es")) and j + 1 < len(toks) and toks[j + 1].low in DETERMINERS:
                break  # "The town released a statement": a verb with its object
            if seen_name and not t.cap and not _noun_of_person_ahead(toks, j, lex) and not _agent_before_name(toks, j, lex):
                break  # "Trump said"; but "The California psychology professor" goes on to its noun
            if (j > i and not t.cap and t.low not in ("familiar", "close") and toks[j - 1].low in lex.person_nouns | lex.organisation_nouns | lex.anonymous_heads
                    and toks[j - 1].low not in ("former", "prime", "chief") and not (toks[j - 1].cap and _noun_of_person_ahead(toks, j, lex))):
                break  # "The president left no doubt": the phrase ends with its noun (but "State University professor Paul Beck" goes on)
            if t.cap and not t.possessive and t.low not in DETERMINERS and t.text not in NAME_PREFIXES and not common_word(t, lex):
                seen_name = True
        elif t.text == "." and j > i and (toks[j - 1].low in TITLE_ABBREVIATIONS or len(toks[j - 1].text) == 1) and j + 1 < len(toks) and toks[j + 1].cap:
            pass
        else:
            break
        j += 1
    return (i, j) if j > i else None


_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ant|ent|ian)$")


def _agent_before_name(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """Is ``toks[j]`` a noun of agent that a name follows ("Florida developer Mel Sembler", "Texas
    lawyer Ann Cole"): a description of the person whose name comes next?"""
    return (j + 1 < len(toks) and _AGENT_NOUN.match(toks[j].low) is not None and toks[j].low not in lex.verbs
            and toks[j + 1].cap and toks[j + 1].q < 0 and not common_word(toks[j + 1], lex))


def _noun_of_person_ahead(toks: list[Tok], j: int, lex: Lexicon, reach: int = 3) -> bool:
    """Do the lower-case words from ``toks[j]`` lead (within ``reach``) to a noun of person or body?"""
    nouns = lex.person_nouns | lex.organisation_nouns | lex.anonymous_heads
    for k in range(j, min(j + reach, len(toks))):
        t = toks[k]
        if t.low in nouns:
            return True
        if t.q >= 0 or not t.word or t.cap or t.low in lex.verbs or t.low in PREPOSITIONS or t.low in AUXILIARIES or t.low in CLAUSE_WORDS or t.low.endswith(("ed", "ing")):
            return False  # "Clinton paused and ...": a verb, not a modifier
    return False


def common_word(t: Tok, lex: Lexicon) -> bool:
    """A capitalised word that is a common word all the same ("Officials said", "The", "But")."""
    w = t.low
    return (
        w in DETERMINERS or w in CLAUSE_WORDS or w in PREPOSITIONS or (w in AUXILIARIES and w not in MODALS) or w in PRONOUNS
        or w in lex.anonymous_heads or w in lex.person_nouns or w in lex.organisation_nouns
    )


def speakerlike(toks: list[Tok], np: tuple[int, int], lex: Lexicon) -> bool:
    """Can this noun phrase say something: a pronoun, a name, or a noun of person or body?"""
    a, b = np
    head = head_index(toks, np, lex)
    h = toks[head]
    if h.low in PRONOUNS:
        return PRONOUNS[h.low] != "first"
    if h.cap and not h.possessive and not common_word(h, lex):
        return True
    w = h.low.rstrip("’'")
    return (w in lex.person_nouns or w in lex.anonymous_heads or w in lex.organisation_nouns
            or (w.endswith("s") and (w[:-1] in lex.person_nouns or w[:-1] in lex.organisation_nouns)))


def head_index(toks: list[Tok], np: tuple[int, int], lex: Lexicon) -> int:
    """The head of a noun phrase: its last word before a post-modifier ("familiar with", "of")."""
    a, b = np
    for j in range(a + 1, b):
        w = toks[j].low
        if w in _POSTMODIFIER_STARTS or w in ("of", "for", "to"):
            if w in ("of", "for", "to") and toks[j - 1].text in NAME_PREFIXES and j + 1 < b and toks[j + 1].cap:
                continue  # "Secretary of State John Kerry" (but "John McCain of Arizona" is McCain)
            return j - 1
        if toks[j].text == ",":
            return j - 1
    return b - 1
