"""Step 4b of the quotes (:mod:`~whosaidwhat.nlp.quotes`): a quotation inside a quote.

``"He said, 'We have a warrant'," Simons said.`` holds two quotes: Simons's, and inside it
the man's words between single marks. A verb of speech right before the inner opening mark
(past a comma or a colon) is the inner quote's cue and its subject the source; when that
subject is the outer speaker ("I said, '...'"), the inner quote is the outer speaker's too.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import reporting_verbs
from whosaidwhat.nlp.quote_finder import Bounds, Quote, QuoteFinder, trim
from whosaidwhat.nlp.speakers import addressee_of
from whosaidwhat.nlp.speech_frames import NARRATOR_SUBJECTS, reports
from whosaidwhat.nlp.syntax import SPEAKER, child_with_dep, subject_of, token_end

#: Marks that open and close a quotation inside a double-quoted one.
INNER_OPENERS = "'\u2018"
INNER_CLOSERS = "'\u2019"
#: Punctuation between a reporting verb and the quotation it introduces ("said, '", "said: '").
INTRODUCING_PUNCTUATION = frozenset({",", ":"})


def nested_quotes(finder: QuoteFinder) -> None:
    """Add the quotes reported inside direct quotes, each after the quote holding it."""
    for outer in list(finder.quotes):
        if outer.kind != "direct":
            continue
        for inner in _inner_quotations(finder.text, *outer.content):
            verb = _speech_verb_before(finder, inner[0] - 1)
            if verb is None:
                continue
            cue = (verb.idx, token_end(verb))
            subject = _sayer(verb)
            if subject is None:
                finder.quotes.append(Quote(kind="direct", content=inner, cue=cue))
            elif subject.lower_ in NARRATOR_SUBJECTS:
                finder.quotes.append(Quote(kind="direct", content=inner, cue=cue, follows=outer))
            else:
                finder.add(inner, cue, subject, addressee_of(verb), kind="direct")


def _sayer(verb: Token) -> Token | None:
    """Who says the inner words: the verb's subject, or the agent of the passive a participle
    hangs from ("punched by *a man* in a mask, saying, '...'")."""
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and (agent := child_with_dep(verb.head, "agent")) is not None
    ):
        return child_with_dep(agent, "pobj")
    return subject_of(verb, SPEAKER)


def _inner_quotations(text: str, start: int, end: int) -> Iterator[Bounds]:
    """The words between single marks in ``text[start:end]``; one left open runs to ``end``."""
    i = start
    while i < end:
        if text[i] in INNER_OPENERS and _opens(text, i, start, end):
            close = _close_of(text, i, end)
            inner = trim(text, i + 1, close if close is not None else end)
            if inner[1] > inner[0]:
                yield inner
            i = close + 1 if close is not None else end
        else:
            i += 1


def _opens(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    return not before.isalnum() and i + 1 < end and not text[i + 1].isspace()


def _close_of(text: str, i: int, end: int) -> int | None:
    """The mark closing the inner quotation opened at ``i``: no letter after it (``don't``)."""
    for j in range(i + 2, end):
        if text[j] in INNER_CLOSERS and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < end else ""
            if not after.isalnum():
                return j
    return None


def _speech_verb_before(finder: QuoteFinder, mark: int) -> Token | None:
    """The verb of speech ending the words before the mark at ``mark``: "He said, '"."""
    k = finder.token_index(mark) - 1
    doc = finder.doc
    while k >= 0 and doc[k].text in INTRODUCING_PUNCTUATION:
        k -= 1
    if k < 0:
        return None
    verb = doc[k]
    if verb.i > 0 and not doc[verb.i - 1].whitespace_:
        return None  # part of a word: "the so-called 'levy'"
    known = reporting_verbs().get(verb.lemma_)
    if known is None or not known.speech or verb.pos_ not in ("VERB", "AUX") or not reports(verb, None):
        return None
    return verb
