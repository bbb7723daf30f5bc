"""Which events to report (:mod:`~whosaidwhat.nlp.events`): what a reader would put on a timeline.

An event is an action that happened or is set to happen. Left out:

* statements: a clause inside somebody's own words (a direct quote) is the quote's, not an
  event of the article (the quote carries its own ``when``); reported speech ("police said the
  body was found on Monday") still tells what happened;
* what did not or may not happen: a negated clause, a clause under a modal ("could ruin",
  "would never sign"), a guess in the future perfect ("will have been watching"), an
  infinitive ("urged him to bow out": the urging is the event; but "came from behind to
  beat Spain on Saturday" tells a dated outcome),
  a condition ("if the deal fails"), a request ("Follow the latest updates");
* habits and states told in the present tense ("the club runs a shop"), unless the clause
  has its own time ("meets on Friday"), tells a result ("Clinton beats Trump by four points") or
  a work's plot ("a scene where she rescues him");
* descriptions: a participle modifying a noun ("an overstuffed field", "a role played by
  X", unless dated, "a strategy adopted in 2018", or a typed act set off by commas, "a
  photograph, released to show ...", or after "getting", "the video getting leaked") or a
  gerund used as a noun ("by collecting bottles"; not a typed act after "in" or with a subject
  after "with": "in knocking out Japan", "with Spain meeting Sweden", nor one someone is kept
  from: "stop Meta from taking over").

Of what is left, an event whose type is in ``resources/event_triggers.tsv`` is reported. Any
other action needs a named participant, a named place or a time of its own, or else a main
clause or a clause of sequence in the simple past with a noun taking part ("a video surfaced",
"after the union objected"), or a reported clause in the simple past passive with one ("police
suspect the bag was tied"). Everywhere, a relative or adverbial clause needs a time, as it
otherwise tells background (but a clause of sequence, "after Trump attacked Machado", or a
relative clause in the past passive naming who acted: "a study that was recognized by the CMA's
journal"). An action is none when its verb is too general (``resources/generic_verbs.txt``:
"made", "took") or governs a that-clause ("a study found that ...": a finding is a statement);
nor, without a time of its own, an adverbial participle ("..., leading to higher costs": a
consequence) or a clause asked about ("explain why it chose to").
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.described_agents import prevented_actor
from whosaidwhat.nlp.event_clauses import (
    is_background_clause,
    is_consequence_or_question,
    is_plot_clause,
    is_reported_past_passive,
    is_sequence_clause,
)
from whosaidwhat.nlp.event_parts import (
    EVENT_TYPE_NAMES,
    LIGHT_VERBS,
    NOUN_TYPES,
    PHRASAL_TYPES,
    VERB_TYPES,
    Event,
)
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.narrative_times import SpanUnion
from whosaidwhat.nlp.syntax import FUTURE_MARKERS, auxiliary_words

#: Verbs that are events only when typed by a trigger or an event noun ("took" alone is none).
GENERIC_VERBS = words("generic_verbs.txt")
MODALS = frozenset({"could", "would", "should", "might", "may", "must", "can", "ca", "cannot"})
CONDITIONS = frozenset({"if", "unless", "whether"})
#: Words whose infinitive is an occurrence ahead, not a wish: "preparing to face", "set to meet".
SCHEDULING_HEADS = frozenset({"prepare", "set", "due", "schedule", "poise", "return"})
#: Verbs of a phase whose complement is the event: "began streaming", "started to fall".
PHASE_VERBS = frozenset({"begin", "start", "continue", "resume", "finish", "stop", "end"})
#: Verbs whose bare-infinitive complement happened when they did: "made him click the photo".
CAUSATIVE_VERBS = frozenset({"make", "let", "help"})
#: Verbs of one side beating another, whose present tense tells a result ("Clinton beats Trump").
RESULT_VERBS = frozenset({"beat", "defeat", "thrash", "edge", "outpoll"})
TIME_PREPOSITIONS = frozenset({"after", "before", "since", "during", "upon", "following"})
#: Adverbs of degree, which make a participle an adjective ("increasingly isolated").
DEGREE_WORDS = frozenset(
    {"increasingly", "very", "so", "too", "more", "most", "less", "deeply", "highly", "quite"}
)
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent"})
DESCRIBING_DEPS = frozenset({"amod", "compound", "acomp", "csubj", "pobj", "dobj", "nsubj", "nsubjpass"})


def timeline_candidates(events: list[Event], quoted: SpanUnion) -> list[Event]:
    """The events outside direct quotes whose clause may go on a timeline whoever takes part in it
    (:func:`is_timeline_clause`): only these need their participants read."""
    return [e for e in events if e.token.idx not in quoted and is_timeline_clause(e)]


def reportable_events(candidates: list[Event], main: Event | None) -> list[Event]:
    """The events a reader would put on a timeline, of the ``candidates`` (:func:`timeline_candidates`,
    with their participants read), in the order given.

    One that is not :func:`is_anchored` is kept only when it is the article's ``main`` event. An
    event noun that only sets the scene of a reported event, with no time and no participant
    but that event's subject ("face Australia *in the semi-finals*"), is told by it.
    """
    kept = [e for e in candidates if is_placed(e) and (e is main or is_anchored(e))]
    told = {e.token.i for e in kept}
    return [e for e in kept if e is main or e.scene is None or e.scene.i not in told or e.when is not None]


def is_anchored(event: Event) -> bool:
    """The event has a participant (a named one, or any noun as subject, object or agent: "four
    babies were killed"), a time, or, for a typed event, a named place ("a shooting in Colorado
    Springs", "the war in Iraq")."""
    typed_place = bool(event.where) and event.type in EVENT_TYPE_NAMES
    named = bool(event.who or event.whom) or typed_place
    return named or event.when is not None or has_participant(event.token)


def is_finding(trigger: Token) -> bool:
    """ "a study found that ...": a verb governing a that-clause states something (typed acts such
    as "announced that" excepted; the caller lets a light verb with its event noun pass)."""
    typed_verb = trigger.lemma_.lower() in VERB_TYPES
    return trigger.pos_ == "VERB" and not typed_verb and any(c.dep_ == "ccomp" for c in trigger.children)


def has_participant(trigger: Token) -> bool:
    """Someone or something named by a noun takes part, named entity or not ("four babies were
    killed", "a photograph, released to show ...", "investigators are on the hunt")."""
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN"):
        return True
    if (state := state_of(trigger)) is not None:  # "Investigators are on the hunt"
        return has_participant(state)
    return any(c.dep_ in PARTICIPANT_DEPS and c.pos_ in ("NOUN", "PROPN") for c in trigger.children)


def state_of(noun: Token) -> Token | None:
    """The "be" an event noun after "on" tells the state of: "Investigators *are* on the hunt" (not "On
    that trip, the firm was able to ...")."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "on" or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    predicate = verb.lemma_ == "be" and verb.i < preposition.i
    return (
        verb if predicate and not any(c.dep_ in ("acomp", "attr", "xcomp") for c in verb.children) else None
    )


def is_timeline_clause(event: Event) -> bool:
    """A typed event, or another action whose clause may place it, whoever takes part (the module
    docstring; :func:`is_placed` checks the rest)."""
    token = event.token
    if token.pos_ == "VERB" and not is_actual(token, dated=event.own_time):
        return False
    if is_participant_of_what_may_not_happen(token):
        return False
    if is_finding(token) and event.noun is None:
        return False
    if token.pos_ == "VERB" and is_background_clause(token) and event.when is None:
        return False  # background: "a list of those who submitted", "as he struggled"
    if token.lemma_.lower() in PHASE_VERBS and any(c.dep_ == "xcomp" for c in token.children):
        return False  # "began streaming on Hulu": the streaming is the event
    if event.type in EVENT_TYPE_NAMES:
        return True
    if token.pos_ != "VERB" or (is_progressive_present(token) and not event.own_time):
        return False
    if token.lemma_.lower() in GENERIC_VERBS:
        return False  # "made", "took"
    if is_consequence_or_question(token) and not event.own_time:
        return False
    return not is_light_participle(token)


def is_placed(event: Event) -> bool:
    """A typed event, or an action (passing :func:`is_timeline_clause`) with a named participant or
    place, a time on the calendar, or told in a main clause or a clause of sequence in the simple
    past with a noun taking part ("a video surfaced", "after the union objected"), or in a
    reported clause in the simple past passive (:func:`is_reported_past_passive`)."""
    if event.type in EVENT_TYPE_NAMES:
        return True
    token = event.token
    on_calendar = event.own_time and not (event.when or "").endswith("_REF")  # not just "in the past"
    # "a video surfaced", "after the union objected": a clause in the simple past with a noun taking part
    main_or_sequence = token.dep_ in ("ROOT", "conj") or is_sequence_clause(token)
    told = main_or_sequence and token.tag_ == "VBD" and has_participant(token)
    return bool(
        event.who or event.whom or event.where or on_calendar or told or is_reported_past_passive(token)
    )


def is_light_participle(verb: Token) -> bool:
    """ "a survey carried out in June": the survey is the event, and takes the participle's time."""
    noun = verb.head
    return verb.dep_ == "acl" and verb.lemma_.lower() in LIGHT_VERBS and noun.lemma_.lower() in NOUN_TYPES


def is_progressive_present(verb: Token) -> bool:
    """ "are preparing", "is struggling": what is going on, not an occurrence to date."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and bool(auxiliaries & {"is", "are", "am", "'s", "'re"})


def is_participant_of_what_may_not_happen(noun: Token) -> bool:
    """ "if the deal doesn't close by July 18": the deal is no event of its own there."""
    verb = noun.head
    in_clause = noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ == "VERB"
    return in_clause and not is_actual(verb)


def is_actual(verb: Token, dated: bool = False) -> bool:
    """The verb tells something that happened or is set to happen (module docstring).

    A clause with its own time is scheduled, even under a modal or in the present tense
    ("could start this week", "meets on Friday").
    """
    for clause in clause_chain(verb):
        children = list(clause.children)
        if any(c.dep_ == "neg" for c in children):
            return False
        if not dated and any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
            return False
        if not dated and is_conjecture(children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
            return False
        if is_imperative(clause):
            return False
    if not dated and is_under_modal(verb):
        return False
    if is_caused(verb):  # "made him click the photo": done if the making was
        return is_actual(verb.head, dated)
    infinitive = verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    if infinitive and verb.head.i == verb.i:  # a parse that made an infinitive its own head
        return False
    if infinitive:  # and its head happened: not "by the time he begins to press"
        scheduled = is_scheduled_infinitive(verb) or is_dated_outcome(verb, dated)
        return scheduled and (verb.head.pos_ != "VERB" or is_actual(verb.head, dated))
    if verb.tag_ == "VBN" and any(c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS for c in verb.children):
        return False  # "increasingly isolated": a state
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ in DESCRIBING_DEPS:
        return False
    if verb.tag_ == "VBG" and verb.dep_ == "acl" or is_manner_gerund(verb):
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "acl":  # "a strategy adopted in 2018", not "a role played by"
        return dated or (is_aside(verb) or is_get_passive(verb)) and is_typed_verb(verb)
    return dated or not is_present_habit(verb) or is_result(verb) or is_plot_clause(verb)


def is_conjecture(children: list[Token]) -> bool:
    """ "Slovenia will have been watching closely": the future perfect guesses at what has
    happened, and tells no occurrence."""
    auxiliaries = {c.lower_ for c in children if c.dep_ == "aux"}
    return bool(auxiliaries & {"will", "'ll"}) and "have" in auxiliaries


def is_result(verb: Token) -> bool:
    """ "Clinton beats Trump by four points", "England beat Colombia": one named side beating
    another is a result, told in the present as in a headline or a poll, never a habit."""
    named = {c.dep_ for c in verb.children if c.pos_ == "PROPN" or c.ent_type_}
    return verb.lemma_.lower() in RESULT_VERBS and {"nsubj", "dobj"} <= named


def is_dated_outcome(verb: Token, dated: bool) -> bool:
    """ "came from behind to beat Spain on Saturday": an infinitive of what a past clause achieved,
    with its own time, happened (not one a verb asks or wants: "urged him to resign on Friday")."""
    return dated and verb.dep_ == "advcl" and verb.head.tag_ == "VBD"


def is_under_modal(verb: Token) -> bool:
    """A participle or gerund hanging from a clause under a modal: "would be more capable of
    pursuing its own path, potentially *deepening* rifts"."""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("advcl", "pcomp", "prep", "acomp") or node.head.i == node.i:
            return False
        node = node.head
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in node.children):
            return True
    return False


