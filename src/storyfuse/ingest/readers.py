"""One reader per input format; each yields Documents and Problems, never raises."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from email.utils import parsedate_tz
from typing import Any, BinaryIO

from storyfuse.ingest.decode import charset_of, check_head, decode_text
from storyfuse.ingest.html import MAX_HTML_CHARS, extract_html
from storyfuse.ingest.records import file_stem, iso_date, record_id, record_slug, sha256
from storyfuse.model import Document, InputError, Problem

Item = Document | Problem
log = logging.getLogger(__name__)


# The longest news articles run to some 100,000 characters; far beyond that is not an article.
MAX_ARTICLE_CHARS = 5_000_000


def _check_size(text: str, where: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            where,
            f"{len(text):,} characters is too long for one news article "
            f"(limit {MAX_ARTICLE_CHARS:,}); split it into articles",
        )


def read_text(
    path: str, data: bytes, charset: str | None = None, *, encoding: str | None = None
) -> Iterator[Item]:
    """``charset``: the encoding the container declares (an HTTP header), if any;
    ``encoding``: the user's, for input that is not UTF-8 and declares none (``decode_text``).
    Every reader takes both."""
    text = decode_text(data, path, declared=charset, encoding=encoding)
    _check_size(text, path)
    yield Document(
        id=file_stem(path),
        path=path,
        format="text",
        body=_body(text, path),
        content_hash=sha256(data),
    )


def read_html(
    path: str, data: bytes, charset: str | None = None, *, encoding: str | None = None
) -> Iterator[Item]:
    text = decode_text(data, path, html=True, declared=charset, encoding=encoding)
    if _OWN_REPORT.search(text[:4096]):
        # A brief written into the folder it analyses would otherwise be read back as an
        # article on the next run, and the brief would cite itself.
        raise InputError(path, "is a storyfuse report, not an article; skipped")
    yield _html_document(file_stem(path), path, "html", text, sha256(data), url=None)


# The title of storyfuse's own HTML report (render/templates/report.html).
_OWN_REPORT = re.compile(r"<title>storyfuse brief(?::|</title>)", re.IGNORECASE)


def _html_document(
    doc_id: str, path: str, fmt: str, html: str, content_hash: str, url: str | None
) -> Document:
    if len(html) > MAX_HTML_CHARS:
        raise InputError(path, f"HTML page of {len(html):,} characters is too large for an article")
    page = extract_html(html, url=url)
    if not _normalise(page.body).strip():
        raise InputError(path, "no article text found in this HTML page")
    published = iso_date(page.date)
    return Document(
        id=doc_id,
        path=path,
        format=fmt,
        body=_normalise(page.body),
        content_hash=content_hash,
        title=page.title,
        outlet=page.sitename,
        authors=page.authors,
        published=published,
        published_from=page.date_from if published else None,
        url=page.url,
        language=page.language,
        from_html=True,
    )


def read_jsonl(path: str, data: bytes, *, encoding: str | None = None) -> Iterator[Item]:
    """The records of a JSONL file held in memory (see ``read_jsonl_stream``)."""
    return read_jsonl_stream(path, io.BytesIO(data), encoding=encoding)


def read_jsonl_stream(path: str, fh: BinaryIO, *, encoding: str | None = None) -> Iterator[Item]:
    """One article a line, read and decoded line by line from a binary file object.

    The file's start (``HEAD_BYTES``) is checked as a whole, as for any text file: empty,
    binary, not UTF-8 (or UTF-16/32 with a byte-order mark) makes the whole file one Problem.
    Past it, each line is decoded on its own, so a bad line costs that line (a Problem named
    ``path:line``), and memory stays at about one line whatever the file's size. A line that
    is not UTF-8 is decoded with ``encoding`` when the user gives one.
    """
    head = fh.read(HEAD_BYTES)
    whole = len(head) < HEAD_BYTES
    found = check_head(head, path, final=whole, encoding=encoding)
    fh.seek(0)
    stem = file_stem(path)
    lines: Iterator[tuple[str | None, bytes | None, str]] = (
        _utf8_lines(fh, encoding) if found == "utf-8" else _decoded_lines(fh, found, path)
    )
    seen_text = False
    undated: list[tuple[int, Any]] = []  # lines whose given date could not be read
    for number, (line, raw, problem) in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if line is None:
            if problem:
                seen_text = True
                yield Problem(where, f"line {number} {problem}")
            continue
        if number == 1:
            line = line.removeprefix("\ufeff")
            raw = raw[3:] if raw is not None and raw.startswith(codecs.BOM_UTF8) else raw
        if not line.strip():
            continue
        first = not seen_text
        seen_text = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            if first and line.strip() in ("[", "{"):
                # A .json export (one document over many lines): every line would be "not
                # valid JSON"; say once what the file is instead.
                yield Problem(
                    path,
                    "is not JSON Lines: it holds one JSON document spread over many lines; "
                    "write one article object per line (e.g. `jq -c '.[]'`)",
                )
                return
            yield Problem(
                where,
                f"line {number} is not valid JSON ({exc.msg}, column "
                f"{exc.colno}); fix or remove that line",
            )
            continue
        digest = sha256(raw if raw is not None else line.encode("utf-8"))
        item = _one(where, _jsonl_document, record, stem, where, number, digest)
        if isinstance(item, Document) and item.published_from != "given":
            given = _field(record, "published")
            if given is not None:
                undated.append((number, given))
        yield item
    if not seen_text:
        yield Problem(path, "the file is empty (only whitespace)")
    if undated:
        _warn_undated(path, undated, "line", "lines")


def _warn_undated(path: str, undated: list[tuple[int, Any]], one: str, many: str) -> None:
    """Say once per file which given dates were no dates (a year, a month, "last spring" or
    text that is no date at all): those articles are dated from their text, or not at all.
    ``one`` and ``many`` name the file's records ("line", "lines")."""
    number, value = undated[0]
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    if len(undated) == 1:
        said = f"the date given on {one} {number} ({shown}) is"
    else:
        said = f"the dates given on {len(undated)} {many} ({one} {number}: {shown}) are"
    log.warning(
        "%s: %s not a day; left out, so the article's own page or text dates it where it can",
        path, said,
    )


