"""Stage 1, ingest: read files and folders into Documents. See ``read``.

Formats, chosen by extension (a ``.gz`` of any of them is read too):

- ``.txt``                 one article, plain text (usually copied from a web page)
- ``.html`` / ``.htm``     one article page; body and metadata through trafilatura
- ``.jsonl``               one article a line: ``id``, ``text`` or ``html``, optional ``title``,
                           ``url``, ``outlet``, ``published``, ``authors``
- ``.warc``                each HTML response record is an article
- ``.xml`` ``.rss`` ``.atom``  an RSS/Atom feed; each entry is an article

Bad input never raises: each unreadable file (or JSONL line, or record) becomes one ``Problem``
naming it and saying what is wrong, and the rest of the batch is still read.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import re
import stat
import zlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Protocol, cast

from storyfuse import limits
from storyfuse.ingest import readers
from storyfuse.ingest.decode import charset_of
from storyfuse.ingest.records import sha256, slug
from storyfuse.model import Document, InputError, Problem

log = logging.getLogger(__name__)

__all__ = [
    "MAX_FILE_BYTES",
    "ONE_ARTICLE_FORMATS",
    "READERS",
    "read",
    "read_files",
    "source_file",
]


class Reader(Protocol):
    """A format's reader: a file's path and bytes to its items; ``encoding`` is the user's, for
    input that is not UTF-8 and declares no encoding (``decode.decode_text``)."""

    def __call__(
        self, path: str, data: bytes, *, encoding: str | None = None
    ) -> Iterator[Document | Problem]: ...


class StreamReader(Protocol):
    """A reader of an archive streamed from its open file, record by record."""

    def __call__(
        self, path: str, fh: BinaryIO, *, encoding: str | None = None
    ) -> Iterator[Document | Problem]: ...


class FileReader(Protocol):
    """Reads HTML pages: each file's items, in order (``read_files``, or the same spread over
    worker processes: ``engines.pool.WorkerPool.read_files``)."""

    def __call__(
        self, paths: list[str], encoding: str | None = None
    ) -> list[list[Document | Problem]]: ...

READERS: dict[str, Reader] = {
    ".txt": readers.read_text,
    ".text": readers.read_text,
    ".html": readers.read_html,
    ".htm": readers.read_html,
    ".xhtml": readers.read_html,
    ".jsonl": readers.read_jsonl,
    ".warc": readers.read_warc,
    ".xml": readers.read_feed,
    ".rss": readers.read_feed,
    ".atom": readers.read_feed,
}

# A news article is never this large; a bigger file is a mistake (or an archive: WARC/JSONL).
MAX_FILE_BYTES = 50_000_000
# JSONL and WARC archives are read record by record (memory: about one record), so may be large.
MAX_ARCHIVE_BYTES = 2_000_000_000
# A feed is parsed whole (feedparser reads the whole document), which takes about four times
# its size in memory: feeds get a smaller cap than the streamed archives.
MAX_FEED_BYTES = 200_000_000
# Wall-clock budget for reading one article (or one record of an archive).
SECONDS_PER_DOCUMENT = 60.0


OUTLET_CHARS = 200  # the longest outlet name ``read`` accepts from its caller


def given_outlet(name: str) -> str:
    """An outlet name a user gives (``--outlet``), its spaces tidied; ValueError when it is
    empty or longer than ``OUTLET_CHARS``."""
    outlet = " ".join(name.split())
    if not outlet:
        raise ValueError("an outlet's name cannot be empty")
    if len(outlet) > OUTLET_CHARS:
        raise ValueError(f"an outlet's name is at most {OUTLET_CHARS} characters, not {len(outlet)}")
    return outlet


def read(
    paths: Sequence[str],
    read_many: FileReader | None = None,
    encoding: str | None = None,
    outlet: str | None = None,
) -> Iterator[Document | Problem]:
    """Read files and folders (recursively, in sorted order) into Documents.

    A folder contributes every file with a known extension (hidden files skipped); a file given
    by name must have a known extension. Each input that cannot be read yields a ``Problem``.

    A one-article file's id is its name without the extension. When two different files have
    the same name (the index.html of each folder of a mirrored site), the later one's id adds
    its folder's name ("rail-index"), so that neither is dropped as a duplicate.

    ``read_many`` reads the HTML pages of a folder, or named one after another
    (``pages/*.html``), instead of this process reading them one after another: worker
    processes can take the pages' extraction, the costliest part of reading (about 45 ms a
    page). The result is the same.

    ``encoding`` (``--encoding``) is what the inputs that are not UTF-8 and declare no encoding
    are written in (cp1252 for text saved by Windows tools); without it they are refused.

    ``outlet`` (``--outlet``) is the outlet of the inputs whose metadata names none (an HTML
    page's site name, a JSONL record's or a feed's own outlet wins): a folder of one outlet's
    plain-text articles, where cleaning would otherwise look for the outlet in the text.
    """
    for item in _read(paths, read_many, encoding):
        if outlet and isinstance(item, Document) and not item.outlet:
            item = replace(item, outlet=outlet)
        yield item


def _read(
    paths: Sequence[str], read_many: FileReader | None, encoding: str | None
) -> Iterator[Document | Problem]:
    owners: dict[str, str] = {}  # id of a one-article file -> the file it was read from
    named: list[Path | Problem] = []  # files named one after another, read together
    for given in paths:
        path = Path(given)
        if _URL.match(given):
            yield from _read_entries(named, owners, read_many, encoding)
            named = []
            yield from _read_url(given)
        elif path.is_dir():
            yield from _read_entries(named, owners, read_many, encoding)
            named = []
            yield from _read_entries(list(_walk(path)), owners, read_many, encoding)
        elif path.exists():
            if reader_for(str(path)) is None:
                named.append(
                    Problem(
                        str(path),
                        "unknown file type; give a .txt, .html, .htm, .jsonl, "
                        ".warc, .xml, .rss or .atom file (optionally .gz)",
                    )
                )
            else:
                named.append(path)
        else:
            named.append(Problem(given, "no such file or folder"))
    yield from _read_entries(named, owners, read_many, encoding)


def read_files(paths: list[str], encoding: str | None = None) -> list[list[Document | Problem]]:
    """Each file's items, in order (a ``FileReader``; a worker process's task)."""
    return [list(_read_file(path, encoding)) for path in paths]


def _a_page(entry: Path | Problem) -> bool:
    """An HTML page: reading it is its extraction, about 45 ms. A text file takes under a
    millisecond to read, less than sending it to another process and back."""
    return isinstance(entry, Path) and reader_for(str(entry)) is readers.read_html


def _read_entries(
    entries: list[Path | Problem],
    owners: dict[str, str],
    read_many: FileReader | None,
    encoding: str | None = None,
) -> Iterator[Document | Problem]:
    """Files and problems (a folder's, from ``_walk``, or those named), in order; each run of
    HTML pages through ``read_many`` when given, the rest here (archives and feeds record by
    record)."""
    i = 0
    while i < len(entries):
        end = i
        while read_many is not None and end < len(entries) and _a_page(entries[end]):
            end += 1
        if read_many is not None and end - i > 1:
            files = cast(list[Path], entries[i:end])
            read_items = read_many([str(file) for file in files], encoding)
            for file, items in zip(files, read_items, strict=True):
                yield from _own_ids(iter(items), file, owners)
            i = end
            continue
        entry = entries[i]
        i += 1
        if isinstance(entry, Problem):
            yield entry
        else:
            yield from _own_ids(_read_file(str(entry), encoding), entry, owners)


def _own_ids(
    items: Iterator[Document | Problem], file: Path, owners: dict[str, str]
) -> Iterator[Document | Problem]:
    """The items of one file, a one-article file's id made its own (see ``read``)."""
    try:
        where = str(file.resolve())
    except OSError:
        where = str(file.absolute())
    for item in items:
        if isinstance(item, Document) and item.path == str(file):
            owner = owners.setdefault(item.id, where)
            if owner != where:
                parent = slug(file.parent.absolute().name) or "file"
                doc_id = f"{parent}-{item.id}"
                if owners.setdefault(doc_id, where) != where:
                    doc_id = f"{doc_id}-{sha256(where)[:8]}"
                    owners.setdefault(doc_id, where)
                item = replace(item, id=doc_id)
        yield item


_URL = re.compile(r"^https?://", re.IGNORECASE)

# Formats whose file (or URL) holds one article: its path is the file's own.
ONE_ARTICLE_FORMATS = frozenset({"text", "html"})


def source_file(path: str, format: str) -> str:
    """The file (or URL) a document was read from, given its ``Document.path`` and ``format``.

    A JSONL record's path names its line ("export.jsonl:12"), a WARC record's its URL
    ("crawl.warc.gz#https://..."), a feed entry's its place ("feed.xml#3"): each is cut back to
    the file. A file is made absolute (against the working folder, where it is read) with its
    links resolved, so one file named from two places is one source; a URL is kept as given.
    """
    head = path
    if format == "jsonl":
        before, _, line = path.rpartition(":")
        head = before if before and line.isdigit() else path
    elif format == "warc":
        # the record's URL may hold a "#" too: the file is the shortest prefix naming a WARC
        cuts = [m.start() for m in re.finditer("#", path)]
        head = next(
            (path[:c] for c in cuts if reader_for(path[:c]) is readers.read_warc),
            path[: cuts[0]] if cuts else path,
        )
    elif format == "feed":
        before, _, entry = path.rpartition("#")
        head = before if before and entry.isdigit() else path
    return head if _URL.match(head) else os.path.realpath(head)


def _read_url(url: str) -> Iterator[Document | Problem]:
    """A page named on the command line: the only way analysis touches the network.

    ``storyfuse.fetch`` refuses private, loopback and link-local addresses and bounds size and
    time; URLs found inside article text are never fetched.
    """
    from storyfuse.fetch import fetch

    try:
        page = fetch(url)
        kind = page.content_type.split(";")[0].strip().lower()
        charset = charset_of(page.content_type)
        if "html" in kind:
            documents = readers.read_html(url, page.body, charset)
        elif "xml" in kind or "rss" in kind or "atom" in kind:
            documents = readers.read_feed(url, page.body, charset)
        else:
            documents = readers.read_text(url, page.body, charset)
        for item in documents:
            if isinstance(item, Document) and not item.url:
                item = replace(item, url=page.url)
            yield item
    except InputError as exc:
        yield Problem(exc.path, exc.reason)


def reader_for(path: str) -> Reader | None:
    name = path.lower()
    if name.endswith(".warc.gz"):
        return readers.read_warc
    name = name.removesuffix(".gz")
    return READERS.get(os.path.splitext(name)[1])


def _walk(folder: Path) -> Iterator[Path | Problem]:
    """The known-type files under ``folder``, sorted, and a Problem for each folder that cannot
    be listed. Linked folders are followed, each real folder once (a link loop ends)."""
    found: list[Path] = []
    unlisted: list[Problem] = []
    seen: set[str] = set()

    def refused(exc: OSError) -> None:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        unlisted.append(Problem(str(exc.filename), f"folder cannot be read: {reason or exc}"))

    for root, dirs, files in os.walk(folder, onerror=refused, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # reached again through a link
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            file = Path(root, name)
            if not name.startswith(".") and reader_for(str(file)) is not None:
                found.append(file)
    yield from sorted(unlisted, key=lambda p: p.path)
    yield from sorted(found)


# Readers that take a binary file object and read it record by record: their memory is about
# one record, so they may read files up to MAX_ARCHIVE_BYTES (and .gz ones decompressing to it).
STREAMED: dict[Reader, StreamReader] = {
    readers.read_jsonl: readers.read_jsonl_stream,
    readers.read_warc: readers.read_warc_stream,
}


def _size_limit(reader: Reader) -> int:
    if reader in STREAMED:
        return MAX_ARCHIVE_BYTES
    if reader is readers.read_feed:
        return MAX_FEED_BYTES
    return MAX_FILE_BYTES


def _read_file(path: str, encoding: str | None = None) -> Iterator[Document | Problem]:
    reader = reader_for(path)
    assert reader is not None
    limit = _size_limit(reader)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            # A pipe or a device would block or never end.
            raise InputError(path, "is not a regular file (a pipe, socket or device); skipped")
        size = info.st_size
        if size > limit:
            raise InputError(
                path,
                f"is {size / 1e6:.0f} MB, larger than the {limit // 1_000_000} "
                "MB limit for this kind of file",
            )
        lower = path.lower()
        gzipped = lower.endswith(".gz") and not lower.endswith(".warc.gz")
        with ExitStack() as open_files:
            if reader in STREAMED:
                stream: BinaryIO = open_files.enter_context(open(path, "rb"))
                if gzipped:
                    stream = open_files.enter_context(_gunzipped(path, stream, limit))
                items = STREAMED[reader](path, stream, encoding=encoding)
            else:
                with open(path, "rb") as fh:
                    data = fh.read()
                if gzipped:
                    data = readers.gunzip(path, data, limit)
                items = reader(path, data, encoding=encoding)
            while True:
                with limits.deadline(SECONDS_PER_DOCUMENT, path):
                    item = next(items, None)
                if item is None:
                    break
                yield item
    except InputError as exc:
        yield Problem(exc.path, exc.reason)
    except PermissionError:
        yield Problem(path, "cannot be read: permission denied")
    except IsADirectoryError:
        yield Problem(path, "is a folder where a file was expected")
    except FileNotFoundError:
        if os.path.islink(path):
            yield Problem(path, f"is a link to {os.readlink(path)}, which does not exist")
        else:
            yield Problem(path, "cannot be read: no such file (was it moved or deleted?)")
    except OSError as exc:
        yield Problem(path, f"cannot be read: {exc.strerror or exc}")
    except EOFError:  # a .gz file cut short, found while streaming it
        yield Problem(
            path, "is cut short (the compressed data ends early); records after that are lost"
        )
    except Exception as exc:  # a reader bug must cost one file, never the batch
        log.info("reading %s failed", path, exc_info=True)  # the traceback with --verbose
        yield Problem(path, f"could not be read ({type(exc).__name__}: {exc})")


class _Capped(io.RawIOBase):
    """A decompressed stream that refuses to give more than ``limit`` bytes (a gzip bomb)."""

    def __init__(self, path: str, inner: BinaryIO, limit: int) -> None:
        self._path, self._inner, self._limit, self._given = path, inner, limit, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._given = self._inner.seek(offset, whence)
        return self._given

    def tell(self) -> int:
        return self._given

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._inner.read(len(buffer))
        except (OSError, zlib.error) as exc:
            raise InputError(self._path, f"is not a readable gzip file ({exc})") from exc
        self._given += len(data)
        if self._given > self._limit:
            raise InputError(self._path, f"decompresses to more than {self._limit // 1_000_000} MB")
        buffer[: len(data)] = data
        return len(data)


@contextmanager
def _gunzipped(path: str, compressed: BinaryIO, limit: int) -> Iterator[BinaryIO]:
    """The decompressed content of a .gz file as a stream, at most ``limit`` bytes."""
    with gzip.GzipFile(fileobj=compressed, mode="rb") as inner:
        yield cast(BinaryIO, io.BufferedReader(_Capped(path, cast(BinaryIO, inner), limit)))
