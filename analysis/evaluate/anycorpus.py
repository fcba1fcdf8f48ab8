"""``python -m analysis.evaluate anycorpus``: does the site speak of the bundled story on another corpus, and what does naming find there?

Three checks, for corpora given as folders (build them with ``scripts/allsides_to_corpus.py --gold
gold/naming/corpora.toml --name NAME --out DIR``):

- **words of the bundled story**: the words that belong to the bundled story
  (:func:`bundled_story_words`, derived from the bundled corpus's own text, metadata, register and
  story file, not from a hand list) that appear in a rendered page of the other corpus's site
  (:func:`foreign_words`) although the corpus itself never has them. The answer should be none.
- **naming counts only what the corpus gave**: every concept counted on the naming table is one
  of the corpus's own story file (none without one).
- **candidates against a hand-made gold list** (``gold/naming/variants.csv``): for each referent
  the gold names, whether one candidate holds two or more of its gold forms (recall), and how many
  candidates there are; the precision of the candidates is read by hand (README, "Contested naming").

Usage::

    python -m analysis.evaluate anycorpus --corpus steele=/tmp/steele --corpus alabama=/tmp/alabama \\
        [--site-root /tmp/sites] [--gold gold/naming/variants.csv]

With ``--site-root`` each corpus's site is rendered there (``samestory report``), then searched.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import pandas as pd

from ..corpus import load_corpus
from ..corpus.register import corpus_register, load_register
from ..corpus.story import load_story
from ..paths import BUNDLED_CORPUS, PROJ_ROOT

__all__ = [
    "bundled_story_words",
    "corpus_words",
    "foreign_words",
    "gold_recall",
    "main",
    "naming_counts_only_given",
    "page_text",
]

GOLD = PROJ_ROOT / "gold" / "naming" / "variants.csv"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _words(text: str) -> set[str]:
    return {w.replace("’", "'") for w in _WORD.findall(text)}


def corpus_words(corpus) -> set[str]:
    """Every word a corpus has, as written and lower-cased: its texts (raw and clean), its metadata and its story file."""
    arts = corpus.articles
    parts = [*arts["raw_text"].astype(str), *arts["text"].astype(str)]
    parts += [str(v) for col in arts.columns if col not in ("raw_text", "text") for v in arts[col].tolist()]
    story = Path(corpus.path) / "story.toml"
    if story.is_file():
        parts.append(story.read_text(encoding="utf-8"))
    register = Path(corpus.path) / "register.csv"
    if register.is_file():
        parts.append(register.read_text(encoding="utf-8"))
    words = set()
    for p in parts:
        words |= _words(p)
        words |= {m.replace(".", "") for m in re.findall(r"\b(?:[A-Z]\.){2,}", p)}  # "U.S." is also "US"
    return words | {w.lower() for w in words}


def bundled_story_words(bundled: Path = BUNDLED_CORPUS) -> set[str]:
    """The words that belong to the bundled story, derived from the bundled corpus itself.

    - the names of its text: words capitalised wherever they stand inside a sentence (at least
      twice, never in lower case there), and every word of its headlines' names likewise;
    - the words of its register's names and variants, and of its outlets' names;
    - the names, wordings and keywords of its story file (these may be lower case: "invasion",
      "crisis"), and its title's capitalised words;

    less the words of the package's general data (its word lists, cue files and news media, true of
    any story: "President", "military", "Reuters"), the names of days and months, and one-letter words.

    Args:
        bundled: the bundled corpus folder.

    Returns:
        The words, as written.
    """
    corpus = load_corpus(bundled)
    caps: dict[str, int] = {}
    lower: set[str] = set()
    for s in corpus.sentences()["text"]:
        for i, w in enumerate(_WORD.findall(s)):
            w = w.replace("’", "'")
            if i == 0:
                continue
            if w[0].isupper():
                caps[w] = caps.get(w, 0) + 1
            else:
                lower.add(w)
    words = {w for w, n in caps.items() if n >= 2 and w.lower() not in lower and not w.isupper() or (w.isupper() and len(w) > 2 and n >= 2)}
    reg = corpus_register(bundled).table
    for col in ("canonical", "variants", "role_variants"):
        for v in reg[col].astype(str):
            words |= {w for w in _words(v) if w[0].isupper()}
    for o in corpus.outlets:
        words |= _words(o)
    story = load_story(corpus)
    for c in story.concepts:
        for v in c.variants:
            words |= _words(v.label)
    for k in story.keywords:
        words |= _words(k.word)
    words |= {w for w in _words(story.title) if w[0].isupper()}
    package = _package_words()
    return {w for w in words if len(w) > 1 and w.lower() not in package and w.lower().removesuffix("'s") not in package}


def _package_words() -> set[str]:
    """The lower-cased words of the package's general word lists (true of any story): stop words,
    loaded-language lists, reporting verbs, the nouns of the vague-sourcing file, the cue words and
    names of the frame, event and agency files, given names, the segmenter's titles and
    abbreviations, the news media register's names; and days and months."""
    import calendar
    import tomllib

    from ..corpus import segment
    from ..paths import DATA_DIR
    from ..sourcing.lexicon import load_reporting_verbs

    words: set[str] = set()
    lists = [DATA_DIR / "stopwords_news.txt", *sorted((DATA_DIR / "loaded_language").glob("*.txt"))]
    for path in lists:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.lstrip().startswith("#"):
                words |= {w.lower() for w in _words(line)}
    vague = tomllib.loads((DATA_DIR / "vague_sourcing.toml").read_text(encoding="utf-8"))
    for key in ("anonymous_heads", "person_nouns", "organisation_nouns"):
        words |= {w.lower() for w in vague.get(key, [])}
    # the cue words and names of the frame and event files ("conflict" is a generic frame's name)
    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("terms", "exact", "label", "id", "adverbs") or isinstance(v, (dict, list)):
                    yield from walk(v) if isinstance(v, (dict, list)) else _words(str(v))
        elif isinstance(node, list):
            for v in node:
                yield from walk(v) if isinstance(v, (dict, list)) else _words(str(v))

    for name in ("frames_generic.toml", "frames_policy.toml", "event_cues.toml", "agency_words.toml"):
        words |= {w.lower() for w in walk(tomllib.loads((DATA_DIR / name).read_text(encoding="utf-8")))}
    for forms in load_reporting_verbs()["forms"]:
        words |= {w.lower() for w in _words(forms)}
    names = pd.read_csv(DATA_DIR / "first_names.csv", comment="#", dtype=str, keep_default_na=False)
    words |= {str(v).lower() for v in names.iloc[:, 0]}
    for group in (segment.TITLES, segment.NUMBER_ABBREVIATIONS):
        words |= {w.lower().strip(".") for w in group}
    for col in ("canonical", "variants"):
        for v in load_register().table[col]:
            words |= {w.lower() for w in _words(str(v))}
    words |= {m.lower() for m in [*calendar.month_name[1:], *calendar.day_name]}
    return words


