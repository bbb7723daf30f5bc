"""Names in an article: the model's named spans, trimmed and relabelled, and the names it missed.

The first two steps of :mod:`whosaidwhat.nlp.entities`:

1. Named spans from the model, trimmed ("the United Kingdom" -> "United Kingdom",
   "Rutte's" -> "Rutte", "President Obama" -> "Obama") and relabelled where the model
   erred: known places (:mod:`~whosaidwhat.nlp.gazetteer`), a person's surname tagged
   as an organisation. Numbers, dates and times are left to their own components.
2. Names the model missed: capitalised words equal to a name it found elsewhere in the
   article (spaCy's ``PhraseMatcher``), untagged full names, and known places.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IS_ALPHA, ORTH, POS
from spacy.matcher import PhraseMatcher
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from whosaidwhat.names import given_name_gender, is_given_name, is_title_word, misspelt_surname, name_parts
from whosaidwhat.nlp import gazetteer
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.name_edges import with_given_name, with_initials
from whosaidwhat.nlp.titles import Title

#: Model labels that are not entities here: times and figures have their own components.
EXCLUDED_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
#: Labels the model gives a person's name by mistake ("Zelenskyy" as ORG or GPE).
MISTAKEN_FOR_NAMES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})
POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})
ARTICLES = frozenset({"the", "a", "an"})
#: Verbs of speaking whose subject is someone, not somewhere: an unknown "place" that says is a person.
SPEECH_LEMMAS = frozenset({"say", "tell", "add"})
#: Last words of organisations' names that open with a given name ("Merrill Lynch & Co").
ORGANISATION_NAME_WORDS = words("organisation_nouns.txt") | words("organisation_name_words.txt")


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    label: str
    text: str
    is_name: bool = True  # False for pronouns and descriptions


@dataclass
class Group:
    """The mentions of one entity while they are grouped, and what the text says of it."""

    label: str
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    first: str = ""
    countries: set[str] = field(default_factory=set)  # ISO codes: "Germany's Christian Lindner"
    ages: set[str] = field(default_factory=set)  # "52" of "Mia Strand, 52,"

    def add_title(self, title: Title | None) -> None:
        if title and all(title.text.casefold() != known.text.casefold() for known in self.titles):
            self.titles.append(title)


# ---------------------------------------------------------------- named spans


def named_mentions(doc: Doc) -> list[Mention]:
    """The model's entities, trimmed, with a block of initials printed beside them ("SK Umesh"),
    without numbers and dates."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ in EXCLUDED_LABELS:
            continue
        for start, end in split_at_possessive(doc, *trimmed(ent)):
            if _article_is_part_of_country_name(doc, start, end):
                start -= 1
            start, end, label = with_initials(
                doc, with_given_name(doc, start, end, ent.label_), end, ent.label_
            )
            if any(token.text[:1].isupper() and not token.is_punct for token in doc[start:end]):
                mentions.append(Mention(start, end, label, doc[start:end].text))
    return mentions


def _article_is_part_of_country_name(doc: Doc, start: int, end: int) -> bool:
    """Whether "the" before ``doc[start:end]`` belongs to a country's name: "the States", not "the U.S."."""
    if start == 0 or doc[start - 1].lower_ != "the":
        return False
    return (
        gazetteer.country_code(doc[start:end].text) is None
        and gazetteer.country_code(doc[start - 1 : end].text) is not None
    )


