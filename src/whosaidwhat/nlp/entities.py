"""``whosaidwhat_entities``: one entity per person, organisation and place of an article.

Runs after the model's NER and writes ``doc._.wsw_entities``:
``[{"id", "name", "type", "titles", "mentions": [(start, end)]}]``.

1. Named spans from the model, trimmed and relabelled where the model erred, and
2. names the model missed (both in :mod:`~whosaidwhat.nlp.name_mentions`).
3. People, as names are compared within an article (:mod:`whosaidwhat.names`): full names
   group by first name, surname and suffix (nameparser); a lone surname joins
   the person with that surname mentioned in the same sentence, else the one
   mentioned most so far, of the gender an honorific states ("Mrs. Clinton") and, when an office
   precedes it ("President Clinton"), among those given that office if any is; a lone first
   name joins the only person with that first name;
   a misspelt surname ("Ruttte") joins the surname it is one or two edits from (rapidfuzz).
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
from collections import Counter
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.names import (
    PERSON,
    NameIndex,
    NameKey,
    Scope,
    gender_of_words,
    given_name_gender,
    is_given_name,
    is_honorific,
    is_name_prefix,
    is_person_noun,
    is_title_word,
    misspelt_surname,
    name_key,
    name_parts,
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
from whosaidwhat.nlp.syntax import doc_text
from whosaidwhat.nlp.titles import (
    affiliated_country,
    apposition_before,
    apposition_titles,
    premodifier_title,
    role_title,
    title_noun,
    titles_beside,
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


# ---------------------------------------------------------------- grouping


def group_people(doc: Doc, mentions: list[Mention]) -> list[Group]:
    """One group per person: full names by first and last name; lone names by salience."""
    people = People(doc, mentions)
    for mention in mentions:
        people.add(mention)
    return people.groups()


class People:
    """The people of one article: those named in full indexed by surname, lone names apart.

    Whether a name is someone named in full is :func:`~whosaidwhat.names.same_person`'s call.
    """

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.sentence_of = {sentence.start: number for number, sentence in enumerate(doc.sents)}
        self.doc = doc
        self.named: NameIndex[Group] = NameIndex(Scope.ARTICLE)
        self.full: list[Group] = []  # the people named in full, in order of first mention
        self.by_first: dict[str, list[Group]] = {}
        self.singles: dict[str, Group] = {}
        self.last_seen: dict[int, int] = {}
        self.counts: Counter[int] = Counter()
        self.offices: dict[int, set[str]] = {}  # head nouns of the titles given with each full name
        full = [mention for mention in mentions if self._full_name(mention)]
        parsed = [
            (mention, name_parts(mention.text).first, name_key(mention.text, PERSON, Scope.ARTICLE))
            for mention in full
        ]
        given_surnames = {key.last for _, first, key in parsed if is_given_name(first)}
        longer = {mention.text: mention for mention in full}
        tails = {
            " ".join(words[cut:]).casefold(): longer[text]
            for text, words in ((text, text.split()) for text in longer)
            for cut in range(1, len(words) - 1)
        }
        parsed.sort(key=lambda entry: entry[0].text.casefold() in tails)  # the longer names first
        for mention, first, key in parsed:
            if mention.text.casefold() in tails and (is_name_prefix(first) or not is_given_name(first)):
                # the end of a longer name, a surname of several words: "Suu Kyi" of "Aung San Suu Kyi"
                whole = tails[mention.text.casefold()]
                if (group := self._named_in_full(name_key(whole.text, PERSON, Scope.ARTICLE))) is not None:
                    self.named.add(key, group)
            elif (
                not is_given_name(first)
                and key.last in given_surnames
                and not _proper_word(doc[mention.start])
            ):
                # a word the model took for a first name ("Injecting Clinton" beside "Hillary Clinton")
                mention.start, mention.text = mention.end - 1, doc[mention.end - 1].text
            elif self._named_in_full(key) is None:
                group = Group("PERSON", first=first)
                self.named.add(key, group)
                self.full.append(group)
                self.by_first.setdefault(key.first, []).append(group)
            if (group := self._named_in_full(key)) is not None:
                self.offices.setdefault(id(group), set()).update(
                    title.head for title in titles_beside(doc, mention.start, mention.end)
                )

    @staticmethod
    def _full_name(mention: Mention) -> bool:
        return mention.end - mention.start > 1 and name_parts(mention.text).is_full

    def _named_in_full(self, key: NameKey) -> Group | None:
        found = self.named.matches(key)
        return found[0][1] if found else None

    def _with_surname(self, surname: str) -> list[Group]:
        return [group for _, group in self.named.matches(NameKey.lone(surname))]

    def add(self, mention: Mention) -> None:
        sentence = self.sentence_of[self.doc[mention.start].sent.start]
        group = self.person_of(mention, sentence)
        group.mentions.append(mention)
        self.last_seen[id(group)] = sentence
        self.counts[id(group)] += 1

    def person_of(self, mention: Mention, sentence: int) -> Group:
        """The person a name refers to: its full name's, else by surname, first name or misspelt surname."""
        key = name_key(mention.text, PERSON, Scope.ARTICLE)
        if key.is_full and mention.end - mention.start > 1 and (group := self._named_in_full(key)):
            return group
        word = key.key
        candidates = self._with_surname(word)
        if not candidates:
            misspelt = misspelt_surname(word, self.named.surnames())
            candidates = self._with_surname(misspelt) if misspelt else None
        if not candidates and len(self.by_first.get(word, [])) == 1:
            candidates = self.by_first[word]
        honorific = self.honorific_gender(mention)
        if candidates and honorific:
            candidates = [
                group for group in candidates if given_name_gender(group.first)[0] in (honorific, None)
            ]
        office = self.office_before(mention)
        if candidates and office:
            candidates = [
                group for group in candidates if office in self.offices.get(id(group), ())
            ] or candidates
        if not candidates:
            first = mention.text if is_given_name(mention.text) else ""
            return self.singles.setdefault(f"{word} {honorific or ''}", Group("PERSON", first=first))
        return self.most_salient(candidates, sentence)

    def honorific_gender(self, mention: Mention) -> str | None:
        """The gender an honorific before a lone name states: "Mrs. Clinton" is not Bill Clinton."""
        return gender_of_words([self.doc[mention.start - 1].text]) if mention.start > 0 else None

    def office_before(self, mention: Mention) -> str | None:
        """The office a title right before a lone name states: "president" for "President Clinton"."""
        before = mention.start - 1
        while before > 0 and self.doc[before].text == ".":  # "Gov" "." split by the tokeniser
            before -= 1
        if before < 0 or not is_title_word(self.doc[before].text) or is_honorific(self.doc[before].text):
            return None
        return title_noun(self.doc[before])

    def most_salient(self, candidates: list[Group], sentence: int) -> Group:
        """The one mentioned in this sentence, else the one mentioned most so far: a bare surname is the
        article's principal ("Trump" is Donald, not Ivanka Trump named a sentence before)."""
        recent = [group for group in candidates if sentence - self.last_seen.get(id(group), -10) <= 0]
        if recent:
            return max(recent, key=lambda group: self.last_seen[id(group)])
        return max(candidates, key=lambda group: (self.counts[id(group)], self.last_seen.get(id(group), -1)))

    def groups(self) -> list[Group]:
        return [group for group in [*self.full, *self.singles.values()] if group.mentions]


def _proper_word(token) -> bool:
    """A capitalised proper noun that is no office: a given name gender-guesser may not know ("Jeh")."""
    return token.pos_ == "PROPN" and token.is_title and not is_title_word(token.text)


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
