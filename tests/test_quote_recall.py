"""Missed quotes: reporting verbs, quotation marks and content bounds (texts written for these tests)."""

from __future__ import annotations

import pytest
from test_quotes import only_quote, quotes_of

from whosaidwhat.nlp.quotemarks import find_quoted
from whosaidwhat.nlp.syntax import line_paragraphs

# ------------------------------------------------------------------ reporting verbs and frames

VERBS = [
    pytest.param(
        "The mayor lamented that the town had lost its only bank.",
        "lamented",
        "the town had lost",
        id="lament",
    ),
    pytest.param(
        "Critics characterised the budget as a gamble.",
        "characterised",
        "the budget as a gamble",
        id="characterise",
    ),
    pytest.param(
        "Residents voiced concern over the new road.", "voiced", "concern over the new road", id="voice"
    ),
    pytest.param(
        "The guard recounted how the prisoners escaped.",
        "recounted",
        "how the prisoners escaped",
        id="recount",
    ),
    pytest.param(
        "Holt remembered that the river froze in 1963.",
        "remembered",
        "the river froze in 1963",
        id="remember",
    ),
    pytest.param("The union disputed that wages had risen.", "disputed", "wages had risen", id="dispute"),
    pytest.param(
        "The family begged the council to reopen the school.",
        "begged",
        "the council to reopen the school",
        id="beg",
    ),
    pytest.param(
        "Berg shared that she had been offered the post.",
        "shared",
        "she had been offered the post",
        id="share",
    ),
    pytest.param(
        "The minister stressed the need for calm.", "stressed", "the need for calm", id="stress-object"
    ),
    pytest.param(
        "The union challenged the figures in the report.",
        "challenged",
        "the figures in the report",
        id="challenge",
    ),
    pytest.param(
        "The mayor attributed the flooding to blocked drains.",
        "attributed",
        "the flooding to blocked drains",
        id="attribute",
    ),
    pytest.param(
        "The minister emphasised the need for calm.",
        "emphasised",
        "the need for calm",
        id="emphasise-object",
    ),
    pytest.param(
        "Berg cautioned against reading too much into the poll.",
        "cautioned",
        "reading too much into the poll",
        id="caution-against",
    ),
    pytest.param(
        "Holt described how the water rose within minutes.",
        "described",
        "how the water rose within minutes",
        id="describe-how",
    ),
    pytest.param(
        "Farmers worried about the cost of feed.",
        "worried",
        "the cost of feed",
        id="worried-about",
    ),
    pytest.param(
        "The group has decried the cuts as a betrayal of patients.",
        "decried",
        "a betrayal of patients",
        id="decry-as",
    ),
    pytest.param(
        "The charity has advocated for free school meals.",
        "advocated",
        "free school meals",
        id="advocate-for",
    ),
    pytest.param(
        "The family appealed for help in finding their son.",
        "appealed",
        "help in finding their son",
        id="appeal-for",
    ),
    pytest.param(
        "The minister assured farmers that the subsidy would stay.",
        "assured",
        "the subsidy would stay",
        id="assure",
    ),
    pytest.param(
        "Holt reminded voters that the tax had been cut twice.",
        "reminded",
        "the tax had been cut twice",
        id="remind",
    ),
    pytest.param(
        "Several councillors echoed her concerns about the bridge.",
        "echoed",
        "her concerns about the bridge",
        id="echo",
    ),
    pytest.param(
        'The candidate proclaimed a goal of "jobs for all".', "proclaimed", "a goal of", id="proclaim"
    ),
    pytest.param(
        "Microsoft pledged that the game would stay on rival consoles.",
        "pledged",
        "the game would stay",
        id="pledge-that",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), VERBS)
def test_reporting_verbs(nlp, text, cue, content):
    quote = only_quote(nlp, text)
    assert quote["cue"] == cue
    assert content in quote["content"]


def test_a_statement_before_its_reporting_clause(nlp):
    text = "The mayor is staying in the race, her campaign chief Dana Reyes insisted on Friday."
    quote = only_quote(nlp, text)
    assert (quote["content"], quote["cue"]) == ("The mayor is staying in the race", "insisted")


