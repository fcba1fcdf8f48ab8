"""Figures: one colour per outlet everywhere, and every figure saved beside the CSV of its data."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .safe import save_csv

__all__ = [
    "alt_text",
    "contrast_ratio",
    "figure_values",
    "finish_figure",
    "OKABE_ITO",
    "outlet_colors",
    "outlet_text_colors",
    "save_figure",
    "setup_notebook",
    "text_color",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common forms of
# colour blindness. Black is left out (it reads as text); past eight outlets colours repeat.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Map each outlet to its colour, in the order given (the corpus's metadata order)."""
    return {o: OKABE_ITO[i % len(OKABE_ITO)] for i, o in enumerate(dict.fromkeys(outlets))}


def _luminance(color: str) -> float:
    """WCAG 2 relative luminance of a colour ("#rrggbb" or any matplotlib colour)."""
    from matplotlib.colors import to_rgb

    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(color)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(foreground: str, background: str = "#ffffff") -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white).

    Example:
        >>> round(contrast_ratio("#E69F00"), 2), round(contrast_ratio("#000000"), 1)
        (2.25, 21.0)
    """
    hi, lo = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_color(color: str, *, background: str = "#ffffff", min_contrast: float = 4.5) -> str:
    """``color`` darkened just enough to be read as text on ``background``.

    Figures fill bars with the Okabe-Ito colours, but several of them (orange, sky blue, yellow)
    are too light for text: 2.2:1 and less on white, where WCAG asks 4.5:1 for body text. The
    colour is mixed with black in small steps until the contrast is reached, so an outlet's text
    keeps its hue.

    Example:
        >>> text_color("#E69F00"), text_color("#0072B2")
        ('#9c6c00', '#0072b2')
    """
    from matplotlib.colors import to_hex, to_rgb

    rgb = to_rgb(color)
    for step in range(0, 101):
        k = 1 - step / 100
        candidate = to_hex(tuple(c * k for c in rgb))
        if contrast_ratio(candidate, background) >= min_contrast:
            return candidate
    return "#000000"


def outlet_text_colors(outlets: Iterable[str], *, background: str = "#ffffff") -> dict[str, str]:
    """Each outlet's colour (:func:`outlet_colors`) made readable as text on ``background``."""
    return {o: text_color(c, background=background) for o, c in outlet_colors(outlets).items()}


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
    save_csv(data, out / f"{name}.csv", index=True)  # formula-like cells prefixed with ' (analysis.safe)
    return f"Saved {name}.png and {name}.csv (the figure's data)."


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _tick_label(ticks: list[tuple[float, str]], at: float) -> str:
    if not ticks:
        return _fmt(at)
    pos, label = min(ticks, key=lambda t: abs(t[0] - at))
    return label or _fmt(at)


def _ticks(ax: Axes, axis: str) -> list[tuple[float, str]]:
    """The tick positions and labels of one axis; where they are hidden (an axis shared with
    another subplot), those of the sibling that shows them."""
    shared = ax.get_shared_y_axes() if axis == "y" else ax.get_shared_x_axes()
    for a in [ax, *sorted(shared.get_siblings(ax), key=lambda s: s.get_position().x0)]:
        getter = a.get_yticks if axis == "y" else a.get_xticks
        labels = a.get_yticklabels() if axis == "y" else a.get_xticklabels()
        ticks = [(float(p), t.get_text()) for p, t in zip(getter(), labels)]
        if any(t for _, t in ticks):
            return ticks
    return []


def figure_values(ax: Axes, *, limit: int = 12) -> list[str]:
    """The main values an axes shows, in words, for its alt text.

    Bars give their category (the tick label beside them) and value, per labelled series; a
    heatmap (seaborn's, or ``imshow``) gives its highest cell per row; lines give their first and
    last values. At most ``limit`` values per series or rows.
    """
    from matplotlib.collections import QuadMesh
    from matplotlib.container import BarContainer
    from matplotlib.image import AxesImage

    out = []
    for container in ax.containers:
        if not isinstance(container, BarContainer) or not len(container.patches):
            continue
        horizontal = getattr(container, "orientation", None) == "horizontal"
        ticks = _ticks(ax, "y" if horizontal else "x")
        vals = []
        for bar in container.patches[:limit]:
            value = bar.get_width() if horizontal else bar.get_height()
            at = bar.get_y() + bar.get_height() / 2 if horizontal else bar.get_x() + bar.get_width() / 2
            vals.append(f"{_tick_label(ticks, at)} {_fmt(value)}")
        label = container.get_label()
        head = f"{label}: " if label and not label.startswith("_") else ""
        more = " …" if len(container.patches) > limit else ""
        out.append(head + ", ".join(vals) + more)
    for artist in ax.collections + ax.images:
        if not isinstance(artist, (QuadMesh, AxesImage)):
            continue
        import numpy as np

        values = np.ma.masked_invalid(np.asarray(artist.get_array(), dtype=float))
        rows_t, cols_t = _ticks(ax, "y"), _ticks(ax, "x")
        if values.ndim == 1 and rows_t and cols_t and values.size == len(rows_t) * len(cols_t):
            values = values.reshape(len(rows_t), len(cols_t))
        if values.ndim != 2 or values.count() == 0:
            continue
        rows = [t for _, t in sorted(rows_t)] if len(rows_t) == values.shape[0] else [str(i) for i in range(values.shape[0])]
        cols = [t for _, t in sorted(cols_t)] if len(cols_t) == values.shape[1] else [str(i) for i in range(values.shape[1])]
        parts = []
        for i in range(min(values.shape[0], limit)):
            row = values[i]
            if row.count() == 0:
                continue
            j = int(row.argmax())
            parts.append(f"{rows[i]}: highest {cols[j]} {_fmt(float(row[j]))}")
        if parts:
            out.append("highest cell per row: " + "; ".join(parts))
    for line in ax.get_lines():
        label = line.get_label()
        y = line.get_ydata()
        if label.startswith("_") or len(y) < 2:
            continue
        out.append(f"{label}: from {_fmt(float(y[0]))} to {_fmt(float(y[-1]))}")
    return out


def alt_text(fig: Figure) -> str:
    """A text alternative for a figure, for readers who cannot see it.

    A plotting function may set ``fig.alt_text``; otherwise it is made from the titles (which
    state the finding), the axis labels, and the main values shown (:func:`figure_values`).
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
        if ax.get_label() == "<colorbar>" or getattr(ax, "_colorbar", None) is not None:
            continue  # a colour scale: its numbers are the heatmap's, already given
        try:
            values = figure_values(ax)
        except (ValueError, TypeError, IndexError):  # an artist of an unexpected shape: no values, still an alt
            values = []
        if values:
            bits.append("values: " + "; ".join(values))
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
