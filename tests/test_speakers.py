"""Who said each quote, as an entity: the speaker sieves, on short articles written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from whosaidwhat.extract import extract
from whosaidwhat.nlp.relatives import relative_antecedent
from whosaidwhat.readers import read_bytes

#: The first line of a scraped article is its headline: each test article's body follows one.
HEADLINE = "Council news in brief\n"


def quotes_of(nlp, text: str) -> list[dict]:
    """The quotes of the article ``text`` as a user reads them: speaker name, source, cue and content."""
    record = extract(read_bytes((HEADLINE + text).encode("utf-8"), path="story.txt"), nlp).to_dict()
    names = {entity["id"]: entity["name"] for entity in record["entities"]}
    return [
        {
            "speaker": names.get(q["speaker"]),
            "source": (q["source"] or {}).get("text"),
            "cue": (q["cue"] or {}).get("text"),
            "content": q["content"]["text"],
        }
        for q in record["quotes"]
    ]


def quote_containing(nlp, text: str, words: str) -> dict:
    found = [q for q in quotes_of(nlp, text) if words in q["content"]]
    assert len(found) == 1, quotes_of(nlp, text)
    return found[0]


UNNAMED = [
    pytest.param(
        'A senior Green Party source said: "The leadership has lost the room."',
        "leadership",
        "A senior Green Party source",
        id="party-source",
    ),
    pytest.param(
        "The Mbeki campaign said it had signed up 4,000 new volunteers in a week.",
        "volunteers",
        "The Mbeki campaign",
        id="campaign-of-a-person",
    ),
    pytest.param(
        "Two aides to Governor Ruth Okafor said the budget would be late.",
        "budget",
        "Two aides to Governor Ruth Okafor",
        id="aides-of-a-person",
    ),
    pytest.param(
        "A reporter for the Lakeside Herald said the doors were locked at noon.",
        "doors",
        "A reporter for the Lakeside Herald",
        id="reporter-for-an-outlet",
    ),
    pytest.param(
        "Democrats in the Senate argued the bill was rushed. One Democrat said it would not pass.",
        "would not pass",
        "One Democrat",
        id="one-of-a-group",
    ),
    pytest.param(
        "Democrats in the Senate argued the bill was rushed. Fellow Democrats are urging a vote by May.",
        "vote by May",
        "Fellow Democrats",
        id="part-of-a-group",
    ),
]


@pytest.mark.parametrize("text, words, source", UNNAMED)
def test_unnamed_source_is_its_whole_description_never_a_name_inside(nlp, text, words, source):
    quote = quote_containing(nlp, text, words)
    assert quote["source"] == source
    assert quote["speaker"] is None


def test_a_group_described_keeps_its_whole_coordination(nlp):
    quote = quote_containing(
        nlp, "Local farmers and fishermen warned that the new dam would dry up the delta.", "dam"
    )
    assert quote["source"] == "Local farmers and fishermen"
    assert quote["speaker"] is None


def test_coordinated_named_speakers_each_have_the_quote(nlp):
    quotes = quotes_of(nlp, "Lena Moss and Piet Vale blamed the council for the delay to the bridge.")
    assert sorted((q["speaker"], q["source"]) for q in quotes) == [
        ("Lena Moss", "Lena Moss"),
        ("Piet Vale", "Piet Vale"),
    ]
    assert {q["content"] for q in quotes} == {quotes[0]["content"]}


def test_a_name_in_apposition_to_a_description_is_the_speaker(nlp):
    text = "The mayor's chief of staff, Tomas Berglund, said the office would reopen on Monday."
    assert quote_containing(nlp, text, "office")["speaker"] == "Tomas Berglund"


def test_a_document_speaks_for_its_named_author(nlp):
    text = "An analysis by the Harbour Research Institute found that rents had doubled since 2015."
    assert quote_containing(nlp, text, "rents")["speaker"] == "Harbour Research Institute"


def test_a_pronoun_keeps_the_running_speaker_of_a_quote_chain(nlp):
    text = (
        'Senator Joan Arkwright opened the debate. "This bill is a disgrace," Arkwright said.\n'
        "She pointed to the cost, which she put at two billion dollars. "
        "Arkwright's deputy, Maria Lund, had drafted the figures.\n"
        '"We will not back down," she said.\n'
    )
    assert quote_containing(nlp, text, "back down")["speaker"] in ("Joan Arkwright", "Maria Lund")


def test_a_pronoun_after_a_quote_chain_goes_to_its_speaker(nlp):
    text = (
        '"The roads will be fixed by spring," Governor Paul Adeyemi said on Monday.\n'
        "Adeyemi toured the flooded districts with Lydia Marsh, the transport minister.\n"
        '"We have the money," he said.\n'
    )
    assert quote_containing(nlp, text, "money")["speaker"] == "Paul Adeyemi"


def test_it_after_an_organisations_quote_keeps_it_as_the_speaker(nlp):
    text = (
        '"The fund is empty and the pier will close," the Harbour Trust said on Monday. The pier was '
        "built by the Port Authority in 1901.\n"
        "It added that the board would meet again on Friday to look for savings.\n"
    )
    assert quote_containing(nlp, text, "savings")["speaker"] == "Harbour Trust"
    rival = text.replace("\nIt added", "\nThe Port Authority rejected the claim. It added")
    assert quote_containing(nlp, rival, "savings")["speaker"] == "Port Authority"


def test_who_after_a_place_is_the_people_there_not_the_place(nlp):
    text = (
        "The levy will please nervous councillors in Harbourside, who have argued that the pier needs money."
    )
    found = quote_containing(nlp, text, "pier")
    assert (found["speaker"], found["source"]) == (None, "nervous councillors in Harbourside")


def test_a_rival_subject_of_the_same_gender_breaks_the_chain(nlp):
    text = (
        '"The roads will be fixed by spring," Governor Paul Adeyemi said on Monday.\n'
        "Opposition leader Martin Kole called the plan a fantasy.\n"
        '"There is no money," he said.\n'
    )
    assert quote_containing(nlp, text, "no money")["speaker"] == "Martin Kole"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The review was welcomed by Ann Lee, who said the findings were long overdue.", "Ann Lee"),
        (
            "The inspection was ordered by the Northshire Harbour Board, "
            "which said the findings were long overdue.",
            "Northshire Harbour Board",
        ),
    ],
)
def test_a_relative_pronoun_speaks_for_its_antecedent(nlp, text, speaker):
    assert quote_containing(nlp, text, "findings")["speaker"] == speaker


def mentions_of(nlp, text: str) -> dict[str, list[str]]:
    """Each entity's name and the words of its mentions, as the record lists them."""
    record = extract(read_bytes((HEADLINE + text).encode("utf-8"), path="story.txt"), nlp).to_dict()
    return {entity["name"]: [m["text"] for m in entity["mentions"]] for entity in record["entities"]}


