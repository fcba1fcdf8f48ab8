"""Quotes in one text: the passages inside quotation marks, who said them, and with which verb.

This module works on plain strings, one article at a time, with no corpus object, so that the
same function can run over tens of thousands of articles (``analysis.sourcing`` maps it over a
corpus). Everything it needs (the reporting verbs, the vague-sourcing word lists, the register)
is loaded once by :func:`load_lexicon` and reused.

How a quote is found:

1. **Quote marks.** Curly (“ ” ‘ ’), straight (" ') and low or angled marks („ « ») are read by
   their neighbours, not only by their shape: a mark with a space before it and a letter after
   it opens, a mark after a letter or punctuation with a space after it closes. So AFP's slip
   ``agreed to,“ he said`` closes the quote, and The Independent's ``to “finish it off.” Most
   of ...`` opens a quote inside the quote (a stack pairs them, so the outer quote runs on to
   its own closing mark). Apostrophes inside words (``Trump’s``) are never marks.
2. **Paragraphs.** A quote never runs past the end of its paragraph. A paragraph that ends
   inside a quote continues it only when the next paragraph opens with a quote mark (the
   printers' convention for a quote of several paragraphs); otherwise the unclosed quote ends
   with its sentence. Stray marks therefore cannot swallow the rest of an article.
3. **The cue and the speaker.** Inside the quote's sentence (quotes masked, so verbs inside
   them do not count), in this order of preference: a reporting verb right after the quote with
   its subject (``,” he said``, ``,” said Mr Trump``, ``” Trump posted``); the nearest reporting
   verb before the quote with its subject (``Lavrov told CBS that Moscow was “ready ...”``),
   where a participle (``adding``, ``saying``, ``Warning that ...,``) takes the subject of its
   clause; a parenthetical attribution later in the sentence (``..., the Kremlin said, ...``);
   ``according to X``. A quote with no cue of its own takes the speaker of the quote it
   continues (``“...,” he said. “...”``, or the next paragraph), or of the previous paragraph's
   quote when its paragraph holds nothing but quotes.
4. **Who that is.** A pronoun is the person last quoted (or named as a sentence's subject) in
   the same or the two previous paragraphs; a definite description ("the official", "the
   agency") is the earlier speaker or register entry with the same head noun, or, for a noun of
   person ("the former boxer"), the person last quoted; names and roles go through the register
   (one canonical name for every variant); a name not in the register is completed from its
   fullest form in the same article ("Merkley" -> "Jeff Merkley"). When none of this gives an
   answer the speaker stays empty.
5. **Kind.** ``direct`` when the quote stands as the speaker's own sentence (set off by a colon,
   a comma, a verb or the start of a sentence, and starting with a capital; or holding several
   sentences), ``partial`` for a quoted phrase inside the reporter's sentence with a speaker,
   ``scare`` for a short quoted phrase with no speaker (Washington's “final offer”),
   ``headline`` for a quote in the headline; ``indirect`` rows are reported speech with no
   quotation marks ("X said that ...", "according to X, ...").

References:
    Pareti, S. (2016), "PARC 3.0: A Corpus of Attribution Relations", LREC; Newell, Margolin &
    Ruths (2018), "An Attribution Relations Corpus for Political News" (PolNeAR), LREC: the
    source-cue-content model of an attribution used here. Asr, F. T. et al. (2021), "The Gender
    Gap Tracker", PLOS ONE 16(1): the rule set for quote and speaker extraction in news (syntax
    patterns plus floating quotes) that this module adapts without a parser. Newell, C. et al.
    (2018), "Quote Extraction and Analysis for News" (Citron, BBC R&D), DSJM. CommonMark
    0.31, "left-flanking and right-flanking delimiter runs", for reading marks by their
    neighbours.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..paths import DATA_DIR
from ..corpus.register import Register, load_register
from ..corpus.marks import Passage, find_passages, paragraph_spans
from ..corpus.segment import split_sentences

REPORTING_VERBS_FILE = DATA_DIR / "reporting_verbs.csv"
VAGUE_SOURCING_FILE = DATA_DIR / "vague_sourcing.toml"

STANCES = ("neutral", "distancing", "factive", "emotive", "directive")
KINDS = ("direct", "partial", "scare", "headline", "indirect")
SPEAKER_TYPES = ("person", "organisation", "media", "role", "anonymous", "unknown")

# ---------------------------------------------------------------------------------------------
# Closed-class words (grammar, not lexicon): they decide where a noun phrase starts and stops.

PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "organisation", "i": "first", "we": "first"}
DETERMINERS = frozenset(
    "a an the this that these those his her their its our my your some any each every no several many "
    "both all another other such one two three four five six seven eight nine ten dozens hundreds".split()
)
_PREPOSITIONS = frozenset(
    "in on at by from into onto over under about against during without through across between among per "
    "via like toward towards upon within beyond near around with to of for amid despite than".split()
)
_CLAUSE_WORDS = frozenset(
    "and but or nor that which who whom whose when while after before because as if since though although "
    "where so whether until unless then once what how why yet".split()
)
_AUXILIARIES = frozenset(
    "is was were are am be been being has have had will would could can may might should must shall did does "
    "do not n't never also again however too just still even then now already later earlier previously "
    "repeatedly reportedly once further separately subsequently immediately initially first last finally "
    "recently publicly privately officially flatly firmly simply quickly only itself himself herself "
    "themselves alone yesterday today tonight often always sometimes soon ever once twice".split()
)
_MODALS = frozenset("will may can might must shall".split())  # capitalised mid-sentence, a name: George Will
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december week weekend month year morning afternoon evening night day "
    "days weeks months years time".split()
)
_TIME_LEADS = frozenset("on late early earlier last this next that in".split())
_BE = frozenset("is was were are am be been being".split())
TITLE_ABBREVIATIONS = frozenset("mr mrs ms mx dr prof gen lt col maj capt sgt adm gov sen rep rev fr st sr jr hon amb".split())
# Capitalised words that stand before a name as a title or an adjective, stripped to get the name.
_NAME_PREFIXES = frozenset(
    """Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Sgt Adm Gov Sen Rep Rev Fr Hon Amb Sir Dame Lord Lady President
    Vice Prime Minister Foreign Defence Defense Interior Finance Justice Health Secretary State Senator Governor
    Speaker House Senate Majority Minority Leader Chairman Chairwoman Chair Director Chief Judge Attorney General
    Press Spokesman Spokeswoman Spokesperson Ambassador Envoy Special Pope King Queen Prince Princess Sheikh
    Father Sister Professor Mayor Commissioner Deputy Acting Former Republican Democratic Democrat Independent
    GOP Representative Congressman Congresswoman Lieutenant Colonel Major Captain Sergeant Admiral Commander
    Homeland Security National Adviser Advisor Counsel Candidate Nominee Presidential Officer Executive CEO
    Russian Ukrainian American British English French German Chinese Israeli Iranian European Palestinian
    Syrian Turkish Japanese Indian Canadian Mexican Polish Italian Spanish Dutch Belgian Swedish Finnish
    Norwegian Danish Korean North South East West US U.S. UK U.K. UN U.N. EU Kremlin White Mr. Mrs. Ms. Dr.
    Gen. Lt. Col. Gov. Sen. Rep. Rev. Prof. Messrs""".split()
)
_ORG_WORDS = frozenset(
    """Committee Department Ministry Party House Senate Congress Parliament Agency Administration Office Council
    Commission Court University Institute Foundation Association Union Bank Fund Group Corp Inc Company Times
    Post Journal News Network Press Service Services Campaign Center Centre Police Army Force Forces Command
    Guard Organization Organisation Federation Club League Board Bureau Authority Reserve Media Channel Radio
    Television TV Magazine Review Tribune Herald Daily Gazette Globe Telegraph Guardian Reuters Bloomberg
    Politico Breitbart Fox CNN MSNBC NBC ABC CBS NPR PBS Kremlin Pentagon Ministry Embassy Government Cabinet
    Coalition Alliance Movement Front Project Watch Trust Society Fund Club Corporation LLC Ltd Systems Airlines
    Airways Motors Times Committee""".split()
)
_NAME_PARTICLES = frozenset("de van von der al bin la le du da del di ibn".split())
_POSTMODIFIER_STARTS = frozenset("familiar close with who which that speaking briefed knowledgeable involved in at from".split())

# ---------------------------------------------------------------------------------------------
# Resources, loaded once


@dataclass(frozen=True)
class Lexicon:
    """Everything the quote finder reads from data files, compiled once (see :func:`load_lexicon`)."""

    verbs: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    stance: dict[str, str]
    clause: frozenset[str]
    anonymous_heads: frozenset[str]
    person_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    vague_patterns: tuple[tuple[str, str, re.Pattern], ...]
    register: Register


def load_reporting_verbs(path: str | Path = REPORTING_VERBS_FILE) -> pd.DataFrame:
    """The reporting-verb table: one row per verb with its forms, stance class and note.

    The file's header documents the stance classes, their sources and how to add a verb.
    """
    table = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    bad = sorted(set(table["stance"]) - set(STANCES))
    if bad:
        raise ValueError(f"{path}: unknown stance class {', '.join(bad)}; use one of {', '.join(STANCES)}")
    return table


def load_vague_sourcing(path: str | Path = VAGUE_SOURCING_FILE) -> dict:
    """The vague-sourcing patterns and noun lists (``analysis/data/vague_sourcing.toml``)."""
    with open(path, "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=4)
def load_lexicon(
    verbs_path: str | Path = REPORTING_VERBS_FILE,
    vague_path: str | Path = VAGUE_SOURCING_FILE,
    register_path: str | Path | None = None,
) -> Lexicon:
    """Read and compile the reporting verbs, vague-sourcing lists and register (cached).

    Args:
        verbs_path: the reporting-verb CSV.
        vague_path: the vague-sourcing TOML.
        register_path: a register CSV; None for the package's own.
    """
    table = load_reporting_verbs(verbs_path)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in table.itertuples(index=False):
        for form in filter(None, (f.strip().lower() for f in row.forms.split("|"))):
            words = tuple(form.split())
            by_first.setdefault(words[0], []).append((words, row.lemma))
    verbs = {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in by_first.items()}
    vague = load_vague_sourcing(vague_path)
    patterns = tuple(
        (p["class"], p["label"], re.compile(p["regex"], re.IGNORECASE)) for p in vague.get("pattern", [])
    )
    register = load_register(register_path) if register_path else load_register()
    return Lexicon(
        verbs=verbs,
        stance=dict(zip(table["lemma"], table["stance"])),
        clause=frozenset(table.loc[table["clause"] == "yes", "lemma"]),
        anonymous_heads=frozenset(vague.get("anonymous_heads", [])),
        person_nouns=frozenset(vague.get("person_nouns", [])),
        organisation_nouns=frozenset(vague.get("organisation_nouns", [])),
        vague_patterns=patterns,
        register=register,
    )


# ---------------------------------------------------------------------------------------------
# 2. Sentences and tokens, with quotes as single tokens

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[’'\-][^\W_]+)*|\S")


@dataclass(slots=True)
class Tok:
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
    start: int
    end: int
    paragraph: int
    index: int
    toks: list[Tok]
    verbs: list[tuple[int, int, str]] = field(default_factory=list)  # (token index, length, lemma)


def _masked(text: str, lo: int, hi: int, passages: list[Passage]) -> str:
    chars = list(text[lo:hi])
    for p in passages:
        a, b = p.open_at - lo, p.region_end - lo
        keep = set()
        if p.close_at >= 0:
            keep.update(range(p.close_at - lo, p.region_end - lo))
            if text[p.end - 1] in ".!?…" and p.end == p.close_at:
                keep.add(p.end - 1 - lo)
        for i in range(max(a, 0), min(b, len(chars))):
            if i not in keep:
                chars[i] = "Q"
    return "".join(chars)


def _sentences(text: str, paras: list[tuple[int, int]], passages: list[Passage]) -> list[Sentence]:
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
    return [Tok(m.start(), m.end(), m.group(0), m.group(0).lower()) for m in _TOKEN.finditer(text, a, b)] if b > a else []


# ---------------------------------------------------------------------------------------------
# 3. Reporting verbs and noun phrases


def _find_verbs(s: Sentence, lex: Lexicon) -> None:
    toks = s.toks
    i = 0
    while i < len(toks):
        t = toks[i]
        hit = None
        if t.q < 0 and t.low in lex.verbs:
            for words, lemma in lex.verbs[t.low]:
                n = len(words)
                if tuple(x.low for x in toks[i : i + n]) == words and all(x.q < 0 for x in toks[i : i + n]):
                    hit = (n, lemma)
                    break
        if hit and _is_verb_use(toks, i, hit[1], lex):
            s.verbs.append((i, hit[0], hit[1]))
            i += hit[0]
        else:
            i += 1


_NOUN_DETERMINERS = frozenset("a an the his her their its our my your every each no any some whose".split())

# Verb forms that are as often plural nouns ("Twitter posts", "media reports").
_NOUN_LIKE_FORMS = frozenset(
    "posts reports claims notes calls attacks comments remarks demands answers replies tweets quotes charges "
    "questions pledges promises vows appeals orders blasts jokes quips boasts laments statements warnings "
    "post report claim note call attack comment remark demand answer reply tweet quote charge question pledge "
    "promise vow appeal order blast joke quip boast lament warning echo echoes chant chants states".split()
)


def _is_verb_use(toks: list[Tok], i: int, lemma: str, lex: Lexicon) -> bool:
    t = toks[i]
    initial = i == 0 or toks[i - 1].text in "(“‘\"'—–-"
    if t.text[0].isupper() and not (initial and (t.low.endswith(("ing", "ed")) or lemma == "according to")):
        return False
    if i == 0:
        return True
    prev = toks[i - 1]
    if prev.q >= 0:
        return True
    if prev.low in _NOUN_DETERMINERS or prev.possessive:
        return False  # "a post", "his claim", "Trump’s remarks"
    if lemma == "agree" and i + 1 < len(toks) and toks[i + 1].low in ("to", "on"):
        return False  # "agreed to a ceasefire": accepting, not saying
    if prev.low == "to" and lemma != "according to":
        nxt = toks[i + 1 : i + 3]
        return bool(nxt) and (nxt[0].q >= 0 or (nxt[0].text in ":," and len(nxt) > 1 and nxt[1].q >= 0))  # "was prompted to say, “...”"
    if prev.low in ("of", "in", "for", "on", "with", "by", "from", "without", "after", "before", "while", "about"):
        return lemma == "according to" or t.low.endswith("ing")
    if t.low in _NOUN_LIKE_FORMS:
        # "a series of Twitter posts", "in media reports", "a declarative answer", "a social media post";
        # but "the document states", "the Kremlin claims": a body that can speak, then the verb
        for j in range(i - 1, max(i - 4, -1), -1):
            w = toks[j]
            if w.q >= 0 or not w.word:
                break
            if j < i - 1 and (w.low in _PREPOSITIONS or w.low in _NOUN_DETERMINERS or w.possessive):
                speaker_noun = j == i - 2 and w.low not in _PREPOSITIONS and (
                    toks[i - 1].low in lex.person_nouns or toks[i - 1].low in lex.organisation_nouns or (toks[i - 1].cap and not toks[i - 1].possessive)
                )
                if not speaker_noun:
                    return False
                break
            if w.low in PRONOUNS or w.low in _AUXILIARIES or w.low in _CLAUSE_WORDS:
                break
    j = i - 1
    while j >= 0 and toks[j].q < 0 and toks[j].low in ("not", "also", "later", "then", "n't", "never"):
        j -= 1
    if j >= 0 and toks[j].low in _BE and t.low.endswith(("ed", "id", "ld", "en", "wn", "te")) and lemma != "quote":
        return False  # passive: "is said to", "was told"
    return True


def _skip_adverbials_left(toks: list[Tok], i: int) -> int:
    while i >= 0:
        t = toks[i]
        if t.q >= 0:
            return i
        if (t.low in _AUXILIARIES and not (t.cap and i > 0 and t.low in _MODALS)) or (t.low.endswith("ly") and t.low[0].islower() and len(t.low) > 4):
            i -= 1
        elif t.low in _TIME_WORDS and i > 0 and toks[i - 1].low in _TIME_LEADS:
            i -= 2
        elif t.low == "past" and i > 1 and toks[i - 1].low == "the" and toks[i - 2].low == "in":
            i -= 3
        elif t.low in _TIME_WORDS and t.cap:
            i -= 1  # "said Friday"
        else:
            return i
    return i


def _np_internal_preposition(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """Is ``toks[j]`` (of, for, to, with) inside a noun phrase: "the mayor of Kyiv", "adviser to"."""
    if j == 0:
        return False
    before = toks[j - 1]
    w = toks[j].low
    if w in ("of", "for"):
        return before.cap or before.low in lex.person_nouns or before.low in lex.anonymous_heads or before.low in lex.organisation_nouns
    if w in ("with", "to", "on", "about"):
        return before.low in ("familiar", "close", "knowledge", "briefed", "knowledgeable", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "lawyer", "attorney")
    return False


def _collect_left(toks: list[Tok], i: int, lex: Lexicon, limit: int = 12) -> tuple[int, int] | None:
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
            if t.low in _PREPOSITIONS:
                if j < i and _np_internal_preposition(toks, j, lex):
                    j -= 1
                    continue
                break
            if t.low in _CLAUSE_WORDS or t.low in PRONOUNS or (t.low in _AUXILIARIES and not t.cap) or (t.low in _TIME_WORDS and not t.cap):
                break
            if t.low in lex.verbs and not t.cap and j < i:
                break
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


def _collect_right(toks: list[Tok], i: int, lex: Lexicon, limit: int = 10) -> tuple[int, int] | None:
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
            if t.low in _PREPOSITIONS:
                if j > i and t.low in ("of", "for", "to") and j + 1 < len(toks) and (toks[j + 1].cap or toks[j + 1].low in DETERMINERS) and _np_internal_preposition(toks, j, lex):
                    j += 1
                    continue
                break
            if t.low in _CLAUSE_WORDS or (t.low in PRONOUNS and j > i) or (t.low in _AUXILIARIES and not t.cap):
                break
            if t.low in lex.verbs and not t.cap:
                break
            if seen_name and not t.cap:
                break
            if j > i and not t.cap and t.low not in ("familiar", "close") and toks[j - 1].low in lex.person_nouns | lex.organisation_nouns | lex.anonymous_heads and toks[j - 1].low not in ("former", "prime", "chief"):
                break  # "The president left no doubt": the phrase ends with its noun
            if t.cap and not t.possessive and t.low not in DETERMINERS and t.text not in _NAME_PREFIXES and not _common_word(t, lex):
                seen_name = True
        elif t.text == "." and j > i and (toks[j - 1].low in TITLE_ABBREVIATIONS or len(toks[j - 1].text) == 1) and j + 1 < len(toks) and toks[j + 1].cap:
            pass
        else:
            break
        j += 1
    return (i, j) if j > i else None


def _common_word(t: Tok, lex: Lexicon) -> bool:
    """A capitalised word that is a common word all the same ("Officials said", "The", "But")."""
    w = t.low
    return (
        w in DETERMINERS or w in _CLAUSE_WORDS or w in _PREPOSITIONS or (w in _AUXILIARIES and w not in _MODALS) or w in PRONOUNS
        or w in lex.anonymous_heads or w in lex.person_nouns or w in lex.organisation_nouns
    )


def _speakerlike(toks: list[Tok], np: tuple[int, int], lex: Lexicon) -> bool:
    """Can this noun phrase say something: a pronoun, a name, or a noun of person or body?"""
    a, b = np
    head = _head_index(toks, np, lex)
    h = toks[head]
    if h.low in PRONOUNS:
        return PRONOUNS[h.low] != "first"
    if h.cap and not h.possessive and not _common_word(h, lex):
        return True
    w = h.low.rstrip("’'")
    return w in lex.person_nouns or w in lex.anonymous_heads or w in lex.organisation_nouns or (w.endswith("s") and w[:-1] in lex.person_nouns)


def _head_index(toks: list[Tok], np: tuple[int, int], lex: Lexicon) -> int:
    """The head of a noun phrase: its last word before a post-modifier ("familiar with", "of")."""
    a, b = np
    for j in range(a + 1, b):
        w = toks[j].low
        if w in _POSTMODIFIER_STARTS or w in ("of", "for", "to"):
            if w in ("of", "for", "to") and toks[j - 1].text in _NAME_PREFIXES and j + 1 < b and toks[j + 1].cap:
                continue  # "Secretary of State John Kerry" (but "John McCain of Arizona" is McCain)
            return j - 1
        if toks[j].text == ",":
            return j - 1
    return b - 1


# ---------------------------------------------------------------------------------------------
# 4. Cues: where the verb and its subject are for each quote


@dataclass
class Cue:
    verb: tuple[int, int, str] | None  # (token index, length, lemma) in the sentence
    np: tuple[int, int] | None  # token range of the speaker's noun phrase in the sentence
    how: str  # after, before, parenthetical, according
    score: float


def _subject_of(s: Sentence, vi: int, lex: Lexicon, depth: int = 0) -> tuple[int, int] | None:
    """The subject noun phrase of the verb at token ``vi``."""
    toks = s.toks
    vidx = [v for v in s.verbs if v[0] == vi]
    lemma = vidx[0][2] if vidx else ""
    if lemma == "according to":
        n = vidx[0][1]
        return _collect_right(toks, vi + n, lex)
    if lemma == "quote":  # "was quoted as saying": the subject of "was"
        j = _skip_adverbials_left(toks, vi - 1)
        np = _collect_left(toks, j, lex)
        if np:
            return np
    if lemma in _INVERTING and (vi == 0 or toks[vi - 1].text in ",—–"):
        # "The paradox of Nancy, says Carl Anthony, historian ..., is that ..."
        np = _collect_right(toks, vi + (vidx[0][1] if vidx else 1), lex)
        if np and toks[np[0]].cap and _speakerlike(toks, np, lex) and (np[1] >= len(toks) or toks[np[1]].text in ",.;"):
            return np
    i = _skip_adverbials_left(toks, vi - 1)
    if i >= 0 and toks[i].text == ")":
        while i >= 0 and toks[i].text != "(":
            i -= 1
        i = _skip_adverbials_left(toks, i - 1)
    participle = toks[vi].low.endswith("ing")
    if participle:
        # "..., saying", "released a statement saying": the clause's subject, unless a name
        # stands right before it ("footage of Trump saying")
        np = _collect_left(toks, i, lex) if i >= 0 and toks[i].word else None
        if np and toks[np[1] - 1].cap and not toks[np[1] - 1].possessive and not _common_word(toks[np[1] - 1], lex):
            m = lex.register.head(" ".join(t.text for t in toks[np[0] : np[1]]))
            person = lex.register.info(m.canonical).get("kind") == "person" if m else sum(t.cap for t in toks[np[0] : np[1]]) >= 2
            if person:
                return np  # "footage of Trump saying", but not "on Facebook writing"
        return _fallback_subject(s, vi, lex, depth)
    if i >= 0 and toks[i].low in ("who", "which") and i >= 2 and toks[i - 1].text == ",":
        # "Beck, who has in the past described Trump as ...": the noun phrase before ", who"
        np = _collect_left(toks, i - 2, lex)
        if np and _speakerlike(toks, np, lex):
            return np
    if i >= 0 and toks[i].text == ",":
        # "Sean Spicer, chief strategist for the RNC, said": the noun phrase before the apposition
        j = i - 1
        while j >= 0 and i - j < 16 and toks[j].text != "," and toks[j].q < 0 and (toks[j].low not in _CLAUSE_WORDS or toks[j].low in ("who", "which", "and")):
            j -= 1
        verb_at = {v[0] for v in s.verbs}
        middle_ok = j >= 0 and i - j > 1 and not any(x in verb_at or toks[x].q >= 0 for x in range(j + 1, i)) and (
            toks[j + 1].low not in _CLAUSE_WORDS or toks[j + 1].low in ("who", "which")
        )
        first = 0
        while first < len(toks) and toks[first].low in ("but", "and", "so", "yet"):
            first += 1
        initial = _collect_right(toks, first, lex)
        if (
            initial and initial[1] < i and toks[initial[1]].text == "," and _speakerlike(toks, initial, lex)
            and any(toks[x].cap and not _common_word(toks[x], lex) for x in range(*initial))
            and not any(v[0] < vi for v in s.verbs)
        ):
            return initial  # "Clinton, during a town hall meeting in Columbus, Ohio, said"
        head = None  # "Sean Spicer, chief strategist for the RNC, said": the name before the apposition
        if j >= 0 and toks[j].text == "," and middle_ok:
            np = _collect_left(toks, j - 1, lex)
            if np and _speakerlike(toks, np, lex) and _at_boundary(toks, np[0]):
                head = np
        # "Gov. John Kasich (R-OH), said": the noun phrase just before a stray comma
        k = i - 1
        if k >= 0 and toks[k].text == ")":
            while k > 0 and toks[k].text != "(":
                k -= 1
            k -= 1
        near = _collect_left(toks, k, lex)
        if near and not (_speakerlike(toks, near, lex) and _at_boundary(toks, near[0])):
            near = None
        if head and any(toks[x].cap and not _common_word(toks[x], lex) for x in range(*head)):
            return head
        if near and any(toks[x].cap and not _common_word(toks[x], lex) for x in range(*near)):
            return near
        if head or near:
            return head or near
        return _fallback_subject(s, vi, lex, depth)
    if i < 0 or toks[i].q >= 0 or toks[i].low in ("and", "but", "or") or toks[i].text in ":;—–(" :
        return _fallback_subject(s, vi, lex, depth)
    if i >= 1 and toks[i].low in ("that", "which", "who") and toks[i - 1].word:
        np = _collect_left(toks, i - 1, lex)  # "a headline that said", "it was Obama who pressed"
        if np and _speakerlike(toks, np, lex):
            return np
    np = _collect_left(toks, i, lex)
    if np is None:
        return _fallback_subject(s, vi, lex, depth)
    if np[0] >= 2 and toks[np[0] - 1].low == "by" and toks[np[0] - 2].low.endswith(("ed", "en")):
        # "A Feb. 1 letter from the American Legion obtained by The Associated Press warns"
        np2 = _collect_left(toks, np[0] - 3, lex)
        if np2 and _speakerlike(toks, np2, lex):
            return np2
    if not _speakerlike(toks, np, lex):
        # "a White House official who spoke anonymously to discuss internal strategy said"
        for w in range(np[0] - 1, max(np[0] - 14, -1), -1):
            t = toks[w]
            if t.q >= 0 or t.text in ".;:!?":
                break
            if t.low in ("who", "that") and w > 0:
                k = w - 2 if toks[w - 1].text == "," else w - 1
                np2 = _collect_left(toks, k, lex)
                if np2 and _speakerlike(toks, np2, lex):
                    return np2
                break
    return np


def _at_boundary(toks: list[Tok], a: int) -> bool:
    """Does a noun phrase starting at ``a`` start a clause (sentence start, comma, quote, "who")?"""
    return a == 0 or toks[a - 1].text in ",:;(—–" or toks[a - 1].q >= 0 or toks[a - 1].low in _CLAUSE_WORDS


def _fallback_subject(s: Sentence, vi: int, lex: Lexicon, depth: int) -> tuple[int, int] | None:
    """Subject of a participle or a coordinated verb: the previous verb's, or the sentence's."""
    if depth > 2:
        return None
    first = 0
    while first < len(s.toks) and (s.toks[first].low in ("but", "and", "so", "yet") or s.toks[first].text in "“‘\"'(—–,"):
        first += 1
    if vi == first and s.toks[vi].low.endswith(("ing", "ed")):
        return _sentence_subject(s, lex)  # "Warning that ..., Mr Johnson accused ..."
    # "..., he looked into the camera, furrowed his brow and said": the nearest pronoun or name
    # that starts a clause
    toks = s.toks
    before = _skip_adverbials_left(toks, vi - 1)
    coordinated = before >= 0 and toks[before].low in ("and", "but", "or")
    for w in range(vi - 1, -1, -1) if coordinated else ():
        t = toks[w]
        if t.q >= 0:
            break
        clause_start = w == 0 or toks[w - 1].text in ",:;(—–" or toks[w - 1].q >= 0 or (toks[w - 1].low in _CLAUSE_WORDS and toks[w - 1].low not in ("and", "or", "but", "nor"))
        if clause_start and (t.low in ("he", "she", "they") or (t.cap and not _common_word(t, lex) and t.text not in _NAME_PREFIXES)):
            np = (w, w + 1) if t.low in PRONOUNS else _collect_right(toks, w, lex)
            if np and _speakerlike(toks, np, lex):
                return np
    for v in reversed(s.verbs):
        if v[0] < vi:
            np = _subject_of(s, v[0], lex, depth + 1)
            if np and _speakerlike(s.toks, np, lex):
                return np
    return _sentence_subject(s, lex, before=vi)


_INTRO_WORDS = frozenset(
    "in on at after before when while as since with without despite amid following during asked speaking "
    "arriving accusing warning according for from under over by if although though once until here there "
    "now today yesterday tonight instead overall still later earlier last this next where because unless "
    "whether whenever back perhaps maybe".split()
)


def _sentence_subject(s: Sentence, lex: Lexicon, before: int | None = None) -> tuple[int, int] | None:
    """The sentence's first noun phrase, after an introductory clause ("On Friday, ...")."""
    toks = s.toks
    i = 0
    while i < len(toks) and (toks[i].low in ("but", "and", "so", "yet", "however", "meanwhile", "still", "also") or toks[i].text in ",“‘\"'(—–"):
        i += 1
    if i + 1 < len(toks) and toks[i].low.endswith("ly") and len(toks[i].low) > 5 and (toks[i + 1].text == "," or (toks[i + 1].word and not toks[i + 1].cap and toks[i + 1].low not in lex.verbs)):
        i += 1  # "Hastily politicizing the tragedy, Trump ...", "Shortly after the call, ..."
        if i < len(toks) and toks[i].text == ",":
            i += 1
    for _ in range(3):  # "On Thursday, after remaining neutral ..., Warren appeared ..."
        if not (i < len(toks) and (toks[i].low in _INTRO_WORDS or toks[i].low.endswith("ing"))):
            break
        j = i
        while j < len(toks) and toks[j].text != ",":
            j += 1
        if j >= len(toks) or j - i > 30:
            return None
        i = j + 1
    if before is not None and i >= before:
        return None
    np = _collect_right(toks, i, lex)
    if np and _speakerlike(toks, np, lex):
        return np
    return None


