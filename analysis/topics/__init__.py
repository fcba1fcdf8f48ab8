"""Topics and coverage: what the outlets write about, which parts of the story each tells, and whose words they share.

Modules, one question each:

- ``words``: what counts as a word: stop words (:func:`load_stop_words`), stemmed content words
  (:func:`content_words`), the topic models' vectoriser (:func:`make_vectorizer`).
- ``models``: topic models of any texts (:func:`fit_topics`, :func:`fit_matrix`: TF-IDF and NMF,
  LDA over counts), document clusters (:func:`document_clusters`), and the readers of the
  measured BBC figures (:func:`bbc_evaluation`, :func:`bbc_finding`).
- ``stability``: how many topics (:func:`topic_stability`, :func:`choose_k`,
  :func:`ranking_agreement`, :func:`stability_figure`, :func:`k_finding`).
- ``shares``: the topics of a corpus's paragraphs and each outlet's share of them
  (:func:`topic_model`, :func:`topic_shares`, :func:`topic_terms`,
  :func:`representative_paragraphs`, NMF against LDA: :func:`compare_models`).
- ``elements``: story elements as facts, the MISSION contract :func:`story_elements`: sentences
  compared through their clauses on a sparse similarity graph (:func:`element_graph`), joined by
  a same-fact model's probabilities (``pairs``: :func:`sentence_pairs`, :class:`PairModel`) and
  average linkage (:func:`cluster_graph`), a sentence telling every element it is close to.
- ``coverage``: which outlet tells which element, what one tells alone, what one leaves out.
- ``reuse``: passages two outlets share word for word, wire copy told apart from shared quotation.
- ``summary``: coverage per outlet for the synthesis cards (sentences told alone, shared words).

``coverage`` and ``reuse`` are used as modules (``from analysis.topics import coverage, reuse``);
the names of the other modules are re-exported here.
"""

from __future__ import annotations

from ..errors import TopicError
from . import coverage, reuse, summary  # the modules used by name
from .elements import (
    CANDIDATE,
    LOOSE,
    ElementGraph,
    clause_spans,
    cluster_graph,
    element_graph,
    element_sentences,
    story_elements,
    threshold_figure,
    threshold_finding,
    threshold_sweep,
    unit_terms,
)
from .pairs import FEATURES, PairModel, load_pair_model, sentence_pairs
from .models import (
    Method,
    TopicModel,
    bbc_evaluation,
    bbc_finding,
    document_clusters,
    fit_matrix,
    fit_topics,
)
from .shares import (
    TopicResult,
    compare_models,
    comparison_finding,
    model_agreement,
    representative_paragraphs,
    shares_figure,
    shares_finding,
    topic_model,
    topic_shares,
    topic_terms,
    topic_units,
)
from .stability import (
    choose_k,
    k_finding,
    ranking_agreement,
    stability_figure,
    topic_stability,
)
from .words import (
    STOPWORDS_FILE,
    TOKEN_PATTERN,
    content_words,
    load_stop_words,
    make_vectorizer,
)

__all__ = [
    # words
    "STOPWORDS_FILE",
    "TOKEN_PATTERN",
    "TopicError",
    "load_stop_words",
    "content_words",
    "make_vectorizer",
    # models
    "Method",
    "TopicModel",
    "fit_topics",
    "fit_matrix",
    "document_clusters",
    "bbc_evaluation",
    "bbc_finding",
    # stability
    "ranking_agreement",
    "topic_stability",
    "choose_k",
    "stability_figure",
    "k_finding",
    # shares
    "topic_units",
    "TopicResult",
    "topic_model",
    "topic_terms",
    "topic_shares",
    "representative_paragraphs",
    "compare_models",
    "model_agreement",
    "comparison_finding",
    "shares_figure",
    "shares_finding",
    # elements
    "CANDIDATE",
    "LOOSE",
    "FEATURES",
    "PairModel",
    "load_pair_model",
    "sentence_pairs",
    "ElementGraph",
    "clause_spans",
    "unit_terms",
    "element_graph",
    "cluster_graph",
    "element_sentences",
    "story_elements",
    "threshold_sweep",
    "threshold_figure",
    "threshold_finding",
    # modules
    "coverage",
    "reuse",
    "summary",
]
