"""What a relative pronoun subject stands for: "Ann Lee" in "Ann Lee, who said ...", "the forum" in
"the forum, which says ...", and the noun right before "which" when the parser reads no relative
clause there."""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.names import is_person_noun

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def relative_antecedent(subject: Token) -> Token | None:
    """What a relative pronoun stands for: "Ann Lee" in "Ann Lee, who said ...", "the forum,
    which says ..."."""
    if (
        subject.lower_ in RELATIVE_PRONOUNS
        and subject.head.dep_ == "relcl"
        and subject.head.head.i != subject.i
    ):
        antecedent = subject.head.head
        return antecedent if antecedent.pos_ in ("NOUN", "PROPN", "PRON") else None
    return noun_before_relative(subject)


def noun_before_relative(subject: Token) -> Token | None:
    """The noun right before "which" or "who" when the parser did not read a relative clause: "the
    Chicago Police Department which reported ..." (the head of the noun's phrase)."""
    if subject.lower_ not in ("which", "who") or subject.i == subject.sent.start:
        return None
    before = subject.nbor(-1)
    if before.text == "," and before.i > subject.sent.start:
        before = before.nbor(-1)
    while before.dep_ == "compound" and before.head.i > before.i:
        before = before.head
    return before if before.pos_ in ("NOUN", "PROPN") and before.i < subject.i else None


def described_antecedent_start(pronoun: Token, antecedent: Token) -> int | None:
    """Where the description a relative pronoun stands for starts, when the words make it sure: the
    antecedent's phrase ends right before the pronoun (a comma aside), and "who" follows people, not
    a thing the parser hung it on ("his radio show, who"). A measure of it is part of it: "*a raft
    of* new rules that ...". None when unsure."""
    before = pronoun.nbor(-1) if pronoun.i > 0 else None
    if before is not None and before.text == "," and before.i > 0:
        before = before.nbor(-1)
    if (
        before is None
        or before.i < antecedent.i
        or not (before == antecedent or antecedent.is_ancestor(before))
    ):
        return None
    if (
        pronoun.lower_ == "who"
        and antecedent.tag_ not in ("NNS", "NNPS")
        and not is_person_noun(antecedent.lemma_)
    ):
        return None
    head = antecedent
    if head.dep_ == "pobj" and head.head.lower_ == "of" and _is_a_measure(head.head.head):
        head = head.head.head
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.nbor(1)
    return left.idx


def _is_a_measure(noun: Token) -> bool:
    """ "*a raft* of", "*a number* of": a noun with "a" before it, counting what follows."""
    return noun.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in ("a", "an") for child in noun.lefts
    )
