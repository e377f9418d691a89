"""The grid division table (网格划分表) in and out of the profile: plain functions, no Qt.

    sheet = read_table(path, sheet=None)        io/division_table: the sheet, its header found (RosterError)
    checked = check_sheet(store, sheet)         every row alone and the rows together (CheckedTable:
                                                rows, rejected, warnings; no profile written)
    planned = plan(store, checked)              against the profile: what is created, changed, released
    report_of(planned, dry_run=True)            what importing would do (a preview, a dry run)
    report = apply(store, planned)              one transaction, all or nothing; plans again if the
                                                profile changed since `plan` (DivisionReport)

import_table(store, path, dry_run=...) runs them in order; export_table(store, path) writes
the profile's division as the same table, write_template(store, path) an empty one with
drop-downs. A table with a rejected row is not imported at all (the report lists every
problem, each an Issue with a reason code); the same table imported twice changes nothing
the second time (report.unchanged). change_text(change, translate) words one change; may_import(store) says whether this laptop
may import a table in the app (an office's admin, or a laptop in no office).
A wizard runs read_table/check_sheet/plan in a worker for its preview and apply() on Import.
"""

from gridkeeper.io.division_table import DivisionSheet, read_table
from gridkeeper.places.division.access import may_import
from gridkeeper.places.division.applying import apply, check_file, check_sheet, import_table
from gridkeeper.places.division.applying import report as report_of
from gridkeeper.places.division.checking import CheckedTable, check
from gridkeeper.places.division.exporting import export_table, write_template
from gridkeeper.places.division.planning import Change, DivisionPlan, plan
from gridkeeper.places.division.report import DivisionReport, change_text

__all__ = [
    "Change",
    "CheckedTable",
    "DivisionPlan",
    "DivisionReport",
    "DivisionSheet",
    "apply",
    "change_text",
    "check",
    "check_file",
    "check_sheet",
    "export_table",
    "import_table",
    "may_import",
    "plan",
    "read_table",
    "report_of",
    "write_template",
]
