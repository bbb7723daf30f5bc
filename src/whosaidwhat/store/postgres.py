"""The server backend: PostgreSQL through psycopg 3, ``tsvector`` columns for search.

Searches go through ``websearch_to_tsquery('english', ...)``, which reads the same
language the SQLite backend translates to FTS5; ranks are negated ``ts_rank`` so that,
as with FTS5's ``rank``, smaller is better.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from whosaidwhat.store.common import SEARCH_WINDOW, SQLStore
from whosaidwhat.store.schema import POSTGRES_MIGRATIONS
from whosaidwhat.store.sqlite import split_statements

#: An arbitrary constant key for the advisory lock that serialises schema migrations.
MIGRATION_LOCK = 0x5753_5701


class PostgresStore(SQLStore):
    nulls_last = " NULLS LAST"
    query_error = psycopg.errors.DataError

    def __init__(self, url: str):
        super().__init__()
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

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        return self.conn.execute(sql.replace("?", "%s"), tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """Rows in through COPY, PostgreSQL's bulk path."""
        with (
            self.conn.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def _after_bulk_insert(self) -> None:
        """Identity sequences continue after the copied ids; statistics are refreshed."""
        for table in ("articles", "people", "quotes", "events", "failures"):
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {table}"
            )
        self.conn.execute("ANALYZE")

    def _quote_hits_sql(self) -> str:
        return hits_in_window("quotes")

    def _article_hits_sql(self) -> str:
        return hits_in_window("articles")

    def _quote_about_sql(self) -> str:
        return "q.tsv @@ websearch_to_tsquery('english', ?)"

    def _nulls_last_asc(self) -> str:
        return " NULLS LAST"

    def close(self) -> None:
        self.conn.close()


def hits_in_window(table: str) -> str:
    """The best of the newest SEARCH_WINDOW matches, as the SQLite backend ranks them."""
    return (
        f"SELECT id, -ts_rank(tsv, query) AS rank FROM (SELECT id, tsv, query FROM {table}, "
        f"websearch_to_tsquery('english', ?) query WHERE tsv @@ query ORDER BY id DESC "
        f"LIMIT {SEARCH_WINDOW}) newest ORDER BY rank LIMIT ?"
    )
