"""Query latency of a large corpus, SQLite and PostgreSQL side by side.

    .venv/bin/python bench/queries.py [--quotes 200000] [--source corpus.db] [--pg URL]

Builds a corpus of at least ``--quotes`` quotes in each backend: real records (from
``--source``, a corpus database, or else extracted here from the seed article and a few
PolNeAR dev texts in ../shared), replicated with new hashes, shifted dates and
renamed speakers, and bulk-loaded through ``Store.add_many`` into SQLite, then copied with ``COPY`` into
PostgreSQL (``Store.copy_to``), so both hold the very same corpus. Then times ``search``
and ``quotes --speaker`` (the Store methods behind the commands) over a few hundred
queries each, and prints the median and 95th percentile in milliseconds.
PostgreSQL is a throwaway server (as in the tests) unless ``--pg`` names one.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import tempfile
import time
import zlib
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "tests"))

#: Syllables for the invented names given to the speakers of replicated records.
SYLLABLES = [
    "ka",
    "lo",
    "mir",
    "ten",
    "sa",
    "vor",
    "bel",
    "du",
    "ran",
    "ze",
    "qui",
    "pha",
    "nor",
    "ild",
    "ost",
]


def real_records(source: str | None, count: int = 12) -> list[dict]:
    """Records from a corpus database, or extracted now from the seed and PolNeAR dev texts."""
    from whosaidwhat.store import open_store

    if source:
        with open_store(source) as store:
            return [store.article(row["id"]) for row in store.articles(limit=count * 10)]
    from whosaidwhat.extract import extract_many
    from whosaidwhat.nlp import load
    from whosaidwhat.readers import read_path

    paths = [SHARED / "golden" / "seed.txt", *sorted((SHARED / "data/polnear/data/dev/text").glob("*.txt"))]
    articles = [read_path(str(p)) for p in paths[:count] if p.exists()]
    if not articles:
        sys.exit("no source: give --source corpus.db, or put ../shared in place")
    return [record.to_dict() for record in extract_many(articles, load())]


def invented_name(number: int) -> str:
    rng = random.Random(number)
    first = "".join(rng.choice(SYLLABLES) for _ in range(2)).title()
    last = "".join(rng.choice(SYLLABLES) for _ in range(3)).title()
    return f"{first} {last}"


def replicas(records: list[dict], wanted_quotes: int, people: int = 3000):
    """Copies of the records, each a distinct article: new hash, later date, renamed people."""
    per_round = sum(len(r["quotes"]) for r in records) or 1
    rounds = -(-wanted_quotes // per_round)
    start = date(2015, 1, 1)
    for round_number in range(rounds):
        for index, record in enumerate(records):
            copy_ = {**record, "source": {**record["source"]}}
            copy_.pop("id", None)
            key = f"{record['source']['sha256']}:{round_number}"
            copy_["source"]["sha256"] = hashlib.sha256(key.encode()).hexdigest()
            copy_["published"] = (start + timedelta(days=(round_number * 7 + index) % 3650)).isoformat()
            if round_number % 4:  # three copies in four are about other people
                copy_["entities"] = [renamed(entity, round_number % people) for entity in record["entities"]]
            yield copy_


def renamed(entity: dict, seed: int) -> dict:
    if entity["type"] != "PERSON":
        return entity
    name = invented_name(zlib.crc32(f"{entity['name']}:{seed}".encode()))
    return {**entity, "name": name, "mentions": []}  # the old name's mentions would be aliases of the new


def build(store, records: list[dict], wanted_quotes: int, chunk: int = 500) -> float:
    started = time.perf_counter()
    batch = []
    for record in replicas(records, wanted_quotes):
        batch.append(record)
        if len(batch) == chunk:
            store.add_many(batch)
            batch = []
    if batch:
        store.add_many(batch)
    return time.perf_counter() - started


def query_words(records: list[dict], count: int, rng: random.Random) -> list[str]:
    words = sorted(
        {
            w.lower()
            for r in records
            for q in r["quotes"]
            for w in re.findall(r"[A-Za-z]{5,}", q["content"]["text"])
        }
    )
    phrases = [
        " ".join(re.findall(r"[A-Za-z]+", q["content"]["text"])[1:3]) for r in records for q in r["quotes"]
    ]
    terms = [rng.choice(words) for _ in range(count * 3 // 4)]
    terms += [f'"{p}"' for p in rng.sample(phrases, min(len(phrases), count // 4)) if re.search(r"\w", p)]
    return terms


def speaker_names(store, count: int, rng: random.Random) -> list[str]:
    """Speakers' names as users type them: every third person by surname alone."""
    top = [(row["name"], row["type"]) for row in store.speakers(top=400)]
    names = [rng.choice(top) for _ in range(count)]
    return [
        name.split()[-1] if i % 3 == 0 and kind == "PERSON" else name for i, (name, kind) in enumerate(names)
    ]


