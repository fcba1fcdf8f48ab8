"""Loaded language: hedges, boosters, intensifiers, evaluative and emotive words, as rates per 1,000 words.

The word lists are data files in ``data/loaded_language/`` (one ``CATEGORY.txt`` per category,
each with its source, licence and how to extend it), read by :func:`load_lexicons` into a
:class:`Lexicon` that finds entries in a sentence. :func:`loaded_words` lists every use, with its
offsets and whether it is quoted; :func:`loaded_rates` gives rates per group and category with
bootstrap intervals that resample sentences; :func:`loaded_finding`, :func:`loaded_words_summary`
and :func:`loaded_rates_figure` show them. Only the evaluative and emotive lists make up the
loaded-word detector (:data:`LOADED_DETECTOR`), measured on BASIL by
``python -m analysis.evaluate loaded``.

References:
    Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
    Hanley, J. A., & Lippman-Hand, A. (1983). If nothing goes wrong, is everything all right?
    Interpreting zero numerators. JAMA, 249(13), 1743-1745.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..corpus.segment import tokenize
from ..errors import LexiconError
from ..paths import DATA_DIR
from ..plots import outlet_colors
from ..safe import md_text
from .quoted import QuoteIndex

__all__ = [
    "Lexicon",
    "load_lexicons",
    "LOADED_ALL",
    "LOADED_CATEGORIES",
    "LOADED_DETECTOR",
    "LOADED_DIR",
    "loaded_finding",
    "loaded_rates",
    "loaded_rates_figure",
    "loaded_words",
    "loaded_words_summary",
]

LOADED_DIR = DATA_DIR / "loaded_language"
LOADED_CATEGORIES = ("hedges", "boosters", "intensifiers", "evaluative", "emotive")
LOADED_DETECTOR = ("evaluative", "emotive")
"""The categories whose words count as *loaded* (measured on BASIL: ``python -m analysis.evaluate loaded``).
Hedges and boosters mark how sure a writer sounds, not a slant towards a side; intensifiers
raise the degree of whatever follows ("very close to a deal") and on BASIL's development split
were rarely marked as loaded (precision 0.08). All three are reported as rates of their own but
are not part of the loaded-word detector."""
LOADED_ALL = "loaded (evaluative + emotive)"
"""The category of :func:`loaded_rates` that adds up the detector's lists."""

_OPENING_QUOTES = "\u201c\"\u2018("


@dataclass(frozen=True)
class Lexicon:
    """Word lists by category, compiled for matching. Build with :func:`load_lexicons`.

    Attributes:
        entries: category -> its entries as written (``slam*`` ends in a star).
    """

    entries: dict[str, tuple[str, ...]]

    def __post_init__(self):
        exact: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        alternatives = []
        for category, words in self.entries.items():
            for w in words:
                is_prefix = w.endswith("*")
                stem = w.rstrip("*")
                parts = [re.escape(p).replace("'", "['\u2019]").replace("\\-", "[-\u2010\u2011]") for p in stem.split()]
                body = r"\s+".join(parts) + (r"[\w'\u2019\-]*" if is_prefix else "")
                alternatives.append((0 if not is_prefix else 1, -len(stem), body))
                if is_prefix:
                    prefixes.append((_norm(stem), category))
                else:
                    exact[_norm(stem)] = category
        alternatives.sort(key=lambda a: (a[1], a[0]))  # longer first; at equal length exact first
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_prefixes", sorted(prefixes, key=lambda p: -len(p[0])))
        pattern = r"(?<![\w'\u2019\-])(?:" + "|".join(a[2] for a in alternatives) + r")(?![\w\-])" if alternatives else r"(?!x)x"
        object.__setattr__(self, "_pattern", re.compile(pattern))

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.entries)

    def category_of(self, words: str) -> str:
        """The category of a matched stretch of text (exact entries first, then the longest prefix)."""
        key = _norm(words)
        if key in self._exact:
            return self._exact[key]
        for stem, category in self._prefixes:
            if key.startswith(stem):
                return category
        raise KeyError(words)

    def find(self, sentence: str) -> list[tuple[int, int, str, str]]:
        """``(start, end, words, category)`` of every entry in one sentence, without overlaps.

        Matching is in lower case, except that the first word of the sentence, or of a
        quotation, may start with a capital ("Clearly, ..." but not "May 5").
        """
        probe = _lower_initials(sentence)
        return [(m.start(), m.end(), sentence[m.start() : m.end()], self.category_of(m.group(0))) for m in self._pattern.finditer(probe)]

    def subset(self, categories: Iterable[str]) -> "Lexicon":
        """The same lists, keeping only ``categories``."""
        wanted = list(categories)
        unknown = [c for c in wanted if c not in self.entries]
        if unknown:
            raise LexiconError(f"no word list named {', '.join(unknown)}; the lists are: {', '.join(self.entries)}")
        return Lexicon({c: self.entries[c] for c in wanted})


