"""The local engine: this process and ``workers - 1`` worker processes on this machine.

Items are read in this process and checked against the store (:class:`Ledger`); new
ones go out in batches to :func:`~whosaidwhat.ingest.analysis.process_items`, here or in
a worker process (each loading the spaCy pipeline once), and each outcome comes back
here to be stored, every article in its own transaction with its quotes, entities and
events, so a run killed at any point leaves only whole articles behind.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ALL_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from whosaidwhat.ingest.analysis import Outcome, process_items
from whosaidwhat.ingest.ledger import Ledger, Summary
from whosaidwhat.readers import MAX_BYTES, Failure, Item, iter_items

if TYPE_CHECKING:
    from spacy.language import Language

    from whosaidwhat.store import Store

#: Articles handed to a worker at a time: about what the model parses at once
#: (:data:`~whosaidwhat.nlp.pipeline.CHUNK_CHARS`), and little work lost when a run is killed.
BATCH_SIZE = 2
#: Batches queued for each worker process: several seconds of work, so that it never waits
#: while the ingest process analyses a batch of long articles of its own (up to 5 s on
#: PolNeAR's texts). Only batches queued here are lost, as failures, if the process dies.
IN_FLIGHT = 16

_worker_nlp: Language | None = None


def _load_worker_model(model: str | None) -> None:
    """Process-pool initializer: each worker loads the pipeline once."""
    global _worker_nlp
    from whosaidwhat.nlp import load

    _worker_nlp = load(model)


def _process_in_worker(items: list[Item], max_bytes: int) -> list[Outcome]:
    return process_items(items, _worker_nlp, max_bytes)


class Ingest:
    """One ingest run into ``store``; :meth:`run` returns the :class:`Summary`.

    ``on_progress(summary)`` is called after each article is stored, skipped or failed.
    """

    def __init__(
        self,
        store: Store,
        workers: int = 1,
        model: str | None = None,
        max_bytes: int = MAX_BYTES,
        batch_size: int = BATCH_SIZE,
        on_progress: Callable[[Summary], None] | None = None,
    ):
        self.ledger = Ledger(store, on_progress)
        self.workers = max(1, workers)
        self.model = model  # None: the default pipeline
        self.max_bytes = max_bytes
        self.batch_size = batch_size
        self.nlp: Language | None = None
        self.pool_broken = False

    @property
    def summary(self) -> Summary:
        return self.ledger.summary

    def run(self, paths: Iterable[str]) -> Summary:
        started = time.perf_counter()
        batches = self.ledger.new_batches(iter_items(paths, self.max_bytes), self.batch_size)
        if self.workers == 1:
            self.run_here(batches)
        else:
            self.run_in_pool(batches)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def run_here(self, batches: Iterator[list[Item]]) -> None:
        for batch in batches:
            self.process_here(batch)

    def process_here(self, batch: list[Item]) -> None:
        """Analyse ``batch`` in this process and store it."""
        for outcome in self.analyse_here(batch):
            self.ledger.record(outcome)

    def analyse_here(self, batch: list[Item]) -> list[Outcome]:
        """Analyse ``batch`` in this process (the model is loaded at the first batch)."""
        from whosaidwhat.nlp import load

        self.nlp = self.nlp or load(self.model)
        return process_items(batch, self.nlp, self.max_bytes)

    def run_in_pool(self, batches: Iterator[list[Item]]) -> None:
        """Batches shared by this process and ``workers - 1`` worker processes.

        This process is one of the workers: it keeps each worker process supplied with
        ``IN_FLIGHT`` batches and analyses the next batch itself, so its core works
        while the worker processes start (each takes a few seconds to load the model)
        and never waits idle on them. Between its own batches it stores what the
        worker processes finished. If the worker processes die, the batches they held
        fail and this process goes on alone. Whoever analyses a batch, batches are stored in
        the order they were handed out (:class:`InOrder`).

        Workers are spawned, not forked: this process holds database connections and
        a progress thread, which a forked child must not inherit.
        """
        pool = ProcessPoolExecutor(
            self.workers - 1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker_model,
            initargs=(self.model,),
        )
        pending: dict[Future, tuple[int, list[Item]]] = {}
        order = InOrder(self.ledger.record)
        with pool:
            for number, batch in enumerate(batches):
                if len(pending) < (self.workers - 1) * IN_FLIGHT and not self.pool_broken:
                    try:
                        future = pool.submit(_process_in_worker, batch, self.max_bytes)
                        pending[future] = (number, batch)
                        continue
                    except BrokenProcessPool:
                        self.pool_broken = True
                order.put(number, self.analyse_here(batch))
                self.collect(pending, order, timeout=0)
                if len(order.waiting) > (self.workers - 1) * IN_FLIGHT:
                    self.collect_oldest(pending, order)
            self.finish(pending, order)

    def collect_oldest(self, pending: dict[Future, tuple[int, list[Item]]], order: InOrder) -> None:
        """Wait for the batch the stored ones wait on, so that finished batches held back
        (in memory) stay few while one worker process analyses a long article."""
        oldest = next((future for future, (number, _) in pending.items() if number == order.next), None)
        if oldest is not None:
            wait([oldest])
            self.collect(pending, order, timeout=0)

    def finish(self, pending: dict[Future, tuple[int, list[Item]]], order: InOrder) -> None:
        """Once all batches are handed out: take back the ones no worker process has started
        (the last submitted first) and analyse them here, then store the rest as they finish."""
        for future in reversed(list(pending)):
            if future.cancel():
                number, batch = pending.pop(future)
                order.put(number, self.analyse_here(batch))
                self.collect(pending, order, timeout=0)
        self.collect(pending, order)

    def collect(
        self, pending: dict[Future, tuple[int, list[Item]]], order: InOrder, timeout: float | None = None
    ) -> None:
        """Store the outcomes of the batches finished within ``timeout`` seconds (None: all).

        A batch whose worker died fails as a whole.
        """
        done, _ = wait(pending, timeout=timeout, return_when=ALL_COMPLETED)
        for future in sorted(done, key=lambda future: pending[future][0]):
            number, batch = pending.pop(future)
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker that crashed (out of memory, killed) fails its batch
                self.pool_broken = self.pool_broken or isinstance(exc, BrokenProcessPool)
                outcomes = [
                    Failure(item.path, f"worker failed: {type(exc).__name__}: {exc}"[:300]) for item in batch
                ]
            order.put(number, outcomes)


class InOrder:
    """Batches' outcomes stored in the order the batches were handed out, whichever process
    finished first: who a name is linked to depends on the articles stored before it, so the
    corpus must not depend on the number of workers or their speed.

    A batch finished early waits here, in memory, for those before it.
    """

    def __init__(self, record: Callable[[Outcome], None]):
        self.record = record
        self.waiting: dict[int, list[Outcome]] = {}
        self.next = 0

    def put(self, number: int, outcomes: list[Outcome]) -> None:
        self.waiting[number] = outcomes
        while self.next in self.waiting:
            for outcome in self.waiting.pop(self.next):
                self.record(outcome)
            self.next += 1


def ingest(paths: Iterable[str], store: Store, **options) -> Summary:
    """Ingest ``paths`` into ``store``; ``options`` as for :class:`Ingest`."""
    return Ingest(store, **options).run(paths)
