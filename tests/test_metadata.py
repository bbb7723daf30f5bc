"""HTML metadata: the article's headline, authors and agencies, and dates that are never invented."""

from __future__ import annotations

import json

import pytest

from whosaidwhat.readers import read_bytes
from whosaidwhat.structure import NO_DATE_WARNING, parse_structure
from whosaidwhat.structure.credits import credits_of_metadata

BODY = """
<p>The council of Eastmere approved a new ferry timetable on Tuesday, after a long debate
about the cost of running boats through the winter months.</p>
<p>"Ferries will sail every hour from May," the harbour master said at the quay.</p>
<p>The first boat of the new timetable leaves for the islands at seven in the morning.</p>
"""


def page(head: str = "", body: str = "", h1: str | None = "Eastmere changes its ferry timetable") -> bytes:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head>{head}</head>"
        f"<body><article>{heading}{body}{BODY}</article></body></html>"
    ).encode()


def jsonld(**fields) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


def meta(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{name}" content="{content}">'


def record_of(data: bytes):
    article = read_bytes(data, path="page.html")
    return article, parse_structure(article)


HEADLINE = "Eastmere changes its ferry timetable"


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} - Harbour Times",
        f"{HEADLINE} | HarbourTimes",
        f"{HEADLINE} - Local | Harbourtimes.example",
        f"{HEADLINE} | Northshire News - The Harbour Times",
        f"Harbour Times: {HEADLINE}",
        f"The Harbour Times » {HEADLINE}",
    ],
)
def test_the_site_name_is_not_part_of_the_headline(title):
    head = meta("og:site_name", "The Harbour Times", "property") + meta("og:title", title, "property")
    article, _ = record_of(page(head, h1=None))
    assert article.headline == HEADLINE.replace("Harbour Times: ", "")


def test_a_site_known_only_by_its_address_is_still_taken_off():
    head = '<link rel="canonical" href="https://www.harbourtimes.example/news/1">'
    head += meta("og:title", f"{HEADLINE} | HarbourTimes", "property")
    assert record_of(page(head, h1=None))[0].headline == HEADLINE


@pytest.mark.parametrize(
    "sharing",
    [
        f"{HEADLINE} - Harbour Times",
        f"{HEADLINE} - Local | harbourtimes.example",
        f"Harbour Times: {HEADLINE}",
    ],
)
def test_a_site_name_the_page_does_not_declare_is_taken_off(sharing):
    assert record_of(page(meta("og:title", sharing, "property")))[0].headline == HEADLINE


def test_a_dash_inside_the_headline_stays():
    title = "Ferries in 2024 - timetable, fares & stops"
    head = jsonld(headline=title) + meta("og:title", f"{title} - Harbour Times", "property")
    head += meta("og:site_name", "Harbour Times", "property")
    assert record_of(page(head, h1="Ferries in 2024"))[0].headline == title


def test_the_sources_that_agree_win_over_a_sharing_title():
    head = jsonld(headline=HEADLINE) + meta("og:title", "You won't believe this ferry news", "property")
    assert record_of(page(head))[0].headline == HEADLINE


def test_the_jsonld_headline_settles_a_disagreement():
    head = jsonld(headline=HEADLINE) + meta("og:title", "Ferry news", "property")
    assert record_of(page(head, h1="Ferries: what changes"))[0].headline == HEADLINE


def test_a_headline_cut_short_is_completed_from_the_page():
    head = jsonld(headline=HEADLINE[:30]) + meta("og:title", "Ferry news", "property")
    assert record_of(page(head))[0].headline == HEADLINE


def test_neither_a_subhead_nor_a_related_story_is_the_headline():
    related = {"@type": "BlogPosting", "headline": "Bus fares rise again"}
    head = jsonld(headline=HEADLINE, liveBlogUpdate=[related])
    body = "<h2>What the mayor said</h2><aside><h3>Bus fares rise again</h3></aside>"
    assert record_of(page(head, body))[0].headline == HEADLINE


def test_the_page_title_is_the_last_resort():
    head = f"<title>{HEADLINE} | The Harbour Times</title>" + meta(
        "og:site_name", "The Harbour Times", "property"
    )
    assert record_of(page(head, h1=None))[0].headline == HEADLINE


@pytest.mark.parametrize(
    ("author", "authors", "agencies"),
    [
        ({"@type": "Person", "name": "Ada Lindqvist"}, ["Ada Lindqvist"], []),
        ("Ada Lindqvist", ["Ada Lindqvist"], []),
        (
            [{"@type": "Person", "name": "Ada Lindqvist"}, {"@type": "Person", "name": "Tom Reed"}],
            ["Ada Lindqvist", "Tom Reed"],
            [],
        ),
        ({"@type": "Person", "givenName": "Ada", "familyName": "Lindqvist"}, ["Ada Lindqvist"], []),
        ({"@type": "Organization", "name": "Reuters"}, [], ["Reuters"]),
        (
            [
                {"@type": "Person", "name": "ADA LINDQVIST", "jobTitle": "AP Transport Writer"},
                {"name": "AP Transport Writer"},
            ],
            ["ADA LINDQVIST"],
            ["AP"],
        ),
        ({"@type": "Person", "name": "Courier Staff"}, ["Courier Staff"], []),
        ({"@type": "Person", "name": "admin"}, [], []),
    ],
)
def test_jsonld_authors(author, authors, agencies):
    _, found = record_of(page(jsonld(headline=HEADLINE, author=author)))
    assert (found.authors, found.agencies) == (authors, agencies)


