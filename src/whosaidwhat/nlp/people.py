"""People of one article, as its names are compared: one group of mentions per person.

Full names group by first name, surname and suffix (nameparser); a lone surname joins the
person with that surname mentioned in the same sentence, else the one mentioned most so far, of
the gender an honorific states ("Mrs. Clinton") and, when an office precedes it ("President
Clinton"), among those given that office if any is; a lone first name joins the only person with
that first name; a misspelt surname ("Ruttte") joins the surname it is one or two edits from
(rapidfuzz).
"""

from __future__ import annotations

from collections import Counter

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
    is_title_word,
    misspelt_surname,
    name_key,
    name_parts,
)
from whosaidwhat.nlp.name_mentions import Group, Mention
from whosaidwhat.nlp.titles import title_noun, titles_beside


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
        #: People known by a lone name only, by that name: they compete with those named in full.
        self.lone: dict[str, list[Group]] = {}
        self.genders: dict[int, str] = {}  # the gender an honorific gave each person known by a lone name
        #: Those known by a lone name with an office before anyone of that name was named in full, by name.
        self.split_off: dict[int, str] = {}
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
        if (honorific := self.honorific_gender(mention)) and id(group) in self.split_off:
            self.genders.setdefault(id(group), honorific)
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
        candidates = [*(candidates or []), *self.lone.get(word, [])]
        honorific = self.honorific_gender(mention)
        if candidates and honorific:
            candidates = [group for group in candidates if self.gender_of(group) in (honorific, None)]
        office = self.office_before(mention)
        if candidates and office:
            candidates = [group for group in candidates if office in self.offices.get(id(group), ())] or (
                self.met_before(candidates) if self._with_surname(word) else candidates
            )
        if not candidates:
            group = self.single(mention, word, honorific, office)
            if office and self._with_surname(word):
                self.split_off.setdefault(id(group), word)
            return group
        return self.most_salient(candidates, sentence)

    def met_before(self, candidates: list[Group]) -> list[Group]:
        """Those of ``candidates`` the text has mentioned so far: a lone surname with an office that no one
        named in full is given, before any of them is named, may be someone else ("President Obama" is
        not "Michelle Obama" named after: see :meth:`rejoin`)."""
        return [group for group in candidates if id(group) in self.last_seen]

    def single(self, mention: Mention, word: str, honorific: str | None, office: str | None) -> Group:
        """The person known by the lone name ``word`` (and the gender of its honorific, if any)."""
        key = f"{word} {honorific or ''}"
        if key not in self.singles:
            first = mention.text if is_given_name(mention.text) else ""
            self.singles[key] = Group("PERSON", first=first)
            self.lone.setdefault(word, []).append(self.singles[key])
            if honorific:
                self.genders[id(self.singles[key])] = honorific
        group = self.singles[key]
        if office:
            self.offices.setdefault(id(group), set()).add(office)
        return group

    def gender_of(self, group: Group) -> str | None:
        return self.genders.get(id(group)) or given_name_gender(group.first)[0]

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
        for single in self.singles.values():
            if id(single) in self.split_off:
                self.rejoin(single, self.split_off[id(single)])
        return [group for group in [*self.full, *self.singles.values()] if group.mentions]

    def rejoin(self, single: Group, surname: str) -> None:
        """Give the mentions of someone split off by an office ("President Obama") to the only person named
        in full with that surname after all, unless a gender tells them apart: an honorific of the lone
        name ("Mr. Obama") and the full name's given name ("Michelle Obama")."""
        named = self._with_surname(surname)
        gender = self.genders.get(id(single))
        if len(named) != 1 or (gender is not None and self.gender_of(named[0]) not in (gender, None)):
            return
        named[0].mentions = sorted([*named[0].mentions, *single.mentions], key=lambda mention: mention.start)
        single.mentions = []


def _proper_word(token) -> bool:
    """A capitalised proper noun that is no office: a given name gender-guesser may not know ("Jeh")."""
    return token.pos_ == "PROPN" and token.is_title and not is_title_word(token.text)
