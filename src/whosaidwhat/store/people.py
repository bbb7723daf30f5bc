"""Who is who across articles: name keys and the test that two names are one person.

Within one article the entity component already links "Rutte", "he" and "Mark Rutte".
Across articles the store links entities by name: a person is stored once and every
spelling seen becomes an alias. Two PERSON names are the same person when their
surnames are near-identical by rapidfuzz (transliteration variants such as "Zelensky"
and "Zelenskyy") and their first names are compatible (equal, an initial of the other,
a near spelling, or absent: a bare surname "Trump" joins "Donald Trump"). Other entity
types (ORG, GPE, ...) match on their folded name alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz import fuzz, process

PERSON = "PERSON"

#: Minimum rapidfuzz ratio for two surnames to be spellings of one name.
SURNAME_SIMILARITY = 88
#: Minimum rapidfuzz ratio for two first names to be spellings of one name.
FIRST_NAME_SIMILARITY = 80

_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NAME_CHARS = re.compile(r"[^\w\s-]")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: the key names are compared by."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _POSSESSIVE.sub("", plain)
    plain = _NOT_NAME_CHARS.sub(" ", plain.replace("’", "'").replace("'", ""))
    return " ".join(plain.lower().split())


@dataclass(frozen=True)
class NameKey:
    """A name as the store compares it.

    ``key`` is the whole folded name; for people ``first`` and ``last`` are the folded
    first name and surname (``first`` is empty for a bare surname) and ``block`` is the
    surname's first letter, the bucket in which near spellings are looked for.
    """

    key: str
    first: str
    last: str
    block: str

    @property
    def is_surname_only(self) -> bool:
        return not self.first

    @property
    def fullness(self) -> int:
        """How complete a name is: its number of words longer than an initial."""
        return sum(len(word) > 1 for word in self.key.split())

    @property
    def initials(self) -> int:
        return sum(len(word) == 1 for word in self.key.split())

    def names_better_than(self, other: NameKey) -> bool:
        """Whether this is the better name to show for a person: fuller ("Donald Trump" over
        "Trump"), and of two as full the one with fewer initials ("Donald Trump" over
        "Donald J. Trump"), so the name shown does not hang on which article came first."""
        return (self.fullness, -self.initials) > (other.fullness, -other.initials)


@lru_cache(maxsize=65536)
def name_key(name: str, entity_type: str) -> NameKey:
    """The comparison key of an entity name; titles ("President") are dropped from people's names."""
    if entity_type != PERSON:
        key = fold(re.sub(r"^(?i:the)\s+", "", name.strip()))
        return NameKey(key=key, first="", last="", block=key[:1])
    parsed = HumanName(name)
    first, last = fold(parsed.first), fold(parsed.last)
    if not last:
        first, last = "", first
    key = " ".join(part for part in (first, fold(parsed.middle), last) if part) or fold(name)
    return NameKey(key=key, first=first, last=last, block=last[:1])


def first_names_compatible(a: str, b: str) -> bool:
    """Equal, one the other's initial, a near spelling, or one of them absent (a bare surname)."""
    if not a or not b or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= FIRST_NAME_SIMILARITY


def is_name_like(text: str) -> bool:
    """Whether a mention reads as a proper name (so it can serve as an alias), not "he" or "the chief"."""
    words = text.split()
    return (
        bool(words)
        and len(words) <= 5
        and all(word[:1].isupper() for word in words)
        and fold(text) not in _PRONOUNS
    )


_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "it",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "its",
        "we",
        "us",
        "our",
        "i",
        "me",
        "my",
        "you",
        "your",
        "who",
        "this",
        "that",
    }
)


class SurnameIndex:
    """Stored people's surnames by (type, block), held in memory for near-spelling lookups.

    rapidfuzz compares a surname with every surname of its block at once; the index is
    loaded from the database one block at a time and grows as people are added.
    """

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, str], dict[str, list[tuple[int, str]]]] = {}

    def has(self, entity_type: str, block: str) -> bool:
        return (entity_type, block) in self.blocks

    def load(self, entity_type: str, block: str, rows: list[dict]) -> None:
        self.blocks[(entity_type, block)] = {}
        for row in rows:
            self.add(entity_type, row["id"], row["first"], row["last"])

    def add(self, entity_type: str, person_id: int, first: str, last: str) -> None:
        surnames = self.blocks.get((entity_type, last[:1]))
        if surnames is not None:
            surnames.setdefault(last, []).append((person_id, first))

    def matches(self, key: NameKey, entity_type: str) -> list[tuple[int, str, str]]:
        """``(person_id, first, last)`` of every indexed person whose name can be ``key``."""
        surnames = self.blocks.get((entity_type, key.block)) or {}
        similar = process.extract(
            key.last, list(surnames), scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, limit=None
        )
        return [
            (person_id, first, last)
            for last, _, _ in similar
            for person_id, first in surnames[last]
            if first_names_compatible(key.first, first)
        ]

    def clear(self) -> None:
        self.blocks.clear()
