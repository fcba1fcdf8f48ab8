"""Framing: generic and policy frames from documented cues, headline and lede, first mentions, actor salience.

Every label here comes with its reasons. A frame score is a count of sentences that contain at
least one of the frame's cues; each sentence row keeps the cues it matched and the indicator
question each cue stands for, so a reader can go from any number to its sentences and disagree
with the machine.

- :func:`frame_scores` (the contract of MISSION.md): one row per sentence and frame it shows, with
  ``article_id``, ``outlet``, ``frame``, ``start``, ``end``, ``cues``, ``questions``,
  ``question_text`` and the sentence ``text``. Two schemes, each a documented data file:
  ``"generic"`` (Semetko & Valkenburg 2000: conflict, human interest, economic consequences,
  morality, responsibility; ``data/frames_generic.toml``) and ``"policy"`` (the 15 frames of
  Boydstun et al.'s Media Frames codebook; ``data/frames_policy.toml``).
  :func:`score_article` is the same per article as a pure function (text and sentence spans in,
  rows out; patterns compiled once per scheme), for large corpora.
- :func:`frame_summary`: per outlet or per article, sentences showing each frame, their share of
  all sentences, and cues per 1,000 words; :func:`frame_heatmap` and :func:`evidence_html` show
  the scores and every sentence behind them.
- :func:`headline_and_lede`: what each outlet names in its headline and first two paragraphs
  (actors from the shared register, kinds of event from ``data/event_cues.toml``).
- :func:`first_mentions`: for each key actor, each kind of event and (given a table of story
  elements) each story element, the paragraph, sentence and fraction of the article at which it
  first appears.
- :func:`actor_mentions` / :func:`actor_salience`: mentions per actor and outlet through the
  register (so "Mr Zelensky" and "Ukraine's president" count once), how early, and how often as
  grammatical subject (:func:`analysis.agency.is_subject`).

Limits: cues are surface words. They do not see negation ("no moral message"), irony, who is
speaking (a frame in a quotation is the speaker's, reported by the outlet), or topic (a "security"
cue fires for social security). The generic frames were defined for whole stories; applied to
sentences they measure how much of the text carries each frame's vocabulary. How far a lexicon
gets is measured on FrAC (``python -m analysis.evaluate frames``; figures in the README).

References:
    Semetko, H. A. & Valkenburg, P. M. (2000). Framing European politics: A content analysis of
    press and television news. Journal of Communication 50(2), 93-109.
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. & Smith, N. A. (2014). Tracking the
    development of media frames within and across policy issues.
    Card, D., Boydstun, A. E., Gross, J. H., Resnik, P. & Smith, N. A. (2015). The Media Frames
    Corpus: Annotations of frames across issues. ACL 2015, 438-444.
    Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. Journal of
    Communication 43(4), 51-58.
"""

from __future__ import annotations

import bisect
import html
import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd

from ..errors import SameStoryError
from ..paths import DATA_DIR
from ..plots import outlet_colors

Scheme = Literal["generic", "policy"]
SCHEME_FILES = {"generic": DATA_DIR / "frames_generic.toml", "policy": DATA_DIR / "frames_policy.toml"}
EVENTS_FILE = DATA_DIR / "event_cues.toml"
RESULTS_FILE = DATA_DIR / "evaluation_framing.json"
ACTOR_KINDS = ("person", "organisation", "country")


class SchemeError(SameStoryError):
    """A frame or event cue file cannot be used as it is (the message names the file and the fix)."""


# ---------------------------------------------------------------------------------------------
# Cue files and matching


def _term_pattern(terms: list[str], where: str) -> str:
    """One regular expression for a list of terms, as a trie (fast alternation), on word edges."""
    trie: dict = {}
    for term in terms:
        t = term.strip().lower()
        if not t:
            continue
        if "*" in t[:-1]:
            raise SchemeError(f"{where}: the term {term!r} has '*' before its end; '*' may only end a term (e.g. 'accus*')")
        node = trie
        for ch in re.sub(r"\s+", " ", t):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = {"*": r"\w*", " ": r"\s+"}.get(ch, re.escape(ch))
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return r"(?<!\w)" + build(trie) + r"(?!\w)" if trie else ""


@dataclass(frozen=True)
class CueGroup:
    """One ``[[frames.cues]]`` table: the cues that stand for one (or more) indicator questions."""

    frame: str
    questions: tuple[str, ...]
    terms: tuple[str, ...]
    exact: tuple[str, ...]
    patterns: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class FrameScheme:
    """A frame scheme read from its TOML file. Build with :func:`load_scheme`.

    Attributes:
        name: "generic", "policy", or the name given in the file.
        title: a readable title.
        frames: frame ids in the file's order.
        labels: frame id -> label ("Conflict", "Security and defense").
        codes: frame id -> codebook number (policy scheme; empty otherwise).
        definitions: frame id -> definition.
        questions: question id -> indicator question.
        question_frame: question id -> frame id.
        groups: the cue groups.
        tie_order: frame ids in the order that breaks ties for one label per sentence.
        fallback: the frame id for a sentence with no cue ("other"), or "".
        path: the file read.
    """

    name: str
    title: str
    frames: tuple[str, ...]
    labels: dict
    codes: dict
    definitions: dict
    questions: dict
    question_frame: dict
    groups: tuple[CueGroup, ...]
    tie_order: tuple[str, ...]
    fallback: str
    path: Path

    @property
    def _compiled(self) -> dict[str, tuple[re.Pattern, dict[str, int]]]:
        return _compile_scheme(self)

    def matches(self, text: str) -> list[tuple[str, int, int, int]]:
        """Every cue match in ``text``: (frame id, cue group index, start, end), in text order.

        Within a frame, matches do not overlap (the leftmost wins, as in ``re.finditer``); two
        frames may match the same words. For speed, the term regexes are only tried at the start
        of words that can begin a term (one dictionary lookup per word); the result is the same as
        running each frame's whole regex over the text (tests/test_framing.py checks this).
        """
        idx = _fast_index(self)
        starts = []
        for m in _WORD.finditer(text):
            w = m.group(0).lower()
            if w in idx.words or any(len(w) >= n and w[:n] in ps for n, ps in idx.prefixes):
                starts.append(m.start())
        found = []
        for frame in self.frames:
            per = []
            if frame in idx.terms:
                rx, group_of = idx.terms[frame]
                last = -1
                for pos in starts:
                    if pos < last:
                        continue
                    m = rx.match(text, pos)
                    if m:
                        per.append((group_of[m.lastgroup], m.start(), m.end()))
                        last = m.end()
            if frame in idx.scans:
                rx, group_of = idx.scans[frame]
                per += [(group_of[m.lastgroup], m.start(), m.end()) for m in rx.finditer(text)]
                per.sort(key=lambda x: (x[1], -x[2]))
                kept, last = [], -1
                for k, a, b in per:
                    if a >= last:
                        kept.append((k, a, b))
                        last = b
                per = kept
            found += [(frame, k, a, b) for k, a, b in per]
        order = {f: i for i, f in enumerate(self.frames)}
        found.sort(key=lambda x: (x[2], order[x[0]]))
        return found

    def matches_slow(self, text: str) -> list[tuple[str, int, int, int]]:
        """The same as :meth:`matches`, by running each frame's whole regex over the text (reference)."""
        found = []
        for frame, (rx, group_of) in self._compiled.items():
            for m in rx.finditer(text):
                found.append((frame, group_of[m.lastgroup], m.start(), m.end()))
        order = {f: i for i, f in enumerate(self.frames)}
        found.sort(key=lambda x: (x[2], order[x[0]]))
        return found


