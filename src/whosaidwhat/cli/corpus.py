"""Corpus queries: ``search``, ``quotes``, ``speakers``, ``timeline``, ``show`` and
``failures``, over a database that ``whosaidwhat ingest`` fills.

Every command takes ``--db``: a SQLite file path or a ``postgresql://`` URL (default:
the environment variable WHOSAIDWHAT_DB, else ``corpus.db``). Query results print as
a table on a terminal and as tab-separated rows into a pipe or file, or as JSON or CSV
with ``--format``; a spinner shows on standard error, on a terminal only, while a query runs.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Sequence

import click
from rich.console import Console
from rich.table import Table

from whosaidwhat.cli.options import db_option, fail, format_option, working
from whosaidwhat.errors import WhosaidwhatError
from whosaidwhat.store import default_url, open_store

QUOTE_COLUMNS = ("quote_id", "said_on", "speaker", "kind", "content", "headline")
LINE_BREAKS_AND_TABS = re.compile(r"[\t\r\n]+")
#: Table cells longer than this are cut short (JSON and CSV keep them whole).
CELL_CHARS = 160


def run_query(db: str | None, query: Callable):
    """Open the store, run ``query(store)``; bad searches and databases are one-line errors (exit 2)."""
    try:
        with working("querying the corpus"), open_store(db or default_url()) as store:
            return query(store)
    except WhosaidwhatError as exc:  # QueryError, StoreError
        fail(str(exc))


def emit(rows: list[dict], columns: Sequence[str], fmt: str, title: str | None = None) -> None:
    """Print rows as a rich table, tab-separated rows, a JSON array or CSV, each with a header.

    A table asked for where standard output is no terminal (``| cut``, ``> file``) prints as
    tab-separated rows: data only, no box drawing and no cells cut short.
    """
    if fmt == "table" and not sys.stdout.isatty():
        fmt = "tsv"
    if fmt == "tsv":
        for values in [list(columns), *([row.get(column) for column in columns] for row in rows)]:
            click.echo("\t".join(tsv_cell(value) for value in values))
    elif fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(
            sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(cell(row.get(column)) for column in columns))
        Console().print(table)
        if not rows:
            click.echo("(nothing found)", err=True)


def tsv_cell(value) -> str:
    """A value on one line without tabs, so that each row is one line of tab-separated fields."""
    return "" if value is None else LINE_BREAKS_AND_TABS.sub(" ", str(value))


def cell(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


@click.command()
@click.argument("text")
@db_option
@format_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
def search(text, db, fmt, limit) -> None:
    """Find quotes by their words, best match first.

    TEXT is a web-style search: words, "quoted phrases", OR between alternatives,
    -word to exclude. The newest 2,000 matches are ranked; a more specific search
    narrows a common word.

    \b
    Examples:
      whosaidwhat search 'ceasefire'
      whosaidwhat search '"grain corridor" OR ports -russia' --format json
    """
    rows = run_query(db, lambda store: store.search(text, limit=limit))
    emit(rows, QUOTE_COLUMNS, fmt, title=f"quotes matching {text!r}")


@click.command()
@click.option("--speaker", default=None, metavar="NAME", help="Any name, alias or surname of the speaker.")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Said on or after this date.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Said on or before this date.")
@click.option("--about", default=None, metavar="TEXT", help="Only quotes matching this search.")
@db_option
@format_option
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
def quotes(speaker, since, until, about, db, fmt, limit) -> None:
    """List quotes, newest first, by speaker, date and topic.

    \b
    Examples:
      whosaidwhat quotes --speaker Zelenskyy
      whosaidwhat quotes --speaker trump --since 2016-09-01 --about taxes --format csv
    """
    rows = run_query(
        db, lambda store: store.quotes(speaker=speaker, since=since, until=until, about=about, limit=limit)
    )
    emit(rows, QUOTE_COLUMNS, fmt, title=f"quotes by {speaker}" if speaker else "quotes")


@click.command()
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
@format_option
def speakers(top, db, fmt) -> None:
    """The most quoted people in the corpus.

    \b
    Examples:
      whosaidwhat speakers --top 5
      whosaidwhat speakers --db postgresql://localhost/news --format json
    """
    rows = run_query(db, lambda store: store.speakers(top=top))
    emit(rows, ("person_id", "name", "type", "n_quotes", "n_articles"), fmt, title="speakers")


@click.command()
@click.argument("name")
@db_option
@format_option
def timeline(name, db, fmt) -> None:
    """A person's quotes and events over time, oldest first.

    \b
    Examples:
      whosaidwhat timeline "Hillary Clinton"
      whosaidwhat timeline Zelenskyy --format json
    """
    rows = run_query(db, lambda store: store.timeline(name))
    for row in rows:
        event = f"{row.get('type')}: {row.get('trigger')}"
        row["what"] = row.get("content") if row["row"] == "quote" else event
        row["date"] = (row.get("said_on") if row["row"] == "quote" else row.get("when")) or row.get(
            "published"
        )
    emit(rows, ("date", "row", "what", "headline", "article_id"), fmt, title=f"timeline of {name}")


@click.command()
@click.argument("article_id", type=int)
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="The stored record as JSON, or its quotes as a table.",
)
def show(article_id, db, fmt) -> None:
    """Print one stored article's record (ids as listed by search and quotes).

    \b
    Examples:
      whosaidwhat show 42
      whosaidwhat show 42 --format table
    """
    record = run_query(db, lambda store: store.article(article_id))
    if record is None:
        fail(f"no article with id {article_id}", code=1)
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    rows = [
        {
            "quote": q["id"],
            "kind": q["kind"],
            "speaker": names.get(q.get("speaker")),
            "content": q["content"]["text"],
            "cue": (q.get("cue") or {}).get("text"),
        }
        for q in record.get("quotes", [])
    ]
    emit(rows, ("quote", "speaker", "kind", "cue", "content"), "table", title=record.get("headline"))


@click.command()
@db_option
@format_option
def failures(db, fmt) -> None:
    """Inputs that could not be stored, with the reason.

    \b
    Examples:
      whosaidwhat failures
      whosaidwhat failures --db corpus.db --format csv > failures.csv
    """
    rows = run_query(db, lambda store: store.failures())
    emit(rows, ("path", "reason", "at"), fmt, title="failures")


def register(group: click.Group) -> None:
    for command in (search, quotes, speakers, timeline, show, failures):
        group.add_command(command)
