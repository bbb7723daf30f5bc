"""Patterns that ignore case, matched at half the cost over the lower-cased text when that is exact.

Python's ``re`` matches a pattern that ignores case about twice as slowly as the same pattern,
case-sensitive, over the lower-cased text. The two find the same matches when the pattern names
no upper-case letter and no character of the text but an ASCII letter has a case: a few other
cased letters (the dotless i, the long s, the Kelvin sign) match an ASCII letter when case is
ignored, and some lower to two characters, which would shift every offset after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

#: Characters outside ASCII, the only ones whose case needs a look.
NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: What in a pattern's source may match differently in lower-cased text: an upper-case letter
#: (the "P" of a named group aside), an escape other than ``\b``, ``\d``, ``\s``, ``\w`` and
#: escaped punctuation, and inline flags.
_CASE_SENSITIVE = re.compile(r"(?<!\(\?)[A-Z]|\\[^bdsw\W]|\(\?[aiLmsux-]+[:)]")


def matches_ignoring_case(patterns: Iterable[re.Pattern], text: str) -> Iterator[tuple[re.Match, re.Pattern]]:
    """Each pattern's matches in ``text``, pattern by pattern, with the pattern: what
    ``pattern.finditer(text)`` gives, each match read again from ``text`` where it was found in
    the lower-cased text, so that its groups keep the text's own letters."""
    lowered = text.lower() if _lowering_is_exact(text) else None
    for pattern in patterns:
        twin = _lower_case_twin(pattern) if lowered is not None else None
        if twin is None:
            yield from ((match, pattern) for match in pattern.finditer(text))
        else:
            yield from ((pattern.match(text, found.start()), pattern) for found in twin.finditer(lowered))


def _lowering_is_exact(text: str) -> bool:
    """Whether lowering ``text`` changes only ASCII letters: no other character has a case."""
    return all(char.lower() == char == char.upper() for char in set(NON_ASCII.findall(text)))


@cache
def _lower_case_twin(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` without IGNORECASE, for lower-cased text; None unless it ignores case and nothing
    in it may match differently there."""
    if not pattern.flags & re.IGNORECASE or _CASE_SENSITIVE.search(pattern.pattern):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
