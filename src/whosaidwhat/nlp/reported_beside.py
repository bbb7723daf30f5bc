"""What a reporting verb reports beside its own phrase (step 2 of :mod:`~whosaidwhat.nlp.quotes`).

The parser often leaves what was said unlinked to the verb that reports it. Read from the
words instead:

* a quotation after the verb's colon: ``Rutte said: "..."``;
* a quotation after the verb's comma: ``Clinton said, "as long as ..."``, ``telling the crowd,
  "..."`` (the parser hangs the quotation's clause on the sentence's main verb);
* a clause after a preposition of the verb's frame: ``called for the state to step in``;
* an infinitive after the one addressed and a phrase: ``told residents at the meeting to stay``;
* the rest of a relative clause whose pronoun is what was said's subject: ``the test, which
  state media claimed now allows ...``;
* the clause that an "as" clause sets off: ``..., as police have said``, ``As the ministry
  said last week, the bridge will stay closed``, ``as a memo put it``: the "as" stands for
  what was said.

"put" reports only with its object "it", and "make" only with "clear" ("made it clear that
..."): the ``it`` and ``clear`` frames of ``resources/reporting_verbs.tsv``.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from whosaidwhat.nlp.coordinated_content import has_own_subject
from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, trim
from whosaidwhat.nlp.quotemarks import Quoted, without_final_stop
from whosaidwhat.nlp.reported_objects import clause_bounds
from whosaidwhat.nlp.speech_frames import CONTENT_POS
from whosaidwhat.nlp.syntax import RELATIVE_PRONOUN_TAGS, token_end

#: How many words of its own phrase ("telling the crowd on Monday") a verb may have before a comma
#: and the quotation it reports.
PHRASE_BEFORE_COMMA_WORDS = 6
#: Frames of the verbs that can report a quotation: a clause, a quoted object, or "put it".
QUOTATION_FRAMES = frozenset({"ccomp", "quoted", "it"})
#: Dependencies by which a verb governs what was said itself: an "as" clause with one of them
#: ("as he said he would") is no report of the clause it sets off.
OWN_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "dative", "parataxis"})
#: Frames of the verbs whose "as" clause stands for a statement ("as police have said", "as she put
#: it"); the others' "as" is a time ("as she spoke").
AS_CLAUSE_FRAMES = frozenset({"ccomp", "it"})
#: Words of a relative pronoun that is the subject of what was said ("which he said was").
RELATIVE_WORDS = frozenset({"which", "that", "who", "what"})
#: Tokens that end a relative clause's reported words.
CLAUSE_ENDS = frozenset({",", ";", ":", "--", "\u2014", "\u2013", ")", ".", "!", "?"})
#: Dependencies of the clause after "made clear" ("that ..." is parsed as any of them).
CLEAR_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl", "relcl"})


def what_was_made_clear(finder: QuoteFinder, verb: Token, frames: frozenset[str]) -> Bounds | None:
    """ "Obama made clear over the weekend *that the talks had an impact*", "made it clear to
    members *they would not strike*": the clause after "clear", hung from the verb or from "clear"."""
    if "clear" not in frames:
        return None
    clear = next((child for child in verb.children if child.lower_ == "clear"), None)
    if clear is None:
        return None
    for token in (*clear.rights, *verb.rights):
        if token.i > clear.i and token.dep_ in CLEAR_CLAUSE_DEPS and _is_statement(token):
            return clause_bounds(finder, token)
    return None


def _is_statement(clause: Token) -> bool:
    return has_own_subject(clause) or any(child.dep_ in ("csubj", "csubjpass") for child in clause.children)


def clause_after_preposition(finder: QuoteFinder, verb: Token, frames: frozenset[str]) -> Bounds | None:
    """ "called *for the state to step in*": a preposition of the verb's frame that the parser took
    for the conjunction of a clause of its own."""
    for clause in verb.rights:
        opener = clause.left_edge
        if (
            clause.dep_ == "advcl"
            and opener.dep_ == "mark"
            and opener.head.i == clause.i
            and f"prep:{opener.lower_}" in frames
            and opener.i + 1 < clause.i
        ):
            return trim(finder.text, opener.nbor().idx, clause_bounds(finder, clause)[1])
    return None


def infinitive_after_the_addressee(finder: QuoteFinder, verb: Token, frames: frozenset[str]) -> Bounds | None:
    """ "told residents at the meeting *to stay indoors*": an infinitive after the one addressed and
    a phrase, which the parser took for a clause of purpose."""
    if "xcomp" not in frames or not any(child.dep_ in ("dobj", "dative") for child in verb.children):
        return None
    for clause in verb.rights:
        opener = next(
            (child for child in clause.children if child.dep_ == "aux" and child.lower_ == "to"), None
        )
        if (
            clause.dep_ == "advcl"
            and opener is not None
            and opener.i < clause.i
            and not any(child.dep_ in ("nsubj", "nsubjpass", "mark") for child in clause.children)
        ):
            return trim(finder.text, opener.idx, clause_bounds(finder, clause)[1])
    return None


