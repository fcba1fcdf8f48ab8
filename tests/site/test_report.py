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
    """Scripts and stylesheets are files of the site, by relative path; nothing from a CDN."""
    import re

    for page in [*site.glob("*.html"), *site.glob("handouts/*.html")]:
        html = page.read_text()
        for ref in re.findall(r'<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]*)"', html):
            if ref.startswith("data:"):
                continue
            assert "://" not in ref and not ref.startswith("//"), (page.name, ref)
            assert (page.parent / ref).is_file(), (page.name, ref)
        assert "cdnjs" not in html and "cdn.jsdelivr" not in html and "unpkg.com" not in html, page.name


def test_report_matches_the_stored_notebooks(site):
    """The main job on the bundled corpus gives the same text outputs as the committed notebooks."""
    for path in notebook_paths():
        stored = nbformat.read(path, as_version=4)
        executed = nbformat.read(site / "notebooks" / path.name, as_version=4)
        assert text_outputs(executed) == text_outputs(stored), path.name


def test_report_twice_gives_identical_text_outputs(site, tmp_path):
    run_report(None, tmp_path / "again", progress=None, handouts=False)
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
    index = run_report(corpus, tmp_path / "site", progress=None, handouts=False)
    assert index.is_file()
    assert tree_digest(corpus) == before
    assert tree_digest(NOTEBOOKS_DIR) == notebooks_before
    nb = nbformat.read(tmp_path / "site" / "notebooks" / "00-corpus-tour.ipynb", as_version=4)
    assert "2 articles, 2 outlets" in str(text_outputs(nb))


def test_report_on_one_article_says_comparisons_need_two(tmp_path):
    corpus = tmp_path / "one"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    (corpus / "metadata.csv").write_text("\n".join((corpus / "metadata.csv").read_text().splitlines()[:2]) + "\n")
    run_report(corpus, tmp_path / "site", progress=None, handouts=False)
    nb = nbformat.read(tmp_path / "site" / "notebooks" / "00-corpus-tour.ipynb", as_version=4)
    assert "Comparisons across outlets need at least two outlets" in str(text_outputs(nb))
    assert (tmp_path / "site" / "story.html").is_file()


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


