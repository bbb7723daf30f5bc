"""An HTML page's metadata: the article's headline, authors, dates and the site's name.

Each field is read as a cascade, the most reliable source first: the article's own
JSON-LD object (:mod:`~whosaidwhat.readers.jsonld`), then the meta tags, then the page
itself. trafilatura's ``extract_metadata`` does the same in outline, but for news it goes
wrong in ways that matter here, so only its pieces that are right are used:

- dates: htmldate (which trafilatura runs) with its *extensive* search, trafilatura's
  default, takes any date on the page when the markup gives none: a related story's URL,
  a copyright year in the footer (``2019-01-01``), even today's date on a page with no
  article. Here htmldate runs without it, on the page less its navigation, asides,
  footers and link lists, and a date before htmldate's own earliest or after today (the
  ``1970-01-01`` a CMS prints for "no date") is no date;
- authors: trafilatura merges every source ("Alan Johnson; Alan-Johnson" from a name and
  a URL slug, "TNN; Updated Aug" from a byline box and its date). Here the first source
  that names anyone is taken whole, a URL is no author, and the byline box (trafilatura's
  ``extract_author``) is the last resort, its parts that hold dates or links dropped;
- the headline: see :mod:`~whosaidwhat.readers.titles`.

The reader passes the authors on as printed; :mod:`whosaidwhat.structure.credits` tells
people from desks and agencies.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import dateparser
from htmldate import find_date
from htmldate.settings import MIN_DATE
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author

from whosaidwhat.readers.jsonld import JsonLd, read_jsonld
from whosaidwhat.readers.titles import choose_headline
from whosaidwhat.urls import host_of

#: Meta tags that name the article's authors, in the order they are trusted.
AUTHOR_TAGS = (
    "author",
    "article:author_name",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "sailthru.author",
    "parsely-author",
    "cxenseparse:author",
)
#: Meta tags that date the article's last update.
UPDATED_TAGS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
SITE_NAME_TAGS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site")
SHARING_TITLE_TAGS = ("og:title", "twitter:title")
#: Parts of a page whose dates are other articles' (related links, teasers) or the site's.
NOT_THE_ARTICLE = (
    "//nav|//aside|//footer|//header[not(ancestor::article)]|//a"
    "|//*[re:test(concat(@class, ' ', @id), 'related|recommend|more-?stories|promo|teaser|sidebar"
    "|newsletter|trending|popular|comment|footer|outbrain|taboola', 'i')]"
)
_REGEX_NAMESPACE = {"re": "http://exslt.org/regular-expressions"}
#: A byline box's part that is a date, a link or an address, not a name.
NOT_A_NAME = re.compile(
    r"\d|https?:|www\.|@|\b(?:e-?mail|follow|updated|published|posted)\b"
    r"|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.IGNORECASE,
)
MAX_H1S = 3


@dataclass
class PageMetadata:
    """What a page says about its article; ``authors`` as printed (people, desks and agencies)."""

    headline: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    sitename: str | None = None
    url: str | None = None


def read_metadata(tree: HtmlElement) -> PageMetadata:
    """The metadata of the page ``tree`` (which is left unchanged)."""
    jsonld = read_jsonld(tree)
    tags = meta_tags(tree)
    url = canonical_url(tree, tags)
    site_names = [*(tags.get(name, [None])[0] for name in SITE_NAME_TAGS), *jsonld.site_names]
    site_names = [name.lstrip("@") for name in site_names if name]
    headline = choose_headline(
        jsonld.headlines(),
        next((tags[name][0] for name in SHARING_TITLE_TAGS if name in tags), None),
        h1_texts(tree),
        _text(tree.find(".//title")),
        [*site_names, url] if url else site_names,
    )
    return PageMetadata(
        headline=headline,
        published=published_date(tree, jsonld, url),
        updated=updated_date(jsonld, tags),
        authors=jsonld.authors() or tagged_authors(tags) or byline_box_authors(tree),
        sitename=site_names[0] if site_names else None,
        url=url,
    )


def published_date(tree: HtmlElement, jsonld: JsonLd, url: str | None) -> str | None:
    """The article's JSON-LD date, else htmldate's reading of the markup (meta tags, the page's
    own URL, dated elements) without the parts of the page that date other things."""
    found = valid_date(jsonld.first("datePublished")) or valid_date(jsonld.first("dateCreated"))
    return found or valid_date(find_date(without_other_content(tree), extensive_search=False, url=url))


def updated_date(jsonld: JsonLd, tags: dict[str, list[str]]) -> str | None:
    dates = [jsonld.first("dateModified"), *(value for name in UPDATED_TAGS for value in tags.get(name, []))]
    return next((found for value in dates if (found := valid_date(value))), None)


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """The contents of the page's meta tags by lower-case name (``name``, ``property`` or ``itemprop``)."""
    tags: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta[@content]"):
        name = meta.get("name") or meta.get("property") or meta.get("itemprop")
        content = " ".join(meta.get("content", "").split())
        if name and content:
            tags.setdefault(name.casefold(), []).append(content)
    return tags


def canonical_url(tree: HtmlElement, tags: dict[str, list[str]]) -> str | None:
    """The page's canonical link, else its sharing address; one that names no host is dropped."""
    links = [link.get("href", "") for link in tree.iterfind(".//link[@rel='canonical'][@href]")]
    return next((url for url in [*links, *tags.get("og:url", [])] if is_web_address(url)), None)


def is_web_address(url: str) -> bool:
    return url.startswith("http") and host_of(url) is not None


def h1_texts(tree: HtmlElement) -> list[str]:
    return [text for h1 in tree.iterfind(".//body//h1") if (text := _text(h1))][:MAX_H1S]


def tagged_authors(tags: dict[str, list[str]]) -> list[str]:
    """The authors the first author meta tag names; a link to a profile page names nobody."""
    for name in AUTHOR_TAGS:
        values = [value for value in tags.get(name, []) if not re.match(r"https?:|www\.|#$", value)]
        if values:
            return list(dict.fromkeys(values))
    return []


def byline_box_authors(tree: HtmlElement) -> list[str]:
    """The names in the page's byline box, as trafilatura finds it, without dates and links."""
    found = extract_author(tree) or ""
    return [part for part in re.split(r"\s*;\s*", found) if part and not NOT_A_NAME.search(part)]


def without_other_content(tree: HtmlElement) -> HtmlElement:
    """A copy of ``tree`` without the parts whose dates are not the article's."""
    copy = deepcopy(tree)
    for element in copy.xpath(NOT_THE_ARTICLE, namespaces=_REGEX_NAMESPACE):
        if element.getparent() is not None:
            element.drop_tree()
    return copy


def valid_date(value: str | None) -> str | None:
    """``value`` as YYYY-MM-DD in its own time zone, or None: unreadable, before htmldate's
    earliest date (the Unix epoch stands for "no date") or later than tomorrow."""
    if not value or not re.search(r"\d{4}", value):  # a year, so that "yesterday" is no date
        return None
    try:
        day = datetime.fromisoformat(value.strip()).date()
    except ValueError:
        parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        if parsed is None:
            return None
        day = parsed.date()
    if not MIN_DATE.date() <= day <= date.today() + timedelta(days=1):
        return None
    return day.isoformat()


def _text(element: HtmlElement | None) -> str | None:
    if element is None:
        return None
    return " ".join(element.text_content().split()) or None
