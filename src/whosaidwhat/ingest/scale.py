"""The Ray engine: the same per-article function, run by Ray Data actors, through shards.

The ingest process reads the inputs as for a local run and skips what the store
already holds (:class:`~whosaidwhat.ingest.ledger.Ledger`). The new items go into Ray's
object store a batch at a time (it spills to disk), so this process never holds more
than one read-ahead of inputs. The blocks become a Ray dataset; ``map_batches`` hands
them to :class:`Analyser` actors (a pool of ``workers``), each loading the spaCy
pipeline once and calling :func:`~whosaidwhat.ingest.analysis.process_items`. The
outcomes are written as Parquet (or JSON Lines) shards, and the ingest process
bulk-loads the shards into the store, one transaction per shard, in the order the items
were handed out (each row keeps its item's position), as a local ingest stores them.
Loading is idempotent (content hashes are unique), so shards can be loaded again after a
crash.

``ray.init()`` joins the cluster named by ``RAY_ADDRESS`` when it is set, else starts a
local instance with ``workers`` CPUs. On a cluster, ``shard_dir`` must be storage every
node can write and the ingest process can read (NFS, or a ``s3://`` URI): shards are
written and read back through pyarrow's filesystems, which take both.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from whosaidwhat.errors import RayMissing
from whosaidwhat.ingest.analysis import Outcome, Stored, process_items
from whosaidwhat.ingest.ledger import Ledger, Summary
from whosaidwhat.readers import MAX_BYTES, Failure, Item, iter_items

if TYPE_CHECKING:
    import pyarrow
    import pyarrow.fs

    from whosaidwhat.store import Store

#: Articles per batch handed to an actor, and per block of the dataset.
RAY_BATCH_SIZE = 8
#: Columns of a shard row: an analysed article's record (as JSON) or a failure's reason, and the
#: position of its item among those handed out, by which the rows are stored.
SHARD_COLUMNS = ("path", "record", "reason", "order")
#: File name endings of the shards Ray Data writes.
SHARD_EXTENSIONS = ("parquet", "json", "jsonl")


class Analyser:
    """A Ray actor: loads the pipeline once, then turns batches of items into shard rows."""

    def __init__(self, model: str | None = None, max_bytes: int = MAX_BYTES):
        from whosaidwhat.nlp import load

        self.nlp = load(model)
        self.max_bytes = max_bytes

    def __call__(self, batch: dict) -> dict:
        outcomes = process_items(batch_items(batch), self.nlp, self.max_bytes)
        rows = [
            shard_row(outcome, int(order)) for outcome, order in zip(outcomes, batch["order"], strict=True)
        ]
        return {column: [row[column] for row in rows] for column in SHARD_COLUMNS}


def items_table(items: list[Item], first: int = 0) -> pyarrow.Table:
    """A block of the dataset: one row per item, a column per field (``data`` binary, the rest
    text), and each item's position among those handed out, counting from ``first``."""
    import pyarrow as pa

    columns = zip(*items, strict=True)
    fields = {
        name: pa.array(values, type=pa.binary() if name == "data" else pa.string())
        for name, values in zip(Item._fields, columns, strict=True)
    }
    return pa.table({**fields, "order": pa.array(range(first, first + len(items)), type=pa.int64())})


def batch_items(batch: dict) -> list[Item]:
    """The items of a batch as Ray Data hands it over: a column of values per field."""
    return [Item(*values) for values in zip(*(batch[name] for name in Item._fields), strict=True)]


def shard_row(outcome: Outcome, order: int | None = None) -> dict:
    """The row of an outcome; ``order`` is its item's position among the items handed out."""
    if isinstance(outcome, Failure):
        return {"path": outcome.path, "record": "", "reason": outcome.reason, "order": order}
    record = json.dumps(outcome.record, ensure_ascii=False)
    return {"path": outcome.path, "record": record, "reason": "", "order": order}


