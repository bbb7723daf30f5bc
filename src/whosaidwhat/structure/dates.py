"""Publication and update dates printed at the top of an article.

Scraped pages print them in many shapes, sometimes glued to the text around them
("Published October 3, 2024last updated October 3, 2024Former Dutch ..."). A regular
expression finds where each printed date begins and ends (which is what tells the
dates from the body that follows); dateparser interprets each one. ``search_dates``
alone would not do: it also takes words such as "now" or "Thursday" for dates and
cannot say where a glued date stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import dateparser

from whosaidwhat.structure.lines import Line

#: A month, in full or abbreviated ("Sept.", "Oct"); the times component finds dates with it too.
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"\d{4}(?!\d)"
#: A clock time with an optional time zone abbreviation (upper case only, so that the
#: zone does not swallow a glued word such as "last").
TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\(?(?-i:[A-Z]{2,5})\)?\b)?"
CALENDAR_DATE = (
    rf"(?:{DAY}\s+{MONTH},?\s+{YEAR}|{MONTH}\s+{DAY},?\s+{YEAR}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
)
PRINTED_DATE = (
    rf"(?P<time_before>{TIME},?\s+(?:on\s+)?)?{WEEKDAY}?(?P<date>{CALENDAR_DATE})"
    rf"(?P<time_after>,?\s+(?:at\s+)?{TIME})?"
)
LABEL = (
    r"(?P<label>(?:first\s+)?published|posted|(?:last\s+)?(?:updated|modified|edited)|date)"
    r"(?:\s+(?:on|at))?\s*:?\s*"
)
#: One labelled or bare date, then any separator before the next one.
DATE_ITEM = re.compile(rf"(?:{LABEL})?{PRINTED_DATE}[\s|·•,;]*(?:[-–—]\s+)?", re.IGNORECASE)

UPDATE_LABEL = re.compile(r"updated|modified|edited", re.IGNORECASE)
DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


@dataclass
class DateLine:
    """The dates a line starts with, and the rest of the line (a glued paragraph) if any."""

    published: str | None = None
    updated: str | None = None
    rest: Line | None = None


def read_date_line(line: Line) -> DateLine | None:
    """The dates at the start of ``line``; None unless it starts with a date.

    A bare date must fill the line; a labelled one ("Published ...", "Updated ...") may be
    followed by the first paragraph glued to it.
    """
    found = DateLine()
    position, labelled = 0, False
    while match := DATE_ITEM.match(line.text, position):
        value = parse_date(match)
        if value is None:
            break
        labelled = labelled or bool(match.group("label"))
        if UPDATE_LABEL.search(match.group("label") or "") or found.published:
            found.updated = found.updated or value
        else:
            found.published = value
        position = match.end()
    if position == 0:
        return None
    if position < len(line.text):
        if not labelled:
            return None
        found.rest = line.tail(line.start + position)
    return found


def printed_dates(text: str, end: int) -> list[tuple[int, int, str]]:
    """The dates printed at the start of the lines of ``text[:end]`` (the header above the body),
    as ``(start, end, day)``: "Published October 3, 2024" is a time of the article like any other."""
    found = []
    for line in re.finditer(r"^[^\n]*", text[:end], re.MULTILINE):
        position = line.start()
        while match := DATE_ITEM.match(text, position, line.end()):
            value = parse_date(match)
            if value is None:
                break
            found.append((match.start("date"), match.end("date"), value[:10]))
            position = match.end()
    return found


def parse_date(match: re.Match[str]) -> str | None:
    """ "YYYY-MM-DD", or an ISO 8601 date-time when a clock time was printed."""
    printed = match.group("date")
    clock = match.group("time_before") or match.group("time_after")
    parsed = dateparser.parse(
        f"{printed} {_time_of(clock)}" if clock else printed, languages=["en"], settings=DATEPARSER_SETTINGS
    )
    if parsed is None:
        return None
    has_time = bool(clock) or "T" in printed or re.search(r"\d:\d", printed)
    return parsed.isoformat() if has_time else parsed.date().isoformat()


def _time_of(clock: str) -> str:
    """The clock time alone, without the "at"/"on" and commas around it."""
    clock = re.sub(r"^[,\s]*(?:at\s+)?|[,\s]*(?:on\s*)?$", "", clock, flags=re.IGNORECASE)
    return re.sub(r"^(\d{1,2})\.(\d{2})", r"\1:\2", clock)
