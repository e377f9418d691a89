"""Night walks with their findings, and the four lists (problems, needs, services, projects).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

Written on its own branch beside 0004 (care) and 0005 (mediation); numbered
and chained after them at merge. Nothing in it depends on their tables.

Synced tables (text uuid ids, `deleted` tombstones, capture triggers):
nightwalk, walkgrid, walkparticipant, finding, listitem, listitemhistory,
escalation, listlink. Findings, status history and escalations are
append-only: inserted once, never updated (a local UPDATE is refused by a
trigger, except the `deleted` tombstone; sync's apply, which runs with capture paused, may still write them),
so they never conflict in sync.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SYNCED = (
    "nightwalk", "walkgrid", "walkparticipant", "finding",
    "listitem", "listitemhistory", "escalation", "listlink",
)
APPEND_ONLY = ("finding", "listitemhistory", "escalation")


def _synced(name: str, *cols: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        *cols,
    )


def upgrade() -> None:
    _synced(
        "nightwalk",
        sa.Column("walk_date", sa.Date(), nullable=False, index=True),
        sa.Column("start_time", sa.String(), nullable=False),
        sa.Column("end_time", sa.String(), nullable=False),
        sa.Column("leader", sa.String(), nullable=False),
        sa.Column("leader_cadre_id", sa.String(), sa.ForeignKey("cadre.id")),
        sa.Column("route", sa.String()),
        sa.Column("notes", sa.String()),
    )
    _synced(
        "walkgrid",
        sa.Column("walk_id", sa.String(), sa.ForeignKey("nightwalk.id"), nullable=False, index=True),
        sa.Column("grid_id", sa.String(), sa.ForeignKey("grid.id"), nullable=False, index=True),
    )
    _synced(
        "walkparticipant",
        sa.Column("walk_id", sa.String(), sa.ForeignKey("nightwalk.id"), nullable=False, index=True),
        sa.Column("party", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("cadre_id", sa.String(), sa.ForeignKey("cadre.id")),
    )
    _synced(
        "finding",
        sa.Column("walk_id", sa.String(), sa.ForeignKey("nightwalk.id"), nullable=False, index=True),
        sa.Column("grid_id", sa.String(), sa.ForeignKey("grid.id"), index=True),
        sa.Column("compound_id", sa.String(), sa.ForeignKey("compound.id")),
        sa.Column("building_id", sa.String(), sa.ForeignKey("building.id")),
        sa.Column("place", sa.String(), nullable=False, server_default=""),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("severity", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("settled", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        sa.Column("position", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )
    _synced(
        "listitem",
        sa.Column("kind", sa.String(), nullable=False, index=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("detail", sa.String()),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("category", sa.String()),
        sa.Column("finding_id", sa.String(), sa.ForeignKey("finding.id"), index=True),
        sa.Column("grid_id", sa.String(), sa.ForeignKey("grid.id"), index=True),
        sa.Column("compound_id", sa.String(), sa.ForeignKey("compound.id"), index=True),
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id")),
        sa.Column("owner_party", sa.String(), nullable=False),
        sa.Column("owner_name", sa.String()),
        sa.Column("claimant", sa.String()),
        sa.Column("due_date", sa.Date()),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date()),
        sa.Column("status", sa.String(), nullable=False, server_default="open", index=True),
        sa.Column("decline_reason", sa.String()),
        sa.Column("resolution", sa.String()),
        sa.Column("feedback", sa.String()),
        sa.Column("satisfaction", sa.String()),
        sa.Column("escalation_level", sa.String(), nullable=False, server_default="compound"),
    )
    _synced(
        "listitemhistory",
        sa.Column("item_id", sa.String(), sa.ForeignKey("listitem.id"), nullable=False, index=True),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("from_status", sa.String()),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("by", sa.String(), nullable=False, server_default=""),
        sa.Column("note", sa.String()),
    )
    _synced(
        "escalation",
        sa.Column("item_id", sa.String(), sa.ForeignKey("listitem.id"), nullable=False, index=True),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("from_level", sa.String(), nullable=False),
        sa.Column("to_level", sa.String(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
    )
    _synced(
        "listlink",
        sa.Column("need_id", sa.String(), sa.ForeignKey("listitem.id"), nullable=False, index=True),
        sa.Column("meets_id", sa.String(), sa.ForeignKey("listitem.id"), nullable=False, index=True),
    )
    bind = op.get_bind()
    capture.install(bind, SYNCED)
    for table in APPEND_ONLY:
        # Every column but the tombstone: a row entered by mistake may still be deleted.
        fixed = ", ".join(f'"{c}"' for c in capture.columns(bind, table) if c != "deleted")
        op.execute(
            f'CREATE TRIGGER gk_append_only_{table} BEFORE UPDATE OF {fixed} ON "{table}" WHEN gk_capture()\n'
            f"BEGIN SELECT RAISE(ABORT, 'gridkeeper: {table} rows are append-only, never updated'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
