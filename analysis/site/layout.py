"""The frame around every page of the site: a sidebar with the contents list and the site search,
the site's own stylesheet and script (``analysis/site/assets/``, copied into ``_static/``), and the
pages that are not notebooks (the index, the glossary, the printable articles).

Nothing here loads from outside the site folder: the stylesheet, the script and the search index
are files of the site, referred to by relative paths, so the pages work from a web server and
opened straight from the disk alike.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..paths import PACKAGE_DIR
from ..safe import html_text

__all__ = ["ASSETS_DIR", "STATIC", "SiteLink", "copy_assets", "footer_links", "head_links", "plain_page", "sidebar"]

ASSETS_DIR = PACKAGE_DIR / "site" / "assets"
STATIC = "_static"


@dataclass(frozen=True)
class SiteLink:
    """One entry of the contents list: the page file, its label, and the group it is listed under."""

    href: str
    label: str
    group: str


def head_links(root: str = "") -> str:
    """The ``<link>`` and ``<script>`` of the site's stylesheet and script, ``root`` being the way
    back to the site folder from the page ("" for the site's top-level pages)."""
    return (
        f'<link rel="stylesheet" href="{root}{STATIC}/site.css">\n'
        f'<script src="{root}{STATIC}/site.js" defer></script>'
    )


def sidebar(links: list[SiteLink], current: str | None, *, root: str = "") -> str:
    """The sidebar: the site's name, the search box, and the contents list by group.

    Args:
        links: every page, in the order listed; ``group`` names the heading it is listed under.
        current: the ``href`` of the page that shows the sidebar (marked ``aria-current``).
        root: the way back to the site folder from the page.

    Returns:
        An ``<aside>`` holding a ``<nav>`` (the contents) and the search form.
    """
    groups: dict[str, list[SiteLink]] = {}
    for link in links:
        groups.setdefault(link.group, []).append(link)
    parts = []
    for group, items in groups.items():
        lis = []
        for link in items:
            here = ' aria-current="page"' if link.href == current else ""
            lis.append(f'<li><a href="{root}{html_text(link.href)}"{here}>{html_text(link.label)}</a></li>')
        parts.append(f"<h2>{html_text(group)}</h2>\n<ul>\n" + "\n".join(lis) + "\n</ul>")
    return (
        '<aside class="ss-side">\n'
        f'<a class="ss-brand" href="{root}index.html">Same Story</a>\n'
        '<form class="ss-search" role="search">\n'
        '<input type="search" id="ss-search" placeholder="Search the site" aria-label="Search every page of the site" autocomplete="off">\n'
        "</form>\n"
        '<div id="ss-results" class="ss-results" aria-live="polite"></div>\n'
        '<details class="ss-toc"><summary>Contents</summary>\n'
        '<nav aria-label="Contents">\n' + "\n".join(parts) + "\n</nav>\n</details>\n"
        "</aside>"
    )


def footer_links(pages: list, i: int) -> str:
    """The footer of the ``i``-th of ``pages`` (objects with ``name`` and ``title``): the page
    before, the contents, the page after."""
    parts = []
    if i > 0:
        parts.append(f'<a href="{html_text(pages[i - 1].name)}.html">← {html_text(pages[i - 1].title)}</a>')
    parts.append('<a href="index.html">Contents</a>')
    if i + 1 < len(pages):
        parts.append(f'<a href="{html_text(pages[i + 1].name)}.html">{html_text(pages[i + 1].title)} →</a>')
    return "\n".join(parts)


PLAIN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="icon" href="data:,">
<title>{title}</title>
{head}
</head>
<body class="ss-site ss-plain{body_class}" data-root="{root}">
{sidebar}
<div class="ss-page">
<main class="ss-main">
{body}
</main>
{footer}
</div>
</body>
</html>
"""


def plain_page(
    title: str, body: str, *, side: str, root: str = "", footer: str = "", extra_head: str = "", body_class: str = ""
) -> str:
    """A page of the site that is not a notebook, in the site's frame.

    Args:
        title: the page title (plain text; escaped here).
        body: the page's HTML (its strings from the corpus already escaped by the caller).
        side: the sidebar (:func:`sidebar`).
        root: the way back to the site folder.
        footer: HTML of the footer links, if any.
        extra_head: more HTML for ``<head>`` (a page's own styles).
        body_class: more classes for ``<body>``.
    """
    return PLAIN_PAGE.format(
        title=html_text(title),
        head=head_links(root) + ("\n" + extra_head if extra_head else ""),
        body_class=(" " + body_class) if body_class else "",
        root=root,
        sidebar=side,
        body=body,
        footer=f'<footer class="ss-footer">{footer}</footer>' if footer else "",
    )


def copy_assets(out: Path) -> Path:
    """Copy the site's stylesheet and scripts into ``out/_static/`` and return that folder."""
    static = out / STATIC
    static.mkdir(parents=True, exist_ok=True)
    for path in sorted(ASSETS_DIR.iterdir()):
        if path.is_file():
            shutil.copyfile(path, static / path.name)
    return static
