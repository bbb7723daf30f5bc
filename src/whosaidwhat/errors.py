"""Errors users see. Each carries a short code, so a message can be searched for."""

from __future__ import annotations


class WhosaidwhatError(Exception):
    """Base class: ``str(error)`` is a one-line message fit for a terminal."""

    code = "W000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class ArticleError(WhosaidwhatError):
    """One article failed: ``path`` (None for standard input) and the ``reason``."""

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path or '<stdin>'}: {reason}")


class ReadError(ArticleError):
    """An input could not be read as an article: missing, empty, binary, too large, malformed."""

    code = "W100"


class ModelNotFound(WhosaidwhatError):
    """The requested spaCy pipeline is not installed or is not English."""

    code = "W200"


class AnalysisError(ArticleError):
    """The language analysis failed on one article (the others go on)."""

    code = "W210"

    def __init__(self, path: str | None, error: Exception):
        self.error = error
        super().__init__(path, f"analysis failed: {type(error).__name__}: {error}")


class AnalysisUnavailable(WhosaidwhatError):
    """The process analysing an article died (out of memory, killed); a new one takes the next."""

    code = "W220"


class AnalysisTimedOut(WhosaidwhatError):
    """An article was analysed for longer than the limit; its worker process was replaced."""

    code = "W221"


class ExtractorBusy(WhosaidwhatError):
    """Too many articles are waiting to be analysed; the request may be sent again later."""

    code = "W222"


class QueryError(WhosaidwhatError):
    """A search or filter that cannot be run: malformed search syntax, a bad date."""

    code = "W300"


class StoreError(WhosaidwhatError):
    """The database cannot be opened."""

    code = "W301"


class RayMissing(WhosaidwhatError):
    """Ray (the ``scale`` extra) is not installed."""

    code = "W400"


def first_line(error: BaseException) -> str:
    """The first line of an error's message (its type's name when it has none), fit for a one-line message."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
