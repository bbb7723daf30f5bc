"""From article to record: body-only analysis and the time anchor."""

from __future__ import annotations

import json

import pytest
import spacy
from click.testing import CliRunner
from spacy.language import Language

from whosaidwhat.cli import main
from whosaidwhat.extract import body_only, extract, extract_many
from whosaidwhat.readers import read_bytes

UPDATED_ONLY = (
    "Harbour bridge reopens after repairs\n"
    "Updated 09:30 GMT, 6 June 2025\n"
    "The harbour bridge reopened to traffic on Thursday after two months of repairs.\n"
)


def test_body_only_keeps_length_and_newlines():
    text = "Headline\nBody one.\nBody two.\n"
    masked = body_only(text, [(9, 18), (19, 28)])
    assert len(masked) == len(text)
    assert masked == "        \nBody one.\nBody two.\n"


def test_body_only_joins_a_hard_wrapped_paragraph():
    text = "Headline\n\nThe minister said the plan\nwould cost less.\n\nNext paragraph.\n"
    masked = body_only(text, [(10, 53), (55, 70)])
    assert masked == "        \n\nThe minister said the plan would cost less.\n\nNext paragraph.\n"


def test_times_resolve_against_the_update_when_no_publication_date(nlp):
    record = extract(read_bytes(UPDATED_ONLY.encode(), path="bridge.txt"), nlp)
    assert record.published is None
    assert record.updated.startswith("2025-06-06")
    assert {t.text: t.value for t in record.times}["Thursday"] == "2025-06-05"


@Language.component("test_fails_on_boom")
def fails_on_boom(doc):
    if "boom" in doc.text:
        raise ValueError("cannot analyse boom")
    return doc


def test_the_printed_publication_date_is_a_time_of_the_article(nlp):
    text = (
        "Harbour bridge reopens after repairs\n"
        "Published June 6, 2025The harbour bridge reopened to traffic on Thursday.\n"
    )
    record = extract(read_bytes(text.encode(), path="bridge.txt"), nlp)
    times = {t.text: t.value for t in record.times}
    assert times["June 6, 2025"] == "2025-06-06"
    assert times["Thursday"] == "2025-06-05"
    assert [t.start for t in record.times] == sorted(t.start for t in record.times)


@pytest.fixture
def failing_nlp(monkeypatch):
    """A tiny pipeline whose one analysis component fails on texts holding "boom"."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_boom")
    monkeypatch.setattr("whosaidwhat.nlp.pipeline.COMPONENTS", ("test_fails_on_boom",))
    return nlp


def articles(*texts: str):
    return [read_bytes(f"Headline {i}\n{text}\n".encode(), path=f"a{i}.txt") for i, text in enumerate(texts)]


def test_a_failing_article_is_reported_and_the_others_go_on(failing_nlp):
    failed = []
    records = list(
        extract_many(
            articles("Calm day.", "A boom here.", "Quiet night."),
            failing_nlp,
            on_error=lambda article, exc: failed.append((article.path, str(exc))),
        )
    )
    assert [r.source.path for r in records] == ["a0.txt", "a2.txt"]
    assert failed == [("a1.txt", "cannot analyse boom")]


def test_without_an_error_handler_the_failure_propagates(failing_nlp):
    with pytest.raises(ValueError, match="boom"):
        list(extract_many(articles("A boom here."), failing_nlp))


def test_extract_command_reports_a_failed_analysis_and_prints_the_rest(failing_nlp, monkeypatch, tmp_path):
    for article in articles("Calm day.", "A boom here."):
        (tmp_path / article.path).write_text(article.text, encoding="utf-8")
    monkeypatch.setattr("whosaidwhat.nlp.load", lambda model=None: failing_nlp)
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()] == [
        str(tmp_path / "a0.txt")
    ]
    assert result.stderr == (
        f"whosaidwhat: error: [W210] {tmp_path / 'a1.txt'}: "
        "analysis failed: ValueError: cannot analyse boom\n"
    )
