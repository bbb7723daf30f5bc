"""Entities: one per person, organisation and place, with titles, pronouns and descriptions."""

from __future__ import annotations

import pytest

from whosaidwhat.names import expanded_title_word, is_person_noun, misspelt_surname
from whosaidwhat.nlp import analyse
from whosaidwhat.nlp.descriptions import title_fits
from whosaidwhat.nlp.entity_records import headline_expansions
from whosaidwhat.nlp.gazetteer import corrected_label, country_code, country_of_word, related_place_words
from whosaidwhat.nlp.titles import Title


def entities_of(nlp, text: str) -> list[dict]:
    doc = analyse(nlp, text)
    return [
        dict(entity, mentions=[doc.text[start:end] for start, end in entity["mentions"]])
        for entity in doc._.wsw_entities
    ]


def entity_mentioned_as(entities: list[dict], text: str, occurrence: int = 0) -> dict:
    """The entity one of whose mentions is ``text`` (its ``occurrence``-th mention with that text)."""
    for entity in entities:
        if text in entity["mentions"]:
            if occurrence == 0:
                return entity
            occurrence -= entity["mentions"].count(text)
    raise AssertionError(f"no entity mentioned as {text!r}: {entities}")


def named(entities: list[dict], name: str) -> list[dict]:
    return [entity for entity in entities if entity["name"] == name]


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        (
            "Senator Jane Holloway visited the steel plant in Ohio on Monday. Holloway said the plant "
            "would stay open.\nWorkers welcomed Holloway's promise.",
            "Jane Holloway",
            {"Jane Holloway", "Holloway"},
        ),
        (
            "Finance Minister Peter Vandermolen presented the budget on Tuesday.\n"
            "Vandermollen said the deficit would shrink next year.",
            "Peter Vandermolen",
            {"Peter Vandermolen", "Vandermollen"},
        ),
    ],
)
def test_surnames_and_misspellings_join_the_full_name(nlp, text, name, aliases):
    entities = entities_of(nlp, text)
    [person] = named(entities, name)
    assert person["type"] == "PERSON"
    assert aliases <= set(person["mentions"])
    assert not any(entity["name"] in aliases - {name} for entity in entities)


def test_possessive_mark_is_not_part_of_the_mention(nlp):
    entities = entities_of(
        nlp, "Senator Jane Holloway toured the mill.\nWorkers welcomed Holloway's promise."
    )
    [person] = named(entities, "Jane Holloway")
    assert all("'s" not in mention for mention in person["mentions"])
    assert person["mentions"].count("Holloway") == 1


@pytest.mark.parametrize(("honorific", "name"), [("Mrs.", "Hillary Clinton"), ("Mr.", "Bill Clinton")])
def test_honorifics_choose_between_people_sharing_a_surname(nlp, honorific, name):
    text = f"Hillary Clinton and Bill Clinton arrived. Later {honorific} Clinton spoke."
    start = text.index(f"{honorific} Clinton") + len(honorific) + 1
    doc = analyse(nlp, text)
    span = (start, start + len("Clinton"))
    [owner] = [entity["name"] for entity in doc._.wsw_entities if span in entity["mentions"]]
    assert owner == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Former President Bill Clinton spoke in Ohio on Monday. Hillary Clinton joined him later. "
            "President Clinton said the race was close.",
            "Bill Clinton",
        ),
        (
            "Sen. Hillary Clinton spoke in Ohio on Monday. Bill Clinton joined her later. "
            "Sen. Clinton said the race was close.",
            "Hillary Clinton",
        ),
        (
            "Gov. Ann Marlow toured the port, and her brother Ted Marlow, a pilot, joined her. "
            "Ted Marlow flew home. Governor Marlow said the port would grow.",
            "Ann Marlow",
        ),
    ],
)
def test_an_office_before_a_shared_surname_chooses_its_holder(nlp, text, name):
    doc = analyse(nlp, text)
    start = doc.text.rindex("Clinton" if "Clinton" in text else "Marlow")
    [owner] = [
        entity["name"]
        for entity in doc._.wsw_entities
        if any(mention_start == start for mention_start, _ in entity["mentions"])
    ]
    assert owner == name


