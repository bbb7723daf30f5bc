"""The article's own schema.org object in a page's JSON-LD: its headline, authors and dates.

trafilatura reads JSON-LD too, but for news it merges every object of the page: the
headlines of a live blog's updates, the authors of related stories and the site's own
``WebPage`` all compete with the article. Here only top-level objects count (a live blog's
updates and an article's related items are nested inside it), articles before web pages,
and an author given by reference (``{"@id": ...}``) is looked up in the page's graph.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

#: schema.org types of a news article (``Article`` and its subtypes that news pages use).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)
#: A page that declares no article may still date and credit itself as a web page.
PAGE_TYPES = frozenset({"WebPage", "ItemPage"})
#: Types of the site itself, whose names are the site's name.
SITE_TYPES = frozenset({"WebSite", "NewsMediaOrganization", "Organization"})


@dataclass
class JsonLd:
    """The page's article objects, best first, and the names the site gives itself."""

    articles: list[dict] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    by_id: dict[str, dict] = field(default_factory=dict)

    def headlines(self) -> list[str]:
        """Each article object's headline, in order, without repeats."""
        found = (_text(article.get("headline")) for article in self.articles)
        return list(dict.fromkeys(headline for headline in found if headline))

    def first(self, key: str) -> str | None:
        """The first article object's text value of ``key`` (``datePublished``, ...)."""
        return next((value for article in self.articles if (value := _text(article.get(key)))), None)

    def authors(self) -> list[str]:
        """The names of the first article object that credits anyone, as the page spells them."""
        for article in self.articles:
            names = [name for author in _as_list(article.get("author")) if (name := self._name(author))]
            if names:
                return names
        return []

    def _name(self, author: object) -> str | None:
        if isinstance(author, str):
            return _text(author)
        if not isinstance(author, dict):
            return None
        if set(author) <= {"@id", "@type"} and author.get("@id") in self.by_id:
            author = self.by_id[author["@id"]]
        name = _text(author.get("name"))
        if name:
            return name
        parts = (_text(author.get("givenName")), _text(author.get("familyName")))
        return " ".join(part for part in parts if part) or None


def read_jsonld(tree: HtmlElement) -> JsonLd:
    """The JSON-LD of the page ``tree``; a block that is not valid JSON is passed over."""
    found = JsonLd()
    pages: list[dict] = []
    for item in _top_level_objects(tree):
        types = set(_as_list(item.get("@type")))
        if isinstance(item.get("@id"), str):
            found.by_id[item["@id"]] = item
        if types & ARTICLE_TYPES:
            found.articles.append(item)
        elif types & PAGE_TYPES:
            pages.append(item)
        elif types & SITE_TYPES and (name := _text(item.get("name"))):
            found.site_names.append(name)
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and (name := _text(publisher.get("name"))):
            found.site_names.append(name)
    found.articles += pages
    found.site_names = list(dict.fromkeys(found.site_names))
    return found


def _top_level_objects(tree: HtmlElement) -> Iterator[dict]:
    """Every object at the top of a JSON-LD block: the block itself, list items, ``@graph`` members."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for item in _as_list(data):
            if isinstance(item, dict):
                yield item
                yield from (member for member in _as_list(item.get("@graph")) if isinstance(member, dict))


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: object) -> str | None:
    """A string value with HTML entities decoded (some sites escape twice) and spaces collapsed."""
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), None)
    if not isinstance(value, str):
        return None
    return " ".join(html.unescape(value).split()) or None
