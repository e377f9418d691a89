"""The steps in order, for a caller that does not stop between them (the command line)."""

from __future__ import annotations

from pathlib import Path

from gridkeeper.io.roster_read import gc_paused
from gridkeeper.places import street
from gridkeeper.io.roster_rows import RosterRow
from gridkeeper.places.roster_import.applying import apply
from gridkeeper.places.roster_import.checking import check
from gridkeeper.places.roster_import.common import Cancelled, Progress, quiet
from gridkeeper.places.roster_import.planning import plan
from gridkeeper.places.roster_import.reading import RosterSheet, read_roster
from gridkeeper.places.roster_import.report import ImportReport
from gridkeeper.store import searchkeys
from gridkeeper.store.engine import Store

#: Below this many names the second process costs more than the pinyin it saves.
AHEAD_MIN_NAMES = 5000


def import_roster(store: Store, path: Path, sheet: str | None = None, *, dry_run: bool = False,
                  progress: Progress | None = None, cancelled: Cancelled | None = None,
                  area_code: str = "") -> ImportReport:
    """read_roster → check → plan → apply (with dry_run, no apply: the plan's report).

    The file is parsed while the profile's rows are read, when it is big (read_roster).
    """
    # The cyclic collector off from the read to the commit, not only inside each step: the
    # rows and the plan's ~70,000 tuples would otherwise be walked by the collections that
    # run between them (nothing here makes reference cycles; it runs again on return).
    with gc_paused():
        read = read_roster(path, sheet, store=store, progress=progress)
        return import_sheet(store, read, dry_run=dry_run, progress=progress, cancelled=cancelled,
                            area_code=area_code)


def import_sheet(store: Store, sheet: RosterSheet, *, dry_run: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, area_code: str = "") -> ImportReport:
    """check → plan → apply of a sheet read already (the command line reads a file before it
    makes a profile for it, so a file that is not a roster makes none)."""
    with gc_paused():
        checked = check(sheet, progress=progress, cancelled=cancelled, area_code=street.area_code(store, area_code))
        ahead = None if dry_run else _keys_ahead(store, checked.rows)
        try:
            planned = plan(store, checked, progress=progress, cancelled=cancelled)
            if dry_run:
                (progress or quiet)(100, "done")
                return planned.report(dry_run=True)
            report = apply(store, planned, progress=progress, cancelled=cancelled)
        except BaseException:
            if ahead is not None:
                ahead.close()
            raise
        if ahead is not None:
            ahead.collect()  # for the index catch-up the caller runs next (Store.reindex_dirty)
        return report


def _keys_ahead(store: Store, rows: list[RosterRow]) -> searchkeys.NameKeysAhead | None:
    """Into an empty profile every accepted name is new to the index: its pinyin is made on the
    other core while this one plans and stores. A re-import keys few households, so none."""
    names = [r.name for r in rows if r.name and not r.rejected]
    if len(names) < AHEAD_MIN_NAMES:
        return None
    with store.read() as conn:
        if conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM person)").scalar():
            return None
    return searchkeys.NameKeysAhead(names)
