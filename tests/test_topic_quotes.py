"""Reports whose content is a topic: a verb or noun of speech and what its preposition names
(short texts written for these tests)."""

from __future__ import annotations

import pytest
from test_quotes import only_quote, quotes_of

TOPIC_REPORTS = [
    pytest.param(
        "The mayor's comments on the school closures angered parents.",
        "comments",
        "The mayor's",
        "the school closures",
        id="noun-with-possessive",
    ),
    pytest.param(
        "The union made a strong condemnation of the pay offer.",
        "condemnation",
        "The union",
        "the pay offer",
        id="noun-voiced-by-the-subject",
    ),
    pytest.param(
        "Councillor Dana Reyes renewed her call for a public inquiry.",
        "call",
        "her",
        "a public inquiry",
        id="noun-with-pronoun-holder",
    ),
    pytest.param(
        "The minister answered questions about how the fund was spent.",
        "questions",
        "The minister",
        "how the fund was spent",
        id="answered-questions-about",
    ),
    pytest.param(
        "Several councillors weighed in on the bridge tender.",
        "weighed",
        "Several councillors",
        "the bridge tender",
        id="weigh-in-on",
    ),
    pytest.param(
        "The coach lashed out at the referees after the match.",
        "lashed",
        "The coach",
        "the referees",
        id="lash-out-at",
    ),
    pytest.param(
        "Holt began by talking about the drought on the farms.",
        "talking",
        "Holt",
        "the drought on the farms",
        id="talking-about-after-by",
    ),
    pytest.param(
        "The coach commented about the referee's decision.",
        "commented",
        "The coach",
        "the referee's decision",
        id="comment-about",
    ),
    pytest.param(
        "The council unveiled a proposal for a new tram line.",
        "proposal",
        "The council",
        "a new tram line",
        id="proposal-unveiled",
    ),
    pytest.param(
        "A letter from the union about the pay cuts reached the board.",
        "letter",
        "the union",
        "the pay cuts",
        id="letter-from-its-author",
    ),
    pytest.param(
        "The columnist extolled the virtues of the old tram.",
        "extolled",
        "The columnist",
        "the virtues of the old tram",
        id="extol",
    ),
]


@pytest.mark.parametrize(("text", "cue", "source", "content"), TOPIC_REPORTS)
def test_a_speech_act_reports_its_topic(nlp, text, cue, source, content):
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["source"], quote["content"]) == (cue, source, content)


NOT_REPORTS = [
    pytest.param("Calls for a public inquiry grew louder.", id="noun-without-holder"),
    pytest.param("The mayor's comments on Tuesday surprised the board.", id="noun-topic-is-a-date"),
    pytest.param("The minister commented on Monday.", id="verb-topic-is-a-date"),
    pytest.param("His support for the plan is well known.", id="attitude-noun"),
    pytest.param("Demand for coal has risen since May.", id="noun-of-trade"),
    pytest.param("Rising costs weighed on profits in the third quarter.", id="weigh-on-without-in"),
    pytest.param("The firm survived by offering cheap loans to farmers.", id="act-after-by"),
    pytest.param("Charities have spoken out on behalf of the tenants.", id="on-behalf-of"),
    pytest.param("The mayor made no mention of the bridge.", id="no-mention"),
    pytest.param("The mayor did not respond to the Courier's request for comment.", id="request-for-comment"),
    pytest.param("The mayor's comments on Twitter drew criticism.", id="noun-topic-is-a-medium"),
    pytest.param("The party launched a new advertising campaign.", id="launched-a-campaign"),
]


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_no_report_without_a_speaker_or_a_topic(nlp, text):
    assert quotes_of(nlp, text) == []
