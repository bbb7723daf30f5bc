"""``whosaidwhat extract`` and ``whosaidwhat schema`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from newsfiles import article, rss_item, write_malformed_warc, write_non_utf8_name, write_rss, write_warc

import whosaidwhat.nlp
from whosaidwhat.cli import main

STORY = (
    "Eastmere opens its new ferry terminal\n"
    "Published 14 May 2024\n"
    "By Ada Lindqvist\n"
    "EASTMERE (AP) — The mayor of Eastmere opened the ferry terminal on Tuesday.\n"
    '"It will bring visitors all year round," Mayor Jane Doe said.\n'
)
OTHER = "Ferries return to the islands\nThe first ferry left the quay at seven, the operator said.\n"


@pytest.fixture
def run(monkeypatch, nlp):
    """Run the command line in-process on the session's pipeline; returns click's Result."""
    real_load = whosaidwhat.nlp.load
    monkeypatch.setattr(
        whosaidwhat.nlp,
        "load",
        lambda model=None: nlp if model in (None, whosaidwhat.nlp.DEFAULT_MODEL) else real_load(model),
    )

    def invoke(*args: str, stdin: bytes | None = None):
        return CliRunner().invoke(main, list(args), input=stdin)

    return invoke


@pytest.fixture
def news(tmp_path: Path) -> Path:
    (tmp_path / "b-story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "other.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a-picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return tmp_path


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_one_file_prints_one_indented_record(run, news):
    result = run("extract", str(news / "b-story.txt"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert result.stdout.startswith("{\n  ")
    assert record["text"] == STORY
    assert record["headline"] == "Eastmere opens its new ferry terminal"
    assert record["published"] == "2024-05-14"
    assert (record["authors"], record["agencies"]) == (["Ada Lindqvist"], ["AP"])
    assert record["paragraphs"][0]["text"].startswith("The mayor of Eastmere")
    assert all(record["text"][p["start"] : p["end"]] == p["text"] for p in record["paragraphs"])


def test_jsonl_format_puts_a_record_on_one_line(run, news):
    result = run("extract", "--format", "jsonl", str(news / "b-story.txt"))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert records(result.stdout)[0]["source"]["format"] == "text"


def test_batch_reports_the_bad_file_and_prints_the_good_ones(run, news):
    result = run("extract", str(news))
    assert result.exit_code == 1
    paths = [r["source"]["path"] for r in records(result.stdout)]
    assert paths == [str(news / "b-story.txt"), str(news / "sub" / "other.txt")]
    assert result.stderr == (
        f"whosaidwhat: error: [W100] {news / 'a-picture.png'}: "
        "binary file (a PNG image), not a text or HTML article\n"
    )


def test_several_paths_with_a_missing_one(run, news):
    result = run("extract", str(news / "b-story.txt"), str(news / "nowhere.txt"), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["headline"] == "Eastmere opens its new ferry terminal"
    assert "nowhere.txt: no such file or directory" in result.stderr


def test_output_file(run, news, tmp_path):
    target = tmp_path / "records.jsonl"
    result = run("extract", str(news / "b-story.txt"), str(news / "sub"), "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert [r["headline"] for r in records(target.read_text(encoding="utf-8"))] == [
        "Eastmere opens its new ferry terminal",
        "Ferries return to the islands",
    ]


def test_standard_input(run):
    result = run("extract", "-", stdin=OTHER.encode("utf-8"))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert (record["source"]["path"], record["text"]) == (None, OTHER)


def test_html_on_standard_input(run):
    page = (
        "<html><head><title>Ferries return to the islands</title></head><body><article>"
        "<p>The first ferry left the quay at seven in the morning, the operator said on Monday, "
        "after a winter in which the service was suspended.</p></article></body></html>"
    )
    result = run("extract", "-", stdin=page.encode("utf-8"))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["source"]["format"] == "html"
    assert record["headline"] == "Ferries return to the islands"


def test_text_not_in_english_is_analysed_with_a_warning(run, tmp_path):
    path = tmp_path / "fähre.txt"
    path.write_text(
        "Die Fähre fährt wieder\nDie erste Fähre hat am Montag um sieben Uhr den Hafen "
        "verlassen, sagte der Betreiber nach einem langen Winter ohne Verbindung zu den "
        "Inseln.\n",
        encoding="utf-8",
    )
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert (
        "text looks like language 'de', not English; results may be poor"
        in json.loads(result.stdout)["warnings"]
    )
    assert "whosaidwhat: warning:" in result.stderr and "not English" in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "options", "reason"),
    [
        ("missing.txt", None, [], "no such file or directory"),
        ("empty.txt", b"", [], "empty file"),
        ("blank.txt", b" \n\n\t ", [], "empty file"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", [], "binary file (a JPEG image)"),
        ("archive.zip", b"PK\x03\x04\x14\x00\x00\x00", [], "binary file (a ZIP archive)"),
        ("large.txt", OTHER.encode() * 20, ["--max-bytes", "200"], "file is too large"),
        ("broken.html", b"<html><body><div></div></body></html>", [], "no article text found"),
        ("data.json", b'{"headline": "Ferries return", "body": "The first ferry left."}', [], "JSON data"),
    ],
    ids=["missing", "empty", "whitespace", "image", "zip", "too-large", "malformed-html", "json"],
)
def test_bad_input_is_one_line_on_stderr_and_exit_1(run, tmp_path, name, data, options, reason):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = run("extract", *options, str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"whosaidwhat: error: [W100] {path}: ")
    assert reason in lines[0]
    assert "Traceback" not in result.output


def test_example_article(run):
    result = run("extract", "--example", "--format", "jsonl")
    assert result.exit_code == 0
    assert records(result.stdout)[0]["source"]["path"] == "seed.txt"


def test_schema_is_a_valid_json_schema_of_the_record(run, news):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run("schema").stdout)
    jsonschema.validators.validator_for(schema).check_schema(schema)
    record = json.loads(run("extract", str(news / "b-story.txt")).stdout)
    jsonschema.validate(record, schema)


def test_records_are_written_while_later_files_are_still_unread(run, news, monkeypatch):
    import whosaidwhat.cli.extract as command
    import whosaidwhat.nlp.pipeline as pipeline
    import whosaidwhat.readers.items as items

    events = []
    file_items, write = items.file_items, command._write
    monkeypatch.setattr(
        items, "file_items", lambda path, max_bytes: events.append("read") or file_items(path, max_bytes)
    )
    monkeypatch.setattr(command, "_write", lambda output, data: events.append("write") or write(output, data))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 100)  # the model parses one article at a time
    (news / "third.txt").write_text(OTHER.replace("seven", "eight"), encoding="utf-8")
    result = run("extract", str(news / "b-story.txt"), str(news / "sub"), str(news / "third.txt"))
    assert result.exit_code == 0 and len(records(result.stdout)) == 3
    reads = [n for n, event in enumerate(events) if event == "read"]
    assert len(reads) == 3 and events.count("write") == 3
    assert events.index("write") < reads[2], "the first record is out before the third file is read"


def test_a_warc_archive_prints_one_record_per_article(run, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [1, 2, 3])
    result = run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    found = records(result.stdout)
    assert [r["source"]["path"] for r in found] == [f"https://news.example.org/{n}" for n in (1, 2, 3)]
    assert [r["source"]["format"] for r in found] == ["warc"] * 3
    assert [r["headline"] for r in found] == [article(n)[0] for n in (1, 2, 3)]


def test_a_feed_prints_one_record_per_entry(run, tmp_path):
    path = tmp_path / "feed.xml"
    write_rss(path, [rss_item(4), rss_item(5)])
    result = run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    found = records(result.stdout)
    assert [r["source"]["path"] for r in found] == [f"https://news.example.org/feed/{n}" for n in (4, 5)]
    assert [r["source"]["format"] for r in found] == ["feed"] * 2
    assert [(r["headline"], r["published"]) for r in found] == [article(n)[:2] for n in (4, 5)]


def test_a_plain_warc_prints_one_record_per_article(run, tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, [1, 2], gzipped=False)
    result = run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    assert [r["source"]["format"] for r in records(result.stdout)] == ["warc", "warc"]


def test_a_damaged_warc_prints_its_articles_and_reports_the_damage(run, tmp_path):
    path = tmp_path / "bad.warc"
    write_malformed_warc(path, [1, 2])
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert len(records(result.stdout)) == 2
    assert result.stderr.startswith(f"whosaidwhat: error: [W100] {path}: malformed WARC")


def test_a_warc_on_standard_input(run, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [6, 7])
    result = run("extract", "-", stdin=path.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert [r["source"]["path"] for r in records(result.stdout)] == [
        f"https://news.example.org/{n}" for n in (6, 7)
    ]


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(run, tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    write_non_utf8_name(tmp_path, OTHER)
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [r["source"]["path"] for r in records(result.stdout)] == [
        f"{tmp_path}/bad\\xff\\xfename.txt",
        str(tmp_path / "story.txt"),
    ]


def run_apart(*args: str, closed: int | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """The command in a process of its own, started with the file descriptor ``closed`` closed."""
    return subprocess.run(
        [sys.executable, "-c", "from whosaidwhat.cli import main; main()", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=None if closed is None else lambda: os.close(closed),
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_directory_is_reported_not_waited_for(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    result = run_apart("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 1
    assert [r["source"]["path"] for r in records(result.stdout)] == [str(tmp_path / "a.txt")]
    assert result.stderr == (
        f"whosaidwhat: error: [W100] {tmp_path / 'b.txt'}: a named pipe (FIFO), not a regular file: skipped\n"
    )


def test_a_closed_standard_input_is_a_one_line_error():
    result = run_apart("extract", "-", closed=0)
    assert (result.returncode, result.stderr) == (
        1,
        "whosaidwhat: error: [W100] <stdin>: standard input is closed\n",
    )


@pytest.mark.parametrize("command", [["extract", "--example"], ["schema"]])
def test_a_closed_standard_output_is_a_one_line_error(command):
    result = run_apart(*command, closed=1)
    assert (result.returncode, result.stderr) == (2, "whosaidwhat: error: standard output is closed\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["extract", "--example"], ["schema"]])
def test_a_full_output_is_a_one_line_error(command):
    with open("/dev/full", "w") as full:
        result = run_apart(*command, stdout=full)
    assert (result.returncode, result.stderr) == (
        2,
        "whosaidwhat: error: cannot write to <stdout>: No space left on device\n",
    )
