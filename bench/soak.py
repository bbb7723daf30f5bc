"""Soak: ``whosaidwhat serve`` under a steady load of mixed reads for minutes on end.

Serves the 200,000-quote SQLite corpus of ``bench/serve_load.py`` (built once by
``bench/queries.py``'s builder, real records replicated, no language analysis) and sends
mixed reads at a fixed rate (100 requests/s by default) for ``--minutes``: article pages
and records, quote searches (page and API), quotes by speaker, person pages and records,
the index, speakers and counts. Latency counts from the moment each request was due.
Every minute it prints the requests, errors (any answer but 200, or none), p50 and p99
latency and the server's resident memory; at the end, the totals, the memory at start
and end, and the time of the searches built to be slow ("the " and "a* " 4,000 times,
and the longest search allowed: 32 common words or'ed).

    .venv/bin/python bench/soak.py                       # 10 minutes at 100 requests/s
    .venv/bin/python bench/soak.py --minutes 3 --rate 100
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from queries import build, query_words, real_records, speaker_names
from serve_load import DEFAULT_DB, free_port, start_server

from whosaidwhat.store import open_store

CLIENT_THREADS = 32
#: Words in most quotes: a search of many of them is the costliest one allowed.
COMMON = (
    "the a of to and in that is for it was on he with as be at by this we not are have will "
    "they our but from you has people all"
)
COMMON_WORDS = COMMON.split()


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (Linux)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def mixed_paths(db: Path, count: int, rng: random.Random) -> list[str]:
    """``count`` reads of the kinds a reader and an API client make, shuffled."""
    with open_store(str(db)) as store:
        article_ids = [row["id"] for row in store.articles(limit=store.counts()["articles"])]
        names = speaker_names(store, 400, rng)
    terms = query_words([r for r in real_records(str(db)) if r["quotes"]], 400, rng)
    kinds = [
        lambda: f"/articles/{rng.choice(article_ids)}",
        lambda: f"/api/articles/{rng.choice(article_ids)}",
        lambda: str(httpx.URL("/api/search", params={"q": rng.choice(terms)})),
        lambda: str(httpx.URL("/search", params={"q": rng.choice(terms)})),
        lambda: str(httpx.URL("/api/quotes", params={"speaker": rng.choice(names), "limit": 20})),
        lambda: f"/api/people/{rng.choice(names)}",
        lambda: f"/people/{rng.choice(names)}",
        lambda: "/",
        lambda: "/api/speakers",
        lambda: "/api/counts",
    ]
    return [rng.choice(kinds)() for _ in range(count)]


def send(client: httpx.Client, path: str, due: float) -> tuple[float, int, str]:
    try:
        response = client.get(path)
        status, detail = response.status_code, response.text[:100] if response.status_code != 200 else ""
    except httpx.HTTPError as exc:
        status, detail = 0, f"{type(exc).__name__}: {exc}"[:100]
    return time.perf_counter() - due, status, f"{path[:60]} -> {detail}" if detail else ""


def paced_minute(client: httpx.Client, pool: ThreadPoolExecutor, paths: list[str], rate: float) -> list:
    start = time.perf_counter()
    futures = []
    for index, path in enumerate(paths):
        due = start + index / rate
        time.sleep(max(0.0, due - time.perf_counter()))
        futures.append(pool.submit(send, client, path, due))
    return [future.result() for future in futures]


def figures(results: list[tuple[float, int, str]]) -> tuple[int, int, float, float]:
    ordered = sorted(latency for latency, _, _ in results)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    errors = sum(status != 200 for _, status, _ in results)
    return len(ordered), errors, 1000 * statistics.median(ordered), 1000 * p99


def slow_searches(client: httpx.Client) -> None:
    """The searches built to be slow, one at a time, on the idle server."""
    searches = {
        '"the " x 4000': "the " * 4000,
        '"a* " x 4000': "a* " * 4000,
        "32 common words OR'ed": " OR ".join(COMMON_WORDS[:32]),
        "32 common words": " ".join(COMMON_WORDS[:32]),
    }
    for name, text in searches.items():
        for path in ("/api/search", "/api/articles"):
            began = time.perf_counter()
            response = client.get(path, params={"q": text})
            took = time.perf_counter() - began
            print(f"{name:<24}{path:<14}{took * 1000:>8.0f} ms  {response.status_code}  {response.text[:90]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="corpus to serve (built if absent)")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second")
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        with open_store(str(args.db)) as store:
            build(store, [r for r in real_records(None) if r["quotes"]], 200_000)
    with open_store(str(args.db)) as store:
        counts = store.counts()
    print(
        f"corpus: {counts['articles']:,} articles, {counts['quotes']:,} quotes, {counts['people']:,} people"
    )
    rng = random.Random(1)
    per_minute = round(60 * args.rate)
    minutes = max(1, round(args.minutes))
    paths = mixed_paths(args.db, per_minute * minutes, rng)

    port = free_port()
    server = start_server(args.db, port)
    limits = httpx.Limits(max_connections=CLIENT_THREADS, max_keepalive_connections=CLIENT_THREADS)
    try:
        with (
            httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits) as client,
            ThreadPoolExecutor(CLIENT_THREADS) as pool,
        ):
            list(pool.map(lambda path: send(client, path, time.perf_counter()), paths[:500]))  # warm up
            rss_start = rss_mb(server.pid)
            print(f"load average {os.getloadavg()[0]:.1f}; server RSS after warm-up {rss_start:.0f} MB")
            print(f"{'minute':>6}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}{'RSS MB':>9}")
            everything = []
            for minute in range(minutes):
                results = paced_minute(
                    client, pool, paths[minute * per_minute : (minute + 1) * per_minute], args.rate
                )
                everything += results
                count, errors, p50, p99 = figures(results)
                print(
                    f"{minute + 1:>6}{count:>10}{errors:>8}{p50:>9.1f}{p99:>9.1f}{rss_mb(server.pid):>9.0f}",
                    flush=True,
                )
            rss_end = rss_mb(server.pid)
            count, errors, p50, p99 = figures(everything)
            print(
                f"total: {count} requests at {args.rate:g}/s, {errors} errors, "
                f"p50 {p50:.1f} ms, p99 {p99:.1f} ms; server RSS {rss_start:.0f} MB -> {rss_end:.0f} MB "
                f"({100 * (rss_end / rss_start - 1):+.1f}%)"
            )
            for _, status, detail in everything:
                if status != 200:
                    print(f"error {status}: {detail}")
            slow_searches(client)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
