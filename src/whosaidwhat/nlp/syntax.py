"""Readings of the dependency parse and of the article's layout that several components share.

* :func:`subject_of`: who a verb or noun is about, by one search up the parse whose rules
  the caller picks: :data:`SPEAKER` for the quotes, :data:`ACTOR` for the events,
  :data:`ROLE_HOLDER` for the titles. They differ on purpose, as their notes say.
* :func:`paragraphs_of`: the article's paragraphs, the caller's or else its lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from whosaidwhat.nlp.lexicons import words

Bounds = tuple[int, int]

#: Dependencies of a clause's subject: nominal, passive and clausal.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Subjects that act: the subject of a passive is acted on.
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Subjects that are noun phrases.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependencies by which a participle or infinitive hangs from the verb whose subject it shares
#: ("Rutte met Zelenskyy, promising ...", "he went on to say ...").
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "ccomp"})
#: Dependencies by which an event's clause shares the subject of the clause it hangs from,
#: prepositions included ("after meeting ..."), and an adjective's ("were impressive in knocking out").
SHARED_ACTOR_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})
#: Entity types of a date or a time of day.
TIME_TYPES = frozenset({"DATE", "TIME"})
#: Tags of the pronouns that open a relative clause: which/that, who/what, whose.
RELATIVE_PRONOUN_TAGS = frozenset({"WDT", "WP", "WP$"})
#: Auxiliaries that put a verb in the future: "will", "shall", "'ll", "wo(n't)".
FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "wo"})
#: Tags of finite verbs and auxiliaries ("said", "says", "say", "will").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True, kw_only=True)
class SubjectRules:
    """How :func:`subject_of` looks for a subject when the word has none of its own."""

    #: The dependencies that make a child the subject.
    subjects: frozenset[str] = SUBJECT_DEPS
    #: The word shares its head's subject when attached by one of these (None: by any).
    through: frozenset[str] | None = SHARED_SUBJECT_DEPS
    #: At most this many words are looked at, the word and the heads above it (None: up to the root).
    steps: int | None = 3
    #: The "by" phrase of a passive is the subject: "was told *by the minister*".
    passive_agent: bool = False
    #: A participle modifying a noun has that noun as its subject: "*a statement* saying ...";
    #: but one modifying an occasion of speech held by a clause has that clause's subject: "*she*
    #: said at a news conference announcing ..." (``resources/gathering_nouns.txt``).
    modified_noun: bool = False
    #: A clause after a preposition shares, in one step, the subject of the clause the
    #: preposition belongs to: "*she* replied by saying ...".
    across_preposition: bool = False
    #: A participle hanging from a subordinate clause belongs to the main clause:
    #: "*A* met B as sirens sounded, promising ...".
    main_clause: bool = False
    #: An infinitive's subject is the object of the verb it completes: "urged *Dean* to apologise".
    controlling_object: bool = False


#: Who says something: the subject of a reporting verb, or of the clause it hangs from.
SPEAKER = SubjectRules(passive_agent=True, modified_noun=True, across_preposition=True, main_clause=True)
#: Who acts in an event: an active subject, shared along conjoined and dependent clauses,
#: or the object that controls an infinitive.
ACTOR = SubjectRules(
    subjects=ACTIVE_SUBJECT_DEPS, through=SHARED_ACTOR_DEPS, steps=6, controlling_object=True
)
#: Who holds a role ("the role of ...", "serving as ..."): the subject of the nearest clause above.
ROLE_HOLDER = SubjectRules(subjects=NOMINAL_SUBJECT_DEPS, through=None, steps=None)


def subject_of(token: Token, rules: SubjectRules) -> Token | None:
    """The subject of ``token``, or of the word it hangs from when it has none of its own.

    ``token`` itself is never its own subject: a role noun may be the subject of its clause.
    """
    node = token
    for _ in range(rules.steps) if rules.steps is not None else itertools.count():
        subject = next((c for c in node.children if c.dep_ in rules.subjects and c.i != token.i), None)
        if subject is not None:
            return subject
        if rules.passive_agent and (agent := child_with_dep(node, "agent")) is not None:
            return child_with_dep(agent, "pobj")
        if rules.modified_noun and node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return _speaker_at(node.head) or node.head
        if rules.controlling_object and node.dep_ == "xcomp":
            controller = object_of(node.head)
            if controller is not None:
                return controller
        if rules.across_preposition and node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head
            continue
        if (rules.through is not None and node.dep_ not in rules.through) or node.head.i == node.i:
            return None
        participle = node.tag_ in ("VBG", "VBN")
        node = node.head
        if rules.main_clause and participle and _is_subordinate(node):
            node = node.head
    return None


def _speaker_at(occasion: Token) -> Token | None:
    """Who spoke at ``occasion`` when it is a gathering in a prepositional phrase of a clause with a
    subject: "*she* said at a news conference", "*Lee* told reporters during a briefing"."""
    if occasion.lemma_.lower() not in gathering_nouns() or occasion.dep_ != "pobj":
        return None
    clause = occasion.head.head
    if occasion.head.dep_ != "prep" or clause.pos_ not in ("VERB", "AUX"):
        return None
    return next((child for child in clause.children if child.dep_ in NOMINAL_SUBJECT_DEPS), None)


@cache
def gathering_nouns() -> frozenset[str]:
    """The nouns of ``resources/gathering_nouns.txt``."""
    return words("gathering_nouns.txt")


def _is_subordinate(verb: Token) -> bool:
    """A clause introduced by a conjunction ("as ...", "while ...") under another verb."""
    return verb.dep_ == "advcl" and any(child.dep_ == "mark" for child in verb.children)


def object_of(verb: Token) -> Token | None:
    """The object that controls an infinitive: "urged Dean to apologise", "called on Dean to apologise"."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "dative"):
            return child
        if child.dep_ in ("prt", "prep") and child.lower_ == "on":
            return child_with_dep(child, "pobj")
    return None


