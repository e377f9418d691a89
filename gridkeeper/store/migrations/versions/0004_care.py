"""Care: volunteers, care plans, contact logs, service records, the audit log.

Contact logs, service records and audit entries are append-only: written
once, never updated, so two devices never conflict over them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("volunteerteam", "volunteer", "careplan", "contactlog", "servicerecord", "auditlog")


def _synced(name: str, *cols: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        *cols,
    )


def upgrade() -> None:
    _synced(
        "volunteerteam",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("community_id", sa.String(), sa.ForeignKey("community.id")),
        sa.Column("leader", sa.String()),
    )
    _synced(
        "volunteer",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("phone", sa.String()),
        sa.Column("team_id", sa.String(), sa.ForeignKey("volunteerteam.id"), index=True),
    )
    _synced(
        "careplan",
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id"), nullable=False, index=True),
        sa.Column("person_id", sa.String(), sa.ForeignKey("person.id"), index=True),
        sa.Column("frequency", sa.String(), nullable=False),
        sa.Column("interval_days", sa.Integer()),
        sa.Column("cadre_id", sa.String(), sa.ForeignKey("cadre.id"), index=True),
        sa.Column("volunteer_id", sa.String(), sa.ForeignKey("volunteer.id")),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date()),
        sa.Column("note", sa.String()),
    )
    _synced(
        "contactlog",
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id"), nullable=False),
        sa.Column("person_id", sa.String(), sa.ForeignKey("person.id")),
        sa.Column("contact_date", sa.Date(), nullable=False),
        sa.Column("contacted_at", sa.String(), nullable=False),
        sa.Column("cadre_id", sa.String(), sa.ForeignKey("cadre.id")),
        sa.Column("volunteer_id", sa.String(), sa.ForeignKey("volunteer.id")),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("note", sa.String()),
        sa.Column("need", sa.String()),
    )
    # The Today list asks "last contacts of these persons / households": newest first per key.
    op.create_index("ix_contactlog_person", "contactlog", ["person_id", "contacted_at"])
    op.create_index("ix_contactlog_household", "contactlog", ["household_id", "contacted_at"])
    _synced(
        "servicerecord",
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id"), nullable=False, index=True),
        sa.Column("person_id", sa.String(), sa.ForeignKey("person.id"), index=True),
        sa.Column("service_type", sa.String(), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("cadre_id", sa.String(), sa.ForeignKey("cadre.id")),
        sa.Column("volunteer_id", sa.String(), sa.ForeignKey("volunteer.id")),
        sa.Column("duration_minutes", sa.Integer()),
        sa.Column("contact_id", sa.String(), sa.ForeignKey("contactlog.id")),
        sa.Column("note", sa.String()),
    )
    _synced(
        "auditlog",
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("cadre_id", sa.String(), sa.ForeignKey("cadre.id")),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("tbl", sa.String(), nullable=False),
        sa.Column("row_id", sa.String(), nullable=False),
        sa.Column("field", sa.String()),
        sa.Column("note", sa.String()),
    )
    op.create_index("ix_auditlog_row", "auditlog", ["tbl", "row_id"])
    capture.install(op.get_bind(), TABLES)


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