_WORD = re.compile(r"\w+")


@dataclass(frozen=True, eq=False)
class _FastIndex:
    words: frozenset  # lower-case first words of terms
    prefixes: tuple  # ((length, frozenset of lower-case prefixes), ...) for terms whose first word ends in *
    terms: dict  # frame -> (regex of its term and exact alternatives, group name -> cue group)
    scans: dict  # frame -> (regex of its patterns, group name -> cue group), run over the whole text


@lru_cache(maxsize=16)
def _fast_index(scheme: FrameScheme) -> _FastIndex:
    words: set[str] = set()
    prefixes: dict[int, set[str]] = {}
    terms, scans = {}, {}
    for frame in scheme.frames:
        term_alts, scan_alts, term_groups, scan_groups = [], [], {}, {}
        for k, g in enumerate(scheme.groups):
            if g.frame != frame:
                continue
            where = f"{scheme.path.name}, frame {frame!r}"
            for kind, items in (("t", g.terms), ("e", g.exact)):
                if not items:
                    continue
                word_start = [t for t in items if re.match(r"\w", t)]
                other = [t for t in items if not re.match(r"\w", t)]
                for t in word_start:
                    first = re.match(r"\w+\*?", t.lower()).group(0)
                    if first.endswith("*"):  # "accus*": any word that starts with "accus"
                        prefixes.setdefault(len(first) - 1, set()).add(first[:-1])
                    else:  # "peace deal", "cease-fire": the first word as written
                        words.add(first)
                for lst, alts, groups in ((word_start, term_alts, term_groups), (other, scan_alts, scan_groups)):
                    if not lst:
                        continue
                    if kind == "t":
                        body = _term_pattern(list(lst), where)
                    else:
                        body = "(?-i:" + r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(lst, key=len, reverse=True)) + r")(?!\w))"
                    name = f"g{k}{kind}{'s' if alts is scan_alts else ''}"
                    alts.append(f"(?P<{name}>{body})")
                    groups[name] = k
            for m, pattern in enumerate(g.patterns):
                scan_alts.append(f"(?P<g{k}p{m}>{pattern})")
                scan_groups[f"g{k}p{m}"] = k
        if term_alts:
            terms[frame] = (re.compile("|".join(term_alts), re.IGNORECASE), term_groups)
        if scan_alts:
            scans[frame] = (re.compile("|".join(scan_alts), re.IGNORECASE), scan_groups)
    return _FastIndex(frozenset(words), tuple(sorted((n, frozenset(p)) for n, p in prefixes.items())), terms, scans)


@lru_cache(maxsize=16)
def _compile_scheme(scheme: FrameScheme) -> dict[str, tuple[re.Pattern, dict[str, int]]]:
    out = {}
    for frame in scheme.frames:
        alts, group_of = [], {}
        for k, g in enumerate(scheme.groups):
            if g.frame != frame:
                continue
            where = f"{scheme.path.name}, frame {frame!r}"
            if g.terms:
                alts.append(f"(?P<g{k}t>{_term_pattern(list(g.terms), where)})")
                group_of[f"g{k}t"] = k
            if g.exact:
                exact = r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(g.exact, key=len, reverse=True)) + r")(?!\w)"
                alts.append(f"(?P<g{k}e>(?-i:{exact}))")
                group_of[f"g{k}e"] = k
            for m, pattern in enumerate(g.patterns):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise SchemeError(f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc}); fix it or remove it") from exc
                alts.append(f"(?P<g{k}p{m}>{pattern})")
                group_of[f"g{k}p{m}"] = k
        if alts:
            out[frame] = (re.compile("|".join(alts), re.IGNORECASE), group_of)
    return out


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@lru_cache(maxsize=8)
def _load_scheme_file(path: Path) -> FrameScheme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SchemeError(f"{path}: the frame file does not exist; give the path of a TOML file like analysis/data/frames_generic.toml") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError(f"{path}: is not valid TOML ({exc}); fix the line named") from exc
    meta = data.get("scheme", {})
    frames, labels, codes, definitions, questions, question_frame, groups = [], {}, {}, {}, {}, {}, []
    for n, f in enumerate(data.get("frames", []), 1):
        fid = f.get("id")
        if not fid or not f.get("label"):
            raise SchemeError(f"{path.name}: frame number {n} needs an id and a label; add them to its [[frames]] table")
        frames.append(fid)
        labels[fid] = f["label"]
        definitions[fid] = f.get("definition", "")
        if "code" in f:
            codes[fid] = int(f["code"])
        for qid, qtext in f.get("questions", {}).items():
            if qid in questions:
                raise SchemeError(f"{path.name}: question id {qid!r} is used twice; give each question its own id")
            questions[qid] = qtext
            question_frame[qid] = fid
        for c in f.get("cues", []):
            qs = _as_tuple(c.get("question"))
            for q in qs:
                if question_frame.get(q) != fid:
                    raise SchemeError(
                        f"{path.name}: a cue group of frame {fid!r} names question {q!r}, which is not one of that frame's "
                        f"questions ({', '.join(k for k, v in question_frame.items() if v == fid) or 'none'}); fix the id"
                    )
            if not qs:
                raise SchemeError(f"{path.name}: a cue group of frame {fid!r} has no question; note the question it stands for")
            groups.append(CueGroup(fid, qs, _as_tuple(c.get("terms")), _as_tuple(c.get("exact")), _as_tuple(c.get("patterns"))))
    if not frames:
        raise SchemeError(f"{path.name}: holds no [[frames]] tables; see analysis/data/frames_generic.toml for the layout")
    tie = tuple(meta.get("tie_order", frames))
    unknown = [t for t in tie if t not in frames]
    if unknown:
        raise SchemeError(f"{path.name}: tie_order names unknown frames {unknown}; use the frames' ids")
    tie = tie + tuple(f for f in frames if f not in tie)
    scheme = FrameScheme(
        name=meta.get("name", path.stem), title=meta.get("title", path.stem), frames=tuple(frames), labels=labels,
        codes=codes, definitions=definitions, questions=questions, question_frame=question_frame, groups=tuple(groups),
        tie_order=tie, fallback=meta.get("fallback", ""), path=path,
    )
    _compile_scheme(scheme)
    _fast_index(scheme)
    return scheme


def load_scheme(scheme: Scheme | str | Path = "generic") -> FrameScheme:
    """Read a frame scheme: ``"generic"``, ``"policy"``, or the path of your own TOML file.

    Raises:
        SchemeError: naming the file and what to fix, when the file cannot be used.
    """
    if isinstance(scheme, FrameScheme):
        return scheme
    path = SCHEME_FILES.get(scheme) if isinstance(scheme, str) else None
    return _load_scheme_file(Path(path or scheme).resolve())


def cue_table(scheme: Scheme | str | Path = "generic") -> pd.DataFrame:
    """The scheme's cues as a table: frame, question id, question, and the cues written for it."""
    s = load_scheme(scheme)
    rows = []
    for g in s.groups:
        cues = list(g.terms) + list(g.exact) + [f"/{p}/" for p in g.patterns]
        rows.append(
            {"frame": s.labels[g.frame], "question": "; ".join(g.questions),
             "indicator question": " / ".join(s.questions[q] for q in g.questions), "cues": len(cues),
             "examples": ", ".join(cues[:8]) + (" ..." if len(cues) > 8 else "")}
        )
    return pd.DataFrame(rows)


def questions_table(scheme: Scheme | str | Path = "generic") -> pd.DataFrame:
    """One row per indicator question: id, frame, question."""
    s = load_scheme(scheme)
    return pd.DataFrame(
        [{"question": q, "frame": s.labels[s.question_frame[q]], "indicator question": t} for q, t in s.questions.items()]
    )


