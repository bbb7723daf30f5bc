"""Section headings between body paragraphs, and the sections they open."""

from __future__ import annotations

import re

from whosaidwhat.structure.lines import Line

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 12
#: A heading ends without sentence or clause punctuation and without a closing quote mark.
CLOSING_PUNCTUATION = re.compile(r"[.!?;:,\"'”’»)\]…]$")
OPENS_LIKE_A_TITLE = re.compile(r"[A-Z0-9]")


def is_heading(line: Line) -> bool:
    """Whether ``line`` reads as a section heading: short, capitalised, no closing punctuation."""
    text = line.text
    return (
        len(text) <= MAX_HEADING_CHARS
        and len(text.split()) <= MAX_HEADING_WORDS
        and bool(OPENS_LIKE_A_TITLE.match(text))
        and not CLOSING_PUNCTUATION.search(text)
    )


def split_sections(body: list[Line]) -> tuple[list[Line], list[tuple[str, int, int]]]:
    """The body's paragraphs and its sections as (heading, start, end).

    Only a heading-like line with a paragraph before and after it is taken for a heading;
    the section runs from the next paragraph to the last one before the following heading.
    """
    paragraphs: list[Line] = []
    sections: list[tuple[str, list[Line]]] = []
    for index, line in enumerate(body):
        between_paragraphs = 0 < index < len(body) - 1 and not is_heading(body[index + 1])
        if between_paragraphs and paragraphs and is_heading(line):
            sections.append((line.text, []))
            continue
        paragraphs.append(line)
        if sections:
            sections[-1][1].append(line)
    return paragraphs, [(heading, lines[0].start, lines[-1].end) for heading, lines in sections]
