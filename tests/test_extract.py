"""From article to record: body-only analysis and the time anchor."""

from __future__ import annotations

from whosaidwhat.extract import body_only, extract
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