def timed(function, arguments: list) -> tuple[float, float]:
    for argument in arguments[:5]:
        function(argument)
    times = []
    for argument in arguments:
        started = time.perf_counter()
        function(argument)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=200_000)
    parser.add_argument("--source", help="a corpus database to take real records from")
    parser.add_argument("--pg", help="a postgresql:// URL (default: a throwaway server)")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--sqlite", help="keep the SQLite corpus at this path (reused if it is there)")
    args = parser.parse_args()

    from whosaidwhat.store import open_store

    records = [r for r in real_records(args.source) if r["quotes"]]
    print(
        f"{len(records)} real records with {sum(len(r['quotes']) for r in records)} quotes, "
        f"replicated to >= {args.quotes} quotes"
    )
    results: dict[str, dict[str, tuple[float, float]]] = {}
    with ExitStack() as stack:
        urls = {
            "SQLite": args.sqlite
            or str(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "bench.db")
        }
        if args.pg:
            urls["PostgreSQL"] = args.pg
        else:
            from postgres_server import NoPostgres, running_server

            try:
                urls["PostgreSQL"] = stack.enter_context(running_server())
            except NoPostgres as exc:
                print(f"PostgreSQL skipped: {exc}")
        for backend, url in urls.items():
            with open_store(url) as store:
                started = time.perf_counter()
                how = "copied from SQLite"
                if backend == "SQLite":
                    how = (
                        "reused"
                        if store.counts()["quotes"] >= args.quotes
                        else "added through Store.add_many"
                    )
                    if how != "reused":
                        build(store, records, args.quotes)
                    source = url
                else:  # the very same corpus, copied over in bulk (COPY)
                    with open_store(source) as built:
                        built.copy_to(store)
                seconds = time.perf_counter() - started
                counts = store.counts()
                print(
                    f"{backend}: {counts['articles']} articles, {counts['quotes']} quotes, "
                    f"{counts['people']} people {how} in {seconds:.0f} s "
                    f"({counts['quotes'] / seconds:.0f} quotes/s)"
                )
                rng = random.Random(7)
                words = query_words(records, args.queries, rng)
                names = speaker_names(store, args.queries, rng)
                results[backend] = {
                    "search TEXT": timed(lambda text, s=store: s.search(text, limit=50), words),
                    "quotes --speaker NAME": timed(
                        lambda name, s=store: s.quotes(speaker=name, limit=100), names
                    ),
                }
    print()
    backends = list(results)
    print(f"{'query':<24}" + "".join(f"{b + ' median':>20}{b + ' p95':>18}" for b in backends))
    for query in ("search TEXT", "quotes --speaker NAME"):
        print(
            f"{query:<24}"
            + "".join(f"{results[b][query][0]:>17.2f} ms{results[b][query][1]:>15.2f} ms" for b in backends)
        )


if __name__ == "__main__":
    main()
