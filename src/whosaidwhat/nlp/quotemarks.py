"""Find the stretches of text between quotation marks, paragraph by paragraph.

Hand-written because the tokenizer and parser do not pair quotation marks, and the
pairing rules of news text are typographic rather than linguistic:

* a curly opening mark left unclosed is closed by the last straight mark that can close it
  (``“... day one."`` in careless text);
* straight ``"`` (closed by a straight or a curly mark, but not by the closing mark of a
  curly pair inside it when the quotation runs on into a paragraph opened by a straight
  mark), doubled straight ``''`` as some
  feeds write double marks, curly ``“ ”``, German ``„ “`` and guillemets ``« »`` (either
  way round);
* single marks nest inside double ones and are skipped there; outside them, curly single
  marks ``‘ … ’`` are a quotation of their own (British style), a closing ``’`` being one
  that no letter follows (``don’t`` is an apostrophe); straight single marks are too easily
  apostrophes;
* a quotation may run over several paragraphs when each paragraph opens with its opening
  mark and only the last one closes it;
* a mark left open ends at the end of its paragraph, so one stray mark never swallows
  the rest of the article.

One pass over the text: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from whosaidwhat.nlp.syntax import Bounds

#: Opening mark -> the marks that may close it.
CLOSERS: dict[str, str] = {
    '"': '"\u201d',
    "''": "''",
    "\u201c": "\u201d\u201c",  # “ … ” (and “ … “ in careless text)
    "\u201e": "\u201c\u201d",  # „ … “ / „ … ”
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … «
    "\u201d": "\u201d",  # ” … ” (one glyph for both, in some feeds)
}
DOUBLE_MARKS = re.compile("''|[" + "".join(mark for mark in CLOSERS if len(mark) == 1) + "]")
#: Curly single marks, a quotation of their own outside double marks.
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"
#: Quotation marks that may close the words before a reporting clause ("... in the short run," Greer said).
CLOSING_MARKS = frozenset("\"\u201d\u2019'")
#: Punctuation that ends a sentence, whatever the parser's sentences say.
SENTENCE_ENDS = frozenset(".!?")


@dataclass(frozen=True)
class Quoted:
    """Quoted text: ``start``/``end`` include the marks, ``inner`` excludes them."""

    start: int
    end: int
    closed: bool
    #: Characters of each mark: 2 for ``''``.
    width: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.width, self.end - self.width if self.closed else self.end


def find_quoted(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quoted]:
    """Every quotation in ``text``, in order; paragraphs are ``(start, end)`` offsets."""
    found: list[Quoted] = []
    pending: Quoted | None = None  # a quotation continued from the paragraph before
    for k, (para_start, para_end) in enumerate(paragraphs):
        spans, left_open = _quoted_in_paragraph(text, para_start, para_end, curly_nests=True)
        if left_open and not _next_opens_with_a_straight_mark(text, paragraphs, k):
            # Nothing continues the straight quotation: its curly closing mark was its own.
            spans, left_open = _quoted_in_paragraph(text, para_start, para_end, curly_nests=False)
        continues = bool(spans) and left_open and _opens_paragraph(text, spans[-1].start, para_start)
        if pending is not None:
            if (
                spans
                and _opens_paragraph(text, spans[0].start, para_start)
                and _same_mark(text, pending, spans[0])
            ):
                spans[0] = Quoted(pending.start, spans[0].end, spans[0].closed, pending.width)
            else:
                found.append(pending)
        pending = spans.pop() if continues else None
        found.extend(spans)
    if pending is not None:
        found.append(pending)
    return found


def _same_mark(text: str, first: Quoted, second: Quoted) -> bool:
    """A quotation runs on into a paragraph opened by the mark it opened with."""
    return text[first.start : first.start + first.width] == text[second.start : second.start + second.width]


def _next_opens_with_a_straight_mark(text: str, paragraphs: Sequence[tuple[int, int]], k: int) -> bool:
    if k + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[k + 1]
    first = _first_visible(text, start, end)
    return first < end and text[first] == '"'


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _opens_paragraph(text: str, mark: int, para_start: int) -> bool:
    return _first_visible(text, para_start, mark + 1) == mark


def _quoted_in_paragraph(text: str, start: int, end: int, curly_nests: bool) -> tuple[list[Quoted], bool]:
    """Quoted stretches of one paragraph, and whether the last is left open; with ``curly_nests``
    a curly pair inside a straight quotation does not close it."""
    spans: list[Quoted] = []
    opener: str | None = None
    open_at = 0
    curly_inside = False  # a curly pair inside a straight quotation: "... “Journal” wrote ..."
    straight_close: int | None = None  # a straight mark that may close a curly opener: “... day one."
    for mark in DOUBLE_MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if curly_nests and opener == '"' and (ch == "\u201c" or (curly_inside and ch == "\u201d")):
            curly_inside = ch == "\u201c"
            continue
        if opener is None:
            if _can_open(text, mark.end() - 1, end):
                opener, open_at, straight_close = ch, i, None
        elif ch in CLOSERS[opener] and _can_close(text, i, mark.end(), end, open_at + len(opener)):
            spans.append(Quoted(open_at, mark.end(), True, len(opener)))
            opener = None
        elif opener == "\u201c" and ch == '"' and _can_close(text, i, mark.end(), end, open_at + 1):
            straight_close = mark.end()
        elif opener == "\u201c" and ch == '"' and straight_close is not None and _can_open(text, i, end):
            # “... day one." then "manage ...”: the straight mark closed the first, this one opens
            spans.append(Quoted(open_at, straight_close, True))
            opener, open_at, straight_close = ch, i, None
        elif ch == opener and ch in "\u201c\u201e\u00ab":
            # A second opener before any closer: the first was never closed, unless a straight mark did.
            if straight_close is not None:
                spans.append(Quoted(open_at, straight_close, True))
            else:
                spans.append(Quoted(open_at, _trim_end(text, open_at, i), False))
            open_at, straight_close = i, None
    if opener == "\u201c" and straight_close is not None:
        spans.append(Quoted(open_at, straight_close, True))
        opener = None
    left_open = opener is not None
    if opener is not None:
        spans.append(Quoted(open_at, _trim_end(text, open_at, end), False, len(opener)))
    singles = list(_single_quoted(text, start, end, spans))
    if singles:
        spans = sorted(spans + singles, key=lambda quoted: quoted.start)
        left_open = left_open and not spans[-1].closed
    return spans, left_open


def _single_quoted(text: str, start: int, end: int, doubles: list[Quoted]) -> Iterator[Quoted]:
    """Curly single quotations outside the double ones: ``Berg added: ‘I am not going anywhere.’``."""
    outside = [(start, end)]
    for quoted in doubles:
        last_start, last_end = outside.pop()
        outside += [(last_start, quoted.start), (quoted.end, last_end)]
    for stretch_start, stretch_end in outside:
        i = text.find(SINGLE_OPEN, stretch_start, stretch_end)
        while i >= 0:
            close = _single_close(text, i, stretch_end)
            if close is None:
                break
            if i == stretch_start or not text[i - 1].isalnum():
                yield Quoted(i, close + 1, True)
                i = text.find(SINGLE_OPEN, close + 1, stretch_end)
            else:
                i = text.find(SINGLE_OPEN, i + 1, stretch_end)


def _single_close(text: str, i: int, end: int) -> int | None:
    """The ``’`` closing the single quotation opened at ``i``: no letter after it (``don’t``), and
    not the possessive of a plural running on (``the workers’ union``)."""
    if not _can_open(text, i, end):
        return None
    j = text.find(SINGLE_CLOSE, i + 2, end)
    while j >= 0:
        after = text[j + 1] if j + 1 < end else ""
        possessive = text[j - 1] == "s" and after == " " and text[j + 2 : j + 3].islower()
        if not text[j - 1].isspace() and not after.isalnum() and not possessive:
            return j
        j = text.find(SINGLE_CLOSE, j + 1, end)
    return None


def _can_open(text: str, i: int, end: int) -> bool:
    """An opening mark is followed by a visible character (``"word``, not ``word" ``)."""
    return i + 1 < end and not text[i + 1].isspace()


def _can_close(text: str, i: int, after: int, end: int, inner_start: int) -> bool:
    """A closing mark follows a visible character, or a space after a quotation's closing single
    mark (``the term 'outreach,' " he said``); straight marks also need a break after them."""
    if i == inner_start or (text[i - 1].isspace() and not (i - 2 > inner_start and text[i - 2] in "'\u2019")):
        return False
    return text[i] not in "\"'" or after >= end or not text[after].isalnum()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def without_final_stop(text: str, bounds: Bounds) -> Bounds:
    """``bounds`` without the full stops, question or exclamation marks that end them."""
    start, end = bounds
    while end > start and text[end - 1] in SENTENCE_ENDS:
        end -= 1
    return start, end


def trim(text: str, start: int, end: int) -> Bounds:
    """``[start, end)`` without surrounding spaces, leading commas, semicolons or colons (a
    clause cut after "one message:" is what follows the colon), and trailing ones or dashes."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\u2014\u2013-"):
        end -= 1
    return start, end
