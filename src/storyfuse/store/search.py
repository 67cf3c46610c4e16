"""Text search over the stored articles, quotes and claims: one query syntax on both databases.

A user's search is read as PostgreSQL's ``websearch_to_tsquery`` reads it; SQLite's FTS5 gets the
same query rewritten in its own syntax (``fts5_query``).
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

_SEARCH_TOKEN = re.compile(r'-?"[^"]*"?|\S+')


def fts5_query(q: str) -> str:
    """A user's search as an FTS5 query, read as PostgreSQL's ``websearch_to_tsquery`` reads it:
    words are all required; ``"a phrase"`` needs its words together and in order; ``OR`` between
    two terms takes either, and binds more loosely than the implied AND ("a b OR c" is "(a and
    b) or c"); ``-word`` (or ``-"a phrase"``) leaves out the passages that have it. Only words
    reach FTS5, each quoted, so no other FTS5 syntax can be given. With no term to look for but
    exclusions, the query is empty."""
    parts: list[str] = []
    joiner = " AND "
    for token in _SEARCH_TOKEN.findall(q):
        if token.lower() == "or":
            joiner = " OR " if parts else joiner
            continue
        negated = token.startswith("-") and len(token) > 1
        words = re.findall(r"\w+", token[1:] if negated else token)
        if not words:
            continue
        phrase = '"' + " ".join(words) + '"'
        if negated:
            if parts:  # FTS5's NOT binds tightest, as "& !" does in a tsquery
                parts.append(" NOT " + phrase)
        else:
            parts.append((joiner if parts else "") + phrase)
        joiner = " AND "
    return "".join(parts) if any(not p.startswith(" NOT ") for p in parts) else ""


def _search_sqlite(conn: Connection, q: str, limit: int) -> list[Any]:
    query = fts5_query(q)
    if not query:
        return []
    return list(
        conn.execute(
            sa.text(
                "SELECT kind, article_id, n, text FROM search_text WHERE search_text MATCH :q "
                "ORDER BY rank LIMIT :limit"
            ),
            {"q": query, "limit": limit},
        )
    )


def _search_postgresql(conn: Connection, q: str, limit: int) -> list[Any]:
    if not fts5_query(q):  # only exclusions: nothing to look for, as on SQLite
        return []
    return list(
        conn.execute(
            sa.text(
                "SELECT kind, article_id, n, text FROM search_text, "
                "websearch_to_tsquery('english', :q) AS query WHERE tsv @@ query "
                "ORDER BY ts_rank(tsv, query) DESC, article_id, kind, n LIMIT :limit"
            ),
            {"q": q, "limit": limit},
        )
    )


SEARCHERS = {"sqlite": _search_sqlite, "postgresql": _search_postgresql}