def split_at_possessive(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The owner and the owned of a span the model ran together: "Pagliano's | Fifth Amendment"."""
    for i in range(start + 1, end - 1):
        if doc[i].text in POSSESSIVE_MARKS:
            return [(start, i), (i + 1, end)]
    return [(start, end)] if start < end else []


def trimmed(ent: Span) -> tuple[int, int]:
    """Token bounds of ``ent`` without articles, possessive marks, punctuation, a person's honorifics,
    and words before a place or organisation's name that the model swept in ("Supporting Ukraine")."""
    doc, start, end = ent.doc, ent.start, ent.end
    while end > start and (doc[end - 1].text in POSSESSIVE_MARKS or doc[end - 1].is_punct):
        end -= 1
    while end - start > 1 and _is_lead_in(doc[start], ent.label_):
        start += 1
    if (
        ent.label_ == "PERSON"
        and end - start > 2
        and not is_given_name(doc[start].text)
        and is_given_name(doc[start + 1].text)
    ):
        start += 1
    while start < end and (doc[start].lower_ in ARTICLES or doc[start].is_punct):
        start += 1
    return start, end


def _is_lead_in(token: Token, label: str) -> bool:
    """Whether ``token`` opens the span without being part of the name."""
    if token.lower_ in ARTICLES or token.is_punct:
        return True
    if label == "PERSON":
        return _is_not_name(token)
    is_year = token.text.isdigit() and len(token.text) == 4  # "the 2014 American Community Survey"
    return is_year or token.pos_ in ("VERB", "AUX", "ADV", "ADP", "PRON", "SCONJ", "CCONJ")


def _is_not_name(token: Token) -> bool:
    """Whether a word the model put first in a person's name is an honorific, office or epithet."""
    if is_given_name(token.text):
        return False
    return not token.text[:1].isupper() or is_title_word(token.text) or token.pos_ != "PROPN"


def people_typed_otherwise(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel as people the names the model typed otherwise ("Mayor Lina Holt" as an organisation):
    capitalised proper nouns after or opening with an office or honorific ("Mayor", "Mrs"), which
    are then left out of the name; or opening with a given name whose last word the article also
    uses alone or after an honorific ("Lester Holt ... Holt", "Philip Simons ... Mr Simons"); or
    ending with the words of a name tagged as a person ("Aung San Suu Kyi" beside "Suu Kyi")."""
    for mention in mentions:
        if mention.label in MISTAKEN_FOR_NAMES and _is_proper_name(doc, mention):
            titles = _leading_titles(doc, mention)
            if titles:
                mention.start += titles
                mention.text = doc[mention.start : mention.end].text
                mention.label = "PERSON"
    speakers = {token.text for token in doc if token.dep_ == "nsubj" and token.head.lemma_ in SPEECH_LEMMAS}
    people = {mention.text for mention in mentions if mention.label == "PERSON"}
    alone = {mention.text for mention in mentions if mention.end - mention.start == 1}
    for mention in mentions:
        if mention.label not in MISTAKEN_FOR_NAMES or not _is_proper_name(doc, mention):
            continue
        if (
            mention.label == "GPE"
            and mention.text in speakers
            and mention.text.istitle()
            and gazetteer.country_code(mention.text) is None
        ):
            mention.label = "PERSON"  # no place the gazetteer knows, and it speaks: "Holt said"
            continue
        words = mention.text.split()
        before = doc[mention.start - 1] if mention.start > 0 else None
        titled = (
            before is not None and is_title_word(before.text) and before.lower_ not in ORGANISATION_NAME_WORDS
        )
        named_alone = (
            len(words) > 1 and is_given_name(words[0]) and not is_given_name(words[-1]) and words[-1] in alone
        )
        tail_of_person = any(" ".join(words[cut:]) in people for cut in range(1, len(words)))
        if titled or named_alone or tail_of_person:
            mention.label = "PERSON"
    people = {mention.text for mention in mentions if mention.label == "PERSON"}
    for mention in mentions:
        if mention.label in MISTAKEN_FOR_NAMES and mention.text in people:
            mention.label = "PERSON"  # the same name again, without its title


def _is_proper_name(doc: Doc, mention: Mention) -> bool:
    """One to four capitalised proper nouns, neither a known place nor ending as organisations do."""
    span = doc[mention.start : mention.end]
    return (
        1 <= len(span) <= 4
        and all(token.pos_ == "PROPN" and token.text[:1].isupper() for token in span)
        and gazetteer.place_label(mention.text) is None
        and span[-1].lower_ not in ORGANISATION_NAME_WORDS
    )


def _leading_titles(doc: Doc, mention: Mention) -> int:
    """How many words opening the name are offices or honorifics ("Detective Sergeant"), when a
    surname alone or a given name and a surname follow them."""
    count = 0
    while mention.start + count < mention.end - 1 and is_title_word(doc[mention.start + count].text):
        count += 1
    rest = doc[mention.start + count : mention.end]
    named = len(rest) == 1 or (len(rest) == 2 and is_given_name(rest[0].text))
    return count if count and named else 0


def split_before_subject(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a name the model ran into the one before it across a comma split off:
    "Evening Courier, Lund" before "claimed" is the outlet and then the speaker, "Lund"; and
    without what follows a colon ("WALLACE: Let" is Wallace's label and his first word)."""
    split = []
    for mention in mentions:
        colon = next((i for i in range(mention.start + 1, mention.end) if doc[i].text == ":"), None)
        if colon is not None:  # a transcript's speaker label run into the turn: "WALLACE: Let"
            mention = Mention(mention.start, colon, mention.label, doc[mention.start : colon].text)
        comma = next((i for i in range(mention.start + 1, mention.end - 1) if doc[i].text == ","), None)
        after = doc[mention.end] if mention.end < len(doc) else None
        if comma is None or after is None or after.pos_ not in ("VERB", "AUX"):
            split.append(mention)
            continue
        split.append(Mention(mention.start, comma, mention.label, doc[mention.start : comma].text))
        label = "PERSON" if mention.end - comma - 1 <= 3 else mention.label
        split.append(Mention(comma + 1, mention.end, label, doc[comma + 1 : mention.end].text))
    return split


def joined_by_slash(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with an organisation's name written together with a partner's after a slash
    taken whole ("Reuters/Ipsos" of "the Reuters/Ipsos poll"): the pair is one author."""
    joined, swallowed = [], set()
    for mention in mentions:
        if id(mention) in swallowed:
            continue
        end = mention.end
        if _slash_follows(doc, mention):
            stop = end + 1
            while stop < len(doc) and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper():
                stop += 1
            if stop > end + 1:
                swallowed.update(id(other) for other in mentions if end < other.start < stop)
                mention = Mention(mention.start, stop, "ORG", doc[mention.start : stop].text)
        joined.append(mention)
    return [mention for mention in joined if id(mention) not in swallowed]


def _slash_follows(doc: Doc, mention: Mention) -> bool:
    """An organisation's name followed by a slash with no space either side: "Reuters/"."""
    end = mention.end
    return (
        mention.label == "ORG"
        and end + 1 < len(doc)
        and doc[end].text == "/"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
    )


def plural_common_noun(doc: Doc, mention: Mention, nouns: frozenset[str]) -> bool:
    """A plural common noun opening a sentence that the model took for an organisation ("Farmers
    and fishermen warned ..."): an unnamed group. ``nouns`` are the language's common nouns."""
    token = doc[mention.start]
    return (
        mention.end - mention.start == 1
        and mention.label == "ORG"
        and token.is_title
        and all(before.is_space for before in doc[token.sent.start : token.i])
        and any(singular in nouns for singular in singulars(token.lower_))
    )


def singulars(word: str) -> list[str]:
    """What ``word`` is the plural of, if it is one: "farmers" -> "farmer", "fishermen" -> "fisherman"."""
    if word.endswith("men"):
        return [word[:-3] + "man"]
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    return [word[:-1]] if word.endswith("s") and not word.endswith("ss") else []


def common_noun_as_person(doc: Doc, mention: Mention, surnames: set[str]) -> bool:
    """A "person" without a proper noun ("Scholars"), unless it repeats a surname."""
    return (
        mention.label == "PERSON"
        and mention.text not in surnames
        and all(token.pos_ != "PROPN" for token in doc[mention.start : mention.end])
    )


def full_names(mentions: Iterable[Mention]) -> tuple[set[str], set[str]]:
    """Surnames and given names of the people named in full ("Rutte" and "Mark" for "Mark Rutte")."""
    surnames, given = set(), set()
    for mention in mentions:
        if mention.label == "PERSON" and mention.end - mention.start > 1:
            parts = name_parts(mention.text)
            if parts.is_full:
                surnames.add(parts.last)
                given.add(parts.first)
    return surnames, given


def relabelled(mention: Mention, surnames: set[str], given: set[str]) -> Mention:
    """``mention`` with a corrected label: places the model took for names, names it took for places."""
    label = gazetteer.corrected_label(mention.text, mention.label, surnames)
    single = mention.end - mention.start == 1
    if (
        label in MISTAKEN_FOR_NAMES
        and single
        and gazetteer.place_label(mention.text) is None
        and (mention.text in surnames or mention.text in given or misspelt_surname(mention.text, surnames))
    ):
        label = "PERSON"
    mention.label = label
    return mention


# ---------------------------------------------------------------- missed names


def missed_mentions(
    doc: Doc, mentions: list[Mention], surnames: set[str], tokenise: Callable[[str], Doc]
) -> list[Mention]:
    """Capitalised words the model left untagged that repeat a name it tagged, or name a known place."""
    taken = set()
    for ent in doc.ents:
        taken.update(range(ent.start, ent.end))
    for mention in mentions:
        taken.update(range(mention.start, mention.end))
    labels = {mention.text: mention.label for mention in mentions}
    for surname in surnames:
        labels[surname] = labels[surname.upper()] = "PERSON"  # upper case: speakers in transcripts
    matcher = PhraseMatcher(doc.vocab)
    for text in labels:
        matcher.add(text, [tokenise(text)])
    found = []
    for match_id, start, end in matcher(doc):
        if taken.isdisjoint(range(start, end)) and _stands_alone(doc, start, end):
            found.append(Mention(start, end, labels[doc.vocab.strings[match_id]], doc[start:end].text))
            taken.update(range(start, end))
    for start, end in _capitalised_runs(doc, taken):
        text = doc[start:end].text
        if gazetteer.is_missed_place(text, surnames) and (end - start > 1 or doc[start].pos_ == "PROPN"):
            found.append(Mention(start, end, gazetteer.place_label(text), text))
        elif (
            start > 0 and doc[start - 1].lower_ == "the" and gazetteer.country_code(doc[start - 1 : end].text)
        ):
            found.append(Mention(start - 1, end, "GPE", doc[start - 1 : end].text))  # "the States"
    return found


def missed_full_names(doc: Doc) -> list[Mention]:
    """Untagged proper nouns that read as a full name: a common given name and one or two more words,
    after any ranks or offices before it ("Detective Sergeant Raphael Letota")."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found = []
    for start, end in _capitalised_runs(doc, taken):
        while start < end - 2 and is_title_word(doc[start].text):
            start += 1
        span = doc[start:end]
        if (
            2 <= len(span) <= 3
            and all(token.pos_ == "PROPN" for token in span)
            and given_name_gender(span[0].text)[1]
            and gazetteer.place_label(span.text) is None
            and not any(is_title_word(token.text) or gazetteer.place_label(token.text) for token in span)
        ):
            found.append(Mention(start, end, "PERSON", span.text))
    return found


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer capitalised name ("Clinton" in "Clinton Foundation"); an honorific or
    office before it is no part of it ("Mr Simons")."""
    before = doc[start - 1] if start > 0 and not is_title_word(doc[start - 1].text) else None
    after = doc[end] if end < len(doc) else None
    return not any(
        token is not None and token.pos_ == "PROPN" and token.is_title for token in (before, after)
    )


def _capitalised_runs(doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
    """Maximal runs of capitalised proper-noun-like tokens outside any entity."""
    columns = doc.to_array([IS_ALPHA, POS, ORTH])  # read at once: no Token built for each word
    nouns = numpy.flatnonzero((columns[:, 0] == 1) & numpy.isin(columns[:, 1], (PROPN, NOUN))).tolist()
    texts = columns[:, 2].tolist()
    fits = [i for i in nouns if i not in taken and doc.vocab.strings[texts[i]][0].isupper()]
    for _, run in itertools.groupby(enumerate(fits), key=lambda pair: pair[1] - pair[0]):
        indexes = [i for _, i in run]
        yield indexes[0], indexes[-1] + 1
