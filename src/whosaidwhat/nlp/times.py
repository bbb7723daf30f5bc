"""``whosaidwhat_times``: not yet implemented; sets an empty result."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.nlp import extensions


@Language.factory("whosaidwhat_times", assigns=["doc._.times"])
def make_times(nlp: Language, name: str):
    extensions.register()

    def component(doc: Doc) -> Doc:
        doc._.times = []
        return doc

    return component
