"""Step 3 of the quotes (:mod:`~whosaidwhat.nlp.quotes`): quotations the parse left alone.

One beside a reporting verb the parser did not link ("...?" said the minister), one after a
narrative clause and a colon ("Her neighbour takes up the tale: \"...\""), one signed
"― Name", the turns of a transcript ("TAPPER: ..."), and a paragraph set apart after "she
added:" without quotation marks (a block quotation).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, trim
from whosaidwhat.nlp.quotemarks import Quoted
from whosaidwhat.nlp.speakers import addressee_of
from whosaidwhat.nlp.speech_frames import is_belief, is_speech
from whosaidwhat.nlp.syntax import SPEAKER, TIME_TYPES, subject_of, token_end

#: Dashes that sign a quotation with its speaker's name.
SIGNATURE_DASHES = frozenset("\u2015\u2014\u2013")
#: Named-entity types that can speak.
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Named-entity types of a speaker's label ("Lund: ...").
LABEL_ENTITY_TYPES = frozenset({"PERSON", "ORG"})
#: Dashes that set a speaker's label apart from the summary before it ("... - Jane Doe: ...").
LABEL_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
#: How many words a label after a dash may have: "Frank Newport and Jim Harter".
LABEL_WORDS = 6
#: Dependencies of what a verb reports in its own sentence: a clause, an infinitive, an object.
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
#: Named-entity types of a dateline ("NEW YORK: ..."), never a speaker's label.
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})


def quotes_beside_cues(finder: QuoteFinder) -> None:
    """Quotations next to a reporting verb the parser did not link them to.

    ``"...?" said the minister.``, ``Moore said, "..."``, and the signature line of
    reader voices, ``"..." ― Jane Doe``; first, the quotations a name after a dash labels
    (:func:`labelled_quotations`).
    """
    labelled_quotations(finder)
    for k, quoted in enumerate(finder.quoted):
        if k in finder.claimed:
            continue
        fills = finder.fills_its_sentences(quoted, slack=finder.settings.adjacent_words)
        verb = None
        if fills or _opens_sentence(finder, quoted):
            verb = _verb_after(finder, quoted)
        if verb is None and fills:
            verb = _verb_before(finder, quoted)
        verb = verb or _narrative_before_colon(finder, quoted)
        if verb is not None:
            finder.claimed.add(k)
            finder.cue_tokens.add(verb.i)
            cue = (verb.idx, token_end(verb))
            subject = _subject_after_quotation(verb, finder.token_index(quoted.end)) or subject_of(
                verb, SPEAKER
            )
            finder.add(quoted.inner, cue, subject, addressee_of(verb))
            continue
        signed = _signature_after(finder, quoted) if fills else None
        if signed is not None:
            dash, name = signed
            finder.claimed.add(k)
            finder.add(quoted.inner, dash, name, None)


def _opens_sentence(finder: QuoteFinder, quoted: Quoted) -> bool:
    """ "\"In many ways you won,\" Corley told the lead attorney on the case, ...": the quotation
    opens its sentence, whatever the length of the reporting clause after it."""
    i = finder.token_index(quoted.start)
    return i < len(finder.doc) and finder.doc[i].is_sent_start


def _narrative_before_colon(finder: QuoteFinder, quoted: Quoted) -> Token | None:
    """ "Her neighbour takes up the tale: \"...\"": a clause with a subject, a colon, and a
    quotation of a sentence or more that ends the paragraph; the clause's verb is the cue."""
    doc = finder.doc
    colon = finder.token_index(quoted.start) - 1
    if colon < 1 or doc[colon].text != ":" or finder.quote_of_token[colon - 1] >= 0:
        return None
    paragraph_end = finder.paragraph_ends[finder.paragraph_of(quoted.start)]
    if finder.has_words(quoted.end, paragraph_end):
        return None
    span = doc.char_span(*quoted.inner, alignment_mode="expand")
    if span is None or sum(not token.is_punct for token in span) < finder.settings.min_floating_words:
        return None
    verb = _verb_before_colon(doc, colon)
    if verb is None or verb.i in finder.cue_tokens:
        return None
    subject = subject_of(verb, SPEAKER)
    if subject is None or not is_speech(verb, subject, list(span)):
        return None
    return verb