def test_a_name_inside_the_quotation_is_no_antecedent_of_its_pronoun(nlp):
    text = 'Coach Dana Reyes praised the squad.\n"Nobody works harder than Maria Lopez," she said.\n'
    assert quote_containing(nlp, text, "Nobody works")["speaker"] == "Dana Reyes"
    assert "she" not in mentions_of(nlp, text)["Maria Lopez"]


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        pytest.param(
            "The Northshire Harbour Board met on Monday. It said the port would close for a week.",
            "port",
            "Northshire Harbour Board",
            id="it",
        ),
        pytest.param(
            "Calder Bank fired 500 workers last year. The bank said the staff had opened fake accounts.",
            "fake accounts",
            "Calder Bank",
            id="the-bank",
        ),
        pytest.param(
            "The Global Relief Fund cut its forecast on Tuesday, and Ann Lee, a trader, sold. "
            "The fund said trade was slowing.",
            "slowing",
            "Global Relief Fund",
            id="a-word-of-its-name",
        ),
    ],
)
def test_an_organisation_referred_to_without_its_name_is_the_speaker(nlp, text, words, speaker):
    assert quote_containing(nlp, text, words)["speaker"] == speaker


def test_the_government_is_not_the_company_just_named(nlp):
    text = "Blackhawk Mining bought the mine in May. The government said the sale was legal."
    assert quote_containing(nlp, text, "sale")["speaker"] is None


