"""Command line: ``samestory report | validate | scale | execute`` (the same as ``python -m analysis``).

The console command ``samestory`` is installed with the package (``[project.scripts]`` in
pyproject.toml) and calls :func:`main`, as ``python -m analysis`` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import SameStoryError

__all__ = ["main"]

EPILOG = """examples:
  samestory validate my-corpus/                        list every problem in a corpus folder
  samestory report --corpus my-corpus/ --out site/     run every notebook on it, render site/index.html
  samestory report                                     the bundled corpus (from a repository checkout)
  samestory scale articles.jsonl.gz --map allsides --out results/ --workers 2
  samestory execute                                    maintainers: re-execute the stored notebooks
  samestory --version

A corpus folder is a metadata.csv (article_id,outlet,file) and the article files it names.
Outputs go to --out (default: site/ under the current folder), never into the installed package.
"""


def _prog() -> str:
    """"python -m analysis" when run that way, else the console command's name."""
    return "python -m analysis" if Path(sys.argv[0]).name == "__main__.py" else "samestory"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 a problem reported, 2 bad usage)."""
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Same Story: compare how news outlets tell the same story.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="run every notebook on a corpus and render the HTML site")
    rep.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: the bundled corpus)")
    rep.add_argument("--out", type=Path, default=Path("site"), help="site folder (default: site/)")
    val = sub.add_parser("validate", help="list every problem in a corpus folder (exit code 1 if any)")
    val.add_argument("corpus", type=Path)
    sc = sub.add_parser("scale", help="run the pipeline over a large JSON Lines or Parquet file, in one process or on Dask")
    sc.add_argument("input", type=Path, help=".jsonl(.gz) or .parquet file, one article a row")
    sc.add_argument("--out", type=Path, required=True, help="folder for the results (Parquet)")
    sc.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                    help="which column holds a field, e.g. --map text=content_original (repeat); --map allsides for that data set")
    sc.add_argument("--scheduler", default=None, help="address of a Dask scheduler (tcp://host:8786)")
    sc.add_argument("--workers", type=int, default=0, help="Dask local workers (0: no Dask, one process)")
    sc.add_argument("--limit", type=int, default=None, help="only the first N articles")
    sc.add_argument("--chunk-size", type=int, default=2000, help="articles per chunk / Parquet part")
    ex = sub.add_parser("execute", help="re-execute the stored notebooks in place on the bundled corpus (maintainers)")
    ex.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)

    try:
        if args.command == "validate":
            from .corpus import validate_corpus

            problems = validate_corpus(args.corpus)
            if problems:
                print(f"{args.corpus}: {len(problems)} problem{'s' if len(problems) != 1 else ''}:")
                for p in problems:
                    print(f"- {p}")
                return 1
            from .corpus import load_corpus

            c = load_corpus(args.corpus)
            print(f"{args.corpus}: no problems; {len(c.articles)} articles from {len(c.outlets)} outlets, "
                  f"{len(c.audit)} furniture lines removed by cleaning.")
            return 0
        if args.command == "report":
            from .site.report import run_report

            run_report(args.corpus, args.out)
            return 0
        if args.command == "scale":
            from .scale import run_scale_command

            return run_scale_command(args)
        if args.command == "execute":
            from .site.report import execute_in_place

            execute_in_place([p.resolve() for p in args.notebooks] or None)
            return 0
    except SameStoryError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
