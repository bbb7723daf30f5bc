"""``whosaidwhat_events``: what happened or will happen, who took part, where and when.

An event is a clause reporting an action, found on the dependency parse: its trigger,
type and participants (:mod:`~whosaidwhat.nlp.event_parts`), then its time
(:mod:`~whosaidwhat.nlp.event_times`). The main event (``doc._.wsw_main_event``) is what
the headline and the first paragraph report (:mod:`~whosaidwhat.nlp.main_event`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.event_parts import (
    Event,
    event_type,
    fill_participants,
    is_reportable,
    merge_light_verb_objects,
)
from whosaidwhat.nlp.event_times import assign_clause_times, date_events
from whosaidwhat.nlp.main_event import main_event, parse_headline
from whosaidwhat.nlp.mentions import MentionIndex


@Language.factory("whosaidwhat_events", assigns=["doc._.wsw_events", "doc._.wsw_main_event"])
def make_events(nlp: Language, name: str):
    extensions.register()

    def component(doc: Doc) -> Doc:
        text = doc.text  # Doc.text joins every token on each access: read it once
        candidates = find_events(doc, text)
        doc._.wsw_events = [e.as_dict() for e in candidates if is_reportable(e)]
        doc._.wsw_main_event = main_event(doc, text, candidates, parse_headline(nlp, doc._.wsw_headline))
        return doc

    return component


def find_events(doc: Doc, text: str) -> list[Event]:
    """Every trigger as a dated event with its participants; :func:`is_reportable` picks those to report."""
    mentions = MentionIndex(doc._.wsw_entities or [], text)
    candidates = []
    for token in doc:
        kind = event_type(token)
        if kind is not None:
            event = Event(kind, token)
            fill_participants(event, mentions)
            candidates.append(event)
    candidates = merge_light_verb_objects(candidates)
    clause_times = assign_clause_times(doc, candidates)
    for event in candidates:
        if event.token.i in clause_times:
            event.when, event.own_time = clause_times[event.token.i], True
    date_events(doc, text, candidates, clause_times)
    return candidates
