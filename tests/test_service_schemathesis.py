"""The API keeps its OpenAPI promise for generated requests: no 500s, answers match the schema.

Schemathesis reads ``/openapi.json`` from the app itself and sends a bounded number of
generated requests per operation through ASGI, over a SQLite corpus of test articles.
The app opens its store on the first request, so the corpus is filled by a fixture
after the schema is loaded at import time.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks
from test_service_api import corpus_records

from whosaidwhat.service.app import create_app
from whosaidwhat.store import open_store

EXAMPLES_PER_OPERATION = 25
CORPUS = Path(tempfile.mkdtemp(prefix="whosaidwhat-schemathesis-")) / "corpus.db"

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(CORPUS), max_bytes=4_000))


@pytest.fixture(scope="module", autouse=True)
def corpus():
    store = open_store(str(CORPUS))
    for record in corpus_records():
        store.add(record)
    store.close()
    yield
    shutil.rmtree(CORPUS.parent, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_openapi_document(case):
    # A search's syntax and an article's text are judged by the app, not by the schema:
    # a well-typed but malformed search rightly gets 400, and any text is an article.
    excluded = [checks.positive_data_acceptance]
    if case.operation.path == "/api/extract":
        excluded.append(checks.negative_data_rejection)
    case.call_and_validate(excluded_checks=excluded)