def test_coordinated_reports_are_two_quotes(nlp):
    text = "Lund says the mayor promised to stay and said she would fight the plan."
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"]) for q in found] == [
        ("says", "the mayor promised to stay"),
        ("said", "she would fight the plan"),
    ]


def test_an_object_that_opens_with_a_quotation_ends_with_it(nlp):
    text = 'The group is calling for "urgent action" amid a slump in hiring.'
    quote = only_quote(nlp, text)
    assert (quote["kind"], quote["content"]) == ("direct", "urgent action")


def test_an_object_runs_on_past_commas_to_its_complement(nlp):
    text = "Police are urging anyone with information, or anyone who saw the van, to call them."
    assert only_quote(nlp, text)["content"].endswith("to call them")


# ------------------------------------------------------------------ quotation marks


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        pytest.param(
            "Berg added: \u2018I am not going anywhere.\u2019",
            ["I am not going anywhere."],
            id="curly-single",
        ),
        pytest.param("He didn\u2019t say \u2018yes\u2019.", ["yes"], id="apostrophe-is-no-mark"),
        pytest.param(
            "\u2018The workers\u2019 union is strong,\u2019 he said.",
            ["The workers\u2019 union is strong,"],
            id="plural-possessive",
        ),
        pytest.param(
            "''We are not going anywhere,'' he said.", ["We are not going anywhere,"], id="doubled-straight"
        ),
        pytest.param('"We are staying\u201d, she said.', ["We are staying"], id="straight-closed-by-curly"),
        pytest.param(
            "\"I dislike the term 'outreach,' \" he said.",
            ["I dislike the term 'outreach,' "],
            id="closing-after-a-single-mark-and-a-space",
        ),
    ],
)
def test_quotation_marks(text, quoted):
    found = find_quoted(text, line_paragraphs(text))
    assert [text[slice(*q.inner)] for q in found] == quoted


def test_curly_single_quotes_as_outer_marks(nlp):
    text = "Mayor Tom Berg added: \u2018I am not going anywhere. I love this town.\u2019"
    quote = only_quote(nlp, text)
    assert (quote["kind"], quote["content"], quote["speaker"]) == (
        "direct",
        "I am not going anywhere. I love this town.",
        "Tom Berg",
    )


# ------------------------------------------------------------------ cues beyond the verb


def test_noun_cue_with_its_holder(nlp):
    quote = only_quote(nlp, 'His remarks that "the fund is empty" caused alarm.')
    assert (quote["cue"], quote["source"]) == ("remarks", "His")
    assert "the fund is empty" in quote["content"]


def test_noun_cue_without_a_holder_is_no_quote(nlp):
    assert quotes_of(nlp, "The claim that the border is closed was false.") == []


def test_report_in_a_relative_clause(nlp):
    quote = only_quote(nlp, "The storm, which officials say destroyed 300 homes, moved north on Friday.")
    assert (quote["content"], quote["cue"], quote["source"]) == ("destroyed 300 homes", "say", "officials")


def test_according_to_inside_a_relative_clause(nlp):
    quote = only_quote(nlp, "Police raided firms which, according to auditors, were set up to hide money.")
    assert (quote["content"], quote["source"]) == ("were set up to hide money", "auditors")


def test_according_to_after_the_clause_it_sources(nlp):
    quote = only_quote(nlp, "Sales fell by half, according to the agency, with most shops closed in May.")
    assert quote["content"] == "Sales fell by half"


def test_quotation_after_a_narrative_clause_and_a_colon(nlp):
    text = 'Her neighbour takes up the tale: "The water came through the door in minutes."'
    quote = only_quote(nlp, text)
    assert (quote["kind"], quote["source"]) == ("direct", "Her neighbour")
    assert quote["content"] == "The water came through the door in minutes."


def test_a_sign_is_no_speaker(nlp):
    assert quotes_of(nlp, 'The sign on the door read: "Closed until further notice for repairs."') == []