def test_a_lone_surname_with_the_other_honorific_is_someone_else(nlp):
    entities = entities_of(nlp, "Hillary Clinton arrived in Omaha. Mr. Clinton stayed home.")
    assert entity_mentioned_as(entities, "Clinton")["name"] == "Clinton"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Governor Marlow opened the new harbour wall on Friday. Carla Marlow, a teacher, "
            "brought her pupils to watch. Mr. Marlow said the wall would last a century.",
            id="office-before-anyone-is-named-in-full",
        ),
        pytest.param(
            "Mr. Marlow opened the new harbour wall on Friday. Carla Marlow, a teacher, "
            "brought her pupils to watch.",
            id="honorific-before-anyone-is-named-in-full",
        ),
    ],
)
def test_a_lone_surname_before_someone_else_is_named_in_full_stays_its_own_person(nlp, text):
    entities = entities_of(nlp, text)
    [carla] = named(entities, "Carla Marlow")
    assert "Marlow" not in carla["mentions"]
    [other] = [entity for entity in entities if entity["type"] == "PERSON" and entity is not carla]
    assert set(other["mentions"]) == {"Marlow"}


def test_a_lone_surname_with_an_office_before_the_full_name_is_that_person_if_nothing_tells_them_apart(nlp):
    entities = entities_of(nlp, "Governor Marlow opened the harbour wall. Carla Marlow said it would last.")
    assert set(named(entities, "Carla Marlow")[0]["mentions"]) == {"Carla Marlow", "Marlow"}


def test_a_lone_surname_after_a_full_name_is_that_person(nlp):
    entities = entities_of(nlp, "Carla Marlow opened the harbour wall. Governor Marlow said it would last.")
    assert set(named(entities, "Carla Marlow")[0]["mentions"]) == {"Carla Marlow", "Marlow"}


def test_people_sharing_a_surname_stay_apart(nlp):
    entities = entities_of(
        nlp, "Tom Becker runs the bakery with his sister Anna Becker. Anna Becker said business was good."
    )
    assert len(named(entities, "Tom Becker")) == 1
    assert len(named(entities, "Anna Becker")) == 1


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The delegation arrived in the capital, Kyiv, on Monday, and later travelled to Kharkiv.", "Kyiv"),
        (
            "The delegation arrived in the capital, Kyiv, on Monday, and later travelled to Kharkiv.",
            "Kharkiv",
        ),
        ("Aid came from the United Kingdom and from the U.S. on Friday.", "United Kingdom"),
    ],
)
def test_places_are_places(nlp, text, place):
    [entity] = named(entities_of(nlp, text), place)
    assert entity["type"] in ("GPE", "LOC")


def test_a_country_is_one_entity_under_all_its_names(nlp):
    entities = entities_of(nlp, "Aid came from the U.S. on Friday. The United States also sent advisers.")
    [country] = named(entities, "United States")
    assert {"U.S.", "United States"} <= set(country["mentions"])
    assert len([entity for entity in entities if entity["type"] == "GPE"]) == 1


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        (
            "The United States sent grain on Monday. America has long backed the plan, and traders in "
            "the States expect more.",
            "United States",
            {"United States", "America", "the States"},
        ),
        ("Exports from the U.S. rose in May. The US said America would buy more.", "America", {"U.S.", "US"}),
        (
            "Britain signed the accord. The United Kingdom had long resisted it, "
            "and many in the UK still do.",
            "United Kingdom",
            {"Britain", "United Kingdom", "UK"},
        ),
    ],
)
def test_news_names_of_a_country_are_one_entity(nlp, text, name, aliases):
    entities = entities_of(nlp, text)
    [country] = named(entities, name)
    assert country["type"] == "GPE"
    assert aliases <= set(country["mentions"])
    assert len([entity for entity in entities if entity["type"] == "GPE"]) == 1


def test_an_acronym_joins_the_organisation_it_abbreviates(nlp):
    entities = entities_of(nlp, "The North Atlantic Treaty Organization met in Brussels. NATO said little.")
    [organisation] = named(entities, "North Atlantic Treaty Organization")
    assert "NATO" in organisation["mentions"]


def test_an_acronym_the_headline_spells_out_takes_the_full_name(nlp):
    text = "The CFB published a draft policy on Monday. Fishermen said the CFB had not asked them."
    doc = analyse(nlp, text, headline="Opinion: The Coastal Fisheries Board has lost its way")
    names = [entity["name"] for entity in doc._.wsw_entities if entity["type"] == "ORG"]
    assert names == ["Coastal Fisheries Board"]


def test_a_headline_does_not_rename_an_acronym_it_does_not_spell(nlp):
    text = "The CFB published a draft policy on Monday."
    doc = analyse(nlp, text, headline="Tom Berg: Norway's fishermen deserve better")
    assert [entity["name"] for entity in doc._.wsw_entities if entity["type"] == "ORG"] == ["CFB"]


