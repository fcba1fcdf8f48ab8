"""Coverage: which outlet tells which element of the story, where in its article, and what each leaves out.

Everything here is computed from the sentence table of :func:`analysis.topics.story_elements`
(one row per sentence with its ``element``), so it holds for any corpus and any clustering
settings. An outlet *covers* an element when at least one of its sentences is in it; its
*position* is where the first such sentence stands in the article, as a share of the article's
sentences (0 = the first sentence, the lede; near 1 = the last). With several articles from one
outlet, the earliest position counts.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.topics import story_elements
    >>> from analysis.topics.coverage import coverage_matrix
    >>> corpus = load_corpus()
    >>> cov = coverage_matrix(story_elements(corpus), corpus)
    >>> list(cov.columns)
    ['element', 'label', 'outlet', 'present', 'sentences', 'first_sentence', 'position', 'near']
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..safe import md_text
from ..corpus import Corpus
from ..plots import outlet_colors

__all__ = [
    "coverage_figure",
    "coverage_finding",
    "coverage_matrix",
    "coverage_wide",
    "element_table",
    "omission_finding",
    "most_of",
    "omissions",
    "single_outlet_elements",
]


def _clustered(elements: pd.DataFrame) -> pd.DataFrame:
    return elements.dropna(subset=["element"]).astype({"element": int})


def element_table(elements: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """One row per element: its label, representative sentence and the outlets that tell it.

    Args:
        elements: from :func:`analysis.topics.story_elements`.
        outlets: the corpus's outlets, in the order to list them (``corpus.outlets``).

    Returns:
        Indexed by ``element``: ``label``, ``n_outlets``, ``outlets`` (comma-separated, in
        corpus order), ``sentences`` (that tell it), ``representative`` (its text), ``outlet``
        (of the representative), ``article_id``, ``start``, ``end`` (its offsets),
        ``near_outlets`` (outlets that do not tell it but have a clause close to it, or a
        sentence holding its names and numbers), ``cohesion`` (mean same-fact probability of its
        sentences of different outlets; empty when one outlet tells it or the table has none).
    """
    e = _clustered(elements)
    cols = ["label", "n_outlets", "outlets", "sentences", "representative", "outlet", "article_id", "start", "end", "near_outlets",
            "cohesion"]
    if e.empty:
        return pd.DataFrame(columns=cols).rename_axis("element")
    rank = {o: i for i, o in enumerate(outlets)}
    if "near_outlets" not in e.columns:
        e = e.assign(near_outlets="")
    if "cohesion" not in e.columns:
        e = e.assign(cohesion=float("nan"))
    # The representative row of each element (its first row when none is marked).
    rep = e.assign(_r=~e["representative"].astype(bool)).sort_values(["element", "_r"], kind="stable").drop_duplicates("element")
    rep = rep.set_index("element")
    names = (e[["element", "outlet"]].drop_duplicates()
             .assign(_k=lambda d: d["outlet"].map(lambda o: rank.get(o, len(rank))))
             .sort_values(["element", "_k", "outlet"]).groupby("element")["outlet"].agg(list))
    n_sent = e.drop_duplicates(["element", "article_id", "sentence"]).groupby("element").size()
    out = pd.DataFrame({
        "label": rep["element_label"], "n_outlets": names.map(len), "outlets": names.map(", ".join),
        "sentences": n_sent.astype(int), "representative": rep["text"], "outlet": rep["outlet"], "article_id": rep["article_id"],
        "start": rep["start"], "end": rep["end"], "near_outlets": rep["near_outlets"].fillna(""),
        "cohesion": e.groupby("element")["cohesion"].first().astype(float),
    }).sort_index()
    out.index.name = "element"
    return out[cols]


def coverage_matrix(elements: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """The coverage matrix, tidy: one row per element and outlet, covered or not.

    Args:
        elements: from :func:`analysis.topics.story_elements`.
        corpus: the corpus it was computed on (for the outlets and the articles' lengths).

    Returns:
        ``element``, ``label``, ``outlet``, ``present`` (bool), ``sentences`` (the outlet's
        sentences in the element), ``first_sentence`` (0-based number of its first such
        sentence in its article; empty when absent), ``position`` (``first_sentence`` divided
        by the article's number of sentences, in [0, 1); empty when absent), ``near`` (absent, but
        a clause of the outlet comes near the element: it may tell it in other words).
    """
    e = _clustered(elements)
    n_sent = corpus.articles["n_sentences"]
    first = e.drop_duplicates("element").set_index("element")
    labels = first["element_label"]
    near = first["near_outlets"] if "near_outlets" in first.columns else pd.Series("", index=first.index)
    rows = []
    for el, g in e.groupby("element", sort=True):
        close = set(str(near[el] or "").split(", "))
        for o in corpus.outlets:
            h = g[g["outlet"] == o]
            if h.empty:
                rows.append((el, labels[el], o, False, 0, pd.NA, np.nan, o in close))
                continue
            pos = [(s / n_sent[a], s) for a, s in zip(h["article_id"], h["sentence"])]
            p, s = min(pos)
            rows.append((el, labels[el], o, True, len(h), int(s), float(p), False))
    out = pd.DataFrame(rows, columns=["element", "label", "outlet", "present", "sentences", "first_sentence", "position", "near"])
    out["first_sentence"] = out["first_sentence"].astype("Int64")
    return out


def coverage_wide(coverage: pd.DataFrame, *, min_outlets: int = 2) -> pd.DataFrame:
    """The coverage matrix as a table to read: elements as rows, outlets as columns.

    A cell gives the first sentence's number and position ("s4 · 12%") or "—" when the outlet
    leaves the element out. Only elements covered by at least ``min_outlets`` outlets are kept.

    Args:
        coverage: from :func:`coverage_matrix`.
        min_outlets: the fewest outlets an element must be told by to get a row.

    Returns:
        Indexed by ``element`` and ``label``, one column per outlet (corpus order); empty when
        no element is told by ``min_outlets`` outlets.
    """
    cov = coverage[coverage.groupby("element")["present"].transform("sum") >= min_outlets]
    if cov.empty:
        return pd.DataFrame()
    cell = np.where(
        cov["present"],
        "s" + cov["first_sentence"].astype("string").fillna("") + " · " + (cov["position"] * 100).round().astype("Int64").astype("string").fillna("") + "%",
        "—",
    )
    wide = cov.assign(cell=cell).pivot(index=["element", "label"], columns="outlet", values="cell")
    outlets = list(dict.fromkeys(coverage["outlet"]))
    return wide[[o for o in outlets if o in wide.columns]].rename_axis(columns=None)


def single_outlet_elements(elements: pd.DataFrame, outlets: Sequence[str], *, strict: bool = True, min_sentences: int = 2) -> pd.DataFrame:
    """Elements reported by one outlet only ("only X reports ..."), one row per element.

    Args:
        elements: from :func:`analysis.topics.story_elements`.
        outlets: the corpus's outlets, in order (``corpus.outlets``).
        strict: keep only the elements no other outlet comes near (``near_outlets`` empty: no
            clause of another outlet is even loosely like one of its clauses). An element one
            outlet tells in words no other outlet shares may still be told by another in other
            words; the strict list is the one whose claims were measured right (see the README).
        min_sentences: with ``strict``, the fewest sentences the outlet gives the element: a
            passage of its own, not one sentence another outlet may have put in other words.

    Returns:
        ``outlet``, ``element``, ``label``, ``sentences``, ``first_sentence``, ``text`` (the
        representative sentence), ``start``, ``end``, ``near_outlets``; sorted by outlet (corpus
        order) and by where the element first appears in its article.
    """
    table = element_table(elements, outlets)
    one = table[table["n_outlets"] == 1]
    if strict:
        one = one[(one["near_outlets"].fillna("") == "") & (one["sentences"] >= min_sentences)]
    e = _clustered(elements)
    first = e.groupby("element")["sentence"].min()
    rank = {o: i for i, o in enumerate(outlets)}
    out = pd.DataFrame(
        {
            "outlet": one["outlets"].to_numpy(),
            "element": one.index.to_numpy(),
            "label": one["label"].to_numpy(),
            "sentences": one["sentences"].to_numpy(),
            "first_sentence": first.reindex(one.index).astype(int).to_numpy(),
            "text": one["representative"].to_numpy(),
            "start": one["start"].to_numpy(),
            "end": one["end"].to_numpy(),
            "near_outlets": one["near_outlets"].to_numpy(),
        }
    )
    out["_r"] = out["outlet"].map(rank)
    return out.sort_values(["_r", "first_sentence", "element"]).drop(columns="_r").reset_index(drop=True)


def most_of(n_others: int) -> int:
    """How many of ``n_others`` outlets are "most of" them: more than half (1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5)."""
    return n_others // 2 + 1


def omissions(elements: pd.DataFrame, outlets: Sequence[str], *, min_others: int | None = None,
              min_cohesion: float | None = None) -> pd.DataFrame:
    """Elements that most of the other outlets tell and one leaves out.

    An outlet leaves out an element when at least ``min_others`` of the other outlets tell it
    (by default most of them: :func:`most_of`), it does not, and none of its sentences comes near
    the element (``near_outlets``: a clause of its own loosely like one of the element's, or a
    sentence holding all the names and numbers most of the element's sentences hold, would make
    the omission a guess: it may tell the fact in other words). Only a *cohesive* element grounds
    the claim: its sentences of different outlets must be as likely, on average, to tell one fact
    as a merge of the clustering needs (``cohesion`` at least the ``threshold`` it was made
    with), so an element that gathered several facts says nothing about any one of them.

    Args:
        elements: from :func:`analysis.topics.story_elements`.
        outlets: the corpus's outlets.
        min_others: the fewest other outlets that must tell the element; None: most of them.
        min_cohesion: the least ``cohesion`` an element told by two outlets or more needs; None:
            the elements' ``threshold`` (no check when the table has no ``cohesion``).

    Returns:
        One row per outlet and element it leaves out: ``left out by``, ``element``, ``label``,
        ``covered by``, ``told by`` (how many outlets tell it), ``others`` (how many other outlets
        there are), ``text`` (the representative sentence), ``outlet`` (of that sentence). Empty
        when the corpus has fewer than two outlets.
    """
    cols = ["left out by", "element", "label", "covered by", "told by", "others", "text", "outlet"]
    if len(outlets) < 2:
        return pd.DataFrame(columns=cols)
    table = element_table(elements, outlets)
    others = len(outlets) - 1
    need = most_of(others) if min_others is None else max(1, int(min_others))
    wide = table[table["n_outlets"] >= need]
    if min_cohesion is None and "threshold" in elements.columns and len(elements):
        min_cohesion = float(elements["threshold"].iloc[0])
    if min_cohesion is not None:
        # An element of one outlet has no pair of outlets to judge (a corpus of two outlets).
        wide = wide[wide["cohesion"].isna() | (wide["cohesion"] >= min_cohesion - 1e-9)]
    told = [set(x.split(", ")) for x in wide["outlets"]]
    near = [{o for o in str(x or "").split(", ") if o} for x in wide["near_outlets"]]
    rows = []
    for o in outlets:
        for k, (el, r) in enumerate(zip(wide.index, wide.itertuples(index=False))):
            if o in told[k] or o in near[k]:
                continue
            rows.append((o, el, r.label, r.outlets, int(r.n_outlets), others, r.representative, r.outlet))
    return pd.DataFrame(rows, columns=cols)


def _ink(hex_color: str) -> str:
    """Black or white, whichever reads better on the colour (WCAG relative luminance)."""
    rgb = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "black" if lum > 0.179 else "white"


def coverage_figure(coverage: pd.DataFrame, *, min_outlets: int = 2, label_width: int = 52) -> Figure:
    """The coverage matrix as a figure: one row per shared element, one column per outlet.

    A filled square in the outlet's colour means the outlet tells the element; the number in
    it is where the element first appears in the article (percent of the way through); an
    empty cell means the outlet leaves it out. Rows are the elements told by at least
    ``min_outlets`` outlets, most widely told first.

    Args:
        coverage: from :func:`coverage_matrix`.
        min_outlets: the fewest outlets an element must be told by to get a row.
        label_width: the longest element label shown, in characters (longer ones are shortened).

    Returns:
        The figure (a titled empty one when no element is told by ``min_outlets`` outlets).
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    outlets = list(dict.fromkeys(coverage["outlet"]))
    colors = outlet_colors(outlets)
    n_cov = coverage.groupby("element")["present"].sum()
    keep = sorted(n_cov[n_cov >= min_outlets].index, key=lambda el: (-n_cov[el], el))
    fig, ax = plt.subplots(figsize=(2.2 + 1.25 * len(outlets) + 3.2, 0.36 * max(len(keep), 1) + 1.9))
    if not keep:
        ax.axis("off")
        ax.set_title("No element of the story is told by two outlets or more", loc="left")
        plt.close(fig)
        return fig
    cell = coverage.set_index(["element", "outlet"])
    labels = coverage.drop_duplicates("element").set_index("element")["label"]
    for y, el in enumerate(keep):
        for x, o in enumerate(outlets):
            r = cell.loc[(el, o)]
            if r["present"]:
                ax.add_patch(Rectangle((x - 0.42, y - 0.4), 0.84, 0.8, color=colors[o]))
                ax.text(x, y, f"{r['position']:.0%}", ha="center", va="center", fontsize=8, color=_ink(colors[o]))
            else:
                ax.add_patch(Rectangle((x - 0.42, y - 0.4), 0.84, 0.8, fill=False, edgecolor="#cccccc", linestyle=":"))
                if r["near"]:
                    ax.text(x, y, "≈", ha="center", va="center", fontsize=10, color="#555555")
    ax.set_xlim(-0.6, len(outlets) - 0.4)
    ax.set_ylim(len(keep) - 0.5, -0.5)
    ax.set_xticks(range(len(outlets)))
    ax.set_xticklabels([textwrap.fill(o, 12) for o in outlets], fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(keep)))
    ax.set_yticklabels([f"{el}: {textwrap.shorten(labels[el], label_width, placeholder='…')}" for el in keep], fontsize=8.5)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    full = int((n_cov[keep] == len(outlets)).sum())
    title = (
        f"{len(keep)} elements of the story are told by two outlets or more; {full} by all {len(outlets)}"
        if len(outlets) > 2
        else f"{len(keep)} elements of the story are told by both outlets"
    )
    ax.set_title(title + "\n(number: where the element first appears, % of the way through the article; ≈: not told, but a "
                 "clause of the outlet comes near; empty: not told)", loc="left", fontsize=10)
    ax.set_ylabel("Story element (a clause that tells it)")
    fig.tight_layout()
    plt.close(fig)
    return fig


