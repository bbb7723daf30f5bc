"""WARC archives and RSS feeds as inputs: every article found, every damaged part reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsfiles import (
    article,
    html_page,
    rss_item,
    write_malformed_warc,
    write_rss,
    write_truncated_warc_gz,
    write_warc,
    write_warc_with_bogus_record,
)

from whosaidwhat.readers import MAX_BYTES, Article, Failure, Item, iter_articles, iter_items
from whosaidwhat.readers.feeds import iter_feed, looks_like_feed
from whosaidwhat.readers.warc import iter_warc, looks_like_warc


def warc_items(path: Path) -> list[Item | Failure]:
    with open(path, "rb") as stream:
        return list(iter_warc(stream, str(path), MAX_BYTES))


@pytest.mark.parametrize("gzipped", [True, False])
def test_each_html_response_in_a_warc_is_one_page(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, [1, 2, 3], gzipped=gzipped)
    pages = warc_items(path)
    assert [page.url for page in pages] == [f"https://news.example.org/{n}" for n in (1, 2, 3)]
    assert [page.path for page in pages] == [page.url for page in pages]
    assert pages[0].data == html_page(1)
    assert pages[0].format == "warc"
    assert looks_like_warc(path.read_bytes()[:4096])


def test_a_truncated_warc_gz_keeps_the_pages_before_the_cut(tmp_path):
    path = tmp_path / "cut.warc.gz"
    write_truncated_warc_gz(path, [1, 2, 3])
    *pages, failure = warc_items(path)
    assert [page.url for page in pages] == ["https://news.example.org/1", "https://news.example.org/2"]
    assert isinstance(failure, Failure) and "truncated" in failure.reason
    assert failure.path == str(path)


def test_a_malformed_warc_record_is_reported(tmp_path):
    path = tmp_path / "bad.warc"
    write_malformed_warc(path, [1, 2])
    *pages, failure = warc_items(path)
    assert len(pages) == 2
    assert isinstance(failure, Failure) and "malformed" in failure.reason


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_bogus_record_is_reported_and_the_records_after_it_are_read(tmp_path, gzipped):
    path = tmp_path / ("bogus.warc.gz" if gzipped else "bogus.warc")
    write_warc_with_bogus_record(path, [1], [2, 3], gzipped=gzipped)
    first, bogus, *rest = warc_items(path)
    assert first.url == "https://news.example.org/1"
    assert bogus == Failure(
        str(path), "malformed WARC record <urn:uuid:bogus> after 1 pages: a response without WARC-Target-URI"
    )
    assert [item.url for item in rest] == ["https://news.example.org/2", "https://news.example.org/3"]


@pytest.mark.parametrize(
    "head", [b"<html><body><p>Hello</p></body></html>", b"Plain words.", b"\x1f\x8bnot gzip"]
)
def test_other_files_are_not_taken_for_warc(head):
    assert not looks_like_warc(head)


RSS_ITEM = (
    "<item><title>Council votes</title><description>The council voted on Tuesday to approve "
    "the bridge, the mayor said.</description></item>"
)
LICENCE = "<!--" + "Licensed to the reader under the usual terms. " * 60 + "-->\n"
UTF16_RSS = f'<?xml version="1.0" encoding="utf-16"?><rss><channel>{RSS_ITEM}</channel></rss>'


@pytest.mark.parametrize(
    "data",
    [
        f'<?xml version="1.0"?>\n{LICENCE}<rss version="2.0"><channel>{RSS_ITEM}</channel></rss>'.encode(),
        f'<?xml version="1.0" encoding="utf-16"?><rss><channel>{RSS_ITEM}</channel></rss>'.encode("utf-16"),
        f'<?xml version="1.0" encoding="utf-16"?><rss><channel>{RSS_ITEM}</channel></rss>'.encode(
            "utf-16-le"
        ),
        b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>T</atom:title></atom:feed>',
        f'<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>\n<rss version="0.91"><channel>{RSS_ITEM}'.encode(),
        f'<?xml version="1.0"?><channel>{RSS_ITEM}</channel>'.encode(),
    ],
    ids=["long-prolog", "utf-16", "utf-16-without-bom", "prefixed-atom", "doctype", "channel-root"],
)
def test_feeds_are_told_by_their_root_element(tmp_path, data):
    assert looks_like_feed(data[:4096])
    path = tmp_path / "news.xml"
    path.write_bytes(data)
    assert all(isinstance(a, Failure) or a.format == "feed" for a in iter_articles([str(path)]))


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>RSS feeds</title></head><body><p>Our <rss> feed</p></body></html>",
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
        b"Feeds, the minister said, <feed> the people.",
        b'{"rss": "<rss>"}',
    ],
    ids=["html", "xhtml", "text", "json"],
)
def test_other_files_are_not_taken_for_feeds(data):
    assert not looks_like_feed(data)


def test_a_broken_feed_is_refused_not_read_as_text(tmp_path):
    path = tmp_path / "cut.rss"
    path.write_text(f'<?xml version="1.0"?>\n{LICENCE}<rss><channel><title>Town news</title><item><title>Cou')
    assert [(a.path, a.reason) for a in iter_articles([str(path)])] == [
        (f"{path}#1", "feed entry has no content and its linked page is not at hand")
    ]


def test_feed_entries_become_articles_and_broken_ones_failures(tmp_path):
    (tmp_path / "page.html").write_bytes(html_page(7))
    feed = tmp_path / "news.rss"
    write_rss(
        feed,
        [rss_item(1), rss_item(2, with_content=False), rss_item(3, with_content=False, link="page.html")],
    )
    entries = list(iter_feed(str(feed), feed.read_bytes(), MAX_BYTES))
    first, broken, linked = entries
    assert first.headline == article(1)[0]
    assert first.published == "2024-02-02"
    assert b"planning committee" in first.data
    assert isinstance(broken, Failure) and broken.path == f"{feed}#2"
    assert linked.data == html_page(7)
    assert looks_like_feed(feed.read_bytes())


def test_a_file_that_is_no_feed_is_one_failure(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><item><title>cut off", encoding="utf-8")
    assert [type(e) for e in iter_feed(str(path), path.read_bytes(), MAX_BYTES)] == [Failure]


def test_inputs_are_expanded_from_directories_and_globs(tmp_path):
    write_warc(tmp_path / "a.warc.gz", [1, 2])
    write_rss(tmp_path / "b.rss", [rss_item(3)])
    (tmp_path / "c.html").write_bytes(html_page(4))
    everything = list(iter_items([str(tmp_path)]))
    assert [type(i) for i in everything] == [Item, Item, Item, Item]
    assert [i.format for i in everything] == ["warc", "warc", "feed", None]
    assert len(list(iter_items([str(tmp_path / "*.warc.gz")]))) == 2
    missing = list(iter_items([str(tmp_path / "nothing-*.txt"), str(tmp_path / "absent.txt")]))
    assert [type(i) for i in missing] == [Failure, Failure]


def test_articles_of_every_format_come_in_input_order(tmp_path):
    write_warc(tmp_path / "a.warc.gz", [1, 2])
    write_rss(tmp_path / "b.rss", [rss_item(3), rss_item(30, with_content=False)])
    (tmp_path / "c.html").write_bytes(html_page(4))
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    found = list(iter_articles([str(tmp_path)]))
    assert [(type(a), a.format if isinstance(a, Article) else None) for a in found] == [
        (Article, "warc"),
        (Article, "warc"),
        (Article, "feed"),
        (Failure, None),
        (Article, "html"),
        (Failure, None),
    ]
    assert [a.headline for a in found if isinstance(a, Article)] == [article(n)[0] for n in (1, 2, 3, 4)]
    assert found[3] == Failure(
        f"{tmp_path / 'b.rss'}#2", "feed entry has no content and its linked page is not at hand"
    )
    assert found[5].path == str(tmp_path / "d.png") and "PNG image" in found[5].reason


def test_atom_entries_carry_their_content(tmp_path):
    headline, _, body = article(5)
    feed = tmp_path / "news.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Town news</title>'
        f"<entry><title>{headline}</title><link href='https://news.example.org/5'/>"
        f"<updated>2024-06-06T08:00:00Z</updated><content type='text'>{body}</content></entry></feed>",
        encoding="utf-8",
    )
    (entry,) = list(iter_feed(str(feed), feed.read_bytes(), MAX_BYTES))
    assert looks_like_feed(feed.read_bytes())
    assert (entry.headline, entry.published, entry.url) == (
        headline,
        "2024-06-06",
        "https://news.example.org/5",
    )
    assert entry.data.count(b"<p>") == 3


def test_a_feed_entry_whose_link_is_no_address_is_read_without_it(tmp_path):
    feed = tmp_path / "news.rss"
    write_rss(feed, [rss_item(1, link="http://[broken/1"), rss_item(2)])
    first, second = iter_feed(str(feed), feed.read_bytes(), MAX_BYTES)
    assert (first.headline, first.url) == (article(1)[0], None)
    assert b"planning committee" in first.data
    assert second.url == "https://news.example.org/feed/2"
