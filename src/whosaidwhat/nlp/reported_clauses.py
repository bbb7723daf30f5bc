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
  whatever the parser hung after the verb: "*"Nobody told us,"* said the woman, who ...".
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from whosaidwhat.nlp.coordinated_content import has_own_subject
from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, overlap, trim
from whosaidwhat.nlp.quotemarks import Quoted
from whosaidwhat.nlp.reported_objects import governs_content
from whosaidwhat.nlp.speech_frames import CONTENT_POS
from whosaidwhat.nlp.syntax import SPEAKER, SUBJECT_DEPS, subject_of, token_end

#: Dependency labels of a clause a reporting verb governs as its content.
CLAUSE_DEPS = ("ccomp", "parataxis")
#: Quotation marks that close a quotation before its reporting clause.
CLOSING_MARKS = ('"', "\u201d", "\u2019", "'")
#: Tags of finite verbs and auxiliaries.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Characters that end a sentence.
SENTENCE_ENDS = frozenset(".!?")
#: Last characters of a quotation that the reporting clause after it attributes: '"...," she said'.
ATTRIBUTED_ENDINGS = frozenset(",?!")
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
    return (
        len(before) >= 2 and before.endswith(CLOSING_MARKS) and not before[-2].isspace() and before[-2] != ":"
    )


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
        return None
    inside = range(subject.left_edge.i, subject.right_edge.i + 1)
    return quoted if all(token.i in inside for token in between) else None


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
    "will open."' reports the first half here; the second follows as a quotation of its own)."""
    if content is None:
        return True
    if overlap(content, quoted.inner) > 0:
        return False
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
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    word = doc[verb.i + 1]
    while (
        word.dep_ in NOUN_PHRASE_DEPS
        and verb.i < word.head.i <= verb.i + NOUN_PHRASE_WORDS
        and word.head.i > word.i
    ):
        word = word.head
    if word.pos_ not in ("NOUN", "PROPN", "PRON") or word.ent_type_ in ("DATE", "TIME"):
        return None
    return word if finder.quote_of_token[word.i] < 0 else None
