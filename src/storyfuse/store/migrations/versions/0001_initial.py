"""The first schema: articles with versions, stories, extracted records, full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _children(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("article_id", sa.String, primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        *columns,
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("path", sa.String, nullable=False),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("format", sa.String),
        sa.Column("title", sa.String),
        sa.Column("outlet", sa.String),
        sa.Column("url", sa.String),
        sa.Column("published", sa.String),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("removed", sa.JSON),
        sa.Column("analysis", sa.JSON, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("terms", sa.JSON, nullable=False),
        sa.Column("day", sa.Integer),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("added_at", sa.String, nullable=False),
    )
    op.create_index("articles_content_hash", "articles", ["content_hash"])
    op.create_index("articles_published", "articles", ["published"])
    op.create_table(
        "versions",
        sa.Column("article_id", sa.String, primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("path", sa.String, nullable=False),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("analysis", sa.JSON, nullable=False),
        sa.Column("added_at", sa.String, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("title", sa.String),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("first_published", sa.String),
        sa.Column("last_published", sa.String),
        sa.Column("brief", sa.JSON),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.create_index("stories_last_published", "stories", ["last_published"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.String, primary_key=True),
        sa.Column("story_id", sa.String, nullable=False),
        sa.Column("copy_of", sa.String),
    )
    op.create_index("story_articles_story", "story_articles", ["story_id"])
    _children(
        "quotes",
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker", sa.String),
        sa.Column("direct", sa.Boolean),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("quotes_speaker", "quotes", ["speaker"])
    _children(
        "claims",
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.String),
        sa.Column("qualifier", sa.String),
        sa.Column("claimant", sa.String),
        sa.Column("date", sa.String),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("claims_claimant", "claims", ["claimant"])
    _children(
        "entities",
        sa.Column("text", sa.String, nullable=False),
        sa.Column("label", sa.String, nullable=False),
        sa.Column("canonical", sa.String),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("entities_text", "entities", ["text"])
    _children(
        "times",
        sa.Column("text", sa.String, nullable=False),
        sa.Column("value", sa.String),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("times_value", "times", ["value"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE search_text (kind TEXT NOT NULL, article_id TEXT NOT NULL, "
            "n INTEGER NOT NULL, text TEXT NOT NULL, "
            "tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED)"
        )
        op.execute("CREATE INDEX search_text_tsv ON search_text USING GIN (tsv)")
        op.execute("CREATE INDEX search_text_article ON search_text (article_id)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE search_text USING fts5(text, kind UNINDEXED, "
            "article_id UNINDEXED, n UNINDEXED, tokenize='porter unicode61')"
        )


def downgrade() -> None:
    op.execute("DROP TABLE search_text")
    for name in (
        "meta",
        "times",
        "entities",
        "claims",
        "quotes",
        "story_articles",
        "stories",
        "versions",
        "articles",
    ):
        op.drop_table(name)
