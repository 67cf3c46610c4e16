"""Each article records the id of a story it would found (``group.index.story_id_of``), so a
story id that regrouping replaced (an earlier article joined the story, or two stories merged)
still leads to the story that now holds the article it was named after (``Store.moved``).

Rows stored before this revision get their key here.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storyfuse.group import story_id_of

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("story_key", sa.String))
    op.create_index("ix_articles_story_key", "articles", ["story_key"])
    conn = op.get_bind()
    articles = sa.table("articles", sa.column("id", sa.String), sa.column("story_key", sa.String))
    ids = [row.id for row in conn.execute(sa.select(articles.c.id))]
    for start in range(0, len(ids), BATCH):
        conn.execute(
            articles.update().where(articles.c.id == sa.bindparam("b_id")),
            [{"b_id": i, "story_key": story_id_of(i)} for i in ids[start : start + BATCH]],
        )


def downgrade() -> None:
    op.drop_index("ix_articles_story_key", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("story_key")
