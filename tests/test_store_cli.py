"""The query commands on a small corpus: tables, JSON and CSV, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store import RECORDS

from whosaidwhat.cli import main
from whosaidwhat.store import open_store


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "corpus.db")
    with open_store(path) as store:
        for record in RECORDS:
            store.add(record)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_quotes_by_any_spelling_as_json(db):
    code, out, _ = run("quotes", "--speaker", "zelensky", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [row["content"] for row in rows] == [
        '"the grain corridor stays open"',
        '"We will rebuild the harbour bridge."',
    ]
    assert {row["speaker"] for row in rows} == {"Volodymyr Zelenskyy"}


def test_search_as_csv(db):
    code, out, _ = run("search", "harbour", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {row["speaker"] for row in rows} == {"Volodymyr Zelenskyy", "Donald Trump"}


def test_speakers_table_names_the_most_quoted(db):
    code, out, _ = run("speakers", "--top", "2", "--db", db)
    assert code == 0
    assert "Volodymyr Zelenskyy" in out and "Donald Trump" in out
    assert "Hillary Clinton" not in out


def test_timeline_and_show(db):
    code, out, _ = run("timeline", "Zelenskyy", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert [row["row"] for row in rows] == ["quote", "event", "quote"]
    code, out, _ = run("show", str(rows[0]["article_id"]), "--db", db)
    assert code == 0
    assert json.loads(out)["text"] == RECORDS[0]["text"]


@pytest.mark.parametrize(
    "args",
    [
        ("search", '"unclosed'),
        ("quotes", "--speaker", "Trump", "--since", "yesterday-ish"),
        ("quotes", "--about", "-nothing"),
        ("speakers", "--db", "postgresql://postgres@127.0.0.1:1/none"),
    ],
)
def test_bad_queries_are_one_line_errors(db, args):
    if "--db" not in args:
        args = (*args, "--db", db)
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("whosaidwhat: error:") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://reader:hunter2@[unclosed/corpus",
        "postgresql://reader@[unclosed/corpus?password=hunter2",
        "postgresql://reader:hunter2@127.0.0.1:1/corpus",
    ],
)
def test_a_database_that_cannot_be_opened_is_named_without_its_password(url):
    code, out, err = run("speakers", "--db", url)
    assert code == 2 and out == ""
    assert err.startswith("whosaidwhat: error:") and err.count("\n") == 1
    assert "cannot open database postgresql://reader" in err
    assert "hunter2" not in err


def test_showing_an_unknown_article_is_an_error(db):
    code, _, err = run("show", "999", "--db", db)
    assert code == 1 and "no article with id 999" in err


BOX_DRAWING = re.compile("[\u2500-\u257f]")
COMMAND = str(Path(sys.executable).with_name("whosaidwhat"))


def test_a_piped_search_prints_tab_separated_rows_only(db):
    """``whosaidwhat search ... | cat``: data only, no box drawing, no progress on either stream."""
    result = subprocess.run(
        ["bash", "-c", f"{shlex.quote(COMMAND)} search harbour --db {shlex.quote(db)} | cat"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert not BOX_DRAWING.search(result.stdout)
    assert lines[0].split("\t") == ["quote_id", "said_on", "speaker", "kind", "content", "headline"]
    assert len(lines) == 3 and all(line.count("\t") == 5 for line in lines)
    assert result.stderr == ""


def test_a_table_is_drawn_on_a_terminal(db):
    leader, follower = pty.openpty()
    try:
        subprocess.run(
            [COMMAND, "search", "harbour", "--db", db],
            stdout=follower,
            stderr=subprocess.DEVNULL,
            check=True,
            env={**os.environ, "COLUMNS": "200", "TERM": "xterm"},
        )
        shown = os.read(leader, 1 << 16).decode()
    finally:
        os.close(leader)
        os.close(follower)
    assert BOX_DRAWING.search(shown) and "\t" not in shown


def test_tsv_format_keeps_each_row_on_one_line(db):
    code, out, _ = run("quotes", "--db", db, "--format", "tsv")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and rows[0][:3] == ["quote_id", "said_on", "speaker"]
    assert {len(row) for row in rows} == {6}


def test_ingest_into_a_log_shows_no_progress_bar(tmp_path):
    """Standard error that is not a terminal gets the summary, not a redrawn progress line."""
    article = tmp_path / "ferry.txt"
    article.write_text('Ferry fares rise\n"Fares rise in May," Ann Lee said on Monday.\n', encoding="utf-8")
    result = subprocess.run(
        [COMMAND, "ingest", str(article), "--db", str(tmp_path / "corpus.db"), "--workers", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == ""
    assert result.stderr.startswith("stored 1, skipped 0, failed 0")
    assert not BOX_DRAWING.search(result.stderr) and "articles/s stored" not in result.stderr