def test_it_is_no_organisation_when_people_were_the_subject(nlp):
    text = "Residents of Calder Bank Road met the mayor. They said the road was unsafe."
    assert quote_containing(nlp, text, "unsafe")["speaker"] is None


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        pytest.param(
            "Harbour boss Mia Strand, 52, has run the port since 2010. "
            "The 52-year-old said the new cranes would arrive in May.",
            "cranes",
            "Mia Strand",
            id="age",
        ),
        pytest.param(
            "Governor Mike Pence spoke in Ohio on Monday. The Indiana governor said taxes were too high.",
            "taxes",
            "Mike Pence",
            id="office-with-a-place",
        ),
        pytest.param(
            "Republican nominee Donald Trump spoke in Ohio on Monday. "
            "The GOP nominee said taxes were too high.",
            "taxes",
            "Donald Trump",
            id="party-by-another-word",
        ),
        pytest.param(
            "Rhona Kerr toured the new harbour on Monday with her staff. "
            "The businesswoman said the cranes were too old.",
            "cranes",
            "Rhona Kerr",
            id="role-of-the-person-just-named",
        ),
        pytest.param(
            "Mr. Paul Hanks spoke in Dayton on Monday. He drew a large crowd. "
            "The Republican candidate said taxes were too high.",
            "taxes",
            "Paul Hanks",
            id="a-form-of-address-is-no-other-role",
        ),
        pytest.param(
            "The crowd cheered for Paul Hanks. The debate commission apologised to Hanks on Monday for a "
            "broken microphone. Nobody blamed Hanks. The hall was full. "
            "The Republican nominee said on Tuesday that the sound had been cut on purpose.",
            "on purpose",
            "Paul Hanks",
            id="the-only-person-it-may-describe",
        ),
        pytest.param(
            "Rep. Adam Hale toured the port on Monday. Mayor Tom Ek spoke first. "
            "The congressman said the files would stay sealed.",
            "sealed",
            "Adam Hale",
            id="another-noun-for-the-same-office",
        ),
        pytest.param(
            "Paul Hanks spoke first. Ruth Okafor, his fiercest rival, spoke next. The crowd cheered for "
            "Okafor. Nobody blamed Okafor. The hall was full. "
            "The Democratic nominee said the port needed new cranes.",
            "cranes",
            "Ruth Okafor",
            id="a-tie-to-someone-is-no-other-role",
        ),
        pytest.param(
            "Sen. Ruth Okafor toured the docks on Tuesday. Okafor met the crews. Crowds cheered Okafor. "
            "During a stop in Hull, the Green presidential candidate repeated her promise to cut fares.",
            "cut fares",
            "Ruth Okafor",
            id="an-office-holder-may-be-the-candidate",
        ),
        pytest.param(
            "Mayor Tom Birch spoke to traders at the market on Friday. "
            "The Republican is also urging his supporters to ask why the market was closed.",
            "supporters",
            "Tom Birch",
            id="a-party-member",
        ),
        pytest.param(
            "Senator Paul Hanks met Republican nominee Ann Dale on Monday. Hanks spoke first. "
            "The Ohio Republican said the plant would stay open.",
            "plant",
            "Paul Hanks",
            id="a-party-member-from-a-place-is-not-whoever-the-party-names",
        ),
    ],
)
def test_a_description_is_the_person_it_describes(nlp, text, words, speaker):
    assert quote_containing(nlp, text, words)["speaker"] == speaker


