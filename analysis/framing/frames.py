"""Frames per sentence: which sentences carry the cues of each frame, with the evidence for each.

Every label here comes with its reasons. A frame score is a count of sentences that contain at
least one of the frame's cues; each sentence row keeps the cues it matched and the indicator
question each cue stands for, so a reader can go from any number to its sentences and disagree
with the machine. The cues are those of a frame scheme (:mod:`analysis.framing.schemes`:
the generic frames of Semetko & Valkenburg 2000, the policy frames of Boydstun et al. 2014, or
your own file).

- :func:`frame_scores` (the contract of MISSION.md): one row per sentence and frame it shows, with
  ``article_id``, ``outlet``, ``frame``, ``start``, ``end``, ``cues``, ``questions``,
  ``question_text`` and the sentence ``text``. :func:`score_article` is the same per article as a
  pure function (text and sentence spans in, rows out; patterns compiled once per scheme), for
  large corpora; :func:`cue_matches` lists every match.
- :func:`frame_summary`: per outlet or per article, sentences showing each frame, their share of
  all sentences, and cues per 1,000 words; :func:`frame_heatmap` (titled by
  :func:`frame_heatmap_title`), :func:`frame_finding` and :func:`evidence_html` show the scores
  and every sentence behind them.
- :func:`classify`: one frame per text, the frame with most cues (the FrAC evaluation's label).

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
import re
import textwrap
from functools import lru_cache
from pathlib import Path
from typing import Literal

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..plots import outlet_colors
from ..safe import html_text, md_text, save_csv
from .paragraphs import paragraph_number, paragraph_numbers
from .schemes import Scheme, load_scheme

__all__ = [
    "classify",
    "cue_matches",
    "evidence_html",
    "evidence_limit",
    "frame_finding",
    "frame_heatmap",
    "frame_heatmap_title",
    "frame_scores",
    "frame_summary",
    "save_table",
    "score_article",
]


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

    References:
        Semetko & Valkenburg (2000) and Boydstun et al. (2014): the frames and indicator
        questions the cues stand for.
    """
    s = load_scheme(scheme)
    starts = [a for a, _ in spans]
    by_sentence: dict[int, list[tuple[str, int, int, int]]] = {}
    for m in s.matches(text):
        i = bisect.bisect_right(starts, m[2]) - 1
        if i < 0 or m[3] > spans[i][1]:
            continue
        by_sentence.setdefault(i, []).append(m)
    out = []
    for i, found in sorted(by_sentence.items()):
        for frame, k, a, b in s.guarded(found):
            out.append({"sentence": i, "frame": frame, "questions": "; ".join(s.groups[k].questions),
                        "cue": _SPACES.sub(" ", text[a:b]), "start": a, "end": b})
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

    References:
        Semetko & Valkenburg (2000): a frame is shown where an indicator question is answered yes;
        here, where a sentence holds a cue written for the question.
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


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _question_key(q: str) -> tuple[str, int]:
    m = re.match(r"(\D*)(\d*)", q)
    return (m.group(1), int(m.group(2) or 0))


