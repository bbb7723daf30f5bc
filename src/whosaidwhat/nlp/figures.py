"""``whosaidwhat_figures``: money, percentages and counts, each with its hedge.

Money and percentages are found with patterns over the text: spaCy's MONEY entities
split "£2.5m" and run neighbouring amounts together, and do not name the currency.
Currencies come from pycountry (ISO 4217 codes and names, "Canadian dollars", "rand",
"hryvnia"); symbols and the bare names that news uses for one currency by convention
("dollars", "pounds", "yuan") are in :data:`SYMBOLS` and :data:`CONVENTIONAL_NAMES`.
Counts are read from the parse: a number attached to the noun it counts ("241 million
internet users" counts "users"). A hedge right before a figure ("nearly", "more than")
is its ``qualifier``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Token

from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.case_free import matches_ignoring_case
from whosaidwhat.nlp.lexicons import mapping, number_words, word_list, words
from whosaidwhat.nlp.syntax import doc_text

#: Currency symbols and prefixes ("US$", "€"), by the ISO 4217 code each stands for.
SYMBOLS = mapping("currency_symbols.tsv")
#: Bare currency names whose usual meaning in English news is one currency.
CONVENTIONAL_NAMES = mapping("currency_names.tsv")
#: Words that scale the amount before them ("2.5 million", "£3bn"), and their factors.
SCALES = {word: int(factor) for word, factor in mapping("scales.tsv").items()}
#: Numbers written as words, and those that multiply the number before them ("three dozen").
NUMBER_WORDS = number_words()
MULTIPLIERS = frozenset(number_words("multiplier"))
#: Hedges before a figure, longest first so that "more than" is tried before "more".
QUALIFIERS = tuple(sorted(word_list("qualifiers.txt"), key=len, reverse=True))
#: Nouns a number does not count: units of time (those figures are times), percent, scales.
NOT_COUNTED = words("not_counted.txt") | set(SCALES)
#: Units of measure: a number of them is a quantity, not a count of things.
MEASURES = words("measures.txt")

_NUMERAL = r"\d[\d,]*(?:\.\d+)?"
_SCALE = r"(?:\s?(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b)"
_WORD_NUMBER = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))


def currency_names() -> dict[str, str]:
    """Lower-case currency names (singular and plural) to ISO 4217 codes.

    Every pycountry name ("canadian dollar"), every last word that names exactly one
    currency ("hryvnia", "rand"), and the conventional bare names; a plural adds "s".
    """
    names: dict[str, str] = {}
    by_last_word: dict[str, set[str]] = {}
    for currency in pycountry.currencies:
        name = currency.name.lower()
        names[name] = currency.alpha_3
        by_last_word.setdefault(name.split()[-1], set()).add(currency.alpha_3)
    for word, codes in by_last_word.items():
        if len(codes) == 1:
            names.setdefault(word, next(iter(codes)))
    names.update(CONVENTIONAL_NAMES)
    for name, code in list(names.items()):
        if not name.endswith("s"):
            names.setdefault(name + "s", code)
    return names


CURRENCY_NAMES = currency_names()
_NAME_PATTERN = "|".join(re.escape(n) for n in sorted(CURRENCY_NAMES, key=len, reverse=True))
_SYMBOL_PATTERN = "|".join(
    re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True) if s not in ("R", "Rs")
)
MONEY_PATTERNS = [
    re.compile(
        rf"(?P<sym>{_SYMBOL_PATTERN}|(?<![A-Za-z])Rs\.?\s?|(?<![A-Za-z])R(?=\d))\s?"
        rf"(?P<num>{_NUMERAL})(?P<scale>{_SCALE})?"
    ),
    re.compile(rf"\b(?P<code>[A-Z]{{3}})\s?(?P<num>{_NUMERAL})(?P<scale>{_SCALE})?"),
    re.compile(
        rf"\b(?P<num>{_NUMERAL}|{_WORD_NUMBER})(?P<scale>{_SCALE})?\s(?P<name>{_NAME_PATTERN}|[a-z]{{3}})\b",
        re.IGNORECASE,
    ),
]
PERCENT_PATTERN = re.compile(
    rf"\b(?P<num>{_NUMERAL}|{_WORD_NUMBER}|half an?)(?:\s?(?P<pct>%)|\s(?P<word>percent|per cent)\b"
    rf"|\s(?P<points>percentage points?)\b)",
    re.IGNORECASE,
)
QUALIFIER_PATTERN = re.compile(rf"\b(?P<q>{'|'.join(QUALIFIERS)})\s+$", re.IGNORECASE)
#: Hedges that follow the figure: "$200 or less", "3 million or more".
TRAILING_QUALIFIER = re.compile(
    r"^,?\s+(?P<q>or (?:less|more|fewer|so)|and (?:up|above|over))\b", re.IGNORECASE
)


class Figures:
    """The ``whosaidwhat_figures`` component: no figure inside a time of ``doc._.wsw_times``, when set."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.wsw_figures = find_figures(doc)
        return doc