def test_a_description_is_nobody_its_party_or_office_rules_out(nlp):
    text = (
        "Republican senator Paul Hanks met Democratic governor Ruth Okafor on Monday. "
        "Senator Hanks left early. The Democratic governor said the talks had failed."
    )
    assert quote_containing(nlp, text, "talks")["speaker"] == "Ruth Okafor"
    text = "Senator Ana Ruiz met the press on Monday. The judge said the case would be heard in May."
    assert quote_containing(nlp, text, "case")["speaker"] is None
    text = "Economist Lena Moss spoke at the opening. The Green candidate said fares would fall by spring."
    assert quote_containing(nlp, text, "fares")["speaker"] is None
    text = (
        "Senator Paul Hanks toured the plant on Monday. Hanks met the crews. Crowds cheered Hanks. "
        "The Ohio Republican and the New York businessman said the plant would stay open."
    )
    assert quote_containing(nlp, text, "plant would")["speaker"] is None  # two people


def test_a_short_name_of_an_outlet_is_the_outlet(nlp):
    text = (
        "The Lakeside Evening Post reported the sale on Monday. "
        "The Post said the harbour had been sold for a song."
    )
    assert quote_containing(nlp, text, "harbour")["speaker"] == "Lakeside Evening Post"


def test_a_subject_pronoun_continues_the_subject_before_a_name_in_passing(nlp):
    text = (
        "Mayor Tom Ek unveiled the statue on Friday. It shows the poet Carl Berg at his desk. "
        "He said the square would be rebuilt by May."
    )
    assert quote_containing(nlp, text, "square")["speaker"] == "Tom Ek"


@pytest.mark.parametrize(
    "text, words, source",
    [
        pytest.param(
            "A study that appeared in the Lancet last year found that rents had doubled.",
            "rents",
            "A study that appeared in the Lancet last year",
            id="relative-clause",
        ),
        pytest.param(
            "All the experts I interviewed said the plan was sound.",
            "plan",
            "All the experts I interviewed",
            id="clause-without-a-pronoun",
        ),
        pytest.param(
            "A group of doctors in 2015 warned that the water was unsafe.",
            "water",
            "A group of doctors",
            id="without-the-time",
        ),
        pytest.param(
            "Officials who visited the site said the water was unsafe.",
            "water",
            "Officials who visited the site",
            id="who-they-are",
        ),
        pytest.param(
            'About 300 demonstrators, who said the plant was "poisoning the river", marched on Friday.',
            "river",
            "About 300 demonstrators",
            id="who-stands-for-its-antecedent",
        ),
        pytest.param(
            "Developers and supporters in Congress say the scheme has brought money to poor areas.",
            "poor areas",
            "Developers and supporters in Congress",
            id="a-modifier-shared-by-conjuncts",
        ),
        pytest.param(
            "His ex-wife agreed, but also contended that she should not have to give up her privacy.",
            "privacy",
            "His ex-wife",
            id="a-hyphenated-noun",
        ),
        pytest.param(
            'The council passed a raft of new parking rules that promise to "revive the high street".',
            "high street",
            "a raft of new parking rules",
            id="that-with-a-measure",
        ),
        pytest.param(
            "Rita Vos was one of three members who said the bill was a disgrace.",
            "disgrace",
            "three members",
            id="who-stands-for-the-members-not-the-one",
        ),
    ],
)
def test_an_unnamed_source_is_described_in_full(nlp, text, words, source):
    quote = quote_containing(nlp, text, words)
    assert (quote["speaker"], quote["source"]) == (None, source)


def test_a_document_qualified_by_a_name_is_its_authors(nlp):
    text = "A Harbour Institute poll found that most residents opposed the dredging."
    assert quote_containing(nlp, text, "dredging")["speaker"] == "Harbour Institute"


def test_a_name_in_apposition_to_a_longer_description_is_the_speaker(nlp):
    text = "His former business partner at Lenox, Lawrence B. Cummings, called him a master of deals."
    assert quote_containing(nlp, text, "master")["speaker"] == "Lawrence B. Cummings"


def test_the_description_of_someone_introduced_unnamed_stays_unnamed(nlp):
    text = (
        "According to a senior police officer, Ravi Kumar took charge of the block in May. "
        "The officer said Kumar had brought phones into the jail."
    )
    assert quote_containing(nlp, text, "phones")["speaker"] is None


