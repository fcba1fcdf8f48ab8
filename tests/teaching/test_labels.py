"""The student's answers: matched to the items by key, normalised to the tool's labels, saved for a teacher."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import teaching
from analysis.paths import BUNDLED_CORPUS
from analysis.teaching import LabelError
from tests.teaching.helpers import items_table, worked_answers


def test_answers_are_matched_by_key_or_by_the_start_of_the_text():
    items = items_table([("Ushakov said the meeting had brought the US closer", "x"), ("“Vladimir, STOP!” he wrote", "y")])
    answers = [
        ("x · ushakov  said the meeting had", "a"),  # case and spacing do not matter
        ('X · "Vladimir, STOP!" he wrote', "b"),  # straight quotes match curly ones
        ("Y · something from another corpus", "c"),
    ]
    table = teaching.attach_answers(items, answers)
    assert list(table["student"]) == ["a", "b"]
    assert table.attrs["unmatched"] == 1
    assert "student" not in items.columns  # the items are not changed


def test_answer_errors_say_what_to_do():
    items = items_table([("first item text here now", "yes")])
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
    assert teaching.frame_answer(None) is None
    assert teaching.frame_answer("human interest") == "Human interest" and teaching.frame_answer("none") == teaching.NO_FRAME
    assert teaching.frame_answer("responsibility") == "Responsibility"
    bundled = teaching.speaker_normaliser(BUNDLED_CORPUS)  # the names of the bundled corpus's register
    assert bundled("Trump") == "Donald Trump" and bundled("Mr Zelensky") == "Volodymyr Zelensky"
    assert teaching.speaker_answer("Trump") == "Trump"  # the package's register names no person
    assert teaching.speaker_answer("a European official") == "a European official"
    assert teaching.speaker_answer("none") == "" and teaching.speaker_answer(None) is None
    assert teaching.verb_answer("  Quoted as  saying ") == "quoted as saying" and teaching.verb_answer("-") == ""
    assert teaching.wire_answer("Wire") == teaching.WIRE and teaching.wire_answer("quotation") == teaching.NOT_WIRE
    assert teaching.loaded_answer("yes") == teaching.LOADED and teaching.loaded_answer("neutral") == teaching.NOT_LOADED


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
    items = teaching.attach_answers(items_table([("first item text here now", "yes")]), [("X · first item text", "no")])
    line = teaching.save_check(items, "tab-check", tmp_path)
    saved = pd.read_csv(tmp_path / "tab-check.csv")
    assert "tab-check.csv (1 rows" in line
    assert list(saved.columns) == ["item", "key", "article_id", "outlet", "start", "end", "text", "machine", "student"]
