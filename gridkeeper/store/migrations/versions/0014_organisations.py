"""Organisations and satisfaction (issue 23): owners' committees and Party organisations,
property companies under supervision, satisfaction surveys, the work of clubs and teams.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08

Written on its own branch beside 0010-0013; the lead relinks the chain at merge.
Nothing in it depends on their tables.

Synced tables (text uuid ids, `deleted` tombstones, capture triggers):
propertycompany, propertycontract, ownerscommittee, committeemember, partyorg,
inspection, inspectioncheck, serviceevaluation, survey, teamactivity,
activityvolunteer. Inspections and their checks are append-only (what was
seen that day is not edited later; a mistaken one is tombstoned).
volunteerteam gains `kind` (club, volunteer team, 敲门日 team, mediation
volunteers) and `compound_id` (no foreign key: SQLite adds a column with one only by
copying the table, and a team's compound is a pointer like compound.grid_id); its
capture triggers are recreated.
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SYNCED = (
    "propertycompany", "propertycontract", "ownerscommittee", "committeemember", "partyorg",
    "inspection", "inspectioncheck", "serviceevaluation", "survey", "teamactivity", "activityvolunteer",
)
APPEND_ONLY = ("inspection", "inspectioncheck")


def _synced(name: str, *cols: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        *cols,
    )


def _fk(table: str, col: str = "id") -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.{col}")


def upgrade() -> None:
    _synced(
        "propertycompany",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("contact", sa.String()),
        sa.Column("phone", sa.String()),
        sa.Column("note", sa.String()),
    )
    _synced(
        "propertycontract",
        sa.Column("compound_id", sa.String(), _fk("compound"), nullable=False, index=True),
        sa.Column("company_id", sa.String(), _fk("propertycompany"), nullable=False, index=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date()),
        sa.Column("exit_reason", sa.String()),
    )
    _synced(
        "ownerscommittee",
        sa.Column("compound_id", sa.String(), _fk("compound"), nullable=False, index=True),
        sa.Column("elected_on", sa.Date(), nullable=False),
        sa.Column("term_ends", sa.Date(), nullable=False),
        sa.Column("name", sa.String()),
    )
    _synced(
        "committeemember",
        sa.Column("committee_id", sa.String(), _fk("ownerscommittee"), nullable=False, index=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("party_member", sa.Boolean(), nullable=False, server_default=sa.text("0")),
    )
    _synced(
        "partyorg",
        sa.Column("compound_id", sa.String(), _fk("compound"), nullable=False, index=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("secretary", sa.String(), nullable=False),
        sa.Column("founded_on", sa.Date()),
    )
    _synced(
        "inspection",
        sa.Column("compound_id", sa.String(), _fk("compound"), nullable=False, index=True),
        sa.Column("company_id", sa.String(), _fk("propertycompany"), nullable=False, index=True),
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("inspectors", sa.String(), nullable=False),
        sa.Column("note", sa.String()),
    )
    _synced(
        "inspectioncheck",
        sa.Column("inspection_id", sa.String(), _fk("inspection"), nullable=False, index=True),
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("finding", sa.String()),
        sa.Column("problem_id", sa.String(), _fk("listitem")),
    )
    _synced(
        "serviceevaluation",
        sa.Column("compound_id", sa.String(), _fk("compound"), nullable=False, index=True),
        sa.Column("company_id", sa.String(), _fk("propertycompany"), nullable=False, index=True),
        sa.Column("quarter", sa.String(), nullable=False, index=True),
        sa.Column("party", sa.String(), nullable=False),
        sa.Column("scores", sa.String(), nullable=False),
    )
    _synced(
        "survey",
        sa.Column("compound_id", sa.String(), _fk("compound"), nullable=False, index=True),
        sa.Column("surveyed_on", sa.Date(), nullable=False, index=True),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("asked", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=False),
        *(sa.Column(topic, sa.Integer()) for topic in
          ("property_service", "environment", "safety", "neighbours", "community_work")),
        sa.Column("note", sa.String()),
    )
    _synced(
        "teamactivity",
        sa.Column("team_id", sa.String(), _fk("volunteerteam"), nullable=False, index=True),
        sa.Column("held_on", sa.Date(), nullable=False, index=True),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("compound_id", sa.String(), _fk("compound"), index=True),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("households_served", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("item_id", sa.String(), _fk("listitem")),
    )
    _synced(
        "activityvolunteer",
        sa.Column("activity_id", sa.String(), _fk("teamactivity"), nullable=False, index=True),
        sa.Column("volunteer_id", sa.String(), _fk("volunteer"), nullable=False, index=True),
    )
    with op.batch_alter_table("volunteerteam", recreate="never") as batch:
        batch.add_column(sa.Column("kind", sa.String(), nullable=True))
        batch.add_column(sa.Column("compound_id", sa.String(), nullable=True))
    op.create_index("ix_volunteerteam_compound_id", "volunteerteam", ["compound_id"])
    bind = op.get_bind()
    capture.install(bind, (*SYNCED, "volunteerteam"))
    for table in APPEND_ONLY:
        # Every column but the tombstone: a row entered by mistake may still be deleted.
        fixed = ", ".join(f'"{c}"' for c in capture.columns(bind, table) if c != "deleted")
        op.execute(
            f'CREATE TRIGGER gk_append_only_{table} BEFORE UPDATE OF {fixed} ON "{table}" WHEN gk_capture()\n'
            f"BEGIN SELECT RAISE(ABORT, 'gridkeeper: {table} rows are append-only, never updated'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
