"""analysis.topics.coverage: the coverage matrix, what one outlet alone tells, what one leaves out."""

from __future__ import annotations

from analysis import topics
from analysis.topics import coverage
from tests.corpus_folders import write_corpus
from tests.topics.helpers import element_of


def test_coverage_matrix_and_lists_on_a_small_story(small_story):
    e = topics.story_elements(small_story)
    cov = coverage.coverage_matrix(e, small_story)
    assert len(cov) == e["element"].nunique() * 3
    collapse = element_of(e, "Four workers were killed")
    row = cov[(cov["element"] == collapse) & (cov["outlet"] == "Beta Daily")].iloc[0]
    assert row["present"] and row["first_sentence"] == 0 and row["position"] == 0
    absent = cov[~cov["present"]]
    assert absent["first_sentence"].isna().all() and absent["position"].isna().all()

    only = coverage.single_outlet_elements(e, small_story.outlets)
    assert set(zip(only["outlet"], only["text"])) >= {
        ("Beta Daily", "Engineers had warned in March that rust was eating the bridge's steel girders."),
        ("Gamma Post", "Parliament will open an inquiry into the collapse next week, the transport minister announced."),
    }
    om = coverage.omissions(e, small_story.outlets)
    # The rescue is told by Alpha and Beta: Gamma, the only other outlet, leaves it out.
    rescue = element_of(e, "Divers rescued")
    assert ("Gamma Post", rescue) in set(zip(om["left out by"], om["element"]))
    assert ("Beta Daily", element_of(e, "promised the city")) in set(zip(om["left out by"], om["element"]))
    assert not (om["element"] == collapse).any()
    wide = coverage.coverage_wide(cov)
    assert list(wide.columns) == small_story.outlets
    assert "—" in wide.to_numpy()


def test_omissions_on_the_seeds_name_cgtn_for_the_car_bomb(corpus):
    e = topics.story_elements(corpus)
    om = coverage.omissions(e, corpus.outlets)
    bomb = element_of(e, "car bombing outside a residential")
    assert ("CGTN", bomb) in set(zip(om["left out by"], om["element"]))
    only = coverage.single_outlet_elements(e, corpus.outlets)
    assert element_of(e, "Pavlohrad overnight") in set(only.loc[only["outlet"] == "FT (probable)", "element"])


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
