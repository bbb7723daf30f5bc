"""Quotes and speakers on short articles written for these tests."""

from __future__ import annotations

import pytest
import spacy

from whosaidwhat.nlp import analyse
from whosaidwhat.nlp.pipeline import resolve_model_name
from whosaidwhat.nlp.quotemarks import find_quoted
from whosaidwhat.nlp.syntax import line_paragraphs


def quotes_of(nlp, text: str) -> list[dict]:
    """The quotes of ``text`` with their spans as strings."""
    doc = analyse(nlp, text)
    names = {entity["id"]: entity["name"] for entity in doc._.wsw_entities or []}

    def part(bounds):
        return text[bounds[0] : bounds[1]] if bounds else None

    return [
        {
            "kind": q["kind"],
            "content": part(q["content"]),
            "cue": part(q["cue"]),
            "source": part(q["source"]),
            "speaker": names.get(q["speaker"]),
            "addressee": names.get(q["addressee"]),
        }
        for q in doc._.wsw_quotes
    ]


def only_quote(nlp, text: str) -> dict:
    found = quotes_of(nlp, text)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ quote shapes

SHAPES = [
    pytest.param(
        '"We will rebuild the bridge," Mayor Anna Lindqvist said.',
        "direct",
        "We will rebuild the bridge",
        "said",
        id="straight-marks",
    ),
    pytest.param(
        "\u201cWe will rebuild the bridge,\u201d Mayor Anna Lindqvist said.",
        "direct",
        "We will rebuild the bridge",
        "said",
        id="curly-marks",
    ),
    pytest.param(
        "\u00abWe will stay here until the work is done,\u00bb the minister said.",
        "direct",
        "We will stay here until the work is done",
        "said",
        id="guillemets",
    ),
    pytest.param(
        "\u201eWe will stay here until the work is done,\u201c the minister said.",
        "direct",
        "We will stay here until the work is done",
        "said",
        id="low-high-marks",
    ),
    pytest.param(
        "\"He told me 'never again' and I believed him,\" Lindqvist said.",
        "direct",
        "He told me 'never again' and I believed him",
        "said",
        id="nested-single-marks",
    ),
    pytest.param(
        '"We will rebuild. It will take two years," she told reporters.',
        "direct",
        "We will rebuild. It will take two years",
        "told",
        id="several-sentences",
    ),
    pytest.param(
        '"The work is finally done," said the minister.',
        "direct",
        "The work is finally done",
        "said",
        id="speaker-after-verb",
    ),
    pytest.param(
        'Lindqvist said: "The bridge will open in May."',
        "direct",
        "The bridge will open in May.",
        "said",
        id="colon",
    ),
    pytest.param(
        "Lindqvist said that the bridge would open in May.",
        "indirect",
        "that the bridge would open in May",
        "said",
        id="indirect-that",
    ),
    pytest.param(
        "The council warned the costs could rise again next year.",
        "indirect",
        "the costs could rise again next year",
        "warned",
        id="indirect-warned",
    ),
    pytest.param(
        "The bridge will open in May, according to city officials.",
        "indirect",
        "The bridge will open in May",
        "according to",
        id="according-to",
    ),
    pytest.param(
        'Lindqvist said the plan was a "bridge to the future" for the whole city.',
        "mixed",
        'the plan was a "bridge to the future" for the whole city',
        "said",
        id="mixed",
    ),
    pytest.param(
        'Lindqvist visited the farm, promising "to make it clear" to all voters that the town '
        "stands with its farmers.",
        "mixed",
        '"to make it clear" to all voters that the town stands with its farmers',
        "promising",
        id="participle",
    ),
]


@pytest.mark.parametrize(("text", "kind", "content", "cue"), SHAPES)
def test_quote_shapes(nlp, text, kind, content, cue):
    quote = only_quote(nlp, text)
    assert (quote["kind"], quote["content"], quote["cue"]) == (kind, content, cue)


def test_quote_split_around_its_cue_gives_two_quotes(nlp):
    text = '"The first point is clear," Lindqvist said. "The second point is not."'
    first, second = quotes_of(nlp, text)
    assert (first["content"], first["cue"]) == ("The first point is clear", "said")
    assert first["source"] == "Lindqvist"
    assert (second["content"], second["cue"], second["source"]) == ("The second point is not.", None, None)


