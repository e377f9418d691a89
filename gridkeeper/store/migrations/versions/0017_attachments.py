"""Photos and scans attached to findings, list items, mediation cases and households.

Revision ID: 0017
Revises: 0014
Create Date: 2026-12-08

Written on its own branch (issue 21 part 5); the lead relinks the chain at merge.

- attachment (synced, captured): which entity (`entity` + `entity_id`, no foreign
  key since it points into four tables), which blob (its keyed name), the plain
  bytes' SHA-256 (checked whenever the blob is read), kind, size, pixel size,
  caption, who and when. Removal is a tombstone; the blob file stays.
The blobs themselves are files in the profile folder (store/blobs.py), not rows.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0017"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("blob", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("caption", sa.String(), nullable=False, server_default=""),
        sa.Column("added_by", sa.String(), nullable=False, server_default=""),
        sa.Column("added_at", sa.String(), nullable=False),
    )
    # A page lists the photos of the one thing it shows.
    op.create_index("ix_attachment_entity", "attachment", ["entity", "entity_id"])
    op.create_index("ix_attachment_blob", "attachment", ["blob"])
    capture.install(op.get_bind(), ("attachment",))


def downgrade() -> None:
    raise NotImplementedError("GridKeeper restores a backup instead of downgrading a profile")
