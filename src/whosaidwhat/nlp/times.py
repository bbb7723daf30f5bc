"""``whosaidwhat_times``: date and time expressions with TIMEX3-style values.

Candidates are spaCy's DATE and TIME entities plus our own patterns (weekday names,
"next week", "two days ago", "Oct. 12", "yesterday", decades, years after a
preposition), which the small models often miss or cut short. Each candidate is
resolved against the publication date (``doc._.wsw_published``) by
:mod:`~whosaidwhat.nlp.time_values`; one that cannot be resolved is dropped. Without a
publication date only absolute dates are kept. A clock time (``2024-10-03T20:30``)
takes the day named in its sentence, else the last day named before it, and is dropped
when there is none.

Direction for expressions without a year or modifier ("Thursday", "Oct. 12",
"March"): news reports the past, so they resolve to the latest such day or month on
or before publication, unless the clause is future (a "will"/"shall" modal, "going
to", a scheduled present such as "meets"): then the earliest on or after it. A
present-tense clause without a modal takes the nearest one either way.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.case_free import matches_ignoring_case
from whosaidwhat.nlp.named_days import historic_day, named_day_pattern
from whosaidwhat.nlp.story_times import (
    STORY_RELATIVE,
    is_story_relative,
    set_from_story_times,
    set_in_story_years,
)
from whosaidwhat.nlp.syntax import FUTURE_MARKERS, TIME_TYPES, auxiliary_words, doc_text, paragraphs_of
from whosaidwhat.nlp.time_values import DAY_PARTS, LEADING_SIGNALS, NUMBER, SEASON, UNIT, WEEKDAY, resolve
from whosaidwhat.structure.dates import MONTH

CLOCK = r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d\d))?\s?(?P<half>a\.m\.|p\.m\.|am\b|pm\b)"

#: Our own candidate patterns, tried before spaCy's entities (they bound the span better).
PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:(?:last|next|this|coming)\s+)?{WEEKDAY}(?:\s+{DAY_PARTS})?\b",
        r"\b(?:(?:early|earlier|late|later)\s+)?(?:this|next|last|past|coming)\s+(?:week(?:end)?|month|year)\b",
        rf"\b(?:today|tonight|yesterday|tomorrow|(?:last|this)\s+{DAY_PARTS})\b",
        rf"\b{NUMBER}\s+{UNIT}\s+(?:ago|earlier|later|from\s+now)\b",
        rf"\bin\s+{NUMBER}\s+{UNIT}\b",
        rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}(?!\d))?",
        rf"\b\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}}\b)?",
        rf"\b{MONTH}\s+(?:of\s+)?\d{{4}}\b",
        r"\b(?:the\s+)?(?:1[89]|20)\d0s\b",
        r"\b(?:in|since|by|until|from|before|after|during|through|of)\s+(?P<t>(?:1[89]|20)\d\d)\b(?![\d,.]\d)",
        rf"\b(?:(?:this|next|last|past|coming)\s+{SEASON}|{SEASON}\s+(?:of\s+)?\d{{4}})\b",
        r"\b(?:now|currently|recently)\b(?! that\b)",
        r"\bin the past\b(?! (?:\w+ )?(?:days?|weeks?|months?|years?|decades?)\b)",
        r"\b(?:in )?the (?:near )?future\b",
        r"\b(?:many|several|a few) years ago\b",
        r"(?<=over )the\s+holidays?\b",
        r"\bthe\s+weekend\b",
        r"\bthe\s+(?:end|beginning|start|middle)\s+of\s+the\s+(?:week|month|year)\b",
        named_day_pattern(),
        STORY_RELATIVE,
        CLOCK,
    )
]
#: Words before a time that make it lie ahead whatever the clause's tense ("ahead of Wednesday's final").
AHEAD = re.compile(r"\b(?:ahead of|in time for)\s+$", re.IGNORECASE)


class Times:
    """The ``whosaidwhat_times`` component: reads ``doc._.wsw_published`` as the anchor when set."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.wsw_times = find_times(doc, parse_anchor(doc._.wsw_published))
        return doc


@Language.factory(
    "whosaidwhat_times",
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag"],
    assigns=["doc._.wsw_times"],
)
def make_times(nlp: Language, name: str) -> Times:
    extensions.register()
    return Times()


