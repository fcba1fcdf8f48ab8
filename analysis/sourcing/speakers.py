"""Who a speaker is: pronouns, descriptions, roles and names, resolved in one article's reading order.

:class:`ArticleSpeakers` holds one article's state while its quotes are attributed: the register
entries and the unregistered names it mentions, the speakers noted so far and the roles they
were given. :meth:`ArticleSpeakers.resolve` turns the noun phrase of a cue into a :class:`Who`:

- a pronoun is the person last quoted (or named as a sentence's subject) in the same or the two
  previous paragraphs, else the person named last;
- a definite description ("the official", "the agency") is the earlier speaker or register entry
  with the same head noun, or, for a noun of person ("the former boxer"), the person last quoted;
- names and roles go through the register (one canonical name for every variant: "Okafor",
  "Ms Okafor", "Ruritania’s president" are Marta Okafor); a role that speaks for a
  register entry keeps it (``speaks_for``: "Okafor’s spokesman");
- a name not in the register is completed from its fullest form in the same article
  ("Merkley" -> "Jeff Merkley").

When none of this gives an answer the speaker stays empty.

References:
    Asr, F. T. et al. (2021), "The Gender Gap Tracker", PLOS ONE 16(1): the rule set for
    speaker extraction in news (a pronoun resolved to a named person, one name for a person's
    variants) that this module adapts without a parser or a coreference model.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..corpus.marks import Passage
from ..corpus.people import _NOT_PERSON, _SPEECH_AFTER, _SUFFIX, PLURAL_TITLES, TITLES, first_names
from .lexicon import AUXILIARIES, CLAUSE_WORDS, DETERMINERS, DOCUMENT_NOUNS, MODALS, NAME_PREFIXES, PREPOSITIONS, PRONOUNS, TIME_WORDS, Lexicon
from .phrases import common_word, head_index, speakerlike
from .sentences import Tok

__all__ = [
    "ArticleSpeakers",
    "SPEAKER_TYPES",
    "Who",
]

SPEAKER_TYPES = ("person", "organisation", "media", "role", "anonymous", "unknown")
"""The ``speaker_type`` of a quote row (``unknown`` when the speaker is empty)."""

# Words that make a capitalised name a body's (a committee, a ministry, a newspaper) rather than a person's.
_ORG_WORDS = frozenset(
    """Committee Department Ministry Party House Senate Congress Parliament Agency Administration Office Council
    Commission Court University Institute Foundation Association Union Bank Fund Group Corp Inc Company Times
    Post Journal News Network Press Service Services Campaign Center Centre Police Army Force Forces Command
    Guard Organization Organisation Federation Club League Board Bureau Authority Reserve Media Channel Radio
    Television TV Magazine Review Tribune Herald Daily Gazette Globe Telegraph Guardian Reuters Bloomberg
    Politico Breitbart Fox CNN MSNBC NBC ABC CBS NPR PBS Kremlin Pentagon Ministry Embassy Government Cabinet
    Coalition Alliance Movement Front Project Watch Trust Society Fund Club Corporation LLC Ltd Systems Airlines
    Airways Motors Times Committee Team""".split()
)
_NAME_PARTICLES = frozenset("de van von der al bin la le du da del di ibn".split())
# A run of capitalised words (with particles, initials and suffixes): a name, once its titles are stripped.
# (The first capital comes before the look-behind, so the engine jumps from capital to capital.)
_CAP_NAME = re.compile(
    r"[A-Z](?<![\w’'][A-Z])(?:[\w\-’']*[a-z][\w\-’']*|\.(?:\s?[A-Z]\.)*|[A-Z](?=\s+[A-Z][a-z]))"
    r"(?:\s+(?:(?:de|van|von|der|al|bin|la|le|du|da|del|di|ibn)\s+)?(?:[A-Z][\w\-’']*[a-z][\w\-’']*|[A-Z]\.(?:\s?[A-Z]\.)*|Jr\.?|Sr\.?|II|III))*"
)


@lru_cache(maxsize=65536)
def _strip_name(run: str) -> str:
    """Drop titles, ranks, adjectives and function words before a name, and a possessive after it."""
    words = run.split()
    while len(words) > 1 and words[0].lower() in _LEADING_NON_NAMES:
        words.pop(0)
    while len(words) > 1 and (_prefix(words[0]) or words[0].rstrip(".") in PLURAL_TITLES):  # "Professors Ana Holt and ..."
        words.pop(0)
    if len(words) == 1 and _prefix(words[0]):
        return ""
    # a title inside the run ends what comes before it: "Hewlett-Packard CEO Carly Fiorina", "Arkansas Gov.
    # Mike Huckabee" are Carly Fiorina and Mike Huckabee (but "Martin Luther King Jr." and "White House" stay whole)
    for i in range(len(words) - 2, 0, -1):
        if _prefix(words[i]):
            rest = words[i + 1 :]
            if _plain_name(rest):
                words = rest
            break
    name = " ".join(words)
    return re.sub(r"[’']s?$", "", name)


def _prefix(word: str) -> bool:
    """Is the word a title or rank before a name ("Sen.", "Governor")?"""
    return word in NAME_PREFIXES or word.rstrip(".") in NAME_PREFIXES


def _plain_name(words: list[str]) -> bool:
    """Words that are a person's name alone: capitalised words with a small letter (or initials), then perhaps
    a suffix ("Jr."), none of them a title or a body's word."""
    while words and words[-1] in _SUFFIX:
        words = words[:-1]
    return bool(words) and words[0][:1].isupper() and any(c.islower() for c in words[0]) and not any(
        w in NAME_PREFIXES or w.rstrip(".") in NAME_PREFIXES or w in _SUFFIX or w in _ORG_WORDS or w in _NON_PERSON_WORDS for w in words)


