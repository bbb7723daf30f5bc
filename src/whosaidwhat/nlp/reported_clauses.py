"""Which clause a reporting verb reports when the parser hung it oddly (step 2 of the quotes).

Read by :mod:`~whosaidwhat.nlp.cues` when it looks for what a cue reports:

* a clause the verb governs, or a quoted one linked by parataxis ("...," he said, "...");
* not a reporting clause that follows a quotation and reports it, though the parser hung it
  from a later verb;
* a clause before the verb that the parser ran on from a narrative sentence starts at the
  quotation after its colon;
* a "that" clause the parser took for a relative clause of a noun ("told a meeting *that*
  ..."), and a statement it took for an adverbial clause ("said after the convention *he
  would not accept it*");
* a clause the verb interrupts is cut at the verb, unless what comes before is a lead-in to
  the quotation after it: "*Asked whether she would run*, she said, ...";
* the quotation that opens the sentence and ends in a comma right before the reporting clause,
  whatever the parser hung after the verb: "*"Nobody told us,"* said the woman, who ...";
* the statement before a reporting clause that ends the sentence after a comma: "*The plant is
  under pressure*, said its chief executive, John Ferri.".
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from whosaidwhat.nlp.coordinated_content import has_own_subject
from whosaidwhat.nlp.lexicons import reporting_verbs
from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, overlap, trim
from whosaidwhat.nlp.quotemarks import CLOSING_MARKS, SENTENCE_ENDS, Quoted
from whosaidwhat.nlp.reported_objects import governs_content
from whosaidwhat.nlp.speech_frames import CONTENT_POS
from whosaidwhat.nlp.syntax import (
    FINITE_TAGS,
    NOMINAL_SUBJECT_DEPS,
    RELATIVE_PRONOUN_TAGS,
    SPEAKER,
    SUBJECT_DEPS,
    TIME_TYPES,
    subject_of,
    token_end,
)

#: Dependency labels of a clause a reporting verb governs as its content.
CLAUSE_DEPS = ("ccomp", "parataxis")
#: Last characters of a quotation that the reporting clause after it attributes: '"...," she said'.
ATTRIBUTED_ENDINGS = frozenset(",?!")
#: Dependencies of the phrases after a verb telling where or how something was said (and a date:
#: "said *Tuesday*").
SETTING_DEPS = frozenset({"prep", "agent"})
#: Dependencies inside the noun phrase of a speaker named after the verb: "said *retired surgeon* Carson".
NOUN_PHRASE_DEPS = frozenset({"det", "amod", "compound", "flat", "poss", "nummod"})
#: How many words of that noun phrase may come before its head.
NOUN_PHRASE_WORDS = 10


def cue_of_quotation(finder: QuoteFinder, clause: Token) -> bool:
    """ "*"You winning?" she said*, but Kevin was drifting off, and Melanie said yes": a reporting
    clause right after a quotation reports that quotation, even when the parser hung it from a
    later verb."""
    subject = next((child for child in clause.lefts if child.dep_ in SUBJECT_DEPS), None)
    if subject is None or not finder.is_reporting_verb(clause):
        return False
    start = subject.left_edge.idx
    if opens_quotation_at(finder, start):
        return False  # "Has it passed? ''*I* hope so,'' she said": the mark before opens the quotation
    before = finder.text[max(0, start - 4) : start].rstrip()
    # a closing mark follows the quotation's last character; an opening one follows a space or colon
    return len(before) >= 2 and before[-1] in CLOSING_MARKS and not before[-2].isspace() and before[-2] != ":"


def opens_quotation_at(finder: QuoteFinder, offset: int) -> bool:
    """Whether a quotation's opening mark stands right before ``offset`` (``''`` opens as it closes)."""
    k = bisect_right(finder.quoted_starts, offset) - 1
    return k >= 0 and finder.quoted[k].inner[0] == offset and finder.quoted[k].end > offset


def colon_between(first: Token, second: Token) -> bool:
    """ "referenced the harm*:* "Our members ..."": the verb's phrase ends before the quotation."""
    start, end = sorted((first.i, second.i))
    return any(token.text == ":" for token in first.doc[start:end])


def from_quotation_after_colon(finder: QuoteFinder, bounds: Bounds) -> Bounds:
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


def that_clause_hung_from_a_noun(verb: Token, frames: frozenset[str]) -> Token | None:
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


def clause_taken_for_adverbial(verb: Token, frames: frozenset[str]) -> Token | None:
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


def around(finder: QuoteFinder, verb: Token, bounds: Bounds, clause: Token | None = None) -> Bounds:
    """A clause the verb interrupts ("The bridge," she said, "will open.") is cut at the verb:
    the part before it, else the part after it (the rest is left to step 4). The part before
    may be only the relative pronoun of the verb's own ``clause``: "which officials say
    *destroyed 300 homes*"."""
    if not bounds[0] < verb.idx < bounds[1]:
        return bounds
    before = trim(finder.text, bounds[0], verb.left_edge.idx)
    if any(token.pos_ in CONTENT_POS for token in finder.tokens_in(before)) and not lead_in_before_quotation(
        finder, verb, before
    ):
        return before
    after = token_end(verb) if clause is not None and clause.i > verb.i else token_end(verb.right_edge)
    return trim(finder.text, after, bounds[1])


