"""The main job and the command line: site layout, determinism, failures named, corpus untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis.paths import BUNDLED_CORPUS, NOTEBOOKS_DIR, PROJ_ROOT
from analysis.site.report import ReportError, notebook_paths, run_report


def text_outputs(nb) -> list:
    """Every text output of a notebook (what nbval compares), PNG data left out."""
    outs = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "injected-parameters" in cell.metadata.get("tags", []):
            continue
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                outs.append((o.name, o.text))
            elif "data" in o:
                outs.append({k: v for k, v in o.data.items() if not k.startswith("image/")})
            elif o.output_type == "error":
                outs.append((o.ename, o.evalue))
    return outs


def tree_digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_has_index_and_one_page_per_notebook(site):
    names = [p.stem for p in notebook_paths()]
    assert (site / "index.html").is_file()
    index = (site / "index.html").read_text()
    for name in names:
        assert (site / f"{name}.html").is_file()
        assert f'href="{name}.html"' in index
        assert (site / "notebooks" / f"{name}.ipynb").is_file()
    assert (site / "figures" / "fig0-article-lengths.png").is_file()
    assert (site / "figures" / "fig0-article-lengths.csv").is_file()


def test_pages_load_nothing_from_outside(site):
    for page in site.glob("*.html"):
        html = page.read_text()
        assert "<script src=" not in html, page.name
        assert "cdnjs" not in html and "cdn.jsdelivr" not in html and "unpkg.com" not in html, page.name
        assert '<link rel="stylesheet" href="http' not in html, page.name


def test_report_matches_the_stored_notebooks(site):
    """The main job on the bundled corpus gives the same text outputs as the committed notebooks."""
    for path in notebook_paths():
        stored = nbformat.read(path, as_version=4)
        executed = nbformat.read(site / "notebooks" / path.name, as_version=4)
        assert text_outputs(executed) == text_outputs(stored), path.name


def test_report_twice_gives_identical_text_outputs(site, tmp_path):
    run_report(None, tmp_path / "again", progress=None)
    for path in notebook_paths():
        a = nbformat.read(site / "notebooks" / path.name, as_version=4)
        b = nbformat.read(tmp_path / "again" / "notebooks" / path.name, as_version=4)
        assert text_outputs(a) == text_outputs(b), path.name


def test_stored_notebooks_were_run_top_to_bottom():
    for path in notebook_paths():
        nb = nbformat.read(path, as_version=4)
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1)), path.name
        first = nb.cells[0]
        assert first.cell_type == "markdown" and "**Question:**" in first.source, path.name
        assert "**Inputs:**" in first.source and "**Outputs:**" in first.source, path.name
        for cell in nb.cells:
            for o in cell.get("outputs", []):
                assert o.output_type != "error", path.name
                assert not (o.output_type == "stream" and o.name == "stderr"), (path.name, o.text)


def test_report_on_another_corpus_leaves_it_and_the_notebooks_untouched(tmp_path):
    corpus = tmp_path / "mine"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    (corpus / "metadata.csv").write_text("\n".join((corpus / "metadata.csv").read_text().splitlines()[:3]) + "\n")
    before, notebooks_before = tree_digest(corpus), tree_digest(NOTEBOOKS_DIR)
    index = run_report(corpus, tmp_path / "site", progress=None)
    assert index.is_file()
    assert tree_digest(corpus) == before
    assert tree_digest(NOTEBOOKS_DIR) == notebooks_before
    nb = nbformat.read(tmp_path / "site" / "notebooks" / "00-corpus-tour.ipynb", as_version=4)
    assert "2 articles, 2 outlets" in str(text_outputs(nb))


def test_report_on_one_article_says_comparisons_need_two(tmp_path):
    corpus = tmp_path / "one"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    (corpus / "metadata.csv").write_text("\n".join((corpus / "metadata.csv").read_text().splitlines()[:2]) + "\n")
    run_report(corpus, tmp_path / "site", progress=None)
    nb = nbformat.read(tmp_path / "site" / "notebooks" / "00-corpus-tour.ipynb", as_version=4)
    assert "Comparisons across outlets need at least two outlets" in str(text_outputs(nb))


def test_report_refuses_a_bad_corpus_before_running_anything(tmp_path):
    from analysis.errors import CorpusError

    (tmp_path / "bad").mkdir()
    with pytest.raises(CorpusError, match="metadata.csv"):
        run_report(tmp_path / "bad", tmp_path / "site", progress=None)
    assert not (tmp_path / "site").exists()


def test_a_failing_notebook_is_named_with_its_cell(tmp_path):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 00 · Broken\n\n**Question:** does it fail well?"),
        nbformat.v4.new_code_cell("CORPUS = None\nOUTPUT_DIR = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("1 / 0"),
    ]
    nbformat.write(nb, nbdir / "00-broken.ipynb")
    with pytest.raises(ReportError) as err:
        run_report(None, tmp_path / "site", notebooks_dir=nbdir, progress=None)
    msg = str(err.value)
    assert "00-broken.ipynb" in msg and "cell 4 (code cell 3, which starts '1 / 0')" in msg and "ZeroDivisionError" in msg


def cli(*args, cwd=PROJ_ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_validate_good_and_bad(tmp_path):
    ok = cli("validate", str(BUNDLED_CORPUS))
    assert ok.returncode == 0 and "no problems" in ok.stdout
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "metadata.csv").write_text("article_id,outlet,file\na,A,missing.txt\na,B,b.txt\n")
    bad = cli("validate", str(tmp_path / "c"))
    assert bad.returncode == 1
    assert "missing.txt" in bad.stdout and "used again" in bad.stdout and "Traceback" not in bad.stdout + bad.stderr


def test_cli_report_on_bad_corpus_is_one_clear_error(tmp_path):
    (tmp_path / "c").mkdir()
    r = cli("report", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "site"))
    assert r.returncode == 1
    assert r.stderr.startswith("Error: The corpus at") and "metadata.csv" in r.stderr
    assert "Traceback" not in r.stderr


def test_every_figure_has_alt_text(site):
    """Figures carry a text alternative made from their title and axis labels."""
    import re

    for page in site.glob("*.html"):
        for img in re.findall(r"<img\b[^>]*>", page.read_text()):
            alt = re.search(r'alt="([^"]*)"', img)
            assert alt and alt.group(1).startswith("Figure. ") and len(alt.group(1)) > 20, (page.name, img[:80])


def test_parameter_code_is_folded_and_removed_cells_are_gone(site):
    for path in notebook_paths():
        html = (site / f"{path.stem}.html").read_text()
        assert html.count('<details class="ss-fold">') >= 2, path.name  # parameters + injected
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if "remove-cell" in cell.metadata.get("tags", []):
                first = cell.source.splitlines()[0]
                assert first not in html, (path.name, first)
