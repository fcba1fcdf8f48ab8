"""Synthesis (notebook 05): claims computed from the four analyses, their evidence, the cards and their links."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import synthesis
from analysis.corpus import load_corpus
from analysis.paths import NOTEBOOKS_DIR
from analysis.plots import outlet_colors

# ---------------------------------------------------------------------------------------------
# Tiny hand-written corpora


def write_corpus(folder: Path, articles: list[dict], *, headlines: bool = True) -> Path:
    """A corpus folder: one text file per article and a metadata.csv naming them."""
    folder.mkdir(parents=True, exist_ok=True)
    cols = ["article_id", "outlet", "file"] + (["headline"] if headlines else [])
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for a in articles:
            (folder / f"{a['article_id']}.txt").write_text(a["text"], encoding="utf-8")
            w.writerow([a["article_id"], a["outlet"], f"{a['article_id']}.txt"] + ([a.get("headline", "")] if headlines else []))
    return folder


ENVOY = "The envoy met the president in Moscow on Friday for three hours of talks about a peace deal and security guarantees."
BOMB = "A senior general was killed by a car bomb outside Moscow on Friday morning, shortly before the talks began."

ALPHA = "\n\n".join([
    ENVOY,
    BOMB,
    "The president claimed the two sides were “very close to a deal”.",
    "Kyiv said the war must end with firm security guarantees from its allies.",
    "Farmers in the south worried about the harvest and the price of grain this spring.",
])
BETA = "\n\n".join([
    ENVOY,
    BOMB,
    "The president said the two sides were “very close to a deal”.",
    "Kyiv said the conflict must end with firm security guarantees from its allies.",
    "An aide called the talks “a crisis of trust” between the two capitals.",
])
GAMMA = "\n\n".join([
    "The envoy and the president held talks in Moscow on Friday about a peace deal.",
    "“Very close to a deal,” the president told reporters afterwards.",
    "Officials described the Ukraine crisis as a matter for negotiation between the capitals.",
])


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = write_corpus(tmp_path_factory.mktemp("syn") / "small", [
        {"article_id": "a", "outlet": "Alpha", "text": ALPHA, "headline": "Envoy meets president"},
        {"article_id": "b", "outlet": "Beta", "text": BETA, "headline": ""},
        {"article_id": "g", "outlet": "Gamma", "text": GAMMA, "headline": "Talks in Moscow"},
    ])
    corpus = load_corpus(folder)
    return corpus, synthesis.synthesize(corpus)


@pytest.fixture(scope="module")
def seeds(corpus):
    return synthesis.synthesize(corpus)


def claim(syn, outlet: str, measure: str) -> pd.Series:
    c = syn.claims
    rows = c[(c["outlet"] == outlet) & (c["measure"] == measure)]
    assert len(rows) == 1, (outlet, measure)
    return rows.iloc[0]


def evidence_text(row) -> str:
    return " | ".join(e["text"] for e in row["evidence"])


# ---------------------------------------------------------------------------------------------
# The claims table


def test_every_outlet_gets_every_claim_in_card_order(small, seeds, corpus):
    for c, syn in ((small[0], small[1]), (corpus, seeds)):
        claims = syn.claims
        assert list(claims.columns) == synthesis.CLAIM_COLUMNS
        assert claims["claim_id"].tolist() == list(range(1, len(claims) + 1))
        for outlet in c.outlets:
            mine = claims[claims["outlet"] == outlet]
            assert mine["measure"].tolist() == list(synthesis.SOURCES)
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


def test_small_corpus_claims_are_what_the_texts_say(small):
    corpus, syn = small
    # Gamma does not tell the car bomb, which both other outlets tell.
    left = claim(syn, "Gamma", "left out")
    assert left["value"] >= 1 and "car bomb" in evidence_text(left)
    assert {e["article_id"] for e in left["evidence"]} >= {"a", "b"}
    assert claim(syn, "Alpha", "left out")["value"] == 0
    # Only Alpha tells the farmers.
    assert "harvest" in evidence_text(claim(syn, "Alpha", "told by it alone"))
    # Alpha's "claimed" is a distancing verb; Gamma uses none.
    verbs = claim(syn, "Alpha", "reporting verbs")
    assert "“claimed”" in verbs["claim"] and evidence_text(verbs) == "claimed"
    assert claim(syn, "Gamma", "reporting verbs")["value"] == 0
    # Own-voice wordings: Gamma alone writes "crisis" outside quotation marks; Beta has it only quoted.
    own = claim(syn, "Gamma", "wordings of its own")
    assert own["about"] == "“crisis”" and "Beta has it only inside quotation marks" in own["claim"]
    assert "“war”" in claim(syn, "Alpha", "wordings of its own")["about"]
    assert "“conflict”" in claim(syn, "Beta", "wordings of its own")["about"]
    # Alpha and Beta print the envoy sentence word for word: shared narration, not quotation.
    nar = claim(syn, "Alpha", "shared wire narration")
    assert nar["value"] > 0 and "Beta" in nar["claim"] and "envoy met the president" in evidence_text(nar)
    assert claim(syn, "Gamma", "shared wire narration")["value"] == 0


def test_claims_agree_with_the_tables_they_cite(seeds, corpus):
    from analysis import framing, sourcing, wordchoice

    summary = framing.frame_summary(framing.frame_scores(corpus, scheme="generic"), corpus, scheme="generic")
    quotes = sourcing.extract_quotes(corpus, indirect=True)
    voices = sourcing.voices(quotes, corpus, by="speaker")
    stance = sourcing.verb_stance(quotes, corpus)
    for o in corpus.outlets:
        top = summary[summary["outlet"] == o].sort_values(["share_of_sentences", "sentences"], ascending=False, kind="stable").iloc[0]
        c = claim(seeds, o, "most frequent frame")
        assert c["about"] == top["frame"] and c["value"] == top["share_of_sentences"]
        assert f"{top['sentences']} of its {top['all_sentences']} sentences" in c["claim"]
        v = voices[voices["outlet"] == o].sort_values("words", ascending=False, kind="stable").iloc[0]
        assert claim(seeds, o, "most quoted voices")["about"] == v["speaker"]
        assert claim(seeds, o, "reporting verbs")["value"] == pytest.approx(1 - stance.loc[o, "neutral"] / stance.loc[o, "total"])
    # The naming counts behind the word claims are notebook 02's table.
    table = wordchoice.naming_table(corpus)
    table = table[table["count"] > 0].set_index(["outlet", "concept", "variant"])[["count", "quoted"]].sort_index()
    mine = seeds.tables["naming_counts"].set_index(["outlet", "concept", "variant"])[["count", "quoted"]].sort_index()
    pd.testing.assert_frame_equal(mine.astype(int), table.astype(int))


def test_seed_cards_show_what_the_mission_describes(seeds):
    """From computed output only: CGTN leaves out the car bomb, the FT alone tells the Pavlohrad
    strike, The Independent alone the Klitschko interview, AFP writes "claimed", CGTN alone says
    "crisis" in its own voice, CGTN and The Independent share wire narration."""
    left = claim(seeds, "CGTN", "left out")
    assert "car" in evidence_text(left) and {"afp", "cnn", "ft", "independent"} <= {e["article_id"] for e in left["evidence"]}
    assert "Pavlohrad" in evidence_text(claim(seeds, "FT (probable)", "told by it alone"))
    assert "Klitschko" in evidence_text(claim(seeds, "The Independent", "told by it alone"))
    assert "claimed" in evidence_text(claim(seeds, "AFP", "reporting verbs"))
    assert "“crisis”" in claim(seeds, "CGTN", "wordings of its own")["about"]
    nar = claim(seeds, "CGTN", "shared wire narration")
    assert "The Independent" in nar["claim"] and "sanctions" in evidence_text(nar)


def test_each_analysis_runs_once_per_call_and_nothing_is_cached(small, monkeypatch):
    from analysis import framing, sourcing, topics, wordchoice
    from analysis.framing import agency
    from analysis.topics import reuse

    corpus, _ = small
    calls: dict[str, int] = {}
    for module, name in [(framing, "frame_scores"), (agency, "passives"), (wordchoice, "distinctive_terms"),
                         (wordchoice, "naming_mentions"), (wordchoice, "naming_table"), (sourcing, "extract_quotes"),
                         (topics, "story_elements"), (reuse, "shared_passages")]:
        original = getattr(module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls[_name] = calls.get(_name, 0) + 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    synthesis.synthesize(corpus)
    assert calls == {"frame_scores": 1, "passives": 1, "distinctive_terms": 1, "naming_mentions": 1,
                     "extract_quotes": 1, "story_elements": 1, "shared_passages": 1}
    synthesis.synthesize(corpus)
    assert set(calls.values()) == {2}


# ---------------------------------------------------------------------------------------------
# One outlet, no headlines


def test_one_outlet_gets_a_card_and_a_plain_statement(tmp_path):
    corpus = load_corpus(write_corpus(tmp_path / "one", [{"article_id": "a", "outlet": "Alpha", "text": ALPHA}]))
    syn = synthesis.synthesize(corpus)
    needs = syn.claims[syn.claims["claim"].str.contains("needs at least two")]
    assert set(needs["measure"]) == {"frame that sets it apart", "distinctive terms", "wordings of its own",
                                     "told by it alone", "left out", "shared wire narration"}
    assert needs["evidence"].map(len).eq(0).all()
    assert claim(syn, "Alpha", "most frequent frame")["evidence"]
    assert "“war”" in claim(syn, "Alpha", "contested naming")["claim"]
    html = synthesis.cards_html(syn)
    assert html.count('class="ss-syn-card"') == 1 and "comparisons need at least two" in html
    assert "Comparisons need at least two outlets" in synthesis.synthesis_finding(syn)
    assert synthesis.limits_finding(syn)


def test_corpus_without_headlines(tmp_path):
    folder = write_corpus(tmp_path / "nohead", [
        {"article_id": "a", "outlet": "Alpha", "text": ALPHA},
        {"article_id": "b", "outlet": "Beta", "text": BETA},
    ], headlines=False)
    syn = synthesis.synthesize(load_corpus(folder))
    assert syn.outlets["headlines"].map(len).eq(0).all()
    html = synthesis.cards_html(syn)
    assert html.count("No headline in the metadata.") == 2
    assert "the other outlet tells" in claim(syn, "Alpha", "left out")["claim"]


def test_the_small_cards_show_headlines_where_given(small):
    html = synthesis.cards_html(small[1])
    assert "Headline: “Envoy meets president”" in html and html.count("No headline in the metadata.") == 1


# ---------------------------------------------------------------------------------------------
# The HTML: escaped, one colour per outlet, not colour alone, stacking cards


def test_article_text_and_outlet_names_are_escaped(tmp_path):
    evil = "<script>alert(1)</script>"
    folder = write_corpus(tmp_path / "evil", [
        {"article_id": "a", "outlet": "Alpha <b>&</b>", "text": ALPHA.replace("Farmers", f"Farmers {evil}"), "headline": f"Head {evil}"},
        {"article_id": "b", "outlet": "Beta", "text": BETA},
    ])
    syn = synthesis.synthesize(load_corpus(folder))
    for out in (synthesis.cards_html(syn), synthesis.claims_table_html(syn), synthesis.synthesis_finding(syn)):
        assert "<script>" not in out and "<b>&</b>" not in out
    cards = synthesis.cards_html(syn)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in cards and "Alpha &lt;b&gt;&amp;&lt;/b&gt;" in cards


def test_cards_carry_outlet_colours_names_and_a_grid_that_stacks(small):
    corpus, syn = small
    html = synthesis.cards_html(syn)
    colors = outlet_colors(corpus.outlets)
    cards = re.findall(r'<article class="ss-syn-card" style="--ss-c: (#[0-9A-Fa-f]{6})"[^>]*>(.*?)</article>', html, re.S)
    assert [c for c, _ in cards] == [colors[o] for o in corpus.outlets]
    for (_, body), outlet in zip(cards, corpus.outlets):
        assert f"</span>{outlet}</h3>" in body  # the name is written, not only the colour shown
        for topic in synthesis.TOPICS:
            assert f"<h4>{synthesis.TOPIC_TITLES[topic]}</h4>" in body
    assert "repeat(auto-fill, minmax(min(100%, 21rem), 1fr))" in html  # one column at 390 px
    assert "overflow-wrap: anywhere" in html
    assert html.count("<details>") == sum(1 for e in syn.claims["evidence"] if e)


def test_evidence_is_marked_in_its_sentence():
    ev = {"start": 16, "end": 23, "context_start": 10, "context_end": 38, "context": "Trump claimed <it> was near."}
    assert synthesis._context_html(ev) == "Trump <mark>claimed</mark> &lt;it&gt; was near."
    whole = {"start": 10, "end": 30, "context_start": 10, "context_end": 30, "context": "A & B."}
    assert synthesis._context_html(whole) == "“A &amp; B.”"


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


def test_ranges_in_the_narrative_say_when_every_outlet_is_the_same():
    assert synthesis._from_to({"A": 3, "B": 35, "C": 10}) == "from 3 (A) to 35 (B)"
    assert synthesis._from_to({"A": 0.061, "B": 0.059}, synthesis._pct) == "6% in each"
    assert synthesis._from_to({"<A>": 1, "B": 2}) == "from 1 (&lt;A&gt;) to 2 (B)"
