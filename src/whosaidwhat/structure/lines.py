"""Non-empty lines of an article with their offsets: the units structure is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A line ending like this ends a sentence (closing quote marks and brackets may follow).
ENDS_A_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
NON_EMPTY_LINE = re.compile(r"[^\S\r\n]*(\S[^\r\n]*?)[^\S\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Line:
    """One non-empty line, trimmed of surrounding whitespace: ``text == article[start:end]``."""

    start: int
    end: int
    text: str

    def tail(self, start: int) -> Line:
        """The part of this line from offset ``start`` on, with leading whitespace skipped."""
        skipped = len(self.text[start - self.start :]) - len(self.text[start - self.start :].lstrip())
        start += skipped
        return Line(start, self.end, self.text[start - self.start :])


def split_lines(text: str) -> list[Line]:
    """Every non-empty line of ``text``, in order."""
    return [Line(m.start(1), m.end(1), m.group(1)) for m in NON_EMPTY_LINE.finditer(text) if m.group(1)]


def split_paragraphs(text: str) -> list[Line]:
    """The paragraphs of ``text``: one per line, or one per block when blank lines separate them.

    Scraped text usually holds one paragraph per line; text wrapped at a fixed width
    instead separates paragraphs by blank lines and breaks lines inside them. When most
    breaks between lines are blank lines, or the lines that run straight into the next
    are mostly cut mid-sentence, the lines of each block form one paragraph.
    """
    lines = split_lines(text)
    gaps = [text[a.end : b.start] for a, b in zip(lines, lines[1:], strict=False)]
    if not _blank_lines_separate_paragraphs(lines, gaps):
        return lines
    blocks: list[Line] = []
    for line, gap in zip(lines, ["\n\n", *gaps], strict=True):
        if blocks and _line_breaks(gap) < 2:
            start = blocks[-1].start
            blocks[-1] = Line(start, line.end, text[start : line.end])
        else:
            blocks.append(line)
    return blocks


def _blank_lines_separate_paragraphs(lines: list[Line], gaps: list[str]) -> bool:
    blank = sum(_line_breaks(gap) > 1 for gap in gaps)
    if not blank:
        return False
    if blank * 2 > len(gaps):
        return True
    run_on = [line for line, gap in zip(lines, gaps, strict=False) if _line_breaks(gap) == 1]
    return sum(not ENDS_A_SENTENCE.search(line.text) for line in run_on) * 2 > len(run_on)


def _line_breaks(gap: str) -> int:
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n")