# ---------------------------------------------------------------------------------------------
# Scoring


def cue_matches(text: str, spans: list[tuple[int, int]], *, scheme: Scheme | str | Path = "generic") -> list[dict]:
    """Every cue match in an article, assigned to its sentence (a pure function).

    Args:
        text: the article's clean text.
        spans: (start, end) of each sentence, in order, as offsets into ``text``.
        scheme: the frame scheme (see :func:`load_scheme`).

    Returns:
        One dict per match: ``sentence`` (index into ``spans``), ``frame`` (id), ``questions``
        (ids, "; "-joined), ``cue`` (the matched words, lower case), ``start``, ``end``.
        Matches outside every sentence are dropped.
    """
    s = load_scheme(scheme)
    starts = [a for a, _ in spans]
    out = []
    for frame, k, a, b in s.matches(text):
        i = bisect.bisect_right(starts, a) - 1
        if i < 0 or b > spans[i][1]:
            continue
        out.append({"sentence": i, "frame": frame, "questions": "; ".join(s.groups[k].questions),
                    "cue": re.sub(r"\s+", " ", text[a:b]), "start": a, "end": b})
    return out


def score_article(text: str, spans: list[tuple[int, int]], *, scheme: Scheme | str | Path = "generic") -> list[dict]:
    """Frames per sentence of one article (a pure function: text and sentence spans in, rows out).

    Args:
        text: the article's clean text.
        spans: (start, end) of each sentence, as offsets into ``text``.
        scheme: the frame scheme.

    Returns:
        One dict per sentence and frame it shows: ``sentence`` (index into ``spans``), ``start``,
        ``end``, ``frame_id``, ``frame`` (label), ``cues`` (matched words in text order,
        "; "-joined), ``n_cues``, ``questions`` (ids, sorted, "; "-joined), ``question_text``.
        Rows are ordered by sentence, then by the scheme's frame order.
    """
    s = load_scheme(scheme)
    grouped: dict[tuple[int, str], list[dict]] = {}
    for m in cue_matches(text, spans, scheme=s):
        grouped.setdefault((m["sentence"], m["frame"]), []).append(m)
    rows = []
    for (i, frame), ms in sorted(grouped.items(), key=lambda kv: (kv[0][0], s.frames.index(kv[0][1]))):
        qids = sorted({q for m in ms for q in m["questions"].split("; ")}, key=_question_key)
        rows.append(
            {"sentence": i, "start": spans[i][0], "end": spans[i][1], "frame_id": frame, "frame": s.labels[frame],
             "cues": "; ".join(m["cue"] for m in ms), "n_cues": len(ms), "questions": "; ".join(qids),
             "question_text": " / ".join(f"{q}: {s.questions[q]}" for q in qids)}
        )
    return rows


def _question_key(q: str) -> tuple[str, int]:
    m = re.match(r"(\D*)(\d*)", q)
    return (m.group(1), int(m.group(2) or 0))


def frame_scores(corpus, scheme: Scheme | str | Path = "generic") -> pd.DataFrame:
    """Frames per sentence for a whole corpus, with the evidence for each.

    Args:
        corpus: a loaded :class:`~analysis.corpus.Corpus`.
        scheme: ``"generic"`` (Semetko & Valkenburg 2000), ``"policy"`` (Boydstun et al.), or the
            path of your own frame file.

    Returns:
        One row per sentence and frame it shows: ``article_id``, ``outlet``, ``sentence``,
        ``paragraph``, ``start``, ``end`` (offsets into the clean text), ``frame`` (label),
        ``frame_id``, ``cues`` (the matched words, "; "-joined in text order), ``n_cues``,
        ``questions`` (indicator question ids), ``question_text``, ``text`` (the sentence).
    """
    s = load_scheme(scheme)
    sents = corpus.sentences()
    texts = corpus.articles["text"]
    rows = []
    for aid, group in sents.groupby("article_id", sort=False):
        spans = list(zip(group["start"], group["end"]))
        outlet, number, paragraph, text = (group[c].tolist() for c in ("outlet", "sentence", "paragraph", "text"))
        for r in score_article(texts[aid], spans, scheme=s):
            i = r.pop("sentence")
            rows.append({"article_id": aid, "outlet": outlet[i], "sentence": int(number[i]), "paragraph": int(paragraph[i]),
                         **r, "text": text[i]})
    cols = ["article_id", "outlet", "sentence", "paragraph", "start", "end", "frame", "frame_id", "cues", "n_cues",
            "questions", "question_text", "text"]
    return pd.DataFrame(rows, columns=cols)


def frame_summary(scores: pd.DataFrame, corpus, *, scheme: Scheme | str | Path = "generic",
                  by: Literal["outlet", "article_id"] = "outlet") -> pd.DataFrame:
    """Frame scores per outlet (or article), normalised by length.

    Args:
        scores: the output of :func:`frame_scores` for ``scheme``.
        corpus: the corpus it came from.
        scheme: the scheme of ``scores``.
        by: ``"outlet"`` or ``"article_id"``.

    Returns:
        One row per group and frame (every frame, zeros included), in the corpus's and the
        scheme's order: ``by``, ``frame``, ``sentences`` (showing the frame), ``all_sentences``,
        ``share_of_sentences``, ``cues`` (matches), ``words``, ``cues_per_1000_words``.
    """
    s = load_scheme(scheme)
    arts = corpus.articles
    groups = corpus.outlets if by == "outlet" else list(arts.index)
    key = arts["outlet"] if by == "outlet" else pd.Series(arts.index, index=arts.index)
    n_sent = arts.groupby(key)["n_sentences"].sum()
    n_words = arts.groupby(key)["n_words"].sum()
    counts = scores.groupby([by, "frame_id"]).agg(sentences=("sentence", "size"), cues=("n_cues", "sum"))
    rows = []
    for g in groups:
        for f in s.frames:
            if f == s.fallback:
                continue
            sentences, cues = (counts.loc[(g, f)].tolist() if (g, f) in counts.index else (0, 0))
            rows.append(
                {by: g, "frame": s.labels[f], "sentences": int(sentences), "all_sentences": int(n_sent[g]),
                 "share_of_sentences": round(sentences / n_sent[g], 3) if n_sent[g] else 0.0, "cues": int(cues),
                 "words": int(n_words[g]), "cues_per_1000_words": round(1000 * cues / n_words[g], 2) if n_words[g] else 0.0}
            )
    return pd.DataFrame(rows)


def classify(text: str, *, scheme: Scheme | str | Path = "policy") -> str:
    """One frame id for a piece of text: the frame with most cue matches.

    Ties go to the frame listed first in the scheme's ``tie_order``; a text with no cue gets the
    scheme's fallback frame ("other" for the policy scheme) or "" when it has none. Used for the
    sentence-level FrAC evaluation.
    """
    s = load_scheme(scheme)
    counts: dict[str, int] = {}
    for frame, *_ in s.matches(text):
        counts[frame] = counts.get(frame, 0) + 1
    if not counts:
        return s.fallback
    best = max(counts.values())
    return next(f for f in s.tie_order if counts.get(f) == best)


# ---------------------------------------------------------------------------------------------
# What the notebook shows: heatmap, evidence, findings