def test_a_time_that_qualifies_a_report_stays_in_its_description(nlp):
    text = "The Harbour Board's census for 2024 found that the fleet had shrunk."
    assert quote_containing(nlp, text, "fleet")["source"] == "The Harbour Board's census for 2024"


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        pytest.param(
            "The latest Harbour Times/Ipsos opinion poll found that the mayor led by four points.",
            "four points",
            "Harbour Times/Ipsos",
            id="pollsters-joined-by-a-slash",
        ),
        pytest.param(
            "A Bloomberg poll found that wealthy voters favoured the mayor. "
            "The poll found that the challenger led among men.",
            "among men",
            "Bloomberg",
            id="the-poll-named-before",
        ),
        pytest.param(
            "A statement from the Northshire Harbour Board said the port would close.",
            "port",
            "Northshire Harbour Board",
            id="from-its-author",
        ),
        pytest.param(
            "Research conducted by the Northshire Harbour Board found that the port was losing trade.",
            "losing trade",
            "Northshire Harbour Board",
            id="conducted-by-its-author",
        ),
        pytest.param(
            "The Harbour Board's census for 2024 found that the fleet had shrunk.",
            "fleet",
            "Harbour Board",
            id="a-census-qualified-by-its-author",
        ),
        pytest.param(
            "Data from the 2022 National Housing Survey show that rents rose by a third.",
            "rents",
            "National Housing Survey",
            id="data-from-a-survey",
        ),
        pytest.param(
            "A draft policy by the Northshire Harbour Board calls for an end to night shipping.",
            "night shipping",
            "Northshire Harbour Board",
            id="a-policy-by-its-author",
        ),
    ],
)
def test_a_document_speaks_for_its_author(nlp, text, words, speaker):
    assert quote_containing(nlp, text, words)["speaker"] == speaker


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        pytest.param(
            "Obama met Tom Reese, now the Senate majority leader, who in 2010 said the goal was to win.",
            "goal",
            "Tom Reese",
            id="after-an-apposition",
        ),
        pytest.param(
            "The panel heard from John Bentel, a staffer at the State Department who told his team "
            "never to speak of the emails.",
            "never to speak",
            "John Bentel",
            id="hung-on-a-name-inside-the-description",
        ),
    ],
)
def test_who_is_the_person_its_description_describes(nlp, text, words, speaker):
    assert quote_containing(nlp, text, words)["speaker"] == speaker


def test_a_letter_speaks_for_whoever_wrote_it(nlp):
    text = "Ann Lee wrote a letter to the council on Monday. The letter said the plan was unlawful."
    assert quote_containing(nlp, text, "unlawful")["speaker"] == "Ann Lee"


def test_a_pronoun_after_a_cleft_is_its_focus(nlp):
    text = (
        "Rival Ines Arroyo led for most of the race. But on a cold night in Bilbao it was "
        'Carla Mendes who stole the show. "I felt great," she told Radio Sur.'
    )
    assert quote_containing(nlp, text, "felt great")["speaker"] == "Carla Mendes"


def test_a_name_right_after_a_role_is_the_speaker(nlp):
    text = (
        "After the debate, the Democratic candidate Hillary Clinton suggested that the tax plan was unfair."
    )
    assert quote_containing(nlp, text, "tax plan")["speaker"] == "Hillary Clinton"


def test_the_group_far_from_its_name_is_the_organisation_that_has_been_speaking(nlp):
    text = (
        "The Harbour Workers Alliance said on Monday that pay had fallen.\n"
        "According to the Harbour Workers Alliance, most crews work nights.\n"
        "Shipping is a hard trade in winter.\n"
        "The ships are older than they look.\n"
        "The group said the port needed new cranes."
    )
    assert quote_containing(nlp, text, "cranes")["speaker"] == "Harbour Workers Alliance"


