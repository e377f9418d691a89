"""Mediation as a committee issues it: plain agreement numbers, and the parties as the form asks.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08

- mediationparty.gender ("M" / "F"), ethnicity (民族), birth_date and id_number:
  the Ministry of Justice's model agreement names each party with 性别, 民族,
  出生日期, 身份证号, 住址 and 联系方式 (address, contact and agent were there).
  A party linked to a resident keeps these empty where the resident's file has
  them: the printed agreement reads the file, so a number is kept once.

- mediationnumberblock: numbers of a year granted to one laptop by the numbering
  laptop alone, so that laptops numbering offline never issue a number twice;
  mediationcase.final_seq: the number issued (第15号), null while the case has
  only its provisional number (see gridkeeper/mediation/numbers.py and
  docs/architecture.md, "Agreement numbers").

Capture triggers of both tables are recreated so the new columns are logged.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mediationparty", recreate="never") as batch:
        batch.add_column(sa.Column("gender", sa.String(), nullable=True))
        batch.add_column(sa.Column("ethnicity", sa.String(), nullable=True))
        batch.add_column(sa.Column("birth_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("id_number", sa.String(), nullable=True))
    with op.batch_alter_table("mediationcase", recreate="never") as batch:
        batch.add_column(sa.Column("final_seq", sa.Integer(), nullable=True))
    op.create_table(
        "mediationnumberblock",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("device_id", sa.String(), nullable=False, index=True),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.String(), nullable=False),
    )
    capture.install(op.get_bind(), ("mediationparty", "mediationcase", "mediationnumberblock"))


def downgrade() -> None:
    raise NotImplementedError("GridKeeper restores a backup instead of downgrading a profile")
