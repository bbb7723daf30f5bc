"""``POST /api/extract``: articles analysed in a worker process that is replaced now and then.

The server itself never loads the spaCy pipeline. A long article leaves the analysing
process holding hundreds of megabytes it does not give back (spaCy's and Python's
allocators keep what they took), so the worker process is replaced after
:data:`EXTRACTS_PER_WORKER` articles, and its memory is given back whole. One article is
analysed at a time: others wait their turn.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from whosaidwhat.errors import WhosaidwhatError

#: Articles one worker process analyses before it is replaced by a fresh one.
EXTRACTS_PER_WORKER = 8
#: The warning of a body that is not UTF-8, followed by the encoding it was read in.
NOT_UTF8 = "the body is not UTF-8; it was decoded as "


class AnalysisUnavailable(WhosaidwhatError):
    """The process analysing an article died (out of memory, killed); a new one takes the next."""

    code = "W220"


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
    """Analyses request bodies in a worker process, replaced every ``per_worker`` articles."""

    def __init__(self, max_bytes: int, per_worker: int = EXTRACTS_PER_WORKER):
        self.max_bytes = max_bytes
        self.per_worker = per_worker
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        #: The id of the worker process that analysed the last article.
        self.last_worker: int | None = None

    def __call__(self, data: bytes) -> dict:
        with self._lock:
            pool = self._pool = self._pool or self._new_pool()
            try:
                record, pid = pool.submit(analyse, data, self.max_bytes).result()
            except BrokenProcessPool:
                self._pool = None
                pool.shutdown(wait=False, cancel_futures=True)
                raise AnalysisUnavailable("the analysing process died; send the article again") from None
            self.last_worker = pid
        if isinstance(record, str):
            raise NotAnArticle(record)
        return record

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=self.per_worker
        )

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
