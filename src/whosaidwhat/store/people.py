"""The stored people's surnames, loaded from the database a block at a time.

Within one article the entity component already links "Rutte", "he" and "Mark Rutte".
Across articles the store links entities by name: a person is stored once and every
spelling seen becomes an alias. Whether two names are one person is decided by
:func:`whosaidwhat.names.same_person` in the corpus scope; this module keeps the
surnames it is asked about.
"""

from __future__ import annotations

from whosaidwhat.names import NameIndex, NameKey, Scope


class SurnameIndex:
    """Stored people's names by (type, surname initial), held in memory for near-spelling lookups.

    A block is loaded from the database when first needed and grows as people are added.
    """

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, str], NameIndex[int]] = {}

    def has(self, entity_type: str, block: str) -> bool:
        return (entity_type, block) in self.blocks

    def load(self, entity_type: str, block: str, rows: list[dict]) -> None:
        """Hold the people of a block: rows of ``id``, ``first`` and ``last``."""
        self.blocks[(entity_type, block)] = NameIndex(Scope.CORPUS)
        for row in rows:
            self.add(entity_type, row["id"], stored_name(row["first"], row["last"]))

    def add(self, entity_type: str, person_id: int, name: NameKey) -> None:
        index = self.blocks.get((entity_type, name.block))
        if index is not None:
            index.add(name, person_id)

    def matches(self, name: NameKey, entity_type: str) -> list[tuple[NameKey, int]]:
        """``(stored name, person_id)`` of every indexed person whose name can be ``name``."""
        index = self.blocks.get((entity_type, name.block))
        return index.matches(name) if index is not None else []

    def clear(self) -> None:
        self.blocks.clear()


def stored_name(first: str, last: str) -> NameKey:
    """The key of a stored person, from the folded first name and surname kept in its row."""
    return NameKey(" ".join(part for part in (first, last) if part), first, last, block=last[:1])
