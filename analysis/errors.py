"""Every error type of the package: messages written for people, naming the file, the line and the fix.

Each analysis raises one of these (never a bare exception from deep inside pandas); they all derive
from :class:`SameStoryError`, which the command line catches to print one paragraph and exit 1.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ComparisonError",
    "CorpusError",
    "CorpusNotFoundError",
    "InputError",
    "KeywordError",
    "LabelError",
    "LexiconError",
    "OutputError",
    "Problem",
    "ReportError",
    "ResultsError",
    "SameStoryError",
    "SchemeError",
    "TopicError",
]


class SameStoryError(Exception):
    """Base class of every error this package raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a corpus folder.

    Attributes:
        file: the file concerned, relative to the corpus folder where possible.
        message: what is wrong.
        fix: what to do about it.
        line: 1-based line number in ``file``, when it has one.
        column: a column name (for metadata.csv) or 1-based character column.
    """

    file: str
    message: str
    fix: str
    line: int | None = None
    column: str | int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            label = "column" if isinstance(self.column, str) else "character"
            where += f", {label} {self.column}"
        return f"{where}: {self.message}; {self.fix}"


class CorpusError(SameStoryError):
    """A corpus folder cannot be used as it is.

    The message is one paragraph: a first line naming the folder, then one line per problem,
    each naming the file (and line or column) and the fix. ``.problems`` holds them as objects.
    """

    def __init__(self, corpus: str, problems: list[Problem]):
        self.corpus = corpus
        self.problems = list(problems)
        n = len(self.problems)
        head = f"The corpus at {corpus} has {n} problem{'s' if n != 1 else ''} to fix before it can be read:"
        super().__init__("\n".join([head, *(f"- {p}" for p in self.problems)]))


class CorpusNotFoundError(CorpusError):
    """No corpus folder was given and there is no bundled corpus (the package was installed from a
    wheel, which does not carry the bundled articles). The message is one line: where to get the
    bundled corpus and how to pass a folder instead.

    Example:
        >>> str(CorpusNotFoundError("No corpus folder given: pass one"))
        'No corpus folder given: pass one'
    """

    def __init__(self, message: str):
        self.corpus = ""
        self.problems = []
        SameStoryError.__init__(self, message)


class ComparisonError(SameStoryError):
    """An analysis that compares outlets was asked of a corpus with too few of them."""


class SchemeError(SameStoryError):
    """A frame or event cue file cannot be used as it is (the message names the file and the fix)."""


class LexiconError(SameStoryError):
    """A lexicon or word-list file cannot be used; the message names the file, the entry and the fix."""


class TopicError(SameStoryError):
    """A topic model or story-element clustering cannot be fitted on the texts given."""


class LabelError(SameStoryError):
    """Hand labels that cannot be compared with the tool's (wrong length, nothing labelled)."""


class InputError(SameStoryError):
    """A large input file cannot be read as asked (format, columns, a bad line)."""


class KeywordError(SameStoryError, ValueError):
    """A keyword to search for cannot be used: empty, or a regular expression that does not compile.
    (Also a ValueError, which the keyword functions raised before.)"""


class OutputError(SameStoryError):
    """An output folder or file that would write into the input, over an input file, or over a
    file that is not an output folder; the message says why and what to give instead."""


class ReportError(SameStoryError):
    """A notebook failed while the report ran."""


class ResultsError(SameStoryError):
    """An evaluation result that does not follow the schema of :mod:`analysis.evaluate.results`."""
