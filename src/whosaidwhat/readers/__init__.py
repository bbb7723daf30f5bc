"""Readers turn bytes into an :class:`Article`: decoded text plus what metadata the format carries.

``read_path`` and ``read_bytes`` tell plain text from HTML by content (not only by the
file extension) and raise :class:`whosaidwhat.errors.ReadError` for input that is not an
article: missing, empty, binary, too large or malformed. WARC and feed files hold many
articles; their readers live beside this one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator

from whosaidwhat.errors import ReadError
from whosaidwhat.readers.article import Article
from whosaidwhat.readers.decode import decode
from whosaidwhat.readers.html import looks_like_html, read_html
from whosaidwhat.readers.language import language_warning
from whosaidwhat.readers.text import read_text

__all__ = ["MAX_BYTES", "Article", "iter_input_paths", "read_bytes", "read_path"]

#: Default size limit of one input file, in bytes (settable with ``--max-bytes``).
MAX_BYTES = 5 * 1024 * 1024


def read_bytes(data: bytes, path: str | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """The article in ``data`` (plain text or HTML), or :class:`ReadError` saying why not."""
    check_size(len(data), path, max_bytes)
    if not data.strip():
        raise ReadError(path, "empty file")
    text = decode(data, path)
    if not text.strip():
        raise ReadError(path, "empty file (only whitespace)")
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
    except FileNotFoundError:
        raise ReadError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as exc:
        raise ReadError(path, exc.strerror or type(exc).__name__) from None
    return read_bytes(data, path=path, max_bytes=max_bytes)


def check_size(size: int, path: str | None, max_bytes: int) -> None:
    if size > max_bytes:
        raise ReadError(path, f"file is too large ({size} bytes; the limit is {max_bytes}, see --max-bytes)")


def iter_input_paths(path: str) -> Iterator[str]:
    """``path`` itself, or every file under the directory ``path`` in sorted order.

    Hidden files and directories (names starting with a dot) are skipped in directories.
    """
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield os.path.join(root, name)
    elif os.path.exists(path):
        yield path
    else:
        raise ReadError(path, "no such file or directory")
