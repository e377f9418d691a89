"""A contact recorded by mistake is corrected, not edited; an escalation hands the item over.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08

- contactlog.corrects_id: a contact log row that corrects an earlier one (append-only:
  the earlier row stays as it was). The corrected row no longer counts anywhere
  (Today, coverage figures); the correcting row counts with its own outcome, or
  not at all when its outcome is "void" (recorded by mistake). Who corrected is
  the row's cadre_id, why is correction_reason. A partial index: few rows are
  corrections, and every figure asks "is this row corrected?".
- escalation.from_owner / to_owner: who held the item before and who holds it now
  ("物业 · 南虹物业" → "社区 · 城南社区"), so the hand-over history reads without
  reconstructing it from other tables.

Capture triggers of both tables are recreated so the new columns are logged.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contactlog", recreate="never") as batch:
        batch.add_column(sa.Column("corrects_id", sa.String(), nullable=True))
        batch.add_column(sa.Column("correction_reason", sa.String(), nullable=True))
    op.execute("CREATE INDEX ix_contactlog_corrects_id ON contactlog (corrects_id) WHERE corrects_id IS NOT NULL")
    with op.batch_alter_table("escalation", recreate="never") as batch:
        batch.add_column(sa.Column("from_owner", sa.String(), nullable=True))
        batch.add_column(sa.Column("to_owner", sa.String(), nullable=True))
    capture.install(op.get_bind(), ("contactlog", "escalation"))


def downgrade() -> None:
    raise NotImplementedError("GridKeeper restores a backup instead of downgrading a profile")
