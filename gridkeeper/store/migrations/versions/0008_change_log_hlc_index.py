"""An index on change_log.hlc: opening a profile reads the newest time, max(hlc).

Without it every open (the app's start, every command) scanned the whole log:
0.1-0.2 s on a street with 292,000 changes, and growing with every month of
work. Local changes get increasing times, so the index grows at its end.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_change_log_hlc ON change_log (hlc)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_change_log_hlc")
