"""Memory of ``whosaidwhat serve`` across large ``POST /api/extract`` requests.

Starts the server on an empty corpus and posts the same long article (invented text,
``--kb`` kilobytes of reported speech) ``--requests`` times, one after the other. After
each it prints the seconds taken and the resident memory of the server process and of
the worker process analysing articles, which is replaced every
:data:`~whosaidwhat.service.extraction.EXTRACTS_PER_WORKER` articles: the server stays
small, and the worker's memory falls back when it is replaced.

    .venv/bin/python bench/extract_memory.py --requests 10 --kb 150
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

import httpx
from serve_load import free_port, start_server
from soak import rss_mb

from whosaidwhat.store import open_store

NAMES = ["Ana Lima", "Tom Roe", "Ines Ortega", "Paul Adeyemi", "Lina Holt", "Joan Arkwright"]
PLACES = ["the harbour", "the bridge", "the school", "the library", "the market", "the station"]


def long_article(kilobytes: int) -> bytes:
    """A long article of reported speech: many people, quotes and places."""
    lines = ["The town meets\n"]
    number = 0
    while sum(len(line) for line in lines) < kilobytes * 1024:
        name, place = NAMES[number % len(NAMES)], PLACES[number // len(NAMES) % len(PLACES)]
        lines.append(
            f'"We will open {place} again in spring," {name} said on Monday. '
            f"{name.split()[-1]} added that meeting {number} had gone well and that {place} needed work.\n"
        )
        number += 1
    return "".join(lines).encode()


def worker_rss(server_pid: int) -> float:
    """Resident memory of the server's child processes (the analysing worker), in MB."""
    children = []
    for task in Path(f"/proc/{server_pid}/task").glob("*"):  # each thread lists the children it started
        with contextlib.suppress(OSError):
            children += (task / "children").read_text().split()
    total = 0.0
    for child in children:
        with contextlib.suppress(OSError):
            total += rss_mb(int(child))
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--kb", type=int, default=150, help="size of the article posted")
    args = parser.parse_args()
    body = long_article(args.kb)
    with tempfile.TemporaryDirectory() as directory:
        db = Path(directory) / "corpus.db"
        open_store(str(db)).close()
        port = free_port()
        server = start_server(db, port)
        try:
            print(f"server RSS before: {rss_mb(server.pid):.0f} MB; posting {len(body) // 1024} KB")
            print(f"{'request':>7}{'status':>7}{'seconds':>9}{'server MB':>11}{'worker MB':>11}")
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
                for number in range(1, args.requests + 1):
                    began = time.perf_counter()
                    response = client.post(
                        "/api/extract", content=body, headers={"content-type": "text/plain"}
                    )
                    seconds = time.perf_counter() - began
                    print(
                        f"{number:>7}{response.status_code:>7}{seconds:>9.1f}"
                        f"{rss_mb(server.pid):>11.0f}{worker_rss(server.pid):>11.0f}",
                        flush=True,
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
