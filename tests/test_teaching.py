"""Agreement between hand labels and the tool: percent agreement and Cohen's kappa."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from analysis.teaching import LabelError, agreement, cohen_kappa, disagreements


def test_kappa_by_hand_two_labels():
    # 10 items. Student: yes x6, no x4. Tool: yes x5, no x5. Agree on 4 yes + 3 no = 7.
    student = ["yes"] * 6 + ["no"] * 4
    machine = ["yes"] * 4 + ["no"] * 2 + ["yes"] * 1 + ["no"] * 3
    # p_o = 7/10 = 0.7 ; p_e = (6*5 + 4*5) / 100 = 0.5 ; kappa = (0.7 - 0.5) / 0.5 = 0.4
    assert cohen_kappa(student, machine) == pytest.approx(0.4, abs=1e-12)
    result = agreement(student, machine)
    assert result["agreed"] == 7 and result["percent_agreement"] == pytest.approx(70.0)


def test_kappa_by_hand_three_labels():
    # Frames of 8 sentences. Agree on items 1, 2, 4, 5, 7 -> p_o = 5/8.
    student = ["conflict", "conflict", "economic", "conflict", "human", "economic", "human", "conflict"]
    machine = ["conflict", "conflict", "conflict", "conflict", "human", "human", "human", "economic"]
    # Student counts: conflict 4, economic 2, human 2. Tool: conflict 4, economic 1, human 3.
    # p_e = (4*4 + 2*1 + 2*3) / 64 = 24/64 ; kappa = (40/64 - 24/64) / (40/64) = 16/40 = 0.4
    assert cohen_kappa(student, machine) == pytest.approx(0.4, abs=1e-12)


def test_perfect_and_chance_agreement():
    assert cohen_kappa(list("abab"), list("abab")) == 1.0
    assert cohen_kappa(list("aaaa"), list("aaaa")) == 1.0
    # Complete disagreement on a balanced pair of labels: kappa = -1.
    assert cohen_kappa(list("abab"), list("baba")) == pytest.approx(-1.0)


LABELS = st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), min_size=1, max_size=40)


@pytest.mark.filterwarnings("ignore::UserWarning")  # scikit-learn on one-label samples
@settings(max_examples=300, deadline=None)
@given(LABELS)
def test_kappa_equals_scikit_learn(pairs):
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    expected = cohen_kappa_score(a, b)
    got = cohen_kappa(a, b)
    if math.isnan(expected):  # scikit-learn: 0/0 when both use one same label throughout
        assert got == 1.0 and a == b
    else:
        assert got == pytest.approx(expected, abs=1e-12)


def test_labels_are_compared_loosely():
    assert agreement(["Donald Trump", " the Kremlin"], ["donald  trump", "The Kremlin"])["agreed"] == 2


def test_disagreements_keep_the_text():
    items = pd.DataFrame(
        {"quote": ["A", "B", "C"], "student": ["Trump", "Putin", ""], "machine": ["Trump", "Ushakov", ""]}
    )
    out = disagreements(items)
    assert list(out["quote"]) == ["B"]


def test_errors_say_what_to_do():
    with pytest.raises(LabelError, match="different lengths"):
        agreement(["a"], ["a", "b"])
    with pytest.raises(LabelError, match="label at least one"):
        agreement([], [])
    with pytest.raises(LabelError, match="no column 'student'"):
        disagreements(pd.DataFrame({"x": [1]}))


# ---------------------------------------------------------------------------------------------
# Items, answers and the check (the workbooks' "Check the machine")

import ast  # noqa: E402
import json  # noqa: E402

import nbformat  # noqa: E402

from analysis import framing, teaching  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from analysis.paths import NOTEBOOKS_DIR  # noqa: E402
from analysis.topics.reuse import shared_passages  # noqa: E402
from analysis.wordchoice import LOADED_DETECTOR  # noqa: E402

TINY_A = (
    "The minister said the talks were “very useful” on Monday.\n\n"
    "Officials said a bridge was destroyed in a strike.\n\n"
    "Prices of bread rose sharply, traders said.\n"
)
TINY_B = (
    "Talks in the capital were “very useful”, the minister said.\n\n"
    "A bridge was destroyed overnight, officials said, in a strike that killed two people.\n"
)


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TINY_A, encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text(TINY_B, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "article_id,outlet,file\na,Outlet A,articles/a.txt\nb,<b>Outlet B</b>,articles/b.txt\n", encoding="utf-8"
    )
    return load_corpus(tmp_path)


def _items(texts, outlets=None):
    outlets = outlets or ["X"] * len(texts)
    rows = [{"article_id": "x", "outlet": o, "start": 0, "end": len(t), "text": t, "context": t, "mark_start": 0,
             "mark_end": len(t), "machine": m} for o, (t, m) in zip(outlets, texts)]
    return teaching.core._finish(rows, ["machine"])


def test_item_keys_are_short_and_unique():
    keys = teaching.item_keys(["A", "A", "B", "A"], [
        "one two three four five six seven eight", "one two three four five six nine ten", "one", "one",
    ])
    assert keys == [
        "A · one two three four five six seven", "A · one two three four five six nine", "B · one", "A · one",
    ]
    assert teaching.item_keys(["A", "A"], ["same words", "same words"]) == ["A · same words", "A · same words (2)"]


def test_answers_are_matched_by_key_or_by_the_start_of_the_text():
    items = _items([("Ushakov said the meeting had brought the US closer", "x"), ("“Vladimir, STOP!” he wrote", "y")])
    answers = [
        ("x · ushakov  said the meeting had", "a"),  # case and spacing do not matter
        ('X · "Vladimir, STOP!" he wrote', "b"),  # straight quotes match curly ones
        ("Y · something from another corpus", "c"),
    ]
    table = teaching.attach_answers(items, answers)
    assert list(table["student"]) == ["a", "b"]
    assert table.attrs["unmatched"] == 1
    assert "student" not in items.columns  # the items are not changed


def test_unanswered_items_are_left_out_of_the_agreement():
    items = _items([("first item text here now", "yes"), ("second item text here now", "no"), ("third one", "no")])
    table = teaching.attach_answers(items, [("X · first item text", "yes"), ("X · second item text", "yes")])
    assert list(teaching.answered(table)["item"]) == [1, 2]
    row = teaching.check_table(table, what="call").iloc[0]
    assert (row["items"], row["not answered"], row["agreed"], row["percent_agreement"]) == (2, 1, 1, 50.0)
    text = teaching.check_finding(table, what="call")
    assert "same call for 1 (50%)" in text and "1 item is not answered" in text
    # An empty string is an answer ("no speaker"); None is not.
    table.loc[2, "student"] = ""
    assert len(teaching.answered(table)) == 3


def test_nothing_answered_says_what_to_do_and_why():
    items = _items([("a sentence of another corpus", "x")])
    table = teaching.attach_answers(items, [("AFP · Ushakov said the meeting had brought", "y")])
    text = teaching.check_finding(table, what="frame", unit="sentence")
    assert "None of the 1 sentences has an answer yet" in text
    assert "written for the bundled corpus" in text
    row = teaching.check_table(table).iloc[0]
    assert row["items"] == 0 and math.isnan(row["kappa"])


def test_answer_errors_say_what_to_do():
    items = _items([("first item text here now", "yes")])
    with pytest.raises(LabelError, match="asks for 2"):
        teaching.attach_answers(items, [("X · first item", "a")], columns=["speaker", "verb"])
    with pytest.raises(LabelError, match="same item"):
        teaching.attach_answers(items, [("X · first item text", "a"), ("X · first item text here", "b")])


def test_answers_are_normalised_to_the_tools_labels():
    assert teaching.frame_answer(8) == "Security and defense"
    assert teaching.frame_answer("P14") == "External regulation and reputation"
    assert teaching.frame_answer("security_defense") == "Security and defense"
    assert teaching.frame_answer("legality, constitutionality and jurisprudence") == "Legality, constitutionality and jurisprudence"
    assert teaching.frame_answer("my own frame") == "my own frame"
    assert teaching.speaker_answer("Trump") == "Donald Trump"
    assert teaching.speaker_answer("Mr Zelensky") == "Volodymyr Zelensky"
    assert teaching.speaker_answer("a European official") == "a European official"
    assert teaching.speaker_answer("none") == "" and teaching.speaker_answer(None) is None
    assert teaching.verb_answer("  Quoted as  saying ") == "quoted as saying" and teaching.verb_answer("-") == ""
    assert teaching.wire_answer("Wire") == teaching.WIRE and teaching.wire_answer("quotation") == teaching.NOT_WIRE
    assert teaching.loaded_answer("yes") == teaching.LOADED and teaching.loaded_answer("neutral") == teaching.NOT_LOADED


def test_wilson_interval_matches_newcombe_1998():
    # Newcombe (1998), Statistics in Medicine 17, 857-872, Table I, method 3 (score interval).
    for (k, n), (low, high) in {(81, 263): (0.2553, 0.3662), (15, 148): (0.0624, 0.1605), (0, 20): (0.0, 0.1611),
                                (1, 29): (0.0061, 0.1718), (29, 29): (0.8830, 1.0)}.items():
        got = teaching.wilson_interval(k, n)
        assert got == pytest.approx((low, high), abs=5e-5)


def test_kappa_words_follow_landis_and_koch():
    assert [teaching.kappa_words(k) for k in (-0.2, 0.0, 0.13, 0.3, 0.5, 0.62, 0.95, 1.0)] == [
        "no more than chance", "no more than chance", "slight", "fair", "moderate", "substantial", "almost perfect",
        "almost perfect",
    ]


def test_several_labels_and_their_disagreements():
    items = _items([("first quote text is here", "Trump"), ("second quote text is here", "Putin")])
    items["verb"] = ["said", "told"]
    table = teaching.attach_answers(
        items, [("X · first quote", "Trump", "claimed"), ("X · second quote", "Putin", "told")],
        columns=["s", "v"], normalise={"v": teaching.verb_answer},
    )
    both = teaching.check_tables(table, {"speaker": ("s", "machine"), "verb": ("v", "verb")})
    assert list(both["compared"]) == ["speaker", "verb"] and list(both["agreed"]) == [2, 1]
    assert list(teaching.disagreements_any(table, [("s", "machine"), ("v", "verb")])["item"]) == [1]
    with pytest.raises(LabelError, match="at least one pair"):
        teaching.disagreements_any(table, [])


def test_confirmed_finding_is_the_precision_on_the_sample():
    items = _items([("one sentence text here", "loaded"), ("two sentence text here", "loaded"),
                    ("three sentence text here", "not loaded")])
    table = teaching.attach_answers(items, [("X · one sentence", "loaded"), ("X · two sentence", "not loaded"), ("X · three sentence", "loaded")])
    assert "Of the 2 items the tool calls “loaded”, you call 1 “loaded” (50%)" in teaching.confirmed_finding(table, label="loaded")


def test_html_escapes_article_text_and_outlet_names():
    items = _items([("<script>alert(1)</script> & more words", "x")], outlets=["<i>O</i>"])
    page = teaching.reading_html(items, colors={"<i>O</i>": "#000000"}, notes={"machine": "machine"})
    assert "<script>" not in page and "&lt;script&gt;" in page and "<i>O</i>" not in page
    assert "<mark>" in page
    page = teaching.sentences_html(items, notes=["machine"])
    assert "<script>" not in page and "&lt;i&gt;O&lt;/i&gt;" in page
    assert "nothing here" in teaching.reading_html(items.iloc[:0], empty="nothing here")


def test_items_from_a_tiny_corpus_point_into_the_text(tiny):
    frames = teaching.frame_items(tiny, n=10)
    assert len(frames) == len(tiny.sentences())  # fewer sentences than asked: all of them
    quotes = teaching.quote_items(tiny, n=10)
    assert set(quotes["text"]) <= {"very useful"}
    for table in (frames, quotes):
        for r in table.itertuples():
            assert tiny.articles.loc[r.article_id, "text"][r.start:r.end] == r.text
            assert r.context[r.mark_start:r.mark_end] == r.text


def test_passage_items_call_shared_narration_wire_copy(tiny):
    items = teaching.passage_items(tiny)
    assert len(items) == len(shared_passages(tiny))
    assert set(items["machine"]) <= {teaching.WIRE, teaching.NOT_WIRE}
    for r in items.itertuples():
        assert (r.machine == teaching.WIRE) == (r.kind == "shared narration")
        assert r.context[r.mark_start:r.mark_end] == r.text and r.context_b[r.mark_start_b:r.mark_end_b] == r.text_b


def test_one_outlet_and_no_passage_are_handled(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TINY_A, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("article_id,outlet,file\na,Solo,articles/a.txt\n", encoding="utf-8")
    solo = load_corpus(tmp_path)
    assert teaching.passage_items(solo).empty
    assert "no items" in teaching.reading_html(teaching.passage_items(solo))
    assert teaching.top_distinctive_term(solo) is None
    assert "one outlet" in teaching.distinctive_term_finding(None)
    summary = framing.frame_summary(framing.frame_scores(solo, "generic"), solo, scheme="generic")
    contrast = teaching.frame_contrast(summary)
    assert contrast["high"] == contrast["low"] == "Solo"
    assert "one outlet" in teaching.contrast_finding(contrast)


def test_frame_contrast_picks_the_widest_gap():
    summary = pd.DataFrame({
        "outlet": ["A", "B", "A", "B"], "frame": ["Conflict", "Conflict", "Morality", "Morality"],
        "share_of_sentences": [0.5, 0.4, 0.3, 0.0],
    })
    assert teaching.frame_contrast(summary) == {"frame": "Morality", "high": "A", "high_share": 0.3, "low": "B", "low_share": 0.0}


def test_with_sentences_joins_notes_per_sentence(tiny):
    text = tiny.articles.loc["b", "text"]
    rows = pd.DataFrame({"article_id": ["b", "b"], "start": [text.index("minister"), text.index("Talks")],
                         "note": ["minister", "talks"]})
    out = teaching.with_sentences(rows, tiny, notes=["note"])
    assert len(out) == 1 and out["note"].iloc[0] == "minister; talks"
    assert text[out["start"].iloc[0]:out["end"].iloc[0]] == out["text"].iloc[0]


# ---------------------------------------------------------------------------------------------
# On the seeds: the rules that pick the items, and the measured rates read from the committed files


def test_seed_frame_items_are_a_seeded_sample_in_reading_order(corpus):
    a, b = teaching.frame_items(corpus), teaching.frame_items(corpus)
    pd.testing.assert_frame_equal(a, b)
    assert len(a) == 10 and a["key"].is_unique
    order = {aid: i for i, aid in enumerate(corpus.articles.index)}
    positions = list(zip(a["article_id"].map(order), a["start"]))
    assert positions == sorted(positions)
    for r in a.itertuples():
        assert r.machine == framing.load_scheme("policy").labels[framing.classify(r.text, scheme="policy")]


def test_seed_quote_and_loaded_items(corpus):
    quotes = teaching.quote_items(corpus)
    assert len(quotes) == 10 and quotes["key"].is_unique
    for r in quotes.itertuples():
        assert corpus.articles.loc[r.article_id, "text"][r.start:r.end] == r.text
    words = teaching.loaded_items(corpus)
    assert len(words) == 10 and words["key"].is_unique
    assert (words["machine"] == teaching.LOADED).sum() == 5  # five of each side, as the rule says
    assert all((m == teaching.LOADED) == (c in LOADED_DETECTOR) for m, c in zip(words["machine"], words["category"]))
    for r in words.itertuples():
        assert r.context[r.mark_start:r.mark_end] == r.word and r.text.startswith(r.word)


def test_seed_passage_items_take_the_longest_passage_of_each_pair(corpus):
    items = teaching.passage_items(corpus)
    passages = shared_passages(corpus)
    pairs = passages.groupby(["article_a", "article_b"]).size()
    assert len(items) == min(10, len(passages)) and len(pairs) == 10  # five outlets: ten pairs, one passage each
    assert items.groupby(["article_id", "article_b"]).size().max() == 1
    longest = passages.groupby(["article_a", "article_b"])["words"].max()
    for r in items.itertuples():
        assert r.words == longest[(r.article_id, r.article_b)]


def test_measured_rates_come_from_the_committed_files():
    frac = json.loads((teaching.EVALUATION_FILES["framing"]).read_text())["frac"]
    table = teaching.measured_rates("framing")
    assert table["value"].iloc[0] == frac["lexicon"]["accuracy"]
    assert table["error"].iloc[0] == pytest.approx(1 - frac["lexicon"]["accuracy"])
    dev = json.loads(teaching.EVALUATION_FILES["sourcing"].read_text())["results"]["dev"]
    table = teaching.measured_rates("sourcing")
    assert set(table["value"]) == {dev["recall"], dev["precision"], dev["speaker_accuracy"], dev["cue_accuracy"]}
    assert f"about {round(dev['speaker_accuracy'] * 10)} speakers" in teaching.measured_finding("sourcing")
    assert "no error rate measured on outside data" in teaching.measured_finding("coverage")


def test_measured_rates_of_a_missing_or_written_word_choice_file(tmp_path):
    missing = tmp_path / "none.json"
    assert teaching.measured_rates("word choice", path=missing).empty
    assert "not in this installation" in teaching.measured_finding("word choice", path=missing)
    written = tmp_path / "evaluation_loaded.json"
    written.write_text(json.dumps({
        "command": "python -m analysis.evaluate loaded --write", "split": "test", "articles": 210, "lexical_spans": 329,
        "systems": [{"system": "loaded-word lists", "span_precision": 0.128, "span_recall": 0.249}],
    }))
    table = teaching.measured_rates("word choice", path=written)
    assert list(table["value"]) == [0.128, 0.249]
    assert "about 1 of 5 words" in teaching.measured_finding("word choice", n=5, path=written)


def worked_answers(name: str) -> list[tuple]:
    """The list assigned in a workbook's cell tagged ``student-answers``."""
    nb = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    cell = next(c for c in nb.cells if "student-answers" in c.metadata.get("tags", []))
    assign = next(n for n in ast.parse(cell.source).body if isinstance(n, ast.Assign))
    return ast.literal_eval(assign.value)


