"""Reading a corpus: articles, quotes by speaker, date and topic, searches, people and timelines.

Every query that takes a person accepts any of their names, their surname or their id
(:meth:`PersonLinker.people_named`); searches are web-search syntax (:mod:`~whosaidwhat.store.search`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from whosaidwhat.errors import QueryError, first_line
from whosaidwhat.names import PERSON
from whosaidwhat.store.backend import Backend
from whosaidwhat.store.linking import PersonLinker
from whosaidwhat.store.search import SEARCH_SECONDS, parse_search
from whosaidwhat.timex import first_day

QUOTE_COLUMNS = (
    "q.id AS quote_id, q.article_id, a.headline, q.published, q.said_on, p.name AS speaker, q.person_id, "
    "q.kind, q.content, q.cue, pl.name AS place, q.quote_key"
)
QUOTE_JOINS = (
    "JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id "
    "LEFT JOIN people pl ON pl.id = q.place_id"
)


class Queries:
    """The read side of a store: ``db`` answers the SQL, ``linker`` tells who a name is."""

    def __init__(self, db: Backend, linker: PersonLinker):
        self.db = db
        self.linker = linker

    def article(self, article_id: int) -> dict | None:
        """The stored record (contract JSON) with its ``id``."""
        row = self.db.one(
            f"SELECT id, text, record FROM articles WHERE id = {self.db.mark}", (int(article_id),)
        )
        if row is None:
            return None
        record = json.loads(row["record"])
        record["text"] = row["text"]
        return {"id": row["id"], **record}

    def articles(self, q: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        columns = "a.id, a.headline, a.published, a.path, a.n_quotes"
        if q is None or not q.strip():
            return self.db.rows(
                f"SELECT {columns} FROM articles a ORDER BY a.published DESC{self.db.nulls_last}, a.id DESC "
                f"LIMIT {self.db.mark} OFFSET {self.db.mark}",
                (limit, offset),
            )
        return self._guarded(
            f"WITH hits AS ({self.db.hits_sql('articles')}) "
            f"SELECT {columns} FROM hits JOIN articles a ON a.id = hits.id ORDER BY hits.rank, a.id",
            (self._search_terms(q), limit + offset),
            q,
        )[offset:]

    def search(self, text: str, limit: int = 50) -> list[dict]:
        """Quotes whose content matches ``text``, best first.

        ``text`` is web-search syntax: words, "quoted phrases", OR, -excluded.
        """
        return self._guarded(
            f"WITH hits AS ({self.db.hits_sql('quotes')}) "
            f"SELECT {QUOTE_COLUMNS} FROM hits JOIN quotes q ON q.id = hits.id {QUOTE_JOINS} "
            "ORDER BY hits.rank, q.id",
            (self._search_terms(text), limit),
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
        """Quotes, newest first, by a person (any alias or surname), said within dates, about a search.

        Dates are the quotes' own (``said_on``: when they were said), not their articles'.
        Only a search (``about``) is stopped after :data:`SEARCH_SECONDS`; a listing runs to its end.
        """
        m = self.db.mark
        conditions, params = [], []
        if speaker is not None:
            ids = self.linker.people_named(speaker)
            if not ids:
                return []
            conditions.append(f"q.person_id IN ({self.db.marks(len(ids))})")
            params.extend(ids)
        if since:
            conditions.append(f"q.said_on >= {m}")
            params.append(iso_date(since, "since"))
        if until:
            conditions.append(f"q.said_on <= {m}")
            params.append(iso_date(until, "until"))
        if about:
            conditions.append(self.db.quote_about_sql())
            params.append(self._search_terms(about))
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} {where} "
            f"ORDER BY q.said_on DESC{self.db.nulls_last}, q.id DESC LIMIT {m}"
        )
        if not about:
            return self.db.rows(sql, (*params, limit))  # a listing, not a search: no time limit
        return self._guarded(sql, (*params, limit), about)

    def speakers(self, top: int = 20) -> list[dict]:
        """The most quoted people (then the most mentioned, while quotes are few)."""
        m = self.db.mark
        return self.db.rows(
            "SELECT id AS person_id, name, type, n_quotes, n_articles FROM people "
            f"WHERE n_quotes > 0 OR type = {m} ORDER BY n_quotes DESC, n_articles DESC, id LIMIT {m}",
            (PERSON, top),
        )

    def person(self, name_or_id: str) -> dict | None:
        m = self.db.mark
        ids = self.linker.people_named(str(name_or_id))
        if not ids:
            return None
        row = self.db.one(
            f"SELECT id AS person_id, name, type, n_quotes, n_articles FROM people WHERE id = {m}", (ids[0],)
        )
        if row is None:
            return None
        aliases = self.db.rows(
            f"SELECT name FROM aliases WHERE person_id = {m} AND kind = 'name' ORDER BY name",
            (row["person_id"],),
        )
        row["aliases"] = sorted({a["name"] for a in aliases} - {row["name"]})
        return row

    def timeline(self, name: str, limit: int = 1000) -> list[dict]:
        """A person's quotes and events, oldest first, each by its own date where known."""
        ids = self.linker.people_named(name)
        if not ids:
            return []
        m, marks = self.db.mark, self.db.marks(len(ids))
        quotes = [
            {"row": "quote", **row}
            for row in self.db.rows(
                f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} WHERE q.person_id IN ({marks}) "
                f"ORDER BY q.said_on{self.db.nulls_last_asc}, q.id LIMIT {m}",
                (*ids, limit),
            )
        ]
        events = [
            {"row": "event", **row}
            for row in self.db.rows(
                "SELECT DISTINCT e.id AS event_id, e.article_id, a.headline, e.published, "
                'e.event_when AS "when", e.type, e.trigger_text AS "trigger" '
                "FROM event_people ep JOIN events e ON e.id = ep.event_id "
                "JOIN articles a ON a.id = e.article_id "
                f"WHERE ep.person_id IN ({marks}) ORDER BY e.id LIMIT {m}",
                (*ids, limit),
            )
        ]
        return sorted(quotes + events, key=timeline_date)[:limit]

    def failures(self) -> list[dict]:
        return self.db.rows("SELECT path, reason, at FROM failures ORDER BY id")

    def counts(self) -> dict:
        return {
            "articles": self.db.scalar("SELECT count(*) AS n FROM articles"),
            "quotes": self.db.scalar("SELECT count(*) AS n FROM quotes"),
            "people": self.db.scalar(
                f"SELECT count(*) AS n FROM people WHERE type = {self.db.mark}", (PERSON,)
            ),
            "entities": self.db.scalar("SELECT count(*) AS n FROM people"),
            "failures": self.db.scalar("SELECT count(*) AS n FROM failures"),
        }

    def _search_terms(self, text: str) -> str:
        return self.db.search_terms(parse_search(text))

    def _guarded(self, sql: str, params: Sequence[Any], query: str) -> list[dict]:
        """Run a query within :data:`SEARCH_SECONDS`, turning the engine's complaint about a
        search, or its running out of time, into a QueryError."""
        try:
            with self.db.time_limit(SEARCH_SECONDS):
                return self.db.rows(sql, params)
        except (self.db.query_error, self.db.timeout_error) as exc:
            if self.db.is_timeout(exc):
                raise QueryError(
                    f"the search for {shown(query)} took more than {SEARCH_SECONDS:g} s and was "
                    "stopped: search for fewer words, or rarer ones"
                ) from exc
            raise QueryError(f"cannot search for {shown(query)}: {first_line(exc)}") from exc


def shown(query: str, most: int = 80) -> str:
    """A search as a message quotes it: its start only, when it is long."""
    return repr(query if len(query) <= most else query[:most] + "...")


def timeline_date(row: dict) -> tuple[bool, str, int]:
    """Quotes by the day they were said, events by the first day of their own time, else the article's."""
    own = row.get("said_on") if row["row"] == "quote" else first_day(row.get("when"))
    day = own or row.get("published")
    return (day is None, day or "", row.get("quote_id") or row.get("event_id") or 0)


def iso_date(value: str, what: str) -> str:
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise QueryError(f"{what}: a date is written YYYY-MM-DD, not {value!r}") from None
