"""Money, percentages and counts, with currency, unit and hedge."""

from __future__ import annotations

import pytest

from whosaidwhat.nlp import analyse
from whosaidwhat.nlp.figures import currency_names


def figures_of(nlp, text: str) -> list[dict]:
    doc = analyse(nlp, text, published="2024-10-03")
    return [{**f, "text": text[f["start"] : f["end"]]} for f in doc._.wsw_figures]


def figure_containing(nlp, text: str, fragment: str) -> dict:
    found = [f for f in figures_of(nlp, text) if fragment in f["text"]]
    assert found, f"no figure containing {fragment!r} in {figures_of(nlp, text)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        ("The fund received $8 billion from donors.", "$8 billion", 8_000_000_000, "USD"),
        ("The club paid £2.5m for the striker.", "£2.5m", 2_500_000, "GBP"),
        ("The city spent R500 million on buses.", "R500 million", 500_000_000, "ZAR"),
        ("Brussels set aside €3bn for the scheme.", "€3bn", 3_000_000_000, "EUR"),
        ("The project will cost 5 million euros.", "5 million euros", 5_000_000, "EUR"),
        ("Exports reached US$20 billion last year.", "US$20 billion", 20_000_000_000, "USD"),
        ("The bank lent 300 Canadian dollars to each family.", "300 Canadian dollars", 300, "CAD"),
        ("The loan of USD 4.5bn was signed.", "USD 4.5bn", 4_500_000_000, "USD"),
        ("Each household gets 20,000 hryvnias a year.", "20,000 hryvnias", 20_000, "UAH"),
        ("The firm was fined 2 million yuan.", "2 million yuan", 2_000_000, "CNY"),
        ("A ticket costs ¥1,200 in Osaka.", "¥1,200", 1_200, "JPY"),
        ("The state spent 1.2 trillion rubles on defence.", "1.2 trillion rubles", 1_200_000_000_000, "RUB"),
    ],
)
def test_money_has_value_and_iso_currency(nlp, text, fragment, value, unit):
    figure = figure_containing(nlp, text, fragment)
    assert (figure["kind"], figure["value"], figure["unit"]) == ("money", value, unit)


@pytest.mark.parametrize(
    ("text", "fragment", "kind", "value", "unit"),
    [
        ("Turnout was 12% in the north.", "12%", "percent", 12, "%"),
        ("Turnout fell to 12 percent in the north.", "12 percent", "percent", 12, "%"),
        ("Inflation stood at 3.5 per cent in May.", "3.5 per cent", "percent", 3.5, "%"),
        ("Her lead grew by 4 percentage points.", "4 percentage points", "percentage_points", 4, "pp"),
        (
            "Growth fell by half a percentage point.",
            "half a percentage point",
            "percentage_points",
            0.5,
            "pp",
        ),
    ],
)
def test_percentages(nlp, text, fragment, kind, value, unit):
    figure = figure_containing(nlp, text, fragment)
    assert (figure["kind"], figure["value"], figure["unit"]) == (kind, value, unit)


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        ("The country has 241 million internet users.", "241 million internet users", 241_000_000, "users"),
        ("The army sent 2,500 troops to the border.", "2,500 troops", 2_500, "troops"),
        ("Three dozen people gathered outside.", "dozen people", 36, "people"),
        ("The camp holds 1.5 million refugees.", "1.5 million refugees", 1_500_000, "refugees"),
        ("Seven ministers signed the letter.", "Seven ministers", 7, "ministers"),
        ("Twenty-nine people were hurt.", "Twenty-nine people", 29, "people"),
    ],
)
def test_counts_name_what_they_count(nlp, text, fragment, value, unit):
    figure = figure_containing(nlp, text, fragment)
    assert (figure["kind"], figure["value"], figure["unit"]) == ("count", value, unit)


@pytest.mark.parametrize(
    ("hedge", "qualifier"),
    [
        ("nearly", "nearly"),
        ("about", "about"),
        ("almost", "almost"),
        ("more than", "more than"),
        ("at least", "at least"),
        ("up to", "up to"),
        ("some", "some"),
        ("around", "around"),
        ("roughly", "roughly"),
        ("over", "over"),
        ("less than", "less than"),
        ("", None),
    ],
)
def test_hedges_become_qualifiers(nlp, hedge, qualifier):
    text = f"The government promised {hedge} $8 billion of assistance.".replace("  ", " ")
    figure = figure_containing(nlp, text, "$8 billion")
    assert figure["qualifier"] == qualifier


@pytest.mark.parametrize(("tail", "qualifier"), [("or less", "or less"), ("or more", "or more")])
def test_hedges_after_the_figure(nlp, tail, qualifier):
    figure = figure_containing(nlp, f"Most donors gave $200 {tail} to the campaign.", "$200")
    assert figure["qualifier"] == qualifier


def test_hedge_on_a_count(nlp):
    figure = figure_containing(nlp, "More than 1,000 people attended the rally.", "1,000 people")
    assert (figure["kind"], figure["qualifier"]) == ("count", "more than")


def test_units_of_measure_make_quantities(nlp):
    figure = figure_containing(nlp, "The arch rises 215 feet above the river.", "215 feet")
    assert (figure["kind"], figure["value"], figure["unit"]) == ("quantity", 215, "feet")


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 2016.",
        "The talks lasted two days.",
        "The meeting starts at 10 a.m.",
        "The vote is on Nov. 8.",
        "Mine No. 2 closed.",
    ],
)
def test_years_and_durations_are_not_figures(nlp, text):
    assert figures_of(nlp, text) == []


def test_currency_names_come_from_iso_4217():
    names = currency_names()
    assert names["euros"] == "EUR"
    assert names["swiss franc"] == "CHF"
    assert names["rand"] == "ZAR"
    assert names["pounds"] == "GBP"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank lent USD 20 million dollars to 300 farmers in 2016.", ["USD 20 million", "300 farmers"]),
        (
            "The project will cost 5 million euros, about 40 percent of the budget.",
            ["5 million euros", "40 percent"],
        ),
    ],
)
def test_a_figure_overlapping_an_earlier_one_or_a_time_is_dropped(nlp, text, expected):
    assert [f["text"] for f in figures_of(nlp, text)] == expected
