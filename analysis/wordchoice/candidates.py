"""Candidate naming variants found in the corpus itself, for a corpus that gives no naming lexicon.

Which names are contested depends on the story, so the package holds no list of them: a corpus
names its own in ``story.toml`` (:mod:`analysis.corpus.story`). Without one, this module looks in
the text for places where outlets write the same thing in different words, and offers them as
**candidates** for a reader to check and, if they hold, to copy into a story file
(:func:`story_template`). Two kinds are looked for:

- **spelling**: forms of one word or two-word name that differ only in spelling, case, accents,
  hyphens or full stops ("Gaddafi" / "Qaddafi", "Beijing" / "Peking", "U.S." / "US",
  "zero tolerance" / "zero-tolerance", "centers" / "centres"). Forms are the same key once
  lower-cased, stripped of accents and punctuation; or, for words of four letters or more with
  the same first letter, one edit apart once transliteration habits are folded (y as i, doubled
  letters as one, z as s). Inflections are not variants (forms with the same Porter stem, such as
  "separation" / "separations", are left out), and case alone makes a variant only when neither
  form is all lower case ("ICE" / "Ice", not "state" / "State").
- **modifier**: one head noun with different words before it ("illegal immigrants" /
  "undocumented immigrants", "Obama's war" / "America's war" / "land war"). The head must be a
  content word that follows a determiner somewhere in the corpus (so it is used as a noun) and is
  not a name, and it must end its noun phrase (what follows is punctuation, a function word, or a
  word never used as a noun: "immigrants waited", not "direct" in "direct talks"); the word before
  it must be a content word or a possessive, not one that says when, how long or how many, and
  not a verb as far as the text shows (a word in -ing, or one that stands right before a
  determiner somewhere: "resuming direct talks", "achieve the goal").

A candidate is kept only when the outlets differ: at least two outlets use the referent, and not
all of them use the same forms. Candidates are ranked by how many outlets take part, then how
many forms there are, then uses. The rules read surface strings, not meanings: "Trump
administration" / "Obama administration" share a head and are different things. The measured
figures (on hand-made gold lists of three real corpora and the bundled one) are in the README,
section "Contested naming".

References:
    Porter, M. F. (1980). An algorithm for suffix stripping. Program 14(3) (the stemmer).
    Levenshtein, V. I. (1966). Binary codes capable of correcting deletions, insertions, and
    reversals. Soviet Physics Doklady 10(8) (the edit distance).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ..corpus import Corpus
from ..safe import md_text

__all__ = [
    "candidates_display",
    "candidates_finding",
    "naming_candidates",
    "spelling_key",
    "split_score",
    "story_template",
    "transliteration_key",
]

_DETERMINERS = frozenset("the a an this that these those its his her their our my your any no every each another".split())
_POSSESSIVE = re.compile(r"[’']s?$")
_COLUMNS = ["candidate", "kind", "head", "form", "outlet", "count", "share", "articles", "split", "first_article", "first_start", "first_end"]


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def spelling_key(form: str) -> str:
    """The key two spellings of one form share: lower case, no accents, letters, digits and apostrophes only
    (so "its" and "it's" stay apart; a curly apostrophe counts as a straight one).

    >>> spelling_key("U.S."), spelling_key("zero-tolerance"), spelling_key("Pérez"), spelling_key("Obama’s")
    ('us', 'zerotolerance', 'perez', "obama's")
    """
    return re.sub(r"[^0-9a-z']", "", _strip_accents(form).replace("\u2019", "'").lower())


def transliteration_key(form: str) -> str:
    """:func:`spelling_key` with transliteration habits folded: y as i, z as s, ph as f, doubled letters as one.

    >>> transliteration_key("Tchaikovsky"), transliteration_key("Tchaikovskiy"), transliteration_key("Zazzle")
    ('tchaikovski', 'tchaikovski', 'sasle')
    """
    k = spelling_key(form).replace("ph", "f").replace("y", "i").replace("z", "s")
    return re.sub(r"(.)\1+", r"\1", k)


def _one_edit(a: str, b: str) -> str | None:
    """How ``a`` and ``b`` differ if by one edit: "same", "swap" (neighbours exchanged), "indel"
    (one letter more or less, returned as "indel:<letter>") or "sub"; None if by more."""
    if a == b:
        return "same"
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return None
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return "sub"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return "swap"
        return None
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return f"indel:{b[i]}" if a[i:] == b[i + 1 :] else None


def _spelling_edit_ok(a: str, b: str, edit: str | None, proper: set[str]) -> bool:
    """Whether one edit between two words makes them spellings of one word.

    Names (both words capitalised where a sentence does not start) may differ by any one edit
    ("Kirstjen" / "Kirstjien"), except by a letter more at the end ("Korea" / "Korean"). Other
    words must be five letters or more and differ by a swap of neighbours ("centers" / "centres")
    or a "u" more or less ("colour" / "color"): a changed, added or dropped letter too often makes
    another word ("policy" / "police", "rally" / "really").
    """
    if edit is None:
        return False
    if edit.startswith("indel:") and (a[:-1] == b or b[:-1] == a):
        return False  # a letter more at the end makes another word ("Korea" / "Korean"), not a spelling
    if a in proper and b in proper:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return edit in ("same", "swap") or edit == "indel:u"  # "centres" / "centers", "colour" / "color"


@lru_cache(maxsize=1)
def _stem():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer().stem


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from ..topics.words import load_stop_words

    return load_stop_words()


def _is_word(token: str) -> bool:
    return bool(re.fullmatch(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*[’']?s?", token))


class _Uses:
    """Uses of candidate forms: per (kind, head, form) the occurrences as (article, outlet, start, end)."""

    def __init__(self) -> None:
        self.at: dict[tuple[str, str, str], list[tuple[str, str, int, int]]] = defaultdict(list)

    def add(self, kind: str, head: str, form: str, where: tuple[str, str, int, int]) -> None:
        self.at[(kind, head, form)].append(where)


def _token_runs(corpus: Corpus) -> Iterable[tuple[str, str, list[tuple[int, int, str, bool]]]]:
    """Per sentence: article id, outlet and its word tokens as (start, end, text, sentence-initial),
    runs broken by punctuation (a token after punctuation starts a new run; None marks the break)."""
    tokens = corpus.tokens()
    for (aid, _), g in tokens.groupby(["article_id", "sentence"], sort=False):
        outlet = g["outlet"].iat[0]
        run: list = []
        first = True
        for start, end, tok, kind in zip(g["start"], g["end"], g["token"], g["kind"]):
            if kind == "punct":
                run.append(None)
                if tok not in "\"“”‘’'([":
                    first = False
                continue
            run.append((int(start), int(end), tok, first))
            first = False
        yield aid, outlet, run


def _collect(corpus: Corpus) -> tuple[_Uses, set[str], set[str]]:
    """One pass over the tokens: spelling forms (words and adjacent pairs), modifier + head pairs,
    the words seen after a determiner, and how often each word is capitalised where a sentence
    does not start."""
    uses = _Uses()
    stop = _stop_words()
    after_determiner: set[str] = set()
    capitalised: dict[str, int] = defaultdict(int)
    lowered: dict[str, int] = defaultdict(int)
    texts = corpus.articles["text"]
    before_determiner: set[str] = set()
    runs = list(_token_runs(corpus))
    for _, _, run in runs:
        for prev, item in zip(run, run[1:]):
            if prev is not None and item is not None and prev[2].lower() in _DETERMINERS:
                after_determiner.add(item[2].replace("\u2019", "'").lower())
            if prev is not None and item is not None and item[2].lower() in _DETERMINERS:
                before_determiner.add(prev[2].replace("\u2019", "'").lower())
    for aid, outlet, run in runs:
        text = texts[aid]
        for i, item in enumerate(run):
            if item is None:
                continue
            start, end, tok, initial = item
            tok = tok.replace("\u2019", "'")
            low = tok.lower()
            prev = run[i - 1] if i > 0 else None
            nxt = run[i + 1] if i + 1 < len(run) else None
            if not initial and tok[:1].isalpha():
                (capitalised if tok[0].isupper() else lowered)[low] += 1
            if not (_is_word(tok) or tok.isupper()):
                continue
            uses.add("word", "", tok if not initial else "\0" + tok, (aid, outlet, start, end))
            if prev is None or text[prev[1] : start].strip() or not (_is_word(prev[2]) or prev[2].isupper()):
                continue
            pair = " ".join(text[prev[0] : end].replace("\u2019", "'").split())
            uses.add("pair", "", pair if not prev[3] else "\0" + pair, (aid, outlet, prev[0], end))
            p = prev[2].replace("\u2019", "'")
            # modifier + head: both content words, and the head ends the noun phrase: what follows is
            # punctuation, a function word, or a word never used as a noun (never after a determiner:
            # "immigrants waited"), so "direct" in "held direct talks" is no head when "the talks" occurs.
            nxt_low = nxt[2].replace("\u2019", "'").lower() if nxt is not None else ""
            ends_phrase = nxt is None or nxt_low in stop or nxt_low not in after_determiner
            verb_like = p.lower() in before_determiner or (p.lower().endswith("ing") and len(p) > 5)
            if ends_phrase and not verb_like and not _not_naming(p) and p.lower() not in stop and _POSSESSIVE.sub("", p.lower()) not in stop and low not in stop and len(low) > 2:
                uses.add("modifier", low, p if not prev[3] else "\0" + p, (aid, outlet, prev[0], end))
    proper = {spelling_key(w) for w, n in capitalised.items() if n > 2 * lowered.get(w, 0)}
    return uses, after_determiner, proper


def _resolve_initial(forms: dict[str, list]) -> dict[str, list]:
    """Give sentence-initial uses ("\\0Form") to the form written the same way up to case elsewhere,
    else keep them as written."""
    out: dict[str, list] = defaultdict(list)
    plain = [f for f in forms if not f.startswith("\0")]
    for f, where in forms.items():
        if f.startswith("\0"):
            f0 = f[1:]
            same = [p for p in plain if p.lower() == f0.lower()]
            f = max(same, key=lambda p: (len(forms[p]), p)) if same else f0
        out[f].extend(where)
    return out


def _outlet_forms(forms: dict[str, list]) -> dict[str, set[str]]:
    by_outlet: dict[str, set[str]] = defaultdict(set)
    for form, where in forms.items():
        for _, outlet, _, _ in where:
            by_outlet[outlet].add(form)
    return by_outlet


def split_score(forms: dict[str, list]) -> int:
    """How far the outlets part: the outlets that use the referent but not its most widely used form.

    0 when one form is used by every outlet that uses any (they agree, whatever else some add).
    """
    by_outlet = _outlet_forms(forms)
    widest = max((sum(f in v for v in by_outlet.values()) for f in forms), default=0)
    return len(by_outlet) - widest


def _case_only(forms: Iterable[str]) -> bool:
    return len({f.lower() for f in forms}) == 1


def _split_by_case(forms: dict[str, list]) -> list[dict[str, list]]:
    """A form all in lower case is not a spelling of one with capitals ("us" is not "U.S."): such
    forms make a group of their own; a group that differs in case alone needs every form capitalised."""
    lower = {f: w for f, w in forms.items() if f == f.lower()}
    upper = {f: w for f, w in forms.items() if f != f.lower()}
    return [g for g in (lower, upper) if len(g) >= 2]


def _word_level(forms: dict[str, list]) -> bool:
    """Two-word forms whose words have the same keys one by one ("the US" / "the U.S."): the
    difference is a word's, which its own candidate shows; unless they differ in case alone."""
    if not any(" " in f for f in forms) or _case_only(forms):
        return False
    return len({tuple(spelling_key(w) for w in f.split()) for f in forms}) == 1


