"""The server backend: PostgreSQL through psycopg 3, ``tsvector`` columns for search.

Searches go through ``to_tsquery('english', ...)``, written from the same parsed search
the SQLite backend writes out as FTS5; ranks are negated ``ts_rank`` so that,
as with FTS5's ``rank``, smaller is better.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from whosaidwhat.store.backend import Backend
from whosaidwhat.store.schema import POSTGRES_MIGRATIONS, split_statements
from whosaidwhat.store.search import SEARCH_WINDOW, Search

#: An arbitrary constant key for the advisory lock that serialises schema migrations.
MIGRATION_LOCK = 0x5753_5701
#: The advisory lock writers take, one at a time, so that two ingests link names to one person.
WRITE_LOCK = 0x5753_5702


class PostgresBackend(Backend):
    mark = "%s"
    nulls_last = " NULLS LAST"
    nulls_last_asc = " NULLS LAST"
    query_error = psycopg.errors.DataError
    timeout_error = psycopg.errors.QueryCanceled

    def __init__(self, url: str):
        self.url = url
        self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        self._migrate()

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            exists = self.conn.execute("SELECT to_regclass('meta') IS NOT NULL AS present").fetchone()[
                "present"
            ]
            version = 0
            if exists:
                row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = int(row["value"]) if row else 0
            for number, script in enumerate(POSTGRES_MIGRATIONS[version:], start=version + 1):
                for statement in split_statements(script):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def time_limit(self, seconds: float) -> Iterator[None]:
        """PostgreSQL cancels a statement running past ``statement_timeout``, set for one transaction.

        Inside a longer transaction that one is a savepoint, and a ``SET LOCAL`` outlives its
        release: the previous value is set back once the block is done. A block that fails
        needs nothing set back: rolling back to the savepoint undoes the setting.
        """
        with self.conn.transaction():
            previous = self.conn.execute("SELECT current_setting('statement_timeout') AS value").fetchone()
            self.conn.execute(f"SET LOCAL statement_timeout = {max(1, round(seconds * 1000))}")
            yield
            self.conn.execute("SELECT set_config('statement_timeout', %s, true)", (previous["value"],))

    def lock_for_writing(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

    def search_terms(self, search: Search) -> str:
        return search.tsquery()

    def hits_sql(self, table: str) -> str:
        """The best of the newest SEARCH_WINDOW matches, as the SQLite backend ranks them."""
        return (
            f"SELECT id, -ts_rank(tsv, query) AS rank FROM (SELECT id, tsv, query FROM {table}, "
            f"to_tsquery('english', %s) query WHERE tsv @@ query ORDER BY id DESC "
            f"LIMIT {SEARCH_WINDOW}) newest ORDER BY rank, id LIMIT %s"
        )

    def quote_about_sql(self) -> str:
        return "q.tsv @@ to_tsquery('english', %s)"

    def index_article(self, article_id: int) -> None:
        """Nothing to do: the ``tsv`` columns are generated with each row."""

    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """Rows in through COPY, PostgreSQL's bulk path."""
        with (
            self.conn.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def after_bulk_insert(self) -> None:
        """Identity sequences continue after the copied ids; statistics are refreshed."""
        for table in ("articles", "people", "quotes", "events", "failures"):
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {table}"
            )
        self.conn.execute("ANALYZE")
