"""What a relative pronoun subject stands for: "Ann Lee" in "Ann Lee, who said ...", "the forum" in
"the forum, which says ...", and the noun right before "which" when the parser reads no relative
clause there."""

from __future__ import annotations

from spacy.tokens import Token

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
