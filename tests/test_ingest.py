"""Ingest: nothing lost, nothing doubled, failures recorded, on SQLite and PostgreSQL.

The corpus is generated WARC archives, a feed and HTML pages, with one input of each
kind of damage. The key test kills an ingest with SIGKILL while it writes, reruns it,
and checks that every article is stored exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from newsfiles import (
    html_page,
    rss_item,
    write_malformed_warc,
    write_non_utf8_name,
    write_rss,
    write_truncated_warc_gz,
    write_warc,
)

from whosaidwhat.cli import main
from whosaidwhat.ingest import Ingest
from whosaidwhat.ingest.ledger import Ledger
from whosaidwhat.readers import iter_items
from whosaidwhat.store import open_store

#: Readable articles in the generated corpus, and the inputs that must fail.
GOOD_ARTICLES = 13
FAILURES = 4


def build_corpus(root: Path) -> Path:
    """13 readable articles in WARC, WARC.gz, RSS and HTML, and 4 damaged inputs.

    The feed's last entry links to ``page13.html``, also given as a file: one article.
    """
    root.mkdir()
    write_warc(root / "a.warc.gz", [0, 1, 2])
    write_warc(root / "b.warc", [6, 7], gzipped=False)
    (root / "page13.html").write_bytes(html_page(13))
    write_rss(
        root / "news.rss",
        [
            rss_item(10),
            rss_item(11),
            rss_item(12),
            rss_item(30, with_content=False),
            rss_item(31, with_content=False, link="page13.html"),
        ],
    )
    write_truncated_warc_gz(root / "c.warc.gz", [14, 15, 16])
    write_malformed_warc(root / "d.warc", [17, 18])
    (root / "menu.html").write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    return root


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("postgres_url")


def ingest_command(corpus: Path, db: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from whosaidwhat.cli import main; main()",
        "ingest",
        str(corpus),
        "--db",
        db,
    ]


def stored_articles(db: str) -> int:
    with open_store(db) as store:
        return store.counts()["articles"]


def test_an_ingest_killed_midway_and_rerun_stores_every_article_once(tmp_path, db_url):
    corpus = build_corpus(tmp_path / "corpus")
    open_store(db_url).close()
    first = subprocess.Popen(
        ingest_command(corpus, db_url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while stored_articles(db_url) < 3 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert first.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 3 <= stored_articles(db_url) < GOOD_ARTICLES

    rerun = subprocess.run(ingest_command(corpus, db_url), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    again = subprocess.run(ingest_command(corpus, db_url), capture_output=True, text=True, timeout=300)
    assert "stored 0," in again.stderr

    with open_store(db_url) as store:
        counts = store.counts()
        articles = store.articles(limit=1000)
        assert counts["articles"] == GOOD_ARTICLES
        assert len({a["path"] for a in articles}) == GOOD_ARTICLES
        assert counts["quotes"] == sum(len(store.article(a["id"])["quotes"]) for a in articles)
        assert counts["failures"] == FAILURES


def test_failures_are_listed_with_their_reason(tmp_path, nlp):
    corpus = build_corpus(tmp_path / "corpus")
    db = str(tmp_path / "corpus.db")
    with open_store(db) as store:
        summary = Ingest(store).run(
            [
                str(corpus / "c.warc.gz"),
                str(corpus / "d.warc"),
                str(corpus / "menu.html"),
                str(corpus / "news.rss"),
                str(tmp_path / "absent.txt"),
            ]
        )
    assert (summary.stored, summary.failed) == (2 + 2 + 4, 5)
    result = CliRunner().invoke(main, ["failures", "--db", db, "--format", "json"])
    reasons = {Path(row["path"]).name: row["reason"] for row in json.loads(result.output)}
    assert "truncated" in reasons["c.warc.gz"]
    assert "malformed" in reasons["d.warc"]
    assert "no article text" in reasons["menu.html"]
    assert "no content" in reasons["news.rss#4"]
    assert "no such file" in reasons["absent.txt"]


def test_worker_processes_store_the_same_articles(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(4):
        (pages / f"{number}.html").write_bytes(html_page(number))
    with open_store(str(tmp_path / "one.db")) as one, open_store(str(tmp_path / "two.db")) as two:
        Ingest(one, workers=1).run([str(pages)])
        summary = Ingest(two, workers=2).run([str(pages)])
        assert summary.stored == 4
        assert sorted(a["path"] for a in one.articles()) == sorted(a["path"] for a in two.articles())
        assert one.counts()["quotes"] == two.counts()["quotes"]


def test_standard_input_is_ingested_like_a_file(tmp_path, nlp):
    db = str(tmp_path / "corpus.db")
    result = CliRunner().invoke(main, ["ingest", "-", "--db", db], input=html_page(3))
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        (stored,) = store.articles()
        assert stored["path"] is None
        assert store.article(stored["id"])["source"]["format"] == "html"
    empty = CliRunner().invoke(main, ["ingest", "-", "--db", db], input=b"")
    assert "failed: <stdin>: empty file" in empty.stderr


def test_a_file_name_that_is_not_utf8_is_stored_escaped(tmp_path, nlp):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.html").write_bytes(html_page(1))
    write_non_utf8_name(pages, html_page(2).decode())
    (pages / os.fsdecode(b"empty\xff.txt")).write_bytes(b"")
    with open_store(str(tmp_path / "c.db")) as store:
        summary = Ingest(store).run([str(pages)])
        assert (summary.stored, summary.failed) == (2, 1)
        assert sorted(a["path"] for a in store.articles()) == [
            f"{pages}/bad\\xff\\xfename.txt",
            str(pages / "page.html"),
        ]
        assert [f["path"] for f in store.failures()] == [f"{pages}/empty\\xff.txt"]


def test_an_ingest_where_every_input_failed_exits_1(tmp_path):
    db = str(tmp_path / "corpus.db")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "absent.txt"), "--db", db]
    )
    assert result.exit_code == 1
    assert "stored 0, skipped 0, failed 2" in result.stderr


def test_an_ingest_with_some_articles_exits_0_despite_failures(tmp_path, nlp):
    db = str(tmp_path / "corpus.db")
    (tmp_path / "page.html").write_bytes(html_page(1))
    inputs = [str(tmp_path / "page.html"), str(tmp_path / "absent.txt"), "--db", db]
    first = CliRunner().invoke(main, ["ingest", *inputs])
    assert first.exit_code == 0 and "stored 1, skipped 0, failed 1 in" in first.stderr
    again = CliRunner().invoke(main, ["ingest", *inputs])
    assert again.exit_code == 0 and "stored 0, skipped 1, failed 1 in" in again.stderr


def test_the_environment_names_the_default_database(tmp_path, monkeypatch):
    monkeypatch.setenv("WHOSAIDWHAT_DB", str(tmp_path / "env.db"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["failures", "--format", "csv"])
    assert result.exit_code == 0
    assert os.path.exists(tmp_path / "env.db") and not os.path.exists(tmp_path / "corpus.db")


def test_the_ingest_process_is_one_of_the_workers(tmp_path, monkeypatch):
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(8):
        (pages / f"{number}.html").write_bytes(html_page(number))
    here = []
    analyse_here = Ingest.analyse_here
    monkeypatch.setattr(
        Ingest, "analyse_here", lambda self, batch: here.append(batch) or analyse_here(self, batch)
    )
    with open_store(str(tmp_path / "two.db")) as store:
        summary = Ingest(store, workers=2, batch_size=1).run([str(pages)])
        assert summary.stored == 8 and store.counts()["articles"] == 8
    assert 1 <= len(here) < 8, "the ingest process and the worker process each analysed a share"


def test_articles_are_batched_longest_first_each_content_once(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for number, words in enumerate([40, 400, 4, 120]):
        (texts / f"{number}.txt").write_text("The minister spoke. " * words, encoding="utf-8")
    (texts / "copy.txt").write_text("The minister spoke. " * 120, encoding="utf-8")
    with open_store(str(tmp_path / "c.db")) as store:
        ledger = Ledger(store)
        batches = list(ledger.new_batches(iter_items([str(texts)]), batch_size=2))
    sizes = [len(item.data) for batch in batches for item in batch]
    assert [len(batch) for batch in batches] == [2, 2]
    assert sizes == sorted(sizes, reverse=True)
    assert ledger.summary.skipped == 1, "the copy of an article in the same run is skipped"