def page_text(page: str) -> str:
    """The words a reader of a rendered page sees (its text and code, without markup, scripts or styles)."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return html.unescape(page)


def foreign_words(site: Path, corpus, words: set[str] | None = None) -> dict[str, list[str]]:
    """Words of the bundled story in the pages of a site rendered for another corpus that the corpus itself lacks.

    Args:
        site: the site folder (its ``*.html`` pages are read).
        corpus: the loaded corpus the site was rendered for.
        words: the bundled story's words (:func:`bundled_story_words` by default).

    Returns:
        ``{page name: [words, sorted]}`` for each page that has any; empty when none does. A
        capitalised word is matched as written; a lower-case one in any case.
    """
    words = bundled_story_words() if words is None else words
    own = corpus_words(corpus)
    wanted = sorted(w for w in words if w not in own and w.lower() not in own)
    found: dict[str, list[str]] = {}
    for page in sorted(Path(site).glob("*.html")):
        text = page_text(page.read_text(encoding="utf-8"))
        hits = [w for w in wanted if re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w-])", text, 0 if w[0].isupper() else re.IGNORECASE)]
        if hits:
            found[page.name] = hits
    return found


def naming_counts_only_given(corpus) -> bool:
    """True when every concept the naming table counts comes from the corpus's own story file."""
    from ..wordchoice import naming_table

    given = {c.id for c in load_story(corpus).concepts}
    table = naming_table(corpus)
    return set(table["concept"]) <= given if len(table) else True


