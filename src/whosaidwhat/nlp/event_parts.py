"""An event's parts: its trigger and type, and who, whom and where (:mod:`~whosaidwhat.nlp.events`).

* Triggers are verbs and event nouns ("a NATO meeting"). A trigger listed in
  ``resources/event_triggers.tsv`` takes that type; any other action verb becomes an event of its
  own lemma when a named participant or place takes part or it has its own time.
  Verbs of saying and thinking are left to the quotes (but for one answering an occurrence,
  "responded to a phone call", or making a request, "asked the judge to block it"), as are
  verbs of being and having.
* ``who``: the agent, i.e. the entities mentioned in the subject (or the "by" phrase of
  a passive, or for an event noun its possessor, "by" phrase, the sender of a message or the
  subject of the clause it is the scene of, :mod:`~whosaidwhat.nlp.event_nouns`); a
  participle or conjoined verb without a subject shares its head's, a conjoined passive its
  head's passive subject, an infinitive the subject of the passive it completes ("she was
  set to resign"); a group ("the two candidates") is its members named before
  (``resources/group_nouns.tsv``), a national team by its nickname its country ("the
  Lionesses", a person by their age, "the 76-year-old",
  :mod:`~whosaidwhat.nlp.described_agents`); a programme's channel shows it ("on BBC One",
  ``resources/broadcast_verbs.txt``).
  ``whom``: objects and "with"/"against"/"between" partners ("talks between A and B"), and the
  name before a noun of an act done to it ("the Activision takeover").
  ``where``: places (GPE, LOC, FAC; an ORG after "at" or named for a site, such as
  "Hofstra University") in "in/at/to ..." phrases, or the object of a visit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from whosaidwhat.names import is_person_noun
from whosaidwhat.nlp.described_agents import (
    broadcasters,
    described_by_age,
    group_members,
    organisation_by_last_word,
    perfect_participle_subject,
    prevented_actor,
    reporting_subject,
    stranded_subject,
    team_by_side,
    team_country,
    with_subject,
)
from whosaidwhat.nlp.event_nouns import (
    PHASE_NOUNS,
    ends_a_named_thing,
    hyphenated_lemma,
    named_with_its_year,
    names_a_case,
    noun_roles,
    outcome_clause,
    possessing_organisation,
    scene_verb,
    stranded_partners,
)
from whosaidwhat.nlp.event_places import place_entities
from whosaidwhat.nlp.lexicons import event_triggers, reporting_verbs, words
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.organisations import OrganisationReferences
from whosaidwhat.nlp.syntax import ACTOR, preposition_objects, subject_of

#: Event types by trigger (``resources/event_triggers.tsv``): of a verb's lemma, of a noun's
#: lemma (a noun naming an occurrence), and of a verb's lemma with its particle or object's.
VERB_TYPES, NOUN_TYPES, PHRASAL_TYPES = event_triggers()
EVENT_TYPE_NAMES = frozenset({*VERB_TYPES.values(), *NOUN_TYPES.values(), *PHRASAL_TYPES.values()})
#: Verbs that are not events of their own: saying and thinking (the reporting verbs marked as
#: speech: those are quotes), being, having, wanting. Reporting verbs that are also acts
#: ("announced", "endorsed") are events.
SPEECH_VERBS = frozenset(lemma for lemma, verb in reporting_verbs().items() if verb.speech)
NOT_EVENTS = SPEECH_VERBS | words("not_events.txt")
#: Verbs of speech that make a request when they take someone asked and an infinitive ("asked him
#: to resign"), as the verbs of urging do.
REQUEST_VERBS = frozenset({"ask", "implore"})
#: Verbs that take their meaning from the event noun they govern ("held talks", "won the vote").
LIGHT_VERBS = words("light_verbs.txt")
#: Verbs of moving that name the event noun after "to": "cruised to victory" (``outcome_verbs.txt``).
OUTCOME_VERBS = words("outcome_verbs.txt")
#: Verbs that are events only when used on their own ("appeared on MSNBC"), not as a link
#: to a predicate ("appeared to be", "remained calm").
LINKING_VERBS = frozenset({"appear", "remain", "seem", "become", "look", "feel"})
LINK_DEPS = frozenset({"xcomp", "acomp", "attr", "ccomp", "oprd"})
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
PARTNER_PREPOSITIONS = frozenset({"with", "against", "alongside", "between"})


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
    #: The event noun a light verb governs ("held *talks*"): the trigger runs from the verb to it.
    noun: Token | None = None
    #: For an event noun, the verb whose scene it is and whose subject took part in it
    #: ("England face Australia *in the semi-finals*").
    scene: Token | None = None
    #: Event nouns folded into this event ("held *talks*"), whose participants join its own.
    folded: list[Event] = field(default_factory=list)

    def as_dict(self) -> dict:
        t = self.token
        last = self.noun if self.noun is not None and self.noun.i > t.i else t
        first = t.doc[t.i - 2] if hyphenated_lemma(t) in NOUN_TYPES else t  # the whole "op-ed"
        return {
            "type": self.type,
            "trigger": (first.idx, last.idx + len(last)),
            "who": self.who,
            "whom": self.whom,
            "where": self.where,
            "when": self.when,
        }


def merge_light_verb_objects(events: list[Event]) -> list[Event]:
    """Fold an event noun into the verb it is the object of when both name one event.

    "held talks", "won the vote": the verb already carries the type, or is a light verb
    (:data:`LIGHT_VERBS`) that takes the noun's, as is a verb of moving to it ("cruised to
    victory", :data:`OUTCOME_VERBS`); the noun's participants will join the verb's
    (:attr:`Event.folded`), and the trigger runs over both ("made a video call").
    """
    by_token = {e.token.i: e for e in events}
    kept, gone = [], set()
    for event in events:
        verb = outcome_verb(event.token, by_token)
        kind = NOUN_TYPES.get(event.token.lemma_.lower(), event.type) if verb is not None else event.type
        if verb is None and event.token.pos_ == "NOUN" and event.token.dep_ == "dobj":
            verb = by_token.get(event.token.head.i)
            verb = (
                verb
                if verb is not None and (verb.type == kind or verb.token.lemma_.lower() in LIGHT_VERBS)
                else None
            )
        if verb is not None:
            verb.type, verb.noun = kind, event.token
            if verb.token.i not in gone:  # not into a noun already folded into its own verb
                verb.folded.append(event)
            gone.add(event.token.i)
            continue
        kept.append(event)
    return kept


def outcome_verb(outcome: Token, by_token: dict[int, Event]) -> Event | None:
    """The verb of moving an event noun completes: "cruised *to victory*", "fell *to defeat*" (which
    the parser may read as an infinitive, "to defeat")."""
    as_noun = outcome.dep_ == "pobj" and outcome.head.lower_ == "to"
    as_infinitive = outcome.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in outcome.children
    )
    verb = outcome.head.head if as_noun else outcome.head
    if not (as_noun or as_infinitive and outcome.lemma_.lower() in NOUN_TYPES):
        return None
    return by_token.get(verb.i) if verb.lemma_.lower() in OUTCOME_VERBS else None


def event_type(token: Token) -> str | None:
    """The event type ``token`` triggers, or None when it is no trigger."""
    pos = token.pos_
    if pos not in ("VERB", "NOUN", "PROPN"):
        return None
    lemma = token.lemma_.lower()
    if pos == "VERB" and token.dep_ not in ("amod", "compound"):
        for child in token.children:
            if (
                child.dep_ in ("prt", "dobj", "prep", "advmod")
                and (lemma, child.lemma_.lower()) in PHRASAL_TYPES
            ):
                return PHRASAL_TYPES[(lemma, child.lemma_.lower())]
            objects = (
                (c.lemma_.lower() for c in child.children if c.dep_ == "pobj") if child.dep_ == "prep" else ()
            )
            if (phrase := next((o for o in objects if (lemma, o) in PHRASAL_TYPES), None)) is not None:
                return PHRASAL_TYPES[(lemma, phrase)]  # "got in touch"
        if lemma in VERB_TYPES:
            return VERB_TYPES[lemma]
        if ("be", lemma) in PHRASAL_TYPES and any(c.dep_ == "auxpass" for c in token.children):
            return PHRASAL_TYPES[("be", lemma)]  # "was tried": a trial, though "tried to" is no event
        if lemma in NOT_EVENTS and not (answers_event(token) or is_request(token)) or not lemma.isalpha():
            return None
        if lemma in LINKING_VERBS and any(c.dep_ in LINK_DEPS for c in token.children):
            return None
        return lemma
    if pos == "VERB" or token.dep_ == "compound" and not names_a_case(token):
        return None
    if (whole := hyphenated_lemma(token)) in NOUN_TYPES:  # "op-ed", whose "ed" may be tagged a name
        return NOUN_TYPES[whole]
    if lemma in PHASE_NOUNS and not ends_a_named_thing(token):
        return None
    return NOUN_TYPES.get(lemma) if token.pos_ == "NOUN" or named_with_its_year(token) else None


def is_request(verb: Token) -> bool:
    """ "The agency asked the judge to block the deal": a verb of asking with someone asked and what
    they are to do is a request, an act as "urged him to" is (``REQUEST_VERBS``); "asked him about
    the vote" is a question, which is the quotes'."""
    return (
        verb.lemma_.lower() in REQUEST_VERBS
        and any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)
    )


