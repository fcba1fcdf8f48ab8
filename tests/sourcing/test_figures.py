"""The sourcing figures and the highlighted article (analysis.sourcing.figures)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis import sourcing
from tests.corpus_folders import write_corpus


def test_highlighted_article_escapes_its_text(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"x": ("Outlet <i>", (
        "Jane Doe spoke on Friday in the town hall of the village.\n\n"
        "Jane Doe said: “I <b>will</b> win & stay.” She added that <script>alert(1)</script> was nothing.\n\nShe left."
    ))})
    q = sourcing.extract_quotes(corpus)
    html = sourcing.highlight_quotes_html(corpus, q, "x")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;will&lt;/b&gt; win &amp; stay." in html
    assert "Outlet &lt;i&gt;" in html
    assert "<mark" in html and "<sup>[1]</sup>" in html and "Jane Doe" in html
    # one outlet: comparisons say so instead of failing
    assert "at least two" in sourcing.same_speaker_finding(sourcing.same_speaker_verbs(q, corpus), corpus)


def test_figures_return_the_figure_and_their_data_comes_apart(corpus):
    quotes = sourcing.extract_quotes(corpus, indirect=True)
    fig = sourcing.voices_figure(quotes, corpus, by="country")
    data = sourcing.voices_shares(quotes, corpus, by="country")
    assert isinstance(fig, Figure) and isinstance(data, pd.DataFrame)
    assert list(data.index) == corpus.outlets
    assert fig._suptitle.get_text().startswith("Whose words?")
    stance = sourcing.verb_stance(quotes, corpus)
    fig = sourcing.verb_stance_figure(stance, corpus)
    data = sourcing.verb_stance_shares(stance)
    assert isinstance(fig, Figure) and list(data.columns) == ["distancing", "factive", "emotive", "directive"]
    assert fig._suptitle.get_text().endswith("(numbers: attributions)")
    assert sourcing.most_quoted_article(quotes, corpus) in corpus.articles.index
