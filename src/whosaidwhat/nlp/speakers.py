"""Who said it and to whom: the speaker's phrase, the addressee of a reporting verb, and their entities.

The speaker is the reporting verb's subject, found by
:func:`~whosaidwhat.nlp.syntax.subject_of` with the :data:`~whosaidwhat.nlp.syntax.SPEAKER` rules.
The entities component runs first and lists every mention of every entity (names,
misspellings, pronouns, descriptions); here a speaker's span is only looked up among
those mentions. :class:`~whosaidwhat.nlp.mentions.MentionIndex` answers such look-ups in
logarithmic time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.mentions import MentionIndex

if TYPE_CHECKING:
    from whosaidwhat.nlp.quote_finder import Quote

#: Parts of a subject phrase that are not the speaker's name ("officials who ...").
SUBJECT_TAIL_DEPS = frozenset({"relcl", "acl", "punct", "cc"})
#: Verbs whose object is the person addressed ("told Zelenskyy", "assured voters").
ADDRESSEE_VERBS = words("addressee_verbs.txt")
#: Named-entity types that can be spoken to.
ADDRESSEE_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
ADDRESSEE_DEPS = frozenset({"dobj", "dative", "iobj"})
ADDRESSEE_PREPOSITIONS = frozenset({"to"})


def phrase_span(head: Token) -> tuple[int, int]:
    """Character span of ``head``'s phrase, without a trailing relative clause or punctuation."""
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    start = left.idx
    end = head.idx + len(head.text)
    for child in head.rights:
        if child.dep_ in SUBJECT_TAIL_DEPS or child.is_space:
            break
        end = child.right_edge.idx + len(child.right_edge.text)
    return start, end


def addressee_of(verb: Token) -> Token | None:
    """Who ``verb`` was addressed to: "told *Zelenskyy*", "said to *reporters*"."""
    for child in verb.children:
        if (
            child.dep_ in ADDRESSEE_DEPS
            and verb.lemma_ in ADDRESSEE_VERBS
            and child.pos_ in ("PROPN", "NOUN", "PRON")
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPOSITIONS:
            target = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
            if target is not None and (target.ent_type_ in ADDRESSEE_ENTITY_TYPES or target.pos_ == "PRON"):
                return target
    return None


def attribute_speakers(quotes: Sequence[Quote], mentions: MentionIndex) -> None:
    """Set each quote's speaker, in text order: the entity its subject mentions, or the speaker
    of the quote it continues."""
    for quote in quotes:
        if quote.follows is not None:
            quote.speaker = quote.follows.speaker
        elif quote.subject is not None:
            quote.speaker = entity_of(quote.subject, mentions, quote.source)


def entity_of(token: Token | None, index: MentionIndex, span: Sequence[int] | None = None) -> str | None:
    """The entity mentioned by ``token``, else by any mention within ``span``."""
    if token is None:
        return None
    found = index.entity_at(token.idx, token.idx + len(token.text))
    if found is None and span is not None:
        found = index.entity_at(span[0], span[1])
    return found
