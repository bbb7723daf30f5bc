"""The words a spaCy pipeline's lemmatizer knows, by part of speech (:mod:`~whosaidwhat.nlp.entities`).

The tables load with the model after the components are made, so they are read at the first
article and kept; a pipeline without a lemmatizer knows no words.
"""

from __future__ import annotations

from spacy.language import Language

#: The parts of speech whose lemmas make the language's words.
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


class LemmaTables:
    """Lemmas of ``nlp``'s lemmatizer: its common nouns ("farmer") and all its words."""

    def __init__(self, nlp: Language | None) -> None:
        self.nlp = nlp
        self._nouns: frozenset[str] | None = None
        self._words: frozenset[str] = frozenset()

    def nouns(self) -> frozenset[str]:
        self._load()
        return self._nouns or frozenset()

    def words(self) -> frozenset[str]:
        self._load()
        return self._words

    def _load(self) -> None:
        if self._nouns is not None:
            return
        self._nouns = frozenset()
        if self.nlp is not None and "lemmatizer" in self.nlp.pipe_names:
            lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                self._nouns = frozenset(index.get("noun", ()))
                self._words = frozenset(word for part in PARTS_OF_SPEECH for word in index.get(part, ()))
