"""Reporting clauses set off by commas inside what was said (step 2 of :mod:`~whosaidwhat.nlp.quotes`).

``While the merger helps "in the short run," Greer said, in the long term it will cost jobs.``
reports two things Greer said, one on each side of ``Greer said`` (but after a whole
quotation, ``"We are done," he said, and left the room``, the words after the clause are the
story's); ``Acts of protest, Mr. Obama said, are acts of patriotism`` reports one, the whole
clause the reporting clause interrupts (the words before have no verb of their own: they are
its subject, or a phrase that sets it up), and so does ``The mill thrived, he said, until it
closed`` (a conjunction ties the words after to the statement before). The parser attaches such a clause
anywhere, so it is read from the words: a comma, a short phrase holding the reporting verb
and its subject (``he said on Monday``, ``said Mr. Bush``), a comma, and words on both sides
within the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, trim
from whosaidwhat.nlp.quotemarks import CLOSING_MARKS, without_final_stop
from whosaidwhat.nlp.speakers import addressee_of
from whosaidwhat.nlp.syntax import FINITE_TAGS, RELATIVE_PRONOUN_TAGS, SUBJECT_DEPS, token_end

#: At most this many words between the commas around a reporting clause ("he told reporters in Kyiv").
MAX_CLAUSE_WORDS = 10
#: Dependencies of the words a reporting clause may hold besides its verb and subject.
CLAUSE_WORD_DEPS = frozenset(
    {
        "advmod",
        "prep",
        "pobj",
        "npadvmod",
        "dobj",
        "dative",
        "compound",
        "det",
        "amod",
        "poss",
        "case",
        "punct",
        "appos",
        "aux",
        "neg",
        "nummod",
        "prt",
    }
)
#: Dependencies of clauses that are no statement of their own: relative, and after a preposition.
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "pcomp", "pobj"})
#: Conjunctions after a reporting clause that do not tie the words after it to the statement before.
NOT_TYING_CONJUNCTIONS = frozenset({"that", "as"})
#: Quotation marks that may open the words after the clause.
OPENING_MARKS = frozenset("\"\u201c\u2018'\u00ab")


def parenthetical_quotes(finder: QuoteFinder, verb: Token) -> bool:
    """Record the quotes around ``verb`` when it heads a reporting clause set off by commas."""
    if "ccomp" not in finder.settings.reporting_verbs[verb.lemma_]:
        return False  # "..., Schultz likened RT to the BBC, which ...": no clause to report
    clause = _clause_around(verb)
    if clause is None:
        return False
    first, last, subject = clause
    sentence = verb.sent
    before = trim(finder.text, sentence.start_char, _end_before(finder, first))
    after = trim(finder.text, token_end(finder.doc[last + 1]), sentence.end_char)
    after = without_final_stop(finder.text, after)
    if _opens_a_quotation(finder, after) and not _quotes_a_statement(finder, before):
        # "when pressed, the mother replied, "It is meant ..."", 'On the "Today" show, he said,
        # "..."': it opens the quotation
        return False
    if _interrupts_a_relative_clause(finder.doc, first) or _interrupts_a_coordination(finder.doc, first):
        # "the stadium, which, Tompkins said, is full on game days", "Berg, who runs the port and,
        # Holt said, has backed the plan": what was said is the clause's rest
        parts = [after] if any(token.tag_ in FINITE_TAGS for token in finder.tokens_in(after)) else []
    else:
        says_before = _says_something_before(finder, before)
        parts = [before] if says_before else []
        if not _is_all_quoted(finder, before) and _says_something_after(finder, after):
            # "Acts of protest, he said, are acts of patriotism", "The mill thrived, he said, until
            # it closed": one statement, interrupted
            one = not says_before or _subordinate_to_before(finder, after)
            parts = [(before[0], after[1])] if one else [*parts, after]
    if not parts:
        return False
    finder.cue_tokens.add(verb.i)
    cue = (verb.idx, token_end(verb))
    for part in parts:
        finder.add(part, cue, subject, addressee_of(verb))
    return True


def _clause_around(verb: Token) -> tuple[int, int, Token] | None:
    """First and last token of the reporting clause around ``verb``, and its subject."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    # "said Mr. Bush": the parser may take the words before the comma for a second subject.
    subject = subjects[-1] if subjects[-1].i > verb.i else subjects[0]
    if subject.tag_ in RELATIVE_PRONOUN_TAGS:
        return None  # "groups like ISIS, which claimed responsibility, are ...": a relative clause
    if subject.i < verb.i and any(token.text == "," for token in verb.doc[subject.right_edge.i : verb.i]):
        return None
    sentence = verb.sent
    first = min(verb.i, subject.left_edge.i)
    last = max(verb.i, subject.right_edge.i)
    doc = verb.doc
    commas = [token.i for token in doc[first : verb.i] if token.text == ","]
    if commas:
        # "To understand Dred Scott, Chief Justice Roberts said, ...": the parser took the
        # words before the comma for the subject and the speaker for their apposition.
        first = commas[-1] + 1
        subject = next((token for token in doc[first : verb.i] if not first <= token.head.i < verb.i), None)
        if subject is None:
            return None
    while last + 1 < sentence.end - 1 and doc[last + 1].text != ",":
        last += 1
        if doc[last].dep_ not in CLAUSE_WORD_DEPS or doc[last].head.i < first:
            return None
    if last - first + 1 > MAX_CLAUSE_WORDS or not _comma_before(doc, first, sentence):
        return None
    if last + 2 >= sentence.end or doc[last + 1].text != ",":
        return None
    return first, last, subject