def test_alt_text_carries_the_main_values():
    """A bar chart's alt text gives each bar's category and value; a heatmap's the highest cell per row."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    import seaborn as sns

    from analysis.plots import alt_text

    fig, ax = plt.subplots()
    ax.barh(["Alpha", "Beta"], [3, 12.5])
    ax.set_title("Beta is longest")
    assert "values: Alpha 3, Beta 12.5" in alt_text(fig)
    fig, ax = plt.subplots()
    sns.heatmap(np.array([[0.1, 0.7], [0.4, 0.2]]), xticklabels=["conflict", "morality"], yticklabels=["A", "B"], ax=ax)
    alt = alt_text(fig)
    assert "A: highest morality 0.7" in alt and "B: highest conflict 0.4" in alt
    assert alt.count("highest cell per row") == 1  # the colour bar is not described again
    plt.close("all")


def test_outlet_colours_as_text_are_readable():
    from analysis.plots import OKABE_ITO, contrast_ratio, outlet_text_colors

    colours = outlet_text_colors([f"o{i}" for i in range(len(OKABE_ITO))])
    assert min(contrast_ratio(c) for c in colours.values()) >= 4.5
    assert contrast_ratio(OKABE_ITO[1]) < 3  # the orange itself is not


def test_parameter_code_is_folded_and_removed_cells_are_gone(site):
    for path in notebook_paths():
        html = (site / f"{path.stem}.html").read_text()
        assert html.count('<details class="ss-fold">') >= 2, path.name  # parameters + injected
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if "remove-cell" in cell.metadata.get("tags", []):
                first = cell.source.splitlines()[0]
                assert first not in html, (path.name, first)


# --- the reader's site (issue 15) ------------------------------------------------------------


def _stored():
    return {p.stem: nbformat.read(p, as_version=4) for p in notebook_paths()}


def test_student_pages_have_no_answer_and_teacher_pages_have_all(site):
    """Acceptance 4a: a workbook's student edition leaves out every cell tagged answer (its id and
    its outputs' text); the teacher's edition shows every cell, answers included."""
    import html as _html

    from analysis.site.editions import has_answers

    workbooks = {name: nb for name, nb in _stored().items() if has_answers(nb)}
    assert len(workbooks) >= 4
    for name, nb in workbooks.items():
        student = (site / f"{name}.html").read_text(encoding="utf-8")
        teacher = (site / f"{name}-teacher.html").read_text(encoding="utf-8")
        executed = nbformat.read(site / "notebooks" / f"{name}.ipynb", as_version=4)
        for cell in executed.cells:
            if cell.get("id") == "injected-parameters" or "remove-cell" in cell.metadata.get("tags", []):
                continue
            anchor = f'id="cell-id={cell.id}"'
            assert anchor in teacher, (name, cell.id)
            if "answer" in cell.metadata.get("tags", []):
                assert anchor not in student, (name, cell.id)
                for out in cell.get("outputs", []):
                    text = out.get("data", {}).get("text/markdown") or out.get("text") or ""
                    first = text.strip().splitlines()[0][:60] if text.strip() else ""
                    if first:
                        assert _html.escape(first, quote=False) not in student, (name, first)
            else:
                assert anchor in student, (name, cell.id)


def test_handouts_one_pdf_per_lesson(site):
    """Acceptance 4b: a handout per lesson (notebooks sharing a number) as HTML and PDF, without
    answers, and the articles as PDF."""
    import os

    from analysis.site.editions import chromium, has_answers, lesson_of

    lessons = sorted({lesson_of(p.stem) for p in notebook_paths()})
    html = sorted(p.stem for p in (site / "handouts").glob("lesson-*.html"))
    assert html == [f"lesson-{k}" for k in lessons]
    if chromium() is None and not os.environ.get("SAMESTORY_REQUIRE_BROWSER"):
        pytest.skip("Chromium is not installed: the report wrote the HTML handouts and skipped the PDFs")
    pdfs = sorted(p.stem for p in (site / "handouts").glob("lesson-*.pdf"))
    assert pdfs == html
    for pdf in [*(site / "handouts").glob("*.pdf")]:
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000, pdf.name
    assert (site / "handouts" / "articles.pdf").is_file()
    for name, nb in _stored().items():
        text = (site / "handouts" / f"lesson-{lesson_of(name)}.html").read_text(encoding="utf-8")
        for cell in nb.cells:
            shown = f'id="cell-id={name}-{cell.id}"' in text  # a workbook's cells on a handout carry its name
            if "answer" in cell.metadata.get("tags", []):
                assert not shown, (name, cell.id)
            elif has_answers(nb) and "parameters" not in cell.metadata.get("tags", []):
                assert shown or "remove-cell" in cell.metadata.get("tags", []), (name, cell.id)
        assert 'class="jp-CodeMirrorEditor' not in text, name  # no code


def test_findings_box_gathers_every_finding_cell(site):
    """Each page's findings box holds one item per output of its cells tagged finding, each linking to its cell."""
    import re

    from analysis.site.findings import FINDING_TAG, has_tag

    for name, nb in _stored().items():
        # The page is the student edition: a finding that is also a worked answer is on the teacher's page only.
        tagged = [c for c in nb.cells if has_tag(c, FINDING_TAG) and not has_tag(c, "answer")]
        html = (site / f"{name}.html").read_text(encoding="utf-8")
        if not tagged:
            assert 'class="ss-findings"' not in html, name
            continue
        box = re.search(r'<section[^>]*class="ss-findings".*?</section>', html, flags=re.S).group(0)
        for cell in tagged:
            assert f'href="#cell-id={cell.id}"' in box, (name, cell.id)
        assert html.index('class="ss-findings"') < html.index('class="jp-Cell jp-CodeCell'), name


