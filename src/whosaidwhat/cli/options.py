"""What the commands share: one way to report an error, and the options several commands take."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn, TextIO

import click
from rich.console import Console

from whosaidwhat.readers import MAX_BYTES
from whosaidwhat.store import DB_ENV


def error(message: str) -> None:
    """A one-line error on standard error; the command goes on."""
    click.echo(f"whosaidwhat: error: {message}", err=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """A one-line error on standard error, then exit with ``code``."""
    error(message)
    sys.exit(code)


@contextmanager
def writing_to(output: TextIO) -> Iterator[None]:
    """Write to ``output``: a reader gone away (``| head``) ends the command quietly with
    status 1, any other write error (a full disk) with a one-line error and status 2."""
    try:
        yield
    except BrokenPipeError:
        discard(output)
        sys.exit(1)
    except OSError as exc:
        discard(output)
        fail(f"cannot write to {output.name}: {exc.strerror or exc}")


def discard(output: TextIO) -> None:
    """Send what is still buffered for ``output`` to /dev/null: writing it again at exit would
    fail again, with a traceback."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), output.fileno())


def standard_output() -> TextIO:
    """``sys.stdout``, or a one-line error if the command was started with it closed."""
    if sys.stdout is None:
        fail("standard output is closed")
    return sys.stdout


def progress_console() -> Console | None:
    """Standard error as a rich console for spinners and progress bars, or None when it is not a
    terminal: logs and pipes get the data and the messages, never a redrawn line."""
    console = Console(stderr=True)
    return console if console.is_terminal else None


@contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner saying ``message`` on standard error while the block runs, if that is a terminal."""
    console = progress_console()
    if console is None:
        yield
        return
    with console.status(message):
        yield


def db_option(function: Callable) -> Callable:
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        help=f"SQLite file or postgresql:// URL (default: ${DB_ENV}, else corpus.db).",
    )(function)


def format_option(function: Callable) -> Callable:
    """Query results as a table, tab-separated rows, JSON or CSV."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "tsv", "json", "csv"]),
        default="table",
        show_default=True,
        help="Output as a table (tab-separated rows when standard output is not a terminal), "
        "tab-separated rows, JSON or CSV.",
    )(function)


def model_option(function: Callable) -> Callable:
    return click.option(
        "--model",
        default=None,
        metavar="NAME",
        help="Any installed spaCy English pipeline (default: en_core_web_sm).",
    )(function)


def max_bytes_option(help: str) -> Callable[[Callable], Callable]:
    """The size limit, with what it limits in ``help``."""
    return click.option(
        "--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True, help=help
    )
