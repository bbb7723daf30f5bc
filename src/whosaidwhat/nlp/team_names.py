"""National teams by the names sports writers give them: "the Lionesses" beat Colombia, so England did.

The nicknames and the countries they stand for are in ``resources/team_nicknames.tsv``; a team
acts as the country's entity, when the article names that country.
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
