"""Article structure: headline, dates, bylines, datelines, signatures, sections and paragraphs."""

from __future__ import annotations

import pytest

from whosaidwhat.readers import Article
from whosaidwhat.structure import parse_structure
from whosaidwhat.structure.agencies import AGENCIES, agency_named

BODY = (
    "The council of Eastmere approved a new ferry timetable on Tuesday.\n"
    "Ferries will sail every hour from May, the harbour master said.\n"
)


def structure_of(text: str, **metadata):
    return parse_structure(Article(text=text, format=metadata.pop("format", "text"), sha256="", **metadata))


def paragraph_texts(text: str, **metadata) -> list[str]:
    return [text[start:end] for start, end in structure_of(text, **metadata).paragraphs]


def test_first_line_is_the_headline_and_the_rest_is_body():
    text = "Eastmere changes its ferry timetable\n" + BODY
    found = structure_of(text)
    assert found.headline == "Eastmere changes its ferry timetable"
    assert paragraph_texts(text) == BODY.splitlines()


def test_a_first_line_too_long_for_a_headline_is_body():
    text = "The ferry sailed on time. " * 40 + "\n" + BODY
    found = structure_of(text)
    assert found.headline is None
    assert paragraph_texts(text)[0].startswith("The ferry sailed on time.")


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Published October 3, 2024", "2024-10-03", None),
        ("Updated 10:42 GMT, 4 October 2024", None, "2024-10-04T10:42:00+00:00"),
        ("Oct. 3, 2024", "2024-10-03", None),
        ("3 October 2024", "2024-10-03", None),
        ("2024-10-03", "2024-10-03", None),
        ("2024-10-03T10:42:00Z", "2024-10-03T10:42:00+00:00", None),
        ("Thu 3 Oct 2024 10.42 BST", "2024-10-03T10:42:00+01:00", None),
        (
            "Published: Sept. 26, 2016 at 10:42 a.m. EDT | Updated: Sept. 27, 2016",
            "2016-09-26T10:42:00-04:00",
            "2016-09-27",
        ),
        ("Last modified on Fri 4 Oct 2024 09.12 BST", None, "2024-10-04T09:12:00+01:00"),
        ("Posted 1st March 2023", "2023-03-01", None),
    ],
)
def test_date_lines_under_the_headline(line, published, updated):
    text = f"Eastmere changes its ferry timetable\n{line}\n{BODY}"
    found = structure_of(text)
    assert (found.published, found.updated) == (published, updated)
    assert paragraph_texts(text) == BODY.splitlines()


def test_dates_glued_to_the_first_paragraph():
    text = (
        "Eastmere changes its ferry timetable\n"
        "Published October 3, 2024last updated October 4, 2024The council of Eastmere approved it.\n"
        "Ferries will sail every hour.\n"
    )
    found = structure_of(text)
    assert (found.published, found.updated) == ("2024-10-03", "2024-10-04")
    assert paragraph_texts(text) == ["The council of Eastmere approved it.", "Ferries will sail every hour."]