_LEADING_NON_NAMES = DETERMINERS | CLAUSE_WORDS | PREPOSITIONS | (AUXILIARIES - MODALS) | frozenset(PRONOUNS) | frozenset(
    "instead meanwhile however asked speaking according last next back perhaps maybe".split()
)


_NAMING = re.compile(r"[^\W\d_]{2}")  # a speaker's words hold letters
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


@lru_cache(maxsize=65536)
def _is_org_name(name: str) -> bool:
    words = name.split()
    # a listed first name opening a name of two words or more is the person's, not the thing's
    # word it also spells ("Bill Clinton" is not a bill; "Senate Bill 4" and "Bill of Rights" are)
    given = 1 if len(words) >= 2 and words[0] in first_names() and words[1][:1].isupper() else 0
    return (
        any(w in _ORG_WORDS for w in words)
        or any(w in _NON_PERSON_WORDS for w in words[given:])
        or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)
    )


@dataclass
class Who:
    """A resolved speaker."""

    speaker: str
    speaker_type: str
    via: str
    kind: str  # person, organisation, media, group, role, anonymous, unknown
    owner: str = ""  # the register entry a role speaks for ("Okafor’s spokesman", "a spokesman for the Kremlin")


class ArticleSpeakers:
    """The state of one article while its quotes are attributed, in reading order.

    Built once per article from the register entries and the unregistered names it mentions
    outside quotation marks; :meth:`note` records each speaker as it is attributed, so that a
    later pronoun or definite description can go back to it, and :meth:`resolve` names the
    speaker of a noun phrase.
    """

    def __init__(self, text: str, paras: list[tuple[int, int]], passages: list[Passage], lex: Lexicon):
        self.text = text
        self.lex = lex
        self.paras = paras
        self.passages = passages
        self.events: list[tuple[int, int, Who]] = []  # (offset, paragraph, who) of attributions and subjects, by offset
        self._event_offsets: list[int] = []
        self.roles: list[tuple[str, Who]] = []  # (head noun, who) of role speakers, for "the official"
        self.described: dict[str, tuple[str, int]] = {}  # person -> (role noun, offset) of the last "the <noun>" that named them
        self.inside = sorted((p.open_at, p.region_end) for p in passages)
        self._inside_starts = [a for a, _ in self.inside]
        self.names: dict[str, str] = {}
        self._bearers: dict[str, list[str]] = {}  # surname -> the full names of its mentions, in order
        self.person_mentions: list[tuple[int, int, str]] = []  # (offset, paragraph, canonical)
        self.entity_heads: list[tuple[int, str, str]] = []  # (offset, last word lower, canonical)
        para_starts = [a for a, _ in paras]
        self._para_starts = para_starts
        reg = lex.register
        for m in reg.find(text, roles=False):
            if self._in_quote(m.start):
                continue
            info = reg.info(m.canonical)
            if info.get("kind") == "person" and len(m.canonical.split()) >= 2:
                self._bearers.setdefault(m.canonical.split()[-1], []).append(m.canonical)
            self.entity_heads.append((m.start, m.text.split()[-1].lower().rstrip("’'s"), m.canonical))
            if info.get("kind") == "person" and not _POSSESSIVE.match(text, m.end):
                self.person_mentions.append((m.start, self.paragraph_of(m.start), m.canonical))
                self._subject_mention(m.start, m.end, m.canonical)
        lowercase_words = set(_LOWER_WORD.findall(text))
        spots: list[tuple[int, int, str]] = []  # (start of the match, end, name) for gender evidence
        caps = [m for m in _CAP_NAME.finditer(text) if not self._in_quote(m.start())]  # read once, used twice
        titled_surnames: list[tuple[int, int, str]] = []  # (start, end, surname) of "Mrs. Clinton", "Sen. Cruz"
        for m in caps:
            name = _strip_name(m.group(0))
            words = name.split()
            if words:
                spots.append((m.start(), m.end(), name))
            if len(words) >= 2 and words[0].lower() in lowercase_words and name.startswith(m.group(0)[:1]):
                # "Absent Sanders' plan", "Neither Trump nor ...": the article writes the first word
                # in lower case elsewhere, so at the start of a sentence it is not part of a name
                words = words[1:]
                name = " ".join(words)
            while len(words) >= 2 and words[-1].lower() in TIME_WORDS:  # "New Hampshire Friday"
                words = words[:-1]
                name = " ".join(words)
            if (len(words) >= 2 and not _is_org_name(name) and reg.head(name, roles=False) is None
                    and _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()) is None):
                self.names.setdefault(words[-1], name)
                self._bearers.setdefault(words[-1], []).append(name)
                if not _POSSESSIVE.match(text, m.end()):
                    self.person_mentions.append((m.start(), self.paragraph_of(m.start()), name))
                    self._subject_mention(m.start(), m.end(), name)
            elif (len(words) == 1 and not _POSSESSIVE.match(text, m.end()) and m.group(0) == name
                  and _TITLE_BEFORE.search(text, max(0, m.start() - 24), m.start())):
                titled_surnames.append((m.start(), m.end(), name))
            if words and not all(w.lower() in DETERMINERS for w in words):  # "The" opening a sentence
                self.entity_heads.append((m.start(), words[-1].lower(), name))
        self.titled = self._titled(caps)
        self._bearer_of = {surname: _first_named(names) for surname, names in self._bearers.items()}
        for start, _, surname in titled_surnames:
            # a surname after a title or honorific ("The promise Mrs. Clinton has made ...") is a
            # mention of that person, as a full name is: the person named last, for a later "she"
            # that no speaker or subject stands for
            self.person_mentions.append((start, self.paragraph_of(start), self.bearer(surname, self._honorific_gender(start))))
        self.person_mentions.sort()
        spots = [(a, b, self.bearer(n, self._honorific_gender(a)) if len(n.split()) == 1 else n) for a, b, n in spots]
        spots += [(off, off, c) for off, _, c in self.person_mentions]
        self.gender = _genders(text, spots)
        self.people = self._evidenced(spots, lowercase_words)
        self.spoke: set[str] = set()  # the names a reporting verb or a quote's cue gave as speakers
        self.things: list[tuple[int, int, Who]] = []  # (offset, paragraph, who) of sentence subjects that are not people

    def _titled(self, matches) -> list[tuple[int, str, str]]:
        """(offset, role noun, canonical) for each person this article gives a role by name:
        "Judiciary Committee Chairman Chuck Grassley", "nominee Brett Kavanaugh", "Ford, a
        psychology professor,". A later "the chairman" or "the professor" is that person, in
        this article only."""
        nouns = self.lex.person_nouns
        reg = self.lex.register
        out: list[tuple[int, str, str]] = []
        for m in matches:
            parts = _titled_name(m.group(0), nouns, reg)
            if parts is None:
                continue
            title, name, canonical = parts
            if not canonical:
                if " " in name or name not in self.names:
                    continue
                canonical = self.names[name]
            heads = [title] if title else []
            before = _WORD_BEFORE.search(self.text, max(0, m.start() - 30), m.start())
            if before and before.group(1) in nouns:
                heads.append(before.group(1))
            after = _APPOSITION.match(self.text, m.end())
            if after and after.group(1) in nouns:
                heads.append(after.group(1))
            out.extend((m.start(), h, canonical) for h in heads)
        return out

    def _evidenced(self, spots: list[tuple[int, int, str]], lowercase_words: set[str]) -> set[str]:
        """The names of this article that are people's, by evidence in the text: a first name in
        the shipped list, a title or honorific before the name ("Sen.", "Mr"), a verb of speech
        right after it ("Perez said"), or a gender the text gives. A capitalised word that only
        opens sentences ("Sure", "Footage") or a place ("Iowa") has none, and is never the person a
        later "he" or "she" refers to."""
        people = set(self.gender)
        for start, end, name in spots:
            if name in people or not name:
                continue
            words = name.split()
            if _junk_name(words, lowercase_words) or len(words) == 1 and name.endswith(("ed", "ing", "ly")):
                continue
            run = self.text[start:end]
            titled = _TITLE_BEFORE.search(self.text, max(0, start - 24), start) or _TITLE_AT.match(run)
            if titled or _SPEECH_AFTER.match(self.text, end) or self._described_as_person(end):
                people.add(name)
        return people

    def _described_as_person(self, end: int) -> bool:
        """Does an apposition after the name ending at ``end`` say it is a person's: its head a noun
        of person ("Ilse Marr, president of the group, ...", "Tom Reed, the campaign's manager,")."""
        m = _PERSON_APPOSITION.match(self.text, end)
        return m is not None and m.group(1) in self.lex.person_nouns

    def is_person(self, who: Who) -> bool:
        """Can ``who`` be the person a later "he" or "she" stands for? A registered person, a name
        this article gives a person's evidence (:meth:`_evidenced`), a name of two words or more that
        spoke, or a role that is one person. One capitalised word that spoke with no such evidence is
        not: in "the Ohio Republican, who had pledged ..." it is a place."""
        if who.kind == "person":
            return who.speaker in self.people or (who.speaker in self.spoke and " " in who.speaker) or self.lex.register.info(who.speaker).get("kind") == "person"
        return who.kind == "role" and self._one_person(who.speaker)

    def _is_thing(self, who: Who, *, plural: bool) -> bool:
        """A role that "it" (a body, a document: "the staff letter", "the company") or "they" (a
        group: "the protesters", "Republican insiders") can stand for."""
        if who.kind == "group":
            return plural
        if who.kind != "role" or self._one_person(who.speaker):
            return False
        head = who.speaker.lower().split()[-1] if who.speaker else ""
        return not plural and (head in self.lex.organisation_nouns or head in DOCUMENT_NOUNS)

    def _subject_mention(self, start: int, end: int, canonical: str) -> None:
        """A person named at the start of a clause and followed by a verb ("but Christie wasn't
        having it") is as salient for a later "he" as a quoted speaker."""
        if _CLAUSE_BEFORE.search(self.text, max(0, start - 14), start) and _VERB_AFTER.match(self.text, end):
            who = self._registered(canonical, "name") if canonical in self.lex.register else Who(canonical, "person", "name", "person")
            self._add_event(start, who)

    def _add_event(self, pos: int, who: Who) -> None:
        k = bisect.bisect_right(self._event_offsets, pos)
        self._event_offsets.insert(k, pos)
        self.events.insert(k, (pos, self.paragraph_of(pos), who))

    def paragraph_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self._para_starts, pos) - 1, 0)

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._inside_starts, pos) - 1
        return k >= 0 and pos < self.inside[k][1]

    # --- resolution -----------------------------------------------------------------------

    def resolve(self, toks: list[Tok], np: tuple[int, int], pos: int) -> Who:
        """Who a noun phrase (token range) is, at offset ``pos`` of the article."""
        lex = self.lex
        a, b = np
        phrase = self.text[toks[a].start : toks[b - 1].end]
        low = toks[a].low if b - a == 1 else ""
        if low in PRONOUNS:
            return self._pronoun(low, pos)
        head_i = head_index(toks, np, lex)
        if b - a == 1 and toks[a].low in ("another", "one", "others"):
            # "“...,” tweeted another.", "one said": one more of a group the text just quoted, unnamed
            return Who(toks[a].low, "anonymous", "role", "group" if toks[a].low == "others" else "anonymous")
        if not _NAMING.search(phrase) or toks[head_i].low in DETERMINERS or toks[head_i].low in TIME_WORDS or toks[head_i].low in ("percent", "%"):
            return Who("", "unknown", "", "unknown")  # "000" of "80,000", a lone "the"
        if b - a == 1 and not toks[a].cap and not speakerlike(toks, np, lex):
            return Who("", "unknown", "", "unknown")  # a bare lower-case word no one is: "contradicts", "statement"
        core = self.text[toks[a].start : toks[head_i].end]
        m = lex.register.head(phrase)
        if m is None or m.start > 0 and phrase[: m.start].strip().lower() not in ("the", "a", "an"):
            m = lex.register.head(core)  # "the mayor of Lisbon" is a role of its own; "a spokesman for the Kremlin" is not the Kremlin
        name = self._name_in(toks, a, head_i + 1)
        if m is not None and not (name and lex.register.head(name) is None and core.rfind(name.split()[-1]) >= m.end):
            return self._registered(m.canonical, "register")  # unless a name not in the register comes later:
            # "former Obama Education Secretary Arne Duncan" is Arne Duncan
        if name:
            return Who(name, "organisation" if _is_org_name(name) else "person", "name", "organisation" if _is_org_name(name) else "person")
        # a role: "the official", "a European official familiar with ...", "Okafor’s spokesman"
        head = toks[head_i].low.rstrip("’'")
        if head in DOCUMENT_NOUNS:  # "Priebus' statement said": the statement's words are Priebus's
            owner_of = self._document_owner(toks[a].start, core, after=toks[b - 1].end)
            if owner_of is not None:
                return owner_of
        role_phrase = _without_clause(phrase, core)
        owner = [x for x in lex.register.find(core) if _POSSESSIVE.match(core, x.end)]
        speaks_for = [x for x in lex.register.find(role_phrase) if _POSSESSIVE.match(role_phrase, x.end) or re.search(r"\b(?:for|of|to)\s+$", role_phrase[: x.start])]
        if owner:  # "Okafor’s spokesman" -> "Marta Okafor’s spokesman": one name for every variant
            o = owner[0]
            role_phrase = role_phrase.replace(o.text, o.canonical, 1) if o.text in role_phrase else role_phrase
        role = _role_text(role_phrase)
        owner_name = speaks_for[0].canonical if speaks_for else ""
        definite = toks[a].low in ("the", "this", "that")
        if definite:
            who = self._definite(head, pos, owner=bool(owner))
            if who is not None:
                if who.kind == "person":
                    self.described[who.speaker] = (head, pos)
                return who
        plural = head.endswith("s") and not head.endswith("ss")
        if owner:
            who = Who(role, "role", "role", "role", owner_name)
        elif head in lex.anonymous_heads or (plural and head[:-1] in lex.anonymous_heads):
            who = Who(role, "anonymous", "role", "group" if plural else "anonymous", owner_name)
        elif toks[head_i].word and not toks[head_i].low in PRONOUNS:
            # any other description, as the text gives it ("one senior Democrat", "the conference speaker")
            who = Who(role, "role", "role", "group" if plural else "role", owner_name)
        else:
            return Who("", "unknown", "", "unknown")
        self.roles.append((head, who))
        return who

    def _definite(self, head: str, pos: int, *, owner: bool) -> Who | None:
        """Who "the <head>" is: a role speaker, a titled person or an entity of this article with
        that head noun, else the person last in view."""
        lex = self.lex
        for h, who in reversed(self.roles):
            if h == head:
                return Who(who.speaker, who.speaker_type, "description", who.kind, who.owner)
        for off, h, canonical in reversed(self.titled):
            if off < pos and h == head:  # "the chairman" after "Chairman Chuck Grassley"
                return self._registered(canonical, "description") if canonical in lex.register else Who(canonical, "person", "description", "person")
        for off, h, canonical in reversed(self.entity_heads):
            if off < pos and h == head:
                return self._registered(canonical, "description") if canonical in lex.register else Who(canonical, "person", "description", "person")
        if head in lex.person_nouns and not owner:
            # the person last in view, but not one the article calls by another role noun:
            # after "the president ...", "the Republican candidate" is someone else
            taken = {name for name, (h, at) in self.described.items() if h != head and at != pos}
            who = self._pronoun("he", pos, exclude=taken)
            if who.speaker:
                return Who(who.speaker, who.speaker_type, "description", who.kind)
        return None

    def _document_owner(self, start: int, core: str, *, after: int | None = None) -> Who | None:
        """The person or body whose statement, tweet or letter the phrase is ("Reince Priebus'
        statement", "Trump's tweet", "a statement by Pelosi", "a statement from the Trump
        campaign"), from a possessive name in it or right before it, or a "by"/"from" after it."""
        m = _OWNER_IN.match(core) or _OWNER_BEFORE.search(self.text, max(0, start - 80), start)
        if m is None and after is not None:
            m = _OWNER_AFTER.match(self.text, after)
        if m is None:
            return None
        words = _strip_name(re.sub(r"(?<=[a-z]{2})\.$", "", m.group(1))).split()
        cut = max((i for i, w in enumerate(words[:-1]) if w.rstrip(".") in NAME_PREFIXES or w.lower() in self.lex.person_nouns), default=-1)
        name = " ".join(words[cut + 1 :])  # "Committee Chairman Reince Priebus" is Reince Priebus
        if not name or all(w.lower() in DETERMINERS or w.lower() in TIME_WORDS for w in name.split()):  # "Thursday's memo"
            return None
        hit = self.lex.register.head(name, roles=False)
        if hit is not None:
            return self._registered(hit.canonical, "name")
        name = self.bearer(name) if len(name.split()) == 1 else name
        stype = "organisation" if _is_org_name(name) or name.split()[-1].islower() else "person"
        return Who(name, stype, "name", stype)

    def _registered(self, canonical: str, via: str) -> Who:
        info = self.lex.register.info(canonical)
        kind = info.get("kind", "")
        stype = {"person": "person", "media": "media"}.get(kind, "organisation")
        return Who(canonical, stype, via, "person" if kind == "person" else "organisation")

    def _name_in(self, toks: list[Tok], a: int, b: int) -> str:
        """The rightmost capitalised name in ``toks[a:b]`` (not a possessive), completed from the article."""
        j = b - 1
        while j >= a and not (toks[j].cap and not common_word(toks[j], self.lex) and toks[j].text not in NAME_PREFIXES):
            j -= 1
        if j < a or toks[j].possessive:
            return ""
        if j < b - 1 and _person_noun(toks[b - 1].low, self.lex):
            return ""  # a name before the head noun modifies it: "the California psychology professor"
        i = j
        while i - 1 >= a and ((toks[i - 1].cap and not common_word(toks[i - 1], self.lex)) or toks[i - 1].low in _NAME_PARTICLES or toks[i - 1].text == ".") and not toks[i - 1].possessive:
            i -= 1
        name = _strip_name(self.text[toks[i].start : toks[j].end])
        if not name:
            return ""
        words = name.split()
        if len(words) == 1:
            if words[0].lower() in TIME_WORDS or words[0] in ("I",):
                return ""
            return self.bearer(words[0], self._honorific_gender(toks[i].start))
        return name

    def bearer(self, surname: str, gender: str | None = None) -> str:
        """Who a bare surname is in this article: of the full names that end in it, the one the
        article names first (:func:`_first_named`), else the surname itself. With the ``gender``
        an honorific gives ("Mr. Clinton" after "Hillary Clinton ... Bill Clinton"), the first
        of those full names whose first name is of that gender; if every full name's first name
        is of the other gender, the surname alone (someone the article never names in full)."""
        if gender is not None and self._bearers.get(surname):
            first = first_names()
            names = self._bearers[surname]
            genders = [first.get(n.split()[0]) for n in names]
            if gender in genders:
                return names[genders.index(gender)]
            if all(g is not None for g in genders):
                return surname
        return self._bearer_of.get(surname) or _first_named(self._bearers.get(surname, ())) or surname

    def _honorific_gender(self, start: int) -> str | None:
        """The gender an honorific at or just before offset ``start`` gives ("Mr." -> "m"), or None."""
        return _honorific(self.text, start)

    def _pronoun(self, pronoun: str, pos: int, exclude: set[str] = frozenset()) -> Who:
        kind = PRONOUNS[pronoun]
        if kind == "first":
            return Who("", "unknown", "pronoun", "unknown")
        para = self.paragraph_of(pos)
        agrees = self._agrees_with(pronoun)
        want = {"person": ("person",), "group": ("group", "anonymous", "organisation"), "organisation": ("organisation",)}[kind]
        # the latest speaker or subject of a gender that agrees, in this or the two paragraphs before
        for k in range(bisect.bisect_left(self._event_offsets, pos) - 1, -1, -1):
            off, p, who = self.events[k]
            if p < para - 2:
                break
            if not who.speaker or who.speaker in exclude or not agrees(who.speaker):
                continue
            if self.is_person(who) if kind == "person" else (who.kind in want or self._is_thing(who, plural=kind == "group")):
                return Who(who.speaker, who.speaker_type, "pronoun", who.kind, who.owner)
        if kind == "person":
            # the person named last: within three paragraphs, else anywhere before
            k0 = bisect.bisect_left(self.person_mentions, (pos,)) - 1
            for window in (3, 10**6):
                for off, k, canonical in (self.person_mentions[i] for i in range(k0, -1, -1)):
                    if k < para - window:
                        break
                    if canonical in self.people and agrees(canonical) and canonical not in exclude:
                        return self._registered(canonical, "pronoun") if canonical in self.lex.register else Who(canonical, "person", "pronoun", "person")
        else:
            # "it" or "they" that no speaker stands for: the latest subject of a sentence, in this
            # paragraph or the one before, that is not a person and agrees in number ("The email
            # includes a photo. At the bottom it reads, “...”"; "Senate Democrats blocked the bill
            # because they said ...")
            k = bisect.bisect_left(self.things, (pos,)) - 1
            while k >= 0 and self.things[k][1] >= para - 1:
                who = self.things[k][2]
                head = who.speaker.split()[-1].lower()
                if _plural(who) == (kind == "group") and not (who.kind == "role" and head.rstrip("s") in self.lex.person_nouns):
                    return Who(who.speaker, who.speaker_type, "pronoun", who.kind, who.owner)
                k -= 1
        return Who("", "unknown", "pronoun", "unknown")

    def _agrees_with(self, pronoun: str):
        """A test of whether a speaker can be "he" or "she": its gender, where the text or the
        first-name list gives one, must match; a speaker of unknown gender always can."""
        want = {"he": "m", "she": "f"}.get(pronoun)
        if want is None:
            return lambda speaker: True
        def agrees(speaker: str) -> bool:
            g = self.gender.get(speaker) or _role_gender(speaker)
            return g is None or g == want
        return agrees

    def _one_person(self, role: str) -> bool:
        """A role that is one person ("the California psychology professor"), not a group or a body."""
        words = role.lower().split()
        return bool(words) and words[0] in ("the", "a", "an") and words[-1] in self.lex.person_nouns

    def note_thing(self, pos: int, who: Who) -> None:
        """Record a sentence's subject that is not a person (a body, a document, a group) at offset
        ``pos``: what a later "it" or "they" with no speaker to stand for refers to."""
        if who.speaker and who.kind != "person":
            bisect.insort(self.things, (pos, self.paragraph_of(pos), who), key=lambda e: e[0])

    def note(self, pos: int, who: Who, *, spoke: bool = True) -> None:
        """Record that ``who`` spoke (or, with ``spoke=False``, was named as a sentence's subject) at offset ``pos``."""
        if who.speaker:
            self._add_event(pos, who)
            if spoke and who.kind == "person" and who.via != "pronoun":
                self.spoke.add(who.speaker)


