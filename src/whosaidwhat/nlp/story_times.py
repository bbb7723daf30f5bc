"""Times read from the story rather than from publication (:mod:`~whosaidwhat.nlp.times`).

* A month or day without a year takes the year of the story it is told in ("The March 2021
  strike ... On May 3" is 2021-05-03).
* "the day before", "the week after", "the following day" count from the last time the
  story gave before them ("Police came on May 3. The day before, ...": May 2).
"""

from __future__ import annotations

import re
from datetime import date

from whosaidwhat.nlp.time_values import shifted_period
from whosaidwhat.structure.dates import MONTH
from whosaidwhat.timex import first_day

#: A value naming a month or a day in it ("2021-05", "2021-05-03", "2021-05-03T10:00").
MONTH_VALUE = re.compile(r"\d{4}-\d\d(?!\d)")
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
#: "the day before", "the week after", "the previous day", "the following week" (not "the day
#: before the vote": that counts from the vote, which is no time expression).
STORY_RELATIVE = (
    r"\bthe\s+(?:(?:day|week|month|year)\s+(?:prior|before|after|earlier|later)"
    r"(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)"
    r"|(?:previous|following|next)\s+(?:day|week|month|year))\b"
)
RELATIVE_PARTS = re.compile(
    r"the (?:(?P<unit>day|week|month|year) (?P<side>prior|before|after|earlier|later)"
    r"|(?P<side2>previous|following|next) (?P<unit2>day|week|month|year))"
)
BACKWARD = frozenset({"prior", "before", "earlier", "previous"})


def set_in_story_years(text: str, times: list[dict], paragraphs: list[tuple[int, int]]) -> None:
    """A month or day without a year takes the year of the story it is told in.

    "The March 2021 strike ... On May 3 ..." is 2021-05-03: the story's year is that of
    the nearest month or day with its year printed before it in the same paragraph, else
    after it in the same sentence ("was tried in May and executed on 3 March 1962"). Only
    an earlier year than the one read from publication is taken.
    """
    yeared = [
        t
        for t in times
        if re.search(r"\b\d{4}\b", text[t["start"] : t["end"]]) and MONTH_VALUE.match(t["value"])
    ]
    for time in times:
        expression = text[time["start"] : time["end"]]
        if not MONTH_VALUE.match(time["value"]) or not re.search(rf"\b{MONTH}", expression, re.IGNORECASE):
            continue
        if re.search(r"\b\d{4}\b", expression):
            continue
        year = story_year(text, time, yeared, paragraphs)
        if year is not None and year < time["value"][:4]:
            time["value"] = year + time["value"][4:]


def story_year(text: str, time: dict, yeared: list[dict], paragraphs: list[tuple[int, int]]) -> str | None:
    """The year ``time``'s month falls in, told after or before a dated month of the same story.

    The story goes forward: a month told after "November 2021" and earlier in the calendar
    (February) is in the year after; one told before "March 1962" and later in the calendar
    (May) in the year before.
    """
    found = story_reference(text, time, yeared, paragraphs)
    if found is None:
        return None
    reference, after = found
    year, month, reference_month = int(reference[:4]), int(time["value"][5:7]), int(reference[5:7])
    if after and month < reference_month:
        year += 1
    elif not after and month > reference_month:
        year -= 1
    return f"{year:04d}"


def story_reference(
    text: str, time: dict, yeared: list[dict], paragraphs: list[tuple[int, int]]
) -> tuple[str, bool] | None:
    """The value of the nearest dated month or day before ``time`` in its paragraph (and True),
    else after it in its sentence (and False)."""
    paragraph = next(((s, e) for s, e in paragraphs if s <= time["start"] < e), None)
    if paragraph is None:
        return None
    before = [t for t in yeared if paragraph[0] <= t["start"] < time["start"]]
    if before:
        return before[-1]["value"], True
    sentence_end = re.search(r"[.!?](?:\s|$)", text[time["end"] : paragraph[1]])
    limit = time["end"] + sentence_end.end() if sentence_end else paragraph[1]
    after = [t for t in yeared if time["end"] <= t["start"] < limit]
    return (after[0]["value"], False) if after else None


def is_story_relative(expression: str) -> bool:
    return RELATIVE_PARTS.fullmatch(re.sub(r"\s+", " ", expression.lower())) is not None


def set_from_story_times(text: str, times: list[dict], paragraphs: list[tuple[int, int]]) -> None:
    """Value "the day before" and the like from the last time told before them in their paragraph
    or the one before; left without a value (and dropped) when there is none."""
    kept = []
    for time in times:
        expression = re.sub(r"\s+", " ", text[time["start"] : time["end"]].lower())
        match = RELATIVE_PARTS.fullmatch(expression)
        if match is None:
            kept.append(time)
            continue
        unit = match["unit"] or match["unit2"]
        shift = -1 if (match["side"] or match["side2"]) in BACKWARD else 1
        reference = story_reference_time(time, kept, paragraphs, needs_day=unit == "day")
        if reference is not None:
            time["value"] = shifted_period(reference, unit, shift)
            kept.append(time)
    times[:] = kept


def story_reference_time(
    time: dict, before: list[dict], paragraphs: list[tuple[int, int]], needs_day: bool
) -> date | None:
    """The first day of the last time before ``time`` within its paragraph or the one before."""
    index = next((i for i, (s, e) in enumerate(paragraphs) if s <= time["start"] < e), None)
    if index is None:
        return None
    floor = paragraphs[max(0, index - 1)][0]
    for earlier in reversed(before):
        if earlier["start"] < floor:
            return None
        if needs_day and not DAY_VALUE.match(earlier["value"]):
            continue
        day = first_day(earlier["value"])
        if day is not None:
            return date.fromisoformat(day)
    return None
