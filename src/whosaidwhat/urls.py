"""Web addresses as pages, archives and feeds give them, some of them malformed.

``urlsplit`` raises ValueError on an address it cannot split (``http://[broken/x``, an
IPv6 bracket left open); here such an address is no address at all, so one bad link
never stops the article that carries it.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split_url(url: str) -> SplitResult | None:
    """The parts of ``url``, or None when it cannot be split."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def host_of(url: str | None) -> str | None:
    """The host ``url`` names, lower case; None for no address, one without a host, or one
    that cannot be parsed."""
    parts = split_url(url) if url else None
    return parts.hostname if parts else None
