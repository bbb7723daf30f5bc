"""What a reporting verb's object reports (step 2 of :mod:`~whosaidwhat.nlp.quotes`).

:func:`object_content` reads the object, infinitive or prepositional object by which a verb
governs what was said, as its entry in ``resources/reporting_verbs.tsv`` lists them: with
the complements that finish it ("urged *North Korea to resume talks*", "called on *Trump to
apologise*"), up to the quotation it opens, and without the writer's aside after it.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from spacy.tokens import Token

from whosaidwhat.nlp.documents import DOCUMENT_NOUNS
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.quote_finder import Bounds, QuoteFinder, trim
from whosaidwhat.nlp.speakers import ADDRESSEE_VERBS
from whosaidwhat.nlp.syntax import SUBJECT_DEPS, TIME_TYPES, child_with_dep, gathering_nouns, token_end

#: Dependencies of what completes a reported object ("urged X *to act*", "described X *as a fraud*").
OBJECT_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "prep", "advcl"})
#: Prepositions that always tell when something was said: "rejected the claim *during the hearing*".
TIME_PREPOSITIONS = frozenset({"during", "amid"})
#: Prepositions that tell when or where something was said before a date, a document, an occasion
#: of speech or a place: "endorsed Holt *on Thursday*", "attacked Holt *in a tweet*", "praised the
#: plan *at a rally*", "defended the rules *before the court*" (not "called him a master *at* deals").
SETTING_PREPOSITIONS = frozenset({"in", "at", "on", "before", "after", "since", "until", "via"})
#: Prepositions of a setting phrase the parser hung from a noun of the object ("the plan *at a
#: rally*"); "since", "after" and the like tell the time of that noun ("the months *since* a hearing").
NESTED_SETTING_PREPOSITIONS = frozenset({"in", "at", "on", "during", "amid", "via"})
#: Conjunctions of a clause telling when something was said: "called it a hoax *when* he ran" ("while"
#: and "as" more often tell of the object: "criticised her use of email *while* she was minister").
TIME_CONJUNCTIONS = frozenset({"when", "after", "before", "until", "once"})
#: Verbs besides those of ``resources/addressee_verbs.txt`` whose object, a person alone, says
#: nothing of what was said: "called *Berg*" (on the phone), "echoing *Mr. Putin*" (whose words?).
BARE_PERSON_VERBS = frozenset({"call", "echo"})
#: Dependencies of the words of a plain noun phrase: "*the real estate* mogul", "*Admiral* Harris".
PLAIN_NOUN_DEPS = frozenset({"det", "amod", "compound", "poss", "case", "nummod", "punct"})
#: Entity types of a place where something was said: "criticised the plan *in Kyiv*".
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def object_content(finder: QuoteFinder, verb: Token, frames: frozenset[str]) -> Bounds | None:
    """What ``verb`` reports by an object, an infinitive or a prepositional object, if any."""
    for child in verb.children:
        if (
            _object_dep(child) in frames
            or _is_quoted_object(finder, child, frames)
            or _is_named_as(child, frames)
        ):
            bounds = _to_quotation_end(finder, _object_bounds(finder, child))
            if _is_bare_person(finder, verb, child, bounds):
                continue
            bounds = finder.without_trailing_aside(_with_coordinated_objects(finder, child, bounds))
            return without_trailing_setting(finder, bounds)
        if child.dep_ == "prep" and child.i > verb.i and f"prep:{child.lower_}" in frames:
            target = next((grand for grand in child.children if grand.dep_ in ("pobj", "pcomp")), None)
            if target is not None:
                bounds = _with_purpose(finder, child, clause_bounds(finder, target))
                bounds = _with_coordinated_objects(finder, target, _to_quotation_end(finder, bounds))
                return without_trailing_setting(finder, finder.without_trailing_aside(bounds))
    return None


def _is_bare_person(finder: QuoteFinder, verb: Token, child: Token, bounds: Bounds) -> bool:
    """ "Holt asked *reporters*", "Obama called *Berg* on Friday", "echoing *Mr. Putin*": the person
    asked, told, phoned or echoed, with nothing saying what; what was asked is the quotation before
    the verb, if any."""
    addressed = verb.lemma_ in ADDRESSEE_VERBS
    if _object_dep(child) != "dobj" or not (addressed or verb.lemma_ in BARE_PERSON_VERBS):
        return False
    if any(grand.dep_ in ("auxpass", "nsubjpass") for grand in verb.children):
        return False  # "was called *a charlatan*": the name given
    if bounds[1] > token_end(child.right_edge) or not _is_plain_name(finder, child):
        return False  # "asked *Holt to resign*", "called *him "a liar"*", "called *Holt, the mayor, a fraud*"
    return _is_person(child) or (addressed and child.pos_ == "NOUN" and _quotation_before(finder, verb))


def _is_plain_name(finder: QuoteFinder, noun: Token) -> bool:
    """A noun with only its determiner, adjectives and name parts: no clause, phrase or quotation."""
    return all(
        token.i == noun.i or (token.dep_ in PLAIN_NOUN_DEPS and finder.quote_of_token[token.i] < 0)
        for token in noun.subtree
    )


def _is_person(noun: Token) -> bool:
    """A personal pronoun other than "it", or a person's or a people's name."""
    if noun.tag_ == "PRP":
        return noun.lower_ != "it"
    return noun.ent_type_ in ("PERSON", "NORP")


def _quotation_before(finder: QuoteFinder, verb: Token) -> bool:
    """A quotation ending before the verb, at most its subject between: '"Why?" Holt asked *reporters*'."""
    k = bisect_right(finder.quoted_starts, verb.idx) - 1
    if k < 0 or finder.quoted[k].end > verb.idx:
        return False
    between = finder.doc[finder.token_index(finder.quoted[k].end) : verb.i]
    return all(
        token.is_punct or token.dep_ in SUBJECT_DEPS or token.head.dep_ in SUBJECT_DEPS for token in between
    )


def _with_coordinated_objects(finder: QuoteFinder, reported: Token, bounds: Bounds) -> Bounds:
    """What was said runs on over what the parser coordinated with the reporting verb but belongs
    to its object: "wants to cut taxes*, grow the harbour and build a park*", "mentioned refinancing
    loans *and forcing universities to pay*", "spoke about the mill*, and how the town recovered*"."""
    verb = reported.head.head if reported.dep_ in ("pobj", "pcomp") else reported.head
    end = bounds[1]
    for sibling in verb.rights:
        if sibling.idx < end or sibling.dep_ in ("punct", "cc"):
            continue
        if sibling.dep_ != "conj" or finder.is_reporting_verb(sibling) or not _continues(reported, sibling):
            break
        end = clause_bounds(finder, sibling)[1]
    return (bounds[0], end) if end > bounds[1] else bounds


