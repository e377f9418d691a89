"""Dispute mediation cases (issue 7): cases, parties, sessions, status history, return visits.

Revision ID: 0005
Revises: 0004

Written on its own branch next to 0004 (care); numbered and chained after it
at merge (the tables touch nothing of care's).

Sessions, status changes and return visits are append-only: inserted once,
never updated, so they never conflict in sync. The case row holds what is
current (status, agreement, the next return visit due) and merges field by
field like every synced row.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("mediationcase", "mediationparty", "mediationsession", "mediationstatuschange", "returnvisit")


def _synced(name: str, *cols: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        *cols,
    )


def _case_id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("case_id", sa.String(), sa.ForeignKey("mediationcase.id"), nullable=False, index=True)


def upgrade() -> None:
    _synced(
        "mediationcase",
        sa.Column("number", sa.String(), nullable=False, index=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("compound_id", sa.String(), sa.ForeignKey("compound.id"), index=True),
        sa.Column("summary", sa.String(), nullable=False, server_default=""),
        sa.Column("mediators", sa.String(), nullable=False, server_default=""),
        sa.Column("status", sa.String(), nullable=False, server_default="received"),
        sa.Column("agreement_form", sa.String()),
        sa.Column("agreement_on", sa.Date()),
        sa.Column("agreement_facts", sa.String()),
        sa.Column("agreement_terms", sa.String()),
        sa.Column("performance_method", sa.String()),
        sa.Column("performance_due", sa.Date()),
        sa.Column("remedies_told", sa.String()),
        sa.Column("escalation_level", sa.String()),
        sa.Column("escalation_reason", sa.String()),
        sa.Column("next_visit_due", sa.Date(), index=True),
    )
    _synced(
        "mediationparty",
        _case_id(),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("contact", sa.String()),
        sa.Column("address", sa.String()),
        sa.Column("person_id", sa.String(), sa.ForeignKey("person.id"), index=True),
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id"), index=True),
        sa.Column("agent", sa.String()),
    )
    _synced(
        "mediationsession",
        _case_id(),
        sa.Column("held_at", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False, server_default=""),
        sa.Column("attendees", sa.String(), nullable=False, server_default=""),
        sa.Column("record", sa.String(), nullable=False, server_default=""),
    )
    _synced(
        "mediationstatuschange",
        _case_id(),
        sa.Column("changed_at", sa.String(), nullable=False),
        sa.Column("from_status", sa.String()),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("by_name", sa.String(), nullable=False, server_default=""),
    )
    _synced(
        "returnvisit",
        _case_id(),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("result", sa.String(), nullable=False),
        sa.Column("by_name", sa.String(), nullable=False, server_default=""),
    )
    capture.install(op.get_bind(), TABLES)
    # Parties are found among residents by name as it is typed (a prefix range scan).
    op.create_index("ix_person_name", "person", ["name"])


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
