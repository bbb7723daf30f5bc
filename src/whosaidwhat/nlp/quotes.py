"""``whosaidwhat_quotes``: direct, indirect and mixed quotes with their speakers.

Writes ``doc._.wsw_quotes`` as ``[{"kind", "content", "speaker", "source", "cue", "addressee"}]``
(offsets into ``doc.text``; ``speaker`` and ``addressee`` are entity ids from
``doc._.wsw_entities``).

How it works, over the dependency parse:

1. Quotation marks are paired per paragraph (:mod:`whosaidwhat.nlp.quotemarks`).
2. Every reporting verb outside quotation marks that governs what was said, by one of
   the dependencies its entry in ``resources/reporting_verbs.tsv`` lists (a clause, an object,
   an infinitive, a prepositional object), or that heads a quotation ("X said:
   \"...\""), is a cue (:mod:`~whosaidwhat.nlp.cues`); its subject is the source
   (:mod:`~whosaidwhat.nlp.speakers`).
   The content is a *direct* quote when quotation marks hold all its words, *mixed*
   when they hold some, *indirect* otherwise. "according to X" works the same way,
   with the rest of the sentence as content, and so does a reporting noun ("his remarks
   that ..."). A reporting clause between commas reports what stands on either side
   (:mod:`~whosaidwhat.nlp.parentheticals`). A verb reports nothing where nobody speaks
   (:mod:`~whosaidwhat.nlp.speech_frames`): "is expected to", "Councillors must
   declare", "I believe"; a belief counts only for a speaker quoted otherwise.
3. Quotations no cue claimed (:mod:`~whosaidwhat.nlp.loose_quotes`): one beside a
   reporting verb the parser did not link ("...?" said the minister), one after a
   narrative clause and a colon, one signed "― Name", a transcript turn ("TAPPER:
   ..."), or a paragraph without marks after "she added:". A cue inside another quote's
   content is part of that quote.
4. A remaining quotation that fills its sentences continues the previous speaker of
   its paragraph or of the paragraph before, or of the one before that when a narrative
   paragraph comes between (no cue, no source): the second half of a
   quote split around its cue, or a floating quote. So does a quoted fragment in a
   sentence about "he", "she" or "they" (``She had been "sleeping rough" when ...``),
   as a mixed quote of that sentence. Anything else (scare quotes, titles) is not a quote.
   A quotation inside a direct quote, introduced there by a verb of speech ("He said,
   'Get down'"), is a quote of its own (:mod:`~whosaidwhat.nlp.nested_quotes`).
5. Who said each quote, as an entity (:mod:`~whosaidwhat.nlp.speakers`); then the beliefs
   of anyone not quoted otherwise are dropped.

The thresholds and the reporting verbs are settings of the component
(:class:`~whosaidwhat.nlp.quote_finder.QuoteSettings`), which a spaCy config may change.

Each step visits each token a bounded number of times, and look-ups are by bisection:
linear-logarithmic at worst in the article's length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.cues import quote_from_cue
from whosaidwhat.nlp.loose_quotes import paragraphs_after_a_colon, quotes_beside_cues, transcript_turns
from whosaidwhat.nlp.nested_quotes import nested_quotes
from whosaidwhat.nlp.quote_finder import (
    ADJACENT_WORDS,
    FLOATING_SLACK_WORDS,
    MIN_FLOATING_WORDS,
    STRAY_WORDS,
    Bounds,
    Quote,
    QuoteFinder,
    QuoteSettings,
    trim,
)
from whosaidwhat.nlp.quotemarks import Quoted, find_quoted
from whosaidwhat.nlp.speakers import Speakers
from whosaidwhat.nlp.syntax import doc_text, paragraphs_of

#: Subjects of a sentence whose quoted fragment the running speaker said of someone.
FRAGMENT_SUBJECTS = frozenset({"he", "she", "they"})


class Quotes(QuoteSettings):
    """The ``whosaidwhat_quotes`` component: its settings, as keywords, and the quotes of a Doc.

    Reads ``doc._.wsw_entities`` and ``doc._.wsw_paragraphs`` when set.
    """

    def __call__(self, doc: Doc) -> Doc:
        doc._.wsw_quotes = [quote.as_dict() for quote in find_quotes(doc, self)]
        return doc


@Language.factory(
    "whosaidwhat_quotes",
    default_config={
        "reporting_verbs": {"@misc": "whosaidwhat.reporting_verbs.v1"},
        "floating_slack_words": FLOATING_SLACK_WORDS,
        "adjacent_words": ADJACENT_WORDS,
        "stray_words": STRAY_WORDS,
        "min_floating_words": MIN_FLOATING_WORDS,
    },
    requires=["token.dep", "token.lemma", "doc.sents"],
    assigns=["doc._.wsw_quotes"],
)
def make_quotes(
    nlp: Language,
    name: str,
    reporting_verbs: Mapping[str, frozenset[str]],
    floating_slack_words: int,
    adjacent_words: int,
    stray_words: int,
    min_floating_words: int,
) -> Quotes:
    extensions.register()
    return Quotes(
        reporting_verbs=reporting_verbs,
        floating_slack_words=floating_slack_words,
        adjacent_words=adjacent_words,
        stray_words=stray_words,
        min_floating_words=min_floating_words,
    )


def find_quotes(doc: Doc, settings: QuoteSettings) -> list[Quote]:
    """All quotes of ``doc``, in text order: the steps of the module docstring, in turn."""
    text = doc_text(doc)
    paragraphs = paragraphs_of(doc)
    # 1. quotation marks, paired per paragraph
    finder = QuoteFinder(doc, text, paragraphs, find_quoted(text, paragraphs), settings)
    # 2. cues in the parse
    for i in finder.cue_candidates:
        quote_from_cue(finder, doc[i])
    # 3. cues the parse missed; then a cue inside another quote's content is part of that quote
    quotes_beside_cues(finder)
    transcript_turns(finder)
    paragraphs_after_a_colon(finder)
    finder.quotes = outermost(finder.quotes)
    # 4. quotations continuing the previous speaker
    add_quotes_without_cue(finder)
    nested_quotes(finder)
    finder.quotes.sort(key=lambda quote: quote.content)
    # 5. who said each quote
    speakers = Speakers(doc, doc._.wsw_entities or [], finder.paragraph_starts)
    return without_duplicates(beliefs_of_speakers(speakers.attribute(finder.quotes)))


def beliefs_of_speakers(quotes: list[Quote]) -> list[Quote]:
    """The quotes without the beliefs of anyone the article does not quote otherwise."""
    speaking = {quote.speaker for quote in quotes if not quote.belief and quote.speaker is not None}
    return [quote for quote in quotes if not quote.belief or quote.speaker in speaking]


def add_quotes_without_cue(finder: QuoteFinder) -> None:
    """Quotations that no cue claimed: continuations of the previous speaker, or not quotes."""
    by_start = sorted(finder.quotes, key=lambda quote: quote.content[0])
    previous, i = None, 0
    for k, quoted in enumerate(finder.quoted):
        while i < len(by_start) and by_start[i].content[0] < quoted.start:
            previous, i = by_start[i], i + 1
        if k in finder.claimed or previous is None:
            continue
        if not _within_reach(finder, quoted, previous):
            continue
        if finder.fills_its_sentences(quoted, slack=finder.settings.floating_slack_words):
            previous = Quote(kind="direct", content=trim(finder.text, *quoted.inner), follows=previous)
        elif (sentence := fragment_sentence(finder, quoted)) is not None:
            previous = Quote(kind="mixed", content=sentence, follows=previous)
        else:
            continue
        finder.quotes.append(previous)


def _within_reach(finder: QuoteFinder, quoted: Quoted, previous: Quote) -> bool:
    """The quotation is in the previous quote's paragraph or the next, or it is a paragraph of its
    own after one narrative paragraph (the speaker's story told between two of their quotes): no
    quotation marks there, and no colon introducing the quotation as someone else's."""
    paragraph = finder.paragraph_of(quoted.start)
    gap = paragraph - finder.paragraph_of(previous.content[0])
    if gap <= 1:
        return True
    if gap > 2 or not _is_whole_paragraph(finder, quoted):
        return False
    if any(finder.paragraph_of(quote.content[0]) == paragraph for quote in finder.quotes):
        return False  # a transcript's turn, already a quote
    start, end = finder.paragraph_starts[paragraph - 1], finder.paragraph_ends[paragraph - 1]
    if finder.text[start:end].rstrip().endswith(":"):
        return False
    k = bisect_right(finder.quoted_starts, end) - 1
    return k < 0 or finder.quoted[k].end <= start


def _is_whole_paragraph(finder: QuoteFinder, quoted: Quoted) -> bool:
    paragraph = finder.paragraph_of(quoted.start)
    start, end = finder.paragraph_starts[paragraph], finder.paragraph_ends[paragraph]
    return not finder.has_words(start, quoted.start) and not finder.has_words(quoted.end, end)


def fragment_sentence(finder: QuoteFinder, quoted: Quoted) -> Bounds | None:
    """The sentence around a quoted fragment that tells of the person the running speaker speaks
    of: "She had been *"sleeping rough"* when ...". Not a title or a name (capitalised), not a
    term without a verb, and not a sentence about a thing ("the *"green budget"* ...")."""
    inner = trim(finder.text, *quoted.inner)
    words = finder.text[inner[0] : inner[1]].split()
    if len(words) < 2 or not words[0][:1].islower():
        return None
    span = finder.doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if span is None or not any(token.pos_ == "VERB" for token in span):
        return None  # a term, not words someone used: the "eightfold fence"
    sentence = span.sent
    subject = next((t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in FRAGMENT_SUBJECTS or subject.i > span.start:
        return None
    return trim(finder.text, sentence.start_char, sentence.end_char)


def without_duplicates(quotes: list[Quote]) -> list[Quote]:
    """One quote per content and source (two cues may report the same clause: "said and added";
    coordinated speakers share one)."""
    seen: set[tuple[Bounds, Bounds | None]] = set()
    kept = []
    for quote in quotes:
        key = (quote.content, quote.source)
        if key not in seen and quote.content[1] > quote.content[0]:
            seen.add(key)
            kept.append(quote)
    return kept


def outermost(quotes: list[Quote]) -> list[Quote]:
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
