"""Soak: ``whosaidwhat serve`` under a steady load of mixed reads for minutes on end.

Serves the 200,000-quote SQLite corpus of ``bench/serve_load.py`` (built once by
``bench/queries.py``'s builder, real records replicated, no language analysis) and sends
mixed reads at a fixed rate (100 requests/s by default) for ``--minutes``: article pages
and records, quote searches (page, API and CSV download), quotes by speaker, person pages
and records, the index, speakers and counts, and every 6,000th request (once a minute at
100/s) the overview. Latency counts from the moment each request was due. Every minute
it prints the requests, errors (any answer but 200, or none), p50 and p99 latency and the
server's resident memory; at the end, the totals, the memory at start and end, and the
time of the searches built to be slow ("the " and "a* " 4,000 times, and the longest
search allowed: 32 common words or'ed).

    .venv/bin/python bench/soak.py                       # 10 minutes at 100 requests/s
    .venv/bin/python bench/soak.py --minutes 3 --rate 100
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import httpx
from queries import build, query_words, real_records, speaker_names
from serve_load import DEFAULT_DB, free_port, paced_results, start_server, summary

from whosaidwhat.store import open_store

CLIENT_THREADS = 32
#: Words in most quotes: a search of many of them is the costliest one allowed.
COMMON = (
    "the a of to and in that is for it was on he with as be at by this we not are have will "
    "they our but from you has people all"
)
COMMON_WORDS = COMMON.split()
#: Requests between two overview pages: the overview counts every quote of the corpus (seconds on
#: 200,000 quotes), so a reader's share of the mix, one in ten, would ask more than the server has.
OVERVIEW_EVERY = 6000


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
        lambda: f"/api/people/{quote(rng.choice(names), safe='')}",
        lambda: f"/people/{quote(rng.choice(names), safe='')}",
        lambda: "/",
        lambda: str(httpx.URL("/search.csv", params={"q": rng.choice(terms)})),
        lambda: "/api/speakers",
        lambda: "/api/counts",
    ]
    paths = [rng.choice(kinds)() for _ in range(count)]
    for index in range(OVERVIEW_EVERY // 2, count, OVERVIEW_EVERY):
        paths[index] = "/overview"
    return paths


def send(client: httpx.Client, path: str, due: float) -> tuple[float, int, str]:
    try:
        response = client.get(path)
        status, detail = response.status_code, response.text[:100] if response.status_code != 200 else ""
    except httpx.HTTPError as exc:
        status, detail = 0, f"{type(exc).__name__}: {exc}"[:100]
    return time.perf_counter() - due, status, f"{path[:60]} -> {detail}" if detail else ""


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
            # Warm up with every kind of request, the overview too, so that memory growth is the
            # server's keeping, not the first allocations of a kind of page.
            warm_up = [*paths[:500], "/overview"]
            list(pool.map(lambda path: send(client, path, time.perf_counter()), warm_up))
            rss_start = rss_mb(server.pid)
            print(f"load average {os.getloadavg()[0]:.1f}; server RSS after warm-up {rss_start:.0f} MB")
            print(f"{'minute':>6}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}{'RSS MB':>9}")
            everything, began = [], time.perf_counter()
            for minute in range(minutes):
                start = time.perf_counter()
                minute_paths = paths[minute * per_minute : (minute + 1) * per_minute]
                results = paced_results(
                    pool, minute_paths, args.rate, lambda path, due: send(client, path, due)
                )
                everything += results
                got = summary(results, time.perf_counter() - start)
                print(
                    f"{minute + 1:>6}{got['requests']:>10}{got['errors']:>8}{got['p50_ms']:>9.1f}"
                    f"{got['p99_ms']:>9.1f}{rss_mb(server.pid):>9.0f}",
                    flush=True,
                )
            rss_end = rss_mb(server.pid)
            got = summary(everything, time.perf_counter() - began)
            print(
                f"total: {got['requests']} requests at {args.rate:g}/s, {got['errors']} errors, "
                f"p50 {got['p50_ms']:.1f} ms, p99 {got['p99_ms']:.1f} ms; "
                f"server RSS {rss_start:.0f} MB -> {rss_end:.0f} MB ({100 * (rss_end / rss_start - 1):+.1f}%)"
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
