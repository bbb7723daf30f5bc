"""Sources named only after they speak: the delayed identification of news leads.

A story, or a new item of a running story, often opens with a description of someone it names
only in the next paragraphs: "A New York judge has rejected a media request ... / Manhattan
Supreme Court Justice Frank Nervo rejected that argument", "A union representing flight
attendants endorsed ... / the Association of Flight Attendants called". Such a description, the
subject of the opening paragraph (the article's first, or the first after a time stamp or a
rule), is the entity of its kind (a person for a noun for a person, an organisation for a noun
for one) that the next ``PARAGRAPHS`` paragraphs name for the first time in the article as the
subject of a reporting verb or of the description's own verb, when their genders agree and the
text gives it no other role ("A police officer said ... / Resident Ann Lee said ..." are two
people).

A person named next with nothing said of them is the one described ("A top adviser says ... /
Ed Brookover spoke to reporters"): news introduces a new person with a role. A person introduced
with one is the one described only when the introduction shares a word, an entity or a role with
the description ("A former board chairman ... / Tom Brandt, who ran the *board*"; "A New York
judge ... / Supreme Court *Justice* Frank Nervo"; "A 52-year-old ... / Mia Strand, *52*,"); a
story quotes one person after another, and "A council adviser said ... / Ann Lee, who chairs the
harbour committee, said ..." are two.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from whosaidwhat.names import gender_of_words, is_person_noun
from whosaidwhat.nlp.descriptions import office_of
from whosaidwhat.nlp.lexicons import reporting_verbs, words
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.quoted import is_inside, quoted_spans
from whosaidwhat.nlp.syntax import doc_text

#: How many paragraphs after the description's may name it.
PARAGRAPHS = 2
ORGANISATION_NOUNS = words("organisation_nouns.txt")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: The words that can tell what someone is: "*harbour board chairman*", "who ran the *board*", ", *52*,".
TELLING_POS = frozenset({"NOUN", "PROPN", "NUM"})
#: How a name's own phrase describes the person: "Ann Lee, *the mayor*,", "Ann Lee, *who ran the board*".
DESCRIBING_DEPS = frozenset({"appos", "relcl", "acl", "compound", "amod", "npadvmod", "nummod"})


class LaterNames:
    """One article's entities, where each is first named, and its paragraphs."""

    def __init__(
        self,
        doc: Doc,
        mentions: MentionIndex,
        genders: dict[str, str | None],
        roles: dict[str, set[str]],
        paragraph_starts: Sequence[int],
    ) -> None:
        self.doc = doc
        self.mentions = mentions
        self.genders = genders
        #: The nouns for a person that each entity's titles end with ("resident" of "Resident").
        self.roles = roles
        self.paragraph_starts = list(paragraph_starts)
        #: Where each entity is first mentioned.
        self.first: dict[str, tuple[int, int]] = {}
        for start, end, entity, _ in mentions.mentions:
            self.first.setdefault(entity, (start, end))
        self.text = doc_text(doc)
        self.quoted = quoted_spans(self.text)
        self.reporting = reporting_verbs()

    def entity(self, subject: Token, source: tuple[int, int] | None) -> str | None:
        """The entity the description ``subject`` heads, named later; None if there is none."""
        kind = self.kind_described(subject)
        paragraph = bisect_right(self.paragraph_starts, subject.idx) - 1
        if kind is None or source is None or paragraph < 0 or not self.opens_item(paragraph, source[0]):
            return None
        wanted = gender_of_words([subject.lemma_.lower()])
        end = (
            self.paragraph_starts[paragraph + 1 + PARAGRAPHS]
            if paragraph + 1 + PARAGRAPHS < len(self.paragraph_starts)
            else len(self.text)
        )
        after = subject.sent.end_char
        for start, stop, entity, entity_kind in self.mentions.mentions[
            bisect_left(self.mentions.starts, after) :
        ]:
            if start >= end:
                break
            if (
                entity_kind == kind
                and self.first[entity][0] >= subject.idx
                and not self.in_quotes(start)
                and self.genders.get(entity) in (None, wanted or self.genders.get(entity))
                and self.roles.get(entity, set()) <= {subject.lemma_.lower()}
                and self.speaks(start, stop, subject.head.lemma_)
                and (kind != "PERSON" or self.introduced_as(entity, subject))
            ):
                return entity
        return None

    @staticmethod
    def kind_described(subject: Token) -> str | None:
        """The kind of entity a noun describes: "judge" a person, "union" an organisation."""
        if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_:
            return None
        lemma = subject.lemma_.lower()
        if is_person_noun(lemma):
            return "PERSON"
        return "ORG" if lemma in ORGANISATION_NOUNS else None

    def opens_item(self, paragraph: int, start: int) -> bool:
        """Whether ``start`` opens ``paragraph`` and the paragraph opens the story or a new item: the
        one before it, if any, has no verb (a time stamp, a rule, a dateline)."""
        if self.text[self.paragraph_starts[paragraph] : start].strip():
            return False
        if paragraph == 0:
            return True
        before = self.doc.char_span(
            self.paragraph_starts[paragraph - 1], self.paragraph_starts[paragraph], alignment_mode="contract"
        )
        return before is None or not any(token.pos_ in ("VERB", "AUX") for token in before)

    def introduced_as(self, entity: str, subject: Token) -> bool:
        """Whether the first naming of ``entity`` fits the description ``subject`` heads: it says nothing
        of the person (the description said it), or what it says shares a word or an entity with the
        description, or a role it is given is the description's noun."""
        span = self.doc.char_span(*self.first[entity], alignment_mode="expand")
        if span is None:
            return False
        if office_of(subject.lemma_.lower()) in {office_of(role) for role in self.roles.get(entity, set())}:
            return True
        said = [
            token
            for child in span.root.children
            if child.dep_ in DESCRIBING_DEPS and child.i not in range(span.start, span.end)
            for token in child.subtree
        ]
        titles = [token for token in span if not token.ent_type_ and is_telling(token)]
        if not said and not titles:
            return True
        return bool(self.telling(said + titles + list(span)) & self.telling(list(subject.subtree)))

    def telling(self, tokens: list[Token]) -> set[str]:
        """The words and entities that can tell what someone is."""
        found = {word for token in tokens if is_telling(token) for word in telling_words(token)}
        return found | {
            entity
            for token in tokens
            if (entity := self.mentions.entity_at(token.idx, token.idx + len(token.text))) is not None
        }

    def speaks(self, start: int, end: int, verb: str) -> bool:
        """Whether the mention at ``[start, end)`` is the subject (or the subject's owner) of a
        reporting verb or of ``verb``."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root.head if span.root.dep_ == "poss" else span.root
        return root.dep_ in SUBJECT_DEPS and (root.head.lemma_ in self.reporting or root.head.lemma_ == verb)

    def in_quotes(self, offset: int) -> bool:
        return is_inside(self.quoted, offset)


def is_telling(token: Token) -> bool:
    return token.pos_ in TELLING_POS and not token.is_stop


def telling_words(token: Token) -> set[str]:
    """A word as written and as its lemma, as an office ("justice" is "judge")."""
    return {office_of(token.lemma_.lower()), token.lower_}
