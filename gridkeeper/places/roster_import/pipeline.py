"""The steps in order, for a caller that does not stop between them (the command line)."""

from __future__ import annotations

from pathlib import Path

from gridkeeper.io.roster_read import gc_paused
from gridkeeper.places import street
from gridkeeper.places.roster_import.applying import apply
from gridkeeper.places.roster_import.checking import check
from gridkeeper.places.roster_import.common import Cancelled, Progress, quiet
from gridkeeper.places.roster_import.planning import plan
from gridkeeper.places.roster_import.reading import RosterSheet, read_roster
from gridkeeper.places.roster_import.report import ImportReport
from gridkeeper.store.engine import Store


def import_roster(store: Store, path: Path, sheet: str | None = None, *, dry_run: bool = False,
                  progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportReport:
    """read_roster → check → plan → apply (with dry_run, no apply: the plan's report).

    The file is parsed while the profile's rows are read, when it is big (read_roster).
    """
    # The cyclic collector off from the read to the commit, not only inside each step: the
    # rows and the plan's ~70,000 tuples would otherwise be walked by the collections that
    # run between them (nothing here makes reference cycles; it runs again on return).
    with gc_paused():
        read = read_roster(path, sheet, store=store, progress=progress)
        return import_sheet(store, read, dry_run=dry_run, progress=progress, cancelled=cancelled)


def import_sheet(store: Store, sheet: RosterSheet, *, dry_run: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> ImportReport:
    """check → plan → apply of a sheet read already (the command line reads a file before it
    makes a profile for it, so a file that is not a roster makes none)."""
    with gc_paused():
        checked = check(sheet, progress=progress, cancelled=cancelled, area_code=street.area_code(store))
        planned = plan(store, checked, progress=progress,
                       cancelled=cancelled)
        if dry_run:
            (progress or quiet)(100, "done")
            return planned.report(dry_run=True)
        return apply(store, planned, progress=progress, cancelled=cancelled)
