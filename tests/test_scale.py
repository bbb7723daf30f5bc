"""Ingest on Ray Data (a local Ray instance): the same records as a local run, through shards."""

from __future__ import annotations

import pytest
from newsfiles import html_page

from whosaidwhat.ingest import Ingest
from whosaidwhat.store import open_store

ray = pytest.importorskip("ray")


@pytest.fixture
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_ingest_stores_what_a_local_ingest_stores(tmp_path, local_ray, nlp):
    from whosaidwhat.scale import ray_ingest

    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(4):
        (pages / f"{number}.html").write_bytes(html_page(number))
    (pages / "menu.html").write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    shards = tmp_path / "shards"

    with open_store(str(tmp_path / "ray.db")) as on_ray, open_store(str(tmp_path / "local.db")) as local:
        summary = ray_ingest([str(pages)], on_ray, workers=2, shard_dir=str(shards))
        Ingest(local).run([str(pages)])
        assert (summary.stored, summary.failed) == (4, 1)
        assert any(shard.suffix == ".parquet" for shard in shards.iterdir())
        assert sorted(a["path"] for a in on_ray.articles()) == sorted(a["path"] for a in local.articles())
        assert on_ray.counts()["quotes"] == local.counts()["quotes"]
        assert on_ray.failures()[0]["reason"] == local.failures()[0]["reason"]

        again = ray_ingest([str(pages)], on_ray, workers=2, shard_dir=str(tmp_path / "more"))
        assert (again.stored, again.skipped) == (0, 4)
