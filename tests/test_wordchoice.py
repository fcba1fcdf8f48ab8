"""Word choice: distinctive terms (log-odds with an informative Dirichlet prior), contested naming,
loaded language, keyword in context, and the BASIL evaluation's scoring.

The log-odds statistic is checked three ways: against the formula worked by hand on a tiny count
table (numbers in the comments), against an independent plain-Python transcription of Monroe,
Colaresi & Quinn (2008) eq. 16 and 18 for five groups, and against scattertext's
``LogOddsRatioInformativeDirichletPrior`` for two and five groups (skipped where scattertext is
not installed). The counting step is checked against the per-article definition
(``article_terms``) on generated texts, and for additivity: counts of two halves of a corpus,
added, give the same z-scores as the whole, to the last bit.
"""

from __future__ import annotations

import json
from collections import Counter
from math import log, sqrt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import wordchoice
from analysis.wordchoice import kwic
from analysis.corpus import load_corpus
from analysis.errors import ComparisonError
from analysis.evaluate import loaded as basil

# ---------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------


def write_corpus(root: Path, articles: dict[str, tuple[str, str]]) -> Path:
    """A corpus folder: article_id -> (outlet, text)."""
    (root / "articles").mkdir(parents=True)
    lines = ["article_id,outlet,file"]
    for aid, (outlet, text) in articles.items():
        (root / "articles" / f"{aid}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{aid},{outlet},articles/{aid}.txt")
    (root / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Three short articles from two outlets, written for these tests."""
    return load_corpus(
        write_corpus(
            tmp_path_factory.mktemp("tiny"),
            {
                "a1": ("Alpha", "Russia's full-scale invasion went on. The war crimes inquiry met.\n\nCrimea was seized in 2014."),
                "a2": ("Alpha", "The ship was seized at sea. Nobody mentioned the peninsula for a while.\n\nThen talks began. Then more talks."),
                "b1": ("Beta", "The crisis deepened, the Kremlin said.\n\n“The Kyiv regime is <b>terrorist</b>,” Peskov said.\n\nMay brought talks."),
            },
        )
    )


def counts_table(rows: dict[str, dict[str, int]]) -> pd.DataFrame:
    """A long count table from {group: {term: count}}."""
    return pd.DataFrame(
        [{"outlet": g, "term": t, "count": c} for g, terms in rows.items() for t, c in terms.items()]
    )


# ---------------------------------------------------------------------------------------------
# Distinctive terms: the statistic
# ---------------------------------------------------------------------------------------------

# Two groups, three terms:
#            war  crisis  talks   n
#   A          3       0      2   5
#   B          1       2      2   5
#   pooled     4       2      4   N = 10
# Prior from the corpus with a_0 = N: a_w = the pooled count (war 4, crisis 2, talks 4), a_0 = 10.
# "war" for A against B (eq. 16):
#   delta = log((3 + 4) / (5 + 10 - 3 - 4)) - log((1 + 4) / (5 + 10 - 1 - 4))
#         = log(7 / 8) - log(5 / 10) = log(1.75) = 0.5596157879354227
#   var   = 1 / (3 + 4) + 1 / (1 + 4) = 1/7 + 1/5 = 0.34285714285714286     (eq. 18)
#   z     = 0.5596157879354227 / sqrt(0.34285714285714286) = 0.9557259044713272
# "crisis" for A (A never uses it):
#   delta = log((0 + 2) / (5 + 10 - 0 - 2)) - log((2 + 2) / (5 + 10 - 2 - 2))
#         = log(2 / 13) - log(4 / 11) = log(11 / 26) = -0.8602012652231115
#   var   = 1/2 + 1/4 = 0.75;   z = -0.8602012652231115 / sqrt(0.75) = -0.9932748640676402
# "talks" for A: 2 against 2, delta = 0, z = 0. For B, every z is A's with the sign flipped.
HAND = counts_table({"A": {"war": 3, "talks": 2}, "B": {"war": 1, "crisis": 2, "talks": 2}})
HAND_EXPECTED = {
    ("A", "war"): (0.5596157879354227, 0.34285714285714286, 0.9557259044713272),
    ("A", "crisis"): (-0.8602012652231115, 0.75, -0.9932748640676402),
    ("A", "talks"): (0.0, 1 / 3, 0.0),
    ("B", "war"): (-0.5596157879354227, 0.34285714285714286, -0.9557259044713272),
    ("B", "crisis"): (0.8602012652231115, 0.75, 0.9932748640676402),
}


def test_log_odds_equals_the_formula_worked_by_hand():
    table = wordchoice.log_odds_dirichlet(HAND).set_index(["outlet", "term"])
    for key, (delta, var, z) in HAND_EXPECTED.items():
        row = table.loc[key]
        assert row["delta"] == pytest.approx(delta, abs=1e-12)
        assert row["variance"] == pytest.approx(var, abs=1e-12)
        assert row["z"] == pytest.approx(z, abs=1e-12)
    assert table.loc[("A", "crisis"), "count"] == 0 and table.loc[("A", "crisis"), "count_other"] == 2
    assert table.loc[("A", "war"), "prior"] == pytest.approx(4.0)


def test_delta_variance_adds_the_two_terms_the_paper_drops():
    table = wordchoice.log_odds_dirichlet(HAND, variance="delta").set_index(["outlet", "term"])
    # war, A: 1/7 + 1/5 + 1/(5 + 10 - 3 - 4) + 1/(5 + 10 - 1 - 4) = 1/7 + 1/5 + 1/8 + 1/10
    assert table.loc[("A", "war"), "variance"] == pytest.approx(1 / 7 + 1 / 5 + 1 / 8 + 1 / 10, abs=1e-12)
    assert table.loc[("A", "war"), "z"] == pytest.approx(log(1.75) / sqrt(1 / 7 + 1 / 5 + 1 / 8 + 1 / 10), abs=1e-12)


def reference_monroe(counts: dict[str, dict[str, int]], prior: dict[str, float]) -> dict[tuple[str, str], float]:
    """Monroe, Colaresi & Quinn (2008) eq. 16 and 18 written out term by term, each group
    against all the others pooled: an implementation independent of the package's."""
    terms = sorted({t for c in counts.values() for t in c} | set(prior))
    a0 = sum(prior[t] for t in terms)
    n = {g: sum(c.values()) for g, c in counts.items()}
    out = {}
    for g, c in counts.items():
        n_i = n[g]
        n_j = sum(n.values()) - n_i
        for t in terms:
            y_i = c.get(t, 0)
            y_j = sum(other.get(t, 0) for h, other in counts.items() if h != g)
            a = prior[t]
            delta = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a))
            out[(g, t)] = delta / sqrt(1 / (y_i + a) + 1 / (y_j + a))
    return out


