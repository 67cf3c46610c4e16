"""Each stored article (and each of its versions) records which analysis version made it
(``storyfuse.model.ANALYSIS_VERSION``), so the articles an older storyfuse analysed can be
found and analysed again (``storyfuse ingest --reanalyze``).

Rows stored before this revision get NULL: made by an older storyfuse, of unknown version.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("articles", "versions"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("analysis_version", sa.Integer))


def downgrade() -> None:
    for table in ("articles", "versions"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("analysis_version")