def _plural(who: Who) -> bool:
    """Does a speaker that is not a person take "they" (a group, a plural noun: "Senate Democrats")?"""
    head = who.speaker.split()[-1].lower() if who.speaker else ""
    return who.kind == "group" or (head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s")) and who.kind != "media")


_OWNER_NAME = r"((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)['’]s?"
_OWNER_IN = re.compile(r"(?:[\w.\-]+\s+)*?" + _OWNER_NAME + r"\s+(?:[a-z][\w\-]*\s+){0,2}\S+$")
_OWNER_BEFORE = re.compile(_OWNER_NAME + r"\s+$")
_OWNER_AFTER = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*(?:\s+(?:campaign|administration|office|team|committee))?)")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|at|near|across|across from)\s+$")  # "speaking from New Hampshire"
_WORD_BEFORE = re.compile(r"\b([a-z][a-z\-]+)\s+$")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w\-’']+\s+){0,3}?([a-z][a-z\-]+)\s*[,.;]")
_PERSON_APPOSITION = re.compile(r",\s+(?:(?:the|a|an)\s+)?(?:[\w\-’']+\s+){0,3}?([a-z][a-z\-]+)(?=\s*[,.;]|\s+(?:of|at|for|with|to|in|was|is)\b)")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_HONORIFIC_AT = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s+[A-Z]")


