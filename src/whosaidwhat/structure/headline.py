"""The headline: the first line of scraped text, or the title the page declared."""

from __future__ import annotations

import re

from whosaidwhat.structure.lines import Line

#: A first line ending like this runs on into the next one ("Candidates vie for votes;" above
#: "Both point to their records."): the two lines are one headline with its second deck.
RUNS_ON = re.compile(r"[;:,–—-]$")

#: A first line longer than this is a paragraph, not a headline. PolNeAR's longest title,
#: headline and deck together, has 318 characters.
MAX_HEADLINE_CHARS = 500


def find_headline(lines: list[Line], declared: str | None) -> tuple[str | None, int]:
    """The headline and how many of ``lines`` it takes up.

    A declared headline (an HTML title) takes the first line only if that line repeats it.
    """
    if not lines:
        return declared, 0
    if declared is not None:
        return declared, int(_normalised(lines[0].text) == _normalised(declared))
    if len(lines[0].text) > MAX_HEADLINE_CHARS:
        return None, 0
    if RUNS_ON.search(lines[0].text) and len(lines) > 2:
        return _normalised_space(f"{lines[0].text} {lines[1].text}"), 2
    return _normalised_space(lines[0].text), 1


def _normalised(text: str) -> str:
    return _normalised_space(text).casefold()


def _normalised_space(text: str) -> str:
    """``text`` on one line: a headline wrapped over several lines is still one headline."""
    return " ".join(text.split())
