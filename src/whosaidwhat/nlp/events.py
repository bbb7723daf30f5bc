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
from whosaidwhat.nlp.entities import paragraph_starts
from whosaidwhat.nlp.event_filter import reportable_events, timeline_candidates
from whosaidwhat.nlp.event_parts import (
    Event,
    event_type,
    fill_participants,
    merge_light_verb_objects,
)
from whosaidwhat.nlp.event_places import place_source, share_places
from whosaidwhat.nlp.event_times import assign_clause_times, date_events
from whosaidwhat.nlp.main_event import main_candidate, main_event, parse_headline
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.narrative_times import NARRATIVE_PARAGRAPHS, SpanUnion
from whosaidwhat.nlp.organisations import OrganisationReferences
from whosaidwhat.nlp.syntax import doc_text


class Events:
    """The ``whosaidwhat_events`` component; ``nlp`` parses the headline (``doc._.wsw_headline``)."""

    def __init__(self, nlp: Language, *, narrative_paragraphs: int = NARRATIVE_PARAGRAPHS) -> None:
        self.nlp = nlp
        #: A clause in the simple past continues the time of a clause at most this many paragraphs before it.
        self.narrative_paragraphs = narrative_paragraphs

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        candidates = find_events(doc, text, narrative_paragraphs=self.narrative_paragraphs)
        headline = parse_headline(self.nlp, doc._.wsw_headline)
        main = main_candidate(doc, text, candidates, headline)
        quoted = SpanUnion([q["content"] for q in doc._.wsw_quotes or [] if q["kind"] == "direct"])
        shown = timeline_candidates(candidates, quoted)
        read_participants(doc, text, candidates, [*shown, main] if main is not None else shown)
        doc._.wsw_events = [e.as_dict() for e in reportable_events(shown, main)]
        doc._.wsw_main_event = main_event(doc, text, main, headline)
        return doc


@Language.factory(
    "whosaidwhat_events",
    default_config={"narrative_paragraphs": NARRATIVE_PARAGRAPHS},
    requires=["doc.sents", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.wsw_events", "doc._.wsw_main_event"],
)
def make_events(nlp: Language, name: str, narrative_paragraphs: int) -> Events:
    extensions.register()
    return Events(nlp, narrative_paragraphs=narrative_paragraphs)


def find_events(doc: Doc, text: str, *, narrative_paragraphs: int) -> list[Event]:
    """Every trigger as a dated event, its participants not yet read (:func:`read_participants`)."""
    candidates = merge_light_verb_objects(
        [Event(kind, token) for token in doc if (kind := event_type(token)) is not None]
    )
    clause_times = assign_clause_times(doc, candidates)
    for event in candidates:
        heads = [event.token.i] + (
            [event.noun.i] if event.noun is not None else []
        )  # "fell to defeat on Monday"
        if (own := next((clause_times[i] for i in heads if i in clause_times), None)) is not None:
            event.when, event.own_time = own, True
    date_events(doc, text, candidates, clause_times, narrative_paragraphs)
    return candidates


def read_participants(doc: Doc, text: str, events: list[Event], needed: list[Event]) -> None:
    """Who, whom and where of the ``needed`` events (those that may be reported, and the main one),
    of the event nouns folded into them and of the events they take their place from
    (:func:`share_places`); the others' are left empty, as nobody reads them."""
    by_token = {e.token.i: e for e in events}
    wanted, todo = set(), list(needed)
    while todo:
        event = todo.pop()
        if event.token.i not in wanted:
            wanted.add(event.token.i)
            todo += [source] if (source := place_source(event, by_token)) is not None else []
    if not wanted:
        return
    mentions = MentionIndex(doc._.wsw_entities or [], text)
    organisations = OrganisationReferences(doc, mentions, paragraph_starts(doc))
    for event in events:
        if event.token.i in wanted:
            fill_with_folded(event, mentions, organisations)
    share_places(events)


def fill_with_folded(event: Event, mentions: MentionIndex, organisations: OrganisationReferences) -> None:
    """The event's participants, joined by those of the event nouns folded into it ("held talks")."""
    fill_participants(event, mentions, organisations)
    for noun in event.folded:
        fill_with_folded(noun, mentions, organisations)
        for role in ("who", "whom", "where"):
            ids = getattr(event, role)
            ids += [i for i in getattr(noun, role) if i not in ids]
