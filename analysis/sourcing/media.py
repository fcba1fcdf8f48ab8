"""Media cited: which news media each outlet names, and whether as a source, a venue or in passing.

The media are found two ways, outside quotation marks:

- the register's entries of kind ``media`` (agencies and media whose names mean the same in any
  story: "Reuters", "Tass", "the Associated Press");
- by pattern, for any other medium (:func:`media_in_text`): a capitalised name whose last word
  names a medium ("The Wall Street Journal", "the Chicago Tribune", "Fox Business Network"), a name
  that a medium's noun introduces or follows ("Russian news agency Interfax", "the RIA Novosti
  agency", "Breitbart News"), or a name in the place of a medium that reports ("Politico
  reported") that the article gives no sign of being a person or a public body; and a short
  form that refers back to a medium named in full earlier in the same article ("the Journal",
  "the Post", "the Times").

Each mention is read by the words around it: a ``source`` when the medium reported or said
something ("according to Interfax", "Tass said", "a document seen by Reuters"), a ``venue`` when
it is where a speaker spoke ("told CBS", "in a TIME interview"), else a ``mention``; an outlet
naming itself is marked ``self``.

References:
    Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News"
    (PolNeAR), LREC: media as the source of an attribution ("according to X").
"""

from __future__ import annotations

import re

import pandas as pd

from ..corpus import Corpus
from ..corpus.marks import quoted_regions
from ..corpus.people import first_names
from ..safe import md_text
from .lexicon import TIME_WORDS, lexicon_for

__all__ = [
    "MEDIA_WORDS",
    "media_cited",
    "media_finding",
    "media_in_text",
    "media_summary",
]

MEDIA_WORDS = frozenset(
    """Times Post Journal News Tribune Herald Gazette Telegraph Guardian Globe Chronicle Observer Examiner Inquirer
    Courier Dispatch Ledger Register Sentinel Mirror Mail Express Standard Star Bulletin Review Magazine Weekly Daily
    Monitor Reporter Press Radio Television TV Network Channel Broadcasting Wire Newsweek Politico""".split()
)
"""Last words that make a capitalised name a news medium's ("The Wall Street Journal", "Sky News")."""
_WEAK_MEDIA_WORDS = frozenset("Register Mirror Mail Express Standard Star Bulletin Review Weekly Daily Monitor Reporter Press Radio Network Channel Wire".split())
# these name a medium only after "the" ("the Kansas City Star", but not "a Gold Star family")

_CHAIN = r"(?<![\w’'])[A-Z][\w’'&.\-]*(?: (?:[A-Z][\w’'&.\-]*|of|the|and|de|la|el))*"
# "Russian news agency Interfax", "the broadcaster Sky", "state-run newspaper Izvestia"
_NOUN_THEN_NAME = re.compile(
    r"\b(?:news\s+agency|newspaper|broadcaster|news\s+site|news\s+website|tabloid|daily|weekly|magazine|television\s+channel|TV\s+channel|channel|network|wire\s+service)\s+"
    r"(?P<name>[A-Z][\w’'&.\-]*(?: [A-Z][\w’'&.\-]*){0,3})"
)
# "the Kommersant newspaper", "Al Jazeera television"
_NAME_THEN_NOUN = re.compile(
    r"(?P<name>[A-Z][\w’'&.\-]*(?: [A-Z][\w’'&.\-]*){0,3})\s+(?:news\s+agency|agency|newspaper|broadcaster|tabloid|news\s+site|website|television|TV)\b"
)
# a name where a medium reports: "Politico reported", "according to Axios"
_REPORTED_AFTER = re.compile(r"[’']?s?\s+(?:first\s+|previously\s+|also\s+|earlier\s+)?(?:reported|reports|reporting)\b")
_SHORT_FORM = re.compile(r"\b[Tt]he\s+(?P<name>" + "|".join(sorted(MEDIA_WORDS)) + r")\b")
# Words of a body that reports without being a medium ("the Labor Department reported", "the FBI reported")
_BODY_WORDS = frozenset(
    """Department Ministry Party Commission Council Committee Forces Force Army Navy House Senate Congress Court
    Agency Bureau Office Administration Police Service Enforcement Relations Union Institute University Center
    Centre Foundation Association Government Board Authority Bank Fund Group Company Corporation""".split()
)
_LEAD_WORDS = frozenset("The A An In On At But And As After For From Per If It Its This That When While With Meanwhile Russian US U.S. British American State".split())

