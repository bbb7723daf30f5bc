"""``whosaidwhat_events``: what happened or will happen, who took part, where and when.

An event is a clause reporting an action, found on the dependency parse:

* Triggers are verbs and event nouns ("a NATO meeting"). A trigger whose lemma is in
  ``resources/event_triggers.tsv`` takes that type; any other action verb becomes an event of its
  own lemma when a named participant or place takes part or it has its own time.
  Verbs of saying and thinking are left to the quotes, as are verbs of being and having.
* ``who``: the agent, i.e. the entities mentioned in the subject (or the "by" phrase of
  a passive, or the possessor of an event noun); a participle or conjoined verb without
  a subject shares its head's. ``whom``: objects and "with"/"against" partners.
  ``where``: places (GPE, LOC, FAC; an ORG after "at" or named for a site, such as
  "Hofstra University") in "in/at/to ..." phrases, or the object of a visit.
* ``when``, by the first rule that applies:

  1. the clause's own time expression: a time belongs to the nearest trigger or verb
     above it in the parse, or to the subject of "be" ("the vote is on Nov. 8");
     durations such as "two days" date nothing;
  2. arithmetic on an anchored clause: "arrived on Thursday, two days after assuming
     the role" dates the assuming two days before the arrival, and the other way round;
  3. a participle or conjoined clause shares its head clause's time ("met him as
     sirens sounded", "had a lead in 2012 but lost"), an event noun that is the subject
     or agent of a clause shares that clause's, and an event framed by another
     ("poked fun during the Monday debate") takes the frame's;
  4. narrative continuation: a simple-past clause outside quotation marks, in a
     sentence with no time of its own, continues the reference time set by the last
     clause dated by its own expression, if that clause is in the same paragraph or the
     paragraph just before it, with no section heading between. News tells a story
     forward from the lead, and the lead's "on Thursday" holds for the sentences that
     carry the story on; perfect tenses ("has previously visited"), the present and
     quoted speech step out of that story line and stay undated.

  Otherwise ``when`` is None: the publication date is not a default.

The main event (``doc._.wsw_main_event``) is what the headline and the first paragraph
report: the first-paragraph event that matches the headline's verb (or, failing that,
the first paragraph's first main-clause event), with the headline's participants added.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.lexicons import event_triggers, number_words, reporting_verbs, words
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.syntax import ACTOR, paragraphs_of, subject_of

#: Event types by trigger (``resources/event_triggers.tsv``): of a verb's lemma, of a noun's
#: lemma (a noun naming an occurrence), and of a verb's lemma with its particle or object's.
VERB_TYPES, NOUN_TYPES, PHRASAL_TYPES = event_triggers()
EVENT_TYPE_NAMES = frozenset({*VERB_TYPES.values(), *NOUN_TYPES.values(), *PHRASAL_TYPES.values()})
#: Verbs that are not events of their own: saying and thinking (those are quotes), being,
#: having, wanting. Reporting verbs that are also acts ("announced", "endorsed") are events.
NOT_EVENTS = frozenset(lemma for lemma, verb in reporting_verbs().items() if verb.speech) | words(
    "not_events.txt"
)
#: Verbs that take their meaning from the event noun they govern ("held talks", "won the vote").
LIGHT_VERBS = words("light_verbs.txt")
#: Verbs that are events only when used on their own ("appeared on MSNBC"), not as a link
#: to a predicate ("appeared to be", "remained calm").
LINKING_VERBS = frozenset({"appear", "remain", "seem", "become", "look", "feel"})
LINK_DEPS = frozenset({"xcomp", "acomp", "attr", "ccomp", "oprd"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Entity types that make the agent when they only modify the subject's head ("a Bloomberg poll",
#: "Rutte's visit"); "a New York judge" is not New York acting.
AGENT_MODIFIER_TYPES = frozenset({"PERSON", "ORG"})
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "to",
        "into",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "off",
        "within",
    }
)
#: Last words of organisation names that are also sites one can be at ("Hofstra University").
SITE_WORDS = words("site_words.txt")
PARTNER_PREPOSITIONS = frozenset({"with", "against", "alongside"})
SHARING_DEPS = frozenset({"conj", "advcl", "xcomp"})
TIME_UNITS = {"day": 1, "week": 7}
#: Numbers of days or weeks in words that an offset may give ("two days after"): the small ones
#: news spells out.
OFFSET_COUNTS = {word: int(value) for word, value in number_words("cardinal").items() if value <= 10}


@dataclass
class Event:
    """An event while it is being built; ``token`` is the trigger."""

    type: str
    token: Token
    who: list[str] = field(default_factory=list)
    whom: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    when: str | None = None
    own_time: bool = False

    def as_dict(self) -> dict:
        t = self.token
        return {
            "type": self.type,
            "trigger": (t.idx, t.idx + len(t)),
            "who": self.who,
            "whom": self.whom,
            "where": self.where,
            "when": self.when,
        }


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


def is_reportable(event: Event) -> bool:
    """A typed event, or another action with a named participant, a named place or its own time."""
    return event.type in EVENT_TYPE_NAMES or bool(event.who or event.whom or event.where or event.own_time)


def merge_light_verb_objects(events: list[Event]) -> list[Event]:
    """Fold an event noun into the verb it is the object of when both name one event.

    "held talks", "won the vote": the verb already carries the type, or is a light verb
    (:data:`LIGHT_VERBS`) that takes the noun's; the noun's participants join the verb's.
    """
    by_token = {e.token.i: e for e in events}
    kept = []
    for event in events:
        verb = by_token.get(event.token.head.i)
        is_object = event.token.pos_ == "NOUN" and event.token.dep_ == "dobj" and verb is not None
        if is_object and (verb.type == event.type or verb.token.lemma_.lower() in LIGHT_VERBS):
            verb.type = event.type
            for role in ("who", "whom", "where"):
                ids = getattr(verb, role)
                ids += [i for i in getattr(event, role) if i not in ids]
            continue
        kept.append(event)
    return kept


def event_type(token: Token) -> str | None:
    """The event type ``token`` triggers, or None when it is no trigger."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound"):
        for child in token.children:
            if child.dep_ in ("prt", "dobj", "prep") and (lemma, child.lemma_.lower()) in PHRASAL_TYPES:
                return PHRASAL_TYPES[(lemma, child.lemma_.lower())]
        if lemma in VERB_TYPES:
            return VERB_TYPES[lemma]
        if lemma in NOT_EVENTS or not lemma.isalpha():
            return None
        if lemma in LINKING_VERBS and any(c.dep_ in LINK_DEPS for c in token.children):
            return None
        return lemma
    if token.pos_ == "NOUN" and lemma in NOUN_TYPES and token.dep_ != "compound":
        return NOUN_TYPES[lemma]
    return None


