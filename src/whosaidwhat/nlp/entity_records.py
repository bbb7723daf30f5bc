"""The entities of an article as records (``doc._.wsw_entities``), each under its fullest name.

The names are found in the body; the headline is left out of the text the model reads, as
it would run into the first sentence. An organisation the body names only by its acronym
("the CMA") still takes the full name the headline spells it with ("The Canadian Medical
Association is the real threat"): the initials of a run of capitalised words of the headline,
short words such as "of" aside, spell it; a person the body names by surname alone takes the
full name the headline gives them (:mod:`~whosaidwhat.nlp.headline_names`).

What a record tells of a person is read here too: the gender its pronouns or given name give,
and the roles its titles end with.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from whosaidwhat.names import (
    FEMALE,
    MALE,
    expanded_title_word,
    fullest_name,
    given_name_gender,
    is_honorific,
    is_person_noun,
    name_parts,
)
from whosaidwhat.nlp.headline_names import complete_from_headline
from whosaidwhat.nlp.name_mentions import Group
from whosaidwhat.nlp.org_names import ACRONYM_SKIPPED

#: A word of a headline: letters, with the apostrophes and hyphens inside names.
HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’&-]*")
#: What may stick to a headline's word: "Belchetz:", "(CMA)", "‘Feud".
PUNCTUATION = "\"'“”‘’()[]:;,.!?–—"
#: An acronym a headline may spell out: two to six capitals, with or without dots ("U.N.").
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
PRONOUN_GENDERS = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE, "hers": FEMALE}


def as_records(doc: Doc, groups: list[Group], headline: str | None = None) -> list[dict]:
    """The ``doc._.wsw_entities`` value: in order of first mention, mentions as character offsets."""
    spelled = headline_expansions(headline)
    groups = sorted(groups, key=lambda group: group.mentions[0].start)
    records = []
    for number, group in enumerate(groups, start=1):
        spans = sorted(
            {(doc[m.start : m.end].start_char, doc[m.start : m.end].end_char) for m in group.mentions}
        )
        records.append(
            {
                "id": f"e{number}",
                "name": canonical_name(group, spelled),
                "type": group.label,
                "titles": [title.text for title in group.titles if not is_honorific(title.text)],
                "mentions": spans,
            }
        )
    complete_from_headline(records, headline)
    return records


def canonical_name(group: Group, spelled: dict[str, str] | None = None) -> str:
    """The fullest name used, pronouns and descriptions never; an organisation named only by an
    acronym ``spelled`` spells out (acronym -> full name) takes the full name."""
    name = fullest_name(mention.text for mention in group.mentions if mention.is_name)
    if group.label == "ORG" and spelled and ACRONYM.fullmatch(name):
        return spelled.get(name.replace(".", ""), name)
    return name


def headline_expansions(headline: str | None) -> dict[str, str]:
    """Acronym -> the run of capitalised words of ``headline`` it abbreviates: each longest run of
    two or more ("The Canadian Medical Association" gives "CMA" for "Canadian Medical
    Association"), broken at punctuation; the first run wins."""
    found: dict[str, str] = {}
    for run in capitalised_runs(headline or ""):
        while run and run[0].casefold() in ACRONYM_SKIPPED:
            run = run[1:]
        named = [word for word in run if word.casefold() not in ACRONYM_SKIPPED]
        if len(named) > 1:
            found.setdefault("".join(word[0] for word in named), " ".join(run))
    return found


def capitalised_runs(headline: str) -> list[list[str]]:
    """The runs of capitalised words (with "of", "and" ... inside), each ended by a small word,
    a number or punctuation."""
    runs: list[list[str]] = [[]]
    for piece in headline.split():
        word = piece.strip(PUNCTUATION)
        named = bool(HEADLINE_WORD.fullmatch(word)) and word[0].isupper()
        if named or (runs[-1] and word.casefold() in ACRONYM_SKIPPED and piece == word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
        if word and piece != word and runs[-1]:  # "Belchetz:" ends its run
            runs.append([])
    return [run for run in runs if run and run[-1].casefold() not in ACRONYM_SKIPPED]


def roles_of(entity: dict) -> set[str]:
    """The nouns for a person an entity's titles end with: "resident" of "Resident", "director" of
    "communications director", "senator" of "Sen.", no form of address ("Mr.")."""
    lasts = (title.split()[-1] for title in entity.get("titles", []) if title.split())
    return {expanded_title_word(word) for word in lasts if is_person_noun(word) and not is_honorific(word)}


def gender_of(entity: dict, text: str) -> str | None:
    """A person's gender: the one the article's pronouns give them, if they agree, else the one
    their given name certainly has; None when neither tells."""
    if entity["type"] != "PERSON":
        return None
    found = {PRONOUN_GENDERS.get(text[start:end].lower()) for start, end in entity["mentions"]} - {None}
    if found:
        return found.pop() if len(found) == 1 else None
    gender, certain = given_name_gender(name_parts(entity["name"]).first or "")
    return gender if certain else None
