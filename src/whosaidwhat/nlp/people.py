"""Personal names: their parts (nameparser), the gender they suggest (gender-guesser), title words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import gender_guesser.detector
from nameparser import HumanName
from nameparser.config import CONSTANTS

MALE, FEMALE = "male", "female"

#: Honorifics and role nouns that state a gender; nameparser and gender-guesser know names, not these.
GENDERED_WORDS = {
    "mr": MALE,
    "sir": MALE,
    "lord": MALE,
    "king": MALE,
    "prince": MALE,
    "congressman": MALE,
    "chairman": MALE,
    "spokesman": MALE,
    "businessman": MALE,
    "husband": MALE,
    "father": MALE,
    "son": MALE,
    "brother": MALE,
    "uncle": MALE,
    "grandfather": MALE,
    "mrs": FEMALE,
    "ms": FEMALE,
    "miss": FEMALE,
    "madam": FEMALE,
    "lady": FEMALE,
    "dame": FEMALE,
    "queen": FEMALE,
    "princess": FEMALE,
    "congresswoman": FEMALE,
    "chairwoman": FEMALE,
    "spokeswoman": FEMALE,
    "businesswoman": FEMALE,
    "wife": FEMALE,
    "mother": FEMALE,
    "daughter": FEMALE,
    "sister": FEMALE,
    "aunt": FEMALE,
    "grandmother": FEMALE,
}


@dataclass(frozen=True)
class NameParts:
    first: str
    last: str
    suffix: str

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of a full name: "Donald J. Trump" and "Donald Trump" share it, "Donald Trump Jr." not."""
        return (self.first.casefold().rstrip("."), self.last.casefold(), self.suffix.casefold().rstrip("."))


@lru_cache(maxsize=4096)
def name_parts(name: str) -> NameParts:
    parsed = HumanName(name)
    return NameParts(first=parsed.first, last=parsed.last, suffix=parsed.suffix)


#: Forms of address, which say nothing of a person's role.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "sir", "madam", "dame"})


def is_honorific(words: str) -> bool:
    """Whether ``words`` is only a form of address ("Mrs.", "Mr"), not a role."""
    return words.casefold().rstrip(".") in HONORIFICS


#: Abbreviated titles of news style and the nouns they stand for, so that "the senator" can refer
#: to "Sen. Robert Hayes". nameparser knows some abbreviations as titles but not what they abbreviate.
ABBREVIATED_TITLES = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "amb": "ambassador",
    "sec": "secretary",
    "secy": "secretary",
    "atty": "attorney",
    "supt": "superintendent",
    "prof": "professor",
    "dr": "doctor",
    "pres": "president",
    "capt": "captain",
    "cmdr": "commander",
    "cdr": "commander",
    "maj": "major",
    "adm": "admiral",
    "cpl": "corporal",
    "pvt": "private",
    "insp": "inspector",
    "det": "detective",
    "asst": "assistant",
    "dep": "deputy",
    "rev": "reverend",
    "supr": "supervisor",
    "comr": "commissioner",
}
#: Nouns for people that precede names less often than offices do, so nameparser lacks them.
PERSON_NOUNS = frozenset(
    {
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "lawmaker",
        "legislator",
        "negotiator",
        "aide",
        "analyst",
        "adviser",
        "advisor",
        "candidate",
        "nominee",
        "incumbent",
        "challenger",
        "chairman",
        "chairwoman",
        "chairperson",
        "congressman",
        "congresswoman",
        "prosecutor",
        "investigator",
        "witness",
        "victim",
        "suspect",
        "defendant",
        "plaintiff",
        "owner",
        "worker",
        "resident",
        "mother",
        "father",
        "sponsor",
        "head",
        "partner",
        "friend",
        "colleague",
        "opponent",
        "rival",
        "ally",
        "supporter",
        "boss",
        "employee",
        "student",
        "voter",
        "organizer",
        "organiser",
        "protester",
        "winner",
    }
)
#: Words nameparser counts as titles that name no single person ("the state", "the police").
COLLECTIVE_TITLE_WORDS = frozenset(
    {
        "state",
        "states",
        "group",
        "police",
        "army",
        "navy",
        "family",
        "united",
        "us",
        "uk",
        "kingdom",
        "british",
        "english",
        "government",
        "federal",
        "national",
        "royal",
        "military",
        "security",
    }
)


def is_title_word(word: str) -> bool:
    """Whether ``word`` is an honorific or office ("President", "Sen.", "Mr") rather than part of a name."""
    folded = word.casefold().rstrip(".")
    return folded in CONSTANTS.titles or folded in ABBREVIATED_TITLES


def expanded_title_word(word: str) -> str:
    """``word`` lower case, the noun it abbreviates if it is an abbreviated title: "Sen." -> "senator"."""
    folded = word.casefold().rstrip(".")
    return ABBREVIATED_TITLES.get(folded, folded)


def is_person_noun(word: str) -> bool:
    """Whether a common noun (lemma or abbreviation) names a person: "minister", "spokeswoman", "Gov."."""
    noun = expanded_title_word(word)
    if noun in PERSON_NOUNS or noun in GENDERED_WORDS:
        return True
    return noun in CONSTANTS.titles and noun not in COLLECTIVE_TITLE_WORDS


@lru_cache(maxsize=1)
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(name: str) -> tuple[str | None, bool]:
    """(gender, certain) of a given name: ("male", True) for "Mark", ("female", False) for "Bernie"."""
    guess = _detector().get_gender(name)
    if guess in (MALE, FEMALE):
        return guess, True
    if guess.startswith("mostly_"):
        return guess.removeprefix("mostly_"), False
    return None, False


def is_given_name(word: str) -> bool:
    """Whether gender-guesser lists ``word`` as a given name."""
    return given_name_gender(word)[0] is not None


def gender_of_words(words: list[str]) -> str | None:
    """The gender that honorifics or role nouns among ``words`` state, if any."""
    for word in words:
        gender = GENDERED_WORDS.get(word.casefold().rstrip("."))
        if gender:
            return gender
    return None