class SpanUnion:
    """The union of character spans as sorted disjoint stretches, to test offsets by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted((s, e) for s, e in spans if s < e):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


# ---------------------------------------------------------------- participants


def fill_participants(event: Event, mentions: MentionIndex) -> None:
    token = event.token
    if token.pos_ == "NOUN":
        agents = [c for c in token.children if c.dep_ in ("poss", "compound", "amod")]
        agents += [
            c
            for p in token.children
            if p.dep_ == "agent" or p.lower_ == "by"
            for c in p.children
            if c.dep_ == "pobj"
        ]
        event.who = phrase_entities(agents, mentions)
    else:
        subject = subject_of(token, ACTOR)
        event.who = phrase_entities([subject] if subject is not None else [], mentions)
        passive = [c for c in token.children if c.dep_ in ("nsubjpass",)]
        agents = [g for a in token.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        if passive:
            event.who = phrase_entities(agents, mentions)
            event.whom = phrase_entities(passive, mentions)
        objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj")]
        if event.type == "visit":
            places = place_entities(objects, mentions, "in")
            event.where += places
            objects = [o for o in objects if not place_entities([o], mentions, "in")]
        event.whom += phrase_entities(objects, mentions)
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        phrasal = (token.lemma_.lower(), prep.lower_) in PHRASAL_TYPES
        if prep.lower_ in PARTNER_PREPOSITIONS or phrasal:
            event.whom += [i for i in phrase_entities(objects, mentions) if i not in event.whom]
        elif prep.lower_ in PLACE_PREPOSITIONS:
            event.where += [i for i in place_entities(objects, mentions, prep.lower_) if i not in event.where]
    event.whom = [i for i in event.whom if i not in event.who]


def phrase_entities(heads: list[Token], mentions: MentionIndex) -> list[str]:
    """Entities named by the noun phrases headed by ``heads`` and their conjuncts and appositions."""
    ids: list[str] = []
    for head in expand_conjuncts(heads):
        found = [m for m in mentions.overlapping(head.idx, head.idx + len(head))]
        if not found and head.dep_ != "appos":
            left = head.left_edge.idx
            found = [
                m for m in mentions.overlapping(left, head.idx + len(head)) if m[3] in AGENT_MODIFIER_TYPES
            ]
        ids += [m[2] for m in found if m[2] not in ids]
    return ids


def expand_conjuncts(heads: list[Token]) -> list[Token]:
    out, todo = [], list(heads)
    while todo:
        head = todo.pop(0)
        if head in out:
            continue
        out.append(head)
        todo += [c for c in head.children if c.dep_ in ("conj", "appos")]
    return out


def place_entities(objects: list[Token], mentions: MentionIndex, preposition: str) -> list[str]:
    """Places named inside the phrases ``objects``.

    GPE, LOC and FAC entities; an ORG after "at" ("at the UN") or whose name ends in a
    word for a site ("Hofstra University", "Ramstein Air Base"), which the small models
    often tag ORG.
    """
    ids: list[str] = []
    for obj in objects:
        start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
        for m_start, m_end, entity_id, kind in mentions.overlapping(start, end):
            words = mentions.text[m_start:m_end].lower().split()
            site = kind == "ORG" and (preposition == "at" or bool(words) and words[-1] in SITE_WORDS)
            if (kind in PLACE_TYPES or site) and entity_id not in ids:
                ids.append(entity_id)
    return ids


# ---------------------------------------------------------------- time


def date_events(doc: Doc, text: str, events: list[Event], clause_times: dict[int, str]) -> None:
    """Set ``when`` on every event by rules 2 to 4 of the module docstring, in order."""
    by_token = {e.token.i: e for e in events}
    for _ in range(3):
        for event in events:
            apply_offsets(event, by_token)
    for event in events:
        if event.when is None:
            event.when = shared_time(event.token, by_token, clause_times)
    for event in events:
        if event.when is None:
            event.when = framing_time(event.token, by_token)
    continue_narrative(doc, text, events)


def assign_clause_times(doc: Doc, candidates: list[Event]) -> dict[int, str]:
    """Token index of the clause head (verb or event noun) each time expression belongs to -> its value.

    A time belongs to the nearest trigger or verb above it in the parse, or to the
    subject of "be" ("the vote is on Nov. 8"); the first expression a clause gets is its
    own. Durations ("two days") date nothing.
    """
    triggers = {e.token.i for e in candidates}
    owned: dict[int, str] = {}
    for t in doc._.wsw_times or []:
        if t["value"].startswith("P"):
            continue
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        for _ in range(10):
            outside = not span.start <= token.i < span.end
            if outside and (token.i in triggers or token.pos_ == "VERB"):
                owned.setdefault(token.i, t["value"])
                break
            subject = copula_subject(token) if outside else None
            if subject is not None and subject.i in triggers:
                owned.setdefault(subject.i, t["value"])
                break
            if token.head is token:
                break
            token = token.head
    return owned


def copula_subject(token: Token) -> Token | None:
    """The subject of a form of "be" ("the vote is on Nov. 8"), which the time then dates."""
    if token.lemma_ != "be" or token.pos_ != "AUX":
        return None
    return next((c for c in token.children if c.dep_ == "nsubj"), None)


def apply_offsets(event: Event, by_token: dict[int, Event]) -> None:
    """Date one side of "N days after/before X" from the other side.

    The relation is a preposition heading the inner event ("two days after assuming
    the role") or a subordinating conjunction inside it ("three days before he took
    office"); the outer event is the clause the relation hangs from.
    """
    token = event.token
    marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if marks:
        relation, holder, outer = marks[0], token, governing_event(token, by_token)
    elif token.dep_ in ("pcomp", "pobj") and token.head.lower_ in ("after", "before"):
        relation = holder = token.head
        outer = governing_event(holder, by_token)
    else:
        return
    days = offset_days(holder)
    if outer is None or days is None:
        return
    sign = 1 if relation.lower_ == "after" else -1
    if event.when is None and outer.when:
        event.when = shift_day(outer.when, -sign * days)
    elif outer.when is None and event.when:
        outer.when = shift_day(event.when, sign * days)


def governing_event(token: Token, by_token: dict[int, Event]) -> Event | None:
    """The nearest event above ``token`` in the parse."""
    token = token.head
    for _ in range(4):
        if token.i in by_token:
            return by_token[token.i]
        if token.head is token:
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


def shared_time(trigger: Token, by_token: dict[int, Event], clause_times: dict[int, str]) -> str | None:
    """The time of the clause a participle, conjoined clause or event-noun subject belongs to.

    An infinitive ("urged him to resign") is not shared: it names what was wanted, not
    what happened. An event noun that is the subject or "by" agent of a dated clause
    ("the blast injured ...", "injured by an explosion") happened then, and one modified
    by a dated participle ("a ruling released Thursday") takes the participle's time.
    """
    token = trigger
    if token.pos_ == "NOUN":
        modifiers = [c for c in token.children if c.dep_ == "acl" and c.i in clause_times]
        if modifiers:
            return clause_times[modifiers[0].i]
        clause = token.head.head if token.head.dep_ == "agent" else token.head
        is_agent = token.dep_ in ("nsubj", "nsubjpass") or token.head.dep_ == "agent"
        event = by_token.get(clause.i) if is_agent else None
        return event.when if event else None
    for _ in range(4):
        if token.dep_ not in SHARING_DEPS or token.head is token:
            return None
        if any(
            c.dep_ == "mark"
            and c.lower_ in ("before", "after", "until", "since", "if", "unless")
            or c.dep_ == "aux"
            and c.lower_ == "to"
            for c in token.children
        ):
            return None
        token = token.head
        event = by_token.get(token.i)
        when = event.when if event else clause_times.get(token.i)
        if when:
            return when
    return None


def framing_time(trigger: Token, by_token: dict[int, Event]) -> str | None:
    """The time of an event framing this one: "poked fun during the Monday debate",
    "rejected it in a ruling"."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("during", "at", "amid", "throughout", "in"):
            for obj in prep.children:
                frame = by_token.get(obj.i)
                if obj.dep_ == "pobj" and frame is not None and frame.when:
                    return frame.when
    return None


def continue_narrative(doc: Doc, text: str, events: list[Event]) -> None:
    """Rule 4: simple-past clauses carry on the reference time of the clause last dated on its own."""
    paragraphs = paragraphs_of(doc, text)
    paragraph_starts = [s for s, _ in paragraphs]
    quoted = SpanUnion([q["content"] for q in doc._.wsw_quotes or []])
    sentence_start = sentence_starts(doc)
    dated_sentences = {sentence_start[e.token.i] for e in events if e.own_time}
    reference: tuple[str, int] | None = None
    for event in sorted(events, key=lambda e: e.token.i):
        paragraph = paragraph_of(event.token.idx, paragraph_starts)
        is_day = re.fullmatch(r"\d{4}-\d\d-\d\d", event.when or "")
        if event.own_time and event.token.pos_ == "VERB" and is_day:
            reference = (event.when, paragraph)
            continue
        if event.when or reference is None or sentence_start[event.token.i] in dated_sentences:
            continue
        near = paragraph - reference[1] <= 1
        story_line = is_simple_past(event.token) and event.token.idx not in quoted
        if near and story_line and not heading_between(text, paragraphs, reference[1], paragraph):
            event.when = reference[0]


def sentence_starts(doc: Doc) -> list[int]:
    """The index of the first token of each token's sentence, in one pass (``Token.sent`` walks the doc)."""
    starts = [0] * len(doc)
    for sentence in doc.sents:
        starts[sentence.start : sentence.end] = [sentence.start] * len(sentence)
    return starts


def paragraph_of(offset: int, paragraph_starts: list[int]) -> int:
    return max(0, bisect_right(paragraph_starts, offset) - 1)


def heading_between(text: str, paragraphs: list[tuple[int, int]], first: int, last: int) -> bool:
    """A non-body line (blanked to spaces, as headings are) lies between the two paragraphs."""
    for i in range(first, min(last, len(paragraphs) - 1)):
        gap = text[paragraphs[i][1] : paragraphs[i + 1][0]]
        if any(line and not line.strip() for line in gap.split("\n")[1:-1]):
            return True
    return False


def is_simple_past(trigger: Token) -> bool:
    """A simple past verb, or a bare participle or event noun whose clause is in the simple past."""
    token = trigger
    for _ in range(4):
        auxiliaries = {c.lemma_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if token.tag_ == "VBD":
            return "have" not in auxiliaries
        if token.tag_ in ("VBG", "VBN", "NN", "NNS") and not auxiliaries and token.head is not token:
            token = token.head
            continue
        return False
    return False


# ---------------------------------------------------------------- main event


def parse_headline(nlp: Language, headline: str | None) -> Doc | None:
    """The headline run through the model's own components (not ours)."""
    if not headline or not headline.strip():
        return None
    doc = nlp.make_doc(headline.strip())
    for name, component in nlp.pipeline:
        if not name.startswith("whosaidwhat_"):
            doc = component(doc)
    return doc


def main_event(doc: Doc, text: str, events: list[Event], headline: Doc | None) -> dict | None:
    paragraphs = paragraphs_of(doc, text)
    if not paragraphs:
        return None
    first = paragraphs[0]
    lead = [e for e in events if first[0] <= e.token.idx < first[1]]
    head_token = headline_trigger(headline)
    head_type = event_type(head_token) if head_token is not None else None
    chosen = next((e for e in lead if head_type and e.type == head_type), None)
    chosen = chosen or next((e for e in lead if e.token.dep_ == "ROOT"), None) or (lead[0] if lead else None)
    if chosen is None:
        return None
    names = headline_entities(doc, text, headline, head_token)
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
            and not t["value"].startswith("P")
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
