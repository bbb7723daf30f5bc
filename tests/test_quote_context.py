"""When and where each quote was said, on short articles written for these tests."""

from __future__ import annotations

import pytest

from whosaidwhat.extract import extract
from whosaidwhat.readers import read_bytes

#: A headline and a dateline above each test article's body: Friday, May 9, 2025.
HEADER = "Harbour to close for the winter\nPublished May 9, 2025\n"


def quotes_of(nlp, body: str) -> list[dict]:
    record = extract(read_bytes((HEADER + body).encode("utf-8"), path="story.txt"), nlp).to_dict()
    names = {entity["id"]: entity["name"] for entity in record["entities"]}
    return [
        {"content": q["content"]["text"], "when": q["when"], "where": names.get(q["where"])}
        for q in record["quotes"]
    ]


def quote_containing(nlp, body: str, words: str) -> dict:
    found = [q for q in quotes_of(nlp, body) if words in q["content"]]
    assert len(found) == 1, quotes_of(nlp, body)
    return found[0]


WHEN = [
    pytest.param(
        "Eva Dahl said on Wednesday that the harbour would close.",
        "harbour",
        {"value": "2025-05-07", "basis": "text"},
        id="said-on-a-day",
    ),
    pytest.param(
        '"The harbour will close," Eva Dahl told the council on Tuesday.',
        "harbour",
        {"value": "2025-05-06", "basis": "text"},
        id="told-after-the-quotation",
    ),
    pytest.param(
        "Speaking on Monday, Eva Dahl said the harbour would close.",
        "harbour",
        {"value": "2025-05-05", "basis": "text"},
        id="participle-clause",
    ),
    pytest.param(
        "Eva Dahl said the harbour would close on Thursday.",
        "harbour",
        {"value": "2025-05-09", "basis": "published"},
        id="a-time-in-what-was-said-is-not-when-it-was-said",
    ),
    pytest.param(
        "A council survey from 2023 found that the harbour was losing money.",
        "harbour",
        {"value": "2025-05-09", "basis": "published"},
        id="a-time-in-the-source-is-not-when-it-was-said",
    ),
    pytest.param(
        "Eva Dahl said the harbour would close.",
        "harbour",
        {"value": "2025-05-09", "basis": "published"},
        id="no-time-given",
    ),
]


@pytest.mark.parametrize("body, words, when", WHEN)
def test_when_a_quote_was_said(nlp, body, words, when):
    assert quote_containing(nlp, body, words)["when"] == when


def test_a_quote_without_a_publication_date_or_a_time_has_no_when(nlp):
    record = extract(read_bytes(b"Harbour news\nEva Dahl said the harbour would close.", path="a.txt"), nlp)
    assert [q.when for q in record.quotes] == [None]


def test_a_continued_quotation_was_said_when_and_where_its_first_part_was(nlp):
    body = (
        '"We cannot keep the harbour open," Eva Dahl told reporters in Bergen on Wednesday.\n'
        '"The money is simply not there, and the ferries are half empty."\n'
    )
    quotes = quotes_of(nlp, body)
    assert [q["when"]["value"] for q in quotes] == ["2025-05-07", "2025-05-07"]
    assert [q["where"] for q in quotes] == ["Bergen", "Bergen"]


WHERE = [
    pytest.param(
        "Eva Dahl told reporters in Bergen that the harbour would close.", "Bergen", id="told-reporters-in"
    ),
    pytest.param(
        "Speaking at a rally in Manchester, Eva Dahl said the harbour would close.",
        "Manchester",
        id="at-a-rally-in",
    ),
    pytest.param("Eva Dahl said the harbour in Bergen would close.", None, id="a-place-in-what-was-said"),
]


@pytest.mark.parametrize("body, place", WHERE)
def test_where_a_quote_was_said(nlp, body, place):
    assert quote_containing(nlp, body, "harbour")["where"] == place


def test_a_dispatch_was_said_where_its_dateline_places_it(nlp):
    text = (
        "Ferry strike ends\nPublished May 9, 2025\n"
        "BERGEN, Norway (AP) — The strike is over, union leader Eva Dahl said.\n"
        "Dahl told reporters in Oslo that the deal was fair.\n"
    )
    record = extract(read_bytes(text.encode("utf-8"), path="dispatch.txt"), nlp).to_dict()
    places = {entity["id"]: entity for entity in record["entities"] if entity["type"] == "GPE"}
    said = {q["content"]["text"].removeprefix("that "): places[q["where"]]["name"] for q in record["quotes"]}
    assert said == {"The strike is over": "Bergen", "the deal was fair": "Oslo"}
    bergen = next(entity for entity in places.values() if entity["name"] == "Bergen")
    assert [m["text"] for m in bergen["mentions"]] == ["BERGEN"]


def test_today_in_what_was_said_is_the_day_it_was_said(nlp):
    body = "Eva Dahl said on Wednesday that the harbour would close today and reopen next week.\n"
    record = extract(read_bytes((HEADER + body).encode("utf-8"), path="story.txt"), nlp).to_dict()
    values = {time["text"]: time["value"] for time in record["times"]}
    assert values["today"] == "2025-05-07"
    assert values["next week"] == "2025-W20"
    assert values["Wednesday"] == "2025-05-07"
