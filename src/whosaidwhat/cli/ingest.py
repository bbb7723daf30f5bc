"""``whosaidwhat ingest``: analyse articles into a corpus database, with a progress display."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click
from rich.console import Console

from whosaidwhat.cli.options import db_option, fail, max_bytes_option, model_option, progress_console
from whosaidwhat.errors import WhosaidwhatError
from whosaidwhat.store import default_url, open_store

if TYPE_CHECKING:
    from whosaidwhat.ingest import Summary

#: Failures listed after the summary line; `whosaidwhat failures` lists them all.
FAILURES_SHOWN = 10


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
@model_option
@max_bytes_option("Refuse articles larger than this.")
def ingest(paths, db, workers, engine, shards, model, max_bytes) -> None:
    """Analyse articles and store them in a corpus database.

    PATH may be a file, a directory (read recursively), a glob pattern, a WARC or
    WARC.gz archive (each HTML response is one article), an RSS/Atom feed or - for
    standard input. Content stored before is skipped, so an interrupted run can simply
    be run again; inputs that cannot be read or analysed are listed by `whosaidwhat failures`.
    The exit status is 1 when every input failed.

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
                from whosaidwhat.ingest.scale import ray_ingest

                summary = ray_ingest(
                    paths, store, workers=workers, model=model, max_bytes=max_bytes, shard_dir=shards
                )
            else:
                with ingest_progress(progress_console()) as on_progress:
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
    for failure in summary.failures[:FAILURES_SHOWN]:
        console.print(f"  failed: {failure.name}: {failure.reason}", markup=False, highlight=False)
    if summary.failed > FAILURES_SHOWN:
        console.print(f"  ... and {summary.failed - FAILURES_SHOWN} more: see `whosaidwhat failures`")
    if summary.failed and not summary.stored and not summary.skipped:
        sys.exit(1)


class ingest_progress:
    """A rich progress display of articles done, their rate and the stored/skipped/failed counts,
    on ``console`` (standard error when it is a terminal); none without one."""

    def __init__(self, console: Console | None):
        self.progress = None
        if console is None:
            return
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
        if self.progress is None:
            return lambda summary: None
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=None, rate=0.0, stored=0, skipped=0, failed=0)
        return self.update

    def update(self, summary: Summary) -> None:
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
        if self.progress is not None:
            self.progress.stop()


def register(group: click.Group) -> None:
    group.add_command(ingest)