def test_method_sections_come_after_the_findings_under_one_heading(site):
    import re

    from analysis.site.findings import METHOD_HEADING

    for name, nb in _stored().items():
        if not any(re.match(r"#+\s+How far to trust", c.source) for c in nb.cells if c.cell_type == "markdown"):
            continue
        html = (site / f"{name}.html").read_text(encoding="utf-8")
        assert html.index(METHOD_HEADING) > html.index('class="ss-findings"'), name
        trust = [m.start() for m in re.finditer(r"<h3[^>]*>How far to trust", html)]
        assert trust and all(t > html.index(METHOD_HEADING) for t in trust), name


def test_glossary_page_and_links(site):
    """The glossary is a page; terms on the lesson pages link to its entries, each at most once per page."""
    import re

    glossary = (site / "glossary.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<dt id="([^"]+)"', glossary))
    assert {"cohens-kappa", "frame", "lede", "story-element"} <= anchors
    linked = 0
    for p in notebook_paths():
        html = (site / f"{p.stem}.html").read_text(encoding="utf-8")
        targets = re.findall(r'class="ss-gl" href="glossary.html#([^"]+)"', html)
        assert len(targets) == len(set(targets)), p.stem
        assert set(targets) <= anchors, set(targets) - anchors
        linked += len(targets)
    assert linked > 20


def test_search_index_covers_every_page(site):
    import json

    raw = (site / "_static" / "search-index.js").read_text(encoding="utf-8")
    assert "</script" not in raw.lower()
    rows = json.loads(raw[raw.index("=") + 1 :].strip().rstrip(";"))
    assert {r[0] for r in rows} == {p.name for p in site.glob("*.html")}
    code = [r for r in rows if "inject_parameters" in r[4] or "OUTPUT_DIR =" in r[4]]
    assert not code, "code is not indexed"


def test_a_page_is_arranged_question_findings_rest_method_last():
    """On a small notebook: the first cell is cut after the question, the findings box follows it,
    the "How far to trust" section moves before the closing discussion under one heading."""
    from analysis.site import findings

    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(cells=[
        md("# 09 · Test\n\n**Question:** what?\n\n**Inputs:** a corpus."),
        md("## How far to trust the labels\n\nMeasured on data."),
        code("evaluation()", outputs=[nbformat.v4.new_output("display_data", data={"text/markdown": "Precision 0.9."})]),
        md("## Results"),
        code("finding()", metadata={"tags": ["finding"]},
             outputs=[nbformat.v4.new_output("display_data", data={"text/markdown": "**A** tells more than B."})]),
        md("## For discussion\n\n1. Why?"),
    ])
    for i, c in enumerate(nb.cells):
        c["id"] = f"c{i}"
    assert findings.split_question(nb)
    assert nb.cells[0].source.endswith("**Question:** what?") and nb.cells[1].source.startswith("**Inputs:**")
    assert findings.move_method_sections(nb) == 2
    heads = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("#")]
    assert heads == ["# 09 · Test", "## Results", f"## {findings.METHOD_HEADING}", "### How far to trust the labels", "## For discussion"]
    box = findings.findings_box(nb)
    assert "<strong>A</strong> tells more than B." in box and 'href="#cell-id=c4"' in box and "in “Results”" in box
    assert "Precision" not in box


def test_glossary_links_the_first_use_outside_code_links_and_headings():
    from analysis.site.glossary import link_terms, parse_glossary

    entries = parse_glossary("## Glossary\n\n**Lede.** The first sentence.\n\n**Normalised mutual information (NMI).** Shared information.\n")
    used: set[str] = set()
    html = "<h2>The lede</h2><p>A <code>lede</code> and <a href='x'>lede</a>; the ledes agree; nmi and NMI.</p>"
    out = link_terms(html, entries, href="glossary.html", used=used)
    assert out.count('class="ss-gl"') == 2
    assert '<h2>The lede</h2>' in out and "<code>lede</code>" in out
    assert '#lede" title="The first sentence.">ledes</a>' in out  # the plural, as the first use in prose
    assert "nmi and <a" in out  # an acronym matches in capitals only
    assert link_terms("<p>lede</p>", entries, href="glossary.html", used=used) == "<p>lede</p>"  # once per page
