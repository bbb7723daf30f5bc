"""The search language: web-search syntax, parsed once, written out as FTS5 for SQLite."""

from __future__ import annotations

import pytest
from test_store import make_record

from whosaidwhat.errors import QueryError
from whosaidwhat.store import open_store
from whosaidwhat.store.search import parse_search


@pytest.mark.parametrize(
    ("text", "fts5"),
    [
        ("corridor", '"corridor"'),
        ('"grain corridor" OR ports -russia', '("grain corridor" OR "ports") NOT "russia"'),
        ("U.S. tariffs", '"U S" AND "tariffs"'),  # a full stop would be an FTS5 syntax error
        ('bridge -"air defence"', '"bridge" NOT "air defence"'),
        ("OR ports", '"ports"'),  # an OR with nothing before it is ignored
    ],
)
def test_searches_are_written_out_as_fts5_with_every_term_quoted(text, fts5):
    assert parse_search(text).fts5() == fts5


@pytest.mark.parametrize("bad", ['"unclosed phrase', "   ", "-only -excluded", "..."])
def test_a_search_without_words_or_with_an_open_quote_is_a_query_error(bad):
    with pytest.raises(QueryError, match="W300"):
        parse_search(bad)


def test_a_term_written_many_times_is_searched_once():
    assert parse_search("the " * 250).fts5() == '"the"'
    assert parse_search("port OR dock port OR dock -rain -rain").fts5() == '("port" OR "dock") NOT "rain"'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("the " * 4000, "at most 1,000 characters"),
        ("a* " * 4000, "at most 1,000 characters"),
        (" ".join(f"word{number}" for number in range(33)), "at most 32 different words"),
    ],
)
def test_a_search_too_long_or_with_too_many_terms_is_refused_before_any_sql(
    tmp_path, monkeypatch, text, message
):
    with open_store(str(tmp_path / "corpus.db")) as store:
        store.add(make_record("Rain today\nThe port was closed.", "2025-01-01", [], []))
        monkeypatch.setattr(store.db, "execute", lambda *args: pytest.fail("the search reached SQL"))
        with pytest.raises(QueryError, match=message):
            store.search(text)
        with pytest.raises(QueryError, match=message):
            store.articles(q=text)
        with pytest.raises(QueryError, match=message):
            store.quotes(about=text)


def test_a_search_running_out_of_time_is_stopped_with_a_message(tmp_path, monkeypatch):
    with open_store(str(tmp_path / "corpus.db")) as store:
        text = "Docks\n" + " ".join(["The port said the dock was open."] * 50)
        store.add(make_record(text, "2025-01-01", [], []))
        monkeypatch.setattr("whosaidwhat.store.queries.SEARCH_SECONDS", 0.0)
        monkeypatch.setattr("whosaidwhat.store.sqlite.PROGRESS_STEPS", 1)
        with pytest.raises(QueryError, match="took more than 0 s and was stopped"):
            store.articles(q="port OR dock")
        monkeypatch.undo()
        assert len(store.articles(q="port OR dock")) == 1  # the next search has its full time again


def test_a_plain_listing_of_quotes_has_no_time_limit(tmp_path, monkeypatch):
    """Only searches are stopped after SEARCH_SECONDS: a long listing by dates runs to its end."""
    text = "Docks\n" + " ".join(f'"The dock is open," said Kim Park{n}.' for n in range(5))
    people = [(f"Kim Park{n}", "PERSON", [f"Kim Park{n}"]) for n in range(5)]
    quotes = [(f"Kim Park{n}", "The dock is open,", "said") for n in range(5)]
    with open_store(str(tmp_path / "corpus.db")) as store:
        store.add(make_record(text, "2025-01-01", people, quotes))
        monkeypatch.setattr("whosaidwhat.store.queries.SEARCH_SECONDS", 0.0)
        monkeypatch.setattr("whosaidwhat.store.sqlite.PROGRESS_STEPS", 1)
        assert len(store.quotes(until="2030-01-01", limit=1_000_000)) == 5
        with pytest.raises(QueryError, match="took more than 0 s"):
            store.quotes(until="2030-01-01", about="dock")


def test_quotes_ranked_alike_come_in_the_order_they_were_stored(tmp_path):
    text = "Ferries\n" + " ".join(f'"The ferry runs," said Kim Park{number}.' for number in range(6))
    people = [(f"Kim Park{number}", "PERSON", [f"Kim Park{number}"]) for number in range(6)]
    quotes = [(f"Kim Park{number}", "The ferry runs,", "said") for number in range(6)]
    with open_store(str(tmp_path / "corpus.db")) as store:
        store.add(make_record(text, "2025-01-01", people, quotes))
        found = [row["quote_id"] for row in store.search("ferry", limit=3)]
        assert found == [1, 2, 3]


@pytest.mark.postgres
def test_postgresql_stops_a_statement_past_its_time_and_serves_the_next(postgres_url):
    with open_store(postgres_url) as store:
        with pytest.raises(store.db.timeout_error) as caught, store.db.time_limit(0.05):
            store.db.rows("SELECT pg_sleep(2)")
        assert store.db.is_timeout(caught.value)
        assert store.db.scalar("SELECT 1 AS one") == 1


@pytest.mark.postgres
def test_postgresql_search_time_limit_ends_with_the_search_inside_a_write(postgres_url):
    """Inside a longer transaction the limit is a savepoint's; the statements after it run unbounded."""
    with open_store(postgres_url) as store:
        before = store.db.scalar("SELECT current_setting('statement_timeout') AS value")
        with store.db.transaction():
            with store.db.time_limit(0.05):
                assert store.db.scalar("SELECT 1 AS one") == 1
            assert store.db.scalar("SELECT current_setting('statement_timeout') AS value") == before
            with pytest.raises(store.db.timeout_error), store.db.time_limit(0.05):
                store.db.rows("SELECT pg_sleep(2)")
            assert store.db.scalar("SELECT current_setting('statement_timeout') AS value") == before
            store.db.rows("SELECT pg_sleep(0.2)")
