"""Hostile strings in a corpus never come out live: one escaping path (analysis.safe) for Markdown
and HTML, used by every finding and HTML function of framing, word choice and sourcing.

A string is *live* when the rendered page would hold a tag it did not ask for (``<script>``,
``<img>``, ``<svg>`` ...), an event attribute (``onerror=``) or a link to ``javascript:``,
``data:`` or ``vbscript:``. Markdown findings are rendered with the renderer the site uses
(nbconvert's mistune filter), so the test sees what a reader's browser would.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nbformat
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from analysis import sourcing, synthesis, teaching, topics
from analysis.corpus import corpus_from_frame, corpus_summary, overview
from analysis.framing import agency
from analysis.framing import actors as fr_actors
from analysis.framing import frames as fr_frames
from analysis.framing import lede as fr_lede
from analysis.safe import csv_cell, csv_safe, html_text, md_prose, md_text, safe_url, save_csv
from analysis.sourcing.figures import highlight_quotes_html
from analysis.sourcing.profiles import extract_quotes
from analysis.wordchoice import distinctive as wc_distinctive
from analysis.wordchoice import loaded as wc_loaded
from analysis.wordchoice import naming as wc_naming
from analysis.topics import coverage, reuse
from analysis.wordchoice.kwic import side_by_side
from analysis.wordchoice.naming import Concept, Variant

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![y](javascript:alert(2))",
    "<a href=\"javascript:alert(3)\">z</a>",
    "<svg onload=alert(4)>",
    "<ss-x>",
    "<javascript:alert(5)>",
    "[d](data:text/html;base64,PHNjcmlwdD4=)",
    "[v](vbscript:msgbox(1))",
    "&lt;script&gt;",
    "\" onmouseover=\"alert(6)",
    "' onfocus='alert(7)",
    "<iframe src=javascript:alert(8)>",
    "`code`",
    "**bold**",
    "\n# heading\n",
    "=HYPERLINK(\"http://x\")",
]

# The tags our own functions write; anything else in the output came from a user string.
OWN_TAGS = {
    "a", "b", "br", "caption", "code", "details", "div", "em", "h1", "h2", "h3", "h4", "li", "mark", "ol", "p",
    "small", "span", "strong", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul", "hr",
    "article", "style", "section", "i",
}
BAD_SCHEMES = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)


class _Live(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in OWN_TAGS:
            self.found.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.append(f"event attribute {name} on <{tag}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and value and BAD_SCHEMES.match(value):
                self.found.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def live_parts(html: str) -> list[str]:
    p = _Live()
    p.feed(html)
    p.close()
    return p.found


def assert_not_live(html: str, where: str) -> None:
    found = live_parts(html)
    assert not found, f"{where} puts live markup in the page: {found}\n{html[:2000]}"


def assert_markdown_not_live(md: str, where: str) -> None:
    assert_not_live(markdown2html_mistune(md), where)


# -- the escaping path itself ------------------------------------------------------------------

@pytest.mark.parametrize("s", HOSTILE)
def test_md_text_renders_as_the_text_itself(s):
    html = markdown2html_mistune(md_text(s))
    assert_not_live(html, "md_text")
    # What the reader sees is the string (line breaks aside), character for character.
    seen = re.sub(r"<[^>]+>", "", html)
    import html as _h

    assert _h.unescape(seen).strip() == re.sub(r"\s*\n\s*", " ", s).strip().replace("\n", " ")


@pytest.mark.parametrize("s", HOSTILE)
def test_html_text_and_md_prose(s):
    assert_not_live(f"<p title=\"{html_text(s)}\">{html_text(s)}</p>", "html_text")
    assert_markdown_not_live(md_prose(s), "md_prose")


def test_md_prose_keeps_emphasis_and_code_but_not_links():
    out = markdown2html_mistune(md_prose("the `quoted` column, *really* [x](javascript:alert(1))"))
    assert "<code>quoted</code>" in out and "<em>really</em>" in out and "<a " not in out


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/a?b=1&c=2", True), ("http://x.y", True), ("mailto:a@b.c", True), ("page.html#s", True),
        ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:alert(1)", False),
        ("&#106;avascript:alert(1)", False), ("data:text/html,<b>", False), ("vbscript:msgbox", False),
        ("ftp://x", False),
    ],
)
def test_safe_url_refuses_script_links(url, ok):
    assert bool(safe_url(url)) is ok


def test_csv_cells_starting_like_a_formula_get_a_quote(tmp_path):
    frame = pd.DataFrame({"outlet": ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "Plain", ""], "n": [1, -2, 3, 4, 5, 6]})
    assert [csv_cell(v) for v in frame["outlet"]] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "Plain", ""]
    safe = csv_safe(frame)
    assert safe["n"].tolist() == [1, -2, 3, 4, 5, 6]  # numbers stay numbers
    assert frame["outlet"].iloc[0].startswith("=")  # the frame given is not changed
    path = save_csv(frame, tmp_path / "t.csv", index=False)
    back = pd.read_csv(path, keep_default_na=False)
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in back["outlet"])


def test_framing_save_table_writes_formula_safe_csv(tmp_path):
    table = pd.DataFrame({"outlet": ["=cmd|' /C calc'!A0", "Fine"], "text": ["-x", "y"]})
    assert fr_frames.save_table(table, "t", tmp_path) == "Saved t.csv (2 rows)."
    back = pd.read_csv(tmp_path / "t.csv")
    assert back["outlet"].tolist() == ["'=cmd|' /C calc'!A0", "Fine"] and back["text"].tolist() == ["'-x", "y"]


# -- every finding and HTML function over generated hostile corpora ----------------------------

piece = st.one_of(st.sampled_from(HOSTILE), st.text(alphabet="<>[]()!&\"'=:/ *_`#|\\abcjsvx", min_size=1, max_size=12))
hostile = st.lists(piece, min_size=1, max_size=3).map(" ".join)

BODY = (
    "{h} The general was killed in a car bombing in the capital, and talks were held on Friday. "
    "\u201cWe will not accept occupation,\u201d said {h} President Zelensky.\n\n"
    "Officials said the war and the invasion would cost billions of dollars in economic damage; "
    "critics blamed the government for the crisis. {h}\n"
)


IMG_SCRIPT_IMG = "<img src=x onerror=alert(1)> <script>alert(1)</script> <img src=x onerror=alert(1)>"


def hostile_corpus(outlets, heads, text_bits, ids):
    rows = []
    for i, (o, h, t, a) in enumerate(zip(outlets, heads, text_bits, ids)):
        rows.append({"article_id": f"{a}-{i}", "outlet": f"{o} {i}", "headline": h, "byline": f"By {t}",
                     "text": BODY.format(h=t)})
    return corpus_from_frame(pd.DataFrame(rows), name="hostile")


def every_output(corpus, keyword):
    """(where, kind, output) for every finding and HTML function we can reach."""
    out = []
    scores = fr_frames.frame_scores(corpus)
    summary = fr_frames.frame_summary(scores, corpus)
    out.append(("frame_finding", "md", fr_frames.frame_finding(summary)))
    out.append(("evidence_html", "html", fr_frames.evidence_html(scores, corpus)))
    lede = fr_lede.headline_and_lede(corpus)
    out.append(("lede_finding", "md", fr_lede.lede_finding(lede)))
    out.append(("headline_lede_html", "html", fr_lede.headline_lede_html(lede)))
    first = fr_lede.first_mentions(corpus)
    out.append(("first_mention_finding", "md", fr_lede.first_mention_finding(first, corpus)))
    mentions = fr_actors.actor_mentions(corpus)
    salience = fr_actors.actor_salience(mentions, corpus)
    out.append(("salience_finding", "md", fr_actors.salience_finding(salience, corpus)))
    table = agency.passives(corpus)
    out.append(("passive_finding", "md", agency.passive_finding(agency.passive_summary(table, corpus), agency.violence(corpus))))
    terms = wc_distinctive.distinctive_terms(corpus)
    out.append(("distinctive_finding", "md", wc_distinctive.distinctive_finding(terms)))
    out.append(("limits_statement", "md", wc_distinctive.limits_statement(terms, corpus, wc_distinctive.chance_baseline(corpus, n_shuffles=3))))
    out.append(("naming_finding", "md", wc_naming.naming_finding(wc_naming.naming_table(corpus))))
    out.append(("side_by_side", "html", side_by_side(corpus, keyword, match="prefix")._repr_html_()))
    out.append(("side_by_side (war)", "html", side_by_side(corpus, "war")._repr_html_()))
    quotes = extract_quotes(corpus)
    for aid in corpus.articles.index:
        out.append((f"highlight_quotes_html({aid!r})", "html", highlight_quotes_html(corpus, quotes, aid)))
    summary = corpus_summary(corpus)
    out.append(("length_finding", "md", overview.length_finding(summary)))
    out.append(("cleaning_finding", "md", overview.cleaning_finding(corpus, summary)))
    out.append(("loaded_finding", "md", wc_loaded.loaded_finding(wc_loaded.loaded_rates(corpus, n_boot=20))))
    out.append(("voices_finding", "md", sourcing.voices_finding(quotes, corpus)))
    out.append(("verb_stance_finding", "md", sourcing.verb_stance_finding(sourcing.verb_stance(quotes, corpus))))
    out.append(("same_speaker_finding", "md", sourcing.same_speaker_finding(sourcing.same_speaker_verbs(quotes, corpus), corpus)))
    vague = sourcing.vague_sourcing(corpus, quotes)
    out.append(("vague_finding", "md", sourcing.vague_finding(sourcing.vague_sourcing_summary(vague, corpus))))
    out.append(("media_finding", "md", sourcing.media_finding(sourcing.media_cited(corpus), corpus)))
    speaker, attributions = teaching.speaker_attributions(quotes, corpus)
    out.append(("attributions_finding", "md", teaching.attributions_finding(speaker, attributions)))
    out.append(("sentences_html", "html", teaching.sentences_html(attributions, notes=["verb", "stance", "kind"])))
    contrast = teaching.frame_contrast(fr_frames.frame_summary(scores, corpus))
    out.append(("contrast_finding", "md", teaching.contrast_finding(contrast)))
    out.append(("distinctive_term_finding", "md", teaching.distinctive_term_finding(teaching.top_distinctive_term(corpus))))
    return out


def every_output_of_the_same_story_analyses(corpus):
    """(where, kind, output) for coverage, reuse and the cards: slower, so run on the fixed hostile corpus."""
    out = []
    elements = topics.story_elements(corpus)
    out.append(("coverage_finding", "md", coverage.coverage_finding(elements, corpus.outlets)))
    out.append(("omission_finding", "md", coverage.omission_finding(elements, corpus.outlets)))
    passages = reuse.shared_passages(corpus)
    out.append(("reuse_finding", "md", reuse.reuse_finding(passages, reuse.pair_overlap(passages, corpus), len(corpus.outlets))))
    syn = synthesis.synthesize(corpus)
    out.append(("synthesis_finding", "md", synthesis.synthesis_finding(syn)))
    out.append(("limits_finding", "md", synthesis.limits_finding(syn)))
    out.append(("cards_html", "html", synthesis.cards_html(syn)))
    out.append(("claims_table_html", "html", synthesis.claims_table_html(syn)))
    return out


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    outlets=st.lists(hostile, min_size=2, max_size=2),
    heads=st.lists(hostile, min_size=2, max_size=2),
    text_bits=st.lists(hostile, min_size=2, max_size=2),
    ids=st.lists(hostile, min_size=2, max_size=2),
)
# found by the search once: the second outlet ends with no body sentence, and evidence_html looked up its count
@example(outlets=["<script>alert(1)</script>"] * 2, heads=["<script>alert(1)</script>", IMG_SCRIPT_IMG],
         text_bits=["<script>alert(1)</script>", IMG_SCRIPT_IMG], ids=["<script>alert(1)</script>"] * 2)
def test_no_finding_or_html_function_puts_a_user_string_live(outlets, heads, text_bits, ids):
    corpus = hostile_corpus(outlets, heads, text_bits, ids)
    for where, kind, text in every_output(corpus, keyword="general"):
        if kind == "md":
            assert_markdown_not_live(text, where)
        else:
            assert_not_live(text, where)


def test_naming_notes_of_a_hostile_lexicon_are_not_live():
    rx = (re.compile("war"),)
    concept = Concept("c", "<script>alert(1)</script>", "See [x](javascript:alert(1)) <img src=x onerror=alert(1)> and the `quoted` column.",
                      (Variant("<svg onload=alert(1)>", rx),))
    md = wc_naming.naming_notes([concept])
    assert_markdown_not_live(md, "naming_notes")
    assert "<code>quoted</code>" in markdown2html_mistune(md)


def test_every_hostile_string_in_every_field_at_once():
    """The deterministic version of the property test: each hostile string as outlet, headline,
    byline, id and text, so a failure names the string."""
    n = len(HOSTILE)
    corpus = hostile_corpus(HOSTILE, HOSTILE[1:] + HOSTILE[:1], HOSTILE[2:] + HOSTILE[:2], HOSTILE[3:] + HOSTILE[:3])
    assert len(corpus.outlets) == n
    for where, kind, text in every_output(corpus, keyword="script") + every_output_of_the_same_story_analyses(corpus):
        (assert_markdown_not_live if kind == "md" else assert_not_live)(text, where)


def test_a_rendered_site_page_with_hostile_findings_is_not_live():
    """The site's own page renderer (template + nbconvert) on a notebook whose outputs are findings
    and HTML made from a hostile corpus."""
    from analysis.site.report import NotebookPage, _footer, _nav, render_html

    corpus = hostile_corpus(HOSTILE[:3], HOSTILE[3:6], HOSTILE[6:9], HOSTILE[9:12])
    outputs = []
    for where, kind, text in every_output(corpus, keyword="script"):
        mime = "text/markdown" if kind == "md" else "text/html"
        outputs.append(nbformat.v4.new_output("display_data", data={mime: text, "text/plain": where}))
    cell = nbformat.v4.new_code_cell("findings", outputs=outputs)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hostile\n\n**Question:** q"), cell])
    pages = [NotebookPage(name="<script>x</script>", title="<img src=x onerror=alert(1)>", question="q")]
    page = render_html(nb, nav=_nav(pages, 0), footer=_footer(pages, 0))
    body = page.split("<body", 1)[1]
    # The template writes tags of its own (main, pre, img for figures ...): here only event attributes
    # and script links count, and the tags the hostile strings carry must not appear at all.
    assert [f for f in live_parts(body) if not f.startswith("tag <")] == []
    tags = [f for f in live_parts(body) if f.startswith("tag <")]
    for tag in ("script", "svg", "iframe", "ss-x"):
        assert f"tag <{tag}>" not in tags, tag
    assert "<img src=x" not in body.lower() and "<script>alert" not in body.lower()


def test_every_csv_a_reader_opens_is_formula_safe(tmp_path):
    """Figures' data, workbook checks and the cards' tables go through analysis.safe.save_csv."""
    import matplotlib.pyplot as plt

    from analysis import plots
    from analysis.teaching.labels import save_check

    data = pd.DataFrame({"outlet": ["=HYPERLINK(\"http://x\")", "@SUM(1)"], "share": [-0.5, 0.5]}).set_index("outlet")
    fig = plt.figure()
    plots.save_figure(fig, data, "fig-x", tmp_path)
    plt.close(fig)
    saved = (tmp_path / "fig-x.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in saved and "'@SUM" in saved and ",-0.5" in saved
    items = pd.DataFrame({"key": ["-1+1"], "machine": ["+x"], "student": ["=1"]})
    save_check(items, "check", tmp_path)
    assert (tmp_path / "check.csv").read_text(encoding="utf-8").splitlines()[1] == "'-1+1,'+x,'=1"


def test_no_notebook_writes_a_readers_csv_without_save_csv():
    """The notebooks' tables go to the output folder readers download from: each is written by
    save_csv (formula-safe), never by DataFrame.to_csv into ``out`` directly."""
    from analysis.paths import PROJ_ROOT

    direct = []
    for path in sorted((PROJ_ROOT / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                direct += [f"{path.name}: {ln.strip()}" for ln in cell.source.splitlines()
                           if re.search(r"\.to_csv\(\s*out\b", ln)]
    assert not direct, direct