def frame_heatmap(summary: pd.DataFrame, corpus, *, scheme: Scheme | str | Path = "generic"):
    """Outlet x frame heatmap: colour = share of the outlet's sentences showing the frame; each
    cell annotated with the number of sentences and the share. Outlet names in their colours.
    With more than six frames the frames are the rows, so that their names stay readable."""
    import textwrap

    import matplotlib.pyplot as plt

    s = load_scheme(scheme)
    frames = [s.labels[f] for f in s.frames if f != s.fallback]
    share = summary.pivot(index="outlet", columns="frame", values="share_of_sentences").reindex(index=corpus.outlets, columns=frames)
    count = summary.pivot(index="outlet", columns="frame", values="sentences").reindex(index=corpus.outlets, columns=frames)
    frames_as_rows = len(frames) > 6
    if frames_as_rows:
        share, count = share.T, count.T
    n_rows, n_cols = share.shape
    fig, ax = plt.subplots(figsize=(max(6.5, 1.3 * n_cols + 3.6), 0.48 * n_rows + 2.0) if frames_as_rows
                           else (1.2 * n_cols + 3.4, 0.6 * n_rows + 2.0))
    top = float(share.max().max()) or 1.0
    im = ax.imshow(share.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=max(0.05, top), aspect="auto")
    for y in range(n_rows):
        for x in range(n_cols):
            v = share.iat[y, x]
            ax.text(x, y, f"{int(count.iat[y, x])} ({v:.0%})" if frames_as_rows else f"{int(count.iat[y, x])}\n{v:.0%}",
                    ha="center", va="center", fontsize=8.5, color="white" if v > 0.6 * top else "black")
    wrap = lambda t: "\n".join(textwrap.wrap(t, 16))  # noqa: E731
    colors = outlet_colors(corpus.outlets)
    if frames_as_rows:
        ax.set_yticks(range(n_rows), frames)
        ax.set_xticks(range(n_cols), ["\n".join(textwrap.wrap(o, 10)) for o in corpus.outlets])
        outlet_labels = ax.get_xticklabels()
        ax.set_ylabel("Frame")
        ax.set_xlabel("Outlet. Cells: sentences with a cue of the frame (share of the outlet's sentences)")
    else:
        ax.set_xticks(range(n_cols), [wrap(f) for f in frames], fontsize=8.5)
        ax.set_yticks(range(n_rows), corpus.outlets)
        outlet_labels = ax.get_yticklabels()
        ax.set_ylabel("Outlet")
        ax.set_xlabel("Frame. Cells: sentences with a cue of the frame, and their share of the outlet's sentences")
    for label, outlet in zip(outlet_labels, corpus.outlets):
        label.set_color(colors[outlet])
        label.set_fontweight("bold")
    ax.set_title(frame_heatmap_title(summary, scheme=s), loc="left")
    fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, label="Share of sentences")
    fig.tight_layout()
    plt.close(fig)
    return fig


def frame_heatmap_title(summary: pd.DataFrame, *, scheme: Scheme | str | Path = "generic") -> str:
    """The heatmap's title: the finding, computed (the most frequent frame per outlet)."""
    s = load_scheme(scheme)
    top = summary.sort_values(["share_of_sentences", "sentences"], ascending=False).groupby("outlet", sort=False).head(1)
    if top["sentences"].sum() == 0:
        return f"No sentence carries a cue of any frame ({s.title})"
    if len(top) == 1:
        r = top.iloc[0]
        return f"{r['outlet']}: {r['frame']} is the most frequent frame ({r['share_of_sentences']:.0%} of sentences)"
    counts = top["frame"].value_counts()
    frame, k = counts.index[0], int(counts.iloc[0])
    if k == len(top):
        return f"{frame} is the most frequent frame in every outlet"
    if k > 1 and k > len(top) / 2:
        return f"{frame} is the most frequent frame in {k} of {len(top)} outlets"
    return "The most frequent frame differs between outlets"


def frame_finding(summary: pd.DataFrame, *, scheme: Scheme | str | Path = "generic") -> str:
    """Two or three sentences on the scores, computed from the summary (true for any corpus)."""
    s = load_scheme(scheme)
    outlets = list(dict.fromkeys(summary["outlet"]))
    if summary["sentences"].sum() == 0:
        return f"No sentence in the corpus contains a cue of the {s.title.lower()}."
    parts = []
    for o in outlets:
        t = summary[summary["outlet"] == o].sort_values(["share_of_sentences", "sentences"], ascending=False)
        r = t.iloc[0]
        parts.append(f"{o}: {r['frame'].lower()} ({r['sentences']} of {r['all_sentences']} sentences, {r['share_of_sentences']:.0%})")
    text = "Most frequent frame per outlet: " + "; ".join(parts) + "."
    if len(outlets) < 2:
        return text + " With one outlet there is nothing to compare; the comparison needs at least two."
    spread = (summary.groupby("frame", sort=False)["share_of_sentences"].agg(["max", "min", "idxmax", "idxmin"])
              .assign(gap=lambda d: d["max"] - d["min"]).sort_values("gap", ascending=False))
    f = spread.index[0]
    hi, lo = summary.loc[spread.loc[f, "idxmax"]], summary.loc[spread.loc[f, "idxmin"]]
    text += (
        f" The outlets differ most on {f.lower()}: {hi['share_of_sentences']:.0%} of {hi['outlet']}'s sentences carry its "
        f"cues against {lo['share_of_sentences']:.0%} of {lo['outlet']}'s."
    )
    return text


