"""``whosaidwhat_quote_context``: when and where each quote was said.

Runs after the quotes and the times, and adds to every quote of ``doc._.wsw_quotes``:

* ``when``, ``{"value": TIMEX3, "basis": "text" | "published"}``: a time in the quote's own
  reporting clause ("said *on Thursday*", "*Speaking on Monday*, she said"), never one inside
  what was said or in the phrase naming the speaker ("the census *for 2024* found"); a
  quotation with no cue of its own was said when the quote it continues was; else the
  article's date. Without either, ``when`` is None.
* ``where``, an entity id: a place in the reporting clause ("told reporters *in Kyiv*",
  "speaking at a rally *in Ohio*"); a quotation with no cue of its own was said where the quote
  it continues was; else, in a dispatch, the place its dateline names ("KYIV (AP) —"), which
  becomes a mention of that place (an entity of its own if the text names it nowhere else).
  Else None.

A deictic time inside what was said ("today", "yesterday", "next week") counts from the day it
was said, when the quote's clause gives that day: in "said on Monday that the talks would end
today", today is Monday, not the day of publication.

Each quote looks at the few tokens of its own reporting clause, and times are found by
bisection: linear-logarithmic in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from whosaidwhat.names import Scope, name_key
from whosaidwhat.nlp import extensions, gazetteer
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.syntax import doc_text
from whosaidwhat.nlp.time_values import resolve
from whosaidwhat.timex import first_day

#: Entity types of places where something can be said.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that set a scene: "in Kyiv", "at a rally".
SCENE_PREPOSITIONS = frozenset({"in", "at"})
#: Dependents of a reporting verb that share its scene: its object or addressee ("told
#: *reporters* in Kyiv") and a participle clause beside it ("*Speaking* in Kyiv, she said").
SCENE_DEPS = frozenset({"dobj", "dative", "npadvmod", "advcl", "prep"})
Bounds = tuple[int, int]
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Times that count from the moment of speaking, whatever their direction.
DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|(?:this|last|next)\s+(?:week|weekend|month|year))\b",
    re.IGNORECASE,
)


class QuoteContext:
    """The ``whosaidwhat_quote_context`` component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.wsw_quotes or []
        setting = Setting(doc, dateline_entity(doc) if quotes else None)
        previous: dict | None = None
        for quote in quotes:
            if quote.get("cue") is None and previous is not None:
                quote["when"], quote["where"] = previous["when"], previous["where"]
            else:
                quote["when"], quote["where"] = setting.when(quote), setting.where(quote)
            setting.date_from_the_speaker(quote)
            previous = quote
        return doc


@Language.factory(
    "whosaidwhat_quote_context",
    requires=["doc._.wsw_quotes", "doc._.wsw_times", "doc._.wsw_entities", "token.dep"],
    assigns=["doc._.wsw_quotes", "doc._.wsw_entities", "doc._.wsw_times"],
)
def make_quote_context(nlp: Language, name: str) -> QuoteContext:
    extensions.register()
    return QuoteContext()


