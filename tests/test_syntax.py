"""The readings of the parse the components share: subjects by each set of rules, and paragraphs."""

from __future__ import annotations

import pytest
import spacy

from whosaidwhat.nlp import analyse
from whosaidwhat.nlp.syntax import (
    ACTOR,
    ROLE_HOLDER,
    SPEAKER,
    TEXT_KEY,
    doc_text,
    line_paragraphs,
    paragraphs_of,
    subject_of,
    tokens_lowered_to,
)


@pytest.mark.parametrize(
    ("text", "word", "speaker", "actor", "holder"),
    [
        pytest.param(
            "She released a statement saying the talks had failed.",
            "saying",
            "statement",
            None,
            "She",
            id="participle-of-a-noun",
        ),
        pytest.param(
            "The minister replied by saying the bridge would open.",
            "saying",
            "minister",
            "minister",
            "minister",
            id="clause-after-a-preposition",
        ),
        pytest.param(
            "The senator urged Dean to resign.", "resign", "senator", "Dean", "senator", id="object-control"
        ),
        pytest.param(
            "The suspect was arrested and charged on Monday.",
            "charged",
            "suspect",
            None,
            "suspect",
            id="passive-subject-acts-on-nothing",
        ),
        pytest.param(
            "The plan, backed by the minister, failed.",
            "backed",
            "minister",
            None,
            "plan",
            id="passive-agent",
        ),
        pytest.param(
            "After assuming the role of NATO Secretary General, Rutte flew to Kyiv.",
            "role",
            None,
            None,
            "Rutte",
            id="holder-of-a-role",
        ),
    ],
)
def test_each_reading_of_the_subject(nlp, text, word, speaker, actor, holder):
    doc = analyse(nlp, text)
    [token] = [token for token in doc if token.text == word]
    found = [subject_of(token, rules) for rules in (SPEAKER, ACTOR, ROLE_HOLDER)]
    assert [subject.text if subject is not None else None for subject in found] == [speaker, actor, holder]


def test_paragraphs_are_the_callers_else_the_non_blank_lines(nlp):
    text = "First line.\n\n  Second line.\r\nThird."
    assert [text[start:end] for start, end in line_paragraphs(text)] == [
        "First line.",
        "  Second line.",
        "Third.",
    ]
    assert paragraphs_of(analyse(nlp, text)) == line_paragraphs(text)
    assert paragraphs_of(analyse(nlp, text, paragraphs=[(0, 11)])) == [(0, 11)]


def test_a_docs_text_is_joined_once_and_never_served_stale():
    nlp = spacy.blank("en")
    doc = nlp("Holt said the bridge would open.")
    assert doc_text(doc) == doc.text
    assert doc.user_data[TEXT_KEY] is doc_text(doc)
    other = nlp("Holt said the bridge would open on Friday.")
    other.user_data[TEXT_KEY] = doc.text  # a text kept for another Doc
    assert doc_text(other) == "Holt said the bridge would open on Friday."


def test_tokens_are_found_by_their_lower_case_form_in_order():
    nlp = spacy.blank("en")
    doc = nlp("On Monday the Firm said the firm went on air. firms")
    assert [(t.i, t.text) for t in tokens_lowered_to(doc, {"on", "firm"})] == [
        (0, "On"),
        (3, "Firm"),
        (6, "firm"),
        (8, "on"),
    ]
    assert tokens_lowered_to(nlp(""), {"on"}) == []
