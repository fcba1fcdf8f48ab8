"""analysis.topics.reuse: the quote rule, the alignment, properties on generated text, and the seeds."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.marks import quoted_regions
from analysis.topics import reuse
from tests.corpus_folders import write_corpus


def test_quoted_words_marks_words_inside_quotes():
    text = "He said “we agree” and left."
    words = reuse.word_tokens(text)
    mask = reuse.quoted_words(words, quoted_regions(text))
    assert [w for w, q in zip(words.norm, mask) if q] == ["we", "agree"]


def test_words_in_spans_counts_each_word_once():
    text = "one two three four five"
    words = reuse.word_tokens(text)
    assert reuse.words_in_spans(words, [(0, 7), (4, 13)], len(text)) == 3  # "two" is in both spans
    assert reuse.words_in_spans(words, [], len(text)) == 0
    assert reuse.words_in_spans(reuse.word_tokens(""), [(0, 0)], 0) == 0


def test_words_are_normalised_across_spellings_and_apostrophes():
    a = reuse.word_tokens("Recognising Russia’s control")
    b = reuse.word_tokens("recognizing Russia's control")
    assert a.norm == b.norm
    assert reuse.normalise_word("rise") == "rise" and reuse.normalise_word("promised") == "promized"


# ------------------------------------------------------------------ alignment


def test_align_pair_finds_a_copied_sentence_in_different_places():
    copied = "there are also differences over the lifting of sanctions and the shape of security guarantees".split()
    a = "the meeting lasted three hours in the capital".split() + copied + "officials said nothing more".split()
    b = "a different opening line about the weather today".split() + copied
    [m] = reuse.align_pair(a, b)
    assert len(m.pairs) == len(copied)
    assert a[m.a0 : m.a1] == copied and b[m.b0 : m.b1] == copied


def test_align_pair_survives_small_edits_and_ignores_short_overlaps():
    a = "there are also differences over the lifting of sanctions on russia the shape of security guarantees for ukraine and the future size of its armed forces".split()
    b = "there are also differences over the lifting of sanctions on russia the shape of security guarantees for ukraine and the size of the ukrainian military".split()
    [m] = reuse.align_pair(a, b)
    assert len(m.pairs) >= 20
    assert reuse.align_pair("president vladimir putin met him".split(), "russian president vladimir putin said".split()) == []


def test_align_pair_matches_each_word_once():
    phrase = "very close to a deal and the two sides should meet".split()
    a = phrase + "later".split() + phrase[:5]
    b = phrase
    ms = reuse.align_pair(a, b, min_words=5)
    used_b = [j for m in ms for _, j in m.pairs]
    assert len(used_b) == len(set(used_b))


words = st.lists(st.sampled_from([f"w{i}" for i in range(40)]), min_size=0, max_size=30)


@given(words, words, words, st.lists(st.sampled_from([f"p{i}" for i in range(200)]), min_size=8, max_size=25, unique=True))
@settings(max_examples=150, deadline=None)
def test_an_inserted_passage_is_found_whole(a_pre, a_post, b_pre, passage):
    """A passage of 8+ distinct words inserted into two texts is found as one passage, every word matched."""
    a = a_pre + passage + a_post
    b = b_pre + passage
    ms = reuse.align_pair(a, b)
    found = [m for m in ms if any(a[i].startswith("p") for i, _ in m.pairs)]
    assert len(found) == 1
    # Every word of the passage is matched, in order (shared words just around it may join it).
    matched = [a[i] for i, _ in found[0].pairs]
    start = matched.index(passage[0])
    assert matched[start : start + len(passage)] == passage
    assert all(a[i] == b[j] for m in ms for i, j in m.pairs)


# ------------------------------------------------------------------ corpus level


def test_narration_and_quotation_are_told_apart(tmp_path):
    wire = "The bridge had been closed twice for repairs since the engineers first found rust in its steel girders."
    said = "“We will rebuild the bridge within a year and every family will be helped,” the mayor said."
    c = write_corpus(
        tmp_path / "c",
        {
            "a": ("Alpha", ["A bridge fell on Monday.", wire, said]),
            "b": ("Beta", [said.replace("the mayor said", "said Mayor Ingrid Solberg"), "Rescue teams worked all night.", wire]),
        },
    )
    p = reuse.shared_passages(c)
    kinds = dict(zip(p["text_a"].str[:10], p["kind"]))
    assert kinds == {wire[:10]: "shared narration", "We will re": "shared quotation"}
    overlap = reuse.pair_overlap(p, c)
    assert len(overlap) == 1
    row = overlap.iloc[0]
    assert 0 < row["narration % a"] <= 100 and 0 < row["quotation % b"] <= 100


def test_articles_of_one_outlet_are_not_compared(tmp_path):
    same = "The bridge had been closed twice for repairs since the engineers first found rust in its girders."
    c = write_corpus(tmp_path / "c", {"a": ("Alpha", [same]), "b": ("Alpha", [same])})
    assert reuse.shared_passages(c).empty
    assert reuse.pair_overlap(reuse.shared_passages(c), c).empty
    assert "one" in reuse.reuse_finding(reuse.shared_passages(c), reuse.pair_overlap(reuse.shared_passages(c), c), 1)


@pytest.fixture(scope="module")
def seed_passages(corpus):
    return reuse.shared_passages(corpus)


def test_seed_sanctions_sentence_is_shared_narration_of_cgtn_and_the_independent(seed_passages):
    p = seed_passages
    hit = p[p["text_a"].str.contains("lifting of sanctions on Russia") | p["text_b"].str.contains("lifting of sanctions on Russia")]
    assert len(hit) == 1
    r = hit.iloc[0]
    assert {r["outlet_a"], r["outlet_b"]} == {"CGTN", "The Independent"}
    assert r["kind"] == "shared narration"
    for side in "ab":
        assert "security guarantees for Ukraine" in r[f"text_{side}"]
    assert r["words"] >= 18


def test_seed_truth_social_post_is_a_shared_quotation_not_reuse(seed_passages):
    p = seed_passages
    post = p[p["text_a"].str.contains("finish it off") & p["text_b"].str.contains("finish it off")]
    pairs = {frozenset((r.outlet_a, r.outlet_b)) for r in post.itertuples()}
    assert pairs == {frozenset(x) for x in [("AFP", "CNN"), ("AFP", "The Independent"), ("CNN", "The Independent")]}
    assert (post["kind"] == "shared quotation").all()
    assert (post["quoted_a"] == 1).all() and (post["quoted_b"] == 1).all()
    assert (post["words"] >= 20).all()
    # No passage of the post is counted as shared narration.
    nar = p[p["kind"] == "shared narration"]
    assert not (nar["text_a"].str.contains("close to a deal") | nar["text_b"].str.contains("close to a deal")).any()


def test_seed_passages_have_exact_offsets(corpus, seed_passages):
    texts = corpus.articles["text"]
    for r in seed_passages.itertuples():
        assert texts[r.article_a][r.start_a : r.end_a] == r.text_a
        assert texts[r.article_b][r.start_b : r.end_b] == r.text_b
        assert r.outlet_a != r.outlet_b


def test_seed_pair_overlap_table(corpus, seed_passages):
    overlap = reuse.pair_overlap(seed_passages, corpus)
    n = len(corpus.outlets)
    assert len(overlap) == n * (n - 1) // 2
    pct = overlap.filter(like="%")
    assert ((pct >= 0) & (pct <= 100)).all().all()
    row = overlap[(overlap["outlet_a"] == "CGTN") & (overlap["outlet_b"] == "The Independent")].iloc[0]
    assert row["narration % a"] > 0 and row["narration % b"] > 0
    assert np.isclose(overlap["passages"].sum(), len(seed_passages))


def test_findings_escape_article_text(tmp_path):
    wire = "The <b>bridge</b> had been closed twice for repairs since engineers first found rust in its girders."
    c = write_corpus(tmp_path / "c", {"a": ("A & Co", ["A first paragraph.", wire]), "b": ("Beta", ["Another first paragraph.", wire])})
    p = reuse.shared_passages(c)
    text = reuse.reuse_finding(p, reuse.pair_overlap(p, c), 2)
    assert "&lt;b&gt;bridge&lt;/b&gt;" in text and "<b>" not in text
    assert "A &amp; Co" in text


# ------------------------------------------------------------------ stock phrases and candidate pairs


def test_common_words_and_numbers_are_a_stock_phrase_not_wire_copy(tmp_path):
    corpus = write_corpus(tmp_path / "jobs", {
        "a": ("Alpha", ["The unemployment rate fell to 7.7 percent in November from 7.9 percent in October, officials said today.",
                        "Economists at the central bank warned that seasonal hiring by cautious retailers distorted the payroll survey."]),
        "b": ("Beta", ["Economists at the central bank warned that seasonal hiring by cautious retailers distorted the payroll survey.",
                       "Markets barely moved. The unemployment rate fell to 7.7 percent in November from 7.9 percent in October."]),
    })
    p = reuse.shared_passages(corpus)
    kinds = dict(zip(p["text_a"].str[:15], p["kind"]))
    assert kinds["The unemploymen"] == "stock phrase"
    assert kinds["Economists at t"] == "shared narration"
    assert (p.loc[p["kind"] == "shared narration", "rare_words"] >= 3).all()
    assert reuse.rare_word_count(["7", "7", "percent", "the"]) == 0


def test_candidate_pairs_skip_ngrams_every_article_prints():
    words = {a: reuse.word_tokens(t) for a, t in {
        "a": "one of the things we know is that the sky is blue over Lisbon today",
        "b": "one of the things we know is that the rivers of Lisbon run fast",
        "c": "one of the things we know is that the harbour cranes are idle",
    }.items()}
    outlets = {"a": "A", "b": "B", "c": "C"}
    assert reuse.candidate_pairs(words, outlets) == [("a", "b"), ("a", "c"), ("b", "c")]
    # When the shared opening is printed in more articles than max_df, it pairs nobody.
    assert reuse.candidate_pairs(words, outlets, max_df=2) == []
    # Articles of one outlet are never paired.
    assert reuse.candidate_pairs(words, {"a": "A", "b": "A", "c": "C"}) == [("a", "c"), ("b", "c")]