def test_groups_of_people_in_singular_and_plural_are_one_entity(nlp):
    entities = entities_of(nlp, "Democrats met on Monday. One Democrat, Maria Lopez, spoke.")
    [group] = [entity for entity in entities if entity["type"] == "NORP"]
    assert {"Democrats", "Democrat"} <= set(group["mentions"])


def test_a_surname_that_is_also_a_town_stays_a_person(nlp):
    entities = entities_of(nlp, "Bill Clinton visited Omaha on Monday. Clinton said the trip went well.")
    [person] = named(entities, "Bill Clinton")
    assert person["type"] == "PERSON"
    assert "Clinton" in person["mentions"]


@pytest.mark.parametrize(
    ("name", "label", "surnames", "expected"),
    [
        ("Kyiv", "PERSON", set(), "GPE"),
        ("Germany", "ORG", set(), "GPE"),
        ("Clinton", "PERSON", {"Clinton"}, "PERSON"),  # a surname in the article, not the town
        ("Charlotte", "PERSON", set(), "PERSON"),  # a given name as well as a city
        ("Kyiv", "FAC", set(), "FAC"),  # only labels the model confuses with places change
    ],
)
def test_gazetteer_corrects_only_places(name, label, surnames, expected):
    assert corrected_label(name, label, surnames) == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("United States", "US"),
        ("U.S.", "US"),
        ("United Kingdom", "GB"),
        ("Ukraine", "UA"),
        ("NATO", None),
        ("America", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("the States", "US"),
        ("United States of America", "US"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("GBR", "GB"),
        ("Latin America", None),
        ("Senate", None),
    ],
)
def test_country_codes(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("word", "surnames", "expected"),
    [
        ("Ruttte", ["Rutte"], "Rutte"),
        ("Vandermollen", ["Vandermolen"], "Vandermolen"),
        ("Mason", ["Jason"], None),  # another initial
        ("Kane", ["Kate"], None),  # too short to tell
        ("Marks", ["Mark"], None),  # no
        ("Becker", ["Becker"], None),  # the same name is no misspelling
    ],
)
def test_misspelt_surnames(word, surnames, expected):
    assert misspelt_surname(word, surnames) == expected