def _esc(text: str) -> str:
    """Outlet names come from the user's metadata: escaped before they go into rendered Markdown."""
    return md_text(text)


def coverage_finding(elements: pd.DataFrame, outlets: Sequence[str]) -> str:
    """A paragraph on how much of the story the outlets share, computed from the elements.

    Args:
        elements: from :func:`analysis.topics.story_elements`.
        outlets: the corpus's outlets, in order.

    Returns:
        The paragraph (Markdown, outlet names escaped).
    """
    if len(outlets) < 2:
        return (
            f"Coverage compares outlets, and this corpus has one ({_esc(', '.join(outlets))}): its sentences are grouped into "
            "elements, but there is no other outlet to compare them with. Add articles from another outlet to see what each covers."
        )
    table = element_table(elements, outlets)
    n = len(table)
    shared = table[table["n_outlets"] > 1]
    e = _clustered(elements)
    in_shared = e["element"].isin(shared.index)
    per = e.assign(shared=in_shared).groupby(["outlet", "article_id", "sentence"])["shared"].any().groupby("outlet").mean()
    hi, lo = per.idxmax(), per.idxmin()
    everyone = int((table["n_outlets"] == len(outlets)).sum())
    several = int((e.groupby(["article_id", "sentence"])["element"].nunique() > 1).sum())
    n_sent = e.drop_duplicates(["article_id", "sentence"]).shape[0]
    text = (
        f"The {n_sent} sentences tell {n} elements ({several} sentences tell more than one). "
        + (
            f"{len(shared)} are told by both outlets. "
            if len(outlets) == 2
            else f"{len(shared)} are told by two outlets or more, {everyone} by all {len(outlets)}. "
        )
        + 
        f"{per[hi]:.0%} of {_esc(hi)}'s sentences tell an element that another outlet tells too, against {per[lo]:.0%} of {_esc(lo)}'s."
    )
    return text


