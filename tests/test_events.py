"""Events: type, participants, place and time, and the main event of an article."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from whosaidwhat.nlp import analyse
from whosaidwhat.nlp.event_filter import is_consequence_or_question
from whosaidwhat.nlp.event_parts import Event
from whosaidwhat.nlp.event_times import framing_time, shared_time

PUBLISHED = "2024-10-03"  # a Thursday


def analysed(nlp, paragraphs: list[str], headline: str | None = None, gap: str = "\n"):
    """Analyse body paragraphs joined by ``gap`` (a blank-looking line stands for a heading)."""
    text = gap.join(paragraphs)
    bounds, pos = [], 0
    for paragraph in paragraphs:
        start = text.index(paragraph, pos)
        bounds.append((start, start + len(paragraph)))
        pos = start + len(paragraph)
    return analyse(nlp, text, published=PUBLISHED, headline=headline, paragraphs=bounds)


def named_events(doc) -> list[dict]:
    names = {e["id"]: e["name"] for e in doc._.wsw_entities}
    return [
        {
            "type": ev["type"],
            "trigger": doc.text[ev["trigger"][0] : ev["trigger"][1]],
            "when": ev["when"],
            **{role: [names[i] for i in ev[role]] for role in ("who", "whom", "where")},
        }
        for ev in doc._.wsw_events
    ]


def event_of(doc, trigger: str) -> dict:
    found = [e for e in named_events(doc) if e["trigger"] == trigger]
    assert found, f"no event triggered by {trigger!r} in {named_events(doc)}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "who", "whom", "where", "when"),
    [
        (
            "Chancellor Olaf Scholz arrived in Warsaw on Monday.",
            "arrived",
            "visit",
            ["Olaf Scholz"],
            [],
            ["Warsaw"],
            "2024-09-30",
        ),
        (
            "Prime Minister Jane Holloway met President Luis Ortega in Madrid on Tuesday.",
            "met",
            "meet",
            ["Jane Holloway"],
            ["Luis Ortega"],
            ["Madrid"],
            "2024-10-01",
        ),
        (
            "The Ministry of Finance announced a new budget on Wednesday.",
            "announced",
            "announce",
            ["Ministry of Finance"],
            [],
            [],
            "2024-10-02",
        ),
        (
            "Japan pledged $2 billion to the fund on Friday.",
            "pledged",
            "pledge",
            ["Japan"],
            [],
            [],
            "2024-09-27",
        ),
        ("Rebels attacked the town on Sunday.", "attacked", "attack", [], [], [], "2024-09-29"),
        (
            "Police arrested Peter Lindqvist in Stockholm on Saturday.",
            "arrested",
            "arrest",
            [],
            ["Peter Lindqvist"],
            ["Stockholm"],
            "2024-09-28",
        ),
        (
            "Prosecutors charged Maria Kovacs with fraud on Thursday.",
            "charged",
            "charge",
            [],
            ["Maria Kovacs"],
            [],
            "2024-10-03",
        ),
        (
            "The Supreme Court ruled against Governor Tom Becker on Monday.",
            "ruled",
            "rule",
            ["Supreme Court"],
            ["Tom Becker"],
            [],
            "2024-09-30",
        ),
        (
            "Voters elected Anna Berg as mayor on Sunday.",
            "elected",
            "elect",
            [],
            ["Anna Berg"],
            [],
            "2024-09-29",
        ),
        ("The Senate voted on the bill on Tuesday.", "voted", "vote", ["Senate"], [], [], "2024-10-01"),
        (
            "President Luis Ortega appointed Carla Diaz as foreign minister on Friday.",
            "appointed",
            "appoint",
            ["Luis Ortega"],
            ["Carla Diaz"],
            [],
            "2024-09-27",
        ),
        (
            "Carla Diaz took office in Lima on Monday.",
            "took",
            "take_office",
            ["Carla Diaz"],
            [],
            ["Lima"],
            "2024-09-30",
        ),
        (
            "Defence Minister Karl Olsen resigned on Wednesday.",
            "resigned",
            "resign",
            ["Karl Olsen"],
            [],
            [],
            "2024-10-02",
        ),
        (
            "Former senator Robert Haines died in Boston on Sunday.",
            "died",
            "die",
            ["Robert Haines"],
            [],
            ["Boston"],
            "2024-09-29",
        ),
        (
            "Greece and Turkey agreed on a ceasefire on Thursday.",
            "agreed",
            "agree",
            ["Greece", "Turkey"],
            [],
            [],
            "2024-10-03",
        ),
        (
            "Prime Minister Jane Holloway will visit Berlin on Friday.",
            "visit",
            "visit",
            ["Jane Holloway"],
            [],
            ["Berlin"],
            "2024-10-04",
        ),
    ],
)
def test_event_types_and_roles(nlp, sentence, trigger, kind, who, whom, where, when):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["type"], event["who"], event["whom"], event["where"], event["when"]) == (
        kind,
        who,
        whom,
        where,
        when,
    )


def test_event_noun_takes_its_own_place_and_time(nlp):
    doc = analysed(nlp, ["Olaf Scholz discussed the plan ahead of an EU summit in Brussels next week."])
    summit = event_of(doc, "summit")
    assert (summit["type"], summit["where"], summit["when"]) == ("meet", ["Brussels"], "2024-W41")
    assert event_of(doc, "discussed")["when"] is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "when"),
    [
        (
            "Olaf Scholz arrived in Rome on Thursday, two days after assuming the role of chancellor.",
            "assuming",
            "take_office",
            "2024-10-01",
        ),
        (
            "Carla Diaz took office in Lima on Monday, a week after her election.",
            "election",
            "elect",
            "2024-09-23",
        ),
        (
            "Luis Ortega won the vote on Sunday, three days before he took office.",
            "took",
            "take_office",
            "2024-10-02",
        ),
    ],
)
def test_anchored_time_arithmetic(nlp, sentence, trigger, kind, when):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["type"], event["when"]) == (kind, when)


def test_light_verb_and_its_noun_are_one_event(nlp):
    doc = analysed(nlp, ["Leaders from Canada and Mexico will hold talks in Ottawa next week."])
    meets = [e for e in named_events(doc) if e["type"] == "meet"]
    assert len(meets) == 1
    assert (meets[0]["where"], meets[0]["when"]) == (["Ottawa"], "2024-W41")


def test_narrative_continues_the_lead_time(nlp):
    doc = analysed(
        nlp,
        [
            "Olaf Scholz arrived in Rome on Tuesday.",
            "Olaf Scholz met Giorgia Meloni as protesters gathered outside.",
        ],
    )
    assert event_of(doc, "met")["when"] == "2024-10-01"
    assert event_of(doc, "met")["whom"] == ["Giorgia Meloni"]


def test_narrative_reaches_a_verb_the_parser_read_as_an_adjective(nlp):
    # "proceeding showcased" is parsed as a modifier of "testimony", which becomes the root
    doc = analysed(
        nlp,
        ["A three-day hearing ended on Tuesday. The proceeding showcased testimony by Governor Ann Lee."],
    )
    assert event_of(doc, "testimony")["who"] == ["Ann Lee"]
    assert event_of(doc, "testimony")["when"] == "2024-10-01"


def test_perfect_tense_and_later_sections_stay_undated(nlp):
    doc = analysed(
        nlp,
        [
            "Olaf Scholz arrived in Rome on Tuesday.",
            "Olaf Scholz has visited Italy many times before.",
        ],
    )
    assert event_of(doc, "visited")["when"] is None
    doc = analysed(
        nlp,
        [
            "Olaf Scholz arrived in Rome on Tuesday.",
            "Giorgia Meloni welcomed Olaf Scholz at the palace.",
        ],
        gap="\n" + " " * 20 + "\n",
    )
    assert event_of(doc, "welcomed")["when"] is None


def test_statements_are_quotes_not_events(nlp):
    doc = analysed(nlp, ['"Germany will rebuild the bridge," Olaf Scholz said on Tuesday.'])
    triggers = {e["trigger"] for e in named_events(doc)}
    assert "said" not in triggers
    assert "rebuild" not in triggers  # his own words: the quote's, with its own date


def test_reported_speech_still_tells_what_happened(nlp):
    doc = analysed(nlp, ["Police said Olaf Scholz was arrested in Rome on Monday."])
    arrest = event_of(doc, "arrested")
    assert (arrest["type"], arrest["whom"], arrest["when"]) == ("arrest", ["Olaf Scholz"], "2024-09-30")


def test_asking_someone_to_act_is_a_request_not_a_question(nlp):
    doc = analysed(
        nlp,
        [
            "The Federal Trade Commission asked Judge Ann Lee to block the merger on Monday.",
            "Reporters asked Governor Tom Hart about the vote.",
        ],
    )
    request = event_of(doc, "asked")
    assert (request["type"], request["who"], request["whom"]) == (
        "ask",
        ["Federal Trade Commission"],
        ["Ann Lee"],
    )
    assert [e["trigger"] for e in named_events(doc)].count("asked") == 1


def test_no_time_means_no_date(nlp):
    doc = analysed(nlp, ["Olaf Scholz visited Rome."])
    assert event_of(doc, "visited")["when"] is None


def test_main_event_is_what_headline_and_lead_report(nlp):
    doc = analysed(
        nlp,
        [
            "Former Danish Prime Minister Lars Holm arrived in the Polish capital, Warsaw, on Thursday.",
            "Lars Holm met President Adam Nowak at the palace.",
        ],
        headline="Lars Holm visits Warsaw",
    )
    main = doc._.wsw_main_event
    names = {e["id"]: e["name"] for e in doc._.wsw_entities}
    assert main["type"] == "visit"
    assert [names[i] for i in main["who"]] == ["Lars Holm"]
    assert [names[i] for i in main["where"]] == ["Warsaw"]
    assert main["when"] == "2024-10-03"
    assert main["phrases"]["when"] == "Thursday"
    assert "Warsaw" in main["phrases"]["where"]
    assert "Lars Holm" in main["phrases"]["who"]


def test_no_main_event_without_events(nlp):
    assert analysed(nlp, ["Sunny weather."])._.wsw_main_event is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "who", "when"),
    [
        # a time on a verb that is no event still dates the clause conjoined with it
        (
            "Mitt Romney had a lead over Barack Obama in 2012 but still lost the election.",
            "lost the election",
            "elect",
            ["Mitt Romney"],
            "2012",
        ),
        # an event framed by a dated event noun takes its time
        (
            "Howard Dean mocked Donald Trump during the Monday night debate.",
            "mocked",
            "mock",
            ["Howard Dean"],
            "2024-09-30",
        ),
        (
            "Judge Frank Nervo dismissed the case in a ruling released Thursday.",
            "dismissed",
            "dismiss",
            ["Frank Nervo"],
            "2024-10-03",
        ),
        # a linking verb is no event, the same verb on its own is
        ("Howard Dean appeared on MSNBC on Tuesday.", "appeared", "appear", ["Howard Dean"], "2024-10-01"),
    ],
)
def test_clause_times_reach_related_events(nlp, sentence, trigger, kind, who, when):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["type"], event["who"], event["when"]) == (kind, who, when)


def test_time_after_be_dates_the_subject_event(nlp):
    assert event_of(analysed(nlp, ["The vote is on Nov. 8."]), "vote")["when"] == "2024-11-08"


def test_linking_verbs_are_not_events(nlp):
    doc = analysed(nlp, ["Howard Dean appeared to be calm on Tuesday."])
    assert "appeared" not in {e["trigger"] for e in named_events(doc)}


def test_a_wish_is_no_event(nlp):
    doc = analysed(nlp, ["David Axelrod on Wednesday called on Howard Dean to apologize to Donald Trump."])
    call = event_of(doc, "called")
    assert (call["type"], call["who"], call["whom"], call["when"]) == (
        "call",
        ["David Axelrod"],
        ["Howard Dean"],
        "2024-10-02",
    )
    assert "apologize" not in {e["trigger"] for e in named_events(doc)}  # asked for, not done


def test_only_light_verbs_take_the_type_of_their_object(nlp):
    doc = analysed(nlp, ["Donald Trump criticized the trade deal with Mexico on Monday."])
    assert event_of(doc, "criticized")["type"] == "criticize"
    assert event_of(doc, "deal")["type"] == "agree"


def test_sites_tagged_as_organisations_are_places(nlp):
    doc = analysed(nlp, ["Jill Stein was escorted off the campus of Hofstra University on Monday."])
    escort = event_of(doc, "escorted")
    assert (escort["whom"], escort["where"], escort["when"]) == (
        ["Jill Stein"],
        ["Hofstra University"],
        "2024-09-30",
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 3, ["a"]),  # inside the long mention only
        (40, 45, ["a", "b"]),  # the long mention started well before and still runs
        (61, 62, ["c"]),  # past the long mention's end
        (58, 70, ["a", "c"]),  # straddles the long mention's end
        (90, 95, []),  # nothing there
    ],
)
def test_mention_lookup_finds_long_mentions_started_earlier(start, end, expected):
    from whosaidwhat.nlp.mentions import MentionIndex

    entities = [
        {"id": "a", "type": "ORG", "mentions": [(0, 60)]},
        {"id": "b", "type": "PERSON", "mentions": [(41, 44)]},
        {"id": "c", "type": "GPE", "mentions": [(59, 65)]},
    ]
    found = MentionIndex(entities, " " * 100).overlapping(start, end)
    assert sorted({m[2] for m in found}) == expected


@pytest.mark.parametrize(
    ("offset", "inside"),
    [(4, False), (5, True), (12, True), (19, True), (20, False), (30, True), (34, False)],
)
def test_quoted_stretches_hold_the_offsets_of_any_quote(offset, inside):
    from whosaidwhat.nlp.narrative_times import SpanUnion

    assert (offset in SpanUnion([(10, 20), (5, 12), (30, 34), (40, 40)])) is inside


@pytest.mark.parametrize(
    ("paragraphs", "trigger"),
    [
        (["Olaf Scholz did not visit Rome on Monday."], "visit"),  # negated
        (["The storm could ruin the harvest in Leeds."], "ruin"),  # may not happen
        (["Denmark will have been watching Norway closely in Leeds."], "watching"),  # a guess
        (["Acme Corp runs a shop in Leeds."], "runs"),  # a habit
        (["Despite spending millions, Acme Corp lost the contract on Monday."], "spending"),  # describes
        (["England are preparing to face Australia on Wednesday."], "preparing"),  # going on
        (["Acme Corp won the contract on Monday.", "Critics fear a hearing."], "hearing"),  # no one, no time
    ],
)
def test_what_is_no_event_on_a_timeline(nlp, paragraphs, trigger):
    assert trigger not in {e["trigger"] for e in named_events(analysed(nlp, paragraphs))}


def test_an_infinitive_set_ahead_is_the_event(nlp):
    event = event_of(analysed(nlp, ["England are preparing to face Australia on Wednesday."]), "face")
    assert (event["who"], event["whom"], event["when"]) == (["England"], ["Australia"], "2024-10-02")


def test_a_modal_with_its_own_time_is_scheduled(nlp):
    assert (
        event_of(analysed(nlp, ["Acme Corp could launch the phone next week."]), "launch")["when"]
        == "2024-W41"
    )


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "when"),
    [
        ("A jury convicted Olaf Scholz on Monday.", "convicted", "convict", "2024-09-30"),
        ("A judge sentenced Olaf Scholz on Monday.", "sentenced", "sentence", "2024-09-30"),
        ("Olaf Scholz's victory came on Monday.", "victory", "win", "2024-09-30"),
        ("A Herald inquiry in May exposed the scheme.", "inquiry", "investigate", "2024-05"),
        (
            "A survey carried out in June found that most people in Leeds drive.",
            "survey",
            "survey",
            "2024-06",
        ),
    ],
)
def test_types_a_reader_would_search_for(nlp, sentence, trigger, kind, when):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["type"], event["when"]) == (kind, when)


def test_a_conjoined_passive_shares_its_subject_and_takes_the_story_year(nlp):
    doc = analysed(nlp, ["Olaf Scholz was tried in May and executed on 3 March 1962 in Leeds."])
    trial, execution = event_of(doc, "tried"), event_of(doc, "executed")
    assert (trial["type"], trial["whom"], trial["when"]) == ("try", ["Olaf Scholz"], "1961-05")
    assert (execution["whom"], execution["where"], execution["when"]) == (
        ["Olaf Scholz"],
        ["Leeds"],
        "1962-03-03",
    )


def test_tried_to_is_no_trial(nlp):
    assert "tried" not in {
        e["trigger"] for e in named_events(analysed(nlp, ["Acme Corp tried to stop the deal."]))
    }


def test_the_agent_of_a_participle_acts(nlp):
    event = event_of(analysed(nlp, ["The plan is a strategy adopted by Acme Corp in 2018."]), "adopted")
    assert (event["who"], event["when"]) == (["Acme Corp"], "2018")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Olaf Scholz made a fortune in Leeds.", "made"),  # too general a verb
        ("A study by Acme Corp found that most people in Leeds drive.", "found"),  # a finding: a statement
        ("The hero, played by Olaf Scholz, dies in the end.", "played"),  # describes the noun
    ],
)
def test_general_verbs_findings_and_descriptions_are_no_events(nlp, sentence, trigger):
    assert trigger not in {e["trigger"] for e in named_events(analysed(nlp, [sentence]))}


@pytest.mark.parametrize(
    ("sentence", "trigger", "who", "whom", "when"),
    [
        (
            "Four lawmakers, including Jamie Raskin and Sean Casten, urged Joe Biden on Friday to quit.",
            "urged",
            ["Jamie Raskin", "Sean Casten"],
            ["Joe Biden"],
            "2024-09-27",
        ),
        (
            "Toshiro Mifune, who played Toranaga in the 1980 adaptation, died in 1997.",
            "played",
            ["Toshiro Mifune"],
            ["Toranaga"],
            "1980",
        ),
        (
            "Lina Khan, who was installed by Joe Biden in 2021, lost the case.",
            "installed",
            ["Joe Biden"],
            ["Lina Khan"],
            "2021",
        ),
    ],
)
def test_listed_members_and_relative_pronouns_take_part(nlp, sentence, trigger, who, whom, when):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["who"], event["whom"], event["when"]) == (who, whom, when)


def test_a_range_dates_its_clause_by_its_end(nlp):
    doc = analysed(nlp, ["The number of women at Acme Corp had dwindled from 26 in 2023 to 25 in 2024."])
    assert event_of(doc, "dwindled")["when"] == "2024"


def test_the_story_line_carries_a_month_on(nlp):
    doc = analysed(
        nlp, ["Acme Corp opened a plant in Leeds last month. Olaf Scholz resigned from its board."]
    )
    assert event_of(doc, "resigned")["when"] == "2024-09"


def test_a_group_is_its_members_named_before(nlp):
    doc = analysed(
        nlp,
        [
            "Maria Lopez and John Carter are running for mayor of Leeds.",
            "The two candidates will debate on Thursday.",
        ],
    )
    event = event_of(doc, "debate")
    assert (event["who"], event["when"]) == (["Maria Lopez", "John Carter"], "2024-10-03")


def test_a_group_is_nobody_when_fewer_were_named(nlp):
    doc = analysed(nlp, ["Acme Corp hired Maria Lopez. The two candidates will debate on Thursday."])
    assert event_of(doc, "debate")["who"] == []


def test_an_event_noun_is_the_scene_of_its_clause(nlp):
    doc = analysed(nlp, ["Maria Lopez spoke at a climate conference in Lima in April."])
    event = event_of(doc, "conference")
    assert (event["who"], event["where"], event["when"]) == (["Maria Lopez"], ["Lima"], "2024-04")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Acme Corp will pay a fee if the deal does not close by July 18.", "deal"),  # may not happen
        ("Maria Lopez asked for help in finding the men who robbed her.", "finding"),  # describes the help
        ("Maria Lopez expressed regret on Monday.", "expressed"),  # a statement
    ],
)
def test_more_clauses_that_are_no_events(nlp, sentence, trigger):
    assert trigger not in {e["trigger"] for e in named_events(analysed(nlp, [sentence]))}


def test_a_final_is_a_match_played(nlp):
    doc = analysed(nlp, ["Spain meet Sweden tomorrow for a place in Sunday's final."])
    assert (event_of(doc, "final")["type"], event_of(doc, "final")["when"]) == ("play", "2024-10-06")


@pytest.mark.parametrize(
    ("sentence", "noun", "verb"),
    [
        ("A survey carried out in June found that most people in Leeds drive.", "survey", "carried"),
        ("Maria Lopez's victory came on Monday.", "victory", "came"),
    ],
)
def test_the_event_noun_is_the_event_not_its_light_verb(nlp, sentence, noun, verb):
    triggers = {e["trigger"] for e in named_events(analysed(nlp, [sentence]))}
    assert noun in triggers
    assert verb not in triggers


@pytest.mark.parametrize(
    ("paragraphs", "trigger", "when"),
    [
        # a bound is not the time: the door was opened on April 16, before 7pm
        (["Maria Lopez opened the door just before 7pm on April 16."], "opened", "2024-04-16"),
        # the present perfect is told from the publication day
        (["Maria Lopez has spoken for the first time, 10 days after the attack."], "attack", "2024-09-23"),
        # a year in a name dates nothing; a present clause under a future one shares its time
        (
            ["Portugal will know the pressure is on them tonight as they face Spain in the Euro 2024 final."],
            "face",
            "2024-10-03",
        ),
        # a relative clause dates its noun
        (["Acme Corp had the upper hand in a hearing that ended late last month."], "hearing", "2024-09"),
    ],
)
def test_what_dates_a_clause(nlp, paragraphs, trigger, when):
    assert event_of(analysed(nlp, paragraphs), trigger)["when"] == when


def test_an_unnamed_participant_is_a_participant(nlp):
    doc = analysed(nlp, ["Acme Corp opened a plant.", "Police said all four guards had been killed."])
    assert event_of(doc, "killed")["type"] == "kill"


def test_recently_dates_an_event_in_the_past(nlp):
    doc = analysed(nlp, ["Acme Corp opened a plant.", "Two other babies were discovered recently in Leeds."])
    event = event_of(doc, "discovered")
    assert (event["type"], event["when"]) == ("find", "PAST_REF")


@pytest.mark.parametrize(
    ("sentence", "trigger", "reported"),
    [
        ("Maria Lopez, who submitted to Acme Corp, lost the vote on Monday.", "submitted", False),
        ("Maria Lopez watched as Acme Corp struggled in Leeds.", "struggled", False),
        ("Maria Lopez, who joined Acme Corp in 2019, lost the vote.", "joined", True),  # dated
        ("Secluded at home, Joe Biden was recovering from Covid on Friday.", "recovering", True),
    ],
)
def test_background_clauses_need_a_time(nlp, sentence, trigger, reported):
    assert (trigger in {e["trigger"] for e in named_events(analysed(nlp, [sentence]))}) == reported


def test_hanging_around_is_searchable_as_such(nlp):
    doc = analysed(nlp, ["Photographs showed Maria Lopez hanging around with gang members in Leeds."])
    assert event_of(doc, "hanging")["type"] == "hang around"


def test_a_state_in_the_past_is_no_event(nlp):
    doc = analysed(nlp, ["In the past, workplace benefits were focused on dental care."])
    assert "focused" not in {e["trigger"] for e in named_events(doc)}


def test_a_typed_event_in_a_relative_clause_needs_a_time(nlp):
    triggers = {e["trigger"] for e in named_events(analysed(nlp, ["It is the prize that Maria Lopez won."]))}
    assert "won" not in triggers


@pytest.mark.parametrize(
    "sentence",
    [
        "Maria Lopez was pictured in Leeds on Monday.",
        "Acme Corp tailored its offer to Leeds in May.",
        "The show featured Maria Lopez on Monday.",
    ],
)
def test_page_furniture_verbs_are_no_events(nlp, sentence):
    assert named_events(analysed(nlp, [sentence])) == []


def test_the_complement_of_a_phase_verb_is_the_event(nlp):
    doc = analysed(nlp, ["Acme Corp began streaming the final episode on Tuesday."])
    triggers = {e["trigger"]: e for e in named_events(doc)}
    assert "began" not in triggers
    assert (triggers["streaming"]["who"], triggers["streaming"]["when"]) == (["Acme Corp"], "2024-10-01")


def test_a_scheduled_hearing_is_the_hearing(nlp):
    doc = analysed(nlp, ["Acme Corp will challenge the ruling at a hearing scheduled for later this month."])
    assert "scheduled" not in {e["trigger"] for e in named_events(doc)}


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Joe Biden was recovering at home and increasingly isolated in his party on Friday.", "isolated"),
        ("Acme Corp will win by the time Maria Lopez begins to press the attack.", "press"),
    ],
)
def test_states_and_what_is_only_begun_in_thought_are_no_events(nlp, sentence, trigger):
    assert trigger not in {e["trigger"] for e in named_events(analysed(nlp, [sentence]))}


def test_a_main_clause_in_the_simple_past_tells_an_event(nlp):
    doc = analysed(nlp, ["Acme Corp opened a plant.", "A video of the guards surfaced on social media."])
    assert "surfaced" in {e["trigger"] for e in named_events(doc)}


@pytest.mark.parametrize(
    ("paragraphs", "trigger"),
    [
        (
            ["The World Health Organization met in Geneva on Monday.", "It launched an inquiry on Tuesday."],
            "launched an inquiry",
        ),
        (
            [
                "The World Health Organization met in Geneva on Monday.",
                "The agency's inquiry began on Tuesday.",
            ],
            "inquiry",
        ),
    ],
)
def test_an_organisation_without_its_name_takes_part(nlp, paragraphs, trigger):
    assert event_of(analysed(nlp, paragraphs), trigger)["who"] == ["World Health Organization"]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Acme Corp has a shortage of engineers, leading to higher costs.", "leading"),
        ("Acme Corp must explain why it chose to close the plant.", "chose"),
    ],
)
def test_consequences_and_questions_are_no_events(nlp, sentence, trigger):
    assert trigger not in {e["trigger"] for e in named_events(analysed(nlp, [sentence]))}


def test_a_dated_participle_is_still_an_event(nlp):
    doc = analysed(nlp, ["Acme Corp raised prices, blaming Maria Lopez on Monday."])
    assert event_of(doc, "blaming")["when"] == "2024-09-30"


def test_a_participle_before_its_clause_is_an_event(nlp):
    doc = analysed(nlp, ["Recovering from surgery at his home in Leeds, Mark Jones is planning a comeback."])
    assert event_of(doc, "Recovering")["who"] == ["Mark Jones"]


def test_a_participle_hanging_from_a_participle_tells_no_consequence(nlp):
    doc = nlp("Stranded at the airport, waiting for a flight, the actor is planning a comeback.")
    participle = next(t for t in doc if t.text == "waiting")
    assert participle.dep_ == "advcl" and participle.head.text == "Stranded"  # the parse this is about
    assert not is_consequence_or_question(participle)


def test_a_passive_in_the_simple_past_carries_the_story_on(nlp):
    doc = analysed(
        nlp, ["Maria Lopez opened a bakery in Leeds on Monday. Her van was stolen from the street."]
    )
    assert event_of(doc, "stolen")["when"] == "2024-09-30"


def test_an_event_noun_after_in_is_the_scene_of_its_clause(nlp):
    doc = analysed(nlp, ["Maria Lopez testified in a trial in Leeds on Monday."])
    assert event_of(doc, "trial")["who"] == ["Maria Lopez"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Acme Corp and Bolt Industries argued that the merger they signed in May 2022 was lawful."],
        [
            "Acme Corp and Bolt Industries appeared in court in Leeds.",
            "Both companies argued that the merger they signed in May 2022 was lawful.",
        ],
    ],
)
def test_they_in_a_reported_clause_are_the_plural_subject_reporting_it(nlp, paragraphs):
    assert sorted(event_of(analysed(nlp, paragraphs), "signed")["who"]) == ["Acme Corp", "Bolt Industries"]


def test_they_without_a_plural_subject_above_is_left_to_the_organisations(nlp):
    doc = analysed(
        nlp, ["The Federal Trade Commission sued in May.", "The judge said they signed a deal in June 2022."]
    )
    assert event_of(doc, "signed a deal")["when"] == "2022-06"


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "who", "whom", "when"),
    [
        (  # a participle with its own subject after "with" takes the time of its clause
            "The tournament starts tomorrow with France meeting Japan in Paris.",
            "meeting",
            "meet",
            ["France"],
            ["Japan"],
            "2024-10-04",
        ),
        (  # a typed trigger after a preposition, with its subject from the clause above
            "Norway were impressive in knocking out Brazil in Lyon.",
            "knocking",
            "knock out",
            ["Norway"],
            ["Brazil"],
            None,
        ),
    ],
)
def test_participles_after_prepositions(nlp, sentence, trigger, kind, who, whom, when):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["type"], event["who"], event["whom"], event["when"]) == (kind, who, whom, when)


@pytest.mark.parametrize(
    "sentence",
    [
        "Despite Norway spending more on roads, drivers wait for hours.",
        "The firm has argued for lowering fees and broadening the rules.",
        "The mayor is proposing schemes like installing a million heat pumps.",
        "Nothing should stop the club from releasing its accounts.",
    ],
)
def test_participles_that_describe_are_no_events(nlp, sentence):
    doc = analysed(nlp, [sentence])
    triggers = [e["trigger"] for e in named_events(doc)]
    assert not {"spending", "lowering", "broadening", "installing", "releasing"} & set(triggers)


def test_what_someone_made_happen_happened(nlp):
    doc = analysed(nlp, ["Ann Lee made Tom Hart sign the contract."])
    assert event_of(doc, "sign")["who"] == ["Tom Hart"]


def test_a_programme_is_shown_by_its_channel(nlp):
    doc = analysed(nlp, ["The final will be shown live on Channel Four."])
    assert event_of(doc, "shown")["who"] == ["Channel Four"]


def test_its_before_an_event_noun_is_the_organisation_just_named(nlp):
    doc = analysed(
        nlp,
        [
            "The Ministry of Health published a draft plan on Monday.",
            "A week after its release, the ministry changed course.",
        ],
    )
    assert event_of(doc, "release")["who"] == ["Ministry of Health"]


def test_a_participle_set_off_by_commas_tells_what_happened(nlp):
    doc = analysed(nlp, ["A map of the flooded streets, released to warn drivers, alarmed the town."])
    assert event_of(doc, "released")["type"] == "release"


def test_a_role_played_is_no_event(nlp):
    doc = analysed(nlp, ["The role played by Anna Berg was small."])
    assert "played" not in {e["trigger"] for e in named_events(doc)}


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "who"),
    [
        (
            "On Monday, Ravi Kumar made a phone call to his lawyer.",
            "made a phone call",
            "call",
            ["Ravi Kumar"],
        ),
        ("Ann Lee got in touch with Tom Hart on Friday.", "got", "contact", ["Ann Lee"]),
        ("The gang made off with two paintings.", "made", "steal", []),
    ],
)
def test_phrases_that_name_an_event(nlp, sentence, trigger, kind, who):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["type"], event["who"]) == (kind, who)


def test_a_verb_shares_the_time_of_the_event_noun_it_governs(nlp):
    doc = analysed(nlp, ["The board rebuffed the Harbour Council's attempt last month to close the port."])
    attempt = event_of(doc, "attempt")
    assert (attempt["type"], attempt["who"], attempt["when"]) == ("attempt", ["Harbour Council"], "2024-09")
    assert event_of(doc, "rebuffed")["when"] == "2024-09"


def test_an_event_noun_named_again_takes_the_time_given_once(nlp):
    doc = analysed(
        nlp,
        [
            "Judge Ann Lee said in a ruling that the merger may go ahead.",
            "Shares of Acme Corp rose after Tuesday's ruling.",
        ],
    )
    first = [e for e in named_events(doc) if e["trigger"] == "ruling"][0]
    assert (first["who"], first["when"]) == (["Ann Lee"], "2024-10-01")


def test_an_event_noun_dated_twice_over_takes_neither_time(nlp):
    doc = analysed(
        nlp,
        [
            "Judge Ann Lee said in a ruling that the merger may go ahead.",
            "A ruling on Monday and a ruling on Tuesday left shares of Acme Corp flat.",
        ],
    )
    assert [e for e in named_events(doc) if e["trigger"] == "ruling"][0]["when"] is None


def test_the_subject_of_a_passive_acts_in_its_infinitive(nlp):
    doc = analysed(nlp, ["Senator Ann Lee is set to resign on Friday."])
    resign = event_of(doc, "resign")
    assert (resign["who"], resign["when"]) == (["Ann Lee"], "2024-10-04")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Ravi Kumar is lodged in Leeds prison.", "lodged"),
        ("Tom Hart is held in a cell in Oslo.", "held"),
        ("Read our guide and watch the race on our live page today.", "watch"),
        ("Follow every twist of the race on our live page today.", "Follow"),
    ],
)
def test_states_and_requests_are_no_events(nlp, sentence, trigger):
    assert trigger not in {e["trigger"] for e in named_events(analysed(nlp, [sentence]))}


NIGHT_OF_THE_RAID = [
    "Maria Lopez drove two men to her flat on April 16.",
    "What came next was an hour of fear.",
    '"They pushed me to the floor," she said.',
    "Neighbours were asleep.",
    '"I could not breathe," she said.',
]


def test_a_story_stays_on_its_day_until_another_time_is_named(nlp):
    doc = analysed(nlp, [*NIGHT_OF_THE_RAID, "The men stole her jewellery."])
    assert event_of(doc, "stole")["when"] == "2024-04-16"


def test_a_time_named_since_ends_the_story_of_the_day(nlp):
    doc = analysed(nlp, [*NIGHT_OF_THE_RAID, "Police were called in May.", "The men stole her jewellery."])
    assert event_of(doc, "stole")["when"] != "2024-04-16"


def test_the_present_between_ends_the_story_of_the_day(nlp):
    doc = analysed(
        nlp, [*NIGHT_OF_THE_RAID, "Burglaries are rare in the town.", "The men stole her jewellery."]
    )
    assert event_of(doc, "stole")["when"] != "2024-04-16"


def test_a_year_given_to_an_event_noun_dates_no_other_mention(nlp):
    doc = analysed(
        nlp,
        [
            "Tom Hart led the party during the 2000 election.",
            "Ann Lee lost her seat in the election.",
        ],
    )
    assert [e["when"] for e in named_events(doc) if e["trigger"] == "election"] == ["2000"]


def test_who_the_parser_hung_elsewhere_is_the_person_named_before_it(nlp):
    doc = analysed(
        nlp,
        ["Her style owes much to the singer Tom Hart (and who played the king in a 1980 film)."],
    )
    assert event_of(doc, "played")["who"] == ["Tom Hart"]


def test_police_urging_the_public_is_an_event(nlp):
    doc = analysed(nlp, ["Officers are urging witnesses to come forward."])
    assert event_of(doc, "urging")["type"] == "urge"


def test_the_stage_of_a_match_is_told_by_the_match(nlp):
    doc = analysed(nlp, ["Norway will face Brazil in the semi-finals."])
    triggers = [e["trigger"] for e in named_events(doc)]
    assert "face" in triggers
    assert "finals" not in triggers


def test_a_dated_event_noun_framing_an_event_is_an_event_of_its_own(nlp):
    doc = analysed(nlp, ["Judge Ann Berg dismissed the case in a ruling published on Thursday."])
    triggers = [e["trigger"] for e in named_events(doc)]
    assert {"dismissed", "ruling"} <= set(triggers)


def test_what_hangs_from_a_clause_under_a_modal_may_not_happen(nlp):
    doc = analysed(
        nlp,
        [
            "Norway would be more capable of pursuing a policy distinct from Sweden, potentially"
            " deepening rifts in Nordic unity."
        ],
    )
    assert "deepening" not in {e["trigger"] for e in named_events(doc)}


def test_a_clause_takes_the_day_of_the_dated_with_clause_beside_it(nlp):
    doc = analysed(
        nlp, ["The final will be shown live on Channel Four, with coverage beginning at 7pm tonight."]
    )
    assert event_of(doc, "shown")["when"] == "2024-10-03"


def test_a_clause_takes_the_time_of_its_as_clause_and_the_dated_outcome_is_an_event(nlp):
    doc = analysed(
        nlp, ["Norway reached the final as they came from behind to beat Denmark on September 28 in Oslo."]
    )
    assert event_of(doc, "reached")["when"] == "2024-09-28"
    beat = event_of(doc, "beat")
    assert (beat["whom"], beat["when"]) == (["Denmark"], "2024-09-28")


def test_an_infinitive_a_verb_asks_for_stays_no_event_even_when_dated(nlp):
    doc = analysed(nlp, ["Lawmakers urged Senator Ann Hale to resign on Friday."])
    assert "resign" not in [e["trigger"] for e in named_events(doc)]


def test_a_national_team_named_by_its_nickname_acts_as_its_country(nlp):
    doc = analysed(
        nlp,
        [
            "New Zealand play Ireland in Dublin on Saturday.",
            "The All Blacks beat France in Paris on September 28.",
        ],
    )
    assert event_of(doc, "beat")["who"] == ["New Zealand"]


def test_a_nickname_two_countries_share_stands_for_the_one_the_article_names(nlp):
    doc = analysed(
        nlp,
        [
            "Portugal play Slovenia in Frankfurt on Monday.",
            "The Selecao beat Georgia in Hamburg on September 28.",
        ],
    )
    assert event_of(doc, "beat")["who"] == ["Portugal"]


def test_a_future_clause_does_not_share_the_time_of_the_past_one_it_is_joined_to(nlp):
    doc = analysed(
        nlp, ["Norway beat Denmark in Oslo on September 28 and will return to Bergen to face Spain."]
    )
    assert event_of(doc, "return")["when"] is None


def test_the_time_of_a_phase_verb_dates_its_complement(nlp):
    doc = analysed(
        nlp, ["The drama, whose last season began airing on Channel Four yesterday, ends its run."]
    )
    assert event_of(doc, "airing")["when"] == "2024-10-02"


def test_a_person_called_by_their_age_is_the_person_named_just_before(nlp):
    doc = analysed(
        nlp, ["Police said Tom Hart was asleep at home.", "The 81-year-old opened the door on Monday."]
    )
    assert event_of(doc, "opened")["who"] == ["Tom Hart"]


def test_a_person_called_by_their_age_is_nobody_when_no_one_was_named_just_before(nlp):
    doc = analysed(
        nlp,
        [
            "Tom Hart lives in Leeds.",
            "The house has a red door and a small garden.",
            "The 81-year-old opened the door on Monday.",
        ],
    )
    assert event_of(doc, "opened")["who"] == []


@pytest.mark.parametrize(
    "aftermath", ["The couple are too shaken to go home.", "Police are still on the hunt."]
)
def test_how_the_story_stands_now_does_not_end_the_story_of_the_day(nlp, aftermath):
    doc = analysed(nlp, [*NIGHT_OF_THE_RAID, aftermath, "The men stole her jewellery."])
    assert event_of(doc, "stole")["when"] == "2024-04-16"


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind"),
    [
        ("Norway cruised to victory over Denmark in Oslo on Saturday.", "cruised to victory", "win"),
        ("Spain fell to defeat against Italy in Rome on September 28.", "fell to defeat", "lose"),
    ],
)
def test_moving_to_an_outcome_is_that_outcome(nlp, sentence, trigger, kind):
    event = event_of(analysed(nlp, [sentence]), trigger)
    assert (event["type"], event["when"]) == (kind, "2024-09-28")


def test_a_frame_hung_on_the_object_still_dates_the_verb():
    # "Acme challenged the decision at the hearing", with "at the hearing" hung on "decision",
    # as a parse of a real report had it
    words = ["Acme", "challenged", "the", "decision", "at", "the", "hearing"]
    heads = [1, 1, 3, 1, 3, 6, 4]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    hearing = Event("hear", doc[6], when="2023-07")
    assert framing_time(doc[1], {6: hearing}) == "2023-07"


def test_a_clause_hung_on_an_auxiliary_shares_the_time_of_its_verb():
    # "when I finished reading, I felt puzzled", parsed on a real review with "felt" as an
    # auxiliary of "puzzled", which holds the sentence's time ("Many years ago")
    words = ["when", "I", "finished", "reading", ",", "I", "felt", "puzzled"]
    heads = [2, 2, 6, 2, 6, 6, 7, 7]
    deps = ["advmod", "nsubj", "advcl", "xcomp", "punct", "nsubj", "auxpass", "ROOT"]
    pos = ["SCONJ", "PRON", "VERB", "VERB", "PUNCT", "PRON", "AUX", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert shared_time(doc[3], {}, {7: "PAST_REF"}) == "PAST_REF"


def test_a_typed_act_after_getting_happened_to_its_noun(nlp):
    doc = analysed(
        nlp, ["Officers named a feud between two gangs as the reason behind the footage getting leaked."]
    )
    assert event_of(doc, "leaked")["type"] == "leak"
    described = analysed(nlp, ["Officers studied the footage leaked by the gang."])
    assert not [e for e in named_events(described) if e["trigger"] == "leaked"]


def test_a_named_occurrence_led_by_its_year_is_an_event_of_that_year(nlp):
    doc = analysed(nlp, ["Dana Cole won her first medal at the 1996 Olympics and retired in 2004."])
    assert event_of(doc, "Olympics") == {
        "type": "compete",
        "trigger": "Olympics",
        "when": "1996",
        "who": ["Dana Cole"],
        "whom": [],
        "where": [],
    }
    assert event_of(doc, "retired")["when"] == "2004"


def test_a_second_finding_hung_on_the_adverb_before_it_shares_the_first_ones_time(nlp):
    doc = analysed(
        nlp,
        [
            "The survey found that sales had fallen in 2023, but more worryingly,"
            " that the number of shops had gone up."
        ],
    )
    assert event_of(doc, "gone")["when"] == "2023"
