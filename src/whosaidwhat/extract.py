"""From an :class:`~whosaidwhat.readers.Article` to its :class:`~whosaidwhat.record.ArticleRecord`.

The pipeline, step by step: the reader has decoded the text; ``structure`` finds the
headline, dates, byline, sections and body paragraphs; the spaCy pipeline analyses the
body (everything else is blanked with spaces, so offsets still point into the text);
the record gathers it all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language

from whosaidwhat.nlp.pipeline import Item, analyse_results
from whosaidwhat.readers import Article
from whosaidwhat.record import (
    ArticleRecord,
    Entity,
    Event,
    Figure,
    MainEvent,
    Quote,
    Section,
    Source,
    Span,
    Time,
)
from whosaidwhat.structure import Structure, parse_structure
from whosaidwhat.structure.dates import printed_dates

_NOT_NEWLINE = re.compile(r"[^\n]")


def extract(article: Article, nlp: Language) -> ArticleRecord:
    """The record of one article."""
    return next(extract_many([article], nlp))


def extract_many(
    articles: Iterable[Article],
    nlp: Language,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[ArticleRecord]:
    """Records of many articles, streamed through the spaCy pipeline.

    Without ``on_error`` a failing article stops the stream; with it, the article and
    its error are handed over and the stream goes on with the next article.
    """
    pending: dict[int, tuple[Article, Structure]] = {}

    def items() -> Iterator[Item]:
        for index, article in enumerate(articles):
            structure = parse_structure(article)
            pending[index] = (article, structure)
            # Relative times resolve against publication, else the last update.
            anchor = structure.published or structure.updated
            yield Item(
                body_only(article.text, structure.paragraphs),
                published=anchor,
                headline=structure.headline,
                paragraphs=structure.paragraphs,
                dateline=dateline_of(article.text, structure.dateline),
            )

    def report(index: int, exc: Exception) -> None:
        article, _ = pending.pop(index)
        on_error(article, exc)

    for index, results in analyse_results(nlp, items(), on_error=report if on_error else None):
        article, structure = pending.pop(index)
        yield build_record(article, structure, results)


def dateline_of(text: str, place: tuple[int, int] | None) -> tuple[int, int, str] | None:
    """The dateline's place as the pipeline takes it, with its name: the parser sees it blanked."""
    return (*place, text[place[0] : place[1]]) if place else None


def body_only(text: str, paragraphs: list[tuple[int, int]]) -> str:
    """``text`` as the parser should see it, every offset where it was.

    Outside the body paragraphs everything but newlines is blanked: the headline,
    dateline, byline and section headings would otherwise run into the sentences
    around them. Inside a paragraph, line breaks become spaces, so a sentence
    hard-wrapped over several lines stays one sentence.
    """
    if not paragraphs:
        return text
    pieces, pos = [], 0
    for start, end in sorted(paragraphs):
        pieces.append(_NOT_NEWLINE.sub(" ", text[pos:start]))
        pieces.append(text[start:end].replace("\r", " ").replace("\n", " "))
        pos = end
    pieces.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(pieces)


def build_record(article: Article, structure: Structure, results: dict) -> ArticleRecord:
    """The record of ``article`` from its structure and the pipeline's results (``Doc._`` outputs).

    ``results`` is emptied on the way, each value let go once converted, so that a long
    article's results and its record are never both held whole.
    """
    text = article.text

    def span(bounds) -> Span | None:
        if bounds is None:
            return None
        start, end = bounds
        return Span(start=start, end=end, text=text[start:end])

    return ArticleRecord(
        source=Source(path=article.path, url=article.url, format=article.format, sha256=article.sha256),
        headline=structure.headline,
        published=structure.published,
        updated=structure.updated,
        authors=structure.authors,
        agencies=structure.agencies,
        text=text,
        paragraphs=[span(p) for p in structure.paragraphs],
        sections=[Section(heading=h, start=s, end=e) for h, s, e in structure.sections],
        entities=[
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                titles=e.get("titles", []),
                mentions=[span(m) for m in e["mentions"]],
            )
            for e in _consumed(results, "entities")
        ],
        quotes=[
            Quote(
                id=f"q{i}",
                kind=q["kind"],
                content=span(q["content"]),
                speaker=q.get("speaker"),
                source=span(q.get("source")),
                cue=span(q.get("cue")),
                addressee=q.get("addressee"),
                when=q.get("when"),
                where=q.get("where"),
            )
            for i, q in enumerate(_consumed(results, "quotes"), start=1)
        ],
        times=[
            *header_times(text, structure),
            *(
                Time(start=t["start"], end=t["end"], text=text[t["start"] : t["end"]], value=t["value"])
                for t in _consumed(results, "times")
            ),
        ],
        figures=[Figure(text=text[f["start"] : f["end"]], **f) for f in _consumed(results, "figures")],
        events=[
            Event(
                type=e["type"],
                trigger=span(e["trigger"]),
                who=e.get("who", []),
                whom=e.get("whom", []),
                where=e.get("where", []),
                when=e.get("when"),
            )
            for e in _consumed(results, "events")
        ],
        main_event=MainEvent(**main) if (main := results.pop("main_event", None)) else None,
        warnings=[*article.warnings, *structure.warnings],
    )


def header_times(text: str, structure: Structure) -> list[Time]:
    """The dates printed above the body ("Published October 3, 2024"), which the pipeline never sees."""
    if not structure.paragraphs:
        return []
    body_start = min(start for start, _ in structure.paragraphs)
    return [
        Time(start=start, end=end, text=text[start:end], value=value)
        for start, end, value in printed_dates(text, body_start)
    ]


def _consumed(results: dict, key: str) -> Iterator:
    """The items of ``results[key]`` in order, each dropped from the list once taken; the key goes."""
    items = results.pop(key, None) or []
    items.reverse()
    while items:
        yield items.pop()