def clause_with_a_relative_gap(finder: QuoteFinder, verb: Token, frames: frozenset[str]) -> Bounds | None:
    """ "a finish *that he said defied expectations*", "the test, *which state media claimed now
    allows* ...", "*what she said is growing demand*": a relative pronoun before the reporting
    clause is the subject of what was said, which the parser hung elsewhere; what was said runs
    from the pronoun to the end of the clause (a comma, a dash or the end of the sentence)."""
    if "ccomp" not in frames or any(child.dep_ in ("ccomp", "xcomp") for child in verb.children):
        return None
    pronoun = next(
        (
            child
            for child in verb.lefts
            if child.tag_ in RELATIVE_PRONOUN_TAGS and child.lower_ in RELATIVE_WORDS
        ),
        None,
    )
    if pronoun is None or not any(
        child.dep_ in ("nsubj", "nsubjpass") and child.i > pronoun.i for child in verb.lefts
    ):
        return None  # "three men *who told* her husband ...": the pronoun is the speaker
    doc, end = verb.doc, verb.i + 1
    while end < verb.sent.end and doc[end].text not in CLAUSE_ENDS and finder.quote_of_token[end] < 0:
        end += 1
    if end == verb.i + 1:
        return None
    return trim(finder.text, pronoun.idx, token_end(doc[end - 1]))


def past_relative_pronoun(subject: Token | None) -> Token | None:
    """ "what *she* said is growing demand": the parser gave the verb two subjects, the relative
    pronoun (the subject of what was said) and the speaker after it."""
    if subject is None or subject.lower_ not in ("what", "which", "that"):
        return subject
    return next(
        (child for child in subject.head.children if child.dep_ == "nsubj" and child.i > subject.i), subject
    )


def quotation_after_comma(finder: QuoteFinder, verb: Token, frames: frozenset[str]) -> Quoted | None:
    """ "Clinton said, *"as long as ..."*", "telling the crowd, *"..."*": a verb that can report a
    quotation, its own short phrase, a comma, and a quotation no cue has claimed."""
    if not frames & QUOTATION_FRAMES:
        return None
    doc = verb.doc
    end = min(verb.sent.end, verb.i + 1 + PHRASE_BEFORE_COMMA_WORDS)
    for token in doc[verb.i + 1 : end]:
        if token.text == ",":
            k = bisect_right(finder.quoted_starts, token_end(token))
            following = quotation_after(finder, token_end(token))
            return None if following is None or k in finder.claimed else following
        if (
            finder.quote_of_token[token.i] >= 0
            or token.pos_ in ("VERB", "AUX")
            or not any(ancestor.i == verb.i for ancestor in token.ancestors)
        ):
            return None
    return None


def colon_after(verb: Token) -> Token | None:
    """The colon right after the verb's phrase ("Rutte said:", "he told reporters:"), also when
    the parser hung the words after it on the verb ("Holt continued: \"The *attack* ...\"")."""
    doc = verb.doc
    end = verb.right_edge.i + 1
    if end < len(doc) and doc[end].text == ":":
        return doc[end]
    colon = next((child for child in verb.rights if child.text == ":"), None)
    if colon is None or any(token.pos_ in ("VERB", "AUX") for token in doc[verb.i + 1 : colon.i]):
        return None
    return colon


def quotation_after(finder: QuoteFinder, offset: int) -> Quoted | None:
    """The quotation opening right after ``offset`` (only spaces between)."""
    k = bisect_right(finder.quoted_starts, offset)
    if k < len(finder.quoted) and not finder.text[offset : finder.quoted[k].start].strip():
        return finder.quoted[k]
    return None


def clause_set_off_by_as(finder: QuoteFinder, verb: Token, frames: frozenset[str]) -> Bounds | None:
    """ "The video does not show a gun, *as police have said*": the clause an "as" clause with
    no content of its own sets off, before it, after it, or around it ("The hospital, as the
    mayor noted, has no beds")."""
    if (
        verb.dep_ != "advcl"
        or not frames & AS_CLAUSE_FRAMES
        or not any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children)
    ):
        return None  # "As Clinton *talked about* unity, Trump ...": a time, not a report
    if any(_governs_own_content(child, frames) for child in verb.children):
        return None
    head = verb.head
    before = trim(finder.text, head.left_edge.idx, verb.left_edge.idx)
    after = trim(finder.text, _after_as_clause(verb), token_end(head.right_edge))
    before_says, after_says = _has_content(finder, before), _has_content(finder, after)
    after = trim(finder.text, *without_final_stop(finder.text, after))
    if before_says and after_says:
        return trim(finder.text, before[0], after[1])
    if before_says:
        return before
    if after_says:
        return after
    return None


def _after_as_clause(verb: Token) -> int:
    """Where the words after an "as" clause begin: after its comma ("As the ministry said last
    week*,* the bridge ..."), whatever words the parser hung elsewhere before it."""
    doc = verb.doc
    for token in doc[verb.right_edge.i + 1 : max(verb.head.i, verb.right_edge.i + 1)]:
        if token.text == ",":
            return token_end(token)
    return token_end(verb.right_edge)


def _governs_own_content(child: Token, frames: frozenset[str]) -> bool:
    """ "as he said *he would*", "as she called *for a vote*": what the verb itself reports."""
    if child.dep_ == "prep":
        return f"prep:{child.lower_}" in frames
    return child.dep_ in OWN_CONTENT_DEPS and not ("it" in frames and child.lower_ == "it")


def _has_content(finder: QuoteFinder, bounds: Bounds) -> bool:
    return any(token.pos_ in CONTENT_POS for token in finder.tokens_in(bounds))