def test_quote_interrupted_by_its_cue_gives_two_quotes(nlp):
    text = '"The new bridge over the river," she said, "will open in May after two years of work."'
    first, second = quotes_of(nlp, text)
    assert first["content"] == "The new bridge over the river"
    assert (first["cue"], first["source"]) == ("said", "she")
    assert (second["content"], second["cue"]) == ("will open in May after two years of work.", None)


def test_quote_over_several_paragraphs_is_one_quote(nlp):
    text = (
        "The mayor spoke on Monday. Lindqvist told the council:\n"
        '"The first part of the plan is simple and cheap.\n'
        '"The second part is harder, and it will take us years."\n'
    )
    quote = only_quote(nlp, text)
    assert quote["content"].startswith("The first part")
    assert quote["content"].endswith("take us years.")
    assert quote["cue"] == "told"


def test_floating_quote_continues_the_speaker_before(nlp):
    text = (
        '"We will win this vote," Anna Lindqvist said.\n'
        '"Our opponents know it and they are afraid of the result."\n'
    )
    first, floating = quotes_of(nlp, text)
    assert first["speaker"] == "Anna Lindqvist"
    assert (floating["kind"], floating["cue"], floating["source"]) == ("direct", None, None)
    assert floating["speaker"] == "Anna Lindqvist"


def test_scare_quotes_are_not_quotes(nlp):
    assert quotes_of(nlp, 'The so-called "green bridge" opened on Monday.') == []


@pytest.mark.parametrize(
    "text",
    [
        'Lindqvist said "the bridge is safe and open.\nThe council met on Tuesday to discuss the budget.\n',
        '"\n"\n\u201c\u201c\u201d\u00bb\u00ab\n',
        "He said \u201e\u201e\u201e it is fine.\nThe end.",
        '"Unclosed at the very end',
    ],
)
def test_unbalanced_marks_never_crash_nor_swallow_the_article(nlp, text):
    for quote in analyse(nlp, text)._.wsw_quotes:
        start, end = quote["content"]
        assert "\n" not in text[start:end].strip()


# ------------------------------------------------------------------ speakers

SPEAKERS = [
    pytest.param(
        'Anna Lindqvist is the mayor of the town.\n"We will rebuild the bridge," she said.',
        "she",
        "Anna Lindqvist",
        id="pronoun",
    ),
    pytest.param(
        "Anna Lindqvist is the mayor of the town.\nThe mayor said the bridge would reopen in May.",
        "The mayor",
        "Anna Lindqvist",
        id="description",
    ),
    pytest.param(
        "Mayor Anna Lindqvist opened the session on Monday.\nLindqvistt said the bridge would reopen in May.",
        "Lindqvistt",
        "Anna Lindqvist",
        id="misspelling",
    ),
    pytest.param("Officials said the bridge would reopen in May.", "Officials", None, id="group"),
]


@pytest.mark.parametrize(("text", "source", "speaker"), SPEAKERS)
def test_speakers(nlp, text, source, speaker):
    quote = only_quote(nlp, text)
    assert quote["source"] == source
    assert quote["speaker"] == speaker


def test_addressee_of_told(nlp):
    text = '"Your country is closer than ever," Anna Lindqvist told Peter Hansen.'
    quote = only_quote(nlp, text)
    assert (quote["speaker"], quote["addressee"]) == ("Anna Lindqvist", "Peter Hansen")


# ------------------------------------------------------------------ quotation marks, spaCy convention


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('a "b c" d "e f" g', ["b c", "e f"]),
        ("\u201cone \u2018two\u2019 three\u201d", ["one \u2018two\u2019 three"]),
        ('It\'s 5" long and "that" is all', ["that"]),
        ('"open\nnext line', ["open"]),
    ],
)
def test_find_quoted(text, quoted):
    found = find_quoted(text, line_paragraphs(text))
    assert [text[slice(*q.inner)] for q in found] == quoted


def test_component_added_by_name_to_a_plain_model():
    nlp = spacy.load(resolve_model_name("en_core_web_sm"))
    nlp.add_pipe("whosaidwhat_quotes")
    doc = nlp('"The bridge is open," Lindqvist said.')
    assert [q["kind"] for q in doc._.wsw_quotes] == ["direct"]