def _spelling_groups(uses: _Uses, proper: set[str]) -> list[tuple[str, dict[str, list]]]:
    words = _resolve_initial({f: w for (k, _, f), w in uses.at.items() if k == "word"})
    pairs = _resolve_initial({f: w for (k, _, f), w in uses.at.items() if k == "pair"})
    by_key: dict[str, dict[str, list]] = defaultdict(dict)
    for forms in (words, pairs):
        for f, where in forms.items():
            key = spelling_key(f)
            if len(key.replace("'", "")) >= 2:
                by_key[key].setdefault(f, []).extend(where)
    # One edit apart once transliteration is folded: single words, same first letter, not inflections.
    stem = _stem()
    stop = _stop_words()
    single = [k for k, v in by_key.items() if len(k) >= 4 and k.isalpha() and k not in stop and any(" " not in f for f in v)]
    by_translit: dict[str, list[str]] = defaultdict(list)
    for k in sorted(single):
        by_translit[transliteration_key(k)].append(k)
    near: dict[str, set[str]] = defaultdict(set)
    for t in by_translit:
        near[t].add(t)
        for i in range(len(t)):
            near[t[:i] + t[i + 1 :]].add(t)
    parent = {k: k for k in single}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for keys in by_translit.values():
        for k in keys[1:]:
            if stem(k) != stem(keys[0]):
                join(k, keys[0])
    for group in near.values():
        for a in sorted(group):
            for b in sorted(group):
                if a < b and a[0] == b[0]:
                    ka, kb = by_translit[a][0], by_translit[b][0]
                    if stem(ka) != stem(kb) and _spelling_edit_ok(ka, kb, _one_edit(a, b), proper):
                        join(ka, kb)
    merged: dict[str, dict[str, list]] = defaultdict(dict)
    for k, forms in by_key.items():
        root = find(k) if k in parent else k
        for f, where in forms.items():
            merged[root].setdefault(f, []).extend(where)
    out = []
    for forms in merged.values():
        for group in _split_by_case(forms):
            if _word_level(group):
                continue
            if split_score(group) > 0:
                out.append((max(group, key=lambda f: (len(group[f]), f)), group))
    return out


