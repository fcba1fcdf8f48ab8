"""Where things are: every path the package and the notebooks use comes from here."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJ_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
BUNDLED_CORPUS = PROJ_ROOT / "corpus"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
OUTPUTS_DIR = PROJ_ROOT / "outputs"
SHARED_DIR = PROJ_ROOT.parent / "shared"
DATASETS_DIR = SHARED_DIR / "datasets"


def output_dir(path: str | Path | None = None) -> Path:
    """The folder where a notebook saves its figures and their CSVs, created if needed.

    Args:
        path: the folder the main job passes; None means ``outputs/`` in the project
            (ignored by git).
    """
    out = Path(path) if path else OUTPUTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    return out
