"""The word lists under ``nlp/resources``: every file reads, is documented, and means what it says."""

from __future__ import annotations

import re
from decimal import Decimal
from importlib.resources import files

import pytest

from whosaidwhat.nlp.lexicons import (
    event_triggers,
    number_words,
    parse_table,
    reporting_frames,
    reporting_verbs,
    table,
)

RESOURCES = files("whosaidwhat.nlp") / "resources"
DATA_FILES = sorted(path.name for path in RESOURCES.iterdir() if path.name.endswith((".txt", ".tsv")))
README = (RESOURCES / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_file_is_documented_and_opens_with_a_comment(name):
    assert f"`{name}`" in README
    assert (RESOURCES / name).read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_row_has_the_columns_its_readme_entry_names(name):
    row = next(line for line in README.splitlines() if line.startswith(f"| `{name}` |"))
    columns = len(row.split("|")[2].split(","))
    assert table(name, columns)


def test_a_row_with_spaces_for_a_tab_names_its_file_and_line():
    with pytest.raises(ValueError, match=re.escape("resources/scales.tsv, line 3: expected 2")):
        parse_table("# scales\nthousand\t1000\nmillion 1000000\n", "scales.tsv", 2)


def test_a_verb_listed_twice_governs_by_the_dependencies_of_both_rows():
    assert parse_table("see\tprep:as\tact\nsee\tdobj\tact\n", "x.tsv", 3) == (
        ("see", "prep:as", "act"),
        ("see", "dobj", "act"),
    )
    assert reporting_frames()["see"] == {"prep:as", "dobj"}
    assert reporting_frames()["explain"] == {"ccomp", "dobj"}


def test_speech_and_acts_among_the_reporting_verbs():
    verbs = reporting_verbs()
    assert verbs["say"].speech and verbs["argue"].speech
    assert not verbs["announce"].speech and not verbs["urge"].speech


def test_triggers_by_verb_noun_and_phrase():
    triggers = event_triggers()
    assert triggers.verbs["arrive"] == "visit" and "arrive" not in triggers.nouns
    assert triggers.nouns["talk"] == "meet" and "talk" not in triggers.verbs
    assert triggers.phrasal["take", "office"] == "take_office"


def test_number_words_by_kind():
    assert number_words()["half"] == Decimal("0.5")
    assert set(number_words("multiplier")) == {"dozen", "hundred"}
    assert number_words("cardinal")["twenty"] == 20