class Setting:
    """One article's times and places, looked up for each quote's reporting clause."""

    def __init__(self, doc: Doc, dateline: str | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.dateline = dateline
        self.times = sorted(doc._.wsw_times or [], key=lambda time: time["start"])
        self.time_starts = [time["start"] for time in self.times]
        self.mentions = MentionIndex(doc._.wsw_entities or [])
        published = first_day(doc._.wsw_published)
        self.published = {"value": published, "basis": "published"} if published else None

    def when(self, quote: dict) -> dict | None:
        """The time the quote's reporting clause gives, else the article's date."""
        cue = self.cue_token(quote)
        if cue is not None:
            for time in self.times_within(cue.sent.start_char, cue.sent.end_char):
                if (
                    inside(time, quote["content"])
                    or inside(time, quote["source"])
                    or not first_day(time["value"])
                ):
                    continue
                if self.governs(
                    cue, self.doc.char_span(time["start"], time["end"], alignment_mode="expand").root
                ):
                    return {"value": time["value"], "basis": "text"}
        return self.published

    def date_from_the_speaker(self, quote: dict) -> None:
        """Read the deictic times inside what was said from the day it was said (module docstring)."""
        when = quote["when"]
        if not when or when["basis"] != "text" or not DAY.fullmatch(when["value"]):
            return
        said = date.fromisoformat(when["value"])
        for time in self.times_within(*quote["content"]):
            expression = self.text[time["start"] : time["end"]]
            if inside(time, quote["content"]) and DEICTIC.search(expression):
                time["value"] = resolve(expression, said) or time["value"]

    def where(self, quote: dict) -> str | None:
        """The place in the quote's reporting clause, if it names one, else the dateline's."""
        cue = self.cue_token(quote)
        for place in scene_places(cue) if cue is not None else ():
            if not inside({"start": place.idx, "end": place.idx + len(place)}, quote["content"]):
                found = self.place_at(place)
                if found is not None:
                    return found
        return self.dateline

    def cue_token(self, quote: dict) -> Token | None:
        """The reporting verb of a quote (not "according to", which names no clause of its own)."""
        if quote.get("cue") is None:
            return None
        span = self.doc.char_span(*quote["cue"], alignment_mode="expand")
        if span is None or span.root.pos_ not in ("VERB", "AUX"):
            return None
        return span.root

    def times_within(self, start: int, end: int) -> list[dict]:
        return self.times[bisect_left(self.time_starts, start) : bisect_right(self.time_starts, end - 1)]

    @staticmethod
    def governs(cue: Token, token: Token) -> bool:
        """Whether ``token`` belongs to the cue's clause: the first verb above it is the cue, or a
        participle clause or object attached to the cue."""
        for ancestor in token.ancestors:
            if ancestor.i == cue.i:
                return True
            if ancestor.pos_ in ("VERB", "AUX"):
                return (
                    ancestor.head.i == cue.i and ancestor.dep_ == "advcl" and ancestor.tag_ in ("VBG", "VBN")
                )
        return False

    def place_at(self, token: Token) -> str | None:
        places = (
            entity
            for *_, entity, kind in self.mentions.overlapping(token.idx, token.idx + len(token))
            if kind in PLACE_TYPES
        )
        return next(places, None)


def dateline_entity(doc: Doc) -> str | None:
    """The entity of the place the dateline names: the article's place of that name, given the
    dateline as a mention, else a new place entity; None without a dateline."""
    if not doc._.wsw_dateline:
        return None
    start, end, written = doc._.wsw_dateline
    name = written.title() if written.isupper() else written
    key = name_key(name, "GPE", Scope.ARTICLE).key
    entities = doc._.wsw_entities if doc._.wsw_entities is not None else []
    for entity in entities:
        if (
            entity["type"] in PLACE_TYPES
            and name_key(entity["name"], entity["type"], Scope.ARTICLE).key == key
        ):
            entity["mentions"] = sorted([*entity["mentions"], (start, end)])
            return entity["id"]
    number = 1 + max((int(entity["id"][1:]) for entity in entities), default=0)
    kind = gazetteer.place_label(name) or "GPE"
    entities.append(
        {"id": f"e{number}", "name": name, "type": kind, "titles": [], "mentions": [(start, end)]}
    )
    doc._.wsw_entities = entities
    return entities[-1]["id"]


def scene_places(cue: Token) -> Iterator[Token]:
    """Objects of "in"/"at" in the reporting clause, nearest first, one phrase deep:
    "said in Kyiv", "told reporters in Kyiv", "speaking at a rally in Ohio"."""
    holders = [cue] + [child for child in cue.children if child.dep_ in SCENE_DEPS and child.pos_ != "ADP"]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPOSITIONS:
                continue
            for obj in (child for child in prep.children if child.dep_ == "pobj"):
                yield obj
                yield from (
                    grand
                    for inner in obj.children
                    if inner.dep_ == "prep" and inner.lower_ in SCENE_PREPOSITIONS
                    for grand in inner.children
                    if grand.dep_ == "pobj"
                )


def inside(span: dict, bounds: Bounds | list[int] | None) -> bool:
    return bounds is not None and bounds[0] <= span["start"] and span["end"] <= bounds[1]
