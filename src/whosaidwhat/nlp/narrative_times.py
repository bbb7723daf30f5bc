"""Rule 4 of :mod:`~whosaidwhat.nlp.event_times`: a story told forward keeps its time.

A simple-past clause outside quotation marks, in a sentence with no time of its own, continues
the reference time (a day, week or month) set by the last clause dated by its own expression:
in the same paragraph or the one before, or, for a day, any number of paragraphs before when
no other time is named since and the paragraphs between carry the story, quote its
witnesses or tell what someone thinks happened ("Police suspect the bag was tied"), never past
a section heading.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from whosaidwhat.nlp.event_parts import Event
from whosaidwhat.nlp.lexicons import reporting_verbs, words
from whosaidwhat.nlp.syntax import paragraphs_of

#: Determiners of a phrase naming someone the story told of ("the grandparents").
DEFINITE = frozenset({"the", "this", "these", "those", "both"})
#: Verbs of saying and thinking, which in the present may tell what happened ("Police suspect ...").
STORY_TELLING_VERBS = frozenset(reporting_verbs()) | words("thinking_verbs.txt")
#: A clause in the simple past continues the time of a clause at most this many paragraphs before it.
NARRATIVE_PARAGRAPHS = 1


class SpanUnion:
    """The union of character spans as sorted disjoint stretches, to test offsets by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted((s, e) for s, e in spans if s < e):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def continue_narrative(doc: Doc, text: str, events: list[Event], narrative_paragraphs: int) -> None:
    """Rule 4: simple-past clauses carry on the reference time of the clause last dated on its own,
    at most ``narrative_paragraphs`` paragraphs before them, or any number of paragraphs before
    when that time is a day, the text names no other time since the paragraph giving it and no
    paragraph between steps out to the present."""
    paragraphs = paragraphs_of(doc)
    paragraph_starts = [s for s, _ in paragraphs]
    quoted = SpanUnion([q["content"] for q in doc._.wsw_quotes or []])
    sentence_start = sentence_starts(doc)
    dated_sentences = {sentence_start[e.token.i] for e in events if e.own_time}
    time_starts = sorted(t["start"] for t in doc._.wsw_times or [] if not re.match(r"P(?:T|\d)", t["value"]))
    present = present_paragraphs(doc, paragraph_starts, quoted)
    reference: tuple[str, int] | None = None
    for event in sorted(events, key=lambda e: e.token.i):
        paragraph = paragraph_of(event.token.idx, paragraph_starts)
        is_point = re.fullmatch(r"\d{4}-(?:\d\d|W\d\d)(?:-\d\d)?", event.when or "")
        if event.own_time and event.token.pos_ == "VERB" and is_point:
            reference = (event.when, paragraph)
            continue
        if event.when or reference is None or sentence_start[event.token.i] in dated_sentences:
            continue
        near = paragraph - reference[1] <= narrative_paragraphs or (
            narrative_paragraphs > 0  # 0 turns continuation across paragraphs off
            and is_day(reference[0])
            and no_time_between(time_starts, paragraphs[reference[1]][1], event.token.idx)
            and not any(reference[1] < p < paragraph for p in present)
        )
        # "remanded in the murder case": the act a case is brought over came before the story
        story_line = (
            is_simple_past(event.token) and event.token.idx not in quoted and event.token.dep_ != "compound"
        )
        if near and story_line and not heading_between(text, paragraphs, reference[1], paragraph):
            event.when = reference[0]


def present_paragraphs(doc: Doc, paragraph_starts: list[int], quoted: SpanUnion) -> list[int]:
    """The paragraphs that step out of a story to the present: a sentence of the narrative (not
    of a quotation) whose main verb is in the present or under a modal ("Few countries would be
    as vulnerable", "Burglaries are rare in the town"), unless it tells how the story's people
    stand now (:func:`is_aftermath`) or what someone says or thinks happened (:func:`tells_past`)."""
    found: list[int] = []
    for sentence in doc.sents:
        root = sentence.root
        if root.idx in quoted or root.pos_ not in ("VERB", "AUX"):
            continue
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)
        if (root.tag_ in ("VBZ", "VBP") and not is_aftermath(root) and not tells_past(root)) or modal:
            paragraph = paragraph_of(root.idx, paragraph_starts)
            if not found or found[-1] != paragraph:
                found.append(paragraph)
    return found


