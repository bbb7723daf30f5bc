"""What the readers pass on: an :class:`Item` (one article's bytes, before reading), the
:class:`Article` read from it, or a :class:`Failure` saying why there is none."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import NamedTuple

#: How messages and the store name standard input, which has no path.
STDIN_NAME = "<stdin>"


@dataclass
class Article:
    """One article as read, before any analysis.

    ``text`` is what offsets in the record point into: for plain text the file exactly
    as decoded (without a byte-order mark); for HTML the main text that trafilatura extracted.
    """

    text: str
    format: str  # "text", "html", "warc", "feed"
    sha256: str
    path: str | None = None
    headline: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    sitename: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


class Item(NamedTuple):
    """One article's bytes before reading, with what its container says about it.

    ``path`` is the file, the WARC record's URI or the feed entry's page (None for
    standard input).
    """

    path: str | None
    data: bytes
    format: str | None = None  # "warc" or "feed"; None lets the reader decide
    headline: str | None = None
    published: str | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        """The content hash the readers give the article (of the bytes as read)."""
        return hashlib.sha256(self.data).hexdigest()


def path_name(path: str) -> str:
    """``path`` as printable text: the bytes of a file name that are not UTF-8, which Python
    keeps as lone surrogates (PEP 383), become backslash escapes such as ``\\xff``."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


class Failure(NamedTuple):
    """An input, or a part of one, that gave no article, and the reason."""

    path: str | None
    reason: str

    @property
    def name(self) -> str:
        """The path, or :data:`STDIN_NAME` for standard input."""
        return self.path or STDIN_NAME
