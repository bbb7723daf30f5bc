"""Corpus commands: ``ingest`` articles into a database, then ``search``, ``quotes``,
``speakers``, ``timeline``, ``show`` and ``failures`` to query it.

Every command takes ``--db``: a SQLite file path or a ``postgresql://`` URL (default:
the environment variable WHOSAIDWHAT_DB, else ``corpus.db``). Query results print as
a table, or as JSON or CSV with ``--format``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence

import click
from rich.console import Console
from rich.table import Table

from whosaidwhat.errors import WhosaidwhatError
from whosaidwhat.readers import MAX_BYTES
from whosaidwhat.store import DB_ENV, default_url, open_store

QUOTE_COLUMNS = ("quote_id", "said_on", "speaker", "kind", "content", "headline")
#: Table cells longer than this are cut short (JSON and CSV keep them whole).
CELL_CHARS = 160


def fail(message: str, code: int = 2) -> None:
    click.echo(f"whosaidwhat: error: {message}", err=True)
    sys.exit(code)


def db_option(function: Callable) -> Callable:
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        help=f"SQLite file or postgresql:// URL (default: ${DB_ENV}, else corpus.db).",
    )(function)


def format_option(function: Callable) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv"]),
        default="table",
        show_default=True,
        help="Output as a table, JSON or CSV.",
    )(function)


def run_query(db: str | None, query: Callable):
    """Open the store, run ``query(store)``; bad searches and databases are one-line errors (exit 2)."""
    try:
        with open_store(db or default_url()) as store:
            return query(store)
    except WhosaidwhatError as exc:  # QueryError, StoreError
        fail(str(exc))


def emit(rows: list[dict], columns: Sequence[str], fmt: str, title: str | None = None) -> None:
    """Print rows as a rich table, a JSON array or CSV with a header."""
    if fmt == "json":
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


def cell(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes analysing articles, this one included (each loads the model once).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: this machine's processes; ray: a Ray cluster (RAY_ADDRESS), through shards.",
)
@click.option(
    "--shards",
    default=None,
    metavar="DIR",
    help="With --engine ray: where workers write their shards (shared storage on a cluster).",
)
@click.option("--model", default=None, metavar="NAME", help="Any installed spaCy English pipeline.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=MAX_BYTES,
    show_default=True,
    help="Refuse articles larger than this.",
)
def ingest(paths, db, workers, engine, shards, model, max_bytes) -> None:
    """Analyse articles and store them in a corpus database.

    PATH may be a file, a directory (read recursively), a glob pattern, a WARC or
    WARC.gz archive (each HTML response is one article) or an RSS/Atom feed. Content
    stored before is skipped, so an interrupted run can simply be run again; inputs
    that cannot be read or analysed are listed by `whosaidwhat failures`.

    \b
    Examples:
      whosaidwhat ingest news/ --db corpus.db
      whosaidwhat ingest 'crawl/*.warc.gz' feeds/world.rss --workers 4
      whosaidwhat ingest news/ --db postgresql://localhost/news
      whosaidwhat ingest crawl/ --engine ray --workers 8 --shards /shared/shards
    """
    from whosaidwhat.ingest import Ingest

    try:
        store = open_store(db or default_url())
    except WhosaidwhatError as exc:
        fail(str(exc))
    console = Console(stderr=True)
    with store:
        try:
            if engine == "ray":
                from whosaidwhat.scale import ray_ingest

                summary = ray_ingest(
                    paths, store, workers=workers, model=model, max_bytes=max_bytes, shard_dir=shards
                )
            else:
                with ingest_progress(console) as on_progress:
                    summary = Ingest(
                        store, workers=workers, model=model, max_bytes=max_bytes, on_progress=on_progress
                    ).run(paths)
        except WhosaidwhatError as exc:
            fail(str(exc))
        totals = store.counts()
    console.print(
        f"stored {summary.stored}, skipped {summary.skipped}, failed {summary.failed} "
        f"in {summary.seconds:.1f} s ({summary.articles_per_second:.2f} articles/s); "
        f"the corpus holds {totals['articles']} articles, {totals['quotes']} quotes, "
        f"{totals['people']} people"
    )
    for failure in summary.failures[:10]:
        console.print(f"  failed: {failure.path}: {failure.reason}", markup=False, highlight=False)
    if summary.failed > 10:
        console.print(f"  ... and {summary.failed - 10} more: see `whosaidwhat failures`")


class ingest_progress:
    """A rich progress display of articles done, their rate and the stored/skipped/failed counts."""

    def __init__(self, console: Console):
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} articles"),
            BarColumn(),
            TextColumn("{task.fields[rate]:.2f} articles/s"),
            TextColumn(
                "stored {task.fields[stored]} · skipped {task.fields[skipped]} · failed {task.fields[failed]}"
            ),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )

    def __enter__(self):
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=None, rate=0.0, stored=0, skipped=0, failed=0)
        return self.update

    def update(self, summary) -> None:
        done = summary.stored + summary.skipped + summary.failed
        elapsed = self.progress.tasks[0].elapsed or 0.0
        rate = (summary.stored + summary.failed) / elapsed if elapsed else 0.0
        self.progress.update(
            self.task,
            completed=done,
            rate=rate,
            stored=summary.stored,
            skipped=summary.skipped,
            failed=summary.failed,
        )

    def __exit__(self, *exc) -> None:
        self.progress.stop()


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
    for command in (ingest, search, quotes, speakers, timeline, show, failures):
        group.add_command(command)
