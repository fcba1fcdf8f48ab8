"""Browser test of the rendered site, in headless Chromium driven by selenium.

The site made by ``run_report`` (the session fixture ``site``) is served over HTTP on
127.0.0.1, as readers get it from a web server, and every HTML page (the index and one page per
notebook) is opened at two widths: 1280 px (a desktop window) and 390 px (a phone, emulated
through the DevTools protocol so the viewport is exactly 390 CSS px with overlay scrollbars).
For each page and width the test checks that:

1. the page loads: ``document.readyState`` is complete, the title is not empty, there is an ``h1``;
2. the browser console has no entry of level SEVERE (script errors, ``console.error``, failed
   loads), except the 404 for the ``/favicon.ico`` that Chromium asks each new origin for;
3. no request leaves the site: every ``Network.requestWillBeSent`` in the performance log is for
   the local server, or a ``data:``/``about:``/``blob:`` URL;
4. no notebook cell shows error output: nbconvert's lab template renders both a stderr stream and
   an exception (with its traceback) as ``<div class="jp-RenderedText jp-OutputArea-output"
   data-mime-type="application/vnd.jupyter.stderr">``; there must be none, and no output may
   contain a Python traceback;
5. the page does not scroll sideways as a whole (``scrollWidth <= clientWidth + 1``); wide tables
   may scroll inside their own box, but no box may cut off content the reader cannot scroll to
   (``overflow-x: hidden`` around something wider); on failure the elements are named;
6. every ``<img>`` has loaded (``naturalWidth > 0``);
7. every visible text element has a contrast of at least 4.5:1 against the background it is
   drawn on (WCAG 2; its colour and the nearest opaque backgrounds behind it, blended);
8. a full-page screenshot is saved as ``test-artifacts/screenshots/<page>-<width>.png`` in the
   project root, for a human to look at.

Then the reader's site, issue by issue: each analysis page opens with its findings box in the
first screen at 1280 px and no code above it; the story view lights an element's sentences in each
article that tells it and names those that leave it out, and shows a quote's speaker; the site
search finds a word on another page and leads there; a table's filter reduces its rows; every CSV
link downloads a file. Another test checks the links between the pages, and one renders a
deliberately broken page to show that the checks do report problems (they are not vacuous). The
module is skipped when chromium or chromedriver is missing (and fails instead where
SAMESTORY_REQUIRE_BROWSER is set, as in CI).
"""

from __future__ import annotations

import base64
import functools
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import nbformat

from analysis.site.build import PAGE_FILES
from analysis.site.editions import has_answers
from analysis.site.findings import FINDING_TAG, has_tag
from analysis.site.report import doc_paths, notebook_paths

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

_missing = [name for name in (CHROMIUM, CHROMEDRIVER) if not Path(name).exists()]
if _missing and os.environ.get("SAMESTORY_REQUIRE_BROWSER"):
    # CI sets this: there the browser test must run, never skip.
    raise RuntimeError(f"SAMESTORY_REQUIRE_BROWSER is set but {', '.join(_missing)} is missing: apt-get install chromium chromium-driver")
if _missing:
    pytest.skip(
        f"browser tests need Chromium and its driver, not found: {', '.join(_missing)}; "
        "install them with: apt-get install chromium chromium-driver",
        allow_module_level=True,
    )

