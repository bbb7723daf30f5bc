"""The query commands on a small corpus: tables, JSON and CSV, and one-line errors."""

from __future__ import annotations

import csv
import io
import json

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


def test_showing_an_unknown_article_is_an_error(db):
    code, _, err = run("show", "999", "--db", db)
    assert code == 1 and "no article with id 999" in err
