"""The grid division table (网格划分表) in and out of the profile: plain functions, no Qt.

    sheet = read_table(path)                    io/division_table: the sheet, its header found
    checked = check(sheet, community=None)      every row alone and the rows together
    planned = plan(store, checked)              compared with the profile: created, changed, released
    report = apply(store, planned)              one transaction, all or nothing (planned.report(): a dry run)

import_table(store, path, dry_run=...) runs them in order; export_table(store, path) writes
the profile's division as the same table, and write_template(store, path) an empty one.
A table with a rejected row is not imported at all (the report lists every problem).
Importing the same table twice changes nothing the second time.
"""

from gridkeeper.io.division_table import DivisionSheet, read_table
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
    "plan",
    "read_table",
    "report_of",
    "write_template",
]
