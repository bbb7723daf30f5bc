"""From the inputs to the articles in them: one :class:`Item` per article, then its Article.

:func:`iter_items` opens each input once and tells its format by its first bytes: a
WARC (gzipped or not) is read record by record, one item per HTML response; a feed
gives one item per entry; anything else is one article of at most ``max_bytes``.
:func:`read_item` reads an item as plain text or HTML. :func:`iter_articles` is the two
together, in input order; ingest uses them apart, to skip content stored before reading
it and to read it in worker processes.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from whosaidwhat.errors import ReadError
from whosaidwhat.readers.article import Article, Failure, Item, path_name
from whosaidwhat.readers.content import MAX_BYTES, check_size, file_error, read_bytes
from whosaidwhat.readers.feeds import iter_feed, looks_like_feed
from whosaidwhat.readers.inputs import expand_inputs
from whosaidwhat.readers.warc import iter_warc, looks_like_warc

#: Bytes read from an input's start to tell WARC and feeds from articles.
SNIFF_BYTES = 4096


def iter_articles(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Article | Failure]:
    """The articles in the inputs, WARC records and feed entries included, in input order;
    a Failure in place of each input or part of one that cannot be read."""
    for item in iter_items(paths, max_bytes):
        yield item if isinstance(item, Failure) else article_or_failure(item, max_bytes)


def article_or_failure(item: Item, max_bytes: int) -> Article | Failure:
    """The item's article, or a Failure saying why it has none (a reader's own bug included)."""
    try:
        return read_item(item, max_bytes)
    except ReadError as exc:
        return Failure(item.path, exc.reason)
    except Exception as exc:  # a reader bug must not end a batch; it is reported instead
        return Failure(item.path, f"cannot read: {type(exc).__name__}: {exc}"[:300])


def read_item(item: Item, max_bytes: int = MAX_BYTES) -> Article:
    """The item as an Article, with its container's metadata filled in; ReadError if it is none."""
    article = read_bytes(item.data, path=item.path, max_bytes=max_bytes)
    if item.format:
        article.format = item.format
    article.url = article.url or item.url
    article.headline = article.headline or item.headline
    article.published = article.published or item.published
    return article


def iter_items(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Item | Failure]:
    """The articles' bytes in the inputs, WARC records and feed entries included, in input order."""
    for path in expand_inputs(paths):
        if isinstance(path, Failure):
            yield path
        elif path is None:
            yield from stdin_items(max_bytes)
        else:
            yield from file_items(path, max_bytes)


def stdin_items(max_bytes: int) -> Iterator[Item | Failure]:
    if sys.stdin is None:  # the process was started with its standard input closed
        yield Failure(None, "standard input is closed")
    else:
        yield from stream_items(sys.stdin.buffer, None, None, max_bytes)


def file_items(path: str, max_bytes: int) -> Iterator[Item | Failure]:
    try:
        with open(path, "rb") as stream:
            yield from stream_items(stream, path, os.fstat(stream.fileno()).st_size, max_bytes)
    except OSError as exc:
        yield Failure(path_name(path), file_error(path, exc).reason)


def stream_items(
    stream: BinaryIO, path: str | None, size: int | None, max_bytes: int
) -> Iterator[Item | Failure]:
    """The items in ``stream``, read from ``path`` (None: standard input) of ``size`` bytes if known.

    Items and failures carry the path as printable text (:func:`path_name`).
    """
    name = path_name(path) if path is not None else None
    try:
        head = stream.read(SNIFF_BYTES)
        if looks_like_warc(head):
            yield from iter_warc(Rewound(head, stream), name, max_bytes)
            return
        data = (head + stream.read(max(0, max_bytes + 1 - len(head))))[: max_bytes + 1]
    except OSError as exc:
        yield Failure(name, file_error(name, exc).reason)
        return
    if looks_like_feed(head):
        yield from iter_feed(path, data, max_bytes)
        return
    try:
        check_size(size if size is not None else len(data), name, max_bytes)
    except ReadError as exc:
        yield Failure(name, exc.reason)
        return
    yield Item(name, data)


class Rewound(io.RawIOBase):
    """``stream`` read again from the start, though its first bytes (``head``) were read already."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self.head = head
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            count = min(len(buffer), len(self.head))
            buffer[:count] = self.head[:count]
            self.head = self.head[count:]
            return count
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
