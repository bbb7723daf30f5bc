"""Agents named by a description instead of their name (:mod:`~whosaidwhat.nlp.event_parts`).

* National teams by the names sports writers give them: "the Lionesses" beat Colombia, so
  England did. The nicknames and the countries they stand for are in
  ``resources/team_nicknames.tsv``; a team acts as the country's entity, when the article names
  that country. "A second-string side" in a clause joined to one about a team is that team.
* A channel by the programme it shows: "will be shown on BBC One" (``resources/broadcast_verbs.txt``).
* A person by their age: "The 76-year-old opened the door" is the person named last, in that
  sentence or the one before.
* A group by its count: "the two candidates" are the last two of that kind named
  (``resources/group_nouns.tsv``).
* A subject the parser hung elsewhere: "said on Friday its CEO, David Klein, will retire", where
  "its CEO" was read as an apposition of "Friday", leaving "will retire" without a subject: the
  phrase just before the verb is its subject.
* An organisation by the last word of its name: "The Police responded" when the only
  organisation the article names with that last word is "Swakopmund Police", before or after.
* "they" by the subject of the clause it is reported in or hangs from: a plural one ("Both
  companies argued that they ..."), or a team, company or country named in the singular, which
  news writes as plural ("Portugal know the pressure is on as they face Slovenia").
* A participle in the perfect ending a sentence by the main clause's subject, though the parser
  hung it on the adverbial clause before it ("Slovenia will be watching as Portugal struggled,
  having handed them a defeat in March").
* The doer of an act someone is kept from, by the object of the verb of keeping: "stop *Meta*
  from taking over a company".
* The doer of a participle right after "with" and a noun, which the parser hung on the clause
  instead of the noun: "the series ends with *Ann Hale* salvaging her ship".
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import mapping, number_words, table
from whosaidwhat.nlp.mentions import MentionIndex
from whosaidwhat.nlp.org_names import BROADCAST_VERBS

#: Nickname (lower case) -> the country names it may stand for, in order.
TEAM_NICKNAMES = {
    nickname.lower(): tuple(countries.split("/"))
    for nickname, countries in mapping("team_nicknames.tsv").items()
}
#: The last words of the nicknames: a phrase whose head is none of them names no team.
NICKNAME_HEADS = frozenset(nickname.split()[-1] for nickname in TEAM_NICKNAMES)
#: Nouns naming a group of people, organisations or places the article has named (``group_nouns.tsv``).
GROUP_NOUNS = {noun: frozenset(kinds.split("/")) for noun, kinds in table("group_nouns.tsv", 2)}
#: Verbs of keeping someone from an act ("stop Meta from taking over"), whose object does the act.
PREVENTING_VERBS = frozenset({"stop", "prevent", "block", "bar", "ban", "prohibit", "keep"})
#: Named entities written in the singular that "they" stands for: teams, companies, countries.
COLLECTIVE_TYPES = frozenset({"ORG", "GPE", "NORP"})
#: Nouns for one team, which a clause joined to one about a team uses for it ("a second-string side").
TEAM_NOUNS = frozenset({"side", "team", "squad", "outfit"})
#: Words making a team noun another team than the one just named: "the other side", "the home side".
OTHER_SIDE_WORDS = frozenset({"other", "opposing", "home", "away", "visiting", "host", "rival"})
#: How many a group phrase counts: "the two", "all three", "both".
COUNTS = {word: int(value) for word, value in number_words("cardinal").items() if 2 <= value <= 10} | {
    "both": 2
}


def team_country(head: Token, mentions: MentionIndex) -> str | None:
    """The country entity a team nickname headed by ``head`` stands for ("the All Blacks"), or None."""
    if head.lower_ not in NICKNAME_HEADS:
        return None
    before = [c for c in head.children if c.dep_ in ("compound", "amod", "det") and c.i < head.i]
    for phrase in ([*before, head], [head]):
        name = " ".join(t.text for t in phrase if t.lower_ != "the").lower()
        if name in TEAM_NICKNAMES:
            return mentions.first_named(TEAM_NICKNAMES[name])
    return None


def team_by_side(head: Token, mentions: MentionIndex) -> str | None:
    """The team "a second-string side" stands for in a clause joined to one about a team: "Selecao
    looked strong, but *a second-string side* fell to defeat" (not "the other side", "the home
    side", which may be the opponent)."""
    verb = head.head
    if (
        head.lemma_.lower() not in TEAM_NOUNS
        or head.tag_ != "NN"
        or head.dep_ != "nsubj"
        or verb.dep_ != "conj"
    ):
        return None
    if any(c.lower_ in OTHER_SIDE_WORDS for c in head.children):
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    named = [
        m for m in mentions.overlapping(subject.idx, subject.idx + len(subject)) if m[3] in COLLECTIVE_TYPES
    ]
    return team_country(subject, mentions) or (named[0][2] if named else None)


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


