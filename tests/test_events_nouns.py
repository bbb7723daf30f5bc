"""Events named by nouns: which nouns are events, and the time they take."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from test_events import analysed, event_of, named_events

from whosaidwhat.nlp.event_nouns import stranded_partners, stray_its


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind"),
    [
        ("Ann Hale wrote in an op-ed in the Leeds Courier on Monday.", "op-ed", "publish"),
        ("Acme Corp filed a lawsuit against Bolt Industries on Monday.", "lawsuit", "sue"),
        ("Ann Hale spoke about the challenges of the job on Monday.", "challenges", None),
        (
            "Acme Corp's nomination of Ann Hale for the board was announced on Monday.",
            "nomination",
            "nominate",
        ),
        ("The war in Ruritania ended in 2020.", "war", "war"),
        ("Police are on the hunt for Tom Hart in Leeds.", "hunt", "search"),
        ("Acme Corp is fighting to protect its business in Leeds.", "fighting", None),
        ("A powerful earthquake struck Ruritania on Monday.", "earthquake", "quake"),
        ("Tourism in Leeds has boomed since the end of World War II.", "end", "end"),
        ("Ann Hale cried at the end of her song in Leeds.", "end", None),  # an end of nothing named
        ("Ann Hale was born in Leeds at the end of World War II.", "end", None),  # a moment, not the ending
    ],
)
def test_a_noun_naming_an_occurrence_is_an_event_of_its_type_and_a_difficulty_is_none(
    nlp, sentence, trigger, kind
):
    found = [e for e in named_events(analysed(nlp, [sentence])) if trigger in e["trigger"]]
    assert [e["type"] for e in found] == ([kind] if kind else [])


def test_a_match_named_with_its_day_takes_the_day_not_the_clause_it_hangs_from(nlp):
    doc = analysed(
        nlp,
        ["Norway are preparing to face Denmark, with the hosts gripped by fever ahead of Saturday's clash."],
    )
    assert event_of(doc, "clash")["when"] == "2024-10-05"
    assert not [e for e in named_events(doc) if e["trigger"] == "gripped"]


def test_a_match_verb_takes_the_day_of_the_match_its_sentence_dates(nlp):
    doc = analysed(
        nlp,
        [
            "Norway are preparing to face Denmark, with fans gripped by fever ahead of Saturday's clash.",
            "Sweden are preparing to face Finland, with fans gripped by fever ahead of Sunday's election.",
        ],
    )
    faced = [e for e in named_events(doc) if e["trigger"] == "face"]
    assert [e["when"] for e in faced] == ["2024-10-05", None]


def test_a_harm_verb_takes_the_day_of_the_attack_its_sentence_dates_unless_it_came_after_it(nlp):
    doc = analysed(
        nlp,
        [
            "The Leeds grandmother brutally beaten inside her own home has spoken for the first time,"
            " five days after the horrific attack.",
            "Tom Hart was beaten in Leeds after Saturday's attack on his brother.",
        ],
    )
    beaten = [e for e in named_events(doc) if e["trigger"] == "beaten"]
    assert [e["when"] for e in beaten] == ["2024-09-28", None]


def test_an_event_noun_after_a_preposition_carries_on_the_story_day(nlp):
    doc = analysed(
        nlp,
        [
            "On Friday, four more lawmakers urged Tom Hart to stand down.",
            '"He cannot win," Ann Hale wrote in an op-ed.',
        ],
    )
    assert event_of(doc, "op-ed")["when"] == "2024-09-27"


def test_a_present_verb_of_thinking_telling_the_past_does_not_interrupt_the_story(nlp):
    doc = analysed(
        nlp,
        [
            "The body of a man was found at the town dump on Monday morning.",
            "Police suspect the man was killed elsewhere. The weather was cold.",
            "Officers drove Ann Hale to the station in Leeds.",
        ],
    )
    assert event_of(doc, "drove")["when"] == "2024-09-30"


def test_an_its_the_parser_hung_elsewhere_still_owns_the_noun_after_its_modifiers(nlp):
    # "its" read as the object of "block" and "looming" as a verb taking the takeover
    words = ["to", "block", "its", "looming", "$", "5", "billion", "takeover"]
    heads = [1, 1, 1, 1, 6, 6, 7, 3]
    deps = ["aux", "ROOT", "dobj", "advcl", "quantmod", "compound", "nummod", "dobj"]
    tags = ["TO", "VB", "PRP$", "VBG", "$", "CD", "CD", "NN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert stray_its(doc[7]).i == 2
    plain = Doc(
        nlp.vocab,
        words=["block", "the", "looming", "takeover"],
        heads=[0, 3, 3, 0],
        deps=["ROOT", "det", "amod", "dobj"],
        tags=["VB", "DT", "VBG", "NN"],
    )
    assert stray_its(plain[3]) is None


def test_the_of_phrase_of_an_act_done_to_someone_names_its_target(nlp):
    doc = analysed(nlp, ["Soon after the murder of Tom Hart in Leeds, Ann Hale called for calm."])
    murder = event_of(doc, "murder")
    assert (murder["type"], murder["who"], murder["whom"]) == ("murder", [], ["Tom Hart"])


def test_an_act_naming_the_case_brought_over_it_is_an_event_done_to_the_names_before_it(nlp):
    doc = analysed(
        nlp, ["Tom Hart was arrested on Monday.", "He was remanded in custody in the Ann Lee murder case."]
    )  # the murder came before the story of the case
    murder = event_of(doc, "murder")
    assert (murder["type"], murder["whom"], murder["when"]) == ("murder", ["Ann Lee"], None)
    doc = analysed(nlp, ["The judge adjourned the tax case on Monday."])
    assert "tax" not in {e["trigger"] for e in named_events(doc)}


def test_an_op_ed_hung_on_the_object_is_written_by_the_subject(nlp):
    # the parser hangs "in an op-ed" on "nature", the object of "stressed"
    doc = analysed(nlp, ["The Acme Corp leadership stressed the tentative nature of the plan in an op-ed."])
    assert event_of(doc, "op-ed")["who"] == ["Acme Corp"]
    # not a document of one's own: the lawsuit is not Acme Corp's for opposing a request in it
    doc = analysed(nlp, ["Acme Corp opposed a request in a civil lawsuit on Monday."])
    assert all(e["who"] != ["Acme Corp"] for e in named_events(doc) if e["trigger"] == "lawsuit")


def test_the_sides_of_a_between_phrase_hung_after_an_event_noun_are_its_partners():
    # "building to a war in Ruritania between Otto and Carl", with "between" hung on the verb
    # or on the place, as parses of a real review had it
    words = ["pages", "building", "to", "a", "war", "in", "Ruritania", "between", "Otto", "and", "Carl"]
    deps = ["ROOT", "acl", "prep", "det", "pobj", "prep", "pobj", "prep", "pobj", "cc", "conj"]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN"]
    vocab = spacy.blank("en").vocab
    on_verb = Doc(vocab, words=words, heads=[0, 0, 1, 4, 2, 4, 5, 1, 7, 8, 8], deps=deps, pos=pos)
    assert [t.text for t in stranded_partners(on_verb[4])] == ["Otto"]
    on_place = Doc(vocab, words=words, heads=[0, 0, 1, 4, 2, 4, 5, 6, 7, 8, 8], deps=deps, pos=pos)
    assert [t.text for t in stranded_partners(on_place[4])] == ["Otto"]
    before = ["choosing", "between", "Otto", "and", "Carl", "in", "a", "war"]
    doc = Doc(
        vocab,
        words=before,
        heads=[0, 0, 1, 2, 2, 0, 7, 5],
        deps=["ROOT", "prep", "pobj", "cc", "conj", "prep", "det", "pobj"],
        pos=["VERB", "ADP", "PROPN", "CCONJ", "PROPN", "ADP", "DET", "NOUN"],
    )
    assert stranded_partners(doc[7]) == []
