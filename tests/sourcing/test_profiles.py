"""Sourcing profiles over a corpus (analysis.sourcing.profiles): extract_quotes and the per-outlet tables."""

from __future__ import annotations

from analysis import sourcing
from analysis.sourcing.lexicon import STANCES
from tests.corpus_folders import write_corpus


def test_seed_offsets_give_back_every_quote(corpus):
    q = sourcing.extract_quotes(corpus, indirect=True)
    assert len(q) > 0 and list(q.columns) == sourcing.QUOTE_COLUMNS
    for r in q.itertuples(index=False):
        source = corpus.articles.loc[r.article_id, r.field]
        assert source[r.start : r.end] == r.quote
        if r.speaker_start >= 0:
            assert source[r.speaker_start : r.speaker_end] == r.speaker_mention
    text_rows = q[q["field"] == "text"]
    paras = corpus.paragraphs().set_index(["article_id", "paragraph"])
    for r in text_rows.itertuples(index=False):
        a, b = paras.loc[(r.article_id, r.paragraph), ["start", "end"]]
        assert a <= r.start and r.end <= b


def test_profiles_on_the_seeds(corpus):
    q = sourcing.extract_quotes(corpus, indirect=True)
    counts = sourcing.quote_counts(q, corpus)
    assert list(counts.index) == corpus.outlets and (counts["total"] > 0).all()
    v = sourcing.voices(q, corpus, by="country")
    assert set(v["outlet"]) <= set(corpus.outlets)
    assert v.groupby("outlet")["share"].sum().round(2).eq(1.0).all()
    stance = sourcing.verb_stance(q, corpus)
    assert (stance[list(STANCES)].sum(axis=1) == stance["total"]).all()
    same = sourcing.same_speaker_verbs(q, corpus)
    trump = same.set_index("speaker").loc["Donald Trump"]
    assert "claimed (1) [distancing]" in trump["AFP"]  # AFP's "Trump claimed"
    assert "claimed" not in trump["CNN"] and "claimed" not in trump["CGTN"]
    # the finding is Markdown: the stance's brackets are escaped so a speaker name cannot make a link
    assert r"claimed \[distancing\]" in sourcing.same_speaker_finding(same, corpus)


def test_one_outlet_comparisons_say_so(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"x": ("Outlet", "Jane Doe spoke on Friday.\n\nJane Doe said: “I will win.” She left.")})
    q = sourcing.extract_quotes(corpus)
    assert "at least two" in sourcing.same_speaker_finding(sourcing.same_speaker_verbs(q, corpus), corpus)
    assert "at least two" in sourcing.voices_finding(q, corpus)
