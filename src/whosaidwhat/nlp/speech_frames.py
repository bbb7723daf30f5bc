"""Whether a reporting verb's clause reports what someone said (:mod:`~whosaidwhat.nlp.cues`).

A verb that can report speech does not always do so. These readings of the parse tell the
report from the rest:

* nobody speaks in an agentless passive or an impersonal clause: "The deficit *is
  expected* to grow", "Darshan *is said* to have known him", "*It has been revealed* that";
* a poll's share speaks for nobody: "About *4 in 10 residents* say that ...";
* the one asked is not the one who asks: "*Asked* whether she would resign, Holt said ...";
* the writer is no source: "*I* believe", "*we* see", "*you* know" outside quotation marks
  (but what the writer once said, in quotation marks after a verb of speech, is a quote:
  "*I* laughed and said, \"...\"");
* a verb of doing that reports speech only when it is done ("declared", "showed",
  "offered") is no report under a modal, after a preposition or as an infinitive:
  "Councillors *must declare* gifts", "*by offering* access" (but one reporting a topic is
  done after a preposition too: "began *by talking about* the crisis");
* a verb with nobody to do it reports nothing: an imperative ("*ask* yourself whether ..."),
  a gerund with no subject ("cooperating and *finding* what we share is ...") or an
  infinitive describing a noun ("three ways *to seek* enforcement");
* a refusal or a denial of speech says nothing: "*declined to comment*", "*did not say*
  whether", "*did not respond*";
* nor is any reporting verb as the infinitive of what someone needs, wants or declines to
  do: "*needs to explain* why", "*declined to say*";
* "appear" and "seem" say how things look, unless a report follows: "*appeared to blame* the
  workers";
* pictures do not speak: "Video *footage* showed a van marked ..." (``resources/mute_nouns.txt``);
* a thinking, perceiving or wanting verb (``resources/thinking_verbs.txt``) reports a
  belief, which news counts as said only when its holder speaks elsewhere in the article:
  :func:`is_belief` marks such quotes, and the quotes component keeps them afterwards only
  for a speaker it quotes otherwise;
* a participle inside a noun phrase ("*the reported* talks") and a linking phrase ("*All told*,",
  "*That said*,") are no reports (:func:`modifies_a_noun`, :func:`is_set_phrase`);
* what was said is more than a pronoun or a date: "endorsed *her*", "criticised *this*", "want
  *to*", "commented *on Monday*".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from whosaidwhat.nlp.lexicons import reporting_verbs, words
from whosaidwhat.nlp.syntax import TIME_TYPES, child_with_dep

#: Subjects that are the writer or the reader: outside quotation marks they are nobody's source.
NARRATOR_SUBJECTS = frozenset({"i", "we", "you"})
#: Auxiliaries that make a verb of doing an obligation, a possibility or a plan rather than a report.
MODALS = frozenset({"must", "should", "can", "ca", "could", "may", "might", "shall", "need", "ought"})
#: Words that make a number before a subject a share of those asked ("4 in 10", "60 per cent of").
SHARE_WORDS = frozenset({"percent", "cent", "%", "majority", "proportion"})
#: Verbs whose infinitive of a reporting verb says that nothing was said: "declined to comment".
NON_ANSWERS = frozenset({"decline", "refuse"})
#: Verbs whose infinitive is done, not meant: "*continued to* call for", "*began to* question".
ASPECT_VERBS = frozenset({"continue", "begin", "start", "keep"})
#: "'s" read as "is", which before a participle may be "has": "he*'s* said he ...".
CONTRACTED_IS = frozenset({"'s", "\u2019s"})
#: Verbs that say how something looks, not what anyone said, unless what follows is a report
#: ("appeared *to blame* the workers").
SEEMING_VERBS = frozenset({"appear", "seem"})
#: Frames of ``resources/reporting_verbs.tsv`` naming the one word without which the verb reports
#: nothing: "put *it*" ("as she put it"), "made (it) *clear*", "shot *back*", "weighed *in*",
#: "lashed *out*".
WORD_FRAMES = ("it", "clear", "back", "in", "out")
#: Of these, the particles that must follow the verb directly: "weighed *in* on the deal", not
#: "costs weighed on profits *in* May".
PARTICLE_FRAMES = frozenset({"in", "out"})
#: Parts of speech that carry what was said; content with none of them is only an anaphor.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV", "AUX", "INTJ"})
#: Dependencies of the words opening a noun phrase before a participle that modifies its noun:
#: "*the* reported talks", "*Holt's* declared aim", "*his* stated goal".
NOUN_PHRASE_LEAD_DEPS = frozenset({"det", "poss", "case"})


@cache
def thinking_verbs() -> frozenset[str]:
    """The verbs of ``resources/thinking_verbs.txt``."""
    return words("thinking_verbs.txt")


@cache
def mute_nouns() -> frozenset[str]:
    """The nouns of ``resources/mute_nouns.txt``."""
    return words("mute_nouns.txt")


def is_speech(verb: Token, subject: Token | None, content_tokens: list[Token]) -> bool:
    """Whether ``verb`` reports what ``subject`` said, ``content_tokens`` being what it governs."""
    return reports(verb, subject, _narrator_quoted(verb, content_tokens)) and any(
        token.pos_ in CONTENT_POS and token.ent_type_ not in TIME_TYPES for token in content_tokens
    )


def reports(verb: Token, subject: Token | None, narrator_quoted: bool = False) -> bool:
    """Whether ``verb`` with ``subject`` reports speech, whatever it governs; the writer counts as a
    speaker only for words of their own in quotation marks (``narrator_quoted``)."""
    if _is_agentless_passive(verb) or _is_copula_infinitive(verb) or _is_non_answer(verb):
        return False
    if subject is not None and (
        (subject.lower_ in NARRATOR_SUBJECTS and not narrator_quoted) or is_survey_share(subject)
    ):
        return False
    if subject is not None and subject.lemma_ in mute_nouns():
        return False
    if subject is None and (_is_imperative(verb) or _is_subject_gerund(verb) or _is_noun_infinitive(verb)):
        return False
    if (_is_act(verb) and _is_not_done(verb)) or _is_intended(verb):
        return False
    return verb.lemma_ not in SEEMING_VERBS or _completed_by_report(verb)


def _narrator_quoted(verb: Token, content_tokens: list[Token]) -> bool:
    """ "I laughed and said, \"I don't believe in the devil.\"": words the writer once said, in
    quotation marks after a verb of speech, are a quote like anyone's (unlike "I believe ...")."""
    known = reporting_verbs().get(verb.lemma_)
    if known is None or not known.speech or is_belief(verb) or not content_tokens:
        return False
    first = content_tokens[0]
    return first.i > 0 and first.doc[first.i - 1].is_quote and first.i > verb.i


