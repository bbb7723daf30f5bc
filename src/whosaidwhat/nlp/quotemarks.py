"""Find the stretches of text between quotation marks, paragraph by paragraph.

Hand-written because the tokenizer and parser do not pair quotation marks, and the
pairing rules of news text are typographic rather than linguistic:

* straight ``"``, curly ``“ ”``, German ``„ “`` and guillemets ``« »`` (either way round);
* single marks (``‘ ’``, ``'``) only matter inside double ones, where they nest and are
  skipped; on their own they are too easily apostrophes;
* a quotation may run over several paragraphs when each paragraph opens with a mark and
  only the last one closes it;
* a mark left open ends at the end of its paragraph, so one stray mark never swallows
  the rest of the article.

One pass over the text: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Opening mark -> the marks that may close it.
CLOSERS: dict[str, str] = {
    '"': '"',
    "\u201c": "\u201d\u201c",  # “ … ” (and “ … “ in careless text)
    "\u201e": "\u201c\u201d",  # „ … “ / „ … ”
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … «
    "\u201d": "\u201d",  # ” … ” (one glyph for both, in some feeds)
}
DOUBLE_MARKS = re.compile("[" + "".join(CLOSERS) + "]")


@dataclass(frozen=True)
class Quoted:
    """Quoted text: ``start``/``end`` include the marks, ``inner`` excludes them."""

    start: int
    end: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def find_quoted(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quoted]:
    """Every quotation in ``text``, in order; paragraphs are ``(start, end)`` offsets."""
    found: list[Quoted] = []
    pending: int | None = None  # start of a quotation continued from the paragraph before
    previous_end = 0
    for para_start, para_end in paragraphs:
        spans, left_open = _quoted_in_paragraph(text, para_start, para_end)
        continues = bool(spans) and left_open and _opens_paragraph(text, spans[-1][0], para_start)
        if pending is not None:
            if spans and _opens_paragraph(text, spans[0][0], para_start):
                spans[0] = (pending, spans[0][1], spans[0][2])
            else:
                found.append(Quoted(pending, previous_end, False))
        pending = None
        if continues:
            pending, previous_end, _ = spans.pop()
        found.extend(Quoted(*span) for span in spans)
    if pending is not None:
        found.append(Quoted(pending, previous_end, False))
    return found


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _opens_paragraph(text: str, mark: int, para_start: int) -> bool:
    return _first_visible(text, para_start, mark + 1) == mark


def _quoted_in_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
    """Quoted stretches of one paragraph as ``(start, end, closed)``, and whether the last is left open."""
    spans: list[tuple[int, int, bool]] = []
    opener: str | None = None
    open_at = 0
    for mark in DOUBLE_MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if opener is None:
            if _can_open(text, i, end):
                opener, open_at = ch, i
        elif ch in CLOSERS[opener] and _can_close(text, i, end, open_at):
            spans.append((open_at, i + 1, True))
            opener = None
        elif ch == opener and ch in "\u201c\u201e\u00ab":
            # A second opener before any closer: the first was never closed.
            spans.append((open_at, _trim_end(text, open_at, i), False))
            open_at = i
    if opener is not None:
        spans.append((open_at, _trim_end(text, open_at, end), False))
        return spans, True
    return spans, False


def _can_open(text: str, i: int, end: int) -> bool:
    """An opening mark is followed by a visible character (``"word``, not ``word" ``)."""
    return i + 1 < end and not text[i + 1].isspace()


def _can_close(text: str, i: int, end: int, open_at: int) -> bool:
    """A closing mark follows a visible character; straight marks also need a break after them."""
    if i == open_at + 1 or text[i - 1].isspace():
        return False
    return text[i] != '"' or i + 1 >= end or not text[i + 1].isalnum()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
