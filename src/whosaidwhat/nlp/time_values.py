"""TIMEX3 values of time expressions, read from the publication date (:mod:`~whosaidwhat.nlp.times`).

Values follow TIMEX3: a day ``2024-10-03``, an ISO week ``2024-W41``, a weekend
``2024-W40-WE``, a month ``2024-09``, a season ``2024-FA``, a year ``2016``, a decade
``199``, a duration ``P2D``.

dateparser reads the absolute forms ("Oct. 12", "March 14, 2016", "June 2015").
The relative forms are hand-written because dateparser's answers do not fit news:
a bare "Thursday" in an article published on a Thursday resolves to the week before
(news means that very day), "next week" comes back as a day seven days on (TIMEX3
wants the ISO week), "last month" as a day one month back (we want the month), and
bare nouns such as "a day" resolve to yesterday.

Direction for expressions without a year or modifier ("Thursday", "Oct. 12",
"March"): ``"past"`` resolves to the latest such day or month on or before
publication, ``"future"`` to the earliest on or after it, ``"nearest"`` to the
nearest one either way.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from whosaidwhat.nlp.lexicons import number_words
from whosaidwhat.nlp.named_days import resolve_named_day
from whosaidwhat.structure.dates import MONTH

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: The counts a relative time may give in words ("three days ago", "in twenty years"), by value.
TIME_COUNTS = frozenset({*range(1, 13), 15, 20, 30})
COUNT_WORDS = {word: int(value) for word, value in number_words("cardinal").items() if value in TIME_COUNTS}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "hour": "H", "minute": "M"}
DAY_PARTS = r"(?:morning|afternoon|evening|night)"
#: TIMEX3 codes of the parts of a day ("Monday morning" is ``2024-09-30TMO``).
DAY_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
#: Times that name no calendar period, only "now" or a side of it (TIMEX3 reference values).
REFERENCES = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "recently": "PAST_REF",
    "past": "PAST_REF",
    "future": "FUTURE_REF",
    "near future": "FUTURE_REF",
}

#: Patterns of the words time expressions are made of, shared with the candidate patterns of times.
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
NUMBER = r"(?:\d+|" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + ")"
UNIT = r"(?:day|week|month|year|decade|hour)s?"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
#: TIMEX3 season codes and the months each season spans (northern hemisphere).
SEASONS = {
    "spring": ("SP", 3, 5),
    "summer": ("SU", 6, 8),
    "fall": ("FA", 9, 11),
    "autumn": ("FA", 9, 11),
    "winter": ("WI", 12, 14),
}

#: Words in front of a time expression that are not part of it.
LEADING_SIGNALS = re.compile(
    r"^(?:(?:on|in|at|by|since|until|from|during|through|of|for|before|after|around|about|approximately)\s+)+",
    re.I,
)

_PARSER = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past"})


def resolve(expression: str, anchor: date | None, direction: str = "past") -> str | None:
    """The TIMEX3 value of ``expression`` read from ``anchor``, or None when not resolvable.

    ``direction`` ("past", "future", "nearest") settles dates given without year or
    modifier. Without an anchor only expressions carrying their own year resolve.
    """
    text = normalise(expression)
    if not text:
        return None
    for resolver in (
        resolve_duration_or_decade,
        resolve_named_day,
        resolve_relative,
        resolve_season,
        resolve_absolute,
    ):
        value = resolver(text, anchor, direction)
        if value:
            return value
    return None


def normalise(expression: str) -> str:
    text = re.sub(r"\s+", " ", expression.strip().lower())
    if not re.fullmatch(rf"in {NUMBER} {UNIT}", text):
        text = LEADING_SIGNALS.sub("", text)
    text = re.sub(
        r"^(?:nearly|almost|about|around|some|roughly|more than|less than|over|just|only) ", "", text
    )
    text = re.sub(r"^(?:the )?(?:end|beginning|start|middle) of the (week|month|year)$", r"this \1", text)
    text = re.sub(r"^the year$", "this year", text)  # "a high for the year"
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"^(?:the )?(?:end|beginning|start|middle|first half|second half) of (?:the )?", "", text)
    text = re.sub(rf"^(?:early|mid|late)[- ](?={MONTH}|\d|{SEASON})", "", text)
    return re.sub(r"'s$", "", text)


def resolve_duration_or_decade(text: str, anchor: date | None, direction: str) -> str | None:
    if match := re.fullmatch(r"(?:the )?'?((?:1[89]|20)?\d)0s", text):
        digits = match.group(1)
        return digits if len(digits) == 3 else None
    if match := re.fullmatch(rf"({NUMBER}|\d+) ({UNIT})", text):
        count = number_value(match.group(1))
        unit = match.group(2).rstrip("s")
        if count is None:
            return None
        if unit == "hour":
            return f"PT{count}H"
        return f"P{count}{UNIT_CODES[unit]}"
    return None


def number_value(word: str) -> int | None:
    return int(word) if word.isdigit() else COUNT_WORDS.get(word)


def resolve_relative(text: str, anchor: date | None, direction: str) -> str | None:
    """Deictic words, weekdays and "this/next/last week|month|year", read from ``anchor``."""
    if text in REFERENCES:
        return REFERENCES[text]
    if re.fullmatch(r"(?:many|several|a few|some) years ago|holidays?", text):
        return "FUTURE_REF" if direction == "future" else "PAST_REF"
    if anchor is None:
        return None
    text = re.sub(r"^(?:early|earlier|late|later) ", "", text)
    day = day_of(text, anchor, direction)
    if day is not None:
        return day
    if text == "weekend":
        return nearest_weekend(anchor, direction)
    if match := re.fullmatch(r"(this|next|last|past|coming) (week|weekend|month|year)", text):
        return shifted_period(
            anchor, match.group(2), {"next": 1, "coming": 1, "last": -1, "past": -1}.get(match.group(1), 0)
        )
    if match := re.fullmatch(rf"(?:in )?({NUMBER}) ({UNIT}) ?(ago|earlier|later|from now)?", text):
        count = number_value(match.group(1))
        unit = match.group(2).rstrip("s")
        unanchored = match.group(3) is None and not text.startswith("in ")
        if count is None or unit in ("hour", "decade") or unanchored:
            return None
        sign = -1 if match.group(3) in ("ago", "earlier") else 1
        return shifted_period(anchor, unit, sign * count, keep_day=unit == "day")
    return None


def day_of(text: str, anchor: date, direction: str) -> str | None:
    """ "today", "yesterday", "Thursday", "last Friday", with the part of the day when named
    ("tonight" is ``2024-10-03TNI``, "Monday morning" ``2024-09-30TMO``)."""
    text = {
        "tonight": "today night",
        "last night": "yesterday night",
        "last evening": "yesterday evening",
    }.get(text, text)
    part = re.search(rf" ({DAY_PARTS})$", text)
    text = text[: part.start()] if part else text
    if text == "this" and part:
        text = "today"
    if text == "today":
        day = anchor
    elif text == "yesterday":
        day = anchor - timedelta(days=1)
    elif text == "tomorrow":
        day = anchor + timedelta(days=1)
    elif match := re.fullmatch(rf"(?:(last|next|this|coming) )?({WEEKDAY})", text):
        day = weekday_date(anchor, WEEKDAYS.index(match.group(2)), match.group(1), direction)
    else:
        return None
    return day.isoformat() + (f"T{DAY_PART_CODES[part.group(1)]}" if part else "")


def nearest_weekend(anchor: date, direction: str) -> str:
    """ "the weekend": the last one on or before ``anchor``, or the next one in a future clause."""
    saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    if direction != "future" and saturday > anchor:
        saturday -= timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return f"{year}-W{week:02d}-WE"


def weekday_date(anchor: date, weekday: int, modifier: str | None, direction: str) -> date:
    """The date of ``weekday`` (0 = Monday) meant in an article published on ``anchor``."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if modifier == "last":
        return anchor - timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7)
    if modifier == "this":
        return anchor + timedelta(days=weekday - anchor.weekday())
    if direction == "future" or (direction == "nearest" and ahead < back):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def shifted_period(anchor: date, unit: str, shift: int, keep_day: bool = False) -> str:
    """The day, ISO week, weekend, month or year ``shift`` units away from ``anchor``."""
    if unit == "day" or keep_day:
        return (anchor + timedelta(days=shift)).isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = (anchor + timedelta(weeks=shift)).isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + shift
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{anchor.year + shift:04d}"


