"""The story database (SQLite by default, PostgreSQL by URL): ``Store.open(url)``."""

from __future__ import annotations

from storyfuse.store.db import (
    DEFAULT_URL,
    AddResult,
    ArticleRow,
    SearchHit,
    Store,
    StorySummary,
    VersionRow,
    normalise_url,
    open_store,
)

__all__ = [
    "DEFAULT_URL",
    "AddResult",
    "ArticleRow",
    "SearchHit",
    "Store",
    "StorySummary",
    "VersionRow",
    "normalise_url",
    "open_store",
]
