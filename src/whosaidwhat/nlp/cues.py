"""Steps 2 and 3 of the quotes (:mod:`~whosaidwhat.nlp.quotes`): each quote's cue and what it reports.

Step 2 reads the parse: a reporting verb outside quotation marks that governs what was
said, by one of the dependencies its entry in ``resources/reporting_verbs.tsv`` lists, or
that heads a quotation ("X said: \"...\""), is a cue, and so is "according to X". Step 3
finds the quotations the parse left alone: one beside a reporting verb the parser did not
link ("...?" said the minister), one signed "― Name", and transcript turns ("TAPPER: ...").
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from whosaidwhat.nlp.parentheticals import parenthetical_quotes
from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, trim
from whosaidwhat.nlp.quotemarks import Quoted
from whosaidwhat.nlp.speakers import addressee_of
from whosaidwhat.nlp.speech_frames import is_belief, is_speech
from whosaidwhat.nlp.syntax import SPEAKER, subject_of, token_end

#: Dependency labels of a clause a reporting verb governs as its content.
CLAUSE_DEPS = ("ccomp", "parataxis")
#: Dependencies of what completes a reported object ("urged X *to act*", "described X *as a fraud*").
OBJECT_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "prep", "advcl"})
#: Tags of finite verbs and auxiliaries.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Dashes that sign a quotation with its speaker's name.
SIGNATURE_DASHES = frozenset("\u2015\u2014\u2013")
#: Named-entity types that can speak.
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


# ---------------------------------------------------------------- step 2: cues in the parse


def quote_from_cue(finder: QuoteFinder, token: Token) -> None:
    """The quote ``token`` is the cue of, if any: a reporting verb's content, or "according to X"."""
    doc = finder.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.lower_ == "according" and following is not None and following.lower_ == "to":
        _according_to(finder, token, following)
        return
    if not finder.is_reporting_verb(token) or parenthetical_quotes(finder, token):
        return
    content = _content_of(finder, token)
    if content is None:
        return
    subject = subject_of(token, SPEAKER)
    if not is_speech(token, subject, finder.tokens_in(content)):
        return
    finder.cue_tokens.add(token.i)
    cue = (token.idx, token_end(token))
    finder.add(content, cue, subject, addressee_of(token), belief=is_belief(token))


def _content_of(finder: QuoteFinder, verb: Token) -> Bounds | None:
    """What ``verb`` reports: its clause, object or infinitive, or the quotation it heads."""
    frames = finder.settings.reporting_verbs[verb.lemma_]
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS and _is_clause_content(finder, child, frames):
            return _around(finder, verb, _before_next_report(finder, child, _clause_bounds(finder, child)))
    if verb.dep_ in CLAUSE_DEPS and finder.quote_of_token[verb.head.i] >= 0:
        return _around(finder, verb, _clause_bounds(finder, verb.head, without=verb))
    for child in verb.children:
        if child.dep_ in ("xcomp", "dobj") and child.dep_ in frames:
            return _to_quotation_end(finder, _object_bounds(finder, child))
        if child.dep_ == "prep" and child.i > verb.i and f"prep:{child.lower_}" in frames:
            target = next((grand for grand in child.children if grand.dep_ in ("pobj", "pcomp")), None)
            if target is not None:
                return _to_quotation_end(finder, _clause_bounds(finder, target))
    colon = _colon_after(verb)
    if colon is not None:
        following = _quotation_after(finder, token_end(colon))
        if following is not None:
            return following.inner
    fronted = _fronted_clause(verb, frames)
    if fronted is not None:
        return _clause_bounds(finder, fronted)
    return None


def _before_next_report(finder: QuoteFinder, head: Token, bounds: Bounds) -> Bounds:
    """A clause coordinated with another report ends before it: "says Machado promised to stay
    *and said she would fight*" holds two quotes."""
    for child in head.rights:
        if child.dep_ == "conj" and finder.is_reporting_verb(child) and child.idx < bounds[1]:
            cut = child.left_edge
            while cut.i > head.i and (cut.doc[cut.i - 1].dep_ == "cc" or cut.doc[cut.i - 1].is_punct):
                cut = cut.doc[cut.i - 1]
            return trim(finder.text, bounds[0], cut.idx)
    return bounds


