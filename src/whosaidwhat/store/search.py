"""The search language of the corpus: web-search syntax, parsed once and written out as FTS5.

The language is PostgreSQL's ``websearch_to_tsquery`` (words, "quoted phrases", ``OR``,
``-word``), so both backends accept the same searches. SQLite's FTS5 has its own syntax,
in which a stray full stop or hyphen is an error, so the search is parsed here and
written out as FTS5 with every term quoted; no library offers that translation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whosaidwhat.errors import QueryError

#: A search ranks (bm25 in SQLite, ts_rank in PostgreSQL) the newest this-many matches, not
#: all of them: ranking costs time in proportion to the matches, and a word common in a
#: large corpus matches tens of thousands of quotes. A more specific search narrows them.
SEARCH_WINDOW = 2000

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