def _comma_before(doc, first: int, sentence: Span) -> bool:
    """A comma ends the words before the clause, inside or outside a closing quotation mark."""
    before = first - 1
    if before > sentence.start and doc[before].text in CLOSING_MARKS:
        before -= 1
    return before > sentence.start and doc[before].text == ","


def _end_before(finder: QuoteFinder, first: int) -> int:
    """Where the words before the clause end: at its comma, with a closing mark kept."""
    token = finder.doc[first - 1]
    return token_end(token) if token.text in CLOSING_MARKS else token.idx


def _says_something_after(finder: QuoteFinder, bounds: Bounds) -> bool:
    """Words after the clause are a quote when they hold a verb, name no one the clause spoke to
    ("..., Corley told the attorney on the case, James Weingarten"), and are not a quotation of
    their own: the second half of a quote split around its cue continues it (step 4)."""
    if _opens_a_quotation(finder, bounds):
        return False
    tokens = finder.tokens_in(bounds)
    inside = range(tokens[0].i, tokens[-1].i + 1) if tokens else range(0)
    if any(token.dep_ == "appos" and token.head.i not in inside for token in tokens):
        return False
    # "..., she said, calling him ...", "..., he said, on his first day in office", "..., she said,
    # and soon ...": what went on while it was said, not what was said
    # ("..., he said, until it went bankrupt" goes on with what was said)
    return bool(tokens) and tokens[0].dep_ != "cc" and _holds_a_statement(tokens, adverbial=True)


def _subordinate_to_before(finder: QuoteFinder, bounds: Bounds) -> bool:
    """Words opened by a conjunction that ties them to the statement before the clause ("...,
    he said, *until* it went bankrupt", "*because* he prizes ..."), not by "that" nor by "as",
    which more often tells what went on as it was said ("..., they said, *as* they bristled")."""
    tokens = finder.tokens_in(bounds)
    if not tokens or tokens[0].lower_ in NOT_TYING_CONJUNCTIONS:
        return False
    opening = tokens[0]
    return (
        opening.dep_ == "mark"
        or opening.pos_ == "SCONJ"
        or (opening.tag_ == "WRB" and opening.dep_ == "advmod")
    )


def _opens_a_quotation(finder: QuoteFinder, bounds: Bounds) -> bool:
    return bounds[0] < bounds[1] and finder.text[bounds[0]] in OPENING_MARKS


def _quotes_something(finder: QuoteFinder, bounds: Bounds) -> bool:
    return any(finder.quote_of_token[token.i] >= 0 for token in finder.tokens_in(bounds))


def _quotes_a_statement(finder: QuoteFinder, bounds: Bounds) -> bool:
    """The words end inside a quotation, or quote a finite verb: a quoted title or phrase
    ('On the "Today" show') is not what was said."""
    words = [token for token in finder.tokens_in(bounds) if not (token.is_punct or token.is_space)]
    quoted = [token for token in words if finder.quote_of_token[token.i] >= 0]
    return bool(quoted) and (quoted[-1] is words[-1] or any(token.tag_ in FINITE_TAGS for token in quoted))


def _interrupts_a_relative_clause(doc, first: int) -> bool:
    """The reporting clause follows a relative pronoun and its comma: "..., which, she said, ..."."""
    return first >= 2 and doc[first - 1].text == "," and doc[first - 2].tag_ in ("WDT", "WP")


def _interrupts_a_coordination(doc, first: int) -> bool:
    """The reporting clause follows a conjunction and its comma: "... runs the port and, she said, ..."."""
    return first >= 2 and doc[first - 1].text == "," and doc[first - 2].dep_ == "cc"


def _is_all_quoted(finder: QuoteFinder, bounds: Bounds) -> bool:
    """Every word is inside quotation marks: ``"We are done,"`` before ``he said, ...``."""
    words = [token for token in finder.tokens_in(bounds) if not (token.is_punct or token.is_space)]
    return bool(words) and all(finder.quote_of_token[token.i] >= 0 for token in words)


def _says_something_before(finder: QuoteFinder, bounds: Bounds) -> bool:
    """Words before the clause are a quote of their own when they quote or state something:
    "In Kyiv, he said, ...", "To prevent that, he said, ..." and "When the storm hit, she said,
    ..." introduce what follows."""
    if _quotes_something(finder, bounds):
        return True
    return _holds_a_statement(finder.tokens_in(bounds), adverbial=False)


def _holds_a_statement(tokens: list[Token], adverbial: bool) -> bool:
    """A finite verb among the words that is not in a relative clause ("a reporter *who asked*"),
    a prepositional phrase ("on what *was* his first day") or, unless ``adverbial``, a clause
    opened by a conjunction ("when the storm *hit*"); a "that" clause is what was said and counts."""
    if not tokens:
        return False
    first, last = tokens[0].i, tokens[-1].i
    for token in tokens:
        if token.tag_ not in FINITE_TAGS:
            continue
        node = token
        while first <= node.i <= last and not _is_subordinate(node, first, adverbial):
            if node.head.i == node.i or not first <= node.head.i <= last:
                return True
            node = node.head
    return False


def _is_subordinate(node: Token, first: int, adverbial: bool) -> bool:
    """A relative clause, a clause after a preposition, or (unless ``adverbial``) a clause opened
    by a conjunction other than "that". Words before ``first`` are not the clause's."""
    if node.dep_ in SUBORDINATE_DEPS:
        return True
    if adverbial:
        return False
    opening = node.doc[max(node.left_edge.i, first)]
    if opening.lower_ != "that" and (opening.pos_ == "SCONJ" or opening.tag_ == "WRB"):
        return True
    return any(
        child.dep_ == "mark" and child.lower_ != "that" and child.i >= first for child in node.children
    )