def random_counts(k: int, n_terms: int, seed: int) -> dict[str, dict[str, int]]:
    rng = np.random.default_rng(seed)
    counts = {}
    for g in range(k):
        c = rng.poisson(rng.uniform(0.2, 6, n_terms))
        counts[f"g{g}"] = {f"t{t:03d}": int(x) for t, x in enumerate(c) if x}
    return counts


@pytest.mark.parametrize("k", [2, 5])
def test_log_odds_equals_an_independent_transcription_of_the_paper(k):
    counts = random_counts(k, 60, seed=k)
    pooled = Counter()
    for c in counts.values():
        pooled.update(c)
    expected = reference_monroe(counts, {t: float(v) for t, v in pooled.items()})
    table = wordchoice.log_odds_dirichlet(counts_table(counts)).set_index(["outlet", "term"])["z"]
    assert len(table) == len(expected)
    for key, z in expected.items():
        assert abs(table.loc[key] - z) < 1e-9


@pytest.mark.parametrize("k", [2, 5])
def test_log_odds_equals_scattertext(k):
    """scattertext 0.2.2's LogOddsRatioInformativeDirichletPrior, used only here, as reference.

    Its variance has four terms (the full delta method), so the comparison uses variance="delta".
    Its scale_type="none" with the pooled counts as priors is our prior="corpus"; its
    scale_type="corpus-size" (sigma=1) with background counts + 1 as priors is our background prior.
    """
    st_module = pytest.importorskip("scattertext.termsignificance.LogOddsRatioInformativeDirichletPiror")
    Reference = st_module.LogOddsRatioInformativeDirichletPrior
    counts = random_counts(k, 80, seed=10 + k)
    table = counts_table(counts)
    wide = table.pivot_table(index="term", columns="outlet", values="count", fill_value=0).sort_index()
    totals = wide.sum(axis=1).to_numpy(dtype=float)
    background = pd.Series(np.random.default_rng(k).integers(0, 500, len(wide)), index=wide.index)

    ours_corpus = wordchoice.log_odds_dirichlet(table, variance="delta").set_index(["outlet", "term"])["z"]
    ours_background = wordchoice.log_odds_dirichlet(table, variance="delta", prior=background).set_index(["outlet", "term"])["z"]
    for g in wide.columns:
        y_i = wide[g].to_numpy(dtype=float)
        y_j = totals - y_i
        ref = Reference(totals, scale_type="none").get_zeta_i_j_given_separate_counts(y_i, y_j)
        np.testing.assert_allclose(ours_corpus.xs(g).reindex(wide.index).to_numpy(), ref, rtol=0, atol=1e-9)
        ref_bg = Reference(background.to_numpy(dtype=float) + 1, scale_type="corpus-size", sigma=1).get_zeta_i_j_given_separate_counts(y_i, y_j)
        np.testing.assert_allclose(ours_background.xs(g).reindex(wide.index).to_numpy(), ref_bg, rtol=0, atol=1e-9)