# How much of a multi-article file's start is checked as a whole (empty, binary, encoding).
HEAD_BYTES = 65_536
# The longest JSONL line read: a record at the article limit, with room for JSON escapes.
MAX_LINE_BYTES = 8 * MAX_ARTICLE_CHARS


def _utf8_lines(
    fh: BinaryIO, encoding: str | None = None
) -> Iterator[tuple[str | None, bytes | None, str]]:
    """(text, raw bytes, "") per line; (None, None, why) for a line that cannot be read. A line
    that is not UTF-8 is decoded with ``encoding`` when one is given."""
    while True:
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line, unkept
                raw = fh.readline(1 << 20)
                size += len(raw)
            yield None, None, (
                f"is {size / 1e6:,.0f} MB, over the {MAX_LINE_BYTES // 1_000_000} MB limit "
                "for one article; split it into articles"
            )
            continue
        raw = raw.removesuffix(b"\n")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            try:
                if encoding is None:
                    raise
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                yield None, None, (
                    f"is not valid UTF-8 (bad byte 0x{raw[exc.start]:02x} at column "
                    f"{exc.start + 1}); re-save the file as UTF-8"
                    + (f" (nor is it valid {encoding})" if encoding else "")
                )
                continue
        yield text, raw, ""


def _decoded_lines(
    fh: BinaryIO, encoding: str, path: str
) -> Iterator[tuple[str | None, bytes | None, str]]:
    """Lines of a UTF-16/32 file (it has a byte-order mark), decoded as they are read."""
    text = io.TextIOWrapper(fh, encoding=encoding, newline="\n")
    try:
        for line in text:
            yield line.removesuffix("\n"), None, ""
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"is not valid {encoding.upper()} ({exc.reason}); records after this are lost"
        ) from exc
    finally:
        text.detach()


# The field names news exports use for each part of an article (news-please, NewsAPI, CMS and
# scraper dumps); the first one a record has, as a non-empty string, is taken.
_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "maintext", "article", "article_text", "full_text"),
    "html": ("html", "raw_html", "content_html", "body_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher", "source_domain"),
    "published": (
        "published", "date", "pubDate", "datePublished", "date_publish", "published_at",
        "publishedAt", "publish_date", "pub_date",
    ),
    "authors": ("authors", "author", "byline", "creator"),
}


_MARKUP = re.compile(r"</?(?:p|div|br|h[1-6]|span|a|em|strong|ul|li|blockquote)\b[^<>]*>", re.IGNORECASE)


def _field(record: dict[str, Any], name: str) -> Any:
    """The record's value for one part of an article, under any of its usual field names."""
    for key in _FIELDS[name]:
        value = record.get(key)
        if isinstance(value, dict) and name == "outlet":  # NewsAPI: {"id": ..., "name": ...}
            value = value.get("name")
        if isinstance(value, str):
            if value.strip():
                return value
        elif value not in (None, [], {}) and name in ("published", "authors"):
            return value
    return None


