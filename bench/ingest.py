"""Ingest throughput: 1 worker against 2, and Ray against local processes, in one run.

    .venv/bin/python bench/ingest.py [--articles 40] [--workers 2] [--rounds 3] [--no-ray]

Ingests the same articles (PolNeAR dev, then train, texts from ../shared, else generated pages)
into a fresh SQLite corpus for each run, each run in a fresh process: the local engine
with one worker and with ``--workers``, alternating for ``--rounds`` rounds as the
machine's speed drifts, then Ray Data with ``--workers`` actors on a local Ray instance.
Times include loading the model and starting workers (or Ray), as a user waits for
them. Prints articles per second and the median ratio.

Each round also runs ``--workers`` separate one-worker ingests at once, each of an
equal share of the articles into its own corpus: processes that share nothing, whose
ratio to one worker is what this machine gives ``--workers`` processes that do not
wait on each other: the reference for the local engine's ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
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


def run(engine: str, workers: int, paths: list[str], database: Path) -> float:
    """Articles per second of one ingest into the fresh SQLite corpus ``database``, imports included."""
    started = time.perf_counter()
    from whosaidwhat.ingest import Ingest
    from whosaidwhat.store import open_store

    with open_store(str(database)) as store:
        if engine == "ray":
            from whosaidwhat.ingest.scale import ray_ingest

            summary = ray_ingest(paths, store, workers=workers, shard_dir=str(database.parent / "shards"))
        else:
            summary = Ingest(store, workers=workers).run(paths)
    seconds = time.perf_counter() - started
    return (summary.stored + summary.failed) / seconds


def child_command(engine: str, workers: int, database: Path, paths_file: Path) -> list[str]:
    """The command that runs :func:`run` in a fresh process; it prints the rate on its last line."""
    return [
        sys.executable,
        __file__,
        "--child",
        engine,
        "--workers",
        str(workers),
        "--database",
        str(database),
        "--paths",
        str(paths_file),
    ]


def printed_rate(stdout: str) -> float:
    return float(stdout.strip().splitlines()[-1])


def measure(engine: str, workers: int, paths: list[str], directory: Path, number: int) -> float:
    """:func:`run` in a fresh process, as a user starts the command: imports and model loading count."""
    command = child_command(
        engine, workers, directory / f"{engine}-{workers}-{number}.db", directory / "paths.txt"
    )
    rate = printed_rate(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    print(
        f"  round {number}: {engine:<5} {workers} worker(s): {len(paths)} articles, {rate:5.2f} articles/s",
        flush=True,
    )
    return rate


def measure_apart(workers: int, paths: list[str], directory: Path, number: int) -> float:
    """Articles per second of ``workers`` one-worker ingests run at once, each of an equal share."""
    shares = [paths[start::workers] for start in range(workers)]
    children = []
    for share_number, share in enumerate(shares):
        share_paths = directory / f"share-{number}-{share_number}.txt"
        share_paths.write_text("\n".join(share), encoding="utf-8")
        command = child_command("local", 1, directory / f"apart-{number}-{share_number}.db", share_paths)
        children.append(subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
    seconds = []
    for child, share in zip(children, shares, strict=True):
        stdout, _ = child.communicate()
        if child.returncode:
            raise SystemExit(f"a one-worker ingest failed with exit status {child.returncode}")
        seconds.append(len(share) / printed_rate(stdout))
    rate = len(paths) / max(seconds)
    print(
        f"  round {number}: {workers} separate 1-worker ingests at once: {len(paths)} articles, "
        f"{rate:5.2f} articles/s",
        flush=True,
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="alternating 1-worker / N-worker runs; the ratio is their median",
    )
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray measurement")
    parser.add_argument("--child", choices=["local", "ray"], help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--paths", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        paths = Path(args.paths).read_text(encoding="utf-8").splitlines()
        print(run(args.child, args.workers, paths, Path(args.database)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        paths = corpus(directory, args.articles)
        (directory / "paths.txt").write_text("\n".join(paths), encoding="utf-8")
        print(f"ingesting {len(paths)} articles, each run in a fresh process into a fresh SQLite corpus")
        ratios, apart_ratios, locals_ = [], [], []
        for number in range(1, args.rounds + 1):
            one = measure("local", 1, paths, directory, number)
            many = measure("local", args.workers, paths, directory, number)
            apart = measure_apart(args.workers, paths, directory, number)
            ratios.append(many / one)
            apart_ratios.append(apart / one)
            locals_.append(many)
        ray = None if args.no_ray else measure("ray", args.workers, paths, directory, 1)
    print()
    print(
        f"local {args.workers} workers / 1 worker: {statistics.median(ratios):.2f}x, median of "
        f"{args.rounds} rounds ({', '.join(f'{r:.2f}' for r in ratios)}); target >= 1.7x on 2 free cores"
    )
    print(
        f"{args.workers} separate 1-worker ingests / 1 worker: {statistics.median(apart_ratios):.2f}x "
        f"({', '.join(f'{r:.2f}' for r in apart_ratios)}): "
        f"what {args.workers} processes that share nothing reach here"
    )
    if ray is not None:
        print(f"ray / local, {args.workers} workers each: {ray / statistics.median(locals_):.2f}x")


if __name__ == "__main__":
    main()
