"""The topics of a corpus's paragraphs, and the share of each outlet's text given to each topic.

:func:`topic_model` fits the package's topic model (:func:`analysis.topics.fit_topics`: TF-IDF
and NMF) on the corpus's body paragraphs (:func:`topic_units`), with the number of topics chosen
by stability (:mod:`analysis.topics.stability`) unless one is given. The topics are then read
three ways: by their top terms (:func:`topic_terms`), by the paragraphs most given to each
(:func:`representative_paragraphs`), and by how each outlet divides its words between them
(:func:`topic_shares`: a paragraph's words are split by its topic weights). LDA fitted on the
same paragraphs is set beside NMF (:func:`compare_models`, :func:`model_agreement`), so that the
choice of model is visible.

References:
    Lee & Seung (1999), "Learning the parts of objects by non-negative matrix factorization",
    Nature 401. Blei, Ng & Jordan (2003), "Latent Dirichlet allocation", JMLR 3. Hubert &
    Arabie (1985), "Comparing partitions", Journal of Classification 2 (the adjusted Rand index).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import Corpus
from ..plots import finish_figure, outlet_colors
from .models import Method, TopicModel, fit_topics
from .stability import choose_k, ranking_agreement, topic_stability
from ..safe import md_text

__all__ = [
    "compare_models",
    "comparison_finding",
    "model_agreement",
    "representative_paragraphs",
    "shares_figure",
    "shares_finding",
    "topic_model",
    "topic_shares",
    "topic_terms",
    "topic_units",
    "TopicResult",
]


def topic_units(corpus: Corpus) -> pd.DataFrame:
    """The documents the corpus's topic models are fitted on: body paragraphs (crossheads left out).

    Returns:
        One row per paragraph: ``article_id``, ``outlet``, ``paragraph``, ``start``, ``end``,
        ``text``, ``words``.
    """
    p = corpus.paragraphs()
    p = p[p["kind"] == "body"].reset_index(drop=True)
    p["words"] = p["text"].str.count(r"[^\W\d_]+(?:[’'][^\W\d_]+)*").astype(int)
    return p[["article_id", "outlet", "paragraph", "start", "end", "text", "words"]]


@dataclass
class TopicResult:
    """Topics of a corpus's paragraphs. Build with :func:`topic_model`.

    Attributes:
        model: the fitted :class:`TopicModel`.
        documents: one row per paragraph (``article_id``, ``outlet``, ``paragraph``, ``start``,
            ``end``, ``text``, ``words``), its dominant ``topic`` and that topic's ``weight``,
            and one column ``topic_1`` ... ``topic_k`` per topic.
        labels: topic number -> its top three terms.
    """

    model: TopicModel
    documents: pd.DataFrame
    labels: dict[int, str]

    @property
    def k(self) -> int:
        return self.model.k


def topic_model(corpus: Corpus, *, k: int | None = None, method: Method = "nmf", random_state: int = 0) -> TopicResult:
    """Topics of the corpus's body paragraphs.

    Args:
        corpus: a loaded corpus.
        k: the number of topics; None chooses it by :func:`topic_stability` (k from 2 to 10).
        method: ``"nmf"`` (TF-IDF, the main model) or ``"lda"`` (counts, for comparison).
        random_state: the seed.

    Returns:
        A :class:`TopicResult`.

    References:
        Lee & Seung (1999) (NMF); Greene, O'Callaghan & Cunningham (2014) (the choice of k).
    """
    units = topic_units(corpus)
    if k is None:
        k = choose_k(topic_stability(units["text"].tolist(), random_state=random_state))
    model = fit_topics(units["text"].tolist(), k=k, method=method, random_state=random_state)
    W = model.doc_topic
    docs = units.copy()
    has = W.sum(axis=1) > 0
    docs["topic"] = pd.array(np.where(has, W.argmax(axis=1) + 1, 0), dtype="Int64")
    docs.loc[~has, "topic"] = pd.NA
    docs["weight"] = W.max(axis=1)
    for t in range(k):
        docs[f"topic_{t + 1}"] = W[:, t]
    return TopicResult(model=model, documents=docs, labels=model.labels(3))


def topic_terms(result: TopicResult, *, n: int = 10) -> pd.DataFrame:
    """The top ``n`` terms of each topic as one row per topic: ``topic``, ``label``, ``share``, ``top terms``.

    ``share`` is the topic's share of all the words of the corpus (see :func:`topic_shares`).

    Args:
        result: from :func:`topic_model`.
        n: terms listed per topic.

    Returns:
        One row per topic: ``topic``, ``label``, ``share``, ``top terms`` (comma-separated).
    """
    tt = result.model.top_terms(n)
    shares = _word_shares(result.documents, result.k)
    total = shares.sum() or 1.0
    rows = [
        (t, result.labels[t], round(float(shares[t - 1] / total), 3), ", ".join(g["term"]))
        for t, g in tt.groupby("topic", sort=True)
    ]
    return pd.DataFrame(rows, columns=["topic", "label", "share", "top terms"])


def _word_shares(docs: pd.DataFrame, k: int) -> np.ndarray:
    W = docs[[f"topic_{t + 1}" for t in range(k)]].to_numpy()
    return (W * docs["words"].to_numpy()[:, None]).sum(axis=0)


def topic_shares(result: TopicResult, *, by: str = "outlet") -> pd.DataFrame:
    """Each outlet's text split into topics: the share of its words given to each topic.

    A paragraph's words are split between topics by its topic weights, so a paragraph that is
    60% topic 1 gives 60% of its words to topic 1.

    Args:
        result: from :func:`topic_model`.
        by: the column to group paragraphs by (``"outlet"`` or ``"article_id"``).

    Returns:
        One row per group and topic: ``outlet`` (named after ``by``), ``topic``, ``label``,
        ``words`` (words given to the topic), ``share`` (of the group's words, in [0, 1]).

    References:
        Lee & Seung (1999): NMF's document weights read as a document's parts.
    """
    docs = result.documents
    rows = []
    for key, g in docs.groupby(by, sort=False):
        words = _word_shares(g, result.k)
        total = g["words"].sum() or 1
        rows += [(key, t + 1, result.labels[t + 1], float(words[t]), float(words[t] / total)) for t in range(result.k)]
    return pd.DataFrame(rows, columns=[by, "topic", "label", "words", "share"])


def representative_paragraphs(result: TopicResult, *, n: int = 2) -> pd.DataFrame:
    """The ``n`` paragraphs most given to each topic (highest topic weight; longer first on a tie).

    Args:
        result: from :func:`topic_model`.
        n: paragraphs per topic.

    Returns:
        One row per topic and paragraph: ``topic``, ``label``, ``outlet``, ``article_id``,
        ``start``, ``end``, ``weight``, ``text``.
    """
    docs = result.documents
    rows = []
    for t in range(1, result.k + 1):
        d = docs.assign(weight=docs[f"topic_{t}"]).sort_values(["weight", "words", "article_id", "start"], ascending=[False, False, True, True])
        for r in d.head(n).itertuples(index=False):
            rows.append((t, result.labels[t], r.outlet, r.article_id, r.start, r.end, round(float(r.weight), 2), r.text))
    return pd.DataFrame(rows, columns=["topic", "label", "outlet", "article_id", "start", "end", "weight", "text"])


def compare_models(a: TopicResult, b: TopicResult, *, top_n: int = 10) -> pd.DataFrame:
    """Two topic models of the same paragraphs side by side (e.g. NMF and LDA).

    Topics are matched one to one by their top terms (:func:`ranking_agreement`).

    Args:
        a: one model (from :func:`topic_model`), e.g. NMF.
        b: another model of the same paragraphs with the same k, e.g. LDA.
        top_n: top terms compared.

    Returns:
        One row per matched pair: ``topic`` (in ``a``), ``label`` (in ``a``), ``matched topic``
        (in ``b``), ``matched label``, ``shared top terms`` (of ``top_n``), ``same dominant topic``
        (the share of paragraphs whose dominant topic in ``a`` is this one and in ``b`` its match).

    References:
        Greene, O'Callaghan & Cunningham (2014), section 3 (matching by top terms); Kuhn (1955).
    """
    la, lb = a.model.ranked_terms(top_n), b.model.ranked_terms(top_n)
    _, pairs = ranking_agreement(la, lb)
    ta, tb = a.documents["topic"], b.documents["topic"]
    rows = []
    for i, j in sorted(pairs):
        in_a = ta == i + 1
        same = float(((tb == j + 1) & in_a).sum() / in_a.sum()) if in_a.sum() else float("nan")
        shared = len(set(la[i]) & set(lb[j]))
        rows.append((i + 1, a.labels[i + 1], j + 1, b.labels[j + 1], shared, round(same, 2)))
    return pd.DataFrame(
        rows, columns=["topic", "label", "matched topic", "matched label", "shared top terms", "same dominant topic"]
    )


def model_agreement(a: TopicResult, b: TopicResult) -> float:
    """Adjusted Rand index between the dominant topics of two models of the same paragraphs (1 = the same partition).

    Args:
        a: one model (from :func:`topic_model`).
        b: another model of the same paragraphs.

    Returns:
        The index: 1 for the same grouping, about 0 for groupings no more alike than chance.

    References:
        Hubert & Arabie (1985), "Comparing partitions", Journal of Classification 2.
    """
    from sklearn.metrics import adjusted_rand_score

    both = a.documents["topic"].notna() & b.documents["topic"].notna()
    return float(adjusted_rand_score(a.documents.loc[both, "topic"].astype(int), b.documents.loc[both, "topic"].astype(int)))


def comparison_finding(nmf: TopicResult, lda: TopicResult, *, top_n: int = 10) -> str:
    """A sentence or two on how far LDA agrees with NMF on the same paragraphs."""
    cmp = compare_models(nmf, lda, top_n=top_n)
    ari = model_agreement(nmf, lda)
    shared = cmp["shared top terms"].mean()
    lda_lists = lda.model.ranked_terms(top_n)
    overlap_lda = (
        np.mean([len(set(a) & set(b)) for i, a in enumerate(lda_lists) for b in lda_lists[i + 1 :]]) if len(lda_lists) > 1 else float("nan")
    )
    text = (
        f"LDA, fitted on the word counts of the same paragraphs with the same k = {nmf.k}, groups them differently: the "
        f"adjusted Rand index between the two models' dominant topics is {ari:.2f} (1 would be the same grouping, 0 "
        f"no more alike than chance). Matched one to one, an LDA topic shares {shared:.1f} of its top {top_n} terms with its NMF topic"
    )
    if not np.isnan(overlap_lda):
        text += f", and LDA's own topics share {overlap_lda:.1f} of their top {top_n} terms with each other"
    return text + ". NMF on TF-IDF is the model the notebook reads; LDA is shown to make the choice visible."


def shares_figure(shares: pd.DataFrame, outlets: Sequence[str]) -> Figure:
    """Topic shares per outlet: one group of bars per topic, one bar per outlet in its colour.

    Args:
        shares: from :func:`topic_shares`.
        outlets: the corpus's outlets, in order (``corpus.outlets``).

    Returns:
        The figure.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    colors = outlet_colors(outlets)
    topics = sorted(shares["topic"].unique())
    labels = shares.drop_duplicates("topic").set_index("topic")["label"]
    present = [o for o in outlets if o in set(shares["outlet"])]
    # Every (topic, outlet) pair gets a bar, 0 where the outlet has no word of the topic.
    grid = (
        shares.set_index(["topic", "outlet"])["share"]
        .reindex(pd.MultiIndex.from_product([topics, present], names=["topic", "outlet"]), fill_value=0)
        .reset_index()
    )
    grid["topic_label"] = [f"{t}: {labels[t]}" for t in grid["topic"]]
    fig, ax = plt.subplots(figsize=(8, 0.9 * len(topics) * max(len(present), 1) * 0.3 + 1.6))
    # One value per bar (a share, not a mean of draws), so no error bar.
    sns.barplot(
        data=grid, x="share", y="topic_label", hue="outlet", hue_order=present,
        order=[f"{t}: {labels[t]}" for t in topics], palette={o: colors[o] for o in present},
        orient="h", errorbar=None, saturation=1, ax=ax,
    )
    top = shares.sort_values(["share", "outlet"], ascending=[False, True]).iloc[0]
    ax.set_xlabel("Share of the outlet's words given to the topic")
    ax.set_ylabel("Topic (top terms)")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8, title=None)
    title = f"{top['outlet']} gives the largest share of its text to one topic: {top['share']:.0%} to topic {top['topic']}"
    return finish_figure(fig, ax, title=title, legend=False)


def shares_finding(shares: pd.DataFrame, n_outlets: int) -> str:
    """A sentence or two on which outlet gives most of its text to which topic."""
    if n_outlets < 2:
        return "Topic shares compare outlets, and this corpus has one outlet: the table shows how its text divides between the topics."
    rows = []
    for t, g in shares.groupby("topic", sort=True):
        g = g.sort_values(["share", "outlet"], ascending=[False, True])
        hi, lo = g.iloc[0], g.iloc[-1]
        rows.append(
            f"topic {t} ({md_text(hi['label'])}) takes {hi['share']:.0%} of {md_text(hi['outlet'])}'s words "
            f"but {lo['share']:.0%} of {md_text(lo['outlet'])}'s"
        )
    return "Outlets divide their text differently: " + "; ".join(rows) + "."