def _honorific(text: str, start: int) -> str | None:
    """The gender an honorific at or just before offset ``start`` gives ("Mr." -> "m"), or None.
    (Every honorific starts with "M": a text with none there is not searched.)"""
    if "M" not in text[max(0, start - 6) : start + 1]:
        return None
    h = _HONORIFIC.search(text, max(0, start - 6), start) or _HONORIFIC_AT.match(text, start)
    return None if h is None else ("m" if h.group(1) == "Mr" else "f")


_GENDERED_NOUNS = {
    **dict.fromkeys("spokeswoman congresswoman chairwoman businesswoman councilwoman woman actress mother wife daughter "
                    "sister grandmother queen princess duchess widow girl".split(), "f"),
    **dict.fromkeys("spokesman congressman businessman councilman man actor father husband son brother grandfather "
                    "king prince duke widower boy".split(), "m"),
}


@lru_cache(maxsize=65536)
def _titled_name(run: str, nouns: frozenset[str], reg) -> tuple[str, str, str] | None:
    """A capitalised run read as a titled name (see :meth:`ArticleSpeakers._titled`): the role
    word before the name (lower case, "" when none), the name, and its canonical form where the
    run alone gives it (a registered person, or a name of two words or more that is not a body's;
    "" otherwise); None when no name is left. A pure function of the run, so cached."""
    words = run.split()
    cut = max((i for i, w in enumerate(words[:-1]) if w.rstrip(".") in NAME_PREFIXES or w.lower() in nouns), default=-1)
    name_words = words[cut + 1 :]
    if not name_words:
        return None
    name = re.sub(r"[’']s?$", "", " ".join(name_words))
    title = words[cut].rstrip(".").lower() if cut >= 0 else ""
    hit = reg.head(name, roles=False)
    if hit is not None and reg.info(hit.canonical).get("kind") == "person":
        return title, name, hit.canonical
    if len(name.split()) >= 2 and (not _is_org_name(name) or (name.split()[0] in first_names() and not any(w in _ORG_WORDS for w in name.split()))):
        return title, name, name  # "Lena Park, the nominee,": a first name makes "Park" a surname
    return title, name, ""


