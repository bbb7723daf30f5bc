"""TIMEX3-style values as the first day of the period they name."""

from __future__ import annotations

import pytest

from whosaidwhat.timex import first_day


@pytest.mark.parametrize(
    "value, day",
    [
        ("2024-10-03", "2024-10-03"),
        ("2024-10-03T14:00", "2024-10-03"),
        ("2024-10-03T12:26:15+00:00", "2024-10-03"),
        ("2024-W41", "2024-10-07"),
        ("2024-W40-WE", "2024-10-05"),
        ("2024-10", "2024-10-01"),
        ("2024-FA", "2024-09-01"),
        ("2016", "2016-01-01"),
        ("201X", "2010-01-01"),
        ("PRESENT_REF", None),
        ("2024-13", None),
        ("2024-W54", None),
        ("", None),
        (None, None),
    ],
)
def test_first_day(value, day):
    assert first_day(value) == day
