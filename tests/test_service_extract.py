"""``POST /api/extract`` under load: a bounded queue that holds no server thread, and a time limit
after which the worker process is replaced. A stand-in for the analysis waits for a file."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import anyio
import httpx
import pytest
from anyio import to_thread

from whosaidwhat.errors import AnalysisTimedOut
from whosaidwhat.service.app import create_app
from whosaidwhat.service.extraction import Extractor
from whosaidwhat.store import open_store

#: A guard against a hang, not a measure: every step below takes a fraction of it.
HANG = 60


def wait_for_file(data: bytes, max_bytes: int) -> tuple[dict, int]:
    """A slow analysis: done once the file named in the body exists."""
    path = Path(data.decode())
    while not path.exists():
        time.sleep(0.02)
    return {"schema": "whosaidwhat.article/1", "text": path.name, "warnings": []}, os.getpid()


def never_done(data: bytes, max_bytes: int) -> tuple[dict, int]:
    time.sleep(3600)
    raise AssertionError("unreachable")


def quick(data: bytes, max_bytes: int) -> tuple[dict, int]:
    return {"schema": "whosaidwhat.article/1", "text": data.decode(), "warnings": []}, os.getpid()


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.mark.anyio
async def test_queued_articles_hold_no_server_thread_and_too_many_are_refused(tmp_path):
    open_store(str(tmp_path / "corpus.db")).close()
    app = create_app(str(tmp_path / "corpus.db"))
    extractor = app.state.extractor
    extractor.task = wait_for_file
    extractor._admitted = type(extractor._admitted)(1 + 3)  # one analysed, three waiting
    done = tmp_path / "done"
    limiter = to_thread.current_default_thread_limiter()
    tokens, limiter.total_tokens = limiter.total_tokens, 2
    transport = httpx.ASGITransport(app=app)
    safety = threading.Timer(HANG, done.touch)  # frees the stand-ins should the test fail
    safety.start()
    answers: list[httpx.Response] = []
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:

            async def post() -> None:
                answers.append(await client.post("/api/extract", content=str(done).encode()))

            with anyio.fail_after(HANG):
                async with anyio.create_task_group() as group:
                    for _ in range(4):
                        group.start_soon(post)
                    while extractor._admitted._value:  # until all four are admitted
                        await anyio.sleep(0.02)
                    refused = await client.post("/api/extract", content=str(done).encode())
                    counts = await client.get("/api/counts")  # needs a thread while four extracts wait
                    done.touch()
    finally:
        safety.cancel()
        limiter.total_tokens = tokens
        extractor.close()
    assert refused.status_code == 503 and refused.headers["retry-after"].isdigit()
    assert "waiting" in refused.json()["detail"]
    assert counts.status_code == 200
    assert [answer.status_code for answer in answers] == [200] * 4


def test_an_article_analysed_too_long_is_given_up_and_its_worker_replaced():
    extractor = Extractor(max_bytes=1_000, seconds=HANG, task=quick)  # starting a worker takes a while
    try:
        extractor(b"first")
        first = extractor.last_worker
        extractor.task, extractor.seconds = never_done, 1.0
        with pytest.raises(AnalysisTimedOut, match="took more than 1 s"):
            extractor(b"second")
        extractor.task, extractor.seconds = quick, HANG
        assert extractor(b"third")["text"] == "third"
        assert extractor.last_worker != first
    finally:
        extractor.close()
    with pytest.raises(ProcessLookupError):
        os.kill(first, 0)


def test_the_api_answers_504_when_an_article_takes_too_long(tmp_path):
    from fastapi.testclient import TestClient

    open_store(str(tmp_path / "corpus.db")).close()
    app = create_app(str(tmp_path / "corpus.db"))
    app.state.extractor.task, app.state.extractor.seconds = never_done, 1.0
    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.post("/api/extract", content=b"Ferries\nThe ferry runs.")
    assert response.status_code == 504
    assert "took more than 1 s" in response.json()["detail"]