def lead_in_before_quotation(finder: QuoteFinder, verb: Token, before: Bounds) -> bool:
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


def is_clause_content(finder: QuoteFinder, child: Token, frames: frozenset[str]) -> bool:
    """A clause the verb takes, or a quoted one linked by parataxis ("...," he said, "...")."""
    if child.dep_ == "ccomp":
        return "ccomp" in frames or finder.quote_of_token[child.i] >= 0
    return finder.quote_of_token[child.i] >= 0


def quotation_opening_the_sentence(finder: QuoteFinder, verb: Token) -> Quoted | None:
    """ "*"Nobody told us,"* said the woman, who ...", "*"We won,"* she said as the crowd booed": the
    quotation that opens a sentence and ends in a comma (or "?", "!") right before the verb or its
    subject; what the parser hung after the verb is not what was said. A participle ('"...," she
    said, *blaming* ...') reports something else."""
    k = bisect_right(finder.quoted_starts, verb.idx) - 1
    if verb.tag_ == "VBG" or k < 0 or finder.quoted[k].end > verb.idx or not finder.quoted[k].closed:
        return None
    quoted = finder.quoted[k]
    if not _opens_a_sentence(finder, quoted):
        return None
    if finder.text[quoted.inner[0] : quoted.inner[1]].rstrip()[-1:] not in ATTRIBUTED_ENDINGS:
        return None
    between = [token for token in verb.doc[finder.token_index(quoted.end) : verb.i] if not token.is_punct]
    if not between:
        return quoted
    subject = subject_of(verb, SPEAKER)
    if subject is None or subject.i > verb.i or subject.left_edge.idx < quoted.end:
        subject = speaker_between(finder, verb, quoted)  # the parser took words of the quotation for it
    if subject is None:
        return None
    inside = range(subject.left_edge.i, subject.right_edge.i + 1)
    return quoted if all(token.i in inside for token in between) else None


def speaker_between(finder: QuoteFinder, verb: Token, quoted: Quoted) -> Token | None:
    """'"...," *Lund, the party's frontrunner after winning the primaries,* said': the head of the
    noun phrase between the quotation and the verb, whose phrase holds every word there."""
    start = finder.token_index(quoted.end)
    while start < verb.i and verb.doc[start].is_punct:
        start += 1
    if start >= verb.i:
        return None
    head = _noun_phrase_head(finder, start)
    if head is None or head.i >= verb.i or head.right_edge.i >= verb.i:
        return None
    return head if all(token.is_punct for token in verb.doc[head.right_edge.i + 1 : verb.i]) else None


def _opens_a_sentence(finder: QuoteFinder, quoted: Quoted) -> bool:
    """The quotation opens its paragraph or follows the end of a sentence (not 'a sign that read
    "15%!"', whose "!" ends the sentence it closes)."""
    start = finder.paragraph_starts[finder.paragraph_of(quoted.start)]
    before = finder.text[start : quoted.start].rstrip()
    last = before.rstrip("".join(CLOSING_MARKS))[-1:]
    return not before or (last != "" and last in SENTENCE_ENDS)


def reports_the_opening_quotation(
    finder: QuoteFinder, verb: Token, content: Bounds | None, quoted: Quoted
) -> bool:
    """Whether the quotation opening the sentence is what ``verb`` reports rather than ``content``,
    which lies elsewhere and is no quotation opened right after the verb ('"The bridge," she said,
    "will open."' reports the first half here; the second follows as a quotation of its own), or
    which runs on from the quotation into the speaker's name."""
    if content is None:
        return True
    if overlap(content, quoted.inner) > 0:  # unless it ran on into the speaker: '"Yes," Ann Lund'
        return quoted.end < content[1] <= verb.idx
    return finder.has_words(token_end(verb), content[0]) or not opens_quotation_near(finder, content[0])


def second_half(finder: QuoteFinder, verb: Token, content: Bounds | None) -> Quoted | None:
    """'"The risk," said Ed Lamb, an economist, *"is that jobs leave."*': the quotation after the
    comma that ends the reporting clause, which the parser ran into what the verb reports."""
    if content is None:
        return None
    k = bisect_right(finder.quoted_starts, verb.idx)
    if k >= len(finder.quoted) or overlap(content, finder.quoted[k].inner) == 0:
        return None
    quoted = finder.quoted[k]
    if finder.paragraph_of(quoted.start) != finder.paragraph_of(verb.idx):
        return None
    return quoted if finder.text[: quoted.start].rstrip().endswith(",") else None


def opens_quotation_near(finder: QuoteFinder, offset: int) -> bool:
    """Whether a quotation opens at ``offset`` or just before it."""
    k = bisect_right(finder.quoted_starts, offset) - 1
    return k >= 0 and finder.quoted[k].end > offset and not finder.has_words(finder.quoted[k].start, offset)


