"""The inputs named on a command line: files, directories, glob patterns and ``-``.

:func:`expand_inputs` turns the arguments into the files to read, in order: a
directory is read recursively in sorted order without its hidden files and
directories (names starting with a dot); a pattern that names no file itself is
expanded as a glob; ``-`` is standard input, given as None. Paths are given as the
operating system names them, to be opened; :func:`~whosaidwhat.readers.article.path_name`
makes them printable.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from whosaidwhat.readers.article import Failure, path_name

#: The argument that names standard input.
STDIN_ARGUMENT = "-"


def expand_inputs(paths: Iterable[str]) -> Iterator[str | None | Failure]:
    """Every file named by the arguments (None for standard input), or a Failure for an argument
    that names nothing."""
    for path in paths:
        if path == STDIN_ARGUMENT:
            yield None
        elif os.path.isdir(path):
            yield from files_under(path)
        elif os.path.exists(path):
            yield path
        elif glob.has_magic(path):
            yield from pattern_files(path)
        else:
            yield Failure(path_name(path), "no such file or directory")


def files_under(directory: str) -> Iterator[str]:
    """Every file under ``directory`` in sorted order, hidden files and directories skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def pattern_files(pattern: str) -> Iterator[str | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure(path_name(pattern), "no file matches this pattern")
    for match in matches:
        yield from files_under(match) if os.path.isdir(match) else [match]
