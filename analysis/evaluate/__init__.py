"""Evaluations of the package's automatic labels against public annotated data sets.

Each evaluation is a module here with a ``main(argv) -> int`` and is run as
``python -m analysis.evaluate NAME [options]`` (``python -m analysis.evaluate`` lists them).
The data sets are not part of the repository: each evaluation takes their path as an option
(default ``../shared/datasets/...`` beside the repository) and says so plainly when it is absent.
"""

# ``from analysis.evaluate import *`` imports the one reader of the results files; the
# evaluations themselves are run by name (``python -m analysis.evaluate NAME``).
__all__ = ["results"]
