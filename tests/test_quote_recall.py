"""Missed quotes: reporting verbs, quotation marks and content bounds (texts written for these tests)."""

from __future__ import annotations

import pytest
from test_quotes import only_quote, quotes_of

from whosaidwhat.nlp.quotemarks import find_quoted
from whosaidwhat.nlp.syntax import line_paragraphs

# ------------------------------------------------------------------ reporting verbs and frames

VERBS = [
    pytest.param(
        "The mayor lamented that the town had lost its only bank.",
        "lamented",
        "the town had lost",
        id="lament",
    ),
    pytest.param(
        "Critics characterised the budget as a gamble.",
        "characterised",
        "the budget as a gamble",
        id="characterise",
    ),
    pytest.param(
        "Residents voiced concern over the new road.", "voiced", "concern over the new road", id="voice"
    ),
    pytest.param(
        "The guard recounted how the prisoners escaped.",
        "recounted",
        "how the prisoners escaped",
        id="recount",
    ),
    pytest.param(
        "Holt remembered that the river froze in 1963.",
        "remembered",
        "the river froze in 1963",
        id="remember",
    ),
    pytest.param("The union disputed that wages had risen.", "disputed", "wages had risen", id="dispute"),
    pytest.param(
        "The family begged the council to reopen the school.",
        "begged",
        "the council to reopen the school",
        id="beg",
    ),
    pytest.param(
        "Berg shared that she had been offered the post.",
        "shared",
        "she had been offered the post",
        id="share",
    ),
    pytest.param(
        "The minister stressed the need for calm.", "stressed", "the need for calm", id="stress-object"
    ),
    pytest.param(
        "Berg cautioned against reading too much into the poll.",
        "cautioned",
        "reading too much into the poll",
        id="caution-against",
    ),
    pytest.param(
        "Holt described how the water rose within minutes.",
        "described",
        "how the water rose within minutes",
        id="describe-how",
    ),
    pytest.param(
        "Farmers worried about the cost of feed.",
        "worried",
        "the cost of feed",
        id="worried-about",
    ),
    pytest.param(
        "The group has decried the cuts as a betrayal of patients.",
        "decried",
        "a betrayal of patients",
        id="decry-as",
    ),
    pytest.param(
        "The charity has advocated for free school meals.",
        "advocated",
        "free school meals",
        id="advocate-for",
    ),
    pytest.param(
        "Microsoft pledged that the game would stay on rival consoles.",
        "pledged",
        "the game would stay",
        id="pledge-that",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), VERBS)
def test_reporting_verbs(nlp, text, cue, content):
    quote = only_quote(nlp, text)
    assert quote["cue"] == cue
    assert content in quote["content"]


def test_a_statement_before_its_reporting_clause(nlp):
    text = "The mayor is staying in the race, her campaign chief Dana Reyes insisted on Friday."
    quote = only_quote(nlp, text)
    assert (quote["content"], quote["cue"]) == ("The mayor is staying in the race", "insisted")


def test_coordinated_reports_are_two_quotes(nlp):
    text = "Lund says the mayor promised to stay and said she would fight the plan."
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"]) for q in found] == [
        ("says", "the mayor promised to stay"),
        ("said", "she would fight the plan"),
    ]


def test_an_object_that_opens_with_a_quotation_ends_with_it(nlp):
    text = 'The group is calling for "urgent action" amid a slump in hiring.'
    quote = only_quote(nlp, text)
    assert (quote["kind"], quote["content"]) == ("direct", "urgent action")


def test_an_object_runs_on_past_commas_to_its_complement(nlp):
    text = "Police are urging anyone with information, or anyone who saw the van, to call them."
    assert only_quote(nlp, text)["content"].endswith("to call them")


# ------------------------------------------------------------------ quotation marks


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        pytest.param(
            "Berg added: \u2018I am not going anywhere.\u2019",
            ["I am not going anywhere."],
            id="curly-single",
        ),
        pytest.param("He didn\u2019t say \u2018yes\u2019.", ["yes"], id="apostrophe-is-no-mark"),
        pytest.param(
            "\u2018The workers\u2019 union is strong,\u2019 he said.",
            ["The workers\u2019 union is strong,"],
            id="plural-possessive",
        ),
        pytest.param(
            "''We are not going anywhere,'' he said.", ["We are not going anywhere,"], id="doubled-straight"
        ),
        pytest.param('"We are staying\u201d, she said.', ["We are staying"], id="straight-closed-by-curly"),
    ],
)
def test_quotation_marks(text, quoted):
    found = find_quoted(text, line_paragraphs(text))
    assert [text[slice(*q.inner)] for q in found] == quoted


def test_curly_single_quotes_as_outer_marks(nlp):
    text = "Mayor Tom Berg added: \u2018I am not going anywhere. I love this town.\u2019"
    quote = only_quote(nlp, text)
    assert (quote["kind"], quote["content"], quote["speaker"]) == (
        "direct",
        "I am not going anywhere. I love this town.",
        "Tom Berg",
    )