def test_exact_names_win_over_no_entity_for_numbers_and_dates(nlp):
    entities = entities_of(nlp, "Maria Lopez paid $40 million for 12 paintings on Monday, 3 March 2024.")
    assert {entity["type"] for entity in entities} <= {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def test_pronouns_agree_in_gender(nlp):
    entities = entities_of(
        nlp,
        "Maria Lopez met Daniel Weber in the morning. She said the talks went well. He declined to comment.",
    )
    assert entity_mentioned_as(entities, "She")["name"] == "Maria Lopez"
    assert entity_mentioned_as(entities, "He")["name"] == "Daniel Weber"


def test_pronoun_prefers_the_subject_of_the_last_sentence(nlp):
    entities = entities_of(nlp, "Daniel Weber told Paul Novak about the plan. He said it would work.")
    assert entity_mentioned_as(entities, "He")["name"] == "Daniel Weber"


def test_relative_pronouns_go_to_the_person_they_follow(nlp):
    entities = entities_of(nlp, "Maria Lopez, who runs the clinic, met Daniel Weber, who chairs the board.")
    assert entity_mentioned_as(entities, "who", 0)["name"] == "Maria Lopez"
    assert entity_mentioned_as(entities, "who", 1)["name"] == "Daniel Weber"


def test_full_names_the_model_missed_are_people(nlp):
    entities = entities_of(nlp, "And oh yes, Carly Fiorina: she was there too. Fiorina said little.")
    [person] = named(entities, "Carly Fiorina")
    assert {"Carly Fiorina", "she", "Fiorina"} <= set(person["mentions"])


def test_pronouns_inside_quotation_marks_are_left_alone(nlp):
    entities = entities_of(nlp, 'Daniel Weber spoke to the press. "He will not win," Weber said.')
    assert all("He" not in entity["mentions"] for entity in entities)


def test_definite_description_goes_to_the_person_with_that_title(nlp):
    entities = entities_of(
        nlp,
        "Finnish President Aino Virtanen opened the summit with Tom Becker.\n"
        "The Finnish president said the region needed more investment.",
    )
    person = entity_mentioned_as(entities, "The Finnish president")
    assert person["name"] == "Aino Virtanen"
    assert "Finnish President" in person["titles"]


@pytest.mark.parametrize(
    ("text", "description", "name"),
    [
        (
            "Trade ministers met in Oslo with Germany's Klaus Brenner on Monday.\nBrenner asked for time. "
            "The German minister said Berlin would not sign.",
            "The German minister",
            "Klaus Brenner",
        ),
        (
            "Anna Kowalski of Poland and Britain's Tom Hargreaves met in Oslo.\n"
            "The British minister said little. The Polish envoy left early.",
            "The British minister",
            "Tom Hargreaves",
        ),
        (
            "Anna Kowalski of Poland and Britain's Tom Hargreaves met in Oslo.\n"
            "The British minister said little. The Polish envoy left early.",
            "The Polish envoy",
            "Anna Kowalski",
        ),
        (
            "France's Luc Morel spoke first.\nThe French spokesman said Paris agreed.",
            "The French spokesman",
            "Luc Morel",
        ),
    ],
)
def test_a_nationality_describing_a_person_goes_to_a_person_of_that_country(nlp, text, description, name):
    entities = entities_of(nlp, text)
    person = entity_mentioned_as(entities, description)
    assert person["name"] == name
    assert person["type"] == "PERSON"


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "Finance ministers met in Oslo on Monday.\nThe German minister said Berlin would not sign.",
            "The German minister",
        ),
        # holding another office, the Portuguese minister is not the Portuguese ambassador
        (
            "Portuguese Finance Minister Rui Tavares met Greece's Eleni Pappas.\n"
            "The Portuguese ambassador said the talks would go on.",
            "The Portuguese ambassador",
        ),
    ],
)
def test_a_description_of_an_unnamed_person_refers_to_no_entity(nlp, text, description):
    doc = analyse(nlp, text)
    start = doc.text.index(description)
    span = range(start, start + len(description))
    assert not [
        entity["name"]
        for entity in doc._.wsw_entities
        if any(set(range(*mention)) & set(span) for mention in entity["mentions"])
    ]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Finnish President Aino Virtanen opened the summit.", "Aino Virtanen", "Finnish President"),
        ("Union leader Tom Becker called a strike.", "Tom Becker", "Union leader"),
        (
            "Jane Doe, a nurse at the city hospital, said the ward was full.",
            "Jane Doe",
            "nurse at the city hospital",
        ),
        ("The hospital's director, Mark Olsen, disagreed.", "Mark Olsen", "hospital's director"),
        (
            "Lena Fischer arrived in the city two days after taking the role of health minister.",
            "Lena Fischer",
            "health minister",
        ),
        ("Lena Fischer visited the port when serving as deputy mayor.", "Lena Fischer", "deputy mayor"),
        ("Tim Kaine is a former civil rights lawyer.", "Tim Kaine", "former civil rights lawyer"),
    ],
)
def test_titles(nlp, text, name, title):
    [person] = named(entities_of(nlp, text), name)
    assert title in person["titles"]


@pytest.mark.parametrize(
    ("text", "description", "name", "printed_title"),
    [
        (
            "Sen. Alma Whitcomb voted against the levy on Monday.\n"
            "The senator said farmers could not pay it.",
            "The senator",
            "Alma Whitcomb",
            "Sen.",
        ),
        (
            "Gov. Rupert Ashdown signed the order.\nThe governor said it would take effect in May.",
            "The governor",
            "Rupert Ashdown",
            "Gov.",
        ),
        (
            "Col. Henrik Saarinen led the convoy.\nThe colonel said the road was clear.",
            "The colonel",
            "Henrik Saarinen",
            "Col.",
        ),
        (
            "Rep. Dana Okafor filed the bill.\nThe representative said it had wide support.",
            "The representative",
            "Dana Okafor",
            "Rep.",
        ),
    ],
)
def test_abbreviated_titles_match_the_office_they_abbreviate(nlp, text, description, name, printed_title):
    entities = entities_of(nlp, text)
    person = entity_mentioned_as(entities, description)
    assert person["name"] == name
    assert printed_title in person["titles"]


@pytest.mark.parametrize(
    ("word", "expanded"),
    [
        ("Sen.", "senator"),
        ("Gov.", "governor"),
        ("Rep.", "representative"),
        ("Gen.", "general"),
        ("Lt.", "lieutenant"),
        ("Sgt.", "sergeant"),
        ("Amb.", "ambassador"),
        ("Atty.", "attorney"),
        ("Supt.", "superintendent"),
        ("Prof.", "professor"),
        ("Pres.", "president"),
        ("Minister", "minister"),
    ],
)
def test_abbreviated_title_words_are_spelled_out(word, expanded):
    assert expanded_title_word(word) == expanded


