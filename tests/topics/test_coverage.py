"""analysis.topics.coverage: the coverage matrix, what one outlet alone tells, what one leaves out."""

from __future__ import annotations

import numpy as np

from analysis import topics
from analysis.topics import coverage
from tests.corpus_folders import write_corpus
from tests.topics.helpers import elements_of, outlets_in


def test_most_of_the_others():
    assert [coverage.most_of(n) for n in (1, 2, 3, 4, 5, 6)] == [1, 2, 2, 3, 3, 4]


def test_coverage_matrix_and_lists_on_a_small_story(small_story):
    e = topics.story_elements(small_story)
    cov = coverage.coverage_matrix(e, small_story)
    assert len(cov) == e["element"].nunique() * 3
    collapse = next(c for c in elements_of(e, "Four workers were killed") if len(outlets_in(e, c)) == 3)
    row = cov[(cov["element"] == collapse) & (cov["outlet"] == "Beta Daily")].iloc[0]
    assert row["present"] and row["first_sentence"] == 0 and row["position"] == 0
    absent = cov[~cov["present"]]
    assert absent["first_sentence"].isna().all() and absent["position"].isna().all()
    om = coverage.omissions(e, small_story.outlets)
    assert not (om["element"] == collapse).any()
    # Every omission is of an element most of the others tell, with the counts stated.
    assert (om["told by"] >= om["others"].map(coverage.most_of)).all()
    assert not any(o in c.split(", ") for o, c in zip(om["left out by"], om["covered by"]))
    wide = coverage.coverage_wide(cov)
    assert list(wide.columns) == small_story.outlets


def test_strict_single_outlet_elements_have_no_other_outlet_near(corpus):
    e = topics.story_elements(corpus)
    loose = coverage.single_outlet_elements(e, corpus.outlets, strict=False)
    strict = coverage.single_outlet_elements(e, corpus.outlets)
    assert set(strict["element"]) <= set(loose["element"])
    assert (strict["near_outlets"] == "").all() and (strict["sentences"] >= 2).all()
    # The FT's Pavlohrad strike is told in words no other outlet uses, but other outlets' strikes come near it.
    pav = elements_of(e, "Pavlohrad overnight")
    assert pav & set(loose.loc[loose["outlet"] == "FT (probable)", "element"])


def test_omissions_are_never_about_an_outlet_that_comes_near(corpus):
    e = topics.story_elements(corpus)
    om = coverage.omissions(e, corpus.outlets)
    table = coverage.element_table(e, corpus.outlets)
    for r in om.itertuples(index=False):
        assert r[0] not in table.loc[r.element, "near_outlets"].split(", ")


def test_one_outlet_corpus_is_handled_in_plain_words(tmp_path):
    one = write_corpus(tmp_path / "one", {"x": ("Solo", ["The bridge fell on Monday.", "Two divers found survivors in the river."])})
    e = topics.story_elements(one)
    assert e["element"].notna().all()
    assert coverage.omissions(e, one.outlets).empty
    assert "has one" in coverage.coverage_finding(e, one.outlets)
    assert "has one" in coverage.omission_finding(e, one.outlets)
    fig = coverage.coverage_figure(coverage.coverage_matrix(e, one))
    assert fig.axes[0].get_title(loc="left").startswith("No element")


def test_coverage_figure_has_a_row_per_shared_element(corpus):
    e = topics.story_elements(corpus)
    cov = coverage.coverage_matrix(e, corpus)
    fig = coverage.coverage_figure(cov)
    shared = (cov.groupby("element")["present"].sum() >= 2).sum()
    assert len(fig.axes[0].get_yticklabels()) == shared
    assert [t.get_text().replace("\n", " ") for t in fig.axes[0].get_xticklabels()] == corpus.outlets


def test_an_element_that_is_not_cohesive_grounds_no_omission(small_story):
    e = topics.story_elements(small_story)
    om = coverage.omissions(e, small_story.outlets)
    table = coverage.element_table(e, small_story.outlets)
    assert om.empty or (table.loc[om["element"], "cohesion"].fillna(1) >= e["threshold"].iloc[0]).all()
    # The same table with every element's cohesion lowered: no omission can be claimed.
    loose = e.assign(cohesion=e["cohesion"].where(e["cohesion"].isna(), 0.01))
    assert coverage.omissions(loose, small_story.outlets).empty or not coverage.omissions(loose, small_story.outlets)[
        "told by"].gt(1).any()


def test_an_outlet_with_the_elements_names_and_numbers_is_near(tmp_path):
    """Gamma retells the collapse with its names and number: near. Delta has the names but not the number: not near."""
    from analysis.topics.elements import _anchor_near

    story = write_corpus(tmp_path / "s", {
        "a": ("Alpha", ["The Tamber bridge in Ostrava collapsed on Monday, killing 14 workers."]),
        "b": ("Beta", ["The Tamber bridge in Ostrava collapsed on Monday and 14 workers were killed."]),
        "c": ("Gamma", ["Ostrava has mourned the 14 dead of Tamber since Monday."]),
        "d": ("Delta", ["Ostrava has mourned the dead of Tamber since Monday."]),
    })
    g = topics.element_graph(story)
    near = _anchor_near(g, np.array([0, 0, 1, 2]))
    assert near[0] == {"Alpha", "Beta", "Gamma"}