@pytest.mark.parametrize(
    "line",
    ["October 3, 2024 was the day the council met.", "May 2024 be a better year, the mayor said."],
)
def test_sentences_opening_with_a_date_stay_in_the_body(line):
    text = f"Eastmere changes its ferry timetable\n{line}\n{BODY}"
    assert structure_of(text).published is None
    assert paragraph_texts(text)[0] == line


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], []),
        ("Jane Doe, Reuters", ["Jane Doe"], ["Reuters"]),
        ("By JANE DOE, Associated Press", ["JANE DOE"], ["AP"]),
        ("By Jane Doe in Eastmere", ["Jane Doe"], []),
        ("Written by: Ana de la Cruz & Tom Reed", ["Ana de la Cruz", "Tom Reed"], []),
        ("Jane Doe | AFP", ["Jane Doe"], ["AFP"]),
        ("By Jane Doe, The Coastal Courier", ["Jane Doe"], []),
        ("By Jane Doe, Transport Correspondent", ["Jane Doe"], []),
    ],
)
def test_bylines(line, authors, agencies):
    text = f"Eastmere changes its ferry timetable\n{line}\n{BODY}"
    found = structure_of(text)
    assert (found.authors, found.agencies) == (authors, agencies)
    assert paragraph_texts(text) == BODY.splitlines()


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, Jane Doe said, the timetable will be ready.", "By the end of May the ferries will sail."],
)
def test_sentences_opening_with_by_are_body(line):
    text = f"Eastmere changes its ferry timetable\n{line}\n{BODY}"
    assert structure_of(text).authors == []
    assert paragraph_texts(text)[0] == line


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("rc/sms (dpa, AP)", ["rc", "sms"], ["dpa", "AP"]),
        ("jd (Reuters, AFP)", ["jd"], ["Reuters", "AFP"]),
        ("(Reuters)", [], ["Reuters"]),
        ("— AP", [], ["AP"]),
        ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe", "John Roe"], []),
        (
            "(Reporting by Jane Doe in Eastmere; Additional reporting by Ana Silva; Editing by John Roe.)",
            ["Jane Doe", "Ana Silva", "John Roe"],
            [],
        ),
        ("Jane Doe and John Roe contributed reporting.", ["Jane Doe", "John Roe"], []),
        ("— Jane Doe", ["Jane Doe"], []),
    ],
)
def test_closing_signatures(line, authors, agencies):
    text = f"Eastmere changes its ferry timetable\n{BODY}{line}\n"
    found = structure_of(text)
    assert (found.authors, found.agencies) == (authors, agencies)
    assert paragraph_texts(text) == BODY.splitlines()


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("Jane Doe", ["Jane Doe"], []),
        ("Jane Doe and John Roe", ["Jane Doe", "John Roe"], []),
        ("JANE O’DOE and AP Transport Writer", ["JANE O’DOE"], ["AP"]),
        ("Jane Doe, Reuters Staff", ["Jane Doe"], ["Reuters"]),
        ("Courier Staff", ["Courier Staff"], []),
        ("Special to The Coastal Courier", ["Special to The Coastal Courier"], []),
        ("Reuters", [], ["Reuters"]),
        ("TNN", [], ["TNN"]),
    ],
)
def test_a_bare_byline_on_the_last_line(line, authors, agencies):
    text = f"Eastmere changes its ferry timetable\n{BODY}{line}\n"
    found = structure_of(text)
    assert (found.authors, found.agencies) == (authors, agencies)
    assert paragraph_texts(text) == BODY.splitlines()


def test_a_bare_name_above_the_last_line_is_body():
    text = f"Eastmere changes its ferry timetable\n{BODY}The Coastal Courier\nJane Doe\n"
    assert structure_of(text).authors == ["Jane Doe"]
    assert paragraph_texts(text)[-1] == "The Coastal Courier"


@pytest.mark.parametrize(
    "last_line",
    [
        "Read more about the harbour here.",
        "Only the mayor stayed home.",
        "Source: harbour office.",
        "Send Us Your Views",
        "Breaking News Alerts",
        "Harbour",
        "admin",
        "Jane Doe said so.",
    ],
)
def test_ordinary_closing_paragraphs_are_body(last_line):
    text = f"Eastmere changes its ferry timetable\n{BODY}{last_line}\n"
    found = structure_of(text)
    assert (found.authors, found.agencies) == ([], [])
    assert paragraph_texts(text)[-1] == last_line


@pytest.mark.parametrize(
    ("dateline", "agencies"),
    [
        ("EASTMERE, Northshire (AP) — ", ["AP"]),
        ("EASTMERE, N.Y., Sept. 26 (UPI) — ", ["UPI"]),
        ("Eastmere, Northshire (Reuters) - ", ["Reuters"]),
        ("EASTMERE ― ", []),
        ("EASTMERE -- ", []),
        ("NEW EASTMERE, Va. - ", []),
    ],
)
def test_dateline_is_not_part_of_the_first_paragraph(dateline, agencies):
    first = "The council approved a new ferry timetable on Tuesday."
    text = f"Eastmere changes its ferry timetable\n{dateline}{first}\nFerries will sail every hour.\n"
    found = structure_of(text)
    assert found.agencies == agencies
    start, end = found.paragraphs[0]
    assert text[start:end] == first
    assert start == text.index(first)
    assert text[slice(*found.dateline)].casefold() in ("eastmere", "new eastmere")


def test_a_known_place_before_a_colon_is_a_dateline():
    text = (
        "Ferries to change\nLONDON: The council approved a new ferry timetable on Tuesday.\nMore ferries.\n"
    )
    found = structure_of(text)
    assert text[slice(*found.dateline)] == "LONDON"
    assert paragraph_texts(text)[0] == "The council approved a new ferry timetable on Tuesday."