# Words before a noun that say when, how long, how many or in what order, not what the thing is:
# true of any story, so they never make a naming candidate.
_NOT_NAMING = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday tomorrow tonight earlier later recent recently latest previous
    current new old upcoming ongoing planned scheduled expected anticipated possible potential likely lengthy long short
    brief further final initial early late same different various several many few more most other another such
    certain main major minor big small large little high low top first second third fourth fifth last next direct
    full total whole own real actual""".split()
)
_DURATION = re.compile(r"(?:^|-)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|hundred|thousand)?-?(?:second|minute|hour|day|week|month|year|decade)s?(?:-long|-old)?$|^\d")


def _not_naming(word: str) -> bool:
    """A modifier that says when, how long, how many or in what order (``_NOT_NAMING``), or a
    day's possessive ("Friday's"), or a duration ("three-hour"), or a number."""
    w = _POSSESSIVE.sub("", word.lower())
    return w in _NOT_NAMING or bool(_DURATION.search(w))


def _modifier_groups(uses: _Uses, after_determiner: set[str], proper: set[str]) -> list[tuple[str, dict[str, list]]]:
    heads: dict[str, dict[str, list]] = defaultdict(dict)
    for (k, head, f), where in uses.at.items():
        if k == "modifier" and head in after_determiner and spelling_key(head) not in proper and _is_word(head):
            heads[head][f] = where
    out = []
    for head, mods in heads.items():
        mods = _resolve_initial(mods)
        by_lower: dict[str, list] = defaultdict(list)
        for m, w in mods.items():
            if spelling_key(m) != spelling_key(head):
                by_lower[m.lower()].extend(w)
        if len(by_lower) < 2:
            continue
        named = {max((m for m in mods if m.lower() == low), key=lambda m: (len(mods[m]), m)) + " " + head: w for low, w in by_lower.items()}
        if split_score(named) > 0:
            out.append((head, named))
    return out


