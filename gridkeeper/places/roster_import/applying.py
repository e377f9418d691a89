"""The write: one bulk-load transaction, refused when the profile moved since the plan."""

from __future__ import annotations

from gridkeeper.places.roster_import.common import Cancelled, ImportCancelled, Progress
from gridkeeper.places.roster_import.planning import _Plan
from gridkeeper.store import roster as db
from gridkeeper.store.engine import Store


class _ProfileChanged(Exception):
    """Something committed between reading the profile and writing the import: plan again."""


_ORDER = ("community", "compound", "building", "household", "person", "tag", "persontag")


def _write(store: Store, plan: _Plan, progress: Progress, cancelled: Cancelled) -> None:
    # The WAL this writes (tens of MB for a street) is copied into the database file by the
    # next ordinary commit, the search index's catch-up, not inside the import's commit.
    with store.checkpoints_held(checkpoint_after=False), store.bulk_load(plan.touched, defer_index=True) as conn:
        # Holding the write lock now: if anything was committed since the profile was read, the
        # plan may carry values older than the profile's (an update merges them in), so none of
        # it is written.
        if db.log_mark(conn) != plan.mark:
            raise _ProfileChanged()
        for i, table in enumerate(_ORDER):
            cols, rows = plan.inserts.get(table, ((), []))
            db.insert(conn, table, rows, cols=cols, clock=store.clock, skip_existing=table in ("tag", "persontag"))
            if cancelled():
                raise ImportCancelled()  # rolls the whole transaction back
            progress(60 + 25 * (i + 1) // len(_ORDER), table)
        db.update(conn, "household", db.HOUSEHOLD_FIELDS, plan.household_updates)
        db.update(conn, "person", db.PERSON_FIELDS, plan.person_updates)
        if cancelled():
            raise ImportCancelled()
        progress(90, "saving")
