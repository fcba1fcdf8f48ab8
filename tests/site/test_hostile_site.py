"""A whole site built from a hostile corpus: no page carries live markup, and no script runs in a browser.

The corpus's outlet names, headlines, bylines, article ids and text hold tags, event attributes,
``javascript:`` links and Markdown (issue 16). The main job renders every notebook on it; then

1. every page of the site is parsed: no event attribute (``onerror=``, ``onload=`` ...) on any
   element, no ``href``/``src`` to ``javascript:``, ``vbscript:`` or a ``data:`` page (the template's
   own ``data:,`` favicon and ``data:image`` figures aside), no ``<iframe>``, no ``<img src=x>``, and
   no ``<script>`` whose code calls ``alert(``: the hostile strings' own markup;
2. every page is opened in headless Chromium with ``alert``, ``confirm``, ``prompt`` and
   ``console.error`` replaced before any script of the page runs: none may be called.
"""

from __future__ import annotations

import csv
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    "<svg onload=alert(4)>",
    '<a href="javascript:alert(5)">z</a>',
    "<iframe src=javascript:alert(6)>",
    '=HYPERLINK("http://x")',
    "**bold** `code` <b onmouseover=alert(8)>b</b>",
]
BODY = (
    "{h} Officials met in the capital on Monday to discuss the budget, and the talks were held behind closed doors. "
    "\u201cWe will not accept this {h},\u201d said Maria Lopez, the finance minister.\n\n"
    "The talks collapsed after the opposition walked out, the ministry said. Critics blamed the government for the "
    "crisis {h}.\n\n"
    "\u201cIt is a disgrace,\u201d said John Smith, a spokesman for the opposition party [y](javascript:alert(7)). "
    "He said the budget would cost billions.\n"
)
BAD_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def write_hostile_corpus(folder: Path) -> Path:
    """Three articles whose every metadata field and part of whose text is hostile."""
    (folder / "articles").mkdir(parents=True)
    rows = []
    fields = [(HOSTILE[0] + " News", HOSTILE[1], HOSTILE[2]), (HOSTILE[3] + " Daily", HOSTILE[4], HOSTILE[5]),
              ("Gazette " + HOSTILE[6], HOSTILE[7], HOSTILE[1])]
    for i, (outlet, headline, bit) in enumerate(fields):
        name = f"articles/{i}.txt"
        (folder / name).write_text(BODY.format(h=bit), encoding="utf-8")
        rows.append({"article_id": f"a{i}<b>\"'", "outlet": outlet, "file": name, "headline": headline, "byline": f"By {bit}"})
    with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "iframe":
            self.found.append("<iframe>")
        if tag == "img" and values.get("src") == "x":
            self.found.append("<img src=x>")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and value and BAD_SCHEME.match(value):
                own = value.startswith("data:image/") or (tag == "link" and value == "data:,")
                if not own:
                    self.found.append(f"{name}={value[:40]!r} on <{tag}>")
        self._script = tag == "script"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and "alert(" in data:
            self.found.append("<script> calling alert(")


def live_markup(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    parser.close()
    return sorted(set(parser.found))


def test_the_scan_finds_live_markup():
    """The scan is not vacuous: each hostile string, unescaped, is found."""
    for s in HOSTILE[:6] + [HOSTILE[7]]:
        assert live_markup(f"<p>{s}</p>") or "javascript:" in s and "](" in s, s
    assert live_markup('<p><a href="javascript:alert(5)">z</a></p>')
    assert not live_markup('<link rel="icon" href="data:,"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from analysis.site.report import run_report

    root = tmp_path_factory.mktemp("hostile")
    corpus = write_hostile_corpus(root / "corpus")
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    run_report(corpus, root / "site", progress=None, handouts=False)
    after = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert before == after, "the report changed the corpus folder"
    return root / "site"


def test_no_page_of_a_hostile_corpus_carries_live_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 12
    problems = {str(p.relative_to(hostile_site)): live for p in pages if (live := live_markup(p.read_text(encoding="utf-8")))}
    assert not problems, problems
    # The hostile strings are on the pages, as text.
    index = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; News" in index


_HOOK = """
window.__calls = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => { window.__calls.push(name + '(' + args.join(',') + ')'); };
}
const error = console.error.bind(console);
console.error = (...args) => { window.__calls.push('console.error(' + args.join(' ') + ')'); error(...args); };
"""


def test_no_script_runs_in_the_browser(hostile_site):
    from tests.site import test_browser as tb  # skips this test where Chromium is missing (and fails in CI)

    with tempfile.TemporaryDirectory() as profile, tb.serve_folder(hostile_site) as base:
        driver = tb.make_driver(Path(profile))
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _HOOK})
            # The hook is not vacuous: on a page with a live event attribute it records the call.
            with tempfile.TemporaryDirectory() as control:
                (Path(control) / "live.html").write_text("<!DOCTYPE html><img src=x onerror=alert(9)>", encoding="utf-8")
                with tb.serve_folder(Path(control)) as control_base:
                    tb.open_page(driver, control_base + "live.html")
                    driver.execute_script("return new Promise(r => setTimeout(r, 150))")
                    assert driver.execute_script("return window.__calls") == ["alert(9)"]
            ran = {}
            for page in sorted(hostile_site.glob("*.html")):
                tb.open_page(driver, base + page.name)
                # Let event handlers (onload, onerror of images that fail) have their turn.
                driver.execute_script("return new Promise(r => setTimeout(r, 150))")
                calls = driver.execute_script("return window.__calls || []")
                assert driver.execute_script("return Array.isArray(window.__calls)"), f"{page.name}: hook not installed"
                if calls:
                    ran[page.name] = calls
        finally:
            driver.quit()
    assert not ran, f"scripts from the corpus ran: {ran}"
