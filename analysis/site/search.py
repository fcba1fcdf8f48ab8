"""Site search: an index of the text of every page, by section, searched in the browser.

:func:`page_sections` reads a rendered page and cuts its text at its headings (each heading with
an ``id`` starts a section a result can link to); code, the sidebar, scripts and styles are left
out. :func:`write_index` writes all pages' sections into ``_static/search-index.js`` as
``window.SS_SEARCH = [[page, page title, section, anchor, text], ...]``, which the site's script
loads on first use (a script file, not a fetch, so search works from the disk too). The text is
JSON inside a script file, never HTML: the script escapes it before showing it.

Example:
    >>> page = "<title>T</title><h2 id='a'>One</h2><p>alpha</p><div class='jp-InputArea-editor'>x = 1</div>"
    >>> page_sections(page + "<h2 id='b'>Two</h2><p>beta <code>b</code></p>")
    [('One', 'a', 'alpha'), ('Two', 'b', 'beta b')]
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["MAX_SECTION_CHARS", "page_sections", "page_title", "write_index"]

MAX_SECTION_CHARS = 20000
"""A section's text is cut after this many characters (the index stays small enough to load)."""

_SKIP_CLASSES = {"jp-InputArea-editor", "jp-InputPrompt", "jp-OutputPrompt", "ss-side", "ss-footer", "ss-info", "ss-noprint"}
_SKIP_TAGS = {"script", "style", "aside", "footer", "title", "head", "summary"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_HEADINGS = {"h1", "h2", "h3"}


class _Sections(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", "", []]]
        self.title = ""
        self._stack: list[bool] = []  # per open element: does it hide its content from the index
        self._heading: list[str] | None = None
        self._heading_id = ""
        self._in_title = False

    def _skipping(self) -> bool:
        return any(self._stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            return
        classes = set((a.get("class") or "").split())
        hide = tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES) or "hidden" in a
        self._stack.append(hide)
        if tag in _HEADINGS and not self._skipping() and a.get("id"):
            self._heading, self._heading_id = [], a["id"]

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in _VOID or not self._stack:
            return
        self._stack.pop()
        if tag in _HEADINGS and self._heading is not None:
            text = " ".join("".join(self._heading).replace("¶", "").split())
            self.sections.append([text, self._heading_id, []])
            self._heading = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if self._skipping():
            return
        if self._heading is not None:
            self._heading.append(data)
        else:
            self.sections[-1][2].append(data)


def _parse(html: str) -> _Sections:
    parser = _Sections()
    parser.feed(html)
    parser.close()
    return parser


def page_sections(html: str) -> list[tuple[str, str, str]]:
    """The sections of a page: (heading, heading id, text), in page order; sections with neither dropped."""
    out = []
    for heading, anchor, parts in _parse(html).sections:
        text = " ".join(" ".join(parts).split())[:MAX_SECTION_CHARS]
        if text or heading:
            out.append((heading, anchor, text))
    return out


def page_title(html: str) -> str:
    """The ``<title>`` of a page, without the site's name after it."""
    title = " ".join(_parse(html).title.split())
    return re.sub(r"\s*·\s*Same Story$", "", title)


def write_index(pages: list[Path], target: Path) -> Path:
    """Write the search index of ``pages`` (HTML files of one site folder) to ``target``.

    Returns:
        ``target``: a script that sets ``window.SS_SEARCH``.
    """
    rows = []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        title = page_title(html) or path.stem
        for heading, anchor, text in page_sections(html):
            rows.append([path.name, title, heading, anchor, text])
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    # JSON inside a script: "</script>" or "<!--" in a page's text must not end or bend the script.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"window.SS_SEARCH = {data};\n", encoding="utf-8")
    return target
