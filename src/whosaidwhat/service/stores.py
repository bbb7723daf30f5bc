"""The service's connections to the corpus: one per worker thread, closed when its thread ends."""

from __future__ import annotations

import threading

from whosaidwhat.store import Store, open_store


class StorePerThread:
    """One store connection per worker thread, all closed together.

    FastAPI runs plain ``def`` endpoints in a thread pool; with a connection each, the
    threads read side by side (SQLite in WAL mode, PostgreSQL) instead of taking turns.
    The pool ends threads idle for a while and starts new ones under load, so a thread's
    connection is closed once its thread has ended: a server under bursts of requests
    would otherwise keep every connection it ever opened, each with its page cache.
    """

    def __init__(self, url: str):
        self.url = url
        self._local = threading.local()
        self._opened: dict[threading.Thread, Store] = {}
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.url)
            with self._lock:
                self._close_ended()
                self._opened[threading.current_thread()] = store
        return store

    def _close_ended(self) -> None:
        for thread in [thread for thread in self._opened if not thread.is_alive()]:
            self._opened.pop(thread).close()

    def open_count(self) -> int:
        """How many connections are open."""
        with self._lock:
            return len(self._opened)

    def close(self) -> None:
        """Close every connection; a later request opens a new one."""
        with self._lock:
            for store in self._opened.values():
                store.close()
            self._opened.clear()
            self._local = threading.local()


def quotes_asked_for(
    store: Store, q: str, speaker: str, since: str, until: str, limit: int
) -> list[dict] | None:
    """The quotes the search page and its CSV list: words alone ranked by relevance; with a speaker
    or dates, the matches newest first; ``None`` when nothing was asked."""
    if speaker or since or until:
        return store.quotes(
            speaker=speaker or None, since=since or None, until=until or None, about=q or None, limit=limit
        )
    return store.search(q, limit=limit) if q else None
