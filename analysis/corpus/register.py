r"""The register of people and organisations: one canonical name for every way a name is written.

Shared by sourcing (who speaks) and framing (who is mentioned, how often, how early). It comes
in two layers:

- the package's ``data/register.csv``: news media and agencies only, the names that mean the
  same in any story, with no role descriptions;
- a corpus folder's own ``register.csv`` (same columns): the story's people, organisations and
  the role descriptions that stand for them in that story ("the Kremlin aide"). It is read
  with the package's (:func:`corpus_register`); a row with the same canonical name replaces the
  package's. A corpus without one gets no person and no role from the register: names are then
  read from the text itself.

Example:
    >>> import io
    >>> from analysis.corpus.register import load_register, register_from_table
    >>> reg = register_from_table(io.StringIO(
    ...     "canonical,kind,variants,role_variants,affiliation,country,role_type\n"
    ...     "Ada Lovelace,person,Ada Lovelace|Lovelace|Ms Lovelace,the mathematician,,GBR,expert\n"))
    >>> [m.canonical for m in reg.find("Ms Lovelace met Lovelace’s aides and the mathematician.")]
    ['Ada Lovelace', 'Ada Lovelace', 'Ada Lovelace']
    >>> "Reuters" in load_register()
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..paths import DATA_DIR

__all__ = [
    "CORPUS_REGISTER",
    "corpus_register",
    "load_register",
    "Mention",
    "mentions",
    "Register",
    "REGISTER_COLUMNS",
    "REGISTER_FILE",
    "register_from_table",
]

if TYPE_CHECKING:
    from .load import Corpus

REGISTER_FILE = DATA_DIR / "register.csv"
CORPUS_REGISTER = "register.csv"
"""The file name of a corpus folder's own register."""
REGISTER_COLUMNS = ("canonical", "kind", "variants", "role_variants", "affiliation", "country", "role_type")

# Words that start a capitalised run but are not part of a name ("In Moscow", "But Okafor").
_NOT_NAME_START = frozenset(
    """The A An In On At But And As After Before For From If It Its This That These Those There Their
    His Her He She They We I When While With Without Since Until Asked Meanwhile However Afterwards
    Officials Friday Thursday Wednesday Tuesday Monday Saturday Sunday January February March April May
    June July August September October November December Russian Ukrainian European American British
    US UK UN EU""".split()
)
_TITLES = re.compile(r"^(?:(?:President|Vice President|Prime Minister|Foreign Minister|General|Gen\.|Lt\.|Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.|Pope|Spokesman|Spokeswoman|Mayor|Senator|Sen\.)\s+)+")
_CAP_WORD = r"[A-Z][\w\-]*[a-z][\w\-]*"
_CAP_RUN = re.compile(rf"\b{_CAP_WORD}(?:\s+(?:(?:de|van|von|al|bin|la|le)\s+)?{_CAP_WORD})+(?:[’']s\b)?")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\s+\w")
_HEAD_CACHE_SIZE = 200_000


def _trie_pattern(literals) -> str:
    """One regular expression for a set of literal strings, as a trie: ``A(?:BC(?: News|)|FP)``.

    At any position the literals that match form a chain of prefixes, and the trie tries the
    longer continuation before it stops, so it matches what an alternation sorted longest first
    matches (backtracking to a shorter literal when what follows fails), at about half the cost:
    the engine reads each character once instead of trying every variant in turn.
    """
    root: dict = {}
    for word in literals:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return emit(root)


def _is_modifier(phrase: str, m: "Mention") -> bool:
    """True when the mention is a possessive followed by more words ("Okafor’s adviser")."""
    return bool(_POSSESSIVE_AFTER.match(phrase, m.end))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    canonical: str
    via: str  # "name" | "role" | "unregistered"


