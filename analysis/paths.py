"""Where things are: every path the package and the notebooks use comes from here.

The package runs in two ways, and the paths say which:

- **from a repository checkout** (``make``, or ``pip install -e .``): the notebooks, the teacher's
  guide and the bundled corpus are the project's own folders beside ``analysis/``, and a notebook
  run by hand saves its figures in the project's ``outputs/``;
- **installed from a wheel** (``pip install same_story-*.whl``): the notebooks and the guide are
  package data (``analysis/notebooks/``, ``analysis/docs/``, copied there when the wheel is built);
  the bundled corpus is not in the wheel (its article texts belong to their publishers), so a
  corpus folder must be given; and nothing is ever written inside the installed package: outputs
  go under the current folder (or the folder given with ``--out``).

Example:
    >>> from analysis import paths
    >>> (paths.DATA_DIR / "cleaning_rules.toml").is_file()
    True
    >>> paths.NOTEBOOKS_DIR.name
    'notebooks'
"""

from __future__ import annotations

from pathlib import Path

from .errors import CorpusNotFoundError

__all__ = [
    "BUNDLED_CORPUS",
    "DATA_DIR",
    "DATASETS_DIR",
    "DOCS_DIR",
    "IN_CHECKOUT",
    "NOTEBOOKS_DIR",
    "OUTPUTS_DIR",
    "PACKAGE_DIR",
    "PROJ_ROOT",
    "SHARED_DIR",
    "bundled_corpus",
    "default_output_dir",
    "output_dir",
]

PACKAGE_DIR = Path(__file__).resolve().parent
PROJ_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"

IN_CHECKOUT = (PROJ_ROOT / "pyproject.toml").is_file() and (PROJ_ROOT / "notebooks").is_dir()
"""True when the package is imported from the project's repository (not from site-packages)."""

BUNDLED_CORPUS = PROJ_ROOT / "corpus"
"""The bundled five-outlet corpus of the repository (absent from an installed wheel)."""

NOTEBOOKS_DIR = PROJ_ROOT / "notebooks" if IN_CHECKOUT else PACKAGE_DIR / "notebooks"
DOCS_DIR = PROJ_ROOT / "docs" if IN_CHECKOUT else PACKAGE_DIR / "docs"
OUTPUTS_DIR = PROJ_ROOT / "outputs"
"""The project's ``outputs/`` (ignored by git); used only from a checkout, see :func:`default_output_dir`."""

SHARED_DIR = PROJ_ROOT.parent / "shared"
DATASETS_DIR = SHARED_DIR / "datasets"

CORPUS_HINT = (
    "pass a corpus folder (samestory report --corpus DIR; load_corpus('DIR'); a folder of article "
    "files and a metadata.csv, see the README's 'Bringing your own corpus'), or run from a clone of "
    "the Same Story repository, whose corpus/ folder holds the bundled articles (the installed "
    "package does not carry them: their texts belong to their publishers)"
)


def bundled_corpus() -> Path:
    """The bundled corpus folder, for ``load_corpus()`` called without a path.

    Returns:
        ``corpus/`` of the repository checkout the package runs from.

    Raises:
        CorpusNotFoundError: the package was installed without the repository (from a wheel), so
            there is no bundled corpus; the one-line message says where to get it and how to pass
            a folder instead.
    """
    if (BUNDLED_CORPUS / "metadata.csv").is_file():
        return BUNDLED_CORPUS
    raise CorpusNotFoundError(f"No corpus folder given, and there is no bundled corpus at {BUNDLED_CORPUS}: {CORPUS_HINT}.")


def default_output_dir() -> Path:
    """Where figures go when no folder is given: the project's ``outputs/`` in a checkout,
    ``outputs/`` under the current folder otherwise (never inside site-packages)."""
    return OUTPUTS_DIR if IN_CHECKOUT else Path.cwd() / "outputs"


def output_dir(path: str | Path | None = None) -> Path:
    """The folder where a notebook saves its figures and their CSVs, created if needed.

    Args:
        path: the folder the main job passes; None means :func:`default_output_dir`
            (``outputs/`` in the project, ignored by git).

    Returns:
        The folder, which exists.
    """
    out = Path(path) if path else default_output_dir()
    out.mkdir(parents=True, exist_ok=True)
    return out
