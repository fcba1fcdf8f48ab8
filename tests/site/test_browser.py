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
7. a full-page screenshot is saved as ``test-artifacts/screenshots/<page>-<width>.png`` in the
   project root, for a human to look at.

Another test checks the links between the pages, and one renders a deliberately broken page to
show that the checks do report problems (they are not vacuous). The module is skipped when
chromium or chromedriver is missing.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

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

NOTEBOOK_PAGES = [f"{p.stem}.html" for p in notebook_paths()] + [f"{p.stem}.html" for p in doc_paths()]
PAGES = ["index.html", *NOTEBOOK_PAGES]
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

    for page in NOTEBOOK_PAGES:
        links = links_of(site / page)
        lacking = {"index.html", *NOTEBOOK_PAGES} - {urlsplit(h).path for h in links.nav_hrefs}
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
