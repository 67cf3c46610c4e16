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
    data: bytes,
    path: str,
    *,
    html: bool = False,
    declared: str | None = None,
    encoding: str | None = None,
) -> str:
    """Decode an input file's bytes, or raise InputError saying why they are not text.

    UTF-8 (with or without a BOM) and UTF-16/32 with a BOM are read. Other encodings are read
    only when declared: by the container (``declared``: the charset of an HTTP header, as a
    WARC record or a fetched page has), for HTML and feeds (``html``) by the document itself
    (a ``<meta>`` charset, an XML declaration's encoding), or else by the user (``encoding``,
    ``--encoding``: what the inputs that are not UTF-8 and declare nothing are written in).
    Anything else is refused rather than guessed, so a wrong encoding never turns into
    mojibake in a brief.
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    for bom, marked in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(marked)
            except UnicodeDecodeError as exc:
                raise InputError(
                    path,
                    f"starts with a {marked.upper()} byte-order mark but is not valid "
                    f"{marked.upper()} (byte {exc.start}); re-save it as UTF-8",
                ) from exc
            return _check_text(text, path)
    if b"\x00" in data[:65536]:
        raise _nul_bytes(data[:65536], path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        named = _known_charset(declared) if declared else None
        declared = named or (_declared_charset(data) if html else None)
        given = declared is None and encoding is not None
        declared = declared or encoding
        if declared is None:
            raise InputError(
                path,
                f"is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}); re-save it as UTF-8, or give its encoding (--encoding, or an "
                "upload's encoding field; Windows tools often write cp1252)",
            ) from exc
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError) as exc2:
            whose = "the --encoding given" if given else "its declared charset"
            raise InputError(
                path,
                f"is neither valid UTF-8 nor valid in {whose} {declared!r}; re-save it as UTF-8",
            ) from exc2
    return _check_text(text, path)


def known_encoding(name: str) -> str:
    """The codec name of an encoding a user gives (``--encoding``), or ValueError saying why
    it cannot be used: unknown to Python, or UTF-16/32, which need a byte-order mark to be
    read safely."""
    try:
        b"ab".decode(name)  # refuses names Python does not know, and bytes-to-bytes codecs
    except UnicodeDecodeError:
        pass
    except LookupError:
        try:
            codecs.lookup(name)
        except LookupError:
            raise ValueError(
                f"no such encoding {name!r}; give one such as cp1252 or latin-1"
            ) from None
        raise ValueError(f"{name!r} is not a text encoding; give one such as cp1252 or latin-1") from None
    found = codecs.lookup(name)
    if found.name.startswith(("utf-16", "utf-32")):
        raise ValueError(
            f"{name}: UTF-16/32 files are read from their byte-order mark; "
            "give the encoding of files without one (e.g. cp1252)"
        )
    return found.name


def check_head(head: bytes, path: str, *, final: bool, encoding: str | None = None) -> str:
    """Check the start of a file read in pieces; returns the encoding its lines are in.

    ``head`` is the whole file when ``final`` is true: then, without ``encoding``, it gets
    exactly the checks of ``decode_text`` (empty, binary, not UTF-8). Otherwise a multi-byte character cut at the
    end of ``head`` is not an error, and emptiness is left to the reader, which sees the rest.
    The encoding is ``utf-8`` (a UTF-8 byte-order mark is left for the reader to drop) or, after
    a UTF-16/32 byte-order mark, that encoding. ``encoding``: what lines that are not UTF-8
    are written in; the reader then decodes each line in UTF-8 or, failing that, in it.
    """
    if final and encoding is None:
        decode_text(head, path)
    for bom, marked in _BOMS:
        if head.startswith(bom):
            found = "utf-8" if marked == "utf-8-sig" else marked
            break
    else:
        found = "utf-8"
    if final and encoding is None:
        return found
    if final and not head.strip():
        raise InputError(path, "the file is empty")
    if found == "utf-8" and b"\x00" in head:
        raise _nul_bytes(head, path)
    try:
        text = codecs.getincrementaldecoder(found)().decode(head, final=False)
    except UnicodeDecodeError as exc:
        if found != "utf-8" or encoding is None:
            raise InputError(
                path,
                f"is not valid {found.upper()} (bad byte 0x{head[exc.start]:02x} at offset "
                f"{exc.start}); re-save it as UTF-8",
            ) from exc
        # lines in UTF-8 and lines in the encoding given: the reader decodes each on its own
        text = head.decode("utf-8", errors="replace")
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise InputError(path, "looks like a binary file (many control characters), not text")
    return found


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
