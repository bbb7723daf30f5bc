"""Step 2 of the quotes (:mod:`~whosaidwhat.nlp.quotes`): each quote's cue and what it reports.

Step 2 reads the parse: a reporting verb outside quotation marks that governs what was
said, by one of the dependencies its entry in ``resources/reporting_verbs.tsv`` lists, or
that heads a quotation ("X said: \"...\""), is a cue, and so are "according to X" and a
reporting noun with its "that" clause ("his remarks that ..."). Whether the verb reports
speech there is :mod:`~whosaidwhat.nlp.speech_frames`'s to say; a reporting clause set
off by commas is :mod:`~whosaidwhat.nlp.parentheticals`'s; what an object reports is
:mod:`~whosaidwhat.nlp.reported_objects`'s; a quotation after the verb's comma or colon, and
the clause an "as" clause sets off, :mod:`~whosaidwhat.nlp.reported_beside`'s.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from whosaidwhat.nlp.coordinated_content import (
    has_own_subject,
    opens_with_that,
    reports_something,
    with_coordinated_clauses,
)
from whosaidwhat.nlp.lexicons import reporting_nouns, reporting_verbs
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
from whosaidwhat.nlp.reported_objects import clause_bounds, governs_content, object_content
from whosaidwhat.nlp.speakers import addressee_of
from whosaidwhat.nlp.speech_frames import (
    CONTENT_POS,
    is_belief,
    is_speech,
    mute_nouns,
    reports,
)
from whosaidwhat.nlp.syntax import SPEAKER, SUBJECT_DEPS, child_with_dep, subject_of, token_end

#: Dependency labels of a clause a reporting verb governs as its content.
CLAUSE_DEPS = ("ccomp", "parataxis")
#: Quotation marks that close a quotation before its reporting clause.
CLOSING_MARKS = ('"', "\u201d", "\u2019", "'")
#: How many words may stand between a quotation and its reporting verb: "*Flynn, a top surrogate,* said".
NAME_AFTER_QUOTATION_WORDS = 12
#: Tags of finite verbs and auxiliaries.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


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
        return
    if not finder.is_reporting_verb(token) or _in_a_title(token) or parenthetical_quotes(finder, token):
        return
    content = _content_of(finder, token)
    if content is None:
        return
    subject = _reporter_of_trailing_report(finder, token) or past_relative_pronoun(subject_of(token, SPEAKER))
    if subject is not None and subject.i > token.i and finder.quote_of_token[subject.i] >= 0:
        subject = None  # a title after the verb: 'said on Fox News's "Fox and Friends"'
    if subject is None and (named := _name_after_quotation(finder, token)) is not None:
        subject, content = named
    if not is_speech(token, subject, finder.tokens_in(content)):
        return
    finder.cue_tokens.add(token.i)
    cue = (token.idx, token_end(token))
    finder.add(content, cue, subject, addressee_of(token), belief=is_belief(token))


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
    holder = child_with_dep(noun, "poss") or _name_before(noun)
    by = next((child for child in noun.children if child.dep_ == "prep" and child.lower_ == "by"), None)
    if holder is None and by is not None:
        holder = child_with_dep(by, "pobj")
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
            and _is_clause_content(finder, child, frames)
            and not _cue_of_quotation(finder, child)
        ):
            bounds = _before_next_report(finder, child, clause_bounds(finder, child))
            if child.i < verb.i:
                bounds = _from_quotation_after_colon(finder, bounds)
            return _around(finder, verb, with_coordinated_clauses(finder, child, bounds), clause=child)
    if (
        verb.dep_ in CLAUSE_DEPS
        and finder.quote_of_token[verb.head.i] >= 0
        and not _colon_between(verb, verb.head)
    ):
        return _around(finder, verb, clause_bounds(finder, verb.head, without=verb))
    made_clear = what_was_made_clear(finder, verb, frames)
    if made_clear is not None:
        return made_clear
    after_comma = quotation_after_comma(finder, verb, frames)
    if after_comma is not None:
        return after_comma.inner
    set_off = clause_set_off_by_as(finder, verb, frames)
    if set_off is not None:
        return set_off
    hung = _that_clause_hung_from_a_noun(verb, frames)
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
    misparsed = _clause_taken_for_adverbial(verb, frames)
    if misparsed is not None:
        return clause_bounds(finder, misparsed)
    return clause_with_a_relative_gap(finder, verb, frames)


def _cue_of_quotation(finder: QuoteFinder, clause: Token) -> bool:
    """ "*"You winning?" she said*, but Kevin was drifting off, and Melanie said yes": a reporting
    clause right after a quotation reports that quotation, even when the parser hung it from a
    later verb."""
    subject = next((child for child in clause.lefts if child.dep_ in SUBJECT_DEPS), None)
    if subject is None or not finder.is_reporting_verb(clause):
        return False
    start = subject.left_edge.idx
    if _opens_quotation_at(finder, start):
        return False  # "Has it passed? ''*I* hope so,'' she said": the mark before opens the quotation
    before = finder.text[max(0, start - 4) : start].rstrip()
    # a closing mark follows the quotation's last character; an opening one follows a space or colon
    return (
        len(before) >= 2 and before.endswith(CLOSING_MARKS) and not before[-2].isspace() and before[-2] != ":"
    )


def _opens_quotation_at(finder: QuoteFinder, offset: int) -> bool:
    """Whether a quotation's opening mark stands right before ``offset`` (``''`` opens as it closes)."""
    k = bisect_right(finder.quoted_starts, offset) - 1
    return k >= 0 and finder.quoted[k].inner[0] == offset and finder.quoted[k].end > offset


