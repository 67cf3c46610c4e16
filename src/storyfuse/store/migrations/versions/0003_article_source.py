"""Each article records the file (or URL) it was read from, so an article read from another
file under an id already stored is kept beside the stored one instead of replacing it.

Rows stored before this revision have no source (NULL): the store then takes it from the
row's path, as ``storyfuse.ingest.source_file`` does.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("source", sa.String))
    op.create_index("articles_source", "articles", ["source"])


def downgrade() -> None:
    op.drop_index("articles_source", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("source")
