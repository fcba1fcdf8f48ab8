"""Same Story: comparative analysis of how news outlets tell the same story.

One subpackage per question a reader asks, each re-exporting its public names
(``from analysis import sourcing; sourcing.extract_quotes(corpus)``):

- ``corpus``: what is in the corpus (load, clean, segment; ``marks``, the one reader of quotation
  marks; the register of people and organisations; the tour of notebook 00).
- ``framing``: how each outlet frames the story (frames, headline and lede, actors, agency).
- ``wordchoice``: which words it chooses (distinctive terms, contested naming, loaded language,
  sentiment, keyword in context).
- ``sourcing``: whom it lets speak (quotes, cues, speakers, profiles, vague sourcing, media cited).
- ``topics``: what it covers or leaves out (topic models, story elements, coverage, text reuse).
- ``synthesis``: one card per outlet, composed from the four analyses.
- ``teaching``: check the machine (lesson items, hand labels, agreement, measured rates).
- ``evaluate``: the evaluations against annotated data, and ``results``, the one reader of them.
- ``site``: the main job (``samestory report``, or ``python -m analysis report``); ``scale``: large corpora, on Dask.
- ``paths``, ``errors`` (every error type), ``plots`` (colours, saving, alt text, the figures' tail).
"""

__version__ = "0.2.0"

# ``from analysis import *`` imports the subpackages by question and the shared modules.
__all__ = [
    "__version__",
    "corpus",
    "errors",
    "evaluate",
    "framing",
    "paths",
    "plots",
    "scale",
    "site",
    "sourcing",
    "synthesis",
    "teaching",
    "topics",
    "wordchoice",
]
