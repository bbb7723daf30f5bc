"""The ``Doc._`` extensions whosaidwhat's components read and write, all named ``wsw_*``.

Registered once, idempotently, so any module may call :func:`register` first. The prefix
keeps them apart from other libraries' extensions. Values are plain Python data (ints,
strings, dicts, lists), never spaCy objects, so a Doc round-trips through ``DocBin`` and
across processes (``nlp.pipe(..., n_process=2)``); tuples may come back as lists there.

Offsets are character offsets into ``doc.text`` (``[start, end)`` tuples).

Inputs (set by the caller before the pipeline runs, all optional):
    wsw_published   ISO date of publication, the anchor for relative times
    wsw_headline    the article's headline (the main event reads it)
    wsw_paragraphs  body paragraphs as (start, end) tuples
    wsw_dateline    the place a dateline names, as (start, end, name): the text there may be blanked

Outputs:
    wsw_entities    [{"id", "name", "type", "titles": [str], "mentions": [(start, end)]}]
    wsw_quotes      [{"kind", "content": (s, e), "speaker": id|None, "source": (s, e)|None,
                      "cue": (s, e)|None, "addressee": id|None,
                      "when": {"value", "basis"}|None, "where": id|None}]
    wsw_times       [{"start", "end", "value"}]
    wsw_figures     [{"start", "end", "kind", "value", "unit", "qualifier"}]
    wsw_events      [{"type", "trigger": (s, e), "who": [id], "whom": [id], "where": [id], "when"}]
    wsw_main_event  {"type", "who", "whom", "where", "when", "phrases": {...}} | None
"""

from __future__ import annotations

from spacy.tokens import Doc

PREFIX = "wsw_"
#: The inputs, without the prefix.
INPUTS = ("published", "headline", "paragraphs", "dateline")
#: The outputs, without the prefix: an article's results.
OUTPUTS = ("entities", "quotes", "times", "figures", "events", "main_event")


def register() -> None:
    # Defaults are None, never a list: spaCy shares a default value between all Docs.
    for name in INPUTS + OUTPUTS:
        if not Doc.has_extension(PREFIX + name):
            Doc.set_extension(PREFIX + name, default=None)


def results(doc: Doc) -> dict:
    """The outputs of ``doc`` by their names without the prefix (``"quotes"``, ...): a record's makings."""
    return {name: getattr(doc._, PREFIX + name) for name in OUTPUTS}
