"""Ingest throughput: 1 worker against 2, and Ray against local processes, in one run.

    .venv/bin/python bench/ingest.py [--articles 40] [--workers 2] [--no-ray]

Ingests the same articles (PolNeAR dev, then train, texts from ../shared, else generated pages)
into a fresh SQLite corpus for each configuration: the local engine with one worker
(in-process) and with ``--workers`` processes, then Ray Data with ``--workers``
actors on a local Ray instance. Times include loading the model and starting
workers (or Ray), as a user waits for them. Prints articles per second and ratios.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "data"


def corpus(directory: Path, count: int) -> list[str]:
    """``count`` article files: PolNeAR dev texts if at hand, else pages written by the tests' generator."""
    texts = [*sorted(POLNEAR.glob("dev/text/*.txt")), *sorted(POLNEAR.glob("train/text/*.txt"))][:count]
    if texts:
        return [str(path) for path in texts]
    sys.path.insert(0, str(REPO / "tests"))
    from newsfiles import html_page

    paths = []
    for number in range(count):
        path = directory / f"{number}.html"
        path.write_bytes(html_page(number))
        paths.append(str(path))
    return paths


def run(engine: str, workers: int, paths: list[str], directory: Path) -> float:
    """Articles per second of one ingest into a fresh SQLite corpus."""
    from whosaidwhat.ingest import Ingest
    from whosaidwhat.store import open_store

    database = directory / f"{engine}-{workers}.db"
    started = time.perf_counter()
    with open_store(str(database)) as store:
        if engine == "ray":
            from whosaidwhat.scale import ray_ingest

            summary = ray_ingest(paths, store, workers=workers, shard_dir=str(directory / "shards"))
        else:
            summary = Ingest(store, workers=workers).run(paths)
    seconds = time.perf_counter() - started
    done = summary.stored + summary.failed
    print(
        f"  {engine:<5} {workers} worker(s): {done} articles in {seconds:6.1f} s "
        f"= {done / seconds:5.2f} articles/s",
        flush=True,
    )
    return done / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        paths = corpus(directory, args.articles)
        print(f"ingesting {len(paths)} articles, each configuration into a fresh SQLite corpus")
        one = run("local", 1, paths, directory)
        many = run("local", args.workers, paths, directory)
        ray = None if args.no_ray else run("ray", args.workers, paths, directory)
    print()
    print(f"local {args.workers} workers / 1 worker: {many / one:.2f}x (target >= 1.7x on 2 free cores)")
    if ray is not None:
        print(f"ray / local, {args.workers} workers each: {ray / many:.2f}x")


if __name__ == "__main__":
    main()
