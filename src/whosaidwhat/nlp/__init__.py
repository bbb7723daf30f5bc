"""Language analysis as spaCy components: entities, quotes and speakers, times, figures, events.

Each component is registered with ``@Language.factory`` and writes plain values to
``Doc._`` extensions (see :mod:`whosaidwhat.nlp.extensions`), so it can be added to any
English pipeline: ``nlp.add_pipe("whosaidwhat_quotes")``.
"""

from whosaidwhat.nlp.pipeline import DEFAULT_MODEL, Item, analyse, analyse_many, load

__all__ = ["DEFAULT_MODEL", "Item", "analyse", "analyse_many", "load"]
