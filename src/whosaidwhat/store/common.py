"""The store's logic, shared by both backends: writing records, linking people, the queries.

SQL is written once with ``?`` placeholders; a backend supplies the connection, the
transaction, and the few statements that differ (full-text search above all).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from whosaidwhat.errors import QueryError, first_line
from whosaidwhat.names import PERSON, NameKey, Scope, fold, is_name_like, name_key
from whosaidwhat.store.people import SurnameIndex

QUOTE_COLUMNS = (
    "q.id AS quote_id, q.article_id, a.headline, q.published, p.name AS speaker, q.person_id, "
    "q.kind, q.content, q.cue"
)
QUOTE_JOINS = "JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id"

#: A search ranks (bm25 in SQLite, ts_rank in PostgreSQL) the newest this-many matches, not
#: all of them: ranking costs time in proportion to the matches, and a word common in a
#: large corpus matches tens of thousands of quotes. A more specific search narrows them.
SEARCH_WINDOW = 2000
#: A name that fits more people than this (a common surname) is read as its best-known bearers.
MAX_PEOPLE_PER_NAME = 20


def published_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of an ISO date or date-time, or None."""
    if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return value[:10]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLStore:
    """A corpus in a SQL database; see :mod:`whosaidwhat.store` for the API."""

    #: Appended to ``DESC`` so that articles without a date sort last on both backends.
    nulls_last = ""
    #: What the backend raises for a search its full-text engine cannot read.
    query_error: type[Exception]

    def __init__(self) -> None:
        self._person_cache: dict[tuple[str, str], int] = {}
        self._surnames = SurnameIndex()
        #: Aliases this store has written, so that repeated names cost no statement.
        self._known_aliases: set[tuple[str, int, str]] = set()

    # -- what a backend provides -------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def _index_article(self, article_id: int) -> None:
        """Add a new article and its quotes to the full-text index (when the backend keeps one apart)."""

    def _quote_hits_sql(self) -> str:
        """A query of ``(id, rank)`` for quotes matching ``?`` (a search), best first, ``LIMIT ?``."""
        raise NotImplementedError

    def _article_hits_sql(self) -> str:
        raise NotImplementedError

    def _quote_about_sql(self) -> str:
        """A condition on ``q`` true when the quote matches the search ``?``."""
        raise NotImplementedError

    def _search_terms(self, text: str) -> str:
        """The user's search as the backend's query language."""
        return parse_search(text).text

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- small helpers -------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        return [dict(row) for row in self._execute(sql, params).fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict | None:
        row = self._execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return None if row is None else next(iter(dict(row).values()))

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A transaction; on failure the people cache is dropped, as its new rows were rolled back."""
        try:
            with self._transaction():
                yield
        except BaseException:
            self._person_cache.clear()
            self._surnames.clear()
            self._known_aliases.clear()
            raise

    # -- writing ---------------------------------------------------------------------------

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
            marks = ", ".join("?" * len(chunk))
            found.update(
                row["sha256"]
                for row in self._rows(f"SELECT sha256 FROM articles WHERE sha256 IN ({marks})", chunk)
            )
        return found

    def add_failure(self, path: str, reason: str) -> None:
        """Record an input that could not be stored; the same failure again only updates its time."""
        with self._writing():
            self._execute(
                "INSERT INTO failures (path, reason, at) VALUES (?, ?, ?) "
                "ON CONFLICT (path, reason) DO UPDATE SET at = excluded.at",
                (path, reason, now()),
            )

    def _add(self, record: dict) -> tuple[int, bool]:
        source = record["source"]
        published = published_date(record.get("published"))
        stored = {key: value for key, value in record.items() if key != "text"}
        article_id = self._scalar(
            "INSERT INTO articles (sha256, path, format, headline, published, text, record, n_quotes, "
            "added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING RETURNING id",
            (
                source["sha256"],
                source.get("path"),
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
            return self._scalar("SELECT id FROM articles WHERE sha256 = ?", (source["sha256"],)), False
        people = self._link_entities(article_id, record)
        self._add_quotes(article_id, published, record, people)
        self._add_events(article_id, published, record, people)
        self._count_people(record, people)
        self._index_article(article_id)
        return article_id, True

    def _link_entities(self, article_id: int, record: dict) -> dict[str, int]:
        """Each entity of the record linked to its person row (found or created): entity id -> person id."""
        people: dict[str, int] = {}
        for entity in record.get("entities") or []:
            key = name_key(entity["name"], entity["type"], Scope.CORPUS)
            if not key.key:
                continue
            person_id = self._resolve_person(entity["name"], entity["type"], key)
            people[entity["id"]] = person_id
            self._add_aliases(person_id, entity, key)
        self._executemany(
            "INSERT INTO article_people (article_id, entity_id, person_id) VALUES (?, ?, ?)",
            [(article_id, entity_id, person_id) for entity_id, person_id in people.items()],
        )
        return people

    def _resolve_person(self, name: str, entity_type: str, key: NameKey) -> int:
        cached = self._person_cache.get((entity_type, key.key))
        if cached is not None:
            return cached
        person_id = self._person_by_alias(key.key, entity_type)
        if person_id is None and entity_type == PERSON:
            person_id = self._person_by_likeness(key, entity_type)
        if person_id is None:
            person_id = self._scalar(
                "INSERT INTO people (name, type, first, last, block) VALUES (?, ?, ?, ?, ?) RETURNING id",
                (name.strip(), entity_type, key.first, key.last, key.block),
            )
            self._surnames.add(entity_type, person_id, key)
        elif entity_type == PERSON:
            self._upgrade_name(person_id, name, key)
        self._person_cache[(entity_type, key.key)] = person_id
        return person_id

    def _person_by_alias(self, key: str, entity_type: str) -> int | None:
        return self._scalar(
            "SELECT a.person_id FROM aliases a JOIN people p ON p.id = a.person_id "
            "WHERE a.key = ? AND a.kind = 'name' AND p.type = ? "
            "ORDER BY p.n_articles DESC, p.id LIMIT 1",
            (key, entity_type),
        )

    def _person_by_likeness(self, key: NameKey, entity_type: str) -> int | None:
        """The best stored person whose name can be this one: same surname first, then same first name."""
        if not self._surnames.has(entity_type, key.block):
            self._surnames.load(entity_type, key.block, self._block_rows(entity_type, key.block))
        matches = self._surnames.matches(key, entity_type)
        if not matches:
            return None
        ids = sorted({person_id for _, person_id in matches})
        articles = {
            row["id"]: row["n_articles"]
            for row in self._rows(
                f"SELECT id, n_articles FROM people WHERE id IN ({', '.join('?' * len(ids))})", ids
            )
        }
        _, best = max(
            matches,
            key=lambda match: (
                match[0].last == key.last,
                match[0].first == key.first,
                articles.get(match[1], 0),
                -match[1],
            ),
        )
        return best

    def _block_rows(self, entity_type: str, block: str) -> list[dict]:
        return self._rows(
            "SELECT id, first, last FROM people WHERE type = ? AND block = ?", (entity_type, block)
        )

    def _upgrade_name(self, person_id: int, name: str, key: NameKey) -> None:
        """Keep the best name seen as the canonical one (:meth:`NameKey.names_better_than`)."""
        current = self._one("SELECT name, first FROM people WHERE id = ?", (person_id,))
        if current and key.names_better_than(name_key(current["name"], PERSON, Scope.CORPUS)):
            self._execute(
                "UPDATE people SET name = ?, first = ?, last = ?, block = ? WHERE id = ?",
                (name.strip(), key.first, key.last, key.block, person_id),
            )
            self._surnames.add(PERSON, person_id, key)

    def _add_aliases(self, person_id: int, entity: dict, key: NameKey) -> None:
        names = {key.key: entity["name"].strip()}
        for mention in entity.get("mentions") or []:
            text = mention.get("text") or ""
            if is_name_like(text) and fold(text):
                names.setdefault(fold(text), text.strip())
        new = [
            (alias, person_id, shown)
            for alias, shown in names.items()
            if (alias, person_id, "name") not in self._known_aliases
        ]
        self._executemany(
            "INSERT INTO aliases (key, person_id, kind, name) VALUES (?, ?, 'name', ?) "
            "ON CONFLICT (key, person_id) DO UPDATE SET kind = 'name'",
            new,
        )
        self._known_aliases.update((alias, person_id, "name") for alias, _, _ in new)
        surname = (key.last, person_id, "surname")
        if entity["type"] == PERSON and key.first and key.last and surname not in self._known_aliases:
            self._execute(
                "INSERT INTO aliases (key, person_id, kind, name) VALUES (?, ?, 'surname', ?) "
                "ON CONFLICT (key, person_id) DO NOTHING",
                (key.last, person_id, key.last),
            )
            self._known_aliases.add(surname)

    def _add_quotes(
        self, article_id: int, published: str | None, record: dict, people: dict[str, int]
    ) -> None:
        rows = []
        for quote in record.get("quotes") or []:
            content = quote["content"]
            cue = quote.get("cue") or {}
            rows.append(
                (
                    article_id,
                    people.get(quote.get("speaker") or ""),
                    published,
                    quote["kind"],
                    content["text"],
                    cue.get("text"),
                    content["start"],
                    content["end"],
                )
            )
        self._executemany(
            "INSERT INTO quotes (article_id, person_id, published, kind, content, cue, start_char, end_char) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _add_events(
        self, article_id: int, published: str | None, record: dict, people: dict[str, int]
    ) -> None:
        for event in record.get("events") or []:
            event_id = self._scalar(
                "INSERT INTO events (article_id, type, trigger_text, event_when, published) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
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
            self._executemany(
                "INSERT INTO event_people (event_id, person_id, role) VALUES (?, ?, ?)",
                [(event_id, person_id, role) for person_id, role in sorted(roles)],
            )

    def _count_people(self, record: dict, people: dict[str, int]) -> None:
        quotes = Counter(
            people[q["speaker"]] for q in record.get("quotes") or [] if q.get("speaker") in people
        )
        self._executemany(
            "UPDATE people SET n_articles = n_articles + 1, n_quotes = n_quotes + ? WHERE id = ?",
            [(quotes.get(person_id, 0), person_id) for person_id in sorted(set(people.values()))],
        )

    # -- reading ---------------------------------------------------------------------------

    def article(self, article_id: int) -> dict | None:
        """The stored record (contract JSON) with its ``id``."""
        row = self._one("SELECT id, text, record FROM articles WHERE id = ?", (int(article_id),))
        if row is None:
            return None
        record = json.loads(row["record"])
        record["text"] = row["text"]
        return {"id": row["id"], **record}

    def articles(self, q: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        columns = "a.id, a.headline, a.published, a.path, a.n_quotes"
        if q is None or not q.strip():
            return self._rows(
                f"SELECT {columns} FROM articles a ORDER BY a.published DESC{self.nulls_last}, a.id DESC "
                "LIMIT ? OFFSET ?",
                (limit, offset),
            )
        terms = self._search_terms(q)
        return self._guarded(
            f"WITH hits AS ({self._article_hits_sql()}) "
            f"SELECT {columns} FROM hits JOIN articles a ON a.id = hits.id ORDER BY hits.rank, a.id",
            (terms, limit + offset),
            q,
        )[offset:]

    def search(self, text: str, limit: int = 50) -> list[dict]:
        """Quotes whose content matches ``text``, best first.

        ``text`` is web-search syntax: words, "quoted phrases", OR, -excluded.
        """
        terms = self._search_terms(text)
        return self._guarded(
            f"WITH hits AS ({self._quote_hits_sql()}) "
            f"SELECT {QUOTE_COLUMNS} FROM hits JOIN quotes q ON q.id = hits.id {QUOTE_JOINS} "
            "ORDER BY hits.rank, q.id",
            (terms, limit),
            text,
        )

    def quotes(
        self,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        about: str | None = None,
        limit: int = 100,
    ) -> list[dict]:
        """Quotes, newest first, by a person (any alias or surname), within dates, about a search."""
        conditions, params = [], []
        if speaker is not None:
            ids = self._person_ids(speaker)
            if not ids:
                return []
            conditions.append(f"q.person_id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        if since:
            conditions.append("q.published >= ?")
            params.append(iso_date(since, "--since"))
        if until:
            conditions.append("q.published <= ?")
            params.append(iso_date(until, "--until"))
        if about:
            conditions.append(self._quote_about_sql())
            params.append(self._search_terms(about))
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return self._guarded(
            f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} {where} "
            f"ORDER BY q.published DESC{self.nulls_last}, q.id DESC LIMIT ?",
            (*params, limit),
            about or "",
        )

    def speakers(self, top: int = 20) -> list[dict]:
        """The most quoted people (then the most mentioned, while quotes are few)."""
        return self._rows(
            "SELECT id AS person_id, name, type, n_quotes, n_articles FROM people "
            "WHERE n_quotes > 0 OR type = ? ORDER BY n_quotes DESC, n_articles DESC, id LIMIT ?",
            (PERSON, top),
        )

    def person(self, name_or_id: str) -> dict | None:
        ids = self._person_ids(str(name_or_id))
        if not ids:
            return None
        row = self._one(
            "SELECT id AS person_id, name, type, n_quotes, n_articles FROM people WHERE id = ?", (ids[0],)
        )
        if row is None:
            return None
        aliases = self._rows(
            "SELECT name FROM aliases WHERE person_id = ? AND kind = 'name' ORDER BY name",
            (row["person_id"],),
        )
        row["aliases"] = sorted({a["name"] for a in aliases} - {row["name"]})
        return row

    def timeline(self, name: str, limit: int = 1000) -> list[dict]:
        """A person's quotes and events, oldest first (events by their own date where known)."""
        ids = self._person_ids(name)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        quotes = [
            {"row": "quote", **row}
            for row in self._rows(
                f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} WHERE q.person_id IN ({marks}) "
                f"ORDER BY q.published{self._nulls_last_asc()}, q.id LIMIT ?",
                (*ids, limit),
            )
        ]
        events = [
            {"row": "event", **row}
            for row in self._rows(
                "SELECT DISTINCT e.id AS event_id, e.article_id, a.headline, e.published, "
                'e.event_when AS "when", e.type, e.trigger_text AS "trigger" '
                "FROM event_people ep JOIN events e ON e.id = ep.event_id "
                "JOIN articles a ON a.id = e.article_id "
                f"WHERE ep.person_id IN ({marks}) ORDER BY e.id LIMIT ?",
                (*ids, limit),
            )
        ]
        return sorted(quotes + events, key=timeline_date)[:limit]

    def failures(self) -> list[dict]:
        return self._rows("SELECT path, reason, at FROM failures ORDER BY id")

    def copy_to(self, target: SQLStore, chunk: int = 5000) -> None:
        """Copy this whole corpus, ids included, into an empty ``target`` (SQLite to PostgreSQL or back)."""
        if target.counts()["articles"]:
            raise QueryError("the target database is not empty")
        with target._writing():
            for table, columns in TABLES.items():
                names = ", ".join(columns)
                cursor = self._execute(f"SELECT {names} FROM {table} ORDER BY 1")
                while rows := cursor.fetchmany(chunk):
                    target._bulk_insert(table, columns, [tuple(dict(row).values()) for row in rows])
            target._after_bulk_insert()

    def _bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        marks = ", ".join("?" * len(columns))
        self._executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _after_bulk_insert(self) -> None:
        """Bring indexes and id sequences up to date after :meth:`_bulk_insert`."""

    def counts(self) -> dict:
        return {
            "articles": self._scalar("SELECT count(*) AS n FROM articles"),
            "quotes": self._scalar("SELECT count(*) AS n FROM quotes"),
            "people": self._scalar("SELECT count(*) AS n FROM people WHERE type = ?", (PERSON,)),
            "entities": self._scalar("SELECT count(*) AS n FROM people"),
            "failures": self._scalar("SELECT count(*) AS n FROM failures"),
        }

    def _nulls_last_asc(self) -> str:
        return ""

    def _guarded(self, sql: str, params: Sequence[Any], query: str) -> list[dict]:
        """Run a query, turning the backend's complaint about a search into a QueryError."""
        try:
            return self._rows(sql, params)
        except self.query_error as exc:
            raise QueryError(f"cannot search for {query!r}: {first_line(exc)}") from exc

    def _person_ids(self, name: str) -> list[int]:
        """People a name refers to: an id, a full alias, else a surname, else a near spelling."""
        name = name.strip()
        if name.isdigit():
            return [int(name)] if self._scalar("SELECT id FROM people WHERE id = ?", (int(name),)) else []
        rows = self._rows(
            "SELECT a.person_id, a.kind FROM aliases a JOIN people p ON p.id = a.person_id WHERE a.key = ? "
            "ORDER BY p.n_quotes DESC, p.n_articles DESC, p.id",
            (fold(name),),
        )
        for kind in ("name", "surname"):
            ids = [row["person_id"] for row in rows if row["kind"] == kind]
            if ids:
                return list(dict.fromkeys(ids))[:MAX_PEOPLE_PER_NAME]
        key = name_key(name, PERSON, Scope.CORPUS)
        if not key.last:
            return []
        index = SurnameIndex()
        spread = max(2, len(key.last) // 4)  # longer differences cannot reach SURNAME_SIMILARITY
        index.load(
            PERSON,
            key.block,
            self._rows(
                "SELECT id, first, last FROM people "
                "WHERE type = ? AND block = ? AND length(last) BETWEEN ? AND ?",
                (PERSON, key.block, len(key.last) - spread, len(key.last) + spread),
            ),
        )
        ids = sorted({person_id for _, person_id in index.matches(key, PERSON)})
        if not ids:
            return []
        return [
            row["id"]
            for row in self._rows(
                f"SELECT id FROM people WHERE id IN ({', '.join('?' * len(ids))}) "
                f"ORDER BY n_quotes DESC, n_articles DESC, id LIMIT {MAX_PEOPLE_PER_NAME}",
                ids,
            )
        ]


#: Every table and its columns, in an order that respects foreign keys (for :meth:`SQLStore.copy_to`).
TABLES: dict[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "sha256",
        "path",
        "format",
        "headline",
        "published",
        "text",
        "record",
        "n_quotes",
        "added_at",
    ),
    "people": ("id", "name", "type", "first", "last", "block", "n_articles", "n_quotes"),
    "aliases": ("key", "person_id", "kind", "name"),
    "article_people": ("article_id", "entity_id", "person_id"),
    "quotes": (
        "id",
        "article_id",
        "person_id",
        "published",
        "kind",
        "content",
        "cue",
        "start_char",
        "end_char",
    ),
    "events": ("id", "article_id", "type", "trigger_text", "event_when", "published"),
    "event_people": ("event_id", "person_id", "role"),
    "failures": ("id", "path", "reason", "at"),
}