def answers_event(verb: Token) -> bool:
    """ "Police responded to a phone call": a verb of speech with a subject acts when what it
    answers is an occurrence (an event noun after "to"), not words ("according to a poll")."""
    answered = preposition_objects(verb, "to")
    has_subject = any(c.dep_ == "nsubj" for c in verb.children)
    return has_subject and any(o.lemma_.lower() in NOUN_TYPES for o in answered)


def fill_participants(
    event: Event, mentions: MentionIndex, organisations: OrganisationReferences | None = None
) -> None:
    """Set who, whom and where; an agent named as "it", "they" or "the agency" is the
    organisation the quote speakers' rules find (:mod:`~whosaidwhat.nlp.organisations`)."""
    token = event.token
    if token.pos_ in ("NOUN", "PROPN"):  # an event noun, "ed" of "op-ed" at times tagged a name
        agents, targets = noun_roles(token)
        event.whom = phrase_entities([*targets, *stranded_partners(token)], mentions)
        event.who = phrase_entities(agents, mentions, organisations)
        if not event.who and organisations is not None:
            event.who = possessing_organisation(token, organisations)
        if not event.who and (scene := scene_verb(token)) is not None:
            subject = subject_of(scene, ACTOR)  # "Rutte spoke at a NATO summit": he took part
            event.who = phrase_entities([subject] if subject is not None else [], mentions, organisations)
            event.scene = scene if event.who else None
        if not event.who and (clause := outcome_clause(token)) is not None:
            subject = subject_of(clause, ACTOR)  # "Portugal looked strong after two wins": theirs
            event.who = phrase_entities([subject] if subject is not None else [], mentions, organisations)
    else:
        subject = (
            prevented_actor(token)
            or perfect_participle_subject(token)
            or with_subject(token)
            or subject_of(token, ACTOR)
            or passive_controller(token)
            or stranded_subject(token)
        )
        event.who = phrase_entities([subject] if subject is not None else [], mentions, organisations)
        passive = passive_subjects(token)
        agents = [g for a in token.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        if passive:
            event.who = phrase_entities(agents, mentions, organisations)
            event.whom = phrase_entities(passive, mentions)
        elif agents:  # "a strategy adopted by the council"
            event.who = phrase_entities(agents, mentions, organisations)
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
    if not event.who:
        event.who = broadcasters(token, mentions)
    event.whom = [i for i in event.whom if i not in event.who]


def passive_controller(verb: Token) -> Token | None:
    """Who acts in an infinitive under a passive: "*the company* was set to challenge", "*she* was
    expected to resign"."""
    if verb.dep_ != "xcomp":
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


def passive_subjects(verb: Token) -> list[Token]:
    """The subject of a passive, which a conjoined passive shares: "was tried in May and executed"."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own or verb.dep_ != "conj" or verb.tag_ != "VBN":
        return own
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubjpass"]


def phrase_entities(
    heads: list[Token], mentions: MentionIndex, organisations: OrganisationReferences | None = None
) -> list[str]:
    """Entities named by the noun phrases headed by ``heads`` and their conjuncts and appositions,
    or the members of a group the article named before ("the two candidates"), or for "they" the
    plural subject they are reported by, or (given ``organisations``) the organisation "it",
    "they" or "the agency" refers to."""
    ids: list[str] = []
    for head in expand_conjuncts(heads):
        if (
            described := team_country(head, mentions)
            or team_by_side(head, mentions)
            or described_by_age(head, mentions)
        ):
            ids += [described] if described not in ids else []  # tagged by the model or not
            continue
        found = [m for m in mentions.overlapping(head.idx, head.idx + len(head))]
        bound = (
            phrase_entities([reporter], mentions)
            if not found and (reporter := reporting_subject(head, mentions))
            else []
        )
        if bound:  # "Both companies argued that they"
            ids += [i for i in bound if i not in ids]
            continue
        if not found and organisations is not None and (named := organisations.referent(head)):
            ids += [named] if named not in ids else []
            continue
        if not found and (members := group_members(head, mentions)):
            ids += [i for i in members if i not in ids]
            continue
        if not found and (named := organisation_by_last_word(head, mentions)):
            ids += [named] if named not in ids else []  # "the Police" named "Swakopmund Police"
            continue
        if not found and head.dep_ != "appos":
            # "a Bloomberg poll", "Justice officials"; but a person before a person is not the one
            # who acts: "a Clinton aide", "her husband"
            kinds = {"ORG"} if is_person_noun(head.lemma_.lower()) else AGENT_MODIFIER_TYPES
            left = head.left_edge.idx
            found = [m for m in mentions.overlapping(left, head.idx + len(head)) if m[3] in kinds]
        ids += [m[2] for m in found if m[2] not in ids]
    return ids


def expand_conjuncts(heads: list[Token]) -> list[Token]:
    """The phrases ``heads`` name: with their conjuncts, appositions (but one after a relative
    clause) and the members they list ("four lawmakers, including Jamie Raskin"); a relative
    pronoun stands for its antecedent ("Lina Khan, who was installed in 2021")."""
    out, todo = [], [antecedent(h) for h in heads]
    while todo:
        head = todo.pop(0)
        if head in out:
            continue
        out.append(head)
        todo += [
            c for c in head.children if c.dep_ == "conj" or c.dep_ == "appos" and not follows_clause(head, c)
        ]
        todo += [
            member
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "including"
            for member in prep.children
            if member.dep_ == "pobj"
        ]
    return out


def follows_clause(head: Token, apposition: Token) -> bool:
    """An apposition after a relative clause of ``head`` names the clause's last noun, though the
    parser may hang it on ``head``: "three men who told her husband, *Philip Simons*, ..."."""
    return any(c.dep_ == "relcl" and head.i < c.i < apposition.i for c in head.children)


def antecedent(head: Token) -> Token:
    """The noun a relative pronoun stands for, else ``head``; a "who" the parser hung elsewhere
    ("the work of Toshiro Mifune (and who played ...)") stands for the person named last before it."""
    clause = head.head
    if head.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" and head.dep_ in ("nsubj", "nsubjpass"):
        return clause.head
    if head.lower_ == "who" and head.dep_ == "nsubj":
        start = head.sent.start
        return next((t for t in reversed(head.doc[start : head.i]) if t.ent_type_ == "PERSON"), head)
    return head
