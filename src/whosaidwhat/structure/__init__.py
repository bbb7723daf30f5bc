"""Article structure from scraped text: headline, dates, byline, sections and body paragraphs.

:func:`parse_structure` reads the text of an :class:`~whosaidwhat.readers.Article` and
returns a :class:`Structure`; where the reader already knows a field (HTML metadata),
the reader's value wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Structure:
    headline: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    #: body paragraphs as (start, end) offsets into the article text
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    #: (heading, start, end): start..end covers the section's paragraphs
    sections: list[tuple[str, int, int]] = field(default_factory=list)


def parse_structure(article) -> Structure:
    """Every non-empty line after the first is a paragraph (the full rules are still to come)."""
    text = article.text
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            lines.append((pos, pos + len(stripped)))
        pos += len(line)
    headline = text[lines[0][0]:lines[0][1]].strip() if lines else None
    return Structure(headline=article.headline or headline, published=article.published, paragraphs=lines[1:])
