"""Ingest: from files, directories, globs, WARC archives and feeds into the corpus store.

The run has three parts:

1. :func:`iter_items` walks the inputs in the parent process and yields one
   :class:`Item` (an article's bytes) per text or HTML file, per HTML response in a
   WARC and per feed entry, or a :class:`Failure` for what cannot be read.
2. :func:`process_items` reads and analyses a batch of items, the same function in
   the parent and, with ``--workers N``, in N - 1 worker processes (each loading the
   spaCy pipeline once), or in Ray actors (:mod:`whosaidwhat.scale`).
3. The parent writes each outcome to the store, every article in its own transaction
   with its quotes, entities and events, so a run killed at any point leaves only
   whole articles behind. Content already stored (same sha256) is skipped before
   any analysis, so rerunning a run adds nothing twice.
"""

from __future__ import annotations

import glob
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ALL_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice

from whosaidwhat.errors import AnalysisError, ReadError, WhosaidwhatError
from whosaidwhat.readers import MAX_BYTES, iter_input_paths, read_bytes
from whosaidwhat.readers.feeds import iter_feed, looks_like_feed
from whosaidwhat.readers.warc import iter_warc, looks_like_warc

#: Articles handed to a worker at a time: about what the model parses at once
#: (:data:`~whosaidwhat.nlp.pipeline.CHUNK_CHARS`), and little work lost when a run is killed.
BATCH_SIZE = 2
#: Batches queued for each worker process: several seconds of work, so that it never waits
#: while the ingest process analyses a batch of long articles of its own (up to 5 s on
#: PolNeAR's texts). Only batches queued here are lost, as failures, if the process dies.
IN_FLIGHT = 16
#: Items read, checked against the store and ordered for batching at a time.
READ_AHEAD = 32
#: A page whose main text is shorter than this (a menu, a cookie notice) holds no article.
MIN_ARTICLE_WORDS = 5
#: Bytes read from a file's start to tell WARC and feeds from articles.
SNIFF_BYTES = 4096


@dataclass
class Item:
    """One article's bytes before reading, with what its container says about it."""

    path: str
    data: bytes
    format: str | None = None  # "warc" or "feed"; None lets the reader decide
    headline: str | None = None
    published: str | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        """The content hash the readers give the article (of the bytes as read)."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class Stored:
    """An analysed article: its record as the contract's JSON dict."""

    path: str
    record: dict


Outcome = Stored | Failure


@dataclass
class Summary:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        done = self.stored + self.failed
        return done / self.seconds if self.seconds else 0.0


# -- 1. inputs --------------------------------------------------------------------------