def test_prior_scale_and_min_count():
    weak = wordchoice.log_odds_dirichlet(HAND, prior_scale=1.0).set_index(["outlet", "term"])
    # a_0 = 1: a_w = pooled share (war 0.4); delta = log(3.4 / 2.6) - log(1.4 / 4.6)
    assert weak.loc[("A", "war"), "delta"] == pytest.approx(log(3.4 / 2.6) - log(1.4 / 4.6), abs=1e-12)
    pruned = wordchoice.log_odds_dirichlet(HAND, min_count=3)
    assert set(pruned["term"].astype(str)) == {"war", "talks"}


def test_absent_rows_are_optional_and_one_group_is_refused():
    present = wordchoice.log_odds_dirichlet(HAND, include_absent=False)
    assert len(present) == 5 and (present["count"] > 0).all()
    with pytest.raises(ComparisonError, match="at least two"):
        wordchoice.log_odds_dirichlet(counts_table({"A": {"war": 3}}))


# ---------------------------------------------------------------------------------------------
# Distinctive terms: counting
# ---------------------------------------------------------------------------------------------

WORDS = ["war", "Crisis", "Russia’s", "russia's", "U.S.", "us", "full-scale", "a", "the", "Kyiv", "2014", "e.g."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(["X", "Y", "Z"]), st.lists(st.sampled_from(WORDS + [",", ".", "“", "—"]), max_size=25)),
        min_size=1,
        max_size=6,
    )
)
def test_bulk_counts_equal_the_per_article_definition(docs):
    """term_counts (vectorised) == the sum per group of Counter(article_terms(text))."""
    articles = pd.DataFrame({"outlet": [g for g, _ in docs], "text": [" ".join(ws) for _, ws in docs]})
    for ngram_range in [(1, 1), (1, 2), (2, 3)]:
        expected = Counter()
        for g, text in zip(articles["outlet"], articles["text"]):
            for term in wordchoice.article_terms(text, ngram_range=ngram_range):
                expected[(g, term)] += 1
        got = wordchoice.term_counts(articles, ngram_range=ngram_range)
        assert dict(zip(zip(got["outlet"].astype(str), got["term"].astype(str)), got["count"])) == dict(expected)
        # sorted by group, then alphabetically by term
        for _, g in got.groupby("outlet", observed=True):
            assert list(g["term"].astype(str)) == sorted(g["term"].astype(str))


def test_article_terms_reads_news_words():
    assert wordchoice.article_terms("Russia’s full‑scale war in the U.S.", ngram_range=(1, 1)) == [
        "russia's", "full-scale", "war", "in", "the", "u.s.",
    ]
    assert wordchoice.article_terms("A b. C", ngram_range=(2, 2)) == ["a b", "b c"]


def test_counts_of_two_halves_added_give_identical_z(corpus):
    """What the scale issue relies on: count partitions, add, score: the same numbers, bit for bit."""
    arts = corpus.articles
    parts = [wordchoice.term_counts(arts.iloc[:2]), wordchoice.term_counts(arts.iloc[2:])]
    added = pd.concat([p.astype({"outlet": str, "term": str}) for p in parts]).groupby(["outlet", "term", "ngram"], as_index=False)["count"].sum()
    added["outlet"] = pd.Categorical(added["outlet"], categories=corpus.outlets)
    whole = wordchoice.distinctive_terms(corpus).astype({"outlet": str, "term": str}).set_index(["outlet", "term"]).sort_index()
    from_parts = wordchoice.log_odds_dirichlet(added).astype({"outlet": str, "term": str}).set_index(["outlet", "term"]).sort_index()
    assert whole.index.equals(from_parts.index)
    assert np.array_equal(whole["z"].to_numpy(), from_parts["z"].to_numpy())
    assert np.array_equal(whole["count"].to_numpy(), from_parts["count"].to_numpy())


