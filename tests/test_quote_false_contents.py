"""Content that says nothing: who was asked or phoned, a date, a noun taken for a verb, a linking
phrase (short texts written for these tests)."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of


def test_the_person_asked_is_the_addressee_not_what_was_asked(nlp):
    text = 'The mayor met the press on Monday. "Are you going to leave?" Mayor Lina Holt asked reporters.'
    found = quotes_of(nlp, text)
    assert [(q["content"], q["cue"], q["speaker"]) for q in found] == [
        ("Are you going to leave?", "asked", "Lina Holt")
    ]


def test_a_person_phoned_is_no_quote(nlp):
    text = "Councillor Ann Berg lost the vote. A week later, Mayor Lina Holt called Ann Berg."
    assert quotes_of(nlp, text) == []


def test_the_person_asked_to_act_stays_in_the_request(nlp):
    found = quotes_of(nlp, "Mayor Lina Holt asked Ann Berg to resign.")
    assert [q["content"] for q in found] == ["Ann Berg to resign"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Councillor Ann Berg has pushed for months.", id="duration"),
        pytest.param("Berg has asked for weeks.", id="weeks"),
        pytest.param("Ann Berg promised Sunday.", id="day"),
    ],
)
def test_a_date_alone_says_nothing(nlp, text):
    assert quotes_of(nlp, text) == []


def test_a_noun_after_according_to_is_no_cue(nlp):
    found = quotes_of(nlp, "Staff were demeaned, according to show insiders.")
    assert "show" not in [q["cue"] for q in found]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("All told, up to 5 million people could be eligible for the scheme.", id="all-told"),
        pytest.param("That said, the mayor will win.", id="that-said"),
    ],
)
def test_a_linking_phrase_is_no_report(nlp, text):
    assert quotes_of(nlp, text) == []


def test_a_sentence_opened_by_all_still_reports(nlp):
    found = quotes_of(nlp, "All said they would vote for the harbour plan.")
    assert [q["content"] for q in found] == ["they would vote for the harbour plan"]


def test_a_person_echoed_without_their_words_is_no_quote(nlp):
    found = quotes_of(nlp, "The channel covered the vote as a reunion, echoing Vladimir Putin.")
    assert "echoing" not in [q["cue"] for q in found]


def test_a_programme_named_after_the_verb_is_no_quote_and_leaves_the_verb_to_the_quotation(nlp):
    text = '"Being a mother, that is my job," Ann Berg said in May on the podcast "Here Is the Thing."'
    found = quotes_of(nlp, text)
    assert [(q["content"], q["cue"], q["speaker"]) for q in found] == [
        ("Being a mother, that is my job", "said", "Ann Berg")
    ]


def test_a_book_title_before_the_verb_is_no_quote(nlp):
    text = "In his 2002 book, ''Make Your Kid a Millionaire,'' Tom Berg suggested cutting the bills."
    assert all("Millionaire" not in q["content"] for q in quotes_of(nlp, text))


def test_title_case_words_told_to_someone_stay_a_quote(nlp):
    found = quotes_of(nlp, 'Mayor Lina Holt told reporters "We Will Win."')
    assert [q["content"] for q in found] == ["We Will Win."]
