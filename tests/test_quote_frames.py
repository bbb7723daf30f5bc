"""False quotes: verbs that can report speech but here do not (short texts written for these tests)."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

NOT_QUOTES = [
    pytest.param("The deficit is expected to grow next year.", id="agentless-passive-expected"),
    pytest.param("Darshan is said to have known the victim for years.", id="agentless-passive-said"),
    pytest.param("It has also been revealed that the mayor sold the land.", id="impersonal-it"),
    pytest.param('Residents felt it was "unfair".', id="thinking-verb-feel"),
    pytest.param("Investigators believe it was a targeted attack.", id="thinking-verb-believe"),
    pytest.param("Portugal will know the pressure is all on them tonight.", id="thinking-verb-know"),
    pytest.param("Fans want a new stadium.", id="thinking-verb-want"),
    pytest.param("Shop owners welcomed the decision.", id="thinking-verb-welcome"),
    pytest.param("Analysts see a rebound in the spring.", id="thinking-verb-see"),
    pytest.param("The deal is seen as a win for the union.", id="seen-as"),
    pytest.param("Councillors must declare gifts within 28 days.", id="act-under-modal"),
    pytest.param('Video footage showed a van marked "POLICE".', id="mute-subject"),
    pytest.param("Only time will tell whether the new bridge pays for itself.", id="time-will-tell"),
    pytest.param("The firm survived by offering cheap loans to farmers.", id="act-after-preposition"),
    pytest.param("The board needs to explain why it ignored the audit.", id="act-as-infinitive"),
    pytest.param("Microsoft appeared to have the upper hand in the hearing.", id="appear"),
    pytest.param("As a doctor, I believe this policy is a betrayal of patients.", id="narrator-i"),
    pytest.param("We see everything the lord does in this episode.", id="narrator-we"),
    pytest.param("He has implicitly endorsed her.", id="anaphor-only"),
    pytest.param("The party criticised this.", id="anaphor-this"),
    pytest.param("Which isn't to say that the finale lacked great moments.", id="is-to-say"),
    pytest.param("The minister declined to say whether she would resign.", id="declined-to-say"),
    pytest.param("The club did not respond to emailed questions.", id="did-not-respond"),
    pytest.param("The coach would not say whether he would stay.", id="would-not-say"),
    pytest.param("The police responded to a phone call from a farmer.", id="responded-to-a-call"),
    pytest.param("Now ask yourself whether the mayor deserves another term.", id="imperative"),
    pytest.param("The council has three ways to seek payment of the fine.", id="infinitive-of-a-noun"),
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_no_quote_where_nobody_speaks(nlp, text):
    assert quotes_of(nlp, text) == []


def test_the_writers_own_words_in_quotation_marks_are_a_quote(nlp):
    text = 'When my aunt asked about the flood, I laughed and said, "The river never comes this far."'
    found = [q for q in quotes_of(nlp, text) if q["cue"] == "said"]
    assert [(q["kind"], q["content"], q["source"]) for q in found] == [
        ("direct", "The river never comes this far.", "I")
    ]


def test_the_writers_reported_opinion_is_still_no_quote(nlp):
    assert quotes_of(nlp, "I said the plan would fail, and I believe it still will.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "She's said the bridge will reopen in May.", "said", "the bridge will reopen in May", id="said"
        ),
        pytest.param(
            "Mayor Lina Holt, who\u2019s called for a new ferry, toured the harbour.",
            "called",
            "a new ferry",
            id="relative-who",
        ),
    ],
)
def test_a_contracted_has_before_a_reporting_verb_is_no_passive(nlp, text, cue, content):
    found = [q for q in quotes_of(nlp, text) if q["cue"] == cue]
    assert [q["content"] for q in found] == [content]


def test_a_contracted_is_before_a_reporting_verb_stays_a_passive(nlp):
    assert quotes_of(nlp, "It's said that the harbour will close.") == []


def test_a_belief_is_a_quote_when_its_holder_speaks_elsewhere(nlp):
    text = 'Mayor Lina Holt believes the plan will fail. "It is a mistake," Holt said on Monday.'
    found = quotes_of(nlp, text)
    assert [(q["content"], q["cue"], q["speaker"]) for q in found] == [
        ("the plan will fail", "believes", "Lina Holt"),
        ("It is a mistake", "said", "Lina Holt"),
    ]


def test_a_belief_of_someone_never_quoted_is_no_quote(nlp):
    text = 'Mayor Lina Holt believes the plan will fail. "It is a mistake," Tom Berg said on Monday.'
    assert [q["cue"] for q in quotes_of(nlp, text)] == ["said"]


def test_seeming_is_a_quote_when_a_report_follows(nlp):
    found = quotes_of(
        nlp, "In an interview, the chief executive appeared to blame junior staff for the losses."
    )
    assert len(found) == 1
    assert "junior staff" in found[0]["content"]


def test_a_poll_share_is_no_source(nlp):
    assert quotes_of(nlp, "About 4 in 10 residents say that the town is getting worse.") == []


def test_a_number_of_officials_is_a_source(nlp):
    found = quotes_of(nlp, "Two officials said the town is getting worse.")
    assert [(q["source"], q["content"]) for q in found] == [("Two officials", "the town is getting worse")]


def test_a_decision_is_no_quote(nlp):
    assert quotes_of(nlp, "If Biden decides to bow out, his preferred choice is Harris.") == []


def test_a_title_is_no_quote(nlp):
    text = "Editor's picks: The Best Albums of the Year and Every Awful Thing Lund Has Promised to Do"
    assert quotes_of(nlp, text) == []


def test_the_tenets_of_a_religion_are_no_source(nlp):
    assert quotes_of(nlp, "She will not be damned according to the tenets of her religion.") == []


def test_one_of_a_group_is_a_source(nlp):
    found = quotes_of(nlp, "One of the doctors said the clinic would close.")
    assert [(q["source"], q["content"]) for q in found] == [("One of the doctors", "the clinic would close")]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "Fishermen continued to call for an inquiry into the dredging.",
            "call",
            "an inquiry into the dredging",
            id="continued-to",
        ),
        pytest.param(
            "The senator began to question whether the board had followed the rules.",
            "question",
            "whether the board had followed the rules",
            id="began-to",
        ),
    ],
)
def test_a_report_begun_or_continued_is_said(nlp, text, cue, content):
    found = quotes_of(nlp, text)
    assert [(quote["cue"], quote["content"]) for quote in found] == [(cue, content)]


def test_a_report_someone_wants_to_make_is_not_said(nlp):
    assert quotes_of(nlp, "The mayor wants to call for a new vote on the harbour.") == []


ASKED_THEN_QUOTED = [
    pytest.param(
        'Asked what qualities he wanted in a new chief, Adler said, "They have to be able to lead."',
        "They have to be able to lead.",
        id="asked-parsed-as-past-tense",
    ),
    pytest.param(
        'Asked what he thought about the plan, he said, "It is the wrong plan, but we will live with it."',
        "It is the wrong plan, but we will live with it.",
        id="quotation-parsed-as-the-head",
    ),
]


@pytest.mark.parametrize(("text", "content"), ASKED_THEN_QUOTED)
def test_the_answer_to_a_question_is_the_quote(nlp, text, content):
    assert [(q["content"], q["cue"]) for q in quotes_of(nlp, text)] == [(content, "said")]
