"""Full names the headline gives people the body names only by surname: "Hillary Clinton Goes After
Donald Trump" above a body that says "Clinton" throughout.

The headline is not parsed with the body (its words would run into the first sentence), so its
names are read here by their shape: a given name gender-guesser knows, then a capitalised word.
A person the body names by that surname alone takes the full name, unless the body names someone
else with that surname in full or the headline gives the surname two given names. The given name
is known before the pronouns are resolved, so that it tells the person's gender ("she" after
"Clinton" is Hillary Clinton).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from whosaidwhat.names import fullest_name, is_given_name
from whosaidwhat.nlp.name_mentions import Group

#: Two capitalised words in a row, the second read even when it starts the next pair.
_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+(?=([A-Z][\w'\u2019-]*[a-z]))")


def headline_given_names(headline: str | None) -> dict[str, set[str]]:
    """The given names ``headline`` puts before each capitalised word: {"Clinton": {"Hillary"}}."""
    given: dict[str, set[str]] = {}
    for match in _PAIR.finditer(headline or ""):
        if is_given_name(match.group(1)):
            given.setdefault(match.group(2), set()).add(match.group(1))
    return given


def given_name_for(surname: str, given: dict[str, set[str]], named_in_full: Iterable[str]) -> str | None:
    """The one given name the headline gives ``surname`` (a lone name of the body), unless the body
    names someone with that surname in full (``named_in_full``: their surnames)."""
    names = given.get(surname, set())
    if " " in surname or surname in named_in_full or len(names) != 1:
        return None
    return next(iter(names))


def first_names_from_headline(people: Sequence[Group], headline: str | None) -> None:
    """Give the people the body names by surname alone the given name ``headline`` gives them (a
    lone "Clinton" may have been taken for a given name)."""
    given = headline_given_names(headline)
    if not given:
        return
    names = [fullest_name(mention.text for mention in group.mentions if mention.is_name) for group in people]
    named_in_full = {name.split()[-1] for name in names if len(name.split()) > 1}
    for group, name in zip(people, names, strict=True):
        if (first := given_name_for(name, given, named_in_full)) is not None:
            group.first = first


def complete_from_headline(entities: Sequence[dict], headline: str | None) -> None:
    """Give the people of ``entities`` named by surname alone the full name ``headline`` gives them."""
    if not headline:
        return
    given = headline_given_names(headline)
    people = [entity for entity in entities if entity["type"] == "PERSON"]
    named_in_full = {entity["name"].split()[-1] for entity in people if len(entity["name"].split()) > 1}
    for entity in people:
        first = given_name_for(entity["name"], given, named_in_full)
        if first is not None:
            entity["name"] = f"{first} {entity['name']}"
