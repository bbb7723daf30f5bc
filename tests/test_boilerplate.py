"""Page furniture among the body lines is neither a paragraph nor a section, and gives no quote."""

from __future__ import annotations

import pytest

from whosaidwhat.readers import Article, read_bytes
from whosaidwhat.structure import parse_structure

HEADLINE = "Eastmere changes its ferry timetable"
BODY = [
    "The council of Eastmere approved a new ferry timetable on Tuesday after a long debate.",
    '"Ferries will sail every hour from May," the harbour master said at the quay.',
    "The first boat of the new timetable leaves for the islands at seven in the morning.",
]


def paragraphs_of(lines: list[str]) -> list[str]:
    text = "\n".join([HEADLINE, *lines]) + "\n"
    found = parse_structure(Article(text=text, format="text", sha256=""))
    return [text[start:end] for start, end in found.paragraphs]


@pytest.mark.parametrize(
    "furniture",
    [
        "Advertisement",
        "Article content",
        "Story continues below advertisement",
        "READ MORE: Bus fares rise again in Northshire",
        "Related: Bus fares rise again",
        "Sign up to our Northshire newsletter for the latest local news.",
        "We want to hear from you. Tell us how the new timetable affects your journey.",
        "Follow Jane Doe on Twitter @janedoe.",
        "Subscribe to Courier Premium to bookmark this article",
        "Download our app for the latest news on the go.",
        "_______",
        "* * *",
    ],
)
def test_furniture_is_not_a_paragraph(furniture):
    assert paragraphs_of([BODY[0], furniture, *BODY[1:]]) == BODY


def test_a_teaser_between_sentences_is_not_a_section_heading():
    text = "\n".join([HEADLINE, BODY[0], "READ MORE: Bus fares rise", *BODY[1:]]) + "\n"
    assert parse_structure(Article(text=text, format="text", sha256="")).sections == []


def test_a_summary_box_and_its_list_are_not_paragraphs():
    box = ["What to know", "- Ferries sail every hour from May", "- The first boat leaves at seven"]
    assert paragraphs_of([*box, *BODY]) == BODY


def test_a_summary_that_repeats_the_body_is_not_a_paragraph():
    body = [*BODY[:2], BODY[2] + " It returns from the islands at nine in the evening."]
    assert paragraphs_of([BODY[2], *body]) == body


def test_a_body_printed_again_as_one_block_is_not_a_paragraph():
    assert paragraphs_of([*BODY, " ".join(BODY)]) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Readers who subscribe to the Courier paid more this year, the publisher said.",
        '"Sign up for the ferry and you will not regret it," the mayor told us.',
        "The newsletter of the ferry company, which Jane Doe edits, reported a long list of complaints "
        "from passengers about the old timetable, the crowded boats in summer, the cancelled sailings in "
        "winter and the cost of a return ticket to the islands, which has doubled in ten years and more.",
    ],
)
def test_reporting_about_subscriptions_stays(line):
    assert paragraphs_of([BODY[0], line, *BODY[1:]]) == [BODY[0], line, *BODY[1:]]


def test_short_lines_said_twice_stay():
    lines = [BODY[0], "He said:", BODY[1], "He said:", BODY[2]]
    assert paragraphs_of(lines) == lines


def test_furniture_in_a_page_gives_no_quote(nlp):
    from whosaidwhat.extract import extract

    page = (
        "<html><body><article><h1>Eastmere changes its ferry timetable</h1>"
        "<p>The council of Eastmere approved a new ferry timetable on Tuesday after a long debate.</p>"
        "<p>We want to hear from you. Tell us how the timetable changes your journeys.</p>"
        '<p>"Ferries will sail every hour from May," the harbour master said at the quay.</p>'
        "</article></body></html>"
    )
    record = extract(read_bytes(page.encode(), path="page.html"), nlp)
    assert [quote.content.text.strip('"“”,') for quote in record.quotes] == [
        "Ferries will sail every hour from May"
    ]


def test_a_passage_printed_three_times_is_the_articles_own():
    lines = [*BODY, *BODY, *BODY]
    assert paragraphs_of(lines) == lines


def test_a_summary_box_in_a_page_is_not_a_paragraph():
    page = (
        "<html><body><article><h1>Eastmere changes its ferry timetable</h1>"
        "<div><h2>What to know</h2><ul><li>Ferries sail every hour from May.</li>"
        "<li>The first boat leaves at seven.</li></ul></div>"
        + "".join(f"<p>{line}</p>" for line in BODY)
        + "<div><p>Sign up to our Northshire newsletter for the latest local news.</p></div>"
        "</article></body></html>"
    )
    article = read_bytes(page.encode(), path="page.html")
    found = parse_structure(article)
    assert [article.text[start:end] for start, end in found.paragraphs] == BODY