def test_quotation_opening_a_sentence_with_a_long_reporting_clause(nlp):
    text = '"In many ways you won," Judge Corley told the lead attorney for the agency, James Weingarten.'
    quote = only_quote(nlp, text)
    assert (quote["content"], quote["cue"]) == ("In many ways you won", "told")


def test_a_floating_quote_after_a_narrative_paragraph(nlp):
    text = 'Coach Dana Reyes praised the squad after the match.\n\n"They never gave up, not for one second."'
    found = quotes_of(nlp, text)
    assert (found[-1]["content"], found[-1]["cue"], found[-1]["speaker"]) == (
        "They never gave up, not for one second.",
        None,
        "Dana Reyes",
    )


def test_asked_whether_is_one_quote(nlp):
    text = 'Asked whether she would resign, Mayor Lina Holt said: "I have no such plans."'
    assert [(q["content"], q["cue"]) for q in quotes_of(nlp, text)] == [("I have no such plans.", "said")]


# ------------------------------------------------------------------ speaker labels


def test_transcript_turns_after_an_opening_mark(nlp):
    text = (
        '"TAPPER: And obviously you are here today.\n\n"PENCE: Well, look, it is serious business.\n\n'
        "Mike Pence and Jake Tapper spoke for an hour."
    )
    found = quotes_of(nlp, text)
    assert [(q["content"], q["speaker"]) for q in found] == [
        ("And obviously you are here today.", "Jake Tapper"),
        ("Well, look, it is serious business.", "Mike Pence"),
    ]


def test_a_dateline_is_no_speaker_label(nlp):
    text = 'NEW YORK: The city\'s "green budget" is late again.\n\nThe mayor of New York did not comment.'
    assert quotes_of(nlp, text) == []


def test_a_statement_the_parser_took_for_an_adverbial_clause(nlp):
    quote = only_quote(nlp, "Lund said after the meeting he would not accept the offer.")
    assert quote["cue"] == "said" and quote["content"].endswith("he would not accept the offer")


def test_a_time_clause_is_no_statement(nlp):
    assert quotes_of(nlp, "He said it when he left the room.") == []


def test_a_second_speaker_in_a_coordinated_clause(nlp):
    text = "She said the plan would fail, and when pressed, the minister said it was a start."
    found = quotes_of(nlp, text)
    assert [(q["source"], q["content"]) for q in found] == [
        ("She", "the plan would fail"),
        ("the minister", "it was a start"),
    ]


def test_a_poll_share_in_a_coordinated_clause_stays_in_the_quote(nlp):
    text = "The report claimed men were more likely to be promoted, and eight in 10 men reported a sponsor."
    quote = only_quote(nlp, text)
    assert quote["content"].endswith("reported a sponsor")


def test_called_with_two_object_predicates(nlp):
    text = 'The two men traded insults for months. Cruz called Lund a "pathological liar" who is "amoral."'
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["kind"]) == ("called", "mixed")
    assert quote["content"].startswith('Lund a "pathological liar"')


def test_a_report_in_a_clause_after_a_preposition(nlp):
    text = 'The group is calling for "urgent action" amid what it has decried as a "stagnation" in hiring.'
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"]) for q in found] == [
        ("calling", "urgent action"),
        ("decried", 'a "stagnation" in hiring'),
    ]


def test_a_statement_whose_subject_hangs_from_its_auxiliary(nlp):
    text = 'Biden is "absolutely" staying in the race, the campaign chair Jen Dillon insisted on Friday.'
    found = quotes_of(nlp, text)
    assert (found[0]["cue"], found[0]["content"]) == ("insisted", 'Biden is "absolutely" staying in the race')


def test_coordinated_that_clauses_stay_in_the_content(nlp):
    quote = only_quote(nlp, "The minister warned that prices would rise, and that wages would not keep up.")
    assert quote["content"] == "that prices would rise, and that wages would not keep up"


