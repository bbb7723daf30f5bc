"""Events: where they happened."""

from __future__ import annotations

from test_events import analysed, event_of, named_events


def test_a_name_before_a_word_for_a_neighbourhood_is_a_place_wherever_it_is_named(nlp):
    doc = analysed(
        nlp,
        [
            "Nine people were injured on Monday in the packed Chelsea neighborhood.",
            "Police said a second device was found in Chelsea.",
        ],
    )
    assert event_of(doc, "injured")["where"] == ["Chelsea"]
    assert event_of(doc, "found")["where"] == ["Chelsea"]


def test_an_event_noun_bringing_about_a_clause_happened_where_the_clause_did(nlp):
    doc = analysed(nlp, ["Nine people were injured on Monday in Leeds by an explosion."])
    assert event_of(doc, "explosion")["where"] == ["Leeds"]


def test_a_name_before_another_word_is_no_place(nlp):
    doc = analysed(nlp, ["Acme Corp workers were injured on Monday in the Acme Corp canteen."])
    assert event_of(doc, "injured")["where"] == []


def test_the_person_whose_district_it_is_is_no_place(nlp):
    doc = analysed(
        nlp, ["Tom Hart won easily.", "Rivals later moved voters into his district in Leeds on Monday."]
    )
    assert "Tom Hart" not in event_of(doc, "moved")["where"]


def test_a_typed_event_with_a_named_place_is_reported_without_a_participant_or_time(nlp):
    doc = analysed(
        nlp,
        [
            "Turnout has fallen since the protests in Lisbon, and trust has not returned.",
            "It rained heavily in Lisbon.",
        ],
    )
    assert event_of(doc, "protests")["where"] == ["Lisbon"]
    assert "rained" not in [e["trigger"] for e in named_events(doc)]  # no typed event
