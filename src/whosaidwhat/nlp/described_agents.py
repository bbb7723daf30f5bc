"""Agents named by a description instead of their name (:mod:`~whosaidwhat.nlp.event_parts`).

* National teams by the names sports writers give them: "the Lionesses" beat Colombia, so
  England did. The nicknames and the countries they stand for are in
  ``resources/team_nicknames.tsv``; a team acts as the country's entity, when the article names
  that country.
* A channel by the programme it shows: "will be shown on BBC One" (``resources/broadcast_verbs.txt``).
* A person by their age: "The 76-year-old opened the door" is the person named last, in that
  sentence or the one before.
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import mapping, words
from whosaidwhat.nlp.mentions import MentionIndex

#: Verbs of showing a programme, whose channel ("on BBC One") is who shows it (``broadcast_verbs.txt``).
BROADCAST_VERBS = words("broadcast_verbs.txt")
#: Nickname (lower case) -> the country names it may stand for, in order.
TEAM_NICKNAMES = {
    nickname.lower(): tuple(countries.split("/"))
    for nickname, countries in mapping("team_nicknames.tsv").items()
}


def team_country(head: Token, mentions: MentionIndex) -> str | None:
    """The country entity a team nickname headed by ``head`` stands for ("the All Blacks"), or None."""
    before = [c for c in head.children if c.dep_ in ("compound", "amod", "det") and c.i < head.i]
    for phrase in ([*before, head], [head]):
        name = " ".join(t.text for t in phrase if t.lower_ != "the").lower()
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


def broadcasters(verb: Token, mentions: MentionIndex) -> list[str]:
    """The organisations a programme is shown "on": "will be shown on BBC One", "streaming on Hulu";
    none for a verb that shows no programme."""
    if verb.lemma_.lower() not in BROADCAST_VERBS:
        return []
    objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children]
    ids: list[str] = []
    for obj in objects:
        for _, _, entity_id, kind in mentions.overlapping(obj.left_edge.idx, obj.idx + len(obj)):
            if kind == "ORG" and entity_id not in ids:
                ids.append(entity_id)
    return ids
