"""The seam a database engine fills: its connection, transactions, SQL dialect and full-text search."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, ClassVar

from whosaidwhat.store.search import Search


class Backend(ABC):
    """One database engine: its connection, transactions, SQL dialect and full-text search.

    Statements are composed with the driver's own parameter mark, :attr:`mark` (``?`` for
    sqlite3, ``%s`` for psycopg), where they are written: ``f"WHERE id = {db.mark}"``.
    Nothing rewrites a finished statement, so a question mark that belongs to the SQL (in a
    string literal, or one of PostgreSQL's ``?`` operators) is never taken for a parameter.
    """

    #: How the driver marks a parameter in a statement.
    mark: ClassVar[str]
    #: Appended to ``DESC`` so that rows without a date sort last on both backends.
    nulls_last: ClassVar[str] = ""
    #: Appended to ``ASC`` in a timeline's date order.
    nulls_last_asc: ClassVar[str] = ""
    #: What the driver raises for a search its full-text engine cannot read.
    query_error: ClassVar[type[Exception]]
    #: What the driver raises for a statement stopped by :meth:`time_limit`.
    timeout_error: ClassVar[type[Exception]]

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns a cursor whose rows convert to dicts."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A transaction; inside one already, part of it."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def time_limit(self, seconds: float) -> AbstractContextManager[None]:
        """Statements run inside are stopped after ``seconds``, raising :attr:`timeout_error`."""

    def is_timeout(self, error: Exception) -> bool:
        """Whether ``error`` is a statement stopped by :meth:`time_limit`."""
        return isinstance(error, self.timeout_error)

    @abstractmethod
    def lock_for_writing(self) -> None:
        """Inside a transaction: wait until no other connection writes to the corpus, and hold
        that until the transaction ends (SQLite's ``BEGIN IMMEDIATE`` does it already)."""

    def marks(self, count: int) -> str:
        """``count`` parameter marks, comma-separated: for ``VALUES (...)`` and ``IN (...)``."""
        return ", ".join([self.mark] * count)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        return [dict(row) for row in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict | None:
        row = self.execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return None if row is None else next(iter(dict(row).values()))

    # -- full-text search ----------------------------------------------------------------

    @abstractmethod
    def search_terms(self, search: Search) -> str:
        """A parsed search in the engine's own query language."""

    @abstractmethod
    def hits_sql(self, table: str) -> str:
        """A query of ``(id, rank)`` for the rows of ``table`` (quotes or articles) matching the
        search in the first parameter, best (lowest rank) first, as many as the second."""

    @abstractmethod
    def quote_about_sql(self) -> str:
        """A condition on the quote ``q``, true when it matches the search in its parameter."""

    @abstractmethod
    def index_article(self, article_id: int) -> None:
        """Add a new article and its quotes to the full-text index."""

    # -- bulk loading --------------------------------------------------------------------

    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        self.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({self.marks(len(columns))})", rows
        )

    @abstractmethod
    def after_bulk_insert(self) -> None:
        """Bring indexes and id sequences up to date after :meth:`bulk_insert`."""