def test_a_quotation_inside_the_content_does_not_end_it(nlp):
    quote = only_quote(nlp, 'Lund said the plan was "dead on arrival" and would be withdrawn.')
    assert (quote["kind"], quote["content"]) == (
        "mixed",
        'the plan was "dead on arrival" and would be withdrawn',
    )


def test_a_quoted_fragment_about_someone_continues_the_speaker(nlp):
    text = (
        '"We found her in the park," Officer Dana Reyes said.\n\n'
        'She had been "sleeping rough" for weeks when the storm hit.'
    )
    fragment = quotes_of(nlp, text)[-1]
    assert (fragment["kind"], fragment["cue"], fragment["speaker"]) == ("mixed", None, "Dana Reyes")
    assert '"sleeping rough"' in fragment["content"]


def test_a_scare_quote_about_a_thing_is_no_quote(nlp):
    text = '"The budget is late," Mayor Lina Holt said.\n\nThe city\'s "green budget" has been delayed twice.'
    assert len(quotes_of(nlp, text)) == 1


def test_according_to_first_gives_the_rest_without_its_comma(nlp):
    quote = only_quote(nlp, "According to the agency, sales fell by half in May.")
    assert quote["content"].startswith("sales fell by half")


def test_a_participle_of_speech_after_the_content_is_the_speakers_next_quote(nlp):
    text = "Mayor Lina Holt said the bridge would open in May, adding that the tolls would stay low."
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"], q["speaker"]) for q in found] == [
        ("said", "the bridge would open in May", "Lina Holt"),
        ("adding", "that the tolls would stay low", "Lina Holt"),
    ]


def test_a_participle_of_citing_after_the_content_is_the_speakers_next_quote(nlp):
    text = "Harbour officials said the ferry would stop running in June, citing the cost of fuel."
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"], q["source"]) for q in found] == [
        ("said", "the ferry would stop running in June", "Harbour officials"),
        ("citing", "the cost of fuel", "Harbour officials"),
    ]


def test_a_participle_of_speech_ending_a_deeper_clause_is_the_speakers_next_quote(nlp):
    text = (
        "A council adviser said Mayor Holt will have to choose whose side she is on, saying, "
        '"Sooner or later she has to pick a side."'
    )
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"], q["source"]) for q in found] == [
        ("said", "Mayor Holt will have to choose whose side she is on", "A council adviser"),
        ("saying", "Sooner or later she has to pick a side.", "A council adviser"),
    ]


def test_a_colon_after_the_verb_opens_its_quotation_whatever_follows(nlp):
    text = (
        'Growing louder as she went on, Mayor Lina Holt continued: "The worst flood in years? It came '
        'on our watch." She added that the town had learned its lesson.'
    )
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["content"]) for q in found] == [
        ("continued", "The worst flood in years? It came on our watch."),
        ("added", "that the town had learned its lesson"),
    ]


def test_a_quotation_closed_by_a_full_stop_then_a_bare_reporting_clause(nlp):
    text = '"Ferries will run again on Monday, whatever the weather." Mayor Lina Holt said.'
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["content"]) == (
        "said",
        "Ferries will run again on Monday, whatever the weather.",
    )


def test_a_participle_of_doing_after_the_content_stays_in_it(nlp):
    quote = only_quote(nlp, "Police said the men fled on foot, dropping the bags near the station.")
    assert quote["content"] == "the men fled on foot, dropping the bags near the station"


def test_an_object_runs_on_past_a_relative_clause_after_a_comma(nlp):
    text = "Detectives are urging anyone with information about the fire, or who saw the car, to call them."
    assert only_quote(nlp, text)["content"].endswith("or who saw the car, to call them")


def test_a_poll_finding_coordinated_with_the_reporting_verb_stays_in_the_quote(nlp):
    text = (
        "The survey found women were paid less than men, and six in 10 women said they had been passed over."
    )
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["content"]) == (
        "found",
        "women were paid less than men, and six in 10 women said they had been passed over",
    )


