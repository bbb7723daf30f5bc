"""``whosaidwhat_quotes``: not yet implemented; sets an empty result."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.nlp import extensions


@Language.factory("whosaidwhat_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str):
    extensions.register()

    def component(doc: Doc) -> Doc:
        doc._.quotes = []
        return doc

    return component
