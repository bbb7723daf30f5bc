"""The article reader: the record's paragraphs and section headings, every quote highlighted
in its speaker's colour.

The markup is assembled here, server-side, by cutting ``record["text"]`` at every paragraph,
quote and cue boundary. Every piece of text goes through :func:`markupsafe.escape`; only the
tags written in this module are trusted. Quote and cue spans may nest or overlap (a cue
inside a mixed quote, a quote running into the next one), so the text is cut into
segments at all boundaries and each segment is tagged with what covers it, instead of
nesting elements. Text outside the paragraphs (headline, dateline, byline) is not repeated
in the body: the page's header shows it.
"""

from __future__ import annotations

import zlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from whosaidwhat.service.security import public_path

#: Colours in ``static/reader.css`` (classes ``c0`` .. ``c11``), chosen to be told apart.
PALETTE_SIZE = 12
#: The class of quotes whose speaker is unknown.
NO_SPEAKER_CLASS = "cx"
EXCERPT_CHARS = 90


def colour_slot(name: str) -> int:
    """A speaker's palette slot from a stable hash of the name, the same on every page and run."""
    return zlib.crc32(name.encode("utf-8")) % PALETTE_SIZE


def speaker_colours(names: Iterable[str]) -> dict[str, str]:
    """The colour class of each speaker on one page.

    Each name starts at its hashed slot, so a speaker keeps a colour across pages; when
    two speakers on the same page hash alike, the later name (in sorted order, so the
    outcome does not depend on quote order) moves to the next free slot. Telling the
    speakers of one page apart matters more than one colour everywhere.
    """
    classes: dict[str, str] = {}
    taken: set[int] = set()
    for name in sorted(set(names)):
        slot = colour_slot(name)
        while slot in taken and len(taken) < PALETTE_SIZE:
            slot = (slot + 1) % PALETTE_SIZE
        taken.add(slot)
        classes[name] = f"c{slot}"
    return classes


def colour_class(name: str) -> str:
    """The colour class of one speaker shown alone (a person's page)."""
    return f"c{colour_slot(name)}"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class SpeakerQuotes:
    """One line of the "who said what" panel."""

    key: str  # entity id, or "" for quotes without a speaker
    name: str
    colour: str
    quotes: list[dict] = field(default_factory=list)  # {"id", "kind", "excerpt"}


@dataclass
class QuoteView:
    """What the reader needs to draw one quote."""

    id: str
    speaker_key: str
    speaker_name: str
    colour: str
    kind: str
    cue: str | None
    content: tuple[int, int]
    cue_bounds: tuple[int, int] | None
    said: str = ""  # when and where it was said, as shown: "said 2024-10-03 in Kyiv"

    @property
    def tooltip(self) -> str:
        cue = f"“{self.cue}”" if self.cue else "none"
        said = f" · {self.said}" if self.said else ""
        return f"{self.speaker_name} · {self.kind} quote · cue: {cue}{said}"


@dataclass
class Block:
    """One block of the article body: a section heading, or a paragraph's highlighted text."""

    heading: str | None = None
    html: Markup | None = None


@dataclass
class ReaderView:
    """The article body, the side panel and the events of one article."""

    blocks: list[Block]
    speakers: list[SpeakerQuotes]
    events: list[dict]
    quote_count: int


def reader_view(record: dict) -> ReaderView:
    text = record.get("text") or ""
    names = {entity["id"]: entity["name"] for entity in record.get("entities", [])}
    quotes = quote_views(record.get("quotes", []), names, len(text))
    ranges = paragraph_ranges(record, text)
    paragraphs = highlight(text, quotes, ranges)
    return ReaderView(
        blocks=body_blocks(record.get("sections") or [], ranges, paragraphs),
        speakers=who_said_what(quotes, text),
        events=event_rows(record.get("events", []), names),
        quote_count=len(quotes),
    )


def paragraph_ranges(record: dict, text: str) -> list[tuple[int, int]]:
    """The body's paragraphs as sorted, disjoint ``(start, end)`` ranges of ``text``.

    A record without paragraphs (stored before they were kept) falls back to its non-empty
    lines other than the headline.
    """
    spans = [(p["start"], p["end"]) for p in record.get("paragraphs") or []]
    if not spans:
        headline = (record.get("headline") or "").strip()
        offset = 0
        for line in text.splitlines(keepends=True):
            if line.strip() and line.strip() != headline:
                spans.append((offset, offset + len(line.rstrip())))
            offset += len(line)
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(start, ranges[-1][1] if ranges else 0), min(end, len(text))
        if start < end:
            ranges.append((start, end))
    return ranges


def body_blocks(sections: list[dict], ranges: list[tuple[int, int]], paragraphs: list[Markup]) -> list[Block]:
    """Paragraphs in order, each section's heading before the first paragraph it covers."""
    headings = sorted((section["start"], index, section["heading"]) for index, section in enumerate(sections))
    blocks: list[Block] = []
    for (_, end), html in zip(ranges, paragraphs, strict=True):
        while headings and headings[0][0] < end:
            blocks.append(Block(heading=headings.pop(0)[2]))
        blocks.append(Block(html=html))
    return blocks


def said_when_where(quote: dict, names: dict[str, str]) -> str:
    """When and where a quote was said, saying when the day is only the article's date."""
    when = quote.get("when") or {}
    parts = []
    if when.get("value"):
        basis = " (article's date)" if when.get("basis") == "published" else ""
        parts.append(f"said {when['value']}{basis}")
    if quote.get("where"):
        parts.append(f"in {names.get(quote['where'], quote['where'])}")
    return " ".join(parts)