def expand_inputs(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Every file named by the arguments: files, directories (recursively) and glob patterns."""
    for path in paths:
        if not os.path.exists(path) and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield Failure(path, "no file matches this pattern")
            for match in matches:
                yield from expand_inputs([match])
            continue
        try:
            yield from iter_input_paths(path)
        except ReadError as exc:
            yield Failure(path, exc.reason)


def iter_items(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Item | Failure]:
    """The articles in the inputs, WARC records and feed entries included, in input order."""
    for path in expand_inputs(paths):
        if isinstance(path, Failure):
            yield path
            continue
        try:
            yield from file_items(path, max_bytes)
        except OSError as exc:
            yield Failure(path, exc.strerror or type(exc).__name__)


def file_items(path: str, max_bytes: int) -> Iterator[Item | Failure]:
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    if looks_like_warc(head):
        for page in iter_warc(path, max_bytes):
            if isinstance(page, ReadError):
                yield Failure(path, page.reason)
            else:
                yield Item(path=page.uri, data=page.data, format="warc", url=page.uri)
        return
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    if looks_like_feed(head):
        for entry in iter_feed(path, data, max_bytes):
            if isinstance(entry, ReadError):
                yield Failure(entry.path or path, entry.reason)
            else:
                yield Item(
                    path=entry.path,
                    data=entry.data,
                    format="feed",
                    headline=entry.headline,
                    published=entry.published,
                    url=entry.url,
                )
        return
    yield Item(path=path, data=data)


# -- 2. analysis ------------------------------------------------------------------------


def read_item(item: Item, max_bytes: int):
    """The item as an :class:`~whosaidwhat.readers.Article`, with its container's metadata filled in."""
    article = read_bytes(item.data, path=item.path, max_bytes=max_bytes)
    if len(article.text.split()) < MIN_ARTICLE_WORDS:
        raise ReadError(item.path, f"no article text (fewer than {MIN_ARTICLE_WORDS} words)")
    if item.format:
        article.format = item.format
    article.url = article.url or item.url
    article.headline = article.headline or item.headline
    article.published = article.published or item.published
    return article


def process_items(items: list[Item], nlp, max_bytes: int = MAX_BYTES) -> list[Outcome]:
    """Read and analyse items; every item comes back as a Stored record or a Failure."""
    from whosaidwhat.extract import extract_many

    outcomes: dict[int, Outcome] = {}
    readable = []
    for index, item in enumerate(items):
        try:
            readable.append((index, read_item(item, max_bytes)))
        except WhosaidwhatError as exc:
            outcomes[index] = Failure(item.path, getattr(exc, "reason", None) or str(exc))
        except Exception as exc:  # a reader bug must not end the run; it is recorded instead
            outcomes[index] = Failure(item.path, f"cannot read: {type(exc).__name__}: {exc}"[:300])
    try:
        records = list(extract_many([article for _, article in readable], nlp))
        for (index, _), record in zip(readable, records, strict=True):
            outcomes[index] = Stored(items[index].path, record.to_dict())
    except Exception:
        for index, article in readable:
            outcomes[index] = extract_one(items[index].path, article, nlp)
    return [outcomes[index] for index in range(len(items))]


def extract_one(path: str, article, nlp) -> Outcome:
    """One article analysed on its own, so that an error is charged to the article that caused it."""
    from whosaidwhat.extract import extract

    try:
        return Stored(path, extract(article, nlp).to_dict())
    except Exception as exc:  # any analysis error is this article's failure, not the run's
        return Failure(path, AnalysisError(path, exc).reason[:300])


_worker_nlp = None


def _load_worker_model(model: str | None) -> None:
    """Process-pool initializer: each worker loads the pipeline once."""
    global _worker_nlp
    from whosaidwhat.nlp import load

    _worker_nlp = load(model)


def _process_in_worker(items: list[Item], max_bytes: int) -> list[Outcome]:
    return process_items(items, _worker_nlp, max_bytes)


# -- 3. the run ---------------------------------------------------------------------------


class Ingest:
    """One ingest run into ``store``; :meth:`run` returns the :class:`Summary`.

    ``on_progress(summary)`` is called after each article is stored, skipped or failed.
    """

    def __init__(
        self,
        store,
        workers: int = 1,
        model: str | None = None,
        max_bytes: int = MAX_BYTES,
        batch_size: int = BATCH_SIZE,
        on_progress: Callable[[Summary], None] | None = None,
    ):
        self.store = store
        self.workers = max(1, workers)
        self.model = model  # None: the default pipeline
        self.max_bytes = max_bytes
        self.batch_size = batch_size
        self.on_progress = on_progress or (lambda summary: None)
        self.summary = Summary()
        self.nlp = None
        self.pool_broken = False

    def run(self, paths: Iterable[str]) -> Summary:
        started = time.perf_counter()
        batches = self.new_batches(iter_items(paths, self.max_bytes))
        if self.workers == 1:
            self.run_here(batches)
        else:
            self.run_in_pool(batches)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def new_batches(self, items: Iterator[Item | Failure]) -> Iterator[list[Item]]:
        """Batches of items not stored yet; failures met on the way are recorded at once.

        Items are read ``READ_AHEAD`` at a time and batched longest first, so that the
        run ends on short articles: processes that finish their last batch early wait
        less for one still analysing a long one.
        """
        seen: set[str] = set()
        while chunk := list(islice(items, READ_AHEAD)):
            for failure in (i for i in chunk if isinstance(i, Failure)):
                self.record(failure)
            fresh = [i for i in chunk if isinstance(i, Item)]
            known = self.store.known(i.sha256 for i in fresh) | seen
            todo = []
            for item in fresh:
                if item.sha256 in known:
                    self.summary.skipped += 1
                    self.on_progress(self.summary)
                else:
                    known.add(item.sha256)
                    todo.append(item)
            seen.update(i.sha256 for i in todo)
            todo.sort(key=lambda item: len(item.data), reverse=True)
            for start in range(0, len(todo), self.batch_size):
                yield todo[start : start + self.batch_size]

    def run_here(self, batches: Iterator[list[Item]]) -> None:
        for batch in batches:
            self.process_here(batch)

    def process_here(self, batch: list[Item]) -> None:
        """Analyse ``batch`` in this process (the model is loaded at the first batch) and store it."""
        from whosaidwhat.nlp import load

        self.nlp = self.nlp or load(self.model)
        for outcome in process_items(batch, self.nlp, self.max_bytes):
            self.record(outcome)

    def run_in_pool(self, batches: Iterator[list[Item]]) -> None:
        """Batches shared by this process and ``workers - 1`` worker processes.

        This process is one of the workers: it keeps each worker process supplied with
        ``IN_FLIGHT`` batches and analyses the next batch itself, so its core works
        while the worker processes start (each takes a few seconds to load the model)
        and never waits idle on them. Between its own batches it stores what the
        worker processes finished. If the worker processes die, the batches they held
        fail and this process goes on alone.

        Workers are spawned, not forked: this process holds database connections and
        a progress thread, which a forked child must not inherit.
        """
        pool = ProcessPoolExecutor(
            self.workers - 1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker_model,
            initargs=(self.model,),
        )
        pending: dict[Future, list[Item]] = {}
        with pool:
            for batch in batches:
                if len(pending) < (self.workers - 1) * IN_FLIGHT and not self.pool_broken:
                    try:
                        pending[pool.submit(_process_in_worker, batch, self.max_bytes)] = batch
                        continue
                    except BrokenProcessPool:
                        self.pool_broken = True
                self.process_here(batch)
                self.collect(pending, timeout=0)
            self.finish(pending)

    def finish(self, pending: dict[Future, list[Item]]) -> None:
        """Once all batches are handed out: take back the ones no worker process has started
        (the last submitted first) and analyse them here, then store the rest as they finish."""
        for future in reversed(list(pending)):
            if future.cancel():
                self.process_here(pending.pop(future))
                self.collect(pending, timeout=0)
        self.collect(pending)

    def collect(self, pending: dict[Future, list[Item]], timeout: float | None = None) -> None:
        """Store the outcomes of the batches finished within ``timeout`` seconds (None: all).

        A batch whose worker died fails as a whole.
        """
        done, _ = wait(pending, timeout=timeout, return_when=ALL_COMPLETED)
        for future in done:
            batch = pending.pop(future)
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker that crashed (out of memory, killed) fails its batch
                self.pool_broken = self.pool_broken or isinstance(exc, BrokenProcessPool)
                outcomes = [
                    Failure(item.path, f"worker failed: {type(exc).__name__}: {exc}"[:300]) for item in batch
                ]
            for outcome in outcomes:
                self.record(outcome)

    def record(self, outcome: Outcome) -> None:
        """Write one outcome to the store (its own transaction) and count it."""
        if isinstance(outcome, Failure):
            self.store.add_failure(outcome.path, outcome.reason)
            self.summary.failed += 1
            self.summary.failures.append(outcome)
        else:
            _, inserted = self.store.add(outcome.record)
            if inserted:
                self.summary.stored += 1
            else:
                self.summary.skipped += 1
        self.on_progress(self.summary)


def ingest(paths: Iterable[str], store, **options) -> Summary:
    """Ingest ``paths`` into ``store``; ``options`` as for :class:`Ingest`."""
    return Ingest(store, **options).run(paths)
