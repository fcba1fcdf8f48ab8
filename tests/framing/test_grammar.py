"""The word rules: grammatical subjects and the word lists."""

from __future__ import annotations

import pytest

from analysis.framing.grammar import is_subject, load_words


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Putin last month rebuffed a US proposal.", "Putin", True),
        ("Witkoff met with Putin on Friday.", "Putin", False),
        ("Trump’s special envoy Steve Witkoff spent three hours there.", "Trump", False),
        ("Trump’s special envoy Steve Witkoff spent three hours there.", "Steve Witkoff", True),
        ("Ushakov, a former Russian ambassador to Washington, was part of the meeting.", "Ushakov", True),
        ("Mr Witkoff – who has alarmed Kyiv’s allies – was seen strolling.", "Mr Witkoff", True),
        ("Witkoff and Putin likely also discussed a proposal.", "Witkoff", True),
        ("Vice President JD Vance earlier on Wednesday called for a freeze.", "JD Vance", True),
        ("Warning that Ukraine would get nothing under the US plans, he left.", "US", False),
        ("The Kyiv regime continues to be involved.", "Kyiv", False),
    ],
)
def test_is_subject(text, name, expected):
    start = text.index(name)
    assert is_subject(text, start, start + len(name)) is expected


def test_word_lists_load():
    w = load_words()
    assert "killed" not in w.passive_participles  # regular participles come from the -ed rule
    assert {"held", "seen", "struck", "known"} <= w.passive_participles
    assert "gone" not in w.passive_participles
    assert w.violence_forms["killed"] == "kill"
