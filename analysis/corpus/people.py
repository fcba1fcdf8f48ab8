"""People found in the corpus itself: one canonical name per person, with every way the corpus writes it.

A register written for one story cannot name the people of another. This module reads the
people from the text of any corpus:

1. **Name chains** outside quotation marks: runs of capitalised words ("Sen. Chuck Grassley",
   "Christine Blasey Ford"), with titles and honorifics stripped and kept as the person's role
   words ("Sen.", "Chairman", "Judge").
2. **Evidence that a chain is a person**, not a place or a body: a title or honorific before
   it, a first name in the shipped list (``data/first_names.csv``), or a reporting verb right
   after it ("Ford said"). "South Carolina" and "Supreme Court" have none of these.
3. **Merging within the corpus**: chains that share a surname merge when one is a
   subsequence of the other ("Blasey Ford", "Christine Ford" and "Christine Blasey Ford" are
   one person); the canonical name is the longest form. A bare surname ("Ford") is a variant
   only when one person of the corpus carries it; two people with one surname ("Joe Biden",
   "Jill Biden") keep their full names apart and the bare surname is left to each article.

:func:`~analysis.corpus.register.corpus_register` adds the people found here to the register a
corpus is read with (a person the corpus's own ``register.csv`` lists keeps that row), so
speakers, actor salience and ledes name one person one way across the corpus.

Example:
    >>> from analysis.corpus.people import people_in_texts
    >>> t = people_in_texts(["Sen. Chuck Grassley opened the hearing. Grassley said it was fair.",
    ...                      "Christine Blasey Ford testified. Chairman Grassley thanked Blasey Ford."])
    >>> t[["canonical", "variants", "roles"]].values.tolist()
    [['Christine Blasey Ford', 'Christine Blasey Ford|Blasey Ford|Ford', ''], ['Chuck Grassley', 'Chuck Grassley|Grassley', 'Chairman|Sen.']]

References:
    Asr, F. T. et al. (2021), "The Gender Gap Tracker", PLOS ONE 16(1): people's names merged
    within a corpus by their surname and longest form, the rule adapted here without a parser.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from ..paths import DATA_DIR
from .marks import quoted_regions

if TYPE_CHECKING:
    from .load import Corpus

__all__ = [
    "ORGANISATION_HEADS",
    "PEOPLE_COLUMNS",
    "discover_organisations",
    "discover_people",
    "found_actors",
    "found_actors_finding",
    "organisations_in_texts",
    "people_in_texts",
    "role_type_of",
]

FIRST_NAMES_FILE = DATA_DIR / "first_names.csv"
NAME_FORMS_FILE = DATA_DIR / "given_name_forms.csv"
PEOPLE_COLUMNS = ["canonical", "kind", "variants", "roles", "mentions", "articles", "outlets", "first_article", "first_offset"]

# Titles and honorifics that come before a name and say who the person is.
TITLES = frozenset(
    """Mr Mrs Ms Mx Miss Dr Prof Professor Sen Senator Rep Representative Gov Governor President Vice Prime Minister
    Secretary Chairman Chairwoman Chair Judge Justice Attorney General Gen Lt Col Maj Capt Sgt Adm Admiral Commander
    Colonel Major Captain Sergeant Lieutenant Mayor Speaker Leader Ambassador Envoy Director Chief Commissioner
    Deputy Acting Former Associate Assistant Congressman Congresswoman Councilman Councilwoman Sheriff Officer Detective Agent Rev
    Reverend Father Pope King Queen Prince Princess Sir Dame Lord Lady Sheikh Nominee Candidate Spokesman
    Spokeswoman Spokesperson Coach Chancellor Premier Minority Majority Whip House Senate Press Foreign Defense
    Defence Interior Finance Health Homeland Security Treasury State Justice""".split()
)
# The plural forms of titles before two or more names ("Professors Ana Holt and Rui Alves", "Sens. X and Y"):
# titles too, not part of the first name.
PLURAL_TITLES = frozenset(
    """Messrs Mmes Drs Profs Professors Sens Senators Reps Representatives Govs Governors Presidents Judges Justices
    Generals Gens Mayors Ambassadors Congressmen Congresswomen Councilmen Councilwomen Reverends Revs""".split()
)
# Words of nationality or affiliation before a name ("Russian Foreign Minister", "Democratic Sen.", "GOP"):
# part of the role, not of the name.
DESCRIPTORS = frozenset(
    """Russian Ukrainian American British English Scottish Welsh Irish French German Chinese Israeli Iranian European
    Palestinian Syrian Turkish Japanese Indian Canadian Mexican Polish Italian Spanish Dutch Belgian Swedish Finnish
    Norwegian Danish Korean Australian Brazilian Egyptian Saudi Iraqi Afghan Pakistani Cuban Venezuelan Greek
    Hungarian Austrian Swiss Qatari Emirati Lebanese Jordanian Nigerian Kenyan Republican Democratic Democrat GOP
    Independent Conservative Labour Liberal US U.S. UK U.K. UN U.N. EU Federal National Top Senior""".split()
)
# Capitalised words that open a sentence or a phrase and are not part of a name.
_NOT_NAME = frozenset(
    """The A An In On At But And As After Before For From If It Its This That These Those There Their His Her He She
    They We I You When While With Without Since Until Asked Meanwhile However Also Still Yet So Then Now Today
    Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December According Despite During Under Over Among Between Both
    Neither Either Each Every Many Most Some Several Other Another Such Where Why How What Who Which Whose Read
    Watch Click Sign Follow Share Photo Image Video Getty AP Reuters AFP EPA Pool""".split()
)
# Words that make a chain a body, a place or a thing rather than a person.
_NOT_PERSON = frozenset(
    """Committee Department Ministry Party House Senate Congress Parliament Agency Administration Office Council
    Commission Court University College School Institute Foundation Association Union Bank Fund Group Corp Inc Company
    Times Post Journal News Network Press Service Campaign Center Centre Police Army Force Forces Command Guard
    Organization Organisation Federation Club League Board Bureau Authority Reserve Media Channel Radio Television
    Magazine Review Tribune Herald Daily Gazette Globe Telegraph Street Square Avenue Road Island City County State
    States Republic Kingdom Bridge Airport Station Hotel Tower Park River Sea Ocean Valley Hall Church Palace Program
    Programme Plan Deal Act Bill Law Treaty Agreement Summit Conference Day War Crisis Report Index Amendment
    Constitution Hill Capitol Street America Americans Republicans Democrats Republican Democratic Democrat
    North South East West Northern Southern Eastern Western Central New Los San Las Fort Mount Saint St""".split()
)
_WORD = r"[A-Z][A-Za-z\-’']*[a-z][A-Za-z\-’']*"
_INITIAL = r"(?:[A-Z]\.){1,3}"
_TOKEN = rf"(?:[A-Z][a-z]{{1,3}}\.(?=\s)|{_WORD}|{_INITIAL})"
_CHAIN = re.compile(
    rf"(?<![\w’'.]){_TOKEN}(?:\s+(?:(?:de|van|von|der|al|bin|la|le|du|da|del|di|ibn)\s+)?(?:{_TOKEN}|Jr\.?|Sr\.?|II|III))*"
)
_SPEECH_AFTER = re.compile(r"\s*(?:,\s*)?(?:said|says|spoke|speaks|told|added|argued|asked|wrote|testified|tweeted|stated|explained|insisted|noted|warned|replied|responded|announced|declared)\b")
_LOWER = re.compile(r"(?<![\w’'])[a-z][a-z\-]+(?![\w’'])")
_SUFFIX = frozenset("Jr Jr. Sr Sr. II III".split())


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """The shipped first-name list: ``{name: "f" | "m"}`` (``data/first_names.csv``)."""
    with open(FIRST_NAMES_FILE, encoding="utf-8") as f:
        return {r["name"]: r["gender"] for r in csv.DictReader(line for line in f if not line.startswith("#"))}


@lru_cache(maxsize=1)
def name_forms() -> dict[str, str]:
    """Each listed form of a given name -> its line's first form (``data/given_name_forms.csv``):
    "Stephen", "Steven" and "Steve" are one name."""
    forms: dict[str, str] = {}
    with open(NAME_FORMS_FILE, encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            words = row["forms"].split()
            for w in words:
                forms.setdefault(w, words[0])
    return forms


def _same_name_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key with its first name in one form, for merging "Steve Bannon" with "Stephen Bannon"."""
    return (name_forms().get(key[0], key[0]), *key[1:]) if len(key) >= 2 else key