def test_background_prior_from_other_texts(corpus):
    """A background collection's counts as the prior (as from the AllSides articles)."""
    background = wordchoice.background_counts(["The war went on. The war ended.", "Talks on the war; talks again."])
    # the war went on the war ended | talks on the war talks again
    assert background.to_dict() == {
        "again": 1, "ended": 1, "on": 2, "on the": 2, "talks": 2, "talks again": 1, "talks on": 1, "the": 3,
        "the war": 3, "war": 3, "war ended": 1, "war talks": 1, "war went": 1, "went": 1, "went on": 1,
    }
    terms = wordchoice.distinctive_terms(corpus, prior=background)
    plain = wordchoice.distinctive_terms(corpus)
    assert len(terms) == len(plain)
    a0 = terms.drop_duplicates("term")["prior"].sum()
    assert a0 == pytest.approx(plain.drop_duplicates("term")["prior"].sum())  # a_0 = N either way
    war = terms[terms["term"] == "war"]["prior"].iloc[0]
    assert war == pytest.approx(a0 * (3 + 1) / (background.reindex(terms["term"].unique().astype(str)).fillna(0) + 1).sum())


def test_distinctive_terms_on_a_table_of_articles():
    articles = pd.DataFrame({"source": ["x", "x", "y"], "text": ["war war war", "war talks", "talks crisis"]})
    terms = wordchoice.distinctive_terms(articles, by="source", include_absent=False)
    assert list(terms.columns[:2]) == ["source", "term"]
    assert (terms["count"] > 0).all()
    assert terms.set_index(["source", "term"]).loc[("x", "war"), "count"] == 4


def test_distinctive_terms_on_the_seeds(corpus):
    terms = wordchoice.distinctive_terms(corpus)
    assert list(terms.columns[:4]) == ["outlet", "term", "ngram", "count"]
    assert {"z", "delta", "variance"} <= set(terms.columns)
    n_terms = terms["term"].nunique()
    assert len(terms) == len(corpus.outlets) * n_terms  # every term for every outlet
    row = terms[(terms["outlet"] == "CGTN") & (terms["term"] == "crisis")].iloc[0]
    assert (row["count"], row["count_other"]) == (2, 1)  # "Ukraine crisis", "Ukrainian crisis"; CNN quotes the latter
    by_outlet = terms.groupby("outlet", observed=True)["z"]
    assert (by_outlet.apply(lambda z: z.is_monotonic_decreasing)).all()
    with pytest.raises(ComparisonError, match="at least 2"):
        one = load_corpus(write_corpus(Path(__import__("tempfile").mkdtemp()), {"x": ("Solo", "One outlet only.")}))
        wordchoice.distinctive_terms(one)


def test_statements_are_computed_from_the_numbers(corpus):
    terms = wordchoice.distinctive_terms(corpus)
    baseline = wordchoice.chance_baseline(corpus, n_shuffles=5)
    assert baseline["shuffle"].tolist() == list(range(6))
    assert baseline.equals(wordchoice.chance_baseline(corpus, n_shuffles=5))  # seeded
    text = wordchoice.limits_statement(terms, corpus, baseline)
    passed = int((terms["z"].abs() > 1.96).sum())
    assert f"{len(terms):,} outlet-and-term pairs were tested and {passed:,} pass" in text
    assert f"{corpus.articles['n_words'].min():,} to {corpus.articles['n_words'].max():,} words" in text
    assert "One article per outlet" in text
    finding = wordchoice.distinctive_finding(terms)
    assert f"Of the {len(terms):,} outlet-and-term pairs tested" in finding
    assert wordchoice.distinctive_finding(None) == wordchoice.NEEDS_TWO_OUTLETS
    summary = wordchoice.significance_summary(terms)
    assert summary["terms tested"].tolist() == [terms["term"].nunique()] * len(corpus.outlets)
    top = wordchoice.top_terms(terms, n=3)
    assert (top["count"] >= 2).all() and top.groupby("outlet", observed=True).size().max() <= 3


