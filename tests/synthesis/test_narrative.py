"""What the cards show side by side and what they cannot show, in words."""

from __future__ import annotations

from analysis import synthesis
from analysis.synthesis.claims import _pct
from analysis.synthesis.narrative import _from_to


def test_ranges_in_the_narrative_say_when_every_outlet_is_the_same():
    assert _from_to({"A": 3, "B": 35, "C": 10}) == "from 3 (A) to 35 (B)"
    assert _from_to({"A": 0.061, "B": 0.059}, _pct) == "6% in each"
    assert _from_to({"<A>": 1, "B": 2}) == "from 1 (&lt;A&gt;) to 2 (B)"


def test_the_findings_have_a_bullet_per_topic_and_per_limit(small):
    syn = small[1]
    lines = synthesis.synthesis_finding(syn).split("\n")
    assert [line.split("**")[1] for line in lines] == ["Frames.", "Word choice.", "Voices.", "Coverage."]
    limits = synthesis.limits_finding(syn)
    assert limits.startswith("- **") and "**What no card says.**" in limits
