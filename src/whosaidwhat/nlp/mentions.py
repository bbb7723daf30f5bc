"""Look-ups of entity mentions by offset, shared by the components that read ``doc._.wsw_entities``.

A mention overlapping ``[start, end)`` starts less than the longest mention's length
before ``start``, so a look-up only reads the mentions between two bisections: an
article costs linear-logarithmic time at most.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class MentionIndex:
    """Entity mentions sorted by start, as ``(start, end, entity id, entity type)``.

    ``text`` is the text the offsets point into, for callers that read the mentions' words.
    """

    def __init__(self, entities: Iterable[dict], text: str = ""):
        self.text = text
        self.mentions = sorted(
            (start, end, entity["id"], entity.get("type"))
            for entity in entities
            for start, end in entity.get("mentions") or []
        )
        self.starts = [mention[0] for mention in self.mentions]
        self.longest = max((end - start for start, end, _, _ in self.mentions), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
        """The mentions sharing at least one character with ``[start, end)``, in text order."""
        lo = bisect_left(self.starts, start - self.longest + 1)
        hi = bisect_right(self.starts, end - 1)
        return [mention for mention in self.mentions[lo:hi] if mention[1] > start]

    def before(self, offset: int) -> list[tuple[int, int, str, str | None]]:
        """The mentions that start before ``offset``, in text order."""
        return self.mentions[: bisect_left(self.starts, offset)]

    def entity_at(self, start: int, end: int) -> str | None:
        """The entity of the mention overlapping ``[start, end)`` most, or None."""
        best, best_overlap = None, 0
        for m_start, m_end, entity_id, _ in self.overlapping(start, end):
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = entity_id, overlap
        return best

    def first_named(self, names: Iterable[str]) -> str | None:
        """The entity of the first mention written as one of ``names`` (case aside), or None."""
        wanted = {name.lower() for name in names}
        return next((m[2] for m in self.mentions if self.text[m[0] : m[1]].lower() in wanted), None)
