"""Search rows keep who is behind them: a quote's speaker, a claim's claimant, an article's
outlet and authors (``search.row_who``), indexed beside the text, so a search for a name finds
what that person said, not only the passages that name them.

SQLite: ``search_rows`` gains the column ``who`` and the FTS5 index is made again over the three
columns (its triggers too). PostgreSQL: ``search_text`` gains ``who`` and its ``tsv`` takes the
English vector of it as well. Existing rows get theirs here from the stored quotes, claims and
articles, a chunk of rows at a time, with the bigrams of a name in Chinese, Japanese or Korean
added to their terms.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from storyfuse.store.migrations.search_index import row_chunks, sqlite_index
from storyfuse.store.search import cjk_terms, row_who

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _names(conn: sa.Connection, ids: list[str]) -> dict[tuple[str, str, int], str]:
    """Who is behind each search row of the articles ``ids``, by (article, kind, number)."""
    out: dict[tuple[str, str, int], str] = {}
    params = {f"i{k}": i for k, i in enumerate(ids)}
    marks = ", ".join(f":{p}" for p in params)
    for kind, sql in (
        ("quote", f"SELECT article_id, n, speaker FROM quotes WHERE article_id IN ({marks})"),
        ("claim", f"SELECT article_id, n, claimant FROM claims WHERE article_id IN ({marks})"),
    ):
        for article_id, n, name in conn.execute(sa.text(sql), params):
            if name:
                out[(article_id, kind, n)] = name
    for article_id, outlet, analysis in conn.execute(
        sa.text(f"SELECT id, outlet, analysis FROM articles WHERE id IN ({marks})"), params
    ):
        plain: Any = json.loads(analysis) if isinstance(analysis, str) else analysis
        authors = (plain or {}).get("article", {}).get("authors") or ()
        if who := row_who(outlet, authors):
            out[(article_id, "article", 0)] = who
    return out


def _fill_who(table: str) -> None:
    """Set ``who`` on the rows already stored, a chunk at a time in the order of the rows' key
    (article, kind, number); a name with Chinese, Japanese or Korean characters adds its
    bigrams to the row's terms."""
    conn = op.get_bind()
    for rows in row_chunks(table, "terms"):
        names = _names(conn, sorted({r[0] for r in rows}))
        updates = []
        for a, k, n, terms in rows:
            if who := names.get((a, k, n)):
                more = cjk_terms(who)
                terms = " ".join(t for t in (terms, more) if t) or None
                updates.append({"a": a, "k": k, "n": n, "who": who, "terms": terms})
        if updates:
            conn.execute(
                sa.text(
                    f"UPDATE {table} SET who = :who, terms = :terms "
                    "WHERE article_id = :a AND kind = :k AND n = :n"
                ),
                updates,
            )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE search_rows ADD COLUMN who TEXT")
        _fill_who("search_rows")
        sqlite_index(["text", "terms", "who"])
        return
    op.execute("ALTER TABLE search_text ADD COLUMN who TEXT")
    _fill_who("search_text")
    op.execute("DROP INDEX search_text_tsv")
    op.execute("ALTER TABLE search_text DROP COLUMN tsv")
    op.execute(
        "ALTER TABLE search_text ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', text) || to_tsvector('english', coalesce(terms, '')) "
        "|| to_tsvector('english', coalesce(who, ''))) STORED"
    )
    op.execute("CREATE INDEX search_text_tsv ON search_text USING GIN (tsv)")


def _terms_of_text(table: str) -> None:
    """Give the rows with a name back the bigrams of their text alone."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(f"SELECT article_id, kind, n, text FROM {table} WHERE who IS NOT NULL")
    ).all()
    updates = [{"a": a, "k": k, "n": n, "terms": cjk_terms(text)} for a, k, n, text in rows]
    if updates:
        conn.execute(
            sa.text(
                f"UPDATE {table} SET terms = :terms WHERE article_id = :a AND kind = :k AND n = :n"
            ),
            updates,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _terms_of_text("search_rows")
        sqlite_index(["text", "terms"])
        op.execute("ALTER TABLE search_rows DROP COLUMN who")
        return
    _terms_of_text("search_text")
    op.execute("DROP INDEX search_text_tsv")
    op.execute("ALTER TABLE search_text DROP COLUMN tsv")
    op.execute("ALTER TABLE search_text DROP COLUMN who")
    op.execute(
        "ALTER TABLE search_text ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', text) || to_tsvector('english', coalesce(terms, ''))) STORED"
    )
    op.execute("CREATE INDEX search_text_tsv ON search_text USING GIN (tsv)")
