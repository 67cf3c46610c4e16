"""The tables, as SQLAlchemy Core objects for queries (Alembic migrations create them)."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("path", sa.String, nullable=False),
    # the file (or URL) it was read from (ingest.source_file); NULL in rows stored before it
    # was kept, whose source comes from their path
    sa.Column("source", sa.String),
    sa.Column("content_hash", sa.String, nullable=False),
    sa.Column("format", sa.String),
    sa.Column("title", sa.String),
    sa.Column("outlet", sa.String),
    sa.Column("url", sa.String),
    sa.Column("published", sa.String),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("removed", sa.JSON),
    sa.Column("analysis", sa.JSON, nullable=False),
    # model.ANALYSIS_VERSION of the code that made the analysis; NULL: an older storyfuse
    sa.Column("analysis_version", sa.Integer),
    # group.index.story_id_of(id): the id of a story this article is the first of, which finds
    # it after regrouping gave that story another id (Store.moved)
    sa.Column("story_key", sa.String, index=True),
    # grouping features: enough to rebuild the online story index without re-reading text
    sa.Column("vector", sa.LargeBinary, nullable=False),
    sa.Column("terms", sa.JSON, nullable=False),
    sa.Column("day", sa.Integer),
    sa.Column("signature", sa.LargeBinary, nullable=False),
    sa.Column("added_at", sa.String, nullable=False),
)

versions = sa.Table(
    "versions",
    metadata,
    sa.Column("article_id", sa.String, primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("path", sa.String, nullable=False),
    sa.Column("content_hash", sa.String, nullable=False),
    sa.Column("analysis", sa.JSON, nullable=False),
    sa.Column("analysis_version", sa.Integer),
    sa.Column("added_at", sa.String, nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("title", sa.String),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("sources", sa.Integer, nullable=False),
    sa.Column("first_published", sa.String),
    sa.Column("last_published", sa.String),
    # not computed yet is SQL NULL (not JSON null), so "brief IS NULL" finds the briefs to fuse
    sa.Column("brief", sa.JSON(none_as_null=True)),
    sa.Column("revision", sa.Integer, nullable=False),
    # model.BRIEF_VERSION of the code that fused the cached brief; NULL: an older storyfuse
    sa.Column("brief_version", sa.Integer),
)

story_articles = sa.Table(
    "story_articles",
    metadata,
    sa.Column("article_id", sa.String, primary_key=True),
    sa.Column("story_id", sa.String, nullable=False, index=True),
    sa.Column("copy_of", sa.String),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("article_id", sa.String, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("speaker", sa.String),
    sa.Column("direct", sa.Boolean),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("article_id", sa.String, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.String),
    sa.Column("qualifier", sa.String),
    sa.Column("claimant", sa.String),
    sa.Column("date", sa.String),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("article_id", sa.String, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("text", sa.String, nullable=False),
    sa.Column("label", sa.String, nullable=False),
    sa.Column("canonical", sa.String),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
)

times = sa.Table(
    "times",
    metadata,
    sa.Column("article_id", sa.String, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("text", sa.String, nullable=False),
    sa.Column("value", sa.String),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
)

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)


# Full-text search rows. PostgreSQL: a table with a tsvector column. SQLite: the rows in the plain
# table ``search_rows``, indexed by the FTS5 table ``search_text`` (kept in step by triggers);
# ``search_rows_of`` names the table that takes the inserts and deletes.
def _search_table(name: str) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("kind", sa.String),
        sa.column("article_id", sa.String),
        sa.column("n", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("terms", sa.Text),  # the text's CJK bigrams (``search.cjk_terms``), or NULL
        sa.column("who", sa.Text),  # a speaker, claimant, or outlet and authors, or NULL
    )


search_text = _search_table("search_text")
search_rows = _search_table("search_rows")


def search_rows_of(dialect: str) -> sa.TableClause:
    """The table a dialect's search rows are written to and deleted from."""
    return search_rows if dialect == "sqlite" else search_text


CHILD_TABLES = (quotes, claims, entities, times)
