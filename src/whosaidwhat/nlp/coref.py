"""Pronouns and definite descriptions resolved to the people an article names, by rules.

No coreference model ships for spaCy's small English pipeline, so this follows the
classic rule-based recipe, left to right through the article:

* "he", "him", "his" (and the feminine forms) go to the most recent compatible person:
  same gender (gender-guesser on the first name, honorifics), mentioned in the same or one of
  the previous ``PARAGRAPH_WINDOW`` paragraphs, preferring the subject of the most recent
  sentence that mentions one (a name that usually belongs to the other gender, "Chris"
  for "she", only from the same or the previous sentence); never to the subject of its
  own clause when it is that clause's object ("Rutte told him").
* "who" goes to the person its relative clause is attached to ("Rutte, who said ...").
* "the Ukrainian president" goes to the person whose titles share its head noun and
  include every modifier ("Ukrainian President Volodymyr Zelenskyy"), the most recently
  mentioned one if several do. Failing that, a description of a person ("the German minister")
  whose modifiers name a country goes to the last person mentioned who is tied to that country
  ("Germany's Christian Lindner") and holds no other office. It never goes to a place or a
  nationality: descriptions resolve only to people.

Pronouns inside quotation marks are left alone: there they refer to people from the
quoted speaker's point of view; and the names there are no antecedents of the pronouns outside
(in `"Nobody works harder than Maria Lopez," she said`, "she" is not Maria Lopez).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from whosaidwhat.names import FEMALE, MALE, gender_of_words, is_person_noun, is_title_word
from whosaidwhat.nlp.descriptions import (
    OFFICE_CHANGING_MODIFIERS,
    age_bounds,
    description_bounds,
    is_other_role,
    is_party_member,
    is_person_head,
    office_of,
    parties_differ,
    title_fits,
    title_fits_office,
)
from whosaidwhat.nlp.gazetteer import country_of_word
from whosaidwhat.nlp.quoted import is_inside, quoted_spans
from whosaidwhat.nlp.syntax import doc_text
from whosaidwhat.nlp.titles import Title

PRONOUN_GENDER = {
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "himself": MALE,
    "she": FEMALE,
    "her": FEMALE,
    "hers": FEMALE,
    "herself": FEMALE,
}
RELATIVE_PRONOUNS = frozenset({"who", "whom"})
#: Pronouns that teach a person's gender when they can only be that person's: a subject or object,
#: not a possessive, which as often belongs to someone just named in passing.
GENDER_TEACHING_PRONOUNS = frozenset({"he", "him", "she", "her", "himself", "herself"})
#: How many paragraphs back a pronoun may find its antecedent.
PARAGRAPH_WINDOW = 2
#: How many sentences back the only person a description may fit is looked for.
HOLDER_SENTENCES = 4
#: How often that person must have been mentioned: a description refers to someone the text is about.
HOLDER_MENTIONS = 3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})


@dataclass
class Person:
    gender: str | None = None
    gender_certain: bool = False
    titles: list[Title] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)  # ISO codes of the countries tied to the person
    ages: set[str] = field(default_factory=set)  # as the text gives them: "52" of "Mia Strand, 52,"

    def __post_init__(self) -> None:
        words = {word for title in self.titles for word in title.words}
        self.countries |= {code for word in words if (code := country_of_word(word))}


@dataclass(frozen=True)
class Seen:
    """A person mentioned at token ``token``, in sentence ``sentence`` of paragraph ``paragraph``."""

    person: int
    token: int
    sentence: int
    paragraph: int
    subject: bool


class Resolver:
    """Walks one article left to right, remembering who was mentioned where."""

    def __init__(
        self,
        doc: Doc,
        persons: Sequence[Person],
        paragraph_starts: Sequence[int],
        paragraph_window: int = PARAGRAPH_WINDOW,
    ):
        self.doc = doc
        self.persons = persons
        self.paragraph_starts = paragraph_starts
        self.paragraph_window = paragraph_window
        self.sentence_of = _sentence_indexes(doc)
        self.quoted = quoted_spans(doc_text(doc))
        self.history: list[Seen] = []
        self.person_at: dict[int, int] = {}
        self.last_mentioned: dict[int, int] = {}
        self.mention_counts: dict[int, int] = {}
        self.by_title_head: dict[str, list[int]] = {}
        #: Modifiers ("the German" of "the German minister") of descriptions of people the article does
        #: not name, when they are a clause's subject, as the sources of quotes are.
        self.unnamed_modifiers: list[tuple[int, int]] = []
        #: Where a noun for a person was used with "a": someone unnamed ("a senior police officer").
        self.indefinite: dict[str, list[int]] = {}
        for index, person in enumerate(persons):
            for head in {office_of(title.head) for title in person.titles}:
                self.by_title_head.setdefault(head, []).append(index)

    def resolve(self, names: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """New (start, end, person) token spans for pronouns and descriptions, given the names'."""
        events: list[tuple[int, int, int | None, Token]] = []
        for start, end, person in names:
            events.append((start, end, person, self.doc[start:end].root))
        for token in self.doc:
            if token.pos_ == "NOUN" and any(
                child.dep_ == "det" and child.lower_ in ("a", "an") for child in token.children
            ):
                self.indefinite.setdefault(token.lemma_.lower(), []).append(token.i)
            if (
                token.lower_ in PRONOUN_GENDER and token.pos_ == "PRON" and not self.in_quotes(token)
            ) or _relative_pronoun_antecedent(token) is not None:
                events.append((token.i, token.i + 1, None, token))
            elif (bounds := description_bounds(token) or age_bounds(token)) is not None:
                events.append((bounds[0], bounds[1], None, token))
        events.sort(key=lambda event: (event[0], event[1]))
        found = []
        for start, end, person, token in events:
            if person is None:
                person = self.reference(token, start, end)
                if person is None:
                    if end - start > 1 and token.dep_ in SUBJECT_DEPS and is_person_noun(token.lemma_):
                        self.unnamed_modifiers.append((start, token.i))
                    continue
                found.append((start, end, person))
            self.remember(person, token)
        return found

    def reference(self, token: Token, start: int, end: int) -> int | None:
        """Who a pronoun, relative pronoun or description refers to, if anyone in the article."""
        if end - start > 1 or token.lower_ not in PRONOUN_GENDER.keys() | RELATIVE_PRONOUNS:
            return self.description(token, start, end)
        antecedent = _relative_pronoun_antecedent(token)
        if antecedent is not None and antecedent.dep_ == "attr":  # "Kaine is a lawyer who ..."
            antecedent = next(
                (child for child in antecedent.head.children if child.dep_ == "nsubj"), antecedent
            )
        if antecedent is not None:
            return self.person_at.get(antecedent.i)
        return self.pronoun(token)

    def remember(self, person: int, token: Token) -> None:
        self.person_at[token.i] = person
        self.last_mentioned[person] = token.i
        self.mention_counts[person] = self.mention_counts.get(person, 0) + 1
        if self.in_quotes(token):
            return  # a name in a quotation is the quoted speaker's word: no antecedent for the narrative
        self.history.append(
            Seen(
                person, token.i, self.sentence_of[token.i], self.paragraph(token), token.dep_ in SUBJECT_DEPS
            )
        )

    def paragraph(self, token: Token) -> int:
        return bisect_right(self.paragraph_starts, token.idx)

    def in_quotes(self, token: Token) -> bool:
        return is_inside(self.quoted, token.idx)

    def pronoun(self, token: Token) -> int | None:
        gender = PRONOUN_GENDER[token.lower_]
        candidates = self.recent(token)
        strong = [seen for seen in candidates if self.agrees(seen.person, gender, strictly=True)]
        near = self.sentence_of[token.i] - 1
        weak = [
            seen
            for seen in candidates
            if seen.sentence >= near and self.agrees(seen.person, gender, strictly=False)
        ]
        best = most_salient(strong) or most_salient(weak)
        if best is None:
            return None
        if token.dep_ in SUBJECT_DEPS and not best.subject:
            best = self.subject_just_before(best, gender) or best
        person = self.persons[best.person]
        if person.gender is None and len(strong) == 1 and token.lower_ in GENDER_TEACHING_PRONOUNS:
            person.gender = gender  # learnt only where no one else could be meant
        return best.person

    def subject_just_before(self, best: Seen, gender: str) -> Seen | None:
        """A person of ``gender`` who was the subject of a clause in the sentence before ``best``'s or in
        its own: a subject pronoun continues the subject ("Obama stood before the figure of Lincoln,
        sheltered in his memorial. He said ..." is Obama)."""
        for seen in reversed(self.history):
            if seen.sentence < best.sentence - 1:
                return None
            if (
                seen.subject
                and seen.person != best.person
                and self.agrees(seen.person, gender, strictly=True)
            ):
                return seen
        return None

    def recent(self, token: Token) -> list[Seen]:
        """The latest mention of each person within the window, most recent first."""
        oldest = self.paragraph(token) - self.paragraph_window
        bound = _bound_subject(token)
        latest: dict[int, Seen] = {}
        for seen in reversed(self.history):
            if seen.paragraph < oldest:
                break
            if seen.person not in latest and seen.token != bound:
                latest[seen.person] = seen
        return list(latest.values())

    def agrees(self, index: int, gender: str, strictly: bool) -> bool:
        person = self.persons[index]
        if person.gender is None or person.gender == gender:
            return True
        return not strictly and not person.gender_certain

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


