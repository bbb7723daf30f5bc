"""Which verbs tell something that happened, on parses the model may give however odd."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab
from test_events import analysed, event_of, named_events

from whosaidwhat.nlp.event_filter import has_participant, is_actual


@pytest.mark.parametrize("dated", [False, True])
def test_an_infinitive_the_parser_made_the_root_is_judged_without_looping(dated):
    # "How does persuade to continue the revolution?": a parse seen on a real question, with
    # "continue" as the root holding its own "to".
    words = ["How", "does", "persuade", "to", "continue", "the", "revolution", "?"]
    heads = [4, 4, 4, 4, 4, 6, 4, 4]
    deps = ["advmod", "aux", "nsubj", "aux", "ROOT", "det", "dobj", "punct"]
    tags = ["WRB", "VBZ", "NN", "TO", "VB", "DT", "NN", "."]
    pos = ["ADV", "AUX", "NOUN", "PART", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["how", "do", "persuade", "to", "continue", "the", "revolution", "?"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert is_actual(doc[4], dated) is False


def test_being_on_the_hunt_takes_part_in_it(nlp):
    doc = analysed(
        nlp, ["Acme Corp opened a plant in Leeds.", "Detectives are still on the hunt for the two men."]
    )
    assert event_of(doc, "hunt")["type"] == "search"
    doc = nlp("On that first trip through the region, the firm was able to cut costs.")
    assert not has_participant(next(t for t in doc if t.text == "trip"))  # a scene, not a state


def test_a_relative_clause_in_the_past_passive_naming_who_acted_tells_that_act(nlp):
    doc = analysed(
        nlp,
        [
            "Hart spoke at a summit that was attended by Prime Minister Mark Rutte.",
            "Voters backed a party that had been led by Tom Hart.",
        ],
    )
    assert event_of(doc, "attended")["who"] == ["Mark Rutte"]
    assert "led" not in [e["trigger"] for e in named_events(doc)]  # a state, told as background


def test_a_clause_of_sequence_tells_an_occurrence_and_one_of_circumstance_sets_the_scene(nlp):
    doc = analysed(
        nlp,
        [
            "Protests grew after Tom Hart attacked the mayor.",
            "Hart smiled as Ann Lee walked into the hall.",
        ],
    )
    assert event_of(doc, "attacked")["who"] == ["Tom Hart"]
    assert "walked" not in [e["trigger"] for e in named_events(doc)]


def test_an_untyped_action_of_a_noun_in_a_clause_of_sequence_is_told(nlp):
    doc = analysed(
        nlp, ["The case moved to Leeds after the union objected.", "Costs rose as the factory idled."]
    )
    assert event_of(doc, "objected")["when"] is None
    assert "idled" not in [e["trigger"] for e in named_events(doc)]


def test_a_plot_told_in_the_present_in_a_scene_of_a_work_is_an_event_and_a_habit_is_none(nlp):
    doc = analysed(
        nlp,
        [
            "The series ends with a scene where Ann Lee rescues Tom Hart from the fire.",
            "Ann Lee rescues cats from the streets of Leeds.",
        ],
    )
    assert event_of(doc, "rescues")["who"] == ["Ann Lee"]
    assert len([e for e in named_events(doc) if e["trigger"] == "rescues"]) == 1


def test_a_reported_clause_in_the_past_passive_tells_what_happened(nlp):
    doc = analysed(
        nlp,
        ["Police suspect the van was driven across the border.", "Police suspect the van is parked nearby."],
    )
    assert event_of(doc, "driven")["when"] is None
    assert "parked" not in [e["trigger"] for e in named_events(doc)]
