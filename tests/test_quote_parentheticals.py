"""Reporting clauses set off by commas in the middle of what was said (texts written for these tests)."""

from __future__ import annotations

from test_quotes import quotes_of


def contents(found: list[dict]) -> list[tuple[str, str, str]]:
    return [(q["content"], q["cue"], q["source"]) for q in found]


def test_a_clause_on_each_side_gives_two_quotes(nlp):
    text = 'While the merger helps "in the short run," Greer said, in the long term it will cost jobs.'
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["speaker"]) for q in found] == [("said", "Greer"), ("said", "Greer")]
    assert "in the short run" in found[0]["content"] and found[0]["kind"] == "mixed"
    assert found[1]["content"] == "in the long term it will cost jobs"


def test_words_before_without_a_verb_are_the_subject_of_the_one_statement(nlp):
    text = "Acts of protest, Mayor Lina Holt said, are acts of patriotism."
    assert contents(quotes_of(nlp, text)) == [
        ("Acts of protest, Mayor Lina Holt said, are acts of patriotism", "said", "Mayor Lina Holt")
    ]


def test_inverted_clause_with_a_time(nlp):
    text = "The museum, said Mr. Bush on Friday, celebrated several of his heroes."
    found = quotes_of(nlp, text)
    assert [(q["content"], q["speaker"]) for q in found] == [
        ("The museum, said Mr. Bush on Friday, celebrated several of his heroes", "Bush")
    ]


def test_a_clause_tied_to_the_statement_before_is_one_quote(nlp):
    text = "Lenox was a giant, Mr. Clarke said, until it went bankrupt in 1999."
    assert [q["content"] for q in quotes_of(nlp, text)] == [text[:-1]]


def test_a_reason_after_the_clause_belongs_to_the_statement(nlp):
    text = "She is leaning toward Holt, Ann Berg said, because she prizes a steady hand."
    assert contents(quotes_of(nlp, text)) == [(text[:-1], "said", "Ann Berg")]


def test_a_second_statement_after_the_clause_is_a_quote_of_its_own(nlp):
    text = "The harbour will open in May, Ann Berg said, and the ferry will run all summer."
    assert [q["content"] for q in quotes_of(nlp, text)][0] == "The harbour will open in May"


def test_an_introductory_phrase_is_no_parenthetical(nlp):
    found = quotes_of(nlp, "After the vote, she said the plan was dead.")
    assert contents(found) == [("the plan was dead", "said", "she")]


def test_a_clause_before_the_speaker_is_no_subject_but_part_of_what_was_said(nlp):
    text = "To understand the real story, Chief Justice Anna Roberts said, one should visit this museum."
    found = quotes_of(nlp, text)
    assert [(q["content"], q["source"]) for q in found] == [(text[:-1], "Chief Justice Anna Roberts")]


def test_what_the_speaker_did_while_saying_it_is_no_quote(nlp):
    text = 'The mayor is staying, her campaign chief Dana Reyes insisted on Friday, calling her "the best".'
    assert [q["cue"] for q in quotes_of(nlp, text)][0] == "insisted"
    assert "insisted" not in [q["cue"] for q in quotes_of(nlp, text)][1:]


def test_the_person_told_is_no_quote(nlp):
    text = '"You won," Judge Corley told the lead attorney on the case, James Weingarten.'
    assert [q["content"] for q in quotes_of(nlp, text)] == ["You won"]


def test_after_a_whole_quotation_the_words_after_the_clause_are_the_story(nlp):
    text = '"We love this town," Mayor Lina Holt said, and soon the crowd was cheering.'
    assert [q["content"] for q in quotes_of(nlp, text)] == ["We love this town"]


def test_a_prepositional_phrase_after_the_clause_is_no_quote(nlp):
    text = "The cause has not been found, the chief said, on what was his first day in the job."
    assert [q["content"] for q in quotes_of(nlp, text)] == ["The cause has not been found"]


def test_a_clause_interrupting_a_relative_clause_reports_its_rest(nlp):
    text = "The park is near the stadium, which, Tompkins said, is usually full on game days."
    assert contents(quotes_of(nlp, text)) == [("is usually full on game days", "said", "Tompkins")]


def test_a_reporting_clause_before_a_quotation_introduces_it(nlp):
    text = (
        "She said fathers would not be eligible, and when pressed on why, the mother of three "
        'replied, "It is meant to help the mother who gave birth."'
    )
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"]) for q in found] == [
        ("said", "fathers would not be eligible"),
        ("replied", "It is meant to help the mother who gave birth."),
    ]


def test_a_title_in_the_lead_in_does_not_make_it_a_quote(nlp):
    text = 'On the "Morning Hour" show on Tuesday, he said, "I never said I would pay the fees."'
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"]) for q in found] == [("said", "I never said I would pay the fees.")]


def test_a_clause_after_a_conjunction_reports_only_the_words_after_it(nlp):
    text = (
        "Ann Berg set herself apart from Tom Hart, who works for the port and, Ann Berg said, "
        "has backed the mayor."
    )
    assert contents(quotes_of(nlp, text)) == [("has backed the mayor", "said", "Ann Berg")]


def test_a_relative_clause_between_commas_is_no_reporting_clause(nlp):
    text = (
        "Councillors raised concern that groups like the Harbour Crew, which claimed responsibility "
        "for the fires, are moving guns through the docks."
    )
    assert not any(quote["cue"] == "claimed" for quote in quotes_of(nlp, text))
