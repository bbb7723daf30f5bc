"""``whosaidwhat extract`` and ``whosaidwhat schema``."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from itertools import chain, islice
from typing import TextIO

import click
from pydantic_core import to_json

from whosaidwhat.cli.options import (
    error,
    fail,
    max_bytes_option,
    model_option,
    progress_console,
    standard_output,
    working,
    writing_to,
)
from whosaidwhat.errors import AnalysisError, ReadError, WhosaidwhatError
from whosaidwhat.readers import Article, Failure, iter_articles, read_bytes
from whosaidwhat.record import json_schema

EXAMPLE = "seed.txt"


class OutputFile(click.File):
    """The file records are written to, - for standard output; a closed standard output is
    a one-line error rather than click's crash."""

    def convert(self, value, param, ctx):
        if value == "-":
            standard_output()
        return super().convert(value, param, ctx)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--example", is_flag=True, help="Analyse the bundled example article.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    help="Indented JSON (default for one record) or JSON Lines (default for several).",
)
@click.option(
    "-o",
    "--output",
    type=OutputFile("w", encoding="utf-8"),
    default="-",
    help="Write records to FILE instead of standard output.",
)
@model_option
@max_bytes_option("Refuse input files larger than this.")
def extract(paths, example, fmt, output, model, max_bytes) -> None:
    """Print the record (quotes, speakers, entities, times, ...) of news articles.

    PATH may be a file, a directory (read recursively, hidden files skipped), a glob
    pattern or - for standard input. Plain text, HTML pages, WARC and WARC.gz archives
    (each HTML response is one article) and RSS/Atom feeds (each entry is one article)
    are told apart by their content. An input that cannot be read (missing, empty,
    binary, too large, JSON data, HTML without article text, a broken feed) is reported
    on standard error and the others are still printed; the exit status is then 1.

    \b
    Examples:
      whosaidwhat extract article.txt
      whosaidwhat extract page.html --format jsonl
      whosaidwhat extract news/ -o records.jsonl
      whosaidwhat extract crawl.warc.gz feed.rss --format jsonl
      curl -s https://example.org/story | whosaidwhat extract -
    """
    from whosaidwhat.extract import extract_many
    from whosaidwhat.nlp import load

    if not paths and not example:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("give a PATH, - for standard input, or --example")
        paths = ("-",)
    failures: list[str] = []
    articles = _articles(paths, example, max_bytes, failures)
    # Inputs are read as they are analysed; the first two tell one record from several.
    first = list(islice(articles, 2))
    if first:
        try:
            with working("loading the language model"):
                nlp = load(model)
        except WhosaidwhatError as exc:
            fail(str(exc))
        one = len(first) == 1 and not failures
        fmt = fmt or ("json" if one else "jsonl")

        def analysis_failed(article: Article, exc: Exception) -> None:
            message = str(AnalysisError(article.path, exc))
            failures.append(message)
            error(message)

        with counting(output, several=not one) as advance:
            for record in extract_many(chain(first, articles), nlp, on_error=analysis_failed):
                with writing_to(output):
                    _write(output, to_json(record, by_alias=True, indent=2 if fmt == "json" else None))
                    output.write("\n")
                    output.flush()
                advance()
    if failures:
        sys.exit(1)


@contextmanager
def counting(output: TextIO, several: bool) -> Iterator[Callable[[], None]]:
    """A spinner counting the articles done on standard error, for several articles written
    elsewhere than the terminal (``-o records.jsonl``, a pipe), when standard error is one."""
    console = progress_console()
    if console is None or not several or output.isatty():
        yield lambda: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(), console=console
    ) as progress:
        task = progress.add_task("extract", total=None)
        yield lambda: progress.advance(task)


#: Bytes of JSON written at a time.
WRITE_BYTES = 1 << 20


def _write(output, data: bytes) -> None:
    """Write UTF-8 ``data`` to a text stream in slices: a long article's record, as one
    string, would take up to four times its size in bytes."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(data), WRITE_BYTES):
        output.write(
            decoder.decode(data[start : start + WRITE_BYTES], final=start + WRITE_BYTES >= len(data))
        )


def _articles(paths, example: bool, max_bytes: int, failures: list[str]) -> Iterator[Article]:
    """Read each input, reporting (not raising) the ones that cannot be read."""
    if example:
        data = resources.files("whosaidwhat").joinpath("data", EXAMPLE).read_bytes()
        yield read_bytes(data, path=EXAMPLE, max_bytes=max_bytes)
    for article in iter_articles(paths, max_bytes):
        if isinstance(article, Failure):
            message = str(ReadError(article.path, article.reason))
            failures.append(message)
            error(message)
        else:
            yield _warned(article)


def _warned(article: Article) -> Article:
    """``article``, after its reader's warnings (not English, ...) are shown on stderr."""
    for warning in article.warnings:
        click.echo(f"whosaidwhat: warning: {article.path or '<stdin>'}: {warning}", err=True)
    return article


@click.command()
def schema() -> None:
    """Print the JSON Schema of the article record.

    \b
    Example:
      whosaidwhat schema > article.schema.json
    """
    output = standard_output()
    with writing_to(output):
        click.echo(json.dumps(json_schema(), indent=2), file=output)


def register(group: click.Group) -> None:
    group.add_command(extract)
    group.add_command(schema)
