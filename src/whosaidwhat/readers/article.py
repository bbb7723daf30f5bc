"""The :class:`Article`: what every reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field


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
