"""Violence verbs: who does what to whom, and where the one who did it is left out.

For each verbal use of kill, strike, attack, bomb, shell, assassinate ... (the forms of
``data/agency_words.toml``), :func:`find_violence` gives its voice, the doer (the subject of an
active verb or the by-phrase of a passive), the one done to (the object, or the subject of a
passive), the actors of the register each names, and whether the doer is named in the clause;
:func:`violence` does it over a corpus. Naming the victims and not the one who acted is a choice
Trew (1979) found by comparing newspapers' reports of the same event; Fowler (1991, ch. 5) reads
transitivity in the news the same way.

A form counts as a verb (not a noun such as "the strike on the port") when it is the participle of a
passive (:mod:`analysis.framing.passives`), a past form not after a determiner or preposition, or a
base, -s or -ing form after a modal, "to", a pronoun, "do", or (for -ing) "be" or a comma.

Guards, so that a row is violence reported as having happened:

- *Hypothetical and negated uses* keep their row but get ``doer_status`` (and ``mood``)
  "hypothetical" — a verb group with a modal ("Russia would attack"), a verb in a clause opened by
  "if", "unless", "whether", an infinitive after a word of intention ("threatened to strike",
  "likely to bomb") — or "negated" ("he was not injured"). No one did anything, so no doer is hidden.
- *Idioms* are left out: a violence verb whose object (or passive subject) is a word such as
  "deal", "record", "moment" or "plan" ("strike a deal", "hit a record", "seize the moment").
- *Crossheads* (subheads inside an article, "General killed") are left out by :func:`violence`:
  they label the paragraph that follows, which tells the same event in a full clause.

The guard words are data (``data/agency_words.toml``, table ``[violence_guards]``).

Limits: subjects and objects are the nearest noun-phrase-like stretch of words before and after
the verb, cut at punctuation, conjunctions, reporting verbs and prepositions: a heuristic, shown in
every table with the sentence so that a reader can check it. Reduced relatives ("a peninsula
seized by Russia") are reported with voice "passive (reduced)" only when "by" follows.

References:
    Trew, T. (1979). "Theory and ideology at work." In R. Fowler et al., Language and Control. Routledge.
    Fowler, R. (1991). Language in the News: Discourse and Ideology in the Press. Routledge, ch. 5.
    Quirk, R., Greenbaum, S., Leech, G. & Svartvik, J. (1985). A Comprehensive Grammar of the English
    Language. Longman. §3.63-3.78 (the passive and its agent).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..corpus import Corpus
from ..corpus.register import Register, corpus_register, load_register
from .schemes import SchemeError
from .grammar import (
    DETERMINERS,
    OPEN_PUNCT,
    QUOTES,
    TIME_WORDS,
    WORDS_FILE,
    Token,
    Words,
    is_adverb,
    is_be,
    is_finite_verb,
    load_words,
    tokenize,
    verb_group_start,
)
from .passives import agent_after, passive_tokens

__all__ = [
    "ViolenceGuards",
    "find_violence",
    "load_guards",
    "violence",
]

_NP_MAX_WORDS = 10
_REPORTING = frozenset(
    """said says told tells reported reports added adds warned warns claimed claims insisted insists
    announced announces confirmed confirms wrote writes posted posts stated states believe believes
    believed think thinks thought""".split()
)
_TIME_ADVERBS = frozenset("overnight yesterday today tonight earlier later last again".split())
_PRONOUNS = frozenset("he she they we i you it who which".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())
_SUBORDINATORS = frozenset(
    "that when after before as because while if since although though but so whether where unless until".split()
)


@dataclass(frozen=True)
class ViolenceGuards:
    """The guard words of the violence-verb rule (``[violence_guards]`` of ``data/agency_words.toml``).

    Attributes:
        hypothetical_modals: modals that make a verb group hypothetical ("could be struck").
        conditionals: words that open a hypothetical clause ("if", "unless").
        intentions: words before an infinitive that make it hypothetical ("threatened to").
        not_violent_objects: lemma -> object words that make the verb an idiom ("strike" a "deal").
    """

    hypothetical_modals: frozenset
    conditionals: frozenset
    intentions: frozenset
    not_violent_objects: dict


@lru_cache(maxsize=4)
def load_guards(path: str | Path = WORDS_FILE) -> ViolenceGuards:
    """Read the guard words (the package's own file by default).

    Args:
        path: a TOML file with a ``[violence_guards]`` table laid out as in ``data/agency_words.toml``.

    Returns:
        A :class:`ViolenceGuards`.

    Raises:
        SchemeError: the file has no ``[violence_guards]`` table or lacks one of its lists.
    """
    data = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("violence_guards")
    keys = ("hypothetical_modals", "conditionals", "intentions", "not_violent_objects")
    if not data or any(k not in data for k in keys):
        raise SchemeError(f"{path}: needs a [violence_guards] table with {', '.join(keys)}; copy it from "
                          "analysis/data/agency_words.toml")
    low = lambda xs: frozenset(x.lower().replace("’", "'") for x in xs)  # noqa: E731
    return ViolenceGuards(low(data["hypothetical_modals"]), low(data["conditionals"]), low(data["intentions"]),
                          {k.replace("_", " "): low(v) for k, v in data["not_violent_objects"].items()})


def _mood(tokens: list[Token], first: int, verb: int, g: ViolenceGuards) -> str:
    """Whether the verb group from token ``first`` to the verb at ``verb`` reports an event.

    "negated": "not", "never" or an n't form in the group ("he was not injured"). "hypothetical": a
    modal in the group ("could be struck"), an infinitive after a word of intention ("threatened to
    strike", "likely to bomb"), or a conditional opening its clause (read back to the nearest clause
    break, ; : ( or a dash, at most 15 words: "if they are attacked"). Otherwise "reported".
    """
    group = tokens[first:verb]
    if any(t.norm in ("not", "never") or t.norm.endswith("n't") for t in group):
        return "negated"
    if any(t.norm in g.hypothetical_modals for t in group):
        return "hypothetical"
    for k in range(max(first, 1), verb):
        if tokens[k].norm == "to" and tokens[k - 1].norm in g.intentions:
            return "hypothetical"
    if first >= 1 and tokens[first].norm == "to" and tokens[first - 1].norm in g.intentions:
        return "hypothetical"
    j = first - 1
    while j >= 0 and first - j <= 15 and tokens[j].text not in (";", ":", "(", "—", "–", ".", "!", "?"):
        if tokens[j].norm in g.conditionals:
            return "hypothetical"
        j -= 1
    return "reported"


# ---------------------------------------------------------------------------------------------
# Noun-phrase heuristics


def _boundary(tokens: list[Token], j: int, w: Words) -> bool:
    """True when token ``j`` ends a noun phrase read backwards: punctuation, a conjunction or
    subordinator, a reporting verb, an auxiliary, "to", or a verb followed by its object."""
    tok = tokens[j]
    if (
        tok.text in OPEN_PUNCT or tok.text in QUOTES or tok.text in (".", "!", "?")
        or tok.norm in _SUBORDINATORS or tok.norm in _REPORTING
        or tok.norm in w.modals or tok.norm in w.auxiliaries or tok.norm in w.have or is_be(tok, w)
    ):
        return True
    if j + 1 < len(tokens) and is_finite_verb(tok, w):
        nxt = tokens[j + 1]
        return nxt.norm in DETERMINERS or nxt.text[:1].isdigit()
    return False


def _np_before(tokens: list[Token], i: int, w: Words) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase before the verb group starting at token ``i``.

    Skips adverbs; goes back over a relative pronoun ("the strike, which killed") and over an
    apposition closed by a comma or dash ("Kirillov – who headed ... – was killed"); then takes the
    words back to the last boundary (see :func:`_boundary`), cut at their first preposition other
    than "of" and at ten words.
    """
    j = i - 1
    while j >= 0 and is_adverb(tokens[j], w):
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
                or t.norm in w.auxiliaries or t.norm in _TIME_ADVERBS or (b > a and t.norm in TIME_WORDS)):
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
    while j >= 0 and is_adverb(tokens[j], w):
        j -= 1
    return tokens[j] if j >= 0 else None


def find_violence(text: str, *, offset: int = 0, words: Words | None = None, register: Register | None = None,
                  guards: ViolenceGuards | None = None) -> list[dict]:
    """Verbal uses of violence verbs in ``text`` with doer, done-to and voice.

    A form counts as a verb (not a noun such as "the strike on the port" or "a drone attack") when it is
    the participle of a passive; or a past form not after a determiner or a preposition ("the
    killed", "of killed soldiers" are modifiers); or a base, -s or -ing form after a modal, "to", a
    pronoun, "do", or (for -ing) a form of "be" or a comma ("..., killing three people").

    Args:
        text: a sentence (or more).
        offset: added to every offset.
        words: the rules' word lists; the package's own by default.
        register: a :class:`~analysis.register.Register` to name the actors in the doer and
            done-to phrases; the package's own by default.
        guards: the guard words (:func:`load_guards`); the package's own by default.

    Returns:
        One dict per verb: ``start``, ``end``, ``verb``, ``lemma``, ``voice`` (active, passive, or
        passive (reduced) for "a peninsula seized by Russia"), ``doer``, ``doer_actors``,
        ``done_to``, ``done_to_actors`` (canonical names from the register, "; "-joined),
        ``doer_status``: "named", "left out" (a passive without a by-phrase), "not in the
        clause" (an infinitive or -ing clause, whose doer is in another clause), or, where
        nothing was done, "hypothetical" ("Russia would attack", "if they are attacked") or
        "negated" ("he was not injured"); and ``mood`` ("reported", "hypothetical" or "negated").
        Idioms ("strike a deal", "hit a record") give no row.

    References:
        Trew (1979); Fowler (1991), ch. 5: who is the agent of a transitive verb, and who is left out.
    """
    w = words or load_words()
    g = guards or load_guards()
    reg = register or load_register()
    tokens = tokenize(text, offset)
    passive_at = {j: (first, agent) for _, first, j, agent in passive_tokens(tokens, text, offset, w, True)}
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
                if prev_norm in DETERMINERS or prev_norm in _NUMBER_WORDS or prev_norm in w.prepositions or (prev and prev.text[:1].isdigit()):
                    continue  # "the wounded", "of killed soldiers", "four occupied regions": modifiers
                agent = agent_after(tokens, last, w)
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
                    first = verb_group_start(tokens, i, w)
                    done_to = _np_after(tokens, last, w)
                    if tokens[first].norm == "to":
                        status = "not in the clause"
                    else:
                        doer = _np_before(tokens, first, w)
            else:
                nxt = tokens[last + 1] if last + 1 < len(tokens) else None
                after_comma = is_ing and prev is not None and prev.text == ","
                if after_comma:
                    if not (nxt is not None and (nxt.norm in DETERMINERS or nxt.text[:1].isdigit() or nxt.text[:1].isupper())):
                        continue
                elif not (prev_norm in w.modals or prev_norm in _PRONOUNS or prev_norm in w.auxiliaries or (is_ing and prev is not None and is_be(prev, w))):
                    continue  # "a drone attack", "the strike on the port", "the bombing": nouns
                voice = "active"
                done_to = _np_after(tokens, last, w)
                first = verb_group_start(tokens, i, w)
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
        done_text = _span_text(text, offset, tokens, done_to)
        if done_text and {t.lower() for t in done_text.split()} & g.not_violent_objects.get(lemma, frozenset()):
            continue  # "strike a deal", "a deal that could be struck", "hit a record": idioms
        group_start = verb_group_start(tokens, passive_at[last][0] if last in passive_at else i, w)
        mood = _mood(tokens, group_start, i, g)
        if mood != "reported":
            status = mood  # nothing was done, so no doer is hidden
        last_doer = (doer, status, last)
        doer_text = _span_text(text, offset, tokens, doer)
        out.append(
            {
                "start": tokens[i].start, "end": tokens[last].end,
                "verb": text[tokens[i].start - offset : tokens[last].end - offset], "lemma": lemma, "voice": voice,
                "doer": doer_text, "doer_actors": _actors(reg, doer_text), "done_to": done_text,
                "done_to_actors": _actors(reg, done_text), "doer_status": status, "mood": mood,
            }
        )
    return out


def _trailing_name(tokens: list[Token], rng: tuple[int, int]) -> tuple[int, int]:
    """In "the province Ruritania (annexed)", the subject is the capitalised name at the end of the
    phrase: keep the trailing run of capitalised words when a lower-case word other than a
    determiner comes before it."""
    a, b = rng
    k = b
    while k > a and tokens[k - 1].text[:1].isupper():
        k -= 1
    if a < k < b and tokens[k - 1].text[:1].islower() and tokens[k - 1].norm not in DETERMINERS:
        return k, b
    return rng


def _actors(reg: Register, phrase: str) -> str:
    return "; ".join(dict.fromkeys(m.canonical for m in reg.find(phrase))) if phrase else ""


def violence(corpus: Corpus, *, register: Register | None = None) -> pd.DataFrame:
    """Every verbal use of a violence verb in a corpus: who did what to whom, and where the doer is left out.

    Args:
        corpus: a loaded corpus.
        register: the register used to name actors; the corpus's own (corpus_register) by default.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``start``, ``end``, ``verb``,
        ``lemma``, ``voice``, ``doer``, ``doer_actors``, ``done_to``, ``done_to_actors``,
        ``doer_status``, ``mood`` (see :func:`find_violence`) and ``text`` (the sentence). Body
        sentences only: a crosshead ("General killed") labels the paragraph after it.

    References:
        Trew (1979); Fowler (1991), ch. 5.
    """
    w = load_words()
    register = register or corpus_register(corpus)
    rows = []
    sents = corpus.sentences()
    for s in sents[sents["paragraph_kind"] == "body"].itertuples(index=False):
        for v in find_violence(s.text, offset=s.start, words=w, register=register):
            rows.append({"article_id": s.article_id, "outlet": s.outlet, "sentence": s.sentence, **v, "text": s.text})
    cols = ["article_id", "outlet", "sentence", "start", "end", "verb", "lemma", "voice", "doer", "doer_actors",
            "done_to", "done_to_actors", "doer_status", "mood", "text"]
    return pd.DataFrame(rows, columns=cols)