def test_bonferroni_threshold():
    assert wordchoice.bonferroni_z(1) == pytest.approx(1.959963984540054)
    assert wordchoice.bonferroni_z(1000) == pytest.approx(4.0556, abs=1e-4)


# ---------------------------------------------------------------------------------------------
# Contested naming
# ---------------------------------------------------------------------------------------------


def test_naming_lexicon_loads_with_a_note_per_concept():
    concepts = wordchoice.load_naming()
    ids = [c.id for c in concepts]
    assert ids[:3] == ["war", "kyiv", "zelensky"] and {"crimea", "occupation", "regime", "terrorism"} <= set(ids)
    war = concepts[0]
    assert [v.label for v in war.variants] == ["full-scale invasion", "invasion", "war", "conflict", "crisis", "special military operation"]
    assert all(len(c.note) > 100 for c in concepts)


def test_naming_rules_on_tiny_texts(tiny):
    m = wordchoice.naming_mentions(tiny)
    got = sorted(zip(m["article_id"], m["variant"], m["words"]))
    assert got == sorted(
        [
            ("a1", "full-scale invasion", "full-scale invasion"),  # not also "invasion"
            ("a1", "seized", "seized"),  # "Crimea" in the same sentence
            ("a2", "seized", "seized"),  # "peninsula" one sentence later, inside the window of 2
            ("b1", "crisis", "crisis"),
            ("b1", "Kyiv", "Kyiv"),
            ("b1", "regime", "regime"),
            ("b1", "terrorist / terrorism / terror", "terrorist"),
        ]
    )  # "war crimes" is not naming the war
    assert m.loc[m["variant"] == "regime", "quoted"].item() is True
    assert m.loc[m["variant"] == "crisis", "quoted"].item() is False
    texts = tiny.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.words for r in m.itertuples())


def test_naming_table_cells_match_counts_made_by_hand(corpus):
    """Counted by reading the seed texts (sentence indices from 0, as corpus.sentences()):

    - CGTN, "crisis": 2. "... to discuss a U.S. plan to end the Ukraine crisis." (its first
      sentence) and, inside Ushakov's quotation, "As for the Ukrainian crisis itself ...".
    - AFP, "conflict": 2. "... have not held direct talks on the conflict that has left tens of
      thousand dead ..." and "... he would end the conflict within a day of taking office."
      None quoted.
    - The Independent, "regime": 2, both inside Peskov's quotation: "The Kyiv regime once again
      simply shows its true nature. The Kyiv regime continues to be involved ...".
    - FT (probable), "war": 5. "since the war's early months", "Putin's war in Ukraine",
      "Kyiv was responsible for the war", "what caused the war to start" (quoted), "to end the war".
    - CNN, "illegally annexed": 1. "... the southern Ukrainian peninsula Moscow illegally annexed in 2014".
    """
    t = wordchoice.naming_table(corpus).set_index(["outlet", "variant"])
    assert (t.loc[("CGTN", "crisis"), "count"], t.loc[("CGTN", "crisis"), "quoted"]) == (2, 1)
    assert t.loc[("CGTN", "crisis"), "first_sentence"] == 0
    assert (t.loc[("AFP", "conflict"), "count"], t.loc[("AFP", "conflict"), "quoted"]) == (2, 0)
    assert (t.loc[("The Independent", "regime"), "count"], t.loc[("The Independent", "regime"), "quoted"]) == (2, 2)
    assert (t.loc[("FT (probable)", "war"), "count"], t.loc[("FT (probable)", "war"), "quoted"]) == (5, 1)
    assert t.loc[("CNN", "illegally annexed"), "count"] == 1
    assert t.loc[("AFP", "crisis"), "count"] == 0 and pd.isna(t.loc[("AFP", "crisis"), "first_sentence"])
    # every outlet x every variant of the lexicon
    n_variants = sum(len(c.variants) for c in wordchoice.load_naming())
    assert len(t) == len(corpus.outlets) * n_variants


def test_naming_display_and_finding(corpus):
    table = wordchoice.naming_table(corpus)
    shown = wordchoice.naming_display(table)
    assert list(shown.columns) == corpus.outlets
    assert shown.loc[("Naming the war", "crisis"), "CGTN"] == "2 (1 quoted) · first: sentence 1, 8% in"
    assert shown.loc[("Naming the war", "crisis"), "AFP"] == ""
    finding = wordchoice.naming_finding(table)
    assert "**Regime**: The Independent: “regime” ×2 (2 quoted)." in finding


