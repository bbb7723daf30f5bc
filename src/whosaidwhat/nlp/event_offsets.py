"""Rule 2 of :mod:`~whosaidwhat.nlp.event_times`: arithmetic on an anchored clause.

"arrived on Thursday, two days after assuming the role" dates the assuming two days before
the arrival, and the other way round; a clause in the present perfect that is no event counts
from publication ("has spoken, 10 days after the attack").
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from whosaidwhat.nlp.event_parts import Event
from whosaidwhat.nlp.lexicons import number_words

#: Days in each unit an offset counts ("two weeks after").
TIME_UNITS = {"day": 1, "week": 7}
#: Numbers of days or weeks in words that an offset may give ("two days after"): the small ones
#: news spells out.
OFFSET_COUNTS = {word: int(value) for word, value in number_words("cardinal").items() if value <= 10}


def offset_relation(token: Token) -> tuple[Token, Token, int] | None:
    """The relation word ("after", "before"), the word it hangs from or heads, and the number
    of days of "N days after/before X" around an event's trigger ``token``, or None.

    The relation is a preposition heading the inner event ("two days after assuming
    the role") or a subordinating conjunction inside it ("three days before he took
    office").
    """
    marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if marks:
        relation, holder = marks[0], token
    elif token.dep_ in ("pcomp", "pobj") and token.head.lower_ in ("after", "before"):
        relation = holder = token.head
    else:
        return None
    days = offset_days(holder)
    return (relation, holder, days) if days is not None else None


def apply_offset(
    event: Event, offset: tuple[Token, Token, int], by_token: dict[int, Event], published: str | None
) -> None:
    """Date one side of "N days after/before X" (:func:`offset_relation`) from the other side.

    The outer event is the clause the relation hangs from, and a clause in the present
    perfect that is no event counts from publication ("has spoken, 10 days after the attack").
    """
    relation, holder, days = offset
    sign = 1 if relation.lower_ == "after" else -1
    if holder.head.i not in by_token and is_present_perfect(holder.head):
        # "has spoken for the first time, 10 days after the attack": the present perfect is now
        if event.when is None and published:
            event.when = shift_day(published, -sign * days)
        return
    outer = governing_event(holder, by_token)
    if outer is None:
        return
    if event.when is None and outer.when:
        event.when = shift_day(outer.when, -sign * days)
    elif outer.when is None and event.when:
        outer.when = shift_day(event.when, sign * days)


def is_present_perfect(verb: Token) -> bool:
    """ "has spoken", "have agreed": what is told as done by now, the publication day."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBN" and bool(auxiliaries & {"has", "have", "'s", "'ve"})


def governing_event(token: Token, by_token: dict[int, Event]) -> Event | None:
    """The nearest event above ``token`` in the parse."""
    token = token.head
    for _ in range(4):
        if token.i in by_token:
            return by_token[token.i]
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def offset_days(holder: Token) -> int | None:
    """The number of days in "two days after", "a week before"; None when not stated."""
    for child in holder.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in TIME_UNITS:
            numbers = [n for n in child.children if n.dep_ in ("nummod", "det")]
            count = 1
            if numbers:
                word = numbers[0].lower_
                count = int(word) if word.isdigit() else OFFSET_COUNTS.get(word)
            if count is None:
                return None
            return count * TIME_UNITS[child.lemma_.lower()]
    return None


def shift_day(value: str, days: int) -> str | None:
    try:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    except ValueError:
        return None
