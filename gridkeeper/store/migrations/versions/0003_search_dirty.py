"""Households awaiting re-indexing for search after a sync (device-local).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE search_dirty (household_id TEXT PRIMARY KEY) WITHOUT ROWID")


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