def _continues(reported: Token, conjunct: Token) -> bool:
    """A verb of the object's own form with no subject of its own ("to cut ..., *grow* ...",
    "refinancing ... and *forcing* ..."), or a clause opened by "how", "why" or "what"."""
    if any(child.dep_ in SUBJECT_DEPS for child in conjunct.children):
        return conjunct.left_edge.tag_ in ("WRB", "WP") and conjunct.left_edge.lower_ != "which"
    return reported.tag_ in ("VB", "VBG") and conjunct.tag_ == reported.tag_


def clause_bounds(finder: QuoteFinder, head: Token, without: Token | None = None) -> Bounds:
    """The characters of ``head``'s subtree, leaving out the subtree of ``without`` at either end."""
    doc = finder.doc
    left, right = head.left_edge, head.right_edge
    if without is not None:
        if without.left_edge.i <= left.i:
            after = without.right_edge.i + 1
            left = doc[after] if after < len(doc) else left
        elif without.right_edge.i >= right.i:
            right = doc[without.left_edge.i - 1]
    while right.i > left.i and (right.is_punct or right.is_space or right.dep_ == "cc"):
        right = doc[right.i - 1]
    return trim(finder.text, left.idx, token_end(right))


def governs_content(child: Token, frames: frozenset[str]) -> bool:
    """The child is an object or a preposition by which the verb governs what was said."""
    return _object_dep(child) in frames or (child.dep_ == "prep" and f"prep:{child.lower_}" in frames)


