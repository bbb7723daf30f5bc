"""Step 2 of the quotes (:mod:`~whosaidwhat.nlp.quotes`): each quote's cue and what it reports.

Step 2 reads the parse: a reporting verb outside quotation marks that governs what was
said, by one of the dependencies its entry in ``resources/reporting_verbs.tsv`` lists, or
that heads a quotation ("X said: \"...\""), is a cue, and so are "according to X" and a
reporting noun with its "that" clause ("his remarks that ..."). Whether the verb reports
speech there is :mod:`~whosaidwhat.nlp.speech_frames`'s to say; a reporting clause set
off by commas is :mod:`~whosaidwhat.nlp.parentheticals`'s; what an object reports is
:mod:`~whosaidwhat.nlp.reported_objects`'s; a quotation after the verb's comma or colon, and
the clause an "as" clause sets off, :mod:`~whosaidwhat.nlp.reported_beside`'s; which clause the
verb reports where the parser hung it oddly, :mod:`~whosaidwhat.nlp.reported_clauses`'s.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from whosaidwhat.nlp.coordinated_content import (
    opens_with_that,
    reports_something,
    with_coordinated_clauses,
)
from whosaidwhat.nlp.lexicons import reporting_nouns, reporting_verbs, topic_nouns
from whosaidwhat.nlp.parentheticals import parenthetical_quotes
from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, trim
from whosaidwhat.nlp.reported_beside import (
    clause_after_preposition,
    clause_set_off_by_as,
    clause_with_a_relative_gap,
    colon_after,
    infinitive_after_the_addressee,
    past_relative_pronoun,
    quotation_after,
    quotation_after_comma,
    what_was_made_clear,
)
from whosaidwhat.nlp.reported_clauses import (
    CLAUSE_DEPS,
    around,
    clause_taken_for_adverbial,
    colon_between,
    cue_of_quotation,
    from_quotation_after_colon,
    is_clause_content,
    quotation_opening_the_sentence,
    reports_the_opening_quotation,
    second_half,
    speaker_after_verb,
    speaker_between,
    statement_before_the_reporting_clause,
    that_clause_hung_from_a_noun,
)
from whosaidwhat.nlp.reported_objects import clause_bounds, object_content
from whosaidwhat.nlp.speakers import addressee_of
from whosaidwhat.nlp.speech_frames import (
    is_belief,
    is_speech,
    mute_nouns,
    reports,
)
from whosaidwhat.nlp.syntax import SPEAKER, SUBJECT_DEPS, child_with_dep, phrase_object, subject_of, token_end
from whosaidwhat.nlp.topic_nouns import topic_noun_quote

#: How many words may stand between a quotation and its reporting verb: "*Flynn, a top surrogate,* said".
NAME_AFTER_QUOTATION_WORDS = 12


# ---------------------------------------------------------------- step 2: cues in the parse


def quote_from_cue(finder: QuoteFinder, token: Token) -> None:
    """The quote ``token`` is the cue of, if any: a reporting verb's content, or "according to X"."""
    doc = finder.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.lower_ == "according" and following is not None and following.lower_ == "to":
        _according_to(finder, token, following)
        return
    if token.pos_ == "NOUN" and token.lemma_ in reporting_nouns():
        _noun_cue(finder, token)
    if token.pos_ == "NOUN" and token.lemma_ in topic_nouns() and token.i not in finder.cue_tokens:
        topic_noun_quote(finder, token)
    if token.pos_ == "NOUN":
        return
    if not finder.is_reporting_verb(token) or _in_a_title(token) or parenthetical_quotes(finder, token):
        return
    content = _content_of(finder, token)
    subject = _reporter_of_trailing_report(finder, token) or past_relative_pronoun(subject_of(token, SPEAKER))
    opening = quotation_opening_the_sentence(finder, token)
    if opening is not None and subject is not None and token_end(subject) <= opening.end:
        subject = None  # the parser found it inside the quotation
    if opening is not None and subject is None:
        subject = speaker_between(finder, token, opening) or speaker_after_verb(finder, token)
    if opening is not None and reports_the_opening_quotation(finder, token, content, opening):
        following = second_half(finder, token, content)
        content = opening.inner
        if following is not None:
            _add_report(finder, token, subject, opening.inner)
            content = following.inner
    elif (
        opening is None
        and (ending := statement_before_the_reporting_clause(finder, token, content)) is not None
    ):
        content, subject = ending
    if content is None:
        return
    if subject is not None and subject.i > token.i and finder.quote_of_token[subject.i] >= 0:
        subject = None  # a title after the verb: 'said on Fox News's "Fox and Friends"'
    if subject is None and (named := _name_after_quotation(finder, token)) is not None:
        subject, content = named
    _add_report(finder, token, subject, content)


