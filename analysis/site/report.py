"""The main job: execute every notebook against a corpus and render a static HTML site.

``python -m analysis report [--corpus DIR] [--out DIR]`` calls :func:`run_report`. Each notebook
in ``notebooks/`` runs top to bottom in a fresh kernel, with its cell tagged ``parameters``
followed by an injected cell (tagged ``injected-parameters``, as papermill does) that sets
``CORPUS`` and ``OUTPUT_DIR``. The executed notebooks, their figures and CSVs, and one HTML page
per notebook plus an index go into the output folder. The pages load nothing from outside that
folder. The notebooks in ``notebooks/`` are never modified by a report.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..corpus.formats import prepare_report_corpus
from ..corpus.story import load_story
from ..errors import ReportError
from ..paths import BUNDLED_CORPUS, DOCS_DIR, IN_CHECKOUT, NOTEBOOKS_DIR, PACKAGE_DIR

__all__ = [
    "BUNDLED_ONLY",
    "describe",
    "doc_notebook",
    "doc_paths",
    "drop_bundled_only",
    "execute_in_place",
    "execute_notebook",
    "inject_parameters",
    "KERNEL_TIMEOUT",
    "notebook_paths",
    "NotebookPage",
    "render_html",
    "run_report",
    "site_title",
    "STUDENT_ANSWERS",
    "TEMPLATES_DIR",
]

TEMPLATES_DIR = PACKAGE_DIR / "site" / "templates"
KERNEL_TIMEOUT = 1800

@dataclass
class NotebookPage:
    name: str
    title: str
    question: str
    kind: str = "notebook"  # or "doc": a markdown page from docs/

    @property
    def label(self) -> str:
        """Short label for the navigation bar: "01 Framing", or a document's title."""
        if self.kind == "doc":
            return self.title
        return self.name.split("-", 1)[0] + " " + self.title.split("·")[-1].strip()


