"""``whosaidwhat_paragraph_breaks``: sentence starts the parser would get wrong, set before it.

Scraped news keeps one paragraph per line, often without closing punctuation
(headings, datelines); the parser would run such lines into the next sentence, so a line
break always ends a sentence. Some papers mark quotations with doubled apostrophes,
which the parser takes for the end of a sentence after a question or an exclamation:
''Why now?'' *she asked* goes on when a lowercase word follows the closing mark.
Placed before the parser, which respects sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

#: A quotation mark written as two apostrophes (or two backticks to open).
DOUBLED_MARKS = frozenset({"''", "``"})
#: Punctuation that may end a quoted question or exclamation without ending its sentence.
QUOTED_QUESTION_ENDS = frozenset({"?", "!"})


@Language.component("whosaidwhat_paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif _continues_after_quoted_question(token):
            token.is_sent_start = False
    return doc


def _continues_after_quoted_question(token: Token) -> bool:
    """ "''Was I wrong?'' *he* asked": a lowercase word after a doubled mark closing a question."""
    if token.i < 2 or not token.is_lower or not token.is_alpha:
        return False
    mark, end = token.doc[token.i - 1], token.doc[token.i - 2]
    return mark.text in DOUBLED_MARKS and not end.whitespace_ and end.text in QUOTED_QUESTION_ENDS
