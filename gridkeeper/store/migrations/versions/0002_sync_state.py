"""Sync state: per-device cursors and conflicts kept for review (device-local, never synced).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_cursor",
        sa.Column("device_id", sa.String(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
    )
    op.create_table(
        "conflict",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("tbl", sa.String(), nullable=False),
        sa.Column("row_id", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("winner_hlc", sa.String(), nullable=False),
        sa.Column("winner_device", sa.String(), nullable=False),
        sa.Column("winner_value", sa.String()),
        sa.Column("loser_hlc", sa.String(), nullable=False),
        sa.Column("loser_device", sa.String(), nullable=False),
        sa.Column("loser_value", sa.String()),
        sa.Column("resolved", sa.Boolean(), nullable=False, server_default=sa.text("0")),
    )
    op.create_index("ix_conflict_open", "conflict", ["resolved", "tbl", "row_id"])


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
