"""``whosaidwhat_events``: not yet implemented; sets an empty result."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.nlp import extensions


@Language.factory("whosaidwhat_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str):
    extensions.register()

    def component(doc: Doc) -> Doc:
        doc._.events = []
        return doc

    return component