def _colon_between(first: Token, second: Token) -> bool:
    """ "referenced the harm*:* "Our members ..."": the verb's phrase ends before the quotation."""
    start, end = sorted((first.i, second.i))
    return any(token.text == ":" for token in first.doc[start:end])


def _from_quotation_after_colon(finder: QuoteFinder, bounds: Bounds) -> Bounds:
    """ "The statement set out the harm: *"Our members ...,"* the union wrote": a clause before the
    verb that the parser ran on from a narrative sentence starts with the quotation after its colon."""
    colon = finder.text.rfind(":", bounds[0], bounds[1])
    if colon < 0:
        return bounds
    k = bisect_right(finder.quoted_starts, colon)
    if k >= len(finder.quoted) or finder.text[colon + 1 : finder.quoted[k].start].strip():
        return bounds
    if finder.quoted[k].start >= bounds[1] or finder.has_words(finder.quoted[k].end, bounds[1]):
        return bounds
    return finder.quoted[k].start, bounds[1]


def _that_clause_hung_from_a_noun(verb: Token, frames: frozenset[str]) -> Token | None:
    """ "told a meeting of island leaders *that few people understood the stakes*", "reported at
    the time *that the editor had objected*": a "that" clause the parser took for a relative clause
    of a noun in the verb's object or adverbial phrase ("that" is no pronoun of it there)."""
    if "ccomp" not in frames:
        return None
    for child in verb.rights:
        if child.dep_ not in ("dobj", "dative", "prep", "npadvmod") or governs_content(child, frames):
            continue  # "disputes *the idea that* ...": the noun and its clause are the content
        for token in child.subtree:
            opener = token.left_edge
            if (
                token.dep_ in ("relcl", "acl")
                and opener.lower_ == "that"
                and opener.head.i == token.i
                and opener.dep_ in ("mark", "advmod")
                and has_own_subject(token)
                and not any(word.lower_ in ("so", "such") for word in token.head.subtree if word.i < opener.i)
            ):  # "added *so many* layers *that* it would ...": a result, not what was said
                return token
    return None


def _before_next_report(finder: QuoteFinder, head: Token, bounds: Bounds) -> Bounds:
    """A clause coordinated with another report ends before it: "says Machado promised to stay
    *and said she would fight*" holds two quotes ("and eight in 10 men reported ..." is no report,
    nor "but would *add* $84 billion", which governs nothing it could report);
    so does a clause followed by the speaker's own participle of speech (", *adding* that ...")."""
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
    return bounds


