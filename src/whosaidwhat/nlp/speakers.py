"""Who said it and to whom: each quote's speaker as an entity, by ordered sieves.

Finding a quote (:mod:`~whosaidwhat.nlp.quotes`) gives the head of the phrase that names who
said it (its ``subject``: "Rutte", "he", "the mayor", "A Labour source"), or the quote it
continues. Which entity that is, if any, is decided here for all quotes of an article at
once, in text order, by the first of these sieves that decides:

1. ``continued``: a quotation continuing a speaker has that quote's speaker. A relative
   pronoun ("Ann Lee, who said ...") stands for its antecedent in the sieves below.
2. ``running speaker``: "he"/"she" after a quote of the same paragraph or the one before is
   that quote's speaker, when the gender agrees and no other person of that gender has been
   the subject of a sentence since; "it" likewise after an organisation's quote, when no other
   organisation has been a subject since. News writing keeps one speaker through a chain of quotes.
3. ``head``: the entity mentioned by the phrase's head word: a name, or a pronoun or
   description the entities component resolved ("he", "the Ukrainian president"); but a
   group's name counted ("One Republican", "several Democrats") is one of the group, unnamed.
4. ``apposition``: a description followed by a name in apposition is that name ("Trump's
   running mate, Indiana Gov. Mike Pence,"); the source holds both.
5. ``author``: a document by a named author is the author's ("an analysis by Lily Chen", "a
   Bloomberg poll", and "the poll" after it: :mod:`~whosaidwhat.nlp.documents`).
6. ``unnamed``: anything else has no speaker entity: its source is its whole description
   ("A Labour source", "Obama's aides", "a reporter for USA Today"), never an entity named
   inside it.

Coordinated speakers ("Lena Moss and Piet Vale blamed ...") make one quote each.

The entities component lists every mention of every entity (names, misspellings, pronouns,
descriptions); :class:`~whosaidwhat.nlp.mentions.MentionIndex` answers look-ups by offset in
logarithmic time, so the sieves cost linear-logarithmic time in the article's length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from whosaidwhat.names import (
    gender_of_words,
    is_person_noun,
)
from whosaidwhat.nlp.documents import DocumentAuthors
from whosaidwhat.nlp.entity_records import PRONOUN_GENDERS, gender_of, roles_of
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.named_later import LaterNames
from whosaidwhat.nlp.organisations import OrganisationReferences
from whosaidwhat.nlp.relatives import described_antecedent_start, relative_antecedent
from whosaidwhat.nlp.source_phrases import described_end, own_phrase_end
from whosaidwhat.nlp.syntax import doc_text

if TYPE_CHECKING:
    from whosaidwhat.nlp.quote_finder import Quote

#: Verbs whose object is the person addressed ("told Zelenskyy", "assured voters").
ADDRESSEE_VERBS = words("addressee_verbs.txt")
#: Those who speak for an organisation as a whole: "the CMA *leadership*".
VOICE_NOUNS = words("voice_nouns.txt")
#: Named-entity types that can be spoken to.
ADDRESSEE_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
ADDRESSEE_DEPS = frozenset({"dobj", "dative", "iobj"})
ADDRESSEE_PREPOSITIONS = frozenset({"to"})
#: Entity types that speak each in their own name when coordinated ("Moss and Vale said").
SPEAKING_TYPES = frozenset({"PERSON", "ORG"})
#: Words counting members of a group: "*one* Republican", "*several* Democrats".
COUNTING_WORDS = frozenset({"one", "a", "an", "two", "three", "several", "some", "many", "few", "most"})
#: Where "who" after a name would name a place: "councillors in Harbourside, who ..." ("Capitol Hill" is
#: often typed an organisation).
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG"})
LOCATING_PREPOSITIONS = frozenset({"in", "on", "at"})
#: A running speaker carries over to the paragraph after its quote's, no further.
CHAIN_PARAGRAPHS = 1
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How many words may name the field of an office before its holder's name: "of *police* SK Umesh".
OFFICE_FIELD_WORDS = 3


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


def entity_of(token: Token | None, index: MentionIndex) -> str | None:
    """The entity a mention covering ``token`` refers to, or None."""
    if token is None:
        return None
    return index.entity_at(token.idx, token.idx + len(token.text))


class Speakers:
    """One article's speakers: the entity mentions, each person's gender, the paragraphs, and
    the people who were the subject of a sentence where."""

    def __init__(self, doc: Doc, entities: Sequence[dict], paragraph_starts: Sequence[int]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = MentionIndex(entities)
        self.paragraph_starts = paragraph_starts
        self.types = {entity["id"]: entity["type"] for entity in entities}
        self.genders = {entity["id"]: gender_of(entity, self.text) for entity in entities}
        #: (offset, entity) of every person mentioned as a subject, in text order.
        self.subjects = sorted(
            (token.idx, entity)
            for token in doc
            if token.dep_ in SUBJECT_DEPS and (entity := entity_of(token, self.mentions)) is not None
        )
        self.subject_starts = [offset for offset, _ in self.subjects]
        self.organisations = OrganisationReferences(doc, self.mentions, paragraph_starts)
        self.documents = DocumentAuthors(doc, self.mentions, self.types, self.organisations.referent)
        roles = {entity["id"]: roles_of(entity) for entity in entities}
        self.later = LaterNames(doc, self.mentions, self.genders, roles, paragraph_starts)

    def attribute(self, quotes: list[Quote]) -> list[Quote]:
        """``quotes`` with their speakers set, in text order; coordinated speakers add quotes."""
        attributed: list[Quote] = []
        previous: Quote | None = None
        for quote in quotes:
            for one in self.each_speaker(quote):
                one.speaker = self.speaker_of(one, previous)
                attributed.append(one)
            previous = attributed[-1]
        for quote in attributed:  # a sentence around a split quote's second half starts before its first
            if quote.speaker is None and quote.follows is not None:
                quote.speaker = quote.follows.speaker
        return attributed

    def each_speaker(self, quote: Quote) -> list[Quote]:
        """The quote, or a copy for each of the named speakers its source coordinates."""
        if quote.subject is None or quote.source is None:
            return [quote]
        names = self.coordinated_names(*quote.source)
        if len(names) < 2:
            return [quote]
        doc = quote.subject.doc
        return [
            replace(
                quote, subject=doc.char_span(start, end, alignment_mode="expand").root, source=(start, end)
            )
            for start, end in names
        ]

    def coordinated_names(self, start: int, end: int) -> list[tuple[int, int]]:
        """The names a phrase coordinates, when it is only names of people or organisations joined by
        "and" and commas ("Lena Moss and Piet Vale"); else no names. Read from the mentions, not the
        parse, which often takes the first name for a modifier of the last."""
        names = [
            (m_start, m_end)
            for m_start, m_end, _, kind in self.mentions.overlapping(start, end)
            if kind in SPEAKING_TYPES and start <= m_start and m_end <= end
        ]
        gaps = zip([start] + [e for _, e in names], [s for s, _ in names] + [end], strict=True)
        pieces = [self.text[a:b] for a, b in gaps]
        joined = all(piece.strip(" ,").lower() in ("", "and", "&") for piece in pieces) and all(
            piece.strip()
            for piece in pieces[1:-1]  # "Charlotte Mayor Jennifer Roberts" is one person
        )
        return (
            names if joined and len({self.mentions.entity_at(*name) for name in names}) == len(names) else []
        )

    def speaker_of(self, quote: Quote, previous: Quote | None) -> str | None:
        """The first sieve's verdict (module docstring)."""
        if quote.follows is not None:
            return quote.follows.speaker
        subject = quote.subject
        if subject is None:
            return None
        antecedent = relative_antecedent(subject)
        if antecedent is not None:
            subject = self.person_of_who(antecedent) if subject.lower_ == "who" else antecedent
        if self.continues_unnamed(subject, previous):
            return None
        running = self.running_speaker(quote, subject, previous)
        if running is not None:
            return running
        named = entity_of(subject, self.mentions) or self.name_before_code(subject)
        if named is not None:
            return None if self.counted_member(subject, named) else named
        organisation = self.organisations.referent(subject) or self.voice_of(subject)
        if organisation is not None:
            return organisation
        appositive = self.named_apposition(subject)
        if appositive is not None:
            quote.source = (quote.source[0], own_phrase_end(appositive)) if quote.source else None
            return entity_of(appositive, self.mentions)
        if quote.source is not None and subject.pos_ in ("NOUN", "PROPN"):
            quote.source = self.description_of(subject, quote, pronoun=quote.subject)
        return self.documents.author(subject) or self.later.entity(subject, quote.source)

    @staticmethod
    def description_of(head: Token, quote: Quote, pronoun: Token) -> tuple[int, int]:
        """An unnamed source's whole description; for a relative pronoun ("the rules *that* promise
        ...", "demonstrators *who* said ..."), its antecedent's when sure, since "that" tells a
        reader nothing."""
        assert quote.source is not None
        end = described_end(head, quote.cue)
        start = described_antecedent_start(pronoun, head) if pronoun.i != head.i else None
        if start is not None:
            before = pronoun.nbor(-1)
            before = before.nbor(-1) if before.text == "," else before
            return start, min(end, before.idx + len(before.text))  # the clause is no part of it
        return quote.source[0], max(quote.source[1], end)

    def voice_of(self, head: Token) -> str | None:
        """The organisation whose leadership or management ``head`` is: "the CMA leadership", "the
        bank's management"."""
        if head.lemma_.lower() not in VOICE_NOUNS:
            return None
        for child in head.lefts:
            if child.dep_ in ("compound", "poss"):
                owner = entity_of(child, self.mentions) or self.organisations.referent(child)
                if self.types.get(owner) == "ORG":
                    return owner
        return None

    def name_before_code(self, head: Token) -> str | None:
        """The name a code after it heads in the parse: "Canopy Growth" of "Canopy Growth WEED-T"."""
        if head.pos_ != "PROPN" or not head.text.isupper():
            return None
        named = (entity_of(child, self.mentions) for child in head.lefts if child.dep_ == "compound")
        return next((entity for entity in named if self.types.get(entity) in SPEAKING_TYPES), None)

    def person_of_who(self, antecedent: Token) -> Token:
        """The person "who" stands for when the parser hangs it on a description or a name inside
        one: "McConnell, now the Senate majority leader, who said" is McConnell, "Bentel, a staffer
        at the State Department who told" is Bentel; the people where a place is, not the place:
        "councillors in Harbourside, who said"."""
        node = antecedent
        for _ in range(4):
            if self.types.get(entity_of(node, self.mentions)) == "PERSON":
                return node
            if node.dep_ not in ("appos", "pobj", "prep") or node.head.i == node.i:
                break
            node = node.head
        return self.people_at(antecedent) or antecedent

    def people_at(self, place: Token) -> Token | None:
        """The people a place locates, "who" being never the place: "*councillors* in Harbourside"."""
        if self.types.get(entity_of(place, self.mentions)) not in PLACE_TYPES or place.dep_ != "pobj":
            return None
        preposition = place.head
        people = preposition.head
        if preposition.lower_ not in LOCATING_PREPOSITIONS or people.pos_ not in ("NOUN", "PROPN"):
            return None
        return people if people.tag_ in ("NNS", "NNPS") or is_person_noun(people.lemma_) else None

    def counted_member(self, head: Token, entity: str) -> bool:
        """ "One Republican", "several Democrats", "fellow Republicans", "Oversight Committee Republicans":
        members of a group named by a count or a modifier, not the group."""
        if self.types.get(entity) != "NORP":
            return False
        return any(
            (child.dep_ in ("nummod", "det", "amod") and child.lower_ in COUNTING_WORDS)
            or (child.dep_ in ("amod", "compound") and entity_of(child, self.mentions) != entity)
            for child in head.lefts
        )

    def named_apposition(self, head: Token) -> Token | None:
        """The person or organisation named in apposition after a description: "his lawyer, Ann Lee,";
        also when the parser hangs it on the description's last noun ("his partner at Lenox, Ann
        Lee,"), provided a person's description names a person."""
        for child in head.subtree:
            if (
                child.dep_ == "appos"
                and child.i > head.i
                and (child.head.i == head.i or is_person_noun(head.lemma_))
                and head.doc[child.left_edge.i - 1].text == ","
                and (kind := self.types.get(entity_of(child, self.mentions))) in SPEAKING_TYPES
                and (child.head.i == head.i or kind == "PERSON")
            ):
                return child
        return self.name_after_role(head)

    def name_after_role(self, head: Token) -> Token | None:
        """The person named right after a role noun without a comma: "the Democratic candidate
        Hillary Clinton"; or after an office "of" something: "superintendent of police SK Umesh"."""
        if head.i + 1 >= len(head.doc) or not is_person_noun(head.lemma_):
            return None
        if (holder := self.name_after_office_of(head)) is not None:
            return holder
        after = head.doc[head.i + 1]
        if self.types.get(entity_of(after, self.mentions)) != "PERSON" or after.head.i == after.i:
            return None
        name = after.head if after.dep_ == "compound" else after
        return name if name.head.i == head.i else None

    def name_after_office_of(self, head: Token) -> Token | None:
        """The person an office of the form "<role> of <field> <name>" names, used as a title without
        a determiner: "superintendent of police SK Umesh" (not "the wife of Ann Lee", nor "friend of
        Ann Lee", where no field comes between). Read from the words: the parser reads these many ways."""
        doc = head.doc
        if any(child.dep_ in ("det", "poss", "nummod") for child in head.lefts) or head.i + 2 >= len(doc):
            return None
        if doc[head.i + 1].lower_ != "of":
            return None
        at = head.i + 2
        while at < len(doc) and at - head.i <= OFFICE_FIELD_WORDS + 1 and doc[at].pos_ in ("NOUN", "PROPN"):
            person = entity_of(doc[at], self.mentions)
            if self.types.get(person) == "PERSON":
                if at == head.i + 2:
                    return None
                while at + 1 < len(doc) and entity_of(doc[at + 1], self.mentions) == person:
                    at += 1
                return doc[at]
            at += 1
        return None

    def running_speaker(self, quote: Quote, subject: Token, previous: Quote | None) -> str | None:
        """The previous quote's speaker, for a pronoun of its gender (a person's "he" or "she", an
        organisation's "it") with no rival subject since."""
        if previous is None or previous.speaker is None:
            return None
        speaker = previous.speaker
        if subject.lower_ == "it" and subject.dep_ == "nsubj":
            if not self.named_speaker(previous):
                return None  # "the report said ... It added" is the report, whoever wrote it
            gender, kind = None, "ORG"
        else:
            gender, kind = PRONOUN_GENDERS.get(subject.lower_), "PERSON"
            if gender is None or self.genders.get(speaker) not in (gender, None):
                return None
        if self.types.get(speaker) != kind:
            return None
        if self.paragraph(subject.idx) - self.paragraph(previous.content[0]) > CHAIN_PARAGRAPHS:
            return None
        if any(
            entity != speaker and self.types.get(entity) == kind and self.genders.get(entity) == gender
            for entity in self.subjects_since(previous, subject)
        ):
            return None
        return speaker

    def continues_unnamed(self, subject: Token, previous: Quote | None) -> bool:
        """Whether "he"/"she" continues the quotes of someone introduced unnamed ("a council adviser") in
        the same paragraph, no one of that gender having been the subject of a sentence since: "'It will
        be tight,' said a council adviser. 'Delays are likely,' she added." is that adviser, not whoever
        was named before. A definite description ("the former senator") may be someone named."""
        gender = PRONOUN_GENDERS.get(subject.lower_)
        head = previous.subject if previous is not None and previous.speaker is None else None
        if head is None or gender is None or subject.dep_ not in SUBJECT_DEPS or head.ent_type_:
            return False
        if (
            head.tag_ != "NN"
            or not any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in head.lefts)
            or not is_person_noun(head.lemma_)
            or gender_of_words([head.lemma_]) not in (gender, None)
        ):
            return False
        if self.paragraph(subject.idx) != self.paragraph(previous.content[0]) or subject.idx < max(
            previous.content[1], (previous.cue or previous.content)[1]
        ):
            return False  # "a council adviser suggested she would ...": "she" is whom the adviser spoke of
        return not any(
            self.types.get(entity) == "PERSON" and self.genders.get(entity) in (gender, None)
            for entity in self.subjects_since(previous, subject)
        )

    def subjects_since(self, previous: Quote, subject: Token) -> list[str]:
        """The entities that were the subject of a sentence between ``previous`` and ``subject``."""
        since = max(previous.content[1], (previous.cue or previous.content)[1])
        found = self.subjects[
            bisect_right(self.subject_starts, since) : bisect_right(self.subject_starts, subject.idx - 1)
        ]
        return [entity for _, entity in found]

    def named_speaker(self, quote: Quote) -> bool:
        """Whether ``quote``'s source names its speaker ("the Harbour Trust said"), or is "it" for
        them: not a document or a noun whose author or referent was worked out."""
        source = quote.subject
        return source is not None and (
            source.lower_ == "it" or entity_of(source, self.mentions) == quote.speaker
        )

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1
