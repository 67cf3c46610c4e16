"""Search rows keep their Chinese, Japanese and Korean bigrams (``search.cjk_terms``), indexed
beside the text, so a word inside a run of such characters can be found.

SQLite: ``search_rows`` gains the column ``terms`` and the FTS5 index is made again over both
columns (its triggers too). PostgreSQL: ``search_text`` gains ``terms`` and its ``tsv`` becomes
the English vector of the text followed by that of the bigrams. Existing rows
get their bigrams here; both indexes are rebuilt, which reads every row once.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storyfuse.store.search import cjk_terms

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize='porter unicode61'"
CHUNK = 5000


def _sqlite_index(columns: list[str]) -> None:
    """(Re)make SQLite's external-content FTS5 index over ``search_rows`` and its triggers."""
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


def _fill_terms(table: str) -> None:
    """Compute the bigrams of the rows already stored (only rows with such characters get
    any), a chunk at a time in the order of the rows' key (article, kind, number)."""
    conn = op.get_bind()
    last: tuple | None = None
    while True:
        after = "" if last is None else "WHERE (article_id, kind, n) > (:a, :k, :n) "
        rows = conn.execute(
            sa.text(
                f"SELECT article_id, kind, n, text FROM {table} {after}"
                f"ORDER BY article_id, kind, n LIMIT {CHUNK}"
            ),
            dict(zip("akn", last, strict=True)) if last is not None else {},
        ).all()
        if not rows:
            return
        updates = [
            {"a": a, "k": k, "n": n, "terms": t} for a, k, n, text in rows if (t := cjk_terms(text))
        ]
        if updates:
            conn.execute(
                sa.text(
                    f"UPDATE {table} SET terms = :terms "
                    "WHERE article_id = :a AND kind = :k AND n = :n"
                ),
                updates,
            )
        last = tuple(rows[-1][:3])


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE search_rows ADD COLUMN terms TEXT")
        _fill_terms("search_rows")
        _sqlite_index(["text", "terms"])
        return
    op.execute("ALTER TABLE search_text ADD COLUMN terms TEXT")
    _fill_terms("search_text")
    op.execute("DROP INDEX search_text_tsv")
    op.execute("ALTER TABLE search_text DROP COLUMN tsv")
    op.execute(
        "ALTER TABLE search_text ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', text) || to_tsvector('english', coalesce(terms, ''))) STORED"
    )
    op.execute("CREATE INDEX search_text_tsv ON search_text USING GIN (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_index(["text"])
        op.execute("ALTER TABLE search_rows DROP COLUMN terms")
        return
    op.execute("DROP INDEX search_text_tsv")
    op.execute("ALTER TABLE search_text DROP COLUMN tsv")
    op.execute("ALTER TABLE search_text DROP COLUMN terms")
    op.execute(
        "ALTER TABLE search_text ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', text)) STORED"
    )
    op.execute("CREATE INDEX search_text_tsv ON search_text USING GIN (tsv)")