def lacks_its_word(verb: Token, frames: frozenset[str]) -> bool:
    """A verb that reports only with a word of its own ("put *it*", "made *clear*") without it:
    "put the plan to the board", "made a profit" report nothing."""
    wanted = [word for word in WORD_FRAMES if word in frames]
    return bool(wanted) and not any(
        child.lower_ in wanted and (child.lower_ not in PARTICLE_FRAMES or child.i == verb.i + 1)
        for child in verb.children
    )


def is_belief(verb: Token) -> bool:
    """A verb of thinking, perceiving or wanting: a report only when its holder speaks elsewhere."""
    return verb.lemma_ in thinking_verbs()


def _is_non_answer(verb: Token) -> bool:
    """ "declined to comment", "refused to say whether", "did not say whether": nothing was said."""
    if verb.lemma_ in NON_ANSWERS:
        return _completed_by_report(verb)
    return any(child.dep_ == "neg" for child in verb.children) and verb.lemma_ in reporting_verbs()


def is_survey_share(subject: Token) -> bool:
    """ "About 4 in 10 residents say", "60 per cent of voters believe": a poll's answer, nobody's words."""
    words = list(subject.subtree)
    if not any(token.like_num for token in words):
        return False
    lowers = {token.lower_ for token in words}
    return bool(lowers & SHARE_WORDS) or any(
        token.lower_ == "in" and token.nbor(-1).like_num for token in words if token.i > 0
    )


def _completed_by_report(verb: Token) -> bool:
    complement = child_with_dep(verb, "xcomp")
    return complement is not None and complement.lemma_ in reporting_verbs()


def _is_agentless_passive(verb: Token) -> bool:
    """ "is said to", "are expected to", "it has been revealed that": a passive with no "by" phrase."""
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)
    passive = passive and not _is_contracted_perfect(verb)
    # "Asked whether she would resign, Holt said": the one asked is the subject ("as police have
    # said" is no passive), also when the parser took the participle that leads in for a past tense.
    reduced = (
        verb.dep_ in ("advcl", "acl")
        and not any(child.dep_ == "aux" for child in verb.children)
        and (verb.tag_ == "VBN" or _is_lead_in_taken_for_past_tense(verb))
    )
    return (passive or reduced) and child_with_dep(verb, "agent") is None


