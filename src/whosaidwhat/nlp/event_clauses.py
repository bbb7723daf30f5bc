"""The kind of clause an event's verb heads, which :mod:`~whosaidwhat.nlp.event_filter` reads.

Background (a relative clause, or an adverbial one giving a circumstance: "as he struggled"),
but for a clause of sequence ("after Trump attacked Machado"), a past passive naming who acted
("a summit that was attended by Mark Rutte") or a work's plot ("a scene where she rescues
him"); a reported clause in the past passive ("police suspect the bag was tied"); a consequence
or a question.
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.described_agents import with_subject
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.narrative_times import STORY_TELLING_VERBS
from whosaidwhat.nlp.syntax import auxiliary_words

#: Conjunctions of an adverbial clause that tells what happened before or after the main clause
#: ("after Trump attacked Machado"), unlike one that gives a circumstance ("as he struggled").
SEQUENCE_MARKS = frozenset({"before", "after", "until", "once"})
#: Nouns of a work or a part of one, whose relative clause tells its plot (``work_part_nouns.txt``).
WORK_PARTS = words("work_part_nouns.txt")
#: Entity types that name who acted in a "by" phrase.
NAMED_AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def is_background_clause(verb: Token) -> bool:
    """A relative clause, or an adverbial one opened by a conjunction ("as he struggled"; not one of
    sequence, ``SEQUENCE_MARKS``: "after Trump *attacked* Machado" tells an occurrence); but a
    relative clause in the simple past passive naming who acted tells that act ("a study that was
    *recognized* by the CMA's journal"; not "a race that had been dominated by X", a state)."""
    opened = any(c.dep_ == "mark" and c.lower_ not in SEQUENCE_MARKS for c in verb.children)
    told = is_named_past_act(verb) or is_plot_clause(verb)
    return verb.dep_ == "relcl" and not told or (verb.dep_ == "advcl" and opened)


def is_named_past_act(verb: Token) -> bool:
    """ "was recognized by the CMA's journal": a simple past passive whose "by" phrase names a
    person, an organisation or a country."""
    agents = (t for c in verb.children if c.dep_ == "agent" for t in c.subtree)
    return is_simple_past_of_be(verb) and any(t.ent_type_ in NAMED_AGENT_TYPES for t in agents)


def is_plot_clause(verb: Token) -> bool:
    """ "a scene in the finale where he *offers* to ...": a relative clause of a work or a part of one
    (``WORK_PARTS``) opened by "where" or "in which" tells what happens in it, in the present as
    plots are told."""
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in WORK_PARTS:
        return False
    where = any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
    in_which = any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ == "which" for o in c.children)
        for c in verb.children
    )
    return where or in_which


def is_reported_past_passive(verb: Token) -> bool:
    """ "Police suspect the bag *was tied* around her head": a clause in the simple past passive
    reported by a verb of saying or thinking tells what happened (given a noun taking part)."""
    passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in STORY_TELLING_VERBS
    return reported and passive and is_simple_past_of_be(verb)


def is_simple_past_of_be(verb: Token) -> bool:
    """Whether ``verb``'s one auxiliary is "was" or "were": "was tied", not "had been tied"."""
    return auxiliary_words(verb) in ({"was"}, {"were"})


def is_sequence_clause(verb: Token) -> bool:
    """ "after the union *objected*": an adverbial clause of sequence (``SEQUENCE_MARKS``)."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in verb.children
    )


def is_consequence_or_question(verb: Token) -> bool:
    """ "a shortage of doctors, *leading* to higher costs": an adverbial participle after a
    whole clause tells what follows from it (one before it, "recovering from Covid, Biden ...",
    or hanging from a participle, sets the scene of an event); "explain why it *chose* to": a
    clause asked about is no fact."""
    clause = verb.head
    if with_subject(verb) is not None:  # "ends with Ann Hale salvaging her ship": her act
        return False
    after = verb.i > clause.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and after
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
        return True
    return verb.dep_ == "ccomp" and any(c.tag_ == "WRB" and c.i < verb.i for c in verb.children)