def naming_candidates(corpus: Corpus, *, limit: int = 12) -> pd.DataFrame:
    """Candidate naming variants found in the corpus's own text (see the module's docstring).

    Candidates are ranked by how far the outlets part (:func:`split_score`: the outlets that do
    not use the most widely used form), then by how many outlets take part, then by uses; a
    spelling that differs in case alone comes after every other.

    Args:
        corpus: a loaded corpus.
        limit: how many candidates to keep (the best ranked); 0 keeps all.

    Returns:
        One row per candidate, form and outlet that uses the form: ``candidate`` (rank, from 1),
        ``kind`` (spelling or modifier), ``head`` (what the forms share: the most used form of a
        spelling, the head noun of a modifier), ``form`` (as written), ``outlet``, ``count``,
        ``share`` (of the outlet's uses of the candidate, the part in this form), ``articles``,
        ``split`` (:func:`split_score`), and the outlet's first use of the form
        (``first_article``, ``first_start``, ``first_end``: offsets into the clean text). Empty
        (same columns) when nothing varies between outlets.
    """
    uses, after_determiner, proper = _collect(corpus)
    groups = [("spelling", h, f) for h, f in _spelling_groups(uses, proper)] + [("modifier", h, f) for h, f in _modifier_groups(uses, after_determiner, proper)]
    outlets = corpus.outlets

    def rank(g):
        kind, head, forms = g
        n_outlets = len(_outlet_forms(forms))
        return (kind == "spelling" and _case_only(forms), -split_score(forms), -n_outlets, -sum(len(w) for w in forms.values()), kind, head)

    groups.sort(key=rank)
    if limit:
        groups = groups[:limit]
    rows = []
    for n, (kind, head, forms) in enumerate(groups, start=1):
        per_outlet: dict[str, int] = defaultdict(int)
        for w in forms.values():
            for _, o, _, _ in w:
                per_outlet[o] += 1
        split = split_score(forms)
        for form in sorted(forms, key=lambda f: (-len(forms[f]), f)):
            for outlet in outlets:
                mine = [w for w in forms[form] if w[1] == outlet]
                if not mine:
                    continue
                first = min(mine, key=lambda w: (w[0], w[2]))
                rows.append({
                    "candidate": n, "kind": kind, "head": head, "form": form, "outlet": outlet, "count": len(mine),
                    "share": len(mine) / per_outlet[outlet], "articles": len({w[0] for w in mine}), "split": split,
                    "first_article": first[0], "first_start": first[2], "first_end": first[3],
                })
    return pd.DataFrame(rows, columns=_COLUMNS)