def _highlight(sentence: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """The sentence as escaped HTML with each cue span in <mark>."""
    out, pos = [], 0
    for a, b in sorted(spans):
        a, b = a - offset, b - offset
        if a < pos:
            continue
        out.append(html.escape(sentence[pos:a]))
        out.append(f"<mark>{html.escape(sentence[a:b])}</mark>")
        pos = b
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def evidence_html(scores: pd.DataFrame, corpus, *, scheme: Scheme | str | Path = "generic", limit: int | None = None) -> str:
    """Every sentence behind every frame score, as HTML (article text escaped).

    One collapsible section per frame and outlet, in the heatmap's order; its heading gives the
    number of sentences (the number in the heatmap cell), and its table lists each sentence with
    its cues highlighted, the cues, and the indicator questions they stand for.

    Args:
        scores: the output of :func:`frame_scores`.
        corpus: the corpus.
        scheme: the scheme of ``scores``.
        limit: at most this many sentences per section (None: all; the notebook shows all).
    """
    s = load_scheme(scheme)
    compiled = s._compiled
    numbers = _paragraph_numbers(corpus)
    total = corpus.articles.groupby("outlet")["n_sentences"].sum()
    parts = ['<div class="ss-evidence">']
    for f in s.frames:
        if f == s.fallback:
            continue
        for outlet in corpus.outlets:
            rows = scores[(scores["frame_id"] == f) & (scores["outlet"] == outlet)]
            n = len(rows)
            head = (f"{html.escape(s.labels[f])} · {html.escape(outlet)}: {n} of {int(total[outlet])} sentences"
                    f" ({n / total[outlet]:.0%})" if total[outlet] else "")
            if n == 0:
                parts.append(f"<details><summary>{head}</summary><p>No sentence carries a cue of this frame.</p></details>")
                continue
            body = ["<table><thead><tr><th>article</th><th>¶</th><th>sentence (cues marked)</th><th>cues</th><th>questions</th></tr></thead><tbody>"]
            for r in rows.head(limit).itertuples(index=False) if limit else rows.itertuples(index=False):
                rx = compiled[f][0]
                spans = [(r.start + m.start(), r.start + m.end()) for m in rx.finditer(r.text)]
                body.append(
                    f"<tr><td>{html.escape(str(r.article_id))}</td><td>{_paragraph_number(corpus, r.article_id, r.start, numbers)}</td>"
                    f"<td>{_highlight(r.text, r.start, spans)}</td><td>{html.escape(r.cues)}</td>"
                    f"<td>{html.escape(r.questions)}</td></tr>"
                )
            if limit and n > limit:
                body.append(f"<tr><td colspan='5'>... and {n - limit} more (see the frame_scores table)</td></tr>")
            body.append("</tbody></table>")
            parts.append(f"<details><summary>{head}</summary>{''.join(body)}</details>")
    parts.append("</div>")
    return "\n".join(parts)


def evidence_limit(corpus, *, small: int = 50, per_section: int = 25) -> int | None:
    """How many sentences per frame and outlet the notebook's evidence shows: all of them (None)
    for a corpus of up to ``small`` articles, else ``per_section`` (the saved CSV has all)."""
    return None if len(corpus.articles) <= small else per_section


def save_table(table: pd.DataFrame, name: str, out_dir: str | Path) -> str:
    """Save a table as ``NAME.csv`` in ``out_dir``; returns a short line naming the file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    table.to_csv(out / f"{name}.csv", index=False)
    return f"Saved {name}.csv ({len(table)} rows)."


# ---------------------------------------------------------------------------------------------
# Paragraph numbers, events, headline and lede, first mentions


def _paragraph_numbers(corpus) -> dict[str, list[tuple[int, int]]]:
    """article_id -> [(paragraph start, body-paragraph number)]: body paragraphs numbered from 1;
    a subhead takes the number of the body paragraph that follows it."""
    out: dict[str, list[tuple[int, int]]] = {}
    for aid, g in corpus.paragraphs().groupby("article_id", sort=False):
        n, rows = 0, []
        for p in g.itertuples(index=False):
            if p.kind == "body":
                n += 1
                rows.append((p.start, n))
            else:
                rows.append((p.start, n + 1))
        out[aid] = rows
    return out


def _paragraph_number(corpus, article_id: str, offset: int, numbers: dict | None = None) -> int:
    rows = (numbers or _paragraph_numbers(corpus))[article_id]
    i = bisect.bisect_right([a for a, _ in rows], offset) - 1
    return rows[max(i, 0)][1]


@dataclass(frozen=True, eq=False)
class _EventScheme:
    ids: tuple[str, ...]
    labels: dict
    rx: dict


@lru_cache(maxsize=4)
def load_events(path: str | Path = EVENTS_FILE) -> _EventScheme:
    """Read the event-kind cues (``data/event_cues.toml`` by default)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise SchemeError(f"{path}: cannot be read as an event cue file ({exc}); see analysis/data/event_cues.toml") from exc
    ids, labels, rx = [], {}, {}
    for n, e in enumerate(data.get("events", []), 1):
        if not e.get("id") or not e.get("label"):
            raise SchemeError(f"{path.name}: event number {n} needs an id and a label")
        alts = []
        if e.get("terms"):
            alts.append(_term_pattern(list(e["terms"]), f"{path.name}, event {e['id']!r}"))
        if e.get("exact"):
            alts.append(r"(?-i:(?<!\w)(?:" + "|".join(re.escape(t) for t in e["exact"]) + r")(?!\w))")
        alts += list(e.get("patterns", []))
        ids.append(e["id"])
        labels[e["id"]] = e["label"]
        rx[e["id"]] = re.compile("|".join(f"(?:{a})" for a in alts), re.IGNORECASE)
    return _EventScheme(tuple(ids), labels, rx)


def find_events(text: str, *, events: _EventScheme | None = None) -> list[tuple[str, int, int, str]]:
    """Event cues in ``text``: (event label, start, end, matched words), in text order."""
    ev = events or load_events()
    found = [(ev.labels[i], m.start(), m.end(), m.group(0)) for i in ev.ids for m in ev.rx[i].finditer(text)]
    return sorted(found, key=lambda x: (x[1], ev.ids.index(next(k for k in ev.ids if ev.labels[k] == x[0]))))


def _summarise_events(found: list[tuple[str, int, int, str]]) -> str:
    by: dict[str, list[str]] = {}
    for label, _, _, words in found:
        by.setdefault(label, [])
        w = words.lower()
        if w not in by[label]:
            by[label].append(w)
    return "; ".join(f"{label} ({', '.join(ws)})" for label, ws in by.items())


def _actors_in(text: str, reg, kinds=ACTOR_KINDS) -> str:
    names = []
    for m in reg.find(text):
        if reg.info(m.canonical).get("kind") in kinds and m.canonical not in names:
            names.append(m.canonical)
    return "; ".join(names)


def headline_and_lede(corpus, *, paragraphs: int = 2, register=None) -> pd.DataFrame:
    """What each article puts first: its headline (where the metadata has one) and first paragraphs.

    Args:
        corpus: a loaded corpus.
        paragraphs: how many body paragraphs make the lede (two by default).
        register: the register of actors; the package's own by default.

    Returns:
        One row per article: ``article_id``, ``outlet``, ``headline`` ("" when unknown), ``lede``
        (the first body paragraphs, joined by a blank line), ``lede_end`` (offset), and for the
        headline and the lede the actors named (register canonical names in order of first
        mention; people, organisations, countries) and the kinds of event named (with the words).
    """
    from ..corpus.register import load_register

    reg = register or load_register()
    paras = corpus.paragraphs()
    rows = []
    for aid, art in corpus.articles.iterrows():
        body = paras[(paras["article_id"] == aid) & (paras["kind"] == "body")].head(paragraphs)
        lede = "\n\n".join(body["text"])
        headline = str(art.get("headline", "") or "")
        rows.append(
            {
                "article_id": aid, "outlet": art["outlet"], "headline": headline, "lede": lede,
                "lede_end": int(body["end"].max()) if len(body) else 0,
                "actors_headline": _actors_in(headline, reg), "actors_lede": _actors_in(lede, reg),
                "events_headline": _summarise_events(find_events(headline)), "events_lede": _summarise_events(find_events(lede)),
            }
        )
    return pd.DataFrame(rows)


def headline_lede_html(table: pd.DataFrame) -> str:
    """Headline and lede side by side, one row per article, as escaped HTML."""
    head = "<tr><th>outlet</th><th>headline</th><th>first paragraphs</th><th>actors named</th><th>events named</th></tr>"
    body = []
    for r in table.itertuples(index=False):
        headline = html.escape(r.headline) if r.headline else "<em>(no headline in the file)</em>"
        lede = "".join(f"<p>{html.escape(p)}</p>" for p in r.lede.split("\n\n"))
        actors = html.escape(r.actors_lede) + (f"<br><small>headline: {html.escape(r.actors_headline)}</small>" if r.actors_headline else "")
        events = html.escape(r.events_lede) + (f"<br><small>headline: {html.escape(r.events_headline)}</small>" if r.events_headline else "")
        body.append(f"<tr><td><b>{html.escape(r.outlet)}</b></td><td>{headline}</td><td>{lede}</td><td>{actors}</td><td>{events}</td></tr>")
    return f"<table class='ss-lede'><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def lede_finding(table: pd.DataFrame) -> str:
    """Which kinds of event some outlets name in their lede and others do not (computed)."""
    outlets = list(table["outlet"])
    if len(outlets) < 2:
        r = table.iloc[0]
        return (f"{r['outlet']}'s first paragraphs name: {r['events_lede'] or 'no event cue'}. "
                "Comparing ledes needs at least two outlets.")
    kinds: dict[str, set] = {}
    for r in table.itertuples(index=False):
        for part in filter(None, r.events_lede.split("; ")):
            kinds.setdefault(part.split(" (")[0], set()).add(r.outlet)
    split = [(k, v) for k, v in kinds.items() if 0 < len(v) < len(outlets)]
    headed = table[table["headline"] != ""]
    text = f"{len(headed)} of the {len(table)} articles have a headline in the metadata."
    if not split:
        return text + " Every outlet names the same kinds of event in its first paragraphs."
    sentences = []
    for k, have in sorted(split, key=lambda kv: (-len(kv[1]), kv[0])):
        missing = [o for o in outlets if o not in have]
        sentences.append(f"{len(have)} of {len(outlets)} outlets {'names' if len(have) == 1 else 'name'} a {k} in their first paragraphs; "
                         f"{', '.join(missing)} {'does' if len(missing) == 1 else 'do'} not")
    return text + " " + ". ".join(sentences) + "."


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|outside|near|around|into|across|through|from|of|east|west|north|south|central|downtown)\s+)$",
    re.IGNORECASE,
)


