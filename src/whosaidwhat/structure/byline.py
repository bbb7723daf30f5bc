"""Bylines, closing signatures and datelines: who wrote the article and which agency sent it.

No library reads these: their shapes are conventions of news desks ("By Jane Doe and
John Roe", "rc/sms (dpa, AP)", "Reporting by X; Editing by Y", "KYIV, Ukraine (AP) —"),
so they are matched here with regular expressions and the agency table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from whosaidwhat.structure.agencies import agency_named
from whosaidwhat.structure.dates import MONTH
from whosaidwhat.structure.lines import Line

#: Words that mark a part of a credit line as a role or an outlet, not a person.
ROLE_WORDS = frozenset(
    {
        "correspondent",
        "editor",
        "reporter",
        "writer",
        "staff",
        "contributor",
        "columnist",
        "news",
        "bureau",
        "chief",
        "desk",
        "agency",
        "press",
        "media",
        "service",
        "newsroom",
        "team",
        "online",
        "digital",
        "political",
        "senior",
        "world",
    }
)
NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "al",
        "el",
        "ter",
        "ten",
        "dos",
        "das",
    }
)
#: Words that open capitalised phrases which are not names ("The Times", "Tuesday").
NOT_FIRST_NAMES = frozenset(
    {
        "the",
        "a",
        "an",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
    }
)
#: An outlet or a role as a credit line prints it: capitalised words and small joining words.
_TITLE_WORD = r"(?:[A-Z][\w'’&.\-]*|of|the|for|and|on|in|at|de)"
#: Words separated by spaces, so a long run of letters has one reading (no backtracking).
TITLE_CASE = re.compile(rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD})*\s*")
NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)+$")
MAX_NAME_TOKENS = 5

#: A desk or a contributor's credit that stands for a byline when no person is named
#: ("9News Staff", "BBC Sport", "Special to The Globe and Mail"); beside a name it is the outlet.
DESK_CREDIT = re.compile(
    r"(?:[A-Z0-9][\w.&'’-]*\s+){1,3}(?:Staff(?:\s+Writers?|\s+Reporters?)?|Desk|Newsroom|Team|Sports?|Bureau)"
    r"|Special\s+to\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|and))*"
)
#: Words of page furniture that may close a scraped text in title case ("Related Stories").
PAGE_WORDS = frozenset(
    {
        "advertisement",
        "articles",
        "comments",
        "gallery",
        "images",
        "latest",
        "live",
        "photos",
        "popular",
        "related",
        "share",
        "sponsored",
        "stories",
        "subscribe",
        "topics",
        "trending",
        "updates",
        "video",
        "videos",
    }
)
#: A closing byline is a line of names, without the punctuation that ends a sentence.
ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?:;,\"'”’)\]]$")
MAX_CLOSING_BYLINE_CHARS = 80

#: Separators between the people and agencies of one credit line.
CREDIT_SEPARATOR = re.compile(r"\s*(?:,|;|\||/|&|\band\b)\s*")
#: "... in Kyiv" after a name says where the writer filed from.
FILED_FROM = re.compile(r"\s+in\s+[A-Z][\w .,'-]*$")

BY_LINE = re.compile(r"(?:written\s+)?by\s*:?\s+(?P<credits>.+?)\.?$", re.IGNORECASE)
INITIALS_SIGNATURE = re.compile(
    r"(?P<initials>[a-z]{1,4}(?:\s*/\s*[a-z]{1,4})*)\s*(?:\((?P<credits>[^()]+)\))?\.?$"
)
AGENCY_SIGNATURE = re.compile(r"[(\[]?\s*(?:[-–—]+\s*)?(?P<credits>[^()\[\]]+?)\s*[)\]]?\.?$")
ROLE_CREDIT = re.compile(
    r"(?:additional\s+)?(?:reporting|writing|editing|research|compiled|written|produced)"
    r"(?:\s+and\s+\w+)?\s+(?:by|from)\s+(?P<credits>.+)",
    re.IGNORECASE,
)
CONTRIBUTED = re.compile(
    r"(?P<credits>.+?)\s+contributed\s+(?:reporting|research|to\s+this\s+(?:report|article|story))\b.*",
    re.IGNORECASE,
)
DASH_SIGNATURE = re.compile(r"(?:[—–]|--?)\s*(?P<credits>[^—–\-].*?)\.?$")
OPENING_DASHES = re.compile(r"^[\s(\[]*(?:-{1,2}|[—–])?\s*")
CLOSING_MARKS = re.compile(r"[\s)\].]*$")

DATELINE = re.compile(
    r"(?P<place>[A-Z][\w'.\-]+(?:\s+[A-Z][\w'.\-]+)*)"
    r"(?:,\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)*)?"
    rf"(?:,?\s+(?i:{MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?)?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?"
    r"(?:\s*(?:[—―–]|--)\s*|\s+-\s+|(?P<colon>:)\s+)"
)


@dataclass
class Credits:
    """People and agencies credited by a byline, signature or dateline."""

    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)

    def add(self, other: Credits) -> None:
        self.authors += [a for a in other.authors if a not in self.authors]
        self.agencies += [a for a in other.agencies if a not in self.agencies]


def read_byline(text: str) -> Credits | None:
    """The credits of a byline at the top of an article ("By Jane Doe", "Jane Doe, Reuters")."""
    match = BY_LINE.fullmatch(text)
    if match:
        credits = split_credits(match.group("credits"), strict=True)
        return credits if credits and credits.authors + credits.agencies else None
    credits = split_credits(text, strict=True)
    return credits if credits and credits.agencies else None


def read_signature(text: str) -> Credits | None:
    """The credits of a closing line: "rc/sms (dpa, AP)", "(Reuters)", "— AP", "Reporting by X"."""
    initials = INITIALS_SIGNATURE.fullmatch(text)
    if initials:
        credits = split_credits(initials.group("credits") or "", strict=True) or Credits()
        if "/" in initials.group("initials") or credits.agencies:
            credits.authors[:0] = re.split(r"\s*/\s*", initials.group("initials"))
            return credits
    bare = CLOSING_MARKS.sub("", OPENING_DASHES.sub("", text))
    for pattern in (ROLE_CREDIT, CONTRIBUTED):
        match = pattern.fullmatch(bare)
        if match:
            return _role_credits(match.group("credits"))
    for pattern in (AGENCY_SIGNATURE, DASH_SIGNATURE):
        match = pattern.fullmatch(text)
        if match:
            credits = split_credits(match.group("credits"), strict=True)
            if credits and (credits.agencies or (pattern is DASH_SIGNATURE and _full_names(credits))):
                return credits
    return None


def read_closing_byline(text: str) -> Credits | None:
    """The credits of a last line that is a bare byline: names ("Jane Doe and John Roe",
    "JANE DOE and AP Technology Writer"), a desk ("9News Staff") or an agency ("Reuters").

    Only whole names count (two words at least), none of them an English function word
    after the first ("Follow Us On Twitter") or a word of page furniture ("Related Stories").
    """
    if len(text) > MAX_CLOSING_BYLINE_CHARS or ENDS_LIKE_A_SENTENCE.search(text):
        return None
    credits = split_credits(text, strict=True)
    if not credits or not credits.authors + credits.agencies:
        return None
    if all(DESK_CREDIT.fullmatch(name) or _reads_as_person(name) for name in credits.authors):
        return credits
    return None


@dataclass
class Dateline:
    """What a dateline says: where the dispatch was filed (offsets of the place's name in the
    text), the agency it names, and the line's rest."""

    place: tuple[int, int]
    credits: Credits
    rest: Line


