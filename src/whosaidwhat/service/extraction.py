"""``POST /api/extract``: articles analysed in a worker process that is replaced now and then.

The server itself never loads the spaCy pipeline. A long article leaves the analysing
process holding hundreds of megabytes it does not give back (spaCy's and Python's
allocators keep what they took), so the worker process is replaced after
:data:`EXTRACTS_PER_WORKER` articles, and its memory is given back whole. One article is
analysed at a time: others wait their turn, at most :data:`MAX_WAITING` of them, and
without holding one of the server's worker threads while they wait. An article analysed for
longer than :data:`EXTRACT_SECONDS` has its worker process replaced.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from starlette.concurrency import run_in_threadpool

from whosaidwhat.errors import AnalysisTimedOut, AnalysisUnavailable, ExtractorBusy, WhosaidwhatError

#: Articles one worker process analyses before it is replaced by a fresh one.
EXTRACTS_PER_WORKER = 8
#: Articles that may wait for their turn while one is analysed; more are refused at once.
MAX_WAITING = 8
#: The longest one article may be analysed before its worker process is replaced.
EXTRACT_SECONDS = 120.0
#: The warning of a body that is not UTF-8, followed by the encoding it was read in.
NOT_UTF8 = "the body is not UTF-8; it was decoded as "


def analyse(data: bytes, max_bytes: int) -> tuple[dict | str, int]:
    """In the worker process: the record of the article in ``data`` (or the message of the
    project's error saying why there is none), and this process's id.

    A body that is not UTF-8 is decoded as the readers decode files, by the encoding that
    fits it best, and the record's warnings say which.
    """
    from whosaidwhat.extract import extract
    from whosaidwhat.nlp import load
    from whosaidwhat.readers import read_bytes
    from whosaidwhat.readers.decode import guessed_encoding

    try:
        article = read_bytes(data, path=None, max_bytes=max_bytes)
        record = extract(article, load()).to_dict()
    except WhosaidwhatError as exc:  # its message crosses back, not the exception
        return str(exc), os.getpid()
    encoding = guessed_encoding(data)
    if encoding:
        record["warnings"].append(f"{NOT_UTF8}{encoding}")
    return record, os.getpid()


class NotAnArticle(WhosaidwhatError):
    """The body is no article; the message is the reader's, code included."""

    def __str__(self) -> str:
        return Exception.__str__(self)


class Extractor:
    """Analyses request bodies in a worker process, replaced every ``per_worker`` articles.

    ``task`` is the function the worker runs (:func:`analyse`); ``seconds`` bounds one article's
    analysis and ``max_waiting`` the articles queued behind it (see :meth:`extract`).
    """

    def __init__(
        self,
        max_bytes: int,
        per_worker: int = EXTRACTS_PER_WORKER,
        *,
        max_waiting: int = MAX_WAITING,
        seconds: float = EXTRACT_SECONDS,
        task: Callable[[bytes, int], tuple[dict | str, int]] = analyse,
    ):
        self.max_bytes = max_bytes
        self.per_worker = per_worker
        self.seconds = seconds
        self.task = task
        self._lock = threading.Lock()
        self._admitted = threading.BoundedSemaphore(1 + max_waiting)
        self._turn: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None
        self._pool: ProcessPoolExecutor | None = None
        #: The id of the worker process that analysed the last article.
        self.last_worker: int | None = None

    async def extract(self, data: bytes) -> dict:
        """The record of ``data``, analysed once the articles before it are done.

        A request waits on an asyncio lock, holding no thread, so queued articles leave the
        server's thread pool to other requests; past ``max_waiting`` it is refused with
        :class:`ExtractorBusy`.
        """
        if not self._admitted.acquire(blocking=False):
            raise ExtractorBusy("too many articles are waiting to be analysed; send this one again later")
        try:
            async with self._turn_lock():
                return await run_in_threadpool(self, data)
        finally:
            self._admitted.release()

    def _turn_lock(self) -> asyncio.Lock:
        """One lock per event loop: an asyncio lock belongs to the loop it first waited in."""
        loop = asyncio.get_running_loop()
        if self._turn is None or self._turn[0] is not loop:
            self._turn = (loop, asyncio.Lock())
        return self._turn[1]

    def __call__(self, data: bytes) -> dict:
        with self._lock:
            pool = self._pool = self._pool or self._new_pool()
            try:
                record, pid = pool.submit(self.task, data, self.max_bytes).result(timeout=self.seconds)
            except BrokenProcessPool:
                self._discard(pool)
                raise AnalysisUnavailable("the analysing process died; send the article again") from None
            except FutureTimeout:
                self._discard(pool, kill=True)
                raise AnalysisTimedOut(
                    f"the article took more than {self.seconds:g} s to analyse and was given up"
                ) from None
            self.last_worker = pid
        if isinstance(record, str):
            raise NotAnArticle(record)
        return record

    def _discard(self, pool: ProcessPoolExecutor, kill: bool = False) -> None:
        """Drop ``pool``; with ``kill``, end its busy worker first: the next article starts a new one."""
        self._pool = None
        if kill:
            for process in list((pool._processes or {}).values()):  # no public way before Python 3.14
                process.kill()
        pool.shutdown(wait=kill, cancel_futures=True)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=self.per_worker
        )

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