def _split_chain(words: list[str]) -> tuple[list[str], list[str]]:
    """(titles, name words) of a capitalised chain."""
    titles: list[str] = []
    while words and (words[0] in _NOT_NAME or words[0].rstrip(".") in _NOT_NAME) and not titles:
        words = words[1:]
    while words and (words[0] in TITLES or words[0].rstrip(".") in TITLES or words[0].rstrip(".") in PLURAL_TITLES or words[0] in DESCRIPTORS):
        titles.append(words[0])
        words = words[1:]
    while words and re.sub(r"[’']s?$", "", words[-1]) != words[-1]:
        words[-1] = re.sub(r"[’']s?$", "", words[-1])
    return titles, words


def _is_name(words: list[str]) -> bool:
    core = [w for w in words if w not in _SUFFIX]
    return (
        len(core) >= 2
        and not any(w in _NOT_PERSON or w in _NOT_NAME for w in core)
        and not any(w.isupper() and len(w) > 2 for w in core)
    )


def _unquoted(pattern: re.Pattern, text: str):
    """The matches of ``pattern`` in ``text`` that start outside quotation marks."""
    regions = quoted_regions(text)
    k = 0
    for m in pattern.finditer(text):
        while k < len(regions) and regions[k][1] <= m.start():
            k += 1
        if not (k < len(regions) and regions[k][0] <= m.start() < regions[k][1]):
            yield m


