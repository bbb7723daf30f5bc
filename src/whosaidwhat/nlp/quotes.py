"""``whosaidwhat_quotes``: direct, indirect and mixed quotes with their speakers.

Writes ``doc._.wsw_quotes`` as ``[{"kind", "content", "speaker", "source", "cue", "addressee"}]``
(offsets into ``doc.text``; ``speaker`` and ``addressee`` are entity ids from
``doc._.wsw_entities``).

How it works, over the dependency parse:

1. Quotation marks are paired per paragraph (:mod:`whosaidwhat.nlp.quotemarks`).
2. Every reporting verb outside quotation marks that governs what was said, by one of
   the dependencies its entry in ``resources/reporting_verbs.tsv`` lists (a clause, an object,
   an infinitive, a prepositional object), or that heads a quotation ("X said:
   \"...\""), is a cue; its subject is the source (:mod:`whosaidwhat.nlp.speakers`).
   The content is a *direct* quote when quotation marks hold all its words, *mixed*
   when they hold some, *indirect* otherwise. "according to X" works the same way,
   with the rest of the sentence as content.
3. Quotations no cue claimed: one beside a reporting verb the parser did not link
   ("...?" said the minister), one signed "― Name", or a transcript turn
   ("TAPPER: ..."). A cue inside another quote's content is part of that quote.
4. A remaining quotation that fills its sentences continues the previous speaker of
   its paragraph or of the paragraph before (no cue, no source): the second half of a
   quote split around its cue, or a floating quote. Anything else (scare quotes,
   titles) is not a quote.

Each step visits each token a bounded number of times, and look-ups are by bisection:
linear-logarithmic at worst in the article's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.lexicons import reporting_frames
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.quotemarks import Quoted, find_quoted
from whosaidwhat.nlp.speakers import addressee_of, entity_of, phrase_span
from whosaidwhat.nlp.syntax import SPEAKER, paragraphs_of, subject_of, token_end

#: Reporting verbs by lemma, with the dependencies by which each governs what was said
#: (``resources/reporting_verbs.tsv``).
REPORTING_FRAMES = reporting_frames()

#: Dependency labels of a clause a reporting verb governs as its content.
CLAUSE_DEPS = ("ccomp", "parataxis")
#: At most this many words outside the quotation marks, and the quotation fills its sentences.
FLOATING_SLACK_WORDS = 2
#: Words after a quotation's closing mark that a misparsed clause may still hold (the speaker's name).
STRAY_WORDS = 2
#: How many tokens around a quotation may separate it from its reporting verb.
ADJACENT_WORDS = 6
#: Dashes that sign a quotation with its speaker's name.
SIGNATURE_DASHES = frozenset("\u2015\u2014\u2013")
#: Named-entity types that can speak.
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Dependencies of what completes a reported object ("urged X *to act*", "described X *as a fraud*").
OBJECT_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "prep", "advcl"})
#: Quotations shorter than this (in words) with no cue are names or scare quotes.
MIN_FLOATING_WORDS = 4

Bounds = tuple[int, int]


@dataclass
class Quote:
    """One quote while it is being found; :meth:`as_dict` is what ``doc._.wsw_quotes`` holds."""

    kind: str
    content: Bounds
    cue: Bounds | None = None
    source: Bounds | None = None
    speaker: str | None = None
    addressee: str | None = None

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "content": self.content,
            "speaker": self.speaker,
            "source": self.source,
            "cue": self.cue,
            "addressee": self.addressee,
        }


@Language.factory("whosaidwhat_quotes", assigns=["doc._.wsw_quotes"], requires=["token.dep"])
def make_quotes(nlp: Language, name: str):
    """Quotes with speakers; reads ``doc._.wsw_entities`` and ``doc._.wsw_paragraphs`` when set."""
    extensions.register()

    def component(doc: Doc) -> Doc:
        doc._.wsw_quotes = [quote.as_dict() for quote in find_quotes(doc)]
        return doc

    return component


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes of ``doc``, in text order."""
    text = doc.text  # built from the tokens at each access: read once
    paragraphs = paragraphs_of(doc, text)
    finder = _QuoteFinder(doc, text, paragraphs, find_quoted(text, paragraphs))
    return finder.run()


