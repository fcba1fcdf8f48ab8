"""``analysis.framing.agency`` gathers the agency rules under the name the notebooks import."""

from __future__ import annotations

from analysis.framing import agency, grammar, passives, violence


def test_agency_exposes_the_rules_of_its_three_modules():
    for name in agency.__all__:
        assert hasattr(agency, name), name
    assert agency.find_passives is passives.find_passives
    assert agency.passive_summary is passives.passive_summary
    assert agency.passive_figure is passives.passive_figure
    assert agency.passive_finding is passives.passive_finding
    assert agency.passives is passives.passives
    assert agency.violence is violence.violence
    assert agency.find_violence is violence.find_violence
    assert agency.is_subject is grammar.is_subject
    assert agency.load_words is grammar.load_words
