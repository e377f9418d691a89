"""The parties of a mediation as the agreement form asks for them.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-08

- mediationparty.gender ("M" / "F"), ethnicity (民族), birth_date and id_number:
  the Ministry of Justice's model agreement names each party with 性别, 民族,
  出生日期, 身份证号, 住址 and 联系方式 (address, contact and agent were there).
  A party linked to a resident keeps these empty where the resident's file has
  them: the printed agreement reads the file, so a number is kept once.

Capture triggers of the table are recreated so the new columns are logged.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mediationparty", recreate="never") as batch:
        batch.add_column(sa.Column("gender", sa.String(), nullable=True))
        batch.add_column(sa.Column("ethnicity", sa.String(), nullable=True))
        batch.add_column(sa.Column("birth_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("id_number", sa.String(), nullable=True))
    capture.install(op.get_bind(), ("mediationparty",))


def downgrade() -> None:
    raise NotImplementedError("GridKeeper restores a backup instead of downgrading a profile")