def _junk_name(words: list[str], lowercase_words: set[str]) -> bool:
    """A capitalised run that is not a person's name: a headline in title case ("Lynch Closes The
    Door"), a sentence opener before a name ("Absent Sanders"), a place ("New Hampshire", "Central
    Asia"), a body, or letters in capitals ("FULL TEXT")."""
    return any((w.isupper() and len(w) > 1) or w.lower() in lowercase_words or w in _NOT_PERSON for w in words)


def _first_named(names) -> str:
    """Of a surname's full names in mention order, the first: news style names a person in full
    at first reference and by surname after, and names anyone else of that surname in full again
    ("Donald Trump ... Eric Trump ... Trump said" is Donald Trump). Measured on the hand-made gold
    (``gold/speakers``, dev corpora): speaker accuracy 0.823 with the most-named full name, 0.844
    with the first."""
    if not names:
        return ""
    return names[0]


_TITLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+$")
_TITLE_AT = re.compile(r"(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+[A-Z]")


def _genders(text: str, spots: list[tuple[int, int, str]]) -> dict[str, str]:
    """The gender the article gives each person ("m" / "f"), where it gives one.

    Evidence, strongest first: an honorific before a mention ("Ms Ford"), and the first word of
    the person's full name in the shipped first-name list. Conflicting evidence gives nothing. (The
    first "he" or "she" after a mention was tried as evidence too: on PolNeAR's training articles
    it made the resolution of pronouns worse, 0.778 -> 0.777; so did "Ford said she ...", speaker
    accuracy on train 0.9475 -> 0.9470.)
    """
    seen: dict[str, dict[str, int]] = {}
    for start, end, canonical in spots:
        votes = seen.setdefault(canonical, {})
        g = _honorific(text, start)
        if g:
            votes[g] = votes.get(g, 0) + 3
    first = first_names()
    out: dict[str, str] = {}
    for canonical in seen:
        votes = dict(seen.get(canonical, {}))
        g = first.get(canonical.split()[0]) if len(canonical.split()) > 1 else None
        if g:
            votes[g] = votes.get(g, 0) + 1
        if votes:
            best = max(votes, key=votes.get)
            if all(n < votes[best] for k, n in votes.items() if k != best):
                out[canonical] = best
    return out


