"""A person's quotes and events laid out on a time axis, for an inline SVG drawn by the template.

Only positions are computed here; the template writes the SVG elements, so every label
goes through Jinja2's autoescaping. Rows on the same day are stacked upwards, closer
together when a day holds more than the chart's height allows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from whosaidwhat.service.reader import excerpt
from whosaidwhat.timex import first_day

WIDTH = 860
LEFT, RIGHT = 40, 30
BASELINE = 150
TOP = 14
STEP = 16  # vertical distance between rows stacked on one day, at most
TICKS = 5


@dataclass
class Mark:
    x: float
    y: float
    row: dict
    label: str


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Timeline:
    width: int
    height: int
    baseline: int
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated: list[dict] = field(default_factory=list)


def row_date(row: dict) -> date | None:
    """The day a row belongs to: a quote's day said, an event's own time, else the article's date."""
    own = row.get("said_on") if row.get("row") == "quote" else first_day(row.get("when"))
    day = own or first_day(row.get("published"))
    return date.fromisoformat(day) if day else None


def row_label(row: dict, day: date) -> str:
    if row.get("row") == "event":
        what = f"{row.get('type', 'event')}: {row.get('trigger') or ''}"
    else:
        what = f"“{excerpt(row.get('content') or '', 120)}”"
    return f"{day.isoformat()} · {what} · {row.get('headline') or 'untitled article'}"


def layout(rows: list[dict]) -> Timeline:
    dated = [(day, row) for row in rows if (day := row_date(row)) is not None]
    undated = [row for row in rows if row_date(row) is None]
    if not dated:
        return Timeline(width=WIDTH, height=BASELINE + 30, baseline=BASELINE, undated=undated)
    first, last = min(day for day, _ in dated), max(day for day, _ in dated)
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    span = (last - first).days

    def x_of(day: date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span, 1)

    tallest = max(Counter(day for day, _ in dated).values())
    step = min(STEP, (BASELINE - 10 - TOP) / max(1, tallest - 1))
    stacked: Counter[date] = Counter()
    marks = []
    for day, row in sorted(dated, key=lambda item: item[0]):
        y = round(BASELINE - 10 - step * stacked[day], 1)
        stacked[day] += 1
        marks.append(Mark(x=x_of(day), y=y, row=row, label=row_label(row, day)))
    ticks = [
        Tick(x=x_of(day), label=day.isoformat())
        for day in sorted({first + timedelta(days=round(span * i / (TICKS - 1))) for i in range(TICKS)})
    ]
    return Timeline(
        width=WIDTH, height=BASELINE + 30, baseline=BASELINE, marks=marks, ticks=ticks, undated=undated
    )