class Register:
    """Lookup of register entries in text. Build with :func:`load_register`."""

    def __init__(self, table: pd.DataFrame):
        self.table = table.set_index("canonical", drop=False)
        self._info = {row["canonical"]: dict(row) for row in table.to_dict("records")}
        self._names = self._compile(table, "variants")
        self._roles = self._compile(table, "role_variants")
        self._heads: dict[tuple[str, bool], Mention | None] = {}  # head() of phrases seen before (a Mention is frozen)

    @staticmethod
    def _compile(table: pd.DataFrame, column: str) -> tuple[re.Pattern | None, dict[str, str]]:
        literal: dict[str, str] = {}
        regexes: list[tuple[str, str]] = []
        for row in table.itertuples(index=False):
            for v in filter(None, (x.strip() for x in str(getattr(row, column) or "").split("|"))):
                if v.startswith("re:"):
                    regexes.append((v[3:], row.canonical))
                else:
                    literal.setdefault(v, row.canonical)
        alts = [_trie_pattern(literal)] if literal else []
        groups = {}
        for i, (rx, canonical) in enumerate(regexes):
            alts.insert(0, f"(?P<rx{i}>{rx})")
            groups[f"rx{i}"] = canonical
        if not alts:
            return None, {}
        pattern = re.compile(r"(?<![\w’'])(?:" + "|".join(alts) + r")(?![\w])")
        return pattern, {**literal, **groups}

    def _scan(self, which, text, via) -> list[Mention]:
        pattern, lookup = which
        if pattern is None:
            return []
        out = []
        for m in pattern.finditer(text):
            group = next((g for g, v in m.groupdict().items() if v is not None), None)
            canonical = lookup[group] if group else lookup[m.group(0)]
            out.append(Mention(m.start(), m.end(), m.group(0), canonical, via))
        return out

    def find(self, text: str, *, roles: bool = True, unregistered: bool = False) -> list[Mention]:
        """Mentions in ``text``, in order, without overlaps (names before roles, longest first)."""
        found = self._scan(self._names, text, "name")
        if roles:
            found += self._scan(self._roles, text, "role")
        if unregistered:
            for m in _CAP_RUN.finditer(text):
                words = m.group(0).split()
                while words and words[0] in _NOT_NAME_START:
                    words.pop(0)
                name = re.sub(r"[’']s$", "", _TITLES.sub("", " ".join(words)))
                if len(name.split()) < 2:
                    continue
                start = m.start() + m.group(0).index(name)
                found.append(Mention(start, start + len(name), name, name, "unregistered"))
        rank = {"name": 0, "role": 1, "unregistered": 2}
        found.sort(key=lambda x: (x.start, rank[x.via], -(x.end - x.start)))
        kept: list[Mention] = []
        for mention in sorted(found, key=lambda x: (rank[x.via], -(x.end - x.start), x.start)):
            if all(mention.end <= k.start or mention.start >= k.end for k in kept):
                kept.append(mention)
        return sorted(kept, key=lambda x: x.start)

    def head(self, phrase: str, *, roles: bool = True) -> Mention | None:
        """The register entry a noun phrase refers to, or None.

        Unlike :meth:`find`, which lists every mention, this picks the phrase's head: the
        mention that ends last and is not a possessive modifier. "Okafor’s foreign policy
        adviser" is the adviser (Lena Brandt, a role variant), not Okafor; "Russia’s foreign
        ministry spokeswoman Maria Zakharova" is Maria Zakharova. At the same end a name beats
        a role and a longer mention beats a shorter one.

        Args:
            phrase: a short noun phrase, such as the subject of a reporting verb.
            roles: also accept role variants ("the US president").

        Returns:
            The head :class:`Mention` (offsets into ``phrase``), or None when the phrase names
            no register entry except as a possessive.
        """
        key = (phrase, roles)
        if key in self._heads:
            return self._heads[key]
        found = self._scan(self._names, phrase, "name")
        if roles:
            found += self._scan(self._roles, phrase, "role")
        heads = [m for m in found if not _is_modifier(phrase, m)]
        rank = {"name": 0, "role": 1}
        best = max(heads, key=lambda m: (m.end, -rank[m.via], m.end - m.start)) if heads else None
        if len(self._heads) >= _HEAD_CACHE_SIZE:
            self._heads.clear()  # a bound on memory over tens of thousands of articles
        self._heads[key] = best
        return best

    def info(self, canonical: str) -> dict:
        """The register row of a canonical name (empty fields for an unregistered name)."""
        if canonical in self._info:
            return dict(self._info[canonical])
        return {"canonical": canonical, "kind": "unregistered", "affiliation": "", "country": "", "role_type": ""}

    def __contains__(self, canonical: str) -> bool:
        return canonical in self._info


def _read_table(source) -> pd.DataFrame:
    table = pd.read_csv(source, comment="#", dtype=str, keep_default_na=False)
    missing = [c for c in REGISTER_COLUMNS if c not in table.columns]
    if missing:
        from ..errors import LexiconError

        name = getattr(source, "name", source)
        raise LexiconError(f"{name}, line 1: the register lacks the column(s) {', '.join(missing)}; "
                          f"its first line must be {','.join(REGISTER_COLUMNS)} (see {REGISTER_FILE.name} in the package).")
    return table


def register_from_table(source) -> Register:
    """A register from one CSV (a path or a file object), on its own."""
    return Register(_read_table(source))


