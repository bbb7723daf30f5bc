"""Reported content that the parser ended too soon runs on to where the report ends.

Used by :class:`~whosaidwhat.nlp.quote_finder.QuoteFinder` when it records a quote found by its
cue. Two places where the parser often breaks a reported clause off from the words after it:

* a quoted fragment's closing mark: "said she wanted to speak "directly to voters" *and let them
  know* ...", "condemned the test as "reckless" *and a "grave threat"*";
* a colon: "said she has the quality the job needs*: "steadiness"*", "notes that three things
  are happening at once*: prices are rising, ...*".

Neither runs on over a new report (""...," she said", "..., *adding* that ..."), nor over the
story that goes on after it (""unfair," *but agreed to stay*").
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from whosaidwhat.nlp.quotemarks import SENTENCE_ENDS, Bounds, trim
from whosaidwhat.nlp.speech_frames import thinking_verbs
from whosaidwhat.nlp.syntax import token_end

if TYPE_CHECKING:
    from whosaidwhat.nlp.quote_finder import QuoteFinder


def run_on(finder: QuoteFinder, content: Bounds, cue: Bounds) -> Bounds:
    """``content`` run on past a closing mark or a colon where the parser broke it off."""
    verb = finder.doc[finder.token_index(cue[0])] if cue[1] <= content[0] else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return content
    return _past_closing_mark(finder, content, verb) or _past_colon(finder, content) or content


def _past_closing_mark(finder: QuoteFinder, content: Bounds, verb: Token) -> Bounds | None:
    """Over the words after a quoted fragment ending the content that the parser hung from the
    reporting verb or from the content itself."""
    k = bisect_right(finder.quoted_starts, content[1]) - 1
    if k < 0 or not finder.quoted[k].closed or finder.quoted[k].start <= content[0]:
        return None
    quoted = finder.quoted[k]
    if trim(finder.text, *quoted.inner)[1] != content[1] and quoted.end != content[1]:
        return None
    first = finder.token_index(quoted.end)
    if first >= verb.sent.end:
        return None
    run = _without_final_punctuation(finder.doc[first : verb.sent.end])
    if run is None or run[0].is_punct:
        return None
    inside = range(finder.token_index(content[0]), first)
    for token in run:
        if token.head.i == token.i or _reports_a_clause(finder, token):
            return None
        if run.start <= token.head.i < run.end:
            continue
        if finder.is_reporting_verb(token) or (token.head.i != verb.i and token.head.i not in inside):
            return None
        if token.dep_ == "conj" and (token.tag_ == verb.tag_ or _has_subject(token)):
            return None  # the story goes on: "... but agreed to stay", "... but they left"
    return content[0], token_end(run[-1])


def _past_colon(finder: QuoteFinder, content: Bounds) -> Bounds | None:
    """Over what follows a colon right after the content, to the end of its sentence: the list or
    the words the content announces."""
    colon = finder.token_index(content[1])
    if colon + 1 >= len(finder.doc) or finder.doc[colon].text != ":" or finder.doc[colon].idx != content[1]:
        return None
    end = colon + 1
    paragraph_end = finder.paragraph_ends[finder.paragraph_of(content[1])]
    while end < len(finder.doc) and finder.doc[end].idx < paragraph_end:
        token = finder.doc[end]
        if token.text in SENTENCE_ENDS and finder.quote_of_token[token.i] < 0:
            break
        if finder.quote_of_token[token.i] < 0 and finder.is_reporting_verb(token):
            return None
        end += 1
    run = _without_final_punctuation(finder.doc[colon + 1 : end])
    return (content[0], token_end(run[-1])) if run is not None else None


def _without_final_punctuation(run: Span) -> Span | None:
    while len(run) and (run[-1].is_punct or run[-1].is_space):
        run = run[:-1]
    return run if len(run) else None


def _reports_a_clause(finder: QuoteFinder, token: Token) -> bool:
    """A verb of speech with a clause of its own: "... *pointing out* that ...", "*discussed* how"."""
    return (
        finder.is_reporting_verb(token)
        and token.lemma_ not in thinking_verbs()
        and any(child.dep_ in ("ccomp", "xcomp") for child in token.children)
    )


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)
