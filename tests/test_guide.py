"""The teacher's guide (docs/teachers-guide.md) states the numbers the code computes on the bundled corpus.

The guide gives teachers the answers to the exercises, so its numbers must be the ones the
notebooks show. Each test finds a sentence of the guide by a pattern and recomputes its numbers
with the package's functions (and, for the "Check the machine" exercises, with the worked
answers stored in the workbooks), as tests/test_packaging.py does for the README.
"""

from __future__ import annotations

import re

import pytest

from analysis import teaching
from analysis.paths import BUNDLED_CORPUS, PROJ_ROOT
from analysis.site.report import doc_paths, notebook_paths
from tests.teaching.helpers import worked_answers

GUIDE = PROJ_ROOT / "docs" / "teachers-guide.md"


@pytest.fixture(scope="module")
def guide() -> str:
    return " ".join(GUIDE.read_text(encoding="utf-8").split())  # one line: sentences wrap in the file


def find(guide: str, pattern: str) -> re.Match:
    m = re.search(pattern, guide)
    assert m, f"the teacher's guide no longer says: {pattern}"
    return m


def test_the_guide_is_a_page_of_the_site_with_a_lesson_per_notebook(guide):
    assert GUIDE in doc_paths()
    assert GUIDE.read_text(encoding="utf-8").startswith("# Teacher's guide\n")
    for path in notebook_paths():
        assert f"notebooks/{path.name}" in guide, f"the guide has no lesson plan for {path.name}"
    headings = re.findall(r"^#{2,3} (.+)$", GUIDE.read_text(encoding="utf-8"), flags=re.M)
    for h in headings:  # simple text, so that the anchors the page gets are simple too
        assert re.fullmatch(r"[A-Za-z0-9 ,:'-]+", h), h


def test_corpus_figures(guide, corpus):
    from analysis.corpus import corpus_summary

    m = find(guide, r"The corpus holds (\d+) articles, (\d+) sentences and ([\d,]+) words")
    summary = corpus_summary(corpus)
    assert (int(m[1]), int(m[2]), int(m[3].replace(",", ""))) == (
        len(corpus.articles), len(corpus.sentences()), int(summary["words"].sum())
    )
    assert int(find(guide, r"Cleaning removes (\d+) lines")[1]) == len(corpus.audit)


def test_measured_error_rates(guide):
    frac = teaching.measured_rates("framing").set_index("label")["value"]
    m = find(guide, r"agrees with trained annotators on (\d+)% of (\d+) held-out sentences \(always answering the most common frame gives (\d+)%\)")
    assert int(m[1]) == round(100 * frac["policy frame of a sentence"].iloc[0])
    assert int(m[3]) == round(100 * frac["always the most common frame (baseline)"])
    quotes = teaching.measured_rates("sourcing").set_index("label")["value"]
    m = find(guide, r"PolNeAR dev, 84 articles: recall ([\d.]+), precision ([\d.]+), speaker (\d+)%, verb (\d+)%")
    assert (float(m[1]), float(m[2])) == (round(quotes["quote found"].iloc[0], 2), round(quotes["quote found"].iloc[1], 2))
    assert (int(m[3]), int(m[4])) == (round(100 * quotes["speaker of a quote"]), round(100 * quotes["reporting verb of a quote"]))
    topics = teaching.measured_rates("coverage")["value"].tolist()
    m = find(guide, r"NMI ([\d.]+), adjusted Rand index ([\d.]+) against the editors' sections")
    assert (float(m[1]), float(m[2])) == (round(topics[0], 2), round(topics[1], 2))


def test_loaded_word_figures_match_the_committed_evaluation(guide):
    table = teaching.measured_rates("word choice")
    if table.empty:
        pytest.skip("analysis/data/evaluation_loaded.json is not committed yet; the guide's BASIL figures were "
                    "measured with `python -m analysis.evaluate loaded`")
    m = find(guide, r"span precision ([\d.]+), recall ([\d.]+)")
    assert (float(m[1]), float(m[2])) == tuple(round(v, 3) for v in table["value"].tolist()[:2])