pytest.importorskip("selenium", reason="browser tests need selenium: pip install selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"

STORED = {p.stem: nbformat.read(p, as_version=4) for p in notebook_paths()}
TEACHER_PAGES = [f"{name}-teacher.html" for name, nb in STORED.items() if has_answers(nb)]
NOTEBOOK_PAGES = [f"{name}.html" for name in STORED] + [f"{p.stem}.html" for p in doc_paths()]
SITE_PAGES = sorted(PAGE_FILES.values())
PAGES = ["index.html", *NOTEBOOK_PAGES, *TEACHER_PAGES, *SITE_PAGES]
# Analysis pages: notebooks with findings; their code is folded (a first cell tagged show-code shows it).
ANALYSIS_PAGES = [f"{name}.html" for name, nb in STORED.items()
                  if any(has_tag(c, FINDING_TAG) for c in nb.cells) and not has_tag(nb.cells[0], "show-code")]
MIN_CONTRAST = 4.5
WIDTHS = [1280, 390]
HEIGHT = 900
PHONE_MAX_WIDTH = 600  # at or below this width the browser emulates a phone

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_SCHEMES = ("data:", "about:", "blob:")
STDERR_MIME = "application/vnd.jupyter.stderr"


# --- serving and driving --------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL (ending in '/')."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def make_driver(user_data_dir: Path) -> webdriver.Chrome:
    """Headless Chromium with a fresh profile and console and network logging switched on."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={user_data_dir}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


def set_width(driver: webdriver.Chrome, width: int, height: int = HEIGHT) -> None:
    """Give the page a viewport ``width`` CSS px wide.

    A desktop window is used as is; narrow widths are emulated as a phone (overlay scrollbars,
    the page's viewport meta honoured), so ``clientWidth`` is the full 390 px a phone has rather
    than what is left of a desktop window beside its scrollbar.
    """
    driver.set_window_size(max(width, 500), height)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width <= PHONE_MAX_WIDTH},
    )


def open_page(driver: webdriver.Chrome, url: str) -> None:
    """Load ``url`` with empty logs, so the logs afterwards belong to this page alone."""
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(url)
    # On a busy machine chromedriver has been seen to return before the page had loaded.
    for _ in range(300):
        if driver.execute_script("return document.readyState") == "complete":
            break
        time.sleep(0.1)


def save_screenshot(driver: webdriver.Chrome, path: Path) -> None:
    """A PNG of the whole page (not only the viewport) at the current width."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


# --- the checks -----------------------------------------------------------------------------

# Elements that reach beyond the right edge of the viewport and are not inside a box that
# scrolls or clips them; only the outermost of each nest is named.
_OVERFLOWING_JS = """
const cw = document.documentElement.clientWidth;
const sticksOut = el => el.getBoundingClientRect().right + window.scrollX > cw + 1;
const contained = el => {
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return true;
  }
  return false;
};
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (!sticksOut(el) || contained(el)) continue;
  if (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)) continue;
  const r = el.getBoundingClientRect();
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  if (typeof el.className === 'string' && el.className.trim()) {
    name += '.' + el.className.trim().split(/\\s+/).join('.');
  }
  const text = (el.innerText || el.getAttribute('alt') || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
  const right = Math.round(r.right + window.scrollX);
  out.push(`${name} (${Math.round(r.width)} px wide, right edge at ${right} px) "${text}"`);
  if (out.length >= 8) break;
}
return out;
"""

# Boxes that cut off part of their content without letting the reader scroll to it
# (overflow-x hidden or clip; a deliberate ellipsis is fine); of nested ones the innermost.
_CLIPPED_JS = """
const clips = [...document.body.querySelectorAll('*')].filter(el => {
  const cs = getComputedStyle(el);
  return ['hidden', 'clip'].includes(cs.overflowX) && cs.textOverflow !== 'ellipsis'
    && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
});
const out = [];
for (const el of clips) {
  if (clips.some(other => other !== el && el.contains(other))) continue;
  let name = el.tagName.toLowerCase();
  if (typeof el.className === 'string' && el.className.trim()) {
    name += '.' + el.className.trim().split(/\\s+/).join('.');
  }
  const text = (el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
  out.push(`${name} shows ${el.clientWidth} of ${el.scrollWidth} px: "${text}"`);
}
return out;
"""

# Every visible element with text of its own: its colour against what is drawn behind it (the
# background colours of it and its ancestors, blended from the page's white up), WCAG 2 ratio.
_CONTRAST_JS = """
const min = arguments[0];
const rgba = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
  const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
const over = (top, under) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]); };
const lum = c => { const l = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
const backdrop = el => { const layers = [];
  for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; }
  let bg = [255, 255, 255, 1]; for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg); return bg; };
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
  const cs = getComputedStyle(el);
  if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true}) || !el.getClientRects().length) continue;
  if (el.closest('svg')) continue;
  const bg = backdrop(el), fg = over(rgba(cs.color), bg);
  const a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < min) {
    let name = el.tagName.toLowerCase();
    if (typeof el.className === 'string' && el.className.trim()) name += '.' + el.className.trim().split(/\\s+/).join('.');
    out.push(`${name} "${el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40)}": ${cs.color} on rgb(${bg.slice(0, 3).map(Math.round)}) is ${ratio.toFixed(2)}:1`);
    if (out.length >= 10) break;
  }
}
return out;
"""

_PAGE_STATE_JS = """
const text = el => (el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 160);
return {
  readyState: document.readyState,
  title: document.title.trim(),
  h1: document.querySelectorAll('h1').length,
  stderr: [...document.querySelectorAll('[data-mime-type="%(stderr)s"]')].map(text),
  tracebacks: [...document.querySelectorAll('.jp-OutputArea-output')]
    .filter(el => /Traceback \\(most recent call last\\)/.test(el.innerText || '')).map(text),
  clientWidth: document.documentElement.clientWidth,
  scrollWidth: document.documentElement.scrollWidth,
  brokenImages: [...document.images]
    .filter(img => !img.complete || img.naturalWidth === 0)
    .map(img => (img.currentSrc || img.src || '(no src)').slice(0, 120)),
};
""" % {"stderr": STDERR_MIME}


def requested_urls(driver: webdriver.Chrome) -> list[str]:
    """Every URL the page asked for since the log was last read (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def page_problems(driver: webdriver.Chrome, url: str) -> list[str]:
    """Open ``url`` at the current width and return every problem found (empty: none)."""
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(url))
    open_page(driver, url)
    state = driver.execute_script(_PAGE_STATE_JS)
    problems = []

    if state["readyState"] != "complete":
        problems.append(f"page not loaded: document.readyState is {state['readyState']!r}")
    if not state["title"]:
        problems.append("page has no title")
    if not state["h1"]:
        problems.append("page has no h1")

    for entry in driver.get_log("browser"):
        # Chromium asks every new origin for /favicon.ico by itself, whatever the page says; the
        # site has none, so the first page opened gets a 404 that is not that page's fault.
        if entry["level"] == "SEVERE" and not entry["message"].startswith(origin + "favicon.ico "):
            problems.append(f"console error: {entry['message']}")

    for req in requested_urls(driver):
        if not (req.startswith(origin) or req.startswith(LOCAL_SCHEMES)):
            problems.append(f"request leaves the site: {req}")

    for text in state["stderr"]:
        problems.append(f"cell error output ({STDERR_MIME}): {text}")
    for text in state["tracebacks"]:
        problems.append(f"cell output contains a traceback: {text}")

    if state["scrollWidth"] > state["clientWidth"] + 1:
        culprits = driver.execute_script(_OVERFLOWING_JS) or ["(no single element found)"]
        problems.append(
            f"page scrolls sideways: scrollWidth {state['scrollWidth']} > clientWidth "
            f"{state['clientWidth']}; sticking out: " + "; ".join(culprits)
        )

    for box in driver.execute_script(_CLIPPED_JS):
        problems.append(f"content cut off, no way to scroll to it: {box}")

    for src in state["brokenImages"]:
        problems.append(f"image not loaded: {src}")

    for text in driver.execute_script(_CONTRAST_JS, MIN_CONTRAST):
        problems.append(f"text contrast below {MIN_CONTRAST}:1: {text}")
    return problems


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def driver() -> Iterator[webdriver.Chrome]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        drv = make_driver(Path(profile))
        try:
            yield drv
        finally:
            drv.quit()


@pytest.fixture(scope="module")
def base_url(site) -> Iterator[str]:
    with serve_folder(site) as url:
        yield url


# --- tests ----------------------------------------------------------------------------------


def test_every_page_is_tested(site):
    """The pages the browser tests walk through are all the HTML pages in the site."""
    assert sorted(p.name for p in Path(site).glob("*.html")) == sorted(PAGES)


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.removesuffix(".html"))
def test_page_in_browser(driver, base_url, page, width):
    set_width(driver, width)
    problems = page_problems(driver, base_url + page)
    save_screenshot(driver, SCREENSHOTS / f"{page.removesuffix('.html')}-{width}.png")

    viewport = driver.execute_script("return document.documentElement.clientWidth")
    assert width - 20 <= viewport <= width, f"viewport is {viewport} px wide, wanted about {width}"
    assert not problems, f"{page} at {width} px:\n  " + "\n  ".join(problems)


class _Links(HTMLParser):
    """The hrefs of a page's links (all of them, and those inside <nav>) and its element ids."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.nav_hrefs: list[str] = []
        self.ids: set[str] = set()
        self._in_nav = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "nav":
            self._in_nav += 1
        elif tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
            if self._in_nav:
                self.nav_hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_nav -= 1


def links_of(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path, links: _Links) -> list[str]:
    """The links of a page that point at no file of the site or at no element of the page."""
    broken = []
    for href in links.hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # a link out of the site is not a request (check 3 covers requests)
        if parts.path:
            if not (site / unquote(parts.path)).is_file():
                broken.append(f"{href} (no such file)")
        elif parts.fragment and not {parts.fragment, unquote(parts.fragment)} & links.ids:
            broken.append(f"{href} (no element with that id)")
    return broken


def test_links_between_pages(site):
    site = Path(site)
    index = links_of(site / "index.html")
    missing = [p for p in NOTEBOOK_PAGES if p not in index.hrefs]
    assert not missing, f"index.html does not link to {missing}"
    assert not broken_links(site, index), f"index.html: broken links {broken_links(site, index)}"

    for page in PAGES:
        links = links_of(site / page)
        lacking = set(PAGES) - {urlsplit(h).path for h in links.nav_hrefs}
        assert not lacking, f"{page}: its nav does not link to {sorted(lacking)}"
        assert not broken_links(site, links), f"{page}: broken links {broken_links(site, links)}"


BAD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>A broken page</title>
<script src="https://cdn.example.org/x.js"></script>
</head><body>
<h1>A broken page</h1>
<script>console.error("boom");</script>
<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr">
<pre>Traceback (most recent call last):
ZeroDivisionError: division by zero</pre></div>
<div id="too-wide" style="width: 900px">wider than a phone</div>
<div class="clipper" style="overflow-x: hidden; width: 200px"><div style="width: 300px">cut off</div></div>
<img src="missing.png" alt="not there">
<p style="color: #E69F00">orange text on white</p>
<div style="background: rgba(0, 0, 0, 0.8)"><span style="color: #555">grey on near-black</span></div>
</body></html>
"""


def test_checks_report_problems(driver, tmp_path):
    """A page with a CDN script, a console error (and more) is not passed as clean."""
    (tmp_path / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    set_width(driver, 390)
    with serve_folder(tmp_path) as url:
        problems = page_problems(driver, url + "bad.html")
    report = "\n".join(problems)

    assert any(p.startswith("request leaves the site: https://cdn.example.org/x.js") for p in problems), report
    assert any(p.startswith("console error:") and "boom" in p for p in problems), report
    assert any(p.startswith("cell error output") and "ZeroDivisionError" in p for p in problems), report
    assert any(p.startswith("page scrolls sideways") and "div#too-wide" in p for p in problems), report
    assert any(p.startswith("image not loaded:") and "missing.png" in p for p in problems), report
    assert any(p.startswith("content cut off") and "div.clipper" in p for p in problems), report
    assert any(p.startswith("text contrast") and "orange text" in p for p in problems), report
    assert any(p.startswith("text contrast") and "grey on near-black" in p for p in problems), report
    assert not any(p.startswith("text contrast") and "A broken page" in p for p in problems), report


# --- the reader's site (issue 15) -----------------------------------------------------------

from selenium.webdriver.common.by import By  # noqa: E402

_FIRST_SCREEN_JS = """
const box = document.querySelector('.ss-findings');
if (!box) return null;
const top = box.getBoundingClientRect().top + window.scrollY;
const visible = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && el.getClientRects().length > 0;
const code = [...document.querySelectorAll('.jp-InputArea-editor')].filter(visible);
return {
  top: top,
  height: window.innerHeight,
  codeAbove: code.filter(el => el.getBoundingClientRect().top + window.scrollY < top).length,
  codeShown: code.length,
};
"""


@pytest.mark.parametrize("page", ANALYSIS_PAGES, ids=lambda p: p.removesuffix(".html"))
def test_findings_box_in_the_first_screen_without_code_above(driver, base_url, page):
    """Acceptance 1: at 1280 px the findings box starts within the first screen, no code above it,
    and the page's code is folded."""
    set_width(driver, 1280)
    open_page(driver, base_url + page)
    state = driver.execute_script(_FIRST_SCREEN_JS)
    assert state is not None, f"{page} has no findings box"
    assert 0 <= state["top"] < state["height"] - 60, f"{page}: the findings box starts at {state['top']} px, below the first screen"
    assert state["codeAbove"] == 0, f"{page}: {state['codeAbove']} code cells shown above the findings box"
    assert state["codeShown"] == 0, f"{page}: {state['codeShown']} code cells shown unfolded on an analysis page"


def test_workbooks_show_their_code(driver, base_url):
    """Where the code is the lesson (first cell tagged show-code), it is shown, not folded."""
    shown = [name for name, nb in STORED.items() if has_tag(nb.cells[0], "show-code")]
    assert shown
    set_width(driver, 1280)
    for name in shown:
        open_page(driver, base_url + f"{name}.html")
        assert driver.execute_script(_FIRST_SCREEN_JS.replace("if (!box) return null;", "if (!box) return {codeShown: "
                                     "[...document.querySelectorAll('.jp-InputArea-editor')].filter(el => el.checkVisibility()).length};")
                                     )["codeShown"] > 0, name


@pytest.fixture(scope="module")
def story_expectations(corpus):
    """From the package itself: an element told by several articles and left out by some, and the quotes."""
    from analysis.sourcing import extract_quotes
    from analysis.topics import story_elements

    elements = story_elements(corpus)
    told = elements.groupby("element")["article_id"].agg(lambda s: sorted(set(map(str, s))))
    n = len(corpus.articles)
    candidates = told[told.map(len).between(2, n - 1)]
    assert len(candidates), "the bundled corpus has an element told by some articles and left out by others"
    element = sorted(candidates.index, key=lambda e: (-len(candidates[e]), str(e)))[0]
    return {"element": str(element), "told": candidates[element], "quotes": extract_quotes(corpus)}


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_story_view_element_and_quote(driver, base_url, story_expectations, corpus, width):
    """Acceptance 2: selecting an element lights its sentences in each article shown that tells
    it and names the articles that leave it out; selecting a quote shows its speaker."""
    set_width(driver, width)
    open_page(driver, base_url + PAGE_FILES["story"])
    shown = [c.get_attribute("data-article") for c in driver.find_elements(By.CSS_SELECTOR, ".ss-col") if c.is_displayed()]
    assert len(shown) == (2 if width <= PHONE_MAX_WIDTH else len(corpus.articles)), shown
    element, told = story_expectations["element"], story_expectations["told"]
    button = driver.find_element(By.CSS_SELECTOR, f'.ss-el[data-el="{element}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    for aid in shown:
        lit = driver.find_elements(By.CSS_SELECTOR, f'#col-{aid} .ss-s.ss-on')
        status = driver.find_element(By.CSS_SELECTOR, f"#col-{aid} .ss-col-status").text
        if aid in told:
            assert lit and all(element in s.get_attribute("data-el").split() for s in lit), aid
            assert status.startswith("Tells element"), status
        else:
            assert not lit, aid
            assert status.startswith("Leaves element"), status
    panel = driver.find_element(By.ID, "ss-panel").text
    left_out = [str(o) for a, o in zip(corpus.articles.index.astype(str), corpus.articles["outlet"]) if a not in told]
    assert "Left out by: " + ", ".join(left_out) in panel, panel

    # A quote: its speaker, as extract_quotes gives it, in the panel.
    column = driver.find_element(By.CSS_SELECTOR, f"#col-{shown[0]}")
    mark = column.find_element(By.CSS_SELECTOR, ".ss-q")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    speaker = driver.find_element(By.CSS_SELECTOR, "#ss-panel .ss-speaker").text
    quoted = driver.find_element(By.CSS_SELECTOR, "#ss-panel blockquote").text.strip("“”")
    quotes = story_expectations["quotes"]
    rows = quotes[(quotes["article_id"].astype(str) == shown[0]) & (quotes["quote"] == quoted)]
    assert len(rows), quoted
    expected = {s if isinstance(s, str) and s else "not found by the machine" for s in rows["speaker"]}
    assert speaker in expected, (speaker, expected)
    assert "ss-sel" in mark.get_attribute("class")


def test_story_view_opens_at_an_element_from_a_link(driver, base_url, story_expectations):
    """Numbers elsewhere link into the story view: story.html#element-N opens with N selected."""
    set_width(driver, 1280)
    element = story_expectations["element"]
    open_page(driver, base_url + f"{PAGE_FILES['story']}#element-{element}")
    pressed = driver.find_elements(By.CSS_SELECTOR, '.ss-el[aria-pressed="true"]')
    assert [b.get_attribute("data-el") for b in pressed] == [element]


def test_an_offset_in_a_table_opens_its_characters_in_the_story_view(driver, base_url, corpus):
    """Numbers link to their passages: a table row's offsets open the story view with that sentence lit."""
    import re
    from urllib.parse import unquote

    set_width(driver, 1280)
    open_page(driver, base_url + "03-sourcing.html")
    links = driver.find_elements(By.CSS_SELECTOR, 'a[href*="story.html#at-"]')
    assert links, "no table row links its offsets"
    link = links[0]
    aid, start, end = re.match(r".*#at-(.+)-(\d+)-(\d+)$", unquote(link.get_attribute("href"))).groups()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#col-{aid} .ss-s.ss-on"))
    lit = driver.find_elements(By.CSS_SELECTOR, f"#col-{aid} .ss-s.ss-on")
    text = str(corpus.articles.loc[aid, "text"])
    assert any(int(s.get_attribute("data-a")) <= int(start) < int(s.get_attribute("data-b")) for s in lit)
    assert text[int(start):int(end)].split()[0] in " ".join(s.text for s in lit)


def _search_word(site: Path, page: str) -> tuple[str, str]:
    """A word that occurs on exactly one other page of the site and not on ``page`` (from the site's index)."""
    import re

    raw = (site / "_static" / "search-index.js").read_text(encoding="utf-8")
    rows = json.loads(raw[raw.index("=") + 1 :].strip().rstrip(";"))
    texts: dict[str, str] = {}
    for name, title, section, _anchor, text in rows:
        texts[name] = texts.get(name, "") + f" {title} {section} {text}".lower()
    here = texts.get(page, "") + (site / page).read_text(encoding="utf-8").lower()
    for other in sorted(texts):
        if other == page:
            continue
        for word in sorted(set(re.findall(r"[a-z]{9,}", texts[other]))):
            if word not in here and sum(word in t for t in texts.values()) == 1:
                return word, other
    raise AssertionError("no word found on one other page only")


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_search_finds_a_word_on_another_page(driver, base_url, site, width):
    """Acceptance 3a: the site search, from one page, finds a word that is only on another and leads there."""
    start = "01-framing.html"
    word, other = _search_word(Path(site), start)
    set_width(driver, width)
    open_page(driver, base_url + start)
    box = driver.find_element(By.ID, "ss-search")
    box.send_keys(word)
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#ss-results a.ss-hit"))
    hits = driver.find_elements(By.CSS_SELECTOR, "#ss-results a.ss-hit")
    targets = [h.get_attribute("href") for h in hits]
    assert any(urlsplit(t).path.endswith("/" + other) for t in targets), (word, other, targets)
    hit = next(h for h in hits if urlsplit(h.get_attribute("href")).path.endswith("/" + other))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", hit)
    hit.click()
    WebDriverWait(driver, 10).until(lambda d: urlsplit(d.current_url).path.endswith("/" + other))
    assert word.lower() in driver.execute_script("return document.body.textContent").lower()


def test_a_table_filter_reduces_its_rows(driver, base_url):
    """Acceptance 3b: typing in a table's filter box leaves only the rows holding the words."""
    set_width(driver, 1280)
    open_page(driver, base_url + "00-corpus-tour.html")
    bars = driver.find_elements(By.CSS_SELECTOR, ".ss-tbar")
    assert bars, "no table with a filter box"
    bar = bars[0]
    table = bar.find_element(By.XPATH, "following-sibling::table[1]")
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    texts = [r.text for r in rows]
    word = next(w for t in texts for w in t.split() if len(w) > 3 and sum(w.lower() in x.lower() for x in texts) < len(texts))
    field = bar.find_element(By.TAG_NAME, "input")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.send_keys(word)
    visible = [r for r in rows if r.is_displayed()]
    assert 0 < len(visible) < len(rows), (word, len(visible), len(rows))
    assert all(word.lower() in r.text.lower() for r in visible)
    assert f"{len(visible)} of {len(rows)} rows" in bar.text

    # and a heading sorts it
    buttons = table.find_elements(By.CSS_SELECTOR, "thead button.ss-sort")
    assert buttons, "no sortable heading"
    field.clear()
    field.send_keys(" ")
    buttons[0].click()
    assert buttons[0].find_element(By.XPATH, "..").get_attribute("aria-sort") == "ascending"


def _csv_links(site: Path) -> list[tuple[str, str]]:
    out = []
    for page in PAGES:
        for href in links_of(site / page).hrefs:
            if urlsplit(href).path.endswith(".csv"):
                out.append((page, href))
    return out


def test_every_table_and_figure_has_a_csv_link(site):
    """Every table and figure shown in a notebook's output has a CSV download link beside it."""
    import re

    site = Path(site)
    for page in [*NOTEBOOK_PAGES, *TEACHER_PAGES]:
        html = (site / page).read_text(encoding="utf-8")
        for cell in re.split(r'<div\s+id="cell-id=', html)[1:]:
            has_table = "<table" in cell
            has_figure = "data:image/png" in cell
            if (has_table or has_figure) and not re.search(r'href="[^"]+\.csv"', cell):
                pytest.fail(f"{page}: cell {cell[:40]!r} shows a {'table' if has_table else 'figure'} without a CSV link")


def test_each_csv_link_downloads_a_file(driver, base_url, site, tmp_path):
    """Acceptance 3c: every CSV link of the site answers with a CSV file; one, clicked, downloads."""
    import csv
    import io
    import urllib.request

    links = _csv_links(Path(site))
    assert len(links) > 20
    for page, href in sorted(set(links)):
        with urllib.request.urlopen(base_url + href) as resp:
            body = resp.read().decode("utf-8")
        rows = list(csv.reader(io.StringIO(body)))
        assert len(rows) >= 1 and any(rows[0]), (page, href)  # a table may be empty on another corpus: its header stays

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    set_width(driver, 1280)
    page, href = links[0]
    open_page(driver, base_url + page)
    link = driver.find_element(By.CSS_SELECTOR, f'a[href="{href}"]')
    assert link.get_attribute("download") is not None
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    name = href.rsplit("/", 1)[-1]
    for _ in range(50):
        if (downloads / name).is_file():
            break
        time.sleep(0.1)
    assert (downloads / name).is_file(), list(downloads.iterdir())