def actor_mentions(corpus, *, register=None, kinds: tuple[str, ...] = ACTOR_KINDS, places: bool = False) -> pd.DataFrame:
    """Mentions of registered actors, with appositions merged and a grammatical-subject flag.

    "Russian president Vladimir Putin" is a role and a name side by side: the register finds both;
    here they count once (consecutive mentions of the same actor separated only by spaces or a
    comma are merged). A capital city standing for its state ("Moscow said") is an actor, but
    "a car bomb outside Moscow" names a place: role mentions of a country (its capital) right
    after a locative word (in, at, outside, near, from, of, east of ...) are left out unless
    ``places=True``.

    Args:
        corpus: a loaded corpus.
        register: the register; the package's own by default.
        kinds: register kinds to keep (media are sources, not actors, and are left out).
        places: keep capital cities named as places.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``sentence``, ``paragraph`` (index into
        ``corpus.paragraphs()``), ``paragraph_number`` (body paragraphs numbered from 1; a subhead
        counts with the paragraph after it), ``start``, ``end``, ``position`` (fraction of the
        article), ``mention``,
        ``canonical``, ``via``, ``kind``, ``role_type``, ``subject`` (bool), ``text`` (sentence).
    """
    from .agency import is_subject, load_words
    from ..corpus.register import mentions

    m = mentions(corpus, register=register)
    m = m[m["kind"].isin(kinds)].reset_index(drop=True)
    texts = corpus.articles["text"]
    if not places and len(m):
        place = [r.via == "role" and r.kind == "country" and bool(_LOCATIVE.search(texts[r.article_id][max(0, r.start - 20) : r.start]))
                 for r in m.itertuples(index=False)]
        m = m[[not p for p in place]].reset_index(drop=True)
    sents = corpus.sentences().set_index(["article_id", "sentence"])
    numbers = _paragraph_numbers(corpus)
    w = load_words()
    merged: list[dict] = []
    for r in m.itertuples(index=False):
        prev = merged[-1] if merged else None
        if (prev and prev["article_id"] == r.article_id and prev["sentence"] == r.sentence and prev["canonical"] == r.canonical
                and re.fullmatch(r"[\s,]*", texts[r.article_id][prev["end"] : r.start])):
            prev["end"] = r.end
            prev["mention"] = texts[r.article_id][prev["start"] : r.end]
            prev["via"] = "name" if "name" in (prev["via"], r.via) else prev["via"]
            continue
        merged.append({"article_id": r.article_id, "outlet": r.outlet, "sentence": r.sentence, "paragraph": r.paragraph,
                       "start": r.start, "end": r.end,
                       "mention": r.mention, "canonical": r.canonical, "via": r.via, "kind": r.kind, "role_type": r.role_type})
    rows = []
    for d in merged:
        srow = sents.loc[(d["article_id"], d["sentence"])]
        s_start = int(srow["start"])
        rows.append({**d, "paragraph_number": _paragraph_number(corpus, d["article_id"], d["start"], numbers),
                     "position": round(d["start"] / max(len(texts[d["article_id"]]), 1), 3),
                     "subject": is_subject(srow["text"], d["start"] - s_start, d["end"] - s_start, words=w),
                     "text": srow["text"]})
    cols = ["article_id", "outlet", "sentence", "paragraph", "paragraph_number", "start", "end", "position", "mention",
            "canonical", "via", "kind", "role_type", "subject", "text"]
    return pd.DataFrame(rows, columns=cols)


def actor_salience(mentions: pd.DataFrame, corpus, *, top: int | None = None) -> pd.DataFrame:
    """Who is mentioned, how often, how early, and how often as grammatical subject, per outlet.

    Args:
        mentions: the output of :func:`actor_mentions`.
        corpus: the corpus (for word counts and outlet order).
        top: keep the ``top`` actors by total mentions across outlets (None: all).

    Returns:
        One row per outlet and actor: ``outlet``, ``actor``, ``kind``, ``mentions``,
        ``per_1000_words``, ``first_paragraph`` (paragraph number), ``first_position`` (fraction of the article, in
        the outlet's first article that mentions the actor), ``subject_mentions``,
        ``subject_share``. Ordered by outlet (metadata order), then mentions.
    """
    words = corpus.articles.groupby("outlet")["n_words"].sum()
    keep = mentions["canonical"].value_counts()
    if top:
        keep = keep.head(top)
    m = mentions[mentions["canonical"].isin(keep.index)]
    rows = []
    for outlet in corpus.outlets:
        mo = m[m["outlet"] == outlet]
        for actor, g in mo.groupby("canonical", sort=False):
            first = g.sort_values(["article_id", "start"]).iloc[0]
            n = len(g)
            rows.append({"outlet": outlet, "actor": actor, "kind": first["kind"], "mentions": n,
                         "per_1000_words": round(1000 * n / words[outlet], 2), "first_paragraph": int(first["paragraph_number"]),
                         "first_position": float(first["position"]), "subject_mentions": int(g["subject"].sum()),
                         "subject_share": round(float(g["subject"].mean()), 2)})
    out = pd.DataFrame(rows, columns=["outlet", "actor", "kind", "mentions", "per_1000_words", "first_paragraph",
                                      "first_position", "subject_mentions", "subject_share"])
    order = {o: i for i, o in enumerate(corpus.outlets)}
    return out.sort_values(["outlet", "mentions", "actor"], key=lambda c: c.map(order) if c.name == "outlet" else c,
                           ascending=[True, False, True]).reset_index(drop=True)


def salience_wide(salience: pd.DataFrame, corpus, *, value: str = "mentions") -> pd.DataFrame:
    """Actors (rows, most mentioned first) x outlets (columns) of one salience measure; 0 or blank when absent."""
    wide = salience.pivot(index="actor", columns="outlet", values=value).reindex(columns=corpus.outlets)
    total = salience.groupby("actor")["mentions"].sum()
    wide = wide.loc[total.sort_values(ascending=False, kind="stable").index]
    return wide.fillna(0).astype(int) if value in ("mentions", "subject_mentions") else wide


def salience_table(salience: pd.DataFrame, corpus) -> pd.DataFrame:
    """Actors x outlets: mentions, then (after the outlets) mentions as grammatical subject."""
    mentions = salience_wide(salience, corpus)
    subjects = salience_wide(salience, corpus, value="subject_mentions").reindex(mentions.index).fillna(0).astype(int)
    subjects.columns = [f"{o} (as subject)" for o in subjects.columns]
    out = pd.concat([mentions, subjects], axis=1)
    out.columns.name = None
    return out


