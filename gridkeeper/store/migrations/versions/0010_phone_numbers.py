"""Phone numbers in the canonical form libphonenumber's numbering plan gives (issue 25).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08

No schema change: this marks the profile so that open_store rewrites its stored
numbers right after (store/phone_forms.py). The rewrite cannot run here: the capture
triggers need this laptop's clock, which the migration runs without, and a rewrite
they do not log would not sync.
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('phones_to_canonical', '1')")


def downgrade() -> None:
    raise NotImplementedError("GridKeeper restores a backup instead of downgrading a profile")
