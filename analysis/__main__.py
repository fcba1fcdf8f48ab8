"""Command line: ``samestory report | validate | scale | execute`` (the same as ``python -m analysis``).

The console command ``samestory`` is installed with the package (``[project.scripts]`` in
pyproject.toml) and calls :func:`main`, as ``python -m analysis`` does.
"""

from __future__ import annotations

import argparse
import os
import sys
import zlib
from pathlib import Path

from . import __version__
from .errors import SameStoryError

__all__ = ["main"]

EPILOG = """examples:
  samestory validate my-corpus/                        list every problem in a corpus folder
  samestory report --corpus my-corpus/ --out site/     run every notebook on it, render site/index.html
  samestory report --corpus articles.csv --map text=body --map outlet=source --out site/
  samestory validate saved-pages/                      a folder of saved web pages (.html)
  samestory report                                     the bundled corpus (from a repository checkout)
  samestory scale articles.jsonl.gz --map allsides --out results/ --workers 2
  samestory execute                                    maintainers: re-execute the stored notebooks
  samestory --version

A corpus folder is a metadata.csv (article_id,outlet,file) and the article files it names. A corpus can
also be one .csv, .jsonl(.gz) or .parquet file (one article a row: article_id, outlet, text, or name the
columns with --map), or a folder of saved web pages (their main text is extracted).
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
    rep.add_argument("--corpus", type=Path, default=None,
                     help="corpus folder, .csv / .jsonl(.gz) / .parquet file, or folder of .html pages (default: the bundled corpus)")
    rep.add_argument("--out", type=Path, default=Path("site"), help="site folder (default: site/)")
    val = sub.add_parser("validate", help="list every problem in a corpus (exit code 1 if any)")
    val.add_argument("corpus", type=Path, help="corpus folder, .csv / .jsonl(.gz) / .parquet file, or folder of .html pages")
    for p in (rep, val):
        p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                       help="for a file: which column holds a field, e.g. --map text=body --map outlet=source (repeat); "
                            "--map allsides for that data set")
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
        return _run(args)
    except SameStoryError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped (Ctrl-C); nothing more was written.", file=sys.stderr)
        return 130
    except (OSError, UnicodeError, ValueError, EOFError, RecursionError, RuntimeError, zlib.error) as exc:
        message = _plain_error(exc, args)
        if message is None or os.environ.get("SAMESTORY_DEBUG"):
            raise
        print(f"Error: {message}", file=sys.stderr)
        return 1


def _given_path(args) -> str:
    """The file or folder the command was given (named when an error does not name its own)."""
    for name in ("input", "corpus"):
        value = getattr(args, name, None)
        if value is not None:
            return str(value)
    return "the bundled corpus" if getattr(args, "command", "") == "report" else "the input"


def _plain_error(exc: BaseException, args) -> str | None:
    """One paragraph for an error that reached the command line from the file system or a file
    format: the file, what is wrong, what to do. None: not an input problem (a bug: re-raised)."""
    import errno

    debug = " (set SAMESTORY_DEBUG=1 to see the traceback)"
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else _given_path(args)
        reason = exc.strerror or str(exc) or type(exc).__name__
        fix = {
            errno.ELOOP: "a symbolic link points (through others) back to itself: replace it with the real file or folder",
            errno.ENAMETOOLONG: "shorten the file or folder name (most systems allow 255 characters per name)",
            errno.EACCES: "check the permissions: the file must be readable (and the output folder writable)",
            errno.ENOSPC: "free some disk space, or give an --out folder on another disk",
        }.get(exc.errno, "check the path, and that the file is there and readable")
        return f"{name}: {reason}; {fix}.{debug}"
    if isinstance(exc, RuntimeError):
        if "symlink loop" not in str(exc).lower():
            return None
        return (f"{_given_path(args)}: {exc}; a symbolic link points (through others) back to itself: replace it "
                f"with the real file or folder.{debug}")
    if isinstance(exc, UnicodeError):
        return (f"{_given_path(args)}: a file is not UTF-8 text ({exc}); save it as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`) "
                f"and run `{_prog()} validate` on a corpus folder to find which file.{debug}")
    if isinstance(exc, (EOFError, zlib.error)):
        return f"{_given_path(args)}: the file ends too early or is not valid gzip ({exc}); fetch or write it again.{debug}"
    if isinstance(exc, RecursionError):
        return f"{_given_path(args)}: the data are nested too deeply to read; give one flat record per article.{debug}"
    text = str(exc)
    if "null byte" in text or "null character" in text:
        return f"{_given_path(args)!r}: a file or folder name holds a NUL character (\\0); rename it.{debug}"
    return f"{_given_path(args)}: cannot be read as given ({type(exc).__name__}: {text}); check the file's format.{debug}"


def _run(args) -> int:
    if args.command == "validate":
        from .corpus.formats import open_corpus, validate_any
        from .scale.input import parse_mapping

        mapping = parse_mapping(args.map)
        problems = validate_any(args.corpus, mapping=mapping)
        if problems:
            print(f"{args.corpus}: {len(problems)} problem{'s' if len(problems) != 1 else ''}:")
            for p in problems:
                print(f"- {p}")
            return 1
        c = open_corpus(args.corpus, mapping=mapping)
        print(f"{args.corpus}: no problems; {len(c.articles)} articles from {len(c.outlets)} outlets, "
              f"{len(c.audit)} furniture lines removed by cleaning.")
        return 0
    if args.command == "report":
        from .scale.input import parse_mapping
        from .site.report import run_report

        run_report(args.corpus, args.out, mapping=parse_mapping(args.map))
        return 0
    if args.command == "scale":
        from .scale import run_scale_command

        return run_scale_command(args)
    if args.command == "execute":
        from .site.report import execute_in_place

        execute_in_place([p.resolve() for p in args.notebooks] or None)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
