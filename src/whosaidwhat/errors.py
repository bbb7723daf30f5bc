"""Errors users see. Each carries a short code, so a message can be searched for."""

from __future__ import annotations


class WhosaidwhatError(Exception):
    """Base class: ``str(error)`` is a one-line message fit for a terminal."""

    code = "W000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class ReadError(WhosaidwhatError):
    """An input could not be read as an article: missing, empty, binary, too large, malformed."""

    code = "W100"

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path or '<stdin>'}: {reason}")


class ModelNotFound(WhosaidwhatError):
    """The requested spaCy pipeline is not installed or is not English."""

    code = "W200"


class AnalysisError(WhosaidwhatError):
    """The language analysis failed on one article (the others go on)."""

    code = "W210"

    def __init__(self, path: str | None, error: Exception):
        self.path = path
        self.error = error
        super().__init__(f"{path or '<stdin>'}: analysis failed: {type(error).__name__}: {error}")
