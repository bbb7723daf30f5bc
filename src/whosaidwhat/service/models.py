"""Response bodies of the JSON API, as they appear in its OpenAPI document.

Rows come from :mod:`whosaidwhat.store`; the models allow extra fields because the
store (like the record) may grow fields without breaking clients.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from whosaidwhat.record import ArticleRecord


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class Problem(BaseModel):
    """Every error answer: one line saying what was wrong."""

    detail: str


class ArticleSummary(_Row):
    id: int
    headline: str | None = None
    published: str | None = None
    path: str | None = None
    n_quotes: int


class StoredArticle(ArticleRecord):
    """An article's record as stored, with its id in the corpus."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id: int


class QuoteRow(_Row):
    quote_id: int | str
    article_id: int
    headline: str | None = None
    published: str | None = None
    speaker: str | None = None
    person_id: int | str | None = None
    said_on: str | None = None
    kind: str
    content: str
    cue: str | None = None
    place: str | None = None
    quote_key: str | None = Field(
        default=None, description="the quote's id in its article: the page /articles/{article_id}#{quote_key}"
    )


class SpeakerRow(_Row):
    person_id: int | str
    name: str
    type: str | None = None
    n_quotes: int
    n_articles: int


class TimelineRow(_Row):
    row: Literal["quote", "event"]
    article_id: int
    headline: str | None = None
    published: str | None = None


class PersonTimeline(_Row):
    person_id: int | str
    name: str
    type: str | None = None
    aliases: list[str] = []
    timeline: list[TimelineRow]


class Counts(_Row):
    articles: int
    quotes: int
    people: int
    failures: int


class GroupCounts(_Row):
    """Quotes of one outlet or month: how many, and how many by unnamed sources or by people the text
    calls women or men."""

    articles: int
    quotes: int
    unnamed: int
    female_stated: int
    male_stated: int
    unnamed_share: float
    female_stated_share: float
    male_stated_share: float


class OutletCounts(GroupCounts):
    outlet: str = Field(description="the host of the articles' URLs, or '(no address)'")


class PeriodCounts(GroupCounts):
    period: str = Field(description="the month of the articles, YYYY-MM, or 'undated'")


class QuotedCounts(_Row):
    person_id: int | str
    name: str
    quotes: int
    articles: int


class SpeakerKindCounts(_Row):
    kind: str
    speakers: str
    basis: str = Field(
        description="how the gender is known: 'stated in the text', 'guessed from the first name' or ''"
    )
    quotes: int
    share: float


class Overview(_Row):
    """Who gets quoted, within a scope (an outlet, a month, or the whole corpus)."""

    scope: dict[str, str | None]
    quotes: int
    speakers: list[SpeakerKindCounts]
    people: list[QuotedCounts]
    organisations: list[QuotedCounts]
    outlets: list[OutletCounts]
    periods: list[PeriodCounts]
