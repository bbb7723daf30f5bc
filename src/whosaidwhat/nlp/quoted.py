"""The spans of a text inside quotation marks: someone's words, not the narrative's.

Names and pronouns there belong to the quoted speaker's point of view, so the components that
resolve references (:mod:`~whosaidwhat.nlp.coref`, :mod:`~whosaidwhat.nlp.organisations`,
:mod:`~whosaidwhat.nlp.named_later`) leave them out.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_QUOTED = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|\'\'[^\n]*?\'\'|\u2018[^\u2019\n]*\u2019')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` inside quotation marks, in order."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def is_inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (in order, as :func:`quoted_spans` gives them)."""
    at = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]