def read_dateline(line: Line) -> Dateline | None:
    """The dateline opening ``line`` ("KYIV, Ukraine (AP) —", "WASHINGTON:"), if it opens with one.

    A place in capitals is enough before a dash ("WASHINGTON —"); a place in ordinary case
    needs an agency in brackets, so that a sentence opening with a name and a dash is left
    alone. Before a colon, the place in capitals must be a known place, as transcripts put
    speakers' names there ("TAPPER: ...").
    """
    match = DATELINE.match(line.text)
    if not match or match.end() >= len(line.text):
        return None
    place = match.group("place")
    agency = agency_named(match.group("agency") or "")
    if not (place.isupper() or agency):
        return None
    if match.group("colon") and not (agency or is_known_place(place)):
        return None
    bounds = (line.start + match.start("place"), line.start + match.end("place"))
    return Dateline(bounds, Credits(agencies=[agency] if agency else []), line.tail(line.start + match.end()))


def is_known_place(name: str) -> bool:
    """Whether ``name`` (in any case) is a country or a well-known city."""
    from whosaidwhat.nlp import gazetteer  # here: the gazetteer loads place tables at first use

    return gazetteer.place_label(name.title()) is not None


def split_credits(text: str, strict: bool) -> Credits | None:
    """People and agencies in ``text``; None if ``strict`` and some part is not a credit.

    Parts in title case that are not names ("The Coastal Courier", "Political
    Correspondent") name an outlet or a role: they are credits, but nobody's name.
    """
    credits, desks = Credits(), []
    for part in _credit_parts(text):
        part = FILED_FROM.sub("", part.strip(" .()"))
        if not part:
            continue
        agency = agency_named(part) or agency_of_staff_title(part)
        if agency:
            credits.add(Credits(agencies=[agency]))
        elif DESK_CREDIT.fullmatch(part):
            desks.append(part)
        elif looks_like_name(part):
            credits.add(Credits(authors=[part]))
        elif strict and not TITLE_CASE.fullmatch(part):
            return None
    if not credits.authors:
        credits.authors = desks
    return credits


