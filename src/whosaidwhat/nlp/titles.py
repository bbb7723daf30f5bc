"""Titles the text gives a person, read off the dependency parse.

Three constructions, all common in news prose:

* pre-modifiers of the name: "Former Dutch Prime Minister Mark Rutte", "NATO chief Mark Rutte";
* appositions: "Jane Doe, a nurse at the clinic," and "the clinic's director, Jane Doe,";
* roles taken by the subject of a clause: "after assuming the role of NATO Secretary General",
  "when serving as Dutch prime minister", "Kaine is a former civil rights lawyer".

Also the country a name is tied to without a title: "Germany's Christian Lindner", "Lindner of Germany".

spaCy's parser labels the pieces; no library turns them into titles, hence these rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from whosaidwhat.names import ABBREVIATED_TITLES, expanded_title_word, is_title_word
from whosaidwhat.nlp.gazetteer import country_code
from whosaidwhat.nlp.lexicons import words
from whosaidwhat.nlp.syntax import ROLE_HOLDER, subject_of

#: Dependencies that attach a word before a name to it as part of the same noun phrase.
PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod", "punct"})
#: Nouns whose "of" complement is a role: "the role of NATO Secretary General".
ROLE_NOUNS = words("role_nouns.txt")
#: Verbs whose "as" complement is a role held by their subject (or their object, when they have one).
ROLE_VERBS = words("role_verbs.txt")
#: Prepositions whose phrase belongs to a title: "president of Ukraine", "nurse at the clinic".
TITLE_PREPOSITIONS = frozenset({"of", "at", "for"})
#: Titles longer than this are clauses the parser mistook for a noun phrase.
MAX_TITLE_TOKENS = 8
#: Entity labels whose words cannot be in a title ("Sunday's speaker", "two days").
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


@dataclass(frozen=True)
class Title:
    """A title as printed ("Sen."), with its head and words spelled out for matching ("senator")."""

    text: str
    head: str  # the head noun's lemma, lower case, abbreviations expanded: "senator"
    words: frozenset[str]  # every word, lower case, abbreviations expanded


def premodifier_title(doc: Doc, start: int, end: int) -> Title | None:
    """The words right before the name ``doc[start:end]`` that modify it: "Ukrainian President"."""
    inside = set(range(start, end))
    first = start
    while first > 0:
        token = doc[first - 1]
        if token.dep_ not in PREMODIFIER_DEPS or token.head.i not in inside:
            break
        if token.dep_ == "punct" and token.text != "-":
            break
        inside.add(token.i)
        first -= 1
    while first < start and doc[first].dep_ in ("case", "punct"):
        first += 1
    if first == start:
        return None
    head = start - 1
    while head > first and doc[head].text == ".":  # "Col" "." when the tokeniser splits an abbreviation
        head -= 1
    return make_title(doc, first, start, head=head)


def titles_beside(doc: Doc, start: int, end: int) -> list[Title]:
    """The titles given right with the name ``doc[start:end]``: its pre-modifier and appositions."""
    before = premodifier_title(doc, start, end)
    return ([before] if before else []) + apposition_titles(doc, start, end)


def apposition_titles(doc: Doc, start: int, end: int) -> list[Title]:
    """Titles in apposition to the name ``doc[start:end]``, set off by a comma on either side of it.

    The parser also labels loosely attached phrases "appos" ("Clinton ... -- events that ...");
    the comma right beside the name keeps only the true appositions.
    """
    root = doc[start:end].root
    heads = [
        child
        for child in root.children
        if child.dep_ == "appos" and child.i > root.i and _comma_at(doc, end) and child.left_edge.i == end + 1
    ]
    if (before := apposition_before(doc, start, end)) is not None:
        heads.append(before)
    return [title for head in heads if (title := phrase_title(doc, head))]


def apposition_before(doc: Doc, start: int, end: int) -> Token | None:
    """The head of the noun phrase the name ``doc[start:end]`` follows in apposition, after a comma:
    "sponsor" in "The bill's sponsor, Sen. Robert Hayes," (the name's own title may come between)."""
    root = doc[start:end].root
    if root.dep_ == "appos" and root.head.i < start and _comma_at(doc, root.left_edge.i - 1):
        return root.head
    return None


def affiliated_country(doc: Doc, start: int, end: int) -> str | None:
    """The ISO code of the country that owns the name ``doc[start:end]`` or follows it with "of":
    "Germany's Christian Lindner", "Christian Lindner of Germany"."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            child = next((grand for grand in child.children if grand.dep_ == "pobj"), child)
        elif child.dep_ != "poss":
            continue
        if child.ent_type_ == "GPE" and (code := country_code(doc[child.left_edge.i : child.i + 1].text)):
            return code
    return None


def _comma_at(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].text in (",", "(")


def role_title(token: Token) -> tuple[Token, Title] | None:
    """(the holder's token, the role) when ``token`` introduces a role: "role of X", "serving as X",
    "Kaine is a former civil rights lawyer"; not a role sought ("ran for the office of X")."""
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        role = token if not any(child.dep_ == "neg" for child in token.head.children) else None
        holder = next((child for child in token.head.children if child.dep_ == "nsubj"), None)
    elif token.lemma_.lower() in ROLE_NOUNS:
        sought = token.dep_ == "pobj" and token.head.lower_ == "for"  # "vied for the title of ...": not held
        role = _complement(token, "of") if not sought else None
        holder = subject_of(token, ROLE_HOLDER) if role is not None else None
    elif token.lower_ == "as" and token.dep_ == "prep" and token.head.lemma_.lower() in ROLE_VERBS:
        role = next((child for child in token.children if child.dep_ == "pobj"), None)
        holder = _object_or_subject(token.head) if role is not None else None
    else:
        return None
    if role is None or holder is None:
        return None
    title = phrase_title(token.doc, role)
    return (holder, title) if title else None


def _object_or_subject(verb: Token) -> Token | None:
    """What an "as" phrase on ``verb`` describes: its object ("named her as envoy"), else its subject."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return subject_of(verb, ROLE_HOLDER)


def _complement(token: Token, preposition: str) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None


def phrase_title(doc: Doc, head: Token) -> Title | None:
    """The noun phrase headed by ``head`` as a title, without its article: "nurse at the clinic"."""
    if head.pos_ not in ("NOUN", "PROPN") or not _may_head_title(head):
        return None
    first = head.left_edge.i
    while first < head.i and (doc[first].pos_ in ("DET", "PRON", "PUNCT") or doc[first].dep_ == "case"):
        first += 1
    last = head.i + 1
    of_phrase = next(
        (child for child in head.rights if child.dep_ == "prep" and child.lower_ in TITLE_PREPOSITIONS), None
    )
    if of_phrase is not None and of_phrase.right_edge.i + 1 - first <= MAX_TITLE_TOKENS:
        last = of_phrase.right_edge.i + 1
    while last > head.i + 1 and doc[last - 1].is_punct:
        last -= 1
    return make_title(doc, first, last, head=head.i)


def make_title(doc: Doc, start: int, end: int, head: int) -> Title | None:
    """A title of ``doc[start:end]`` if it is one: short, with a head noun that is not a name or number."""
    span = doc[start:end]
    if not 0 < len(span) <= MAX_TITLE_TOKENS or any(token.ent_type_ in NUMERIC_LABELS for token in span):
        return None
    if doc[head].pos_ not in ("NOUN", "PROPN") or not _may_head_title(doc[head]):
        return None
    words = frozenset(expanded_title_word(token.text) for token in span if token.text.rstrip(".").isalpha())
    return Title(text=span.text, head=title_noun(doc[head]), words=words)


def title_noun(token: Token) -> str:
    """The noun a title's head stands for: its lemma, or the office an abbreviation names ("Gov.")."""
    return ABBREVIATED_TITLES.get(token.text.casefold().rstrip(".")) or token.lemma_.lower()


def _may_head_title(token: Token) -> bool:
    """Not a number or date, and not a name unless an office the model took for one ("President")."""
    if token.ent_type_ in NUMERIC_LABELS:
        return False
    return token.ent_type_ != "PERSON" or is_title_word(token.text)
