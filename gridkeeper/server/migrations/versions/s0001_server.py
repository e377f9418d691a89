"""The server's first schema: offices, their control files and batches, devices seen, server settings.

Revision ID: s0001
Revises:
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("pos", sa.BigInteger, nullable=False),  # the last position given out
        sa.Column("founder_key", sa.Text, nullable=False),
        sa.Column("secrets", sa.Text, nullable=False),  # the server's member keys (JSON); "" if not a member
    )
    op.create_table(
        "office_file",
        sa.Column("office", sa.String(64), sa.ForeignKey("office.id"), primary_key=True),
        sa.Column("path", sa.String(256), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=True),  # NULL: deleted (an invite spent, a request handled)
        sa.Column("pos", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_office_file_pos", "office_file", ["office", "pos"], unique=True)
    op.create_table(
        "batch",
        sa.Column("office", sa.String(64), sa.ForeignKey("office.id"), primary_key=True),
        sa.Column("device", sa.String(128), primary_key=True),
        sa.Column("seq", sa.BigInteger, primary_key=True),
        sa.Column("first_seq", sa.BigInteger, nullable=False),
        sa.Column("prev_seq", sa.BigInteger, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("pos", sa.BigInteger, nullable=False),
        sa.Column("received", sa.String(40), nullable=False),
    )
    op.create_index("ix_batch_pos", "batch", ["office", "pos"], unique=True)
    op.create_table(
        "device_seen",
        sa.Column("office", sa.String(64), sa.ForeignKey("office.id"), primary_key=True),
        sa.Column("device", sa.String(128), primary_key=True),
        sa.Column("last_seen", sa.String(40), nullable=False),
        sa.Column("pulled_pos", sa.BigInteger, nullable=False),
        sa.Column("app", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
