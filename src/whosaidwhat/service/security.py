"""What every answer of the service carries, and whom it answers.

:class:`SecureResponses` wraps the whole application, so that JSON, pages, static files
and errors alike carry the same headers: no content-type sniffing, a Content-Security-Policy
allowing only this server's own scripts and styles (no inline script, nothing from
elsewhere), no referrer sent to other sites, no framing.

It also refuses requests whose ``Host`` header names a server it is not. A server on
loopback trusts that only this machine reaches it; a web page from ``evil.example.com``
whose DNS name is re-pointed at 127.0.0.1 ("DNS rebinding") would reach it too, through
the visitor's browser, but its requests carry ``Host: evil.example.com``.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
#: The names by which this machine reaches itself.
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


#: A ``Host`` header: a bracketed IPv6 literal, or a name or IPv4 address, then an optional port.
HOST_HEADER = re.compile(r"(?:\[(?P<ipv6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9_.-]+))(?::\d{1,5})?")


def is_loopback(host: str) -> bool:
    """Whether a listening address or host name is this machine alone."""
    name = address_name(host)
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def allowed_hosts(listening: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The ``Host`` names a server listening on ``listening`` answers to: on loopback, the
    loopback names, the address itself and ``extra``; elsewhere (None) any name."""
    if not is_loopback(listening):
        return None
    names = {address_name(listening)} | {address_name(name) for name in extra}
    return LOOPBACK_NAMES | {name for name in names if name}


def host_name(header: str) -> str | None:
    """The name in a ``Host`` header, without its port, brackets or final dot, in lower case:
    ``[::1]:8000`` is ``::1``, ``LocalHost.:80`` is ``localhost``; None for a malformed header
    (``[localhost]evil.example.com``, ``[not-an-address]``, ``name:port``)."""
    match = HOST_HEADER.fullmatch(header.strip().lower())
    if match is None:
        return None
    if match["ipv6"] is not None:
        try:
            return str(ipaddress.IPv6Address(match["ipv6"]))
        except ValueError:
            return None
    return match["name"].rstrip(".")


def address_name(address: str) -> str | None:
    """A listening address or a name given on the command line, as :func:`host_name` reads it;
    an IPv6 address may be written bare (``::1``)."""
    try:
        return str(ipaddress.IPv6Address(address.strip()))
    except ValueError:
        return host_name(address)


def public_path(path: str | None) -> str | None:
    """An article's source as the service shows it: a URL whole, a file by its name alone,
    never the directories of the server it was read on."""
    if not path or "://" in path:
        return path
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or None


def public_record(record: dict | None) -> dict | None:
    """A stored record as the service shows it: its source named by URL or file name alone."""
    if record is None or not record.get("source"):
        return record
    return {**record, "source": {**record["source"], "path": public_path(record["source"].get("path"))}}


def public_rows(rows: list[dict]) -> list[dict]:
    """Article rows as the service shows them: each named by URL or file name alone."""
    return [{**row, "path": public_path(row.get("path"))} for row in rows]


class SecureResponses:
    """ASGI middleware: the security headers on every response, and 400 for an unknown ``Host``.

    ``hosts`` None accepts any host name (a server reachable from the network by any name).
    """

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None = None):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        if self.hosts is not None and host_name(self.host(scope)) not in self.hosts:
            await self.refuse(scope, send_secured)
            return
        await self.app(scope, receive, send_secured)

    @staticmethod
    def host(scope: Scope) -> str:
        for name, value in scope.get("headers", []):
            if name == b"host":
                return value.decode("latin-1")
        return ""

    async def refuse(self, scope: Scope, send: Send) -> None:
        body = (
            f"Host {self.host(scope)[:100]!r} is not this server: it answers to "
            f"{', '.join(sorted(self.hosts or ()))}. "
            "Start it with --allow-host NAME to be reached by another name.\n"
        ).encode()
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})
