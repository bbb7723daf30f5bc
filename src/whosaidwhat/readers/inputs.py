"""The inputs named on a command line: files, directories, glob patterns and ``-``.

:func:`expand_inputs` turns the arguments into the files to read, in order: a
directory is read recursively in sorted order without its hidden files and
directories (names starting with a dot); a pattern that names no file itself is
expanded as a glob; ``-`` is standard input, given as None. Of what directories and
patterns hold, only regular files are read: a named pipe, socket or device is reported
and never opened (opening a named pipe waits for a writer, maybe forever); a path named
as an argument is read whatever it is, as ``<(command)`` names a pipe. Paths are given as the
operating system names them, to be opened; :func:`~whosaidwhat.readers.article.path_name`
makes them printable.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator

from whosaidwhat.readers.article import Failure, path_name
from whosaidwhat.readers.content import file_error

#: What is not a regular file, by the test of its mode.
FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

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


def files_under(directory: str) -> Iterator[str | Failure]:
    """Every regular file under ``directory`` in sorted order, hidden files and directories skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield regular_file(os.path.join(root, name))


def pattern_files(pattern: str) -> Iterator[str | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure(path_name(pattern), "no file matches this pattern")
    for match in matches:
        if os.path.isdir(match):
            yield from files_under(match)
        else:
            yield regular_file(match)


def regular_file(path: str) -> str | Failure:
    """``path`` if it is a regular file (or a link to one), else a Failure saying what it is."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Failure(path_name(path), file_error(path, exc).reason)
    if stat.S_ISREG(mode):
        return path
    kind = next((name for is_kind, name in FILE_KINDS if is_kind(mode)), "a special file")
    return Failure(path_name(path), f"{kind}, not a regular file: skipped")
