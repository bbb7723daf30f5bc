"""HTML pages: the main text through trafilatura, the metadata from :mod:`.metadata`."""

from __future__ import annotations

import re

from whosaidwhat.errors import ReadError
from whosaidwhat.readers.article import Article

#: A document that opens with a doctype, an XML declaration, a comment or one of these
#: tags is HTML; so is one that holds a closing tag of a block element further down.
HTML_START = re.compile(
    r"\A\s*(?:<!doctype\s+html|<\?xml[^>]*>\s*<html|<!--|<(?:html|head|body|meta|title|article|div|p)\b)",
    re.IGNORECASE,
)
HTML_BLOCK_END = re.compile(r"</(?:html|body|p|div|article|section)\s*>", re.IGNORECASE)
#: How far into a document to look for HTML markup.
SNIFF_CHARS = 4096


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup, judged by its content (the file name may lie)."""
    head = text[:SNIFF_CHARS]
    if HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and bool(HTML_BLOCK_END.search(head))


def read_html(markup: str, sha256: str, path: str | None = None) -> Article:
    """The article in an HTML page; :class:`ReadError` when no article text can be found."""
    import trafilatura  # here, not at the top: commands that read no HTML skip its 0.25 s import
    from trafilatura.utils import load_html

    from whosaidwhat.readers.metadata import read_metadata

    try:
        tree = load_html(markup)
        document = trafilatura.bare_extraction(tree, include_comments=False) if tree is not None else None
    except Exception as exc:  # lxml and trafilatura raise many kinds of parse errors
        raise ReadError(path, f"malformed HTML ({type(exc).__name__})") from None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ReadError(path, "no article text found in the HTML page")
    metadata = read_metadata(tree)
    return Article(
        text=text,
        format="html",
        sha256=sha256,
        path=path,
        headline=metadata.headline,
        published=metadata.published,
        updated=metadata.updated,
        authors=metadata.authors,
        sitename=metadata.sitename,
        url=metadata.url,
    )
