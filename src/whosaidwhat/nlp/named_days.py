"""Named days ("Election Day", "Christmas Eve", "Labor Day") as the day they fall on in a year.

The days and their rules are in ``resources/named_days.tsv``; dateutil does the calendar
arithmetic (the Nth weekday of a month, Easter). A name without a year is the occurrence
that fits the clause, as for a bare "Thursday": the last one on or before publication in a
past clause, the next one in a future clause, the nearest one otherwise.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from whosaidwhat.nlp.lexicons import table

WEEKDAYS = {"MO": MO, "TU": TU, "WE": WE, "TH": TH, "FR": FR, "SA": SA, "SU": SU}
RULE = re.compile(
    r"(?P<month>\d\d)(?:-(?P<day>\d\d)|:(?P<weekday>[A-Z]{2}):(?P<nth>-?\d)(?P<shift>[+-]\d+)?)"
)
EASTER = re.compile(r"easter(?P<shift>[+-]\d+)")


@cache
def named_days() -> dict[str, str]:
    """Rule by lower-case name, from ``resources/named_days.tsv``."""
    return dict(table("named_days.tsv", 2))


def named_day_pattern() -> str:
    """A regular expression matching any named day, longest names first, with an optional year."""
    names = sorted(named_days(), key=len, reverse=True)
    alternatives = "|".join(re.escape(name).replace("'", "['’]") for name in names)
    return rf"\b(?:{alternatives})(?:,?\s+\d{{4}}\b)?(?!['’]?\w)"


def day_in_year(name: str, year: int) -> date | None:
    """The day ``name`` falls on in ``year``, or None when it is no named day."""
    rule = named_days().get(name)
    if rule is None:
        return None
    if match := EASTER.fullmatch(rule):
        return easter(year) + timedelta(days=int(match["shift"]))
    match = RULE.fullmatch(rule)
    if match is None:
        raise ValueError(f"resources/named_days.tsv: unreadable rule {rule!r} for {name!r}")
    month = int(match["month"])
    if match["day"]:
        return date(year, month, int(match["day"]))
    nth = int(match["nth"])
    start = date(year, month, 1) if nth > 0 else date(year, month, 1) + relativedelta(months=1, days=-1)
    day = start + relativedelta(weekday=WEEKDAYS[match["weekday"]](nth))
    return day + timedelta(days=int(match["shift"] or 0))


def resolve_named_day(text: str, anchor: date | None, direction: str) -> str | None:
    """ "election day 2016" -> 2016-11-08; "christmas eve" -> the one ``direction`` picks from ``anchor``."""
    text = text.replace("’", "'")
    if match := re.fullmatch(r"(?P<name>.+?),? (?P<year>\d{4})", text):
        day = day_in_year(match["name"], int(match["year"]))
        return day.isoformat() if day else None
    if text not in named_days() or anchor is None:
        return None
    options = [day_in_year(text, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "past":
        return max(d for d in options if d <= anchor).isoformat()
    if direction == "future":
        return min(d for d in options if d >= anchor).isoformat()
    return min(options, key=lambda d: abs((d - anchor).days)).isoformat()


@cache
def historic_days() -> dict[tuple[str, str], str]:
    """Year by (MM-DD, noun), from ``resources/historic_days.tsv``."""
    return {(day, noun): year for day, noun, year in table("historic_days.tsv", 3)}


def historic_day(value: str, after: str) -> str | None:
    """ "the Sept. 11 attacks": a day followed by the noun of the event that day names in history is
    that event's day, not the day in the story's year (``resources/historic_days.tsv``)."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    words = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?", after)
    nouns = [w for w in words.groups() if w] if words else []
    year = next((y for w in nouns if (y := historic_days().get((value[5:], w)))), None)
    return f"{year}-{value[5:]}" if year else None
