"""The words the quote finder reads: reporting verbs, vague-sourcing lists and the register, compiled once.

:func:`load_lexicon` reads the data files into one frozen :class:`Lexicon` (cached), which every
call of :func:`analysis.sourcing.quotes.quotes_in_text` reuses, so that the finder can run over
tens of thousands of articles:

- ``data/reporting_verbs.csv`` (:func:`load_reporting_verbs`): each reporting verb with its written
  forms, its stance class (:data:`STANCES`) and whether it introduces reported content without
  quotation marks ("X said that ...");
- ``data/vague_sourcing.toml`` (:func:`load_vague_sourcing`): the vague and anonymous sourcing
  patterns, and the nouns of persons, bodies and anonymous sources that decide whether a noun
  phrase can speak;
- the register (:func:`analysis.corpus.register.load_register`): one canonical name for every
  variant of a person, body or medium.

Each file's header says where its words come from and how to add one. The closed-class words
below (pronouns, determiners, prepositions, clause words, auxiliaries, titles) are grammar, not
lexicon: they decide where a noun phrase starts and stops, and stay in code.

References:
    Bergler, S. (1992), "Evidential analysis of reported speech", PhD thesis, Brandeis
    University; Caldas-Coulthard, C. R. (1994), "On reporting reporting", in Coulthard (ed.),
    Advances in Written Text Analysis: the stance classes of reporting verbs. Sheehy, M. (2008),
    "Foreign News Stories More Likely to Contain Unnamed Sources", Newspaper Research Journal
    29(3): the vague-sourcing lists.
"""

from __future__ import annotations

import dataclasses

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..corpus.register import Register, corpus_register, load_register
from ..corpus.story import load_story
from ..paths import DATA_DIR

__all__ = [
    "AUXILIARIES",
    "BE",
    "CLAUSE_WORDS",
    "DETERMINERS",
    "INVERTING",
    "Lexicon",
    "lexicon_for",
    "load_lexicon",
    "load_reporting_verbs",
    "load_vague_sourcing",
    "MODALS",
    "NAME_PREFIXES",
    "PREPOSITIONS",
    "PRONOUNS",
    "REPORTING_VERBS_FILE",
    "STANCES",
    "TIME_LEADS",
    "TIME_WORDS",
    "TITLE_ABBREVIATIONS",
    "VAGUE_SOURCING_FILE",
]

REPORTING_VERBS_FILE = DATA_DIR / "reporting_verbs.csv"
VAGUE_SOURCING_FILE = DATA_DIR / "vague_sourcing.toml"

STANCES = ("neutral", "distancing", "factive", "emotive", "directive")
"""The stance classes of reporting verbs (the ``stance`` column of ``data/reporting_verbs.csv``)."""


# ---------------------------------------------------------------------------------------------
# Closed-class words (grammar, not lexicon): they decide where a noun phrase starts and stops.

PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "organisation", "i": "first", "we": "first"}
DETERMINERS = frozenset(
    "a an the this that these those his her their its our my your some any each every no several many "
    "both all another other such one two three four five six seven eight nine ten dozens hundreds".split()
)
PREPOSITIONS = frozenset(
    "in on at by from into onto over under about against during without through across between among per "
    "via like toward towards upon within beyond near around with to of for amid despite than".split()
)
CLAUSE_WORDS = frozenset(
    "and but or nor that which who whom whose when while after before because as if since though although "
    "where so whether until unless then once what how why yet".split()
)
AUXILIARIES = frozenset(
    "is was were are am be been being has have had will would could can may might should must shall did does "
    "do not n't never also again however too just still even then now already later earlier previously "
    "repeatedly reportedly once further separately subsequently immediately initially first last finally "
    "recently publicly privately officially flatly firmly simply quickly only itself himself herself "
    "themselves alone yesterday today tonight often always sometimes soon ever once twice".split()
)
MODALS = frozenset("will may can might must shall".split())  # capitalised mid-sentence, a name: George Will
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december week weekend month year morning afternoon evening night day "
    "days weeks months years time".split()
)
# Nouns of a document or a message whose words are quoted: "Priebus' statement said", "The ad claims", "it reads".
DOCUMENT_NOUNS = frozenset(
    "statement statements tweet tweets letter email post release memo remarks speech filing op-ed ad ads advertisement "
    "editorial affidavit transcript sign".split()
)
TIME_LEADS = frozenset("on late early earlier last this next that in".split())
BE = frozenset("is was were are am be been being".split())
TITLE_ABBREVIATIONS = frozenset("mr mrs ms mx dr prof gen lt col maj capt sgt adm gov sen rep rev fr st sr jr hon amb".split())
# Capitalised words that stand before a name as a title or an adjective, stripped to get the name.
NAME_PREFIXES = frozenset(
    """Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Sgt Adm Gov Sen Rep Rev Fr Hon Amb Sir Dame Lord Lady President
    Vice Prime Minister Foreign Defence Defense Interior Finance Justice Health Secretary State Senator Governor
    Speaker House Senate Majority Minority Leader Chairman Chairwoman Chair Director Chief Judge Attorney General
    Press Spokesman Spokeswoman Spokesperson Ambassador Envoy Special Pope King Queen Prince Princess Sheikh
    Father Sister Professor Mayor Commissioner Deputy Acting Former Associate Assistant Republican Democratic Democrat Independent
    GOP Representative Congressman Congresswoman Lieutenant Colonel Major Captain Sergeant Admiral Commander
    Homeland Security National Adviser Advisor Counsel Candidate Nominee Presidential Officer Executive CEO
    Russian Ukrainian American British English French German Chinese Israeli Iranian European Palestinian
    Syrian Turkish Japanese Indian Canadian Mexican Polish Italian Spanish Dutch Belgian Swedish Finnish
    Norwegian Danish Korean North South East West US U.S. UK U.K. UN U.N. EU Kremlin White Mr. Mrs. Ms. Dr.
    Gen. Lt. Col. Gov. Sen. Rep. Rev. Prof. Messrs""".split()
)# Reporting verbs that may come before their subject: ``“...,” said Mr Trump``, ``says Carl Anthony``.
INVERTING = frozenset({"say", "add", "write", "post", "ask", "reply", "continue", "insist", "explain", "note", "claim",
                        "declare", "argue", "recall", "tweet", "state", "warn", "answer", "respond", "comment", "remark",
                        "observe", "concede", "admit", "acknowledge", "agree", "suggest", "exclaim", "joke", "quip",
                        "boast", "complain", "lament", "predict", "repeat", "reiterate", "report", "caution", "counter",
                        "maintain", "contend", "assert", "confirm", "announce", "recall", "demand", "urge", "plead",
                        "promise", "vow", "scoff", "snap", "shout", "yell", "fume", "mention", "emphasise", "stress",
                        "conclude", "muse", "read", "remember", "recommend", "gloat", "riff", "chime",
                        # verbs of manner of speaking, as often put before their speaker ("“...,” retorted X")
                        "exhort", "retort", "interject", "wonder", "marvel", "sneer", "whisper", "murmur", "mutter",
                        "scold", "taunt", "grumble", "gripe", "scream", "sigh", "intone", "gush", "confess", "confide",
                        "protest", "elaborate", "testify", "opine", "surmise", "speculate", "brag", "rant"})


# ---------------------------------------------------------------------------------------------
# The data files, loaded once


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

    Returns:
        The :class:`Lexicon`: the verbs indexed by their first word (longest form first), each
        lemma's stance, the lemmas that introduce a clause, the noun lists and compiled patterns
        of the vague-sourcing file, and the register. The same object for the same paths.
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


_FOR_REGISTER: dict[int, tuple[Register, Lexicon, tuple]] = {}


def lexicon_for(corpus) -> Lexicon:
    """The package's lexicon read with a corpus's register (:func:`~analysis.corpus.register.corpus_register`)
    and with its story file's vague-sourcing phrases added (:mod:`analysis.corpus.story`).

    The same object while the corpus's ``register.csv`` and ``story.toml`` are unchanged, so a corpus's quotes,
    vague sourcing and media share one compiled lexicon.
    """
    register = corpus_register(corpus)
    base = load_lexicon()
    # A story file's own vague-sourcing phrases ([[vague]] in story.toml) are added to the package's.
    story = load_story(corpus) if corpus is not None else None
    extra = story.vague if story is not None else ()
    if register is base.register and not extra:
        return base
    hit = _FOR_REGISTER.get(id(register))
    if hit is None or hit[0] is not register or hit[2] is not extra:
        hit = (register, dataclasses.replace(base, register=register, vague_patterns=base.vague_patterns + extra), extra)
        _FOR_REGISTER[id(register)] = hit
    return hit[1]
