"""Quotes inside quotes, and reports inside reports (texts written for these tests)."""

from __future__ import annotations

from test_quotes import quotes_of

from whosaidwhat.nlp.quotemarks import find_quoted
from whosaidwhat.nlp.syntax import line_paragraphs


def _said(found: list[dict]) -> list[tuple[str, str | None, str | None]]:
    return [(q["content"], q["cue"], q["source"]) for q in found]


def test_a_quotation_reported_inside_a_quote_is_its_own_quote(nlp):
    text = "\"The guard said, 'Nobody leaves this room tonight',\" Ruth Okafor said."
    found = _said(quotes_of(nlp, text))
    assert ("Nobody leaves this room tonight", "said", "The guard") in found
    assert any(
        content.startswith("The guard said") and source == "Ruth Okafor" for content, _, source in found
    )


def test_the_outer_speakers_own_earlier_words_are_hers(nlp):
    text = "Nadia Berg was robbed on Monday.\n\n\"I said, 'Please leave me alone',\" Berg said."
    inner = next(q for q in quotes_of(nlp, text) if q["content"] == "Please leave me alone")
    assert inner["speaker"] == "Nadia Berg"


def test_a_participle_after_a_passive_is_said_by_its_agent(nlp):
    text = "\"I was pushed by a man in a mask, shouting, 'Stay down', and then he ran,\" Lena Park said."
    inner = next(q for q in quotes_of(nlp, text) if q["content"] == "Stay down")
    assert (inner["cue"], inner["source"]) == ("shouting", "a man in a mask")


def test_single_marks_without_a_verb_of_speech_are_no_quote(nlp):
    text = "\"The so-called 'green levy' will cost every family,\" Tom Reed said."
    assert [q["content"] for q in quotes_of(nlp, text)] == [
        "The so-called 'green levy' will cost every family"
    ]


FLOATING = (
    '"They took everything we had," Mara Lind said.\n'
    "The couple have not been back to the house since.\n"
    '"We will never feel safe there again, not after that night."'
)


def test_a_quote_paragraph_after_a_narrative_paragraph_continues_the_speaker(nlp):
    last = quotes_of(nlp, FLOATING)[-1]
    assert (last["content"], last["speaker"]) == (
        "We will never feel safe there again, not after that night.",
        "Mara Lind",
    )


def test_a_quote_paragraph_introduced_by_a_colon_is_not_the_previous_speakers(nlp):
    text = FLOATING.replace("since.", "since. On the door hangs a note:")
    last = quotes_of(nlp, text)[-1]
    assert "never feel safe" not in last["content"] or last["speaker"] != "Mara Lind"


def test_a_report_inside_according_to_goes_to_the_innermost_speaker(nlp):
    text = 'According to court papers, the guard recalled: "I saw him climb the fence and run to the river."'
    found = quotes_of(nlp, text)
    assert [(q["content"], q["cue"], q["source"]) for q in found] == [
        ("I saw him climb the fence and run to the river.", "recalled", "the guard")
    ]


def test_according_to_a_poll_whose_share_says_stays_the_polls(nlp):
    text = "According to the survey, about 4 in 10 residents say that the road is unsafe."
    assert [(q["cue"], q["source"]) for q in quotes_of(nlp, text)] == [("According to", "the survey")]


def test_a_curly_pair_inside_a_straight_quotation_does_not_close_it():
    text = '"As \u201cThe Courier\u201d wrote, the harbour is full," Lund said.'
    quoted = find_quoted(text, line_paragraphs(text))
    assert [text[q.start : q.end] for q in quoted if q.start == 0] == [
        '"As \u201cThe Courier\u201d wrote, the harbour is full,"'
    ]


def test_transcript_turns_after_a_straight_mark_holding_a_curly_pair(nlp):
    text = (
        "Dana Reyes interviewed Erik Lund, the harbour minister.\n\n"
        '"REYES: As \u201cThe Courier\u201d wrote, the harbour is full. Why?\n\n'
        '"LUND: Because nobody dredged it for ten years.\n\n'
        '"REYES: Thank you, minister."'
    )
    turns = [q for q in quotes_of(nlp, text) if q["cue"] == ":"]
    assert [q["content"][:7] for q in turns] == ["As \u201cThe", "Because", "Thank y"]


def test_a_quotation_runs_on_only_into_a_paragraph_opened_by_its_own_mark():
    text = '"The first time she saw him she cheered.\n\n\u201cIt never crossed my mind,\u201d she said.'
    quoted = find_quoted(text, line_paragraphs(text))
    assert "\u201cIt never crossed my mind,\u201d" in [text[q.start : q.end] for q in quoted]


def test_a_gerund_phrase_after_a_prepositional_object_completes_it(nlp):
    text = "Mara Lind is pleading for help in finding her attackers, with the men still at large."
    quote = next(q for q in quotes_of(nlp, text) if q["cue"] == "pleading")
    assert quote["content"] == "help in finding her attackers"


def test_a_curly_opening_closed_by_a_straight_mark_in_careless_text():
    text = 'He called him (\u201ca danger to us all.") Reed urged voters to "stay home on polling day.\u201d'
    quoted = [text[q.start : q.end] for q in find_quoted(text, line_paragraphs(text))]
    assert quoted == ['\u201ca danger to us all."', '"stay home on polling day.\u201d']