def _add_report(finder: QuoteFinder, verb: Token, subject: Token | None, content: Bounds) -> None:
    """The verb's quote of ``content``, if the verb reports speech there."""
    if not is_speech(verb, subject, finder.tokens_in(content)):
        return
    finder.cue_tokens.add(verb.i)
    cue = (verb.idx, token_end(verb))
    finder.add(content, cue, subject, addressee_of(verb), belief=is_belief(verb))


def _name_after_quotation(finder: QuoteFinder, verb: Token) -> tuple[Token, Bounds] | None:
    """ "*"...,"* *Flynn, a top surrogate,* said": the name between a quotation and a reporting verb
    left without a subject (the parser hung the name inside the quotation's clause), with the
    quotation as what was said."""
    doc, at = verb.doc, verb.i - 1
    while at > verb.sent.start and verb.i - at <= NAME_AFTER_QUOTATION_WORDS and doc[at].tag_ != "''":
        if doc[at].pos_ in ("VERB", "AUX"):
            return None
        at -= 1
    words = [token for token in doc[at + 1 : verb.i] if not token.is_punct]
    if doc[at].tag_ != "''" or not words or words[0].pos_ != "PROPN":
        return None
    k = bisect_right(finder.quoted_starts, doc[at].idx) - 1
    if k < 0 or finder.quoted[k].end != token_end(doc[at]):
        return None
    name = words[0]
    while name.i + 1 < verb.i and doc[name.i + 1].pos_ == "PROPN":
        name = doc[name.i + 1]
    return name, trim(finder.text, *finder.quoted[k].inner)


def _in_a_title(token: Token) -> bool:
    """A capitalised verb inside its sentence is a title's: "Every Awful Thing Trump Has Promised"."""
    return token.is_title and not token.is_sent_start and token.i > 0 and token.doc[token.i - 1].is_title


def _noun_cue(finder: QuoteFinder, noun: Token) -> None:
    """ "His remarks that the fund is empty", "the claim by the ministry that ...", "a Gazette
    report that ...": the clause after the noun ("that" is its conjunction, not a pronoun of a
    relative clause), said by the noun's possessor, the "by" phrase's object or the name before it."""
    clause = next(
        (
            child
            for child in noun.rights
            if child.dep_ in ("acl", "ccomp", "relcl") and opens_with_that(child)
        ),
        None,
    )
    if clause is None:
        return
    holder = child_with_dep(noun, "poss") or _name_before(noun) or phrase_object(noun, ("by",))
    content = clause_bounds(finder, clause)
    if holder is None or not is_speech(noun, holder, finder.tokens_in(content)):
        return
    finder.cue_tokens.add(noun.i)
    finder.add(content, (noun.idx, token_end(noun)), holder, None)


def _name_before(noun: Token) -> Token | None:
    """ "a New York *Times* report": the last proper noun compounded with the noun."""
    return next(
        (child for child in reversed(list(noun.lefts)) if child.dep_ == "compound" and child.pos_ == "PROPN"),
        None,
    )


