"""Who gets quoted: the overview page, its JSON API and CSV downloads (of its tables and of a search).

``router(stores, render)`` gives the routes; ``render`` is the app's page renderer, so the
pages share its templates and security headers.
"""

from __future__ import annotations

import csv
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from itertools import chain
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from whosaidwhat.service import quoted
from whosaidwhat.service.models import Overview
from whosaidwhat.service.stores import quotes_asked_for

SEARCH_CSV_LIMIT = 500
#: Rows of a CSV download written and sent at a time: the file is never held whole, so a
#: download of hundreds of quotes costs the server tens of kilobytes, not a copy of each size.
CSV_ROWS_PER_CHUNK = 100
Outlet = Annotated[str | None, Query(max_length=300, description="an outlet: the host of its articles' URLs")]
Period = Annotated[
    str | None,
    Query(pattern=r"^(\d{4}-\d{2}|undated)$", description="a month, YYYY-MM", examples=["2025-03"]),
]
SEARCH_COLUMNS = (
    "quote_id",
    "link",
    "headline",
    "published",
    "said_on",
    "place",
    "speaker",
    "kind",
    "cue",
    "content",
)


#: What a spreadsheet reads as the start of a formula in a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet shows as text: quoted words such as "=SUM(...)" or "-1 for him" are
    kept, behind an apostrophe, instead of being run as formulas when the CSV is opened."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Lines(list):
    """What ``csv.writer`` writes to: the lines as written, joined once per chunk (a ``StringIO``
    emptied for each chunk keeps a buffer of four bytes a character)."""

    write = list.append


def csv_chunks(rows: Iterable[list]) -> Iterator[str]:
    """``rows`` as CSV text, :data:`CSV_ROWS_PER_CHUNK` rows at a time, each cell spreadsheet-safe."""
    lines = Lines()
    writer = csv.writer(lines, lineterminator="\n")
    for index, row in enumerate(rows, start=1):
        writer.writerow([spreadsheet_safe(value) for value in row])
        if index % CSV_ROWS_PER_CHUNK == 0:
            yield "".join(lines)
            lines.clear()
    if lines:
        yield "".join(lines)


async def written_on_the_event_loop(chunks: Iterator[str]) -> AsyncIterator[str]:
    """The chunks, each written where it is sent. A plain iterator would be advanced in the worker
    threads, one wait for a free thread per chunk: under load, each download would hold its rows
    for as long as the other requests keep the threads busy. A chunk is under a millisecond's work."""
    for chunk in chunks:
        yield chunk


def csv_response(rows: Iterable[list], name: str) -> StreamingResponse:
    """``rows`` as a CSV file to download, named ``whosaidwhat-{name}.csv``, sent as it is written."""
    return StreamingResponse(
        written_on_the_event_loop(csv_chunks(rows)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="whosaidwhat-{name}.csv"'},
    )


def quote_link(row: dict) -> str:
    anchor = f"#{row['quote_key']}" if row.get("quote_key") else ""
    return f"/articles/{row['article_id']}{anchor}"


def search_csv_row(row: dict) -> list:
    """A quote's cells in the order of :data:`SEARCH_COLUMNS`, its link the permalink of the quote."""
    return [quote_link(row) if column == "link" else row.get(column) for column in SEARCH_COLUMNS]


def router(stores, render: Callable[..., HTMLResponse]) -> APIRouter:
    routes = APIRouter()

    def figures_for(outlet: str | None, period: str | None) -> dict:
        """The overview's figures in the scope of ``outlet`` and ``period``, as the API returns them."""
        counts = stores.get().overview(outlet or None, period or None)
        return {"scope": {"outlet": outlet or None, "period": period or None}, **quoted.figures(counts)}

    @routes.get("/api/overview", response_model=Overview, tags=["overview"])
    def overview_api(outlet: Outlet = None, period: Period = None):
        """Who gets quoted: quotes per kind of speaker, most quoted people and organisations, per
        outlet and per month. A gender is counted as stated by the text, or apart as a name-based guess."""
        return figures_for(outlet, period)

    @routes.get("/overview", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, outlet: Outlet = None, period: Period = None):
        store = stores.get()
        figures = figures_for(outlet, period)
        return render(
            request,
            "overview.html",
            {
                "title": "Who gets quoted",
                "figures": figures,
                "tables": quoted.tables(figures),
                "outlets": store.outlets(),
                "periods": store.periods(),
                "outlet": outlet or "",
                "period": period or "",
                "percent": quoted.percent,
            },
        )

    @routes.get("/overview/{name}.csv", include_in_schema=False)
    def overview_csv(name: Annotated[str, Path()], outlet: Outlet = None, period: Period = None):
        table = next(
            (table for table in quoted.tables(figures_for(outlet, period)) if table.name == name), None
        )
        if table is None:
            raise HTTPException(404, detail=f"no table {name!r}")
        return csv_response(table.csv_rows(), name)

    @routes.get("/search.csv", include_in_schema=False)
    def search_csv(q: str = "", speaker: str = "", since: str = "", until: str = ""):
        """The quotes the search page lists for the same query, up to ``SEARCH_CSV_LIMIT``."""
        rows = quotes_asked_for(stores.get(), q, speaker, since, until, SEARCH_CSV_LIMIT) or []
        return csv_response(chain([list(SEARCH_COLUMNS)], map(search_csv_row, rows)), "search")

    return routes