def _role_gender(role: str) -> str | None:
    """The gender a role's head noun gives ("the spokeswoman" -> "f"), or None."""
    words = role.lower().split()
    return _GENDERED_NOUNS.get(words[-1]) if words else None


def _person_noun(word: str, lex: Lexicon) -> bool:
    """A noun of person or body ("professor", "officials", "committee")."""
    nouns = lex.person_nouns | lex.organisation_nouns | lex.anonymous_heads
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)


_POSSESSIVE = re.compile(r"[’']s?\s+\w")
_CLAUSE_BEFORE = re.compile(r"(?:^|\n|[.;:,—–(“\"]\s*|\b(?:[Aa]nd|[Bb]ut|while|as|when|after|because|where|though|although|so|then)\s+)(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_VERB_AFTER = re.compile(r"\s+(?:(?:also|then|later|again|had|has|have|was|is|would|will|could|did|does|not|never|quickly|still)\s+)*(?:(?!(?:and|as|is|was|has|his|its|this|thus|us|plus|across|unless|whereas|towards|perhaps|yes|less|news)\b)[a-z]+(?:ed|s|d)\b|(?:was|is|were|are|does|did|has|had|would|could|wo|ca)n[’']t\b)")  # not "Jeb Bush and ..."


_COMMON_ROLE_WORDS = frozenset("officials official sources source aides diplomats analysts experts critics residents witnesses people".split())
_CLAUSE_MODIFIER = re.compile(r"\s+(?:familiar|close|with\s+knowledge|who|which|that|speaking|briefed|knowledgeable|involved)\b|\s*,")


def _without_clause(phrase: str, core: str) -> str:
    """A role without its clause-like post-modifier: "a European official familiar with the
    drafts" -> "a European official"; "the mayor of Lisbon" stays whole."""
    m = _CLAUSE_MODIFIER.search(phrase)
    return phrase[: m.start()] if m else phrase


def _role_text(core: str) -> str:
    """A role as a speaker label: "A European official familiar with ..." -> "a European official"."""
    words = core.split()
    if words and (words[0] in ("A", "An", "The", "This", "That", "Some", "Several", "Many", "Two", "Three", "Other") or words[0].lower() in _COMMON_ROLE_WORDS):
        words[0] = words[0].lower()  # "Officials said" -> "officials"
    return " ".join(words).rstrip(",")
