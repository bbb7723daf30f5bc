"""TIMEX3-style values ("2024-10-03", "2024-W41", "2024-10", "2024-FA", ...) as calendar days.

The store files a quote or an event under one day, so that periods of different kinds sort
and filter together: a period counts from its first day.
"""

from __future__ import annotations

import re
from datetime import date

#: First months of the seasons TIMEX3 names (northern hemisphere, as news desks use them).
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})X")


def first_day(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of the first day of the period ``value`` names, or None (``PRESENT_REF``, ...)."""
    if not value:
        return None
    try:
        return _first_day(value.strip())
    except ValueError:  # a month 13, a week 54: not a day
        return None


def _first_day(value: str) -> str | None:
    if match := _DAY.match(value):
        return date(*map(int, match.groups())).isoformat()
    if match := _WEEK.fullmatch(value):
        year, week, weekend = match.groups()
        return date.fromisocalendar(int(year), int(week), 6 if weekend else 1).isoformat()
    if match := _SEASON.fullmatch(value):
        return date(int(match[1]), SEASON_MONTHS[match[2]], 1).isoformat()
    if match := _MONTH.fullmatch(value):
        return date(int(match[1]), int(match[2]), 1).isoformat()
    if match := _YEAR.fullmatch(value):
        return date(int(match[1]), 1, 1).isoformat()
    if match := _DECADE.fullmatch(value):
        return date(int(match[1]) * 10, 1, 1).isoformat()
    return None
