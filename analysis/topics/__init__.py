"""What the outlets write about and which parts each tells: topic models, story elements, coverage, text reuse.

Modules: ``models``, ``coverage``, ``reuse``."""

from __future__ import annotations

from .models import (  # noqa: F401
    STOPWORDS_FILE,
    TOKEN_PATTERN,
    EVALUATION_FILE,
    Method,
    TopicError,
    load_stop_words,
    content_words,
    make_vectorizer,
    TopicModel,
    fit_topics,
    fit_matrix,
    document_clusters,
    topic_units,
    ranking_agreement,
    topic_stability,
    choose_k,
    TopicResult,
    topic_model,
    topic_terms,
    topic_shares,
    representative_paragraphs,
    compare_models,
    model_agreement,
    comparison_finding,
    stability_figure,
    shares_figure,
    k_finding,
    shares_finding,
    bbc_evaluation,
    bbc_finding,
    SentenceVectors,
    sentence_vectors,
    null_distance_threshold,
    cluster_sentences,
    element_sentences,
    element_threshold,
    story_elements,
    threshold_sweep,
    threshold_figure,
    threshold_finding,
)
from . import coverage, reuse  # noqa: F401,E402
