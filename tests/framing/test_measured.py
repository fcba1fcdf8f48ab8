"""The measured error rates of the framing labels, read back from the committed results."""

from __future__ import annotations

from analysis.framing import measured


def test_evaluation_table_reads_the_committed_results():
    results = measured.read_results()
    assert {"frac", "passives"} <= set(results)
    table = measured.evaluation_table(results)
    macro = table[(table["measure"] == "macro-F1") & table["label"].str.contains("lexicon")].iloc[0]
    assert macro["value"] > macro["baseline"]  # acceptance: the lexicon beats the majority class on macro-F1
    assert "held-out" in measured.evaluation_finding(results)
    assert "have not been run" in measured.evaluation_finding({})
