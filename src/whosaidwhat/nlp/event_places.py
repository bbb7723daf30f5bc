"""Where an event happened (:mod:`~whosaidwhat.nlp.event_parts`): the places its phrases name.

A place is a GPE, LOC or FAC entity; or an ORG after "at" ("at the UN") or whose name ends in
a word for a site ("Hofstra University", "Ramstein Air Base"); or any entity the article
writes before a word for a part of a town or country ("a packed Chelsea neighborhood",
``resources/place_nouns.txt``), wherever it names it: the small models often tag such
places ORG. An event noun that brings about a clause's event happened where that event did
("people were injured in Chelsea by an explosion").
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.mentions import MentionIndex

if TYPE_CHECKING:  # event_parts reads the places of this module
    from whosaidwhat.nlp.event_parts import Event

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Last words of organisation names that are also sites one can be at ("Hofstra University").
SITE_WORDS = words("site_words.txt")
#: Words for a part of a town or country, which make the name before them a place (``place_nouns.txt``).
PLACE_NOUNS = words("place_nouns.txt")
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
#: Each article's entities named as places, kept while its mentions are in use.
_NAMED_PLACES: WeakKeyDictionary[MentionIndex, frozenset[str]] = WeakKeyDictionary()


def place_entities(objects: list[Token], mentions: MentionIndex, preposition: str) -> list[str]:
    """Places named inside the phrases ``objects`` (the module docstring says which)."""
    ids: list[str] = []
    named_places = entities_named_as_places(mentions)
    for obj in objects:
        start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
        for m_start, m_end, entity_id, kind in mentions.overlapping(start, end):
            words = mentions.text[m_start:m_end].lower().split()
            site = kind == "ORG" and (preposition == "at" or bool(words) and words[-1] in SITE_WORDS)
            if (kind in PLACE_TYPES or site or entity_id in named_places) and entity_id not in ids:
                ids.append(entity_id)
    return ids


def entities_named_as_places(mentions: MentionIndex) -> frozenset[str]:
    """The entities with a mention written before a word for a part of a town or country
    ("Chelsea neighborhood"; not a pronoun: "his district"), read once per article's mentions."""
    found = _NAMED_PLACES.get(mentions)
    if found is None:
        found = _NAMED_PLACES[mentions] = _named_as_places(mentions)
    return found


def _named_as_places(mentions: MentionIndex) -> frozenset[str]:
    found = set()
    for start, end, entity_id, _ in mentions.mentions:
        if mentions.text[start:end].lower() in POSSESSIVE_PRONOUNS:  # "his district"
            continue
        following = mentions.text[end : end + 40].split(maxsplit=1)
        if following and following[0].lower().rstrip(".,;:!?)") in PLACE_NOUNS:
            found.add(entity_id)
    return frozenset(found)


def share_places(events: list[Event]) -> None:
    """An event noun that is the subject or "by" agent of another event's clause, with no place
    of its own, takes that event's: "an explosion injured 29 people in Chelsea"."""
    by_token = {e.token.i: e for e in events}
    for event in events:
        if not event.where and (caused := place_source(event, by_token)) is not None:
            event.where = list(caused.where)


def place_source(event: Event, by_token: dict[int, Event]) -> Event | None:
    """The event whose clause an event noun is the subject or "by" agent of (:func:`share_places`)."""
    noun = event.token
    if noun.pos_ != "NOUN":
        return None
    agent = noun.dep_ == "pobj" and noun.head.dep_ == "agent"
    clause = noun.head.head if agent else noun.head if noun.dep_ == "nsubj" else None
    caused = by_token.get(clause.i) if clause is not None else None
    return caused if caused is not event else None
