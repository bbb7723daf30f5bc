"""Ingest at scale on Ray Data: the same per-article function, run by actors, through shards.

The parent reads the inputs as for a local run (:func:`whosaidwhat.ingest.iter_items`)
and skips what the store already holds. The rest becomes a Ray dataset; ``map_batches``
hands batches to :class:`Analyser` actors (a pool of ``workers``), each loading the
spaCy pipeline once and calling :func:`whosaidwhat.ingest.process_items`. The outcomes
are written as Parquet (or JSON Lines) shards, and the parent bulk-loads the shards
into the store, one transaction per shard. Loading is idempotent (content hashes are
unique), so shards can be loaded again after a crash.

``ray.init()`` joins the cluster named by ``RAY_ADDRESS`` when it is set, else starts a
local instance with ``workers`` CPUs. On a cluster, ``shard_dir`` must be storage every
node can write and the parent can read (NFS, or a ``s3://`` URI).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from whosaidwhat.errors import WhosaidwhatError
from whosaidwhat.ingest import Failure, Item, Stored, Summary, iter_items, process_items
from whosaidwhat.readers import MAX_BYTES

#: Articles per batch handed to an actor.
RAY_BATCH_SIZE = 8
#: Columns of a shard row: an analysed article's record (as JSON) or a failure's reason.
SHARD_COLUMNS = ("path", "record", "reason")


class RayMissing(WhosaidwhatError):
    """Ray (the ``scale`` extra) is not installed."""

    code = "W400"


class Analyser:
    """A Ray actor: loads the pipeline once, then turns batches of items into shard rows."""

    def __init__(self, model: str | None = None, max_bytes: int = MAX_BYTES):
        from whosaidwhat.nlp import load

        self.nlp = load(model)
        self.max_bytes = max_bytes

    def __call__(self, batch: dict) -> dict:
        items = [
            Item(
                path=str(path),
                data=bytes(data),
                format=fmt or None,
                headline=headline or None,
                published=published or None,
                url=url or None,
            )
            for path, data, fmt, headline, published, url in zip(
                batch["path"],
                batch["data"],
                batch["format"],
                batch["headline"],
                batch["published"],
                batch["url"],
                strict=True,
            )
        ]
        rows = [shard_row(outcome) for outcome in process_items(items, self.nlp, self.max_bytes)]
        return {column: [row[column] for row in rows] for column in SHARD_COLUMNS}


def shard_row(outcome: Stored | Failure) -> dict:
    if isinstance(outcome, Failure):
        return {"path": outcome.path, "record": "", "reason": outcome.reason}
    return {"path": outcome.path, "record": json.dumps(outcome.record, ensure_ascii=False), "reason": ""}


def item_row(item: Item) -> dict:
    return {
        "path": item.path,
        "data": item.data,
        "format": item.format or "",
        "headline": item.headline or "",
        "published": item.published or "",
        "url": item.url or "",
    }


def ray_ingest(
    paths: Iterable[str],
    store,
    workers: int = 2,
    model: str | None = None,
    max_bytes: int = MAX_BYTES,
    shard_dir: str | None = None,
    shard_format: str = "parquet",
    batch_size: int = RAY_BATCH_SIZE,
) -> Summary:
    """Ingest ``paths`` into ``store`` with ``workers`` Ray actors; see the module docstring."""
    try:
        import ray
    except ImportError:
        raise RayMissing("--engine ray needs Ray: pip install 'whosaidwhat[scale]'") from None

    started = time.perf_counter()
    summary = Summary()
    rows = new_item_rows(paths, store, max_bytes, summary)
    if rows:
        started_ray = not ray.is_initialized()
        if started_ray:
            init_ray(workers)
        try:
            with shard_directory(shard_dir) as directory:
                write_shards(rows, directory, workers, model, max_bytes, shard_format, batch_size)
                load_shards(directory, store, summary)
        finally:
            if started_ray:
                ray.shutdown()
    summary.seconds = time.perf_counter() - started
    return summary


def init_ray(workers: int) -> None:
    """Join the cluster at RAY_ADDRESS, or start a local Ray with ``workers`` CPUs; quietly."""
    import ray

    options = {"log_to_driver": False, "logging_level": logging.WARNING}
    if os.environ.get("RAY_ADDRESS"):
        ray.init(**options)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, **options)
    quiet_ray_data()


def quiet_ray_data() -> None:
    """No progress bars or per-stage reports from Ray Data: the summary comes from the ingest."""
    import ray.data

    logging.getLogger("ray.data").setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False


def new_item_rows(paths: Iterable[str], store, max_bytes: int, summary: Summary) -> list[dict]:
    """Rows for the items not stored yet; failures and skips are counted on the way."""
    rows: list[dict] = []
    seen: set[str] = set()
    items = list(iter_items(paths, max_bytes))
    known = store.known(i.sha256 for i in items if isinstance(i, Item))
    for item in items:
        if isinstance(item, Failure):
            store.add_failure(item.path, item.reason)
            summary.failed += 1
            summary.failures.append(item)
        elif item.sha256 in known or item.sha256 in seen:
            summary.skipped += 1
        else:
            seen.add(item.sha256)
            rows.append(item_row(item))
    return rows


class shard_directory:
    """The given directory, or a temporary one removed afterwards."""

    def __init__(self, path: str | None):
        self.path = path
        self.temporary: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> str:
        if self.path:
            if "://" not in self.path:
                Path(self.path).mkdir(parents=True, exist_ok=True)
            return self.path
        self.temporary = tempfile.TemporaryDirectory(prefix="whosaidwhat-shards-")
        return self.temporary.name

    def __exit__(self, *exc) -> None:
        if self.temporary is not None:
            self.temporary.cleanup()


def write_shards(
    rows: list[dict],
    directory: str,
    workers: int,
    model: str | None,
    max_bytes: int,
    shard_format: str,
    batch_size: int,
) -> None:
    import ray.data

    quiet_ray_data()
    dataset = ray.data.from_items(rows, override_num_blocks=max(workers, len(rows) // (batch_size * 4) or 1))
    analysed = dataset.map_batches(
        Analyser,
        fn_constructor_kwargs={"model": model, "max_bytes": max_bytes},
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
        batch_format="default",
    )
    if shard_format == "jsonl":
        analysed.write_json(directory)
    else:
        analysed.write_parquet(directory)


def load_shards(directory: str, store, summary: Summary) -> None:
    """Bulk-load every shard in ``directory`` into the store, one transaction per shard."""
    for shard in sorted(Path(directory).iterdir()):
        if shard.suffix not in (".parquet", ".json", ".jsonl"):
            continue
        outcomes = [row_outcome(row) for row in read_shard(shard)]
        stored = [o for o in outcomes if isinstance(o, Stored)]
        for _, inserted in store.add_many(o.record for o in stored):
            summary.stored += inserted
            summary.skipped += not inserted
        for failure in (o for o in outcomes if isinstance(o, Failure)):
            store.add_failure(failure.path, failure.reason)
            summary.failed += 1
            summary.failures.append(failure)


def read_shard(shard: Path) -> list[dict]:
    if shard.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(shard).to_pylist()
    with open(shard, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def row_outcome(row: dict) -> Stored | Failure:
    if row.get("record"):
        return Stored(row["path"], json.loads(row["record"]))
    return Failure(row["path"], row.get("reason") or "unknown failure")