def _norm(words: str) -> str:
    return " ".join(words.lower().replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").split())


def _lower_initials(sentence: str) -> str:
    """The sentence with the first letter of the sentence and of each quotation lower-cased."""
    chars = list(sentence)
    at_start = True
    for i, ch in enumerate(chars):
        if at_start and ch.isalpha():
            low = ch.lower()
            if len(low) == 1:
                chars[i] = low
            at_start = False
        elif ch in _OPENING_QUOTES:
            at_start = True
        elif at_start and not ch.isspace():
            at_start = False
    return "".join(chars)


@lru_cache(maxsize=8)
def load_lexicons(directory: str | Path = LOADED_DIR, categories: tuple[str, ...] = LOADED_CATEGORIES) -> Lexicon:
    """Read the loaded-language word lists (one ``CATEGORY.txt`` per category).

    Args:
        directory: a folder of lists in the format of ``analysis/data/loaded_language`` (see its
            README.md): one entry a line, ``#`` comments, a trailing ``*`` for any ending.
        categories: the lists to read, in order.

    Returns:
        A :class:`Lexicon`.

    Raises:
        LexiconError: a list is missing, an entry is not in lower case, or an entry is in two lists.
    """
    directory = Path(directory)
    entries: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for category in categories:
        path = directory / f"{category}.txt"
        if not path.is_file():
            raise LexiconError(f"{path}: the word list is missing; add the file (one entry a line) or leave {category!r} out")
        words = []
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            w = line.split("#", 1)[0].strip()
            if not w:
                continue
            if w != w.lower() or "*" in w[:-1]:
                raise LexiconError(f"{path.name}, line {k}: {w!r} must be in lower case with at most one * at the end")
            key = _norm(w)
            if key in seen:
                raise LexiconError(f"{path.name}, line {k}: {w!r} is already in {seen[key]}.txt; keep each entry in one list")
            seen[key] = category
            words.append(w)
        entries[category] = tuple(words)
    return Lexicon(entries)


def _sentence_table(corpus: Corpus) -> pd.DataFrame:
    """Sentences with their word counts (word tokens, as the corpus counts them)."""
    s = corpus.sentences()
    s["words"] = [sum(kind == "word" for *_, kind in tokenize(t)) for t in s["text"]]
    return s


def loaded_words(corpus: Corpus, *, categories: Sequence[str] = LOADED_CATEGORIES, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every hedge, booster, intensifier, evaluative and emotive word, one row per use.

    Args:
        corpus: a loaded corpus.
        categories: which lists to use.
        lexicon: word lists from :func:`load_lexicons`; the package's own by default.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``start``, ``end`` (offsets into
        the clean text), ``words`` (as written), ``category``, ``quoted`` (inside quotation marks).
    """
    lex = (lexicon or load_lexicons()).subset(categories)
    quoted = QuoteIndex(corpus)
    rows = []
    for s in corpus.sentences().itertuples(index=False):
        for a, b, words, category in lex.find(s.text):
            start, end = s.start + a, s.start + b
            rows.append((s.article_id, s.outlet, s.sentence, start, end, words, category, quoted(s.article_id, start, end)))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "sentence", "start", "end", "words", "category", "quoted"])


def loaded_words_summary(words: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """The loaded-language words each group used, to check by eye: groups down, categories across.

    Each cell lists the words (lower case) with their counts, most frequent first; a word used
    inside quotation marks carries a "q" per quoted use, e.g. ``very ×3 (3q)``.

    Args:
        words: the output of :func:`loaded_words`.
        by: its group column.

    Returns:
        DataFrame indexed by group (in order of first use), one column per category used
        (:data:`LOADED_CATEGORIES` order, then any others alphabetically); empty without uses.
    """
    if words.empty:
        return pd.DataFrame()
    w = words.assign(word=words["words"].str.lower().str.replace(r"\s+", " ", regex=True))

    def cell(d: pd.DataFrame) -> str:
        g = d.groupby("word", sort=False).agg(n=("word", "size"), q=("quoted", "sum"))
        g = g.sort_values("n", ascending=False, kind="stable")
        return ", ".join(f"{word} \u00d7{r.n}" + (f" ({r.q}q)" if r.q else "") for word, r in g.iterrows())

    cats = [c for c in LOADED_CATEGORIES if c in set(w["category"])] + sorted(set(w["category"]) - set(LOADED_CATEGORIES))
    groups = list(dict.fromkeys(w[by]))
    table = pd.DataFrame(
        [[cell(w[(w[by] == g) & (w["category"] == c)]) for c in cats] for g in groups], index=groups, columns=cats
    )
    table.index.name = by
    return table


def _bootstrap_rate(hits: np.ndarray, words: np.ndarray, *, n_boot: int, rng: np.random.Generator, ci: float) -> tuple[float, float]:
    """Percentile interval of 1000 * sum(hits) / sum(words) over sentences resampled with replacement.

    With no hit at all, resampling can only give zero; the upper end is then the "rule of three"
    (-ln(1 - ci) / words, 3 / words at 95%; Hanley & Lippman-Hand 1983)."""
    n = len(hits)
    if hits.sum() == 0:
        return 0.0, float(1000 * -np.log(1 - ci) / max(words.sum(), 1))
    if n < 2:
        rate = 1000 * hits.sum() / max(words.sum(), 1)
        return float(rate), float(rate)
    stats = []
    batch = max(1, 2_000_000 // n)
    for k in range(0, n_boot, batch):
        idx = rng.integers(0, n, size=(min(batch, n_boot - k), n))
        stats.append(1000 * hits[idx].sum(axis=1) / np.maximum(words[idx].sum(axis=1), 1))
    stats = np.concatenate(stats)
    return float(np.quantile(stats, (1 - ci) / 2)), float(np.quantile(stats, 1 - (1 - ci) / 2))


def loaded_rates(
    corpus: Corpus,
    *,
    by: str = "outlet",
    categories: Sequence[str] = LOADED_CATEGORIES,
    lexicon: Lexicon | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    random_state: int = 0,
) -> pd.DataFrame:
    """Loaded-language rates per 1,000 words, per group and category, with bootstrap intervals.

    The interval resamples **sentences** (with replacement, within each group): words in one
    sentence are not independent (a quotation full of emotive words, a run of intensifiers), so
    resampling single words would make the interval too narrow, and with one article per outlet
    articles cannot be resampled. A sentence keeps a turn of phrase together and is the smallest
    unit that does. Percentile intervals; seeded, so the numbers are the same on every run. A
    group with no use at all gets 0 to the "rule of three" bound (3 per ``words`` at 95%), since
    resampling cannot produce a use that never occurred.

    Args:
        corpus: a loaded corpus.
        by: the articles column to group by.
        categories: the lists to rate; a further row per group, ``LOADED_ALL``, adds up the
            loaded-word detector's lists (:data:`LOADED_DETECTOR`) when they are all included.
        lexicon: word lists from :func:`load_lexicons`; the package's own by default.
        n_boot: bootstrap resamples.
        ci: the interval's coverage.
        random_state: the random seed (each group draws from its own stream of it).

    Returns:
        DataFrame with one row per group and category: ``by``, ``category``, ``count``,
        ``quoted`` (uses inside quotation marks), ``words``, ``sentences``, ``rate`` (per 1,000
        words), ``low``, ``high``.

    References:
        Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
        Hanley, J. A., & Lippman-Hand, A. (1983). If nothing goes wrong, is everything all right?
        JAMA, 249(13), 1743-1745.
    """
    lex = (lexicon or load_lexicons()).subset(categories)
    uses = loaded_words(corpus, categories=categories, lexicon=lex)
    sents = _sentence_table(corpus)
    group_of = corpus.articles[by]
    sents["group"] = sents["article_id"].map(group_of)
    uses["group"] = uses["article_id"].map(group_of)
    groups = corpus.outlets if by == "outlet" else sorted(group_of.unique().tolist(), key=str)
    cats = list(categories) + ([LOADED_ALL] if set(LOADED_DETECTOR) <= set(categories) else [])
    rows = []
    for gi, g in enumerate(groups):
        s = sents[sents["group"] == g]
        key = list(zip(s["article_id"], s["sentence"]))
        words = s["words"].to_numpy(dtype=np.int64)
        mine = uses[uses["group"] == g]
        rng = np.random.default_rng([random_state, gi])
        for category in cats:
            u = mine[mine["category"].isin(LOADED_DETECTOR)] if category == LOADED_ALL else mine[mine["category"] == category]
            per_sentence = u.groupby(["article_id", "sentence"]).size()
            hits = np.array([per_sentence.get(k, 0) for k in key], dtype=np.int64)
            low, high = _bootstrap_rate(hits, words, n_boot=n_boot, rng=rng, ci=ci)
            rows.append(
                {
                    by: g, "category": category, "count": int(hits.sum()), "quoted": int(u["quoted"].sum()),
                    "words": int(words.sum()), "sentences": len(s), "rate": 1000 * hits.sum() / max(words.sum(), 1),
                    "low": low, "high": high,
                }
            )
    return pd.DataFrame(rows)


def loaded_finding(rates: pd.DataFrame, *, by: str = "outlet") -> str:
    """A few sentences on the loaded-language rates, computed: highest and lowest, and whether intervals overlap.

    Args:
        rates: the output of :func:`loaded_rates`; its :data:`LOADED_ALL` rows are read when
            present, else every row.
        by: its group column.

    Returns:
        The lowest and highest rate with their groups, the share of uses inside quotation
        marks, and which groups' intervals do not overlap (or that all do).

    References:
        Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
    """
    r = rates[rates["category"] == LOADED_ALL]
    if r.empty:
        r = rates
    groups = r[by].tolist()
    if len(groups) < 2:
        row = r.iloc[0]
        return (
            f"{md_text(row[by])} uses {row['count']} loaded words ({row['rate']:.1f} per 1,000 words, interval "
            f"{row['low']:.1f}\u2013{row['high']:.1f}). Comparing outlets needs at least two."
        )
    hi, lo = r.loc[r["rate"].idxmax()], r.loc[r["rate"].idxmin()]
    separated = [
        (a[by], b[by]) for _, a in r.iterrows() for _, b in r.iterrows() if a["low"] > b["high"]
    ]
    text = (
        f"Loaded words (evaluative and emotive words together) run from {lo['rate']:.1f} per 1,000 words "
        f"({md_text(lo[by])}) to {hi['rate']:.1f} ({md_text(hi[by])}); {int(r['quoted'].sum())} of the {int(r['count'].sum())} uses "
        f"{'is' if int(r['quoted'].sum()) == 1 else 'are'} inside quotation marks, so part of the difference is whom an "
        "outlet quotes, not how it writes."
    )
    if separated:
        text += " Intervals that do not overlap: " + "; ".join(f"{md_text(a)} above {md_text(b)}" for a, b in separated) + "."
    else:
        text += (
            " Every outlet's 95% interval overlaps every other's: with articles this short, these rates cannot rank "
            "the outlets."
        )
    return text


def loaded_rates_figure(rates: pd.DataFrame, corpus: Corpus, *, by: str = "outlet") -> Figure:
    """Dots (rate per 1,000 words) and lines (bootstrap interval), one row per category, one colour per group.

    The title says in how many categories every group's interval overlaps all the others.

    Args:
        rates: the output of :func:`loaded_rates`.
        corpus: the corpus it was computed on (for the outlets' colours).
        by: its group column.

    Returns:
        The figure, closed (a notebook shows it through the return value).

    References:
        Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
    """
    groups = list(dict.fromkeys(rates[by]))
    cats = list(dict.fromkeys(rates["category"]))
    colors = outlet_colors(corpus.outlets if by == "outlet" else groups)
    fig, ax = plt.subplots(figsize=(9.5, 0.16 * len(cats) * max(len(groups), 2) + 1.4))
    step = 0.7 / max(len(groups), 1)
    for gi, g in enumerate(groups):
        d = rates[rates[by] == g].set_index("category").reindex(cats)
        y = np.arange(len(cats))[::-1] + 0.35 - step * (gi + 0.5)
        ax.hlines(y, d["low"], d["high"], color=colors.get(g, "#999999"), linewidth=2)
        ax.plot(d["rate"], y, "o", color=colors.get(g, "#999999"), label=str(g), markersize=5)
    ax.set_yticks(np.arange(len(cats))[::-1], [c.replace(" (", "\n(") for c in cats])
    ax.set_xlabel("Uses per 1,000 words (line: 95% bootstrap interval, sentences resampled)")
    ax.set_xlim(left=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(_loaded_title(rates, by), loc="left")
    fig.tight_layout()
    plt.close(fig)
    return fig


def _loaded_title(rates: pd.DataFrame, by: str) -> str:
    groups = list(dict.fromkeys(rates[by]))
    if len(groups) < 2:
        return f"Loaded language in {groups[0]}, per 1,000 words" if groups else "Loaded language"
    overlapping = 0
    cats = list(dict.fromkeys(rates["category"]))
    for c in cats:
        d = rates[rates["category"] == c]
        if d["low"].max() <= d["high"].min():
            overlapping += 1
    return f"In {overlapping} of {len(cats)} categories every {by}'s interval overlaps all the others"