def frame_scores(corpus: Corpus, scheme: Scheme | str | Path = "generic") -> pd.DataFrame:
    """Frames per sentence for a whole corpus, with the evidence for each.

    Args:
        corpus: a loaded :class:`~analysis.corpus.Corpus`.
        scheme: ``"generic"`` (Semetko & Valkenburg 2000), ``"policy"`` (Boydstun et al.), or the
            path of your own frame file.

    Returns:
        One row per sentence and frame it shows: ``article_id``, ``outlet``, ``sentence``,
        ``paragraph``, ``start``, ``end`` (offsets into the clean text), ``frame`` (label),
        ``frame_id``, ``cues`` (the matched words, "; "-joined in text order), ``n_cues``,
        ``questions`` (indicator question ids), ``question_text``, ``text`` (the sentence). Body
        sentences only: a crosshead ("General killed") labels the paragraph after it, whose
        sentences are counted.

    References:
        Semetko & Valkenburg (2000), the generic frames; Boydstun et al. (2014), the policy frames.
    """
    s = load_scheme(scheme)
    sents = corpus.sentences()
    sents = sents[sents["paragraph_kind"] == "body"]
    texts = dict(zip(corpus.articles.index, corpus.articles["text"].tolist()))
    rows = []
    # Columns as lists, each article's sentences a slice of them (no DataFrame per article): the
    # articles in the order they first appear, their sentences in corpus order, as groupby gives them.
    aids, outlet, number, paragraph, text, start, end = (
        sents[c].tolist() for c in ("article_id", "outlet", "sentence", "paragraph", "text", "start", "end")
    )
    by_article: dict[str, list[int]] = {}
    for k, aid in enumerate(aids):
        by_article.setdefault(aid, []).append(k)
    for aid, ks in by_article.items():
        for r in score_article(texts[aid], [(start[k], end[k]) for k in ks], scheme=s):
            k = ks[r.pop("sentence")]
            rows.append({"article_id": aid, "outlet": outlet[k], "sentence": int(number[k]), "paragraph": int(paragraph[k]),
                         **r, "text": text[k]})
    cols = ["article_id", "outlet", "sentence", "paragraph", "start", "end", "frame", "frame_id", "cues", "n_cues",
            "questions", "question_text", "text"]
    return pd.DataFrame(rows, columns=cols)


def _body_sentences(corpus: Corpus, by: str) -> pd.Series:
    """Body sentences (the ones :func:`frame_scores` reads) per outlet or article."""
    body = corpus.sentences()
    body = body[body["paragraph_kind"] == "body"]
    return body.groupby(by).size()


