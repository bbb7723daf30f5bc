"""``whosaidwhat serve``: the JSON API and the article reader over a corpus."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import click

from whosaidwhat.cli.options import db_option, max_bytes_option

LOOPBACK = "127.0.0.1"
#: Seconds an idle keep-alive connection is held open. Longer than clients keep theirs
#: (httpx and many proxies: 5 s), so that the server never closes a connection just as a
#: client sends on it, which the client sees as "connection reset".
KEEP_ALIVE_SECONDS = 30
#: glibc's ``mallopt`` parameters for the number of malloc arenas and for the size from which a
#: block is mapped on its own, and the values the server sets.
M_ARENA_MAX = -8
M_MMAP_THRESHOLD = -3
#: By default glibc gives each new thread its own arena, up to 8 per core, each keeping the freed
#: memory of the largest answers its threads built.
SERVER_MALLOC_ARENAS = 2
#: By default glibc raises the mapping threshold to the size of each large block freed, up to 32 MB:
#: after the first large answer, every buffer of a CSV download, a long timeline or a search's
#: list of matches is cut from an arena, between small blocks that outlive it, and its pages stay
#: resident once freed. The server's memory then creeps up for minutes under steady load while
#: its live Python and SQLite memory stay flat. A fixed threshold (glibc's initial one) maps each
#: such buffer on its own and gives it back to the system when it is freed.
SERVER_MMAP_THRESHOLD = 128 * 1024


def tune_malloc(arenas: int = SERVER_MALLOC_ARENAS, mmap_threshold: int = SERVER_MMAP_THRESHOLD) -> bool:
    """Share ``arenas`` malloc arenas among all the server's threads and map every block of
    ``mmap_threshold`` bytes or more on its own (glibc only; elsewhere nothing).

    Must run before the worker threads start. Answers whether both were set."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    mallopt = getattr(ctypes.CDLL(libc_name), "mallopt", None)
    if mallopt is None:
        return False
    return mallopt(M_ARENA_MAX, arenas) == 1 and mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1


@click.command()
@db_option
@click.option(
    "--host",
    default=LOOPBACK,
    show_default=True,
    help="Address to listen on; anything but loopback exposes the corpus to the network.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="On loopback, a host name answered besides localhost and the loopback addresses "
    "(a reverse proxy's name); requests naming any other host are refused.",
)
@max_bytes_option("Largest body POST /api/extract accepts.")
def serve(db: str | None, host: str, port: int, allow_hosts: tuple[str, ...], max_bytes: int) -> None:
    """Serve the corpus: a reader at / and a JSON API under /api (OpenAPI at /openapi.json).

    On a loopback address only requests naming this machine (localhost, 127.0.0.1, ::1)
    or an --allow-host name are answered: a web page cannot reach the corpus by
    re-pointing its own DNS name at this machine.

    \b
    Examples:
      whosaidwhat serve --db corpus.db
      whosaidwhat serve --db corpus.db --port 8080
      whosaidwhat serve --db postgresql://localhost/news --host 0.0.0.0
    """
    import uvicorn

    from whosaidwhat.service.app import create_app
    from whosaidwhat.service.security import allowed_hosts, is_loopback
    from whosaidwhat.store import default_url, is_postgres_url, redact

    db = db or default_url()
    if not is_postgres_url(db) and not os.path.isfile(db):
        raise click.UsageError(f"no corpus at {db!r}: build one with `whosaidwhat ingest` first")
    if not is_loopback(host):
        click.echo(f"whosaidwhat: listening on {host}: the corpus is reachable from other machines", err=True)
    click.echo(f"whosaidwhat: serving {redact(db)} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    tune_malloc()
    app = create_app(db, max_bytes=max_bytes, hosts=allowed_hosts(host, allow_hosts))
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS)


def register(group: click.Group) -> None:
    group.add_command(serve)
