"""Plain-text articles, as scraped: the decoded file is the article text, unchanged."""

from __future__ import annotations

from whosaidwhat.readers.article import Article


def read_text(text: str, sha256: str, path: str | None = None) -> Article:
    """An :class:`Article` whose text is ``text`` exactly, so offsets point into the file."""
    return Article(text=text, format="text", sha256=sha256, path=path)