@pytest.mark.parametrize(
    "name, make, columns",
    [
        ("01a-framing-workbook.ipynb", teaching.frame_items, ["student"]),
        ("02a-word-choice-workbook.ipynb", teaching.loaded_items, ["student"]),
        ("03a-sourcing-workbook.ipynb", teaching.quote_items, ["speaker", "verb"]),
        ("04a-coverage-workbook.ipynb", teaching.passage_items, ["student"]),
    ],
)
def test_every_worked_answer_matches_an_item_of_the_bundled_corpus(corpus, name, make, columns):
    items = make(corpus)
    answers = worked_answers(name)
    table = teaching.attach_answers(items, answers, columns=[f"answer {c}" for c in columns])
    assert table.attrs["unmatched"] == 0, f"{name}: a worked answer no longer matches an item; relabel"
    assert len(teaching.answered(table, f"answer {columns[0]}")) == len(items)


def test_save_check_keeps_the_labels_and_drops_the_reading_columns(tmp_path):
    items = teaching.attach_answers(_items([("first item text here now", "yes")]), [("X · first item text", "no")])
    line = teaching.save_check(items, "tab-check", tmp_path)
    saved = pd.read_csv(tmp_path / "tab-check.csv")
    assert "tab-check.csv (1 rows" in line
    assert list(saved.columns) == ["item", "key", "article_id", "outlet", "start", "end", "text", "machine", "student"]
