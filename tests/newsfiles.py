"""Small news inputs written for the tests: articles as HTML pages, WARC archives, RSS feeds.

The articles are generated from short sentences composed here (towns, projects, and
invented officials), so every one is distinct and holds a quote with a named speaker.
"""

from __future__ import annotations

import gzip
import html
import io
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

TOWNS = [
    "Alderford",
    "Brookvale",
    "Cinderbay",
    "Dunmere",
    "Eastwick",
    "Fallowmere",
    "Glenhollow",
    "Harrowgate",
    "Ironbridge",
    "Juniper Falls",
    "Kestrel Point",
    "Larkhaven",
    "Millbrook",
    "Northwold",
    "Oakhurst",
    "Pinecrest",
    "Queensford",
    "Ravenmoor",
    "Stillwater",
    "Thornbury",
]
PROJECTS = [
    "a new footbridge",
    "the harbour wall",
    "a library extension",
    "the tram line",
    "a flood barrier",
    "the market hall",
    "a solar farm",
    "the ring road",
    "a youth centre",
    "the old mill",
]
OFFICIALS = [
    "Miriam Oduya",
    "Tomas Brennick",
    "Ilse Varga",
    "Kwame Asante",
    "Priya Raman",
    "Jonas Falk",
    "Elena Sokolova",
    "Rafael Quintero",
    "Aiko Tanabe",
    "Niall Corrigan",
]


def article(number: int) -> tuple[str, str, str]:
    """(headline, date, body paragraphs) of the ``number``-th generated article."""
    town = TOWNS[number % len(TOWNS)]
    project = PROJECTS[number % len(PROJECTS)]
    official = OFFICIALS[number % len(OFFICIALS)]
    day = f"2024-{1 + number % 12:02d}-{1 + number % 27:02d}"
    headline = f"{town} council approves {project} (report {number})"
    body = [
        f"The council of {town} voted on Tuesday to approve {project}, after a debate that lasted "
        f"most of the evening and drew {20 + number} residents to the town hall.",
        f"\u201cThis is the most important decision we have taken in years,\u201d said {official}, "
        f"who chairs the planning committee. \u201cWork on {project} will start before the winter.\u201d",
        f"{official.split()[-1]} said the cost would be shared with the regional government and that "
        f"residents would be consulted again in the spring. Opponents argued that the money should "
        f"have gone to the schools of {town} instead.",
    ]
    return headline, day, "\n\n".join(body)


def html_page(number: int) -> bytes:
    headline, day, body = article(number)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(headline)}</title>"
        f'<meta property="article:published_time" content="{day}"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(headline)}</h1>"
        f"{paragraphs}</article><footer>Local news</footer></body></html>"
    ).encode()


def write_warc(
    path: Path,
    numbers: list[int],
    gzipped: bool = True,
    extra_records: bool = True,
    site: str = "https://news.example.org",
) -> None:
    """A WARC of HTML responses from ``site`` (plus a request and an image response, which are
    not articles)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for number in numbers:
            uri = f"{site}/{number}"
            if extra_records:
                request = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                )
                writer.write_record(request)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(html_page(number)), http_headers=headers
                )
            )
        if extra_records:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"{site}/logo.png",
                    "response",
                    payload=io.BytesIO(b"\x89PNG\r\n"),
                    http_headers=image,
                )
            )


def write_truncated_warc_gz(path: Path, numbers: list[int]) -> None:
    """A gzipped WARC cut off in the middle of its last record."""
    whole = path.with_suffix(".whole")
    write_warc(whole, numbers, gzipped=True, extra_records=False)
    data = whole.read_bytes()
    whole.unlink()
    last_member = data.rfind(b"\x1f\x8b\x08")
    path.write_bytes(data[: last_member + (len(data) - last_member) // 2])


def write_malformed_warc(path: Path, numbers: list[int]) -> None:
    """An uncompressed WARC whose last record has a broken header."""
    write_warc(path, numbers, gzipped=False, extra_records=False)
    with open(path, "ab") as out:
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: not-a-number\r\n\r\ngarbage\r\n\r\n")


def write_warc_with_bogus_record(path: Path, before: list[int], after: list[int], gzipped: bool) -> None:
    """A WARC whose pages ``before`` and ``after`` have between them a response record that
    names no WARC-Target-URI."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Lost</p></body></html>"
    bogus = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bogus>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n%s\r\n\r\n" % (len(http), http)
    )
    parts = [path.with_suffix(".before"), path.with_suffix(".after")]
    write_warc(parts[0], before, gzipped=gzipped, extra_records=False)
    write_warc(parts[1], after, gzipped=gzipped, extra_records=False)
    data = parts[0].read_bytes() + (gzip.compress(bogus) if gzipped else bogus) + parts[1].read_bytes()
    for part in parts:
        part.unlink()
    path.write_bytes(data)


def rss_item(number: int, with_content: bool = True, link: str | None = None) -> str:
    headline, day, body = article(number)
    description = ""
    if with_content:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
        description = f"<description>{html.escape(paragraphs)}</description>"
    link = link or f"https://news.example.org/feed/{number}"
    return (
        f"<item><title>{html.escape(headline)}</title><link>{html.escape(link)}</link>"
        f"<pubDate>{rfc822(day)}</pubDate>{description}</item>"
    )


def rfc822(day: str) -> str:
    from datetime import UTC, datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(day).replace(tzinfo=UTC))


def write_rss(path: Path, items: list[str]) -> None:
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Town news</title>'
        f"<link>https://news.example.org/</link><description>Local news</description>{''.join(items)}"
        "</channel></rss>",
        encoding="utf-8",
    )


def write_gzip(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data))


def write_non_utf8_name(directory: Path, text: str) -> Path:
    """A file whose name is not UTF-8 (``bad\\xff\\xfename.txt``), or a skip where names must be UTF-8."""
    path = directory / os.fsdecode(b"bad\xff\xfename.txt")
    try:
        path.write_text(text, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only UTF-8 file names")
    return path
