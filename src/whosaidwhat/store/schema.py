"""The corpus schema, as ordered migrations per backend.

Both backends hold the same tables with the same columns; they differ in the types and
in full-text search: SQLite keeps external-content FTS5 tables (the text is stored once,
in ``quotes`` and ``articles``), PostgreSQL keeps generated ``tsvector`` columns with
GIN indexes. A store applies the migrations it has not applied yet, in order, and
records the version reached in ``meta``.
"""

from __future__ import annotations

_COMMON_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id {id_type},
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT,
    format TEXT,
    headline TEXT,
    published TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL{articles_extra}
);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE people (
    id {id_type},
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    block TEXT NOT NULL,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_block ON people (type, block, last, first);
CREATE INDEX people_rank ON people (n_quotes DESC, n_articles DESC);
CREATE TABLE aliases (
    key TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (key, person_id)
);
CREATE INDEX aliases_person ON aliases (person_id);
CREATE TABLE article_people (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    entity_id TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_people_person ON article_people (person_id);
CREATE TABLE quotes (
    id {id_type},
    article_id INTEGER NOT NULL REFERENCES articles (id),
    person_id INTEGER REFERENCES people (id),
    published TEXT,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    cue TEXT,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL{quotes_extra}
);
CREATE INDEX quotes_person ON quotes (person_id, published DESC{nulls_last}, id DESC);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE TABLE events (
    id {id_type},
    article_id INTEGER NOT NULL REFERENCES articles (id),
    type TEXT NOT NULL,
    trigger_text TEXT,
    event_when TEXT,
    published TEXT
);
CREATE INDEX events_article ON events (article_id);
CREATE TABLE event_people (
    event_id INTEGER NOT NULL REFERENCES events (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, person_id, role)
);
CREATE INDEX event_people_person ON event_people (person_id);
CREATE TABLE failures (
    id {id_type},
    path TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (path, reason)
);
"""

#: Each quote's own date and place: ``said_on`` is the first day of its ``when`` (the article's date
#: for quotes stored before), ``place_id`` the entity of its ``where``.
_QUOTE_TIME_AND_PLACE = """
ALTER TABLE quotes ADD COLUMN said_on TEXT;
ALTER TABLE quotes ADD COLUMN place_id {id_ref} REFERENCES people (id);
UPDATE quotes SET said_on = published;
CREATE INDEX quotes_said_on ON quotes (said_on);
CREATE INDEX quotes_person_said_on ON quotes (person_id, said_on DESC{nulls_last}, id DESC);
"""

#: The article's address where its input gave one, and each quote's id in its record ("q3"), so a
#: quote found in the corpus links to its place in the article. Quotes stored before are numbered
#: in the order they were stored, which is their record's order.
_ARTICLE_URL_AND_QUOTE_KEY = """
ALTER TABLE articles ADD COLUMN url TEXT;
ALTER TABLE quotes ADD COLUMN quote_key TEXT;
UPDATE quotes SET quote_key = 'q' || (
    SELECT count(*) FROM quotes AS earlier
    WHERE earlier.article_id = quotes.article_id AND earlier.id <= quotes.id
);
"""

#: Who gets quoted: each article's outlet (its URL's host) and, per quote, the speaker's gender when
#: the article states it (honorifics, gendered nouns, pronouns). Quotes stored before count as not
#: stated until their article is stored again.
_OUTLET_AND_STATED_GENDER = """
ALTER TABLE articles ADD COLUMN outlet TEXT;
ALTER TABLE quotes ADD COLUMN speaker_gender TEXT;
CREATE INDEX articles_outlet ON articles (outlet);
"""

SQLITE_MIGRATIONS: list[str] = [
    _COMMON_TABLES.format(id_type="INTEGER PRIMARY KEY", articles_extra="", quotes_extra="", nulls_last="")
    + """
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
""",
    _QUOTE_TIME_AND_PLACE.format(id_ref="INTEGER", nulls_last=""),
    _ARTICLE_URL_AND_QUOTE_KEY,
    _OUTLET_AND_STATED_GENDER,
]

POSTGRES_MIGRATIONS: list[str] = [
    _COMMON_TABLES.format(
        id_type="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        articles_extra=",\n    tsv tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', coalesce(headline, '') || ' ' || text)) STORED",
        quotes_extra=",\n    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED",
        nulls_last=" NULLS LAST",
    )
    + """
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
""",
    _QUOTE_TIME_AND_PLACE.format(id_ref="BIGINT", nulls_last=" NULLS LAST"),
    _ARTICLE_URL_AND_QUOTE_KEY,
    _OUTLET_AND_STATED_GENDER,
]

#: Every table and its columns, in an order that respects foreign keys (for copying a corpus).
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
        "url",
        "outlet",
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
        "said_on",
        "place_id",
        "quote_key",
        "speaker_gender",
    ),
    "events": ("id", "article_id", "type", "trigger_text", "event_when", "published"),
    "event_people": ("event_id", "person_id", "role"),
    "failures": ("id", "path", "reason", "at"),
}


def split_statements(script: str) -> list[str]:
    """The statements of a migration script (no statement in it holds a semicolon of its own)."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]
