"""Apply, the last step: the plan written in one bulk-load transaction, worked out again
first when the profile moved since it was read for the plan."""

from __future__ import annotations

import time

from gridkeeper.io.roster_read import gc_paused
from gridkeeper.places.roster_import import planning
from gridkeeper.places.roster_import.common import (
    Cancelled,
    ImportCancelled,
    JoinedButNotSynced,
    ProfileChangedDuringImport,
    Progress,
    never,
    quiet,
)
from gridkeeper.places.roster_import.planning import ImportPlan
from gridkeeper.places.roster_import.report import ImportReport
from gridkeeper.store import roster as db
from gridkeeper.store.engine import Store

# How many plans an import works out in all (the one it is given included) before it gives
# up (ProfileChangedDuringImport).
_PLAN_ATTEMPTS = 3


class _ProfileChanged(Exception):
    """Something committed between reading the profile and writing the import: plan again."""


def apply(store: Store, plan: ImportPlan, *, progress: Progress | None = None,
          cancelled: Cancelled | None = None) -> ImportReport:
    """Write `plan` into `store`: all of it, or, on an error or a cancel, nothing.

    Holding the write lock, it checks the change log's mark: if anything committed since the
    profile was read for the plan (a sync, another window), the plan could carry values older
    than the profile's, so it is worked out again and the write retried. The report counts
    what was written. The search index catches up after the commit (Store.reindex_dirty()).
    """
    report_progress, is_cancelled = progress or quiet, cancelled or never
    # The key is the sync's (gridkeeper.sync.office.PULL_DUE_KEY), read by name: places do not import sync.
    if store.meta("office_pull_due"):
        raise JoinedButNotSynced()
    started = time.perf_counter()
    compared = plan.seconds
    with gc_paused():  # as in every step: the rows hold no cycles
        if plan.store is not store:  # worked out against another profile: its mark says nothing here
            plan = planning.replan(store, plan, cancelled=is_cancelled)
        for attempt in range(_PLAN_ATTEMPTS):
            try:
                _write(store, plan, report_progress, is_cancelled)
                break
            except _ProfileChanged:
                if attempt + 1 == _PLAN_ATTEMPTS:
                    raise ProfileChangedDuringImport() from None
                plan = planning.replan(store, plan, cancelled=is_cancelled)
        report_progress(100, "done")
    report = plan.report(dry_run=False)
    stored = time.perf_counter() - started - (plan.seconds - compared)
    report.seconds["store"] = stored
    report.seconds["total"] += stored
    return report


_ORDER = ("community", "compound", "building", "household", "person", "tag", "persontag")


def _write(store: Store, plan: ImportPlan, progress: Progress, cancelled: Cancelled) -> None:
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
        for table in ("community", "compound", "building"):  # places a roster names again, back as they were
            db.update(conn, table, ("deleted",), [{"id": i, "deleted": 0} for t, i in plan.revived if t == table])
        db.update(conn, "household", db.HOUSEHOLD_FIELDS, plan.household_updates)
        db.update(conn, "person", db.PERSON_FIELDS, plan.person_updates)
        db.add_conflicts(conn, plan.conflicts)
        if cancelled():
            raise ImportCancelled()
        progress(90, "saving")
