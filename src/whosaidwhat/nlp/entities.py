"""``whosaidwhat_entities``: not yet implemented; sets an empty result."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.nlp import extensions


@Language.factory("whosaidwhat_entities", assigns=["doc._.entities"])
def make_entities(nlp: Language, name: str):
    extensions.register()

    def component(doc: Doc) -> Doc:
        doc._.entities = []
        return doc

    return component
