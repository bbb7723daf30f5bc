"""RSS and Atom feeds: one article per entry, read with feedparser.

An entry's article is its linked page when that page is at hand as a local file (a
``file:`` link, or a path relative to the feed), else the entry's own content or
summary. Entries with neither, and files feedparser cannot read as a feed, come back
as :class:`Failure` values in place, so one bad entry does not stop the rest.
"""

from __future__ import annotations

import html
import os
import re
import time
from collections.abc import Iterator
from urllib.parse import unquote

from whosaidwhat.errors import ReadError
from whosaidwhat.readers.article import STDIN_NAME, Failure, Item, path_name
from whosaidwhat.readers.content import file_error
from whosaidwhat.readers.decode import BOMS
from whosaidwhat.urls import split_url

#: What may come before the root element of an XML document: white space, the XML
#: declaration and other processing instructions, comments, a document type declaration.
XML_PROLOG = re.compile(
    r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)*", re.DOTALL | re.IGNORECASE
)
#: The root element's name, without a namespace prefix.
ROOT_ELEMENT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)")
#: Roots of RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom documents, and of an RSS channel without its
#: ``rss`` element.
FEED_ROOTS = frozenset({"rss", "rdf", "feed", "channel"})


def looks_like_feed(head: bytes) -> bool:
    """Whether a file starting with ``head`` is an RSS or Atom feed: its root element, after
    the XML prolog, is a feed's, in whichever encoding."""
    text = sniffing_text(head)
    root = ROOT_ELEMENT.match(text, XML_PROLOG.match(text).end())
    return root is not None and root.group(1).lower() in FEED_ROOTS


def sniffing_text(head: bytes) -> str:
    """``head`` as text good enough to find markup in: decoded by its byte-order mark, as
    UTF-16 when every other byte is NUL, else byte for byte."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, "ignore")
    if head[:1] == b"\x00" and head[1:2] != b"\x00":
        return head.decode("utf-16-be", "ignore")
    if head[1:2] == b"\x00" and head[:1] != b"\x00":
        return head.decode("utf-16-le", "ignore")
    return head.decode("latin-1")


def iter_feed(path: str | None, data: bytes, max_bytes: int) -> Iterator[Item | Failure]:
    """The entries of the feed ``data`` read from ``path`` (None: standard input), each as an
    item or a Failure."""
    import feedparser  # here, not at the top: most inputs are no feeds, and it takes 0.08 s to import

    name = path_name(path) if path is not None else None
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed: {problem}" if problem else "feed has no entries"
        yield Failure(name, reason[:300])
        return
    folder = os.path.dirname(path or "")
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield entry_item(entry, f"{name or STDIN_NAME}#{number}", folder, max_bytes)
        except ReadError as exc:
            yield Failure(exc.path, exc.reason)


def entry_item(entry, name: str, folder: str, max_bytes: int) -> Item:
    """The entry's article: its linked local page, else its own content as an HTML page."""
    title = (entry.get("title") or "").strip() or None
    link = entry.get("link")
    link = link if link and split_url(link) else None
    published = entry_date(entry)
    page = local_page(link, folder)
    if page is not None:
        try:
            with open(page, "rb") as f:
                data = f.read(max_bytes + 1)
        except OSError as exc:
            raise file_error(path_name(page), exc) from None
        return Item(
            path=path_name(page), data=data, format="feed", headline=title, published=published, url=link
        )
    body = entry_body(entry)
    if not body:
        raise ReadError(name, "feed entry has no content and its linked page is not at hand")
    return Item(
        path=link or name,
        data=as_html_page(title, published, body).encode("utf-8"),
        format="feed",
        headline=title,
        published=published,
        url=link,
    )


def entry_body(entry) -> str:
    """The entry's fullest text: its content, else its summary; plain text turned into paragraphs."""
    for part in entry.get("content") or []:
        if (part.get("value") or "").strip():
            return as_html_body(part["value"], part.get("type", ""))
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return as_html_body(summary, detail.get("type", "")) if summary.strip() else ""


def as_html_body(value: str, content_type: str) -> str:
    if "html" in content_type:
        return value
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", value) if p.strip())


def as_html_page(title: str | None, published: str | None, body: str) -> str:
    """An HTML page around an entry's content, carrying its title and date as page metadata."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{heading}{body}</article></body></html>"


def entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def local_page(link: str | None, folder: str) -> str | None:
    """The local file an entry's link names, if there is one."""
    parts = split_url(link) if link else None
    if parts is None:
        return None
    if parts.scheme == "file":
        candidate = unquote(parts.path)
    elif not parts.scheme and not parts.netloc:
        candidate = os.path.join(folder, unquote(parts.path))
    else:
        return None
    return candidate if os.path.isfile(candidate) else None
