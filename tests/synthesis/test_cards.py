"""The cards as HTML: headlines, escaped text, one colour per outlet but not colour alone, stacking cards."""

from __future__ import annotations

import re

from analysis import synthesis
from analysis.plots import outlet_colors
from analysis.synthesis.cards import _context_html
from tests.synthesis.helpers import ALPHA, BETA, corpus_with_headlines


def test_the_small_cards_show_headlines_where_given(small):
    html = synthesis.cards_html(small[1])
    assert "Headline: “Envoy meets president”" in html and html.count("No headline in the metadata.") == 1


def test_article_text_and_outlet_names_are_escaped(tmp_path):
    evil = "<script>alert(1)</script>"
    alpha = [p.replace("Farmers", f"Farmers {evil}") for p in ALPHA]
    corpus = corpus_with_headlines(tmp_path / "evil", {"a": ("Alpha <b>&</b>", alpha), "b": ("Beta", BETA)},
                                   {"a": f"Head {evil}"})
    syn = synthesis.synthesize(corpus)
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


def test_the_table_of_claims_links_every_claim_to_its_section(small):
    syn = small[1]
    html = synthesis.claims_table_html(syn)
    assert html.count("<tr><td>") == len(syn.claims)
    for link in set(syn.claims["link"]):
        assert f'href="{link}"' in html


def test_evidence_is_marked_in_its_sentence():
    ev = {"start": 16, "end": 23, "context_start": 10, "context_end": 38, "context": "Trump claimed <it> was near."}
    assert _context_html(ev) == "Trump <mark>claimed</mark> &lt;it&gt; was near."
    whole = {"start": 10, "end": 30, "context_start": 10, "context_end": 30, "context": "A & B."}
    assert _context_html(whole) == "“A &amp; B.”"