def _object_bounds(finder: QuoteFinder, child: Token) -> Bounds:
    """An object with the complements that follow it: "called *climate change a hoax*",
    "urged *North Korea to resume talks*", "accused *the government of lying*"."""
    start, end = clause_bounds(finder, child)
    if _object_dep(child) != "dobj":
        return start, end
    after_comma = False
    siblings = list(child.head.rights)
    for k, sibling in enumerate(siblings):
        if sibling.i <= child.i or sibling.dep_ in ("punct", "cc"):
            after_comma = after_comma or sibling.i > child.i
            continue
        # Past a comma only the object's infinitive, its "as" phrase or a second object belong to
        # it: "urging anyone with information, or who saw it, *to call*", "cited the tariffs, *as
        # proof of* ...", not ", *saying* ...".
        coordinated_object = sibling.dep_ == "conj" and (
            sibling.pos_ in ("NOUN", "PRON", "PROPN") or _is_relative_clause(sibling)
        )
        allowed = ("xcomp",) if after_comma else OBJECT_COMPLEMENT_DEPS
        if (
            sibling.dep_ not in allowed
            and not coordinated_object
            and not _completes_the_object(sibling)
            and not _is_time_phrase(sibling)
        ):
            break
        if _tells_the_setting(sibling):
            if not any(_completes_the_object(later) for later in siblings[k + 1 :]):
                break
            continue  # "described himself *on his blog* as a farmer": the setting sits inside
        end = clause_bounds(finder, sibling)[1]
    return start, end


def _completes_the_object(phrase: Token) -> bool:
    """What the object is said to be or to do: "urged voters (in Leeds) *to vote*", "described
    himself (on his blog) *as a farmer*"."""
    return phrase.dep_ in ("xcomp", "oprd") or (phrase.dep_ == "prep" and phrase.lower_ == "as")


def _tells_the_setting(phrase: Token) -> bool:
    """A short prepositional phrase saying where or when the words were said, not what they were
    (one running on past a comma may hold more of them: "during the hearing*, particularly* ...";
    a comma before a relative clause on its noun does not count: "during his time on air*, which*
    ..."), or a clause saying when: "described him as a gambler *when he ran for mayor*"."""
    if _is_time_phrase(phrase):
        return True
    if phrase.dep_ == "advcl":
        opener = phrase.left_edge
        topic = phrase.lemma_ == "come" and child_with_dep(phrase, "prep") is not None  # "when it comes to"
        return (
            opener.lower_ in TIME_CONJUNCTIONS
            and opener.dep_ in ("mark", "advmod")
            and opener.head == phrase
            and not topic
        )
    if phrase.dep_ != "prep" or _has_comma_outside_relative_clauses(phrase):
        return False
    if phrase.lower_ in TIME_PREPOSITIONS:
        return True
    target = child_with_dep(phrase, "pobj")
    return phrase.lower_ in SETTING_PREPOSITIONS and target is not None and _is_setting(target)


def _is_time_phrase(phrase: Token) -> bool:
    """A bare phrase of time: "announced plans *this week* to give ..."."""
    return phrase.dep_ == "npadvmod" and phrase.ent_type_ in TIME_TYPES


def _is_setting(noun: Token) -> bool:
    """A date, a place or a medium: "on Thursday", "in Kyiv", "in a tweet", "on his website"."""
    return noun.ent_type_ in ("DATE", "TIME", *PLACE_TYPES) or _is_medium(noun)


def _is_medium(noun: Token) -> bool:
    """A document, an occasion of speech or a medium: "in a tweet", "at a rally", "on his show"."""
    lemma = noun.lemma_.lower()
    return lemma in DOCUMENT_NOUNS or lemma in gathering_nouns() or lemma in setting_nouns()


@cache
def setting_nouns() -> frozenset[str]:
    """The nouns of ``resources/setting_nouns.txt``."""
    return words("setting_nouns.txt")


def _has_comma_outside_relative_clauses(phrase: Token) -> bool:
    clauses = [token for token in phrase.subtree if token.dep_ == "relcl"]
    return any(
        token.text == ","
        and not any(clause.left_edge.i - 1 <= token.i <= clause.right_edge.i for clause in clauses)
        for token in phrase.subtree
    )


def without_trailing_setting(finder: QuoteFinder, bounds: Bounds) -> Bounds:
    """A reported object without the setting phrase that ends it, however deep the parser hung it:
    "noted Holt's comments *on its website*", "called the plan a gamble *during a visit to Leeds*"."""
    last = finder.token_index(bounds[1]) - 1
    if last < 0 or finder.doc[last].idx < bounds[0]:
        return bounds
    node, cut = finder.doc[last], None
    while node.head.i != node.i and node.head.idx >= bounds[0]:
        node = node.head
        if node.dep_ == "prep" and node.idx > bounds[0] and _is_nested_setting(node):
            cut = node
    if cut is None or any(finder.quote_of_token[i] >= 0 for i in range(cut.i, last + 1)):
        return bounds
    return trim(finder.text, bounds[0], cut.idx)