def test_a_reporting_verb_after_a_long_speaker_phrase(nlp):
    text = (
        '"She is a fine mayor. Not good, great. One of the best this town has had," '
        "Rep. Anna E. Lund (D-Md.) said in a phone interview."
    )
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["source"]) == ("said", "Rep. Anna E. Lund")
    assert quote["content"].startswith("She is a fine mayor.")


def test_a_signature_after_a_no_break_space(nlp):
    text = (
        "Readers wrote in.\n\n\u201cThe debate was a circus from start to finish.\u201d \u2015\u00a0Jane Doe"
    )
    quote = only_quote(nlp, text)
    assert (quote["content"], quote["source"]) == (
        "The debate was a circus from start to finish.",
        "Jane Doe",
    )


def test_a_chanted_quotation_is_a_quote_and_a_chanted_name_is_not(nlp):
    quote = only_quote(nlp, 'Protesters chanted "No more cuts" outside the town hall.')
    assert (quote["cue"], quote["content"], quote["source"]) == ("chanted", "No more cuts", "Protesters")
    assert quotes_of(nlp, "The crowd chanted his name.") == []


def test_a_reported_object_ends_before_the_writers_aside(nlp):
    quote = only_quote(nlp, "Critics questioned the health of Mayor Lina Holt, who is 81.")
    assert quote["content"] == "the health of Mayor Lina Holt"


def test_a_reported_clause_keeps_its_relative_clause(nlp):
    text = "Holt said that the council would sell the depot, which has stood empty for years."
    quote = only_quote(nlp, text)
    assert quote["content"].endswith("which has stood empty for years")


def test_called_on_someone_to_act_runs_on_to_the_infinitive(nlp):
    quote = only_quote(nlp, "The senator called on the mayor to resign and apologise.")
    assert (quote["cue"], quote["content"]) == ("called", "the mayor to resign and apologise")


def test_a_that_clause_the_parser_hung_from_the_addressee(nlp):
    text = "The mayor told a meeting of island leaders that few people understood the stakes."
    quote = only_quote(nlp, text)
    assert (quote["cue"], quote["content"]) == ("told", "that few people understood the stakes")


def test_a_noun_and_its_that_clause_stay_the_content(nlp):
    quote = only_quote(nlp, "The woman disputes the idea that she needed to be hospitalized.")
    assert quote["content"] == "the idea that she needed to be hospitalized"


def test_what_someone_called_something_is_their_quote(nlp):
    found = quotes_of(nlp, "The union denounced what its leader called an unfair deal for nurses.")
    assert [(q["cue"], q["content"]) for q in found] == [("called", "an unfair deal for nurses")]


def test_a_paragraph_without_marks_after_a_reporting_verb_and_a_colon(nlp):
    text = (
        "Lund criticised the council on Wednesday.\n\nThe governor added:\n\n"
        "It is typical of the council. It knows nothing, but it never stops talking.\n\n"
        "The day ended like this:\n\nThe crowd walked home along the river in the rain."
    )
    found = quotes_of(nlp, text)
    assert [(q["cue"], q["kind"], q["content"]) for q in found][1:] == [
        ("added", "direct", "It is typical of the council. It knows nothing, but it never stops talking.")
    ]


def test_named_the_victim_as_someone_is_a_quote_and_an_appointment_is_not(nlp):
    quote = only_quote(nlp, "Police named the victim as Tom Berg, 45, of Leeds.")
    assert (quote["cue"], quote["content"]) == ("named", "the victim as Tom Berg, 45, of Leeds")
    assert quotes_of(nlp, "The company named Anna Lund as its new chief executive.") == []


def test_a_reporting_verb_reports_the_nearest_clause_before_it(nlp):
    text = (
        "The statement also referenced the harm the cuts would do: "
        '"Our members have carried this service for ten years and deserve better," the union wrote.'
    )
    found = quotes_of(nlp, text)
    assert (found[-1]["cue"], found[-1]["content"]) == (
        "wrote",
        "Our members have carried this service for ten years and deserve better",
    )


