"""Definite descriptions of people: "the Ukrainian president", "the GOP nominee", "the 52-year-old".

Which words make one, and whether a title the article gave someone fits it; the choice of
the person is :mod:`~whosaidwhat.nlp.coref`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from whosaidwhat.names import expanded_title_word, is_honorific, is_person_noun
from whosaidwhat.nlp.gazetteer import related_place_words
from whosaidwhat.nlp.lexicons import mapping, words
from whosaidwhat.nlp.titles import Title

OFFICE_CHANGING_MODIFIERS = frozenset(
    {
        "vice",
        "deputy",
        "assistant",
        "associate",
        "acting",
        "former",
        "ex",
        "co",
        "lieutenant",
        "under",
        "sub",
        "attorney",
        "surgeon",
        "major",
        "brigadier",
    }
)
#: Words naming a party, by the party: "the GOP nominee" is not a Democrat.
PARTY_WORDS = {
    "republican": "republican",
    "republicans": "republican",
    "gop": "republican",
    "democrat": "democratic",
    "democrats": "democratic",
    "democratic": "democratic",
    "labour": "labour",
    "conservative": "conservative",
    "tory": "conservative",
    "liberal": "liberal",
}
#: Nouns for a person by what they run in: "the Republican nominee" may be a senator or a businessman.
CANDIDACY_NOUNS = words("candidacy_nouns.txt")
#: Nouns for a person's tie to someone else ("her opponent"), which hold beside any role.
RELATION_NOUNS = words("relation_nouns.txt")
#: Offices whose holders may run for another.
PUBLIC_OFFICES = words("public_offices.txt")
DESCRIPTION_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
#: The office each noun names: "justice" is a judge's.
SAME_OFFICE = mapping("office_synonyms.tsv")


def office_of(noun: str) -> str:
    """The office ``noun`` (a lemma) names: "judge" for "justice", else the noun itself."""
    return SAME_OFFICE.get(noun, noun)


def title_fits(title: Title, head: str, modifiers: list[str]) -> bool:
    """Whether "the <modifiers> <head>" can describe someone with ``title``.

    Every modifier must be in the title; the title's own modifiers may be left out,
    except those that make it another office ("vice president" is not "the president").
    """
    if office_of(title.head) != office_of(head) or any(
        word not in modifiers for word in title.words & OFFICE_CHANGING_MODIFIERS
    ):
        return False
    return all(any(related_place_words(word, own) for own in title.words) for word in modifiers)


def is_other_role(title: Title, noun: str, is_role: Callable[[str], bool], may_run: bool) -> bool:
    """Whether ``title`` gives its holder a role (as ``is_role`` tells) other than "the ... <noun>"
    (a lemma): another office or trade, not a form of address ("Mr.") nor a tie to someone ("her
    opponent"). A public office does not rule out a candidacy ("Sen. Ann Lee" may be "the Green
    nominee") when the holder ``may_run``: the text is about them, not someone named in passing."""
    return (
        office_of(title.head) != office_of(noun)
        and is_role(title.head)
        and not is_honorific(title.text)
        and title.head not in RELATION_NOUNS
        and noun not in PARTY_WORDS  # a party's member may hold any office
        and not (may_run and noun in CANDIDACY_NOUNS and expanded_title_word(title.head) in PUBLIC_OFFICES)
    )


def parties_differ(modifiers: Iterable[str], title_words: Iterable[str]) -> bool:
    """Whether a description's modifiers name a party other than the one the person's titles name."""
    wanted = {PARTY_WORDS[word] for word in modifiers if word in PARTY_WORDS}
    held = {PARTY_WORDS[word] for word in title_words if word in PARTY_WORDS}
    return bool(wanted and held and not wanted & held)


def title_fits_office(title: Title, modifiers: list[str]) -> bool:
    """Whether ``title`` is not another office than "the <modifiers> ...": "vice president" is
    not "the president", "former mayor" may be "the mayor"."""
    return all(word in modifiers for word in title.words & OFFICE_CHANGING_MODIFIERS - {"former", "ex"})


def description_bounds(head: Token) -> tuple[int, int] | None:
    """Token bounds of "the [modifiers] <head> [of X]" when ``head`` heads a singular definite description,
    also as the owner a person is ("*the president's* roots", not "the club's"), never as a modifier
    ("the president aide")."""
    if (
        head.pos_ not in ("NOUN", "PROPN")
        or head.tag_ in ("NNS", "NNPS")
        or head.ent_type_
        and not is_party_member(head)
    ):
        return None
    if (
        head.dep_ == "compound"
        or (head.dep_ == "poss" and not is_person_head(head))
        or any(
            child.dep_ == "appos" and child.ent_type_ == "PERSON" or is_another_person(child)
            for child in head.children
        )
    ):
        return None
    start = head.left_edge.i
    doc = head.doc
    if doc[start].lower_ != "the" or doc[start].dep_ != "det" or doc[start].head.i != head.i:
        return None
    if any(
        doc[i].dep_ not in DESCRIPTION_MODIFIER_DEPS or doc[i].ent_type_ in ("PERSON", "DATE")
        for i in range(start + 1, head.i)
    ):
        return None
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
            pobj = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("GPE", "ORG", "NORP"):
                end = pobj.right_edge.i + 1
    return start, end


def is_another_person(conjunct: Token) -> bool:
    """Whether a conjunct names someone else, with a determiner of its own: "the Ohio Republican and
    *the New York businessman*"; not "the Ohio senator and *presidential candidate*"."""
    return conjunct.dep_ == "conj" and any(child.dep_ == "det" for child in conjunct.children)


def is_party_member(head: Token) -> bool:
    """Whether ``head`` names one member of a party: "Republican" in "the Wisconsin Republican"."""
    return head.ent_type_ == "NORP" and head.lower_ in PARTY_WORDS and head.tag_ == "NNP"


def is_person_head(head: Token) -> bool:
    """Whether ``head`` (no name) heads a description of a person: "the senator", "the Wisconsin
    Republican"."""
    return is_person_noun(head.lemma_.lower()) or is_party_member(head)


def age_bounds(head: Token) -> tuple[int, int, str] | None:
    """Token bounds and age of "the 52-year-old": a person described by the age the text gave them."""
    doc = head.doc
    start = head.i - 4
    if head.lower_ != "old" or start < 1 or doc[start - 1].lower_ != "the":
        return None
    number, dash, year, dash2 = doc[start : head.i]
    if not (number.like_num and dash.text == dash2.text == "-" and year.lower_ in ("year", "years")):
        return None
    return start - 1, head.i + 1, number.text


def apposition_age(doc, start: int, end: int) -> str | None:
    """The age set off by commas after the name ``doc[start:end]``: "52" in "Mia Strand, 52, said"."""
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 2].text in (",", ".", ";"):
        number = doc[end + 1]
        if number.like_num and number.text.isdigit() and 0 < int(number.text) < 120:
            return number.text
    return None
