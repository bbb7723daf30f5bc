"""Organisations referred to without their name: "it", "they", "the bank", "the agency".

News names an organisation once and then says "it said", "they argued", "the bank said" or
"the fund warned". Such a subject refers to the organisation the text has just been
about: among the organisations mentioned in its paragraph or the one before, the subject
of the latest sentence that mentions one, else (for a noun, not a pronoun, which may as well
stand for people) that sentence's first. A noun that is part
of an organisation's name ("the fund" for the International Monetary Fund) goes to that
organisation; a place may be "it" ("Mexico ... It has shown it knows how") but is never
"the bank". Names inside quotation marks are no antecedents: they are someone else's words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.quoted import is_inside, quoted_spans
from whosaidwhat.nlp.syntax import doc_text

#: Nouns that refer back to a named organisation: "the bank", "the agency".
ORGANISATION_NOUNS = words("organisation_nouns.txt")
#: What "it" and "they" may stand for; "the <noun>" only for organisations.
PRONOUN_TYPES = {"it": frozenset({"ORG", "GPE"}), "they": frozenset({"ORG", "NORP"})}
NOUN_TYPES = frozenset({"ORG"})
#: Determiners of a noun that refers back: "the bank", "this agency".
REFERRING_DETERMINERS = frozenset({"the", "this"})
#: How many paragraphs back the organisation may be named.
PARAGRAPH_WINDOW = 1
#: How often an organisation must have been a source to be the one the article is about.
DOMINANT_MENTIONS = 2


class OrganisationReferences:
    """One article's organisation mentions, and what "it", "they" and "the <noun>" refer to."""

    def __init__(self, doc: Doc, mentions: MentionIndex, paragraph_starts: Sequence[int]) -> None:
        self.doc = doc
        self.paragraph_starts = paragraph_starts
        text = doc_text(doc)
        quoted = quoted_spans(text)
        self.mentions = [m for m in mentions.mentions if not is_inside(quoted, m[0])]
        self.starts = [m[0] for m in self.mentions]
        #: Where each organisation is first named, to rank equally frequent ones by position.
        self.first: dict[str, int] = {}
        for start, _, entity, _ in self.mentions:
            self.first.setdefault(entity, start)
        #: The words of each organisation's names: "the fund" is the International Monetary Fund.
        self.words: dict[str, set[str]] = {}
        for start, end, entity, _ in self.mentions:
            self.words.setdefault(entity, set()).update(text[start:end].casefold().split())

    def referent(self, subject: Token) -> str | None:
        """The organisation ``subject`` refers back to, or None."""
        word = subject.lower_
        if word in PRONOUN_TYPES and subject.dep_ == "nsubj":
            return self.latest(subject, PRONOUN_TYPES[word], as_subject=True)
        if subject.pos_ != "NOUN" or subject.lemma_.lower() not in ORGANISATION_NOUNS:
            return None
        determiner = next((c for c in subject.lefts if c.dep_ == "det"), None)
        if determiner is None or determiner.lower_ not in REFERRING_DETERMINERS:
            return None
        modifiers = [c.lower_ for c in subject.lefts if c.dep_ in ("compound", "amod")]
        wanted = {subject.lower_, *modifiers}
        named = self.latest(subject, NOUN_TYPES, wanted)
        if named is None and not modifiers:
            named = self.latest(subject, NOUN_TYPES)
        return named if named is not None else self.dominant(subject, wanted if modifiers else None)

    def dominant(self, subject: Token, wanted: set[str] | None) -> str | None:
        """The organisation the article is about when none was named near ``subject``: the one that was
        a sentence's subject or source before it most often, ``DOMINANT_MENTIONS`` times at least and
        more than any other, with all the ``wanted`` words in its names: "the group" far from its name
        is still the group that has been speaking."""
        before = self.mentions[: bisect_left(self.starts, subject.idx)]
        counts = Counter(
            entity for start, end, entity, kind in before if kind in NOUN_TYPES and self.is_source(start, end)
        )
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.first[item[0]]))
        if not ranked or ranked[0][1] < DOMINANT_MENTIONS or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        entity = ranked[0][0]
        return entity if wanted is None or wanted <= self.words.get(entity, set()) else None

    def is_source(self, start: int, end: int) -> bool:
        """Whether the mention at ``[start, end)`` is a sentence's subject, its owner ("*CEW's* census
        found") or a source "according to" which something is so."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ == "poss":
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
            return True
        return root.dep_ in ("nsubj", "nsubjpass")

    def latest(
        self, subject: Token, types: frozenset[str], wanted: set[str] | None = None, as_subject: bool = False
    ) -> str | None:
        """The organisation of ``types`` (with all the ``wanted`` words in its names) the text was
        about before ``subject``, within the window; only the subject of a sentence if ``as_subject``."""
        paragraph = bisect_right(self.paragraph_starts, subject.idx) - 1
        oldest = self.paragraph_starts[max(0, paragraph - PARAGRAPH_WINDOW)] if paragraph >= 0 else 0
        first = bisect_left(self.starts, oldest)
        last = bisect_right(self.starts, subject.idx - 1)
        found = [
            m
            for m in self.mentions[first:last]
            if m[3] in types and (wanted is None or wanted <= self.words.get(m[2], set()))
        ]
        if not found:
            return None
        sentence = self.doc.char_span(found[-1][0], found[-1][1], alignment_mode="expand").sent
        in_sentence = [m for m in found if m[0] >= sentence.start_char]
        for start, end, entity, _ in in_sentence:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return entity
        return None if as_subject else in_sentence[0][2]
