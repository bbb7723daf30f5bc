"""Very long articles, analysed section by section: one article's results from its sections'.

A spaCy Doc costs a few hundred bytes per token, so a 5 MB text held as one Doc, with the
chunk Docs it is stitched from, takes gigabytes. The pipeline therefore cuts a text longer
than its section size between paragraphs, analyses each section as an article of its own
and keeps only its results (the plain values of the ``Doc._`` outputs). This module turns
those results into the article's:

- every offset is shifted from the section back into the article;
- the entities of all sections become one list, one entity per person, organisation and
  place: a person by full name ("Mark Rutte" in two sections is one person), a lone
  surname joining the full name with that surname mentioned most, anything else by its
  name (countries by ISO code); ids are renumbered in order of first mention;
- quotes, events and the main event refer to the merged entities' ids.

What a cut costs: a pronoun or a floating quote opening a section, whose antecedent is in
the section before, stays unresolved. Sections are far longer than news articles (the
longest PolNeAR article has 34,309 characters), which are therefore never cut.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from whosaidwhat.nlp.entities import fullest_name, name_key
from whosaidwhat.nlp.people import name_parts

#: The ``Doc._`` extensions whose values are an article's results.
OUTPUTS = ("entities", "quotes", "times", "figures", "events", "main_event")

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
    by_key: dict[tuple, list[dict]] = {}
    key_of: list[dict[str, tuple]] = []  # per section: each entity's key
    for entities in sections:
        key_of.append({})
        for entity in entities:
            key = _merge_key(entity)
            by_key.setdefault(key, []).append(entity)
            key_of[-1][entity["id"]] = key
    joined = _lone_surnames_joined(by_key)
    for lone, person in joined.items():
        by_key[person] += by_key.pop(lone)
    order = sorted(by_key, key=lambda key: min(m[0] for entity in by_key[key] for m in entity["mentions"]))
    new_id = {key: f"e{number}" for number, key in enumerate(order, start=1)}
    entities = [_one_entity(new_id[key], by_key[key]) for key in order]
    renamed = [
        {entity_id: new_id[joined.get(key, key)] for entity_id, key in keys.items()} for keys in key_of
    ]
    return entities, renamed


def _merge_key(entity: dict) -> tuple:
    """What makes two sections' entities one: a person's full name, any other entity's name."""
    name = entity["name"]
    if entity["type"] == "PERSON":
        parts = name_parts(name)
        if parts.first and parts.last:
            return ("person", *parts.key)
        return ("lone", name.casefold())
    return ("other", name_key(name))


def _lone_surnames_joined(by_key: dict[tuple, list[dict]]) -> dict[tuple, tuple]:
    """For each lone name that is someone's surname, the person of that surname mentioned most."""
    by_surname: dict[str, list[tuple]] = {}
    for key in by_key:
        if key[0] == "person":
            by_surname.setdefault(key[2], []).append(key)
    joined = {}
    for key in by_key:
        candidates = by_surname.get(key[1]) if key[0] == "lone" else None
        if candidates:
            joined[key] = max(candidates, key=lambda person: sum(len(e["mentions"]) for e in by_key[person]))
    return joined


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
