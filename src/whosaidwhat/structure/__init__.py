"""Article structure from scraped text: headline, dates, byline, sections and body paragraphs.

:func:`parse_structure` reads the text of an :class:`~whosaidwhat.readers.Article` and
returns a :class:`Structure`; where the reader already knows a field (HTML metadata),
the reader's value wins (its authors sorted into people and agencies, see
:mod:`~whosaidwhat.structure.credits`).

The text is read paragraph by paragraph (a line, or a block of lines between blank
lines, see :func:`~whosaidwhat.structure.lines.split_paragraphs`), top to bottom:

* the headline (the first line);
* header lines: printed dates and bylines, in any order; a date line may have the first
  paragraph glued to it ("... October 3, 2024Former Dutch ..."), which then starts where
  the date ends;
* the body; a dateline opening the first paragraph ("KYIV, Ukraine (AP) —") is not part
  of it: that paragraph's span starts after the dash, and the agency is credited;
* page furniture among the body lines (labels, teasers, calls to the reader, summary
  boxes, passages printed twice) is set aside, see :mod:`~whosaidwhat.structure.boilerplate`;
* closing signatures ("rc/sms (dpa, AP)", "(Reuters)", "Reporting by ..."), from the end;
  the last line may be a bare byline ("Jane Doe and John Roe", "9News Staff").

Section headings among the body lines are kept apart from the paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whosaidwhat.readers import Article
from whosaidwhat.structure.boilerplate import without_furniture
from whosaidwhat.structure.byline import (
    Credits,
    read_byline,
    read_closing_byline,
    read_dateline,
    read_signature,
)
from whosaidwhat.structure.credits import credits_of_metadata
from whosaidwhat.structure.dates import read_date_line
from whosaidwhat.structure.headline import find_headline
from whosaidwhat.structure.lines import Line, split_paragraphs
from whosaidwhat.structure.sections import split_sections

#: How many lines after the headline may hold dates and bylines.
MAX_HEADER_LINES = 4
#: How many lines at the end may hold signatures and credits.
MAX_SIGNATURE_LINES = 3
#: A missing date is said, never guessed from a copyright line or a related story.
NO_DATE_WARNING = "no publication date found; published is null"


@dataclass
class Structure:
    """What surrounds the body of an article, and where the body's paragraphs are."""

    headline: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    #: body paragraphs as (start, end) offsets into the article text
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    #: (heading, start, end): start..end covers the section's paragraphs
    sections: list[tuple[str, int, int]] = field(default_factory=list)
    #: what could not be found and matters to the reader of the record
    warnings: list[str] = field(default_factory=list)
    #: (start, end) of the place a dateline names ("KYIV" in "KYIV, Ukraine (AP) —")
    dateline: tuple[int, int] | None = None


def parse_structure(article: Article) -> Structure:
    """The structure of ``article``'s text, with the reader's metadata taking precedence."""
    lines = split_paragraphs(article.text)
    headline, taken = find_headline(lines, article.headline)
    found = Structure(headline=headline)
    credits = Credits()
    body = read_header(lines[taken:], found, credits)
    body = read_signatures(without_furniture(body), credits)
    if body:
        body[0] = strip_dateline(body[0], credits, found)
    paragraphs, found.sections = split_sections(body)
    found.paragraphs = [(line.start, line.end) for line in paragraphs]
    found.published = article.published or found.published
    found.updated = article.updated or found.updated
    if found.published is None:
        found.warnings.append(NO_DATE_WARNING)
    declared = credits_of_metadata(article.authors)
    found.authors = declared.authors or credits.authors
    found.agencies = list(dict.fromkeys([*declared.agencies, *article.agencies, *credits.agencies]))
    return found


def read_header(lines: list[Line], found: Structure, credits: Credits) -> list[Line]:
    """The lines from the first body line on, noting the dates and bylines above it."""
    for index, line in enumerate(lines[:MAX_HEADER_LINES]):
        dates = read_date_line(line)
        if dates:
            found.published = found.published or dates.published
            found.updated = found.updated or dates.updated
            if dates.rest:
                return [dates.rest, *lines[index + 1 :]]
            continue
        byline = read_byline(line.text)
        if byline is None:
            return lines[index:]
        credits.add(byline)
    return lines[MAX_HEADER_LINES:]


def read_signatures(body: list[Line], credits: Credits) -> list[Line]:
    """``body`` without the signature lines at its end, noting who they credit.

    The last line may also be a bare byline (names, a desk or an agency alone), as scraped
    text often ends; above it only the shapes of a signature count.
    """
    end = len(body)
    while end > 1 and len(body) - end < MAX_SIGNATURE_LINES:
        text = body[end - 1].text
        signature = read_signature(text) or (read_closing_byline(text) if end == len(body) else None)
        if signature is None:
            break
        credits.add(signature)
        end -= 1
    return body[:end]


def strip_dateline(line: Line, credits: Credits, found: Structure) -> Line:
    """``line`` after its dateline, if it opens with one, noting the place and agency it names."""
    dateline = read_dateline(line)
    if dateline is None:
        return line
    credits.add(dateline.credits)
    found.dateline = dateline.place
    return dateline.rest
