"""The cue of a quote: the reporting verb that introduces it, and the noun phrase that is its speaker.

Inside the quote's sentence (quotes masked, so verbs inside them do not count), in this order of
preference:

- :func:`cue_after`: a reporting verb right after the quote with its subject (``,” he said``,
  ``,” said Mr Trump``, ``” Trump posted``);
- :func:`cue_before`: the nearest reporting verb before the quote with its subject (``Okafor told
  CBS that Moscow was “ready ...”``), where a participle (``adding``, ``saying``, ``Warning that
  ...,``) takes the subject of its clause; a name and a colon with no verb is a cue too
  (``PENCE: “...``);
- :func:`cue_parenthetical`: a parenthetical attribution later in the sentence (``..., the
  Kremlin said, ...``) or ``according to X``;
- :func:`cue_unlisted`: when none of these finds a cue, a verb the lexicon does not list where the
  sentence's shape leaves no doubt (``“...,” he rhymed.``); its ``verb_lemma`` is the word as written.

Each cue has a score; the quote takes the best. :func:`subject_of` finds the subject of a verb
(through appositions, "who" clauses, coordinated verbs and participles), :func:`sentence_subject`
the first noun phrase of a sentence after an introductory clause.

References:
    Pareti, S. (2016), "PARC 3.0: A Corpus of Attribution Relations", LREC; Newell, Margolin &
    Ruths (2018), "An Attribution Relations Corpus for Political News" (PolNeAR), LREC: the
    source-cue-content model of an attribution used here. Asr, F. T. et al. (2021), "The Gender
    Gap Tracker", PLOS ONE 16(1): the syntax patterns for quote and speaker extraction in news,
    adapted here without a parser. Newell, C. et al. (2018), "Quote Extraction and Analysis for
    News" (Citron, BBC R&D), DSJM.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import AUXILIARIES, CLAUSE_WORDS, DETERMINERS, DOCUMENT_NOUNS, INVERTING, NAME_PREFIXES, PREPOSITIONS, PRONOUNS, TIME_WORDS, TITLE_ABBREVIATIONS, Lexicon
from .phrases import np_internal_preposition, collect_left, collect_right, common_word, head_index, skip_adverbials_left, speakerlike
from .sentences import Sentence, Tok
from ..corpus.people import first_names

__all__ = [
    "Cue",
    "cue_after",
    "cue_before",
    "cue_parenthetical",
    "cue_unlisted",
    "sentence_subject",
    "subject_of",
]


@dataclass
class Cue:
    """Where a quote's attribution is in its sentence: the verb, the speaker's noun phrase, the place, a score."""

    verb: tuple[int, int, str] | None  # (token index, length, lemma) in the sentence
    np: tuple[int, int] | None  # token range of the speaker's noun phrase in the sentence
    how: str  # after, before, parenthetical, according
    score: float


def subject_of(s: Sentence, vi: int, lex: Lexicon, depth: int = 0) -> tuple[int, int] | None:
    """The subject noun phrase of the verb at token ``vi``."""
    toks = s.toks
    verb = s.verb_at(vi)
    lemma = verb[2] if verb else ""
    if lemma == "according to":
        return collect_right(toks, vi + verb[1], lex)
    if lemma == "quote":  # "was quoted as saying": the subject of "was"
        j = skip_adverbials_left(toks, vi - 1)
        np = collect_left(toks, j, lex)
        if np:
            return np
    if lemma in INVERTING and (vi == 0 or toks[vi - 1].text in ",—–"):
        # "The paradox of Nancy, says Carl Anthony, historian ..., is that ..."
        np = collect_right(toks, vi + (verb[1] if verb else 1), lex)
        if np and toks[np[0]].cap and speakerlike(toks, np, lex) and (np[1] >= len(toks) or toks[np[1]].text in ",.;"):
            return np
    i = skip_adverbials_left(toks, vi - 1)
    if i >= 0 and toks[i].text == ")":
        while i >= 0 and toks[i].text != "(":
            i -= 1
        i = skip_adverbials_left(toks, i - 1)
    participle = toks[vi].low.endswith("ing")
    if participle and i >= 1:
        # "..., with many marchers and spectators chanting “...”": the noun phrase after "with" is the subject
        w = next((x for x in range(i, max(i - 8, -1), -1) if toks[x].low == "with" or not (toks[x].word or toks[x].text in "-’'")), None)
        if w is not None and w < i and toks[w].low == "with" and (speakerlike(toks, (w + 1, i + 1), lex) or toks[i].low.endswith("s") and not toks[i].cap) and not any(s.verb_at(x) for x in range(w + 1, i + 1)):
            return (w + 1, i + 1)
    if participle:
        # "..., saying", "released a statement saying": the clause's subject, unless a name
        # stands right before it ("footage of Trump saying")
        np = collect_left(toks, i, lex) if i >= 0 and toks[i].word else None
        if np and toks[np[1] - 1].cap and not toks[np[1] - 1].possessive and not common_word(toks[np[1] - 1], lex):
            m = lex.register.head(" ".join(t.text for t in toks[np[0] : np[1]]))
            person = lex.register.info(m.canonical).get("kind") == "person" if m else sum(t.cap for t in toks[np[0] : np[1]]) >= 2
            if person:
                return np  # "footage of Trump saying", but not "on Facebook writing"
        return _fallback_subject(s, vi, lex, depth)
    if i >= 0 and toks[i].low in ("who", "which") and i >= 2 and toks[i - 1].text == ",":
        # "Beck, who has in the past described Trump as ...": the noun phrase before ", who"
        np = collect_left(toks, i - 2, lex)
        if np and np[0] >= 2 and toks[np[0] - 1].low in ("with", "at", "for", "of", "from") and toks[i].low == "who":
            # "Vale, an economist with the Policy Institute, who says": the person the apposition describes
            role = collect_left(toks, np[0] - 2, lex)
            if role and role[0] >= 2 and toks[role[0] - 1].text == "," and toks[role[0]].low in ("a", "an", "the"):
                name = collect_left(toks, role[0] - 2, lex)
                if name and speakerlike(toks, name, lex) and (_at_boundary(toks, name[0]) or any(v[0] + v[1] == name[0] for v in s.verbs)):
                    return name
            if role and speakerlike(toks, role, lex):
                return role
        if np and speakerlike(toks, np, lex):
            return np
    if i >= 0 and toks[i].text == ",":
        # "Sean Spicer, chief strategist for the RNC, said": the noun phrase before the apposition
        j = i - 1
        while j >= 0 and i - j < 16 and toks[j].text != "," and toks[j].q < 0 and (toks[j].low not in CLAUSE_WORDS or toks[j].low in ("who", "which", "and")):
            j -= 1
        middle_ok = j >= 0 and i - j > 1 and not any(s.verb_at(x) or toks[x].q >= 0 for x in range(j + 1, i)) and (
            toks[j + 1].low not in CLAUSE_WORDS or toks[j + 1].low in ("who", "which")
        )
        first = 0
        while first < len(toks) and toks[first].low in ("but", "and", "so", "yet"):
            first += 1
        initial = collect_right(toks, first, lex)
        if (
            initial and initial[1] < i and toks[initial[1]].text == "," and speakerlike(toks, initial, lex)
            and any(toks[x].cap and not common_word(toks[x], lex) for x in range(*initial))
            and not (s.verbs and s.verbs[0][0] < vi)
        ):
            return initial  # "Clinton, during a town hall meeting in Columbus, Ohio, said"
        head = None  # "Sean Spicer, chief strategist for the RNC, said": the name before the apposition
        if j >= 0 and toks[j].text == "," and middle_ok:
            np = collect_left(toks, j - 1, lex)
            if np and speakerlike(toks, np, lex) and _at_boundary(toks, np[0]):
                head = np
        # "Gov. John Kasich (R-OH), said": the noun phrase just before a stray comma
        k = i - 1
        if k >= 0 and toks[k].text == ")":
            while k > 0 and toks[k].text != "(":
                k -= 1
            k -= 1
        near = collect_left(toks, k, lex)
        if near and not (speakerlike(toks, near, lex) and _at_boundary(toks, near[0])):
            near = None
        if head and any(toks[x].cap and not common_word(toks[x], lex) for x in range(*head)):
            return head
        if near and any(toks[x].cap and not common_word(toks[x], lex) for x in range(*near)):
            return near
        if head or near:
            return head or near
        return _fallback_subject(s, vi, lex, depth)
    if i < 0 or toks[i].q >= 0 or toks[i].low in ("and", "but", "or") or toks[i].text in ":;—–(" :
        return _fallback_subject(s, vi, lex, depth)
    if i >= 1 and toks[i].low in ("that", "which", "who") and toks[i - 1].word:
        np = collect_left(toks, i - 1, lex)  # "a headline that said", "it was Obama who pressed"
        if np and speakerlike(toks, np, lex):
            return np
    np = collect_left(toks, i, lex)
    if np is None:
        return _fallback_subject(s, vi, lex, depth)
    if np[0] >= 2 and toks[np[0] - 1].low == "by" and toks[np[0] - 2].low.endswith(("ed", "en")):
        # "A Feb. 1 letter from the American Legion obtained by The Associated Press warns"
        np2 = collect_left(toks, np[0] - 3, lex)
        if np2 and speakerlike(toks, np2, lex):
            return np2
    if not speakerlike(toks, np, lex):
        # "a White House official who spoke anonymously to discuss internal strategy said"
        for w in range(np[0] - 1, max(np[0] - 14, -1), -1):
            t = toks[w]
            if t.q >= 0 or t.text in ".;:!?":
                break
            if t.low in ("who", "that") and w > 0:
                k = w - 2 if toks[w - 1].text == "," else w - 1
                np2 = collect_left(toks, k, lex)
                if np2 and speakerlike(toks, np2, lex):
                    return np2
                break
    return np


def _at_boundary(toks: list[Tok], a: int) -> bool:
    """Does a noun phrase starting at ``a`` start a clause (sentence start, comma, quote, "who")?"""
    return a == 0 or toks[a - 1].text in ",:;(—–" or toks[a - 1].q >= 0 or toks[a - 1].low in CLAUSE_WORDS


def _fallback_subject(s: Sentence, vi: int, lex: Lexicon, depth: int) -> tuple[int, int] | None:
    """Subject of a participle or a coordinated verb: the previous verb's, or the sentence's."""
    if depth > 2:
        return None
    first = 0
    while first < len(s.toks) and (s.toks[first].low in ("but", "and", "so", "yet") or s.toks[first].text in "“‘\"'(—–,"):
        first += 1
    if vi == first and s.toks[vi].low.endswith(("ing", "ed")):
        return sentence_subject(s, lex)  # "Warning that ..., Mr Johnson accused ..."
    # "..., he looked into the camera, furrowed his brow and said": the nearest pronoun or name
    # that starts a clause
    toks = s.toks
    before = skip_adverbials_left(toks, vi - 1)
    coordinated = before >= 0 and toks[before].low in ("and", "but", "or")
    for w in range(vi - 1, max(vi - 1 - _REACH, -1), -1) if coordinated else ():
        t = toks[w]
        if t.q >= 0:
            break
        clause_start = w == 0 or toks[w - 1].text in ",:;(—–" or toks[w - 1].q >= 0 or (toks[w - 1].low in CLAUSE_WORDS and toks[w - 1].low not in ("and", "or", "but", "nor"))
        opener = t.low in _INTRO_WORDS or t.low in TIME_WORDS or t.low in ("hours", "minutes") or t.low.endswith(("ly", "ing", "ed"))  # "Hastily ...", "Asked whether ...", "Outside the arena"
        if clause_start and (t.low in ("he", "she", "they") or (t.cap and not opener and not common_word(t, lex) and t.text not in NAME_PREFIXES)):
            np = (w, w + 1) if t.low in PRONOUNS else collect_right(toks, w, lex)
            if np and speakerlike(toks, np, lex):
                return np
    for v in s.verbs_before(vi, reach=_REACH, most=_EARLIER_VERBS):
        np = subject_of(s, v[0], lex, depth + 1)
        if np and speakerlike(s.toks, np, lex):
            return np
    return sentence_subject(s, lex, before=vi)


# How far back the subject of a coordinated verb or a participle is looked for: tokens, and earlier
# reporting verbs whose subject it may share. News sentences stay well inside these bounds; they keep
# the work linear on pathological text (one "sentence" of thousands of tokens and verbs).
_REACH = 80
_EARLIER_VERBS = 4


_INTRO_WORDS = frozenset(
    "in on at after before when while as since with without despite amid following during asked speaking "
    "arriving accusing warning according for from under over by if although though once until here there "
    "now today yesterday tonight instead overall still later earlier last this next where because unless "
    "whether whenever back perhaps maybe outside inside behind beyond throughout minutes hours days weeks months "
    "moments".split()
)


def _after_dateline(s: Sentence) -> int:
    """The first token after a dateline that opens the sentence ("WASHINGTON, Dec. 8 (Agency) —",
    "JACKSON, Miss. -"): a place in capitals, a few words with no verb, then a dash; else 0."""
    toks = s.toks
    if toks and toks[0].word and toks[0].cap and not toks[0].text.isupper():
        # "Springfield (AFP) –": a place in title case, an agency in brackets, a dash
        k = 1
        while k < min(len(toks), 4) and toks[k].word and toks[k].cap:
            k += 1
        if k + 3 < len(toks) and toks[k].text == "(" and toks[k + 1].word and toks[k + 1].text.isupper() and toks[k + 2].text == ")" and toks[k + 3].text in ("—", "–", "-", "--"):
            return k + 4
        return 0
    if not toks or not toks[0].word or not toks[0].text.isupper() or len(toks[0].text) < 3:
        return 0
    k = 1
    while k < len(toks) and toks[k].word and toks[k].text.isupper():
        k += 1
    if k >= len(toks) or toks[k].text not in (",", "(", "—", "–", "-", "--"):
        return 0  # "GOP front-runner Donald Trump - who ...": capitals that open a phrase, not a place
    for d in range(1, min(len(toks), 14)):
        if toks[d].text in ("—", "–", "-", "--"):
            return d + 1 if d + 1 < len(toks) and toks[d + 1].text not in ("-", "—", "–") else min(d + 2, len(toks))
        if toks[d].q >= 0 or s.verb_at(d) or toks[d].text in ("!", "?", ";", ":"):
            return 0
    return 0


def sentence_subject(s: Sentence, lex: Lexicon, before: int | None = None, *, documents: bool = False) -> tuple[int, int] | None:
    """The sentence's first noun phrase, after an introductory clause ("On Friday, ..."); with
    ``documents``, a document's too ("The post showed ...", what a later "it reads" stands for)."""
    toks = s.toks
    i = _after_dateline(s)
    while i < len(toks) and (toks[i].low in ("but", "and", "so", "yet", "however", "meanwhile", "still", "also") or toks[i].text in ",“‘\"'(—–"):
        i += 1
    if i + 1 < len(toks) and toks[i].low.endswith("ly") and len(toks[i].low) > 5 and (toks[i + 1].text == "," or (toks[i + 1].word and not toks[i + 1].cap and toks[i + 1].low not in lex.verbs)):
        i += 1  # "Hastily politicizing the tragedy, Trump ...", "Shortly after the call, ..."
        if i < len(toks) and toks[i].text == ",":
            i += 1
    j = next((x for x in range(i, min(i + 9, len(toks))) if toks[x].text == ","), None)
    if j is not None and j > i and toks[j - 1].low in ("ago", "earlier", "later") and not any(toks[x].q >= 0 or s.verb_at(x) for x in range(i, j)):
        i = j + 1  # "Just a few months ago, Florida developer Mel Sembler ...", "Two days later, ..."
    for _ in range(3):  # "On Thursday, after remaining neutral ..., Warren appeared ..."
        if not (i < len(toks) and (toks[i].low in _INTRO_WORDS or toks[i].low.endswith("ing"))):
            break
        j = i
        while j < len(toks) and toks[j].text != "," and not (toks[j].q >= 0 and toks[j].low[-1] == ","):
            j += 1  # (a quote that ends with its own comma closes the introduction: When X called it "Y," Z ...)
        if toks[i].low in _PLAIN_PREPOSITIONS:
            # "At one point he went off-script, riffing ...": a phrase of place or time with no
            # comma of its own ends where a subject pronoun and its verb start
            k = next((x for x in range(i + 1, min(j, len(toks) - 1)) if toks[x].low in ("he", "she", "they", "we") and toks[x + 1].word), None)
            if k is not None:
                i = k
                break
        if j >= len(toks) or j - i > 30:
            return None
        i = j + 1
        # "in Dimondale, Michigan, he ...": a place's second part closes the introduction too
        if (i + 2 < len(toks) and j >= 2 and toks[j - 2].low in ("in", "at", "from", "near") and toks[j - 1].cap
                and toks[i].cap and toks[i + 1].text == "," and toks[i].low not in PRONOUNS
                and (toks[i + 2].low in ("he", "she", "they", "we", "the", "a", "an") or toks[i + 2].low in _INTRO_WORDS)):
            i += 2
        elif i + 3 < len(toks) and j >= 2 and toks[j - 2].low in ("in", "at", "from", "near") and toks[j - 1].cap:
            # "in Salem, New Hampshire, Trump went after ...": a place's second part of two or three
            # capitalised words (no first name among them) before a name or a pronoun
            k = i
            while k < min(len(toks), i + 3) and toks[k].word and toks[k].cap and toks[k].low not in PRONOUNS:
                k += 1
            if (k - i >= 2 and k + 1 < len(toks) and toks[k].text == "," and toks[i].text not in first_names()
                    and (toks[k + 1].low in ("he", "she", "they", "we") or toks[k + 1].cap and toks[k + 1].word)):
                i = k + 1
    if before is not None and i >= before:
        return None
    np = collect_right(toks, i, lex)
    if np and (speakerlike(toks, np, lex) or documents and toks[head_index(toks, np, lex)].low in DOCUMENT_NOUNS):
        return np
    return None


