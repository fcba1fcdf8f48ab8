"""Frames per sentence: scores with their evidence, classify, summaries, heatmap, evidence page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from analysis import framing
from analysis.framing.frames import (
    classify,
    cue_matches,
    evidence_html,
    frame_finding,
    frame_heatmap,
    frame_heatmap_title,
    frame_scores,
    frame_summary,
    score_article,
)
from analysis.framing.schemes import load_scheme
from tests.corpus_folders import write_corpus
from tests.framing.helpers import spans_of


def test_score_article_rows_carry_their_evidence():
    text = "Russia rejected the proposal. A child was killed in the strike. Prices rose."
    spans = spans_of(text)
    rows = score_article(text, spans, scheme="generic")
    by = {(r["sentence"], r["frame_id"]): r for r in rows}
    conflict = by[(0, "conflict")]
    assert (conflict["start"], conflict["end"]) == spans[0]
    assert conflict["cues"] == "rejected"
    assert conflict["questions"] == "C1"
    assert conflict["question_text"].startswith("C1: Does the story reflect disagreement")
    human = by[(1, "human_interest")]
    assert human["cues"] == "child; killed" and human["questions"] == "H1; H3" and human["n_cues"] == 2
    assert by[(2, "economic")]["cues"] == "Prices"
    assert [r["sentence"] for r in rows] == sorted(r["sentence"] for r in rows)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Russia", "rejected", "the", "deal", "child", "killed", "prices", "God", "NOW",
                                 "now", "and", "accused", ".", "!", "both sides", "sanctions"]), max_size=40))
def test_every_cue_lies_inside_its_sentence(words):
    text = " ".join(words)
    spans = spans_of(text)
    for m in cue_matches(text, spans, scheme="generic"):
        a, b = spans[m["sentence"]]
        assert a <= m["start"] < m["end"] <= b
        assert text[m["start"] : m["end"]] == m["cue"]
    for r in score_article(text, spans, scheme="policy"):
        assert all(c in text[r["start"] : r["end"]] for c in r["cues"].split("; "))


def test_classify_ties_and_fallback():
    assert classify("The weather was mild.", scheme="policy") == "other"
    assert classify("Hospital doctors treated the disease.", scheme="policy") == "health_safety"
    # one cue each for economic ("tax") and political ("election"): economic comes first in tie_order
    s = load_scheme("policy")
    assert s.tie_order.index("economic") < s.tie_order.index("political")
    assert classify("The tax came before the election.", scheme="policy") == "economic"


# --- frame scores on the seeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generic(corpus):
    return frame_scores(corpus, scheme="generic")


def test_frame_scores_contract_and_offsets(corpus, generic):
    for col in ("article_id", "outlet", "frame", "start", "end", "cues", "questions", "question_text", "text"):
        assert col in generic.columns
    texts = corpus.articles["text"]
    for r in generic.itertuples(index=False):
        assert texts[r.article_id][r.start : r.end] == r.text
        for cue in r.cues.split("; "):
            assert cue in r.text
    assert not generic.duplicated(["article_id", "sentence", "frame"]).any()


def test_seed_sentences_read_by_hand(generic):
    def frames_of(article_id, startswith):
        rows = generic[(generic["article_id"] == article_id) & generic["text"].str.startswith(startswith)]
        return dict(zip(rows["frame"], rows["cues"]))

    # The Independent quotes Trump's post: urgency ("NOW") and a solution ("stop the bloodshed").
    f = frames_of("independent", "Stop the bloodshed, NOW.")
    assert f["Responsibility"] == "Stop the bloodshed; NOW"
    assert f["Human interest"] == "bloodshed"
    # CNN: "No one has claimed responsibility for the bombing." stands for R2/R4.
    assert frames_of("cnn", "No one has claimed responsibility")["Responsibility"] == "claimed responsibility"
    # The FT: Zelensky's "Russia rejects all of this." is disagreement (C1) and nothing else.
    assert frames_of("ft", "“Russia rejects all of this.") == {"Conflict": "rejects"}
    # CGTN: "There was no immediate comment from Witkoff." carries no frame.
    assert frames_of("cgtn", "There was no immediate comment") == {}


def test_frame_summary_counts_and_shares(corpus, generic):
    summary = frame_summary(generic, corpus, scheme="generic")
    assert len(summary) == len(corpus.outlets) * 5
    for r in summary.itertuples(index=False):
        rows = generic[(generic["outlet"] == r.outlet) & (generic["frame"] == r.frame)]
        assert r.sentences == len(rows)
        assert r.cues == rows["n_cues"].sum()
        assert r.share_of_sentences == round(r.sentences / r.all_sentences, 3)
    by_article = frame_summary(generic, corpus, scheme="generic", by="article_id")
    assert set(by_article["article_id"]) == set(corpus.articles.index)
    assert by_article["sentences"].sum() == summary["sentences"].sum() == len(generic)


def test_evidence_lists_every_sentence_behind_every_cell(corpus, generic):
    summary = frame_summary(generic, corpus, scheme="generic")
    page = evidence_html(generic, corpus, scheme="generic")
    for r in summary.itertuples(index=False):
        head = f"{r.frame} · {r.outlet}: {r.sentences} of {r.all_sentences} sentences"
        assert head in page, head
    assert page.count("<tr><td>") == len(generic)
    assert page.count("<mark>") >= generic["n_cues"].sum()


def test_heatmap_title_and_finding(corpus, generic):
    summary = frame_summary(generic, corpus, scheme="generic")
    fig = frame_heatmap(summary, corpus, scheme="generic")
    assert fig.axes[0].get_title(loc="left") == frame_heatmap_title(summary, scheme="generic")
    text = frame_finding(summary, scheme="generic")
    for outlet in corpus.outlets:
        assert outlet in text


def test_untrusted_text_is_escaped_and_one_outlet_is_handled(tmp_path):
    c = write_corpus(tmp_path / "one", {"a1": {"outlet": "Solo <b>News</b>",
                                              "text": "They accused <script>alert(1)</script> rivals of lying.\n", "headline": ""}})
    scores = frame_scores(c, scheme="generic")
    page = evidence_html(scores, c, scheme="generic")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Solo &lt;b&gt;News&lt;/b&gt;" in page
    summary = frame_summary(scores, c, scheme="generic")
    assert "needs at least two" in frame_finding(summary, scheme="generic")
    frame_heatmap(summary, c, scheme="generic")


def test_frame_scores_is_the_package_contract():
    assert framing.frame_scores is frame_scores


def test_deaths_are_human_interest_only_beside_a_human_face_or_feeling():
    from analysis.framing.frames import cue_matches

    text = ("It was the deadliest strike this year, and 12 people were killed. "
            "An elderly father and his son were killed in their home. "
            "The tragic deaths shocked the town.")
    spans = [(m.start(), m.end()) for m in __import__("re").finditer(r"[^.]+\.", text)]
    hi = {}
    for m in cue_matches(text, spans, scheme="generic"):
        if m["frame"] == "human_interest":
            hi.setdefault(m["sentence"], []).append(m["cue"].lower())
    assert 0 not in hi
    assert "killed" in hi[1] and "elderly" in hi[1]
    assert "deaths" in hi[2]
    assert classify("The deadliest strike killed 12 people.", scheme="generic") != "human_interest"


def test_a_cue_group_needing_an_unknown_question_is_refused(tmp_path):
    from analysis.framing.schemes import SchemeError

    f = tmp_path / "frames.toml"
    f.write_text('[[frames]]\nid = "a"\nlabel = "A"\n[frames.questions]\nA1 = "?"\n[[frames.cues]]\n'
                 'question = "A1"\nneeds = ["Z9"]\nterms = ["x"]\n', encoding="utf-8")
    with pytest.raises(SchemeError, match="Z9"):
        load_scheme(f)