def test_a_bad_naming_file_is_named(tmp_path):
    bad = tmp_path / "naming.toml"
    bad.write_text('[[concept]]\nid = "x"\nname = "X"\nnote = "n"\n[[concept.variant]]\nlabel = "x"\npatterns = ["(unclosed"]\n')
    with pytest.raises(wordchoice.LexiconError, match=r"naming.toml, concept 1 \(x\), variant 'x'.*not a valid regular expression"):
        wordchoice.load_naming(bad)


# ---------------------------------------------------------------------------------------------
# Loaded language
# ---------------------------------------------------------------------------------------------


def test_word_lists_load_disjoint_with_headers():
    lex = wordchoice.load_lexicons()
    assert lex.categories == wordchoice.LOADED_CATEGORIES
    for category in lex.categories:
        head = (wordchoice.LOADED_DIR / f"{category}.txt").read_text().splitlines()[:6]
        assert any("Source:" in h for h in head) and any("Licence:" in h for h in head) and any("To extend" in h for h in head)
        assert len(lex.entries[category]) >= 30
    seen = Counter(wordchoice.core._norm(w) for words in lex.entries.values() for w in words)
    assert max(seen.values()) == 1


def test_a_word_in_two_lists_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("# a\nslam*\n")
    (tmp_path / "b.txt").write_text("slam*\n")
    with pytest.raises(wordchoice.LexiconError, match=r"b.txt, line 1: 'slam\*' is already in a.txt"):
        wordchoice.load_lexicons(tmp_path, ("a", "b"))


def test_matching_rules():
    lex = wordchoice.Lexicon({"fear": ("fear*", "may"), "judge": ("fearless", "lash out", "super-smart", "hero")})
    found = lambda s: [(w, c) for _, _, w, c in lex.find(s)]  # noqa: E731
    assert found("May we go? It may rain.") == [("May", "fear"), ("may", "fear")]  # a capital at the start is fine
    assert found("in May it may") == [("may", "fear")]  # but not inside a sentence: the month
    assert found("Fearless and fearful, they lashed out") == [("Fearless", "judge"), ("fearful", "fear")]
    assert found("He will lash  out at the super-smart hero’s rival") == [("lash  out", "judge"), ("super-smart", "judge"), ("hero", "judge")]
    assert found("“Heroes,” he said; the hero-worship") == []


def test_loaded_words_and_rates(tiny, corpus):
    words = wordchoice.loaded_words(corpus)
    texts = corpus.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.words for r in words.itertuples())
    indy = words[words["outlet"] == "The Independent"]
    assert {"bloodshed", "senseless", "slated"} <= set(indy["words"].str.lower())
    assert indy.loc[indy["words"] == "senseless", "quoted"].all()  # Trump's post

    rates = wordchoice.loaded_rates(corpus, n_boot=300)
    again = wordchoice.loaded_rates(corpus, n_boot=300)
    pd.testing.assert_frame_equal(rates, again)  # seeded
    assert set(rates["category"]) == set(wordchoice.LOADED_CATEGORIES) | {wordchoice.LOADED_ALL}
    assert ((rates["low"] <= rates["rate"] + 1e-9) & (rates["rate"] <= rates["high"] + 1e-9)).all()
    r = rates.set_index(["outlet", "category"])
    for outlet in corpus.outlets:
        n = int(words[(words["outlet"] == outlet) & words["category"].isin(wordchoice.LOADED_DETECTOR)].shape[0])
        row = r.loc[(outlet, wordchoice.LOADED_ALL)]
        assert row["count"] == n
        assert row["rate"] == pytest.approx(1000 * n / row["words"])
    assert r.loc[("AFP", "hedges"), "words"] == corpus.articles.loc["afp", "n_words"]
    assert "per 1,000 words" in wordchoice.loaded_finding(rates)


def test_sentence_sentiment(corpus):
    s = wordchoice.sentence_sentiment(corpus)
    assert len(s) == len(corpus.sentences())
    assert s["compound"].between(-1, 1).all()
    by = wordchoice.sentiment_by_outlet(s, n_boot=200)
    assert by["outlet"].tolist() == corpus.outlets
    assert (by["low"] <= by["mean compound"]).all() and (by["mean compound"] <= by["high"]).all()
    worst = wordchoice.most_negative_sentences(s)
    assert worst["outlet"].tolist() == corpus.outlets


