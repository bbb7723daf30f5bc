"""Full names the headline gives people the body names only by surname: "Hillary Clinton Goes After
Donald Trump" above a body that says "Clinton" throughout.

The headline is not parsed with the body (its words would run into the first sentence), so its
names are read here by their shape: a given name gender-guesser knows, then a capitalised word.
A person the body names by that surname alone takes the full name, unless the body names someone
else with that surname in full or the headline gives the surname two given names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from whosaidwhat.names import is_given_name

#: Two capitalised words in a row, the second read even when it starts the next pair.
_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+(?=([A-Z][\w'\u2019-]*[a-z]))")


def complete_from_headline(entities: Sequence[dict], headline: str | None) -> None:
    """Give the people of ``entities`` named by surname alone the full name ``headline`` gives them."""
    if not headline:
        return
    given: dict[str, set[str]] = {}
    for match in _PAIR.finditer(headline):
        if is_given_name(match.group(1)):
            given.setdefault(match.group(2), set()).add(match.group(1))
    people = [entity for entity in entities if entity["type"] == "PERSON"]
    named_in_full = {entity["name"].split()[-1] for entity in people if len(entity["name"].split()) > 1}
    for entity in people:
        surname = entity["name"]
        if " " in surname or surname in named_in_full or len(given.get(surname, ())) != 1:
            continue
        entity["name"] = f"{next(iter(given[surname]))} {surname}"
