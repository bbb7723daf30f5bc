"""The ``Doc._`` extensions whosaidwhat's components read and write.

Registered once, idempotently, so any module may call :func:`register` first.
Values are plain Python data (ints, strings, dicts, lists), never spaCy objects,
so a Doc round-trips through ``DocBin`` and across processes.

Offsets are character offsets into ``doc.text`` (``[start, end)`` tuples).

Inputs (set by the caller before the pipeline runs, all optional):
    published   ISO date of publication, the anchor for relative times
    headline    the article's headline (the main event reads it)
    paragraphs  body paragraphs as (start, end) tuples

Outputs:
    entities    [{"id", "name", "type", "titles": [str], "mentions": [(start, end)]}]
    quotes      [{"kind", "content": (s, e), "speaker": id|None, "source": (s, e)|None,
                  "cue": (s, e)|None, "addressee": id|None}]
    times       [{"start", "end", "value"}]
    figures     [{"start", "end", "kind", "value", "unit", "qualifier"}]
    events      [{"type", "trigger": (s, e), "who": [id], "whom": [id], "where": [id], "when"}]
    main_event  {"type", "who", "whom", "where", "when", "phrases": {...}} | None
"""

from __future__ import annotations

from spacy.tokens import Doc

# Defaults are None, never a list: spaCy shares a default value between all Docs.
EXTENSIONS = (
    "published",
    "headline",
    "paragraphs",
    "entities",
    "quotes",
    "times",
    "figures",
    "events",
    "main_event",
)


def register() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