@pytest.mark.parametrize(
    "line",
    [
        "Eastmere - the town by the sea - changed its timetable.",
        "The Latest: ferries",
        "HARGREAVES: The council approved a new ferry timetable on Tuesday.",
    ],
)
def test_openings_that_are_not_datelines(line):
    text = f"Eastmere changes its ferry timetable\n{line}\n{BODY}"
    assert paragraph_texts(text)[0] == line


SECTIONED = (
    "Eastmere changes its ferry timetable\n"
    "The council approved a new ferry timetable on Tuesday.\n"
    "What the mayor said\n"
    "The mayor said the change was overdue.\n"
    "She thanked the harbour staff.\n"
    "What happens next\n"
    "Ferries will sail every hour from May.\n"
)


def test_section_headings_are_kept_apart_from_paragraphs():
    found = structure_of(SECTIONED)
    assert [heading for heading, _, _ in found.sections] == ["What the mayor said", "What happens next"]
    paragraphs = paragraph_texts(SECTIONED)
    assert "What the mayor said" not in paragraphs and len(paragraphs) == 4
    heading, start, end = found.sections[0]
    assert SECTIONED[start:end] == "The mayor said the change was overdue.\nShe thanked the harbour staff."


@pytest.mark.parametrize(
    "text",
    [
        "Eastmere changes its ferry timetable\nThe council met on Tuesday.\nIt agreed to:\n"
        "Sail every hour\nStop at night\nFerries start in May.\n",
        "Eastmere changes its ferry timetable\nThe council met on\nTuesday evening\nand agreed.\n",
    ],
    ids=["list", "broken-sentence"],
)
def test_lists_and_broken_lines_are_not_headings(text):
    assert structure_of(text).sections == []


def test_blank_lines_separate_paragraphs_of_wrapped_text():
    text = (
        "Eastmere changes its\nferry timetable\n\n"
        "The council approved a new\nferry timetable on Tuesday.\n\n"
        "Ferries will sail every hour.\n"
    )
    found = structure_of(text)
    assert found.headline == "Eastmere changes its ferry timetable"
    assert paragraph_texts(text) == [
        "The council approved a new\nferry timetable on Tuesday.",
        "Ferries will sail every hour.",
    ]


def test_headline_ending_in_a_semicolon_runs_on_to_its_second_line():
    deck = "Eastmere changes its timetable; \nFerries to sail every hour from May.\n\n"
    text = deck + BODY.replace("\n", "\n\n")
    found = structure_of(text)
    assert found.headline == "Eastmere changes its timetable; Ferries to sail every hour from May."
    assert paragraph_texts(text) == BODY.splitlines()


def test_declared_headline_is_not_repeated_in_the_body():
    text = "Eastmere changes its ferry timetable\nBy Jane Doe\n" + BODY
    found = structure_of(
        text,
        format="html",
        headline="Eastmere changes its ferry timetable",
        published="2024-05-14",
        authors=["Jane Doe"],
    )
    assert found.headline == "Eastmere changes its ferry timetable"
    assert (found.published, found.authors) == ("2024-05-14", ["Jane Doe"])
    body = paragraph_texts(text, format="html", headline="Eastmere changes its ferry timetable")
    assert body == BODY.splitlines()


def test_declared_headline_that_the_text_does_not_repeat():
    found = structure_of(BODY, format="html", headline="Timetable news")
    assert found.headline == "Timetable news"
    assert len(found.paragraphs) == 2


def test_offsets_point_into_the_text_with_crlf_and_indentation():
    text = "  Eastmere changes its ferry timetable\r\n\r\n  The council met.  \r\n\r\nIt agreed.\r\n"
    assert paragraph_texts(text) == ["The council met.", "It agreed."]


@pytest.mark.parametrize(
    ("printed", "short"), [("Associated Press", "AP"), ("DPA", "dpa"), ("reuters", "Reuters")]
)
def test_agency_names(printed, short):
    assert agency_named(printed) == short


def test_agency_table_holds_the_main_wire_services():
    wires = {"AP", "AFP", "Reuters", "dpa", "UPI", "EFE", "ANSA", "Kyodo", "Xinhua", "PA", "Bloomberg"}
    assert wires <= set(AGENCIES)


def test_empty_text_has_no_structure():
    found = structure_of("")
    assert (found.headline, found.paragraphs, found.sections) == (None, [], [])