# ---------------------------------------------------------------------------------------------
# Keyword in context
# ---------------------------------------------------------------------------------------------


def test_keyword_in_context_on_the_seeds(corpus):
    rows = kwic.keyword_in_context(corpus, "crisis")
    assert rows.groupby("outlet").size().to_dict() == {"CGTN": 2, "CNN": 1}
    texts = corpus.articles["text"]
    assert all(texts[r.article_id][r.start : r.end] == r.keyword for r in rows.itertuples())
    crimea = kwic.keyword_in_context(corpus, "Crimea", match="prefix")
    assert "Crimean" in set(crimea["keyword"]) and len(crimea) > len(kwic.keyword_in_context(corpus, "Crimea"))
    table = kwic.side_by_side(corpus, "claimed")
    assert table.counts().to_dict() == {"AFP": 1, "CNN": 1, "CGTN": 0, "FT (probable)": 0, "The Independent": 1}
    assert "never uses “claimed”" in repr(table)


def test_side_by_side_html_escapes_the_text(tiny):
    table = kwic.side_by_side(tiny, "terrorist")
    page = table._repr_html_()
    assert "&lt;b&gt;" in page and "<b>terrorist" not in page
    assert "never uses “terrorist”" in page  # Alpha
    assert page.count('<td style="text-align:center;font-weight:bold;white-space:nowrap">') == 1


# ---------------------------------------------------------------------------------------------
# BASIL evaluation: scoring rules and the command
# ---------------------------------------------------------------------------------------------


def test_scoring_rules_by_hand():
    sentence = "The senator wildly blasted the utterly irresponsible plan."
    #            0   4       12     19      27  31      39            53   58
    gold = [(12, 18), (31, 52)]  # "wildly", "utterly irresponsible"
    predicted = [(19, 26), (39, 52)]  # "blasted" (wrong), "irresponsible" (overlaps gold 2)
    totals = {"token": basil.Scores(), "span": basil.Scores(), "exact": basil.Scores()}
    basil.score_sentence(sentence, gold, predicted, totals)
    t, s, e = totals["token"], totals["span"], totals["exact"]
    assert (t.true_pos_pred, t.predicted, t.gold) == (1, 2, 3)  # irresponsible / {blasted, irresponsible} / {wildly, utterly, irresponsible}
    assert (s.precision, s.recall) == (0.5, 0.5)
    assert (e.true_pos_pred, e.true_pos_gold) == (0, 0)  # "irresponsible" is not the whole span
    assert s.f1 == pytest.approx(0.5)


def test_evaluation_command(tmp_path, capsys):
    assert basil.main(["--data", str(tmp_path / "missing.jsonl")]) == 2
    assert "not at" in capsys.readouterr().err
    article = {
        "date": "2015-01-01",
        "sentences": [{"para": 0, "text": "Critics slammed the reckless plan."}, {"para": 1, "text": "It passed."}],
        "spans": [
            {"bias": "lex", "sentence_index": 0, "start": 8, "end": 15},
            {"bias": "inf", "sentence_index": 1, "start": 0, "end": 10},
        ],
    }
    data = tmp_path / "basil.jsonl"
    data.write_text(json.dumps(article) + "\n")
    assert basil.main(["--data", str(data), "--split", "test"]) == 0
    out = capsys.readouterr().out
    assert "1 articles" in out and "1 lexical spans" in out
    table = basil.results_table([article], {"lists": basil.lexicon_detector()})
    # "slammed" and "reckless" flagged; "slammed" is the gold span
    assert table.loc[0, "span P"] == 0.5 and table.loc[0, "span R"] == 1.0


def test_basil_split_is_by_year():
    assert basil.split_of({"date": "2012-12-31"}) == "dev" and basil.split_of({"date": "2013-01-01"}) == "test"


def test_committed_basil_results_show_the_detector_beats_the_baseline():
    """The figures the README and the workbook show (written by `python -m analysis.evaluate loaded --write`)."""
    import json

    from analysis.evaluate.loaded import RESULTS_FILE

    data = json.loads(RESULTS_FILE.read_text(encoding="utf-8"))
    detector, baseline = data["systems"][:2]
    assert "VADER" in baseline["system"] and "lists" in detector["system"]
    assert detector["span_f1"] > baseline["span_f1"]