@pytest.mark.parametrize(
    "name, make, unit",
    [
        ("01a-framing-workbook.ipynb", teaching.frame_items, "sentences"),
        ("02a-word-choice-workbook.ipynb", teaching.loaded_items, "words"),
        ("04a-coverage-workbook.ipynb", teaching.passage_items, "passages"),
    ],
)
def test_check_the_machine_answers(guide, corpus, name, make, unit):
    """The agreement the guide reports is the one the workbook computes from its worked answers."""
    normalise = {"01a": teaching.frame_answer, "02a": teaching.loaded_answer, "04a": teaching.wire_answer}[name[:3]]
    check = teaching.attach_answers(make(corpus), worked_answers(name), normalise={"student": normalise})
    r = teaching.agreement(list(check["student"]), list(check["machine"]))
    m = find(guide, rf"The authors' worked answers agree with the machine on (\d+) of (\d+) {unit} \((\d+)%\),? (?:Cohen's )?kappa ([\d.]+)")
    assert (int(m[1]), int(m[2]), int(m[3]), float(m[4])) == (
        r["agreed"], r["items"], round(r["percent_agreement"]), round(r["kappa"], 2)
    )
    low, high = teaching.wilson_interval(r["agreed"], r["items"])
    after = guide[m.end():m.end() + 200]
    assert f"from {low:.0%} to {high:.0%}" in after


def test_check_the_machine_answers_for_quotes(guide, corpus):
    check = teaching.attach_answers(
        teaching.quote_items(corpus), worked_answers("03a-sourcing-workbook.ipynb"), columns=["s", "v"],
        normalise={"s": teaching.speaker_normaliser(BUNDLED_CORPUS), "v": teaching.verb_answer},
    )
    speakers = teaching.agreement(list(check["s"]), list(check["speaker"]))
    verbs = teaching.agreement(list(check["v"]), list(check["verb"]))
    m = find(guide, r"agree with the machine on the speaker of (\d+) of (\d+) quotes and on the reporting verb of (\d+) of (\d+)")
    assert (int(m[1]), int(m[2]), int(m[3]), int(m[4])) == (speakers["agreed"], speakers["items"], verbs["agreed"], verbs["items"])


def test_lesson_answers(guide, corpus):
    from analysis import framing, topics
    from analysis.topics import reuse

    generic = framing.frame_scores(corpus, scheme="generic")
    c = teaching.frame_contrast(framing.frame_summary(generic, corpus, scheme="generic"))
    m = find(guide, r"The outlets differ most on human interest: (\d+)% of The Independent's sentences carry its cues against (\d+)% of CNN's")
    assert (c["frame"], c["high"], c["low"]) == ("Human interest", "The Independent", "CNN")
    assert (int(m[1]), int(m[2])) == (round(100 * c["high_share"]), round(100 * c["low_share"]))

    top = teaching.top_distinctive_term(corpus)
    m = find(guide, r"The highest is \"(\w+)\" in The Independent \(z = ([\d.]+): (\d+) times")
    assert (m[1], float(m[2]), int(m[3])) == (top["term"], round(top["z"], 2), top["count"])
    assert top["outlet"] == "The Independent"

    passages = reuse.shared_passages(corpus)
    kinds = passages["kind"].value_counts()
    m = find(guide, r"(\d+) passages are shared nearly word for word between two outlets: (\d+) shared quotations, (\d+) shared narration and (\d+) quoted by one")
    assert [int(x) for x in m.groups()] == [
        len(passages), kinds.get("shared quotation", 0), kinds.get("shared narration", 0), kinds.get("quoted by one only", 0)
    ]

    elements = topics.story_elements(corpus)
    told = elements.dropna(subset=["element"])
    m = find(guide, r"the (\d+) body sentences fall into (\d+) elements, (\d+) of them told by two outlets or more")
    per_element = told.groupby("element")["outlet"].nunique()
    n_sentences = len(told[["article_id", "sentence"]].drop_duplicates())  # a sentence may tell several elements
    assert [int(x) for x in m.groups()] == [n_sentences, told["element"].nunique(), int((per_element >= 2).sum())]