def test_the_group_is_nobody_when_no_organisation_has_been_speaking(nlp):
    text = (
        "Crews met at the Harbour Workers Alliance hall on Monday.\n"
        "Shipping is a hard trade in winter.\n"
        "The ships are older than they look.\n"
        "The group said the port needed new cranes."
    )
    assert quote_containing(nlp, text, "cranes")["speaker"] is None


def test_a_document_owned_by_an_organisation_referred_back_to_is_that_organisation_s(nlp):
    text = (
        "The Canadian Nursing Association released its plan on Monday. Critics were quick to respond. "
        "But the association’s own polling shows that most nurses support the plan."
    )
    assert quote_containing(nlp, text, "most nurses")["speaker"] == "Canadian Nursing Association"


def test_an_organisation_s_leadership_speaks_for_it(nlp):
    text = (
        "The Canadian Nursing Association released its plan on Monday. Critics were quick to respond. "
        "A week later, the CNA leadership stressed that the plan was a draft."
    )
    assert quote_containing(nlp, text, "draft")["speaker"] == "Canadian Nursing Association"


def test_which_after_an_organisation_stands_for_it_when_the_parser_reads_no_relative_clause(nlp):
    words = ["They", "turned", "to", "the", "Harbour", "Police", "which", "reported", "fires", "."]
    heads = [1, 1, 1, 5, 5, 2, 7, 1, 7, 1]  # "reported" misread as the main verb's adverbial clause
    deps = ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "nsubj", "advcl", "dobj", "punct"]
    pos = ["PRON", "VERB", "ADP", "DET", "PROPN", "PROPN", "PRON", "VERB", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 9)
    assert relative_antecedent(doc[6]).text == "Police"
    assert relative_antecedent(doc[0]) is None


def test_an_office_of_its_own_is_not_given_to_the_only_person_around(nlp):
    text = (
        "The commission apologised to Paul Hanks on Monday. The hall was full. "
        "The state attorney general said the sound had been cut on purpose."
    )
    assert quote_containing(nlp, text, "on purpose")["speaker"] is None


def test_a_description_opening_the_story_is_the_one_named_as_a_speaker_next(nlp):
    text = (
        "A former harbour board chairman says the port should be sold to the city before winter.\n"
        '"Now is the time to act," said Tom Brandt, who ran the board from 1995 to 1999.\n'
        "Brandt said he expected a vote soon."
    )
    assert quote_containing(nlp, text, "sold to the city")["speaker"] == "Tom Brandt"


def test_a_pronoun_continuing_an_unnamed_source_is_not_someone_named_before(nlp):
    text = (
        '"We have the money," Elena Cruz said. "Work starts in spring."\n'
        '"It will be tight," said a council adviser. "Delays are likely," she added.'
    )
    assert quote_containing(nlp, text, "Delays are likely")["speaker"] is None
    assert quote_containing(nlp, text, "Work starts")["speaker"] == "Elena Cruz"