def reporting_subject(pronoun: Token, mentions: MentionIndex) -> Token | None:
    """The subject "they" stands for, up the clauses it hangs from: a plural one ("Both companies
    argued that the deal *they* signed ...", "Ann Lee and Tom Hart said they would appeal") or a
    named team, company or country; None when there is none (a singular common noun on the way,
    "the deal", cannot be "they": the walk goes on past it)."""
    if pronoun.lower_ != "they":
        return None
    clause = pronoun.head
    while clause.head.i != clause.i:
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        if subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children):
            return subject
        kinds = {m[3] for m in mentions.overlapping(subject.idx, subject.idx + len(subject))}
        if kinds and kinds <= COLLECTIVE_TYPES:  # "Portugal will know ... as they face Slovenia"
            return subject
    return None


def group_members(head: Token, mentions: MentionIndex) -> list[str]:
    """The entities last named before "the two candidates", "both teams": as many as the phrase
    counts, of the kind ``resources/group_nouns.tsv`` gives the noun; none unless all are found."""
    kinds = GROUP_NOUNS.get(head.lemma_.lower())
    if kinds is None or head.tag_ != "NNS":
        return []
    counts = [
        COUNTS.get(c.lower_) for c in head.children if c.dep_ in ("nummod", "det", "predet", "quantmod")
    ]
    count = next((n for n in counts if n), None)
    if count is None:
        return []
    members: list[str] = []
    for _, _, entity_id, entity_kind in reversed(mentions.before(head.idx)):
        if entity_kind in kinds and entity_id not in members:
            members.append(entity_id)
            if len(members) == count:
                return members[::-1]
    return []


def stranded_subject(verb: Token) -> Token | None:
    """The phrase right before a finite verb the parser left without a subject ("said on Friday
    its CEO, David Klein, *will retire*"): its last noun, if the parser hung it from another word as
    an apposition; None for any verb with a subject of its own or
    sharing one (a conjoined verb, a participle, an imperative)."""
    children = list(verb.children)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in children)
    if verb.dep_ not in ("ccomp", "ROOT") or not finite:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children):
        return None
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    while before is not None and before.is_punct and before.i > 0:
        before = verb.doc[before.i - 1]
    if before is None or before.pos_ not in ("PROPN", "NOUN") or before.dep_ != "appos":
        return None
    return before


def organisation_by_last_word(head: Token, mentions: MentionIndex) -> str | None:
    """The one organisation of the article whose name of two words or more ends in the capitalised
    word "the" puts before ``head`` ("the Police": "Swakopmund Police"), with the words that
    modify it ("the Appeals Court" is not "Supreme Court"); None when none or several do, or for
    any other phrase."""
    if head.pos_ not in ("NOUN", "PROPN") or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ):
        return None
    if not head.text[0].isupper():
        return None  # "the research" is no "Institute for Research", "the court" maybe another court
    modifiers = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod")}
    found = set()
    for start, end, entity_id, kind in mentions.mentions:
        name = mentions.text[start:end].lower().split()
        if kind == "ORG" and len(name) > 1 and name[-1] == head.lower_ and modifiers <= set(name):
            found.add(entity_id)
    return found.pop() if len(found) == 1 else None


def prevented_actor(gerund: Token) -> Token | None:
    """Who was to do what a verb of preventing is about: "stop *Meta* from taking over a company",
    an act planned, so on the timeline when typed; None for any other gerund."""
    preposition = gerund.head
    if gerund.dep_ != "pcomp" or preposition.lower_ != "from" or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    if verb.lemma_.lower() not in PREVENTING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def perfect_participle_subject(verb: Token) -> Token | None:
    """The subject of the main clause for a participle in the perfect that the parser hung on an
    adverbial clause before it: "Slovenia will be watching as Portugal struggled, *having* also
    handed them a defeat" (Slovenia handed it); None for any other verb."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children):
        return None
    clause = verb.head
    if (
        clause.dep_ != "advcl"
        or not any(c.dep_ == "mark" for c in clause.children)
        or clause.head.i == clause.i
    ):
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def with_subject(verb: Token) -> Token | None:
    """The noun after "with" that a participle right after it acts for, when the parser made the
    participle an adverbial clause of the verb "with" hangs from: "ends with *Ann Hale* (played
    by Jo Bell) salvaging her ship"; None for any other verb, and for one set off by a comma
    ("ended with a win, beating Spain": the clause's subject acts)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_ == "nsubj" for c in verb.children):
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < verb.i:
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN") and noun.right_edge.i + 1 == verb.i:
                    return noun
    return None
