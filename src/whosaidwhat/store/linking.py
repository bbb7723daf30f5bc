"""Who is who across articles: each stored entity linked to one row of ``people``.

Within one article the entity component already links "Rutte", "he" and "Mark Rutte".
Across articles a person is stored once and every spelling seen becomes an alias. An
entity is linked to the person stored under its name key, else (for people) to the best
stored person :func:`~whosaidwhat.names.same_person` accepts in the corpus scope, else to
a new row. What is decided about names is decided in :mod:`whosaidwhat.names`; this module
keeps what is about storage: person rows, aliases, and the surnames loaded from them.
"""

from __future__ import annotations

from whosaidwhat.names import PERSON, NameIndex, NameKey, Scope, fold, is_name_like, name_key
from whosaidwhat.store.backend import Backend

#: A name that fits more people than this (a common surname) is read as its best-known bearers.
MAX_PEOPLE_PER_NAME = 20
#: The ``meta`` key counting the write transactions that added or renamed people, so that a
#: linker sees when another process (a second ingest into the same corpus) changed them.
PEOPLE_VERSION = "people_version"


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


#: The largest id either engine stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class PersonLinker:
    """Links the entities of stored records to people, and names back to people.

    It remembers the people and aliases it has written, so that a name seen again costs no
    statement; :meth:`forget` drops that memory when a transaction is rolled back. Writes
    happen between :meth:`begin` and :meth:`commit`, inside a write transaction: if another
    writer changed the people since, the memory is dropped too, so that two ingests into one
    corpus never make two people of one name.
    """

    def __init__(self, db: Backend):
        self.db = db
        self._person_cache: dict[tuple[str, str], int] = {}
        self._surnames = SurnameIndex()
        #: Aliases this linker has written.
        self._known_aliases: set[tuple[str, int, str]] = set()
        #: The people version this linker's memory is true to, and whether it changed the people.
        self._version: int | None = None
        self._changed = False

    def forget(self) -> None:
        self._person_cache.clear()
        self._surnames.clear()
        self._known_aliases.clear()
        self._version = None
        self._changed = False

    def begin(self) -> None:
        """At the start of a write transaction: drop the memory if other writers changed the people."""
        version = int(
            self.db.scalar(f"SELECT value FROM meta WHERE key = {self.db.mark}", (PEOPLE_VERSION,)) or 0
        )
        if version != self._version:
            self.forget()
            self._version = version

    def commit(self) -> None:
        """Before a write transaction commits: count it if it added or renamed people."""
        if not self._changed:
            return
        self._version = (self._version or 0) + 1
        self.db.execute(
            f"INSERT INTO meta (key, value) VALUES ({self.db.marks(2)}) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (PEOPLE_VERSION, str(self._version)),
        )
        self._changed = False

    def link(self, article_id: int, record: dict) -> dict[str, int]:
        """Each entity of the record linked to its person row (found or created): entity id -> person id."""
        people: dict[str, int] = {}
        for entity in record.get("entities") or []:
            key = name_key(entity["name"], entity["type"], Scope.CORPUS)
            if not key.key:
                continue
            person_id = self._resolve(entity["name"], entity["type"], key)
            people[entity["id"]] = person_id
            self._add_aliases(person_id, entity, key)
        self.db.executemany(
            f"INSERT INTO article_people (article_id, entity_id, person_id) VALUES ({self.db.marks(3)})",
            [(article_id, entity_id, person_id) for entity_id, person_id in people.items()],
        )
        return people

    def people_named(self, name: str) -> list[int]:
        """People a name refers to: an id, a full alias, else a surname, else a near spelling."""
        m = self.db.mark
        name = name.strip()
        if name.isascii() and name.isdigit():  # "¹" is a digit to str.isdigit, not to int()
            if int(name) > MAX_ID:  # no row has it, and the engines refuse the number
                return []
            return (
                [int(name)] if self.db.scalar(f"SELECT id FROM people WHERE id = {m}", (int(name),)) else []
            )
        rows = self.db.rows(
            "SELECT a.person_id, a.kind FROM aliases a JOIN people p ON p.id = a.person_id "
            f"WHERE a.key = {m} ORDER BY p.n_quotes DESC, p.n_articles DESC, p.id",
            (fold(name),),
        )
        for kind in ("name", "surname"):
            ids = [row["person_id"] for row in rows if row["kind"] == kind]
            if ids:
                return list(dict.fromkeys(ids))[:MAX_PEOPLE_PER_NAME]
        key = name_key(name, PERSON, Scope.CORPUS)
        if not key.last:
            return []
        index = SurnameIndex()
        spread = max(2, len(key.last) // 4)  # longer differences cannot reach SURNAME_SIMILARITY
        index.load(
            PERSON,
            key.block,
            self.db.rows(
                "SELECT id, first, last FROM people "
                f"WHERE type = {m} AND block = {m} AND length(last) BETWEEN {m} AND {m}",
                (PERSON, key.block, len(key.last) - spread, len(key.last) + spread),
            ),
        )
        ids = sorted({person_id for _, person_id in index.matches(key, PERSON)})
        if not ids:
            return []
        return [
            row["id"]
            for row in self.db.rows(
                f"SELECT id FROM people WHERE id IN ({self.db.marks(len(ids))}) "
                f"ORDER BY n_quotes DESC, n_articles DESC, id LIMIT {MAX_PEOPLE_PER_NAME}",
                ids,
            )
        ]

    def _resolve(self, name: str, entity_type: str, key: NameKey) -> int:
        cached = self._person_cache.get((entity_type, key.key))
        if cached is not None:
            return cached
        person_id = self._by_alias(key.key, entity_type)
        if person_id is None and entity_type == PERSON:
            person_id = self._by_likeness(key, entity_type)
        if person_id is None:
            person_id = self.db.scalar(
                "INSERT INTO people (name, type, first, last, block) "
                f"VALUES ({self.db.marks(5)}) RETURNING id",
                (name.strip(), entity_type, key.first, key.last, key.block),
            )
            self._surnames.add(entity_type, person_id, key)
            self._changed = True
        elif entity_type == PERSON:
            self._upgrade_name(person_id, name, key)
        self._person_cache[(entity_type, key.key)] = person_id
        return person_id

    def _by_alias(self, key: str, entity_type: str) -> int | None:
        m = self.db.mark
        return self.db.scalar(
            "SELECT a.person_id FROM aliases a JOIN people p ON p.id = a.person_id "
            f"WHERE a.key = {m} AND a.kind = 'name' AND p.type = {m} "
            "ORDER BY p.n_articles DESC, p.id LIMIT 1",
            (key, entity_type),
        )

    def _by_likeness(self, key: NameKey, entity_type: str) -> int | None:
        """The best stored person whose name can be this one: same surname first, then same first name."""
        if not self._surnames.has(entity_type, key.block):
            self._surnames.load(entity_type, key.block, self._block_rows(entity_type, key.block))
        matches = self._surnames.matches(key, entity_type)
        if not matches:
            return None
        ids = sorted({person_id for _, person_id in matches})
        articles = {
            row["id"]: row["n_articles"]
            for row in self.db.rows(
                f"SELECT id, n_articles FROM people WHERE id IN ({self.db.marks(len(ids))})", ids
            )
        }
        _, best = max(
            matches,
            key=lambda match: (
                match[0].last == key.last,
                match[0].first == key.first,
                articles.get(match[1], 0),
                -match[1],
            ),
        )
        return best

    def _block_rows(self, entity_type: str, block: str) -> list[dict]:
        m = self.db.mark
        return self.db.rows(
            f"SELECT id, first, last FROM people WHERE type = {m} AND block = {m}", (entity_type, block)
        )

    def _upgrade_name(self, person_id: int, name: str, key: NameKey) -> None:
        """Keep the best name seen as the one shown (:meth:`NameKey.names_better_than`)."""
        m = self.db.mark
        current = self.db.one(f"SELECT name, first FROM people WHERE id = {m}", (person_id,))
        if current and key.names_better_than(name_key(current["name"], PERSON, Scope.CORPUS)):
            self.db.execute(
                f"UPDATE people SET name = {m}, first = {m}, last = {m}, block = {m} WHERE id = {m}",
                (name.strip(), key.first, key.last, key.block, person_id),
            )
            self._surnames.add(PERSON, person_id, key)
            self._changed = True

    def _add_aliases(self, person_id: int, entity: dict, key: NameKey) -> None:
        names = {key.key: entity["name"].strip()}
        for mention in entity.get("mentions") or []:
            text = mention.get("text") or ""
            if is_name_like(text) and fold(text):
                names.setdefault(fold(text), text.strip())
        new = [
            (alias, person_id, shown)
            for alias, shown in names.items()
            if (alias, person_id, "name") not in self._known_aliases
        ]
        m = self.db.mark
        self.db.executemany(
            f"INSERT INTO aliases (key, person_id, kind, name) VALUES ({m}, {m}, 'name', {m}) "
            "ON CONFLICT (key, person_id) DO UPDATE SET kind = 'name'",
            new,
        )
        self._known_aliases.update((alias, person_id, "name") for alias, _, _ in new)
        surname = (key.last, person_id, "surname")
        if entity["type"] == PERSON and key.first and key.last and surname not in self._known_aliases:
            self.db.execute(
                f"INSERT INTO aliases (key, person_id, kind, name) VALUES ({m}, {m}, 'surname', {m}) "
                "ON CONFLICT (key, person_id) DO NOTHING",
                (key.last, person_id, key.last),
            )
            self._known_aliases.add(surname)
