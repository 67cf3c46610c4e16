"""Helpers shared by the readers: ids, hashes, dates."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
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


def record_id(stem: str, url: str | None, index: int, taken: set[str]) -> str:
    """A stable id for one record of a multi-article file (WARC, feed).

    Built from the record's URL (its last path segment, else its host) so it reads well and
    does not change when other records are added; the record's position breaks ties.
    """
    part = ""
    if url:
        try:
            pieces = urlsplit(url)
        except ValueError:  # a malformed URL ("http://[::1") only loses its readable id part
            pieces = urlsplit("")
        segments = [s for s in pieces.path.split("/") if s]
        part = slug(segments[-1] if segments else pieces.netloc)
        part = re.sub(r"\.(html?|php|aspx?)$", "", part, flags=re.IGNORECASE)
    candidate = f"{stem}-{part}" if part else f"{stem}-{index + 1:04d}"
    if candidate in taken:
        candidate = f"{candidate}-{index + 1:04d}"
    taken.add(candidate)
    return candidate


def iso_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a given date value, or None when it cannot be read."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    parsed = dateparser.parse(
        text[:100],
        languages=["en"],  # trying every language is slow and misreads junk as dates
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]},
    )
    return parsed.date().isoformat() if parsed else None
