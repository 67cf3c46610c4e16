"""Helpers shared by the readers: ids, hashes, dates."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import dateparser

_SLUG_BAD = re.compile(r"[^A-Za-z0-9_.-]+")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def file_stem(path: str) -> str:
    """The article id of a single-article file: its name without the (.gz) extension."""
    name = Path(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    if name.lower().endswith(".warc"):
        name = name[:-5]
    return Path(name).stem or name


def slug(text: str, limit: int = 60) -> str:
    return _SLUG_BAD.sub("-", text).strip("-.")[:limit].strip("-.")


def record_slug(url: str | None) -> str:
    """The readable part of a record's id: its URL's last path segment, else its host."""
    if not url:
        return ""
    try:
        pieces = urlsplit(url)
    except ValueError:  # a malformed URL ("http://[::1") only loses its readable id part
        return ""
    segments = [s for s in pieces.path.split("/") if s]
    part = slug(segments[-1] if segments else pieces.netloc)
    return re.sub(r"\.(html?|php|aspx?)$", "", part, flags=re.IGNORECASE)


def record_id(
    stem: str,
    url: str | None,
    index: int,
    taken: set[str],
    shared: Collection[str] = (),
) -> str:
    """A stable id for one record of a multi-article file (WARC, feed).

    Built from the record's URL (``record_slug``) so it reads well and does not change when
    other records are added. When the slug is not the record's alone (it is in ``shared``, the
    slugs several records of the file have, or already ``taken``) a short hash of the whole URL
    is added ("article.php?id=11" and "?id=12" both end in "article"), never the record's
    position, which moves when a feed gains entries. Only a record without a URL, or one
    repeating another's URL, is told apart by its position.
    """
    part = record_slug(url)
    if not part:
        candidate = f"{stem}-{index + 1:04d}"
    else:
        candidate = f"{stem}-{part}"
        if part in shared or candidate in taken:
            candidate = f"{candidate}-{sha256(url or '')[:8]}"
    if candidate in taken:
        candidate = f"{candidate}-{index + 1:04d}"
    taken.add(candidate)
    return candidate


def iso_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a given date value, or None when it cannot be read.

    A value must name a day: a year or a month alone is no date, and a relative one
    ("yesterday", "2 hours ago") is refused because it counts from when it was written, which
    is not known. Numbers are Unix times (seconds, or milliseconds when that large); dotted
    numeric dates ("11.03.2025") are day first, as everywhere they are written so.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and (compact := _compact_date(str(value))):
        return compact
    if isinstance(value, int | float):
        return _unix_date(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    if compact := _compact_date(text):
        return compact
    if _UNIX_TIME.match(text):
        return _unix_date(float(text))
    settings: dict[str, object] = {
        "REQUIRE_PARTS": ["year", "month", "day"],
        # no "relative-time": "yesterday" would be counted from today
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    if _DOTTED_DATE.match(text):
        settings["DATE_ORDER"] = "DMY"
    parsed = dateparser.parse(
        text[:100],
        languages=["en"],  # trying every language is slow and misreads junk as dates
        settings=settings,
    )
    return parsed.date().isoformat() if parsed else None


_UNIX_TIME = re.compile(r"^\d{9,13}(?:\.\d+)?$")
# a date written as digits alone, with its time or not, as GDELT and many exports write it:
# YYYYMMDD, YYYYMMDDHHMM, YYYYMMDDHHMMSS (no Unix time of those lengths falls in its range
# starting so)
_COMPACT_DATE = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{4}(?:\d\d)?)?$")
_DOTTED_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# Unix times taken as dates: 1990-01-01 to 2100-01-01 (others are ids or counts, not times).
_UNIX_RANGE = (631_152_000, 4_102_444_800)


def _compact_date(text: str) -> str | None:
    """The date of "20250311" or "20250311103000"; None for other digits or no real day."""
    match = _COMPACT_DATE.match(text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def _unix_date(seconds: float) -> str | None:
    if seconds > _UNIX_RANGE[1] * 10:  # milliseconds
        seconds /= 1000
    if not _UNIX_RANGE[0] <= seconds < _UNIX_RANGE[1]:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
