"""Event nouns (:mod:`~whosaidwhat.nlp.event_parts`): the word, who does the act and to whom.

* A noun the tokenizer split at its hyphen is read whole ("op-ed").
* Who: the possessor ("Microsoft's takeover", "its release", "its" being the organisation just
  named, even when the parser hung "its" elsewhere: "block its looming takeover"), a name
  modifying it ("a NATO summit"), the "by" phrase, the sender of a message ("a call from
  Telecom Namibia", ``resources/message_nouns.txt``), or the subject of the clause the noun
  is the scene of ("Rutte spoke at a summit") or, for a win or a defeat, of the clause
  told after it ("Portugal looked strong after two wins").
* Whom: for an act done to someone or something, the name before the noun ("the Activision
  takeover", ``resources/target_nouns.txt``) or its "of" phrase ("the arrest of Tom Hart"); such
  a noun modifying a case brought over it is the act all the same ("the Renukaswamy murder case",
  ``resources/case_nouns.txt``), named by the names before it.
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.documents import DOCUMENT_NOUNS
from whosaidwhat.nlp.lexicons import reporting_verbs, words
from whosaidwhat.nlp.organisations import OrganisationReferences
from whosaidwhat.nlp.syntax import preposition_objects

#: Nouns of messages, whose "from" phrase is their sender (``message_nouns.txt``).
MESSAGE_NOUNS = words("message_nouns.txt")
#: Nouns of acts done to someone or something, which the name before them names: "the Activision
#: takeover", "the Renukaswamy murder" (``target_nouns.txt``); the possessor still acts.
TARGET_NOUNS = words("target_nouns.txt")
#: Nouns of a case brought over an act, which the act's noun may modify: "the Renukaswamy murder
#: *case*" (``case_nouns.txt``).
CASE_NOUNS = words("case_nouns.txt")
#: Nouns of a phase that are events only of a named thing: "the end of World War II".
PHASE_NOUNS = frozenset({"end"})
#: Prepositions that make "the end of" a moment in something, not its ending: "at the end of the film".
PLACE_IN_WORK = frozenset({"at", "near", "toward", "towards", "in", "by"})
#: Entity types of a named thing that may end, though the tagger read its name as a common noun
#: ("the end of *Succession*").
NAMED_THING_TYPES = frozenset({"ORG", "EVENT", "WORK_OF_ART", "LAW"})
#: Verbs of saying, whose subject wrote the document they are said in ("stressed ... in an op-ed").
SPEAKING_VERBS = frozenset(lemma for lemma, verb in reporting_verbs().items() if verb.speech)
#: What "its" may stand for before an event noun ("its release"): an organisation or a country.
ORGANISATION_TYPES = frozenset({"ORG", "GPE"})
#: Prepositions that make an event noun the scene of a clause ("spoke at a conference", "testified
#: in a trial").
SCENE_PREPOSITIONS = frozenset({"at", "during", "in"})
#: Tags of the words that may stand between "its" and the noun it owns ("its looming takeover"),
#: and how far back from the noun they may run.
MODIFIER_TAGS = frozenset({"JJ", "VBG", "VBN", "CD", "$", "HYPH"})
MODIFIER_RUN = 6
#: Nouns of a contest's outcome, and the prepositions after which a clause tells how its winner
#: or loser fared ("looked strong after two wins").
OUTCOME_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw"})
OUTCOME_PREPOSITIONS = frozenset({"after", "since", "despite", "following"})


def hyphenated_lemma(noun: Token) -> str:
    """The lemma of a word the tokenizer split at its hyphen ("op-ed": "op", "-", "ed"), else ""."""
    doc, i = noun.doc, noun.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return ""
    return f"{doc[i - 2].lower_}-{noun.lemma_.lower()}"


def named_with_its_year(noun: Token) -> bool:
    """A proper name of an occurrence led by its year: "since the *2000 Olympics*", "the 2016 Summit"."""
    return any(is_year_in_name(c) for c in noun.children)


def is_year_in_name(number: Token) -> bool:
    """A year leading a proper name: "2000" of "the 2000 Olympics"."""
    head = number.head
    in_name = number.dep_ in ("nummod", "compound") and head.pos_ == "PROPN" and number.i < head.i
    return in_name and len(number.text) == 4 and number.text.isdigit()


def possessing_organisation(noun: Token, organisations: OrganisationReferences) -> list[str]:
    """The organisation "its" stands for in "its release", "its takeover of ...": the one the
    text was just about (:meth:`OrganisationReferences.latest`)."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ == "its"), None)
    owner = owner or stray_its(noun)
    found = organisations.latest(owner, ORGANISATION_TYPES) if owner is not None else None
    return [found] if found is not None else []


