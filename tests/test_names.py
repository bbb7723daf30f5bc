"""Names: one key, and one decision of who is one person: strict in an article, loose across a corpus."""

from __future__ import annotations

import pytest

from whosaidwhat.names import (
    PERSON,
    NameIndex,
    Scope,
    fold,
    fullest_name,
    is_name_like,
    name_key,
    person_gender,
    same_person,
)

ARTICLE, CORPUS = Scope.ARTICLE, Scope.CORPUS


@pytest.mark.parametrize(
    ("a", "b", "in_article", "in_corpus"),
    [
        ("Donald Trump", "Donald J. Trump", True, True),  # a middle initial
        ("Trump", "Donald Trump", True, True),  # a lone surname
        ("Hillary Clinton", "Bill Clinton", False, False),  # another first name
        ("Zelensky", "Volodymyr Zelenskyy", False, True),  # a transliteration
        ("D. Trump", "Donald Trump", False, True),  # an initial for the first name
        ("Donald Trump Jr.", "Donald Trump", False, True),  # the son
        ("José Martí", "Jose Marti", False, True),  # accents
        ("Mark Rutte", "Mark Rutter", False, True),
        ("Mark Rutte", "Mark Ruud", False, False),
        ("Zelenskyy", "Selenskyj", False, False),  # another initial
    ],
)
def test_same_person_is_strict_in_an_article_and_loose_in_a_corpus(a, b, in_article, in_corpus):
    for scope, expected in ((ARTICLE, in_article), (CORPUS, in_corpus)):
        assert same_person(name_key(a, PERSON, scope), name_key(b, PERSON, scope), scope) is expected
        assert same_person(name_key(b, PERSON, scope), name_key(a, PERSON, scope), scope) is expected


@pytest.mark.parametrize(
    ("name", "entity_type", "scope", "key"),
    [
        ("President Donald J. Trump", PERSON, CORPUS, "donald j trump"),  # titles dropped, parts folded
        ("President Donald J. Trump", PERSON, ARTICLE, "president donald j. trump"),  # as written
        ("U.S.", "GPE", ARTICLE, "US"),  # a country by its ISO code
        ("America", "GPE", ARTICLE, "US"),
        ("U.S.", "GPE", CORPUS, "u s"),
        ("N.A.T.O.", "ORG", ARTICLE, "nato"),
        ("The Kyiv Independent", "ORG", CORPUS, "kyiv independent"),  # without a leading "the"
    ],
)
def test_one_name_key_for_people_and_other_entities(name, entity_type, scope, key):
    assert name_key(name, entity_type, scope).key == key


def test_a_lone_name_is_a_surname_in_both_scopes():
    for scope in Scope:
        key = name_key("Rutte", PERSON, scope)
        assert (key.first, key.last, key.is_full) == ("", "rutte", False)


def test_an_index_finds_the_people_a_name_can_be():
    article: NameIndex[str] = NameIndex(ARTICLE)
    corpus: NameIndex[str] = NameIndex(CORPUS)
    for name in ("Volodymyr Zelenskyy", "Hillary Clinton", "Bill Clinton"):
        article.add(name_key(name, PERSON, ARTICLE), name)
        corpus.add(name_key(name, PERSON, CORPUS), name)
    assert [who for _, who in article.matches(name_key("Clinton", PERSON, ARTICLE))] == [
        "Hillary Clinton",
        "Bill Clinton",
    ]
    assert [who for _, who in article.matches(name_key("Zelensky", PERSON, ARTICLE))] == []
    assert [who for _, who in corpus.matches(name_key("Zelensky", PERSON, CORPUS))] == ["Volodymyr Zelenskyy"]
    assert [who for _, who in corpus.matches(name_key("H. Clinton", PERSON, CORPUS))] == ["Hillary Clinton"]


def test_folding_drops_case_accents_possessives_and_punctuation():
    assert fold("  Zelenskyy’s ") == "zelenskyy"
    assert fold("José  Martí") == "jose marti"
    assert fold("O'Brien") == "obrien"


@pytest.mark.parametrize(
    ("first", "title_words", "gender"),
    [
        ("Mark", [], ("male", True)),
        ("Chris", ["congresswoman"], ("female", True)),  # a title states it, whatever the name
        ("", ["Mrs."], ("female", True)),
        ("", ["minister"], (None, False)),
        # "spokesman for Mrs. Lee": the "Mrs." is someone else's; the titles state nothing, in any order
        ("Mark", ["Mrs.", "for", "spokesman", "Lee"], ("male", True)),
        ("Mark", ["spokesman", "for", "Mrs.", "Lee"], ("male", True)),
    ],
)
def test_a_persons_gender_from_titles_else_first_name(first, title_words, gender):
    assert person_gender(first, title_words) == gender


def test_the_name_shown_in_an_article_and_in_a_corpus():
    assert fullest_name(["Trump", "Donald J. Trump", "Donald Trump"]) == "Donald J. Trump"
    full, initials = (name_key(n, PERSON, CORPUS) for n in ("Donald Trump", "Donald J. Trump"))
    assert full.names_better_than(initials) and not initials.names_better_than(full)
    assert name_key("Donald Trump", PERSON, CORPUS).names_better_than(name_key("Trump", PERSON, CORPUS))


@pytest.mark.parametrize(
    ("text", "name_like"),
    [("Mark Rutte", True), ("He", False), ("the chief", False), ("Who", False), ("", False)],
)
def test_only_proper_names_serve_as_aliases(text, name_like):
    assert is_name_like(text) is name_like
