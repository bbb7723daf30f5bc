"""Ingest on Ray Data (a local Ray instance): the same records as a local run, through shards."""

from __future__ import annotations

import json

import pytest
from newsfiles import html_page
from test_same_corpus import dump

from whosaidwhat.ingest import Ingest
from whosaidwhat.store import open_store

ray = pytest.importorskip("ray")


@pytest.fixture
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_ingest_stores_what_a_local_ingest_stores(tmp_path, local_ray, nlp):
    from whosaidwhat.ingest.scale import ray_ingest

    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(4):
        (pages / f"{number}.html").write_bytes(html_page(number))
    (pages / "menu.html").write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    shards = tmp_path / "shards"

    with open_store(str(tmp_path / "ray.db")) as on_ray, open_store(str(tmp_path / "local.db")) as local:
        summary = ray_ingest([str(pages)], on_ray, workers=2, shard_dir=str(shards), batch_size=1)
        Ingest(local).run([str(pages)])
        assert (summary.stored, summary.failed) == (4, 1)
        assert any(shard.suffix == ".parquet" for shard in shards.iterdir())
        stored = "SELECT path FROM articles ORDER BY id"
        assert [a["path"] for a in on_ray.db.rows(stored)] == [a["path"] for a in local.db.rows(stored)]
        assert on_ray.counts()["quotes"] == local.counts()["quotes"]
        assert on_ray.failures()[0]["reason"] == local.failures()[0]["reason"]

        again = ray_ingest([str(pages)], on_ray, workers=2, shard_dir=str(tmp_path / "more"))
        assert (again.stored, again.skipped) == (0, 4)
    assert dump(tmp_path / "ray.db") == dump(tmp_path / "local.db")  # every table, row for row


def test_inputs_go_to_ray_a_batch_at_a_time(tmp_path, local_ray, monkeypatch):
    import whosaidwhat.readers.items as items
    from whosaidwhat.ingest.ledger import READ_AHEAD, Ledger
    from whosaidwhat.ingest.scale import put_blocks
    from whosaidwhat.readers import iter_items

    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(40):
        (pages / f"{number:02d}.html").write_bytes(html_page(number))
    read, puts = [], []
    file_items, put = items.file_items, ray.put
    monkeypatch.setattr(
        items, "file_items", lambda path, max_bytes: read.append(path) or file_items(path, max_bytes)
    )
    monkeypatch.setattr(ray, "put", lambda table: puts.append((table.num_rows, len(read))) or put(table))

    with open_store(str(tmp_path / "c.db")) as store:
        blocks = put_blocks(Ledger(store).new_batches(iter_items([str(pages)]), batch_size=8))

    assert [rows for rows, _ in puts] == [8, 8, 8, 8, 8]
    assert puts[0][1] == READ_AHEAD < 40, "the first block went to Ray before the last input was read"
    tables = [ray.get(block) for block in blocks]
    assert sorted(path for table in tables for path in table.column("path").to_pylist()) == sorted(read)


def test_shards_are_read_back_from_a_uri(tmp_path, nlp):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from newsfiles import article

    from whosaidwhat.extract import extract
    from whosaidwhat.ingest.analysis import Stored
    from whosaidwhat.ingest.ledger import Ledger
    from whosaidwhat.ingest.scale import load_shards, shard_row
    from whosaidwhat.readers import Failure, read_bytes

    page = "https://news.example.org/1"
    stored = shard_row(Stored(page, extract(read_bytes(html_page(1), path=page), nlp).to_dict()))
    failed = shard_row(Failure("https://news.example.org/2", "no article text found in the HTML page"))
    shards = tmp_path / "shards"
    shards.mkdir()
    pq.write_table(pa.Table.from_pylist([stored]), shards / "1.parquet")
    (shards / "2.json").write_text(json.dumps(failed) + "\n", encoding="utf-8")

    with open_store(str(tmp_path / "c.db")) as store:
        ledger = Ledger(store)
        load_shards(shards.as_uri(), ledger)
        assert (ledger.summary.stored, ledger.summary.failed) == (1, 1)
        assert [a["headline"] for a in store.articles()] == [article(1)[0]]
        assert [f["path"] for f in store.failures()] == ["https://news.example.org/2"]


def test_shards_are_stored_in_the_order_the_inputs_were_handed_out_whatever_their_names(tmp_path, nlp):
    """Ray names its shard files by its own ways; the articles go in by their input position,
    as a local ingest stores them, so surnames link to the same people."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from whosaidwhat.extract import extract
    from whosaidwhat.ingest.analysis import Stored
    from whosaidwhat.ingest.ledger import Ledger
    from whosaidwhat.ingest.scale import load_shards, shard_row
    from whosaidwhat.readers import read_bytes

    rows = []
    for order, number in enumerate(range(4)):
        page = f"https://news.example.org/{number}"
        record = extract(read_bytes(html_page(number), path=page), nlp).to_dict()
        rows.append(shard_row(Stored(page, record), order))
    shards = tmp_path / "shards"
    shards.mkdir()
    pq.write_table(pa.Table.from_pylist([rows[3], rows[2]]), shards / "a_000000.parquet")
    pq.write_table(pa.Table.from_pylist([rows[1], rows[0]]), shards / "b_000001.parquet")

    with open_store(str(tmp_path / "c.db")) as store:
        load_shards(str(shards), Ledger(store))
        stored = [row["path"] for row in store.db.rows("SELECT path FROM articles ORDER BY id")]
    assert stored == [f"https://news.example.org/{number}" for number in range(4)]
