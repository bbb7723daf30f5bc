"""The words that name a quote's source: a subject's phrase, without what only describes when or
what it said, or with all that describes an unnamed source ("a study that appeared in the journal")."""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.syntax import TIME_TYPES

#: Parts of a subject phrase that are not the speaker's name ("officials who ...").
SUBJECT_TAIL_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj"})
#: Prepositions that say when: "a group of doctors *in* 2015" spoke in 2015.
TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during"})
#: Clauses that belong to an unnamed source's description: "a study *released last year*", "experts
#: *I interviewed*".
DESCRIBING_DEPS = frozenset({"acl", "relcl"})


def phrase_span(head: Token, conjuncts: bool = True) -> tuple[int, int]:
    """Character span of ``head``'s phrase, without a trailing relative clause or punctuation;
    with the phrases coordinated with it ("Regulators and environmental groups") if ``conjuncts``."""
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    end = own_phrase_end(head)
    if conjuncts and (last := max(head.conjuncts, key=lambda t: t.i, default=None)) is not None:
        end = max(end, own_phrase_end(last), _shared_modifier_end(head, last))
    return left.idx, end


def _shared_modifier_end(head: Token, last: Token) -> int:
    """ "Developers and supporters *in Congress*": a modifier after the last conjunct that the
    parser hung on the first belongs to them all."""
    end = 0
    for child in head.rights:
        if child.i <= last.i:
            continue
        if child.dep_ != "prep" or is_time_phrase(child):
            break
        end = child.right_edge.idx + len(child.right_edge.text)
    return end


def own_phrase_end(head: Token) -> int:
    """Where ``head``'s phrase ends, before a relative clause, a conjunct, punctuation or a time
    ("a group of doctors *in 2015*" is when they spoke, not who they are)."""
    end = _hyphenated_end(head)
    for child in head.rights:
        if child.dep_ in SUBJECT_TAIL_DEPS or child.is_space or is_time_phrase(child):
            break
        end = child.right_edge.idx + len(child.right_edge.text)
    return end


def is_time_phrase(token: Token) -> bool:
    """A preposition of when something happened with a date or time: "in 2015", "on Monday" (not
    "for 2024", which says what a report covers)."""
    return (
        token.dep_ == "prep"
        and token.lower_ in TIME_PREPOSITIONS
        and any(child.dep_ == "pobj" and child.ent_type_ in TIME_TYPES for child in token.children)
    )


def described_end(head: Token, cue: tuple[int, int] | None) -> int:
    """Where an unnamed source's whole description ends: after the clauses describing it ("a study
    that appeared in the journal"), unless the clause holds the reporting verb itself ("officials
    who said")."""
    end = own_phrase_end(head)
    for child in head.rights:
        if child.dep_ not in DESCRIBING_DEPS:
            continue
        last = child.right_edge
        if cue is not None and child.left_edge.idx <= cue[0] <= last.idx:
            break
        while last.i > child.i and (last.is_punct or last.is_space):
            last = last.nbor(-1)
        end = last.idx + len(last.text)
    return end


def _hyphenated_end(head: Token) -> int:
    """The end of the word ``head`` begins, through hyphens the tokenizer split off: "His *ex-wife*"."""
    doc, last = head.doc, head
    while (
        last.i + 2 < len(doc)
        and not last.whitespace_
        and doc[last.i + 1].text == "-"
        and not doc[last.i + 1].whitespace_
        and doc[last.i + 2].is_alpha
    ):
        last = doc[last.i + 2]
    return last.idx + len(last.text)
