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
* "the Ukrainian president" goes to the person whose titles fit it
  (:mod:`~whosaidwhat.nlp.described_people`), never to a place or a nationality.

Pronouns inside quotation marks are left alone: there they refer to people from the
quoted speaker's point of view; and the names there are no antecedents of the pronouns outside
(in `"Nobody works harder than Maria Lopez," she said`, "she" is not Maria Lopez).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from whosaidwhat.names import FEMALE, MALE, is_person_noun
from whosaidwhat.nlp.described_people import DescribedPeople, Seen, most_salient
from whosaidwhat.nlp.descriptions import age_bounds, description_bounds, office_of
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


class Resolver(DescribedPeople):
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
        best = self.owner_is_subject(token, strong) or most_salient(strong) or most_salient(weak)
        if best is None:
            return None
        if token.dep_ in SUBJECT_DEPS and not best.subject and not self.owns_subject(best.token):
            best = self.subject_just_before(best, gender) or best
        person = self.persons[best.person]
        if person.gender is None and len(strong) == 1 and token.lower_ in GENDER_TEACHING_PRONOUNS:
            person.gender = gender  # learnt only where no one else could be meant
        return best.person

    def owner_is_subject(self, token: Token, strong: list[Seen]) -> Seen | None:
        """The subject of its own clause, for a possessive pronoun: "As Obama vetoes it, Clinton
        disagrees with *her* former boss" is Clinton, not the first subject of the sentence."""
        if token.dep_ != "poss":
            return None
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i > token.i:
            return None
        return next((seen for seen in strong if seen.token == subject.i), None)

    def owns_subject(self, token: int) -> bool:
        """Whether the name or description at ``token`` owns its sentence's subject, which makes it the
        topic as much as a subject: "*The president's* roots came into play. In Honolulu, he said" is
        the president. Not a pronoun ("while *his* members tilt ..."), itself only a guess."""
        owner = self.doc[token]
        return (
            owner.dep_ == "poss"
            and owner.pos_ != "PRON"
            and owner.head.dep_ in SUBJECT_DEPS
            and owner.head.head.dep_ == "ROOT"
        )

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
