"""Initials printed as one block beside a name, as many South Asian newspapers write names: "SK
Umesh", "Sudhanva DS", "HD Kumaraswamy".

The model often tags only the capitalised word ("Umesh", at times as an organisation) and leaves
the block out, so that "SK Umesh" and "Umesh" would be one person's two names and the fullest one
lost. A block of one to three capital letters right beside a one-word name, tagged as nothing
itself here or anywhere in the article (as "US" or "UN" are), belongs to that name, which is then a
person's.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from whosaidwhat.names import is_title_word

INITIALS = re.compile(r"[A-Z]{1,3}")
#: What the model calls a name it may have mistaken a person's for.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})


def with_initials(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str]:
    """The token bounds and label of the name ``doc[start:end]``, widened to the block of initials
    before or after a one-word name (and then labelled a person's)."""
    if end - start != 1 or label not in NAME_LABELS or not doc[start].is_title or doc[start].pos_ != "PROPN":
        return start, end, label
    wider_start = start - 1 if start > 0 and is_initials(doc[start - 1]) else start
    wider_end = end + 1 if end < len(doc) and is_initials(doc[end]) else end
    blocks = {doc[i].text for i in (wider_start, wider_end - 1) if not start <= i < end}
    if any(ent.text in blocks for ent in doc.ents):
        return start, end, label
    if (wider_start, wider_end) == (start, end) or wider_end - wider_start > 2:
        return start, end, label
    return wider_start, wider_end, "PERSON"


def is_initials(token: Token) -> bool:
    """A block of capital letters that is no name of its own: not tagged, no office ("MP")."""
    return (
        INITIALS.fullmatch(token.text) is not None
        and token.text != "I"
        and token.pos_ == "PROPN"
        and not token.ent_type_
        and not is_title_word(token.text)
    )
