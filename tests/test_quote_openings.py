"""A quotation that opens its sentence and the reporting clause after it, whatever the parser hung
after the verb (texts written for these tests)."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

OPENING = [
    pytest.param(
        '"Let me give you the numbers," Berg said after a brief "I apologise" to the panel.',
        "Let me give you the numbers",
        "Berg",
        id="later-quotation-in-a-phrase",
    ),
    pytest.param(
        '"Being a parent, that is my whole job," Lund said in May on the radio show "Morning Talk."',
        "Being a parent, that is my whole job",
        "Lund",
        id="title-after-the-verb",
    ),
    pytest.param(
        '"Nobody told us anything," said the woman, who like many on the quay did not want to be '
        "named because of the row.",
        "Nobody told us anything",
        "the woman",
        id="inverted-speaker-with-relative-clause",
    ),
    pytest.param(
        '"I am not going to say it is a mistake, so forget about it," said retired surgeon Ben '
        "Carson, asked about his claims that he had received an offer.",
        "I am not going to say it is a mistake, so forget about it",
        "retired surgeon Ben Carson",
        id="inverted-speaker-with-participle",
    ),
]


@pytest.mark.parametrize(("text", "content", "source"), OPENING)
def test_the_quotation_opening_the_sentence_is_what_was_said(nlp, text, content, source):
    found = [quote for quote in quotes_of(nlp, text) if quote["cue"] == "said"]
    assert [quote["content"] for quote in found] == [content]
    assert found[0]["kind"] == "direct"
    assert found[0]["source"].startswith(source)


def test_a_split_quotation_keeps_both_halves(nlp):
    found = quotes_of(nlp, '"The bridge," she said, "will open in May."')
    assert [quote["content"] for quote in found] == ["The bridge", "will open in May."]


def test_a_quotation_ending_in_a_full_stop_is_not_the_next_sentences(nlp):
    text = 'The port is busy. "We have no room." Berg said the quay would be extended next year.'
    found = [quote for quote in quotes_of(nlp, text) if quote["cue"] == "said"]
    assert [quote["content"] for quote in found] == ["the quay would be extended next year"]


def test_an_inverted_speaker_before_the_second_half(nlp):
    text = '"The risk," said Ed Lamb, an economist who directs the forecast unit, "is that jobs leave."'
    found = [quote for quote in quotes_of(nlp, text) if quote["cue"] == "said"]
    assert [(quote["content"], quote["source"]) for quote in found][:1] == [("The risk", "Ed Lamb")]


def test_a_participle_after_the_reporting_clause_reports_its_own_object(nlp):
    found = quotes_of(nlp, '"Too much hate," she said, blaming some of it on the mayor.')
    assert [(quote["cue"], quote["content"]) for quote in found if quote["content"] == "Too much hate"] == [
        ("said", "Too much hate")
    ]


def test_a_quotation_closing_the_sentence_before_is_not_the_next_reporters(nlp):
    text = (
        'At the rally, a girl hoisted a sign that read "15%!" Her father, Brad, 39, worried that too '
        "many voters limit the news they read."
    )
    assert "15%!" not in [quote["content"] for quote in quotes_of(nlp, text)]
