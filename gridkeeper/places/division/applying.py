"""Apply: the plan written in one transaction on the store's write path, or nothing.

Like the roster import (places/roster_import/applying.py): under the write lock the change
log's mark is compared with the plan's; if anything committed since the profile was read
(a sync, another window), the table is planned again, three plans in all. The households of
moved buildings are listed for the search index (their keys carry the grid) and re-keyed
after the commit (Store.reindex_dirty()).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.io.division_table import DivisionSheet, read_table
from gridkeeper.places.division import planning
from gridkeeper.places.division.checking import CheckedTable, check
from gridkeeper.places.division.planning import DivisionPlan
from gridkeeper.places.division.report import DivisionReport
from gridkeeper.store import division as db
from gridkeeper.store import roster as roster_db
from gridkeeper.store.engine import Store

_PLAN_ATTEMPTS = 3


class TableChangedDuringImport(GridKeeperError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "The profile kept changing while the grid division table was being imported (a sync, or "
                      "another window); nothing was imported. Import the table again."))


class JoinedButNotSynced(GridKeeperError):
    """A laptop that joined an office takes in the office's grids before it imports a table over them."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "This laptop joined an office but has not synced with it yet. Sync first, so that the grid "
                      "division table does not undo what colleagues have set up since; nothing was imported."))


class _ProfileChanged(Exception):
    pass


def report(plan: DivisionPlan, *, dry_run: bool, imported: bool = False) -> DivisionReport:
    sheet = plan.checked.sheet
    return DivisionReport(
        str(sheet.path), sheet.name, sheet.header.row, dry_run, rows_read=len(plan.checked.rows), imported=imported,
        counts=dict(plan.counts), rejected=[*plan.checked.rejected, *plan.rejected],
        warnings=[*plan.checked.warnings, *plan.warnings], changes=list(plan.changes))


def apply(store: Store, plan: DivisionPlan) -> DivisionReport:
    """Write `plan`: all of it or nothing. A refused table (a rejected row) writes nothing; nor
    does a plan with nothing to change (the same table again)."""
    if plan.checked.rejected or plan.rejected:
        return report(plan, dry_run=False)
    if store.meta("office_pull_due"):  # sync's PULL_DUE_KEY, read by name: places do not import sync
        raise JoinedButNotSynced()
    for attempt in range(_PLAN_ATTEMPTS):
        if plan.store is not store:
            plan = planning.plan(store, plan.checked, today=plan.today)
        if plan.empty or plan.rejected:
            return report(plan, dry_run=False)
        try:
            _write(store, plan)
            break
        except _ProfileChanged:
            if attempt + 1 == _PLAN_ATTEMPTS:
                raise TableChangedDuringImport() from None
            plan = planning.plan(store, plan.checked, today=plan.today)
    store.reindex_dirty()
    return report(plan, dry_run=False, imported=True)


def _write(store: Store, plan: DivisionPlan) -> None:
    with store.read() as conn:
        touched = db.households_in(conn, plan.moved_buildings)
    with store.bulk_load(touched, defer_index=True) as conn:
        if roster_db.log_mark(conn) != plan.mark:
            raise _ProfileChanged()
        for table in db.TABLES:
            db.insert(conn, store.clock, table, plan.inserts.get(table, []))
        for table, row_id, values in plan.updates:
            db.update(conn, table, row_id, values)


def import_table(store: Store, path: Path, sheet: str | None = None, *, dry_run: bool = False,
                 today: date | None = None) -> DivisionReport:
    """read → check → plan → apply (with dry_run, the plan's report)."""
    checked = check_file(store, path, sheet)
    planned = planning.plan(store, checked, today=today)
    if dry_run:
        return report(planned, dry_run=True)
    return apply(store, planned)


def check_file(store: Store, path: Path, sheet: str | None = None) -> CheckedTable:
    """Read and check a table (see check_sheet)."""
    return check_sheet(store, read_table(path, sheet))


def check_sheet(store: Store, sheet: DivisionSheet) -> CheckedTable:
    """Check a table read already; a table without 社区 values is in the profile's only community."""
    with store.read() as conn:
        communities = roster_db.communities(conn)
    only = next(iter(communities)) if len(communities) == 1 else None
    return check(sheet, community=only)