def timeline_date(row: dict) -> tuple[bool, str, int]:
    when = row.get("when") if row["row"] == "event" else None
    day = when if when and re.fullmatch(r"\d{4}-\d{2}-\d{2}", when) else row.get("published")
    return (day is None, day or "", row.get("quote_id") or row.get("event_id") or 0)


def iso_date(value: str, what: str) -> str:
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise QueryError(f"{what} wants a date as YYYY-MM-DD, not {value!r}") from None


# -- the search language ---------------------------------------------------------------------

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


class Search:
    """A parsed search: groups of alternatives (``OR``) that must all match, and excluded terms.

    The language is PostgreSQL's ``websearch_to_tsquery`` (words, "quoted phrases", ``OR``,
    ``-word``), so both backends accept the same searches. SQLite's FTS5 has its own syntax,
    in which a stray full stop or hyphen is an error, so the search is parsed here and
    written out as FTS5 with every term quoted; no library offers that translation.
    """

    def __init__(self, groups: list[list[str]], excluded: list[str], text: str):
        self.groups = groups
        self.excluded = excluded
        self.text = text

    def fts5(self) -> str:
        def term(words: str) -> str:
            return '"' + words.replace('"', " ") + '"'

        required = " AND ".join(
            "(" + " OR ".join(term(t) for t in group) + ")" if len(group) > 1 else term(group[0])
            for group in self.groups
        )
        return required + "".join(f" NOT {term(t)}" for t in self.excluded)


def parse_search(text: str) -> Search:
    """Parse a web-search style query.

    Malformed ones (an unbalanced quote, nothing to look for) raise QueryError.
    """
    if text.count('"') % 2:
        raise QueryError(f"unbalanced double quote in search {text!r}")
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for negated, phrase, word in _TOKEN.findall(text):
        if word == "OR":
            join_next = bool(groups)
            continue
        if word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        term = " ".join(re.findall(r"\w+", word or phrase))
        if not term:
            continue
        if negated:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        raise QueryError(f"search {text!r} has no word to look for")
    return Search(groups, excluded, text)
