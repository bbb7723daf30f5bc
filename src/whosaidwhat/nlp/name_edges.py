"""Words of a person's name the model left out of it.

- Initials printed as one block beside a name, as many South Asian newspapers write names: "SK
  Umesh", "Sudhanva DS", "HD Kumaraswamy".
- A given name it does not know, opening the sentence before a surname it tagged: "Amelize Joseph
  loves the school" (the model tags "Joseph" and the name would lose "Amelize", then read as a title).

The model often tags only the capitalised word ("Umesh", at times as an organisation) and leaves
the block out, so that "SK Umesh" and "Umesh" would be one person's two names and the fullest one
lost. A block of one to three capital letters right beside a one-word name, tagged as nothing
itself here or anywhere in the article (as "US" or "UN" are), belongs to that name, which is then a
person's.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from whosaidwhat.names import is_person_noun, is_title_word
from whosaidwhat.nlp import gazetteer

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
    if (wider_start, wider_end) == (start, end) or wider_end - wider_start > 2:
        return start, end, label
    blocks = {doc[i].text for i in (wider_start, wider_end - 1) if not start <= i < end}
    if any(ent.text in blocks for ent in doc.ents):
        return start, end, label
    return wider_start, wider_end, "PERSON"


def with_given_name(doc: Doc, start: int, end: int, label: str) -> int:
    """Where the person's name ``doc[start:end]`` starts, with the unknown given name opening the
    sentence right before a one-word name: a proper noun of the name's phrase, no office or noun for a
    person, no place, tagged as nothing itself."""
    if label != "PERSON" or end - start != 1 or start == 0:
        return start
    before = doc[start - 1]
    if (
        before.is_sent_start
        and before.pos_ == "PROPN"
        and before.is_title
        and before.dep_ == "compound"
        and before.head.i == start
        and not before.ent_type_
        and not is_title_word(before.text)
        and not is_person_noun(before.text)
        and gazetteer.place_label(before.text) is None
    ):
        return start - 1
    return start


def is_initials(token: Token) -> bool:
    """A block of capital letters that is no name of its own: not tagged, no office ("MP")."""
    return (
        INITIALS.fullmatch(token.text) is not None
        and token.text != "I"
        and token.pos_ == "PROPN"
        and not token.ent_type_
        and not is_title_word(token.text)
    )