def doc_paths(docs_dir: Path | None = None) -> list[Path]:
    """Markdown documents rendered as pages of the site (the teacher's guide), sorted by name."""
    folder = docs_dir or DOCS_DIR
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def notebook_paths(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks of the report, in reading order (their names start with a number)."""
    return sorted(p for p in notebooks_dir.glob("[0-9]*.ipynb") if not p.name.startswith("."))


def describe(nb: nbformat.NotebookNode, fallback: str) -> NotebookPage:
    """Title (the first '# ' heading) and question (the '**Question:**' line) of a notebook."""
    title, question = fallback, ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if not title or title == fallback:
                m = re.match(r"#\s+(.+)", line)
                if m:
                    title = m.group(1).strip()
            m = re.match(r"\*\*Question:?\*\*:?\s*(.+)", line)
            if m and not question:
                question = m.group(1).strip()
        if question:
            break
    return NotebookPage(name=fallback, title=title, question=question)


BUNDLED_ONLY = "bundled-only"
"""The tag of a markdown cell that speaks of the bundled story: the report drops it on any other corpus."""

STUDENT_ANSWERS = "student-answers"
"""The tag of a workbook's code cell that assigns the worked answers, a list, for the bundled corpus."""
_ANSWER_LIST = re.compile(r"^(\s*[A-Z_][A-Z0-9_]*\s*=\s*)\[.*?^\]", re.S | re.M)

_BUNDLED_BLOCK = re.compile(r"<!--\s*bundled-only\s*-->(.*?)<!--\s*/bundled-only\s*-->", re.S)


def drop_bundled_only(nb: nbformat.NotebookNode, *, bundled: bool) -> nbformat.NotebookNode:
    """Remove the markdown cells tagged ``bundled-only`` unless the corpus is the bundled one.

    Prose about the bundled story (its outlets, people, what it shows) belongs only beside the
    bundled corpus's results; on another corpus the page keeps the computed findings alone. Likewise
    the worked answers in a workbook's cell tagged ``student-answers`` (they name the bundled
    corpus's sentences) become an empty list there, for a class to fill in.
    """
    if not bundled:
        nb.cells = [c for c in nb.cells if not (c.cell_type == "markdown" and BUNDLED_ONLY in c.get("metadata", {}).get("tags", []))]
        for c in nb.cells:
            if c.cell_type == "code" and STUDENT_ANSWERS in c.get("metadata", {}).get("tags", []):
                c.source = _ANSWER_LIST.sub(r"\1[]", c.source)
    return nb


def doc_notebook(text: str) -> nbformat.NotebookNode:
    """A markdown document as a notebook of markdown cells: each block between ``<!-- bundled-only -->``
    and ``<!-- /bundled-only -->`` (answers on the bundled corpus) becomes a cell tagged ``bundled-only``."""
    cells, at = [], 0
    for m in _BUNDLED_BLOCK.finditer(text):
        if text[at : m.start()].strip():
            cells.append(nbformat.v4.new_markdown_cell(text[at : m.start()].strip("\n")))
        cells.append(nbformat.v4.new_markdown_cell(m.group(1).strip("\n"), metadata={"tags": [BUNDLED_ONLY]}))
        at = m.end()
    if text[at:].strip():
        cells.append(nbformat.v4.new_markdown_cell(text[at:].strip("\n")))
    return nbformat.v4.new_notebook(cells=cells)


def _is_bundled(folder: Path) -> bool:
    """The bundled corpus, or a copy of it (the same ``metadata.csv``, byte for byte)."""
    mine, theirs = Path(folder) / "metadata.csv", BUNDLED_CORPUS / "metadata.csv"
    if Path(folder).resolve() == BUNDLED_CORPUS.resolve():
        return True
    try:
        return theirs.is_file() and mine.read_bytes() == theirs.read_bytes()
    except OSError:
        return False


_NUMBER_WORDS = "no one two three four five six seven eight nine ten eleven twelve".split()


def site_title(n_outlets: int) -> str:
    """The contents page's title, from the corpus: "five outlets, one story" (numbers past twelve in digits)."""
    n = _NUMBER_WORDS[n_outlets] if n_outlets < len(_NUMBER_WORDS) else f"{n_outlets:,}"
    return f"{n} outlet{'s' if n_outlets != 1 else ''}, one story"


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> None:
    """Insert a cell setting ``parameters`` after the cell tagged ``parameters``."""
    source = "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell["id"] = "injected-parameters"
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return
    raise ReportError(
        "The notebook has no cell tagged 'parameters'; tag the cell that sets CORPUS and OUTPUT_DIR "
        "(View > Cell toolbar > Tags in Jupyter) so the report can point it at another corpus."
    )


def execute_notebook(nb: nbformat.NotebookNode, name: str, *, cwd: Path = NOTEBOOKS_DIR) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` in a fresh kernel; on error name the notebook and the cell."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    client = NotebookClient(
        nb, timeout=KERNEL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    # The kernel's own stderr (a warning about TCP transport on every start) is not for readers;
    # errors in cells reach us through the notebook protocol.
    with client.setup_kernel(cwd=str(cwd), stderr=subprocess.DEVNULL):
        # Cells are numbered as in the notebook file, so the injected parameter cell is not counted.
        cell_no = code_no = 0
        for index, cell in enumerate(nb.cells):
            injected = "injected-parameters" in cell.metadata.get("tags", [])
            if not injected:
                cell_no += 1
                code_no += cell.cell_type == "code"
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as exc:
                first = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
                where = "the injected parameter cell (" if injected else f"cell {cell_no} (code cell {code_no}, "
                raise ReportError(
                    f"{name} failed in {where}which starts {first.strip()[:60]!r}): "
                    f"{exc.ename}: {exc.evalue}"
                ) from None
    return nb


def render_html(
    nb: nbformat.NotebookNode,
    *,
    nav: str,
    footer: str,
    banner: str = "",
    fold_code: bool = False,
    link_filter: Callable[[str], str] | None = None,
    exclude_input: bool = False,
    root: str = "",
    body_class: str = "",
) -> str:
    """Render an executed notebook as a page of the site (see ``templates/samestory``).

    Args:
        nb: the notebook (as arranged for the page: :mod:`analysis.site.findings`).
        nav: the sidebar (:func:`analysis.site.layout.sidebar`); "" for none.
        footer: HTML of the footer links.
        banner: HTML shown above the first cell (the teacher's edition's note).
        fold_code: fold every code cell behind "Show code" (pages for readers).
        link_filter: applied to the HTML of every Markdown cell and output (glossary links).
        exclude_input: leave all code out (the handouts).
        root: the way back to the site folder from the page ("../" for the handouts).
        body_class: more classes for ``<body>`` (starting with a space).
    """
    from .layout import head_links

    exporter = _exporter(exclude_input)
    _LINK_FILTER[0] = link_filter or (lambda html: html)
    body, _ = exporter.from_notebook_node(
        nb,
        resources={
            "samestory_head": head_links(root),
            "samestory_sidebar": nav,
            "samestory_footer": footer,
            "samestory_banner": banner,
            "samestory_fold_code": fold_code,
            "samestory_root": root,
            "samestory_body_class": (" ss-reader" if fold_code else "") + body_class,
        },
    )
    return body


_EXPORTERS: dict[bool, object] = {}
_LINK_FILTER: list[Callable[[str], str]] = [lambda html: html]


def _exporter(exclude_input: bool):
    """The page exporter (one per process and kind: loading its templates takes a while)."""
    if exclude_input not in _EXPORTERS:
        from nbconvert import HTMLExporter

        from traitlets.config import Config

        config = Config()
        # Cell tags as in Jupyter Book: remove-cell / remove-input / remove-output drop those parts
        # from the page (hide-input folds the code instead: see the template).
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
        config.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
        config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
        exporter = HTMLExporter(config=config, template_name="samestory", extra_template_basedirs=[str(TEMPLATES_DIR)])
        if exclude_input:
            exporter.exclude_input = exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
        # The filter of the page being rendered (glossary links: each page keeps its own state).
        exporter.register_filter("ss_links", lambda html: _LINK_FILTER[0](html))
        _EXPORTERS[exclude_input] = exporter
    return _EXPORTERS[exclude_input]


def _nav(pages: list[NotebookPage], current: int | None) -> str:
    """The sidebar listing ``pages`` (the page at index ``current`` marked as the one shown)."""
    from .layout import SiteLink, sidebar

    links = [SiteLink("index.html", "Contents", "Start here")]
    links += [SiteLink(f"{p.name}.html", p.label, "Lessons" if p.kind == "notebook" else "For teachers") for p in pages]
    return sidebar(links, None if current is None else f"{pages[current].name}.html")


def _footer(pages: list[NotebookPage], i: int) -> str:
    from .layout import footer_links

    return footer_links(pages, i)


def run_report(
    corpus: str | Path | None = None,
    out: str | Path = "site",
    *,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    progress: Callable[[str], None] | None = print,
    mapping: dict[str, str] | None = None,
    handouts: bool = True,
) -> Path:
    """Execute every notebook against ``corpus`` and write the site into ``out``.

    Args:
        corpus: a corpus folder, a CSV / JSON Lines / Parquet file, or a folder of saved web pages
            (see :mod:`analysis.corpus.formats`); None means the bundled corpus.
        mapping: for a file, package field -> its column (``{"text": "body"}``), as ``--map``.
        out: the site folder (created; files of an earlier report there are replaced).
        notebooks_dir: where the notebooks are.
        progress: called with one line per step; None for silence.
        handouts: write the handouts, one per lesson, and print them and the articles to PDF
            with headless Chromium (:mod:`analysis.site.editions`).

    Returns:
        The path of the site's ``index.html``.

    Raises:
        CorpusError: the corpus has problems (checked before any notebook runs).
        InputError: a file cannot be read as its format, or is of a kind the package does not read.
        ReportError: a notebook failed; the message names it and the cell.
        OutputError: ``out`` is inside the corpus folder (or the notebooks or the package), or is a
            file (checked before any notebook runs; nothing is written).
    """
    say = progress or (lambda _msg: None)
    paths = notebook_paths(notebooks_dir)  # before any folder is made
    if not paths:
        raise ReportError(f"No notebooks found in {notebooks_dir}; their names must start with a number.")
    # The corpus is read and checked (every problem listed) before any notebook runs; a file or a folder of
    # web pages is first written as a corpus folder inside out. Never into the input, the notebooks or the package.
    corpus_path, loaded, out, origin = prepare_report_corpus(corpus, out, mapping=mapping, protect=[notebooks_dir, PACKAGE_DIR])
    story = load_story(loaded)  # fails here, when the corpus's story file has problems, before any notebook
    bundled = _is_bundled(loaded.path)
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    figures = out / "figures"
    figures.mkdir(exist_ok=True)
    say(f"Corpus: {origin} ({len(loaded.articles)} articles, {len(loaded.outlets)} outlets)")

    executed, pages = [], []
    for i, path in enumerate(paths, 1):
        nb = drop_bundled_only(nbformat.read(path, as_version=4), bundled=bundled)
        # The kernel runs in the site folder, so the figures folder is given relative to it and no
        # path of the machine that built the site appears in the pages.
        inject_parameters(nb, {"CORPUS": str(corpus_path) if corpus_path else None, "OUTPUT_DIR": "figures"})
        t0 = time.perf_counter()
        say(f"[{i}/{len(paths)}] {path.name}: running ...")
        try:
            execute_notebook(nb, path.name, cwd=out)
        finally:
            nbformat.write(nb, out / "notebooks" / path.name)
        say(f"[{i}/{len(paths)}] {path.name}: done in {time.perf_counter() - t0:.1f} s")
        executed.append(nb)
        pages.append(describe(nb, path.stem))

    # Markdown documents (the teacher's guide) become pages of the site too, after the notebooks.
    for doc in doc_paths():
        nb = drop_bundled_only(doc_notebook(doc.read_text(encoding="utf-8")), bundled=bundled)
        page = describe(nb, doc.stem)
        page.kind = "doc"
        executed.append(nb)
        pages.append(page)

    from .build import build_site

    index = build_site(
        out,
        loaded,
        executed,
        pages,
        title=site_title(len(loaded.outlets)),
        story_title=story.title,
        corpus_label="the bundled corpus" if corpus_path is None else str(corpus_path),
        render=render_html,
        say=say,
        handouts=handouts,
    )
    say(f"Site written: {index}")
    return index


def execute_in_place(paths: list[Path] | None = None, *, progress: Callable[[str], None] | None = print) -> None:
    """Re-execute the project's notebooks on the bundled corpus and save them with their outputs.

    This is how the stored outputs that nbval checks are made: top to bottom, in a fresh kernel,
    with default parameters (execution counts 1, 2, 3 ...).
    """
    if not IN_CHECKOUT and not paths:
        raise ReportError(
            "samestory execute re-executes the stored notebooks of a repository checkout; this package "
            f"is installed ({PACKAGE_DIR}) and its notebooks are not to be changed. Run it from a clone, "
            "or use samestory report --corpus DIR --out SITE to run them on a corpus."
        )
    say = progress or (lambda _msg: None)
    for path in paths or notebook_paths():
        say(f"executing {path.name} ...")
        nb = nbformat.read(path, as_version=4)
        execute_notebook(nb, path.name, cwd=path.parent)
        nb.metadata.pop("widgets", None)
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(nb, path)
