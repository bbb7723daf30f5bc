"""Readers turn bytes into an :class:`Article`: decoded text plus what metadata the format carries.

``read_path`` and ``read_bytes`` tell plain text from HTML by content (not only by the
file extension) and raise :class:`whosaidwhat.errors.ReadError` for input that is not an
article. WARC and feed files hold many articles; their readers live beside this one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Default size limit of one input file, in bytes (settable with ``--max-bytes``).
MAX_BYTES = 5 * 1024 * 1024


@dataclass
class Article:
    """One article as read, before any analysis.

    ``text`` is what offsets in the record point into: for plain text the file exactly
    as decoded; for HTML the main text that trafilatura extracted.
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


def read_bytes(data: bytes, path: str | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """Decode ``data`` as a plain-text article (HTML and error handling still to come)."""
    import hashlib

    return Article(text=data.decode("utf-8-sig"), format="text", sha256=hashlib.sha256(data).hexdigest(), path=path)


def read_path(path: str, max_bytes: int = MAX_BYTES) -> Article:
    with open(path, "rb") as f:
        return read_bytes(f.read(), path=path, max_bytes=max_bytes)


def iter_input_paths(path: str):
    import os

    if os.path.isdir(path):
        for root, _, files in sorted(os.walk(path)):
            for name in sorted(files):
                yield os.path.join(root, name)
    else:
        yield path
