"""Photos and scans on the server: one sealed blob per office and name, never overwritten.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob",
        sa.Column("office", sa.String(64), sa.ForeignKey("office.id"), primary_key=True),
        sa.Column("name", sa.String(32), primary_key=True),  # the laptop's keyed name (32 hex)
        sa.Column("data", sa.LargeBinary, nullable=False),  # the sealed bytes as uploaded (GKF1 ...)
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("device", sa.String(128), nullable=False),  # who uploaded it
        sa.Column("received", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
