"""The service as an attacker meets it: other sites' host names, huge searches, bad parameters,
odd bodies; every answer carries the same security headers and reveals no server path."""

from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from test_service_api import corpus_records

from whosaidwhat.cli import main
from whosaidwhat.cli.serve import tune_malloc
from whosaidwhat.service.app import create_app
from whosaidwhat.service.extraction import Extractor
from whosaidwhat.service.security import allowed_hosts, host_name, public_path
from whosaidwhat.store import open_store
from whosaidwhat.store.sqlite import SQLiteBackend

SECRET_DIR = "/srv/newsroom/private/2025"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """The API tests' corpus, the first article read from a file in a private directory."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    records = corpus_records()
    records[0]["source"]["path"] = f"{SECRET_DIR}/harbour-bridge.txt"
    records[0]["source"].pop("url", None)  # read from a file alone: the page can name only the file
    records[1]["source"]["path"] = "https://news.example.org/budget?id=7"
    with open_store(str(path)) as store:
        ids = [store.add(record)[0] for record in records]
    return {"path": str(path), "ids": ids}


@pytest.fixture(scope="module")
def client(corpus):
    app = create_app(corpus["path"], max_bytes=4_000, hosts=allowed_hosts("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as client:
        yield client


# --- the Host header ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST.", "[::1]:8000", "127.0.0.1"]
)
def test_a_loopback_server_answers_to_this_machine_s_names(client, host):
    assert client.get("/api/counts", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host",
    [
        "evil.example.com",
        "evil.example.com:8000",
        "127.0.0.1.evil.example",
        "",
        "[localhost]evil.example.com",
        "[::1].evil.example",
        "[::1]:8000evil",
        "localhost:80:80",
        "localhost:port",
        "local host",
        "[::1",
        "[evil.example]",
    ],
)
def test_a_loopback_server_refuses_other_host_names(client, host):
    response = client.get("/api/counts", headers={"host": host})
    assert response.status_code == 400
    assert "is not this server" in response.text
    assert response.headers["x-content-type-options"] == "nosniff"


def test_host_names_are_compared_without_port_brackets_case_or_final_dot():
    assert [host_name(h) for h in ("[::1]:80", "LocalHost.:8000", "example.org")] == [
        "::1",
        "localhost",
        "example.org",
    ]
    assert host_name("[localhost]evil.example.com") is None  # malformed: no name at all
    assert allowed_hosts("::1") == allowed_hosts("[::1]")  # a listening address, with or without brackets
    assert allowed_hosts("0.0.0.0") is None  # listening on the network: any name reaches it anyway
    assert "proxy.example.org" in allowed_hosts("127.0.0.1", ["proxy.example.org"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_on_loopback_refuses_a_rebound_host_name(corpus):
    port = free_port()
    command = [str(Path(sys.executable).parent / "whosaidwhat"), "serve", "--db", corpus["path"]]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--allow-host", "news.internal"], stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}/api/counts"
        for _ in range(100):
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert httpx.get(url).status_code == 200
        assert httpx.get(url, headers={"host": "news.internal"}).status_code == 200
        assert httpx.get(url, headers={"host": "evil.example.com"}).status_code == 400
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_serve_shares_a_few_malloc_arenas_among_its_threads():
    """A long-running server's memory stays near its working size instead of one arena per thread."""
    assert tune_malloc() is True


