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
        '"Very good reporter, very good reporter this guy," Lund, the party frontrunner nationally and '
        "current polling leader in the south by a wide margin after winning the northern primaries, said "
        "when Berg asked him a question.",
        "Very good reporter, very good reporter this guy",
        "Lund",
        id="speaker-with-a-long-apposition",
    ),
    pytest.param(
        "\u201cYes, I support Dan Berg,\u201d Ann Lund III, founder of the Harbour Research Center, "
        "tells the Gazette in an exclusive interview.",
        "Yes, I support Dan Berg",
        "Ann Lund III",
        id="present-tense-after-a-name-with-a-suffix",
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
    found = [quote for quote in quotes_of(nlp, text) if quote["cue"] in ("said", "tells")]
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


# ------------------------------------------------------------------ a reporting clause ending the sentence

ENDING = [
    pytest.param(
        "In nearby Vik, the big steel plant is hanging on, but it is under intense pressure from imports, "
        "said the company's chief executive, John Ferri.",
        "In nearby Vik, the big steel plant is hanging on, but it is under intense pressure from imports",
        "the company's chief executive",
        id="coordinated-with-the-statement",
    ),
    pytest.param(
        'The closure of the bridge signals "the beginning of the end" for the island, said Geert Lund, '
        "founder of the Island Party.",
        'The closure of the bridge signals "the beginning of the end" for the island',
        "Geert Lund",
        id="the-statements-subject-given-to-the-verb",
    ),
    pytest.param(
        'Families who take on heavy debt struggle, even with a "good" salary, he said.',
        'Families who take on heavy debt struggle, even with a "good" salary',
        "he",
        id="sentence-ended-at-the-comma",
    ),
]


@pytest.mark.parametrize(("text", "content", "source"), ENDING)
def test_a_reporting_clause_ending_the_sentence_reports_the_statement_before_it(nlp, text, content, source):
    found = [quote for quote in quotes_of(nlp, text) if quote["cue"] == "said"]
    assert [quote["content"] for quote in found] == [content]
    assert found[0]["source"].startswith(source)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "But when the council cut funding for the ferry two years later, the island said enough.",
            id="said-something",
        ),
        pytest.param(
            "The family has lived here for three months, and though they speak little English, their "
            "smiles said a lot.",
            id="said-a-lot",
        ),
        pytest.param(
            "Lund lost the coast to her rival Mia Berg, who added to her lead.", id="relative-clause"
        ),
        pytest.param("Berg, whose father was the pastor, remembers the mayor.", id="object-after-the-verb"),
    ],
)
def test_a_verb_that_reports_nothing_before_its_comma_takes_no_statement(nlp, text):
    assert quotes_of(nlp, text) == []


# ------------------------------------------------------------------ a report trailing a quoted fragment


def test_a_participle_of_speech_after_a_quoted_fragment_is_the_speakers_next_quote(nlp):
    text = (
        'Lund said last week that Berg represents "city values," stating during the debate that they '
        'are "liberal."'
    )
    found = {quote["cue"]: quote["content"] for quote in quotes_of(nlp, text)}
    assert found == {"said": 'that Berg represents "city values', "stating": 'that they are "liberal.'}


# ------------------------------------------------------------------ a name after a dash labels a quotation


def test_a_name_after_a_dash_and_a_colon_labels_the_quotation(nlp):
    text = (
        "TURNOUT IS HIGHER THAN EXPECTED IN THE NORTH - Peter K. Berg:  \u201cAt long last the contests "
        "have started, and we now have a first look at turnout. The cities voted early.\u201d [Gazette]"
    )
    found = [quote for quote in quotes_of(nlp, text) if quote["cue"] == ":"]
    assert [(quote["content"], quote["source"], quote["speaker"]) for quote in found] == [
        (
            "At long last the contests have started, and we now have a first look at turnout. "
            "The cities voted early.",
            "Peter K. Berg",
            "Peter K. Berg",
        )
    ]


def test_a_place_after_a_dash_is_no_label(nlp):
    text = (
        "The mood in the port was calm - Oslo: \u201cNobody expected a strike this week, and the boats "
        "stayed in.\u201d"
    )
    assert [quote for quote in quotes_of(nlp, text) if quote["cue"] == ":"] == []