def stray_its(noun: Token) -> Token | None:
    """An "its" right before the words that modify ``noun``, which the parser hung elsewhere: "block
    *its* looming $69 billion takeover", with "looming" read as a verb taking the takeover."""
    i = noun.left_edge.i - 1
    while i >= 0 and noun.i - i <= MODIFIER_RUN and noun.doc[i].tag_ in MODIFIER_TAGS:
        i -= 1
    before = noun.doc[i] if i >= 0 else None
    return before if before is not None and before.lower_ == "its" and before.head.i != noun.i else None


def outcome_clause(noun: Token) -> Token | None:
    """The verb of a clause told "after" (or "since", "despite") a win or a defeat, whose subject
    is the one who won or lost: "Portugal looked strong *after two wins*"; None otherwise (a
    clause after any other event is not its agent's: "arrested after the attack")."""
    preposition = noun.head
    if (
        noun.lemma_.lower() in OUTCOME_NOUNS
        and noun.dep_ == "pobj"
        and preposition.lower_ in OUTCOME_PREPOSITIONS
        and preposition.head.pos_ in ("VERB", "AUX")
    ):
        return preposition.head
    return None


def scene_verb(noun: Token) -> Token | None:
    """The verb whose scene an event noun is: "spoke *at a conference*", "arrested *during a protest*",
    "testified *in a trial*"; a document of one's own is also the scene of the verb of saying whose
    object the parser hung it on ("emphasized the nature of the plan *in an op-ed*", not "15 percent
    *in the polls*" nor "opposed a request *in a lawsuit*")."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in SCENE_PREPOSITIONS:
        return None
    holder = preposition.head
    if holder.pos_ == "VERB":
        return holder
    document = (hyphenated_lemma(noun) or noun.lemma_.lower()) in DOCUMENT_NOUNS and any(
        c.lower_ in ("a", "an") or c.dep_ == "poss" for c in noun.children
    )
    verb = holder.head
    if (
        document
        and preposition.lower_ == "in"
        and holder.dep_ == "dobj"
        and verb.lemma_.lower() in SPEAKING_VERBS
    ):
        return verb
    return None


def ends_a_named_thing(noun: Token) -> bool:
    """ "since the end of World War II", "the end of Succession": an end is an event only of what a
    name names (``PHASE_NOUNS``), not "at the end of her song" or "the program end", nor a
    moment in a named work ("a voice at the end of *Hail, Caesar!*")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in PLACE_IN_WORK:
        return False  # "at the end of Hail, Caesar!": a moment in it
    return any(o.pos_ == "PROPN" or o.ent_type_ in NAMED_THING_TYPES for o in preposition_objects(noun, "of"))


def names_a_case(noun: Token) -> bool:
    """ "the Renukaswamy murder case": an act done to someone (a target noun) names the case brought
    over it, and took place, though the parser reads it as a modifier."""
    return (
        noun.dep_ == "compound"
        and noun.head.lemma_.lower() in CASE_NOUNS
        and noun.lemma_.lower() in TARGET_NOUNS
    )


def stranded_partners(noun: Token) -> list[Token]:
    """The sides of a "between" phrase the parser hung after an event noun on the place in it ("a war
    in Japan *between* A and B") or on the verb its preposition hangs from ("building to a war in
    Japan *between* A and B")."""
    places = [c for p in noun.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
    holders = [*places, noun.head.head] if noun.dep_ == "pobj" else places
    return [
        side
        for holder in holders
        for p in holder.children
        if p.dep_ == "prep" and p.lower_ == "between" and p.i > noun.i
        for side in p.children
        if side.dep_ == "pobj"
    ]


def noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    """The heads of the phrases naming who does the act an event noun names (possessor, modifying
    name, "by" phrase, a message's "from" phrase) and to whom (the name before a target noun)."""
    lemma = noun.lemma_.lower()
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    done_to = lemma in TARGET_NOUNS  # "the Activision takeover", "the arrest of Tom Hart"
    of_objects = preposition_objects(noun, "of")
    if names_a_case(noun):  # "the Renukaswamy murder case": the names before the act's noun
        modifiers = [c for c in noun.head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    targets = [*modifiers, *of_objects] if done_to else []
    if lemma in PHASE_NOUNS:  # "the end of World War II": what ended
        return [], of_objects
    agents = [c for c in noun.children if c.dep_ == "poss" or (c in modifiers and not done_to)]
    senders = ("by", "from") if lemma in MESSAGE_NOUNS else ("by",)
    agents += [
        c
        for p in noun.children
        if p.dep_ == "agent" or p.lower_ in senders  # "a call from Telecom Namibia"
        for c in p.children
        if c.dep_ == "pobj"
    ]
    return agents, targets
