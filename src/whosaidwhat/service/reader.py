"""The article reader: the record's text with every quote highlighted in its speaker's colour.

The markup is assembled here, server-side, by cutting ``record["text"]`` at every quote
and cue boundary. Every piece of text goes through :func:`markupsafe.escape`; only the
tags written in this module are trusted. Quote and cue spans may nest or overlap (a cue
inside a mixed quote, a quote running into the next one), so the text is cut into
segments at all boundaries and each segment is tagged with what covers it, instead of
nesting elements.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

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
    outcome does not depend on quote order) moves to the next free slot.
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


def colour_class(name: str | None) -> str:
    """The colour class of one speaker shown alone (search results, a person's page)."""
    return f"c{colour_slot(name)}" if name else NO_SPEAKER_CLASS


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

    @property
    def tooltip(self) -> str:
        cue = f"“{self.cue}”" if self.cue else "none"
        return f"{self.speaker_name} · {self.kind} quote · cue: {cue}"


@dataclass
class ReaderView:
    """The highlighted text, the side panel and the events of one article."""

    body: Markup
    speakers: list[SpeakerQuotes]
    events: list[dict]
    quote_count: int


def reader_view(record: dict) -> ReaderView:
    text = record.get("text") or ""
    names = {entity["id"]: entity["name"] for entity in record.get("entities", [])}
    quotes = quote_views(record.get("quotes", []), names, len(text))
    return ReaderView(
        body=highlight(text, quotes),
        speakers=who_said_what(quotes, text),
        events=event_rows(record.get("events", []), names),
        quote_count=len(quotes),
    )


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
        views.append(QuoteView(
            id=quote["id"], speaker_key=key, speaker_name=name,
            colour=colours.get(name, NO_SPEAKER_CLASS), kind=quote.get("kind", ""),
            cue=cue["text"] if cue else None, content=content, cue_bounds=bounds(cue),
        ))
    return views


def highlight(text: str, quotes: list[QuoteView]) -> Markup:
    """``text`` as escaped HTML, each quote and cue wrapped in a tagged ``<span>``."""
    cuts = {0, len(text)}
    for quote in quotes:
        cuts.update(quote.content)
        if quote.cue_bounds:
            cuts.update(quote.cue_bounds)
    points = sorted(cuts)
    anchored: set[str] = set()
    pieces = []
    for start, end in zip(points, points[1:], strict=False):
        in_quote = next((q for q in quotes if q.content[0] <= start and end <= q.content[1]), None)
        in_cue = next((q for q in quotes if q.cue_bounds and q.cue_bounds[0] <= start
                       and end <= q.cue_bounds[1]), None)
        owner = in_quote or in_cue
        if owner is None:
            pieces.append(escape(text[start:end]))
            continue
        first = in_quote is not None and in_quote.id not in anchored
        if first:
            anchored.add(in_quote.id)
        pieces.append(segment(text[start:end], owner, quote=in_quote is not None,
                              cue=in_cue is not None, anchor=first))
    return Markup("").join(pieces)


def segment(piece: str, owner: QuoteView, *, quote: bool, cue: bool, anchor: bool) -> Markup:
    classes = " ".join(filter(None, ["q" if quote else "", "cue" if cue else "", owner.colour]))
    anchor_attr = Markup(' id="{}"').format(owner.id) if anchor else Markup("")
    return Markup('<span class="{}"{} data-quote="{}" data-speaker="{}" title="{}">{}</span>').format(
        classes, anchor_attr, owner.id, owner.speaker_key, owner.tooltip, piece)


def who_said_what(quotes: list[QuoteView], text: str) -> list[SpeakerQuotes]:
    """Speakers with their quotes, most quoted first; quotes without a speaker last."""
    panel: dict[str, SpeakerQuotes] = {}
    for quote in quotes:
        entry = panel.setdefault(quote.speaker_key, SpeakerQuotes(
            key=quote.speaker_key, name=quote.speaker_name, colour=quote.colour))
        start, end = quote.content
        entry.quotes.append({"id": quote.id, "kind": quote.kind, "excerpt": excerpt(text[start:end])})
    return sorted(panel.values(), key=lambda s: (s.key == "", -len(s.quotes), s.name))


def event_rows(events: list[dict], names: dict[str, str]) -> list[dict]:
    def named(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids)

    return [
        {"type": event.get("type", ""), "trigger": (event.get("trigger") or {}).get("text", ""),
         "who": named(event.get("who", [])), "whom": named(event.get("whom", [])),
         "where": named(event.get("where", [])), "when": event.get("when") or ""}
        for event in events
    ]
