"""``whosaidwhat_figures``: not yet implemented; sets an empty result."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.nlp import extensions


@Language.factory("whosaidwhat_figures", assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str):
    extensions.register()

    def component(doc: Doc) -> Doc:
        doc._.figures = []
        return doc

    return component
