"""Load on ``whosaidwhat serve``: requests/s and latency of an article page and of a quote search.

Serves a SQLite corpus of 200,000 quotes, built once by ``bench/queries.py``'s builder
(real records replicated under new names and dates) unless ``--db`` exists already.
Starts ``whosaidwhat serve`` on a loopback port in a subprocess and sends a fixed
number of requests, paced to a fixed rate (50 requests/s by default) from a pool of
client threads; latency counts from the moment each request was due, so a slow answer
that delays the next ones counts against the server. Then the same requests are sent
back to back by a few threads, for the most requests/s the server gives; and the same
searches straight on the store, to tell the query's share of the latency from the
service's. Search terms are ``bench/queries.py``'s: words and two-word phrases of the
corpus's quotes.

    .venv/bin/python bench/serve_load.py             # builds out/bench/serve-200k.db once
    .venv/bin/python bench/serve_load.py --requests 1000 --rate 50 --db corpus.db
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from queries import build, query_words, real_records

from whosaidwhat.store import open_store

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / "out" / "bench" / "serve-200k.db"
PACED_THREADS = 16  # client threads for paced requests: enough that a slow answer delays no other


# --- the server and the load --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "whosaidwhat"), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/counts", timeout=1).raise_for_status()
            return server
        except httpx.HTTPError:
            if server.poll() is not None:
                raise SystemExit(f"the server stopped: {server.stderr.read().strip()}") from None
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not answer within 20 s")


def paced_results(
    pool: ThreadPoolExecutor, paths: list[str], rate: float, send: Callable[[str, float], tuple]
) -> list[tuple]:
    """``send(path, due)`` for each of ``paths`` at ``rate`` requests/s, from ``pool``'s threads.

    ``send`` answers a tuple starting with the latency, counted from when the request was due,
    and the status; a slow answer that delays the next requests counts against the server.
    """
    start = time.perf_counter()
    futures = []
    for index, path in enumerate(paths):
        due = start + index / rate
        time.sleep(max(0.0, due - time.perf_counter()))
        futures.append(pool.submit(send, path, due))
    return [future.result() for future in futures]


def paced(client: httpx.Client, pool: ThreadPoolExecutor, paths: list[str], rate: float) -> dict:
    """Send ``paths`` at ``rate`` requests/s; latency counts from when each request was due."""

    def one(path: str, due: float) -> tuple[float, int]:
        status = client.get(path).status_code
        return time.perf_counter() - due, status

    start = time.perf_counter()
    results = paced_results(pool, paths, rate, one)
    return summary(results, time.perf_counter() - start)


def flat_out(client: httpx.Client, paths: list[str], threads: int) -> dict:
    """Send ``paths`` back to back from ``threads`` threads: the most requests/s the server gives."""

    def one(path: str) -> tuple[float, int]:
        began = time.perf_counter()
        status = client.get(path).status_code
        return time.perf_counter() - began, status

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(one, paths))
    return summary(results, time.perf_counter() - start)


def summary(results: list[tuple], elapsed: float) -> dict:
    """Requests/s, median and 99th percentile latency and non-200 answers of one run, from
    results that start with (latency, status)."""
    ordered = sorted(result[0] for result in results)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / elapsed,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
        "errors": sum(result[1] != 200 for result in results),
    }


def store_alone(db: Path, searches: list[str]) -> dict:
    """The same searches straight on the store, one at a time: how much of the latency is the query."""
    with open_store(str(db)) as store:
        start = time.perf_counter()
        results = []
        for text in searches:
            began = time.perf_counter()
            store.search(text, limit=50)
            results.append((time.perf_counter() - began, 200))
    return summary(results, time.perf_counter() - start)


def show(workload: str, mode: str, result: dict) -> None:
    print(
        f"{workload:<14}{mode:<18}{result['requests']:>9}{result['rps']:>9.1f}"
        f"{result['p50_ms']:>9.1f}{result['p99_ms']:>9.1f}{result['errors']:>8}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="corpus to serve (built if absent)")
    parser.add_argument("--quotes", type=int, default=200_000, help="quotes in a corpus built here")
    parser.add_argument("--source", help="a corpus whose records the built corpus replicates")
    parser.add_argument("--requests", type=int, default=1_000, help="requests per workload and mode")
    parser.add_argument("--rate", type=float, default=50.0, help="paced requests per second")
    parser.add_argument("--threads", type=int, default=4, help="client threads sending back to back")
    args = parser.parse_args()

    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        with open_store(str(args.db)) as store:
            seconds = build(store, [r for r in real_records(args.source) if r["quotes"]], args.quotes)
        print(f"built {args.db} in {seconds:.0f} s", file=sys.stderr)
    with open_store(str(args.db)) as store:
        counts = store.counts()
        article_ids = [row["id"] for row in store.articles(limit=counts["articles"])]
    records = [r for r in real_records(str(args.db)) if r["quotes"]]
    print(
        f"corpus: {counts['articles']:,} articles, {counts['quotes']:,} quotes, {counts['people']:,} "
        f"people; load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )

    port = free_port()
    server = start_server(args.db, port)
    limits = httpx.Limits(max_connections=PACED_THREADS, max_keepalive_connections=PACED_THREADS)
    try:
        with (
            httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits) as client,
            ThreadPoolExecutor(PACED_THREADS) as pool,
        ):
            rng = random.Random(1)
            terms = query_words(records, args.requests, rng)
            searches = [rng.choice(terms) for _ in range(args.requests)]
            loads = {
                "article page": [f"/articles/{rng.choice(article_ids)}" for _ in range(args.requests)],
                "search": [str(httpx.URL("/api/search", params={"q": text})) for text in searches],
            }
            for paths in loads.values():  # warm the caches, the connections and the threads on both sides
                list(pool.map(client.get, paths[:100]))
            print(
                f"{'workload':<14}{'mode':<18}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
                f"{'errors':>8}"
            )
            for name, paths in loads.items():
                show(name, f"paced {args.rate:g}/s", paced(client, pool, paths, args.rate))
                show(name, f"flat out, {args.threads} thr", flat_out(client, paths, args.threads))
            show("search", "store alone, 1 thr", store_alone(args.db, searches))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