@Language.factory("whosaidwhat_figures", requires=["token.dep", "token.lemma"], assigns=["doc._.wsw_figures"])
def make_figures(nlp: Language, name: str) -> Figures:
    extensions.register()
    return Figures()


def find_figures(doc: Doc) -> list[dict]:
    """Money, percentages and counts in ``doc``, in text order, none inside a time expression."""
    text = doc_text(doc)
    taken = TakenText(len(text))
    for t in doc._.wsw_times or []:
        taken.take(t["start"], t["end"])
    figures: list[dict] = []
    for figure in [*find_money(text), *find_percentages(text)]:
        if not taken.overlaps(figure):
            figures.append(figure)
            taken.take(figure["start"], figure["end"])
    for figure in find_counts(doc):
        if not taken.overlaps(figure):
            figures.append(figure)
    for figure in figures:
        figure["qualifier"] = qualifier_before(text, figure["start"]) or qualifier_after(text, figure["end"])
    return sorted(figures, key=lambda f: f["start"])


class TakenText:
    """The characters already claimed by a figure or time, one flag each.

    Marking and testing a span costs its own length, so checking every figure against
    all those found before it stays linear in the text.
    """

    def __init__(self, length: int):
        self.flags = bytearray(length)

    def take(self, start: int, end: int) -> None:
        start, end = max(0, start), min(len(self.flags), end)
        if start < end:
            self.flags[start:end] = b"\x01" * (end - start)

    def overlaps(self, figure: dict) -> bool:
        return self.flags.find(1, max(0, figure["start"]), figure["end"]) != -1


def find_money(text: str) -> list[dict]:
    found: list[dict] = []
    taken = TakenText(len(text))
    for match, _ in matches_ignoring_case(MONEY_PATTERNS, text):
        code = currency_of(match)
        value = amount(match.group("num"), match.group("scale"))
        if code is None or value is None:
            continue
        figure = {
            "start": match.start(),
            "end": match.end(),
            "kind": "money",
            "value": value,
            "unit": code,
        }
        if not taken.overlaps(figure):
            found.append(figure)
            taken.take(figure["start"], figure["end"])
    return found


def currency_of(match: re.Match) -> str | None:
    """The ISO 4217 code named by a money match's symbol, code or currency name."""
    groups = match.groupdict()
    if groups.get("sym"):
        symbol = re.sub(r"[\s.]+$", "", groups["sym"])
        return SYMBOLS.get(symbol)
    word = groups.get("code") or groups.get("name") or ""
    if len(word) == 3 and word.isupper():
        currency = pycountry.currencies.get(alpha_3=word)
        return currency.alpha_3 if currency else None
    return CURRENCY_NAMES.get(word.lower())


def amount(number: str, scale: str | None) -> int | float | None:
    """``number`` (digits or a number word) times ``scale`` ("bn", "million"), exactly."""
    base = parse_number(number)
    if base is None:
        return None
    if scale:
        base *= SCALES[scale.strip().lower()]
    return int(base) if base == base.to_integral_value() else float(base)


