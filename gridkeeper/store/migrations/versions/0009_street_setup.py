"""A street set up by its own office: whole compounds in a grid, vacant and merged households.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

- compound.grid_id: the grid that covers the whole compound (网格划分表 "全部"):
  its buildings carry the same grid_id, and a building the compound gains later
  (a roster row in a new 幢) lands in that grid. Null when the compound's
  buildings are divided among grids one by one. No foreign key: compound comes
  before grid in the sync order (parents first), and a tombstoned grid is
  refused while it covers anything.
- household.vacant_since: the day the flat was found empty (空户); null when lived in.
- household.merged_into: a household found to be the same as another is tombstoned
  and points at the one kept, so a late edit synced from another laptop can still
  be followed to the household that holds its members.

Capture triggers of both tables are recreated so the new columns are logged.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("compound", recreate="never") as batch:
        batch.add_column(sa.Column("grid_id", sa.String(), nullable=True))
    op.create_index("ix_compound_grid_id", "compound", ["grid_id"])
    with op.batch_alter_table("household", recreate="never") as batch:
        batch.add_column(sa.Column("vacant_since", sa.Date(), nullable=True))
        batch.add_column(sa.Column("merged_into", sa.String(), nullable=True))
    # The household file reads the households merged into the one shown.
    op.create_index("ix_household_merged_into", "household", ["merged_into"])
    capture.install(op.get_bind(), ("compound", "household"))


def downgrade() -> None:
    raise NotImplementedError("GridKeeper restores a backup instead of downgrading a profile")
