"""Fixtures of the topic and coverage tests: a small invented story told by three outlets."""

from __future__ import annotations

import pytest

from tests.corpus_folders import write_corpus


@pytest.fixture
def small_story(tmp_path):
    """Three outlets on one invented story: a bridge collapse, a mayor's statement, a rescue, an inquiry."""
    return write_corpus(
        tmp_path / "story",
        {
            "a1": ("Alpha News", [
                "The old railway bridge over the Tamber river collapsed on Monday morning, killing four workers.",
                "Mayor Ingrid Solberg said the city would pay for the funerals of the workers.",
                "Divers pulled two survivors from the freezing water after a three-hour search.",
            ]),
            "b1": ("Beta Daily", [
                "Four workers were killed when the railway bridge over the Tamber river collapsed on Monday.",
                "Divers rescued two survivors from the freezing water after searching for three hours.",
                "Engineers had warned in March that rust was eating the bridge's steel girders.",
            ]),
            "c1": ("Gamma Post", [
                "The railway bridge over the Tamber river collapsed on Monday, and four workers died.",
                "Mayor Ingrid Solberg promised the city would pay for the workers' funerals.",
                "Parliament will open an inquiry into the collapse next week, the transport minister announced.",
            ]),
        },
    )
