"""The search language: web-search syntax, parsed once, written out as FTS5 for SQLite."""

from __future__ import annotations

import pytest

from whosaidwhat.errors import QueryError
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
