"""Time expressions and their TIMEX3 values, read against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from whosaidwhat.nlp import analyse
from whosaidwhat.nlp.time_values import resolve

THURSDAY = date(2024, 10, 3)


@pytest.mark.parametrize(
    ("expression", "direction", "value"),
    [
        ("Thursday", "past", "2024-10-03"),  # the publication day itself
        ("Monday", "past", "2024-09-30"),
        ("Friday", "past", "2024-09-27"),
        ("Friday", "future", "2024-10-04"),
        ("Friday", "nearest", "2024-10-04"),
        ("Wednesday night", "past", "2024-10-02TNI"),
        ("last Thursday", "past", "2024-09-26"),
        ("next Monday", "past", "2024-10-07"),
        ("today", "past", "2024-10-03"),
        ("yesterday", "past", "2024-10-02"),
        ("tomorrow", "past", "2024-10-04"),
        ("last night", "past", "2024-10-02TNI"),
        ("next week", "past", "2024-W41"),
        ("last week", "past", "2024-W39"),
        ("this week", "past", "2024-W40"),
        ("this weekend", "past", "2024-W40-WE"),
        ("last month", "past", "2024-09"),
        ("earlier this month", "past", "2024-10"),
        ("next month", "past", "2024-11"),
        ("this year", "past", "2024"),
        ("last year", "past", "2023"),
        ("two days ago", "past", "2024-10-01"),
        ("a week ago", "past", "2024-W39"),
        ("three months ago", "past", "2024-07"),
        ("five years ago", "past", "2019"),
        ("in two weeks", "past", "2024-W42"),
        ("on Oct. 12", "nearest", "2024-10-12"),
        ("Oct. 12", "future", "2024-10-12"),
        ("Oct. 12", "past", "2023-10-12"),
        ("Sept. 11", "past", "2024-09-11"),
        ("12 October", "nearest", "2024-10-12"),
        ("March", "past", "2024-03"),
        ("December", "past", "2023-12"),
        ("December", "future", "2024-12"),
        ("October 3, 2024", "past", "2024-10-03"),
        ("Jan. 20, 2017", "past", "2017-01-20"),
        ("June 2015", "past", "2015-06"),
        ("2016", "past", "2016"),
        ("the 1990s", "past", "199"),
        ("this fall", "past", "2024-FA"),
        ("last fall", "past", "2023-FA"),
        ("last summer", "past", "2024-SU"),
        ("next spring", "past", "2025-SP"),
        ("winter 2015", "past", "2015-WI"),
        ("the end of March", "past", "2024-03"),
        ("mid-March", "future", "2025-03"),
        ("tonight", "past", "2024-10-03TNI"),
        ("Monday morning", "past", "2024-09-30TMO"),
        ("this afternoon", "past", "2024-10-03TAF"),
        ("the weekend", "past", "2024-W39-WE"),
        ("the weekend", "future", "2024-W40-WE"),
        ("now", "past", "PRESENT_REF"),
        ("currently", "past", "PRESENT_REF"),
        ("recently", "past", "PAST_REF"),
        ("in the past", "past", "PAST_REF"),
        ("the future", "past", "FUTURE_REF"),
        ("many years ago", "past", "PAST_REF"),
        ("nearly 18 months ago", "past", "2023-04"),
        ("two days", "past", "P2D"),
        ("three weeks", "past", "P3W"),
    ],
)
def test_resolve(expression, direction, value):
    assert resolve(expression, THURSDAY, direction) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Thursday", None),
        ("next week", None),
        ("Oct. 12", None),
        ("Oct. 12, 2016", "2016-10-12"),
        ("2016", "2016"),
    ],
)
def test_without_publication_date_only_absolute_dates_resolve(expression, value):
    assert resolve(expression, None) == value


@pytest.mark.parametrize("expression", ["the last few weeks", "recent years", "a while", "the day"])
def test_vague_expressions_have_no_value(expression):
    assert resolve(expression, THURSDAY) is None


def times_of(nlp, text: str, published: str | None = "2024-10-03") -> dict[str, str]:
    doc = analyse(nlp, text, published=published)
    return {text[t["start"] : t["end"]]: t["value"] for t in doc._.wsw_times}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The minister arrived in Rome on Thursday.", "Thursday", "2024-10-03"),
        ("The minister will travel to Rome on Friday.", "Friday", "2024-10-04"),
        ("The minister travelled to Rome on Friday.", "Friday", "2024-09-27"),
        ("Ministers will meet again next week.", "next week", "2024-W41"),
        ("Prices rose sharply last month.", "last month", "2024-09"),
        ("The talks collapsed two days ago.", "two days ago", "2024-10-01"),
        ("The court will rule on Oct. 12.", "Oct. 12", "2024-10-12"),
        ("The law was passed in 2016.", "2016", "2016"),
        ("Growth has slowed this year.", "this year", "2024"),
        ("The strike ended yesterday.", "yesterday", "2024-10-02"),
        ("The building was finished on Sept. 11, 2001, in the morning.", "Sept. 11, 2001", "2001-09-11"),
        ("Her work after the Sept. 11 attacks won praise.", "Sept. 11", "2001-09-11"),
        ("Security was tight after the Sept. 11 terrorist attacks.", "Sept. 11", "2001-09-11"),
        ("She laid a wreath at a Sept. 11 memorial service.", "Sept. 11", "2024-09-11"),
        ("He was charged over the Jan. 6 riot at the Capitol.", "Jan. 6", "2021-01-06"),
        ("The board meets again on Jan. 6 to vote.", "Jan. 6", "2025-01-06"),
        ("The mayor met the attackers' families on Sept. 11 and spoke.", "Sept. 11", "2024-09-11"),
    ],
)
def test_time_expressions_in_text(nlp, text, expression, value):
    assert times_of(nlp, text).get(expression) == value


def test_signal_words_are_not_part_of_the_expression(nlp):
    found = times_of(nlp, "The vote takes place on Oct. 12 in the capital.")
    assert "Oct. 12" in found
    assert not any(key.startswith("on ") for key in found)


def test_relative_times_are_dropped_without_publication_date(nlp):
    text = "The minister arrived on Thursday, after the summit of May 4, 2016."
    found = times_of(nlp, text, published=None)
    assert "Thursday" not in found
    assert found.get("May 4, 2016") == "2016-05-04"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Crowds gathered on Tuesday. The blast came around 8:30 p.m. near the station.",
            "8:30 p.m.",
            "2024-10-01T20:30",
        ),
        ("The court meets at 10 a.m. Thursday.", "10 a.m.", "2024-10-03T10:00"),
    ],
)
def test_clock_times_take_their_day_from_the_text(nlp, text, expression, value):
    assert times_of(nlp, text).get(expression) == value


def test_clock_time_without_a_day_is_dropped(nlp):
    assert "9 a.m." not in times_of(nlp, "Shops open at 9 a.m.")


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # a clock time written with a dot, on the day its sentence names
        (
            "Police want to hear from anyone who was near the park between 6.30pm and 7.45pm on May 2.",
            "2024-05-10",
            "6.30pm",
            "2024-05-02T18:30",
        ),
        # "ahead of" points forward even in a past-tense clause
        ("Fans gathered in the square ahead of Wednesday's final.", "2023-08-14", "Wednesday", "2023-08-16"),
        # a weekday owning an occurrence in a present-tense clause is the coming one
        (
            "The semi-finals start tomorrow, with the winners meeting in Sunday's final.",
            "2023-08-14",
            "Sunday",
            "2023-08-20",
        ),
        ("The body was dumped over the weekend, police said.", "2024-10-03", "the weekend", "2024-W39-WE"),
        ("A baby was found on the beach over the holiday.", "2024-10-03", "the holiday", "PAST_REF"),
        ("The shop is currently closed.", "2024-10-03", "currently", "PRESENT_REF"),
        ("In the past, such cases were rare.", "2024-10-03", "In the past", "PAST_REF"),
        ("They signed the agreement nearly 18 months ago.", "2023-07-11", "nearly 18 months ago", "2022-01"),
        ("Shares of Acme Corp rose 9% on Tuesday, a high for the year.", "2023-07-11", "the year", "2023"),
    ],
)
def test_more_time_shapes_in_text(nlp, text, published, expression, value):
    assert times_of(nlp, text, published=published).get(expression) == value


def test_in_the_past_few_years_is_no_reference_to_the_past(nlp):
    assert "in the past" not in {k.lower() for k in times_of(nlp, "Prices rose in the past few years.")}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "The March 2021 strike closed the port. On May 3, the company sacked 40 workers.",
            "May 3",
            "2021-05-03",
        ),
        ("In November 2021 the plant opened. In February it closed.", "February", "2022-02"),
        ("He was tried in May and executed on 3 March 1962.", "May", "1961-05"),
        ("The company sacked 40 workers on May 3.", "May 3", "2024-05-03"),
    ],
)
def test_a_day_without_a_year_takes_the_year_of_its_story(nlp, text, expression, value):
    assert times_of(nlp, text).get(expression) == value


@pytest.mark.parametrize(
    ("expression", "direction", "value"),
    [
        ("Election Day", "nearest", "2024-11-05"),  # the Tuesday after the first Monday of November
        ("Election Day 2016", "past", "2016-11-08"),
        ("Christmas Eve", "past", "2023-12-24"),
        ("Labor Day", "past", "2024-09-02"),
        ("Thanksgiving", "future", "2024-11-28"),
        ("Good Friday", "past", "2024-03-29"),
        ("New Year’s Day", "future", "2025-01-01"),
        ("by the end of the month", "future", "2024-10"),
        ("only last week", "past", "2024-W39"),
        ("in 10 days", "future", "2024-10-13"),
        ("in one week", "future", "2024-W41"),
    ],
)
def test_named_days_and_more_relative_times(expression, direction, value):
    assert resolve(expression, THURSDAY, direction) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Police arrived on May 3. The day before, the shop had closed.", "The day before", "2024-05-02"),
        ("The plant opened on Sept. 2. The following day it was shut.", "following day", "2024-09-03"),
        ("The plant opened on Sept. 2, and the day prior it was inspected.", "the day prior", "2024-09-01"),
        ("The plant opened on Sept. 2. The week after, it was shut.", "The week after", "2024-W37"),
        ("The parade was held on Christmas Eve.", "Christmas Eve", "2023-12-24"),
    ],
)
def test_times_counted_from_the_story(nlp, text, expression, value):
    found = times_of(nlp, text)
    assert any(expression in key and v == value for key, v in found.items()), found


def test_the_day_before_an_event_noun_is_no_time_of_its_own(nlp):
    assert times_of(nlp, "The day before the vote, the shop closed.") == {}
