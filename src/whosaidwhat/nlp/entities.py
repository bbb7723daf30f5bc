"""``whosaidwhat_entities``: one entity per person, organisation and place of an article.

Runs after the model's NER and writes ``doc._.wsw_entities``:
``[{"id", "name", "type", "titles", "mentions": [(start, end)]}]``.

1. Named spans from the model, trimmed and relabelled where the model erred, and
2. names the model missed (both in :mod:`~whosaidwhat.nlp.name_mentions`).
3. People, as names are compared within an article (:mod:`~whosaidwhat.nlp.people`).
   Other entities group by their text (countries by ISO code: "U.S.", "America" and "the States"
   are "United States")
   and acronyms join their spelled-out organisation, short names the full name they end
   ("the Post" after "the New York Post").
4. Titles (:mod:`~whosaidwhat.nlp.titles`), then pronouns and definite descriptions
   (:mod:`~whosaidwhat.nlp.coref`).
5. The records, each entity under its fullest name (:mod:`~whosaidwhat.nlp.entity_records`).

All steps are linear in the article's length: names are looked up in dicts keyed by
surname; only the few surnames of one article are compared with each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.names import (
    is_person_noun,
    person_gender,
)
from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.coref import PARAGRAPH_WINDOW, Person, Resolver
from whosaidwhat.nlp.descriptions import apposition_age
from whosaidwhat.nlp.entity_records import as_records
from whosaidwhat.nlp.headline_names import first_names_from_headline
from whosaidwhat.nlp.lemma_tables import LemmaTables
from whosaidwhat.nlp.name_mentions import (
    Group,
    Mention,
    common_noun_as_person,
    full_names,
    joined_by_slash,
    missed_full_names,
    missed_mentions,
    named_mentions,
    people_typed_otherwise,
    plural_common_noun,
    relabelled,
    singulars,
    split_before_subject,
)
from whosaidwhat.nlp.org_names import (
    channels_shown_on,
    group_others,
    missed_acronyms,
    named_after_organisation_noun,
)
from whosaidwhat.nlp.people import group_people
from whosaidwhat.nlp.syntax import doc_text
from whosaidwhat.nlp.titles import (
    affiliated_country,
    apposition_before,
    apposition_titles,
    premodifier_title,
    role_title,
)


class Entities:
    """The ``whosaidwhat_entities`` component; ``tokenise`` splits a name into tokens as the pipeline
    does; ``nlp``'s lemmatizer, when it has one, knows the common nouns ("farmer")."""

    def __init__(
        self,
        tokenise: Callable[[str], Doc],
        *,
        paragraph_window: int = PARAGRAPH_WINDOW,
        nlp: Language | None = None,
    ) -> None:
        self.tokenise = tokenise
        #: How many paragraphs back a pronoun may find the person it refers to.
        self.paragraph_window = paragraph_window
        self.lemmas = LemmaTables(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc._.wsw_entities = find_entities(
            doc,
            self.tokenise,
            paragraph_window=self.paragraph_window,
            nouns=self.lemmas.nouns(),
            words=self.lemmas.words(),
        )
        return doc


@Language.factory(
    "whosaidwhat_entities",
    default_config={"paragraph_window": PARAGRAPH_WINDOW},
    requires=["doc.ents", "doc.sents", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.wsw_entities"],
)
def make_entities(nlp: Language, name: str, paragraph_window: int) -> Entities:
    extensions.register()
    return Entities(nlp.make_doc, paragraph_window=paragraph_window, nlp=nlp)


def find_entities(
    doc: Doc,
    tokenise: Callable[[str], Doc],
    *,
    paragraph_window: int,
    nouns: frozenset[str] = frozenset(),
    words: frozenset[str] = frozenset(),
) -> list[dict]:
    """The entities of ``doc``; ``tokenise`` splits a name into tokens as the pipeline does; ``nouns``
    are common nouns (lemmas) of the language, ``words`` all its words."""
    mentions = joined_by_slash(doc, split_before_subject(doc, named_mentions(doc)))
    mentions = [mention for mention in mentions if not plural_common_noun(doc, mention, nouns)]
    mentions += missed_full_names(doc) + named_after_organisation_noun(doc, mentions)
    people_typed_otherwise(doc, mentions)
    surnames, given = full_names(mentions)
    mentions = [
        relabelled(mention, surnames, given)
        for mention in mentions
        if not common_noun_as_person(doc, mention, surnames) or is_unknown_word(doc, mention, words)
    ]
    mentions += missed_mentions(doc, mentions, surnames, tokenise)
    mentions += missed_acronyms(doc, mentions)
    mentions += channels_shown_on(doc, mentions)
    mentions.sort(key=lambda mention: mention.start)
    people = group_people(doc, [m for m in mentions if m.label == "PERSON"])
    others = group_others([m for m in mentions if m.label != "PERSON"], doc)
    add_titles(doc, people)
    first_names_from_headline(people, doc._.wsw_headline)
    unnamed = pronouns_and_descriptions(doc, people, paragraph_window)
    return as_records(doc, people + without_mentions_inside(others, unnamed), doc._.wsw_headline)


def is_unknown_word(doc: Doc, mention: Mention, words: frozenset[str]) -> bool:
    """A capitalised word inside a sentence that the language does not know, which the tagger took
    for an adjective but the model for a person: "the Renukaswamy murder case"."""
    token = doc[mention.start]
    return (
        mention.end - mention.start == 1
        and token.is_title
        and token.i > token.sent.start
        and bool(words)
        and not any(word in words for word in (token.lower_, *singulars(token.lower_)))  # "Scholars"
    )


# ---------------------------------------------------------------- titles and references


def add_titles(doc: Doc, people: list[Group]) -> None:
    """Titles from pre-modifiers, appositions and roles ("the role of NATO Secretary General").

    A description of a person set before the name ("her spokeswoman, Ellen Park,") is also a mention.
    """
    owner = {}
    for group in people:
        for mention in list(group.mentions):
            if description := description_before(doc, mention):
                group.mentions.append(description)
            owner.update({i: group for i in range(mention.start, mention.end)})
            group.add_title(premodifier_title(doc, mention.start, mention.end))
            for title in apposition_titles(doc, mention.start, mention.end):
                group.add_title(title)
            if country := affiliated_country(doc, mention.start, mention.end):
                group.countries.add(country)
            if age := apposition_age(doc, mention.start, mention.end):
                group.ages.add(age)
    for token in doc:
        found = role_title(token)
        if found and found[0].i in owner:
            owner[found[0].i].add_title(found[1])


def description_before(doc: Doc, name: Mention) -> Mention | None:
    """The noun phrase the name follows in apposition, a mention of the same person:
    "her spokeswoman" in "her spokeswoman, Ellen Park, said". Only a singular noun for a person:
    not "two developers, Ann Lee and ...", nor "until the election, Ann Lee, an adviser, ...",
    which the parser often reads as an apposition."""
    head = apposition_before(doc, name.start, name.end)
    if head is None or head.pos_ != "NOUN" or head.tag_ in ("NNS", "NNPS") or not is_person_noun(head.lemma_):
        return None
    start = head.left_edge.i
    return Mention(start, head.i + 1, "PERSON", doc[start : head.i + 1].text, is_name=False)


def pronouns_and_descriptions(doc: Doc, people: list[Group], paragraph_window: int) -> list[tuple[int, int]]:
    """Add the pronouns and descriptions that refer to each person to its mentions; return the
    token bounds of the modifiers of subjects that describe people the article does not name
    ("the German" of "the German minister said")."""
    persons = [
        Person(
            *person_gender(group.first, (word for title in group.titles for word in title.words)),
            titles=group.titles,
            countries=set(group.countries),
            ages=set(group.ages),
        )
        for group in people
    ]
    names = sorted(
        (mention.start, mention.end, index)
        for index, group in enumerate(people)
        for mention in group.mentions
    )
    resolver = Resolver(doc, persons, paragraph_starts(doc), paragraph_window)
    for start, end, index in resolver.resolve(names):
        people[index].mentions.append(Mention(start, end, "PERSON", doc[start:end].text, is_name=False))
    for group in people:
        group.mentions.sort(key=lambda mention: mention.start)
    return resolver.unnamed_modifiers


def without_mentions_inside(groups: list[Group], spans: list[tuple[int, int]]) -> list[Group]:
    """``groups`` without their mentions inside ``spans`` (token bounds), and without groups left empty.

    A nationality or place that describes a person ("German" in "the German minister said") must
    not be read as the subject: the phrase names a person, not the nation.
    """
    inside = {i for start, end in spans for i in range(start, end)}
    kept = []
    for group in groups:
        group.mentions = [mention for mention in group.mentions if mention.start not in inside]
        if group.mentions:
            kept.append(group)
    return kept


def paragraph_starts(doc: Doc) -> list[int]:
    """Character offsets where paragraphs start: the caller's, else every line's."""
    if doc._.wsw_paragraphs:
        return sorted(start for start, _ in doc._.wsw_paragraphs)
    return [0] + [match.end() for match in re.finditer(r"\n", doc_text(doc))]
