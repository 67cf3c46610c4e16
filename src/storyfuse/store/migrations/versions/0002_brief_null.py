"""A story's brief not computed yet is SQL NULL, not JSON null.

Stories written before this revision stored ``null`` JSON for a brief not computed yet, which
"brief IS NULL" does not find: the web app's background pass never fused them, and the story
list counted them as having no conflicts.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE stories SET brief = NULL WHERE json_typeof(brief) = 'null'")
    else:
        op.execute("UPDATE stories SET brief = NULL WHERE json_type(brief) = 'null'")


def downgrade() -> None:
    pass  # SQL NULL reads back as "not computed" under either revision