def test_a_reporting_clause_after_a_quotation_is_not_a_later_verbs_content(nlp):
    text = (
        '"You winning?" she said, but Kevin was drifting off again, and as the count went on, '
        "Melanie said yes, yes, yes, over and over again."
    )
    found = quotes_of(nlp, text)
    assert ("said", "You winning?", "she") in [(q["cue"], q["content"], q["source"]) for q in found]
    assert not any(q["content"].startswith("she said") for q in found)


def test_a_reported_object_ends_before_when_and_where_it_was_said(nlp):
    quote = only_quote(nlp, "Mayor Lina Holt attacked the harbour plan during a council meeting.")
    assert quote["content"] == "the harbour plan"
    quote = only_quote(nlp, "The judge rejected that argument in a ruling released on Tuesday.")
    assert quote["content"] == "that argument"


def test_a_time_between_the_object_and_its_infinitive_stays_in_the_object(nlp):
    quote = only_quote(nlp, "Holt announced plans this week to give 15 million pounds to the harbour fund.")
    assert quote["content"] == "plans this week to give 15 million pounds to the harbour fund"


def test_a_setting_phrase_running_on_past_a_comma_stays_in_the_object(nlp):
    text = (
        "Berg expressed doubts about the scheme during the hearing, particularly about the harm to farmers."
    )
    quote = only_quote(nlp, text)
    assert quote["content"].endswith("the harm to farmers")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The council posted the mayor's remarks and a video of them on its website.",
            "the mayor's remarks and a video of them",
        ),
        ("Reyes praised the rangers during her time on the radio, which ended in 2019.", "the rangers"),
        ("Holt denounced the levy in a long tirade.", "the levy"),
        ("Holt described the ferry as a lifeline during a visit to the island.", "the ferry as a lifeline"),
        ("Holt criticised the closure of the plant in Leeds.", "the closure of the plant in Leeds"),
        (
            "Holt listed problems that she blamed on the policies of the board.",
            "problems that she blamed on the policies of the board",
        ),
    ],
)
def test_a_reported_object_ends_before_the_medium_it_was_said_in(nlp, text, content):
    assert only_quote(nlp, text)["content"] == content


def test_a_reported_object_ends_before_the_clause_telling_when_it_was_said(nlp):
    text = "Few people would have described Holt as a green campaigner when she ran for mayor in 2008."
    assert only_quote(nlp, text)["content"] == "Holt as a green campaigner"
    text = "The council urged residents to stay indoors until the storm passed."
    assert only_quote(nlp, text)["content"] == "residents to stay indoors until the storm passed"


def test_an_object_runs_on_past_a_quotation_to_what_it_is_called(nlp):
    text = "Holt called the ferry deal ''a great example'' of how things had gone wrong."
    assert (
        only_quote(nlp, text)["content"] == "the ferry deal ''a great example'' of how things had gone wrong"
    )
    text = "The audit cited a 2019 memo by the council, a public body, as proof of the cover-up."
    assert only_quote(nlp, text)["content"].endswith("as proof of the cover-up")


def test_a_clause_joined_to_the_report_in_its_tense_is_part_of_it(nlp):
    text = (
        "The council announced it will close the depot in May, and the staff will move to the harbour office."
    )
    assert only_quote(nlp, text)["content"].endswith("the staff will move to the harbour office")
    text = "Holt said it was too early to name a cause, and there was no sign of foul play."
    assert only_quote(nlp, text)["content"].endswith("there was no sign of foul play")


def test_a_clause_joined_to_the_report_with_a_modal_of_its_own_is_part_of_it(nlp):
    text = "The board said it had doubts about the plan, but could not find a buyer."
    assert only_quote(nlp, text)["content"] == "it had doubts about the plan, but could not find a buyer"


def test_a_joined_verb_that_reports_nothing_does_not_cut_the_clause(nlp):
    text = (
        "The agency says the levy would cut revenue at first, but would add 5 million pounds over ten years."
    )
    assert only_quote(nlp, text)["content"].endswith("but would add 5 million pounds over ten years")
    found = quotes_of(nlp, "Berg says Holt promised to stay and said she would fight.")
    assert [q["content"] for q in found] == ["Holt promised to stay", "she would fight"]