@pytest.mark.parametrize(
    "text, speaker",
    [
        pytest.param(
            "A Lakeside judge says the harbour sale must wait for a full hearing.\n"
            "Lakeside District Court Justice Omar Fenn says the port board broke its own rules.",
            "Omar Fenn",
            id="title-of-the-same-office",
        ),
        pytest.param(
            "A 52-year-old fisherman says the new quay has already cost him his boat.\n"
            "Piet Vale, 52, says he lost 20,000 euros this year.",
            "Piet Vale",
            id="same-age",
        ),
        pytest.param(
            "A harbour pilot says the new quay has made every docking a gamble.\n"
            "Piet Vale says he has asked the port to move two buoys.",
            "Piet Vale",
            id="nothing-said-of-the-name",
        ),
    ],
)
def test_a_description_opening_the_story_is_the_one_introduced_as_such_next(nlp, text, speaker):
    said = next(words for words in ("quay", "must wait") if words in text)
    assert quote_containing(nlp, text, said)["speaker"] == speaker


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A police spokesman said the road was closed for six hours.\n"
            "Jane Doe, 45, appeared in court on Monday charged with dangerous driving.",
            id="named-but-not-speaking",
        ),
        pytest.param(
            "A police officer said the road was closed for six hours.\n"
            "Resident John Doe said he heard a bang.",
            id="named-with-another-role",
        ),
        pytest.param(
            "Crews worked through the night on the bridge.\n"
            "A police officer said the road was closed for six hours.\n"
            "John Doe said he heard a bang.",
            id="not-the-opening-paragraph",
        ),
        pytest.param(
            "A council adviser said the road was closed for six hours.\n"
            "Elena Cruz, who chairs the harbour committee, said the work would start in spring.",
            id="named-next-as-something-else",
        ),
    ],
)
def test_a_description_opening_the_story_is_not_someone_else_named_next(nlp, text):
    assert quote_containing(nlp, text, "six hours")["speaker"] is None


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        pytest.param(
            "Ferry deaths rose again, according to a Lakeside Herald database tracking such deaths.",
            "Ferry deaths",
            "Lakeside Herald",
            id="database",
        ),
        pytest.param(
            "The Pollwatch Institute average of polls taken over the past two weeks shows Lee ahead.",
            "Lee",
            "Pollwatch Institute",
            id="average-of-polls",
        ),
    ],
)
def test_a_compilation_speaks_for_the_organisation_that_keeps_it(nlp, text, words, speaker):
    assert quote_containing(nlp, text, words)["speaker"] == speaker


def test_a_description_is_not_someone_named_once_in_passing(nlp):
    text = (
        "The new advert shows Carl Berg, the plotter of the raid. Voters were angry. "
        "The New York businessman said the advert was fair."
    )
    assert quote_containing(nlp, text, "advert was fair")["speaker"] is None


def test_the_study_is_the_document_named_just_before(nlp):
    text = (
        "Voters were removed from the rolls, according to a recent Lakeside Herald survey of voter lists. "
        "The study found that poor districts lost twice as many voters."
    )
    assert quote_containing(nlp, text, "poor districts")["speaker"] == "Lakeside Herald"


def test_the_second_half_of_a_split_quote_has_the_speaker_of_the_first(nlp):
    text = (
        "The city library reopened on Monday after a two-year rebuild.\n\n"
        "Mayor David Miller cut the ribbon in front of a large crowd of residents.\n\n"
        "“Now that I am retired,” he told the host, “it was demoralizing to work for the board.”"
    )
    found = [q["speaker"] for q in quotes_of(nlp, text) if "demoralizing" in q["content"]]
    assert found and all(speaker == "David Miller" for speaker in found), quotes_of(nlp, text)


def test_a_participle_of_speech_on_an_occasion_is_the_speakers_not_the_occasions(nlp):
    text = "Mayor David Miller spoke at a news conference announcing that the city would sue the state."
    quote = quote_containing(nlp, text, "sue the state")
    assert (quote["speaker"], quote["source"]) == ("David Miller", "Mayor David Miller")


def test_a_name_between_a_quotation_and_its_verb_is_the_speaker_and_a_title_after_it_is_not(nlp):
    text = (
        "The council met on Monday to discuss the budget for the coming year.\n\n"
        "“There is a severe disconnect between this White House and frankly the president and our "
        "military,” Ortiz, a close ally of the mayor, said Thursday morning on Channel Nine’s “Morning Brew.”"
    )
    quote = quote_containing(nlp, text, "severe disconnect")
    assert (quote["speaker"], quote["source"], quote["cue"]) == ("Ortiz", "Ortiz", "said")
    assert quote["content"].startswith("There is") and quote["content"].endswith("our military")


def test_a_place_and_office_before_a_name_make_one_speaker_not_two(nlp):
    text = (
        "The city council met on Monday to discuss the budget.\n\n"
        "Charlotte Mayor Jennifer Roberts said Friday that she thinks the video should be released."
    )
    found = [(q["speaker"], q["source"]) for q in quotes_of(nlp, text) if "video" in q["content"]]
    assert found == [("Jennifer Roberts", "Charlotte Mayor Jennifer Roberts")]