def _to_quotation_end(finder: QuoteFinder, bounds: Bounds) -> Bounds:
    """An object that opens with a quotation ends with it: "calling for *"urgent action"* amid ..."."""
    k = bisect_right(finder.quoted_starts, bounds[0]) - 1
    if k < 0 or finder.quoted[k].start != bounds[0] or not finder.quoted[k].closed:
        return bounds
    end = finder.quoted[k].end
    return (bounds[0], end) if end < bounds[1] else bounds


def _fronted_clause(verb: Token, frames: frozenset[str]) -> Token | None:
    """A statement before its reporting clause that the parser took for an adverbial one:
    "Biden is staying in the race, the campaign chair insisted"."""
    if "ccomp" not in frames:
        return None
    for child in verb.lefts:
        if (
            child.dep_ == "advcl"
            and not any(grand.dep_ == "mark" for grand in child.children)
            and any(grand.dep_ in ("nsubj", "nsubjpass") for grand in child.children)
            and any(token.tag_ in FINITE_TAGS for token in (child, *child.children))
        ):
            return child
    return None


def _around(finder: QuoteFinder, verb: Token, bounds: Bounds) -> Bounds:
    """A clause the verb interrupts ("The bridge," she said, "will open.") is cut at the verb:
    the part before it, else the part after it (the rest is left to step 4)."""
    if not bounds[0] < verb.idx < bounds[1]:
        return bounds
    before = trim(finder.text, bounds[0], verb.left_edge.idx)
    if finder.has_words(*before):
        return before
    return trim(finder.text, token_end(verb.right_edge), bounds[1])


def _object_bounds(finder: QuoteFinder, child: Token) -> Bounds:
    """An object with the complements that follow it: "called *climate change a hoax*",
    "urged *North Korea to resume talks*", "accused *the government of lying*"."""
    start, end = _clause_bounds(finder, child)
    if child.dep_ != "dobj":
        return start, end
    for sibling in child.head.rights:
        if sibling.i <= child.i or sibling.dep_ in ("punct", "cc"):
            continue
        coordinated_object = sibling.dep_ == "conj" and sibling.pos_ in ("NOUN", "PRON", "PROPN")
        if sibling.dep_ not in OBJECT_COMPLEMENT_DEPS and not coordinated_object:
            break
        end = _clause_bounds(finder, sibling)[1]
    return start, end


def _is_clause_content(finder: QuoteFinder, child: Token, frames: frozenset[str]) -> bool:
    """A clause the verb takes, or a quoted one linked by parataxis ("...," he said, "...")."""
    if child.dep_ == "ccomp":
        return "ccomp" in frames or finder.quote_of_token[child.i] >= 0
    return finder.quote_of_token[child.i] >= 0


def _clause_bounds(finder: QuoteFinder, head: Token, without: Token | None = None) -> Bounds:
    """The characters of ``head``'s subtree, leaving out the subtree of ``without`` at either end."""
    doc = finder.doc
    left, right = head.left_edge, head.right_edge
    if without is not None:
        if without.left_edge.i <= left.i:
            after = without.right_edge.i + 1
            left = doc[after] if after < len(doc) else left
        elif without.right_edge.i >= right.i:
            right = doc[without.left_edge.i - 1]
    while right.i > left.i and (right.is_punct or right.is_space or right.dep_ == "cc"):
        right = doc[right.i - 1]
    return trim(finder.text, left.idx, token_end(right))


def _colon_after(verb: Token) -> Token | None:
    """The colon right after the verb's phrase ("Rutte said:", "he told reporters:")."""
    doc = verb.doc
    end = verb.right_edge.i + 1
    if end < len(doc) and doc[end].text == ":":
        return doc[end]
    return None


def _quotation_after(finder: QuoteFinder, offset: int) -> Quoted | None:
    """The quotation opening right after ``offset`` (only spaces between)."""
    k = bisect_right(finder.quoted_starts, offset)
    if k < len(finder.quoted) and not finder.text[offset : finder.quoted[k].start].strip():
        return finder.quoted[k]
    return None


def _according_to(finder: QuoteFinder, according: Token, to: Token) -> None:
    """ "According to X, ...": X is the source, the rest of the sentence the content."""
    source = next((child for child in to.children if child.dep_ == "pobj"), None)
    if source is None:
        return
    sentence = according.sent
    phrase_end = source.right_edge.i + 1
    if according.i - sentence.start <= 1:
        rest = finder.doc[phrase_end].idx if phrase_end < sentence.end else sentence.end_char
        content = trim(finder.text, rest, sentence.end_char)
    else:
        content = trim(finder.text, sentence.start_char, according.idx)
    if content[1] - content[0] < 3:
        return
    finder.add(content, (according.idx, token_end(to)), source, None)


