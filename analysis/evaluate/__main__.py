"""``python -m analysis.evaluate NAME [options]``: run one evaluation (list them with no NAME)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import analysis.evaluate as package

__all__ = [
    "available",
    "main",
    "NOT_EVALUATIONS",
]


# Modules of this package that are not evaluations: the results files' reader and the shared parser.
NOT_EVALUATIONS = frozenset({"results", "cli"})


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__)
                  if not m.name.startswith("_") and m.name not in NOT_EVALUATIONS)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = available()
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python -m analysis.evaluate NAME [options]\n\nevaluations: " + (", ".join(names) or "none yet"))
        return 0
    name, rest = argv[0], argv[1:]
    if name not in names:
        print(f"Error: no evaluation named {name!r}; choose one of: {', '.join(names) or 'none yet'}", file=sys.stderr)
        return 2
    module = importlib.import_module(f"analysis.evaluate.{name}")
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