def _verb_before_colon(doc: Doc, colon: int) -> Token | None:
    """The verb of the phrase the colon at ``colon`` ends ("he told reporters:")."""
    verb = doc[colon - 1]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < colon:
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def paragraphs_after_a_colon(finder: QuoteFinder) -> None:
    """ "The governor added:" ending a paragraph, then a paragraph without quotation marks: a
    quotation set apart as a block, whose marks the page left out."""
    doc, text = finder.doc, finder.text
    for k in range(len(finder.paragraph_starts) - 1):
        start, end = finder.paragraph_starts[k], finder.paragraph_ends[k]
        if not text[start:end].rstrip().endswith(":"):
            continue
        colon = finder.token_index(text.rindex(":", start, end))
        if colon < 1 or colon >= len(doc) or doc[colon].text != ":":
            continue
        verb = _verb_before_colon(doc, colon)
        content = trim(text, finder.paragraph_starts[k + 1], finder.paragraph_ends[k + 1])
        if verb is None or not finder.is_reporting_verb(verb) or verb.i in finder.cue_tokens:
            continue
        if _has_quotation_marks(finder, content) or not finder.has_words(*content):
            continue
        subject = subject_of(verb, SPEAKER)
        if subject is not None and is_speech(verb, subject, finder.tokens_in(content)):
            finder.cue_tokens.add(verb.i)
            cue = (verb.idx, token_end(verb))
            finder.add(content, cue, subject, addressee_of(verb), kind="direct", belief=is_belief(verb))


def _has_quotation_marks(finder: QuoteFinder, bounds: Bounds) -> bool:
    k = bisect_right(finder.quoted_starts, bounds[1]) - 1
    return k >= 0 and finder.quoted[k].end > bounds[0]


def _verb_after(finder: QuoteFinder, quoted: Quoted) -> Token | None:
    """A reporting verb among the few words after the quotation, in its sentence."""
    doc = finder.doc
    i = finder.token_index(quoted.end)
    if i >= len(doc):
        return None
    sentence_end = doc[i].sent.end
    own_sentence = _ends_with_a_full_stop(finder, quoted) and doc[i].is_sent_start
    for token in doc[i : min(sentence_end, i + finder.settings.adjacent_words)]:
        if finder.quote_of_token[token.i] >= 0:
            return None
        if _is_free_reporting_verb(finder, token):
            return None if own_sentence and not _only_a_reporting_clause(token) else token
    verb = _verb_after_its_subject(finder, doc[i:sentence_end])
    return None if verb is None or own_sentence and not _only_a_reporting_clause(verb) else verb


def _only_a_reporting_clause(verb: Token) -> bool:
    """ "\"... missing.\" Trump said.": a sentence of its own after a quotation closed by a full
    stop reports it only when it is nothing but the speaker and the verb, and "He added that ..."
    reports something else."""
    return verb.dep_ == "ROOT" and not any(child.dep_ in REPORTED_DEPS for child in verb.children)


def _ends_with_a_full_stop(finder: QuoteFinder, quoted: Quoted) -> bool:
    """ "\"... during his presidency.\" He added that ...": a quotation closed by a full stop
    ends its sentence, and the verbs of the next one report something else."""
    return finder.text[slice(*quoted.inner)].rstrip().endswith(".")


def _verb_after_its_subject(finder: QuoteFinder, words: Span) -> Token | None:
    """ "\"...,\" Rep. Ann E. Lund (D-Md.) said": further away, the reporting verb whose subject
    phrase holds every word between the quotation and the verb."""
    verb = next((token for token in words if token.pos_ in ("VERB", "AUX")), None)
    if verb is None or not _is_free_reporting_verb(finder, verb):
        return None
    subject = _subject_after_quotation(verb, words.start)
    if subject is None or subject.right_edge.i + 1 < verb.i:
        return None
    return (
        verb
        if subject.left_edge.i <= words.start
        or _only_punctuation(words.doc[words.start : subject.left_edge.i])
        else None
    )