def ray_ingest(
    paths: Iterable[str],
    store: Store,
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
    ledger = Ledger(store)
    batches = ledger.new_batches(iter_items(paths, max_bytes), batch_size)
    first = next(batches, None)
    if first is not None:
        started_ray = not ray.is_initialized()
        if started_ray:
            init_ray(workers)
        try:
            with shard_directory(shard_dir) as directory:
                blocks = put_blocks(chain([first], batches))
                write_shards(blocks, directory, workers, model, max_bytes, shard_format, batch_size)
                load_shards(directory, ledger)
        finally:
            if started_ray:
                ray.shutdown()
    ledger.summary.seconds = time.perf_counter() - started
    return ledger.summary


def put_blocks(batches: Iterable[list[Item]]) -> list:
    """The batches put into Ray's object store as blocks of a dataset, one at a time: this
    process holds one batch of inputs, never all of them."""
    import ray

    blocks, handed_out = [], 0
    for batch in batches:
        blocks.append(ray.put(items_table(batch, handed_out)))
        handed_out += len(batch)
    return blocks


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


class shard_directory:
    """The given directory (a path or a URI), or a temporary one removed afterwards."""

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
    blocks: list,
    directory: str,
    workers: int,
    model: str | None,
    max_bytes: int,
    shard_format: str,
    batch_size: int,
) -> None:
    """Analyse the blocks (references to item tables) with an actor pool into shards in ``directory``."""
    import ray.data

    quiet_ray_data()
    # Each shard then holds consecutive items, so shards sorted by their first item load in input order.
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    analysed = ray.data.from_arrow_refs(blocks).map_batches(
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


def shard_filesystem(directory: str) -> tuple[pyarrow.fs.FileSystem, str]:
    """The filesystem holding ``directory`` (a local path or a URI such as ``s3://bucket/shards``)
    and the directory's path in it."""
    from pyarrow.fs import FileSystem

    return FileSystem.from_uri(directory if "://" in directory else os.path.abspath(directory))


def load_shards(directory: str, ledger: Ledger) -> None:
    """Bulk-load every shard in ``directory`` into the store, one transaction per shard, in the
    order the items were handed out (as a local ingest stores them), whatever the files' names."""
    from pyarrow.fs import FileSelector, FileType

    filesystem, root = shard_filesystem(directory)
    shards = [
        info
        for info in filesystem.get_file_info(FileSelector(root))
        if info.type == FileType.File and info.extension in SHARD_EXTENSIONS
    ]
    firsts = {shard.path: first_order(filesystem, shard.path) for shard in shards}
    for shard in sorted(shards, key=lambda info: (firsts[info.path], info.path)):
        rows = sorted(read_shard(filesystem, shard.path), key=row_order)
        ledger.record_shard([row_outcome(row) for row in rows])


def row_order(row: dict) -> int:
    """A row's input position; rows of shards written before it was kept come in file order."""
    order = row.get("order")
    return -1 if order is None else int(order)


def first_order(filesystem: pyarrow.fs.FileSystem, path: str) -> int:
    """The input position of a shard's first row, read from that one column where the format allows."""
    if path.endswith(".parquet"):
        import pyarrow.parquet as pq

        with filesystem.open_input_file(path) as source:
            if "order" not in pq.read_schema(source).names:
                return -1
            orders = pq.read_table(source, columns=["order"]).column("order").to_pylist()
    else:
        orders = [row.get("order") for row in read_shard(filesystem, path)]
    return min((int(order) for order in orders if order is not None), default=-1)


def read_shard(filesystem: pyarrow.fs.FileSystem, path: str) -> list[dict]:
    if path.endswith(".parquet"):
        import pyarrow.parquet as pq

        return pq.read_table(path, filesystem=filesystem).to_pylist()
    with filesystem.open_input_stream(path) as stream:
        lines = stream.read().decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def row_outcome(row: dict) -> Outcome:
    if row.get("record"):
        return Stored(row["path"], json.loads(row["record"]))
    return Failure(row["path"], row.get("reason") or "unknown failure")
