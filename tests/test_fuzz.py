"""Generated inputs of any kind: readers, the structure stage and the search parser raise
nothing but the project's own errors, and every record they make is valid.

Each property runs a few dozen examples in the suite; ``WHOSAIDWHAT_FUZZ_EXAMPLES`` sets
how many each runs (``bench/fuzz.py`` runs them by the hundred thousand). :data:`RUNS`
counts the examples each property ran.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from functools import cache

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whosaidwhat.errors import QueryError, WhosaidwhatError
from whosaidwhat.extract import build_record
from whosaidwhat.readers import Failure, Item, iter_items, read_item
from whosaidwhat.record import json_schema
from whosaidwhat.store import open_store
from whosaidwhat.store.search import parse_search
from whosaidwhat.structure import parse_structure

EXAMPLES = int(os.environ.get("WHOSAIDWHAT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
RUNS: Counter[str] = Counter()

#: Starts that send bytes down each reader: archives, feeds, pages, data, byte-order marks, binaries.
PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\n",
    b"\x1f\x8b\x08\x00",
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>',
    b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">',
    b"<!DOCTYPE html><html><head><title>",
    b'<html><head><meta property="og:title" content="',
    b'{"headline": ',
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"%PDF-",
    b"Headline\n\nBy Jane Roe\nOctober 3, 2024\n\n",
]

article_lines = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "By Ana Lima and Tom Roe",
                "KYIV, Ukraine (AP) — ",
                "Published October 3, 2024 10:14 a.m.",
                '"We will not stop," the minister said.',
                "Reporting by Jane Doe; Editing by John Roe",
                "Copyright 2019",
                "<p>",
                "</article>",
                "(Reuters)",
                "Read more:",
            ]
        ),
    ),
    max_size=12,
)


@st.composite
def raw_inputs(draw) -> bytes:
    """Bytes of any kind: random, or article-like text in an encoding, after a telling start."""
    prefix = draw(st.sampled_from(PREFIXES))
    body = draw(
        st.one_of(
            st.binary(max_size=2000),
            article_lines.map("\n".join).flatmap(
                lambda text: st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]).map(
                    lambda encoding: text.encode(encoding, errors="replace")
                )
            ),
        )
    )
    return prefix + body


file_names = (
    st.binary(min_size=1, max_size=60)
    .map(lambda name: name.replace(b"/", b"_").replace(b"\0", b"_"))
    .filter(lambda name: name not in (b".", b".."))
)


@cache
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema())


def check_record(article) -> None:
    """The record of an article's structure alone (no language analysis) is valid and exact."""
    structure = parse_structure(article)
    record = build_record(article, structure, {}).to_dict()
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # no lone surrogate: printable and storable
    validator().validate(record)
    text = record["text"]
    for span in record["paragraphs"]:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


@FUZZ
@given(data=raw_inputs(), name=file_names)
def test_any_file_of_any_name_is_read_or_refused_with_a_reason(data, name):
    RUNS["readers: files"] += 1
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(os.fsencode(directory), name)
        with open(path, "wb") as file:
            file.write(data)
        for item in iter_items([directory], max_bytes=100_000):
            if isinstance(item, Failure):
                assert item.reason and "Traceback" not in item.reason
                item.name.encode("utf-8")  # a name fit for a message and the store
                continue
            try:
                article = read_item(item, max_bytes=100_000)
            except WhosaidwhatError:
                continue
            check_record(article)


@FUZZ
@given(data=raw_inputs())
def test_any_bytes_are_read_or_refused_and_make_a_valid_record(data):
    RUNS["readers: bytes"] += 1
    try:
        article = read_item(Item(path=None, data=data), max_bytes=100_000)
    except WhosaidwhatError:
        return
    check_record(article)


@FUZZ
@given(lines=article_lines, headline=st.one_of(st.none(), st.text(max_size=40)))
def test_the_structure_of_any_text_makes_a_valid_record(lines, headline):
    RUNS["structure"] += 1
    from whosaidwhat.readers.text import read_text

    text = "\n".join(lines)
    if not text.strip():
        return
    article = read_text(text, "0" * 64, None)
    article.headline = headline
    check_record(article)


search_texts = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.one_of(
            st.sampled_from(['"', "OR", "-", "*", "(", ")", "NEAR", "AND", "NOT", "^", ":", "the", "a*"]),
            st.text(min_size=1, max_size=12),
        ),
        max_size=40,
    ).map(" ".join),
)


@cache
def search_store():
    """A store with a few quotes, on which every parsed search must run."""
    store = open_store(os.path.join(tempfile.mkdtemp(), "fuzz.db"))
    text = 'Port\n"The port is open," the mayor said. The dock was closed, he said.'
    store.add(
        {
            "source": {"sha256": "f" * 64, "path": None, "format": "text"},
            "text": text,
            "headline": "Port",
            "published": None,
            "entities": [],
            "quotes": [
                {"id": "q1", "kind": "direct", "content": {"start": 6, "end": 23, "text": text[6:23]}},
            ],
            "events": [],
        }
    )
    return store


@FUZZ
@given(text=search_texts)
def test_any_search_is_parsed_and_run_or_refused_as_a_query_error(text):
    RUNS["search"] += 1
    try:
        search = parse_search(text)
    except QueryError:
        return
    store = search_store()
    store.db.rows("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", (search.fts5(),))
    store.search(text)
