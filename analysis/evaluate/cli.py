"""What every evaluation command shares: its parser, the data-set check, and where its figures go."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import results

__all__ = [
    "add_results_options",
    "command_parser",
    "data_present",
    "progress",
]


def command_parser(name: str, description: str, *, data: Path, data_help: str, data_flag: str = "--data") -> argparse.ArgumentParser:
    """The parser of ``python -m analysis.evaluate NAME``, with its data-set option.

    Args:
        name: the evaluation (``frames``, ``quotes`` ...).
        description: one line saying what it measures.
        data: the data set's default path (under ``../shared/datasets/`` beside the repository).
        data_help: what the file or folder is.
        data_flag: the option's name.
    """
    parser = argparse.ArgumentParser(prog=f"python -m analysis.evaluate {name}", description=description)
    parser.add_argument(data_flag, type=Path, default=data, help=f"{data_help} (default: {data})")
    return parser


def add_results_options(parser: argparse.ArgumentParser, evaluation: str, *, write_by_default: bool, flag: str = "--results") -> None:
    """``--results PATH`` (where the figures go) and ``--no-write`` or ``--write``.

    Args:
        parser: the command's parser.
        evaluation: the results' name in :mod:`analysis.evaluate.results`.
        write_by_default: whether the command writes its figures unless told not to.
        flag: the name of the path option.
    """
    default = results.results_path(evaluation)
    parser.add_argument(flag, type=Path, default=None, help=f"results file in the package's schema (default: {default.name} of the package)")
    if write_by_default:
        parser.add_argument("--no-write", action="store_true", help="print only; do not write the results file")
    else:
        parser.add_argument("--write", action="store_true", help=f"also write the figures to {default.name} (read by the notebooks)")


def data_present(path: Path, what: str, fix: str) -> bool:
    """True when the data set is there; otherwise says where it was looked for and what to do.

    Args:
        path: the file the evaluation reads.
        what: the data set's name ("FrAC", "the BBC News data set").
        fix: one sentence: where to get the data set, or which option to pass.
    """
    if path.is_file():
        return True
    print(f"Error: {what} is not at {path}. {fix}", file=sys.stderr)
    return False


def progress(items, *, total: int | None = None, desc: str = ""):
    """``items``, with a tqdm bar (total and time left) on a terminal; nothing at all otherwise.

    A bar only where someone watches: under a test, in a pipe or a log file, stderr is not a
    terminal, and the items pass through untouched.

    Example:
        >>> list(progress([1, 2, 3], desc="articles"))  # stderr is not a terminal under a test
        [1, 2, 3]
    """
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit=" articles", file=sys.stderr, disable=not sys.stderr.isatty())
