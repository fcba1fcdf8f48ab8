"""Framing: cue files, per-sentence scores with evidence, summaries, headline and lede, first mentions, salience."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import SameStoryError
from analysis import framing
from analysis.corpus import load_corpus
from analysis.evaluate import frames as eval_frames
from analysis.framing import (
    SchemeError,
    actor_mentions,
    actor_salience,
    classify,
    evidence_html,
    first_mention_table,
    first_mentions,
    frame_finding,
    frame_heatmap,
    frame_scores,
    frame_summary,
    headline_and_lede,
    headline_lede_html,
    load_scheme,
    score_article,
)


def make_corpus(folder, articles: dict[str, tuple[str, str, str]]):
    """A corpus folder from {article_id: (outlet, text, headline)}."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "outlet", "file", "headline"])
        for aid, (outlet, text, headline) in articles.items():
            (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
            w.writerow([aid, outlet, f"{aid}.txt", headline])
    return load_corpus(folder)


def spans_of(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]


# --- the cue files ----------------------------------------------------------------------------------


def test_generic_scheme_has_the_five_frames_and_twenty_questions():
    s = load_scheme("generic")
    assert set(s.frames) == {"conflict", "human_interest", "economic", "morality", "responsibility"}
    expected = {f"R{i}" for i in range(1, 6)} | {f"H{i}" for i in range(1, 6)} | {f"C{i}" for i in range(1, 5)}
    expected |= {f"M{i}" for i in range(1, 4)} | {f"E{i}" for i in range(1, 4)}
    assert set(s.questions) == expected
    # every question is stood for by at least one cue group
    assert {q for g in s.groups for q in g.questions} == expected


def test_policy_scheme_has_the_fifteen_codebook_frames():
    s = load_scheme("policy")
    assert sorted(s.codes.values()) == list(range(1, 16))
    assert s.labels["security_defense"] == "Security and defense"
    assert s.fallback == "other"
    assert not [g for g in s.groups if g.frame == "other"]
    assert {g.frame for g in s.groups} == set(s.frames) - {"other"}


def test_a_bad_cue_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('[[frames]]\nid = "x"\nlabel = "X"\n[frames.questions]\nQ1 = "?"\n[[frames.cues]]\nquestion = "Q9"\nterms = ["a"]\n')
    with pytest.raises(SchemeError, match=r"mine\.toml.*Q9"):
        load_scheme(bad)
    star = tmp_path / "star.toml"
    star.write_text('[[frames]]\nid = "x"\nlabel = "X"\n[frames.questions]\nQ1 = "?"\n[[frames.cues]]\nquestion = "Q1"\nterms = ["a*b"]\n')
    with pytest.raises(SchemeError, match=r"'\*' may only end a term"):
        load_scheme(star).matches("ab")


def test_terms_match_on_word_edges_with_wildcards_and_case():
    text = "They accused him. An accusation followed. Unaccustomed. Stop the bloodshed, NOW. Now then. They hit   back."
    spans = spans_of(text)
    rows = score_article(text, spans, scheme="generic")
    cues = {(r["sentence"], r["frame"]): r["cues"] for r in rows}
    assert cues[(0, "Conflict")] == "accused"
    assert cues[(1, "Conflict")] == "accusation"
    assert (2, "Conflict") not in cues  # "Unaccustomed" is not "accus*"
    assert "NOW" in cues[(3, "Responsibility")]
    assert (4, "Responsibility") not in cues  # "now" in lower case is not the urgency cue
    assert cues[(5, "Conflict")] == "hit back"  # any white space between the words of a phrase


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
    for m in framing.cue_matches(text, spans, scheme="generic"):
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
    assert fig.axes[0].get_title(loc="left") == framing.frame_heatmap_title(summary, scheme="generic")
    text = frame_finding(summary, scheme="generic")
    for outlet in corpus.outlets:
        assert outlet in text


def test_untrusted_text_is_escaped_and_one_outlet_is_handled(tmp_path):
    c = make_corpus(tmp_path / "one", {"a1": ("Solo <b>News</b>", "They accused <script>alert(1)</script> rivals of lying.\n", "")})
    scores = frame_scores(c, scheme="generic")
    page = evidence_html(scores, c, scheme="generic")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Solo &lt;b&gt;News&lt;/b&gt;" in page
    summary = frame_summary(scores, c, scheme="generic")
    assert "needs at least two" in frame_finding(summary, scheme="generic")
    frame_heatmap(summary, c, scheme="generic")
    lede = headline_and_lede(c)
    assert "&lt;script&gt;" in headline_lede_html(lede)
    assert "at least two" in framing.lede_finding(lede)


# --- headline and lede, first mentions ------------------------------------------------------------------


def test_headline_and_lede_on_the_seeds(corpus):
    table = headline_and_lede(corpus).set_index("article_id")
    assert table.loc["cgtn", "headline"] == "" and table.loc["afp", "headline"] == ""
    # Read by hand: the Independent's headline names the car bomb; CGTN's first two paragraphs do not
    # name any killing, AFP's second paragraph does ("a top Russian general was killed in a car bomb attack").
    assert "killing or attack (killed, car bomb)" in table.loc["independent", "events_headline"]
    assert "killing or attack" not in table.loc["cgtn", "events_lede"]
    assert "killing or attack (killed, car bomb, attack)" in table.loc["afp", "events_lede"]
    assert table.loc["cgtn", "actors_lede"].split("; ")[:2] == ["United States", "Donald Trump"]
    assert table.loc["ft", "lede"].startswith("Steve Witkoff, US President Donald Trump’s special envoy")
    assert table.loc["ft", "lede"].count("\n\n") == 1


@pytest.fixture(scope="module")
def firsts(corpus):
    return first_mentions(corpus)


def test_first_mentions_match_positions_found_by_hand(corpus, firsts):
    """Acceptance: three (four) facts found by reading the articles and counting paragraphs
    (body paragraphs from 1; the subheads "Opposing visions of peace" and "Series of targeted bomb
    attacks" in CNN, "Crimea claims" and "General killed" in AFP are not counted)."""
    f = firsts.set_index(["article_id", "kind", "item"])
    texts = corpus.articles["text"]
    # 1. CGTN first names Zelensky in its 9th of 11 paragraphs ("Ukrainian President Volodymyr Zelenskyy has ...").
    row = f.loc[("cgtn", "actor", "Volodymyr Zelensky")]
    assert row["paragraph_number"] == 9
    start = texts["cgtn"].index("President Volodymyr Zelenskyy")
    assert row["position"] == round(start / len(texts["cgtn"]), 3)
    # 2. The FT names the killed general in paragraph 8 ("In Moscow, senior Russian military officer was
    #    assassinated ... Officials said Yaroslav Moskalik ..."); CGTN never names him.
    assert f.loc[("ft", "actor", "Yaroslav Moskalik"), "paragraph_number"] == 8
    assert ("cgtn", "actor", "Yaroslav Moskalik") not in f.index
    # 3. CNN names him only in paragraph 22, after its second subhead.
    row = f.loc[("cnn", "actor", "Yaroslav Moskalik")]
    assert row["paragraph_number"] == 22
    assert row["position"] == round(texts["cnn"].index("General Yaroslav Moskalik") / len(texts["cnn"]), 3)
    # 4. AFP names a killing in its 2nd paragraph; CGTN names none at all.
    assert f.loc[("afp", "event", "killing or attack"), "paragraph_number"] == 2
    assert ("cgtn", "event", "killing or attack") not in f.index


def test_first_mention_table_layout(corpus, firsts):
    table = first_mention_table(firsts, corpus)
    assert list(table.columns) == corpus.outlets
    assert table.loc[("actor", "Yaroslav Moskalik"), "CGTN"] == "—"
    assert table.loc[("actor", "Yaroslav Moskalik"), "FT (probable)"].startswith("¶8 · ")
    kinds = [k for k, _ in table.index]
    assert kinds == sorted(kinds, key=["actor", "event", "element"].index)


def test_first_mentions_of_story_elements(corpus):
    texts = corpus.articles["text"]
    start = texts["ft"].index("In eastern Ukraine, a Russian drone attack")
    elements = pd.DataFrame(
        [
            {"article_id": "ft", "outlet": "FT (probable)", "start": start, "end": start + 40, "text": "In eastern Ukraine", "element": "Pavlohrad drone strike"},
            {"article_id": "ft", "outlet": "FT (probable)", "start": start + 200, "end": start + 240, "text": "later", "element": "Pavlohrad drone strike"},
            {"article_id": "cnn", "outlet": "CNN", "start": 0, "end": 10, "text": "US Preside", "element": "Trump: very close to a deal"},
        ]
    )
    f = first_mentions(corpus, elements=elements, actors=[], events=False, min_element_outlets=1)
    assert list(f["kind"].unique()) == ["element"]
    ft = f[f["article_id"] == "ft"].iloc[0]
    assert (ft["item"], ft["paragraph_number"], ft["start"]) == ("Pavlohrad drone strike", 7, start)
    cnn = f[f["article_id"] == "cnn"].iloc[0]
    assert (cnn["paragraph_number"], cnn["sentence_number"], cnn["position"]) == (1, 1, 0.0)
    assert first_mentions(corpus, elements=elements, actors=[], events=False).empty  # each element has one outlet
    with pytest.raises(SameStoryError, match="element"):
        first_mentions(corpus, elements=pd.DataFrame({"article_id": ["ft"], "start": [0]}))


# --- actor salience ----------------------------------------------------------------------------------------


def test_actor_mentions_merge_role_and_name(corpus):
    m = actor_mentions(corpus)
    texts = corpus.articles["text"]
    for r in m.itertuples(index=False):
        assert texts[r.article_id][r.start : r.end] == r.mention
    assert "Russian president Vladimir Putin" in set(m[m["article_id"] == "independent"]["mention"])
    assert "the mayor of Kyiv, Vitali Klitschko" in set(m["mention"])
    assert not (m["kind"] == "media").any()
    # "a bomb in a parked car just outside Moscow" names a place, not the Russian state
    afp = m[m["article_id"] == "afp"]
    assert not ((afp["mention"] == "Moscow") & (afp["start"] > corpus.articles.loc["afp", "text"].index("parked car"))).any()
    assert len(actor_mentions(corpus, places=True)) > len(m)
    ushakov = m[(m["article_id"] == "cnn") & (m["mention"] == "Ushakov")].iloc[0]
    assert ushakov["subject"]  # "Ushakov, a former Russian ambassador to Washington, was part of the meeting"


def test_actor_salience_adds_up(corpus):
    m = actor_mentions(corpus)
    s = actor_salience(m, corpus)
    assert s.groupby("outlet")["mentions"].sum().to_dict() == m.groupby("outlet").size().to_dict()
    assert s["subject_share"].between(0, 1).all()
    assert (s["subject_mentions"] <= s["mentions"]).all()
    assert list(dict.fromkeys(s["outlet"])) == corpus.outlets
    cgtn = s[s["outlet"] == "CGTN"].set_index("actor")
    assert "Yaroslav Moskalik" not in cgtn.index
    top = actor_salience(m, corpus, top=3)
    assert top["actor"].nunique() == 3


# --- measured error rates ---------------------------------------------------------------------------------


def test_evaluation_table_reads_the_committed_results():
    results = framing.read_results()
    assert {"frac", "passives"} <= set(results)
    table = framing.evaluation_table(results)
    macro = table[(table["measure"] == "macro-F1") & table["label"].str.contains("lexicon")].iloc[0]
    assert macro["value"] > macro["baseline"]  # acceptance: the lexicon beats the majority class on macro-F1
    assert "held-out" in framing.evaluation_finding(results)
    assert "have not been run" in framing.evaluation_finding({})


def test_frames_evaluation_command(tmp_path, capsys):
    data = tmp_path / "frac.csv"
    rows = [("The tax costs families money.", 1), ("Doctors treated the disease in hospital.", 9),
            ("Soldiers and troops defended the border.", 8), ("Poll shows public support fell.", 12),
            ("The court ruled the law unconstitutional.", 5), ("The weather was mild.", 15)] * 4
    pd.DataFrame(rows, columns=["sentence", "label"]).drop_duplicates().to_csv(data, index=False)
    out = tmp_path / "results.json"
    assert eval_frames.main(["--data", str(data), "--split", "all", "--no-write"]) == 0
    assert "accuracy" in capsys.readouterr().out
    assert eval_frames.main(["--data", str(data), "--results", str(out)]) == 0
    assert eval_frames.main(["--data", str(tmp_path / "nope.csv")]) == 2
    assert "FrAC is not at" in capsys.readouterr().err
    assert eval_frames.split_of("a sentence") == eval_frames.split_of("a sentence")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Russia", "rejected", "accusation", "accus", "cease-fire", "peace", "deal", "50%",
                                 "a 40-year-old", "$5", "NOW", "Now", "it’s", "wrong", "the", "people", ",", "."]), max_size=40))
def test_fast_matching_equals_running_every_regex(words):
    text = " ".join(words)
    for name in ("generic", "policy"):
        s = load_scheme(name)
        assert s.matches(text) == s.matches_slow(text)


def test_fast_matching_equals_running_every_regex_on_the_seeds(corpus):
    for name in ("generic", "policy"):
        s = load_scheme(name)
        for text in corpus.articles["text"]:
            assert s.matches(text) == s.matches_slow(text)