_INVERTING = frozenset({"say", "add", "write", "post", "ask", "reply", "continue", "insist", "explain", "note", "claim",
                        "declare", "argue", "recall", "tweet", "state", "warn", "answer", "respond", "comment", "remark",
                        "observe", "concede", "admit", "acknowledge", "agree", "suggest", "exclaim", "joke", "quip",
                        "boast", "complain", "lament", "predict", "repeat", "reiterate", "report", "caution", "counter",
                        "maintain", "contend", "assert", "confirm", "announce", "recall", "demand", "urge", "plead",
                        "promise", "vow", "scoff", "snap", "shout", "yell", "fume", "mention", "emphasise", "stress"})


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
    if w in _PREPOSITIONS or w in _CLAUSE_WORDS or w in _AUXILIARIES or w in PRONOUNS:
        return False
    return t.cap or w not in lex.verbs


def _cue_after(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """``,” he said`` / ``,” said Mr Trump`` / ``” Trump posted`` right after the quote."""
    toks = s.toks
    j = qi + 1
    broken = toks[qi].low[-1] in ",.!?…;:—–-’'\")]"  # the quote ends with punctuation, as a reported sentence does
    if j < len(toks) and toks[j].text in ",—–-":
        j += 1
        broken = True
    if j >= len(toks) or not broken:
        return None
    sentence_end = toks[qi].low[-1] in ".!?…"
    verbs = {v[0]: v for v in s.verbs}
    if j in verbs and verbs[j][2] in _INVERTING:
        v = verbs[j]
        np = _collect_right(toks, j + v[1], lex)
        if np and (toks[np[0]].cap or toks[np[0]].low in _NP_OPENERS or _speakerlike(toks, np, lex)):
            return Cue(v, np, "after", 3.0)  # "” said the designer, who ..."
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
        abbreviation = toks[k - 1].low in TITLE_ABBREVIATIONS or len(toks[k - 1].text) <= 2 or (k + 1 < len(toks) and toks[k + 1].text == ",")
        if t.q >= 0 or t.text in ";:!?()" or (t.text == "." and not abbreviation):
            return None
        if k in verbs:
            if toks[k].low.endswith("ing"):
                return None
            after = k + verbs[k][1]
            if sentence_end and after + 1 < len(toks) and toks[after].text in ",:" and toks[after + 1].q >= 0:
                return None  # “...” Trump replied, “...”: the verb introduces the next quote
            end = _skip_adverbials_left(toks, k - 1) + 1
            head_end = next((x for x in range(j, end) if toks[x].text in ",("), end)
            last_comma = max((x for x in range(j, end) if toks[x].text == ","), default=-1)
            if last_comma >= 0:
                tail = (last_comma + 1, end)
                if tail[1] - tail[0] == 1 and toks[tail[0]].low in PRONOUNS or (
                    tail[1] > tail[0] and all(toks[x].cap and not _common_word(toks[x], lex) or toks[x].text == "." for x in range(*tail))
                    and not all(toks[x].cap for x in range(j, head_end))
                ):
                    return Cue(verbs[k], tail, "parenthetical", 3.0)  # "good" job, he said
            if toks[j].low.endswith("ing") and not toks[j].cap:
                return None
            if head_end <= j or (toks[j].low in PRONOUNS and head_end > j + 1):
                return None
            if not (head_end == j + 1 and toks[j].low in PRONOUNS) and not all(_np_word(toks[x], lex) for x in range(j, head_end)):
                return None
            if any(toks[x].low in ("and", "but") for x in range(j, head_end)) and not _speakerlike(toks, (j, head_end), lex):
                return None
            return Cue(verbs[k], (j, head_end), "after", 3.0)
    return None


def _cue_before(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """The nearest reporting verb before the quote in its sentence, and its subject.

    A verb that introduces the quote directly (``said: “``, ``responds to Mills with, “``)
    outranks an attribution after the quote; a speaker's name and a colon with no verb
    (``Mark Blumenthal and Jon Cohen: “...”``, a transcript's ``PENCE: “...``) is a cue too.
    """
    toks = s.toks
    for v in reversed(s.verbs):
        if v[0] >= qi:
            continue
        if qi - v[0] > 40:
            return None
        np = _subject_of(s, v[0], lex)
        if np is None:
            return Cue(v, None, "before", 0.5)
        speakerlike = _speakerlike(toks, np, lex)
        if not speakerlike and v[2] in ("call", "dub", "label", "brand"):
            return None  # "a popular play called “...”": naming, not speech
        score = 2.0 if speakerlike else 0.8
        between = toks[v[0] + v[1] : qi]
        if any(t.q >= 0 for t in between):
            score -= 0.3
        elif speakerlike and between and (between[-1].text in ":," or between[-1].low == "that") and len(between) <= 5:
            score = 3.5
        elif speakerlike and toks[qi].low[2:3].islower():
            score = 3.2  # a phrase inside the reporter's sentence belongs to the verb that frames it
        return Cue(v, np, "according" if v[2] == "according to" else "before", score)
    if qi >= 2 and toks[qi - 1].text == ":":
        j = qi - 2
        if toks[j].text == ")":  # "Rep. Trey Gowdy (R-S.C.): “...”"
            while j > 0 and toks[j].text != "(":
                j -= 1
            j -= 1
        np = _collect_left(toks, j, lex)
        if np and (np[0] == 0 or toks[np[0] - 1].text in "-—–") and _speakerlike(toks, np, lex):
            return Cue(None, np, "label", 2.5)
    return None


def _cue_parenthetical(s: Sentence, qi: int, lex: Lexicon) -> Cue | None:
    """``..., the Kremlin said, ...`` or ``..., according to X.`` later in the quote's sentence."""
    toks = s.toks
    for v in s.verbs:
        k, n, lemma = v
        if k <= qi:
            continue
        if lemma == "according to":
            if toks[k - 1].text == "," or k == qi + 1:
                np = _collect_right(toks, k + n, lex)
                if np and _speakerlike(toks, np, lex):
                    return Cue(v, np, "according", 1.6)
            continue
        if lemma in _INVERTING and toks[k - 1].text in ",—–" and k + n < len(toks):
            np = _collect_right(toks, k + n, lex)  # "..., said David Wasserman, an analyst."
            if np and toks[np[0]].cap and _speakerlike(toks, np, lex) and (np[1] >= len(toks) or toks[np[1]].text in ",.;—–"):
                return Cue(v, np, "parenthetical", 1.5)
        np = _subject_of(s, k, lex)
        if np is None or not _speakerlike(toks, np, lex):
            continue
        if np[0] == 0 or toks[np[0] - 1].text not in ",—–(":
            continue
        end = k + n
        if end < len(toks) and (toks[end].low in _PREPOSITIONS or toks[end].low in _TIME_WORDS or toks[end].low in ("reporters", "in", "on", "at")):
            # "..., Clinton said at a Fox News town hall on Monday, “...”": a short phrase of place or time
            while end < len(toks) and end - (k + n) < 9 and toks[end].q < 0 and toks[end].text not in ",.;—–)!?:" and toks[end].low not in _CLAUSE_WORDS and toks[end].low not in lex.verbs:
                end += 1
        if end >= len(toks) or toks[end].text in ",.;—–)!?":
            return Cue(v, np, "parenthetical", 1.5)
    return None


# ---------------------------------------------------------------------------------------------
# 5. Names: register entries, unregistered names, pronouns and descriptions

_CAP_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w\-’']*[a-z][\w\-’']*|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]{2}(?=\s+[A-Z][a-z]))"
    r"(?:\s+(?:(?:de|van|von|der|al|bin|la|le|du|da|del|di|ibn)\s+)?(?:[A-Z][\w\-’']*[a-z][\w\-’']*|[A-Z]\.(?:\s?[A-Z]\.)*|Jr\.?|Sr\.?|II|III))*"
)


