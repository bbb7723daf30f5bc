"""Names of organisations, places and groups within an article: which of them name one entity.

One group per name as :func:`~whosaidwhat.names.name_key` keys it (countries by ISO code,
groups of people in the singular); then an acronym joins the organisation it abbreviates
("NATO"), and a short name the one organisation named in full before it whose name ends with
it ("the Post" after "the New York Post"). Names the model missed are found by what they follow:
a noun for an organisation ("the consulting firm Seramount"), a verb of showing a programme
("streaming on Hulu"), or the full name an acronym spells.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import numpy
from spacy.attrs import IS_ALPHA, IS_UPPER
from spacy.tokens import Doc, Token

from whosaidwhat.names import Scope, is_given_name, is_person_noun, is_title_word, name_key
from whosaidwhat.nlp import gazetteer
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.name_mentions import Group, Mention
from whosaidwhat.nlp.syntax import tokens_lowered_to

#: Words skipped when spelling out an acronym: "North Atlantic Treaty Organization" -> "NATO".
ACRONYM_SKIPPED = frozenset({"of", "the", "and", "for", "&"})
#: Nouns for an organisation that a name the model missed may follow: "cannabis *firm* Canopy Growth".
ORGANISATION_NOUNS = words("organisation_nouns.txt")
#: Verbs of showing a programme: the name it is shown "on" is a channel, which shows it
#: (``broadcast_verbs.txt``; events read it too).
BROADCAST_VERBS = words("broadcast_verbs.txt")
#: Lengths of an acronym the model may have missed, with the name it abbreviates.
MISSED_ACRONYM_LENGTHS = range(3, 7)


def group_others(mentions: list[Mention], doc: Doc | None = None) -> list[Group]:
    """Organisations, places and the rest, one group per name (countries by ISO code, groups of
    people in the singular: "Democrats" with "Democrat"); ``doc`` shows acronyms defined in brackets."""
    groups: dict[str, Group] = {}
    for mention in mentions:
        key = name_key(mention.text, mention.label, Scope.ARTICLE).key
        if mention.label == "NORP":
            key = key.removesuffix("s")
        groups.setdefault(key, Group(mention.label)).mentions.append(mention)
    defined = bracketed_acronyms(doc, mentions) if doc is not None else {}
    merged = _merge_short_names(_merge_acronyms(list(groups.values()), defined))
    for group in merged:
        group.label = Counter(mention.label for mention in group.mentions).most_common(1)[0][0]
    return merged


def named_after_organisation_noun(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Organisations the model missed, named right after a noun for one: "cannabis firm Canopy
    Growth said", "the consulting firm Seramount"; a single word there that the model took for a
    person's name or a product is relabelled ("property group Mirvac")."""
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    people = {mention.start: mention for mention in mentions if mention.label not in ("ORG", "GPE", "NORP")}
    found = []
    for noun in tokens_lowered_to(doc, ORGANISATION_NOUNS):
        if noun.i == len(doc) - 1 or not noun.text.islower():
            continue
        person = people.get(noun.i + 1)
        if person is not None and person.end == noun.i + 2 and not is_given_name(person.text):
            person.label = "ORG"
        end = noun.i + 1
        while end < len(doc) and _untagged_name_word(doc[end], taken):
            end += 1
        if noun.i + 1 < end <= noun.i + 4 and gazetteer.place_label(doc[noun.i + 1 : end].text) is None:
            found.append(Mention(noun.i + 1, end, "ORG", doc[noun.i + 1 : end].text))
    return found