def gold_recall(corpus, gold: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """For each gold referent: the gold forms, and the first candidate holding two or more of them.

    A candidate's form holds a gold form when its words (compared by
    :func:`~analysis.wordchoice.candidates.spelling_key`, hyphens and full stops aside) are the gold
    form's, or all but one of them in a row ("Kirstjien" in "Kirstjien Nielsen"); two different forms
    of the candidate must hold two different gold forms.

    Returns:
        One row per referent: ``referent``, ``kind``, ``variants``, ``candidate`` (rank or NA),
        ``matched`` (the gold forms it holds).
    """
    from ..wordchoice.candidates import spelling_key

    def words(s: str) -> tuple[str, ...]:
        return tuple(spelling_key(w) for w in str(s).replace("-", " ").replace(".", "").split())

    def holds(form: str, variant: str) -> bool:
        f, v = words(form), words(variant)
        return any(v[i : i + len(f)] == f for i in range(len(v) - len(f) + 1)) if f else False

    rows = []
    for r in gold.itertuples(index=False):
        variants = r.variants.split("|")
        best, matched = pd.NA, []
        for cid, g in candidates.groupby("candidate", sort=True):
            have = list(dict.fromkeys(v for v in variants for f in dict.fromkeys(g["form"]) if holds(f, v) and len(words(f)) >= len(words(v)) - 1))
            # two or more gold forms, told apart by two or more of the candidate's forms
            forms_used = {f for f in dict.fromkeys(g["form"]) if any(holds(f, v) for v in have)}
            if len(have) >= 2 and len(forms_used) >= 2:
                best, matched = cid, have
                break
        rows.append({"referent": r.referent, "kind": r.kind, "variants": r.variants, "candidate": best, "matched": "|".join(matched)})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate anycorpus", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=DIR", help="a corpus folder and its name in the gold file (repeat)")
    parser.add_argument("--site-root", type=Path, help="render each corpus's site into SITE_ROOT/NAME and search its pages")
    parser.add_argument("--gold", type=Path, default=GOLD, help=f"the gold naming variants (default: {GOLD})")
    parser.add_argument("--limit", type=int, default=12, help="candidates kept per corpus, as the notebook does (default 12)")
    args = parser.parse_args(argv)
    if not args.corpus:
        parser.error("give at least one --corpus NAME=DIR")
    from ..wordchoice import naming_candidates

    gold = pd.read_csv(args.gold, dtype=str) if args.gold.is_file() else pd.DataFrame(columns=["corpus", "referent", "kind", "variants"])
    words = bundled_story_words()
    failures = 0
    for spec in args.corpus:
        name, _, folder = spec.partition("=")
        corpus = load_corpus(Path(folder))
        print(f"== {name}: {len(corpus.articles)} articles, {len(corpus.outlets)} outlets")
        if args.site_root:
            from ..site.report import run_report

            run_report(corpus.path, args.site_root / name, progress=None)
            found = foreign_words(args.site_root / name, corpus, words)
            print("   words of the bundled story in its pages: " + ("none" if not found else "; ".join(f"{p}: {', '.join(w)}" for p, w in found.items())))
            failures += bool(found)
        only = naming_counts_only_given(corpus)
        print(f"   naming counts only the corpus's own lexicon: {'yes' if only else 'NO'}")
        failures += not only
        cands = naming_candidates(corpus, limit=args.limit)
        mine = gold[gold["corpus"] == name]
        if len(mine):
            rec = gold_recall(corpus, mine, cands)
            hit = rec["candidate"].notna()
            print(f"   gold referents with a candidate holding 2+ of their forms: {int(hit.sum())} of {len(rec)} "
                  f"(top {args.limit} candidates; {cands['candidate'].nunique()} shown)")
            for r in rec.itertuples(index=False):
                print(f"     {'+' if pd.notna(r.candidate) else '-'} {r.referent} ({r.kind})" + (f": candidate {r.candidate}, {r.matched}" if pd.notna(r.candidate) else ""))
        for cid, g in cands.groupby("candidate", sort=True):
            forms = "; ".join(f"{f} ({', '.join(f'{o} {c}' for o, c in zip(h['outlet'], h['count']))})" for f, h in g.groupby("form", sort=False))
            print(f"   candidate {cid} [{g['kind'].iat[0]}] {forms}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
