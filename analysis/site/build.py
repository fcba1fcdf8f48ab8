"""The site, assembled from the executed notebooks: the reader's pages around them.

:func:`build_site` is the second half of the main job (:func:`analysis.site.report.run_report`
runs the notebooks, then calls it). It writes, into the site folder:

- one page per notebook, arranged for readers (:mod:`analysis.site.findings`): the question, the
  findings box, the rest; code folded on analysis pages, shown where code is the lesson (the
  notebooks whose first cell is tagged ``show-code``); a download link under every table and figure
  (:mod:`analysis.site.tables`); glossary terms linked (:mod:`analysis.site.glossary`);
- for each workbook a student edition (``NAME.html``, no answers) and a teacher's edition
  (``NAME-teacher.html``, all of them) (:mod:`analysis.site.editions`);
- the documents of ``docs/`` (the teacher's guide), the glossary, the story view (``story.html``,
  :mod:`analysis.site.storyview`), the articles to print (``articles.html``), and the index;
- the search index of every page (:mod:`analysis.site.search`), the handouts (one per lesson, HTML
  and PDF) and the articles as PDF.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import nbformat

from ..plots import outlet_text_colors
from ..safe import html_text
from . import editions, findings, glossary, layout, search, storyview, tables

__all__ = ["PAGE_FILES", "build_site", "fold_code", "link_elements", "site_links"]

PAGE_FILES = {"story": "story.html", "articles": "articles.html", "glossary": "glossary.html"}
"""The site's own pages (besides the index, the notebooks, their editions and the documents)."""

_ELEMENT_REF = re.compile(r"\b(element) (\d+)\b", re.I)
_TAG = re.compile(r"(<[^>]*>)")


def fold_code(nb: nbformat.NotebookNode) -> bool:
    """Whether a page folds all its code: yes, unless its first cell is tagged ``show-code``
    (the workbooks and the walk-through, where the code is the lesson)."""
    return not (nb.cells and findings.has_tag(nb.cells[0], "show-code"))


def link_elements(fragment: str, ids: set[str], *, href: str) -> str:
    """Link "element N" in an HTML fragment's text to the story view, where N is one of its elements."""
    if not ids:
        return fragment
    out, in_link = [], 0
    for token in _TAG.split(fragment):
        if token.startswith("<"):
            if re.match(r"<a[\s>]", token, re.I):
                in_link += 1
            elif re.match(r"</a\s*>", token, re.I):
                in_link = max(0, in_link - 1)
            out.append(token)
        elif in_link:
            out.append(token)
        else:
            out.append(_ELEMENT_REF.sub(
                lambda m: f'<a href="{href}#element-{m[2]}">{m[0]}</a>' if m[2] in ids else m[0], token))
    return "".join(out)


def site_links(pages: list, teacher: dict[str, str], *, has_handouts: bool) -> list[layout.SiteLink]:
    """The contents list: start pages, the lessons, and what is for teachers."""
    links = [
        layout.SiteLink("index.html", "Contents and findings", "Start here"),
        layout.SiteLink(PAGE_FILES["story"], "The articles side by side", "Start here"),
        layout.SiteLink(PAGE_FILES["articles"], "The articles, to print", "Start here"),
        layout.SiteLink(PAGE_FILES["glossary"], "Glossary", "Start here"),
    ]
    links += [layout.SiteLink(f"{p.name}.html", p.label, "Lessons") for p in pages if p.kind == "notebook"]
    links += [layout.SiteLink(f"{p.name}.html", p.title, "For teachers") for p in pages if p.kind == "doc"]
    links += [layout.SiteLink(href, f"{name.split('-', 1)[0]} teacher's edition", "For teachers") for name, href in teacher.items()]
    if has_handouts:
        links.append(layout.SiteLink("index.html#handouts", "Handouts to print", "For teachers"))
    return links


