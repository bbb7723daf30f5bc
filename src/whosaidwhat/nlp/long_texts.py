"""Very long articles, analysed section by section: one article's results from its sections'.

A spaCy Doc costs a few hundred bytes per token, so a 5 MB text held as one Doc, with the
chunk Docs it is stitched from, takes gigabytes. The pipeline therefore cuts a text longer
than its section size between paragraphs, analyses each section as an article of its own
and keeps only its results (the plain values of the ``Doc._`` outputs). This module turns
those results into the article's:

- every offset is shifted from the section back into the article;
- the entities of all sections become one list, one entity per person, organisation and
  place, as names are compared within an article (:mod:`whosaidwhat.names`): a person by
  full name ("Mark Rutte" in two sections is one person), a lone surname joining the full
  name with that surname mentioned most, anything else by its name (countries by ISO
  code); ids are renumbered in order of first mention;
- quotes, events and the main event refer to the merged entities' ids.

What a cut costs: a pronoun or a floating quote opening a section, whose antecedent is in
the section before, stays unresolved. Sections are far longer than news articles (the
longest PolNeAR article has 34,309 characters), which are therefore never cut.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from whosaidwhat.names import PERSON, NameIndex, NameKey, Scope, fullest_name, name_key

Bounds = tuple[int, int]


def section_paragraphs(paragraphs: Sequence[Bounds] | None, start: int, end: int) -> list[Bounds] | None:
    """The paragraphs within ``[start, end)``, clipped to it and counted from ``start``."""
    if paragraphs is None:
        return None
    return [
        (max(p_start, start) - start, min(p_end, end) - start)
        for p_start, p_end in paragraphs
        if p_start < end and p_end > start
    ]


def shifted(results: dict, offset: int) -> dict:
    """``results`` of a section that starts at ``offset``, with offsets counted from the article's start."""
    if offset == 0:
        return results

    def move(bounds: Bounds | None) -> Bounds | None:
        return None if bounds is None else (bounds[0] + offset, bounds[1] + offset)

    return {
        "entities": [
            {**entity, "mentions": [move(m) for m in entity["mentions"]]}
            for entity in results.get("entities") or []
        ],
        "quotes": [
            {
                **quote,
                "content": move(quote["content"]),
                "source": move(quote.get("source")),
                "cue": move(quote.get("cue")),
            }
            for quote in results.get("quotes") or []
        ],
        "times": [
            {**time, "start": time["start"] + offset, "end": time["end"] + offset}
            for time in results.get("times") or []
        ],
        "figures": [
            {**figure, "start": figure["start"] + offset, "end": figure["end"] + offset}
            for figure in results.get("figures") or []
        ],
        "events": [{**event, "trigger": move(event["trigger"])} for event in results.get("events") or []],
        "main_event": results.get("main_event"),
    }


def merged(sections: Sequence[dict]) -> dict:
    """One article's results from its sections' (already :func:`shifted`), in text order.

    The main event is the first section's: it is chosen from the lead paragraph.
    """
    if len(sections) == 1:
        return sections[0]
    entities, renamed = merge_entities([section.get("entities") or [] for section in sections])
    quotes, events = [], []
    for section, rename in zip(sections, renamed, strict=True):
        quotes += [
            {
                **quote,
                "speaker": rename.get(quote.get("speaker")),
                "addressee": rename.get(quote.get("addressee")),
                "where": rename.get(quote.get("where")),
            }
            for quote in section.get("quotes") or []
        ]
        events += [_renamed_event(event, rename) for event in section.get("events") or []]
    first = sections[0].get("main_event")
    return {
        "entities": entities,
        "quotes": quotes,
        "times": [time for section in sections for time in section.get("times") or []],
        "figures": [figure for section in sections for figure in section.get("figures") or []],
        "events": events,
        "main_event": _renamed_event(first, renamed[0]) if first else None,
    }


def _renamed_event(event: dict, rename: dict[str, str]) -> dict:
    return {
        **event,
        **{
            role: [rename[i] for i in event.get(role) or [] if i in rename]
            for role in ("who", "whom", "where")
        },
    }


def merge_entities(sections: Sequence[list[dict]]) -> tuple[list[dict], list[dict[str, str]]]:
    """The entities of all sections as one list, and for each section its ids' new ids."""
    grouping = _Grouping()
    group_of = [{entity["id"]: grouping.add(entity) for entity in entities} for entities in sections]
    joined = grouping.lone_surnames_joined()
    groups = grouping.groups
    for lone, person in joined.items():
        groups[person] += groups[lone]
    kept = [group for group in range(len(groups)) if group not in joined]
    order = sorted(kept, key=lambda group: min(m[0] for entity in groups[group] for m in entity["mentions"]))
    new_id = {group: f"e{number}" for number, group in enumerate(order, start=1)}
    entities = [_one_entity(new_id[group], groups[group]) for group in order]
    renamed = [
        {entity_id: new_id[joined.get(group, group)] for entity_id, group in ids.items()} for ids in group_of
    ]
    return entities, renamed


class _Grouping:
    """The sections' entities in groups, one per person, organisation and place, as names are
    compared within an article (:attr:`~whosaidwhat.names.Scope.ARTICLE`): a person named in
    full by :func:`~whosaidwhat.names.same_person`, any other name by its key."""

    def __init__(self) -> None:
        self.groups: list[list[dict]] = []  # each group's entities; groups in order of first appearance
        self.people: NameIndex[int] = NameIndex(Scope.ARTICLE)  # full names: their group
        self.named: dict[tuple[bool, str], int] = {}  # (is a person, key) of any other name: its group
        self.lone: list[tuple[NameKey, int]] = []  # people not named in full, and their groups

    def add(self, entity: dict) -> int:
        """The group ``entity`` joins (a new one for a new name)."""
        key = name_key(entity["name"], entity["type"], Scope.ARTICLE)
        is_person = entity["type"] == PERSON
        group = self._person(key) if is_person and key.is_full else self._named(key, is_person)
        self.groups[group].append(entity)
        return group

    def _person(self, key: NameKey) -> int:
        found = self.people.matches(key)
        if found:
            return found[0][1]
        group = self._new()
        self.people.add(key, group)
        return group

    def _named(self, key: NameKey, is_person: bool) -> int:
        if (is_person, key.key) not in self.named:
            group = self.named[(is_person, key.key)] = self._new()
            if is_person:
                self.lone.append((key, group))
        return self.named[(is_person, key.key)]

    def _new(self) -> int:
        self.groups.append([])
        return len(self.groups) - 1

    def lone_surnames_joined(self) -> dict[int, int]:
        """For each lone name that is someone's surname, the group of the person of that surname
        mentioned most."""
        joined = {}
        for key, group in self.lone:
            people = [person for _, person in self.people.matches(key)]
            if people:
                joined[group] = max(people, key=self._mentions)
        return joined

    def _mentions(self, group: int) -> int:
        return sum(len(entity["mentions"]) for entity in self.groups[group])


def _one_entity(entity_id: str, parts: list[dict]) -> dict:
    names = [entity["name"] for entity in parts]
    titles: list[str] = []
    for title in (title for entity in parts for title in entity.get("titles") or []):
        if all(title.casefold() != known.casefold() for known in titles):
            titles.append(title)
    types = Counter()
    for entity in parts:
        types[entity["type"]] += len(entity["mentions"])
    return {
        "id": entity_id,
        "name": fullest_name(names),
        "type": types.most_common(1)[0][0],
        "titles": titles,
        "mentions": sorted({tuple(m) for entity in parts for m in entity["mentions"]}),
    }
