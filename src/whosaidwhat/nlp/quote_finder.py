"""One article's quotes while they are found (:mod:`~whosaidwhat.nlp.quotes`).

:class:`QuoteFinder` holds what the steps share: the quotation marks, the tokens as arrays,
the entity mentions, the quotes found so far, and how a found quote is recorded (its kind,
from the quotation marks it overlaps). :class:`QuoteSettings` are the thresholds the steps
apply, settable from a spaCy config.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.attrs import IDX, LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from whosaidwhat.nlp.content_run_on import run_on
from whosaidwhat.nlp.lexicons import reporting_frames, reporting_nouns, topic_nouns, words
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.quoted_titles import only_a_title
from whosaidwhat.nlp.quotemarks import Bounds, Quoted, trim
from whosaidwhat.nlp.source_phrases import phrase_span
from whosaidwhat.nlp.speakers import entity_of
from whosaidwhat.nlp.speech_frames import is_set_phrase, lacks_its_word, modifies_a_noun
from whosaidwhat.nlp.syntax import RELATIVE_PRONOUN_TAGS, TIME_TYPES, token_end

#: At most this many words outside the quotation marks, and the quotation fills its sentences.
FLOATING_SLACK_WORDS = 2
#: How many tokens around a quotation may separate it from its reporting verb.
ADJACENT_WORDS = 6
#: Words after a quotation's closing mark that a misparsed clause may still hold (the speaker's name).
STRAY_WORDS = 2
#: Adverbs opening a phrase of examples of what came before: ", *particularly* in policing".
EXAMPLE_ADVERBS = frozenset({"particularly", "especially", "notably"})
#: How many characters a linking phrase at the start of content may have ("as it currently stands").
CONNECTIVE_CHARS = 24
#: Quotations shorter than this (in words) with no cue are names or scare quotes.
MIN_FLOATING_WORDS = 4


@dataclass(frozen=True, kw_only=True, eq=False)
class QuoteSettings:
    """The lexicon and thresholds of the quotes component (compared and hashed as objects)."""

    #: Reporting verbs by lemma, with the dependencies by which each governs what was said.
    reporting_verbs: Mapping[str, frozenset[str]] = field(default_factory=reporting_frames, repr=False)
    #: A quotation no cue claimed continues the previous speaker when at most this many words
    #: of its sentences lie outside it.
    floating_slack_words: int = FLOATING_SLACK_WORDS
    #: A reporting verb the parser did not link to a quotation may be this many words away from it.
    adjacent_words: int = ADJACENT_WORDS
    #: A quotation is all of a cue's content when at most this many words follow its closing mark.
    stray_words: int = STRAY_WORDS
    #: A quotation with no cue needs at least this many words to be a quote.
    min_floating_words: int = MIN_FLOATING_WORDS


@dataclass
class Quote:
    """One quote while it is being found; :meth:`as_dict` is what ``doc._.wsw_quotes`` holds.

    Finding a quote gives its ``subject`` (the head of the phrase naming who said it) or, for
    a quotation that continues a speaker, the quote it ``follows``; who that is, as an entity,
    is decided afterwards for all quotes at once (:mod:`~whosaidwhat.nlp.speakers`).
    """

    kind: str
    content: Bounds
    cue: Bounds | None = None
    source: Bounds | None = None
    speaker: str | None = None
    addressee: str | None = None
    subject: Token | None = field(default=None, repr=False)
    follows: Quote | None = field(default=None, repr=False)
    #: Reported by a verb of thinking or wanting: kept only when its speaker is quoted otherwise.
    belief: bool = field(default=False, repr=False)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "content": self.content,
            "speaker": self.speaker,
            "source": self.source,
            "cue": self.cue,
            "addressee": self.addressee,
        }


def overlap(a: Bounds, b: Bounds) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class QuoteFinder:
    """One article's quotes; holds the per-article indexes the steps share."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        paragraphs: Sequence[Bounds],
        quoted: list[Quoted],
        settings: QuoteSettings,
    ) -> None:
        self.doc = doc
        self.text = text
        self.settings = settings
        self.paragraph_starts = [start for start, _ in paragraphs]
        self.paragraph_ends = [end for _, end in paragraphs]
        self.quoted = quoted
        self.quoted_starts = [q.start for q in quoted]
        self.mentions = MentionIndex(doc._.wsw_entities or [])
        # Token attributes as arrays: no Token objects for the many tokens that are not cues.
        columns = doc.to_array([IDX, LEMMA, LOWER])
        self.token_starts = columns[:, 0].tolist()
        self.quote_of_token = self._index_tokens_in_quotes(columns[:, 0])
        self.cue_candidates = self._cue_candidates(columns[:, 1], columns[:, 2])
        self.claimed: set[int] = set()  # indexes into self.quoted already given a cue
        self.cue_tokens: set[int] = set()  # tokens already serving as a cue
        self.quotes: list[Quote] = []

    # ------------------------------------------------------------ indexes

    def _index_tokens_in_quotes(self, token_starts: numpy.ndarray) -> list[int]:
        """For each token, the index of the quotation containing it, or -1."""
        if not self.quoted:
            return [-1] * len(token_starts)
        starts = numpy.array([q.start for q in self.quoted])
        ends = numpy.array([q.end for q in self.quoted])
        k = numpy.searchsorted(starts, token_starts, side="right") - 1
        safe = numpy.maximum(k, 0)
        inside = (k >= 0) & (token_starts > starts[safe]) & (token_starts < ends[safe] - 1)
        return numpy.where(inside, k, -1).tolist()

    def _cue_candidates(self, lemmas: numpy.ndarray, lowers: numpy.ndarray) -> list[int]:
        """Tokens outside quotation marks that may be cues: reporting verbs and nouns, nouns of speech
        with their topic, and "according"."""
        wanted = _cue_lemma_hashes(self.settings)
        at = numpy.minimum(numpy.searchsorted(wanted, lemmas), len(wanted) - 1)
        candidate = (wanted[at] == lemmas) | (lowers == hash_string("according"))
        outside = numpy.array(self.quote_of_token) < 0
        return numpy.flatnonzero(candidate & outside).tolist()

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``."""
        return bisect_right(self.paragraph_starts, offset) - 1

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.token_starts, offset)

    def is_reporting_verb(self, token: Token) -> bool:
        frames = self.settings.reporting_verbs.get(token.lemma_)
        return (
            frames is not None
            and token.pos_ in ("VERB", "AUX")
            and not lacks_its_word(token, frames)
            and not modifies_a_noun(token)
            and not is_set_phrase(token)
        )

    def tokens_in(self, bounds: Bounds) -> list[Token]:
        """The tokens starting inside ``bounds``."""
        return list(self.doc[self.token_index(bounds[0]) : self.token_index(bounds[1])])

    def has_words(self, start: int, end: int) -> bool:
        return any(ch.isalnum() for ch in self.text[start:end])

    # ------------------------------------------------------------ quotes

    def add(
        self,
        content: Bounds,
        cue: Bounds,
        subject: Token | None,
        addressee: Token | None,
        kind: str | None = None,
        belief: bool = False,
    ) -> None:
        """Record a quote; its kind and bounds follow from the quotation marks unless its kind is given."""
        if kind is None:
            content = self._with_examples(self._without_trailing_gloss(self._without_connective(content)))
            content = run_on(self, content, cue)
        if not self._says_something(content):
            return
        if only_a_title(self, content):
            self.cue_tokens.discard(self.token_index(cue[0]))  # free for the quotation beside it
            return
        if kind is None:
            kind, content = self._kind_and_content(content)
        source = phrase_span(subject) if subject is not None else None
        self.quotes.append(
            Quote(
                kind=kind,
                content=content,
                cue=cue,
                source=source,
                addressee=entity_of(addressee, self.mentions),
                subject=subject,
                belief=belief,
            )
        )

    def _says_something(self, content: Bounds) -> bool:
        """Content that is only a date, a time or figures says nothing: "has pushed for *months*",
        "called Holt *on Friday*", a tally's "Holt: *547.*"."""
        words = [token for token in self.tokens_in(content) if not (token.is_punct or token.is_space)]
        return any(
            token.ent_type_ not in TIME_TYPES and any(ch.isalpha() for ch in token.text) for token in words
        )

    def _without_connective(self, content: Bounds) -> Bounds:
        """Content without the word linking it to the sentence before ("*However,* growth ...")."""
        i = self.token_index(content[0])
        if i + 1 >= len(self.doc) or self.token_starts[i] != content[0]:
            return content
        first, second = self.doc[i], self.doc[i + 1]
        if first.dep_ == "cc" or (first.dep_ == "advmod" and second.text == ","):
            start = token_end(second) if second.text == "," else second.idx
            if start < content[1]:
                return trim(self.text, start, content[1])
        return self._without_connective_phrase(content, i)

    def _without_connective_phrase(self, content: Bounds, first: int) -> Bounds:
        """Content without a linking phrase and its comma ("*In fact,* growth ...", "*Even so,* ...");
        a quotation keeps its words."""
        if self.quote_of_token[first] >= 0:
            return content
        comma = self.text.find(",", content[0], min(content[1], content[0] + CONNECTIVE_CHARS))
        if comma < 0 or " ".join(self.text[content[0] : comma].lower().split()) not in connectives():
            return content
        return trim(self.text, comma + 1, content[1]) if comma + 1 < content[1] else content

    def _with_examples(self, content: Bounds) -> Bounds:
        """Content with the examples that follow it: "condemned the invasion*, including the
        annexation of Crimea*", "spoke about race*, particularly in policing*"."""
        i = self.token_index(content[1])
        if i + 1 >= len(self.doc) or self.doc[i].text != "," or self.quote_of_token[i] >= 0:
            return content
        word = self.doc[i + 1]
        phrase = word if word.lower_ == "including" else word.head
        if phrase.lower_ != "including" and not (word.lower_ in EXAMPLE_ADVERBS and phrase.i == word.i + 1):
            return content
        if phrase.dep_ != "prep" or phrase.right_edge.i >= phrase.sent.end or phrase.sent.start > i:
            return content
        if any(self.quote_of_token[k] >= 0 for k in range(phrase.i, phrase.right_edge.i + 1)):
            return content
        return content[0], token_end(phrase.right_edge)

    def _without_trailing_gloss(self, content: Bounds) -> Bounds:
        """Content without the writer's gloss on the name that ends it: "did not support Mr. Trump*,
        the presumed favourite*" (a description set off by a comma, with no quotation in it)."""
        found = self._phrase_ending(content, "appos")
        if found is None or found[0].left_edge.i == 0:
            return content
        gloss, last = found
        comma = self.doc[gloss.left_edge.i - 1]
        if (
            gloss.head.pos_ != "PROPN"
            or gloss.pos_ == "PROPN"  # "Tulsa, Oklahoma": one name
            or gloss.head.i > gloss.i
            or comma.text != ","
            or comma.idx <= content[0]
            or gloss.right_edge.i < last
            or any(self.quote_of_token[i] >= 0 for i in range(gloss.left_edge.i, last + 1))
        ):
            return content
        return trim(self.text, content[0], comma.idx)

    def without_trailing_aside(self, content: Bounds) -> Bounds:
        """A reported object without the writer's aside that ends it: "questioned the health of
        Trump*, who is 70*" (a relative clause set off by a comma, with no quotation in it)."""
        found = self._phrase_ending(content, "relcl")
        if found is None:
            return content
        clause, last = found
        pronoun = clause.left_edge
        if pronoun.tag_ not in RELATIVE_PRONOUN_TAGS or pronoun.i == 0:
            return content
        comma = self.doc[pronoun.i - 1]
        if comma.text != "," or comma.idx <= content[0] or clause.right_edge.i < last:
            return content
        if any(self.quote_of_token[i] >= 0 for i in range(pronoun.i, last + 1)):
            return content
        return trim(self.text, content[0], comma.idx)

    def _phrase_ending(self, content: Bounds, dep: str) -> tuple[Token, int] | None:
        """The phrase labelled ``dep`` that the content's last word belongs to (climbing its heads
        while they stay inside the content), with that last word's index; None if there is none."""
        last = self.token_index(content[1]) - 1
        if last < 0 or self.doc[last].idx < content[0]:
            return None
        phrase = self.doc[last]
        while phrase.dep_ != dep and phrase.head.i != phrase.i and phrase.head.idx >= content[0]:
            phrase = phrase.head
        return (phrase, last) if phrase.dep_ == dep else None

    def _kind_and_content(self, content: Bounds) -> tuple[str, Bounds]:
        """Direct when a quotation holds all the content's words, mixed when it holds some, else indirect.

        A direct quotation may run on past the reporting verb's clause (several sentences);
        its content is then the whole quotation.
        """
        kind = "indirect"
        for k in self._quotations_overlapping(content):
            quoted = self.quoted[k]
            inner = quoted.inner
            if overlap(inner, content) == 0:
                continue
            words_before = self.has_words(content[0], inner[0])
            if not words_before and self._words(quoted.end, content[1]) <= self.settings.stray_words:
                self.claimed.add(k)
                return "direct", trim(self.text, *inner)
            kind = "mixed"
            if quoted.start < content[0] <= inner[0]:
                content = (quoted.start, content[1])
            if inner[1] > content[1] and not self.has_words(content[1], inner[0]):
                self.claimed.add(k)
                content = (content[0], trim(self.text, *inner)[1])
        return kind, content

    def _words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split()) if end > start else 0

    def _quotations_overlapping(self, bounds: Bounds) -> range:
        first = max(0, bisect_right(self.quoted_starts, bounds[0]) - 1)
        last = bisect_right(self.quoted_starts, bounds[1])
        return range(first, last)

    def fills_its_sentences(self, quoted: Quoted, slack: int) -> bool:
        """The quotation is a sentence or more, with at most ``slack`` words around it."""
        span = self.doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
        if span is None or sum(not t.is_punct for t in span) < self.settings.min_floating_words:
            return False
        outside = 0
        for sentence in _sentences_of(span):
            for token in sentence:
                if self.quote_of_token[token.i] < 0 and not (token.is_punct or token.is_space):
                    outside += token.idx < quoted.start or token.idx >= quoted.end
        return outside <= slack


@cache
def _cue_lemma_hashes(settings: QuoteSettings) -> numpy.ndarray:
    """The sorted hashes of the lemmas that may be cues, once per settings (not once per article):
    the reporting verbs, the reporting nouns and the nouns of speech with a topic."""
    lemmas = {*settings.reporting_verbs, *reporting_nouns(), *topic_nouns()}
    return numpy.array(sorted(hash_string(lemma) for lemma in lemmas), dtype=numpy.uint64)


@cache
def connectives() -> frozenset[str]:
    """The phrases of ``resources/connectives.txt``."""
    return words("connectives.txt")


def _sentences_of(span: Span) -> list[Span]:
    first = span[0].sent
    last = span[-1].sent
    if first.start == last.start:
        return [first]
    return [first, span.doc[first.end : last.start], last] if first.end < last.start else [first, last]
