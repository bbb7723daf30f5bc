"""Patterns that ignore case find, over the lower-cased text, exactly what they find over the text."""

from __future__ import annotations

import re

import pytest

from whosaidwhat.nlp.case_free import matches_ignoring_case
from whosaidwhat.nlp.figures import MONEY_PATTERNS, PERCENT_PATTERN
from whosaidwhat.nlp.times import PATTERNS as TIME_PATTERNS

TEXTS = [
    "The talks resume NEXT WEEK, not on Monday Morning; they broke down 3 Days Ago.",
    "\u201cWe meet on Friday,\u201d she said \u2014 at 8:30 P.M. \u2014 in 2019.",
    "Costs rose 12 Percent to 40 million RAND, or 2 billion Euros, and 300 USD.",
    "They met on \u017funday in 2019.",  # a long s matches "s" when case is ignored
    "The \u0130nquiry opened in 2019, next year it ends.",  # the capital dotted I lowers to two characters
    "The Caf\u00e9 reopened last month after a 5 PERCENT rise.",
]


def found(patterns, text):
    return [(match.span(), match.groupdict()) for match, _ in matches_ignoring_case(patterns, text)]


def found_ignoring_case(patterns, text):
    return [(match.span(), match.groupdict()) for pattern in patterns for match in pattern.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("patterns", [TIME_PATTERNS, MONEY_PATTERNS, [PERCENT_PATTERN]])
def test_the_same_matches_with_the_texts_own_letters(patterns, text):
    assert found(patterns, text) == found_ignoring_case(patterns, text)


def test_each_pattern_in_turn_keeps_its_matches_and_their_groups():
    patterns = [re.compile(r"\b(?P<n>\d+) (?P<unit>percent|usd)\b", re.I), re.compile(r"\bUSD\b")]
    matches = list(matches_ignoring_case(patterns, "Up 5 Percent, or 7 USD. USD"))
    assert [(match.group("n"), match.group("unit")) for match, _ in matches[:2]] == [
        ("5", "Percent"),
        ("7", "USD"),
    ]
    assert [match.span() for match, pattern in matches if pattern is patterns[1]] == [(19, 22), (24, 27)]
