"""When each event happened (:mod:`~whosaidwhat.nlp.events`), by the first rule that applies:

1. the clause's own time expression: a time belongs to the nearest trigger or verb
   above it in the parse, or to the subject of "be" ("the vote is on Nov. 8");
   durations such as "two days" date nothing;
2. arithmetic on an anchored clause: "arrived on Thursday, two days after assuming
   the role" dates the assuming two days before the arrival, and the other way round;
3. a participle or conjoined clause shares its head clause's time ("met him as
   sirens sounded", "had a lead in 2012 but lost", "start tomorrow with France meeting
   Japan"; "shown on BBC One, with coverage beginning at 7:30pm" the other way round, by the
   day; "reached the final as they beat Spain on Saturday" the time of its "as" or "when"
   clause), a verb the time of the event noun it governs ("rebuffed the attempt earlier
   this year"), an event noun that is the subject
   or agent of a clause shares that clause's, and an event framed by another
   ("poked fun during the Monday debate") takes the frame's;
4. narrative continuation (:mod:`~whosaidwhat.nlp.narrative_times`): a simple-past clause
   outside quotation marks, in a sentence with no time of its own, continues the reference
   time (a day, week or month) set by the last clause dated by its own expression, if that
   clause is in the same paragraph or the paragraph just before it (or, for a day, anywhere
   before it when no other time is named since and the paragraphs between carry the story
   or quote its witnesses: "opened the door on April 16" holds for the attack told after the
   witness's words), with no section heading between. News tells a story forward from the
   lead, and the lead's "on Thursday" holds for the sentences that carry the story on;
   perfect tenses ("has previously visited"), the present (but for how the story stands now,
   "the grandparents are too shaken to return") and quoted speech step out of
   that story line and stay undated.
5. the same event named again: an event noun ("said in a ruling") takes the day the article
   gives the same noun elsewhere ("after Tuesday's ruling"), when it gives it only one; a verb
   of a sporting contest ("preparing to face Australia") takes the day of the one contest noun
   its sentence dates ("ahead of Wednesday's clash"), and a verb of harm done to someone
   ("the grandmother beaten in her home has spoken, 10 days after the attack") that of the one
   harm noun its sentence dates, unless the noun only bounds the verb's time ("beaten two days
   after the attack on his brother").

Otherwise ``when`` is None: the publication date is not a default.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from whosaidwhat.nlp.event_filter import PHASE_VERBS
from whosaidwhat.nlp.event_nouns import hyphenated_lemma, is_year_in_name, scene_verb
from whosaidwhat.nlp.event_offsets import apply_offset, offset_relation
from whosaidwhat.nlp.event_parts import Event
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.narrative_times import continue_narrative, is_day
from whosaidwhat.timex import first_day

#: Verbs and nouns of one sporting contest (``contest_words.txt``).
CONTEST_WORDS = words("contest_words.txt")
#: Verbs and nouns of harm done to someone (``harm_words.txt``).
HARM_WORDS = words("harm_words.txt")
#: Dependencies by which a clause shares the time of the clause it hangs from.
SHARING_DEPS = frozenset({"conj", "advcl", "xcomp"})
#: Words before a time that make it a bound of the clause's time, not its time.
BOUNDING_WORDS = frozenset({"before", "after", "until", "till", "since", "by"})
#: The part of a day a time names ("2024-10-03TNI"): an event is dated by the day, or by the clock.
DAY_PART = re.compile(r"T[A-Z]{2}$")
#: Conjunctions opening a clause that happened along with the one it hangs from.
WHILE_MARKS = frozenset({"as", "when"})
#: The clock time of a time value ("2024-07-01T19:30"), which leaves the day.
CLOCK = re.compile(r"T\d\d:\d\d$")


def date_events(
    doc: Doc, text: str, events: list[Event], clause_times: dict[int, str], narrative_paragraphs: int
) -> None:
    """Set ``when`` on every event by rules 2 to 4 of the module docstring, in order."""
    by_token = {e.token.i: e for e in events}
    published = first_day(doc._.wsw_published)
    offsets = [(e, found) for e in events if (found := offset_relation(e.token)) is not None]
    for _ in range(3):
        for event, offset in offsets:
            apply_offset(event, offset, by_token, published)
    for event in events:
        if event.when is None:
            event.when = shared_time(event.token, by_token, clause_times)
    for event in events:
        if event.when is None:
            event.when = framing_time(event.token, by_token)
    continue_narrative(doc, text, events, narrative_paragraphs)
    for event in events:
        if event.when is None:
            event.when = time_of_same_noun(event, events) or time_of_same_act(event, events)


def assign_clause_times(doc: Doc, candidates: list[Event]) -> dict[int, str]:
    """Token index of the clause head (verb or event noun) each time expression belongs to -> its value.

    A time belongs to the nearest trigger or verb above it in the parse, or to the
    subject of "be" ("the vote is on Nov. 8"); the first expression a clause gets is its
    own, unless it starts a range whose end it also gets ("from 26 in 2023 to 25 in 2024").
    Durations ("two days") date nothing. The time of a verb of a phase ("began streaming
    yesterday") is its complement's.
    """
    triggers = {e.token.i for e in candidates}
    owned: dict[int, str] = {}
    starting: set[int] = set()  # clauses dated by the start of a range ("from 26 in 2023")
    for t in doc._.wsw_times or []:
        if re.match(r"P(?:T|\d)|PRESENT_REF", t["value"]):  # a duration, or now: no point on a timeline
            continue
        value = DAY_PART.sub("", t["value"])
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        if len(span) == 1 and is_year_in_name(span.root) and span.root.head.i in triggers:
            owned.setdefault(span.root.head.i, value)  # "since the 2000 Olympics": theirs, no clause's
            continue
        if not dates_its_clause(span):
            continue
        token = span.root
        preposition = range_side(span)
        for _ in range(10):
            outside = not span.start <= token.i < span.end
            if outside and (token.i in triggers or token.pos_ == "VERB"):
                if token.i not in owned or (token.i in starting and preposition == "to"):
                    owned[token.i] = value  # "dwindled from 26 in 2023 to 25 in 2024": the end
                if preposition == "from":
                    starting.add(token.i)
                break
            if token.dep_ == "prep" and token.lower_ in ("from", "to"):
                preposition = preposition or token.lower_
            subject = copula_subject(token) if outside else None
            if subject is not None and subject.i in triggers:
                owned.setdefault(subject.i, value)
                break
            if outside and is_copular_clause(token):  # "the pressure is on them tonight as they face ..."
                owned.setdefault(token.i, value)
                break
            if token.head.i == token.i:
                break
            token = token.head
    for i, value in list(owned.items()):  # "began streaming on Hulu yesterday": the streaming's time
        for complement in doc[i].children:
            if doc[i].lemma_.lower() in PHASE_VERBS and complement.dep_ == "xcomp":
                owned.setdefault(complement.i, value)
    return owned


def is_copular_clause(token: Token) -> bool:
    """A form of "be" heading a clause of its own, which clauses hanging from it share the time of."""
    return token.pos_ == "AUX" and token.lemma_ == "be" and token.dep_ in ("ROOT", "ccomp", "advcl", "conj")


def dates_its_clause(span) -> bool:
    """A time dates the clause it is in, unless it only bounds it ("before 7pm", "by July 18",
    "until Friday") or is part of a name ("Euro 2024")."""
    root = span.root
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "PROPN" and re.fullmatch(r"\d{4}", span.text):
        return False  # "Euro 2024", "Vision 2030"
    if root.head.lower_ in BOUNDING_WORDS and root.dep_ == "pobj":
        return False
    if before is not None and before.lower_ in BOUNDING_WORDS and span.start <= before.head.i < span.end:
        return False  # "before 7pm", parsed as a modifier of the number
    return not (root.dep_ in ("nummod", "compound") and root.head.pos_ == "PROPN" and root.head.i >= span.end)


def range_side(span) -> str | None:
    """ "from" or "to" when the time dates one end of a range given beside it: "from 26 in 2023"."""
    preposition = span.root.head
    if preposition.dep_ != "prep" or preposition.i == 0:
        return None
    before = span.doc[preposition.i - 1]
    if before.dep_ == "pobj" and before.head.lower_ in ("from", "to"):
        return before.head.lower_
    return None


def copula_subject(token: Token) -> Token | None:
    """The subject of a form of "be" ("the vote is on Nov. 8"), which the time then dates."""
    if token.lemma_ != "be" or token.pos_ != "AUX":
        return None
    return next((c for c in token.children if c.dep_ == "nsubj"), None)


def shared_time(trigger: Token, by_token: dict[int, Event], clause_times: dict[int, str]) -> str | None:
    """The time of the clause a participle, conjoined clause or event-noun subject belongs to.

    An infinitive ("urged him to resign") is not shared: it names what was wanted, not
    what happened. An event noun that is the subject or "by" agent of a dated clause
    ("the blast injured ...", "injured by an explosion") happened then, and one modified
    by a dated participle or relative clause ("a ruling released Thursday", "a hearing that
    ended last month") takes its time, as
    one that is the scene of a clause ("spoke at a conference in April") takes the clause's.
    """
    token = trigger
    if token.pos_ == "NOUN":
        modifiers = [c for c in token.children if c.dep_ in ("acl", "relcl") and c.i in clause_times]
        if modifiers:
            return clause_times[modifiers[0].i]
        clause = token.head.head if token.head.dep_ == "agent" else token.head
        is_agent = token.dep_ in ("nsubj", "nsubjpass") or token.head.dep_ == "agent"
        event = by_token.get(clause.i) if is_agent else None
        if event is None and (scene := scene_verb(token)) is not None:
            event = by_token.get(scene.i)
            return event.when if event else clause_times.get(scene.i)
        return event.when if event else None
    objects = [c.i for c in trigger.children if c.dep_ == "dobj" and c.i in by_token and c.i in clause_times]
    if objects:  # "rebuffed the attempt earlier this year": the time the parser gave the object
        return clause_times[objects[0]]
    if is_absolute(token):  # "the tournament starts tomorrow with France meeting Japan"
        clause = token.head.head
        event = by_token.get(clause.i)
        return event.when if event else clause_times.get(clause.i)
    if (accompanying := absolute_time(token, clause_times) or while_time(token, clause_times)) is not None:
        return accompanying
    for _ in range(4):
        if token.dep_ == "ccomp" and token.head.pos_ == "ADV" and token.head.dep_ == "conj":
            token = token.head  # "had dwindled in 2024, but worse, that the number had gone up"
        if token.dep_ not in SHARING_DEPS or token.head.i == token.i:
            return None
        if any(
            c.dep_ == "mark"
            and c.lower_ in ("before", "after", "until", "since", "if", "unless")
            or c.dep_ == "aux"
            and c.lower_ == "to"
            for c in token.children
        ):
            return None
        if is_future(token) and token.head.tag_ == "VBD":
            return None  # "reached the final on Saturday and will return to Sydney"
        token = token.head
        if token.dep_ in ("aux", "auxpass") and token.head.i != token.i:
            token = token.head  # "when I finished reading, I felt puzzled" parsed with "felt" as an auxiliary
        event = by_token.get(token.i)
        when = event.when if event else clause_times.get(token.i)
        if when:
            return when
    return None


def is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def is_absolute(verb: Token) -> bool:
    """A participle with a subject of its own after "with": "with France meeting Japan"."""
    return (
        verb.dep_ == "pcomp" and verb.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in verb.children)
    )


def absolute_time(verb: Token, clause_times: dict[int, str]) -> str | None:
    """The day of a dated participle clause after "with" that goes along with this one: "will be
    shown on BBC One, with coverage beginning at 7:30pm" is shown that day (by the day, as the
    clock time is the accompanying clause's)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for clause in prep.children:
            if is_absolute(clause) and clause.i in clause_times:
                return CLOCK.sub("", clause_times[clause.i])
    return None


def while_time(verb: Token, clause_times: dict[int, str]) -> str | None:
    """The time of a clause opened by "as" or "when" that happened along with this one, or of the
    clause that completes it: "reached the final as they came from behind to beat Spain on
    Saturday", "When police arrived on Monday, the men fled"."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in WHILE_MARKS for c in clause.children
        ):
            continue
        completing = [c.i for c in clause.children if is_infinitive(c) and c.i in clause_times]
        if clause.i in clause_times or completing:
            return clause_times.get(clause.i) or clause_times[completing[0]]
    return None


def is_infinitive(clause: Token) -> bool:
    """ "to beat Spain": a clause in the infinitive, not a participle ("having beaten Spain")."""
    return clause.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children
    )


def time_of_same_noun(event: Event, events: list[Event]) -> str | None:
    """ "said in *a ruling*" is "Tuesday's ruling" of the same article: an event noun takes the
    day the article gives the same noun elsewhere, when it gives only one. A year picks one of
    many ("the 2000 election" is no date for "after the election")."""
    noun = event.token
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not any(c.dep_ in ("det", "poss") for c in noun.children):
        return None  # not "took the case to trial": no trial in particular
    times = {
        e.when for e in events if e.own_time and e.token.pos_ == "NOUN" and e.token.lemma_ == noun.lemma_
    }
    return times.pop() if len(times) == 1 and is_day(next(iter(times))) else None


def time_of_same_act(event: Event, events: list[Event]) -> str | None:
    """ "England are preparing to face Australia, ... ahead of Wednesday's clash": an undated verb
    of a sporting contest (``resources/contest_words.txt``) or of harm (``resources/harm_words.txt``)
    is the act a dated noun of the same kind in its sentence names, when the sentence dates only
    one, by its own time or by an offset ("10 days after the attack"), and the noun does not
    bound the verb's time ("beaten two days after the attack": another act)."""
    verb = event.token
    kind = next((w for w in (CONTEST_WORDS, HARM_WORDS) if verb.lemma_.lower() in w), None)
    if verb.pos_ != "VERB" or kind is None:
        return None
    sentence = verb.sent
    times = {
        e.when
        for e in events
        if e.token.pos_ == "NOUN"
        and e.when
        and (e.own_time or offset_relation(e.token) is not None)
        and sentence.start <= e.token.i < sentence.end
        and (hyphenated_lemma(e.token) or e.token.lemma_.lower()) in kind
        and not bounds_time_of(e.token, verb)
    }
    return times.pop() if len(times) == 1 else None


def bounds_time_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` hangs from ``verb`` through "after", "before", "since", ...: "beaten two
    days after the attack" tells two acts, not one."""
    token, bounded = noun.head, False
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return bounded and token.i == verb.i
        bounded = bounded or (token.dep_ == "prep" and token.lower_ in BOUNDING_WORDS)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def framing_time(trigger: Token, by_token: dict[int, Event]) -> str | None:
    """The time of an event framing this one: "poked fun during the Monday debate",
    "rejected it in a ruling", also when the parser hung the frame on the verb's object
    ("was set to challenge that decision at a hearing scheduled for later this month")."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"] if trigger.pos_ == "VERB" else []
    for prep in [p for holder in (trigger, *objects) for p in holder.children]:
        if prep.dep_ == "prep" and prep.lower_ in ("during", "at", "amid", "throughout", "in"):
            for obj in prep.children:
                frame = by_token.get(obj.i)
                if obj.dep_ == "pobj" and frame is not None and frame.when:
                    return frame.when
    return None
