"""Readers: plain text kept exactly, HTML through trafilatura, encodings, and bad input."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from whosaidwhat.errors import ReadError
from whosaidwhat.readers import Failure, read_bytes, read_path
from whosaidwhat.readers.decode import guessed_encoding
from whosaidwhat.readers.inputs import expand_inputs
from whosaidwhat.readers.language import ENGLISH_FUNCTION_WORDS, stop_word_share

ARTICLE = (
    "Harbour town opens its new ferry terminal\r\n"
    "\r\n"
    "The mayor of Eastmere opened the ferry terminal on Tuesday, after three years of work.  \r\n"
    "“It will bring visitors all year round,” she said, standing on the café terrace.\r\n"
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour town opens its new ferry terminal | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta name="author" content="Ada Lindqvist">
<meta property="article:published_time" content="2024-05-14T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour town opens its new ferry terminal</h1>
<p>The mayor of Eastmere opened the ferry terminal on Tuesday, after three years of building work
on the old quay and a long argument about its cost.</p>
<p>"It will bring visitors all year round," she said, standing on the terrace of the new café.</p>
<p>The first ferry leaves for the islands at seven in the morning, the operator said.</p>
</article>
<footer>© The Coastal Courier</footer>
</body></html>
"""

GERMAN = (
    "Die Stadt eröffnet das neue Fährterminal\n"
    "Die Bürgermeisterin hat am Dienstag das neue Fährterminal eröffnet. Nach drei Jahren Bauzeit "
    "sollen nun das ganze Jahr über Besucher in die Stadt kommen, sagte sie auf der Terrasse des Cafés.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def test_plain_text_is_kept_exactly(tmp_path):
    path = write(tmp_path, "story.txt", ARTICLE.encode("utf-8"))
    article = read_path(path)
    assert article.text == ARTICLE
    assert article.format == "text"
    assert article.path == path
    assert len(article.sha256) == 64


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "latin-1"],
)
def test_encodings_decode_to_the_same_text(encoding):
    text = ARTICLE if encoding != "latin-1" else ARTICLE.replace("“", '"').replace("”", '"')
    if encoding.endswith("-bom"):
        codec = encoding.removesuffix("-bom")
        data = "\ufeff".encode(codec) + text.encode(codec)
    else:
        data = text.encode(encoding)
    assert read_bytes(data).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(encoding):
    assert read_bytes(ARTICLE.encode(encoding)).text == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_reported_as_guessed(encoding):
    data = ARTICLE.encode(encoding)
    assert guessed_encoding(data).startswith("utf_16")
    assert guessed_encoding("\ufeff".encode(encoding) + ARTICLE.encode(encoding)) is None, "a mark names it"
    assert guessed_encoding(ARTICLE.encode("utf-8")) is None


def test_byte_order_mark_is_not_part_of_the_text():
    article = read_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert article.text == ARTICLE
    assert not article.text.startswith("\ufeff")


def test_html_page_gives_main_text_and_metadata():
    article = read_bytes(PAGE.encode("utf-8"), path="page.html")
    assert article.format == "html"
    assert article.headline == "Harbour town opens its new ferry terminal"
    assert article.published == "2024-05-14"
    assert article.authors == ["Ada Lindqvist"]
    assert article.sitename == "The Coastal Courier"
    assert "opened the ferry terminal on Tuesday" in article.text
    assert "Home" not in article.text and "<p>" not in article.text


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("page.txt", PAGE.encode("utf-8"), "html"),
        ("story.html", ARTICLE.encode("utf-8"), "text"),
        ("noextension", PAGE.encode("utf-16"), "html"),
    ],
)
def test_format_is_told_by_content_not_extension(tmp_path, name, data, expected):
    assert read_path(write(tmp_path, name, data)).format == expected


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", ARTICLE)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "empty file"),
        ("\ufeff \n".encode(), "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF document"),
        (zip_archive(), "ZIP archive"),
        (b"GET /story HTTP/1.1\x00\x00\x00\x01\x02" * 4, "NUL bytes"),
        (bytes(range(1, 32)) * 10, "binary file"),
        (b"<html><body><div><script>var x = 1;</script></div></body></html>", "no article text"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "jpeg", "pdf", "zip", "nul", "control", "no-text-html"],
)
def test_bad_input_is_a_one_line_error_naming_the_file(data, reason):
    with pytest.raises(ReadError, match=reason) as caught:
        read_bytes(data, path="input.bin")
    message = str(caught.value)
    assert message.startswith("[W100] input.bin: ")
    assert "\n" not in message


