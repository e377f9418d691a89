"""Import a household roster in four steps, each a value the next one takes:

    read_roster(path, sheet) -> RosterSheet        the sheet as read, the header found
    check(sheet, header=None) -> CheckedRoster     every row checked: accepted, rejected, warned
    plan(store, checked) -> ImportPlan             compared with the profile: new, updated, unchanged
    apply(store, plan) -> ImportReport             the write (plan.report() for a dry run)

import_roster(store, path, sheet, dry_run=...) runs them in order (the command line);
the wizard keeps the CheckedRoster its preview showed and plans and applies that, so
what the user saw is what is stored and the file is not read a second time. A caller
running steps back to back does so inside gc_paused() (see pipeline.import_roster).

Idempotent: persons and households have deterministic ids, so importing the
same file again finds every row unchanged and writes nothing. An updated
roster changes only the fields that differ (logged for sync like any edit).
A field left empty in the roster never erases what the profile knows.
Atomic: one bulk-load transaction; a rejected row is never half stored, and
an error or a cancel anywhere leaves the profile as it was.
Current: the plan rests on one read of the profile; when anything commits between that
read and the write (a sync, another window), apply() works the plan out again, so no
value read before the change is written back over it.
"""

from gridkeeper.io.roster_read import gc_paused
from gridkeeper.places.roster_import.applying import apply
from gridkeeper.places.roster_import.checking import CheckedRoster, check
from gridkeeper.places.roster_import.common import (
    Cancelled, ImportCancelled, JoinedButNotSynced, ProfileChangedDuringImport, Progress)
from gridkeeper.places.roster_import.pipeline import import_roster, import_sheet
from gridkeeper.places.roster_import.planning import UNASSIGNED_COMMUNITY, ImportPlan, plan, replan
from gridkeeper.places.roster_import.reading import ProfileRows, RosterSheet, find_header, read_roster
from gridkeeper.places.roster_import.report import Change, ImportReport

__all__ = [
    "UNASSIGNED_COMMUNITY",
    "Cancelled",
    "Change",
    "CheckedRoster",
    "ImportCancelled",
    "ImportPlan",
    "ImportReport",
    "ProfileChangedDuringImport",
    "JoinedButNotSynced",
    "ProfileRows",
    "Progress",
    "RosterSheet",
    "apply",
    "check",
    "find_header",
    "gc_paused",
    "import_roster",
    "import_sheet",
    "plan",
    "read_roster",
    "replan",
]
