"""Agents named by a description instead of their name (:mod:`~whosaidwhat.nlp.event_parts`).

* National teams by the names sports writers give them: "the Lionesses" beat Colombia, so
  England did. The nicknames and the countries they stand for are in
  ``resources/team_nicknames.tsv``; a team acts as the country's entity, when the article names
  that country.
* A person by their age: "The 76-year-old opened the door" is the person named last, in that
  sentence or the one before.
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import mapping
from whosaidwhat.nlp.mentions import MentionIndex

#: Nickname (lower case) -> the country names it may stand for, in order.
TEAM_NICKNAMES = {
    nickname.lower(): tuple(countries.split("/"))
    for nickname, countries in mapping("team_nicknames.tsv").items()
}


def team_country(head: Token, mentions: MentionIndex) -> str | None:
    """The country entity a team nickname headed by ``head`` stands for ("the All Blacks"), or None."""
    before = [c for c in head.children if c.dep_ in ("compound", "amod", "det") and c.i < head.i]
    for words in ([*before, head], [head]):
        name = " ".join(t.text for t in words if t.lower_ != "the").lower()
        if name in TEAM_NICKNAMES:
            return mentions.first_named(TEAM_NICKNAMES[name])
    return None


def described_by_age(head: Token, mentions: MentionIndex) -> str | None:
    """The person "the 76-year-old" stands for: the one named last, in the same sentence or the one
    before (news names someone, then calls them by their age); None for any other phrase."""
    ages = [c for c in head.children if c.dep_ == "npadvmod" and c.lemma_.lower() == "year"]
    if head.lower_ != "old" or not ages or not any(c.lower_ == "the" for c in head.children):
        return None
    sentence = head.sent
    previous = head.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    people = [
        m for m in mentions.before(head.left_edge.idx) if m[3] == "PERSON" and m[0] >= previous.start_char
    ]
    return people[-1][2] if people else None
