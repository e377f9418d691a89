"""Places and people, the change log, the search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from gridkeeper.store import capture
from gridkeeper.store import searchindex_v1 as searchindex  # the index as 0001 made it, frozen

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SYNCED = (
    "community", "compound", "grid", "building", "household",
    "person", "tag", "persontag", "cadre", "assignment",
)


def _synced(name: str, *cols: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        *cols,
    )


def upgrade() -> None:
    op.create_table(
        "local_meta",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=True),
    )
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("hlc", sa.String(), nullable=False),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("tbl", sa.String(), nullable=False),
        sa.Column("row_id", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_change_log_row", "change_log", ["tbl", "row_id"])

    _synced(
        "community",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("division_code", sa.String()),
    )
    _synced(
        "compound",
        sa.Column("community_id", sa.String(), sa.ForeignKey("community.id"), nullable=False, index=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("property_company", sa.String()),
        sa.Column("hoa", sa.String()),
    )
    _synced(
        "grid",
        sa.Column("community_id", sa.String(), sa.ForeignKey("community.id"), nullable=False, index=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("code", sa.String()),
    )
    _synced(
        "building",
        sa.Column("compound_id", sa.String(), sa.ForeignKey("compound.id"), nullable=False, index=True),
        sa.Column("grid_id", sa.String(), sa.ForeignKey("grid.id"), index=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("units", sa.Integer()),
        sa.Column("floors", sa.Integer()),
    )
    _synced(
        "household",
        sa.Column("building_id", sa.String(), sa.ForeignKey("building.id"), nullable=False, index=True),
        sa.Column("unit", sa.String(), nullable=False, server_default=""),
        sa.Column("room", sa.String(), nullable=False),
        sa.Column("household_no", sa.String()),
        sa.Column("residence_status", sa.String()),
        sa.Column("note", sa.String()),
    )
    _synced(
        "person",
        sa.Column("household_id", sa.String(), sa.ForeignKey("household.id"), index=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("id_number", sa.String(), index=True),
        sa.Column("gender", sa.String()),
        sa.Column("birth_date", sa.Date()),
        sa.Column("ethnicity", sa.String()),
        sa.Column("relation_to_head", sa.String()),
        sa.Column("phones", sa.String(), nullable=False, server_default="[]"),
        sa.Column("status", sa.String(), nullable=False, server_default="active"),
        sa.Column("note", sa.String()),
    )
    _synced(
        "tag",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("sensitive", sa.Boolean(), nullable=False, server_default=sa.text("0")),
    )
    _synced(
        "persontag",
        sa.Column("person_id", sa.String(), sa.ForeignKey("person.id"), nullable=False, index=True),
        sa.Column("tag_id", sa.String(), sa.ForeignKey("tag.id"), nullable=False, index=True),
        sa.Column("detail", sa.String()),
    )
    _synced(
        "cadre",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("phone", sa.String()),
        sa.Column("role", sa.String()),
        sa.Column("community_id", sa.String(), sa.ForeignKey("community.id")),
    )
    _synced(
        "assignment",
        sa.Column("cadre_id", sa.String(), sa.ForeignKey("cadre.id"), nullable=False, index=True),
        sa.Column("grid_id", sa.String(), sa.ForeignKey("grid.id"), nullable=False, index=True),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
    )
    bind = op.get_bind()
    capture.install(bind, SYNCED)
    for stmt in searchindex.DDL:
        op.execute(stmt)


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