_SOURCE_BEFORE = re.compile(
    r"(?:according to|reported by|seen by|obtained by|cited by|quoted by|published by|citing|input from|reporting by|told to)"
    r"(?:\s+(?:the|a|an|[A-Z][\w’'.-]*|news|state|agency|newspaper|magazine|broadcaster|military|blog|wire|service|russian|ukrainian|us|british|influential))*\s*$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^[’']?s?\s*(?:,[^,]{0,60},\s*)?(?:has\s+|had\s+|also\s+|earlier\s+|later\s+)?"
    r"(?:said|says|reported|reports|reporting|cited|quoted|published|wrote|writes|added|claimed|described|confirmed|found|showed)\b"
)
_VENUE_BEFORE = re.compile(
    r"(?:told|tells|telling|tell|interview with|speaking to|spoke to|speaking with|spoke with|on|in|to|with)"
    r"(?:\s+(?:the|a|an|[A-Z][\w’'.-]*|us|news|broadcaster|channel|network|magazine|newspaper))*\s*$",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(r"^[’']?s?\s+(?:[A-Z][\w’'-]*\s+)*(?:interview|programme|program|show|broadcast|podcast)\b|^\s+(?:magazine\s+)?interview\b")


def _media_use(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 80]
    if _SOURCE_BEFORE.search(before):
        return "source"
    if _VENUE_AFTER.match(after) or _VENUE_BEFORE.search(before):
        return "venue"
    if _SOURCE_AFTER.match(after):
        return "source"
    return "mention"


def _trim(name: str) -> str:
    """A medium's name as a label: no leading article or lead word, no possessive ending, nothing
    past a full stop ("Turkey. Per the Journal" is "Journal")."""
    words = re.sub(r"[’']s?$", "", name).split()
    ends = [i for i, w in enumerate(words[:-1]) if w.endswith(".") and w.count(".") == 1 and len(w) > 2]
    if ends:
        words = words[ends[-1] + 1 :]
    if words and words[-1].endswith(".") and words[-1].count(".") == 1 and len(words[-1]) > 2:
        words[-1] = words[-1][:-1]  # "according to the Fenwick Tribune."
    while len(words) > 1 and (words[0] in _LEAD_WORDS or words[0] in ("the", "a", "an")):
        words.pop(0)
    return " ".join(words)


def _not_medium(name: str) -> bool:
    """A public body ("Labor Department", "Green Party", "the FBI"), a nationality ("North Korean",
    "English-language") or a place-like phrase rather than a medium's name."""
    words = name.split()
    return (
        any(w in _BODY_WORDS or w in ("White", "State") for w in words)
        or (len(words) == 1 and name.isupper() and len(name) <= 3)
        or words[-1].endswith(("an", "ese", "ish", "i", "-language"))
        or words[0].lower() in TIME_WORDS
        or words[0] in first_names()
    )


def media_in_text(text: str, *, register=None, people: set[str] | frozenset[str] = frozenset()) -> list[dict]:
    """The news media one text names outside quotation marks, by register and by pattern.

    Args:
        text: the article's clean text.
        register: a :class:`~analysis.corpus.register.Register` whose ``media`` entries are found
            by name; the package's by default.
        people: names the corpus gives as people's (:func:`analysis.corpus.people.discover_people`),
            never taken for a medium ("Smith reported" is a reporter).

    Returns:
        One dict per mention in text order: ``start``, ``end``, ``mention`` (the words),
        ``medium`` (the register's canonical name, the medium's full name written earlier in the
        article for a short form, or the name as written without its article), ``found``
        (``register``, ``pattern`` or ``short form``).

    References:
        Newell, Margolin & Ruths (2018), PolNeAR: a medium as the source of an attribution.
    """
    from ..corpus.register import load_register

    reg = register if register is not None else load_register()
    regions = quoted_regions(text)

    def quoted(pos: int) -> bool:
        return any(a <= pos < b for a, b in regions)

    found: list[dict] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, medium: str, how: str) -> None:
        if quoted(start) or any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        found.append({"start": start, "end": end, "mention": text[start:end], "medium": medium, "found": how})

    for m in reg.find(text, roles=True):
        if reg.info(m.canonical).get("kind") == "media":
            add(m.start, m.end, m.canonical, "register")
    candidates: list[tuple[int, int, str]] = []
    for m in re.finditer(_CHAIN, text):
        words = m.group(0).split()
        stop = next((i for i, w in enumerate(words) if w.endswith(".") and w.count(".") == 1 and len(w) > 2), None)
        words = words[: stop + 1] if stop is not None else words  # "the Fenwick Tribune. State ..." ends at the stop
        while words and words[-1] in ("of", "the", "and", "de", "la", "el"):
            words.pop()
        if not words:
            continue
        last = re.sub(r"[’']s?$", "", words[-1].rstrip("."))
        weak = last in _WEAK_MEDIA_WORDS and not re.search(r"\b[Tt]he $", text[max(0, m.start() - 4) : m.start()]) and words[0] != "The"
        if last in MEDIA_WORDS and len(words) >= 2 and last != words[0] and not weak:
            name = _trim(" ".join(words))
            if len(name.split()) >= 2 and name.split()[0] not in first_names():
                start = m.start() + m.group(0).index(name)
                candidates.append((start, start + len(name), name))
    for rx in (_NOUN_THEN_NAME, _NAME_THEN_NOUN):
        for m in rx.finditer(text):
            name = _trim(m.group("name"))
            if name and name.split()[0] not in _LEAD_WORDS and name not in people and not _not_medium(name):
                start = m.start("name") + m.group("name").index(name)
                candidates.append((start, start + len(name), name))
    lowercase = set(re.findall(r"(?<![\w’'])[a-z]+", text))
    for m in re.finditer(r"(?<![\w’'])[A-Z][\w’'&.\-]*(?: [A-Z][\w’'&.\-]*){0,3}", text):
        name = _trim(m.group(0))
        if not name or name.split()[0].lower() in lowercase or name in people or any(name in p.split() for p in people) or name.split()[0] in _LEAD_WORDS or name.split()[0] in first_names():
            continue
        if _REPORTED_AFTER.match(text, m.end()) and not _not_medium(name) and name not in MEDIA_WORDS:
            start = m.start() + m.group(0).index(name)
            candidates.append((start, start + len(name), name))
    for start, end, name in sorted(candidates):
        hit = reg.head(name, roles=False)
        if hit is not None and reg.info(hit.canonical).get("kind") != "media":
            continue  # a person, body or country the register lists ("Russia reported")
        if re.search(r"\b(?:in|from|across|to|of)\s+" + re.escape(name) + r"\b", text):
            continue  # a place the article also writes as one ("in Iowa", "from Russia")
        add(start, end, hit.canonical if hit is not None else name, "pattern")
    found.sort(key=lambda r: r["start"])
    for m in _SHORT_FORM.finditer(text):  # "the Journal" after "The Wall Street Journal"
        word = m.group("name")
        earlier = [r for r in found if r["end"] <= m.start() and r["medium"].split()[-1] == word and len(r["medium"].split()) > 1]
        if earlier:
            add(m.start("name"), m.end("name"), earlier[-1]["medium"], "short form")
    found.sort(key=lambda r: r["start"])
    return found


