"""Names: their parts, titles and gender, how they are folded and keyed, and when two are one person.

Whether two names are one person is asked at three levels, all through :func:`same_person`
(and :class:`NameIndex`, which finds the candidates it decides on):

* within an article (:mod:`whosaidwhat.nlp.entities`): "Rutte" after "Mark Rutte";
* across the sections of a very long article (:mod:`whosaidwhat.nlp.long_texts`);
* across a corpus (:mod:`whosaidwhat.store.linking`): "Zelensky" in one article and
  "Volodymyr Zelenskyy" in another.

The first two compare names in :attr:`Scope.ARTICLE`, the third in :attr:`Scope.CORPUS`; the
scope says how far two spellings of one name may differ. Names are parsed by nameparser,
given names gendered by gender-guesser; the word lists are in ``data/names.toml``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources
from types import ModuleType
from typing import Generic, TypeVar

import gender_guesser.detector
from nameparser import HumanName
from nameparser.config import CONSTANTS
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

PERSON = "PERSON"
MALE, FEMALE = "male", "female"

#: Minimum rapidfuzz ratio for two surnames to be spellings of one name across a corpus.
SURNAME_SIMILARITY = 88
#: Minimum rapidfuzz ratio for two first names to be spellings of one name across a corpus.
FIRST_NAME_SIMILARITY = 80
#: Within an article, a misspelt surname is at most this many edits from the right one ...
MAX_MISSPELLING_EDITS = 1
#: ... or one more for surnames at least this long.
LONG_SURNAME = 8
#: Misspellings shorter than this are too likely to be another name.
MIN_MISSPELLING_LENGTH = 5

_WORDS = tomllib.loads(resources.files("whosaidwhat").joinpath("data", "names.toml").read_text("utf-8"))
HONORIFICS = frozenset(_WORDS["honorifics"])
GENDERED_WORDS = {
    **dict.fromkeys(_WORDS["gendered_words"]["male"], MALE),
    **dict.fromkeys(_WORDS["gendered_words"]["female"], FEMALE),
}
GENDERED_PRONOUNS = {
    **dict.fromkeys(_WORDS["gendered_pronouns"]["male"], MALE),
    **dict.fromkeys(_WORDS["gendered_pronouns"]["female"], FEMALE),
}
ABBREVIATED_TITLES: dict[str, str] = _WORDS["abbreviated_titles"]
PERSON_NOUNS = frozenset(_WORDS["person_nouns"])
COLLECTIVE_TITLE_WORDS = frozenset(_WORDS["collective_title_words"])
PRONOUNS = frozenset(_WORDS["pronouns"])

_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NAME_CHARS = re.compile(r"[^\w\s-]")
_LEADING_THE = re.compile(r"^(?i:the)\s+")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: names as a corpus compares them."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _POSSESSIVE.sub("", plain)
    plain = _NOT_NAME_CHARS.sub(" ", plain.replace("’", "'").replace("'", ""))
    return " ".join(plain.lower().split())


@dataclass(frozen=True)
class NameParts:
    """A personal name's parts as written; titles ("President") and nicknames left out."""

    first: str
    middle: str
    last: str
    suffix: str

    @property
    def is_full(self) -> bool:
        """Whether the name has both a first name and a surname."""
        return bool(self.first and self.last)


@lru_cache(maxsize=65536)
def name_parts(name: str) -> NameParts:
    parsed = HumanName(name)
    return NameParts(first=parsed.first, middle=parsed.middle, last=parsed.last, suffix=parsed.suffix)


class Scope(Enum):
    """Where two names are compared, which decides how far two spellings of one name may differ.

    ``ARTICLE``: one text by one writer, within an article and across the sections of a long
    one. Names are compared as written, case aside. A full name is its first name, surname
    and suffix ("Donald J. Trump" is "Donald Trump", "Donald Trump Jr." is not); any other
    name is taken whole as a surname, and a lone surname that matches no one may be a typo
    (:func:`misspelt_surname`). Countries are keyed by ISO code ("U.S.", "America").

    ``CORPUS``: many sources over years. Names are :func:`fold`-ed and stripped of titles;
    surnames may be near spellings with the same initial (transliterations: "Zelensky",
    "Zelenskyy"), first names an initial or a near spelling; suffixes are ignored. Other
    entities are keyed by their folded name without a leading "the".
    """

    ARTICLE = "article"
    CORPUS = "corpus"


