"""Figures: one colour per outlet everywhere, and every figure saved beside the CSV of its data."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common forms of
# colour blindness. Black is left out (it reads as text); past eight outlets colours repeat.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Map each outlet to its colour, in the order given (the corpus's metadata order)."""
    return {o: OKABE_ITO[i % len(OKABE_ITO)] for i, o in enumerate(dict.fromkeys(outlets))}


def save_figure(fig, data: pd.DataFrame, name: str, out_dir: str | Path) -> str:
    """Save ``fig`` as ``NAME.png`` and ``data`` as ``NAME.csv`` in ``out_dir``.

    Returns a short line naming both files (relative names only, so the notebook's stored
    output does not depend on the machine).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fig.savefig(out / f"{name}.png", dpi=120, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(out / f"{name}.csv", index=True)
    return f"Saved {name}.png and {name}.csv (the figure's data)."


def setup_notebook() -> None:
    """Display settings shared by every notebook: readable tables, a plain figure style."""
    import matplotlib as mpl

    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.width", 120)
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 120,
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.titleweight": "bold",
            "svg.hashsalt": "same-story",
        }
    )