def salience_figure(salience: pd.DataFrame, corpus, *, top: int = 8):
    """Grouped bars: mentions per 1,000 words of the ``top`` most-mentioned actors, one colour per outlet."""
    import matplotlib.pyplot as plt
    import numpy as np

    total = salience.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable")
    actors = list(total.index[:top])[::-1]
    colors = outlet_colors(corpus.outlets)
    k = len(corpus.outlets)
    height = 0.8 / k
    fig, ax = plt.subplots(figsize=(8.5, 0.28 * len(actors) * max(k, 2) / 2 + 2.0))
    y = np.arange(len(actors))
    for i, outlet in enumerate(corpus.outlets):
        vals = [float(salience[(salience["outlet"] == outlet) & (salience["actor"] == a)]["per_1000_words"].sum()) for a in actors]
        ax.barh(y + (k - 1 - i) * height - 0.4 + height / 2, vals, height=height, color=colors[outlet], label=outlet)
    ax.set_yticks(y, actors)
    ax.set_xlabel("Mentions per 1,000 words (names and roles, through the register)")
    ax.set_ylabel("")
    ax.set_title(salience_title(salience), loc="left")
    ax.legend(frameon=False, fontsize=8.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def salience_title(salience: pd.DataFrame) -> str:
    """The finding for the salience figure: the most-mentioned actor per outlet (computed)."""
    if salience.empty:
        return "No registered actor is mentioned"
    top = salience.sort_values(["per_1000_words", "actor"], ascending=[False, True]).groupby("outlet", sort=False).head(1)
    if top["actor"].nunique() == 1:
        who = top["actor"].iloc[0]
        return f"{who} is the most mentioned actor in every outlet" if len(top) > 1 else f"{who} is the most mentioned actor"
    counts = top["actor"].value_counts()
    parts = [f"{a} in {n}" for a, n in counts.items()]
    return f"Most mentioned actor per outlet: {parts[0]} of {len(top)} outlets, " + ", ".join(parts[1:])


def salience_finding(salience: pd.DataFrame, corpus) -> str:
    """Sentences on salience: the most-mentioned actor per outlet and the subject shares (computed)."""
    if salience.empty:
        return "No actor of the register is mentioned in the corpus."
    order = {o: i for i, o in enumerate(corpus.outlets)}
    top = (salience.sort_values(["mentions", "actor"], ascending=[False, True]).groupby("outlet", sort=False).head(1)
           .sort_values("outlet", key=lambda c: c.map(order)))
    parts = [f"{r.outlet} mentions {r.actor} most ({r.mentions} times, {r.per_1000_words:g} per 1,000 words; "
             f"grammatical subject in {r.subject_share:.0%} of the mentions)" for r in top.itertuples()]
    text = "; ".join(parts) + "."
    if len(corpus.outlets) < 2:
        text += " Comparing outlets needs at least two."
    return text


def _key_actors(mentions: pd.DataFrame, corpus, min_outlets: int | None) -> list[str]:
    need = min_outlets if min_outlets is not None else (2 if len(corpus.outlets) >= 2 else 1)
    per = mentions.groupby("canonical")["outlet"].nunique()
    total = mentions["canonical"].value_counts()
    keep = [a for a in per.index if per[a] >= need]
    return sorted(keep, key=lambda a: (-per[a], -total[a], a))


def first_mentions(corpus, *, elements: pd.DataFrame | None = None, actors: list[str] | None = None,
                   events: bool = True, min_outlets: int | None = None, min_element_outlets: int = 2,
                   register=None) -> pd.DataFrame:
    """Where each key actor, each kind of event and each story element first appears in each article.

    Args:
        corpus: a loaded corpus.
        elements: optional story elements with the contract of ``analysis.topics.story_elements``
            (``article_id``, ``outlet``, ``start``, ``end``, ``text``, ``element``, and optionally
            ``element_label``); each element's first row per article gives its first mention. Rows
            without an element are ignored.
        actors: canonical names to report; by default the key actors: people, organisations and
            countries of the register mentioned by at least ``min_outlets`` outlets.
        events: also report the kinds of event of ``data/event_cues.toml``.
        min_outlets: see ``actors`` (default 2, or 1 for a corpus of one outlet).
        min_element_outlets: keep story elements that at least this many outlets cover (2 by
            default: an element only one outlet has cannot be compared).
        register: the register; the package's own by default.

    Returns:
        One row per article and item found: ``article_id``, ``outlet``, ``kind`` (actor, event or
        element), ``item``, ``paragraph_number`` (body paragraphs numbered from 1; a subhead counts
        with the paragraph after it), ``sentence_number`` (from 1), ``start``, ``position`` (start /
        length of the clean text, 3 decimals), ``words`` (what the article says there).
    """
    texts = corpus.articles["text"]
    sents = corpus.sentences()
    starts = {aid: list(g["start"]) for aid, g in sents.groupby("article_id", sort=False)}
    numbers = _paragraph_numbers(corpus)

    def place(aid, start):
        i = bisect.bisect_right(starts[aid], start) - 1
        return _paragraph_number(corpus, aid, start, numbers), max(i, 0) + 1, round(start / max(len(texts[aid]), 1), 3)

    rows = []
    m = actor_mentions(corpus, register=register)
    wanted = actors if actors is not None else _key_actors(m, corpus, min_outlets)
    firsts = m[m["canonical"].isin(wanted)].sort_values("start").groupby(["article_id", "canonical"], sort=False).head(1)
    for r in firsts.itertuples(index=False):
        p, s, pos = place(r.article_id, r.start)
        rows.append((r.article_id, r.outlet, "actor", r.canonical, p, s, r.start, pos, r.mention))
    if events:
        ev = load_events()
        for aid, art in corpus.articles.iterrows():
            seen = set()
            for label, a, _, words in find_events(art["text"], events=ev):
                if label in seen:
                    continue
                seen.add(label)
                p, s, pos = place(aid, a)
                rows.append((aid, art["outlet"], "event", label, p, s, a, pos, words))
    if elements is not None and len(elements):
        missing = {"article_id", "start", "element"} - set(elements.columns)
        if missing:
            raise SameStoryError(f"the story elements table lacks the column(s) {', '.join(sorted(missing))}; "
                                 "pass the output of analysis.topics.story_elements(corpus)")
        el = elements[elements["article_id"].isin(texts.index) & elements["element"].notna()].copy()
        el["outlet"] = el["article_id"].map(corpus.articles["outlet"])
        spread = el.groupby("element")["outlet"].nunique()
        el = el[el["element"].map(spread) >= min(min_element_outlets, len(corpus.outlets))]
        if "element_label" in el.columns:
            el["item"] = [f"{e}: {lab}" if isinstance(lab, str) and lab else str(e) for e, lab in zip(el["element"], el["element_label"])]
        else:
            el["item"] = el["element"].astype(str)
        for r in el.sort_values("start").groupby(["article_id", "item"], sort=False).head(1).itertuples(index=False):
            p, s, pos = place(r.article_id, int(r.start))
            rows.append((r.article_id, r.outlet, "element", r.item, p, s, int(r.start), pos, str(getattr(r, "text", ""))))
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "kind", "item", "paragraph_number", "sentence_number", "start",
                                      "position", "words"])
    kind_order = {"actor": 0, "event": 1, "element": 2}
    art_order = {a: i for i, a in enumerate(corpus.articles.index)}
    return out.sort_values(["kind", "item", "article_id"], key=lambda c: c.map(kind_order) if c.name == "kind" else
                           (c.map(art_order) if c.name == "article_id" else c)).reset_index(drop=True)


