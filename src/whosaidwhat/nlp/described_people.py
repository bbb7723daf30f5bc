"""Whom a definite description of a person refers to: "the Ukrainian president", "the GOP nominee",
"the 52-year-old", "the senator" with no title to tell.

Part of the left-to-right walk of :class:`~whosaidwhat.nlp.coref.Resolver`, which remembers who
was mentioned where (:class:`Seen`); which words make a description, and whether a title fits
it, is :mod:`~whosaidwhat.nlp.descriptions`'s.

* "the Ukrainian president" goes to the person whose titles share its head noun and
  include every modifier ("Ukrainian President Volodymyr Zelenskyy"), the most recently
  mentioned one if several do. Failing that, a description of a person ("the German minister")
  whose modifiers name a country goes to the last person mentioned who is tied to that country
  ("Germany's Christian Lindner") and holds no other office. It never goes to a place or a
  nationality: descriptions resolve only to people.
* "the 52-year-old" goes to the person last mentioned with that age.
* A subject "the senator" that no title gives goes to the person the text was about, when
  nothing the article says of them rules the description out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from whosaidwhat.names import gender_of_words, is_person_noun, is_title_word
from whosaidwhat.nlp.descriptions import (
    OFFICE_CHANGING_MODIFIERS,
    age_bounds,
    is_other_role,
    is_party_member,
    is_person_head,
    office_of,
    parties_differ,
    title_fits,
    title_fits_office,
)
from whosaidwhat.nlp.gazetteer import country_of_word

if TYPE_CHECKING:
    from whosaidwhat.nlp.coref import Person

#: How many sentences back the only person a description may fit is looked for.
HOLDER_SENTENCES = 4
#: How often that person must have been mentioned: a description refers to someone the text is about.
HOLDER_MENTIONS = 3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Seen:
    """A person mentioned at token ``token``, in sentence ``sentence`` of paragraph ``paragraph``."""

    person: int
    token: int
    sentence: int
    paragraph: int
    subject: bool


def most_salient(candidates: list[Seen]) -> Seen | None:
    """In the latest sentence with a candidate, its subject if one is, else its first candidate."""
    if not candidates:
        return None
    sentence = max(seen.sentence for seen in candidates)
    in_sentence = sorted(
        (seen for seen in candidates if seen.sentence == sentence), key=lambda seen: seen.token
    )
    return next((seen for seen in in_sentence if seen.subject), in_sentence[0])


class DescribedPeople:
    """The descriptions' share of :class:`~whosaidwhat.nlp.coref.Resolver`, which keeps what is read
    here (who was mentioned where and how often) and finds the people ``recent`` enough and of a
    gender that ``agrees``."""

    doc: Doc
    persons: Sequence[Person]
    history: list[Seen]
    sentence_of: list[int]
    last_mentioned: dict[int, int]
    mention_counts: dict[int, int]
    by_title_head: dict[str, list[int]]
    indefinite: dict[str, list[int]]

    def description(self, head: Token, start: int, end: int) -> int | None:
        if (age := age_bounds(head)) is not None:
            aged = [index for index in self.last_mentioned if age[2] in self.persons[index].ages]
            return max(aged, key=lambda index: self.last_mentioned[index]) if aged else None
        modifiers = [
            token.lower_
            for token in self.doc[start:end]
            if token.is_alpha and token.i != head.i and token.pos_ not in ("DET", "ADP")
        ]
        lemma = head.lemma_.lower()
        matching = [
            index
            for index in self.by_title_head.get(office_of(lemma), [])
            if any(title_fits(title, lemma, modifiers) for title in self.persons[index].titles)
        ]
        if not matching and is_person_noun(lemma):
            matching = self.of_countries(lemma, modifiers)
        if not matching and not is_party_member(head):  # a party has many members: its title tells little
            matching = [
                index
                for index in self.by_title_head.get(office_of(lemma), [])
                if index in self.last_mentioned and self.may_be(index, lemma, modifiers)
            ]
        if matching:
            return max(matching, key=lambda index: self.last_mentioned.get(index, -1))
        if head.dep_ in SUBJECT_DEPS and is_person_head(head) and not self.introduced(head, lemma):
            return self.salient_holder(head, lemma, modifiers)
        return None

    def introduced(self, head: Token, noun: str) -> bool:
        """Whether the text introduced someone unnamed by ``noun`` before ``head``: "according to a
        senior police officer ... the officer said" is that officer, not whoever was just named."""
        return any(i < head.i for i in self.indefinite.get(noun, ()))

    def may_be(self, index: int, noun: str, modifiers: list[str], strictly: bool = False) -> bool:
        """Whether nothing the article says of the person rules out "the <modifiers> <noun>": no other
        office ("the judge" is not Senator Ruiz, "vice president" not "the president"; ``strictly``: no
        other role at all, "the judge" is not "her lawyer"), no other country, no other party (see
        :func:`~whosaidwhat.nlp.descriptions.is_other_role`)."""
        person = self.persons[index]
        other_role = is_person_noun if strictly else is_title_word
        may_run = self.mention_counts.get(index, 0) >= HOLDER_MENTIONS
        if any(
            is_other_role(title, noun, other_role, may_run) or not title_fits_office(title, modifiers)
            for title in person.titles
        ):
            return False
        countries = {code for word in modifiers if (code := country_of_word(word))}
        if countries and person.countries and not countries <= person.countries:
            return False
        return not parties_differ(modifiers, (word for title in person.titles for word in title.words))

    def salient_holder(self, head: Token, noun: str, modifiers: list[str]) -> int | None:
        """The person a subject "the <modifiers> <noun>" names when no title says who holds it: the
        one the text was about (as for "he"), if their gender and titles allow it."""
        gender = gender_of_words([noun])
        candidates = [
            seen
            for seen in self.recent(head)
            if self.sentence_of[head.i] - seen.sentence <= 2
            and (gender is None or self.agrees(seen.person, gender, strictly=True))
            and self.may_be(seen.person, noun, modifiers, strictly=True)
        ]
        best = most_salient(candidates)
        if best is not None and self.was_subject(best.person, best.sentence):
            return best.person
        return self.only_holder(head, noun, modifiers, gender)

    def only_holder(self, head: Token, noun: str, modifiers: list[str], gender: str | None) -> int | None:
        """The one person mentioned in the last ``HOLDER_SENTENCES`` sentences whom "the <modifiers>
        <noun>" may describe, when no other may: "Trump's microphone failed. ... The GOP nominee
        complained" is Trump when no one else mentioned since could be the nominee. Only for the subject
        of a sentence's main verb (not "... that the judge was fair"), a description with no phrase
        tying it to others (not "the wife of Ann Lee"), and a person mentioned ``HOLDER_MENTIONS`` times
        or more whose gender the text tells, which a name the model mistook for a person's ("Senate")
        lacks."""
        if head.head.dep_ != "ROOT" or any(child.dep_ == "prep" for child in head.rights):
            return None
        if OFFICE_CHANGING_MODIFIERS.intersection(modifiers):
            return None  # an office of its own ("the state attorney general"), which only a title tells
        oldest = self.sentence_of[head.i] - HOLDER_SENTENCES
        fitting: set[int] = set()
        for seen in reversed(self.history):
            if seen.sentence < oldest:
                break
            known = self.persons[seen.person].gender
            if (
                known is not None
                and self.mention_counts.get(seen.person, 0) >= HOLDER_MENTIONS
                and gender in (None, known)
                and self.may_be(seen.person, noun, modifiers, strictly=True)
            ):
                fitting.add(seen.person)
        return fitting.pop() if len(fitting) == 1 else None

    def was_subject(self, person: int, sentence: int) -> bool:
        """Whether ``person`` was the subject of a clause of ``sentence`` (history read from the end)."""
        for seen in reversed(self.history):
            if seen.sentence < sentence:
                return False
            if seen.person == person and seen.sentence == sentence and seen.subject:
                return True
        return False

    def of_countries(self, noun: str, modifiers: list[str]) -> list[int]:
        """People mentioned so far who are tied to every country the modifiers name and hold no
        office other than ``noun``: "the German minister" for "Germany's Christian Lindner"."""
        countries = {code for word in modifiers if (code := country_of_word(word))}
        if not countries or OFFICE_CHANGING_MODIFIERS.intersection(modifiers):
            return []
        return [
            index
            for index in self.last_mentioned
            if countries <= self.persons[index].countries
            and all(
                title.head == noun or not is_person_noun(title.head) for title in self.persons[index].titles
            )
        ]