def channels_shown_on(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Channels and services the model missed, named after "on" by a verb of showing a programme:
    "the finale began streaming on Hulu", "airs on Peacock"."""
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    found = []
    for on in tokens_lowered_to(doc, ("on",)):
        if on.i == len(doc) - 1 or on.dep_ != "prep" or on.head.lemma_.lower() not in BROADCAST_VERBS:
            continue
        end = on.i + 1
        while end < len(doc) and _untagged_name_word(doc[end], taken):
            end += 1
        name = doc[on.i + 1 : end]
        if on.i + 1 < end <= on.i + 4 and any(t.dep_ == "pobj" and t.head.i == on.i for t in name):
            found.append(Mention(on.i + 1, end, "ORG", name.text))
    return found


def _untagged_name_word(token: Token, taken: set[int]) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.is_alpha
        and not token.ent_type_
        and token.i not in taken
        and not is_title_word(token.text)
        and not is_person_noun(token.lower_)
    )


class Word(NamedTuple):
    """What the scan for an acronym's spelled-out name reads of a token, read from the Doc once:
    spaCy builds a new Token object at each access, which costs more than the scan itself."""

    text: str
    lower: str
    is_title: bool
    is_alpha: bool


def missed_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Organisations the model missed, found by their acronym: "CEW said" in an article that names
    "Chief Executive Women" gives both, whether or not the model tagged the full name."""
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    named = {(mention.start, mention.end) for mention in mentions}
    found: list[Mention] = []
    spelled: dict[str, tuple[int, int] | None] = {}
    plain: list[Word] = []  # the Doc's words read once, at the first acronym, for every scan
    for token in _upper_case_words(doc):
        acronym = token.text
        if (
            token.i in taken
            or len(acronym) not in MISSED_ACRONYM_LENGTHS
            or gazetteer.place_label(acronym) is not None
        ):
            continue
        if acronym not in spelled:
            plain = plain or [Word(t.text, t.lower_, t.is_title, t.is_alpha) for t in doc]
            spelled[acronym] = _spelled_out(plain, acronym, taken, named)
        full = spelled[acronym]
        if full is None:
            continue
        found.append(Mention(token.i, token.i + 1, "ORG", acronym))
        if full not in named:
            found.append(Mention(*full, "ORG", doc[full[0] : full[1]].text))
            named.add(full)
            taken.update(range(*full))
    return found


def _upper_case_words(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` made of upper-case letters only, found in the Doc's array."""
    columns = doc.to_array([IS_ALPHA, IS_UPPER])
    return [doc[i] for i in numpy.flatnonzero((columns[:, 0] == 1) & (columns[:, 1] == 1)).tolist()]


def _spelled_out(
    words: list[Word], acronym: str, taken: set[int], named: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """Token bounds of the first run of capitalised words whose initials spell ``acronym`` (words
    such as "of" aside), outside other names or exactly one, not ending in an office ("Chief
    Executive Officer" is no organisation)."""
    for start, first in enumerate(words):
        if not first.text.startswith(acronym[0]) or not first.is_title:
            continue
        letters, end = 0, start
        while end < len(words) and letters < len(acronym):
            word = words[end]
            if word.lower in ACRONYM_SKIPPED and letters:
                end += 1
            elif word.is_title and word.is_alpha and word.text[0] == acronym[letters]:
                letters, end = letters + 1, end + 1
            else:
                break
        if letters < len(acronym) or (end < len(words) and words[end].is_title and words[end].is_alpha):
            continue
        inside = taken.intersection(range(start, end))
        if is_title_word(words[end - 1].text) or (inside and (start, end) not in named):
            continue
        return start, end
    return None


def bracketed_acronyms(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Acronyms the text defines in brackets after a name, and that name: "the Danish Institute for
    Water Safety (KVS)" gives "KVS" whatever the letters of the name."""
    by_start = {mention.start: mention for mention in mentions}
    defined = {}
    for mention in mentions:
        inner = by_start.get(mention.end + 1)
        if (
            inner is not None
            and doc[mention.end].text == "("
            and inner.end < len(doc)
            and doc[inner.end].text == ")"
            and inner.text.replace(".", "").isupper()
            and len(mention.text.split()) > 1
        ):
            defined.setdefault(inner.text.replace(".", ""), mention.text)
    return defined


def _merge_acronyms(groups: list[Group], defined: dict[str, str]) -> list[Group]:
    """``groups`` with each acronym ("NATO") joined to the organisation it abbreviates, if named, or
    that the text defined it for (``defined``: acronym to name)."""
    spelled: dict[str, Group] = {}
    for group in groups:
        for mention in group.mentions:
            if mention.text in defined.values():
                for acronym in (acronym for acronym, name in defined.items() if name == mention.text):
                    spelled[acronym] = group
            words = [word for word in mention.text.split() if word.casefold() not in ACRONYM_SKIPPED]
            if len(words) > 1 and all(word[:1].isupper() for word in words):
                spelled.setdefault("".join(word[0] for word in words), group)
    kept = []
    for group in groups:
        text = group.mentions[0].text.replace(".", "")
        full = spelled.get(text) if text.isupper() else None
        if full is not None and full is not group:
            full.mentions.extend(group.mentions)
            full.mentions.sort(key=lambda mention: mention.start)
        else:
            kept.append(group)
    return kept


def _merge_short_names(groups: list[Group]) -> list[Group]:
    """``groups`` with an organisation's short name ("the Post", "the Times") joined to the one
    organisation named in full before it whose name ends with it ("the New York Post")."""
    by_tail: dict[str, list[Group]] = {}
    for group in groups:
        if group.label == "ORG":
            for mention in group.mentions:
                words = mention.text.split()
                for cut in range(1, len(words)):
                    tail = by_tail.setdefault(" ".join(words[cut:]).casefold(), [])
                    if group not in tail:
                        tail.append(group)
    kept = []
    for group in groups:
        first = group.mentions[0]
        fuller = [
            other
            for other in by_tail.get(first.text.casefold(), [])
            if other is not group and other.mentions[0].start < first.start
        ]
        if group.label == "ORG" and len(fuller) == 1:
            fuller[0].mentions.extend(group.mentions)
            fuller[0].mentions.sort(key=lambda mention: mention.start)
        else:
            kept.append(group)
    return kept