@dataclass(frozen=True)
class NameKey:
    """A name as :func:`same_person` compares it, folded as its scope folds names.

    ``key`` is the whole name; for people ``first``, ``last`` and ``suffix`` are its parts
    (``first`` is empty for a lone name, whose one part is ``last``). ``block`` is the
    surname's first letter (a non-person's key's), the bucket in which near spellings are
    looked for.
    """

    key: str
    first: str = ""
    last: str = ""
    suffix: str = ""
    block: str = ""

    @classmethod
    def lone(cls, name: str) -> NameKey:
        """A name taken whole as a surname, as an article takes any name that is not a full name."""
        return cls(name, last=name, block=name[:1])

    @property
    def is_full(self) -> bool:
        return bool(self.first and self.last)

    @property
    def fullness(self) -> int:
        """How complete a name is: its number of words longer than an initial."""
        return sum(len(word) > 1 for word in self.key.split())

    @property
    def initials(self) -> int:
        return sum(len(word) == 1 for word in self.key.split())

    def names_better_than(self, other: NameKey) -> bool:
        """Whether this is the better name to show for a person across a corpus: fuller ("Donald
        Trump" over "Trump"), and of two as full the one with fewer initials ("Donald Trump" over
        "Donald J. Trump"), so the name shown does not hang on which article came first."""
        return (self.fullness, -self.initials) > (other.fullness, -other.initials)


@lru_cache(maxsize=65536)
def name_key(name: str, entity_type: str, scope: Scope) -> NameKey:
    """The key of an entity's name in ``scope``: a person's by parts, anything else's whole."""
    if entity_type != PERSON:
        key = _entity_key(name, scope)
        return NameKey(key, block=key[:1])
    parts = name_parts(name)
    if scope is Scope.ARTICLE:
        return _as_written(name, parts)
    return _as_parsed(name, parts)


def _entity_key(name: str, scope: Scope) -> str:
    """What two names of one place or organisation share in ``scope``."""
    if scope is Scope.ARTICLE:
        return _gazetteer().country_code(name) or " ".join(name.replace(".", "").split()).casefold()
    return fold(_LEADING_THE.sub("", name.strip()))


def _as_written(name: str, parts: NameParts) -> NameKey:
    """A person's name as an article compares it: the parts of a full name, else the whole name."""
    whole = name.casefold()
    if not parts.is_full:
        return NameKey.lone(whole)
    last = parts.last.casefold()
    return NameKey(whole, parts.first.casefold(), last, parts.suffix.casefold(), last[:1])


def _as_parsed(name: str, parts: NameParts) -> NameKey:
    """A person's name as a corpus compares it: folded parts, titles and suffix left out."""
    first, last = fold(parts.first), fold(parts.last)
    if not last:
        first, last = "", first
    key = " ".join(part for part in (first, fold(parts.middle), last) if part) or fold(name)
    return NameKey(key, first, last, fold(parts.suffix), last[:1])


def same_person(a: NameKey, b: NameKey, scope: Scope) -> bool:
    """Whether two people's names (keys of ``scope``) can name one person.

    Their surnames must be one name spelt alike, their first names must not differ (either
    may be absent: a lone surname "Trump" is "Donald Trump") and, within an article, two
    full names must carry the same suffix.
    """
    return (
        same_surname(a.last, b.last, scope)
        and same_first_name(a.first, b.first, scope)
        and (scope is Scope.CORPUS or not (a.is_full and b.is_full) or _bare(a.suffix) == _bare(b.suffix))
    )


def same_surname(a: str, b: str, scope: Scope) -> bool:
    """Equal within an article; across a corpus, near spellings with the same initial."""
    if scope is Scope.ARTICLE:
        return a == b
    return a[:1] == b[:1] and fuzz.ratio(a, b) >= SURNAME_SIMILARITY


def same_first_name(a: str, b: str, scope: Scope) -> bool:
    """Either absent or equal (a full stop aside); across a corpus also an initial or a near spelling."""
    if not a or not b or _bare(a) == _bare(b):
        return True
    if scope is Scope.ARTICLE:
        return False
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= FIRST_NAME_SIMILARITY


def _bare(part: str) -> str:
    return part.rstrip(".")


def misspelt_surname(word: str, surnames: Iterable[str]) -> str | None:
    """The surname ``word`` misspells: one edit away (two for long names), same initial, not a real name.

    Compared case-insensitively; returns the surname as given.
    """
    if len(word) < MIN_MISSPELLING_LENGTH or is_given_name(word) or _gazetteer().place_label(word):
        return None
    folded = word.casefold()
    limit = MAX_MISSPELLING_EDITS + (len(word) >= LONG_SURNAME)
    same_initial = {  # sorted: ties by edit distance never hang on a set's order
        surname.casefold(): surname
        for surname in sorted(surnames)
        if surname[:1].casefold() == folded[:1] and surname.casefold() != folded
    }
    best = process.extractOne(folded, list(same_initial), scorer=Levenshtein.distance, score_cutoff=limit)
    return same_initial[best[0]] if best else None


Known = TypeVar("Known")