def test_an_attorney_general_is_not_the_general(nlp):
    entities = entities_of(
        nlp,
        "Atty. Gen. Ruth Ellery sued the firm, and Gen. Marcus Tolan testified.\n"
        "The general said the base was safe.",
    )
    assert entity_mentioned_as(entities, "The general")["name"] == "Marcus Tolan"


@pytest.mark.parametrize(
    ("text", "description", "name"),
    [
        (
            "In a statement, his spokeswoman, Ellen Varga, said the plan was sound.",
            "his spokeswoman",
            "Ellen Varga",
        ),
        (
            "The bill's sponsor, Sen. Carl Brandt, called the vote historic.",
            "The bill's sponsor",
            "Carl Brandt",
        ),
    ],
)
def test_a_description_set_before_a_name_is_a_mention_of_that_person(nlp, text, description, name):
    assert entity_mentioned_as(entities_of(nlp, text), description)["name"] == name


def test_honorifics_are_not_titles(nlp):
    [person] = named(entities_of(nlp, "Mrs. Anna Becker opened the bakery."), "Anna Becker")
    assert person["titles"] == []


@pytest.mark.parametrize(
    ("title_words", "head", "modifiers", "fits"),
    [
        ({"ukrainian", "president"}, "president", ["ukrainian"], True),
        ({"ukrainian", "president"}, "president", [], True),
        ({"president", "of", "ukraine"}, "president", ["ukrainian"], True),  # place and its adjective
        ({"vice", "president"}, "president", [], False),  # another office
        ({"ukrainian", "president"}, "minister", [], False),
        ({"ukrainian", "president"}, "president", ["russian"], False),
    ],
)
def test_description_matching(title_words, head, modifiers, fits):
    title = Title(text=" ".join(sorted(title_words)), head="president", words=frozenset(title_words))
    assert title_fits(title, head, modifiers) is fits


@pytest.mark.parametrize(
    ("word", "other", "related"),
    [
        ("Ukrainian", "Ukraine", True),
        ("German", "Germany", True),
        ("French", "France", True),  # irregular: from the demonym table
        ("Dutch", "Netherlands", True),
        ("Australian", "Australia", True),
        ("Austrian", "Australia", False),
        ("German", "France", False),
    ],
)
def test_related_place_words(word, other, related):
    assert related_place_words(word, other) is related


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("German", "DE"),
        ("Germany", "DE"),
        ("Greek", "GR"),
        ("Portuguese", "PT"),
        ("Norwegian", "NO"),
        ("Australian", "AU"),
        ("Austrian", "AT"),
        ("minister", None),
        ("state", None),
    ],
)
def test_country_of_word(word, code):
    assert country_of_word(word) == code


@pytest.mark.parametrize(
    ("noun", "person"),
    [
        ("minister", True),
        ("spokeswoman", True),
        ("official", True),
        ("Gov.", True),
        ("senator", True),
        ("state", False),
        ("police", False),
        ("government", False),
        ("bill", False),
    ],
)
def test_person_nouns(noun, person):
    assert is_person_noun(noun) is person


def test_headline_runs_of_capitalised_words_stop_at_punctuation():
    spelled = headline_expansions("Tom Berg: The Coastal Fisheries Board is the real threat")
    assert spelled["CFB"] == "Coastal Fisheries Board"
    assert "TBC" not in spelled and "TBCFB" not in spelled


def test_a_full_name_written_with_two_spaces_is_read(nlp):
    """A name the text spaces irregularly ("Billionaire  Donald Hartley") still groups its mentions."""
    text = (
        "Hedge-fund founder Paul Singer spoke.\n\n"
        "Billionaire  Donald Hartley has led the race. Hartley said he would win."
    )
    names = [entity["name"] for entity in entities_of(nlp, text)]
    assert any(name.endswith("Donald Hartley") for name in names), names


@pytest.mark.parametrize(("word", "unknown"), [("Kempaiah", True), ("Scholars", False), ("Police", False)])
def test_a_capitalised_word_the_language_does_not_know_can_name_a_person(nlp, word, unknown):
    from whosaidwhat.nlp.entities import is_unknown_word
    from whosaidwhat.nlp.lemma_tables import LemmaTables
    from whosaidwhat.nlp.name_mentions import Mention

    doc = nlp(f"Two men were held in the {word} case.")
    i = next(t.i for t in doc if t.text == word)
    mention = Mention(i, i + 1, "PERSON", word)
    assert is_unknown_word(doc, mention, LemmaTables(nlp).words()) is unknown
    assert not is_unknown_word(doc, mention, frozenset())  # a pipeline without word lists knows none
