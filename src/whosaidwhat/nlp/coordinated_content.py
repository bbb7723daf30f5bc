"""What a report's content runs on to past its first clause: clauses joined to it.

"warned that prices would rise, *and that wages would not keep up*": a second "that" clause,
a poll's finding, or a clause that keeps the reported tense belongs to what was said; a
clause that tells the story ("*and Reyes disagreed*") does not. Used by
:mod:`~whosaidwhat.nlp.cues` when it bounds a reported clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder
from whosaidwhat.nlp.reported_objects import clause_bounds, governs_content
from whosaidwhat.nlp.speech_frames import is_survey_share
from whosaidwhat.nlp.syntax import SUBJECT_DEPS

#: Dependencies of a clause that a verb reports.
CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
#: Auxiliaries of a clause that tells what someone said would happen ("*will* open", "*would* close").
FUTURE_AUXILIARIES = frozenset({"will", "would", "'ll", "wo"})


def opens_with_that(clause: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in clause.children)


def has_own_subject(clause: Token) -> bool:
    """A subject of the clause's verb, or of its auxiliary ("*Biden* is staying" may come parsed so)."""
    auxiliaries = [child for child in clause.children if child.dep_ in ("aux", "auxpass")]
    return any(
        token.dep_ in ("nsubj", "nsubjpass") for head in (clause, *auxiliaries) for token in head.children
    )


def with_coordinated_clauses(finder: QuoteFinder, clause: Token, bounds: Bounds) -> Bounds:
    """ "warned that prices would rise, *and that wages would not keep up*": a second "that"
    clause the parser hung from the verb belongs to the content, and so does a poll's finding
    ("claimed men were more likely to be promoted, *and eight in 10 men reported a sponsor*")."""
    end = bounds[1]
    for sibling in clause.head.rights:
        if sibling.i <= clause.i or sibling.dep_ in ("punct", "cc"):
            continue
        if sibling.dep_ not in ("conj", "ccomp") or not (
            opens_with_that(sibling) or _is_poll_finding(sibling) or _goes_on_reporting(finder, sibling)
        ):
            break
        end = clause_bounds(finder, sibling)[1]
    return (bounds[0], end) if end > bounds[1] else bounds


def _goes_on_reporting(finder: QuoteFinder, conjunct: Token) -> bool:
    """A clause joined to the reporting verb that keeps the reported tense: "said it would cut jobs,
    *but would add staff later*", "announced it will hire staff, *and the work will start soon*",
    "said it was too early, *and there was no evidence*", "said it had doubts, *but could not find
    a buyer*" (not "*and Clinton disagreed*", nor a clause reporting something else: "*but they
    could not resist pointing out* ...")."""
    if (
        conjunct.dep_ != "conj"
        or conjunct.tag_ == "VBG"
        or any(reports_something(finder, token) for token in conjunct.subtree)
    ):
        return False
    if conjunct.lemma_ == "be" and any(child.dep_ == "expl" for child in conjunct.children):
        return True
    if has_own_subject(conjunct):
        return any(child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES for child in conjunct.children)
    # "said it had doubts, *but could not* ...": a modal the reporting verb lacks is the report's
    return any(child.tag_ == "MD" for child in conjunct.children) and not any(
        child.tag_ == "MD" for child in conjunct.head.children
    )


def reports_something(finder: QuoteFinder, verb: Token) -> bool:
    """A reporting verb with what it reports: "*said* that ...", not "would *add* $84 billion"."""
    if not finder.is_reporting_verb(verb):
        return False
    frames = finder.settings.reporting_verbs[verb.lemma_]
    return any(child.dep_ in CLAUSE_DEPS or governs_content(child, frames) for child in verb.children)


def _is_poll_finding(verb: Token) -> bool:
    """A clause whose subject is a share of those asked: "*eight in 10 men* reported ..."."""
    subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
    return subject is not None and is_survey_share(subject)
