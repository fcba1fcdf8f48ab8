"""The log-odds ratio with an informative Dirichlet prior (analysis.wordchoice.logodds).

Checked three ways: against the formula worked by hand on a tiny count table (numbers in the
comments), against an independent plain-Python transcription of Monroe, Colaresi & Quinn (2008)
eq. 16 and 18 for two and five groups, and against scattertext's
``LogOddsRatioInformativeDirichletPrior`` for two and five groups (skipped where scattertext is
not installed).
"""

from __future__ import annotations

from collections import Counter
from math import log, sqrt

import numpy as np
import pandas as pd
import pytest

from analysis import wordchoice
from analysis.errors import ComparisonError


def counts_table(rows: dict[str, dict[str, int]]) -> pd.DataFrame:
    """A long count table from {group: {term: count}}."""
    return pd.DataFrame(
        [{"outlet": g, "term": t, "count": c} for g, terms in rows.items() for t, c in terms.items()]
    )


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
