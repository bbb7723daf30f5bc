"""Bytes to text: byte-order marks, UTF-8, legacy single-byte encodings; refusing binary data.

A byte-order mark is not part of the content: it is dropped, so ``Article.text`` (and
every offset into it) starts at the first character after the mark.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from whosaidwhat.errors import ReadError

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Leading bytes of common binary formats, with a name for the error message.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

NUL_BYTES = "it contains NUL bytes"

#: When charset-normalizer rates several encodings equally (short English text fits many
#: Western and Central European code pages alike), the most widespread one wins.
PREFERRED_ENCODINGS: tuple[str, ...] = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1250")

#: Share of control characters (other than tab, newline, carriage return, form feed)
#: above which decoded text is taken for binary data.
MAX_CONTROL_SHARE = 0.01
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: How much of the text the control-character check looks at.
SAMPLE_CHARS = 65536


def decode(data: bytes, path: str | None = None) -> str:
    """Decode ``data`` as text, or raise :class:`ReadError` if it is binary or undecodable."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_decode_strict(data[len(bom) :], encoding, path), path)
    kind = binary_kind(data)
    if kind == NUL_BYTES:
        wide = _decode_wide_unicode(data)
        if wide is not None:
            return _checked(wide, path)
    if kind:
        raise ReadError(path, f"binary file ({kind}), not a text or HTML article")
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        return _checked(_decode_legacy(data, path), path)


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` is in, judged by magic numbers and NUL bytes; None for text."""
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            return name
    if b"\x00" in data[:8192]:
        return NUL_BYTES
    return None


def _decode_wide_unicode(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text written without a byte-order mark (NUL bytes are its zero halves)."""
    best = from_bytes(data).best()
    if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
        return str(best)
    return None


def _decode_strict(data: bytes, encoding: str, path: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"invalid {encoding} text at byte {exc.start}") from None


def _decode_legacy(data: bytes, path: str | None) -> str:
    return data.decode(legacy_encoding(data, path))


def legacy_encoding(data: bytes, path: str | None = None) -> str:
    """The encoding charset-normalizer finds most plausible for non-UTF-8 bytes."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ReadError(path, "binary file or unknown text encoding")
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for preferred in PREFERRED_ENCODINGS:
        for match in tied:
            if preferred in match.could_be_from_charset:
                return preferred
    return best.encoding


def guessed_encoding(data: bytes) -> str | None:
    """The encoding :func:`decode` guesses for text that is not UTF-8 and names no encoding of
    its own (by a byte-order mark); None when no guess was needed."""
    if any(data.startswith(bom) for bom, _ in BOMS) or binary_kind(data):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        return legacy_encoding(data)


def _checked(text: str, path: str | None) -> str:
    """``text`` unless it is mostly control characters (binary data that happened to decode)."""
    sample = text[:SAMPLE_CHARS]
    if sample and len(CONTROL_CHARACTERS.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise ReadError(path, "binary file (control characters), not a text or HTML article")
    return text
