"""One article's bytes to an :class:`Article`: decoded, then read as plain text or HTML,
told apart by content (not by the file extension)."""

from __future__ import annotations

import hashlib
import json
import os

from whosaidwhat.errors import ReadError
from whosaidwhat.readers.article import Article
from whosaidwhat.readers.decode import decode
from whosaidwhat.readers.html import looks_like_html, read_html
from whosaidwhat.readers.language import language_warning
from whosaidwhat.readers.text import read_text

#: Default size limit of one article, in bytes (settable with ``--max-bytes``).
MAX_BYTES = 5 * 1024 * 1024


def read_bytes(data: bytes, path: str | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """The article in ``data`` (plain text or HTML), or :class:`ReadError` saying why not."""
    check_size(len(data), path, max_bytes)
    if not data.strip():
        raise ReadError(path, "empty file")
    text = decode(data, path)
    if not text.strip():
        raise ReadError(path, "empty file (only whitespace)")
    if looks_like_json(text):
        raise ReadError(path, "JSON data, not an article")
    sha256 = hashlib.sha256(data).hexdigest()
    article = read_html(text, sha256, path) if looks_like_html(text) else read_text(text, sha256, path)
    warning = language_warning(article.text)
    if warning:
        article.warnings.append(warning)
    return article


def read_path(path: str, max_bytes: int = MAX_BYTES) -> Article:
    """The article in the file at ``path``; the size limit is checked before reading."""
    try:
        check_size(os.stat(path).st_size, path, max_bytes)
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise file_error(path, exc) from None
    return read_bytes(data, path=path, max_bytes=max_bytes)


def looks_like_json(text: str) -> bool:
    """Whether ``text`` is JSON data: an object or array that parses, followed by nothing or by
    more of them (JSON Lines). An article that opens with a bracket ("[Updated] ...") is not."""
    text = text.lstrip()
    if not text.startswith(("{", "[")):
        return False
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return False
    rest = text[end:].lstrip()
    return not rest or rest.startswith(("{", "["))


def check_size(size: int, path: str | None, max_bytes: int) -> None:
    if size > max_bytes:
        raise ReadError(path, f"file is too large ({size} bytes; the limit is {max_bytes}, see --max-bytes)")


def file_error(path: str | None, exc: OSError) -> ReadError:
    """Why the file at ``path`` (None: standard input) cannot be read, in the words of the error messages."""
    if isinstance(exc, FileNotFoundError):
        return ReadError(path, "no such file or directory")
    if isinstance(exc, IsADirectoryError):
        return ReadError(path, "is a directory")
    if isinstance(exc, PermissionError):
        return ReadError(path, "permission denied")
    return ReadError(path, exc.strerror or type(exc).__name__)