def is_aftermath(root: Token) -> bool:
    """ "The grandparents are too shaken to return", "Investigators are still on the hunt": "be" in
    the present with a subject the story named (a definite phrase, a name or a pronoun) or "still"
    tells where the story stands now, not a general truth ("Burglaries are rare")."""
    if root.lemma_ != "be":
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    definite = subject is not None and (
        subject.pos_ in ("PROPN", "PRON")
        or any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in subject.children)
    )
    return definite or any(c.dep_ == "advmod" and c.lower_ == "still" for c in root.children)


def tells_past(root: Token) -> bool:
    """ "Police suspect the bag was tied around her head", "Witnesses say he fled": a verb of
    saying or thinking in the present whose complement is in the simple past carries the story on."""
    if root.lemma_.lower() not in STORY_TELLING_VERBS:
        return False
    return any(c.dep_ == "ccomp" and is_simple_past(c) for c in root.children)


def is_day(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", value))


def no_time_between(time_starts: list[int], start: int, end: int) -> bool:
    """No time expression (``time_starts``, sorted) starts in ``[start, end)``."""
    return bisect_right(time_starts, end - 1) == bisect_right(time_starts, start - 1)


def sentence_starts(doc: Doc) -> list[int]:
    """The index of the first token of each token's sentence, in one pass (``Token.sent`` walks the doc)."""
    starts = [0] * len(doc)
    for sentence in doc.sents:
        starts[sentence.start : sentence.end] = [sentence.start] * len(sentence)
    return starts


def paragraph_of(offset: int, paragraph_starts: list[int]) -> int:
    return max(0, bisect_right(paragraph_starts, offset) - 1)


def heading_between(text: str, paragraphs: list[tuple[int, int]], first: int, last: int) -> bool:
    """A non-body line (blanked to spaces, as headings are) lies between the two paragraphs."""
    for i in range(first, min(last, len(paragraphs) - 1)):
        gap = text[paragraphs[i][1] : paragraphs[i + 1][0]]
        if any(line and not line.strip() for line in gap.split("\n")[1:-1]):
            return True
    return False


def is_simple_past(trigger: Token) -> bool:
    """A simple past verb (active or passive), or a bare participle or event noun (also after a
    preposition: "wrote in an op-ed") whose clause is in the simple past."""
    token = trigger
    for _ in range(4):
        auxiliaries = {c.lemma_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if token.tag_ == "VBD":
            return "have" not in auxiliaries
        if token.tag_ == "VBN" and "have" not in auxiliaries and is_past_passive(token):
            return True  # "was stolen"
        if token.tag_ in ("VBG", "VBN", "NN", "NNS", "NNP") and not auxiliaries and token.head.i != token.i:
            token = token.head
            if token.dep_ == "prep":  # "wrote in an op-ed": the clause of the preposition
                token = token.head
            continue
        return misread_past_verb(token) is not None
    return False


def misread_past_verb(root: Token) -> Token | None:
    """The verb in the past a parse read as an adjective of the noun it governs, making that noun
    the root: "The proceeding *showcased* testimony by ...", with "proceeding" taken for a
    modifier of "showcased" rather than its subject."""
    if root.head.i != root.i or root.pos_ != "NOUN":
        return None
    return next(
        (
            c
            for c in root.children
            if c.dep_ == "amod"
            and c.tag_ in ("VBD", "VBN")
            and c.i < root.i
            and any(g.dep_ in ("npadvmod", "nsubj") and g.pos_ == "NOUN" and g.i < c.i for g in c.children)
        ),
        None,
    )


def is_past_passive(verb: Token) -> bool:
    """ "was stolen", "were arrested": a passive whose auxiliary is in the simple past."""
    return any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