def speaker_after_verb(finder: QuoteFinder, verb: Token) -> Token | None:
    """ "...," said *the woman*, who ...: the head of the noun phrase right after an inverted
    reporting verb, which the parser made the subject of something else."""
    return _noun_phrase_head(finder, verb.i + 1) if verb.i + 1 < len(verb.doc) else None


def _noun_phrase_head(finder: QuoteFinder, start: int) -> Token | None:
    """The head of the noun phrase that opens at token ``start``, outside quotation marks."""
    word = finder.doc[start]
    while word.dep_ in NOUN_PHRASE_DEPS and start < word.head.i <= start + NOUN_PHRASE_WORDS:
        word = word.head
    if word.pos_ not in ("NOUN", "PROPN", "PRON") or word.ent_type_ in TIME_TYPES:
        return None
    return word if finder.quote_of_token[word.i] < 0 else None


def statement_before_the_reporting_clause(
    finder: QuoteFinder, verb: Token, content: Bounds | None
) -> tuple[Bounds, Token] | None:
    """ "*The plant is under pressure from imports*, said its chief executive, John Ferri.",
    "*Families struggle, even with a good salary*, he said.": a reporting clause that ends the
    sentence after a comma reports the statement before the comma, and its subject is the speaker,
    though the parser coordinated the verb with the statement, gave it the statement's subject too,
    or ended the sentence at the comma. Returns the statement and the speaker's head word."""
    if not _says_a_statement(finder, verb, content):
        return None
    doc, sentence = verb.doc, verb.sent
    found = _reporting_clause_after_comma(finder, verb)
    if found is None or not _ends_the_sentence(finder, verb, found[0]):
        return None
    subject, comma = found
    start = sentence.start_char
    if not finder.has_words(start, doc[comma].idx):  # the parser ended the sentence at the comma
        if sentence.start == 0 or not _same_paragraph(finder, doc[sentence.start - 1], verb):
            return None
        start = doc[sentence.start - 1].sent.start_char
    statement = trim(finder.text, start, doc[comma].idx)
    words = finder.tokens_in(statement)
    if any(token.i in finder.cue_tokens for token in words):
        return None
    # a clause, or at least the statement's subject, which the parser gave the verb as well
    has_subject = any(token.head.i == verb.i and token.dep_ in NOMINAL_SUBJECT_DEPS for token in words)
    return (statement, subject) if has_subject or any(token.tag_ in FINITE_TAGS for token in words) else None


def _says_a_statement(finder: QuoteFinder, verb: Token, content: Bounds | None) -> bool:
    """A finite verb of speech that takes a clause ("said", not "cited") and reports nothing else
    here: it found no content, or only its own speaker after it ("said *Lund, a fellow*")."""
    known = reporting_verbs().get(verb.lemma_)
    frames = finder.settings.reporting_verbs.get(verb.lemma_, frozenset())
    if verb.tag_ == "VBG" or known is None or not known.speech or "ccomp" not in frames:
        return False
    if verb.dep_ == "relcl" or any(child.tag_ in RELATIVE_PRONOUN_TAGS for child in verb.lefts):
        return False  # "Clinton, who added ...": a relative clause reports nothing before it
    speaker = speaker_after_verb(finder, verb)
    if any(child.dep_ == "dobj" and child != speaker for child in verb.children):
        return False  # "suggested *a tinge of regret*"
    return content is None or (content[0] > verb.idx and subject_of(verb, SPEAKER) is None)


def _reporting_clause_after_comma(finder: QuoteFinder, verb: Token) -> tuple[Token, int] | None:
    """The speaker of a reporting clause that follows a comma, and the comma's index: ", *Lund*
    said" or ", said *Lund*" (not "Berg, whose father ..., remembers *the mayor*")."""
    doc = verb.doc
    for child in verb.lefts:
        comma = child.left_edge.i - 1
        if child.dep_ in NOMINAL_SUBJECT_DEPS and child.right_edge.i == verb.i - 1 and doc[comma].text == ",":
            return child, comma
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    after = next((child for child in verb.rights if child.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if after is None and not any(child.dep_ in NOMINAL_SUBJECT_DEPS for child in verb.lefts):
        after = speaker_after_verb(finder, verb)  # the parser took the speaker for something else
    return (after, verb.i - 1) if after is not None else None


def _same_paragraph(finder: QuoteFinder, first: Token, second: Token) -> bool:
    return finder.paragraph_of(first.idx) == finder.paragraph_of(second.idx)


def _ends_the_sentence(finder: QuoteFinder, verb: Token, subject: Token) -> bool:
    """Nothing after the verb but its speaker's phrase and when, where or how it was said ("said
    *on Tuesday in a statement*"): no object ("said *enough*"), no other verb and no quotation."""
    allowed = set(range(subject.left_edge.i, subject.right_edge.i + 1)) if subject.i > verb.i else set()
    for child in verb.rights:
        if child.dep_ in SETTING_DEPS or (child.dep_ == "npadvmod" and child.ent_type_ in TIME_TYPES):
            allowed.update(range(child.left_edge.i, child.right_edge.i + 1))
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if finder.quote_of_token[token.i] >= 0 or token.is_quote:
            return False
        if token.i not in allowed and not token.is_punct and not token.is_space:
            return False
    return True