def _strip_name(run: str) -> str:
    """Drop titles, ranks, adjectives and function words before a name, and a possessive after it."""
    words = run.split()
    while len(words) > 1 and words[0].lower() in _LEADING_NON_NAMES:
        words.pop(0)
    while len(words) > 1 and (words[0] in _NAME_PREFIXES or words[0].rstrip(".") in _NAME_PREFIXES):
        words.pop(0)
    if len(words) == 1 and (words[0] in _NAME_PREFIXES or words[0].rstrip(".") in _NAME_PREFIXES):
        return ""
    name = " ".join(words)
    return re.sub(r"[’']s?$", "", name)


_LEADING_NON_NAMES = DETERMINERS | _CLAUSE_WORDS | _PREPOSITIONS | (_AUXILIARIES - _MODALS) | frozenset(PRONOUNS) | frozenset(
    "instead meanwhile however asked speaking according last next back perhaps maybe".split()
)


_LOWER_WORD = re.compile(r"(?<![\w’'])[a-z][a-z\-]+(?![\w’'])")
# Words that make a capitalised phrase a place, an event, a law or a thing rather than a person.
_NON_PERSON_WORDS = frozenset(
    """Agreement Accord Accords Treaty Act Bill Convention Summit Conference Street Square Avenue Road Island Islands
    City County State States Republic Kingdom Bridge Airport Station Hotel Tower Park River Sea Ocean Mountains Valley
    Stadium Hall Church Mosque Cathedral Palace Program Programme Plan Deal Pact Initiative Day War Crisis Revolution
    Award Prize Cup Games Olympics Festival Show Tour Series Report Index Amendment Constitution Clause Doctrine Law
    Code Square Plaza Center Centre Mall Museum Library School College Academy Hospital Prison Base Fort Beach Coast
    North South East West Middle Eastern Western Northern Southern Gulf Strait Peninsula Region Province District""".split()
)


