"""The word lists of the language components, read once from the data files in ``resources/``.

Each file is plain UTF-8 text that can be edited without reading Python
(``resources/README.md`` describes every one): a line starting with ``#`` is a comment,
blank lines are skipped, and the columns of a table are separated by tabs. A row with
the wrong number of columns is an error naming the file and the line.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import NamedTuple

import spacy

#: The kinds of number words: see ``resources/number_words.tsv``.
NUMBER_KINDS = ("cardinal", "multiplier", "fraction")
#: The marks of a reporting verb: see ``resources/reporting_verbs.tsv``.
REPORTING_MARKS = ("speech", "act")


@cache
def table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The rows of the resource file ``name``, each a tuple of ``columns`` cells."""
    return parse_table(
        (files("whosaidwhat.nlp") / "resources" / name).read_text(encoding="utf-8"), name, columns
    )


def parse_table(text: str, name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``text`` in the resource format; ``name`` names the file in errors."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = tuple(cell.strip() for cell in line.split("\t"))
        if len(row) != columns or not all(row):
            raise ValueError(f"resources/{name}, line {number}: expected {columns} tab-separated columns")
        rows.append(row)
    return tuple(rows)


def word_list(name: str) -> tuple[str, ...]:
    """The entries of a one-column resource file, in its order."""
    return tuple(word for (word,) in table(name, 1))


def words(name: str) -> frozenset[str]:
    """The entries of a one-column resource file."""
    return frozenset(word_list(name))


def mapping(name: str) -> dict[str, str]:
    """A two-column resource file as a dict from the first column to the second, in file order."""
    return dict(table(name, 2))


def number_words(kind: str | None = None) -> dict[str, Decimal]:
    """Numbers written as words ("two", "dozen", "half") and their values; only those of ``kind`` if given."""
    found = {}
    for word, value, word_kind in table("number_words.tsv", 3):
        _check("number_words.tsv", word_kind, NUMBER_KINDS)
        if kind is None or word_kind == kind:
            found[word] = Decimal(value)
    return found


class EventTriggers(NamedTuple):
    """Event types by trigger: a verb's lemma, a noun's lemma, or a verb's lemma with its particle's."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    phrasal: dict[tuple[str, str], str]


@cache
def event_triggers() -> EventTriggers:
    """The event types of ``resources/event_triggers.tsv``."""
    triggers = EventTriggers({}, {}, {})
    for trigger, verb_type, noun_type in table("event_triggers.tsv", 3):
        lemmas = trigger.split()
        if len(lemmas) == 2:
            triggers.phrasal[lemmas[0], lemmas[1]] = verb_type
            continue
        if verb_type != "-":
            triggers.verbs[trigger] = verb_type
        if noun_type != "-":
            triggers.nouns[trigger] = noun_type
    return triggers


class ReportingVerb(NamedTuple):
    """A reporting verb: the dependencies by which it governs what was said, and whether it is only speech."""

    frames: frozenset[str]
    speech: bool


@cache
def reporting_verbs() -> dict[str, ReportingVerb]:
    """The reporting verbs by lemma; a lemma listed twice gets the dependencies of both rows."""
    verbs: dict[str, ReportingVerb] = {}
    for lemma, dependencies, mark in table("reporting_verbs.tsv", 3):
        _check("reporting_verbs.tsv", mark, REPORTING_MARKS)
        known = verbs.get(lemma)
        if known is not None and known.speech != (mark == "speech"):
            raise ValueError(f"resources/reporting_verbs.tsv: {lemma!r} is marked both speech and act")
        frames = frozenset(dependencies.split()) | (known.frames if known else frozenset())
        verbs[lemma] = ReportingVerb(frames, mark == "speech")
    return verbs


@spacy.registry.misc("whosaidwhat.reporting_verbs.v1")
def reporting_frames() -> dict[str, frozenset[str]]:
    """The reporting verbs of ``resources/reporting_verbs.tsv``, each with the dependencies that
    govern what was said: the default lexicon of ``whosaidwhat_quotes``."""
    return {lemma: verb.frames for lemma, verb in reporting_verbs().items()}


@cache
def reporting_nouns() -> frozenset[str]:
    """The nouns of ``resources/reporting_nouns.txt``: "remarks that ...", "the claim that ..."."""
    return words("reporting_nouns.txt")


@cache
def topic_nouns() -> dict[str, frozenset[str]]:
    """The nouns of ``resources/topic_nouns.tsv``, each with the prepositions of what was said:
    "his call *for* ...", "her comments *on* ..."."""
    return {lemma: frozenset(prepositions.split()) for lemma, prepositions in table("topic_nouns.tsv", 2)}


def _check(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"resources/{name}: {value!r} is none of {', '.join(allowed)}")
