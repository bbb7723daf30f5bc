"""The embedded backend: one SQLite file in WAL mode, FTS5 for search.

WAL lets readers (the web service, a second terminal) query while an ingest writes.
The full-text tables are external-content FTS5 tables over ``quotes.content`` and
``articles.headline, text``, so each text is stored once.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whosaidwhat.store.backend import Backend
from whosaidwhat.store.schema import SQLITE_MIGRATIONS, split_statements
from whosaidwhat.store.search import SEARCH_WINDOW, Search

#: Virtual machine steps between two looks at the clock during a time-limited statement.
PROGRESS_STEPS = 10_000


class SQLiteBackend(Backend):
    mark = "?"
    query_error = sqlite3.OperationalError
    timeout_error = sqlite3.OperationalError

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self._migrate()

    def _migrate(self) -> None:
        """Apply the migrations not applied yet, inside one write lock so two openers cannot race."""
        if self.conn.execute("PRAGMA user_version").fetchone()[0] == len(SQLITE_MIGRATIONS):
            return
        with self.transaction():
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(SQLITE_MIGRATIONS[version:], start=version + 1):
                for statement in split_statements(script):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def time_limit(self, seconds: float) -> Iterator[None]:
        """SQLite calls a progress handler every few thousand steps of a statement; a true
        answer from it interrupts the statement."""
        deadline = time.monotonic() + seconds
        self.conn.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
        try:
            yield
        finally:
            self.conn.set_progress_handler(None, 0)

    def is_timeout(self, error: Exception) -> bool:
        return isinstance(error, sqlite3.OperationalError) and str(error) == "interrupted"

    def lock_for_writing(self) -> None:
        """Nothing to do: ``BEGIN IMMEDIATE`` took the write lock."""

    def search_terms(self, search: Search) -> str:
        return search.fts5()

    def hits_sql(self, table: str) -> str:
        """The best of the newest SEARCH_WINDOW matches: FTS5 walks rowids backwards and ranks only those."""
        fts = f"{table}_fts"
        return (
            f"SELECT id, rank FROM (SELECT rowid AS id, rank FROM {fts} WHERE {fts} MATCH ? "
            f"ORDER BY rowid DESC LIMIT {SEARCH_WINDOW}) ORDER BY rank, id LIMIT ?"
        )

    def quote_about_sql(self) -> str:
        return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"

    def index_article(self, article_id: int) -> None:
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, headline, text) "
            "SELECT id, headline, text FROM articles WHERE id = ?",
            (article_id,),
        )
        self.conn.execute(
            "INSERT INTO quotes_fts (rowid, content) SELECT id, content FROM quotes WHERE article_id = ?",
            (article_id,),
        )

    def after_bulk_insert(self) -> None:
        self.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        self.conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
        self.conn.execute("ANALYZE")
