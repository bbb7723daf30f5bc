"""The authors a page's metadata names, sorted into people (and desks) and agencies, each once.

Metadata spells one author several ways ("Alan Johnson" in one tag, "alan-johnson" in
another), lists a wire agency or a staff title beside the writer ("MATT O'BRIEN", "AP
Technology Writer"), writes names surname first ("Castelvecchi, Davide"), and credits
content-system accounts ("admin"). A byline as printed has none of that.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from whosaidwhat.structure.agencies import agency_named
from whosaidwhat.structure.byline import Credits, agency_of_staff_title

#: Separators between the names of one metadata value ("Jane Doe and John Roe", "A; B", "A | B").
NAME_SEPARATOR = re.compile(r"\s*(?:;|\||&|\band\b)\s*")
BY = re.compile(r"^by\s+", re.IGNORECASE)
#: Accounts of a content system that metadata credits when nobody signed the article.
SYSTEM_ACCOUNTS = frozenset({"admin", "administrator", "webmaster", "editor", "author", "guest", "user"})
#: A value that is an address, not a name ("Email the author", a profile link).
ADDRESS = re.compile(r"https?:|www\.|@|\be-?mail\b", re.IGNORECASE)
MAX_NAME_WORDS = 8


def credits_of_metadata(values: Iterable[str]) -> Credits:
    """People and agencies among the author values a page declares, each person once."""
    credits = Credits()
    people: dict[str, str] = {}
    for value in values:
        for name in split_names(value):
            agency = agency_named(name) or agency_of_staff_title(name)
            if agency:
                credits.add(Credits(agencies=[agency]))
            elif is_printed_name(name):
                people.setdefault(name_key(name), name)
    credits.authors = [name for key, name in people.items() if not _part_of_another(key, people)]
    return credits


def split_names(value: str) -> list[str]:
    """The names in one metadata value; "Surname, Given" is one name, given name first
    (so is each pair of "Surname, Given, Surname, Given")."""
    names = []
    for part in NAME_SEPARATOR.split(BY.sub("", value.strip())):
        pieces = [piece.strip() for piece in part.split(",") if piece.strip()]
        if len(pieces) % 2 == 0 and all(len(piece.split()) == 1 for piece in pieces):
            pieces = [f"{given} {surname}" for surname, given in zip(pieces[::2], pieces[1::2], strict=True)]
        names += pieces
    return names


def is_printed_name(name: str) -> bool:
    """Whether ``name`` is a byline as printed: not an address, an account or a lower-case
    login or URL slug ("jdoe", "jane-doe")."""
    return (
        any(char.isupper() for char in name)
        and not ADDRESS.search(name)
        and name.casefold() not in SYSTEM_ACCOUNTS
        and len(name.split()) <= MAX_NAME_WORDS
    )


def name_key(name: str) -> str:
    """``name`` as compared: "Alan-Johnson", "alan johnson" and "ALAN JOHNSON" alike."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", plain.replace("’", "").replace("'", "")).split())


def _part_of_another(key: str, people: dict[str, str]) -> bool:
    """Whether the one-word name ``key`` is a word of another author's name ("Basu" beside "Tanvi Basu")."""
    return " " not in key and any(key in other.split() for other in people if other != key)
