"""A compact search index: integer household and grid handles instead of text ids in every key.

Written on its own branch beside 0004-0006; chained after them at merge.

The old `search_key` (and its triggers) is dropped; the new tables, index and
triggers (searchindex.DDL) are created empty and every household is listed in
`search_dirty`, so open_store() re-keys the whole profile right after the
migration (search is right meanwhile, see searchindex.PENDING_SOURCE).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from alembic import op

from gridkeeper.store import searchindex

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_OLD_TRIGGERS = (
    "gk_search_person_insert", "gk_search_person_update", "gk_search_household_insert",
    "gk_search_household_update", "gk_search_building_update", "gk_search_compound_update",
)


def upgrade() -> None:
    for name in _OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP INDEX IF EXISTS ix_search_key_household")
    op.execute("DROP TABLE IF EXISTS search_key")
    for stmt in searchindex.DDL:
        op.execute(stmt)
    op.execute("INSERT OR IGNORE INTO search_dirty (household_id) SELECT id FROM household")
    op.execute("INSERT OR IGNORE INTO search_household (household_id) SELECT id FROM household")
    op.execute("INSERT OR IGNORE INTO search_grid (grid_id) SELECT id FROM grid")


def downgrade() -> None:
    raise NotImplementedError("GridKeeper migrations only go forward; restore a backup instead")
