"""What a reporting verb reports beside its own phrase: a quotation after its comma, the clause an
"as" clause sets off, "put it" (texts written for these tests)."""

from __future__ import annotations

import pytest
from test_quotes import only_quote, quotes_of

# ------------------------------------------------------------------ a quotation after the verb's comma

AFTER_COMMA = [
    pytest.param(
        "At the depot a driver asked for a photo and Mayor Lina Holt said, \u201cas long as we are not "
        "breaking any rules.\u201d",
        "said",
        "as long as we are not breaking any rules.",
        id="fragment",
    ),
    pytest.param(
        "Asked whether the plant would close, Dana Reyes said, \u201cNo. We will keep every job. "
        "The town needs them.\u201d",
        "said",
        "No. We will keep every job. The town needs them.",
        id="several-sentences",
    ),
    pytest.param(
        "Reyes looked relaxed at the fair, telling the crowd, \u201cSome people worry too much, "
        "have you noticed?\u201d",
        "telling",
        "Some people worry too much, have you noticed?",
        id="participle-with-addressee",
    ),
    pytest.param(
        "The singer turned to the mayor before asking her, \u201cWhere do we go from here?\u201d",
        "asking",
        "Where do we go from here?",
        id="ask",
    ),
    pytest.param(
        'Marchers filed past the town hall while chanting, "Open the gates, save the jobs."',
        "chanting",
        "Open the gates, save the jobs.",
        id="chant",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), AFTER_COMMA)
def test_a_quotation_after_the_verbs_comma(nlp, text, cue, content):
    found = [quote for quote in quotes_of(nlp, text) if quote["cue"] == cue]
    assert [(quote["kind"], quote["content"]) for quote in found] == [("direct", content)]


def test_a_one_word_answer_is_a_quote(nlp):
    text = "Asked whether she would run again, Mayor Lina Holt shook her head and said, \u201cNo.\u201d"
    assert [quote["content"] for quote in quotes_of(nlp, text) if quote["cue"] == "said"] == ["No."]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Did the plan fail? ''I hope not,'' Dana Reyes said.", id="after-a-question"),
        pytest.param("The vote was close. Dana Reyes said, ''I hope not.''", id="after-said"),
    ],
)
def test_a_doubled_mark_opening_a_quotation_is_no_reporting_clause(nlp, text):
    """``''`` opens a quotation as it closes one: the "I hope" after it is the quotation's own words."""
    quote = only_quote(nlp, text)
    assert (quote["content"].rstrip(".,"), quote["speaker"]) == ("I hope not", "Dana Reyes")


def test_a_comma_after_the_verb_without_a_quotation_is_no_quote(nlp):
    text = "Dana Reyes spoke to the farmers, and the crowd cheered her warmly."
    assert quotes_of(nlp, text) == []


# ------------------------------------------------------------------ "as X said"

AS_CLAUSES = [
    pytest.param(
        "The footage does not show whether the driver was armed, as police have said.",
        "said",
        "The footage does not show whether the driver was armed",
        id="after",
    ),
    pytest.param(
        "As the ministry said last week, the bridge will stay closed until spring.",
        "said",
        "the bridge will stay closed until spring",
        id="before-with-a-time",
    ),
    pytest.param(
        "The mayor met the developers that day, as the Harbour Gazette reported on Tuesday.",
        "reported",
        "The mayor met the developers that day",
        id="outlet",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), AS_CLAUSES)
def test_an_as_clause_reports_the_clause_it_sets_off(nlp, text, cue, content):
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["content"]) == (cue, content)


def test_an_as_clause_with_its_own_content_reports_only_that(nlp):
    text = "The council voted to close the library, just as Mayor Lina Holt said it would."
    assert [quote["content"] for quote in quotes_of(nlp, text)] == ["it would"]


def test_an_as_clause_with_a_prepositional_object_reports_only_that(nlp):
    text = "The actress grew emotional as she called for a vote on the amendment."
    assert [quote["content"] for quote in quotes_of(nlp, text)] == ["a vote on the amendment"]


def test_as_of_time_before_a_verb_of_talking_is_no_report(nlp):
    text = "As Dana Reyes talked, the crowd at the harbour grew restless."
    assert quotes_of(nlp, text) == []


# ------------------------------------------------------------------ "put it"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            'The rule is a "lawful source of income," as a ministry memo put it.',
            'The rule is a "lawful source of income,"',
            id="as-after",
        ),
        pytest.param(
            "As Dana Reyes put it in a letter to members, the union is \u201cnot for sale.\u201d",
            "the union is \u201cnot for sale.\u201d",
            id="as-before",
        ),
        pytest.param(
            "Dana Reyes put it bluntly: \u201cThe union is not for sale.\u201d",
            "The union is not for sale.",
            id="colon",
        ),
    ],
)
def test_put_it_reports(nlp, text, content):
    quote = only_quote(nlp, text)
    assert (quote["cue"].split()[0], quote["content"]) == ("put", content)


def test_put_without_it_reports_nothing(nlp):
    text = "Dana Reyes put the plan to the board, and the board approved it."
    assert quotes_of(nlp, text) == []


# ------------------------------------------------------------------ "made (it) clear"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Mayor Lina Holt made clear on Monday that the library would stay open.",
            "that the library would stay open",
            id="made-clear",
        ),
        pytest.param(
            "The union made it clear to members that it would not strike.",
            "that it would not strike",
            id="made-it-clear-to",
        ),
        pytest.param(
            "Dana Reyes made it clear she did not agree with the board.",
            "she did not agree with the board",
            id="without-that",
        ),
    ],
)
def test_made_clear_reports_the_clause_after_it(nlp, text, content):
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["content"]) == ("made", content)


