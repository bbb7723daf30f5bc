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