class NameIndex(Generic[Known]):
    """Known people by surname: which of them a name can be, without comparing it with every one.

    The surnames worth a look are found at once (equal ones within an article, near
    spellings by rapidfuzz across a corpus); :func:`same_person` decides on each.
    """

    def __init__(self, scope: Scope):
        self.scope = scope
        self.by_surname: dict[str, list[tuple[NameKey, Known]]] = {}

    def add(self, name: NameKey, person: Known) -> None:
        self.by_surname.setdefault(name.last, []).append((name, person))

    def surnames(self) -> list[str]:
        return list(self.by_surname)

    def matches(self, name: NameKey) -> list[tuple[NameKey, Known]]:
        """``(known name, person)`` of every person whose name can be ``name``, in the order added."""
        return [
            (known, person)
            for surname in self._similar_surnames(name.last)
            for known, person in self.by_surname[surname]
            if same_person(name, known, self.scope)
        ]

    def _similar_surnames(self, surname: str) -> list[str]:
        if self.scope is Scope.ARTICLE:
            return [surname] if surname in self.by_surname else []
        found = process.extract(
            surname, list(self.by_surname), scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, limit=None
        )
        return [similar for similar, _, _ in found]


def fullest_name(names: Iterable[str]) -> str:
    """The name to show for a person within an article: the most words, then the most letters."""
    return max(names, key=lambda text: (len(text.split()), len(text)))


def is_name_like(text: str) -> bool:
    """Whether a mention reads as a proper name (so it can serve as an alias), not "he" or "the chief"."""
    words = text.split()
    return (
        bool(words)
        and len(words) <= 5
        and all(word[:1].isupper() for word in words)
        and fold(text) not in PRONOUNS
    )


# ---------------------------------------------------------------- honorifics and titles


def is_honorific(words: str) -> bool:
    """Whether ``words`` is only a form of address ("Mrs.", "Mr"), not a role."""
    return words.casefold().rstrip(".") in HONORIFICS


def is_name_prefix(word: str) -> bool:
    """Whether ``word`` opens a surname of several words ("van", "bin", "de"), as nameparser knows them."""
    return word.casefold() in CONSTANTS.prefixes


def is_title_word(word: str) -> bool:
    """Whether ``word`` is an honorific or office ("President", "Sen.", "Mr") rather than part of a name."""
    folded = word.casefold().rstrip(".")
    return folded in CONSTANTS.titles or folded in ABBREVIATED_TITLES


def expanded_title_word(word: str) -> str:
    """``word`` lower case, the noun it abbreviates if it is an abbreviated title: "Sen." -> "senator"."""
    folded = word.casefold().rstrip(".")
    return ABBREVIATED_TITLES.get(folded, folded)


def is_person_noun(word: str) -> bool:
    """Whether a common noun (lemma or abbreviation) names a person: "minister", "spokeswoman", "Gov."."""
    noun = expanded_title_word(word)
    if noun in PERSON_NOUNS or noun in GENDERED_WORDS:
        return True
    return noun in CONSTANTS.titles and noun not in COLLECTIVE_TITLE_WORDS


# ---------------------------------------------------------------- gender


@lru_cache(maxsize=1)
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(name: str) -> tuple[str | None, bool]:
    """(gender, certain) of a given name: ("male", True) for "Mark", ("female", False) for "Bernie"."""
    guess = _detector().get_gender(name)
    if guess in (MALE, FEMALE):
        return guess, True
    if guess.startswith("mostly_"):
        return guess.removeprefix("mostly_"), False
    return None, False


def is_given_name(word: str) -> bool:
    """Whether gender-guesser lists ``word`` as a given name."""
    return given_name_gender(word)[0] is not None


def gender_of_words(words: Iterable[str]) -> str | None:
    """The gender that honorifics or role nouns among ``words`` state, when they agree, whatever
    their order: "spokesman for Mrs. Lee" states none, its "Mrs." being someone else's."""
    found = {GENDERED_WORDS.get(word.casefold().rstrip(".")) for word in words} - {None}
    return found.pop() if len(found) == 1 else None


def gender_stated(words: Iterable[str]) -> str | None:
    """The gender that the honorifics, role nouns and pronouns among ``words`` state, when they
    agree ("Mrs", "she"); None when they state none or disagree."""
    folded = [word.casefold().rstrip(".") for word in words]
    found = {GENDERED_WORDS.get(word) or GENDERED_PRONOUNS.get(word) for word in folded} - {None}
    return found.pop() if len(found) == 1 else None


def person_gender(first: str, title_words: Iterable[str]) -> tuple[str | None, bool]:
    """(gender, certain) of a person: as their titles state it ("Mrs.", "congresswoman"), else as
    their first name suggests."""
    stated = gender_of_words(title_words)
    if stated:
        return stated, True
    return given_name_gender(first) if first else (None, False)


@lru_cache(maxsize=1)
def _gazetteer() -> ModuleType:
    """The gazetteer, imported at first use: it belongs to the language analysis, whose package
    loads spaCy, and only the names within an article need it."""
    from whosaidwhat.nlp import gazetteer

    return gazetteer
