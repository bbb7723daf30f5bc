"""Names behind the speakers: which mentions name one person or organisation, on short articles
written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from test_speakers import mentions_of, quote_containing

from whosaidwhat.extract import extract
from whosaidwhat.names import misspelt_surname
from whosaidwhat.nlp.name_mentions import Mention, split_before_subject, trimmed
from whosaidwhat.readers import read_bytes


def test_an_acronym_defined_in_brackets_joins_its_organisation(nlp):
    text = (
        "The Danish Institute for Water Safety (KVS) published new figures on Monday. "
        "KVS said drownings had fallen by a third."
    )
    assert quote_containing(nlp, text, "drownings")["speaker"] == "Danish Institute for Water Safety"


def test_a_name_after_a_noun_for_an_organisation_is_one(nlp):
    text = (
        "Solar firm Bright Harvest said on Friday its chief executive would retire.\n"
        "The announcement came days after the company reported a loss.\n"
    )
    assert quote_containing(nlp, text, "loss")["speaker"] == "Bright Harvest"


def test_a_word_after_a_noun_for_an_organisation_is_no_person(nlp):
    text = (
        "Ann Lee, who was chief executive of property group Mirvac, said targets work.\n"
        "Boards were slow to act, she said.\n"
        "The group found that few boards had met them."
    )
    assert mentions_of(nlp, text)["Mirvac"] == ["Mirvac"]  # no person, so "the group" is not their title


def test_a_stock_code_after_the_name_is_no_speaker(nlp):
    text = "Cannabis firm Canopy Growth WEED-T said on Friday that its chief executive would retire."
    assert quote_containing(nlp, text, "retire")["speaker"] == "Canopy Growth"


def test_a_year_the_model_swept_into_an_organisation_is_no_part_of_its_name(nlp):
    doc = nlp("Data from the 2014 Northshire Fisheries Survey show that catches fell.")
    start, end = trimmed(Span(doc, 2, 7, label="ORG"))
    assert doc[start:end].text == "Northshire Fisheries Survey"


def test_an_acronym_the_model_missed_joins_the_name_it_spells(nlp):
    text = (
        "Senior Women Engineers members met in Tromso on Monday.\n"
        "According to SWE research, pay fell by a fifth.\n"
        "SWE said the gap was too wide."
    )
    assert quote_containing(nlp, text, "gap")["speaker"] == "Senior Women Engineers"


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        pytest.param(
            "Mayor Lina Holt opened the new bridge on Friday. "
            "Holt said the project had come in under budget.",
            "budget",
            "Lina Holt",
            id="office-before-the-name",
        ),
        pytest.param(
            "Aung San Suu Kyi visited the White House on Monday. Suu Kyi said sanctions should end.",
            "sanctions",
            "Aung San Suu Kyi",
            id="surname-of-several-words",
        ),
        pytest.param(
            "General Eirik Kristoffersen visited the base on Tuesday. "
            "Kristoffersen said the army needed more trucks.",
            "trucks",
            "Eirik Kristoffersen",
            id="rank-not-in-the-name",
        ),
        pytest.param(
            "A dog was found on the beach.\n"
            "Detective Sergeant Tobias Mwale of the harbour police said the dog was found on Monday.\n"
            "Mwale said there were very few clues.",
            "few clues",
            "Tobias Mwale",
            id="a-name-the-model-missed-after-two-ranks",
        ),
    ],
)
def test_a_person_is_named_in_full_without_rank(nlp, text, words, speaker):
    assert quote_containing(nlp, text, words)["speaker"] == speaker


def test_two_people_sharing_a_surname_stay_two(nlp):
    text = (
        "Mayor Lina Holt met the city's new police chief, Tom Holt, on Friday. "
        "Tom Holt said crime had fallen. Lina Holt said the budget would grow."
    )
    assert quote_containing(nlp, text, "crime")["speaker"] == "Tom Holt"
    assert quote_containing(nlp, text, "budget")["speaker"] == "Lina Holt"


def test_a_news_outlet_is_not_the_speaker_and_the_speaker_runs_on(nlp):
    text = (
        'Speaking to the Evening Courier, Lund claimed: "The harbour is being sold off cheaply."\n'
        '"Nobody asked the town what it wanted," he added.\n'
    )
    assert quote_containing(nlp, text, "harbour")["speaker"] == "Lund"
    assert quote_containing(nlp, text, "Nobody asked")["speaker"] == "Lund"


def test_a_plural_noun_opening_a_sentence_is_an_unnamed_group(nlp):
    text = "Farmers and fishermen warned that the dredging could ruin the oyster beds."
    quote = quote_containing(nlp, text, "dredging")
    assert (quote["speaker"], quote["source"]) == (None, "Farmers and fishermen")
    assert "Farmers" not in mentions_of(nlp, text)


def test_a_misspelt_surname_does_not_hang_on_the_order_of_the_names():
    assert misspelt_surname("Hansem", {"Hansen", "Hanser"}) == misspelt_surname(
        "Hansem", ["Hanser", "Hansen"]
    )
    assert misspelt_surname("Hansem", ["Hanser", "Hansen"]) == "Hansen"


def test_an_honorific_and_surname_is_the_person_of_that_gender(nlp):
    text = (
        "Ninette Simons and her husband Philip Simons were attacked at their home on Monday. "
        "Mrs Simons said the men wore masks. Mr Simons said they took the gold."
    )
    assert quote_containing(nlp, text, "masks")["speaker"] == "Ninette Simons"
    assert quote_containing(nlp, text, "gold")["speaker"] == "Philip Simons"


def test_ranks_are_no_part_of_a_name_and_no_organisation(nlp):
    text = (
        "The body was found on Monday, Detective Sergeant Letota of the Swakopmund Police said. "
        "Letota said there were few clues."
    )
    assert quote_containing(nlp, text, "body")["speaker"] == "Letota"
    assert quote_containing(nlp, text, "clues")["speaker"] == "Letota"


def test_an_organisation_opening_with_an_office_word_keeps_its_name(nlp):
    text = "The Tax Policy Center said the plan would cost billions."
    assert quote_containing(nlp, text, "billions")["speaker"] == "Tax Policy Center"


def test_a_first_name_unknown_to_the_name_lists_still_tells_two_people_apart(nlp):
    text = (
        "Gary Johnson spoke in Denver on Monday. Homeland Security Secretary Jeh Johnson said "
        "voting machines were safe."
    )
    assert quote_containing(nlp, text, "machines")["speaker"] == "Jeh Johnson"


def test_a_bare_surname_is_the_principal_not_the_relative_named_in_passing(nlp):
    text = (
        "Donald Trump promised a tax cut on Monday. Trump spoke for an hour in Ohio. "
        "Trump repeated the promise in Iowa. His daughter Ivanka Trump sat beside the stage.\n"
        "Trump said the cut would help families.\n"
    )
    assert quote_containing(nlp, text, "families")["speaker"] == "Donald Trump"


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        pytest.param(
            "Osama bin Laden planned the attacks for years. Bin Laden said America was weak.",
            "weak",
            "Osama bin Laden",
            id="particle-capitalised-at-sentence-start",
        ),
        pytest.param(
            "Chandler Van Voorhis runs a coal company. Mr. Van Voorhis said the plan would work.",
            "plan",
            "Chandler Van Voorhis",
            id="particle-that-is-also-a-given-name",
        ),
    ],
)
def test_a_surname_with_a_particle_is_the_person_named_in_full(nlp, text, words, speaker):
    assert quote_containing(nlp, text, words)["speaker"] == speaker


def test_a_transcript_label_is_the_name_without_the_turn(nlp):
    text = (
        "Chris Wallace hosted the debate on Sunday.\n"
        "WALLACE: Let me ask you about the economy, which is slowing down fast.\n"
    )
    assert quote_containing(nlp, text, "economy")["speaker"] == "Chris Wallace"


def test_a_name_the_model_ran_past_a_colon_stops_there(nlp):
    doc = nlp.make_doc("WALLACE: Let me ask you.")
    (kept,) = split_before_subject(doc, [Mention(0, 3, "PERSON", "WALLACE: Let")])
    assert (kept.start, kept.end, kept.text) == (0, 1, "WALLACE")


def test_a_name_the_model_took_for_an_unknown_place_is_a_person_when_it_speaks(nlp):
    text = "Holt and Adeyemi met on Friday. Holt said they agreed on nothing. Adeyemi said that was unfair."
    record = extract(read_bytes(f"Council news\n{text}\n".encode(), path="story.txt"), nlp).to_dict()
    types = {entity["name"]: entity["type"] for entity in record["entities"]}
    assert (types["Holt"], types["Adeyemi"]) == ("PERSON", "PERSON")


def test_a_block_of_initials_beside_a_name_is_part_of_it(nlp):
    text = (
        'Speaking to the Courier, advocate Pranav KR said: "The hearing was fair."\n'
        "Retired superintendent of police HN Kiran said the ruling would stand."
    )
    assert quote_containing(nlp, text, "hearing")["speaker"] == "Pranav KR"
    assert quote_containing(nlp, text, "ruling")["speaker"] == "HN Kiran"


def test_a_relation_to_someone_named_is_not_that_person(nlp):
    text = "Friend of Ruth Okafor said the budget would be late. The wife of Ann Lee said the house was sold."
    assert quote_containing(nlp, text, "budget")["speaker"] is None
    assert quote_containing(nlp, text, "house")["speaker"] is None


def test_a_given_name_the_model_does_not_know_is_part_of_the_name(nlp):
    text = (
        "Amelize Joseph loves the public school that her daughter attends.\n"
        '"We need the money," said Joseph, who has four children.'
    )
    assert quote_containing(nlp, text, "money")["speaker"] == "Amelize Joseph"


def _speakers_under(nlp, headline: str, body: str) -> list[str | None]:
    record = extract(read_bytes(f"{headline}\n{body}".encode(), path="story.txt"), nlp).to_dict()
    names = {entity["id"]: entity["name"] for entity in record["entities"]}
    return [names.get(quote["speaker"]) for quote in record["quotes"]]


def test_a_surname_takes_the_full_name_the_headline_gives(nlp):
    headline = "Ruth Keller Takes Her Case To Dayton"
    body = "Keller spoke to voters in Dayton on Monday. Keller said the port needed new cranes."
    assert _speakers_under(nlp, headline, body) == ["Ruth Keller"]
    body = "Paul Keller spoke to voters in Dayton on Monday. Keller said the port needed new cranes."
    assert _speakers_under(nlp, headline, body) == ["Paul Keller"]


def test_a_role_sought_is_no_title_held(nlp):
    text = "Tom Ek vied for the title of harbour master on Monday. Ann Lee took the role of harbour pilot."
    record = extract(read_bytes(f"Council news in brief\n{text}".encode(), path="story.txt"), nlp).to_dict()
    titles = {entity["name"]: entity["titles"] for entity in record["entities"]}
    assert titles["Tom Ek"] == []
    assert titles["Ann Lee"] == ["harbour pilot"]


def test_a_headline_given_name_tells_the_gender_of_a_surname(nlp):
    headline = "Ruth Keller Wins The Port Seat"
    body = 'Keller beat Tomas Dunlap by 300 votes on Sunday.\n"I wish the new board well," he said.'
    assert _speakers_under(nlp, headline, body) == ["Tomas Dunlap"]


def test_a_title_such_as_widow_tells_the_gender(nlp):
    text = "Terry Lund, a widow, met Mayor Okafor on Monday.\nShe said the council had ignored her for years."
    assert _speakers_under(nlp, "Council news in brief", text) == ["Terry Lund"]


def test_a_description_in_the_possessive_is_a_mention_of_the_person(nlp):
    text = (
        "President Tomas Berg flew to Honolulu on Monday. His adviser, Piet Vale, stayed in Washington "
        "and briefed reporters on the trip.\n"
        "The president's own roots also came into play. In Honolulu, he told island leaders that the "
        "sea was rising."
    )
    assert _speakers_under(nlp, "Council news in brief", text)[-1] == "Tomas Berg"


def test_a_trade_noun_describes_the_person_just_named(nlp):
    text = (
        "Tom Ek has lived on the quay since 1970. He watched the water rise for three days.\n"
        '"I have never seen the river this high," the retired builder said.'
    )
    assert _speakers_under(nlp, "Council news in brief", text) == ["Tom Ek"]


def test_a_possessive_pronoun_goes_to_the_subject_of_its_own_clause(nlp):
    text = "As Mayor Okafor prepares to veto the levy, councillor Ann Lee disagrees with her former boss."
    mentions = mentions_of(nlp, text)
    assert mentions["Ann Lee"] == ["Ann Lee", "her"]
    assert mentions["Okafor"] == ["Okafor"]