# what a JSON value is called, by the Python type it is read as
_JSON_KINDS = {bool: "true or false", int: "a number", float: "a number", list: "a list",
               dict: "an object"}


def _jsonl_document(record: Any, stem: str, where: str, number: int, digest: str) -> Document:
    if isinstance(record, list):
        raise InputError(
            where,
            f"line {number} is a JSON array, not a JSON object: a .jsonl file holds one article "
            "object per line",
        )
    if not isinstance(record, dict):
        raise InputError(where, f"line {number} is not a JSON object")
    text, html = _field(record, "text"), _field(record, "html")
    if text is None and html is None:
        keys = _FIELDS["text"] + _FIELDS["html"]
        given = [(k, record[k]) for k in keys if record.get(k) is not None]
        if any(isinstance(value, str) for _, value in given):
            raise InputError(where, f"line {number} has an empty article text")
        if given:
            key, value = given[0]
            kind = _JSON_KINDS.get(type(value), type(value).__name__)
            raise InputError(
                where,
                f"line {number}: its {key!r} is {kind} ({json.dumps(value)[:40]}), "
                "not a string of the article's text",
            )
        fields = ", ".join(repr(k)[:40] for k in list(record)[:12]) or "none"
        raise InputError(
            where,
            f"line {number} has neither a 'text' nor an 'html' string "
            f"(nor {', '.join(_FIELDS['text'][1:])}); its fields: {fields}",
        )
    raw_id = record.get("id")
    # an id of white space or invisible characters alone ("\u2028") is no id
    given_id = "" if raw_id is None else _normalise(str(raw_id)).strip()
    doc_id = given_id or f"{stem}-{number}"
    url = _field(record, "url")
    given_date = iso_date(_field(record, "published"))
    authors = _authors(_field(record, "authors"))
    title = _field(record, "title")
    outlet = _field(record, "outlet")
    if isinstance(text, str) and text.strip():
        _check_size(text, where)
        if len(_MARKUP.findall(text[:20_000])) >= 2:  # a CMS export's HTML "content"
            text = _fragment_text(text)
        return Document(
            id=doc_id,
            path=where,
            format="jsonl",
            body=_body(text, where),
            content_hash=digest,
            title=title,
            outlet=outlet,
            authors=authors,
            published=given_date,
            published_from="given" if given_date else None,
            url=url,
        )
    if not isinstance(html, str) or not html.strip():
        raise InputError(where, f"line {number} has an empty article text")
    doc = _html_document(doc_id, where, "jsonl", html, digest, url)
    # Values given in the record win over what the page's metadata says.
    return Document(
        id=doc.id,
        path=doc.path,
        format="jsonl",
        body=doc.body,
        content_hash=digest,
        title=title or doc.title,
        outlet=outlet or doc.outlet,
        authors=authors or doc.authors,
        published=given_date or doc.published,
        published_from="given" if given_date else doc.published_from,
        url=url or doc.url,
        language=doc.language,
        from_html=True,
    )


def _one(where: str, build: Callable[..., Document], *args: Any) -> Item:
    """One record of a multi-article file: its Document, or a Problem that costs only it."""
    try:
        return build(*args)
    except InputError as exc:
        return Problem(exc.path, exc.reason)
    except Exception as exc:  # a library failing on one record must not lose the others
        log.info("reading %s failed", where, exc_info=True)  # the traceback with --verbose
        return Problem(where, f"could not be read ({type(exc).__name__}: {exc})")


