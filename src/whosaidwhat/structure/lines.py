"""Non-empty lines of an article with their offsets: the units structure is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass

NON_EMPTY_LINE = re.compile(r"[^\S\r\n]*(\S[^\r\n]*?)[^\S\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Line:
    """One non-empty line, trimmed of surrounding whitespace: ``text == article[start:end]``."""

    start: int
    end: int
    text: str

    def tail(self, start: int) -> Line:
        """The part of this line from offset ``start`` on, with leading whitespace skipped."""
        skipped = len(self.text[start - self.start:]) - len(self.text[start - self.start:].lstrip())
        start += skipped
        return Line(start, self.end, self.text[start - self.start:])


def split_lines(text: str) -> list[Line]:
    """Every non-empty line of ``text``, in order."""
    return [Line(m.start(1), m.end(1), m.group(1)) for m in NON_EMPTY_LINE.finditer(text) if m.group(1)]


def split_paragraphs(text: str) -> list[Line]:
    """The paragraphs of ``text``: one per line, or one per block when blank lines separate them.

    Scraped text usually holds one paragraph per line; text wrapped at a fixed width
    instead separates paragraphs by blank lines and breaks lines inside them. When most
    breaks between lines are blank lines, the lines of each block form one paragraph.
    """
    lines = split_lines(text)
    gaps = [text[a.end:b.start] for a, b in zip(lines, lines[1:], strict=False)]
    blank_gaps = sum(_line_breaks(gap) > 1 for gap in gaps)
    if blank_gaps * 2 <= len(gaps):
        return lines
    blocks: list[Line] = []
    for line, gap in zip(lines, ["\n\n", *gaps], strict=True):
        if blocks and _line_breaks(gap) < 2:
            start = blocks[-1].start
            blocks[-1] = Line(start, line.end, text[start:line.end])
        else:
            blocks.append(line)
    return blocks


def _line_breaks(gap: str) -> int:
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n")