def candidates_display(candidates: pd.DataFrame, *, outlets: list[str] | None = None) -> pd.DataFrame:
    """The candidates as readers see them: candidate and form down, outlets across.

    Each cell reads ``3 (75%)``: the outlet's uses of the form and their share of its uses of the
    candidate; an empty cell means the outlet never writes that form.

    Args:
        candidates: the output of :func:`naming_candidates`.
        outlets: the column order (``corpus.outlets``); the order of first appearance by default.

    Returns:
        DataFrame indexed by ``candidate`` (its number, kind and head, as "1 · spelling · Gaddafi")
        and ``form``, one column per outlet (in the table's order).
    """
    if candidates.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=["candidate", "form"]))
    t = candidates.assign(
        label=candidates["candidate"].astype(str) + " · " + candidates["kind"] + " · " + candidates["head"],
        cell=[f"{c} ({s:.0%})" for c, s in zip(candidates["count"], candidates["share"])],
    )
    outlets = [o for o in (outlets or []) if o in set(t["outlet"])] or list(dict.fromkeys(t["outlet"]))
    wide = t.pivot_table(index=["label", "form"], columns="outlet", values="cell", aggfunc="first", sort=False, fill_value="")
    order = list(dict.fromkeys(zip(t["label"], t["form"])))
    wide = wide.reindex(pd.MultiIndex.from_tuples(order, names=["candidate", "form"])).reindex(columns=outlets).fillna("")
    wide.columns.name = None
    return wide