@pytest.mark.parametrize(
    "data",
    [
        b'{"headline": "Harbour town opens its new ferry terminal", "body": "The mayor said."}',
        b'  [{"id": 1}, {"id": 2}]\n',
        b'{"id": 1}\n{"id": 2}\n',
        '{"headline": "Fähre"}'.encode("utf-16"),
    ],
    ids=["object", "array", "json-lines", "utf-16"],
)
def test_json_data_is_not_an_article(data):
    with pytest.raises(ReadError, match="JSON data, not an article"):
        read_bytes(data, path="data.json")


@pytest.mark.parametrize(
    "text",
    [
        "[Updated] Harbour town opens its new ferry terminal\nThe mayor spoke on Tuesday.\n",
        "[1] Harbour town opens its new ferry terminal\n",
        "{Editor's note: this story was corrected.}\nThe mayor spoke on Tuesday.\n",
    ],
    ids=["bracketed-word", "bracketed-number", "braced-note"],
)
def test_text_opening_with_a_bracket_is_an_article(text):
    assert read_bytes(text.encode("utf-8")).text == text


def test_stdin_input_is_named_in_errors():
    with pytest.raises(ReadError, match=r"<stdin>: empty file"):
        read_bytes(b"", path=None)


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = write(tmp_path, "big.txt", ARTICLE.encode("utf-8") * 10)
    with pytest.raises(ReadError, match=r"too large .*limit is 100"):
        read_path(path, max_bytes=100)
    with pytest.raises(ReadError, match="too large"):
        read_bytes(ARTICLE.encode("utf-8") * 10, max_bytes=100)
    assert read_path(path, max_bytes=10_000).text == ARTICLE * 10


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: str(tmp / "missing.txt"), "no such file or directory"),
        (lambda tmp: str(tmp), "is a directory"),
    ],
    ids=["missing", "directory"],
)
def test_paths_that_are_not_files(tmp_path, make, reason):
    with pytest.raises(ReadError, match=reason):
        read_path(make(tmp_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "locked.txt", ARTICLE.encode("utf-8"))
    os.chmod(path, 0)
    with pytest.raises(ReadError, match="permission denied"):
        read_path(path)


def test_text_not_in_english_gets_a_warning():
    assert read_bytes(GERMAN.encode("utf-8")).warnings == [
        "text looks like language 'de', not English; results may be poor"
    ]


@pytest.mark.parametrize("text", [ARTICLE, "Kurz und gut.\n"], ids=["english", "too-short-to-judge"])
def test_no_language_warning(text):
    assert read_bytes(text.encode("utf-8")).warnings == []


def test_directories_are_read_recursively_in_order(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt", ".git/config"]:
        write(tmp_path, name, b"x")
    found = [os.path.relpath(p, tmp_path) for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]


def test_a_file_path_is_its_own_input(tmp_path):
    path = write(tmp_path, "one.txt", b"x")
    assert list(expand_inputs([path])) == [path]


def test_glob_patterns_are_expanded_in_order(tmp_path):
    for name in ["b.txt", "a.txt", "c.html", "sub/d.txt"]:
        write(tmp_path, name, b"x")
    found = [
        os.path.relpath(p, tmp_path) for p in expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "s*")])
    ]
    assert found == ["a.txt", "b.txt", "sub/d.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_directory_is_skipped_unopened(tmp_path):
    write(tmp_path, "a.txt", b"x")
    os.mkfifo(tmp_path / "b.txt")
    write(tmp_path, "c.txt", b"x")
    assert list(expand_inputs([str(tmp_path), str(tmp_path / "b.*")])) == [
        str(tmp_path / "a.txt"),
        Failure(str(tmp_path / "b.txt"), "a named pipe (FIFO), not a regular file: skipped"),
        str(tmp_path / "c.txt"),
        Failure(str(tmp_path / "b.txt"), "a named pipe (FIFO), not a regular file: skipped"),
    ]


def test_a_dash_is_standard_input():
    assert list(expand_inputs(["-"])) == [None]


def test_an_argument_naming_nothing_is_a_failure(tmp_path):
    missing, unmatched = str(tmp_path / "nowhere"), str(tmp_path / "none-*.txt")
    assert list(expand_inputs([missing, unmatched])) == [
        Failure(missing, "no such file or directory"),
        Failure(unmatched, "no file matches this pattern"),
    ]


def test_english_is_recognised_without_langdetect(monkeypatch):
    def no_langdetect():
        raise AssertionError("langdetect loaded for an English text")

    monkeypatch.setattr("whosaidwhat.readers.language._langdetect", no_langdetect)
    assert stop_word_share(ARTICLE) >= ENGLISH_FUNCTION_WORDS > stop_word_share(GERMAN)
    assert read_bytes(ARTICLE.encode("utf-8")).warnings == []