def _credit_parts(text: str) -> list[str]:
    """``text`` split at its separators, except inside a desk credit ("Special to Smith and Sons")."""
    desk = DESK_CREDIT.fullmatch(text.strip(" .()"))
    return [desk.group()] if desk else CREDIT_SEPARATOR.split(text.strip())


def agency_of_staff_title(text: str) -> str | None:
    """The agency whose staff title ``text`` is ("AP Technology Writer", "Reuters Staff"), or None."""
    words = text.split()
    if len(words) < 2 or words[-1].casefold() not in ROLE_WORDS:
        return None
    for size in range(min(3, len(words) - 1), 0, -1):
        agency = agency_named(" ".join(words[:size]))
        if agency and TITLE_CASE.fullmatch(" ".join(words[size:])):
            return agency
    return None


def looks_like_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name as bylines print it ("Jane Doe", "JAMES B. STEWART")."""
    tokens = text.split()
    if not 1 <= len(tokens) <= MAX_NAME_TOKENS or not NAME_TOKEN.match(tokens[0]):
        return False
    if tokens[0].casefold() in NOT_FIRST_NAMES:
        return False
    if any(token.casefold().strip(".") in ROLE_WORDS for token in tokens):
        return False
    return all(NAME_TOKEN.match(t) or t.casefold() in NAME_PARTICLES for t in tokens)


def _reads_as_person(name: str) -> bool:
    """Whether ``name`` reads as a whole personal name rather than a title-case phrase."""
    tokens = [token.casefold() for token in name.split()]
    return (
        len(tokens) > 1
        and not any(token in PAGE_WORDS for token in tokens)
        and not any(token in STOP_WORDS and token not in NAME_PARTICLES for token in tokens[1:])
    )


def _full_names(credits: Credits) -> bool:
    """Whether every author has at least two names: a dash before one word may be anything."""
    return bool(credits.authors) and all(len(name.split()) > 1 for name in credits.authors)


def _role_credits(text: str) -> Credits:
    """Names in "Reporting by X; Additional reporting by Y; Editing by Z"."""
    credits = Credits()
    for clause in re.split(r"\s*;\s*", text):
        role = ROLE_CREDIT.fullmatch(clause)
        credits.add(split_credits(role.group("credits") if role else clause, strict=False) or Credits())
    return credits
