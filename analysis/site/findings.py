"""Findings first: how an executed notebook is arranged for readers before it is rendered.

Each step changes an in-memory copy of the executed notebook (never the stored file):

- :func:`split_question`: the first cell is cut after its **Question:** paragraph, so that the
  title and the question open the page and the findings box follows at once;
- :func:`findings_box`: a box of the page's findings, gathered at render time from the outputs of
  the code cells tagged ``finding`` (each a plain statement computed from the corpus), each with a
  link down to the cell it comes from;
- :func:`move_method_sections`: the sections on method and error rates (headed "How far to trust
  ...", or cells tagged ``method``) move to the end of the page, under "How far to trust this";
- :func:`drop_tagged`: cells with a tag are left out (the student edition drops ``answer``).
"""

from __future__ import annotations

import copy
import re

import nbformat

from ..safe import html_text

__all__ = [
    "FINDING_TAG",
    "METHOD_HEADING",
    "METHOD_TAG",
    "drop_tagged",
    "findings_box",
    "findings_items",
    "has_tag",
    "html_cell",
    "insert_after_first",
    "move_method_sections",
    "split_question",
]

FINDING_TAG = "finding"
METHOD_TAG = "method"
METHOD_HEADING = "How far to trust this"
_TRUST = re.compile(r"^#{2,3}\s+How far to trust\b", re.I | re.M)
_HEADING2 = re.compile(r"^##\s+(.+)$", re.M)
_CLOSING = re.compile(r"discuss|question|exercise", re.I)


def has_tag(cell: nbformat.NotebookNode, tag: str) -> bool:
    """Whether a cell carries ``tag``."""
    return tag in cell.get("metadata", {}).get("tags", [])


def drop_tagged(nb: nbformat.NotebookNode, tag: str) -> int:
    """Remove the cells tagged ``tag`` from ``nb``; return how many went."""
    before = len(nb.cells)
    nb.cells = [c for c in nb.cells if not has_tag(c, tag)]
    return before - len(nb.cells)


def html_cell(html: str, cell_id: str) -> nbformat.NotebookNode:
    """A raw cell whose source the site's template writes into the page as it is (HTML made here,
    every corpus string in it escaped by whoever made it)."""
    cell = nbformat.v4.new_raw_cell(html, metadata={"samestory_html": True})
    cell["id"] = cell_id
    return cell


def split_question(nb: nbformat.NotebookNode) -> bool:
    """Cut the first Markdown cell after its **Question:** paragraph (title and question stay in
    the first cell, the rest, inputs and outputs, goes into a new cell after it).

    Returns:
        True when the cell was cut (it has a question and something after it).
    """
    if not nb.cells or nb.cells[0].cell_type != "markdown":
        return False
    first = nb.cells[0]
    paras = re.split(r"(\n\s*\n)", first.source)
    for i in range(0, len(paras), 2):
        if re.match(r"\*\*Question:?\*\*", paras[i].strip()):
            head, rest = "".join(paras[: i + 1]), "".join(paras[i + 2 :])
            if not rest.strip():
                return False
            first.source = head
            tail = nbformat.v4.new_markdown_cell(rest, metadata=copy.deepcopy(first.metadata))
            tail["id"] = f"{first.get('id', 'first')}-rest"
            nb.cells.insert(1, tail)
            return True
    return False


def _output_html(output: nbformat.NotebookNode) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    data = output.get("data", {})
    if "text/markdown" in data:
        return markdown2html_mistune(data["text/markdown"]).strip()
    if "text/html" in data:
        return str(data["text/html"]).strip()
    text = output.get("text") if output.get("output_type") == "stream" and output.get("name") == "stdout" else data.get("text/plain")
    return f"<p>{html_text(text.strip())}</p>" if text and text.strip() else ""


def findings_items(nb: nbformat.NotebookNode) -> list[tuple[str, str, str]]:
    """The findings of a notebook: (cell id, the section it is in, its HTML) for every output of
    the cells tagged ``finding``, in page order."""
    items, section = [], ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            headings = _HEADING2.findall(cell.source) or re.findall(r"^###\s+(.+)$", cell.source, flags=re.M)
            if headings:
                section = headings[-1].strip()
        if cell.cell_type != "code" or not has_tag(cell, FINDING_TAG):
            continue
        for output in cell.get("outputs", []):
            html = _output_html(output)
            if html:
                items.append((str(cell.get("id", "")), section, html))
    return items


def findings_box(nb: nbformat.NotebookNode, *, more: str = "") -> str:
    """The findings box of a page, or "" when no cell is tagged ``finding``.

    Args:
        nb: the executed notebook.
        more: HTML of a closing line (a link to the articles side by side).
    """
    items = findings_items(nb)
    if not items:
        return ""
    lis = []
    for cell_id, section, html in items:
        where = f"cell-id={cell_id}"
        label = f"in “{html_text(section)}”" if section else "where it comes from"
        lis.append(f'<li>{html} <a class="ss-where" href="#{html_text(where)}">↓ {label}</a></li>')
    more_html = f'<p class="ss-more">{more}</p>' if more else ""
    return (
        '<section class="ss-findings" aria-labelledby="ss-findings-h">\n'
        '<h2 id="ss-findings-h">What this page finds</h2>\n<ul>\n' + "\n".join(lis) + "\n</ul>\n" + more_html + "</section>"
    )


def insert_after_first(nb: nbformat.NotebookNode, cell: nbformat.NotebookNode) -> None:
    """Insert ``cell`` after the page's opening (the first cell)."""
    nb.cells.insert(1 if nb.cells else 0, cell)


def move_method_sections(nb: nbformat.NotebookNode) -> int:
    """Move method detail to the end of the page, under the heading "How far to trust this".

    A section headed "How far to trust ..." (from its heading to the next heading) and any cell
    tagged ``method`` move, in their order, under a new "How far to trust this" heading (their own
    level-2 headings become level 3), just before the closing discussion section (a last section
    whose heading speaks of discussion, questions or exercises), or at the end of the page.

    Returns:
        How many cells moved.
    """
    cells = nb.cells
    moved: list[nbformat.NotebookNode] = []
    keep: list[nbformat.NotebookNode] = []
    in_section = False
    for cell in cells:
        is_md = cell.cell_type == "markdown"
        starts_heading = is_md and re.match(r"^#{1,3}\s", cell.source.lstrip())
        if starts_heading:
            in_section = bool(_TRUST.match(cell.source.lstrip()))
        if in_section or has_tag(cell, METHOD_TAG):
            moved.append(cell)
        else:
            keep.append(cell)
    if not moved:
        return 0
    for cell in moved:  # each moved section becomes a subsection of "How far to trust this"
        if cell.cell_type == "markdown":
            cell.source = re.sub(r"^##(\s)", r"###\1", cell.source, flags=re.M)
    heading = nbformat.v4.new_markdown_cell(f"## {METHOD_HEADING}")
    heading["id"] = "how-far-to-trust-this"
    moved.insert(0, heading)
    at = len(keep)
    for i in range(len(keep) - 1, 0, -1):
        c = keep[i]
        if c.cell_type == "markdown" and re.match(r"^#{2,3}\s", c.source.lstrip()):
            if _CLOSING.search(c.source.splitlines()[0]) or re.match(r"^\*\*Discuss", c.source.lstrip()):
                at = i
            break
    nb.cells = keep[:at] + moved + keep[at:]
    return len(moved) - 1