def first_mention_table(first: pd.DataFrame, corpus) -> pd.DataFrame:
    """Items (rows) x outlets (columns): "¶3 · 12%" (paragraph, fraction of the article) or "—" when
    the outlet never names the item. Rows: actors, events, elements; within each, items named by
    most outlets first, then earliest on average."""
    if first.empty:
        return pd.DataFrame(columns=corpus.outlets)
    f = first.sort_values("start").groupby(["kind", "item", "outlet"], sort=False).head(1)
    cell = f.assign(cell=[f"¶{p} · {pos:.0%}" for p, pos in zip(f["paragraph_number"], f["position"])])
    wide = cell.pivot(index=["kind", "item"], columns="outlet", values="cell").reindex(columns=corpus.outlets)
    stats = f.groupby(["kind", "item"]).agg(n=("outlet", "nunique"), mean=("position", "mean"))
    kind_order = {"actor": 0, "event": 1, "element": 2}
    order = sorted(stats.index, key=lambda k: (kind_order.get(k[0], 3), -stats.loc[k, "n"], stats.loc[k, "mean"], k[1]))
    wide = wide.loc[order].fillna("—")
    wide.columns.name = None
    return wide


def first_mention_finding(first: pd.DataFrame, corpus) -> str:
    """A sentence on items that some outlets put first and others leave out (computed)."""
    outlets = corpus.outlets
    if len(outlets) < 2:
        return "Comparing where outlets first name an actor or event needs at least two outlets."
    f = first[first["kind"].isin(["actor", "event"])].sort_values("start").groupby(["kind", "item", "outlet"], sort=False).head(1)
    parts = []
    groups = sorted(f.groupby(["kind", "item"], sort=False), key=lambda kv: (-len(kv[1]), kv[0][0] != "event", kv[0][1]))
    for (kind, item), g in groups:
        missing = [o for o in outlets if o not in set(g["outlet"])]
        if missing and len(g) >= 2:
            early = g.sort_values(["position", "outlet"]).iloc[0]
            parts.append(f"{item} ({kind}) first appears in {early['outlet']} at paragraph {early['paragraph_number']}, "
                         f"but {', '.join(missing)} never {'names' if len(missing) == 1 else 'name'} it")
    if not parts:
        return "Every outlet names every key actor and kind of event at some point; the table shows how early."
    return "Some items are missing from some outlets: " + "; ".join(parts[:4]) + ("; and more in the table." if len(parts) > 4 else ".")


# ---------------------------------------------------------------------------------------------
# Measured error rates (written by the evaluation commands, read by notebook 01)


def update_results(path: str | Path, section: str, values: dict) -> None:
    """Replace one section of the evaluation results JSON file (sorted keys, no timestamps)."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    data[section] = values
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def read_results(path: str | Path = RESULTS_FILE) -> dict:
    """The evaluation results (``data/evaluation_framing.json``), or {} when not yet written."""
    path = Path(path)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def evaluation_table(results: dict | None = None) -> pd.DataFrame:
    """The measured error rates of this notebook's automatic labels, one row per measure."""
    r = read_results() if results is None else results
    rows = []
    if "frac" in r:
        f = r["frac"]
        rows += [
            {"label": "policy frame of a sentence (lexicon)", "data": f"FrAC, held-out test split ({f['test_sentences']} sentences)",
             "measure": "accuracy", "value": f["lexicon"]["accuracy"], "baseline": f["majority_baseline"]["accuracy"]},
            {"label": "policy frame of a sentence (lexicon)", "data": f"FrAC, held-out test split ({f['test_sentences']} sentences)",
             "measure": "macro-F1", "value": f["lexicon"]["macro_f1"], "baseline": f["majority_baseline"]["macro_f1"]},
        ]
        if "lexicon_mapped" in f:
            rows += [
                {"label": "the same, frames FrAC does not use folded into those it does (map fit on the dev split)",
                 "data": f"FrAC, held-out test split ({f['test_sentences']} sentences)", "measure": measure,
                 "value": f["lexicon_mapped"][key], "baseline": f["majority_baseline"][key]}
                for measure, key in (("accuracy", "accuracy"), ("macro-F1", "macro_f1"))
            ]
    if "passives" in r:
        p = r["passives"]
        data = f"{p['sentences']} hand-labelled sentences (seeds and PolNeAR dev)"
        rows += [
            {"label": "passive construction", "data": data, "measure": "precision (sentence level)",
             "value": p["sentence_level"]["precision"], "baseline": None},
            {"label": "passive construction", "data": data, "measure": "recall (sentence level)",
             "value": p["sentence_level"]["recall"], "baseline": None},
            {"label": "passive construction", "data": data, "measure": "precision (each passive)",
             "value": p["construction_level"]["precision"], "baseline": None},
            {"label": "passive construction", "data": data, "measure": "recall (each passive)",
             "value": p["construction_level"]["recall"], "baseline": None},
            {"label": "by-agent present or not", "data": f"the {p['agent_checked']} passives found correctly",
             "measure": "accuracy", "value": p["agent_accuracy"], "baseline": None},
        ]
        blind = p.get("by_split", {}).get("blind")
        if blind:
            data = f"the {blind['sentences']} of them labelled blind, after the rules were written"
            rows += [
                {"label": "passive construction", "data": data, "measure": f"{m} (each passive)",
                 "value": blind["construction_level"][m], "baseline": None}
                for m in ("precision", "recall")
            ]
    return pd.DataFrame(rows, columns=["label", "data", "measure", "value", "baseline"])


def evaluation_finding(results: dict | None = None) -> str:
    """Plain words on how far the lexicon and the passive rules get (from the results file)."""
    r = read_results() if results is None else results
    parts = []
    if "frac" in r:
        f = r["frac"]
        lex, base = f["lexicon"], f["majority_baseline"]
        parts.append(
            f"On {f['test_sentences']} held-out FrAC sentences, the policy-frame lexicon picks the annotators' frame for "
            f"{lex['accuracy']:.0%} of them (macro-F1 {lex['macro_f1']:.2f}); always answering the most common frame, "
            f"\"{base['label']}\", gets {base['accuracy']:.0%} (macro-F1 {base['macro_f1']:.2f}). A lexicon beats the baseline "
            "but is far from a trained model: treat each label as a pointer to sentences worth reading, not a verdict."
        )
        if "lexicon_mapped" in f and f.get("label_map"):
            used = sum(1 for r in f["per_frame"] if r["gold"] > 0)
            examples = "; ".join(f"\"{a}\" as \"{b}\"" for a, b in list(f["label_map"].items())[:2])
            parts.append(
                f"FrAC's test sentences use {used} of the 15 frames. Counting lexicon frames the annotators did not use as "
                f"the frame they stand for most often on the dev split ({examples} ...), the lexicon agrees on "
                f"{f['lexicon_mapped']['accuracy']:.0%} (macro-F1 {f['lexicon_mapped']['macro_f1']:.2f})."
            )
    if "passives" in r:
        p = r["passives"]
        parts.append(
            f"The passive rules find passives with precision {p['construction_level']['precision']:.2f} and recall "
            f"{p['construction_level']['recall']:.2f} on {p['sentences']} hand-labelled sentences (each passive counted), and "
            f"say rightly whether a by-agent is there for {p['agent_accuracy']:.0%} of those they find."
        )
        blind = p.get("by_split", {}).get("blind")
        if blind:
            parts.append(
                f"On the {blind['sentences']} sentences labelled only after the rules were written, precision is "
                f"{blind['construction_level']['precision']:.2f} and recall {blind['construction_level']['recall']:.2f}: "
                "that is the fairer guess for a new text."
            )
    return " ".join(parts) or "The evaluations have not been run yet (python -m analysis.evaluate frames / passives)."
