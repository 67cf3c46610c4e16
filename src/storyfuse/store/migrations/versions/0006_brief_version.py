"""Each stored brief records which fuse version made it (``storyfuse.model.BRIEF_VERSION``), so
a brief an older storyfuse fused is fused again when it is next asked for, instead of being
served from the cache until its story changes.

Briefs stored before this revision get NULL: made by an older storyfuse.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("brief_version", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("brief_version")