def _content_of(finder: QuoteFinder, verb: Token) -> Bounds | None:
    """What ``verb`` reports: its clause, object or infinitive, or the quotation it heads."""
    frames = finder.settings.reporting_verbs[verb.lemma_]
    # "X: in 2023, polling *found* that Y" reports Y; before the verb, the nearest clause is what it reports
    for child in (*verb.rights, *reversed(list(verb.lefts))):
        if (
            child.dep_ in CLAUSE_DEPS
            and is_clause_content(finder, child, frames)
            and not cue_of_quotation(finder, child)
        ):
            bounds = _before_next_report(finder, child, clause_bounds(finder, child))
            if child.i < verb.i:
                bounds = from_quotation_after_colon(finder, bounds)
            return around(finder, verb, with_coordinated_clauses(finder, child, bounds), clause=child)
    if (
        verb.dep_ in CLAUSE_DEPS
        and finder.quote_of_token[verb.head.i] >= 0
        and not colon_between(verb, verb.head)
    ):
        return around(finder, verb, clause_bounds(finder, verb.head, without=verb))
    made_clear = what_was_made_clear(finder, verb, frames)
    if made_clear is not None:
        return made_clear
    after_comma = quotation_after_comma(finder, verb, frames)
    if after_comma is not None:
        return after_comma.inner
    set_off = clause_set_off_by_as(finder, verb, frames)
    if set_off is not None:
        return set_off
    hung = that_clause_hung_from_a_noun(verb, frames)
    if hung is not None:
        return clause_bounds(finder, hung)
    reported = (
        object_content(finder, verb, frames)
        or clause_after_preposition(finder, verb, frames)
        or infinitive_after_the_addressee(finder, verb, frames)
    )
    if reported is not None:
        return reported
    colon = colon_after(verb)
    if colon is not None:
        following = quotation_after(finder, token_end(colon))
        if following is not None:
            return following.inner
    misparsed = clause_taken_for_adverbial(verb, frames)
    if misparsed is not None:
        return clause_bounds(finder, misparsed)
    return clause_with_a_relative_gap(finder, verb, frames)


def _before_next_report(finder: QuoteFinder, head: Token, bounds: Bounds) -> Bounds:
    """A clause coordinated with another report ends before it: "says Machado promised to stay
    *and said she would fight*" holds two quotes ("and eight in 10 men reported ..." is no report,
    nor "but would *add* $84 billion", which governs nothing it could report);
    so does a clause followed by the speaker's own participle of speech (", *adding* that ..."),
    also one hung from a word deeper in the clause (:func:`_trailing_report_deeper`)."""
    for child in head.rights:
        if _is_trailing_report(finder, child):
            return trim(finder.text, bounds[0], child.doc[child.i - 1].idx)
        if (
            child.dep_ == "conj"
            and reports_something(finder, child)
            and not opens_with_that(child)  # "said she liked it *and that she wanted* ...": one report
            and child.idx < bounds[1]
            and reports(child, next((grand for grand in child.children if grand.dep_ in SUBJECT_DEPS), None))
        ):
            cut = child.left_edge
            while cut.i > head.i and (cut.doc[cut.i - 1].dep_ == "cc" or cut.doc[cut.i - 1].is_punct):
                cut = cut.doc[cut.i - 1]
            return trim(finder.text, bounds[0], cut.idx)
    deeper = _trailing_report_deeper(finder, head)
    if deeper is not None:
        return trim(finder.text, bounds[0], deeper.doc[deeper.i - 1].idx)
    return bounds


def _trailing_report_deeper(finder: QuoteFinder, head: Token) -> Token | None:
    """The speaker's participle of speech ending the clause of ``head``, hung from a word inside it:
    "said Clinton will have to *choose* whose side she is on*, saying*, \"...\"". It is an
    ancestor of the clause's last word, so only that word's heads are read."""
    doc = head.doc
    last = head.right_edge
    while last.i > head.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    node = last
    while node.i > head.i and node.head.i != node.i:
        if (
            node.dep_ == "advcl"
            and node.head.i != head.i
            and all(
                word.is_punct or word.is_space for word in doc[node.right_edge.i + 1 : head.right_edge.i + 1]
            )
            and _is_trailing_report(finder, node)
        ):
            return node
        node = node.head
    return None


