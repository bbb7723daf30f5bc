"""Section headings between body paragraphs, and the sections they open."""

from __future__ import annotations

import re

from whosaidwhat.structure.lines import ENDS_A_SENTENCE, Line

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 12
#: A heading ends without sentence or clause punctuation and without a closing quote mark.
CLOSING_PUNCTUATION = re.compile(r"[.!?;:,\"'”’»)\]…]$")
OPENS_LIKE_A_TITLE = re.compile(r"[A-Z0-9]")
#: The paragraph before a heading ends a sentence; the one after opens one. Lines of a list
#: or a sentence broken over several lines fail one of the two.
OPENS_A_SENTENCE = re.compile(r"[\"'“‘(\[]*[A-Z0-9]")


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

    Only a heading-like line between the end of one sentence and the start of another is
    taken for a heading; the section runs from the next paragraph to the last one before
    the following heading.
    """
    paragraphs: list[Line] = []
    sections: list[tuple[str, list[Line]]] = []
    for index, line in enumerate(body):
        if 0 < index < len(body) - 1 and _opens_section(*body[index - 1 : index + 2]):
            sections.append((line.text, []))
            continue
        paragraphs.append(line)
        if sections:
            sections[-1][1].append(line)
    return paragraphs, [(heading, lines[0].start, lines[-1].end) for heading, lines in sections]


def _opens_section(before: Line, line: Line, after: Line) -> bool:
    return (
        is_heading(line)
        and bool(ENDS_A_SENTENCE.search(before.text))
        and bool(OPENS_A_SENTENCE.match(after.text))
        and not is_heading(after)
    )
