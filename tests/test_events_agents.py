"""Events: who took part when the text names them by a pronoun, a role or a relation."""

from __future__ import annotations

from test_events import analysed, event_of


def test_they_after_a_country_named_in_the_singular_is_that_team(nlp):
    doc = analysed(
        nlp, ["Norway will know the pressure is on them tonight as they face Denmark in the final."]
    )
    face = event_of(doc, "face")
    assert (face["who"], face["whom"]) == (["Norway"], ["Denmark"])


def test_they_after_a_singular_common_noun_is_not_that_noun(nlp):
    doc = analysed(nlp, ["The board said they met Acme Corp in Leeds on Monday."])
    assert event_of(doc, "met")["who"] == []


def test_the_parties_between_whom_an_event_takes_place_take_part(nlp):
    doc = analysed(nlp, ["Acme Corp hosted a meeting between Ann Hale and Tom Hart in Leeds on Monday."])
    assert sorted(event_of(doc, "hosted a meeting")["whom"]) == ["Ann Hale", "Tom Hart"]
