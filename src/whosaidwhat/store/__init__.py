"""The corpus: articles, quotes, people and events in SQLite (embedded) or PostgreSQL.

``open_store(url)`` opens a path as SQLite and a ``postgresql://`` URL as PostgreSQL;
both backends have the same schema and answer the same queries with the same rows::

    add(record) -> (article_id, inserted)      add_failure(path, reason)   failures()
    article(id)  articles(q, limit, offset)    search(text, limit)
    quotes(speaker, since, until, about, limit)  speakers(top)  person(name_or_id)
    timeline(name)  counts()  close()

Quote rows: ``{quote_id, article_id, headline, published, speaker, person_id, kind,
content, cue}``; timeline rows add ``row`` ("quote" or "event"); event rows hold
``{article_id, headline, published, when, type, trigger}``. A malformed search or date
raises :class:`~whosaidwhat.errors.QueryError`; a database that cannot be opened,
:class:`~whosaidwhat.errors.StoreError`.
"""

from __future__ import annotations

import os
import re

from whosaidwhat.errors import StoreError, WhosaidwhatError, first_line
from whosaidwhat.store.base import SQLStore

#: The environment variable naming the default database.
DB_ENV = "WHOSAIDWHAT_DB"
DEFAULT_DB = "corpus.db"
#: A password given as a URL parameter (``?password=...``), which a driver's error may quote.
_QUERY_PASSWORD = re.compile(r"(password=)[^&\s\"']*")

Store = SQLStore


def default_url() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str | None = None) -> SQLStore:
    """The store at ``url``: a ``postgresql://`` URL, else a SQLite file path (created if absent)."""
    url = url or default_url()
    try:
        if is_postgres_url(url):
            from whosaidwhat.store.postgres import PostgresBackend

            return SQLStore(PostgresBackend(url))
        from whosaidwhat.store.sqlite import SQLiteBackend

        return SQLStore(SQLiteBackend(url))
    except Exception as exc:
        if isinstance(exc, WhosaidwhatError):
            raise
        raise StoreError(f"cannot open database {redact(url)}: {redacted_error(exc, url)}") from exc


def redact(url: str) -> str:
    """The URL without its password, fit for a message, however malformed the URL.

    Read by hand rather than with ``urlsplit``, which raises on a malformed host (an
    unclosed ``[``) and would turn the message about a bad URL into a traceback.
    """
    password = url_password(url)
    if password:
        url = url.replace(f":{password}@", ":***@", 1)
    return _QUERY_PASSWORD.sub(r"\1***", url) if is_postgres_url(url) else url


def url_password(url: str) -> str:
    """The password in a PostgreSQL URL's user part, or "": whatever follows the user's name
    up to the last ``@`` before the query, so that one holding ``/`` or ``@`` is found whole."""
    if not is_postgres_url(url):
        return ""
    authority = url.partition("://")[2].partition("?")[0]
    userinfo, at, _location = authority.rpartition("@")
    return userinfo.partition(":")[2] if at else ""


def redacted_error(exc: Exception, url: str) -> str:
    """The first line of a driver's error, which may quote the URL, with the URL redacted."""
    return _QUERY_PASSWORD.sub(r"\1***", first_line(exc).replace(url, redact(url)))


__all__ = ["DB_ENV", "Store", "default_url", "open_store"]
