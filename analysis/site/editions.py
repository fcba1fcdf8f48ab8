"""Editions: student and teacher pages of the workbooks, a printable handout per lesson, PDFs.

- A workbook (a notebook with cells tagged ``answer``: the authors' worked answers and the
  agreement they give) gets two pages: the **student edition** (``NAME.html``) without those
  cells, and the **teacher's edition** (``NAME-teacher.html``) with all of them, marked.
- Each **lesson** (the notebooks sharing a number: ``01-framing`` and ``01a-framing-workbook``)
  gets a **handout** to print (``handouts/lesson-01.html``): its question and findings, its
  discussion questions, and its workbook's exercises, without code and without answers.
- The handouts and the corpus's articles (``articles.html``) are printed to PDF by headless
  Chromium (``chromium --headless --print-to-pdf``), once per report. Without Chromium the HTML
  handouts are still written (any browser prints them) and the report says so; where the
  environment variable ``SAMESTORY_REQUIRE_BROWSER`` is set (CI), a missing Chromium is an error.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import nbformat

from ..errors import ReportError
from .findings import has_tag

__all__ = [
    "ANSWER_TAG",
    "CHROMIUM_FLAGS",
    "chromium",
    "discussion_cells",
    "has_answers",
    "lesson_of",
    "print_pdfs",
]

ANSWER_TAG = "answer"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)
_DISCUSS = re.compile(r"^(#{2,3}\s+.*(discuss|question|exercise)|\*\*Discuss)", re.I)


def has_answers(nb: nbformat.NotebookNode) -> bool:
    """Whether a notebook has cells tagged ``answer`` (and so a student and a teacher's edition)."""
    return any(has_tag(c, ANSWER_TAG) for c in nb.cells)


def lesson_of(name: str) -> str:
    """The lesson a notebook belongs to: the digits its name starts with ("01a-..." -> "01")."""
    m = re.match(r"(\d+)", name)
    return m.group(1) if m else name


def discussion_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The Markdown cells of a notebook's discussion and exercise sections (a heading that speaks
    of discussion, questions or exercises, to the next heading of another kind)."""
    out, inside = [], False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        text = cell.source.lstrip()
        if re.match(r"^#{1,3}\s", text) or text.startswith("**Discuss"):
            inside = bool(_DISCUSS.match(text))
        if inside:
            out.append(cell)
    return out


def chromium() -> str | None:
    """The Chromium (or Chrome) program on this machine, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdfs(pages: list[tuple[Path, Path]], *, say=None, parallel: int = 2) -> list[Path]:
    """Print HTML pages to PDF with headless Chromium, ``parallel`` at a time.

    Args:
        pages: (HTML file, PDF file) pairs.
        say: called with one line when Chromium is missing (the PDFs are then skipped).
        parallel: how many Chromium processes run at once.

    Returns:
        The PDFs written.

    Raises:
        ReportError: Chromium is missing where ``SAMESTORY_REQUIRE_BROWSER`` is set (CI), or a
            page could not be printed.
    """
    program = chromium()
    if program is None:
        message = ("Handouts as PDF need Chromium (apt-get install chromium); skipped. The HTML handouts "
                   "in handouts/ print from any browser.")
        if os.environ.get("SAMESTORY_REQUIRE_BROWSER"):
            raise ReportError(message.replace("; skipped", ", and SAMESTORY_REQUIRE_BROWSER is set"))
        if say:
            say(message)
        return []
    done: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="samestory-pdf-") as profile:
        queue = list(enumerate(pages))
        running: list[tuple[subprocess.Popen, Path, Path]] = []
        try:
            while queue or running:
                while queue and len(running) < parallel:
                    n, (html, pdf) = queue.pop(0)
                    pdf.parent.mkdir(parents=True, exist_ok=True)
                    cmd = [program, *CHROMIUM_FLAGS, f"--user-data-dir={Path(profile) / str(n)}",
                           f"--print-to-pdf={pdf}", html.resolve().as_uri()]
                    running.append((subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), html, pdf))
                proc, html, pdf = running.pop(0)
                try:
                    proc.wait(timeout=120)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                if not pdf.is_file() or pdf.stat().st_size == 0:
                    raise ReportError(f"Chromium could not print {html} to PDF ({program} exited with code {proc.returncode}).")
                done.append(pdf)
        finally:
            for proc, _, _ in running:  # after an error: no Chromium left behind
                proc.kill()
                proc.wait()
    return sorted(done)