def _is_trailing_report(finder: QuoteFinder, participle: Token) -> bool:
    """ "said the plan would fail*, adding that* ...": a participle of a verb of speech set off by a
    comma at the end of a reported clause, with no subject of its own, is the speaker's next
    statement, which the parser hung from the clause (its speaker is the report's)."""
    known = reporting_verbs().get(participle.lemma_)
    return (
        participle.dep_ == "advcl"
        and participle.tag_ == "VBG"
        and _after_a_comma(participle)
        and finder.is_reporting_verb(participle)
        and known is not None
        and not is_belief(participle)
        and finder.quote_of_token[participle.i] < 0
        and not any(child.dep_ in SUBJECT_DEPS for child in participle.children)
        and _content_of(finder, participle) is not None
    )


def _after_a_comma(token: Token) -> bool:
    """A comma stands before ``token``, or before the closing mark of a quotation that ends there:
    'said it was a "distortion*,"* describing ...'."""
    i = token.i - 1
    while i > 0 and token.doc[i].is_quote and token.doc[i].tag_ == "''":
        i -= 1
    return i >= 0 and i < token.i and token.doc[i].text == ","


def _reporter_of_trailing_report(finder: QuoteFinder, participle: Token) -> Token | None:
    """The speaker of the report whose clause ``participle`` trails, if it trails one."""
    clause = participle.head
    while clause.dep_ not in CLAUSE_DEPS and clause.head.i != clause.i and clause.head.i < participle.i:
        clause = clause.head
    verb = clause.head
    if clause.dep_ not in CLAUSE_DEPS or not finder.is_reporting_verb(verb):
        return None
    if participle.head.i == clause.i:
        trails = _is_trailing_report(finder, participle)
    else:
        trails = (deeper := _trailing_report_deeper(finder, clause)) is not None and deeper.i == participle.i
    return subject_of(verb, SPEAKER) if trails else None


def _reports_inside(finder: QuoteFinder, according: Token) -> bool:
    """ "According to court papers, *the guard recalled*: ...": a report inside the report, whose
    speaker is the one a reader wants (the verb is a cue of its own)."""
    verb = according.head
    if verb.i < according.i or not finder.is_reporting_verb(verb):
        return False
    subject = subject_of(verb, SPEAKER)
    return (
        subject is not None
        and is_speech(verb, subject, list(verb.subtree))
        and _content_of(finder, verb) is not None
    )


def _according_to(finder: QuoteFinder, according: Token, to: Token) -> None:
    """ "According to X, ...": X is the source, the rest of the sentence the content."""
    source = next((child for child in to.children if child.dep_ == "pobj"), None)
    if source is None or source.lemma_ in mute_nouns() or _reports_inside(finder, according):
        return
    sentence = according.sent
    phrase_end = source.right_edge.i + 1
    doc = finder.doc
    if according.i - sentence.start <= 1:
        if phrase_end < sentence.end - 1 and doc[phrase_end].text == ",":
            phrase_end += 1
        rest = doc[phrase_end].idx if phrase_end < sentence.end else sentence.end_char
        content = trim(finder.text, rest, sentence.end_char)
    elif (
        doc[according.i - 1].text == ","
        and phrase_end + 1 < sentence.end
        and doc[phrase_end].text == ","
        and according.head.i > according.i
    ):
        # "firms which, according to auditors, were set up to ...": the clause it interrupts
        content = trim(finder.text, doc[phrase_end + 1].idx, token_end(according.head.right_edge))
    else:
        content = trim(finder.text, sentence.start_char, according.idx)
    if content[1] - content[0] < 3:
        return
    finder.add(content, (according.idx, token_end(to)), source, None)
