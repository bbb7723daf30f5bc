"""The same folder gives the same corpus, row for row, however it is ingested.

Who a name is linked to depends on the people stored before it ("Smith" joins the Smith
already known), so articles are stored in one order whatever the number of worker
processes (two ingests into one corpus at once seeing each other's people is
tests/test_store_linking.py's two-writers test, driven step by step).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from whosaidwhat.store import open_store

ARTICLES = [
    'Anna Smith, the harbour master, said the port would reopen in May. "We are ready," Smith said.',
    "Tom Smith, a fisherman, said the harbour had been closed too long. Smith added that boats were idle.",
    "Smith said on Tuesday that the harbour fees would rise. The council did not comment.",
    'Barack Obama spoke at the library. "Reading matters," Obama said to the children.',
    "Obama said the library would get new books. Michelle Obama said she would read to the children.",
    "The mayor, Lina Holt, said the bridge would open. Holt added that the money was there.",
    'Governor Paul Adeyemi said the bridge was unsafe. "It will not open," Adeyemi said.',
    "Holt and Adeyemi met on Friday. Holt said they agreed on nothing. Adeyemi said that was unfair.",
    "Ruth Marten said the school would close early. Marten said parents had been told.",
    'Peter Marsden said the school had no heating. "It is too cold," Marsden said on Monday.',
    "Mrs Obama said the children loved the new books. Smith said the harbour was busy again.",
    "Adeyemi said the governor's office would pay for the repairs. Ms Holt said she was glad.",
]

#: The columns holding the time each row was written, the one thing two ingests differ in.
WRITE_TIMES = {"added_at", "at"}


def tables(store) -> dict[str, list[str]]:
    """Every table of a corpus (but the schema version and the search index) and its columns
    but :data:`WRITE_TIMES`, read from the corpus itself so a new column is compared too."""
    names = [
        row["name"]
        for row in store.db.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if row["name"] != "meta" and "_fts" not in row["name"] and not row["name"].startswith("sqlite_")
    ]
    return {
        name: [c["name"] for c in store.db.rows(f"PRAGMA table_info({name})") if c["name"] not in WRITE_TIMES]
        for name in names
    }


def write_folder(root: Path) -> Path:
    root.mkdir()
    for number, text in enumerate(ARTICLES):
        (root / f"article{number:02}.txt").write_text(f"News {number}\n{text}\n", encoding="utf-8")
    return root


def ingest(folder: Path, db: Path, workers: int = 1) -> subprocess.Popen:
    command = [str(Path(sys.executable).parent / "whosaidwhat"), "ingest", str(folder), "--db", str(db)]
    return subprocess.Popen([*command, "--workers", str(workers)], stderr=subprocess.PIPE)


def finished(*runs: subprocess.Popen) -> None:
    for run in runs:
        _, errors = run.communicate()
        assert run.returncode == 0, errors.decode()


def dump(db: Path) -> dict[str, list[tuple]]:
    with open_store(str(db)) as store:
        return {
            table: [
                tuple(row.values())
                for row in store.db.rows(
                    f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}"
                )
            ]
            for table, columns in tables(store).items()
        }


def tables_of(db: Path) -> dict[str, list[str]]:
    with open_store(str(db)) as store:
        return tables(store)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_folder(tmp_path_factory.mktemp("same") / "news")


def test_two_ingests_of_a_folder_give_the_same_corpus_with_one_or_two_workers(folder, tmp_path):
    runs = [ingest(folder, tmp_path / "first.db"), ingest(folder, tmp_path / "second.db", workers=2)]
    finished(*runs)
    finished(ingest(folder, tmp_path / "third.db"))
    first, second, third = (dump(tmp_path / f"{name}.db") for name in ("first", "second", "third"))
    assert {"url", "outlet"} <= set(tables_of(tmp_path / "first.db")["articles"])
    assert {"quote_key", "speaker_gender", "said_on"} <= set(tables_of(tmp_path / "first.db")["quotes"])
    assert len(first["articles"]) == len(ARTICLES)
    assert len(first["quotes"]) >= len(ARTICLES)
    assert first == second
    assert first == third


def test_batches_finished_out_of_order_are_stored_in_the_order_handed_out():
    from whosaidwhat.ingest.local import InOrder

    stored = []
    order = InOrder(stored.append)
    order.put(2, ["e", "f"])
    order.put(0, ["a", "b"])
    assert stored == ["a", "b"]
    order.put(1, ["c", "d"])
    assert stored == ["a", "b", "c", "d", "e", "f"]
    assert not order.waiting