def _authors(value: object) -> tuple[str, ...]:
    """Authors given as a byline string or a list of names (strings, or objects with a
    "name"); anything else gives none. A byline loses its "By" and is split at "and", "&" and
    ";" (not at commas, which may be "Last, First")."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return ()
    names: list[str] = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("name")
        if not isinstance(item, str):
            continue
        item = _BY.sub("", item.strip())
        names += [n.strip() for n in _AUTHOR_SEPARATOR.split(item) if n.strip()]
    return tuple(dict.fromkeys(names))


_BY = re.compile(r"^by\s+", re.IGNORECASE)
_AUTHOR_SEPARATOR = re.compile(r"\s+(?:and|&)\s+|\s*;\s*", re.IGNORECASE)


def read_warc(path: str, data: bytes, *, encoding: str | None = None) -> Iterator[Item]:
    """The records of a WARC archive held in memory (see ``read_warc_stream``)."""
    return read_warc_stream(path, io.BytesIO(data), encoding=encoding)


# The largest WARC payload read for one record: an HTML page at its limit, in UTF-8.
MAX_RECORD_BYTES = 4 * MAX_HTML_CHARS


def read_warc_stream(path: str, fh: BinaryIO, *, encoding: str | None = None) -> Iterator[Item]:
    """Each HTML response or resource record of a WARC archive (plain or gzipped) is an
    article; records are read one at a time from the file object, so memory stays at about
    one record whatever the archive's size.

    Responses that are not a success (a 404 page, a redirect, a server error) are not articles
    and are passed over, as are records of other types and other content. An archive cut short
    or damaged part-way keeps the records before the damage and gives one Problem for the rest.
    A page that is not UTF-8 and declares no charset (nor does its record) is read in
    ``encoding`` when the user gives one.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stem, taken, index, seen = file_stem(path), set[str](), 0, 0
    archive = ArchiveIterator(fh)
    records = iter(archive)
    while True:
        try:
            seen += 1
            record = next(records, None)
            if record is None:
                # warcio ends quietly when the file stops inside a record's headers: the
                # bytes after the last whole record are the record that was cut
                if _unread_bytes(fh, archive) > 0:
                    raise EOFError("the archive ends inside a record")
                break
            page = _warc_page(record)
        except InputError:
            raise
        except ArchiveLoadFailed as exc:
            # warcio's message quotes the unreadable bytes ("first line: [...]"): keep only why
            why = str(exc).split(", first line")[0].split("\n")[0][:100]
            if seen == 1:
                yield Problem(path, f"not a readable WARC archive ({why})")
            else:
                pages = f"{index} HTML page{' was' if index == 1 else 's were'} read before it"
                yield Problem(path, f"is damaged at record {seen} ({why}): {pages}, the rest is lost")
            return
        except Exception as exc:  # warcio meets a truncated or corrupt record in many ways
            log.debug("reading %s stopped at record %d", path, seen, exc_info=True)
            how = "is cut short" if isinstance(exc, EOFError) else "is damaged or cut short"
            pages = f"{index} HTML page{' was' if index == 1 else 's were'} read before it"
            yield Problem(path, f"{how} at record {seen}: {pages}, the rest is lost")
            return
        if page is None:
            continue
        url, payload, charset, compressed = page
        doc_id = record_id(stem, url, index, taken)
        where = f"{path}#{url or index + 1}"
        index += 1
        if compressed:
            yield Problem(where, f"page is compressed with {compressed}; skipped")
            continue
        if len(payload) > MAX_RECORD_BYTES:
            yield Problem(
                where,
                f"record is over {MAX_RECORD_BYTES // 1_000_000} MB, too large for an "
                "article page; skipped",
            )
            continue
        yield _one(where, _warc_document, doc_id, where, payload, url, charset, encoding)
    if index == 0:
        yield Problem(path, "this WARC archive holds no HTML response records")


def _unread_bytes(fh: BinaryIO, archive: Any) -> int:
    """How many bytes of the file lie past the end of the last whole record."""
    try:
        return max(0, fh.tell() - int(archive.offset))
    except (OSError, ValueError, TypeError, AttributeError):
        return 0


def _warc_page(record: Any) -> tuple[str | None, bytes, str | None, str | None] | None:
    """(URL, payload, declared charset, compression that could not be undone) of a record
    that holds an HTML page, else None."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    if record.rec_type == "response" and headers is not None:
        status = headers.get_statuscode()
        if not (status or "").startswith("2"):  # 404 pages, redirects, server errors
            return None
    ctype = (headers.get_header("Content-Type") if headers else None) or (
        record.rec_headers.get_header("Content-Type") or ""
    )
    if "html" not in ctype.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(payload) <= MAX_RECORD_BYTES:
        _check_complete(record)
    coding = (headers.get_header("Content-Encoding") if headers else None) or ""
    return url, payload, charset_of(ctype), _still_compressed(coding)


def _still_compressed(coding: str) -> str | None:
    """The HTTP Content-Encoding warcio has left undone (it undoes gzip and deflate, and
    brotli when the brotli package is installed), or None."""
    codings = [c.strip().lower() for c in coding.split(",") if c.strip()]
    for name in codings:
        if name in ("identity", "gzip", "x-gzip", "deflate"):
            continue
        if name == "br":
            try:
                import brotli  # noqa: F401
            except ImportError:
                return "br (brotli; install the brotli package to read it)"
            continue
        return name
    return None


def _check_complete(record: Any) -> None:
    """EOFError when the archive ends before the record's declared length (a cut-short file)."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise EOFError("the archive ends inside this record")