def omission_finding(elements: pd.DataFrame, outlets: Sequence[str], *, max_items: int = 5) -> str:
    """Sentences naming, for each outlet, the passages only it tells and the elements most others tell but it leaves out.

    Only the claims the strict rules allow are stated (:func:`single_outlet_elements` with
    ``strict``, :func:`omissions`): no other outlet's clause comes near what one tells alone, and
    no clause of the outlet comes near what it leaves out. A claim about an empty set is not made.

    Args:
        elements: from :func:`analysis.topics.story_elements`.
        outlets: the corpus's outlets, in order.
        max_items: the most left-out elements named per outlet (the rest are counted).

    Returns:
        The sentences (Markdown, outlet names and text escaped).
    """
    if len(outlets) < 2:
        return "What an outlet leaves out can only be seen against another outlet; this corpus has one."
    only = single_outlet_elements(elements, outlets)
    loose = single_outlet_elements(elements, outlets, strict=False)
    om = omissions(elements, outlets)
    others = len(outlets) - 1
    need = most_of(others)
    table = element_table(elements, outlets)
    widely = int((table["n_outlets"] >= need).sum())
    text = (f"{len(loose)} elements are told by one outlet only, in words no other outlet shares; in {len(only)} of them the "
            "outlet gives the element a passage of two sentences or more and no other outlet's sentence comes near it"
            + (": " + ", ".join(f"{_esc(o)} {n}" for o, n in only.groupby("outlet", sort=False).size().items()) if len(only) else "")
            + ".")
    if widely == 0:
        return text + (f" No element is told by {'the other outlet' if others == 1 else f'at least {need} of the outlets'}, "
                       "so no outlet can be said to leave one out.")
    if om.empty:
        return text + (f" Of the {widely} elements told by at least {need} outlets, no outlet clearly leaves one out: where one "
                       "does not tell an element, a clause of its own comes near it.")
    for o, g in om.groupby("left out by", sort=False):
        items = [f"element {r['element']} (“{_esc(r['label'])}”, told by {r['told by']} of the {r['others']} others)"
                 for r in g.to_dict("records")]
        more = f"; and {len(items) - max_items} more" if len(items) > max_items else ""
        text += f" {_esc(o)} leaves out, with no sentence of its own near: {'; '.join(items[:max_items])}{more}."
    return text