def resolve_season(text: str, anchor: date | None, direction: str) -> str | None:
    """ "this fall" -> 2024-FA, "last summer", "next spring", "winter 2015" -> 2015-WI."""
    if match := re.fullmatch(rf"({SEASON}) (?:of )?(\d{{4}})", text):
        return f"{match.group(2)}-{SEASONS[match.group(1)][0]}"
    match = re.fullmatch(rf"(this|next|last|past|coming) ({SEASON})", text)
    if match is None or anchor is None:
        return None
    code, first, last = SEASONS[match.group(2)]
    year = anchor.year
    if match.group(1) in ("next", "coming") and first <= anchor.month:
        year += 1
    elif match.group(1) in ("last", "past") and last >= anchor.month:
        year -= 1
    return f"{year:04d}-{code}"


def resolve_absolute(text: str, anchor: date | None, direction: str) -> str | None:
    """Dates naming a month or a year ("Oct. 12", "June 2015", "3/14/2016", "2016") via dateparser."""
    if re.fullmatch(r"(?:1[89]|20)\d\d", text):
        return text
    has_month = re.search(rf"\b{MONTH}(?=\W|$)", text)
    numeric = re.fullmatch(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}", text)
    if not (has_month or numeric):
        return None
    has_year = bool(re.search(r"\b\d{4}\b", text))
    if not has_year and anchor is None:
        return None
    base = datetime.combine(anchor, datetime.min.time()) if anchor else datetime.now()
    data = _PARSER.get_date_data(text, date_formats=None) if has_year else parse_relative_to(text, base)
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return f"{found.year:04d}"
    if not has_year:
        found = pick_year(found, anchor, direction, data.period)
    if data.period == "month":
        return f"{found.year:04d}-{found.month:02d}"
    return found.isoformat()


def parse_relative_to(text: str, base: datetime):
    return parser_for(base).get_date_data(text)


@lru_cache(maxsize=64)
def parser_for(base: datetime) -> DateDataParser:
    """A dateparser parser reading dates without a year from ``base`` (one per publication date)."""
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base})


def pick_year(found: date, anchor: date, direction: str, period: str) -> date:
    """The same month (and day) in the year that fits ``direction`` from ``anchor``."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        day = min(found.day, monthrange(year, found.month)[1])
        options.append(date(year, found.month, day))

    def first_day(d: date) -> date:
        return d.replace(day=1) if period == "month" else d

    def last_day(d: date) -> date:
        return d.replace(day=monthrange(d.year, d.month)[1]) if period == "month" else d

    if direction == "past":
        return max(d for d in options if first_day(d) <= anchor)
    if direction == "future":
        return min(d for d in options if last_day(d) >= anchor)
    return min(options, key=lambda d: abs((d - anchor).days))