def _is_trailing_report(finder: QuoteFinder, participle: Token) -> bool:
    """ "said the plan would fail*, adding that* ...": a participle of a verb of speech set off by a
    comma at the end of a reported clause, with no subject of its own, is the speaker's next
    statement, which the parser hung from the clause (its speaker is the report's)."""
    known = reporting_verbs().get(participle.lemma_)
    return (
        participle.dep_ == "advcl"
        and participle.tag_ == "VBG"
        and participle.i > 0
        and participle.doc[participle.i - 1].text == ","
        and finder.is_reporting_verb(participle)
        and known is not None
        and known.speech
        and not is_belief(participle)
        and finder.quote_of_token[participle.i] < 0
        and not any(child.dep_ in SUBJECT_DEPS for child in participle.children)
        and _content_of(finder, participle) is not None
    )


def _reporter_of_trailing_report(finder: QuoteFinder, participle: Token) -> Token | None:
    """The speaker of the report whose clause ``participle`` trails, if it trails one."""
    clause = participle.head
    verb = clause.head
    if (
        clause.dep_ not in CLAUSE_DEPS
        or not finder.is_reporting_verb(verb)
        or not _is_trailing_report(finder, participle)
    ):
        return None
    return subject_of(verb, SPEAKER)


def _clause_taken_for_adverbial(verb: Token, frames: frozenset[str]) -> Token | None:
    """A statement the parser took for an adverbial clause: one with its own subject and a finite
    verb but no conjunction, after the reporting verb ("Trump said after the convention *he would
    not accept it*") or before it ("*Biden is staying in the race*, the campaign chair insisted")."""
    if "ccomp" not in frames:
        return None
    for child in (*verb.rights, *verb.lefts):
        if (
            child.dep_ == "advcl"
            and not any(grand.dep_ == "mark" or grand.tag_ == "WRB" for grand in child.children)
            and has_own_subject(child)
            and any(token.tag_ in FINITE_TAGS for token in (child, *child.children))
        ):
            return child
    return None


def _around(finder: QuoteFinder, verb: Token, bounds: Bounds, clause: Token | None = None) -> Bounds:
    """A clause the verb interrupts ("The bridge," she said, "will open.") is cut at the verb:
    the part before it, else the part after it (the rest is left to step 4). The part before
    may be only the relative pronoun of the verb's own ``clause``: "which officials say
    *destroyed 300 homes*"."""
    if not bounds[0] < verb.idx < bounds[1]:
        return bounds
    before = trim(finder.text, bounds[0], verb.left_edge.idx)
    if any(token.pos_ in CONTENT_POS for token in finder.tokens_in(before)) and not _lead_in_before_quotation(
        finder, verb, before
    ):
        return before
    after = token_end(verb) if clause is not None and clause.i > verb.i else token_end(verb.right_edge)
    return trim(finder.text, after, bounds[1])


def _lead_in_before_quotation(finder: QuoteFinder, verb: Token, before: Bounds) -> bool:
    """ "*Asked whether she would run*, she said, "I have not decided."": the parser made the
    quotation after the verb the head and hung the lead-in before the speaker from it. The
    quotation is what was said; a lead-in that does not end inside a quotation is not."""
    head = verb.head
    words = [token for token in finder.tokens_in(before) if not token.is_punct]
    return (
        verb.dep_ in CLAUSE_DEPS
        and head.i > verb.i
        and finder.quote_of_token[head.i] >= 0
        and bool(words)
        and finder.quote_of_token[words[-1].i] < 0
    )


def _is_clause_content(finder: QuoteFinder, child: Token, frames: frozenset[str]) -> bool:
    """A clause the verb takes, or a quoted one linked by parataxis ("...," he said, "...")."""
    if child.dep_ == "ccomp":
        return "ccomp" in frames or finder.quote_of_token[child.i] >= 0
    return finder.quote_of_token[child.i] >= 0


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