def test_make_without_clear_reports_nothing(nlp):
    text = "Dana Reyes made a profit on the sale, and the board was pleased."
    assert quotes_of(nlp, text) == []


# ------------------------------------------------------------------ nouns


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        pytest.param(
            "The mayor seized on a Harbour Gazette report that the council had lost the deeds.",
            "report",
            "Harbour Gazette",
            "that the council had lost the deeds",
            id="name-before-report",
        ),
        pytest.param(
            "The doctor was dogged by his rival's charges that he had lied about the loan.",
            "charges",
            "his rival's",
            "that he had lied about the loan",
            id="charges",
        ),
    ],
)
def test_a_reporting_noun_with_its_holder(nlp, text, cue, source, content):
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["source"], quote["content"]) == (cue, source, content)


def test_a_report_without_a_holder_is_no_quote(nlp):
    text = "The mayor seized on a report that the council had lost the deeds."
    assert quotes_of(nlp, text) == []


def test_a_relative_clause_after_a_report_is_no_quote(nlp):
    text = "The mayor praised the Harbour Gazette report that the council published on Monday."
    assert [quote for quote in quotes_of(nlp, text) if quote["cue"] == "report"] == []


# ------------------------------------------------------------------ a clause after the verb's preposition


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Mayor Lina Holt is calling for the state to step in before the winter.",
            "the state to step in before the winter",
            id="for-to",
        ),
        pytest.param(
            "The union has called for the minimum wage, now nine pounds, to be raised to fifteen.",
            "the minimum wage, now nine pounds, to be raised to fifteen",
            id="for-to-passive",
        ),
    ],
)
def test_a_clause_after_the_verbs_preposition(nlp, text, content):
    quote = only_quote(nlp, text)
    assert quote["content"] == content


# ------------------------------------------------------------------ a relative pronoun as the subject


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        pytest.param(
            "The council met to discuss the test, which state media claimed now allows the port to expand.",
            "which state media claimed now allows the port to expand",
            "state media",
            id="which-claimed",
        ),
        pytest.param(
            "Dana Reyes has helped clubs adapt to what she said is growing demand for pools.",
            "what she said is growing demand for pools",
            "she",
            id="what-said",
        ),
    ],
)
def test_a_relative_pronoun_is_the_subject_of_what_was_said(nlp, text, content, source):
    found = [quote for quote in quotes_of(nlp, text) if quote["content"] == content]
    assert [quote["source"] for quote in found] == [source]


def test_a_relative_pronoun_that_is_the_speaker_is_no_content(nlp):
    text = "She was beaten by three men who told her husband, Tom Berg, they were police officers."
    assert all(not quote["content"].startswith("who") for quote in quotes_of(nlp, text))


# ------------------------------------------------------------------ verbs of quick or heated speech


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param('"Not today, thank you," Mayor Lina Holt quipped.', "quipped", id="quip"),
        pytest.param('"Ask the council," Dana Reyes retorted.', "retorted", id="retort"),
        pytest.param('Dana Reyes shot back, "Ask the council."', "shot", id="shoot-back"),
        pytest.param('"Ask the council," Dana Reyes fired back.', "fired", id="fire-back"),
        pytest.param('"This is a disgrace," Dana Reyes fumed.', "fumed", id="fume"),
    ],
)
def test_verbs_of_quick_or_heated_speech(nlp, text, cue):
    quote = only_quote(nlp, text)
    assert (quote["kind"], quote["cue"]) == ("direct", cue)
    assert quote["speaker"] in ("Lina Holt", "Dana Reyes")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The council fired the manager and hired a new one.", id="fire"),
        pytest.param("The police fired back at the gunmen from the roof.", id="fire-back-at"),
        pytest.param("The storm hit the harbour on Monday night.", id="hit"),
    ],
)
def test_verbs_of_doing_that_can_report_are_no_cues_alone(nlp, text):
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "The minister confessed that the harbour plan had failed.",
            "confessed",
            "the harbour plan had failed",
            id="confess",
        ),
        pytest.param(
            "Dana Reyes underscored that the vote was only advisory.",
            "underscored",
            "the vote was only advisory",
            id="underscore",
        ),
        pytest.param(
            'Senator Ted Lund exhorted members to "vote your conscience" on the budget.',
            "exhorted",
            'members to "vote your conscience',
            id="exhort",
        ),
        pytest.param(
            'Bemoaning the "rigged system," Dana Reyes left the hall.',
            "Bemoaning",
            "rigged system",
            id="bemoan",
        ),
        pytest.param(
            "The mayor is promising lower rents and a new bridge.",
            "promising",
            "lower rents and a new bridge",
            id="promise-object",
        ),
        pytest.param(
            "The court clarified that the ruling applied only to the port.",
            "clarified",
            "the ruling applied only to the port",
            id="clarify",
        ),
    ],
)
def test_more_verbs_of_speech(nlp, text, cue, content):
    quote = only_quote(nlp, text)
    assert quote["cue"] == cue
    assert content in quote["content"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "The mayor warned against selling the harbour to developers.",
            "warned",
            "selling the harbour to developers",
            id="warn-against",
        ),
        pytest.param(
            "Fishermen were speaking out against the dredging plan.",
            "speaking",
            "the dredging plan",
            id="speak-against",
        ),
        pytest.param("Her former boss vouched for her honesty.", "vouched", "her honesty", id="vouch-for"),
    ],
)
def test_verbs_of_speech_with_a_preposition(nlp, text, cue, content):
    quote = only_quote(nlp, text)
    assert quote["cue"] == cue
    assert content in quote["content"]


def test_an_infinitive_after_the_addressee_and_a_phrase(nlp):
    text = "The mayor told residents at the meeting to stay indoors."
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["content"]) == ("told", "to stay indoors")
