"""The cue of a quote (analysis.sourcing.cues): the reporting verb after, before or around it, and its subject."""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import one, only


@pytest.mark.parametrize(
    "text, speaker, verb",
    [
        ("Jane Doe said the result was “a disgrace”.", "Jane Doe", "said"),
        ("“A disgrace,” said Jane Doe.", "Jane Doe", "said"),
        ("“A disgrace,” Jane Doe told reporters.", "Jane Doe", "told"),
        ("Trump wrote on Truth Social: “Stop the war!”", "Donald Trump", "wrote"),
        ("“The talks were useful,” according to the Kremlin.", "Kremlin", "according to"),
        ("Ushakov, the Kremlin aide, said the talks were “constructive”.", "Yuri Ushakov", "said"),
        ("Sean Spicer, chief strategist for the RNC, said the vote was “rigged”.", "Sean Spicer", "said"),
        ("Mr Klitschko spoke first. “It is not fair,” the former world champion boxer said.", "Vitali Klitschko", "said"),
        ("The Kremlin said the talks were “useful”.", "Kremlin", "said"),
        ("Warning that Ukraine would “get nothing”, Mr Johnson accused Washington.", "Boris Johnson", "warning"),
    ],
)
def test_speaker_and_verb(text, speaker, verb):
    row = one(text)
    assert (row["speaker"], row["verb"]) == (speaker, verb)


def test_reporting_verb_stance():
    stances = {r["verb"]: r["stance"] for r in only(
        "Trump claimed the parties were “very close”. Zelensky conceded it was “hard”. "
        "Mr Johnson slammed the “plan”. Vance urged them “to freeze the lines”. Lavrov said it was “fine”."
    )}
    assert stances == {"claimed": "distancing", "conceded": "factive", "slammed": "emotive", "urged": "directive", "said": "neutral"}
