"""``whosaidwhat_paragraph_breaks``: a line break always ends a sentence.

Scraped news keeps one paragraph per line, often without closing punctuation
(headings, datelines); the parser would run such lines into the next sentence.
Placed before the parser, which respects sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("whosaidwhat_paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