def test_an_author_given_by_reference_is_looked_up():
    graph = {
        "@graph": [
            {"@type": "NewsArticle", "headline": HEADLINE, "author": {"@id": "#ada"}},
            {"@type": "Person", "@id": "#ada", "name": "Ada Lindqvist"},
        ]
    }
    script = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    assert record_of(page(script))[1].authors == ["Ada Lindqvist"]


@pytest.mark.parametrize(
    ("tags", "authors"),
    [
        (
            meta("author", "Ada Lindqvist")
            + meta("article:author", "https://courier.example/authors/ada-lindqvist/", "property")
            + meta("parsely-author", "ada-lindqvist"),
            ["Ada Lindqvist"],
        ),
        (meta("byl", "By Ada Lindqvist and Tom Reed"), ["Ada Lindqvist", "Tom Reed"]),
        (meta("dc.creator", "Lindqvist, Ada"), ["Ada Lindqvist"]),
        (
            meta("citation_author", "Lindqvist, Ada") + meta("citation_author", "Reed, Tom"),
            ["Ada Lindqvist", "Tom Reed"],
        ),
        (meta("dc.creator", "Lindqvist, Ada, Reed, Tom"), ["Ada Lindqvist", "Tom Reed"]),
        (meta("author", "Ada Lindqvist; Lindqvist"), ["Ada Lindqvist"]),
        (meta("article:author", "https://courier.example/authors/ada/", "property"), []),
    ],
)
def test_meta_tag_authors_name_each_person_once_and_whole(tags, authors):
    assert record_of(page(tags))[1].authors == authors


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        ('<p class="byline">By Ada Lindqvist, Updated 14 May 2024</p>', ["Ada Lindqvist"]),
        ('<p class="byline"><a class="author" href="mailto:ada@x.example">Email the author</a></p>', []),
    ],
)
def test_the_byline_box_without_its_date_and_mail_link(box, authors):
    assert record_of(page(body=box))[1].authors == authors


@pytest.mark.parametrize(
    ("values", "authors", "agencies"),
    [
        (["Ada Lindqvist", "Ada-Lindqvist", "ADA LINDQVIST"], ["Ada Lindqvist"], []),
        (["Associated Press"], [], ["AP"]),
        (["Ada Lindqvist, Reuters"], ["Ada Lindqvist"], ["Reuters"]),
        (["Email the author", "ada@courier.example"], [], []),
    ],
)
def test_credits_of_metadata(values, authors, agencies):
    credits = credits_of_metadata(values)
    assert (credits.authors, credits.agencies) == (authors, agencies)


def test_the_date_comes_from_the_article_markup():
    head = jsonld(
        headline=HEADLINE, datePublished="2024-05-14T08:00:00+02:00", dateModified="2024-05-15T09:00:00Z"
    )
    article, found = record_of(page(head))
    assert (found.published, found.updated) == ("2024-05-14", "2024-05-15")
    assert NO_DATE_WARNING not in found.warnings


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("", "<footer>Copyright 2019 The Harbour Times</footer>"),
        (jsonld(headline=HEADLINE, datePublished="1970-01-01T00:00:00+00:00"), ""),
        (meta("article:published_time", "1970-01-01T02:00:00+02:00", "property"), ""),
        ("", '<aside><a href="/2021/05/11/a">Fares</a> <span class="date">May 11, 2021</span></aside>'),
        ("", '<ul class="related-stories"><li><time datetime="2021-05-11">May 11, 2021</time></li></ul>'),
    ],
    ids=["copyright", "epoch-jsonld", "epoch-meta", "related-link", "related-list"],
)
def test_no_date_is_invented(head, body):
    article, found = record_of(page(head, body))
    assert article.published is None and found.published is None
    assert NO_DATE_WARNING in found.warnings


def test_a_printed_date_in_the_article_is_found():
    body = '<p class="date"><time datetime="2024-05-14T08:00:00Z">14 May 2024</time></p>'
    assert record_of(page(body=body))[0].published == "2024-05-14"


def test_a_record_without_a_date_says_so(nlp):
    from whosaidwhat.extract import extract

    data = page(body="<footer>Copyright 2019 The Harbour Times</footer>")
    record = extract(read_bytes(data, path="page.html"), nlp)
    assert record.published is None
    assert NO_DATE_WARNING in record.warnings