def candidates_finding(candidates: pd.DataFrame, *, n: int = 5) -> str:
    """Markdown: the best candidates in words, each marked as a candidate, with the outlets that write each form.

    Args:
        candidates: the output of :func:`naming_candidates`.
        n: how many candidates to describe.

    Returns:
        One bullet per candidate; a plain sentence when there is none.
    """
    if candidates.empty:
        return ("No candidate found: no word or two-word name is written in different ways by different outlets, "
                "and no head noun takes different words before it in different outlets.")
    lines = []
    for cid, g in candidates.groupby("candidate", sort=True):
        if cid > n:
            break
        kind, head = g["kind"].iat[0], g["head"].iat[0]
        parts = []
        for form, h in g.groupby("form", sort=False):
            parts.append(f"\u201c{md_text(form)}\u201d ({', '.join(f'{md_text(o)} {c}' for o, c in zip(h['outlet'], h['count']))})")
        what = "spellings of one name or word" if kind == "spelling" else f"different words before \u201c{md_text(head)}\u201d"
        lines.append(f"- Candidate {cid}, {what}: " + "; ".join(parts) + ".")
    return "\n".join(lines)


def story_template(candidates: pd.DataFrame, *, n: int = 3) -> str:
    """Markdown: how to write a story file, with a ``[[concept]]`` drafted from the best candidates.

    The draft is a starting point: a reader keeps the candidates that name one thing in words
    that matter, writes the note for teachers, and saves the file as ``story.toml`` in the
    corpus folder; the next run counts those wordings (``load_story`` checks the file).

    Args:
        candidates: the output of :func:`naming_candidates`.
        n: how many candidates to draft.

    Returns:
        Markdown: a sentence on where the file goes, then a TOML block.
    """
    lines = ["# story.toml: what is particular to this corpus's story (the README's data dictionary describes every field).",
             "# title = \"the story in a few words\"", ""]
    picked = list(dict.fromkeys(candidates["candidate"]))[:n] if not candidates.empty else []
    for cid in picked:
        g = candidates[candidates["candidate"] == cid]
        head = g["head"].iat[0]
        ident = re.sub(r"[^a-z0-9]+", "_", spelling_key(head) or "concept").strip("_") or "concept"
        lines += ["[[concept]]", f"id = \"{ident}\"", f"name = \"{_escape_basic(head)}\"",
                  "note = \"\"\"Why the choice of words matters here, and what to ask students (write it after reading the uses).\"\"\"", ""]
        for form in dict.fromkeys(g["form"]):
            lines += ["  [[concept.variant]]", f"  label = \"{_escape_basic(form)}\"", f"  patterns = ['{_literal_pattern(form)}']", ""]
    if not picked:
        lines += ["[[concept]]", 'id = "short_id"', 'name = "the thing in words"', 'note = """Why the choice of words matters."""', "",
                  "  [[concept.variant]]", '  label = "one wording"', "  patterns = ['one wording']", ""]
    block = "\n".join(lines).rstrip()
    return ("To count contested names, save a file named `story.toml` in the corpus folder, beside `metadata.csv`. "
            "This draft is made from the first candidates above: keep the forms that name one thing in words that matter, "
            "write the note, and run the notebook again.\n\n```toml\n" + block.replace("```", "` ` `") + "\n```")


def _escape_basic(s: str) -> str:
    """A string for a TOML basic string ("..."): backslashes and double quotes escaped, line breaks dropped."""
    return re.sub(r"[\x00-\x1f\x7f]", " ", s).replace("\\", "\\\\").replace('"', '\\"')


def _literal_pattern(form: str) -> str:
    """A naming pattern that matches ``form`` as written (regular-expression characters escaped) in a TOML literal string."""
    p = re.escape(re.sub(r"[\x00-\x1f\x7f]", " ", form)).replace("\\ ", r"\s+").replace("\\-", "[- ]?")
    return p.replace("'", "’")
