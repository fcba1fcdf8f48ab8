"""Agency: who is said to act. Passives that hide the agent, and who does what to whom with violence verbs.

A news sentence can name the one who acted ("A Russian drone killed three people"), name them after
"by" ("was killed by a bomb"), or leave them out ("was killed in a car bombing"). Leaving out the
agent is a choice a reader can notice (Trew 1979; Fowler 1991, ch. 5). The rules live in three
modules, gathered here under the name the notebooks use (``from analysis.framing import agency``):

- :mod:`analysis.framing.passives`: be- and get-passives and their by-agents (:func:`find_passives`,
  :func:`passives`, :func:`passive_summary`, :func:`passive_figure`, :func:`passive_title`,
  :func:`passive_finding`);
- :mod:`analysis.framing.violence`: violence verbs with doer, done-to and voice
  (:func:`find_violence`, :func:`violence`);
- :mod:`analysis.framing.grammar`: the tokens, word lists and grammatical subjects they read with
  (:func:`tokenize`, :func:`load_words`, :func:`is_subject`).

Each module states its method, its limits and its references.

References:
    Trew, T. (1979). "Theory and ideology at work." In R. Fowler et al., Language and Control. Routledge.
    Fowler, R. (1991). Language in the News: Discourse and Ideology in the Press. Routledge, ch. 5.
"""

from __future__ import annotations

from .grammar import IRREGULAR_FILE, WORDS_FILE, Token, Words, is_subject, load_words, tokenize
from .passives import Passive, find_passives, passive_figure, passive_finding, passive_summary, passive_title, passives
from .violence import find_violence, violence

__all__ = [
    "IRREGULAR_FILE",
    "WORDS_FILE",
    "Passive",
    "Token",
    "Words",
    "find_passives",
    "find_violence",
    "is_subject",
    "load_words",
    "passive_figure",
    "passive_finding",
    "passive_summary",
    "passive_title",
    "passives",
    "tokenize",
    "violence",
]
