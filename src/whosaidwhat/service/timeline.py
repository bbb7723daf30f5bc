"""A person's quotes and events by day: one mark per day on a time axis (an inline SVG drawn by
the template) and one expandable entry per day below it.

Only positions and counts are computed here; the template writes the SVG elements, so every
label goes through Jinja2's autoescaping. A day's rows make one mark sized by their number,
so a busy day reads as a bigger mark with its count rather than a column of dots.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

from whosaidwhat.timex import first_day

WIDTH = 860
LEFT, RIGHT = 40, 30
BASELINE = 150
MARK_Y = 96  # the centre of every day's mark
RADIUS, MAX_RADIUS = 6, 30
TICKS = 5


@dataclass
class Day:
    """The rows of one day (``day`` None for the undated), in timeline order."""

    day: date | None
    rows: list[dict]

    @property
    def quotes(self) -> int:
        return sum(row.get("row") == "quote" for row in self.rows)

    @property
    def events(self) -> int:
        return len(self.rows) - self.quotes

    @property
    def key(self) -> str:
        """The id of the day's entry on the page."""
        return f"day-{self.day.isoformat()}" if self.day else "undated"

    @property
    def summary(self) -> str:
        counts = [plural(self.quotes, "quote"), plural(self.events, "event")]
        when = self.day.isoformat() if self.day else "Undated"
        return " · ".join([when, *(count for count in counts if count)])


def plural(count: int, noun: str) -> str:
    return "" if not count else f"{count} {noun}" + ("" if count == 1 else "s")


@dataclass
class Mark:
    x: float
    radius: float
    day: Day

    @property
    def shape(self) -> str:
        """A circle for a day with quotes, a square for a day of events only."""
        return "dot" if self.day.quotes else "event"

    @property
    def label_y(self) -> float:
        return round(MARK_Y - self.radius - 4, 1)


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Timeline:
    width: int
    height: int
    baseline: int
    mark_y: int = MARK_Y
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    days: list[Day] = field(default_factory=list)  # dated days in order, then the undated rows

    @property
    def undated(self) -> list[dict]:
        return next((day.rows for day in self.days if day.day is None), [])


def row_date(row: dict) -> date | None:
    """The day a row belongs to: a quote's day said, an event's own time, else the article's date."""
    own = row.get("said_on") if row.get("row") == "quote" else first_day(row.get("when"))
    day = own or first_day(row.get("published"))
    return date.fromisoformat(day) if day else None


def mark_radius(count: int) -> float:
    """A mark's radius grows with the log of its day's rows, so one busy day does not hide the rest."""
    return round(min(MAX_RADIUS, RADIUS + 4 * math.log2(count)), 1)


def layout(rows: list[dict]) -> Timeline:
    dated = sorted(
        ((day, index), row) for index, row in enumerate(rows) if (day := row_date(row)) is not None
    )
    days = [Day(day, [row for _, row in group]) for day, group in groupby(dated, key=lambda item: item[0][0])]
    undated = [row for row in rows if row_date(row) is None]
    everything = days + ([Day(None, undated)] if undated else [])
    if not days:
        return Timeline(width=WIDTH, height=BASELINE + 30, baseline=BASELINE, days=everything)
    first, last = days[0].day, days[-1].day
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    span = (last - first).days

    def x_of(day: date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span, 1)

    marks = [Mark(x=x_of(day.day), radius=mark_radius(len(day.rows)), day=day) for day in days]
    ticks = [
        Tick(x=x_of(day), label=day.isoformat())
        for day in sorted({first + timedelta(days=round(span * i / (TICKS - 1))) for i in range(TICKS)})
    ]
    return Timeline(
        width=WIDTH, height=BASELINE + 30, baseline=BASELINE, marks=marks, ticks=ticks, days=everything
    )
