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

from storyfuse.store.migrations.search_index import row_chunks, sqlite_index
from storyfuse.store.search import cjk_terms

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _fill_terms(table: str) -> None:
    """Compute the bigrams of the rows already stored (only rows with such characters get
    any), a chunk at a time in the order of the rows' key (article, kind, number)."""
    conn = op.get_bind()
    for rows in row_chunks(table, "text"):
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


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE search_rows ADD COLUMN terms TEXT")
        _fill_terms("search_rows")
        sqlite_index(["text", "terms"])
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
        sqlite_index(["text"])
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
