"""Prose about the bundled story stays beside the bundled corpus (analysis.site.report: the bundled-only rule)."""

from __future__ import annotations

import nbformat

from analysis.paths import BUNDLED_CORPUS, PROJ_ROOT
from analysis.site.report import BUNDLED_ONLY, _is_bundled, doc_notebook, drop_bundled_only, notebook_paths, site_title


def _nb():
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_markdown_cell("About the bundled story.", metadata={"tags": [BUNDLED_ONLY]}),
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": [BUNDLED_ONLY]}),  # only markdown cells are dropped
        nbformat.v4.new_code_cell("# YOUR ANSWERS\nMY_CALLS = [\n    (\"A · key\", \"loaded\"),\n]\nprint(1)", metadata={"tags": ["student-answers"]}),
    ])


def test_bundled_only_cells_are_dropped_on_another_corpus_and_kept_on_the_bundled_one():
    kept = drop_bundled_only(_nb(), bundled=True)
    assert len(kept.cells) == 4 and "(\"A · key\"" in kept.cells[3].source
    other = drop_bundled_only(_nb(), bundled=False)
    assert [c.source for c in other.cells[:2]] == ["# Title", "x = 1"]
    assert other.cells[2].source == "# YOUR ANSWERS\nMY_CALLS = []\nprint(1)"  # worked answers of the bundled corpus emptied


def test_a_document_splits_into_cells_at_the_markers():
    nb = doc_notebook("# Guide\n\nGeneral.\n\n<!-- bundled-only -->\n\nAnswers on the bundled corpus.\n\n<!-- /bundled-only -->\n\nMore.\n")
    assert [c.source for c in nb.cells] == ["# Guide\n\nGeneral.", "Answers on the bundled corpus.", "More."]
    assert [c.metadata.get("tags", []) for c in nb.cells] == [[], [BUNDLED_ONLY], []]
    assert [c.source for c in drop_bundled_only(nb, bundled=False).cells] == ["# Guide\n\nGeneral.", "More."]


def test_the_guides_markers_pair_up():
    text = (PROJ_ROOT / "docs" / "teachers-guide.md").read_text(encoding="utf-8")
    assert text.count("<!-- bundled-only -->") == text.count("<!-- /bundled-only -->") > 0
    nb = doc_notebook(text)
    assert not any("bundled-only" in c.source for c in nb.cells)


def test_every_notebook_cell_about_the_bundled_story_is_markdown():
    for path in notebook_paths():
        for c in nbformat.read(path, as_version=4).cells:
            if BUNDLED_ONLY in c.metadata.get("tags", []):
                assert c.cell_type == "markdown", path.name


def test_the_bundled_corpus_and_a_copy_of_it_are_the_bundled_one(tmp_path):
    assert _is_bundled(BUNDLED_CORPUS)
    (tmp_path / "metadata.csv").write_bytes((BUNDLED_CORPUS / "metadata.csv").read_bytes())
    assert _is_bundled(tmp_path)
    (tmp_path / "metadata.csv").write_text("article_id,outlet,file\n", encoding="utf-8")
    assert not _is_bundled(tmp_path)


def test_the_title_is_counted_from_the_corpus():
    assert site_title(5) == "five outlets, one story"
    assert site_title(1) == "one outlet, one story" and site_title(40) == "40 outlets, one story"
