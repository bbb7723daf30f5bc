"""The search language of the corpus: web-search syntax, parsed once and written out as FTS5.

The language is a web search's (words, "quoted phrases", ``OR`` between two alternatives,
``-word``), the one PostgreSQL's ``websearch_to_tsquery`` reads. Each backend has its own
syntax (in FTS5 a stray full stop or hyphen is an error; in tsquery AND binds tighter than
OR), so the search is parsed here once and written out for each, every term quoted or
joined as a phrase; no library offers that translation.

A search is bounded: at most :data:`MAX_SEARCH_CHARS` characters and :data:`MAX_SEARCH_TERMS`
distinct terms, each term counted once however often it is repeated. The cost of a
full-text query grows with its terms, each walking its word's whole list of matches, so a
search of "the" repeated thousands of times would otherwise keep the database busy for a
minute; a store also stops any search after :data:`SEARCH_SECONDS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whosaidwhat.errors import QueryError

#: A search ranks (bm25 in SQLite, ts_rank in PostgreSQL) the newest this-many matches, not
#: all of them: ranking costs time in proportion to the matches, and a word common in a
#: large corpus matches tens of thousands of quotes. A more specific search narrows them.
SEARCH_WINDOW = 2000
#: The longest search read, in characters.
MAX_SEARCH_CHARS = 1000
#: The most distinct terms (words or phrases, wanted or excluded) a search may hold.
MAX_SEARCH_TERMS = 32
#: How long a store lets one search run before stopping it with a QueryError.
SEARCH_SECONDS = 1.0

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class Search:
    """A parsed search: groups of alternatives (``OR``) that must all match, and excluded terms."""

    groups: list[list[str]]
    excluded: list[str]
    text: str

    def fts5(self) -> str:
        """The search as an FTS5 query."""

        def term(words: str) -> str:
            return '"' + words.replace('"', " ") + '"'

        required = " AND ".join(
            "(" + " OR ".join(term(t) for t in group) + ")" if len(group) > 1 else term(group[0])
            for group in self.groups
        )
        return required + "".join(f" NOT {term(t)}" for t in self.excluded)

    def tsquery(self) -> str:
        """The search as a PostgreSQL ``to_tsquery`` expression, grouped as FTS5 groups it.

        Written out here rather than handed to ``websearch_to_tsquery``, which binds AND
        tighter than OR (``a OR b c`` would be ``a | (b & c)``) where a web search, and
        FTS5 as written above, mean ``(a | b) & c``. Terms hold only word characters and
        spaces, so none of them can carry a tsquery operator.
        """

        def term(words: str) -> str:
            return "(" + " <-> ".join(words.split()) + ")"

        required = " & ".join("(" + " | ".join(term(t) for t in group) + ")" for group in self.groups)
        return required + "".join(f" & !{term(t)}" for t in self.excluded)


def parse_search(text: str) -> Search:
    """Parse a web-search style query.

    Malformed ones (an unbalanced quote, nothing to look for, too long, too many terms)
    raise QueryError. A term repeated counts once: ``the the the`` is ``the``.
    """
    if len(text) > MAX_SEARCH_CHARS:
        raise QueryError(f"a search is at most {MAX_SEARCH_CHARS:,} characters; this one has {len(text):,}")
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
    return bounded(Search(distinct_groups(groups), list(dict.fromkeys(excluded)), text))


def distinct_groups(groups: list[list[str]]) -> list[list[str]]:
    """Each group's alternatives once, and each group once, in the order first written."""
    unique = {tuple(dict.fromkeys(group)): None for group in groups}
    return [list(group) for group in unique]


def bounded(search: Search) -> Search:
    terms = {term for group in search.groups for term in group} | set(search.excluded)
    if len(terms) > MAX_SEARCH_TERMS:
        raise QueryError(
            f"a search holds at most {MAX_SEARCH_TERMS} different words or phrases; this one has {len(terms)}"
        )
    return search
