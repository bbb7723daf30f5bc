"""Documents that speak for their authors: "a study by the institute", "a Bloomberg poll", "the poll".

A report, poll or statement whose author the text names is that author's word, as the
annotation conventions of news quotes have it: the author is the object of its "by" or
"from" ("an analysis by Lily Chen", "a statement from the council", "a study released by the
institute"), or the name that qualifies it ("a Bloomberg poll", "the institute's report", "the
latest Reuters/Ipsos opinion poll", and "the association's own polling" when "the association"
refers back to one), or the subject of the verb whose object it is ("Ann Lee sent a letter"). A
definite "the letter" later on is the latest letter whose author the text gave, or else the document
named just before it ("a Reuters survey ... The study found").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.mentions import MentionIndex

#: Documents that speak for their author. One lemma per line.
DOCUMENT_NOUNS = words("document_nouns.txt")
#: How a name qualifies a document as its author's: "a *Bloomberg* poll", "*the institute's* report".
AUTHOR_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod"})
#: Prepositions whose object is a document's author.
AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
#: Entity types that author documents.
AUTHOR_TYPES = frozenset({"PERSON", "ORG"})


class DocumentAuthors:
    """The documents of one article whose authors it names, in text order."""

    def __init__(
        self,
        doc: Doc,
        mentions: MentionIndex,
        types: dict[str, str],
        refers_to: Callable[[Token], str | None] = lambda token: None,
    ) -> None:
        self.mentions = mentions
        self.types = types
        #: The organisation a noun such as "the association" refers back to, if any.
        self.refers_to = refers_to
        self.authored: list[tuple[int, str, str]] = []  # (offset, lemma, author) of each document
        for token in doc:
            if token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS:
                author = self.named_author(token) or self.writer(token)
                if author is not None:
                    self.authored.append((token.idx, token.lemma_.lower(), author))
        self.starts = [offset for offset, _, _ in self.authored]

    def author(self, head: Token) -> str | None:
        """The author of the document ``head`` names: named in its phrase, or for "the poll" the
        author of the latest poll named before; None when ``head`` is no document or has no author."""
        lemma = head.lemma_.lower()
        if lemma not in DOCUMENT_NOUNS:
            return None
        named = self.named_author(head)
        if named is not None:
            return named
        if any(child.dep_ == "det" and child.lower_ in ("the", "this") for child in head.lefts):
            before = bisect_left(self.starts, head.idx)
            same = next(
                (author for _, noun, author in reversed(self.authored[:before]) if noun == lemma), None
            )
            return same or self.just_before(head, before)
        return None

    def just_before(self, head: Token, before: int) -> str | None:
        """The author of the latest document named in ``head``'s sentence or the one before, whatever its
        noun: "according to a Reuters survey of voter lists. The study found ..." is Reuters's."""
        if not before:
            return None
        sentence = head.sent
        since = head.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        offset, _, author = self.authored[before - 1]
        return author if offset >= since else None

    def named_author(self, head: Token) -> str | None:
        """The author the phrase of the document ``head`` names, if any."""
        return next((self.entity(token) for token in self.author_tokens(head)), None)

    def writer(self, document: Token) -> str | None:
        """Who wrote, sent or issued the document, when it is the object of their verb: "Ann Lee
        wrote a letter to the council" (the letter is hers when it later "says" something)."""
        if document.dep_ != "dobj":
            return None
        subject = next((child for child in document.head.children if child.dep_ == "nsubj"), None)
        return self.entity(subject) if subject is not None else None

    def author_tokens(self, head: Token) -> Iterator[Token]:
        """Tokens of ``head``'s phrase naming an author: a qualifying name, or a "by" object."""
        for child in head.lefts:
            if child.dep_ in AUTHOR_MODIFIER_DEPS:
                for token in child.subtree:
                    if self.entity(token) is not None:
                        yield token
                        return
        for child in head.rights:
            if child.dep_ == "acl" and child.tag_ == "VBN":  # "research conducted by the institute"
                child = next((grand for grand in child.children if grand.dep_ == "agent"), child)
            if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
                for grand in child.children:
                    if grand.dep_ == "pobj" and self.entity(grand) is not None:
                        yield grand
                        return

    def entity(self, token: Token) -> str | None:
        """The person or organisation a mention covering ``token`` names, or that ``token`` refers
        back to ("*the association's* own polling"), or None."""
        found = self.mentions.entity_at(token.idx, token.idx + len(token.text)) or self.refers_to(token)
        return found if self.types.get(found) in AUTHOR_TYPES else None
