"""SQLite: the search rows in a plain table indexed by article, with the FTS5 index over it
(external content, kept in step by triggers).

The FTS5 table held its rows itself, with ``article_id`` an unindexed column, so the delete
before each article was written read the whole table: storing an article cost time in
proportion to the archive's size. The rows now live in ``search_rows`` (indexed by
``article_id``) and ``search_text`` indexes them, and is searched as before. PostgreSQL's
``search_text`` is a plain table with an index on ``article_id`` already: nothing changes there.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = "text, kind UNINDEXED, article_id UNINDEXED, n UNINDEXED"
TOKENIZE = "tokenize='porter unicode61'"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_rows (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "article_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL)"
    )
    op.execute(
        "INSERT INTO search_rows (kind, article_id, n, text) "
        "SELECT kind, article_id, n, text FROM search_text ORDER BY rowid"
    )
    op.execute("CREATE INDEX search_rows_article ON search_rows (article_id)")
    op.execute("DROP TABLE search_text")
    op.execute(
        f"CREATE VIRTUAL TABLE search_text USING fts5({COLUMNS}, content='search_rows', "
        f"content_rowid='id', {TOKENIZE})"
    )
    op.execute("INSERT INTO search_text (search_text) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER search_rows_insert AFTER INSERT ON search_rows BEGIN "
        "INSERT INTO search_text (rowid, text, kind, article_id, n) "
        "VALUES (new.id, new.text, new.kind, new.article_id, new.n); END"
    )
    op.execute(
        "CREATE TRIGGER search_rows_delete AFTER DELETE ON search_rows BEGIN "
        "INSERT INTO search_text (search_text, rowid, text, kind, article_id, n) "
        "VALUES ('delete', old.id, old.text, old.kind, old.article_id, old.n); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER search_rows_insert")
    op.execute("DROP TRIGGER search_rows_delete")
    op.execute("DROP TABLE search_text")
    op.execute(f"CREATE VIRTUAL TABLE search_text USING fts5({COLUMNS}, {TOKENIZE})")
    op.execute(
        "INSERT INTO search_text (text, kind, article_id, n) "
        "SELECT text, kind, article_id, n FROM search_rows ORDER BY id"
    )
    op.execute("DROP TABLE search_rows")
