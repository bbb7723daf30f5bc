"""The per-article work of an ingest, the same in every process of every engine: read a
batch of items and analyse the articles, each coming back as a record or a failure."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from whosaidwhat.errors import AnalysisError
from whosaidwhat.readers import MAX_BYTES, Article, Failure, Item, article_or_failure

if TYPE_CHECKING:
    from spacy.language import Language

#: A page whose main text is shorter than this (a menu, a cookie notice) holds no article.
MIN_ARTICLE_WORDS = 5


class Stored(NamedTuple):
    """An analysed article: its record as the contract's JSON dict."""

    path: str | None
    record: dict


Outcome = Stored | Failure


def process_items(items: list[Item], nlp: Language, max_bytes: int = MAX_BYTES) -> list[Outcome]:
    """Read and analyse items; every item comes back, in order, as a Stored record or a Failure."""
    from whosaidwhat.extract import extract_many

    outcomes: dict[int, Outcome] = {}
    readable: list[tuple[int, Article]] = []
    for index, item in enumerate(items):
        article = corpus_article(item, max_bytes)
        if isinstance(article, Failure):
            outcomes[index] = article
        else:
            readable.append((index, article))
    try:
        records = list(extract_many([article for _, article in readable], nlp))
        for (index, _), record in zip(readable, records, strict=True):
            outcomes[index] = Stored(items[index].path, record.to_dict())
    except Exception:
        for index, article in readable:
            outcomes[index] = extract_one(items[index].path, article, nlp)
    return [outcomes[index] for index in range(len(items))]


def corpus_article(item: Item, max_bytes: int) -> Article | Failure:
    """The item's article if it is one worth storing: readable, and more than a few words."""
    article = article_or_failure(item, max_bytes)
    if isinstance(article, Article) and len(article.text.split()) < MIN_ARTICLE_WORDS:
        return Failure(item.path, f"no article text (fewer than {MIN_ARTICLE_WORDS} words)")
    return article


def extract_one(path: str | None, article: Article, nlp: Language) -> Outcome:
    """One article analysed on its own, so that an error is charged to the article that caused it."""
    from whosaidwhat.extract import extract

    try:
        return Stored(path, extract(article, nlp).to_dict())
    except Exception as exc:  # any analysis error is this article's failure, not the run's
        return Failure(path, AnalysisError(path, exc).reason[:300])
