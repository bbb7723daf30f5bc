"""The reader's pages, rendered server-side with Jinja2 (autoescaping on): the article list,
an article, the quote search and a person's timeline.

``router(stores)`` gives the routes; :func:`page` renders any page of the app, errors included.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote as url_quote

import jinja2
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from whosaidwhat.service import reader, timeline
from whosaidwhat.service.security import public_record, public_rows
from whosaidwhat.service.stores import StorePerThread, quotes_asked_for

PAGE_SIZE = 50
MAX_ID = 2**63 - 1  # SQLite's and PostgreSQL's largest integer

TEMPLATES = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.PackageLoader("whosaidwhat.service", "templates"),
        autoescape=True,
    )
)
TEMPLATES.env.filters["path_quote"] = lambda value: url_quote(str(value), safe="")
TEMPLATES.env.globals["NO_SPEAKER"] = reader.NO_SPEAKER_CLASS


def page(request: Request, name: str, context: dict, status_code: int = 200) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, title: str, message: str, status_code: int) -> HTMLResponse:
    return page(request, "error.html", {"title": title, "message": message}, status_code=status_code)


def router(stores: StorePerThread) -> APIRouter:
    """The reader's pages: articles, one article, a quote search and a person's timeline."""
    routes = APIRouter()

    @routes.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, q: str = "", offset: Annotated[int, Query(ge=0, le=2**31)] = 0):
        store = stores.get()
        articles = public_rows(store.articles(q=q or None, limit=PAGE_SIZE, offset=offset))
        speakers = store.speakers(top=15)
        return page(
            request,
            "index.html",
            {
                "title": "Articles",
                "q": q,
                "offset": offset,
                "page_size": PAGE_SIZE,
                "articles": articles,
                "counts": store.counts(),
                "speakers": speakers,
                "colours": reader.speaker_colours(speaker["name"] for speaker in speakers),
            },
        )

    @routes.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
        record = public_record(stores.get().article(article_id))
        if record is None:
            return error_page(request, "Not found", f"No article {article_id}.", 404)
        source_url, source_label = reader.source_link(record.get("source") or {})
        return page(
            request,
            "article.html",
            {
                "title": record.get("headline") or f"Article {article_id}",
                "record": record,
                "view": reader.reader_view(record),
                "source_url": source_url,
                "source_label": source_label,
            },
        )

    @routes.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", speaker: str = "", since: str = "", until: str = ""):
        """Words alone are ranked by relevance; with a speaker or dates, the matches come newest first."""
        rows = quotes_asked_for(stores.get(), q, speaker, since, until, PAGE_SIZE)
        colours = reader.speaker_colours(row["speaker"] for row in rows or [] if row["speaker"])
        return page(
            request,
            "search.html",
            {
                "title": "Search quotes",
                "q": q,
                "speaker": speaker,
                "since": since,
                "until": until,
                "rows": rows,
                "colours": colours,
                "page_size": PAGE_SIZE,
            },
        )

    @routes.get("/people/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, name: str):
        store = stores.get()
        person = store.person(name)
        if person is None:
            return error_page(request, "Not found", f"No person named {name}.", 404)
        rows = store.timeline(str(person["person_id"]))
        return page(
            request,
            "person.html",
            {
                "title": person["name"],
                "person": person,
                "rows": rows,
                "chart": timeline.layout(rows),
                "colour": reader.colour_class(person["name"]),
            },
        )

    return routes