def child_with_dep(token: Token, dep: str) -> Token | None:
    """The first child of ``token`` attached by ``dep``."""
    return next((child for child in token.children if child.dep_ == dep), None)


def preposition_objects(token: Token, preposition: str) -> list[Token]:
    """The objects of ``token``'s phrases opened by ``preposition``: "the arrest *of Tom Hart*"."""
    return [
        obj
        for phrase in token.children
        if phrase.dep_ == "prep" and phrase.lower_ == preposition
        for obj in phrase.children
        if obj.dep_ == "pobj"
    ]


def phrase_object(token: Token, prepositions: Collection[str]) -> Token | None:
    """The object of the first of ``token``'s phrases opened by one of ``prepositions``: "the claim
    *by the ministry*"; None when there is no such phrase or it has no object."""
    phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    return child_with_dep(phrase, "pobj") if phrase is not None else None


def auxiliary_words(verb: Token) -> set[str]:
    """The auxiliaries of ``verb``, passive ones included, as written in lower case: {"was"} of
    "was tied", {"has", "been"} of "has been named"."""
    return {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}


def token_end(token: Token) -> int:
    """The character offset just after ``token``."""
    return token.idx + len(token.text)


def tokens_lowered_to(doc: Doc, words: Collection[str]) -> list[Token]:
    """The tokens of ``doc`` whose lower-case form is one of ``words``, in order. The Doc's array is
    scanned: building a Token for every word of an article costs more than the test itself."""
    hashes = numpy.array([doc.vocab.strings[word] for word in words], dtype="uint64")
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), hashes))]


def paragraphs_of(doc: Doc) -> list[Bounds]:
    """The paragraphs of ``doc``: the caller's (``doc._.wsw_paragraphs``), else its non-blank lines."""
    if doc._.wsw_paragraphs:
        return list(doc._.wsw_paragraphs)
    return line_paragraphs(doc_text(doc))


def line_paragraphs(text: str) -> list[Bounds]:
    """Non-blank lines as paragraphs, for Docs made without the structure stage."""
    bounds, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            bounds.append((pos, pos + len(body)))
        pos += len(line)
    return bounds


#: Where :func:`doc_text` keeps a Doc's text.
TEXT_KEY = "wsw_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins the tokens again at each access, and every
    component reads the text. A kept text is used only while it still spans the Doc's tokens."""
    kept = doc.user_data.get(TEXT_KEY)
    if isinstance(kept, str) and len(kept) == _end_of(doc):
        return kept
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Let :func:`doc_text` answer ``text``, the text ``doc`` was made from, without joining its tokens."""
    doc.user_data[TEXT_KEY] = text


def _end_of(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
