"""What a claim holds: every outlet gets every claim in card order, evidence offsets, and links that resolve."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import synthesis
from analysis.paths import NOTEBOOKS_DIR


def test_every_outlet_gets_every_claim_in_card_order(small, seeds, corpus):
    for c, syn in ((small[0], small[1]), (corpus, seeds)):
        claims = syn.claims
        assert list(claims.columns) == synthesis.CLAIM_COLUMNS
        assert claims["claim_id"].tolist() == list(range(1, len(claims) + 1))
        for outlet in c.outlets:
            mine = claims[claims["outlet"] == outlet]
            # Every claim in card order; a coverage claim about an empty set is left out, no other.
            assert mine["measure"].tolist() == [m for m in synthesis.SOURCES if m in set(mine["measure"])]
            assert set(synthesis.SOURCES) - set(mine["measure"]) <= {"told by it alone", "left out"}
            assert set(mine["topic"]) == set(synthesis.TOPICS)
        assert claims["outlet"].drop_duplicates().tolist() == c.outlets
        for r in claims.itertuples(index=False):
            src = synthesis.SOURCES[r.measure]
            assert (r.topic, r.source_notebook, r.source_section, r.source_table) == (src.topic, src.notebook, src.section, src.table)
            assert r.link == f"{src.notebook}.html#{synthesis.heading_anchor(src.section)}"
            assert r.claim.strip() and r.claim.rstrip().endswith((".", "”", "…”"))


def test_evidence_offsets_give_back_the_text(small, seeds, corpus):
    for c, syn in ((small[0], small[1]), (corpus, seeds)):
        ev = synthesis.evidence_table(syn)
        assert list(ev.columns) == synthesis.EVIDENCE_COLUMNS
        assert len(ev) == sum(len(e) for e in syn.claims["evidence"]) > 0
        texts = c.articles["text"]
        for r in ev.itertuples(index=False):
            assert texts[r.article_id][r.start : r.end] == r.text
            assert texts[r.article_id][r.context_start : r.context_end] == r.context
            assert r.context_start <= r.start <= r.end <= r.context_end
        assert set(ev["claim_id"]) <= set(syn.claims["claim_id"])


def test_claims_table_and_saved_tables(small, tmp_path):
    syn = small[1]
    table = synthesis.claims_table(syn)
    assert len(table) == len(syn.claims) and table.index.name == "claim"
    assert list(table["evidence"]) == [len(e) for e in syn.claims["evidence"]]
    line = synthesis.save_tables(syn, tmp_path)
    assert (tmp_path / "tab5-claims.csv").is_file() and (tmp_path / "tab5-evidence.csv").is_file()
    assert "tab5-claims.csv" in line


# ---------------------------------------------------------------------------------------------
# Links: anchors as nbconvert makes them, and every link of the cards resolves in a rendered site


@pytest.mark.parametrize("heading, anchor", [
    ("Generic frames", "Generic-frames"),
    ("Whose voices?", "Whose-voices?"),
    ("Agency: who did it?", "Agency:-who-did-it?"),
    ("1 · Topics", "1-%C2%B7-Topics"),
    ("What each outlet leaves out, and what only one tells", "What-each-outlet-leaves-out,-and-what-only-one-tells"),
])
def test_heading_anchor(heading, anchor):
    assert synthesis.heading_anchor(heading) == anchor


@given(st.text(min_size=1, max_size=40))
def test_heading_anchor_round_trips_and_has_no_spaces(text):
    anchor = synthesis.heading_anchor(text)
    assert " " not in anchor and unquote(anchor) == text.replace(" ", "-")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(html: str) -> _Links:
    p = _Links()
    p.feed(html)
    return p


def unresolved(links: list[str], page_ids) -> list[str]:
    bad = []
    for href in links:
        parts = urlsplit(href)
        ids = page_ids(parts.path)
        if ids is None:
            bad.append(f"{href}: no such page")
        elif parts.fragment and not {parts.fragment, unquote(parts.fragment)} & ids:
            bad.append(f"{href}: no element with that id")
    return bad


def test_sources_resolve_in_the_stored_notebooks_rendered():
    """Fast check: each source section's anchor exists in its notebook as nbconvert renders it."""
    from analysis.site.report import render_html

    pages = {}
    for nb_name in sorted({s.notebook for s in synthesis.SOURCES.values()}):
        path = NOTEBOOKS_DIR / f"{nb_name}.ipynb"
        assert path.is_file(), path
        pages[f"{nb_name}.html"] = parse(render_html(nbformat.read(path, as_version=4), nav="", footer="")).ids
    links = [s.link for s in synthesis.SOURCES.values()]
    assert not unresolved(links, pages.get)


def test_every_link_of_the_cards_resolves_in_the_rendered_site(site):
    """The page of notebook 05 in the site the main job renders: every link in its cards and its
    table of claims leads to a page of the site and to an element of that page."""
    page = Path(site) / "05-synthesis.html"
    html = page.read_text(encoding="utf-8")
    start = html.index('<div class="ss-syn">')
    links = parse(html[start:]).hrefs  # the cards, the table of claims, and the page's footer
    expected = {s.link for s in synthesis.SOURCES.values()}
    assert expected <= set(links)

    def ids(path: str):
        target = Path(site) / unquote(path) if path else page  # "#id" is a place on this page
        return parse(target.read_text(encoding="utf-8")).ids if target.is_file() else None

    assert not unresolved(links, ids)