def _chains(text: str):
    """(start, end, titles, name words, evidence) of every name-like chain outside quotation marks."""
    for m in _unquoted(_CHAIN, text):
        words = m.group(0).split()
        for j, w in enumerate(words):
            if w.endswith(".") and not (w.rstrip(".") in TITLES or w.rstrip(".") in PLURAL_TITLES or w in _SUFFIX or re.fullmatch(_INITIAL, w)):
                words = words[: j] + [w[:-1]]  # "... said Grassley. The hearing": the sentence ends here
                break
        owner = max((j for j, w in enumerate(words[:-1]) if re.search(r"[’']s?$", w)), default=-1)
        words = words[owner + 1 :]  # "Breitbart's Steven Calloway" is Steven Calloway
        titles, words = _split_chain(words)
        if not words:
            continue
        evidence = bool(titles) or bool(_SPEECH_AFTER.match(text, m.end())) or words[0] in first_names()
        yield m.start(), m.end(), titles, words, evidence


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def people_in_texts(texts: Sequence[str], outlets: Sequence[str] | None = None, ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The people of a set of texts (see the module docstring), one row per person.

    Args:
        texts: the clean texts.
        outlets: each text's outlet (for the ``outlets`` column); by default none.
        ids: each text's id (for ``first_article``); by default its position.

    Returns:
        DataFrame with :data:`PEOPLE_COLUMNS`: ``canonical`` (the longest form), ``kind``
        ("person"), ``variants`` ("|"-joined, longest first, the bare surname last when it is
        one person's), ``roles`` (title phrases seen before the name, "|"-joined), ``mentions``,
        ``articles``, ``outlets`` ("; "-joined), ``first_article``, ``first_offset``; sorted by
        canonical name.
    """
    outlets = list(outlets) if outlets is not None else [""] * len(texts)
    ids = list(ids) if ids is not None else [str(i) for i in range(len(texts))]
    full: dict[tuple[str, ...], dict] = {}
    single: Counter[str] = Counter()
    single_titles: dict[str, Counter[str]] = defaultdict(Counter)
    for i, text in enumerate(texts):
        for start, _, titles, words, evidence in _chains(text):
            key = tuple(w for w in words if w not in _SUFFIX) if _is_name(words) else None
            if key is None:
                if len(words) == 1:
                    single[words[0]] += 1
                    if titles:
                        single_titles[words[0]][" ".join(titles)] += 1
                continue
            rec = full.setdefault(key, {"evidence": False, "titles": Counter(), "mentions": 0, "articles": set(), "outlets": set(), "first": (i, start)})
            rec["evidence"] |= evidence
            if titles:
                rec["titles"][" ".join(titles)] += 1
            rec["mentions"] += 1
            rec["articles"].add(i)
            if outlets[i]:
                rec["outlets"].add(outlets[i])
    names = full
    lower_words = {w for text in texts for w in _LOWER.findall(text)}
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in names:
        by_surname[key[-1]].append(key)
    people: list[dict] = []
    for surname, keys in by_surname.items():
        keys.sort(key=lambda k: (-len(k), -names[k]["mentions"], k))
        heads: list[tuple[str, ...]] = []
        members: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for key in keys:
            into = [h for h in heads if _subsequence(key, h) or _subsequence(_same_name_key(key), _same_name_key(h))]
            if len(into) == 1:
                members[into[0]].append(key)
            elif not into and names[key]["evidence"]:  # a new person needs evidence; a shorter form of one does not
                heads.append(key)
                members[key] = [key]
            # a form that fits two people ("Biden" of "Joe Biden" and "Jill Biden") joins neither
        for head in heads:
            group = members[head]
            variants = [" ".join(k) for k in group]
            if len(heads) == 1 and surname not in variants and surname.lower() not in lower_words:
                variants.append(surname)  # not "Will" of George Will where the corpus writes "will"
            recs = [names[k] for k in group]
            titles = Counter()
            for r in recs:
                titles.update(r["titles"])
            if len(heads) == 1:
                titles.update(single_titles[surname])
            first = min(r["first"] for r in recs)
            people.append({
                "canonical": " ".join(head), "kind": "person", "variants": "|".join(variants),
                "roles": "|".join(sorted(titles)), "mentions": sum(r["mentions"] for r in recs) + (single[surname] if len(heads) == 1 else 0),
                "articles": len(set().union(*(r["articles"] for r in recs))),
                "outlets": "; ".join(sorted(set().union(*(r["outlets"] for r in recs)))),
                "first_article": ids[first[0]], "first_offset": first[1],
            })
    return pd.DataFrame(people, columns=PEOPLE_COLUMNS).sort_values("canonical", ignore_index=True)


ORGANISATION_HEADS = frozenset(
    """Committee Department Ministry Party House Senate Congress Parliament Agency Administration Office Council
    Commission Court University College Institute Foundation Association Union Bank Fund Corporation Company
    Campaign Center Centre Police Army Navy Force Forces Command Guard Organization Organisation Federation League
    Board Bureau Authority Reserve Pentagon Kremlin Cabinet Coalition Alliance Caucus Chamber Assembly Legislature
    Government Service Services Commission Society Trust Network Group""".split()
)
"""Words that make a capitalised name a body's when it ends with one ("the Labor Department", "the Supreme
Court") or starts with one followed by "of" ("the Bureau of Labor Statistics")."""
_ORG_CHAIN = re.compile(r"(?<![\w’'.])[A-Z][\w&’'\-]*(?: (?:[A-Z][\w&’'\-.]*|of the|of|for|on))*")
_ORG_TAIL = frozenset("of for on the".split())


def organisations_in_texts(texts: Sequence[str], outlets: Sequence[str] | None = None, ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The organisations a set of texts names, one row per body (the columns of :func:`people_in_texts`).

    A body is a capitalised name outside quotation marks that ends with a word of
    :data:`ORGANISATION_HEADS` ("the Labor Department", "the Republican National Committee",
    "the White House") or starts with one and goes on with "of" ("the Bureau of Labor Statistics"),
    or one of those words alone in the middle of a sentence ("Congress", "the Pentagon"). A name
    that ends with a person's name is a title, not a body ("Senate Majority Leader Ann Kerr").
    The same name written with or without its article is one body; an acronym in brackets right
    after a name is its variant ("the Bureau of Labor Statistics (BLS)").

    Returns:
        DataFrame with :data:`PEOPLE_COLUMNS` (``kind`` "organisation", ``roles`` empty), sorted by name.
    """
    outlets = list(outlets) if outlets is not None else [""] * len(texts)
    ids = list(ids) if ids is not None else [str(i) for i in range(len(texts))]
    found: dict[str, dict] = {}
    for i, text in enumerate(texts):
        for m in _unquoted(_ORG_CHAIN, text):
            words = m.group(0).split()
            stop = next((j for j, w in enumerate(words) if w.endswith(".") and len(w) > 2 and w.count(".") == 1), None)
            if stop is not None:
                words = words[: stop + 1]
                words[-1] = words[-1][:-1]
            while words and (words[0] in _NOT_NAME or re.search(r"-[a-z]", words[0])):
                words = words[1:]  # "the GOP-majority House" is the House
            while words and words[-1] in _ORG_TAIL:
                words.pop()
            if not words:
                continue
            words[-1] = re.sub(r"[’']s?$", "", words[-1])
            heads = [j for j, w in enumerate(words) if w in ORGANISATION_HEADS]
            if not heads:
                continue
            if words[-1] in ORGANISATION_HEADS:
                name_words = words
            elif heads[0] + 1 < len(words) and words[heads[0] + 1] == "of":
                name_words = words
            else:
                continue  # "Senate Majority Leader Ann Kerr", "House Speaker": a title before a name
            name = " ".join(name_words)
            start = m.start() + m.group(0).find(name_words[0])
            if len(name_words) == 1:
                before = text[max(0, start - 2) : start]
                if start == 0 or not before.strip(" ") or before.rstrip()[-1:] in ".!?\n“\"":
                    continue  # a lone capitalised word opening a sentence may be an ordinary word
            rec = found.setdefault(name, {"variants": {name}, "mentions": 0, "articles": set(), "outlets": set(), "first": (i, start)})
            rec["mentions"] += 1
            rec["articles"].add(i)
            if outlets[i]:
                rec["outlets"].add(outlets[i])
            acronym = re.match(r"\s*\(([A-Z]{2,6})\)", text[m.end() :])
            if acronym:
                rec["variants"].add(acronym.group(1))
    rows = [
        {"canonical": name, "kind": "organisation", "variants": "|".join(sorted(r["variants"], key=lambda v: (-len(v), v))),
         "roles": "", "mentions": r["mentions"], "articles": len(r["articles"]), "outlets": "; ".join(sorted(r["outlets"])),
         "first_article": ids[r["first"][0]], "first_offset": r["first"][1]}
        for name, r in found.items()
    ]
    return pd.DataFrame(rows, columns=PEOPLE_COLUMNS).sort_values("canonical", ignore_index=True)


_TITLE_TYPES = {
    **dict.fromkeys("Sen Senator Rep Representative Gov Governor President Vice Prime Minister Secretary Mayor Speaker "
                    "Leader Whip Chancellor Premier Commissioner Congressman Congresswoman Councilman Councilwoman Sheriff "
                    "Judge Justice Attorney Spokesman Spokeswoman Spokesperson King Queen Prince Princess".split(), "government"),
    **dict.fromkeys("Gen General Lt Col Maj Capt Sgt Adm Admiral Commander Colonel Major Captain Sergeant Lieutenant".split(), "military"),
    **dict.fromkeys("Ambassador Envoy".split(), "diplomat"),
    **dict.fromkeys("Dr Prof Professor".split(), "expert"),
}
_BODY_TYPES = {
    **dict.fromkeys("Department Ministry Administration Agency Bureau Office Commission Court Senate House Congress Parliament "
                    "Government Cabinet Legislature Assembly Pentagon Kremlin Police Authority Reserve".split(), "government"),
    **dict.fromkeys("Army Navy Force Forces Command Guard".split(), "military"),
    **dict.fromkeys("University College Institute Foundation Center Centre Society".split(), "expert"),
}


def role_type_of(kind: str, name: str, roles: str = "") -> str:
    """The ``role_type`` of a person or body found in the text, from its titles ("Sen.", "Gen.",
    "Ambassador") or its head word ("Department", "Army", "Institute"); empty when neither says.
    A person's titles vote; the most frequent type wins, the first on a tie."""
    if kind == "organisation":
        words = name.split()
        return next((_BODY_TYPES[w] for w in reversed(words) if w in _BODY_TYPES), "")
    votes: dict[str, int] = {}
    for title in filter(None, roles.split("|")):
        for w in title.split():
            t = _TITLE_TYPES.get(w.rstrip("."))
            if t:
                votes[t] = votes.get(t, 0) + 1
    return max(votes, key=votes.get) if votes else ""


def _cached(corpus: "Corpus", key: str, find) -> pd.DataFrame:
    """``find(texts, outlets, ids)`` over a loaded corpus's articles, computed once and kept on the corpus."""
    cached = corpus.__dict__.get(key)
    if cached is None:
        arts = corpus.articles
        cached = find(list(arts["text"]), list(arts["outlet"]), list(arts.index))
        corpus.__dict__[key] = cached
    return cached.copy()


def discover_organisations(corpus: "Corpus") -> pd.DataFrame:
    """The organisations of a loaded corpus, found in its text (:func:`organisations_in_texts`); cached on the corpus."""
    return _cached(corpus, "_organisations", organisations_in_texts)


def discover_people(corpus: "Corpus") -> pd.DataFrame:
    """The people of a loaded corpus, found in its text (:func:`people_in_texts`); cached on the corpus."""
    return _cached(corpus, "_people", people_in_texts)


def found_actors(corpus: "Corpus", *, top: int | None = None) -> pd.DataFrame:
    """The people and organisations the corpus is read with, most mentioned first: those of its
    folder's ``register.csv`` (``found`` "register") and those found in its text (``found``
    "text"), as actor salience, ledes and speakers name them.

    Args:
        corpus: a loaded corpus.
        top: keep the ``top`` most mentioned (None: all).

    Returns:
        One row per person or body mentioned: ``canonical``, ``kind``, ``variants`` ("|"-joined),
        ``role_type``, ``found``, ``mentions`` (names and the register's role descriptions, outside
        quotation marks or not), ``outlets`` ("; "-joined), ``n_outlets``; sorted by mentions,
        then outlets, then name.
    """
    from .register import corpus_register, mentions

    reg = corpus_register(corpus)
    m = mentions(corpus, register=reg)
    m = m[m["kind"].isin(["person", "organisation"])]
    files = corpus_register(getattr(corpus, "path", None)) if getattr(corpus, "path", None) else None
    rows = []
    for canonical, g in m.groupby("canonical"):
        info = reg.info(canonical)
        outlets = [o for o in corpus.outlets if o in set(g["outlet"])]
        rows.append({"canonical": canonical, "kind": info["kind"], "variants": info.get("variants", ""),
                     "role_type": info.get("role_type", ""), "found": "register" if files is not None and canonical in files else "text",
                     "mentions": len(g), "outlets": "; ".join(outlets), "n_outlets": len(outlets)})
    t = pd.DataFrame(rows, columns=["canonical", "kind", "variants", "role_type", "found", "mentions", "outlets", "n_outlets"])
    t = t.sort_values(["mentions", "n_outlets", "canonical"], ascending=[False, False, True]).reset_index(drop=True)
    return t.head(top) if top else t


def found_actors_finding(table: pd.DataFrame, corpus: "Corpus") -> str:
    """A sentence on the actors found in the text: how many, and the most named, with their variants (computed)."""
    from ..safe import md_text

    if table.empty:
        return "The text names no person or body the rules can tell apart from other capitalised words."
    people = table[table["kind"] == "person"]
    bodies = table[table["kind"] == "organisation"]
    parts = []
    for r in table.head(3).itertuples(index=False):
        forms = [v for v in r.variants.split("|") if v != r.canonical]
        also = f", also written {', '.join(md_text(v) for v in forms[:3])}" if forms else ""
        parts.append(f"{md_text(r.canonical)} ({r.mentions} mentions in {r.n_outlets} of {len(corpus.outlets)} outlets{also})")
    own = int((table["found"] == "text").sum())
    n_people = f"{len(people)} {'person' if len(people) == 1 else 'people'}"
    n_bodies = f"{len(bodies)} {'organisation' if len(bodies) == 1 else 'organisations'}"
    return (f"The articles name {n_people} and {n_bodies} ({own} of them found in the text "
            f"itself, the rest listed in the corpus's register), each under one name however the outlets write it. "
            f"Most named: " + "; ".join(parts) + ".")