def media_cited(corpus: Corpus) -> pd.DataFrame:
    """Every mention of a news medium in the articles (:func:`media_in_text`).

    Quotations are left out (a medium named inside someone's words is not cited by the outlet).
    ``use`` says how the article cites it: ``source`` (the medium reported or said it:
    "according to Interfax", "Tass said", "a document seen by Reuters"), ``venue`` (where a
    speaker spoke: "told CBS", "in a TIME interview", "told the BBC"), or ``mention``;
    ``self`` marks an outlet naming itself ("CNN reported earlier").

    Args:
        corpus: a loaded corpus.

    Returns:
        ``article_id``, ``outlet``, ``start``, ``end``, ``mention``, ``medium`` (canonical),
        ``found`` (register, pattern or short form: :func:`media_in_text`), ``use``, ``self``.

    References:
        Newell, Margolin & Ruths (2018), PolNeAR: a medium as the source of an attribution.
    """
    from ..corpus.people import discover_people

    reg = lexicon_for(corpus).register
    people = discover_people(corpus)
    names = frozenset(v for vs in people["variants"] for v in str(vs).split("|") if v)
    rows = []
    for aid, art in corpus.articles.iterrows():
        text = art["text"]
        outlet_words = set(re.findall(r"\w+", str(art["outlet"]).lower())) - {"the", "news", "online", "web"}
        for m in media_in_text(text, register=reg, people=names):
            name_words = set(re.findall(r"\w+", m["medium"].lower()))
            rows.append({
                "article_id": aid, "outlet": art["outlet"], "start": m["start"], "end": m["end"], "mention": m["mention"],
                "medium": m["medium"], "found": m["found"], "use": _media_use(text, m["start"], m["end"]),
                "self": bool(name_words & outlet_words),
            })
    return pd.DataFrame(rows, columns=["article_id", "outlet", "start", "end", "mention", "medium", "found", "use", "self"])


def media_summary(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Media cited per outlet (rows) and medium (columns), self-mentions left out; cells are
    ``sources/venues/mentions`` counts written as "2 source, 1 venue"."""
    t = table[~table["self"]]
    if t.empty:
        return pd.DataFrame(index=pd.Index(corpus.outlets, name="outlet"))
    cells = t.groupby(["outlet", "medium", "use"]).size().unstack("use", fill_value=0)
    out = {}
    for (outlet, medium), r in cells.iterrows():
        out.setdefault(outlet, {})[medium] = ", ".join(f"{int(r[u])} {u}" for u in ("source", "venue", "mention") if u in r and r[u])
    media = sorted(t["medium"].unique(), key=lambda m: (-int((t["medium"] == m).sum()), m))
    return pd.DataFrame(out).T.reindex(index=corpus.outlets, columns=media).fillna("").rename_axis("outlet")


def media_finding(table: pd.DataFrame, corpus: Corpus) -> str:
    """A sentence on which media each outlet cites as a source."""
    t = table[(~table["self"]) & (table["use"] == "source")]
    if t.empty:
        return "No outlet cites another medium as the source of a claim."
    parts = []
    for outlet in corpus.outlets:
        media = sorted(t.loc[t["outlet"] == outlet, "medium"].unique())
        parts.append(f"{md_text(outlet)}: {', '.join(map(md_text, media)) if media else 'none'}")
    return "Media cited as the source of a claim (not just named): " + "; ".join(parts) + "."
