"""The glossary page, and links from the terms on every page to it.

The glossary is written once, as the "Glossary" section of the teacher's guide
(``docs/teachers-guide.md``): each entry a paragraph that opens with the term in bold and a full
stop (``**Cue.** A word or phrase ...``). The site shows it as a page of its own
(``glossary.html``), and the first use of each term on a page (in the prose and the findings, not
in code, headings or tables) becomes a link to its entry.

Example:
    >>> entries = parse_glossary("## Glossary\\n\\n**Cohen's kappa.** Agreement corrected for chance.\\n")
    >>> entries[0].anchor, sorted(entries[0].forms)
    ('cohens-kappa', ["Cohen's kappa", 'kappa'])
    >>> link_terms("<p>The kappa is 0.6.</p>", entries, href="glossary.html", used=set())
    '<p>The <a class="ss-gl" href="glossary.html#cohens-kappa" title="Agreement corrected for chance.">kappa</a> is 0.6.</p>'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["GlossaryEntry", "glossary_html", "link_terms", "parse_glossary", "read_glossary"]

_ENTRY = re.compile(r"^\*\*(?P<term>[^*]+?)\.\*\*\s+(?P<text>.+)$", re.S)
# Where a term is not linked: inside links, code, headings, buttons and the page's own furniture.
_SKIP_TAGS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "button", "summary", "script", "style", "kbd", "th"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col"}


@dataclass
class GlossaryEntry:
    """One term of the glossary: how it is written, the forms that link to it, its definition."""

    term: str
    anchor: str
    definition: str  # Markdown, as written in the guide
    forms: set[str] = field(default_factory=set)

    @property
    def plain(self) -> str:
        """The definition as plain text (for a link's tooltip)."""
        text = re.sub(r"[*_`]", "", self.definition)
        return " ".join(text.split())


def _anchor(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower().replace("'", "")).strip("-")


def _forms(term: str) -> set[str]:
    """The ways a term is written in the prose: the term itself without a parenthesis, an
    acronym given in parentheses, each half of "precision and recall", "vague source" and
    "anonymous source" of "vague or anonymous source", and "kappa" of "Cohen's kappa"."""
    base = re.sub(r"\s*\([^)]*\)", "", term).strip()
    forms = {base}
    for inner in re.findall(r"\(([^)]*)\)", term):
        if re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,9}", inner.strip()):
            forms.add(inner.strip())
    if m := re.fullmatch(r"(\w+) and (\w+)", base):
        forms = {m[1], m[2]}
    if m := re.fullmatch(r"(\w+) or (\w+) (\w+)", base):
        forms = {f"{m[1]} {m[3]}", f"{m[2]} {m[3]}"}
    if m := re.fullmatch(r"\w+'s (\w+)", base):
        forms.add(m[1])
    return forms


def parse_glossary(markdown: str) -> list[GlossaryEntry]:
    """The entries of the "## Glossary" section of a Markdown document, in the order written."""
    m = re.search(r"^## Glossary\s*$(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    if not m:
        return []
    entries = []
    for para in re.split(r"\n\s*\n", m.group(1)):
        e = _ENTRY.match(para.strip())
        if e:
            term = e["term"].strip()
            entries.append(GlossaryEntry(term, _anchor(term), " ".join(e["text"].split()), _forms(term)))
    return entries


def read_glossary(path: Path) -> list[GlossaryEntry]:
    """The glossary of a Markdown file (the teacher's guide); empty when it has none or is missing."""
    return parse_glossary(path.read_text(encoding="utf-8")) if path.is_file() else []


def glossary_html(entries: list[GlossaryEntry]) -> str:
    """The glossary page's body: a definition list, each term with an anchor to link to."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    items = []
    for e in entries:
        definition = markdown2html_mistune(e.definition).strip()
        definition = re.sub(r"^<p>(.*)</p>$", r"\1", definition, flags=re.S)
        items.append(f'<dt id="{e.anchor}">{html.escape(e.term)}</dt>\n<dd>{definition}</dd>')
    return '<dl class="ss-glossary">\n' + "\n".join(items) + "\n</dl>"


def _pattern(entries: list[GlossaryEntry]) -> tuple[re.Pattern, dict[str, GlossaryEntry]]:
    by_form: dict[str, GlossaryEntry] = {}
    for e in entries:
        for form in e.forms:
            by_form.setdefault(form.lower(), e)
    forms = sorted(by_form, key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w-])({alternation})(?:s|es)?(?![\w-])", re.I), by_form


def link_terms(fragment: str, entries: list[GlossaryEntry], *, href: str, used: set[str]) -> str:
    """Link the first use on a page of each glossary term in an HTML fragment.

    Args:
        fragment: HTML (the rendering of a Markdown cell or of a finding).
        entries: the glossary.
        href: the glossary page, relative to the page.
        used: anchors already linked on this page; updated in place, so each term is linked once.

    Returns:
        The fragment with ``<a class="ss-gl">`` around first uses. Text inside links, code,
        headings, table headings and buttons is left alone; acronyms match in capitals only.
    """
    if not entries:
        return fragment
    pattern, by_form = _pattern(entries)
    out, skip = [], []
    for token in _TAG.split(fragment):
        if token.startswith("<"):
            t = _TAG_NAME.match(token)
            if t and t[2].lower() in _SKIP_TAGS and t[2].lower() not in _VOID and not token.endswith("/>"):
                if t[1]:
                    if skip and skip[-1] == t[2].lower():
                        skip.pop()
                else:
                    skip.append(t[2].lower())
            out.append(token)
            continue
        if skip or not token.strip():
            out.append(token)
            continue

        def repl(m: re.Match) -> str:
            key = " ".join(m[1].lower().split())
            entry = by_form.get(key)
            form = next((f for f in entry.forms if f.lower() == key), "") if entry else ""
            if entry is None or entry.anchor in used or (form.isupper() and m[1] != form):
                return m[0]
            used.add(entry.anchor)
            return (f'<a class="ss-gl" href="{href}#{entry.anchor}" title="{html.escape(entry.plain, quote=True)}">'
                    f"{m[0]}</a>")

        out.append(pattern.sub(repl, token))
    return "".join(out)
