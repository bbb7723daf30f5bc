"""Readers: from bytes on disk to an :class:`Article`, decoded text plus what metadata the format carries.

The story, stage by stage:

- ``inputs``: the arguments become files (directories recursively, glob patterns,
  ``-`` for standard input);
- ``items``: each input, its format told by its first bytes, becomes one :class:`Item`
  (an article's bytes) per WARC response record, per feed entry, or for the whole file;
- ``content``: an item's bytes are decoded and read as plain text or HTML, again told
  apart by content, into an :class:`Article`.

:func:`iter_articles` runs them all and yields each Article, or a :class:`Failure`
naming the input and why it is not an article (missing, empty, binary, too large,
malformed), in input order. ``read_bytes`` and ``read_path`` read one article and raise
:class:`whosaidwhat.errors.ReadError` instead.
"""

from __future__ import annotations

from whosaidwhat.readers.article import Article, Failure, Item
from whosaidwhat.readers.content import MAX_BYTES, read_bytes, read_path
from whosaidwhat.readers.items import article_or_failure, iter_articles, iter_items, read_item

__all__ = [
    "MAX_BYTES",
    "Article",
    "Failure",
    "Item",
    "article_or_failure",
    "iter_articles",
    "iter_items",
    "read_bytes",
    "read_item",
    "read_path",
]