def _link_offsets(nb: nbformat.NotebookNode, article_of: Callable[[dict], str | None]) -> None:
    """Every table row with character offsets links to them in the story view (in place)."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            html = data.get("text/html")
            if html and "<table" in str(html) and "start" in str(html):
                data["text/html"] = tables.link_offsets(str(html), article_of, href=PAGE_FILES["story"])


def _lessons(pages: list) -> dict[str, list]:
    out: dict[str, list] = {}
    for p in pages:
        if p.kind == "notebook":
            out.setdefault(editions.lesson_of(p.name), []).append(p)
    return out


def build_site(
    out: Path,
    corpus,
    executed: list[nbformat.NotebookNode],
    pages: list,
    *,
    title: str,
    corpus_label: str,
    story_title: str = "",
    render: Callable[..., str],
    say: Callable[[str], None],
    handouts: bool = True,
) -> Path:
    """Write every page of the site into ``out`` (see the module's docstring).

    Args:
        out: the site folder (the notebooks have run; their figures are in ``out/figures``).
        corpus: the loaded corpus.
        executed: the executed notebooks, and the documents as one-cell notebooks, in page order.
        pages: their :class:`~analysis.site.report.NotebookPage` descriptions.
        title: the site's title.
        corpus_label: how the index names the corpus.
        story_title: the story's title from the corpus's story file ("" when it gives none).
        render: the page renderer (:func:`analysis.site.report.render_html`).
        say: progress lines.
        handouts: write the handouts and print them (and the articles) to PDF.

    Returns:
        The path of ``index.html``.
    """
    layout.copy_assets(out)
    entries = []
    for nb, page in zip(executed, pages):
        if page.kind == "doc":
            entries += glossary.parse_glossary("\n\n".join(c.source for c in nb.cells))
    colors = outlet_text_colors(corpus.outlets)

    say("Story view: quotes, wordings, frame cues, shared passages and story elements ...")
    story = storyview.story_data(corpus)
    element_ids = set() if story.elements is None else {str(e) for e in story.elements["element"]}

    shown = [str(a) for a in story.articles.index]
    outlets = [str(o) for o in story.articles["outlet"]]
    single = {o: a for a, o in zip(shown, outlets) if outlets.count(o) == 1}

    def article_of(row: dict) -> str | None:
        """The story view's article of a table row: its article_id (or index), or its outlet's only article."""
        for key in ("article_id", "article", ""):
            if row.get(key) in shown:
                return row[key]
        return single.get(row.get("outlet", ""))

    teacher = {p.name: f"{p.name}-teacher.html" for nb, p in zip(executed, pages) if p.kind == "notebook" and editions.has_answers(nb)}
    links = site_links(pages, teacher, has_handouts=handouts)

    def linker(used: set[str], root: str = "") -> Callable[[str], str]:
        def link(fragment: str) -> str:
            fragment = glossary.link_terms(fragment, entries, href=f"{root}{PAGE_FILES['glossary']}", used=used)
            return link_elements(fragment, element_ids, href=f"{root}{PAGE_FILES['story']}")
        return link

    def reader_page(nb: nbformat.NotebookNode, page, *, edition: str, i: int) -> str:
        nb = copy.deepcopy(nb)
        banner = ""
        if edition == "student":
            findings.drop_tagged(nb, editions.ANSWER_TAG)
        elif edition == "teacher":
            banner = (f'<p class="ss-teacher"><b>Teacher\'s edition.</b> The worked answers and the agreement they give '
                      f'are shown, marked at the left. Students use the <a href="{html_text(page.name)}.html">student '
                      "edition</a>, which leaves them out.</p>")
        if page.kind == "notebook":
            findings.split_question(nb)
            findings.move_method_sections(nb)
            box = findings.findings_box(
                nb, more=f'<a href="{PAGE_FILES["story"]}">Read the articles side by side, with the evidence marked →</a>')
            if box:
                findings.insert_after_first(nb, findings.html_cell(box, "ss-findings"))
            tables.add_downloads(nb, page.name + ("-teacher" if edition == "teacher" else ""), out)
            _link_offsets(nb, article_of)
        elif teacher:
            editions_list = ", ".join(f'<a href="{html_text(h)}">{html_text(n)}</a>' for n, h in teacher.items())
            banner = (f'<p class="ss-teacher">Teacher\'s editions of the workbooks, with the worked answers and their '
                      f"agreement: {editions_list}." + (' Handouts to print: <a href="index.html#handouts">on the contents page</a>.' if handouts else "") + "</p>")
        nb.metadata["title"] = f"{page.title}{' (teacher’s edition)' if edition == 'teacher' else ''} · Same Story"
        href = f"{page.name}-teacher.html" if edition == "teacher" else f"{page.name}.html"
        return render(
            nb,
            nav=layout.sidebar(links, href),
            footer=layout.footer_links(pages, i),
            banner=banner,
            fold_code=page.kind == "notebook" and fold_code(nb),
            link_filter=linker(set()),
        )

    for i, (nb, page) in enumerate(zip(executed, pages)):
        edition = "student" if page.name in teacher else "all"
        (out / f"{page.name}.html").write_text(reader_page(nb, page, edition=edition, i=i), encoding="utf-8")
        if page.name in teacher:
            (out / teacher[page.name]).write_text(reader_page(nb, page, edition="teacher", i=i), encoding="utf-8")

    # The site's own pages.
    def plain(href: str, page_title: str, body: str, **kw) -> None:
        (out / href).write_text(layout.plain_page(page_title, body, side=layout.sidebar(links, href), **kw), encoding="utf-8")

    story_head = '<link rel="stylesheet" href="_static/story.css">\n<script src="_static/story.js" defer></script>'
    plain(PAGE_FILES["story"], "The articles side by side · Same Story",
          "<h1>The articles side by side</h1>\n"
          '<p class="ss-lead">Every article in full, the evidence the lessons count marked in the text. Select a story '
          "element to see where each article tells it and which leave it out; select a marked passage to see what it "
          "is: a quote's speaker, a wording, a cue, a passage two articles share.</p>\n" + storyview.story_html(story, colors=colors),
          extra_head=story_head, body_class="ss-widepage")
    plain(PAGE_FILES["articles"], "The articles, to print · Same Story",
          '<h1>The articles, to print</h1>\n<p class="ss-lead ss-noprint">The clean text of every article of the corpus '
          "(what the analyses read), with numbered paragraphs; each article starts a new page when printed."
          + (' A PDF: <a href="handouts/articles.pdf">handouts/articles.pdf</a>.' if handouts else "") + "</p>\n"
          + storyview.articles_html(corpus, colors=colors))
    plain(PAGE_FILES["glossary"], "Glossary · Same Story",
          '<h1>Glossary</h1>\n<p class="ss-lead">The terms the lessons use, in plain words. Each page links the first '
          "use of a term here.</p>\n" + (glossary.glossary_html(entries) if entries else "<p>No glossary was found in docs/.</p>"))

    lessons = _lessons(pages)
    handout_files: dict[str, Path] = {}
    if handouts:
        handout_files = _write_handouts(out, executed, pages, lessons, render=render, linker=linker)
        articles_copy = out / "handouts" / "articles.html"
        articles_copy.write_text(
            layout.plain_page("The articles · Same Story", "<h1>The articles</h1>\n" + storyview.articles_html(corpus, colors=colors),
                              side="", root="../", body_class="ss-handout"), encoding="utf-8")
        jobs = [(out / "handouts" / f"lesson-{k}.html", out / "handouts" / f"lesson-{k}.pdf") for k in handout_files]
        jobs.append((articles_copy, out / "handouts" / "articles.pdf"))
        say(f"Printing {len(jobs)} handouts to PDF ...")
        editions.print_pdfs(jobs, say=say)
    plain("index.html", f"Same Story: {title}", _index_body(
        executed, pages, corpus, title=title, corpus_label=corpus_label, story_title=story_title, teacher=teacher, lessons=lessons,
        handout_files=handout_files, out=out))
    search.write_index(sorted(out.glob("*.html")), out / layout.STATIC / "search-index.js")
    return out / "index.html"


def _index_body(executed, pages, corpus, *, title, corpus_label, story_title="", teacher, lessons, handout_files, out: Path) -> str:
    """The contents page: the lessons with their questions, what is for teachers, the handouts."""
    items = []
    for nb, p in zip(executed, pages):
        if p.kind != "notebook":
            continue
        n = len(findings.findings_items(nb))
        extra = f' <span class="ss-q">({n} finding{"s" if n != 1 else ""})</span>' if n else ""
        items.append(f'<li><a href="{html_text(p.name)}.html">{html_text(p.title)}</a>{extra}'
                     + (f'<br><span class="ss-q">{html_text(p.question)}</span>' if p.question else "") + "</li>")
    docs = [p for p in pages if p.kind == "doc"]
    teacher_html = "".join(
        f'<li><a href="{html_text(h)}">{html_text(n)}: teacher\'s edition</a> (with the worked answers and agreement)</li>'
        for n, h in teacher.items())

    def pdf(name: str) -> str:
        return f' (<a href="handouts/{name}">PDF</a>)' if (out / "handouts" / name).is_file() else ""

    handout_html = ""
    if handout_files:
        rows = "".join(
            f'<li>Lesson {html_text(k)}: <a href="handouts/lesson-{html_text(k)}.html">{html_text(lessons[k][0].title)}</a>'
            f"{pdf(f'lesson-{k}.pdf')}</li>" for k in handout_files)
        handout_html = (f'<h2 id="handouts">Handouts to print</h2>\n<p>One per lesson: its question, findings, discussion '
                        f"questions and exercises, without code or answers.</p>\n<ul>{rows}"
                        f'<li><a href="{PAGE_FILES["articles"]}">The articles</a>{pdf("articles.pdf")}</li></ul>')
    return (
        f"<h1>Same Story: {html_text(title)}</h1>\n"
        + (f'<p class="ss-lead">Story: {html_text(story_title)}</p>\n' if story_title else "")
        +         '<p class="ss-lead">How different outlets tell the same story: how they frame it, which words they choose, whom '
        "they quote, and what each covers or leaves out. Each page below is a notebook executed on the corpus named "
        "here; every number in it was computed from the articles. Each opens with what it finds.</p>\n"
        f'<p class="ss-q">Corpus: {html_text(corpus_label)} ({len(corpus.articles)} articles from {len(corpus.outlets)} '
        f'outlets: {html_text(", ".join(corpus.outlets))}). <a href="{PAGE_FILES["story"]}">Read them side by side</a>, '
        f'or <a href="{PAGE_FILES["articles"]}">print them</a>.</p>\n'
        f'<h2 id="lessons">The lessons</h2>\n<ol class="ss-lessons">\n{"".join(items)}\n</ol>\n'
        + '<h2 id="for-teachers">For teachers</h2>\n<ul>'
        + "".join(f'<li><a href="{html_text(p.name)}.html">{html_text(p.title)}</a></li>' for p in docs)
        + teacher_html + f'<li><a href="{PAGE_FILES["glossary"]}">Glossary</a></li></ul>\n'
        + handout_html
    )


def _write_handouts(out: Path, executed, pages, lessons: dict[str, list], *, render, linker) -> dict[str, Path]:
    """One printable page per lesson in ``out/handouts/``: question, findings, discussion, exercises."""
    by_name = {p.name: nb for nb, p in zip(executed, pages)}
    written = {}
    for lesson, members in lessons.items():
        main = by_name[members[0].name]
        nb = nbformat.v4.new_notebook()
        first = copy.deepcopy(main.cells[0]) if main.cells and main.cells[0].cell_type == "markdown" else None
        cells = []
        if first is not None:
            holder = nbformat.v4.new_notebook(cells=[first])
            findings.split_question(holder)
            cells.append(holder.cells[0])
        cells.append(findings.html_cell(
            '<p class="ss-fill">Name: ______________________ &nbsp; Class: __________ &nbsp; Date: __________</p>', "ss-fill"))
        items = findings.findings_items(main)
        if items:
            cells.append(findings.html_cell(
                '<section class="ss-findings"><h2>What the lesson finds</h2><ul>'
                + "".join(f"<li>{h}</li>" for _, _, h in items) + "</ul></section>", "ss-findings"))
        discussion = [copy.deepcopy(c) for c in editions.discussion_cells(main)]
        workbooks = [by_name[p.name] for p in members[1:]]
        if not items and not discussion and not workbooks:
            discussion = [copy.deepcopy(c) for c in main.cells[1:] if c.cell_type == "markdown"]
        cells += discussion
        for member, wb in zip(members[1:], workbooks):
            wb = copy.deepcopy(wb)
            findings.drop_tagged(wb, editions.ANSWER_TAG)
            for c in wb.cells:  # two notebooks' cells on one page: ids made unique
                c["id"] = f"{member.name}-{c.get('id', '')}"
            cells += [c for c in wb.cells if not findings.has_tag(c, "parameters")]
        nb.cells = cells
        nb.metadata["title"] = f"Lesson {lesson} handout · Same Story"
        html = render(nb, nav="", footer="", banner="", fold_code=False, link_filter=linker(set(), "../"),
                      exclude_input=True, root="../", body_class=" ss-handout")
        path = out / "handouts" / f"lesson-{lesson}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written[lesson] = path
    return written