# ---------------------------------------------------------------- step 3: cues the parse missed


def quotes_beside_cues(finder: QuoteFinder) -> None:
    """Quotations next to a reporting verb the parser did not link them to.

    ``"...?" said the minister.``, ``Moore said, "..."``, and the signature line of
    reader voices, ``"..." ― Jane Doe``.
    """
    for k, quoted in enumerate(finder.quoted):
        if k in finder.claimed or not finder.fills_its_sentences(
            quoted, slack=finder.settings.adjacent_words
        ):
            continue
        verb = _verb_after(finder, quoted) or _verb_before(finder, quoted)
        if verb is not None:
            finder.claimed.add(k)
            finder.cue_tokens.add(verb.i)
            cue = (verb.idx, token_end(verb))
            finder.add(quoted.inner, cue, subject_of(verb, SPEAKER), addressee_of(verb))
            continue
        signed = _signature_after(finder, quoted)
        if signed is not None:
            dash, name = signed
            finder.claimed.add(k)
            finder.add(quoted.inner, dash, name, None)


def _verb_after(finder: QuoteFinder, quoted: Quoted) -> Token | None:
    """A reporting verb among the few words after the quotation, in its sentence."""
    doc = finder.doc
    i = finder.token_index(quoted.end)
    if i >= len(doc):
        return None
    sentence_end = doc[i].sent.end
    for token in doc[i : min(sentence_end, i + finder.settings.adjacent_words)]:
        if finder.quote_of_token[token.i] >= 0:
            return None
        if _is_free_reporting_verb(finder, token):
            return token
    return None


def _verb_before(finder: QuoteFinder, quoted: Quoted) -> Token | None:
    """A reporting verb ending the words before the quotation ("Moore said, "...")."""
    doc = finder.doc
    i = finder.token_index(quoted.start) - 1
    if i < 0:
        return None
    sentence_start = doc[i].sent.start
    for token in reversed(doc[max(sentence_start, i - finder.settings.adjacent_words + 1) : i + 1]):
        if finder.quote_of_token[token.i] >= 0 or token.text in ".!?":
            return None
        if _is_free_reporting_verb(finder, token):
            return token
    return None


def _is_free_reporting_verb(finder: QuoteFinder, token: Token) -> bool:
    return finder.is_reporting_verb(token) and token.i not in finder.cue_tokens


def _signature_after(finder: QuoteFinder, quoted: Quoted) -> tuple[Bounds, Token] | None:
    """``"..." ― Jane Doe``: a dash after the quotation, then a name."""
    text, doc = finder.text, finder.doc
    dash = quoted.end
    while dash < len(text) and text[dash] in " \u00a0":
        dash += 1
    if dash >= len(text) or text[dash] not in SIGNATURE_DASHES:
        return None
    i = finder.token_index(dash + 1)
    if i >= len(doc) or doc[i].pos_ != "PROPN":
        return None
    name = doc[i]
    while name.head.i > name.i and name.head.pos_ == "PROPN" and name.head.i - name.i <= 3:
        name = name.head
    return (dash, dash + 1), name


def transcript_turns(finder: QuoteFinder) -> None:
    """Paragraphs of a transcript: ``TAPPER: And obviously ...`` (a capitalised speaker label)."""
    doc = finder.doc
    for start in finder.paragraph_starts:
        i = finder.token_index(start)
        label_end = i
        while label_end < len(doc) and label_end - i < 4 and doc[label_end].is_upper:
            label_end += 1
        if label_end == i or label_end >= len(doc) or doc[label_end].text != ":":
            continue
        label = doc[i:label_end]
        if (
            not any(token.ent_type_ in SPEAKER_ENTITY_TYPES for token in label)
            and finder.mentions.entity_at(label.start_char, label.end_char) is None
        ):
            continue
        colon = doc[label_end]
        content = trim(finder.text, token_end(colon), finder.paragraph_ends[finder.paragraph_of(start)])
        if content[1] - content[0] > 0:
            finder.add(content, (colon.idx, token_end(colon)), label[-1], None, kind="direct")
