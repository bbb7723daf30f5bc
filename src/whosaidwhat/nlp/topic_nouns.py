"""Nouns of speech whose prepositional phrase is what was said (step 2 of :mod:`~whosaidwhat.nlp.quotes`).

"His *call for* a recount", "the mayor's *comments on* the strike", "the union *voiced criticism
of* the plan": the noun (``resources/topic_nouns.tsv``) reports the topic its preposition names,
said by the noun's holder, a possessive, a "by" or "from" phrase, or the subject of the verb that
voices it (``resources/voicing_verbs.txt``). A noun with no holder reports nobody's words ("calls
for a recount grew"), nor does one denied ("made *no mention* of"); where it was said is no
topic ("his comments on Twitter"), nor a date ("his comments on Monday", as
:func:`~whosaidwhat.nlp.speech_frames.is_speech` says).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import topic_nouns, words
from whosaidwhat.nlp.quote_finder import QuoteFinder
from whosaidwhat.nlp.reported_objects import clause_bounds, setting_nouns, without_trailing_setting
from whosaidwhat.nlp.speech_frames import is_speech
from whosaidwhat.nlp.syntax import SPEAKER, child_with_dep, phrase_object, subject_of, token_end

#: Prepositions naming who said what a noun of speech reports: "calls *by* the union", "a plea *from* Holt".
HOLDER_PREPOSITIONS = frozenset({"by", "from"})


@cache
def voicing_verbs() -> frozenset[str]:
    """The verbs of ``resources/voicing_verbs.txt``."""
    return words("voicing_verbs.txt")


def topic_noun_quote(finder: QuoteFinder, noun: Token) -> None:
    """The quote of a noun of speech and the topic after it, when someone holds the noun."""
    topic = _topic_of(noun)
    if topic is None or topic.lemma_.lower() in setting_nouns():
        return  # "his comments on Twitter": where, not what
    if any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children):
        return  # "made no mention of": nothing was said
    holder, voiced_by = _holder_of(noun)
    content = without_trailing_setting(finder, finder.without_trailing_aside(clause_bounds(finder, topic)))
    if holder is None or not is_speech(voiced_by, holder, finder.tokens_in(content)):
        return
    finder.cue_tokens.add(noun.i)
    finder.add(content, (noun.idx, token_end(noun)), holder, None)


def _topic_of(noun: Token) -> Token | None:
    """The object of the noun's preposition of topic, hung from the noun or from the verb voicing
    it right after it ("made a call *for* calm" parsed with "for" on "made")."""
    prepositions = topic_nouns()[noun.lemma_]
    phrases = list(noun.rights)
    if noun.dep_ == "dobj" and noun.head.lemma_ in voicing_verbs():
        phrases += [child for child in noun.head.rights if child.i == noun.right_edge.i + 1]
    for phrase in phrases:
        if phrase.dep_ == "prep" and phrase.lower_ in prepositions:
            return next((child for child in phrase.children if child.dep_ in ("pobj", "pcomp")), None)
    return None


def _holder_of(noun: Token) -> tuple[Token | None, Token]:
    """Who said what the noun reports, and the word whose clause decides whether it was said: the
    voicing verb when it has one, else the noun."""
    holder = child_with_dep(noun, "poss") or phrase_object(noun, HOLDER_PREPOSITIONS)
    if holder is not None or noun.dep_ != "dobj" or noun.head.lemma_ not in voicing_verbs():
        return holder, noun
    return subject_of(noun.head, SPEAKER), noun.head
