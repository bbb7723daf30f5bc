"""The web service: a JSON API under ``/api`` (OpenAPI at ``/openapi.json``) and a reader for people.

``create_app(store_url)`` builds the app over one corpus (:func:`whosaidwhat.store.open_store`).
Pages (:mod:`whosaidwhat.service.pages`) are rendered server-side with Jinja2 and need no script from
elsewhere; every response carries a Content-Security-Policy allowing only this server's own
scripts and styles (:mod:`whosaidwhat.service.security`). FastAPI's interactive ``/docs``
and ``/redoc`` pages are off: they load their scripts from a CDN and run inline script,
which that policy forbids; ``/openapi.json`` describes the API.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated

from anyio import to_thread
from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from whosaidwhat import __version__
from whosaidwhat.errors import (
    AnalysisTimedOut,
    AnalysisUnavailable,
    ExtractorBusy,
    QueryError,
    WhosaidwhatError,
)
from whosaidwhat.readers import MAX_BYTES
from whosaidwhat.record import ArticleRecord
from whosaidwhat.service import overview, pages
from whosaidwhat.service.extraction import NOT_UTF8, Extractor
from whosaidwhat.service.models import (
    ArticleSummary,
    Counts,
    PersonTimeline,
    Problem,
    QuoteRow,
    SpeakerRow,
    StoredArticle,
)
from whosaidwhat.service.pages import MAX_ID, PAGE_SIZE, error_page, page
from whosaidwhat.service.security import (
    SECURITY_HEADERS,
    SecureResponses,
    public_record,
    public_rows,
)
from whosaidwhat.service.stores import StorePerThread

logger = logging.getLogger(__name__)

MAX_LIMIT = 500
#: Threads answering requests at once, each with its own store connection (and page cache). A
#: fixed number keeps the server's memory flat: a latency spike would otherwise have the thread
#: pool start more threads (up to 40) and each open a connection. Requests past it wait their turn.
#: Four: the queries leave the interpreter while SQLite reads, so four keep two cores busy, and
#: each more thread adds a page cache and, under a burst, one more large answer built at once.
WORKER_THREADS = 4
BAD_REQUEST = {400: {"model": Problem, "description": "malformed query"}}
#: Seconds a client is asked to wait before sending an article again when too many are waiting.
RETRY_AFTER = 30
NOT_FOUND = {404: {"model": Problem, "description": "no such item"}}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most rows to return")]
DateFilter = Annotated[
    str | None,
    Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="a day, YYYY-MM-DD", examples=["2024-10-03"]),
]


def create_app(store_url: str, *, max_bytes: int = MAX_BYTES, hosts: Sequence[str] | None = None) -> FastAPI:
    """The service over the corpus at ``store_url`` (a SQLite path or a ``postgresql://`` URL).

    ``max_bytes`` bounds the body of ``POST /api/extract``; ``hosts``, if given, are the only
    ``Host`` names answered (see :func:`~whosaidwhat.service.security.allowed_hosts`).
    """
    stores = StorePerThread(store_url)
    extractor = Extractor(max_bytes)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield
        stores.close()
        extractor.close()

    app = FastAPI(
        title="whosaidwhat",
        version=__version__,
        description="Who said what, to whom, when and where: news articles, their quotes and people.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(SecureResponses, hosts=frozenset(hosts) if hosts is not None else None)
    app.state.stores = stores
    app.state.extractor = extractor
    app.mount(
        "/static",
        StaticFiles(directory=str(resources.files("whosaidwhat.service") / "static")),
        name="static",
    )
    add_error_handlers(app)
    add_api(app, stores, extractor)
    app.include_router(pages.router(stores))
    app.include_router(overview.router(stores, page))
    return app


def add_error_handlers(app: FastAPI) -> None:
    """Errors answer in one line, as JSON under ``/api`` and as a page elsewhere; never a traceback.

    A page asked for with a malformed parameter answers with the error page saying which.
    """

    def problem(request: Request, title: str, message: str, status_code: int) -> Response:
        if is_api(request):
            return JSONResponse({"detail": message}, status_code=status_code)
        return error_page(request, title, message, status_code)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return problem(request, "Bad query", str(exc), 400)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError):
        if is_api(request):
            return await request_validation_exception_handler(request, exc)
        return problem(request, "Bad request", readable_errors(exc), 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if is_api(request) or request.url.path.startswith("/static/"):
            return await http_exception_handler(request, exc)
        return problem(
            request, "Not found" if exc.status_code == 404 else "Error", str(exc.detail), exc.status_code
        )

    @app.exception_handler(Exception)
    async def failure(request: Request, exc: Exception):
        """Sent past the middleware (by Starlette's outermost layer), so it adds the headers itself."""
        logger.exception("%s %s failed", request.method, request.url.path)
        response = problem(request, "Server error", f"internal error: {type(exc).__name__}", 500)
        for name, value in SECURITY_HEADERS:
            response.headers[name.decode()] = value.decode()
        return response


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def readable_errors(exc: RequestValidationError) -> str:
    """The parameters a page was given wrong, each with what is wrong: "offset: must be 0 or more"."""
    return "; ".join(
        f"{error['loc'][-1]}: {error['msg'].replace('Input should be', 'should be')}"
        for error in exc.errors()
    )


def read_limit_exceeded(limit: int) -> HTTPException:
    return HTTPException(413, detail=f"request body is larger than the limit of {limit} bytes")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise read_limit_exceeded(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise read_limit_exceeded(limit)
    return bytes(body)


def add_api(app: FastAPI, stores: StorePerThread, extractor: Extractor) -> None:
    @app.get("/api/articles", response_model=list[ArticleSummary], responses=BAD_REQUEST, tags=["articles"])
    def list_articles(
        q: Annotated[str | None, Query(description="full-text search over the article text")] = None,
        limit: Limit = PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=2**31)] = 0,
    ):
        """Articles in the corpus, newest first, optionally those matching a full-text query."""
        return public_rows(stores.get().articles(q=q or None, limit=limit, offset=offset))

    @app.get(
        "/api/articles/{article_id}", response_model=StoredArticle, responses=NOT_FOUND, tags=["articles"]
    )
    def get_article(article_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
        """One article's record (schema whosaidwhat.article/1) with its id."""
        return public_record(found(stores.get().article(article_id), f"no article {article_id}"))

    @app.get("/api/quotes", response_model=list[QuoteRow], responses=BAD_REQUEST, tags=["quotes"])
    def list_quotes(
        speaker: Annotated[str | None, Query(description="a person's name, alias or id")] = None,
        since: DateFilter = None,
        until: DateFilter = None,
        about: Annotated[str | None, Query(description="words the quote is about")] = None,
        limit: Limit = 100,
    ):
        """Quotes filtered as ``whosaidwhat quotes`` filters them."""
        return stores.get().quotes(
            speaker=speaker or None,
            since=since or None,
            until=until or None,
            about=about or None,
            limit=limit,
        )

    @app.get("/api/search", response_model=list[QuoteRow], responses=BAD_REQUEST, tags=["quotes"])
    def search_quotes(
        q: Annotated[str, Query(min_length=1, description='words, "phrases", OR, -word')],
        limit: Limit = 50,
    ):
        """Full-text search over what was said."""
        return stores.get().search(q, limit=limit)

    @app.get("/api/speakers", response_model=list[SpeakerRow], tags=["people"])
    def list_speakers(top: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20):
        """The most quoted people."""
        return stores.get().speakers(top=top)

    @app.get("/api/people/{name:path}", response_model=PersonTimeline, responses=NOT_FOUND, tags=["people"])
    def get_person(name: Annotated[str, Path(description="a name, alias or person id")]):
        """A person, their aliases and their quotes and events in date order."""
        store = stores.get()
        person = found(store.person(name), f"no person {name!r}")
        return {**person, "timeline": store.timeline(str(person["person_id"]))}

    @app.get("/api/counts", response_model=Counts, tags=["articles"])
    def counts():
        """How many articles, quotes, people and failed inputs the corpus holds."""
        return stores.get().counts()

    @app.post(
        "/api/extract",
        response_model=ArticleRecord,
        tags=["extract"],
        responses={
            400: {"model": Problem, "description": "not an article"},
            413: {"model": Problem, "description": "body too large"},
            503: {"model": Problem, "description": "too many articles waiting, or the analysis failed"},
            504: {"model": Problem, "description": "the article took too long to analyse"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                },
            }
        },
    )
    async def extract_article(request: Request):
        """The record of the article in the body: plain text or an HTML page (told apart by content)."""
        data = await read_body(request, extractor.max_bytes)
        try:
            record = await extractor.extract(data)
        except ExtractorBusy as exc:
            raise HTTPException(503, detail=str(exc), headers={"Retry-After": str(RETRY_AFTER)}) from exc
        except AnalysisTimedOut as exc:
            raise HTTPException(504, detail=str(exc)) from exc
        except AnalysisUnavailable as exc:
            raise HTTPException(503, detail=str(exc)) from exc
        except WhosaidwhatError as exc:
            raise HTTPException(400, detail=str(exc)) from exc
        charset = next((w.removeprefix(NOT_UTF8) for w in record["warnings"] if w.startswith(NOT_UTF8)), None)
        headers = {"X-Detected-Charset": charset} if charset else None
        return JSONResponse(record, headers=headers)


def found(item: dict | None, message: str) -> dict:
    if item is None:
        raise HTTPException(404, detail=message)
    return item
