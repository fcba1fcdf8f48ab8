"""Agency: who is said to act. Passives that hide the agent, and who does what to whom with violence verbs.

A news sentence can name the one who acted ("A Russian drone killed three people"), name them after
"by" ("was killed by a bomb"), or leave them out ("was killed in a car bombing"). Leaving out the
agent is a choice a reader can notice (Trew 1979; Fowler 1991, ch. 5). This module finds, by rule:

- **passives** (:func:`find_passives`, :func:`passives`): a form of "be" ("is", "was", "been",
  "being", "it's" ...) or of "get" ("got killed"), then up to four adverbs, commas or quote marks
  ("was not well liked", "were, however, killed"), then a past participle: a word in -ed or an
  irregular participle from ``data/irregular_participles.txt`` (prefixed forms such as "outspent" and
  "undone" included). The agent is a "by" phrase after the participle, within the same clause, that
  does not name a time or a means ("by Friday", "by the end of the week", "by phone", "by refusing").
- **violence verbs** (:func:`find_violence`, :func:`violence`): kill, strike, attack, bomb, shell,
  assassinate ... (``data/agency_words.toml``): for each verbal use, its voice, the doer (the
  subject of an active verb or the by-phrase of a passive), the one done to (the object, or the
  subject of a passive), and whether the doer is named in the clause.
- **grammatical subjects** (:func:`is_subject`), for actor salience: a mention is a subject when it
  is not a possessive, does not follow a preposition, and a finite verb follows it (after an optional
  apposition, "and X", adverbs or a time phrase).

How good the passive rules are is measured on hand-labelled sentences from the seed articles and
from PolNeAR (``python -m analysis.evaluate passives``; the figures are in the README).

Limits (no part-of-speech tagger can be used offline, so these are word rules):

- Participles that are adjectives after "be" ("is tired", "was prepared to", "are used to", "very
  troubled") are excluded by lists and by the "very" test (an intensifier before the participle,
  Quirk et al. 1985, §3.74); an adjective in -ed that is on no list is taken for a participle.
- Reduced relatives without "be" ("a peninsula seized by Russia", "the proposals, published by
  Reuters") are not counted as passives; a violence verb in that form followed by "by" is reported
  with voice "passive (reduced)".
- A second participle that shares the first one's "be" ("was placed in his car and rigged with
  shrapnel") is not found; nor is a passive whose "be" is misspelt.
- Subjects and objects are the nearest noun-phrase-like stretch of words before and after the verb,
  cut at punctuation, conjunctions, reporting verbs and prepositions: a heuristic, shown in every
  table with the sentence so that a reader can check it.

References:
    Quirk, R., Greenbaum, S., Leech, G. & Svartvik, J. (1985). A Comprehensive Grammar of the English
    Language. Longman. §3.63-3.78 (the passive, get-passives, the agent, adjectival participles).
    Trew, T. (1979). "Theory and ideology at work." In R. Fowler et al., Language and Control. Routledge.
    Fowler, R. (1991). Language in the News: Discourse and Ideology in the Press. Routledge, ch. 5.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..paths import DATA_DIR

WORDS_FILE = DATA_DIR / "agency_words.toml"
IRREGULAR_FILE = DATA_DIR / "irregular_participles.txt"

_PREFIXES = ("out", "over", "under", "re", "mis", "fore", "with", "up", "co")
_QUOTES = frozenset("“”\"‘’'«»")
_OPEN_PUNCT = frozenset([*",;:()[]—–", "-", "--"])
_MAX_GAP = 4
_AGENT_WINDOW = 8
_AGENT_MAX_WORDS = 8
_NP_MAX_WORDS = 10
_REPORTING = frozenset(
    """said says told tells reported reports added adds warned warns claimed claims insisted insists
    announced announces confirmed confirms wrote writes posted posts stated states believe believes
    believed think thinks thought""".split()
)
_TIME_WORDS = frozenset(
    """week month year weekend morning afternoon evening night day monday tuesday wednesday thursday
    friday saturday sunday""".split()
)
_TIME_ADVERBS = frozenset("overnight yesterday today tonight earlier later last again".split())
_DETERMINERS = frozenset(
    """a an the this these those his her its their our my your any no every each another such either
    neither several many some few""".split()
)
_PRONOUNS = frozenset("he she they we i you it who which".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())
_SUBORDINATORS = frozenset(
    "that when after before as because while if since although though but so whether where unless until".split()
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


# ---------------------------------------------------------------------------------------------
# Passives


@dataclass(frozen=True)
class Passive:
    """One passive construction, with character offsets into the text given.

    Attributes:
        start: start of the verb group (the first auxiliary: "could" in "could have been reached").
        end: end of the participle.
        verb_group: the words from ``start`` to ``end``.
        kind: "be" or "get".
        participle: the past participle.
        participle_start: its offset.
        agent: the by-phrase's words after "by", or "" when there is none.
        agent_start: offset of the agent words, -1 when there is none.
        agent_end: end of the agent words, -1 when there is none.
    """

    start: int
    end: int
    verb_group: str
    kind: str
    participle: str
    participle_start: int
    agent: str
    agent_start: int
    agent_end: int

    @property
    def has_agent(self) -> bool:
        return self.agent_start >= 0


def _is_be(tok: Token, w: Words) -> bool:
    if tok.norm in w.be:
        return True
    for suffix in ("'s", "'re", "'m"):
        if tok.norm.endswith(suffix) and tok.norm[: -len(suffix)] in w.be_hosts:
            return True
    return False


def _is_adverb(tok: Token, w: Words) -> bool:
    return tok.text[:1].islower() and (tok.norm in w.adverbs or (tok.norm.endswith("ly") and len(tok.norm) > 3))


def _is_participle(tok: Token, w: Words) -> bool:
    word = tok.norm
    if not tok.text[:1].islower() or "-" in word or "'" in word or not word.isalpha():
        return False
    if word in w.passive_participles:
        return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and word[len(prefix):] in w.passive_participles:
            return True
    return len(word) >= 4 and word.endswith("ed") and word not in w.not_participles


def _after_have(tokens: list[Token], i: int, w: Words) -> bool:
    """True when the get-form at ``i`` follows a form of "have" ("we've got", "has got to")."""
    j = i - 1
    while j >= 0 and _is_adverb(tokens[j], w):
        j -= 1
    if j < 0:
        return False
    prev = tokens[j].norm
    return prev in w.have or prev.endswith(("'ve", "'d")) or (prev.endswith("'s") and prev[:-2] in w.be_hosts)


def _agent_after(tokens: list[Token], j: int, w: Words) -> tuple[int, int] | None:
    """Token index range [a, b) of a by-agent after the participle at ``j``, or None."""
    n = len(tokens)
    k = j + 1
    steps = 0
    while k < n and steps < _AGENT_WINDOW:
        tok = tokens[k]
        if tok.text in _OPEN_PUNCT or tok.norm in w.clause_breaks or tok.text in (".", "!", "?"):
            return None
        if _is_be(tok, w) or tok.norm in w.modals:
            return None  # "was supposed | to be escorted by ...": the by-phrase belongs to the next verb
        if tok.norm == "by":
            if k + 1 >= n:
                return None
            first = tokens[k + 1]
            if first.norm in w.not_agent or first.text[:1].isdigit() or first.text in _OPEN_PUNCT:
                return None
            if first.norm.endswith("ing") and first.text[:1].islower():
                return None  # "by refusing": a means, not an agent
            if first.norm == "the" and k + 2 < n and tokens[k + 2].norm in w.not_agent_after_the:
                return None
            a = k + 1
            b = a
            while b < n and b - a < _AGENT_MAX_WORDS:
                t = tokens[b]
                if t.text in _OPEN_PUNCT or t.text in (".", "!", "?", "”", "\"") or (b > a and t.norm in w.agent_stops):
                    break
                b += 1
            return (a, b) if b > a else None
        k += 1
        steps += 1
    return None


def _verb_group_start(tokens: list[Token], i: int, w: Words) -> int:
    """Extend back from the auxiliary at ``i`` over "have", modals, "to" and adverbs: "could have been"."""
    j = i
    while j - 1 >= 0:
        prev = tokens[j - 1]
        if prev.norm in w.have or prev.norm in w.modals or _is_be(prev, w) or prev.norm.endswith("n't"):
            j -= 1
        elif _is_adverb(prev, w) and j - 2 >= 0 and (tokens[j - 2].norm in w.modals or tokens[j - 2].norm in w.have or _is_be(tokens[j - 2], w)):
            j -= 1
        else:
            break
    return j


def _find_passive_tokens(
    tokens: list[Token], text: str, offset: int, w: Words, get_passives: bool
) -> list[tuple[Passive, int, int, tuple[int, int] | None]]:
    """Passives with token indices: (passive, first token of the verb group, participle, agent range)."""
    out = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if _is_be(tok, w):
            kind = "be"
        elif get_passives and tok.norm in w.get and not _after_have(tokens, i, w):
            kind = "get"
        else:
            continue
        j = i + 1
        gap: list[Token] = []
        later_aux = False
        while j < n and len(gap) < _MAX_GAP:
            t = tokens[j]
            if kind == "be" and _is_be(t, w):
                later_aux = True
                break
            if _is_adverb(t, w) or t.norm in w.intensifiers or t.text == "," or t.text in _QUOTES:
                gap.append(t)
                j += 1
                continue
            if j + 1 < n and (t.norm, tokens[j + 1].norm) in w.adverb_phrases:
                gap += [t, tokens[j + 1]]
                j += 2
                continue
            break
        if later_aux or j >= n or not _is_participle(tokens[j], w):
            continue
        part = tokens[j]
        agent = _agent_after(tokens, j, w)
        nxt = tokens[j + 1].norm if j + 1 < n else ""
        adjectival = part.norm in w.adjectival or nxt in w.adjectival_before.get(part.norm, ())
        if agent is None and adjectival:
            continue
        if any(g.norm in w.intensifiers for g in gap):
            continue
        if kind == "get" and len([g for g in gap if g.text not in _QUOTES]) > 2:
            continue
        first = _verb_group_start(tokens, i, w)
        out.append(_passive(tokens, text, offset, kind, first, j, agent))
        for k in _coordinated_participles(tokens, j, w):
            out.append(_passive(tokens, text, offset, kind, first, k, _agent_after(tokens, k, w)))
    return out


def _passive(tokens, text, offset, kind, first, j, agent):
    start, part = tokens[first].start, tokens[j]
    if agent is None:
        agent_text, a_start, a_end = "", -1, -1
    else:
        a_start, a_end = tokens[agent[0]].start, tokens[agent[1] - 1].end
        agent_text = text[a_start - offset : a_end - offset]
    group = text[start - offset : part.end - offset]
    passive = Passive(start, part.end, group, kind, part.text, part.start, agent_text, a_start, a_end)
    return passive, first, j, agent


def _coordinated_participles(tokens: list[Token], j: int, w: Words) -> list[int]:
    """Participles that share the auxiliary of the participle at ``j``: "will be discussed and
    resolved", "was placed in his car and rigged with shrapnel", "has not been charged with nor
    convicted of". A coordinated participle counts only when a preposition, "by" or punctuation
    follows it (so "was elected and served two terms" is not read as "was served")."""
    out = []
    n = len(tokens)
    k = j + 1
    while k < n and k - j <= 8:
        t = tokens[k]
        if t.text in (".", ";", ":", "!", "?") or _is_be(t, w) or (t.norm in w.modals and t.norm != "to"):
            break
        if t.norm in ("and", "or", "nor", "but") and t.text[:1].islower():
            m = k + 1
            while m < n and _is_adverb(tokens[m], w):
                m += 1
            if m < n and _is_participle(tokens[m], w) and tokens[m].norm not in w.adjectival:
                after = tokens[m + 1] if m + 1 < n else None
                if after is None or after.text in _OPEN_PUNCT or after.text in (".", "!", "?") or after.norm in w.prepositions:
                    out.append(m)
                    k = m + 1
                    continue
            break
        k += 1
    return out


def find_passives(text: str, *, get_passives: bool = True, offset: int = 0, words: Words | None = None) -> list[Passive]:
    """Passive constructions in ``text`` (a sentence or more), in order.

    Args:
        text: the text to search.
        get_passives: also count "get" + participle ("got killed"). On by default; "have got"
            ("we've got limited time", "has got to") and adjectival participles ("got married",
            "getting frustrated") are never counted.
        offset: added to every offset (pass a sentence's start to get offsets into the article).
        words: the rules' word lists; the package's own by default.

    Returns:
        A list of :class:`Passive`.

    Example:
        >>> [(p.verb_group, p.agent) for p in find_passives("The general was killed by a bomb; talks were held.")]
        [('was killed', 'a bomb'), ('were held', '')]
    """
    w = words or load_words()
    return [p for p, *_ in _find_passive_tokens(tokenize(text, offset), text, offset, w, get_passives)]


def passives(corpus, *, get_passives: bool = True) -> pd.DataFrame:
    """Every passive in a corpus, one row per construction.

    Args:
        corpus: a loaded :class:`~analysis.corpus.Corpus`.
        get_passives: also count get-passives (see :func:`find_passives`).

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``paragraph``, ``start``, ``end``
        (offsets of the verb group in the clean text), ``verb_group``, ``kind`` (be or get),
        ``participle``, ``agent`` ("" when none), ``has_agent``, ``text`` (the sentence).
    """
    w = load_words()
    rows = []
    for s in corpus.sentences().itertuples(index=False):
        for p in find_passives(s.text, get_passives=get_passives, offset=s.start, words=w):
            rows.append(
                (s.article_id, s.outlet, s.sentence, s.paragraph, p.start, p.end, p.verb_group, p.kind,
                 p.participle, p.agent, p.has_agent, s.text)
            )
    cols = ["article_id", "outlet", "sentence", "paragraph", "start", "end", "verb_group", "kind", "participle",
            "agent", "has_agent", "text"]
    return pd.DataFrame(rows, columns=cols)


def passive_summary(table: pd.DataFrame, corpus) -> pd.DataFrame:
    """Passives per outlet: how many, how many name their agent, and rates per 1,000 words.

    Args:
        table: the output of :func:`passives`.
        corpus: the corpus it came from (for word counts and the outlet order).

    Returns:
        One row per outlet (metadata order): ``outlet``, ``words``, ``passives``, ``with_agent``,
        ``agentless``, ``share_agentless``, ``passives_per_1000_words``, ``agentless_per_1000_words``.
    """
    words = corpus.articles.groupby("outlet")["n_words"].sum()
    rows = []
    for outlet in corpus.outlets:
        t = table[table["outlet"] == outlet]
        n, with_agent = len(t), int(t["has_agent"].sum())
        rows.append(
            {
                "outlet": outlet, "words": int(words[outlet]), "passives": n, "with_agent": with_agent,
                "agentless": n - with_agent, "share_agentless": round((n - with_agent) / n, 3) if n else 0.0,
                "passives_per_1000_words": round(1000 * n / words[outlet], 2),
                "agentless_per_1000_words": round(1000 * (n - with_agent) / words[outlet], 2),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Noun-phrase heuristics


def _boundary(tokens: list[Token], j: int, w: Words) -> bool:
    """True when token ``j`` ends a noun phrase read backwards: punctuation, a conjunction or
    subordinator, a reporting verb, an auxiliary, "to", or a verb followed by its object."""
    tok = tokens[j]
    if (
        tok.text in _OPEN_PUNCT or tok.text in _QUOTES or tok.text in (".", "!", "?")
        or tok.norm in _SUBORDINATORS or tok.norm in _REPORTING
        or tok.norm in w.modals or tok.norm in w.auxiliaries or tok.norm in w.have or _is_be(tok, w)
    ):
        return True
    if j + 1 < len(tokens) and _is_finite_verb(tok, w):
        nxt = tokens[j + 1]
        return nxt.norm in _DETERMINERS or nxt.text[:1].isdigit()
    return False


def _np_before(tokens: list[Token], i: int, w: Words) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase before the verb group starting at token ``i``.

    Skips adverbs; goes back over a relative pronoun ("the strike, which killed") and over an
    apposition closed by a comma or dash ("Kirillov – who headed ... – was killed"); then takes the
    words back to the last boundary (see :func:`_boundary`), cut at their first preposition other
    than "of" and at ten words.
    """
    j = i - 1
    while j >= 0 and _is_adverb(tokens[j], w):
        j -= 1
    if j >= 0 and tokens[j].norm in ("which", "who", "that"):
        j -= 1
        if j >= 0 and tokens[j].text == ",":
            j -= 1
    elif j >= 0 and tokens[j].text in (",", "–", "—"):
        closing = tokens[j].text
        openers = (",",) if closing == "," else ("–", "—")
        k = j - 1
        while k >= 0 and j - k < 30 and tokens[k].text not in openers and tokens[k].text not in (";", ":", "."):
            k -= 1
        j = k - 1 if k >= 0 and tokens[k].text in openers else j - 1
    end = j
    while j >= 0 and not _boundary(tokens, j, w):
        j -= 1
    start = j + 1
    if start > end:
        return None
    for k in range(start + 1, end + 1):
        if tokens[k].norm in w.prepositions and tokens[k].norm != "of":
            end = k - 1
            break
    end = min(end, start + _NP_MAX_WORDS - 1)
    return start, end + 1


def _np_after(tokens: list[Token], i: int, w: Words) -> tuple[int, int] | None:
    """Token range [a, b) of the object after the verb ending at token ``i``."""
    a = i + 1
    b = a
    n = len(tokens)
    while b < n and b - a < _NP_MAX_WORDS:
        t = tokens[b]
        if (_boundary(tokens, b, w) or t.norm in ("and", "or") or (t.norm in w.prepositions and t.norm != "of")
                or t.norm in w.auxiliaries or t.norm in _TIME_ADVERBS or (b > a and t.norm in _TIME_WORDS)):
            break
        b += 1
    return (a, b) if b > a else None


def _span_text(text: str, offset: int, tokens: list[Token], rng: tuple[int, int] | None) -> str:
    if rng is None:
        return ""
    return text[tokens[rng[0]].start - offset : tokens[rng[1] - 1].end - offset]


# ---------------------------------------------------------------------------------------------
# Violence verbs


def _violence_at(tokens: list[Token], i: int, w: Words) -> tuple[str, int] | None:
    """(lemma, index of the verb's last token) when a violence-verb form starts at token ``i``."""
    if i + 1 < len(tokens):
        two = f"{tokens[i].norm} {tokens[i + 1].norm}"
        if two in w.violence_forms:
            return w.violence_forms[two], i + 1
    lemma = w.violence_forms.get(tokens[i].norm)
    return (lemma, i) if lemma and tokens[i].text[:1].islower() else None


def _prev_word(tokens: list[Token], i: int, w: Words) -> Token | None:
    j = i - 1
    while j >= 0 and _is_adverb(tokens[j], w):
        j -= 1
    return tokens[j] if j >= 0 else None


def find_violence(text: str, *, offset: int = 0, words: Words | None = None, register=None) -> list[dict]:
    """Verbal uses of violence verbs in ``text`` with doer, done-to and voice.

    A form counts as a verb (not a noun such as "the strike on Kyiv" or "a drone attack") when it is
    the participle of a passive; or a past form not after a determiner or a preposition ("the
    killed", "of killed soldiers" are modifiers); or a base, -s or -ing form after a modal, "to", a
    pronoun, "do", or (for -ing) a form of "be" or a comma ("..., killing three people").

    Args:
        text: a sentence (or more).
        offset: added to every offset.
        words: the rules' word lists; the package's own by default.
        register: a :class:`~analysis.register.Register` to name the actors in the doer and
            done-to phrases; the package's own by default.

    Returns:
        One dict per verb: ``start``, ``end``, ``verb``, ``lemma``, ``voice`` (active, passive, or
        passive (reduced) for "a peninsula seized by Russia"), ``doer``, ``doer_actors``,
        ``done_to``, ``done_to_actors`` (canonical names from the register, "; "-joined), and
        ``doer_status``: "named", "left out" (a passive without a by-phrase), or "not in the
        clause" (an infinitive or -ing clause, whose doer is in another clause).
    """
    from ..corpus.register import load_register

    w = words or load_words()
    reg = register or load_register()
    tokens = tokenize(text, offset)
    passive_at = {j: (first, agent) for _, first, j, agent in _find_passive_tokens(tokens, text, offset, w, True)}
    out: list[dict] = []
    last_doer: tuple[tuple[int, int] | None, str, int] | None = None  # (doer range, status, verb token)
    for i in range(len(tokens)):
        found = _violence_at(tokens, i, w)
        if not found:
            continue
        lemma, last = found
        form = tokens[i].norm
        if last + 1 < len(tokens) and tokens[last + 1].norm == "back" and lemma in ("hit", "strike", "shoot"):
            continue  # "hit back", "struck back": a retort, not violence
        prev = _prev_word(tokens, i, w)
        prev_norm = prev.norm if prev else ""
        doer = done_to = None
        status = "named"
        if last in passive_at:
            first, agent = passive_at[last]
            voice = "passive"
            done_to = _np_before(tokens, first, w)
            doer = agent
            if agent is None:
                status = "left out"
        else:
            is_ing = form.endswith("ing")
            is_past = not is_ing and (form.endswith("ed") or form in w.past_forms or form in w.passive_participles)
            if is_past:
                if prev_norm in _DETERMINERS or prev_norm in _NUMBER_WORDS or prev_norm in w.prepositions or (prev and prev.text[:1].isdigit()):
                    continue  # "the wounded", "of killed soldiers", "four occupied regions": modifiers
                agent = _agent_after(tokens, last, w)
                headline = last == len(tokens) - 1 and prev is not None and prev.text[:1].isupper() and not text.rstrip().endswith((".", "!", "?", "”", '"'))
                if headline:
                    voice, status = "passive (reduced)", "left out"  # headline style: "General killed"
                    done_to = _np_before(tokens, i, w)
                elif agent is not None and prev_norm not in w.have:
                    voice = "passive (reduced)"
                    done_to = _np_before(tokens, i, w)
                    doer = agent
                else:
                    voice = "active"
                    first = _verb_group_start(tokens, i, w)
                    done_to = _np_after(tokens, last, w)
                    if tokens[first].norm == "to":
                        status = "not in the clause"
                    else:
                        doer = _np_before(tokens, first, w)
            else:
                nxt = tokens[last + 1] if last + 1 < len(tokens) else None
                after_comma = is_ing and prev is not None and prev.text == ","
                if after_comma:
                    if not (nxt is not None and (nxt.norm in _DETERMINERS or nxt.text[:1].isdigit() or nxt.text[:1].isupper())):
                        continue
                elif not (prev_norm in w.modals or prev_norm in _PRONOUNS or prev_norm in w.auxiliaries or (is_ing and prev is not None and _is_be(prev, w))):
                    continue  # "a drone attack", "the strike on Kyiv", "the bombing": nouns
                voice = "active"
                done_to = _np_after(tokens, last, w)
                first = _verb_group_start(tokens, i, w)
                if prev_norm == "to" or tokens[first].norm == "to" or after_comma:
                    status = "not in the clause"
                else:
                    doer = _np_before(tokens, first, w)
            if voice == "active" and status == "named" and prev_norm == "and" and last_doer is not None and i - last_doer[2] <= 12:
                doer, status = last_doer[0], last_doer[1]  # "killed 12 civilians and wounded 90 more"
            elif voice == "active" and doer is None and status == "named":
                status = "not in the clause"
        if voice == "active" and doer is not None:
            doer = _trailing_name(tokens, doer)
        last_doer = (doer, status, last)
        doer_text = _span_text(text, offset, tokens, doer)
        done_text = _span_text(text, offset, tokens, done_to)
        out.append(
            {
                "start": tokens[i].start, "end": tokens[last].end,
                "verb": text[tokens[i].start - offset : tokens[last].end - offset], "lemma": lemma, "voice": voice,
                "doer": doer_text, "doer_actors": _actors(reg, doer_text), "done_to": done_text,
                "done_to_actors": _actors(reg, done_text), "doer_status": status,
            }
        )
    return out


def _trailing_name(tokens: list[Token], rng: tuple[int, int]) -> tuple[int, int]:
    """In "the peninsula Moscow (annexed)", the subject is the capitalised name at the end of the
    phrase: keep the trailing run of capitalised words when a lower-case word other than a
    determiner comes before it."""
    a, b = rng
    k = b
    while k > a and tokens[k - 1].text[:1].isupper():
        k -= 1
    if a < k < b and tokens[k - 1].text[:1].islower() and tokens[k - 1].norm not in _DETERMINERS:
        return k, b
    return rng


def _actors(reg, phrase: str) -> str:
    return "; ".join(dict.fromkeys(m.canonical for m in reg.find(phrase))) if phrase else ""


def violence(corpus, *, register=None) -> pd.DataFrame:
    """Every verbal use of a violence verb in a corpus: who did what to whom, and where the doer is left out.

    Args:
        corpus: a loaded corpus.
        register: the register used to name actors; the package's own by default.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``start``, ``end``, ``verb``,
        ``lemma``, ``voice``, ``doer``, ``doer_actors``, ``done_to``, ``done_to_actors``,
        ``doer_status`` (see :func:`find_violence`) and ``text`` (the sentence).
    """
    w = load_words()
    rows = []
    for s in corpus.sentences().itertuples(index=False):
        for v in find_violence(s.text, offset=s.start, words=w, register=register):
            rows.append({"article_id": s.article_id, "outlet": s.outlet, "sentence": s.sentence, **v, "text": s.text})
    cols = ["article_id", "outlet", "sentence", "start", "end", "verb", "lemma", "voice", "doer", "doer_actors",
            "done_to", "done_to_actors", "doer_status", "text"]
    return pd.DataFrame(rows, columns=cols)


# ---------------------------------------------------------------------------------------------
# Grammatical subjects


def _skip_apposition(tokens: list[Token], k: int) -> int:
    """Index after a ", ... ," or "– ... –" apposition starting at ``k`` (or ``k`` when none closes)."""
    if k >= len(tokens) or tokens[k].text not in (",", "–", "—", "("):
        return k
    closing = {",": (",",), "–": ("–", "—"), "—": ("–", "—"), "(": (")",)}[tokens[k].text]
    m = k + 1
    while m < len(tokens) and m - k < 40 and tokens[m].text not in closing and tokens[m].text not in (".", ";", ":"):
        m += 1
    return m + 1 if m < len(tokens) and tokens[m].text in closing else k


def _is_finite_verb(tok: Token, w: Words) -> bool:
    word = tok.norm
    if not tok.text[:1].islower():
        return False
    return (
        word in w.auxiliaries or word in w.present or word in w.past_forms
        or (len(word) >= 4 and word.endswith("ed") and word.isalpha() and word not in w.not_participles)
    )


def is_subject(text: str, start: int, end: int, *, words: Words | None = None) -> bool:
    """Whether the mention at ``text[start:end]`` is the grammatical subject of a clause (a heuristic).

    The mention must not be a possessive ("Trump’s envoy") or follow a preposition ("met with
    Putin"), and a finite verb (an auxiliary, a past form, or a common present form such as "says")
    must follow it, after an optional apposition (", a former ambassador,"), "and" + a capitalised
    name, adverbs, or a time phrase ("last month", "on Friday"). Passive subjects count: the
    grammatical subject is not always the doer.

    Args:
        text: the sentence.
        start: start of the mention in ``text``.
        end: end of the mention in ``text``.
        words: the rules' word lists; the package's own by default.

    Example:
        >>> is_subject("Putin last month rebuffed a US proposal.", 0, 5)
        True
        >>> is_subject("Witkoff met with Putin on Friday.", 17, 22)
        False
    """
    w = words or load_words()
    if text[end : end + 2] in ("’s", "'s") or text[end : end + 1] in ("’", "'") and text[end - 1 : end] == "s":
        return False
    before = tokenize(text[:start])
    if before and before[-1].norm in w.prepositions:
        return False
    after_determiner = bool(before) and before[-1].norm in _DETERMINERS  # "the US plans": a modifier
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
        if tok.norm in w.subject_adverbs or (_is_adverb(tok, w) and tok.norm not in w.auxiliaries):
            k += 1
            continue
        if tok.norm in ("last", "this", "next", "on", "earlier", "late") and k + 1 < len(tokens) and tokens[k + 1].norm in _TIME_WORDS:
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
        return _is_finite_verb(tok, w)
    return False


def passive_figure(summary: pd.DataFrame, corpus):
    """Passives per 1,000 words per outlet: agentless (solid) and with a by-agent (hatched), outlet colours."""
    import matplotlib.pyplot as plt

    from ..plots import outlet_colors

    colors = outlet_colors(corpus.outlets)
    data = summary.set_index("outlet").reindex(corpus.outlets)
    with_agent = (data["passives_per_1000_words"] - data["agentless_per_1000_words"]).round(2)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(data) + 1.6))
    y = range(len(data))[::-1]
    ax.barh(list(y), data["agentless_per_1000_words"], color=[colors[o] for o in data.index], label="agent left out")
    ax.barh(list(y), with_agent, left=data["agentless_per_1000_words"], color="white",
            edgecolor=[colors[o] for o in data.index], hatch="///", label="agent named after “by”")
    for yy, r in zip(y, data.itertuples()):
        label = (f"  {int(r.agentless)} of {int(r.passives)} passives leave the agent out" if r.passives
                 else "  no passive construction found")
        ax.text(r.passives_per_1000_words, yy, label, va="center", fontsize=8.5)
    ax.set_yticks(list(y), list(data.index))
    ax.set_xlim(0, max(1.0, float(data["passives_per_1000_words"].max())) * 1.9)
    ax.set_xlabel("Passive constructions per 1,000 words")
    ax.set_title(passive_title(summary), loc="left")
    ax.legend(frameon=False, fontsize=8.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def passive_title(summary: pd.DataFrame) -> str:
    """The finding for the passives figure: who leaves the agent out most often per 1,000 words."""
    if summary["passives"].sum() == 0:
        return "No passive construction found"
    top = summary.sort_values(["agentless_per_1000_words", "outlet"], ascending=[False, True]).iloc[0]
    if len(summary) == 1:
        return f"{top['outlet']}: {top['agentless_per_1000_words']:g} agentless passives per 1,000 words"
    return f"{top['outlet']} leaves the agent out most often: {top['agentless_per_1000_words']:g} agentless passives per 1,000 words"


def passive_finding(summary: pd.DataFrame, violence_table: pd.DataFrame | None = None) -> str:
    """Sentences on passives and, if given, on violence verbs whose doer is left out (computed)."""
    if summary["passives"].sum() == 0:
        return "The rules find no passive construction in the corpus."
    parts = [f"{r.outlet}: {r.agentless} of {r.passives} passives name no agent ({r.agentless_per_1000_words:g} per 1,000 words)"
             if r.passives else f"{r.outlet}: no passive" for r in summary.itertuples()]
    text = "; ".join(parts) + "."
    if violence_table is not None and len(violence_table):
        left = violence_table[violence_table["doer_status"] == "left out"]
        if len(left):
            by = left.groupby("outlet", sort=False).size()
            text += (" Violence verbs whose doer is left out (a passive with no “by”): "
                     + ", ".join(f"{o} {n}" for o, n in by.items()) + ". The table below lists each one.")
    if len(summary) < 2:
        text += " Comparing outlets needs at least two."
    return text