def is_imperative(verb: Token) -> bool:
    """ "Follow all the latest news": a main clause in the base form without a subject asks, and
    tells nothing that happened."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def is_caused(verb: Token) -> bool:
    """A bare infinitive under a verb of causing: "made him click", "let them go"."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("ccomp", "xcomp")
        and verb.head.lemma_.lower() in CAUSATIVE_VERBS
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def is_aside(participle: Token) -> bool:
    """A participle set off by a comma after its noun tells something that happened to it: "a
    photograph of her injuries, *released* to show ..."; without one it picks out which ("a
    role played by")."""
    return participle.i > 0 and participle.doc[participle.i - 1].text == ","


def is_get_passive(participle: Token) -> bool:
    """ "reasons behind the video *getting leaked*": a participle after "getting" tells what happened
    to its noun, which is its subject, not which of them it is."""
    return any(c.dep_ == "auxpass" and c.lower_ == "getting" for c in participle.children)


def is_manner_gerund(verb: Token) -> bool:
    """ "despite spending", "by ignoring", "help in finding", "like installing panels", "a list of
    those opposed": a participle after a preposition describes; after a preposition of time
    ("after meeting") it is an occurrence, as is a typed trigger with a subject of its own after
    "with" ("with Spain meeting Sweden") or acting on something after "in" ("were impressive
    in knocking out Japan"). A participle conjoined to one ("for reevaluating ... and
    broadening") reads as it does."""
    if verb.dep_ == "conj" and verb.head.dep_ == "pcomp" and verb.tag_ in ("VBG", "VBN"):
        return is_manner_gerund(verb.head)
    preposition = verb.head.lower_
    if verb.dep_ != "pcomp" or verb.tag_ not in ("VBG", "VBN") or preposition in TIME_PREPOSITIONS:
        return False
    own = {c.dep_ for c in verb.children}
    told = "nsubj" in own if preposition == "with" else "dobj" in own and preposition == "in"
    return not ((told or prevented_actor(verb) is not None) and is_typed_verb(verb))