def quote_views(quotes: list[dict], names: dict[str, str], length: int) -> list[QuoteView]:
    def bounds(span: dict | None) -> tuple[int, int] | None:
        if not span:
            return None
        start, end = max(0, min(span["start"], length)), max(0, min(span["end"], length))
        return (start, end) if start < end else None

    speaker_names = {q["speaker"]: names.get(q["speaker"], q["speaker"]) for q in quotes if q.get("speaker")}
    colours = speaker_colours(speaker_names.values())
    views = []
    for quote in quotes:
        content = bounds(quote.get("content"))
        if content is None:
            continue
        key = quote.get("speaker") or ""
        name = speaker_names.get(key, "unknown speaker")
        cue = quote.get("cue")
        views.append(
            QuoteView(
                id=quote["id"],
                speaker_key=key,
                speaker_name=name,
                colour=colours.get(name, NO_SPEAKER_CLASS),
                kind=quote.get("kind", ""),
                cue=cue["text"] if cue else None,
                content=content,
                cue_bounds=bounds(cue),
                said=said_when_where(quote, names),
            )
        )
    return views


def highlight(text: str, quotes: list[QuoteView], ranges: list[tuple[int, int]]) -> list[Markup]:
    """Each of ``ranges`` (sorted, disjoint) of ``text`` as escaped HTML, each quote and cue wrapped
    in a tagged ``<span>``; a quote's first shown piece carries its id, the target of its permalink.

    One sweep over the cut points keeps the quotes and cues open at each point; a
    segment covered by several quotes belongs to the innermost (the last opened).
    """
    opening: dict[int, list[tuple[str, QuoteView]]] = defaultdict(list)
    closing: dict[int, list[tuple[str, QuoteView]]] = defaultdict(list)
    for quote in quotes:
        for role, bounds in (("q", quote.content), ("cue", quote.cue_bounds)):
            if bounds:
                opening[bounds[0]].append((role, quote))
                closing[bounds[1]].append((role, quote))
    points = sorted({0, len(text), *opening, *closing, *(bound for bounds in ranges for bound in bounds)})
    starts = [start for start, _ in ranges]
    open_now: dict[str, list[QuoteView]] = {"q": [], "cue": []}
    anchored: set[str] = set()
    attributes = {quote.id: quote_attributes(quote) for quote in quotes}
    shown: list[list[Markup]] = [[] for _ in ranges]
    for start, end in zip(points, points[1:], strict=False):
        for role, quote in closing.get(start, ()):
            open_now[role].remove(quote)
        # Of the spans opening together, the longest goes first, so the shortest is innermost.
        for role, quote in sorted(opening.get(start, ()), key=lambda item: -span_length(item)):
            open_now[role].append(quote)
        index = bisect_right(starts, start) - 1
        if index < 0 or start >= ranges[index][1]:
            continue
        pieces = shown[index]
        in_quote = open_now["q"][-1] if open_now["q"] else None
        in_cue = open_now["cue"][-1] if open_now["cue"] else None
        piece = escape(text[start:end])
        owner = in_quote or in_cue
        if owner is None:
            pieces.append(piece)
            continue
        classes = " ".join(filter(None, ("q" if in_quote else "", "cue" if in_cue else "", owner.colour)))
        anchor = ""
        if in_quote and in_quote.id not in anchored:
            anchored.add(in_quote.id)
            anchor = f' id="{escape(in_quote.id)}"'
        pieces.append(Markup(f'<span class="{escape(classes)}"{anchor}{attributes[owner.id]}>{piece}</span>'))
    return [Markup("").join(pieces) for pieces in shown]


def span_length(item: tuple[str, QuoteView]) -> int:
    role, quote = item
    start, end = quote.content if role == "q" else quote.cue_bounds
    return end - start


def quote_attributes(quote: QuoteView) -> Markup:
    return Markup(' data-quote="{}" data-speaker="{}" title="{}"').format(
        quote.id, quote.speaker_key, quote.tooltip
    )


def who_said_what(quotes: list[QuoteView], text: str) -> list[SpeakerQuotes]:
    """Speakers with their quotes, most quoted first; quotes without a speaker last."""
    panel: dict[str, SpeakerQuotes] = {}
    for quote in quotes:
        entry = panel.setdefault(
            quote.speaker_key,
            SpeakerQuotes(key=quote.speaker_key, name=quote.speaker_name, colour=quote.colour),
        )
        start, end = quote.content
        entry.quotes.append(
            {"id": quote.id, "kind": quote.kind, "excerpt": excerpt(text[start:end]), "said": quote.said}
        )
    return sorted(panel.values(), key=lambda s: (s.key == "", -len(s.quotes), s.name))


def event_rows(events: list[dict], names: dict[str, str]) -> list[dict]:
    def named(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids)

    return [
        {
            "type": event.get("type", ""),
            "trigger": (event.get("trigger") or {}).get("text", ""),
            "who": named(event.get("who", [])),
            "whom": named(event.get("whom", [])),
            "where": named(event.get("where", [])),
            "when": event.get("when") or "",
        }
        for event in events
    ]


def source_link(source: dict) -> tuple[str | None, str]:
    """(address, label) of an article's origin: its URL when the input gave one, else its file's name."""
    for candidate in (source.get("url"), source.get("path")):
        if candidate and candidate.startswith(("http://", "https://")):
            return candidate, candidate
    return None, public_path(source.get("path")) or ""