def parse_number(number: str) -> Decimal | None:
    word = re.sub(r"^half an?$", "half", number.lower())
    if word in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[word])
    if "-" in word and all(part in NUMBER_WORDS for part in word.split("-")):
        return Decimal(sum(NUMBER_WORDS[part] for part in word.split("-")))
    try:
        return Decimal(word.replace(",", ""))
    except InvalidOperation:
        return None


def find_percentages(text: str) -> list[dict]:
    found = []
    for match, _ in matches_ignoring_case([PERCENT_PATTERN], text):
        value = amount(match.group("num"), None)
        if value is None:
            continue
        points = bool(match.group("points"))
        found.append(
            {
                "start": match.start(),
                "end": match.end(),
                "kind": "percentage_points" if points else "percent",
                "value": value,
                "unit": "pp" if points else "%",
            }
        )
    return found


def find_counts(doc: Doc) -> list[dict]:
    """Numbers modifying the noun they count: "2,500 troops", "241 million internet users"."""
    found = []
    for token in doc:
        if token.dep_ != "nummod":
            continue
        noun = token.head
        if not is_counted_noun(noun) or noun.i < token.i:
            continue
        numbers = number_tokens(token)
        value = count_value(numbers)
        if value is None:
            continue
        kind = "quantity" if noun.lemma_.lower() in MEASURES else "count"
        found.append(
            {
                "start": numbers[0].idx,
                "end": noun.idx + len(noun),
                "kind": kind,
                "value": value,
                "unit": noun.text,
            }
        )
    return found


def is_counted_noun(noun: Token) -> bool:
    """A word naming what a number counts: not a time unit, a percent sign or a scale word."""
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.text.isalpha()
        and noun.lemma_.lower() not in NOT_COUNTED
        and noun.lower_ not in NOT_COUNTED
    )


def number_tokens(token: Token) -> list[Token]:
    """The contiguous number words around ``token`` ("241 million", "three dozen")."""
    doc = token.doc
    start = end = token.i
    while start > 0 and (is_number_word(doc[start - 1]) or is_hyphen_in_number(doc, start - 1)):
        start -= 1
    while end + 1 < len(doc) and is_number_word(doc[end + 1]) and doc[end + 1].i < token.head.i:
        end += 1
    return list(doc[start : end + 1])


def is_hyphen_in_number(doc: Doc, i: int) -> bool:
    """``doc[i]`` is the hyphen of a number such as "twenty-nine"."""
    return doc[i].text == "-" and i > 0 and doc[i - 1].like_num and doc[i + 1].like_num


def is_number_word(token: Token) -> bool:
    return token.like_num or token.lower_ in SCALES or token.lower_ in MULTIPLIERS


def count_value(tokens: list[Token]) -> int | float | None:
    """The value of number words such as "241 million", "three dozen", "1.5 million", "2,500"."""
    total = None
    for token in tokens:
        word = token.lower_
        if word == "-":
            continue
        if word in SCALES or word in MULTIPLIERS:
            multiplier = SCALES.get(word) or NUMBER_WORDS[word]
            total = (total or Decimal(1)) * multiplier
            continue
        value = parse_number(word)
        if value is None:
            return None
        total = value if total is None else total + value
    if total is None or looks_like_year(tokens):
        return None
    return int(total) if total == total.to_integral_value() else float(total)


def looks_like_year(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and re.fullmatch(r"(?:1[89]|20)\d\d", tokens[0].text) is not None


def qualifier_after(text: str, end: int) -> str | None:
    """The hedge right after ``end`` ("or less", "or more"), lower-cased, or None."""
    match = TRAILING_QUALIFIER.match(text[end : end + 16])
    return match.group("q").lower() if match else None


def qualifier_before(text: str, start: int) -> str | None:
    """The hedge ending right before ``start`` ("nearly", "more than"), lower-cased, or None."""
    match = QUALIFIER_PATTERN.search(text[max(0, start - 24) : start])
    return match.group("q").lower() if match else None