def _subject_after_quotation(verb: Token, start: int) -> Token | None:
    """The verb's subject among the words from ``start``: the parser may give it a second one
    inside the quotation."""
    return next(
        (child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass") and child.i >= start), None
    )


def _only_punctuation(span: Span) -> bool:
    return all(token.is_punct or token.is_space for token in span)


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
    while i < len(doc) and doc[i].is_space:  # "―\u00a0Jane Doe": a no-break space is a token
        i += 1
    if i >= len(doc) or doc[i].pos_ != "PROPN":
        return None
    name = doc[i]
    while name.head.i > name.i and name.head.pos_ == "PROPN" and name.head.i - name.i <= 3:
        name = name.head
    return (dash, dash + 1), name


def transcript_turns(finder: QuoteFinder) -> None:
    """Paragraphs opened by a speaker's label: a transcript's turn (``TAPPER: And obviously ...``,
    also after an opening mark, ``"PENCE: Well, ...``), or a person's name (``Lund: the harbour
    will reopen``). A place is no speaker: ``NEW YORK: The city's "green budget" ...`` is a dateline."""
    doc = finder.doc
    names = _speaker_name_words(finder)
    for start, end in zip(finder.paragraph_starts, finder.paragraph_ends, strict=True):
        i = finder.token_index(start)
        if i < len(doc) and doc[i].is_quote:
            i += 1
        label_end = _label_end(doc, i)
        if label_end is None:
            continue
        label = doc[i:label_end]
        if not _is_speaker_label(finder, label, names):
            continue
        colon = doc[label_end]
        content = trim(finder.text, token_end(colon), end)
        if finder.has_words(*content):
            finder.add(content, (colon.idx, token_end(colon)), label[-1], None, kind="direct")


def _label_end(doc: Doc, i: int) -> int | None:
    """The colon ending the capitalised label of up to four words that starts at ``i``."""
    end = i
    while end < len(doc) and end - i < 4 and (doc[end].is_upper or doc[end].is_title):
        end += 1
    if end == i or end >= len(doc) or doc[end].text != ":":
        return None
    return end


def _is_speaker_label(finder: QuoteFinder, label: Span, names: frozenset[str]) -> bool:
    """A person or organisation: named so by the model, or whose name the article gives
    elsewhere (``PENCE`` for Mike Pence). Never a place."""
    types = {token.ent_type_ for token in label} - {""}
    mention = finder.mentions.overlapping(label.start_char, label.end_char)
    types |= {kind for _, _, _, kind in mention if kind}
    if types & PLACE_ENTITY_TYPES:
        return False
    if label[-1].lower_ in names:
        return True
    if all(token.is_upper for token in label):
        return bool(types & SPEAKER_ENTITY_TYPES) or bool(mention)
    return bool(types & LABEL_ENTITY_TYPES) and all(token.pos_ == "PROPN" for token in label)


def _speaker_name_words(finder: QuoteFinder) -> frozenset[str]:
    """The last words of the names of the article's people and organisations, in lower case."""
    words = set()
    for start, end, _, kind in finder.mentions.mentions:
        if kind in LABEL_ENTITY_TYPES:
            name = finder.text[start:end].split()
            if name and name[-1][:1].isupper():
                words.add(name[-1].lower())
    return frozenset(words)


def labelled_quotations(finder: QuoteFinder) -> None:
    """ "Turnout rose in the cities - Jane Doe: \u201cAt long last ...\u201d [Gazette]": a digest quoting its
    sources, a quotation of a sentence or more after a dash, a short name and a colon, that ends
    its paragraph (but for the bracketed name of where it appeared), said by the one named."""
    for k, quoted in enumerate(finder.quoted):
        if k in finder.claimed or not _ends_its_paragraph(finder, quoted):
            continue
        colon = finder.token_index(quoted.start) - 1
        while colon > 0 and finder.doc[colon].is_space:
            colon -= 1
        label = _label_after_dash(finder, colon)
        span = finder.doc.char_span(*quoted.inner, alignment_mode="expand")
        if (
            label is None
            or span is None
            or sum(not t.is_punct for t in span) < finder.settings.min_floating_words
        ):
            continue
        finder.claimed.add(k)
        finder.add(quoted.inner, (finder.doc[colon].idx, token_end(finder.doc[colon])), label[-1], None)
        finder.quotes[-1].source = (label.start_char, label.end_char)  # the label, whatever the parse


def _ends_its_paragraph(finder: QuoteFinder, quoted: Quoted) -> bool:
    """Nothing follows the quotation in its paragraph but a bracketed source: "[Gazette]"."""
    end = finder.paragraph_ends[finder.paragraph_of(quoted.start)]
    rest = finder.text[quoted.end : end].strip()
    return not rest or (rest.startswith("[") and rest.rstrip(".").endswith("]"))


def _label_after_dash(finder: QuoteFinder, colon: int) -> Span | None:
    """The capitalised name of a person or organisation between a dash and the colon at ``colon``."""
    doc = finder.doc
    if colon < 2 or doc[colon].text != ":":
        return None
    dash = colon - 1
    while dash > 0 and colon - dash <= LABEL_WORDS and doc[dash].text not in LABEL_DASHES:
        dash -= 1
    label = doc[dash + 1 : colon]
    if doc[dash].text not in LABEL_DASHES or not label or not finder.text[doc[dash].idx - 1].isspace():
        return None
    if not all(token.is_title or token.is_upper or token.lower_ == "and" for token in label):
        return None
    types = {token.ent_type_ for token in label}
    types |= {kind for _, _, _, kind in finder.mentions.overlapping(label.start_char, label.end_char) if kind}
    named = bool(types & LABEL_ENTITY_TYPES) or all(
        token.pos_ == "PROPN" or token.lower_ == "and" for token in label
    )
    return label if named and not types & (PLACE_ENTITY_TYPES | TIME_TYPES) else None
