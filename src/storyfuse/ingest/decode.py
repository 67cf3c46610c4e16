"""Bytes to text: the one place that decides whether an input is text at all."""

from __future__ import annotations

import codecs
import re

from storyfuse.model import InputError

# Byte-order marks, longest first so UTF-32 LE is not mistaken for UTF-16 LE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text (tab, newline, carriage return, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_CHARSET_PARAMETER = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def charset_of(content_type: str | None) -> str | None:
    """The charset a Content-Type header names ("text/html; charset=windows-1252"), if any."""
    match = _CHARSET_PARAMETER.search(content_type or "")
    return match.group(1) if match else None


def decode_text(
    data: bytes, path: str, *, html: bool = False, declared: str | None = None
) -> str:
    """Decode an input file's bytes, or raise InputError saying why they are not text.

    UTF-8 (with or without a BOM) and UTF-16/32 with a BOM are read. Other encodings are read
    only when declared: by the container (``declared``: the charset of an HTTP header, as a
    WARC record or a fetched page has) or, for HTML and feeds (``html``), by the document itself
    (a ``<meta>`` charset, an XML declaration's encoding). Anything else is refused rather than
    guessed, so a wrong encoding never turns into mojibake in a brief.
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    path,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start}); re-save it as UTF-8",
                ) from exc
            return _check_text(text, path)
    if b"\x00" in data[:65536]:
        raise _nul_bytes(data[:65536], path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        named = _known_charset(declared) if declared else None
        declared = named or (_declared_charset(data) if html else None)
        if declared is None:
            raise InputError(
                path,
                f"is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}); re-save it as UTF-8",
            ) from exc
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError) as exc2:
            raise InputError(
                path,
                f"is neither valid UTF-8 nor valid in its declared charset {declared!r}; "
                "re-save it as UTF-8",
            ) from exc2
    return _check_text(text, path)


def check_head(head: bytes, path: str, *, final: bool) -> str:
    """Check the start of a file read in pieces; returns the encoding its lines are in.

    ``head`` is the whole file when ``final`` is true: then it gets exactly the checks of
    ``decode_text`` (empty, binary, not UTF-8). Otherwise a multi-byte character cut at the
    end of ``head`` is not an error, and emptiness is left to the reader, which sees the rest.
    The encoding is ``utf-8`` (a UTF-8 byte-order mark is left for the reader to drop) or, after
    a UTF-16/32 byte-order mark, that encoding.
    """
    if final:
        decode_text(head, path)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            encoding = "utf-8" if encoding == "utf-8-sig" else encoding
            break
    else:
        encoding = "utf-8"
    if final:
        return encoding
    if encoding == "utf-8" and b"\x00" in head:
        raise _nul_bytes(head, path)
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"is not valid {encoding.upper()} (bad byte 0x{head[exc.start]:02x} at offset "
            f"{exc.start}); re-save it as UTF-8",
        ) from exc
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise InputError(path, "looks like a binary file (many control characters), not text")
    return encoding


def _nul_bytes(sample: bytes, path: str) -> InputError:
    """Why a file with NUL bytes is refused: UTF-16 without its byte-order mark (every other
    byte NUL, as Windows tools may write it), else a binary file."""
    half = len(sample) // 2
    for start, order in ((1, "little"), (0, "big")):
        high, low = sample[start::2], sample[1 - start :: 2]
        letters = sum(32 <= b < 127 or b in (9, 10, 13) for b in low)
        if half >= 8 and high.count(0) > 0.9 * half and letters > 0.9 * half:
            return InputError(
                path,
                f"looks like UTF-16 text ({order}-endian) without a byte-order mark; "
                "re-save it as UTF-8",
            )
    return InputError(
        path,
        "looks like a binary file (it contains NUL bytes), not text; "
        "give a .txt, .html, .jsonl, WARC or feed file",
    )


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:8192])
    if not match:
        return None
    return _known_charset((match.group(1) or match.group(2)).decode("ascii", "replace"))


def _known_charset(name: str) -> str | None:
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return None
    # a declared UTF-16/32 without a byte-order mark is a mistake, not an encoding to trust
    return None if found.startswith(("utf-16", "utf-32")) else found


def _check_text(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(path, "the file is empty (only whitespace)")
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise InputError(path, "looks like a binary file (many control characters), not text")
    return text