@lru_cache(maxsize=4)
def load_register(path: str | Path = REGISTER_FILE) -> Register:
    """Read a register CSV (the package's own, media and agencies only, by default); lines
    starting with # are comments."""
    return register_from_table(path)


@lru_cache(maxsize=16)
def _merged(file: str, stamp: float) -> Register:
    own = _read_table(Path(file))
    package = _read_table(REGISTER_FILE)
    package = package[~package["canonical"].isin(set(own["canonical"]))]
    return Register(pd.concat([own, package], ignore_index=True))


def corpus_register(corpus: "Corpus | str | Path | None") -> Register:
    """The register a corpus is read with: its folder's ``register.csv`` (or the file its story file names,
    ``register = "..."`` in ``story.toml``) over the package's, and, for a loaded corpus, the people and
    organisations its own text names (:func:`analysis.corpus.people.discover_people`,
    :func:`~analysis.corpus.people.discover_organisations`)
    that neither lists.

    Args:
        corpus: a loaded corpus, or its folder (files only); None for the package's register alone.

    Returns:
        The merged :class:`Register` (the same object while the file and the corpus are unchanged),
        or the package's register when there is nothing to add to it.
    """
    if corpus is None:
        return load_register()
    folder = Path(getattr(corpus, "path", corpus))
    own = _story_register(folder) or folder / CORPUS_REGISTER
    files = _merged(str(own.resolve()), own.stat().st_mtime) if own.is_file() else load_register()
    if not hasattr(corpus, "articles"):
        return files
    cached = corpus.__dict__.get("_register")
    if cached is None or cached[0] is not files:
        cached = (files, _with_people(files, corpus))
        corpus.__dict__["_register"] = cached
    return cached[1]


def _story_register(folder: Path) -> Path | None:
    """The register the corpus's story file names (``register = "..."`` in ``story.toml``), if any."""
    from .story import load_story

    return load_story(folder).register


def _with_people(register: Register, corpus: "Corpus") -> Register:
    """The register with the people and organisations found in the corpus's text
    (:mod:`analysis.corpus.people`) that it does not list under any of their names."""
    from .people import discover_organisations, discover_people, role_type_of

    found = pd.concat([discover_people(corpus), discover_organisations(corpus)], ignore_index=True)
    if found.empty:
        return register
    table = register.table.reset_index(drop=True)
    known = set(table["canonical"])
    for v in table["variants"]:
        known.update(x.strip() for x in str(v).split("|") if x.strip())
    new = []
    for p in found.itertuples(index=False):
        if p.canonical in known or any(v in known for v in p.variants.split("|")):
            continue
        known.update(p.variants.split("|"))
        new.append({"canonical": p.canonical, "kind": p.kind, "variants": p.variants, "role_variants": "",
                    "affiliation": "", "country": "", "role_type": role_type_of(p.kind, p.canonical, p.roles)})
    if not new:
        return register
    return Register(pd.concat([table[list(REGISTER_COLUMNS)], pd.DataFrame(new)], ignore_index=True))


def mentions(corpus: "Corpus", *, register: Register | None = None, roles: bool = True, unregistered: bool = False) -> pd.DataFrame:
    """Every mention of a registered person or organisation, one row per mention.

    Args:
        corpus: a loaded corpus.
        register: the register; the corpus's own (:func:`corpus_register`) by default.
        roles: also count role descriptions ("the US president") as mentions of their person.
        unregistered: also report capitalised multi-word names not in the register.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``paragraph``, ``start``, ``end``
        (offsets into the clean text), ``mention`` (the words), ``canonical``, ``via`` (name,
        role or unregistered), ``kind``, ``role_type``, ``affiliation``, ``country``.
    """
    reg = register or corpus_register(corpus)
    rows = []
    texts = corpus.articles["text"]
    for s in corpus.sentences().itertuples(index=False):
        sentence_text = texts[s.article_id][s.start : s.end]
        for m in reg.find(sentence_text, roles=roles, unregistered=unregistered):
            info = reg.info(m.canonical)
            rows.append(
                {
                    "article_id": s.article_id, "outlet": s.outlet, "sentence": s.sentence,
                    "paragraph": s.paragraph, "start": s.start + m.start, "end": s.start + m.end,
                    "mention": m.text, "canonical": m.canonical, "via": m.via,
                    "kind": info["kind"], "role_type": info["role_type"],
                    "affiliation": info["affiliation"], "country": info["country"],
                }
            )
    cols = ["article_id", "outlet", "sentence", "paragraph", "start", "end", "mention", "canonical", "via",
            "kind", "role_type", "affiliation", "country"]
    return pd.DataFrame(rows, columns=cols)
