"""The store, the same on every backend: writing records, their people linked as they go in.

:class:`SQLStore` writes through a :class:`~whosaidwhat.store.backend.Backend` (SQLite or
PostgreSQL), links each record's people with the :class:`PersonLinker` it holds, and
answers the queries of :class:`Queries`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from urllib.parse import urlsplit

from whosaidwhat.errors import QueryError
from whosaidwhat.names import gender_stated
from whosaidwhat.store.backend import Backend
from whosaidwhat.store.linking import PersonLinker
from whosaidwhat.store.overview import OverviewQueries
from whosaidwhat.store.queries import Queries
from whosaidwhat.store.schema import TABLES
from whosaidwhat.timex import first_day


def said_on(quote: dict, published: str | None) -> str | None:
    """The day a quote is filed under: the first day of its ``when``, else the article's date."""
    return first_day((quote.get("when") or {}).get("value")) or published


def outlet_of(url: str | None) -> str | None:
    """The outlet an article's address names: its host, lower case, without ``www.``."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def stated_genders(record: dict) -> dict[str, str]:
    """Each entity's gender where the article states it: in its titles or its mentions' words
    ("Mrs Lee", "she", "the spokeswoman"); a name alone states nothing."""
    genders = {}
    for entity in record.get("entities") or []:
        words = [word for text in entity.get("titles") or [] for word in text.split()]
        words += [word for mention in entity.get("mentions") or [] for word in mention["text"].split()]
        if gender := gender_stated(words):
            genders[entity["id"]] = gender
    return genders


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLStore(Queries, OverviewQueries):
    """A corpus in a SQL database; see :mod:`whosaidwhat.store` for the API."""

    def __init__(self, db: Backend):
        super().__init__(db, PersonLinker(db))

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A write transaction, one at a time on the corpus; on failure the linker forgets the
        people it learnt: their rows are rolled back."""
        try:
            with self.db.transaction():
                self.db.lock_for_writing()
                self.linker.begin()
                yield
                self.linker.commit()
        except BaseException:
            self.linker.forget()
            raise

    def add(self, record: dict) -> tuple[int, bool]:
        """Store one record with its quotes, entities and events in one transaction.

        Returns ``(article_id, inserted)``; a record whose ``source.sha256`` is already
        stored is not inserted again.
        """
        with self._writing():
            return self._add(record)

    def add_many(self, records: Iterable[dict]) -> list[tuple[int, bool]]:
        """Store many records in a single transaction (bulk loading)."""
        with self._writing():
            return [self._add(record) for record in records]

    def known(self, sha256s: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        wanted = list(dict.fromkeys(sha256s))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.update(
                row["sha256"]
                for row in self.db.rows(
                    f"SELECT sha256 FROM articles WHERE sha256 IN ({self.db.marks(len(chunk))})", chunk
                )
            )
        return found

    def add_failure(self, path: str, reason: str) -> None:
        """Record an input that could not be stored; the same failure again only updates its time."""
        with self._writing():
            self.db.execute(
                f"INSERT INTO failures (path, reason, at) VALUES ({self.db.marks(3)}) "
                "ON CONFLICT (path, reason) DO UPDATE SET at = excluded.at",
                (path, reason, now()),
            )

    def _add(self, record: dict) -> tuple[int, bool]:
        source = record["source"]
        published = first_day(record.get("published"))
        stored = {key: value for key, value in record.items() if key != "text"}
        article_id = self.db.scalar(
            "INSERT INTO articles (sha256, path, url, outlet, format, headline, published, text, record, "
            f"n_quotes, added_at) VALUES ({self.db.marks(11)}) ON CONFLICT (sha256) DO NOTHING RETURNING id",
            (
                source["sha256"],
                source.get("path"),
                source.get("url"),
                outlet_of(source.get("url")),
                source.get("format"),
                record.get("headline"),
                published,
                record["text"],
                json.dumps(stored, ensure_ascii=False),
                len(record.get("quotes") or []),
                now(),
            ),
        )
        if article_id is None:
            existing = self.db.scalar(
                f"SELECT id FROM articles WHERE sha256 = {self.db.mark}", (source["sha256"],)
            )
            return existing, False
        people = self.linker.link(article_id, record)
        self._add_quotes(article_id, published, record, people)
        self._add_events(article_id, published, record, people)
        self._count_people(record, people)
        self.db.index_article(article_id)
        return article_id, True

    def _add_quotes(
        self, article_id: int, published: str | None, record: dict, people: dict[str, int]
    ) -> None:
        rows = []
        genders = stated_genders(record)
        for quote in record.get("quotes") or []:
            content = quote["content"]
            cue = quote.get("cue") or {}
            rows.append(
                (
                    article_id,
                    people.get(quote.get("speaker") or ""),
                    published,
                    said_on(quote, published),
                    people.get(quote.get("where") or ""),
                    quote["kind"],
                    content["text"],
                    cue.get("text"),
                    content["start"],
                    content["end"],
                    quote["id"],
                    genders.get(quote.get("speaker") or ""),
                )
            )
        self.db.executemany(
            "INSERT INTO quotes (article_id, person_id, published, said_on, place_id, kind, content, cue, "
            f"start_char, end_char, quote_key, speaker_gender) VALUES ({self.db.marks(12)})",
            rows,
        )

    def _add_events(
        self, article_id: int, published: str | None, record: dict, people: dict[str, int]
    ) -> None:
        for event in record.get("events") or []:
            event_id = self.db.scalar(
                "INSERT INTO events (article_id, type, trigger_text, event_when, published) "
                f"VALUES ({self.db.marks(5)}) RETURNING id",
                (
                    article_id,
                    event["type"],
                    (event.get("trigger") or {}).get("text"),
                    event.get("when"),
                    published,
                ),
            )
            roles = {
                (people[entity], role)
                for role in ("who", "whom", "where")
                for entity in event.get(role) or []
                if entity in people
            }
            self.db.executemany(
                f"INSERT INTO event_people (event_id, person_id, role) VALUES ({self.db.marks(3)})",
                [(event_id, person_id, role) for person_id, role in sorted(roles)],
            )

    def _count_people(self, record: dict, people: dict[str, int]) -> None:
        quotes = Counter(
            people[q["speaker"]] for q in record.get("quotes") or [] if q.get("speaker") in people
        )
        m = self.db.mark
        self.db.executemany(
            f"UPDATE people SET n_articles = n_articles + 1, n_quotes = n_quotes + {m} WHERE id = {m}",
            [(quotes.get(person_id, 0), person_id) for person_id in sorted(set(people.values()))],
        )

    def copy_to(self, target: SQLStore, chunk: int = 5000) -> None:
        """Copy this whole corpus, ids included, into an empty ``target`` (SQLite to PostgreSQL or back)."""
        if target.counts()["articles"]:
            raise QueryError("the target database is not empty")
        with target._writing():
            for table, columns in TABLES.items():
                cursor = self.db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1")
                while rows := cursor.fetchmany(chunk):
                    target.db.bulk_insert(table, columns, [tuple(dict(row).values()) for row in rows])
            target.db.after_bulk_insert()
