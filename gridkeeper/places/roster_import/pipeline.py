"""The import as one call: read, check, compare, write."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from gridkeeper.io import roster
from gridkeeper.io.roster import Header, RosterRow, Sheet
from gridkeeper.io.roster_read import gc_paused
from gridkeeper.places.roster_import import applying, planning, reading
from gridkeeper.places.roster_import.common import Cancelled, ImportCancelled, ProfileChangedDuringImport, Progress
from gridkeeper.places.roster_import.report import ImportReport
from gridkeeper.store.engine import Store

# How many times an import works its plan out again before it gives up (ProfileChangedDuringImport).
_PLAN_ATTEMPTS = 3


def import_roster(
    store: Store,
    path: Path,
    sheet: str | None = None,
    *,
    dry_run: bool = False,
    header: Header | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
    checked: tuple[Sheet, list[RosterRow]] | None = None,
    data: Sheet | None = None,
) -> ImportReport:
    """Import `path` into the profile (or only report what would happen, with dry_run).

    `checked`: the sheet as read and its rows as validated with `header`, when the
    caller has them already (the wizard's preview): the import stores exactly
    what the user saw checked, without reading and checking the file again.
    `data`: the sheet as read, when the caller has read it already (the command
    line reads it before it opens the profile); its rows are checked here.
    """
    # The cyclic collector off for the whole import, not only while reading and validating:
    # the plan's ~70,000 row tuples and ids otherwise trigger full collections that walk
    # every row again (0.3-0.5 s of compare and store on a 50,000-row roster). Nothing
    # here makes reference cycles; the collector runs again when the import returns.
    with gc_paused():
        return _import(store, path, sheet, dry_run, header, progress, cancelled, today, checked, data)


def _import(
    store: Store,
    path: Path,
    sheet: str | None,
    dry_run: bool,
    header: Header | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    today: date | None,
    checked: tuple[Sheet, list[RosterRow]] | None,
    preread: Sheet | None,
) -> ImportReport:
    report_progress = progress or (lambda _p, _m: None)
    is_cancelled = cancelled or (lambda: False)
    started = time.perf_counter()
    if checked is not None and header is None:
        raise ValueError("checked rows need the header they were checked with")
    report_progress(0, "reading")
    known = None
    if checked is not None:
        data = checked[0]
    elif preread is not None:
        data = preread
    else:
        data, known = reading._read_with_profile(store, path, sheet)
    header = header or roster.detect_header(data)
    roster.require_rows(data, header)
    read_done = time.perf_counter()
    report_progress(20, "checking rows")
    rows = checked[1] if checked is not None else roster.validate(data, header, today=today)
    report = ImportReport(str(path), data.name, header.row, dry_run, rows_read=len(rows))
    accepted = []
    for r in rows:
        for issue in r.issues:
            (report.rejected if issue.severity == "error" else report.warnings).append(issue)
        if r.rejected:
            report.rejected_rows.append(r.row)
        elif r.duplicate_of is None:
            accepted.append(r)
    validated = time.perf_counter()
    if is_cancelled():
        raise ImportCancelled()
    report_progress(40, "comparing with the profile")
    for attempt in range(_PLAN_ATTEMPTS):
        plan = planning._plan(store, accepted, report, is_cancelled, known)
        planned = time.perf_counter()
        if dry_run:
            break
        try:
            applying._write(store, plan, report_progress, is_cancelled)
            break
        except applying._ProfileChanged:
            known = None  # read before the change: look the rows up again
            report.restart_counts()
            if attempt + 1 == _PLAN_ATTEMPTS:
                raise ProfileChangedDuringImport() from None
    report_progress(100, "done")
    done = time.perf_counter()
    report.seconds = {"read": read_done - started, "validate": validated - read_done,
                      "compare": planned - validated, "store": done - planned, "total": done - started}
    return report