def parse_anchor(published: str | None) -> date | None:
    """The publication date as a ``date``, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def find_times(doc: Doc, anchor: date | None) -> list[dict]:
    """Every resolvable time expression in ``doc``, in text order.

    Clock times come last: they take their day from the other expressions.
    """
    text = doc_text(doc)
    times: list[dict] = []
    clocks = []
    for start, end in candidate_spans(doc):
        expression = text[start:end]
        if clock := re.search(CLOCK, expression, re.IGNORECASE):
            clocks.append((start, end, clock))
            continue
        ahead = AHEAD.search(text, max(0, start - 20), start)
        value = resolve(expression, anchor, "future" if ahead else clause_direction(doc, start, end))
        if value is not None and not re.search(r"\d{4}", expression):
            value = historic_day(value, text[end : end + 40]) or value  # "the Sept. 11 attacks"
        if value is None and is_story_relative(expression):
            value = "?"  # counted from the story's last time by set_from_story_times
        if value:
            times.append({"start": start, "end": end, "value": value})
    for start, end, clock in clocks:
        around = text[start : start + clock.start()] + text[start + clock.end() : end]
        rest = resolve(around, anchor) or ""
        day = rest[:10] if re.match(r"\d{4}-\d\d-\d\d", rest) else reference_day(doc, start, times)
        if value := clock_time(clock, day):
            times.append({"start": start, "end": end, "value": value})
    times.sort(key=lambda t: t["start"])
    paragraphs = paragraphs_of(doc)
    set_in_story_years(text, times, paragraphs)
    set_from_story_times(text, times, paragraphs)
    return times


def clock_time(clock: re.Match, day: str | None) -> str | None:
    """ "8:30 p.m." on ``day`` -> "2024-10-03T20:30"; None without a day to put it on."""
    hour, minute = int(clock.group("hour")), int(clock.group("minute") or 0)
    if day is None or not (1 <= hour <= 12 and minute < 60):
        return None
    hour = hour % 12 + (12 if clock.group("half").lower().startswith("p") else 0)
    return f"{day}T{hour:02d}:{minute:02d}"


def reference_day(doc: Doc, offset: int, times: list[dict]) -> str | None:
    """The day a clock time falls on: a day named in its sentence, else the last day named before it."""
    days = [{**t, "value": t["value"][:10]} for t in times if re.match(r"\d{4}-\d\d-\d\d", t["value"])]
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if token is not None and len(token):
        sentence = token[0].sent
        same = [t for t in days if sentence.start_char <= t["start"] < sentence.end_char]
        if same:
            return same[0]["value"]
    before = [t for t in days if t["start"] < offset]
    return before[-1]["value"] if before else None


def candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Pattern matches first, then spaCy DATE/TIME entities that overlap none of them."""
    text = doc_text(doc)
    spans: list[tuple[int, int]] = []
    for match, pattern in matches_ignoring_case(PATTERNS, text):
        group = "t" if "t" in pattern.groupindex else 0
        add_unless_overlapping(spans, match.start(group), match.end(group))
    for ent in doc.ents:
        if ent.label_ in TIME_TYPES:
            start, end = trim_signal(text, ent.start_char, ent.end_char)
            add_unless_overlapping(spans, start, end)
    return sorted(spans)


def add_unless_overlapping(spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Add ``(start, end)``; a longer span replaces the shorter ones it covers."""
    clashing = [s for s in spans if s[0] < end and start < s[1]]
    if all(start <= s[0] and s[1] <= end and (end - start) > (s[1] - s[0]) for s in clashing):
        for s in clashing:
            spans.remove(s)
        spans.append((start, end))


def trim_signal(text: str, start: int, end: int) -> tuple[int, int]:
    match = LEADING_SIGNALS.match(text[start:end])
    return (start + match.end(), end) if match else (start, end)


def clause_direction(doc: Doc, start: int, end: int) -> str:
    """ "past", "future" or "nearest": which way an underspecified date points, by its clause's tense."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "past"
    verb = finite_verb(governing_verb(span.root))
    if verb is None:
        return "nearest"
    children = auxiliary_words(verb)
    if children & FUTURE_MARKERS or is_going_to(verb):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or children & {"was", "were", "had", "did", "has", "have"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VB") or children & {"is", "are", "am"}:
        return "future" if is_possessive_weekday(span) else "nearest"
    return "past"


def finite_verb(verb: Token | None) -> Token | None:
    """The verb whose tense a bare participle shares ("kick off tomorrow with Spain meeting Sweden")."""
    while verb is not None and verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("advcl", "acl", "pcomp", "conj"):
        head = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or head.pos_ not in ("VERB", "AUX"):
            break
        verb = head
    return verb


def is_possessive_weekday(span) -> bool:
    """ "Sunday's final": a weekday owning an occurrence, which a present-tense clause schedules ahead."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return bool(re.fullmatch(WEEKDAY, span.text, re.IGNORECASE)) and after is not None and after.tag_ == "POS"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (or ``token`` itself)."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def is_going_to(verb: Token) -> bool:
    """``verb`` is the infinitive in "going to VERB"."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"
