"""Figures: one colour per outlet everywhere, and every figure saved beside the CSV of its data."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = [
    "alt_text",
    "finish_figure",
    "OKABE_ITO",
    "outlet_colors",
    "save_figure",
    "setup_notebook",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common forms of
# colour blindness. Black is left out (it reads as text); past eight outlets colours repeat.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Map each outlet to its colour, in the order given (the corpus's metadata order)."""
    return {o: OKABE_ITO[i % len(OKABE_ITO)] for i, o in enumerate(dict.fromkeys(outlets))}


def finish_figure(fig: Figure, ax: Axes, *, title: str, legend: bool = True, legend_outside: bool = True) -> Figure:
    """The tail every figure of the package shares: its title (the finding), a legend, no box.

    Sets the title flush left, puts the legend (when ``legend``) beside the axes or in its best
    corner, hides the top and right spines, lays the figure out and closes it, so that a notebook
    shows it once, through its return value.

    Args:
        fig: the figure.
        ax: its axes.
        title: the finding the figure shows, in words.
        legend: whether to draw the legend of the labelled artists.
        legend_outside: the legend to the right of the axes (True) or inside them (False).

    Returns:
        ``fig``, finished and closed.
    """
    ax.set_title(title, loc="left")
    if legend:
        if legend_outside:
            ax.legend(frameon=False, fontsize=8.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        else:
            ax.legend(frameon=False, fontsize=8.5)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def save_figure(fig: Figure, data: pd.DataFrame, name: str, out_dir: str | Path) -> str:
    """Save ``fig`` as ``NAME.png`` and ``data`` as ``NAME.csv`` in ``out_dir``.

    Returns a short line naming both files (relative names only, so the notebook's stored
    output does not depend on the machine).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fig.savefig(out / f"{name}.png", dpi=120, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(out / f"{name}.csv", index=True)
    return f"Saved {name}.png and {name}.csv (the figure's data)."


def alt_text(fig: Figure) -> str:
    """A text alternative for a figure, for readers who cannot see it.

    A plotting function may set ``fig.alt_text``; otherwise it is made from the titles (which
    state the finding) and the axis labels of the figure's axes.
    """
    given = getattr(fig, "alt_text", None)
    if given:
        return str(given)
    parts = []
    if fig._suptitle is not None and fig._suptitle.get_text():
        parts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        title = ax.get_title() or ax.get_title(loc="left")
        bits = [title] if title else []
        if ax.get_xlabel():
            bits.append(f"horizontal axis: {ax.get_xlabel()}")
        if ax.get_ylabel():
            bits.append(f"vertical axis: {ax.get_ylabel()}")
        if bits:
            parts.append("; ".join(bits))
    return "Figure. " + ". ".join(parts) if parts else "Figure without a title."


def _png_with_alt(fig: Figure):
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", dpi=100, metadata={"Software": None})
    return buf.getvalue(), {"alt": alt_text(fig)}


def setup_notebook() -> None:
    """Display settings shared by every notebook: readable tables, a plain figure style, and
    figures shown with alt text (the rendered pages put it on the image)."""
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
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebook stack
        return
    shell = get_ipython()
    if shell is not None:
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure

        # The inline backend installs its own PNG formatter when the first figure is made: make
        # (and drop) one now, so that ours, which adds the alt text, comes after it.
        plt.close(plt.figure())

        shell.display_formatter.formatters["image/png"].for_type(Figure, _png_with_alt)