def _is_org_name(name: str) -> bool:
    words = name.split()
    return (
        any(w in _ORG_WORDS or w in _NON_PERSON_WORDS for w in words)
        or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)
    )


@dataclass
class _Who:
    """A resolved speaker."""

    speaker: str
    speaker_type: str
    via: str
    kind: str  # person, organisation, media, group, role, anonymous, unknown
    owner: str = ""  # the register entry a role speaks for ("Zelensky’s spokesman", "a spokesman for the Kremlin")


class _Article:
    """The state of one article while its quotes are attributed, in reading order."""

    def __init__(self, text: str, paras: list[tuple[int, int]], passages: list[Passage], lex: Lexicon):
        self.text = text
        self.lex = lex
        self.paras = paras
        self.passages = passages
        self.events: list[tuple[int, int, _Who]] = []  # (offset, paragraph, who) of attributions and subjects
        self.roles: list[tuple[str, _Who]] = []  # (head noun, who) of role speakers, for "the official"
        self.inside = sorted((p.open_at, p.region_end) for p in passages)
        self._inside_starts = [a for a, _ in self.inside]
        self.names: dict[str, str] = {}
        self.person_mentions: list[tuple[int, int, str]] = []  # (offset, paragraph, canonical)
        self.entity_heads: list[tuple[int, str, str]] = []  # (offset, last word lower, canonical)
        para_starts = [a for a, _ in paras]
        self._para_starts = para_starts
        reg = lex.register
        for m in reg.find(text, roles=False):
            if self._in_quote(m.start):
                continue
            info = reg.info(m.canonical)
            self.entity_heads.append((m.start, m.text.split()[-1].lower().rstrip("’'s"), m.canonical))
            if info.get("kind") == "person" and not _POSSESSIVE.match(text, m.end):
                self.person_mentions.append((m.start, self.paragraph_of(m.start), m.canonical))
                self._subject_mention(m.start, m.end, m.canonical)
        lowercase_words = set(_LOWER_WORD.findall(text))
        for m in _CAP_NAME.finditer(text):
            if self._in_quote(m.start()):
                continue
            name = _strip_name(m.group(0))
            words = name.split()
            if len(words) >= 2 and words[0].lower() in lowercase_words and name.startswith(m.group(0)[:1]):
                # "Absent Sanders' plan", "Neither Trump nor ...": the article writes the first word
                # in lower case elsewhere, so at the start of a sentence it is not part of a name
                words = words[1:]
                name = " ".join(words)
            if len(words) >= 2 and not _is_org_name(name) and reg.head(name, roles=False) is None:
                self.names.setdefault(words[-1], name)
                if not _POSSESSIVE.match(text, m.end()):
                    self.person_mentions.append((m.start(), self.paragraph_of(m.start()), name))
                    self._subject_mention(m.start(), m.end(), name)
            if words:
                self.entity_heads.append((m.start(), words[-1].lower(), name))
        self.person_mentions.sort()

    def _subject_mention(self, start: int, end: int, canonical: str) -> None:
        """A person named at the start of a clause and followed by a verb ("but Christie wasn't
        having it") is as salient for a later "he" as a quoted speaker."""
        if _CLAUSE_BEFORE.search(self.text, max(0, start - 14), start) and _VERB_AFTER.match(self.text, end):
            who = self._registered(canonical, "name") if canonical in self.lex.register else _Who(canonical, "person", "name", "person")
            self.events.append((start, self.paragraph_of(start), who))

    def paragraph_of(self, pos: int) -> int:
        lo, hi = 0, len(self._para_starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._para_starts[mid] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return max(lo - 1, 0)

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._inside_starts, pos) - 1
        return k >= 0 and pos < self.inside[k][1]

    # --- resolution -----------------------------------------------------------------------

    def resolve(self, toks: list[Tok], np: tuple[int, int], pos: int) -> _Who:
        """Who a noun phrase (token range) is, at offset ``pos`` of the article."""
        lex = self.lex
        a, b = np
        phrase = self.text[toks[a].start : toks[b - 1].end]
        low = toks[a].low if b - a == 1 else ""
        if low in PRONOUNS:
            return self._pronoun(low, pos)
        head_i = _head_index(toks, np, lex)
        core = self.text[toks[a].start : toks[head_i].end]
        m = lex.register.head(phrase)
        if m is None or m.start > 0 and phrase[: m.start].strip().lower() not in ("the", "a", "an"):
            m = lex.register.head(core)  # "the mayor of Kyiv" is a role of its own; "a spokesman for the Kremlin" is not the Kremlin
        name = self._name_in(toks, a, head_i + 1)
        if m is not None and not (name and lex.register.head(name) is None and core.rfind(name.split()[-1]) >= m.end):
            return self._registered(m.canonical, "register")  # unless a name not in the register comes later:
            # "former Obama Education Secretary Arne Duncan" is Arne Duncan
        if name:
            return _Who(name, "organisation" if _is_org_name(name) else "person", "name", "organisation" if _is_org_name(name) else "person")
        # a role: "the official", "a European official familiar with ...", "Zelensky’s spokesman"
        head = toks[head_i].low.rstrip("’'")
        role_phrase = _without_clause(phrase, core)
        owner = [x for x in lex.register.find(core) if _POSSESSIVE.match(core, x.end)]
        speaks_for = [x for x in lex.register.find(role_phrase) if _POSSESSIVE.match(role_phrase, x.end) or re.search(r"\b(?:for|of|to)\s+$", role_phrase[: x.start])]
        if owner:  # "Zelensky’s spokesman" -> "Volodymyr Zelensky’s spokesman": one name for every variant
            o = owner[0]
            role_phrase = role_phrase.replace(o.text, o.canonical, 1) if o.text in role_phrase else role_phrase
        role = _role_text(role_phrase)
        owner_name = speaks_for[0].canonical if speaks_for else ""
        definite = toks[a].low in ("the", "this", "that")
        if definite:
            for h, who in reversed(self.roles):
                if h == head:
                    return _Who(who.speaker, who.speaker_type, "description", who.kind, who.owner)
            for off, h, canonical in reversed(self.entity_heads):
                if off < pos and h == head:
                    return self._registered(canonical, "description") if canonical in lex.register else _Who(canonical, "person", "description", "person")
            if head in lex.person_nouns and not owner:
                who = self._pronoun("he", pos)
                if who.speaker:
                    return _Who(who.speaker, who.speaker_type, "description", who.kind)
        plural = head.endswith("s") and not head.endswith("ss")
        if owner:
            who = _Who(role, "role", "role", "role", owner_name)
        elif head in lex.anonymous_heads or (plural and head[:-1] in lex.anonymous_heads):
            who = _Who(role, "anonymous", "role", "group" if plural else "anonymous", owner_name)
        elif toks[head_i].word and not toks[head_i].low in PRONOUNS:
            # any other description, as the text gives it ("one senior Democrat", "the conference speaker")
            who = _Who(role, "role", "role", "group" if plural else "role", owner_name)
        else:
            return _Who("", "unknown", "", "unknown")
        self.roles.append((head, who))
        return who

    def _registered(self, canonical: str, via: str) -> _Who:
        info = self.lex.register.info(canonical)
        kind = info.get("kind", "")
        stype = {"person": "person", "media": "media"}.get(kind, "organisation")
        return _Who(canonical, stype, via, "person" if kind == "person" else "organisation")

    def _name_in(self, toks: list[Tok], a: int, b: int) -> str:
        """The rightmost capitalised name in ``toks[a:b]`` (not a possessive), completed from the article."""
        j = b - 1
        while j >= a and not (toks[j].cap and not _common_word(toks[j], self.lex) and toks[j].text not in _NAME_PREFIXES):
            j -= 1
        if j < a or toks[j].possessive:
            return ""
        i = j
        while i - 1 >= a and ((toks[i - 1].cap and not _common_word(toks[i - 1], self.lex)) or toks[i - 1].low in _NAME_PARTICLES or toks[i - 1].text == ".") and not toks[i - 1].possessive:
            i -= 1
        name = _strip_name(self.text[toks[i].start : toks[j].end])
        if not name:
            return ""
        words = name.split()
        if len(words) == 1:
            if words[0].lower() in _TIME_WORDS or words[0] in ("I",):
                return ""
            return self.names.get(words[0], words[0])
        return name

    def _pronoun(self, pronoun: str, pos: int) -> _Who:
        kind = PRONOUNS[pronoun]
        if kind == "first":
            return _Who("", "unknown", "pronoun", "unknown")
        para = self.paragraph_of(pos)
        want = {"person": ("person",), "group": ("group", "anonymous", "organisation"), "organisation": ("organisation",)}[kind]
        candidates = [(off, who) for off, k, who in self.events if off < pos and k >= para - 2 and who.kind in want and who.speaker]
        if candidates:
            who = max(candidates, key=lambda c: c[0])[1]  # the latest
            return _Who(who.speaker, who.speaker_type, "pronoun", who.kind, who.owner)
        if kind == "person":
            # the person named last: within three paragraphs, else anywhere before
            for window in (3, 10**6):
                for off, k, canonical in reversed(self.person_mentions):
                    if off < pos and k >= para - window:
                        return self._registered(canonical, "pronoun") if canonical in self.lex.register else _Who(canonical, "person", "pronoun", "person")
        return _Who("", "unknown", "pronoun", "unknown")

    def note(self, pos: int, who: _Who) -> None:
        if who.speaker:
            self.events.append((pos, self.paragraph_of(pos), who))