def _is_nested_setting(phrase: Token) -> bool:
    """A phrase the parser hung from a noun of the object, naming a medium ("the plan *at a rally*");
    not a date or a place, which may tell of the object ("the closure of the plant *in Leeds*", "the
    attack *on Tuesday*"), nor a verb's complement ("problems he blamed *on the policies*")."""
    target = child_with_dep(phrase, "pobj")
    if target is None or phrase.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if phrase.lower_ in ("in", "on") and target.lemma_.lower() in DOCUMENT_NOUNS:
        return False  # "the points *in the letter*", "his views *on the proposals*": what they are about
    if phrase.lower_ == "in" and child_with_dep(target, "poss") is not None:
        return False  # "the themes *in her speech*"
    return (
        phrase.lower_ in NESTED_SETTING_PREPOSITIONS
        and _is_medium(target)
        and not _has_comma_outside_relative_clauses(phrase)
    )


def _is_relative_clause(verb: Token) -> bool:
    """ "urging anyone with information, *or who saw the van*, to call": a clause whose subject is a
    relative pronoun describes the object, even when the parser coordinated it with the verb."""
    return any(child.dep_ in SUBJECT_DEPS and child.tag_ in ("WP", "WDT") for child in verb.children)


def _object_dep(child: Token) -> str | None:
    """How ``child`` completes its verb as an object: "called *Trump* a liar" may come parsed
    as two object predicates, the first of which is the object."""
    if child.dep_ == "dobj" and child.tag_ in ("WP", "WDT"):
        return None  # "what it has decried as a stagnation": the words are in the "as" phrase
    if child.dep_ in ("xcomp", "dobj"):
        return child.dep_
    # "what he called *a brazen breach*": the object is the relative pronoun, the words its predicate
    earlier = [c for c in child.head.children if c.i < child.i and c.dep_ in ("dobj", "oprd")]
    if child.dep_ == "oprd" and all(c.tag_ in ("WP", "WDT") for c in earlier):
        return "dobj"
    return None


def _is_quoted_object(finder: QuoteFinder, child: Token, frames: frozenset[str]) -> bool:
    """ "chanted *"What curfew?"*": the object of a verb that reports only quotations (frame ``quoted``)."""
    return "quoted" in frames and child.dep_ == "dobj" and finder.quote_of_token[child.i] >= 0


def _is_named_as(child: Token, frames: frozenset[str]) -> bool:
    """ "named *the victim as Tom Berg*": an object with an "as" phrase giving a name after it
    (frame ``as``); "named Berg as its chief" is an appointment, not a report."""
    if "as" not in frames or child.dep_ != "dobj" or child.pos_ == "PROPN":
        return False
    phrase = next(
        (c for c in child.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > child.i), None
    )
    named = child_with_dep(phrase, "pobj") if phrase is not None else None
    return named is not None and named.pos_ == "PROPN"


def _with_purpose(finder: QuoteFinder, prep: Token, bounds: Bounds) -> Bounds:
    """ "pleading for help *in finding her attackers*", "called on Trump *to apologise*": a gerund
    phrase or an infinitive right after the prepositional object, which the parser hung from the
    verb, completes it."""
    following = prep.doc[prep.right_edge.i + 1] if prep.right_edge.i + 1 < len(prep.doc) else None
    if following is None:
        return bounds
    if (
        following.dep_ == "prep"
        and following.head.i == prep.head.i
        and any(child.dep_ == "pcomp" and child.tag_ == "VBG" for child in following.children)
    ):
        return bounds[0], clause_bounds(finder, following)[1]
    infinitive = following.head
    if (
        following.dep_ == "aux"
        and following.lower_ == "to"
        and infinitive.dep_ == "xcomp"
        and infinitive.head.i == prep.head.i
        and infinitive.left_edge.i == following.i
    ):
        return bounds[0], clause_bounds(finder, infinitive)[1]
    return bounds


def _to_quotation_end(finder: QuoteFinder, bounds: Bounds) -> Bounds:
    """An object that opens with a quotation ends with it: "calling for *"urgent action"* amid ..."."""
    k = bisect_right(finder.quoted_starts, bounds[0]) - 1
    if k < 0 or finder.quoted[k].start != bounds[0] or not finder.quoted[k].closed:
        return bounds
    end = finder.quoted[k].end
    return (bounds[0], end) if end < bounds[1] else bounds
