"""Import a household roster: read, validate, compare with the profile, store.

Idempotent: persons and households have deterministic ids, so importing the
same file again finds every row unchanged and writes nothing. An updated
roster changes only the fields that differ (logged for sync like any edit).
A field left empty in the roster never erases what the profile knows.
Atomic: one bulk-load transaction; a rejected row is never half stored, and
an error or a cancel anywhere leaves the profile as it was.
Current: the plan rests on one read of the profile; when anything commits between that
read and the write (a sync, another window), the plan is worked out again, so no value
read before the change is written back over it.

Modules: reading (the sheet, and the profile beside a big file), planning (compare
with the profile), applying (the write), report (what the import did), pipeline
(the import as one call), common (cancel and the two ways an import stops).
"""

from gridkeeper.places.roster_import.common import Cancelled, ImportCancelled, ProfileChangedDuringImport, Progress
from gridkeeper.places.roster_import.pipeline import import_roster
from gridkeeper.places.roster_import.planning import UNASSIGNED_COMMUNITY
from gridkeeper.places.roster_import.reading import load
from gridkeeper.places.roster_import.report import Change, ImportReport

__all__ = [
    "UNASSIGNED_COMMUNITY",
    "Cancelled",
    "Change",
    "ImportCancelled",
    "ImportReport",
    "ProfileChangedDuringImport",
    "Progress",
    "import_roster",
    "load",
]