# Introductions that are a preposition's phrase, not a clause ("At one point", "On Friday"; but "After he spoke, ...")
_PLAIN_PREPOSITIONS = frozenset("at in on during for from under over by with without despite amid following".split())

_NP_OPENERS = frozenset("a an the his her their its our my your one two three four five another some several many".split())


def _np_word(t: Tok, lex: Lexicon) -> bool:
    """Can this token be part of a speaker's name or description ("the independent Vermont senator")?"""
    if t.q >= 0:
        return False
    if not t.word:
        return t.text in ".&-’'"
    w = t.low
    if w in ("of", "for", "and"):
        return True
    if w in PREPOSITIONS or w in CLAUSE_WORDS or w in AUXILIARIES or w in PRONOUNS:
        return False
    return t.cap or w not in lex.verbs


def cue_after(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """``,” he said`` / ``,” said Mr Trump`` / ``” Trump posted`` right after the quote."""
    toks = s.toks
    j = qi + 1
    broken = toks[qi].low[-1] in ",.!?…;:—–-’'\")]"  # the quote ends with punctuation, as a reported sentence does
    if j < len(toks) and toks[j].text in ",—–-":
        j += 1
        broken = True
    if j < len(toks) and not broken:
        broken = _name_and_verb(s, j, lex)  # “... battle of niches” Grubbs said.  “...” said Nick Merrill.
    if j >= len(toks) or not broken:
        return None
    sentence_end = toks[qi].low[-1] in ".!?…"
    v = s.verb_at(j)
    if v is not None and v[2] in INVERTING:
        np = collect_right(toks, j + v[1], lex)
        if np and (toks[np[0]].cap or toks[np[0]].low in _NP_OPENERS or speakerlike(toks, np, lex)):
            return Cue(v, np, "after", 3.4 if toks[qi].low.rstrip("”’\"'")[-1:] == "," else 3.0)  # "” said the designer, who ..."
        return None
    # "” the moderator said", "” Mr. Guerrero, who is an actor, said of ...": everything between
    # the quote and the verb is the speaker (a name, perhaps with an apposition after a comma)
    first = toks[j]
    if not (first.word and (first.low in _NP_OPENERS or first.low in PRONOUNS or (_np_word(first, lex) and first.low not in ("and", "of", "for")))):
        return None
    k = j
    while k + 1 < min(len(toks), j + 26):
        k += 1
        t = toks[k]
        if t.text == "(":  # "” Rep. Jim McDermott (D-Wash.) said."
            while k + 1 < len(toks) and toks[k].text != ")" and toks[k].q < 0:
                k += 1
            continue
        abbreviation = toks[k - 1].low in TITLE_ABBREVIATIONS or len(toks[k - 1].text) <= 2 or (k + 1 < len(toks) and toks[k + 1].text == ",") or (
            k + 1 < len(toks) and toks[k - 1].end == t.start and t.end == toks[k + 1].start)  # "fivethirtyeight.com"
        if t.q >= 0 or t.text in ";:!?()" or (t.text == "." and not abbreviation):
            return None
        vk = s.verb_at(k)
        if vk is not None:
            if toks[k].low.endswith("ing"):
                return None
            after = k + vk[1]
            if after + 1 < len(toks) and toks[after + 1].q >= 0 and (toks[after].text == ":" or sentence_end and toks[after].text == ","):
                return None  # “...” Trump replied, “...”, “...,” Trump said: “...”: the verb introduces the next quote
            if toks[qi].low.rstrip("”’\"'")[-1:] == "." and after < len(toks) and _complement_starts(toks[after], lex):
                return None  # “... I think he will.” Rep. Vale said Ruiz called ...: a new sentence with its own report
            end = skip_adverbials_left(toks, k - 1) + 1
            head_end = next((x for x in range(j, end) if toks[x].text in ",("), end)
            last_comma = max((x for x in range(j, end) if toks[x].text == ","), default=-1)
            if last_comma >= 0:
                tail = (last_comma + 1, end)
                if tail[1] - tail[0] == 1 and toks[tail[0]].low in PRONOUNS or (
                    tail[1] > tail[0] and all(toks[x].cap and not common_word(toks[x], lex) or toks[x].text == "." for x in range(*tail))
                    and not all(toks[x].cap for x in range(j, head_end))
                ):
                    return Cue(vk, tail, "parenthetical", 3.0)  # "good" job, he said
            if toks[j].low.endswith("ing") and not toks[j].cap:
                return None
            if head_end <= j or (toks[j].low in PRONOUNS and head_end > j + 1):
                return None
            if not (head_end == j + 1 and toks[j].low in PRONOUNS) and not all(
                _np_word(toks[x], lex) or (x > j and (np_internal_preposition(toks, x, lex) or toks[x - 1].low in ("with", "to", "of") and toks[x].low in DETERMINERS))
                or x > j and _place_in_np(toks, x, head_end)
                or _noun_after_determiner(s, x)  # ” the report concluded: a verb's form used as a noun
                for x in range(j, head_end)
            ):  # "one source familiar with the campaign told"
                return None
            if any(toks[x].low in ("and", "but") for x in range(j, head_end)) and not speakerlike(toks, (j, head_end), lex):
                return None
            # a quote that ends with its own comma hands the sentence to this attribution
            # (Nothing the president said “will assuage fears,” the senator said.)
            # (only a short attribution: "the senator said.", not a clause of its own, "the club ... charged a fee")
            short = after >= len(toks) or toks[after].text in ".,;" or toks[after].low in PREPOSITIONS
            return Cue(vk, (j, head_end), "after", 3.4 if short and toks[qi].low.rstrip("”’\"'")[-1:] == "," else 3.0)
    return None


def _place_in_np(toks: list[Tok], x: int, end: int) -> bool:
    """Is ``toks[x]`` the preposition (or its determiner) of a phrase of place inside the speaker's
    noun phrase after a quote ("” a voice-over in the ad states", "” a staffer in the room wondered")?"""
    if toks[x].low in ("in", "at", "from"):
        return x + 2 < end and toks[x + 1].low in DETERMINERS and not toks[x - 1].cap
    return toks[x - 1].low in ("in", "at", "from") and toks[x].low in DETERMINERS and _place_in_np(toks, x - 1, end)


def _complement_starts(t: Tok, lex: Lexicon) -> bool:
    """Does the word after a verb of speech open what it reports ("said Ruiz called", "said he",
    "said that", "said both ..."), rather than end the attribution or add a phrase of place, time or
    audience ("said.", "said on Monday", "told reporters")?"""
    if not t.word:
        return False
    return t.low == "that" or t.low in PRONOUNS or t.low in DETERMINERS or (t.cap and t.low not in TIME_WORDS)


def cue_unlisted(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """A verb of speech the lexicon does not list, where the shape of the sentence leaves no doubt
    that it attributes the quote: a quote that ends with its own comma and then a pronoun or a name
    and one past-tense word to the end of the sentence (``“...,” he rhymed.``), or a name and one
    past-tense word and a comma right before a quote that opens with a capital (``Vale ladded, “...``).
    Tried only when no listed verb gives the quote a cue."""
    toks = s.toks

    def unlisted_past(t: Tok) -> bool:
        return t.word and not t.cap and t.low.endswith("ed") and len(t.low) > 4 and t.low not in lex.verbs

    def name_run(a: int) -> int:
        if a < len(toks) and toks[a].low in ("he", "she", "they"):
            return a + 1
        b = a
        while b < len(toks) and b - a < 4 and toks[b].cap and not common_word(toks[b], lex) and toks[b].text not in NAME_PREFIXES:
            b += 1
        return b if b > a else -1

    if toks[qi].low.rstrip("”’\"'")[-1:] == ",":
        end = name_run(qi + 1)
        if end > 0 and end < len(toks) and unlisted_past(toks[end]) and (end + 1 >= len(toks) or toks[end + 1].text in ".!?"):
            return Cue((end, 1, toks[end].low), (qi + 1, end), "after", 1.0)
    if qi >= 3 and toks[qi - 1].text == "," and unlisted_past(toks[qi - 2]) and toks[qi].low[2:3].isupper():
        a = qi - 3
        while a > 0 and toks[a - 1].cap and not common_word(toks[a - 1], lex) and qi - 3 - a < 3:
            a -= 1
        if toks[a].cap and not common_word(toks[a], lex) and _at_boundary(toks, a) or toks[qi - 3].low in ("he", "she", "they") and (a := qi - 3) >= 0:
            return Cue((qi - 2, 1, toks[qi - 2].low), (a, qi - 2), "before", 1.0)
    return None


def _noun_after_determiner(s: Sentence, x: int) -> bool:
    """A word that has a verb's form but stands as a noun after a determiner or a possessive
    ("the report", "a statement", "Trump's tweet"), perhaps with adjectives between ("the
    congressional report", "a joint statement"): the verb finder did not take it as a verb."""
    toks = s.toks
    if not (x > 0 and s.verb_at(x) is None and toks[x].word and not toks[x].cap):
        return False
    k = x - 1
    while k > 0 and x - k <= 3 and toks[k].word and not toks[k].cap and toks[k].low not in DETERMINERS and s.verb_at(k) is None and not toks[k].possessive:
        k -= 1  # the adjectives between
    return toks[k].low in DETERMINERS or toks[k].possessive


# words that open a phrase of time or circumstance after "X said" ("said after an event", "said while ...")
_AFTER_SAID = frozenset("after before while when yesterday today tonight earlier later last".split())


def _name_and_verb(s: Sentence, j: int, lex: Lexicon) -> bool:
    """Does a quote that ends with no punctuation of its own still end where its attribution
    starts: a name of at most four words and a reporting verb (``Grubbs said``), or the verb and
    a name (``said Nick Merrill``), then the end of the sentence or a comma (after ``Grubbs said``
    also a phrase of time or place: ``Grubbs said after an event``)?"""
    toks = s.toks

    def name_run(k: int) -> int:
        start = k
        while k < len(toks) and k - start < 5 and (toks[k].cap and not common_word(toks[k], lex) or toks[k].text == "." and k > start):
            k += 1
        return k if k > start else -1

    def closes(k: int) -> bool:
        return k >= len(toks) or toks[k].text in ".,;"

    v = s.verb_at(j)
    if v is not None and v[2] in INVERTING:
        end = name_run(j + v[1])
        return end > 0 and closes(end)
    end = name_run(j)
    if end < 0:
        return False
    v = s.verb_at(end)
    if v is None or toks[end].low.endswith("ing"):
        return False
    after = end + v[1]
    # the verb may be followed by a phrase of time or place ("Grubbs said after an event on Monday.")
    return closes(after) or toks[after].low in PREPOSITIONS or toks[after].low in TIME_WORDS or toks[after].low in _AFTER_SAID


def cue_before(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """The nearest reporting verb before the quote in its sentence, and its subject.

    A verb that introduces the quote directly (``said: “``, ``responds to Mills with, “``)
    outranks an attribution after the quote; a speaker's name and a colon with no verb
    (``Mark Blumenthal and Jon Cohen: “...”``, a transcript's ``PENCE: “...``) is a cue too.
    """
    toks = s.toks
    label = _label(s, qi, lex)
    nearest = s.verbs_before(qi, reach=10**9, most=1)
    if label is not None and (not nearest or toks[label.np[0] - 1].text in "-—–"):
        return label  # "But polls did predict it - HuffPollster: “...”": the name after the dash, not the verb before
    for v in nearest:
        if qi - v[0] > 40:
            return None
        if v[2] == "ask" and v[0] + 1 < qi and toks[v[0] + 1].low == "by":
            asker = collect_right(toks, v[0] + 2, lex)  # "Asked by Justice Samuel Alito “can the mandate ...?”"
            if asker and speakerlike(toks, asker, lex) and qi - asker[1] <= 1:
                return Cue(v, asker, "before", 3.5)
        np = subject_of(s, v[0], lex)
        if np is None:
            return Cue(v, None, "before", 0.5)
        can_speak = speakerlike(toks, np, lex)
        if not can_speak and v[2] in ("call", "dub", "label", "brand"):
            return None  # "a popular play called “...”": naming, not speech
        score = 2.0 if can_speak else 0.8
        between = toks[v[0] + v[1] : qi]
        outer = _outer_clause(s, v, np, qi, lex)
        if outer is not None and not (between and between[-1].text == ":"):
            v, np = outer  # "Rep. Vale said Ms Ruiz urged members to be “closely coordinated.”": Vale's report
            between = toks[v[0] + v[1] : qi]
        if any(t.q >= 0 for t in between):
            score -= 0.3
        elif can_speak and between and (between[-1].text in ":," or between[-1].low == "that") and len(between) <= 5:
            score = 3.5
        elif can_speak and toks[qi].low[2:3].islower():
            score = 3.2  # a phrase inside the reporter's sentence belongs to the verb that frames it
        return Cue(v, np, "according" if v[2] == "according to" else "before", score)
    return None


def _label(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """A speaker's name and a colon with no verb, at the start of the sentence or after a dash
    (``Mark Blumenthal and Jon Cohen: “...”``, a transcript's ``PENCE: “...``, ``... - Pollster: “...``)."""
    toks = s.toks
    if qi >= 2 and toks[qi - 1].text == ":":
        j = qi - 2
        if toks[j].text == ")":  # "Rep. Trey Gowdy (R-S.C.): “...”"
            while j > 0 and toks[j].text != "(":
                j -= 1
            j -= 1
        np = collect_left(toks, j, lex)
        if np and (np[0] == 0 or toks[np[0] - 1].text in "-—–") and speakerlike(toks, np, lex):
            return Cue(None, np, "label", 2.5)
    return None


def _outer_clause(s: Sentence, v: tuple[int, int, str], np: tuple[int, int], qi: int, lex: Lexicon) -> tuple[tuple[int, int, str], tuple[int, int]] | None:
    """The attribution a verb's clause is reported in: the verb ``v`` (subject ``np``) stands in
    the complement of an earlier verb of speech whose subject can speak ("Vale said Ruiz called
    on ...", "the senator said he rarely asks ..."): that earlier verb and its subject, else None."""
    toks = s.toks
    for v0 in s.verbs_before(np[0], reach=40, most=2):
        end = v0[0] + v0[1]
        if end < np[0] and toks[end].low == "that":
            end += 1
        elif end < np[0] - 1 and np[0] - end <= 8 and toks[np[0] - 1].low == "that" and all(
            t.q < 0 and t.text not in ";:—–(" for t in toks[end : np[0]]
        ):
            end = np[0]  # "said in her opening remarks that the platform should ...", "said he expected that X will say"
        if end != np[0]:
            continue
        if v0[2] not in lex.clause or v0[2] == "according to" or any(t.q >= 0 for t in toks[v0[0] : qi]):
            return None
        np0 = subject_of(s, v0[0], lex)
        if np0 is None or np0[1] > v0[0] or not speakerlike(toks, np0, lex):
            return None
        return v0, np0
    return None


def _clause_break_before(s: Sentence, qi: int) -> bool:
    """Is the quote at ``qi`` in a clause of its own, apart from any reporting verb before it in
    the sentence (a comma, a semicolon or a dash between the nearest such verb and the quote)?"""
    toks = s.toks
    nearest = s.verbs_before(qi, reach=10**9, most=1)
    if not nearest:
        return True
    v = nearest[0]
    return any(t.text in ",;—–" for t in toks[v[0] + v[1] : qi - 1])


def cue_parenthetical(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """``..., the Kremlin said, ...`` or ``..., according to X.`` later in the quote's sentence."""
    toks = s.toks
    for v in s.verbs:
        k, n, lemma = v
        if k <= qi:
            continue
        if lemma == "according to":
            if toks[k - 1].text == "," or k == qi + 1:
                np = collect_right(toks, k + n, lex)
                if np and speakerlike(toks, np, lex):
                    # right after the quote (“...,” according to X) it outranks a verb of an earlier
                    # clause of the sentence; a verb whose own clause holds the quote keeps it
                    # ("Vale told reporters the talks were “useful”, according to a news agency")
                    right_after = k == qi + 1 or (k == qi + 2 and toks[qi + 1].text == ",")
                    return Cue(v, np, "according", 3.3 if right_after and _clause_break_before(s, qi) else 1.6)
            continue
        if lemma in INVERTING and toks[k - 1].text in ",—–" and k + n < len(toks):
            np = collect_right(toks, k + n, lex)  # "..., said David Wasserman, an analyst."
            if np and toks[np[0]].cap and speakerlike(toks, np, lex) and (np[1] >= len(toks) or toks[np[1]].text in ",.;—–"):
                return Cue(v, np, "parenthetical", 1.5)
        np = subject_of(s, k, lex)
        if np is None or not speakerlike(toks, np, lex):
            continue
        if np[0] == 0 or toks[np[0] - 1].text not in ",—–(":
            continue
        end = k + n
        if end < len(toks) and (toks[end].low in PREPOSITIONS or toks[end].low in TIME_WORDS or toks[end].low in ("reporters", "in", "on", "at")):
            # "..., Clinton said at a Fox News town hall on Monday, “...”": a short phrase of place or time
            while end < len(toks) and end - (k + n) < 9 and toks[end].q < 0 and toks[end].text not in ",.;—–)!?:" and toks[end].low not in CLAUSE_WORDS and toks[end].low not in lex.verbs:
                end += 1
        if end >= len(toks) or toks[end].text in ",.;—–)!?":
            return Cue(v, np, "parenthetical", 1.5)
    return None