def frame_summary(scores: pd.DataFrame, corpus: Corpus, *, scheme: Scheme | str | Path = "generic",
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
        ``share_of_sentences``, ``cues`` (matches), ``words``, ``cues_per_1000_words``;
        ``all_sentences`` counts body sentences (crossheads are not scored).

    References:
        Semetko & Valkenburg (2000), the frames counted.
    """
    s = load_scheme(scheme)
    arts = corpus.articles
    groups = corpus.outlets if by == "outlet" else list(arts.index)
    key = arts["outlet"] if by == "outlet" else pd.Series(arts.index, index=arts.index)
    n_sent = _body_sentences(corpus, by).reindex(groups, fill_value=0)
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

    Args:
        text: any text (a sentence, for the evaluation).
        scheme: the frame scheme (see :func:`~analysis.framing.schemes.load_scheme`).

    Returns:
        The frame id.

    References:
        Boydstun et al. (2014), the codebook's frames (one label per unit, as in Card et al.
        2015); FrAC (Guida et al.), the sentence labels it is evaluated against.
    """
    s = load_scheme(scheme)
    counts: dict[str, int] = {}
    for frame, *_ in s.guarded(s.matches(text)):
        counts[frame] = counts.get(frame, 0) + 1
    if not counts:
        return s.fallback
    best = max(counts.values())
    return next(f for f in s.tie_order if counts.get(f) == best)


def frame_heatmap(summary: pd.DataFrame, corpus: Corpus, *, scheme: Scheme | str | Path = "generic") -> Figure:
    """Outlet x frame heatmap: colour = share of the outlet's sentences showing the frame; each
    cell annotated with the number of sentences and the share. Outlet names in their colours.
    With more than six frames the frames are the rows, so that their names stay readable."""
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
        parts.append(f"{md_text(o)}: {md_text(r['frame'].lower())} ({r['sentences']} of {r['all_sentences']} sentences, {r['share_of_sentences']:.0%})")
    text = "Most frequent frame per outlet: " + "; ".join(parts) + "."
    if len(outlets) < 2:
        return text + " With one outlet there is nothing to compare; the comparison needs at least two."
    spread = (summary.groupby("frame", sort=False)["share_of_sentences"].agg(["max", "min", "idxmax", "idxmin"])
              .assign(gap=lambda d: d["max"] - d["min"]).sort_values("gap", ascending=False))
    f = spread.index[0]
    hi, lo = summary.loc[spread.loc[f, "idxmax"]], summary.loc[spread.loc[f, "idxmin"]]
    text += (
        f" The outlets differ most on {md_text(f.lower())}: {hi['share_of_sentences']:.0%} of {md_text(hi['outlet'])}'s sentences carry its "
        f"cues against {lo['share_of_sentences']:.0%} of {md_text(lo['outlet'])}'s."
    )
    return text


def _highlight(sentence: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """The sentence as escaped HTML with each cue span in <mark>."""
    out, pos = [], 0
    for a, b in sorted(spans):
        a, b = a - offset, b - offset
        if a < pos:
            continue
        out.append(html_text(sentence[pos:a]))
        out.append(f"<mark>{html_text(sentence[a:b])}</mark>")
        pos = b
    out.append(html_text(sentence[pos:]))
    return "".join(out)


def evidence_html(scores: pd.DataFrame, corpus: Corpus, *, scheme: Scheme | str | Path = "generic", limit: int | None = None) -> str:
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
    numbers = paragraph_numbers(corpus)
    total = _body_sentences(corpus, "outlet")
    parts = ['<div class="ss-evidence">']
    for f in s.frames:
        if f == s.fallback:
            continue
        for outlet in corpus.outlets:
            rows = scores[(scores["frame_id"] == f) & (scores["outlet"] == outlet)]
            n = len(rows)
            # an outlet whose articles have no body sentence (headline only) has no row in ``total``
            t = int(total.get(outlet, 0))
            head = (f"{html_text(s.labels[f])} · {html_text(outlet)}: {n} of {t} sentences"
                    + (f" ({n / t:.0%})" if t else ""))
            if n == 0:
                parts.append(f"<details><summary>{head}</summary><p>No sentence carries a cue of this frame.</p></details>")
                continue
            body = ["<table><thead><tr><th>article</th><th>¶</th><th>sentence (cues marked)</th><th>cues</th><th>questions</th></tr></thead><tbody>"]
            for r in rows.head(limit).itertuples(index=False) if limit else rows.itertuples(index=False):
                rx = s.cue_pattern(f)
                spans = [(r.start + m.start(), r.start + m.end()) for m in rx.finditer(r.text)]
                body.append(
                    f"<tr><td>{html_text(r.article_id)}</td><td>{paragraph_number(corpus, r.article_id, r.start, numbers)}</td>"
                    f"<td>{_highlight(r.text, r.start, spans)}</td><td>{html_text(r.cues)}</td>"
                    f"<td>{html_text(r.questions)}</td></tr>"
                )
            if limit and n > limit:
                body.append(f"<tr><td colspan='5'>... and {n - limit} more (see the frame_scores table)</td></tr>")
            body.append("</tbody></table>")
            parts.append(f"<details><summary>{head}</summary>{''.join(body)}</details>")
    parts.append("</div>")
    return "\n".join(parts)


def evidence_limit(corpus: Corpus, *, small: int = 50, per_section: int = 25) -> int | None:
    """How many sentences per frame and outlet the notebook's evidence shows: all of them (None)
    for a corpus of up to ``small`` articles, else ``per_section`` (the saved CSV has all)."""
    return None if len(corpus.articles) <= small else per_section


def save_table(table: pd.DataFrame, name: str, out_dir: str | Path) -> str:
    """Save a table as ``NAME.csv`` in ``out_dir``; returns a short line naming the file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    save_csv(table, out / f"{name}.csv", index=False)  # formula-like cells prefixed with ' (analysis.safe)
    return f"Saved {name}.csv ({len(table)} rows)."