def read_feed(
    path: str, data: bytes, charset: str | None = None, *, encoding: str | None = None
) -> Iterator[Item]:
    import feedparser

    text = decode_text(data, path, html=True, declared=charset, encoding=encoding)
    feed = feedparser.parse(text)
    if not feed.entries:
        reason = "holds no feed entries"
        if feed.get("bozo"):
            reason = f"is not a readable RSS/Atom feed ({feed.get('bozo_exception')})"
        yield Problem(path, reason)
        return
    stem, taken = file_stem(path), set[str]()
    outlet = feed.feed.get("title") or None
    # A feed is read whole, so a slug several entries share is known before any id is given:
    # all of them get a hash, and a newer entry added on top cannot take an older one's id.
    slugs = Counter(record_slug(e.get("link") or e.get("id")) for e in feed.entries)
    shared = {s for s, n in slugs.items() if n > 1}
    undated: list[tuple[int, Any]] = []  # entries whose date could not be read
    for index, entry in enumerate(feed.entries):
        url = entry.get("link")
        doc_id = record_id(stem, url or entry.get("id"), index, taken, shared)
        where = f"{path}#{index + 1}"
        item = _one(where, _feed_document, entry, index, doc_id, where, url, outlet)
        if isinstance(item, Document) and item.published is None:
            given = entry.get("published") or entry.get("updated")
            if isinstance(given, str) and given.strip():
                undated.append((index + 1, given))
        yield item
    if undated:
        _warn_undated(path, undated, "entry", "entries")


def _warc_document(
    doc_id: str,
    where: str,
    payload: bytes,
    url: str | None,
    charset: str | None,
    encoding: str | None,
) -> Document:
    html = decode_text(payload, where, html=True, declared=charset, encoding=encoding)
    return _html_document(doc_id, where, "warc", html, sha256(payload), url)


def _feed_document(
    entry: Any, index: int, doc_id: str, where: str, url: str | None, outlet: str | None
) -> Document:
    content = ""
    if entry.get("content"):
        content = max((c.get("value", "") for c in entry.content), key=len)
    content = content or entry.get("summary", "") or ""
    body = _normalise(_fragment_text(content))
    if not body.strip():
        raise InputError(where, f"feed entry {index + 1} has no text")
    published = _entry_date(entry, "published") or (
        # asked for "updated" it does not have, feedparser hands back "published" with a
        # deprecation warning: look only when the entry has it
        _entry_date(entry, "updated") if "updated" in entry else None
    )
    authors = tuple(a.get("name", "").strip() for a in entry.get("authors", []) if a.get("name"))
    return Document(
        id=doc_id,
        path=where,
        format="feed",
        body=body,
        content_hash=sha256(json.dumps([url, entry.get("title"), content], ensure_ascii=False)),
        title=entry.get("title") or None,
        outlet=outlet,
        authors=authors,
        published=published,
        published_from="metadata" if published else None,
        url=url,
        from_html=True,
    )


def _entry_date(entry: Any, key: str) -> str | None:
    """The day a feed entry's date names, as the feed writes it.

    feedparser's parsed dates are in UTC, which moves an evening article in the Americas to the
    next day (and a morning one in Asia to the day before); the day is read from the date as
    written, in the outlet's own time zone, as for an HTML page. The parsed date is the fallback.
    """
    written = entry.get(key)
    if isinstance(written, str) and written.strip():
        rfc822 = parsedate_tz(written)  # RSS: "Tue, 11 Mar 2025 23:30:00 -0500"
        if rfc822 is not None:
            try:
                return date(*rfc822[:3]).isoformat()
            except ValueError:
                pass
        day = iso_date(written)
        if day:
            return day
    parsed = entry.get(f"{key}_parsed")
    if parsed:
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _fragment_text(fragment: str) -> str:
    """All the text of an HTML fragment (a feed entry's content), one block a line."""
    if "<" not in fragment:
        return fragment
    from storyfuse.ingest.visible import visible_text

    return visible_text(fragment)


def _normalise(text: str) -> str:
    """Unify line ends; drop zero-width and other invisible format characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return text.translate(_INVISIBLE)


def _body(text: str, where: str) -> str:
    """The normalised article text, or InputError when nothing visible is left."""
    body = _normalise(text)
    if not body.strip():
        raise InputError(
            where, "is empty: no visible text, only whitespace or invisible characters"
        )
    return body


_INVISIBLE = {cp: None for cp in (0x200B, 0x2060, 0xFEFF, 0x00AD)}


def gunzip(path: str, data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise InputError(path, f"is not a readable gzip file ({exc})") from exc
    if len(out) > limit:
        raise InputError(path, f"decompresses to more than {limit // 1_000_000} MB")
    return out
