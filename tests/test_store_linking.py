"""Person linking on its own: the linker a store holds, working on the backend it is given."""

from __future__ import annotations

import pytest
from test_store import RECORDS

from whosaidwhat.store.linking import PersonLinker
from whosaidwhat.store.sqlite import SQLiteBackend


def test_a_linker_links_people_across_records_and_finds_them_by_any_name(tmp_path):
    db = SQLiteBackend(tmp_path / "corpus.db")
    linker = PersonLinker(db)
    with db.transaction():
        for article_id, record in enumerate(RECORDS, start=1):
            db.execute(
                "INSERT INTO articles (id, sha256, text, record, added_at) VALUES (?, ?, ?, '{}', '')",
                (article_id, record["source"]["sha256"], record["text"]),
            )
            linked = linker.link(article_id, record)
            assert set(linked) == {entity["id"] for entity in record["entities"]}
    zelenskyy = linker.people_named("Volodymyr Zelenskyy")
    assert len(zelenskyy) == 1
    for name in ("Zelensky", "zelenskyy", "ZELENSKIY", str(zelenskyy[0])):
        assert linker.people_named(name) == zelenskyy
    assert linker.people_named("Trump") == linker.people_named("Donald Trump")
    assert linker.people_named("Nobody Known") == []


def test_a_rolled_back_transaction_leaves_the_linker_nothing_to_remember(tmp_path):
    db = SQLiteBackend(tmp_path / "corpus.db")
    linker = PersonLinker(db)
    try:
        with db.transaction():
            db.execute(
                "INSERT INTO articles (id, sha256, text, record, added_at) VALUES (1, 'a', '', '{}', '')"
            )
            linker.link(1, RECORDS[0])
            raise RuntimeError("the article could not be stored")
    except RuntimeError:
        linker.forget()
    with db.transaction():
        db.execute("INSERT INTO articles (id, sha256, text, record, added_at) VALUES (1, 'a', '', '{}', '')")
        linked = linker.link(1, RECORDS[0])
    assert db.scalar("SELECT count(*) FROM people") == len(linked) == 2


def person_record(sha256: str, names: list[str]) -> dict:
    entities = [
        {"id": f"E{i}", "name": name, "type": "PERSON", "mentions": [{"text": name}]}
        for i, name in enumerate(names)
    ]
    return {
        "source": {"sha256": sha256, "path": None, "format": "text"},
        "text": " ".join(names),
        "headline": None,
        "published": None,
        "entities": entities,
        "quotes": [],
        "events": [],
    }


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("postgres_url")


def test_two_writers_on_one_corpus_link_a_surname_to_the_person_the_other_stored(db_url):
    """Two ingests into one corpus at once: each writer sees the people the other stored."""
    from whosaidwhat.store import open_store

    first, second = open_store(db_url), open_store(db_url)
    first.add(person_record("a", ["Olive Oduya"]))  # the first writer now knows the people under "O"
    second.add(person_record("b", ["Barack Obama"]))
    first.add(person_record("c", ["Obama"]))
    assert [row["name"] for row in first.db.rows("SELECT name FROM people ORDER BY id")] == [
        "Olive Oduya",
        "Barack Obama",
    ]
    assert first.person("Obama")["name"] == "Barack Obama"