def _is_contracted_perfect(verb: Token) -> bool:
    """ "He*'s said* he gets ...", "who*'s called for* tax hikes": the parser reads "'s" as "is" and
    the verb as a passive, but a verb that governs a clause or its preposition has said something;
    "It's said that" and "He's said to be" stay passives."""
    known = reporting_verbs().get(verb.lemma_)
    if known is None or not any(
        child.dep_ == "auxpass" and child.lower_ in CONTRACTED_IS for child in verb.children
    ):
        return False
    if any(child.dep_ in ("nsubjpass", "nsubj") and child.lower_ == "it" for child in verb.children):
        return False
    return any(
        child.dep_ == "ccomp" or (child.dep_ == "prep" and f"prep:{child.lower_}" in known.frames)
        for child in verb.children
    )


def _is_lead_in_taken_for_past_tense(verb: Token) -> bool:
    """ "*Asked* what he wanted, Adler said": a subjectless clause before the verb it modifies."""
    return (
        verb.tag_ == "VBD"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and child_with_dep(verb, "nsubj") is None
    )


def _is_copula_infinitive(verb: Token) -> bool:
    """ "which isn't to say", "that is to say": a manner of speaking, not a report."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ == "be"


def _is_act(verb: Token) -> bool:
    known = reporting_verbs().get(verb.lemma_)
    return verb.lemma_ in thinking_verbs() or (known is not None and not known.speech)


def _is_not_done(verb: Token) -> bool:
    """Under a modal ("must declare"), after a preposition ("by offering"), or an infinitive
    completing a verb that does not report ("released to show")."""
    if any(child.dep_ == "aux" and child.lower_ in MODALS for child in verb.children):
        return True
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        return not _governs_a_topic(verb)
    if _is_infinitive(verb) and verb.head.lemma_ not in ASPECT_VERBS:
        head = reporting_verbs().get(verb.head.lemma_)
        return head is None or not head.speech
    return False


def _governs_a_topic(verb: Token) -> bool:
    """ "began by *talking about* the drug crisis": a verb reporting by a preposition of topic is
    speech done even after a preposition, unlike a verb of doing ("by *offering* access")."""
    known = reporting_verbs().get(verb.lemma_)
    return known is not None and any(
        child.dep_ == "prep" and f"prep:{child.lower_}" in known.frames for child in verb.children
    )


def _is_intended(verb: Token) -> bool:
    """An infinitive of what someone needs, wants or refuses to do: "needs to explain", "declined to say"."""
    if not _is_infinitive(verb) or verb.head.lemma_ in ASPECT_VERBS:
        return False  # "continued to call for ...", "began to question ...": said, and said again
    head = verb.head.lemma_
    known = reporting_verbs().get(head)
    return head in MODALS or head in thinking_verbs() or (known is not None and not known.speech)


def _is_imperative(verb: Token) -> bool:
    """ "*ask* yourself whether ...", "Now *tell* us ...": a bare verb heading its sentence, or
    coordinated with one ("go a step further and *ask* ...")."""
    if verb.dep_ == "conj":
        return _is_imperative(verb.head) and verb.tag_ == "VB"
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("ROOT", "parataxis")
        and not any(child.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for child in verb.children)
    )


def _is_subject_gerund(verb: Token) -> bool:
    """ "cooperating and *finding* what we share is the way forward": a gerund that is a subject."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return verb.tag_ == "VBG" and clause.dep_ in ("csubj", "nsubj")


def _is_noun_infinitive(verb: Token) -> bool:
    """ "three ways *to seek* enforcement": an infinitive describing a noun, done by nobody yet."""
    return verb.dep_ in ("acl", "relcl") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in verb.children
    )


def _is_infinitive(verb: Token) -> bool:
    return verb.dep_ in ("xcomp", "advcl") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in verb.children
    )


def modifies_a_noun(token: Token) -> bool:
    """A participle inside a noun phrase ("*the* reported talks", "*Holt's* declared aim"), or a
    verb the parser made of a noun after "according to" ("according to *show* insiders")."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.lower_ == "to" and before.head.lower_ == "according":
        return True
    if token.tag_ not in ("VBN", "VBD"):
        return False
    # the determiner or possessor before the participle belongs to a noun after it
    node = before
    while node.dep_ in NOUN_PHRASE_LEAD_DEPS and node.head.i < token.i and node.head.i != node.i:
        node = node.head
    return node.dep_ in NOUN_PHRASE_LEAD_DEPS and node.head.i > token.i


def is_set_phrase(token: Token) -> bool:
    """A determiner and a participle opening a sentence, set off by a comma: "*All told*, up to
    5 million people", "*That said*, a loss would hurt": a linking phrase, not a report."""
    doc = token.doc
    return (
        token.i >= 1
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
        and doc[token.i - 1].tag_ == "DT"
        and doc[token.i - 1].is_sent_start
    )
