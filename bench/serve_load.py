"""Load on ``whosaidwhat serve``: requests/s and latency of an article page and of a quote search.

Builds (or reuses) a SQLite corpus of synthetic articles holding 200,000 quotes, starts
``whosaidwhat serve`` on a loopback port in a subprocess and sends a fixed number of
requests, paced to a fixed rate (50 requests/s by default) from a pool of client
threads. Latency is measured from the moment each request was due, so a slow answer
that delays the next ones counts against the server. Then the same requests are sent
back to back by a few threads, for the most requests/s the server gives.

    python bench/serve_load.py                       # builds out/bench/serve-200k.db once
    python bench/serve_load.py --requests 1000 --rate 50 --db out/bench/serve-200k.db
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from whosaidwhat.store import open_store

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / "out" / "bench" / "serve-200k.db"
QUOTES_PER_ARTICLE = 10
PACED_THREADS = 16  # client threads for paced requests: enough that a slow answer delays no other
SYLLABLES = ("ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "ni", "ta", "ber", "qu", "an", "is", "ro",
             "me", "lu", "tra", "go", "fen", "ci", "por", "na", "zel", "hu", "ment", "os", "ty", "ar", "be")
CUES = ("said", "told reporters", "added", "argued", "warned", "stressed")


# --- a synthetic corpus -------------------------------------------------------------------------


def vocabulary(rng: random.Random, size: int = 5_000) -> list[str]:
    words = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size * 2)}
    return sorted(words)[:size]


def people(rng: random.Random, count: int = 2_000) -> list[str]:
    firsts = [word.capitalize() for word in vocabulary(rng, 300)]
    lasts = [word.capitalize() + "son" for word in vocabulary(rng, 1_500)]
    return sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(count)})


def synthetic_record(number: int, rng: random.Random, words: list[str], weights: list[float],
                     names: list[str]) -> dict:
    """One article of ``QUOTES_PER_ARTICLE`` direct quotes by three or four people, as a record dict."""
    speakers = rng.sample(names, rng.randint(3, 4))
    day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    headline = " ".join(rng.choices(words, weights, k=6)).capitalize()
    text, quotes, mentions = headline + "\n", [], {name: [] for name in speakers}
    for index in range(QUOTES_PER_ARTICLE):
        speaker = rng.choice(speakers)
        content = " ".join(rng.choices(words, weights, k=rng.randint(8, 25))).capitalize() + ","
        cue = rng.choice(CUES)
        start = len(text) + 1
        text += f'"{content}" {speaker} {cue}.\n'
        name_start = start + len(content) + 2
        cue_start = name_start + len(speaker) + 1
        mentions[speaker].append({"start": name_start, "end": name_start + len(speaker), "text": speaker})
        quotes.append({
            "id": f"q{index + 1}", "kind": "direct",
            "content": {"start": start, "end": start + len(content), "text": content},
            "speaker": f"e{speakers.index(speaker) + 1}", "source": mentions[speaker][-1],
            "cue": {"start": cue_start, "end": cue_start + len(cue), "text": cue}, "addressee": None,
        })
    return {
        "schema": "whosaidwhat.article/1",
        "source": {"path": f"synthetic/{number}.txt", "format": "text",
                   "sha256": hashlib.sha256(text.encode()).hexdigest()},
        "language": "en", "headline": headline, "published": day, "updated": None, "authors": [],
        "agencies": [], "text": text, "paragraphs": [], "sections": [],
        "entities": [{"id": f"e{i + 1}", "name": name, "type": "PERSON", "titles": [],
                      "mentions": mentions[name]} for i, name in enumerate(speakers)],
        "quotes": quotes, "times": [], "events": [], "figures": [], "main_event": None, "warnings": [],
    }


def build_corpus(path: Path, quotes: int, seed: int = 0) -> None:
    """Write a corpus of ``quotes`` synthetic quotes to ``path``."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(words) + 1)]  # Zipf: a few words are everywhere
    names = people(rng)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(str(path))
    try:
        articles = quotes // QUOTES_PER_ARTICLE
        for first in range(0, articles, 500):
            store.add_many(synthetic_record(n, rng, words, weights, names)
                           for n in range(first, min(first + 500, articles)))
            print(f"\r  building {path.name}: {min(first + 500, articles) * QUOTES_PER_ARTICLE:,} quotes",
                  end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    finally:
        store.close()


# --- the server and the load --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "whosaidwhat"), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
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


def paced(client: httpx.Client, pool: ThreadPoolExecutor, paths: list[str], rate: float) -> dict:
    """Send ``paths`` at ``rate`` requests/s; latency counts from when each request was due."""
    def one(path: str, due: float) -> tuple[float, int]:
        status = client.get(path).status_code
        return time.perf_counter() - due, status

    start = time.perf_counter()
    futures = []
    for index, path in enumerate(paths):
        due = start + index / rate
        time.sleep(max(0.0, due - time.perf_counter()))
        futures.append(pool.submit(one, path, due))
    results = [future.result() for future in futures]
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


def summary(results: list[tuple[float, int]], elapsed: float) -> dict:
    """Requests/s, median and 99th percentile latency and non-200 answers of one run."""
    ordered = sorted(latency for latency, _ in results)
    return {
        "requests": len(ordered), "rps": len(ordered) / elapsed,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
        "errors": sum(status != 200 for _, status in results),
    }


def corpus_words(store) -> list[str]:
    """Words of the corpus's quotes, most frequent first, from a sample of its newest quotes."""
    counts = Counter(word for row in store.quotes(limit=2_000)
                     for word in re.findall(r"[^\W\d_]{3,}", row["content"].lower()))
    return [word for word, _ in counts.most_common()]


def workloads(rng: random.Random, words: list[str], articles: int, count: int) -> dict[str, list[str]]:
    """The paths of each workload: article pages at random; searches for a common word or any one or two."""
    def search() -> str:
        terms = rng.sample(words[:100], 1) if rng.random() < 0.5 else rng.sample(words, rng.choice((1, 2)))
        return "/api/search?q=" + "+".join(terms)

    return {
        "article page": [f"/articles/{rng.randint(1, articles)}" for _ in range(count)],
        "search": [search() for _ in range(count)],
    }


def show(workload: str, mode: str, result: dict) -> None:
    print(f"{workload:<14}{mode:<18}{result['requests']:>9}{result['rps']:>9.1f}"
          f"{result['p50_ms']:>9.1f}{result['p99_ms']:>9.1f}{result['errors']:>8}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="corpus to serve (built if absent)")
    parser.add_argument("--quotes", type=int, default=200_000, help="quotes in a corpus built here")
    parser.add_argument("--requests", type=int, default=1_000, help="requests per workload and mode")
    parser.add_argument("--rate", type=float, default=50.0, help="paced requests per second")
    parser.add_argument("--threads", type=int, default=4, help="client threads sending back to back")
    args = parser.parse_args()

    if not args.db.exists():
        started = time.perf_counter()
        build_corpus(args.db, args.quotes)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    store = open_store(str(args.db))
    counts, words = store.counts(), corpus_words(store)
    store.close()
    print(f"corpus: {counts['articles']:,} articles, {counts['quotes']:,} quotes, {counts['people']:,} "
          f"people; load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    port = free_port()
    server = start_server(args.db, port)
    limits = httpx.Limits(max_connections=PACED_THREADS, max_keepalive_connections=PACED_THREADS)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits) as client, \
                ThreadPoolExecutor(PACED_THREADS) as pool:
            loads = workloads(random.Random(1), words, counts["articles"], args.requests)
            for paths in loads.values():  # warm the caches, the connections and the threads on both sides
                list(pool.map(client.get, paths[:100]))
            print(f"{'workload':<14}{'mode':<18}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
                  f"{'errors':>8}")
            for name, paths in loads.items():
                show(name, f"paced {args.rate:g}/s", paced(client, pool, paths, args.rate))
                show(name, f"flat out, {args.threads} thr", flat_out(client, paths, args.threads))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