def test_content_runs_on_past_a_quoted_fragments_closing_mark(nlp):
    text = "Reyes criticised the bank’s relentless drive to “up-sell” or make savers open several accounts."
    assert only_quote(nlp, text)["content"].endswith("or make savers open several accounts")


def test_content_stops_at_a_closing_mark_before_a_new_report_or_the_story(nlp):
    found = quotes_of(nlp, "Holt called the levy “unfair,” but agreed to pay it.")
    assert found[0]["content"] == "the levy “unfair"
    found = quotes_of(nlp, "Holt said the levy was “unfair,” but the council disagreed.")
    assert [q["content"] for q in found] == ["the levy was “unfair"]
    text = (
        "The fact checkers found that the claim was “true,” but they could not resist pointing out"
        " that few shootings were fatal."
    )
    assert [q["content"] for q in quotes_of(nlp, text)] == [
        "that the claim was “true",
        "that few shootings were fatal",
    ]


def test_content_starts_after_a_linking_phrase_and_its_comma(nlp):
    quote = only_quote(nlp, "In fact, the levy would cost every family 300 pounds, according to the council.")
    assert quote["content"] == "the levy would cost every family 300 pounds"
    quote = only_quote(nlp, '"In fact, we lost money," Holt said.')
    assert quote["content"] == "In fact, we lost money"


def test_content_runs_on_past_a_colon_to_what_it_announces(nlp):
    text = (
        "The report notes that three things are happening at once: prices are rising and rents are falling."
    )
    assert only_quote(nlp, text)["content"].endswith("prices are rising and rents are falling")
    quote = only_quote(nlp, 'Holt said she has the quality the job needs: "steadiness and strength."')
    assert quote["content"].startswith("she has the quality the job needs")
    assert quote["content"].endswith("steadiness and strength.")


def test_a_second_that_clause_inside_the_report_stays_in_it(nlp):
    text = "Reyes said she accepted the apology and that she wanted to move on."
    assert only_quote(nlp, text)["content"] == "she accepted the apology and that she wanted to move on"


def test_a_clause_joined_to_the_report_that_tells_the_story_is_not(nlp):
    quote = only_quote(nlp, "Holt said the depot would close, and Reyes disagreed.")
    assert quote["content"] == "the depot would close"


def test_reported_content_ends_before_the_writers_gloss_on_a_name(nlp):
    quote = only_quote(nlp, "Holt said she would not back Dana Reyes, the harbour board's chair.")
    assert quote["content"] == "she would not back Dana Reyes"
    quote = only_quote(nlp, "Holt said the storm hit Leeds, Yorkshire.")
    assert quote["content"] == "the storm hit Leeds, Yorkshire"


def test_examples_after_a_reported_object_are_part_of_it(nlp):
    quote = only_quote(nlp, "The minister condemned the cuts, including the closure of the Leeds depot.")
    assert quote["content"] == "the cuts, including the closure of the Leeds depot"
    quote = only_quote(nlp, "Holt spoke about housing, particularly in the coastal towns.")
    assert quote["content"] == "housing, particularly in the coastal towns"


def test_what_was_said_runs_on_over_objects_coordinated_with_the_verb(nlp):
    quote = only_quote(nlp, "The council agreed to close the depot, sell the land and build homes.")
    assert quote["content"] == "to close the depot, sell the land and build homes"
    quote = only_quote(nlp, "Holt spoke about the legacy of the mill, and how the town recovered.")
    assert quote["content"] == "the legacy of the mill, and how the town recovered"
    quote = only_quote(nlp, "Holt promised to repeal the levy and left the room.")
    assert quote["content"] == "to repeal the levy"


def test_what_was_said_never_opens_with_the_colon_that_announced_it(nlp):
    quote = only_quote(nlp, "Holt had one message: the council must act, she said.")
    assert quote["content"] == "the council must act"