def is_typed_verb(verb: Token) -> bool:
    """The verb, alone or with its particle, is a trigger of ``resources/event_triggers.tsv``."""
    lemma = verb.lemma_.lower()
    particles = (c.lemma_.lower() for c in verb.children if c.dep_ == "prt")
    return lemma in VERB_TYPES or any((lemma, particle) in PHRASAL_TYPES for particle in particles)


def clause_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is conjoined to, which share its negation and modals."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ in ("VERB", "AUX") and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def is_present_habit(verb: Token) -> bool:
    """A simple present with no future marker, active or passive ("is lodged in prison"): a habit
    or a state, not a dated occurrence.

    A present clause under a future one is future too: "will know tonight as they face Slovenia".
    """
    clause = verb
    for _ in range(3):  # up the clauses it hangs from
        if is_future(clause):
            return False
        if clause.dep_ not in ("advcl", "conj", "ccomp") or clause.head.i == clause.i:
            break
        clause = clause.head
    auxiliaries = auxiliary_words(verb)
    # "is lodged", not "he's changed" (has), which the parser may take for a passive
    present_passive = verb.tag_ == "VBN" and auxiliaries in ({"is"}, {"are"}, {"am"})
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and not auxiliaries) or present_passive


def is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MARKERS for c in verb.children)


def is_scheduled_infinitive(verb: Token) -> bool:
    """ "are preparing to face", "is set to meet": the infinitive is the occurrence ahead;
    "began streaming": the complement of a phase verb is the occurrence."""
    return verb.head.lemma_.lower() in SCHEDULING_HEADS | PHASE_VERBS
