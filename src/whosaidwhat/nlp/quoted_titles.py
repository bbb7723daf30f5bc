"""Quotation marks around a title, not around words someone said.

News puts the names of programmes, books, songs and podcasts in quotation marks: 'said on the
podcast "Here's the Thing"', "said on CBS's ''Face the Nation''", "In his book, ''Make Your Kid a
Millionaire,'' Berg suggested ...". Such a quotation is written in title case and named by the
words before it (a document or a medium, a broadcaster's possessive, "on"). Used by
:class:`~whosaidwhat.nlp.quote_finder.QuoteFinder`: a quote whose quoted words are only a title,
with no verb outside them, is no quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from whosaidwhat.nlp.documents import DOCUMENT_NOUNS
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.quotemarks import Bounds

if TYPE_CHECKING:
    from whosaidwhat.nlp.quote_finder import QuoteFinder

#: Short words a title leaves in lower case: "Face *the* Nation", "Gone *with the* Wind".
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "but", "or", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "as"}
)
#: A word of a title: letters, with an apostrophe or a hyphen inside ("Here's", "Make-Up").
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def is_title_case(words: str) -> bool:
    """Every word capitalised but the short ones a title leaves small, the first one included."""
    found = _WORD.findall(words)
    if not found or not found[0][0].isupper():
        return False
    return all(word[0].isupper() or word.lower() in TITLE_SMALL_WORDS for word in found)


def is_named_title(words: str, before: Token | None) -> bool:
    """Title-case words after a word naming a work or a channel: 'the podcast *"Here's the Thing"*',
    'his book, *"Make Your Kid a Millionaire"*' (the noun and its comma), 'CBS's *"Face the
    Nation"*', 'said on *"Meet the Press"*' (not 'hailed him as *"The Comeback Kid"*')."""
    if before is None or not is_title_case(words):
        return False
    if before.text == "," and before.i > 0:
        before = before.doc[before.i - 1]
    if before.tag_ == "POS" or (before.pos_ == "ADP" and before.lower_ == "on"):
        return True
    return before.pos_ == "NOUN" and before.lemma_.lower() in medium_nouns()


@cache
def medium_nouns() -> frozenset[str]:
    """Documents and media, whose title follows them: ``resources/document_nouns.txt`` and
    ``resources/setting_nouns.txt``."""
    return DOCUMENT_NOUNS | words("setting_nouns.txt")


def only_a_title(finder: QuoteFinder, content: Bounds) -> bool:
    """The content's quotations are all named titles, and its words outside them hold no verb."""
    first = max(0, bisect_right(finder.quoted_starts, content[0]) - 1)
    last = bisect_left(finder.quoted_starts, content[1])
    quotations = [quoted for quoted in finder.quoted[first:last] if quoted.end > content[0]]
    if not quotations:
        return False
    for quoted in quotations:
        first = finder.token_index(quoted.start)
        before = finder.doc[first - 1] if first > 0 else None
        if not is_named_title(finder.text[quoted.inner[0] : quoted.inner[1]], before):
            return False
    return not any(
        finder.quote_of_token[token.i] < 0 and token.pos_ in ("VERB", "AUX")
        for token in finder.tokens_in(content)
    )
