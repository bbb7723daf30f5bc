"""WARC archives (plain or gzipped, as in Common Crawl's CC-NEWS): one article per HTML response.

warcio does the reading. Each ``response`` record whose HTTP payload is HTML is one
article, named by its ``WARC-Target-URI``; request, metadata and non-HTML records are
passed over. A record that cannot be read is a :class:`Failure` in its place, and the
reading goes on with the next. A record whose stated length is wrong, or a truncated
gzip stream, ends the reading of that file with a Failure, after every article read
before it: where the next record begins is then unknown.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, BinaryIO

from whosaidwhat.errors import ReadError
from whosaidwhat.readers.article import Failure, Item

if TYPE_CHECKING:
    from warcio.archiveiterator import ArchiveIterator

WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"


def looks_like_warc(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a WARC (gzipped or not)."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def iter_warc(stream: BinaryIO, path: str | None, max_bytes: int) -> Iterator[Item | Failure]:
    """The HTML pages in the WARC read from ``stream`` (the file at ``path``), a Failure in place
    of each record that cannot be read, then a Failure if the file is damaged."""
    from warcio.archiveiterator import ArchiveIterator  # here, not at the top: 0.08 s to import

    count = 0
    try:
        records = ArchiveIterator(stream, no_record_parse=True)
        while True:
            record, page = next_page(records, max_bytes)
            if records.err_count:
                yield Failure(
                    path,
                    f"malformed WARC record after {count} pages: "
                    "a record's Content-Length does not match its content",
                )
                return
            if record is None:
                return
            if isinstance(page, MalformedRecord):
                record_id = record.rec_headers.get_header("WARC-Record-ID") or "without an id"
                yield Failure(path, f"malformed WARC record {record_id} after {count} pages: {page}"[:300])
            elif page is not None:
                count += 1
                yield page
    except ReadError as exc:
        yield Failure(path, f"{exc.reason}, after {count} pages")
    except Exception as exc:  # warcio, gzip and zlib raise many kinds of errors on damaged input
        yield Failure(
            path, f"malformed WARC after {count} pages: {type(exc).__name__}: {first_line(exc)}"[:300]
        )


class MalformedRecord(Exception):
    """A record that cannot be read; the records after it still can, as its length is known."""


def next_page(records: ArchiveIterator, max_bytes: int):
    """The next record and its page (None if it is not an HTML response, MalformedRecord if it
    cannot be read), warcio's warnings silenced.

    warcio prints a warning for a record whose length is wrong and counts it in
    ``err_count``; the caller turns that count into a failure instead.
    """
    with contextlib.redirect_stderr(io.StringIO()):
        record = next(records, None)
        if record is None:
            return None, None
        try:
            return record, html_page(record, max_bytes)
        except MalformedRecord as exc:
            return record, exc


def html_page(record, max_bytes: int) -> Item | None:
    """The page in a response record; ReadError when the record ends before its stated length.

    The iterator is told not to parse HTTP headers (its parser fails on some malformed
    records in a way that ends the iteration); they are parsed here, record by record.
    """
    if record.rec_type != "response" or not record.length:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        raise MalformedRecord("a response without WARC-Target-URI")
    try:
        record.http_headers = _http_headers(record, uri)
        if record.http_headers is None:  # not an HTTP response: dns:, whois:
            return None
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        if content_type and "html" not in content_type:
            return None
        content = record.content_stream()
        data = content.read(max_bytes + 1)
        while content.read(1 << 16):
            pass
    except Exception as exc:  # warcio raises many kinds of errors on a malformed HTTP message
        raise MalformedRecord(f"{type(exc).__name__}: {first_line(exc)}") from None
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise ReadError(uri, f"truncated record {uri} ({record.raw_stream.limit} bytes missing)")
    return Item(path=uri, data=data, format="warc", url=uri)


def _http_headers(record, uri: str):
    """The HTTP headers at the start of the record's block, parsed as leniently as warcio's
    iterator would have."""
    return _http_loader().load_http_headers("response", uri, record.raw_stream, record.length)


@lru_cache(maxsize=1)
def _http_loader():
    from warcio.recordloader import ArcWarcRecordLoader

    return ArcWarcRecordLoader(verify_http=False, arc2warc=False)


def first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