_POSSESSIVE = re.compile(r"[’']s?\s+\w")
_CLAUSE_BEFORE = re.compile(r"(?:^|\n|[.;:,—–(“\"]\s*|\b(?:[Aa]nd|[Bb]ut|while|as|when|after|because|where|though|although|so|then)\s+)(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_VERB_AFTER = re.compile(r"\s+(?:(?:also|then|later|again|had|has|have|was|is|would|will|could|did|does|not|never|quickly|still)\s+)*[a-z]+(?:ed|s|d)\b")


_COMMON_ROLE_WORDS = frozenset("officials official sources source aides diplomats analysts experts critics residents witnesses people".split())
_CLAUSE_MODIFIER = re.compile(r"\s+(?:familiar|close|with\s+knowledge|who|which|that|speaking|briefed|knowledgeable|involved)\b|\s*,")


def _without_clause(phrase: str, core: str) -> str:
    """A role without its clause-like post-modifier: "a European official familiar with the
    drafts" -> "a European official"; "the mayor of Kyiv" stays whole."""
    m = _CLAUSE_MODIFIER.search(phrase)
    return phrase[: m.start()] if m else phrase


def _role_text(core: str) -> str:
    """A role as a speaker label: "A European official familiar with ..." -> "a European official"."""
    words = core.split()
    if words and (words[0] in ("A", "An", "The", "This", "That", "Some", "Several", "Many", "Two", "Three", "Other") or words[0].lower() in _COMMON_ROLE_WORDS):
        words[0] = words[0].lower()  # "Officials said" -> "officials"
    return " ".join(words).rstrip(",")


# ---------------------------------------------------------------------------------------------
# 6. Putting it together

_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+[“‘\"']?[A-Z]")


def _is_direct(s: Sentence, qi: int, quote: str) -> bool:
    """Does the quote stand as the speaker's own sentence rather than a phrase in the reporter's?"""
    if _SENTENCE_INSIDE.search(quote):
        return True
    first = quote.lstrip("‘'\"“.…[(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if len(quote.split()) < 3 and quote[-1:] not in ".!?,…":
        return False  # a capitalised word or two ("“Trumpization”") is a phrase, not a sentence
    toks = s.toks
    if qi == 0:
        return True
    prev = toks[qi - 1]
    return prev.text in ":,;—–-" or any(v[0] + v[1] - 1 == qi - 1 for v in s.verbs) or prev.q >= 0


def quotes_in_text(
    text: str,
    *,
    headline: str = "",
    paragraphs: Sequence[tuple[int, int]] | None = None,
    indirect: bool = False,
    scare_max_words: int = 5,
    lexicon: Lexicon | None = None,
) -> list[dict]:
    """Every quote in one article, with its speaker and reporting verb.

    A pure function of its arguments (no corpus needed), deterministic, with its resources
    compiled once: the unit that :func:`analysis.sourcing.extract_quotes` maps over a corpus.

    Args:
        text: the article's clean text.
        headline: the headline; its quotes come back as rows of kind ``headline`` whose
            ``start``/``end`` are offsets into the headline (``field`` says so).
        paragraphs: ``(start, end)`` of each paragraph; by default blocks between blank lines.
        indirect: also return reported speech without quotation marks, as rows of kind
            ``indirect`` (the ``quote`` is the reported content).
        scare_max_words: a quoted phrase with no speaker and at most this many words is a scare
            quote; a longer one is kept as a ``direct`` quote with an unknown speaker.
        lexicon: the compiled resources; :func:`load_lexicon` by default.

    Returns:
        One dict per quote, in reading order, with ``field`` (text or headline), ``kind``,
        ``quote``, ``start``, ``end`` (``source[start:end] == quote`` where ``source`` is the
        text or the headline), ``paragraph``, ``sentence``, ``quotation`` (passages of one
        quotation, split by its attribution or running over paragraphs, share this number),
        ``closed`` (the passage had its closing mark), ``speaker``, ``speaker_type``, ``via``
        (how the speaker was found), ``speaks_for`` (the register entry a role speaks for:
        "Zelensky’s spokesman" -> Volodymyr Zelensky), ``speaker_mention``, ``speaker_start``,
        ``speaker_end`` (the words in the text that name the speaker; -1 when none), ``verb``,
        ``verb_lemma``, ``stance``, ``verb_start``, ``verb_end``, ``cue_position`` (where the
        cue was: after, before, parenthetical, label, according, inherited), ``words``.
    """
    lex = lexicon or load_lexicon()
    rows = _attribute(text, list(paragraphs) if paragraphs is not None else paragraph_spans(text), lex, indirect=indirect, scare_max_words=scare_max_words)
    if headline and headline.strip():
        for r in _attribute(headline, paragraph_spans(headline), lex, indirect=False, scare_max_words=scare_max_words):
            r.update(field="headline", kind="headline", paragraph=-1, sentence=-1, quotation=-1)
            rows.append(r)
    return rows


def _attribute(text: str, paras: list[tuple[int, int]], lex: Lexicon, *, indirect: bool, scare_max_words: int) -> list[dict]:
    passages = find_passages(text, paras)
    sentences = _sentences(text, paras, passages)
    for s in sentences:
        _find_verbs(s, lex)
    sentences = _merge_attributions(sentences, lex)
    art = _Article(text, paras, passages, lex)
    where: dict[int, tuple[Sentence, int]] = {}
    for s in sentences:
        for i, t in enumerate(s.toks):
            if t.q >= 0:
                where[t.q] = (s, i)

    # the cue of each passage: the best of the three places it can be
    cues: dict[int, Cue | None] = {}
    for qid in range(len(passages)):
        if qid not in where:
            cues[qid] = None
            continue
        s, qi = where[qid]
        found = [c for c in (_cue_after(s, qi, lex), _cue_before(s, qi, lex), _cue_parenthetical(s, qi, lex)) if c and c.np]
        cues[qid] = max(found, key=lambda c: c.score) if found else None
    used_verbs = {(where[q][0].index, c.verb[0]) for q, c in cues.items() if c is not None and c.verb}

    # everything that can name a speaker, in reading order: sentence subjects (for pronouns),
    # quotes, and the other reporting verbs (attributions without quote marks)
    items: list[tuple[int, int, str, int, int]] = [(p.open_at, 1, "q", i, 0) for i, p in enumerate(passages)]
    for s in sentences:
        np = _sentence_subject(s, lex)
        if np:
            items.append((s.toks[np[0]].start, 0, "s", s.index, np[0]))
        for v in s.verbs:
            if (s.index, v[0]) not in used_verbs:
                items.append((s.toks[v[0]].start, 2, "v", s.index, v[0]))
    items.sort()

    rows: list[dict] = []
    resolved: dict[int, tuple[_Who, Cue | None, Sentence | None, tuple[int, int] | None]] = {}
    last_in_paragraph: dict[int, tuple[_Who, Cue | None, Sentence | None, tuple[int, int] | None]] = {}
    for pos, _, what, ref, extra in items:
        if what == "s":
            s = sentences[ref]
            np = _sentence_subject(s, lex)
            who = art.resolve(s.toks, np, pos)
            if who.kind == "person" and who.via != "pronoun":
                art.note(pos, who)
            continue
        if what == "v":
            s = sentences[ref]
            v = next(v for v in s.verbs if v[0] == extra)
            np = _subject_of(s, v[0], lex)
            if np is None or not _speakerlike(s.toks, np, lex):
                continue
            who = art.resolve(s.toks, np, s.toks[np[0]].start)
            if not who.speaker:
                continue
            art.note(s.toks[np[0]].start, who)
            last_in_paragraph[s.paragraph] = (who, Cue(v, np, "before", 1.0), s, np)
            if indirect and v[2] in lex.clause and _finite_and_affirmed(s.toks, v):
                row = _indirect_row(art, s, v, np, who, lex)
                if row:
                    rows.append(row)
            continue
        qid = ref
        p = passages[qid]
        cue = cues[qid]
        who, src_cue, src_sent, np = _Who("", "unknown", "", "unknown"), None, None, None
        if cue is not None:
            s, _ = where[qid]
            who = art.resolve(s.toks, cue.np, s.toks[cue.np[0]].start)
            src_cue, src_sent, np = cue, s, cue.np
        else:
            inherited = _inherit(qid, passages, where, resolved, last_in_paragraph, cues, art)
            if inherited is not None:
                who0, src_cue, src_sent, np = inherited
                who = _Who(who0.speaker, who0.speaker_type, "previous quote" if who0.speaker else "", who0.kind, who0.owner)
        resolved[qid] = (who, src_cue, src_sent, np)
        if who.speaker:
            last_in_paragraph[p.paragraph] = resolved[qid]
            if cue is not None:
                art.note(p.open_at, who)
        rows.append(_quote_row(text, p, qid, who, src_cue, src_sent, np, where, lex, scare_max_words))
    _number_quotations(rows, passages)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def _merge_attributions(sentences: list[Sentence], lex: Lexicon) -> list[Sentence]:
    """Join a sentence that ends with a quote and the attribution that follows it.

    ``“You think I'm going to change?” Trump asked reporters during a news conference late
    last month.`` is split after the question mark by the sentence splitter (the attribution is
    long); the attribution belongs to the quote.
    """
    out: list[Sentence] = []
    for s in sentences:
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == s.paragraph and prev.toks and prev.toks[-1].q >= 0 and not prev.verbs and _opens_with_attribution(s, lex):
            off = len(prev.toks)
            prev.toks.extend(s.toks)
            prev.verbs.extend((i + off, n, lemma) for i, n, lemma in s.verbs)
            prev.end = s.end
        else:
            out.append(s)
    for i, s in enumerate(out):
        s.index = i
    return out


def _opens_with_attribution(s: Sentence, lex: Lexicon) -> bool:
    if not s.verbs or s.verbs[0][0] > 20 or any(t.q >= 0 for t in s.toks[: s.verbs[0][0]]):
        return False
    vi, n, lemma = s.verbs[0]
    if vi == 0:
        np = _collect_right(s.toks, n, lex)
        return lemma in _INVERTING and np is not None and _speakerlike(s.toks, np, lex)
    np = _subject_of(s, vi, lex)
    return np is not None and np[0] == 0 and _speakerlike(s.toks, np, lex)


def _inherit(qid: int, passages: list[Passage], where: dict, resolved: dict, last_in_paragraph: dict, cues: dict, art: "_Article"):
    """The (speaker, cue, sentence, noun phrase) a passage with no cue of its own takes, if any."""
    p = passages[qid]
    if p.continues >= 0 and p.continues in resolved and resolved[p.continues][0].speaker:
        return resolved[p.continues]
    if qid not in where:
        return None
    s, qi = where[qid]
    # another quote of the same sentence that has a speaker of its own (the earlier first):
    # "Rybar described him as “competent” and said “he was not well liked”", or a title before
    # the quote that names its speaker ("“Glitters” was to be a “cautionary tale,” said Crawford")
    same = [t.q for t in s.toks if t.q >= 0 and t.q != qid]
    for q in sorted(same, key=lambda q: (q > qid, abs(q - qid))):
        if q in resolved and resolved[q][0].speaker and resolved[q][1] is not None:
            return resolved[q]
        if q > qid and cues.get(q) is not None:
            c = cues[q]
            who = art.resolve(s.toks, c.np, s.toks[c.np[0]].start)
            if who.speaker:
                return (who, c, s, c.np)
    # a quote split by its attribution: “...,” he said. “...” (same paragraph; the quote stands
    # as a sentence of its own, so a quoted phrase in the reporter's sentence takes nobody's words)
    own_sentence = qi == 0 or all(not t.word for t in s.toks[:qi])
    for q in range(qid - 1, -1, -1) if own_sentence else ():
        if passages[q].paragraph != p.paragraph:
            break
        if q in resolved and resolved[q][0].speaker:
            return resolved[q]
    # a quote standing as its own sentence after someone's reported words in the same paragraph
    # ("Perez says too many women feel guilty. “They feel like a bad employee.”")
    here = last_in_paragraph.get(p.paragraph)
    if own_sentence and here is not None and here[2] is not None and here[2].end <= p.open_at and p.text_first_upper:
        return here
    # a paragraph of nothing but quotes takes the last speaker of the paragraph before
    if qi == 0 and all(t.q >= 0 or not t.word for t in s.toks):
        return last_in_paragraph.get(p.paragraph - 1)
    return None


def _quote_row(text, p: Passage, qid, who: _Who, cue: Cue | None, s: Sentence | None, np, where, lex: Lexicon, scare_max_words: int) -> dict:
    quote = text[p.start : p.end]
    words = len(quote.split())
    qs, qi = where.get(qid, (None, 0))
    if not who.speaker:
        kind = "scare" if words <= scare_max_words else "direct"
    else:
        kind = "direct" if (qs is not None and _is_direct(qs, qi, quote)) or p.continues >= 0 else "partial"
    row = {
        "field": "text", "kind": kind, "quote": quote, "start": p.start, "end": p.end,
        "paragraph": p.paragraph, "sentence": qs.index if qs is not None else -1, "quotation": qid,
        "closed": p.close_at >= 0, "speaker": who.speaker, "speaker_type": who.speaker_type if who.speaker else "unknown",
        "via": who.via if who.speaker else "", "speaks_for": who.owner if who.speaker else "",
        "speaker_mention": "", "speaker_start": -1, "speaker_end": -1,
        "verb": "", "verb_lemma": "", "stance": "", "verb_start": -1, "verb_end": -1, "words": words,
        "cue_position": "",
    }
    if cue is not None and s is not None:
        row["cue_position"] = "inherited" if who.via == "previous quote" else cue.how
        if np is not None:
            a, b = s.toks[np[0]].start, s.toks[np[1] - 1].end
            row.update(speaker_mention=text[a:b], speaker_start=a, speaker_end=b)
        if cue.verb is not None:
            vi, n, lemma = cue.verb
            a, b = s.toks[vi].start, s.toks[vi + n - 1].end
            row.update(verb=text[a:b].lower(), verb_lemma=lemma, stance=lex.stance.get(lemma, ""), verb_start=a, verb_end=b)
    if kind == "scare":
        row.update(speaker="", speaker_type="unknown", via="", speaks_for="")
    return row


def _number_quotations(rows: list[dict], passages: list[Passage]) -> None:
    """Passages of one quotation share ``quotation``: continued over paragraphs, or split by the attribution."""
    by_q = {r["quotation"]: r for r in rows if r["kind"] != "indirect"}
    for qid in range(len(passages)):
        r = by_q.get(qid)
        if r is None:
            continue
        p = passages[qid]
        if p.continues >= 0 and p.continues in by_q:
            r["quotation"] = by_q[p.continues]["quotation"]
        elif r["via"] == "previous quote" and qid - 1 in by_q and passages[qid - 1].paragraph == p.paragraph and by_q[qid - 1]["speaker"] == r["speaker"]:
            r["quotation"] = by_q[qid - 1]["quotation"]


def _finite_and_affirmed(toks: list[Tok], v: tuple[int, int, str]) -> bool:
    """A verb that reports something said: not a participle ("declaring", which may hang on any
    clause) and not negated ("has not revealed details")."""
    vi, _, lemma = v
    if lemma == "according to":
        return True
    if toks[vi].low.endswith("ing"):
        return False
    j = vi - 1
    while j >= 0 and toks[j].low in _AUXILIARIES and toks[j].low not in ("not", "n't", "never"):
        j -= 1
    return not (j >= 0 and toks[j].low in ("not", "n't", "never"))


def _indirect_row(art: _Article, s: Sentence, v: tuple[int, int, str], np: tuple[int, int], who: _Who, lex: Lexicon) -> dict | None:
    """An attribution without quotation marks: "X said (that) ...", "according to X, ...", "..., X said."."""
    toks = s.toks
    vi, n, lemma = v
    if lemma == "according to":
        if vi == 0 or toks[vi - 1].text in "“‘\"'(":
            a = np[1] + (1 if np[1] < len(toks) and toks[np[1]].text == "," else 0)
            content = (a, len(toks))
        elif toks[vi - 1].text == ",":
            content = (0, vi - 1)
        else:
            return None
    else:
        after = vi + n
        if np[0] > 0 and toks[np[0] - 1].text == "," and (after >= len(toks) or toks[after].text in ".,;!?"):
            content = (0, np[0] - 1)  # "..., X said."
        elif np[0] > vi:
            return None  # "said X" with nothing reported
        else:
            a = after
            that = next((x for x in range(after, min(after + 10, len(toks))) if toks[x].low == "that"), None)
            if that is not None and not any(t.q >= 0 or t.text in ",;:—–-" for t in toks[after:that]):
                a = that + 1  # "wrote on social media that ...", "told Witkoff at their last meeting ... that ..."
            else:
                if lemma in ("tell", "brief", "assure") and a < len(toks):
                    obj = _collect_right(toks, a, lex)
                    a = obj[1] if obj else a
                while a < len(toks) and (toks[a].low in _TIME_LEADS or toks[a].low in _TIME_WORDS or toks[a].text == ","):
                    a += 1
            if a < len(toks) and (toks[a].low in _PREPOSITIONS or (toks[a].low.endswith("ed") and not toks[a].cap)):
                return None  # "responded to the proposals", "which he said included ...": no content
            content = (a, len(toks))
    a, b = content
    while b > a and toks[b - 1].text in ".,;:!?—–":
        b -= 1
    if b - a < 3 or not any(t.word for t in toks[a:b]) or any(t.q >= 0 for t in toks[a:b]):
        return None
    start, end = toks[a].start, toks[b - 1].end
    text = art.text
    sa, sb = toks[np[0]].start, toks[np[1] - 1].end
    va, vb = toks[vi].start, toks[vi + n - 1].end
    return {
        "field": "text", "kind": "indirect", "quote": text[start:end], "start": start, "end": end,
        "paragraph": s.paragraph, "sentence": s.index, "quotation": -1, "closed": True,
        "speaker": who.speaker, "speaker_type": who.speaker_type, "via": who.via, "speaks_for": who.owner,
        "speaker_mention": text[sa:sb], "speaker_start": sa, "speaker_end": sb,
        "verb": text[va:vb].lower(), "verb_lemma": lemma, "stance": lex.stance.get(lemma, ""),
        "verb_start": va, "verb_end": vb, "words": len(text[start:end].split()), "cue_position": "before" if np[0] < vi else "after",
    }


def vague_sourcing_in_text(text: str, *, lexicon: Lexicon | None = None, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[dict]:
    """Vague and anonymous sourcing phrases outside quotation marks ("officials said", "reportedly").

    Returns:
        One dict per phrase: ``start``, ``end``, ``phrase`` (``text[start:end]``), ``class``
        (anonymous, hedge, agentless) and ``label`` (the pattern's name in the data file).
    """
    lex = lexicon or load_lexicon()
    passages = find_passages(text, paragraphs)
    regions = [(p.open_at, p.region_end) for p in passages]
    out, taken = [], []
    for cls, label, rx in lex.vague_patterns:
        for m in rx.finditer(text):
            a, b = m.start(), m.end()
            if any(x <= a < y for x, y in regions) or any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            out.append({"start": a, "end": b, "phrase": text[a:b], "class": cls, "label": label})
    return sorted(out, key=lambda r: r["start"])
