"""The article record (schema ``whosaidwhat.article/1``): one model, one JSON Schema.

Every stage of the pipeline ends here: readers and structure fill the metadata,
the spaCy components fill entities, quotes, times, events and figures, and
:func:`whosaidwhat.extract` returns an :class:`ArticleRecord`. The JSON Schema
printed by ``whosaidwhat schema`` is generated from these classes.

Offsets are ``[start, end)`` Python string indices into ``ArticleRecord.text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "whosaidwhat.article/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of ``ArticleRecord.text``: ``text == record.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Source(_Model):
    path: str | None = None
    url: str | None = Field(
        default=None,
        description="the article's address: HTML canonical link, WARC target URI, feed item link",
    )
    format: str = Field(description='"text", "html", "warc", "feed", ...')
    sha256: str


class Section(_Model):
    heading: str
    start: int = Field(ge=0, description="start of the section's first paragraph")
    end: int = Field(ge=0, description="end of the section's last paragraph")


class Entity(_Model):
    id: str = Field(description='"e1", "e2", ... unique within the record')
    name: str = Field(description="canonical name: the fullest proper name used")
    type: str = Field(description="spaCy/OntoNotes label: PERSON, ORG, GPE, LOC, NORP, FAC, ...")
    titles: list[str] = Field(default_factory=list, description="roles the text gives the entity")
    mentions: list[Span] = Field(default_factory=list)


class QuoteTime(_Model):
    """When a quote was said: a time in its own clause ("said on Thursday"), else the article's date."""

    value: str = Field(description='TIMEX3-style value: "2024-10-03", "2024-W41", ...')
    basis: Literal["text", "published"] = Field(
        description='"text": a time the quote\'s clause gives; "published": the article\'s date'
    )


class Quote(_Model):
    id: str = Field(description='"q1", "q2", ...')
    kind: Literal["direct", "indirect", "mixed"]
    content: Span
    speaker: str | None = Field(default=None, description="entity id of who said it")
    source: Span | None = Field(default=None, description="the mention naming the speaker for this quote")
    cue: Span | None = Field(default=None, description="the reporting word(s); null for a floating quote")
    addressee: str | None = Field(default=None, description="entity id of who was told")
    when: QuoteTime | None = Field(default=None, description="when it was said")
    where: str | None = Field(default=None, description="entity id of the place where it was said")


class Time(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: str = Field(description='TIMEX3-style value: "2024-10-03", "2024-W41", "2024-10", ...')


class Event(_Model):
    type: str
    trigger: Span
    who: list[str] = Field(default_factory=list)
    whom: list[str] = Field(default_factory=list)
    where: list[str] = Field(default_factory=list)
    when: str | None = None


class Figure(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: str = Field(description='"money", "percent", "count", ...')
    value: float | int
    unit: str | None = None
    qualifier: str | None = None


class MainEventPhrases(_Model):
    who: str
    what: str
    when: str
    where: str
    why: str | None = None
    how: str | None = None


class MainEvent(_Model):
    type: str
    who: list[str] = Field(default_factory=list)
    whom: list[str] = Field(default_factory=list)
    where: list[str] = Field(default_factory=list)
    when: str | None = None
    phrases: MainEventPhrases


class ArticleRecord(_Model):
    """What ``whosaidwhat extract`` prints for one article."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    source: Source
    language: str = "en"
    headline: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD or ISO 8601 date-time")
    updated: str | None = None
    authors: list[str] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)
    text: str
    paragraphs: list[Span] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    main_event: MainEvent | None = None
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")


def json_schema() -> dict:
    """The record's JSON Schema, as ``whosaidwhat schema`` prints it."""
    return ArticleRecord.model_json_schema(by_alias=True)
