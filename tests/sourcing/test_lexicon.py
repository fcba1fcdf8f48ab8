"""The quote finder's data files (analysis.sourcing.lexicon): consistent, and refused with a message when not."""

from __future__ import annotations

import pytest

from analysis.sourcing.lexicon import STANCES, load_lexicon, load_reporting_verbs


def test_reporting_verb_file_is_consistent():
    table = load_reporting_verbs()
    assert set(table["stance"]) <= set(STANCES)
    assert table["lemma"].is_unique
    forms = [f for fs in table["forms"] for f in fs.split("|")]
    assert len(forms) == len(set(forms)), "a form listed under two verbs"
    assert set(table["clause"]) <= {"yes", "no"}


def test_unknown_stance_class_names_the_file(tmp_path):
    bad = tmp_path / "verbs.csv"
    bad.write_text("lemma,forms,stance,clause,note\nsay,say|said,sarcastic,yes,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"verbs\.csv: unknown stance class sarcastic"):
        load_reporting_verbs(bad)
    with pytest.raises(ValueError, match="sarcastic"):
        load_lexicon(bad)
