"""Meetings, deliberation and weekend duty (issue 22): 三方联席会议, 邻里议事厅, 我与书记有约.

Revision ID: 0013
Revises: 0012

Written on its own branch next to 0010-0012 (other helpers); the lead relinks the
chain at merge (the tables touch nothing of theirs).

- meeting / meetingattendee / agendaitem: a meeting, who came by side, and its
  agenda items with their minutes and decision; a decision points at the list
  item it became or updated (agendaitem.list_item_id).
- deliberation: one 议事 matter; its stage and the current record of each stage.
  deliberationstep is append-only (every advance, decision and send-back with its
  reason), so the path a matter took is never overwritten. deliberationlink: the
  list items implementing an adopted matter (id: uuid5 of both).
- dutyshift: one compound's weekend evening (id: uuid5 of compound and day, so two
  laptops generating the same roster offline make one row); dutymatter: a matter
  taken on duty, its outcome and the resident's answer (反馈).
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLES = ("meeting", "meetingattendee", "agendaitem", "deliberation", "deliberationstep", "deliberationlink",
          "dutyshift", "dutymatter")


def _synced(name: str, *cols: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        *cols,
    )


def _fk(name: str, target: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(), sa.ForeignKey(f"{target}.id"), nullable=nullable, index=True)


def upgrade() -> None:
    _synced(
        "meeting",
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False, index=True),
        sa.Column("place", sa.String(), nullable=False, server_default=""),
        _fk("compound_id", "compound", nullable=True),
        _fk("community_id", "community", nullable=True),
        sa.Column("title", sa.String(), nullable=False, server_default=""),
        sa.Column("recorded_by", sa.String(), nullable=False, server_default=""),
    )
    _synced(
        "meetingattendee",
        _fk("meeting_id", "meeting"),
        sa.Column("side", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("person_id", sa.String(), sa.ForeignKey("person.id"), index=True),
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id"), index=True),
    )
    _synced(
        "agendaitem",
        _fk("meeting_id", "meeting"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("ref_id", sa.String(), index=True),
        sa.Column("minutes", sa.String(), nullable=False, server_default=""),
        sa.Column("decision", sa.String(), nullable=False, server_default=""),
        sa.Column("owner_party", sa.String()),
        sa.Column("owner_name", sa.String()),
        sa.Column("due_date", sa.Date()),
        sa.Column("list_item_id", sa.String(), sa.ForeignKey("listitem.id"), index=True),
    )
    _synced(
        "deliberation",
        _fk("compound_id", "compound"),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("detail", sa.String(), nullable=False, server_default=""),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("stage", sa.String(), nullable=False, server_default="party"),
        sa.Column("party_on", sa.Date()),
        sa.Column("party_opinion", sa.String()),
        sa.Column("tripartite_on", sa.Date()),
        sa.Column("tripartite_agreed", sa.String()),
        sa.Column("residents_on", sa.Date()),
        sa.Column("residents_method", sa.String()),
        sa.Column("households_consulted", sa.Integer()),
        sa.Column("votes_for", sa.Integer()),
        sa.Column("votes_against", sa.Integer()),
        sa.Column("votes_abstain", sa.Integer()),
        sa.Column("not_reached", sa.Integer()),
        sa.Column("by_building", sa.String()),
        sa.Column("decided_on", sa.Date()),
        sa.Column("decision_note", sa.String()),
    )
    _synced(
        "deliberationstep",
        _fk("deliberation_id", "deliberation"),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("from_stage", sa.String()),
        sa.Column("to_stage", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("by_name", sa.String(), nullable=False, server_default=""),
    )
    _synced(
        "deliberationlink",
        _fk("deliberation_id", "deliberation"),
        sa.Column("item_id", sa.String(), sa.ForeignKey("listitem.id"), nullable=False, index=True),
    )
    _synced(
        "dutyshift",
        _fk("compound_id", "compound"),
        sa.Column("on_date", sa.Date(), nullable=False, index=True),
        sa.Column("place", sa.String(), nullable=False, server_default=""),
        sa.Column("secretary", sa.String(), nullable=False, server_default=""),
        sa.Column("hoa_chair", sa.String(), nullable=False, server_default=""),
        sa.Column("cadres", sa.String(), nullable=False, server_default=""),
    )
    _synced(
        "dutymatter",
        _fk("shift_id", "dutyshift"),
        sa.Column("taken_at", sa.String(), nullable=False),
        sa.Column("resident", sa.String(), nullable=False),
        sa.Column("person_id", sa.String(), sa.ForeignKey("person.id"), index=True),
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id"), index=True),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False, server_default="open"),
        sa.Column("outcome_on", sa.Date()),
        sa.Column("outcome_ref", sa.String()),
        sa.Column("outcome_note", sa.String(), nullable=False, server_default=""),
        sa.Column("feedback", sa.String()),
        sa.Column("feedback_on", sa.Date()),
    )
    capture.install(op.get_bind(), TABLES)


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