def most_salient(candidates: list[Seen]) -> Seen | None:
    """In the latest sentence with a candidate, its subject if one is, else its first candidate."""
    if not candidates:
        return None
    sentence = max(seen.sentence for seen in candidates)
    in_sentence = sorted(
        (seen for seen in candidates if seen.sentence == sentence), key=lambda seen: seen.token
    )
    return next((seen for seen in in_sentence if seen.subject), in_sentence[0])


def _relative_pronoun_antecedent(token: Token) -> Token | None:
    """The noun "who" stands for in "Trump, who said ...": the head of its relative clause."""
    if (
        token.lower_ in RELATIVE_PRONOUNS
        and token.dep_ in SUBJECT_DEPS | OBJECT_DEPS
        and token.head.dep_ == "relcl"
    ):
        return token.head.head
    return None


def _bound_subject(token: Token) -> int | None:
    """The subject a non-reflexive object pronoun cannot refer to: "Rutte" in "Rutte told him"."""
    if token.dep_ not in OBJECT_DEPS or token.lower_ in ("his", "hers", "himself", "herself"):
        return None
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return next((child.i for child in verb.children if child.dep_ in SUBJECT_DEPS), None)


def _sentence_indexes(doc: Doc) -> list[int]:
    indexes = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            indexes[i] = number
    return indexes