def overlap(a: Bounds, b: Bounds) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def trim(text: str, start: int, end: int) -> Bounds:
    """``[start, end)`` without surrounding spaces and trailing commas, colons or dashes."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\u2014\u2013-"):
        end -= 1
    return start, end


class _QuoteFinder:
    """One article's quotes; holds the per-article indexes the steps share."""

    def __init__(self, doc: Doc, text: str, paragraphs: Sequence[Bounds], quoted: list[Quoted]) -> None:
        self.doc = doc
        self.text = text
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

    def run(self) -> list[Quote]:
        for i in self.cue_candidates:
            self._quote_from_cue(self.doc[i])
        self._quotes_beside_cues()
        self._transcript_turns()
        self.quotes = _outermost(self.quotes)
        self._quotes_without_cue()
        self.quotes.sort(key=lambda quote: quote.content)
        return self._without_duplicates()

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
        """Tokens outside quotation marks that may be cues: a reporting verb's lemma, or "according"."""
        strings = self.doc.vocab.strings
        wanted = [strings.add(lemma) for lemma in REPORTING_FRAMES]
        candidate = numpy.isin(lemmas, wanted) | (lowers == strings.add("according"))
        outside = numpy.array(self.quote_of_token) < 0
        return numpy.flatnonzero(candidate & outside).tolist()

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``."""
        return bisect_right(self.paragraph_starts, offset) - 1

    # ------------------------------------------------------------ cues

    def _quote_from_cue(self, token: Token) -> None:
        following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if token.lower_ == "according" and following is not None and following.lower_ == "to":
            self._according_to(token, following)
            return
        if token.lemma_ not in REPORTING_FRAMES or token.pos_ not in ("VERB", "AUX"):
            return
        content = self._content_of(token)
        if content is None:
            return
        subject = subject_of(token, SPEAKER)
        self.cue_tokens.add(token.i)
        self._add(content, (token.idx, token_end(token)), subject, addressee_of(token))

    def _content_of(self, verb: Token) -> Bounds | None:
        """What ``verb`` reports: its clause, object or infinitive, or the quotation it heads."""
        frames = REPORTING_FRAMES[verb.lemma_]
        for child in verb.children:
            if child.dep_ in CLAUSE_DEPS and self._is_clause_content(child, frames):
                return self._around(verb, self._clause_bounds(child))
        if verb.dep_ in CLAUSE_DEPS and self.quote_of_token[verb.head.i] >= 0:
            return self._around(verb, self._clause_bounds(verb.head, without=verb))
        for child in verb.children:
            if child.dep_ in ("xcomp", "dobj") and child.dep_ in frames:
                return self._object_bounds(child)
            if child.dep_ == "prep" and f"prep:{child.lower_}" in frames:
                target = next((grand for grand in child.children if grand.dep_ in ("pobj", "pcomp")), None)
                if target is not None:
                    return self._clause_bounds(target)
        colon = self._colon_after(verb)
        if colon is not None:
            following = self._quotation_after(token_end(colon))
            if following is not None:
                return following.inner
        return None

    def _around(self, verb: Token, bounds: Bounds) -> Bounds:
        """A clause the verb interrupts ("The bridge," she said, "will open.") is cut at the verb:
        the part before it, else the part after it (the rest is left to step 4)."""
        if not bounds[0] < verb.idx < bounds[1]:
            return bounds
        before = trim(self.text, bounds[0], verb.left_edge.idx)
        if self._has_words(*before):
            return before
        return trim(self.text, token_end(verb.right_edge), bounds[1])

    def _object_bounds(self, child: Token) -> Bounds:
        """An object with the complements that follow it: "called *climate change a hoax*",
        "urged *North Korea to resume talks*", "accused *the government of lying*"."""
        start, end = self._clause_bounds(child)
        if child.dep_ != "dobj":
            return start, end
        for sibling in child.head.rights:
            if sibling.i <= child.i:
                continue
            if sibling.dep_ not in OBJECT_COMPLEMENT_DEPS:
                break
            end = self._clause_bounds(sibling)[1]
        return start, end

    def _is_clause_content(self, child: Token, frames: frozenset[str]) -> bool:
        """A clause the verb takes, or a quoted one linked by parataxis ("...," he said, "...")."""
        if child.dep_ == "ccomp":
            return "ccomp" in frames or self.quote_of_token[child.i] >= 0
        return self.quote_of_token[child.i] >= 0

    def _clause_bounds(self, head: Token, without: Token | None = None) -> Bounds:
        """The characters of ``head``'s subtree, leaving out the subtree of ``without`` at either end."""
        left, right = head.left_edge, head.right_edge
        if without is not None:
            if without.left_edge.i <= left.i:
                after = without.right_edge.i + 1
                left = self.doc[after] if after < len(self.doc) else left
            elif without.right_edge.i >= right.i:
                right = self.doc[without.left_edge.i - 1]
        while right.i > left.i and (right.is_punct or right.is_space or right.dep_ == "cc"):
            right = self.doc[right.i - 1]
        return trim(self.text, left.idx, token_end(right))

    def _colon_after(self, verb: Token) -> Token | None:
        """The colon right after the verb's phrase ("Rutte said:", "he told reporters:")."""
        end = verb.right_edge.i + 1
        if end < len(self.doc) and self.doc[end].text == ":":
            return self.doc[end]
        return None

    def _quotation_after(self, offset: int) -> Quoted | None:
        """The quotation opening right after ``offset`` (only spaces between)."""
        k = bisect_right(self.quoted_starts, offset)
        if k < len(self.quoted) and not self.text[offset : self.quoted[k].start].strip():
            return self.quoted[k]
        return None

    def _according_to(self, according: Token, to: Token) -> None:
        """ "According to X, ...": X is the source, the rest of the sentence the content."""
        source = next((child for child in to.children if child.dep_ == "pobj"), None)
        if source is None:
            return
        sentence = according.sent
        phrase_end = source.right_edge.i + 1
        if according.i - sentence.start <= 1:
            rest = self.doc[phrase_end].idx if phrase_end < sentence.end else sentence.end_char
            content = trim(self.text, rest, sentence.end_char)
        else:
            content = trim(self.text, sentence.start_char, according.idx)
        if content[1] - content[0] < 3:
            return
        self._add(content, (according.idx, token_end(to)), source, None)

    # ------------------------------------------------------------ quotes

    def _add(
        self,
        content: Bounds,
        cue: Bounds,
        subject: Token | None,
        addressee: Token | None,
        kind: str | None = None,
    ) -> None:
        """Record a quote; its kind follows from the quotation marks unless given."""
        found_kind, content = self._kind_and_content(self._without_connective(content))
        kind = kind or found_kind
        source = phrase_span(subject) if subject is not None else None
        self.quotes.append(
            Quote(
                kind=kind,
                content=content,
                cue=cue,
                source=source,
                speaker=entity_of(subject, self.mentions, source),
                addressee=entity_of(addressee, self.mentions),
            )
        )

    def _without_connective(self, content: Bounds) -> Bounds:
        """Content without the word linking it to the sentence before ("*However,* growth ...")."""
        i = self._token_index(content[0])
        if i + 1 >= len(self.doc) or self.token_starts[i] != content[0]:
            return content
        first, second = self.doc[i], self.doc[i + 1]
        if first.dep_ == "cc" or (first.dep_ == "advmod" and second.text == ","):
            start = token_end(second) if second.text == "," else second.idx
            if start < content[1]:
                return trim(self.text, start, content[1])
        return content

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
            words_before = self._has_words(content[0], inner[0])
            if not words_before and self._words(quoted.end, content[1]) <= STRAY_WORDS:
                self.claimed.add(k)
                return "direct", trim(self.text, *inner)
            kind = "mixed"
            if quoted.start < content[0] <= inner[0]:
                content = (quoted.start, content[1])
            if inner[1] > content[1] and not self._has_words(content[1], inner[0]):
                self.claimed.add(k)
                content = (content[0], trim(self.text, *inner)[1])
        return kind, content

    def _has_words(self, start: int, end: int) -> bool:
        return any(ch.isalnum() for ch in self.text[start:end])

    def _words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split()) if end > start else 0

    def _quotations_overlapping(self, bounds: Bounds) -> range:
        first = max(0, bisect_right(self.quoted_starts, bounds[0]) - 1)
        last = bisect_right(self.quoted_starts, bounds[1])
        return range(first, last)

    def _quotes_beside_cues(self) -> None:
        """Quotations next to a reporting verb the parser did not link them to.

        ``"...?" said the minister.``, ``Moore said, "..."``, and the signature line of
        reader voices, ``"..." ― Jane Doe``.
        """
        for k, quoted in enumerate(self.quoted):
            if k in self.claimed or not self._fills_its_sentences(quoted, slack=ADJACENT_WORDS):
                continue
            verb = self._verb_after(quoted) or self._verb_before(quoted)
            if verb is not None:
                self.claimed.add(k)
                self.cue_tokens.add(verb.i)
                cue = (verb.idx, token_end(verb))
                self._add(quoted.inner, cue, subject_of(verb, SPEAKER), addressee_of(verb))
                continue
            signed = self._signature_after(quoted)
            if signed is not None:
                dash, name = signed
                self.claimed.add(k)
                self._add(quoted.inner, dash, name, None)

    def _verb_after(self, quoted: Quoted) -> Token | None:
        """A reporting verb among the few words after the quotation, in its sentence."""
        i = self._token_index(quoted.end)
        if i >= len(self.doc):
            return None
        sentence_end = self.doc[i].sent.end
        for token in self.doc[i : min(sentence_end, i + ADJACENT_WORDS)]:
            if self.quote_of_token[token.i] >= 0:
                return None
            if self._is_free_reporting_verb(token):
                return token
        return None

    def _verb_before(self, quoted: Quoted) -> Token | None:
        """A reporting verb ending the words before the quotation ("Moore said, "...")."""
        i = self._token_index(quoted.start) - 1
        if i < 0:
            return None
        sentence_start = self.doc[i].sent.start
        for token in reversed(self.doc[max(sentence_start, i - ADJACENT_WORDS + 1) : i + 1]):
            if self.quote_of_token[token.i] >= 0 or token.text in ".!?":
                return None
            if self._is_free_reporting_verb(token):
                return token
        return None

    def _is_free_reporting_verb(self, token: Token) -> bool:
        return (
            token.lemma_ in REPORTING_FRAMES
            and token.pos_ in ("VERB", "AUX")
            and token.i not in self.cue_tokens
        )

    def _signature_after(self, quoted: Quoted) -> tuple[Bounds, Token] | None:
        """``"..." ― Jane Doe``: a dash after the quotation, then a name."""
        dash = quoted.end
        while dash < len(self.text) and self.text[dash] in " \u00a0":
            dash += 1
        if dash >= len(self.text) or self.text[dash] not in SIGNATURE_DASHES:
            return None
        i = self._token_index(dash + 1)
        if i >= len(self.doc) or self.doc[i].pos_ != "PROPN":
            return None
        name = self.doc[i]
        while name.head.i > name.i and name.head.pos_ == "PROPN" and name.head.i - name.i <= 3:
            name = name.head
        return (dash, dash + 1), name

    def _token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.token_starts, offset)

    def _transcript_turns(self) -> None:
        """Paragraphs of a transcript: ``TAPPER: And obviously ...`` (a capitalised speaker label)."""
        for start in self.paragraph_starts:
            i = self._token_index(start)
            label_end = i
            while label_end < len(self.doc) and label_end - i < 4 and self.doc[label_end].is_upper:
                label_end += 1
            if label_end == i or label_end >= len(self.doc) or self.doc[label_end].text != ":":
                continue
            label = self.doc[i:label_end]
            if (
                not any(token.ent_type_ in SPEAKER_ENTITY_TYPES for token in label)
                and self.mentions.entity_at(label.start_char, label.end_char) is None
            ):
                continue
            colon = self.doc[label_end]
            content = trim(self.text, token_end(colon), self.paragraph_ends[self.paragraph_of(start)])
            if content[1] - content[0] > 0:
                self._add(content, (colon.idx, token_end(colon)), label[-1], None, kind="direct")

    def _quotes_without_cue(self) -> None:
        """Quotations that no cue claimed: continuations of the previous speaker, or not quotes."""
        by_start = sorted(self.quotes, key=lambda quote: quote.content[0])
        previous, i = None, 0
        for k, quoted in enumerate(self.quoted):
            while i < len(by_start) and by_start[i].content[0] < quoted.start:
                previous, i = by_start[i], i + 1
            if k in self.claimed or previous is None or not self._fills_its_sentences(quoted):
                continue
            if self.paragraph_of(quoted.start) - self.paragraph_of(previous.content[0]) > 1:
                continue
            previous = Quote(kind="direct", content=trim(self.text, *quoted.inner), speaker=previous.speaker)
            self.quotes.append(previous)

    def _fills_its_sentences(self, quoted: Quoted, slack: int = FLOATING_SLACK_WORDS) -> bool:
        """The quotation is a sentence or more, with at most a couple of words around it."""
        span = self.doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
        if span is None or sum(not t.is_punct for t in span) < MIN_FLOATING_WORDS:
            return False
        outside = 0
        for sentence in _sentences_of(span):
            for token in sentence:
                if self.quote_of_token[token.i] < 0 and not (token.is_punct or token.is_space):
                    outside += token.idx < quoted.start or token.idx >= quoted.end
        return outside <= slack

    def _without_duplicates(self) -> list[Quote]:
        """One quote per content (two cues may report the same clause: "said and added")."""
        seen: set[Bounds] = set()
        kept = []
        for quote in self.quotes:
            if quote.content not in seen and quote.content[1] > quote.content[0]:
                seen.add(quote.content)
                kept.append(quote)
        return kept


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Quotes whose cue is not itself inside what another quote reports.

    In "Rutte said he believed that ...", the belief is part of what Rutte said, not a
    second statement. One sweep over the contents sorted by start: linear after sorting.
    """
    by_start = sorted(range(len(quotes)), key=lambda i: quotes[i].content[0])
    starts = [quotes[i].content[0] for i in by_start]
    # For each prefix of by_start, the two contents reaching furthest right (end, index).
    furthest: list[tuple[tuple[int, int], tuple[int, int]]] = []
    best = second = (-1, -1)
    for i in by_start:
        end = quotes[i].content[1]
        if end > best[0]:
            best, second = (end, i), best
        elif end > second[0]:
            second = (end, i)
        furthest.append((best, second))
    kept = []
    for i, quote in enumerate(quotes):
        if quote.cue is not None:
            k = bisect_right(starts, quote.cue[0]) - 1
            if k >= 0:
                best, second = furthest[k]
                reach = best if best[1] != i else second
                if reach[0] >= quote.cue[1]:
                    continue
        kept.append(quote)
    return kept


def _sentences_of(span: Span) -> list[Span]:
    first = span[0].sent
    last = span[-1].sent
    if first.start == last.start:
        return [first]
    return [first, span.doc[first.end : last.start], last] if first.end < last.start else [first, last]
