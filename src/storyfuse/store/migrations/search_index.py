"""What the migrations of the search rows share: SQLite's FTS5 index over ``search_rows`` and a
walk through the stored rows a chunk at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

TOKENIZE = "tokenize='porter unicode61'"
CHUNK = 5000


def sqlite_index(columns: list[str]) -> None:
    """(Re)make SQLite's external-content FTS5 index over ``search_rows`` and its triggers,
    indexing ``columns``."""
    op.execute("DROP TRIGGER IF EXISTS search_rows_insert")
    op.execute("DROP TRIGGER IF EXISTS search_rows_delete")
    op.execute("DROP TABLE IF EXISTS search_text")
    indexed = ", ".join(columns)
    op.execute(
        f"CREATE VIRTUAL TABLE search_text USING fts5({indexed}, kind UNINDEXED, "
        f"article_id UNINDEXED, n UNINDEXED, content='search_rows', content_rowid='id', "
        f"{TOKENIZE})"
    )
    op.execute("INSERT INTO search_text (search_text) VALUES ('rebuild')")
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    op.execute(
        "CREATE TRIGGER search_rows_insert AFTER INSERT ON search_rows BEGIN "
        f"INSERT INTO search_text (rowid, {indexed}, kind, article_id, n) "
        f"VALUES (new.id, {new}, new.kind, new.article_id, new.n); END"
    )
    op.execute(
        "CREATE TRIGGER search_rows_delete AFTER DELETE ON search_rows BEGIN "
        f"INSERT INTO search_text (search_text, rowid, {indexed}, kind, article_id, n) "
        f"VALUES ('delete', old.id, {old}, old.kind, old.article_id, old.n); END"
    )


def row_chunks(table: str, column: str) -> Iterator[Sequence[Any]]:
    """The stored search rows as (article, kind, number, ``column``), a chunk at a time in the
    order of the rows' key, each chunk read after the one before was handled."""
    conn = op.get_bind()
    last: tuple | None = None
    while True:
        after = "" if last is None else "WHERE (article_id, kind, n) > (:a, :k, :n) "
        rows = conn.execute(
            sa.text(
                f"SELECT article_id, kind, n, {column} FROM {table} {after}"
                f"ORDER BY article_id, kind, n LIMIT {CHUNK}"
            ),
            dict(zip("akn", last, strict=True)) if last is not None else {},
        ).all()
        if not rows:
            return
        yield rows
        last = tuple(rows[-1][:3])