#: Run in a fresh interpreter: a worker thread builds large answers, 600 KB each, 50 at once, each
#: followed by a small block that outlives it (as a cache entry or a connection's buffer does), then
#: lets the large ones go. Prints how many MB the process holds then more than before.
LARGE_ANSWERS = """
import sys, threading
from whosaidwhat.cli.serve import tune_malloc

def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024

if sys.argv[1] == "tuned":
    assert tune_malloc()
kept = []

def answer_large_requests():
    del bytearray(600_000)[:]  # a first large answer, freed
    answers = []
    for index in range(50):
        answers.append(bytearray(600_000))  # zeroed: its pages are touched
        kept.append(bytearray(2000))
    answers.clear()

before = rss_mb()
worker = threading.Thread(target=answer_large_requests)
worker.start()
worker.join()
print(round(rss_mb() - before))
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_serve_gives_back_the_memory_of_large_answers_once_sent():
    """30 MB of answers built at once and freed leave the server's resident memory where it was,
    though small blocks allocated between them are still in use."""
    held = subprocess.run(
        [sys.executable, "-c", LARGE_ANSWERS, "tuned"], capture_output=True, text=True, check=True
    )
    assert int(held.stdout) < 5


# --- headers on every answer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/api/counts",
        "/api/articles/999999",
        "/api/quotes?limit=0",
        "/static/reader.css",
        "/static/nothing.css",
        "/openapi.json",
        "/docs",
        "/no/such/page",
        "/search?q=%22open",
    ],
)
def test_every_answer_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"


def test_a_server_error_carries_the_security_headers_too(corpus, monkeypatch):
    app = create_app(corpus["path"])
    monkeypatch.setattr(app.state.stores, "get", lambda: 1 / 0)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/counts")
    assert response.status_code == 500
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_there_is_no_docs_page_loading_script_from_elsewhere(client):
    for path in ("/docs", "/redoc"):
        response = client.get(path)
        assert response.status_code == 404
        assert "cdn" not in response.text
    assert client.get("/openapi.json").json()["paths"]


# --- pages answer bad parameters with a page ---------------------------------------------------


@pytest.mark.parametrize(
    "path, named",
    [
        ("/?offset=-1", "offset"),
        ("/?offset=many", "offset"),
        ("/articles/0", "article_id"),
        ("/articles/first", "article_id"),
        ("/search?q=harbour&since=yesterday", "since"),
    ],
)
def test_a_page_given_a_bad_parameter_answers_with_a_readable_page(client, path, named):
    response = client.get(path)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert 'class="error"' in response.text and named in response.text
    assert "--" not in response.text.split('class="error"')[1].split("</p>")[0]  # no command-line flag


# --- no server path ----------------------------------------------------------------------------


def test_the_reader_and_the_api_name_a_file_by_its_name_alone(client, corpus):
    first, second = corpus["ids"][:2]
    for path in ("/", f"/articles/{first}", f"/api/articles/{first}", "/api/articles"):
        text = client.get(path).text
        assert SECRET_DIR not in text
    assert client.get(f"/api/articles/{first}").json()["source"]["path"] == "harbour-bridge.txt"
    assert "harbour-bridge.txt" in client.get(f"/articles/{first}").text
    assert (
        client.get(f"/api/articles/{second}").json()["source"]["path"].startswith("https://news.example.org/")
    )


def test_public_paths_keep_urls_and_file_names():
    assert public_path("C:\\Users\\ed\\news\\story.html") == "story.html"
    assert public_path("relative/dir/story.txt") == "story.txt"
    assert public_path("https://example.org/a/b.html") == "https://example.org/a/b.html"
    assert public_path(None) is None


# --- huge searches --------------------------------------------------------------------------------


@pytest.fixture
def no_sql(monkeypatch):
    """Every statement sent to the corpus fails: a refusal must come before any SQL is run."""

    def refuse(self, sql, params=()):
        raise AssertionError(f"the query reached SQL: {sql[:60]}")

    monkeypatch.setattr(SQLiteBackend, "execute", refuse)


@pytest.mark.parametrize("words", ["the ", "a* "])
@pytest.mark.parametrize("path", ["/api/search", "/api/articles", "/search", "/"])
def test_a_huge_search_is_refused_with_the_limit_before_any_sql(client, no_sql, path, words):
    response = client.get(path, params={"q": words * 4000})
    assert response.status_code == 400
    assert "at most 1,000 characters" in response.text


def test_the_search_command_refuses_a_huge_search_before_any_sql(corpus, no_sql):
    result = CliRunner().invoke(main, ["search", "the " * 4000, "--db", corpus["path"]])
    assert result.exit_code == 2
    assert "at most 1,000 characters" in result.stderr and result.stderr.count("\n") == 1


# --- POST /api/extract -------------------------------------------------------------------------


def test_extract_reads_a_body_in_a_legacy_encoding_and_says_which(client):
    text = "Café owners protest\nThe café owners of the old town said the new rules would ruin them.\n"
    response = client.post(
        "/api/extract", content=text.encode("cp1252"), headers={"content-type": "text/plain"}
    )
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["text"] == text
    assert response.headers["x-detected-charset"] == "cp1252"
    assert any("not UTF-8" in warning and "cp1252" in warning for warning in record["warnings"])


def test_extraction_runs_in_a_worker_process_replaced_after_a_few_articles():
    extractor = Extractor(max_bytes=10_000, per_worker=2)
    text = b"Ferries\nThe ferry company said fares would rise on Monday, its director said.\n"
    try:
        workers = []
        for _ in range(3):
            assert extractor(text)["schema"] == "whosaidwhat.article/1"
            workers.append(extractor.last_worker)
    finally:
        extractor.close()
    assert os.getpid() not in workers
    assert workers[0] == workers[1] != workers[2]


# --- memory -------------------------------------------------------------------------------------


def test_the_connection_of_an_ended_worker_thread_is_closed(corpus):
    from whosaidwhat.service.stores import StorePerThread

    stores = StorePerThread(corpus["path"])
    for _ in range(5):  # the thread pool ends idle threads and starts new ones
        thread = threading.Thread(target=lambda: stores.get().counts())
        thread.start()
        thread.join()
    stores.get()
    assert stores.open_count() == 1
    stores.close()


def test_the_server_answers_from_a_fixed_number_of_threads(corpus):
    """Each thread holds a store connection: a fixed number keeps the memory of a busy server flat."""
    from anyio import to_thread

    from whosaidwhat.service.app import WORKER_THREADS

    with TestClient(create_app(corpus["path"]), base_url="http://127.0.0.1") as client:
        tokens = client.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens)
        assert client.get("/api/counts").status_code == 200
    assert tokens == WORKER_THREADS < 40
