"""The main event of an article (``doc._.wsw_main_event``): what the headline and the first paragraph report.

It is the first-paragraph event that matches the headline's verb (or, failing that, the
first paragraph's first main-clause event), with the headline's participants added, and
the 5W1H phrases of that event as they stand in the text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whosaidwhat.nlp.event_parts import PLACE_PREPOSITIONS, Event, event_type
from whosaidwhat.nlp.event_places import PLACE_TYPES
from whosaidwhat.nlp.syntax import ACTOR, paragraphs_of, subject_of


def parse_headline(nlp: Language, headline: str | None) -> Doc | None:
    """The headline run through the model's own components (not ours)."""
    if not headline or not headline.strip():
        return None
    doc = nlp.make_doc(headline.strip())
    for name, component in nlp.pipeline:
        if not name.startswith("whosaidwhat_"):
            doc = component(doc)
    return doc


def main_candidate(doc: Doc, text: str, events: list[Event], headline: Doc | None) -> Event | None:
    """The first-paragraph event the headline's verb names, else its first main-clause event."""
    paragraphs = paragraphs_of(doc)
    if not paragraphs:
        return None
    first = paragraphs[0]
    lead = [e for e in events if first[0] <= e.token.idx < first[1]]
    head_token = headline_trigger(headline)
    head_type = event_type(head_token) if head_token is not None else None
    chosen = next((e for e in lead if head_type and e.type == head_type), None)
    return chosen or next((e for e in lead if e.token.dep_ == "ROOT"), None) or (lead[0] if lead else None)


def main_event(doc: Doc, text: str, chosen: Event | None, headline: Doc | None) -> dict | None:
    """The main event's record: ``chosen`` (:func:`main_candidate`) with the headline's participants."""
    if chosen is None:
        return None
    names = headline_entities(doc, text, headline, headline_trigger(headline))
    who = chosen.who or [i for i in names["who"] if i not in chosen.whom]
    where = chosen.where + [i for i in names["where"] if i not in chosen.where]
    return {
        "type": chosen.type,
        "who": who,
        "whom": chosen.whom,
        "where": where,
        "when": chosen.when,
        "phrases": phrases(doc, text, chosen),
    }


def headline_trigger(headline: Doc | None) -> Token | None:
    if headline is None:
        return None
    return next((t for t in headline if event_type(t)), None)


def headline_entities(
    doc: Doc, text: str, headline: Doc | None, trigger: Token | None
) -> dict[str, list[str]]:
    """Entities of ``doc`` named in the headline's subject and place phrases, matched by name.

    Longer names are matched first and taken out, so "New York Times" is not also "New York";
    the subject's entity is the one whose name holds the subject's head word ("Green Party
    candidate Jill Stein" is Jill Stein, not the Green Party).
    """
    found: dict[str, list[str]] = {"who": [], "where": []}
    if headline is None or trigger is None:
        return found
    subject = subject_of(trigger, ACTOR)
    head_word = subject.lower_ if subject is not None else ""
    texts = {
        "who": subject_phrase(subject).text.lower() if subject is not None else "",
        "where": headline.text[trigger.idx :].lower(),
    }
    entities = doc._.wsw_entities or []
    names = [(ent["name"].lower(), ent) for ent in entities]
    names += [(text[s:e].lower(), ent) for ent in entities for s, e in ent.get("mentions", [])]
    for name, ent in sorted(names, key=lambda pair: -len(pair[0])):
        if len(name) < 3 or not name[0].isalnum():
            continue
        for role, phrase in texts.items():
            pattern = rf"\b{re.escape(name)}\b"
            if not re.search(pattern, phrase):
                continue
            texts[role] = re.sub(pattern, " ", phrase)
            fits = ent.get("type") in PLACE_TYPES if role == "where" else head_word in name.split()
            if fits and ent["id"] not in found[role]:
                found[role].append(ent["id"])
    return found


def subject_phrase(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.i + 1]


def phrases(doc: Doc, text: str, event: Event) -> dict[str, str | None]:
    """The 5W1H phrases of ``event`` as they stand in the text."""
    trigger = event.token
    subject = subject_of(trigger, ACTOR) if trigger.pos_ == "VERB" else None
    when = next(
        (
            text[t["start"] : t["end"]]
            for t in doc._.wsw_times or []
            if trigger.sent.start_char <= t["start"] < trigger.sent.end_char
            and not t["value"].startswith("P")  # durations, PRESENT_REF and PAST_REF
            and t["value"] != "FUTURE_REF"
        ),
        "",
    )
    where = ""
    what = trigger.text
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS and not where:
            where = span_text(child)
        if child.dep_ == "prt":
            what = f"{what} {child.text}"
        if child.dep_ == "dobj":
            what = f"{what} {span_text_of(subject_phrase(child))}"
    why = next((span_text(c) for c in trigger.children if c.dep_ == "advcl" and is_purpose(c)), None)
    how = next((span_text(c) for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return {
        "who": span_text_of(subject_phrase(subject)) if subject is not None else "",
        "what": what,
        "when": when,
        "where": where,
        "why": why,
        "how": how,
    }


def is_purpose(clause: Token) -> bool:
    """An adverbial clause of reason or purpose: "because ...", "to ...", "so that ..."."""
    return any(g.lower_ in ("because", "to", "so") for g in clause.children if g.dep_ in ("mark", "aux"))


def span_text(token: Token) -> str:
    return span_text_of(token.doc[token.left_edge.i : token.right_edge.i + 1])


def span_text_of(span: Span) -> str:
    """The span's words on one line, without edge commas."""
    return " ".join(span.text.split()).strip(" ,")
