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
#: glibc's ``mallopt`` parameter for the number of malloc arenas, and the number the server keeps.
#: By default glibc gives each new thread its own arena, up to 8 per core, and each arena keeps
#: the freed memory of the largest answers its threads built: the server's resident memory then
#: creeps up for minutes under steady load while its live Python and SQLite memory stay flat.
M_ARENA_MAX = -8
SERVER_MALLOC_ARENAS = 2


def limit_malloc_arenas(arenas: int = SERVER_MALLOC_ARENAS) -> bool:
    """Share ``arenas`` malloc arenas among all the server's threads (glibc only; else nothing).

    Must run before the worker threads start. Answers whether the limit was set."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    mallopt = getattr(ctypes.CDLL(libc_name), "mallopt", None)
    return bool(mallopt and mallopt(M_ARENA_MAX, arenas) == 1)


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
    limit_malloc_arenas()
    app = create_app(db, max_bytes=max_bytes, hosts=allowed_hosts(host, allow_hosts))
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS)


def register(group: click.Group) -> None:
    group.add_command(serve)
