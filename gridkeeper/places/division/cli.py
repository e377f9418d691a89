"""`gridkeeper places import|export|template`: the grid division table on the command line.

Registered by gridkeeper/cli.py (add_parser, run); the helpers that open a profile and
translate come from there as arguments, so this module does not import the CLI back.
Exit status as the roster import's: 0 done (or nothing to change), 1 the table was refused
(a row rejected: nothing written), 2 bad usage or an unreadable file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gridkeeper import paths
from gridkeeper.errors import QT_TRANSLATE_NOOP, Translate

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

_M_IMPORTED = QT_TRANSLATE_NOOP(
    "cli", "Imported the grid division table {file} (sheet {sheet}, header on row {header_row}): {rows} rows; "
           "{grids} grids and {buildings} buildings new, {moved} buildings moved, {cadres} cadres new, "
           "{started} stints started, {changed} other changes; {warnings} warnings.")
_M_WOULD = QT_TRANSLATE_NOOP(
    "cli", "Would import the grid division table {file} (sheet {sheet}, header on row {header_row}): {rows} rows; "
           "{grids} grids and {buildings} buildings new, {moved} buildings moved, {cadres} cadres new, "
           "{started} stints started, {changed} other changes; {warnings} warnings. Nothing was changed (dry run).")
_M_UNCHANGED = QT_TRANSLATE_NOOP(
    "cli", "The profile already holds what {file} says ({rows} rows): nothing was changed.")
_M_REFUSED = QT_TRANSLATE_NOOP(
    "cli", "The grid division table {file} was not imported: {rejected} rows have problems (listed above). A table is "
           "imported whole or not at all; correct the rows and import it again. Nothing was changed.")
_M_EXPORTED = QT_TRANSLATE_NOOP("cli", "Wrote the grid division table to {path} ({rows} rows).")
_M_TEMPLATE = QT_TRANSLATE_NOOP("cli", "Wrote an empty grid division table to {path}.")
_M_NO_PROFILE = QT_TRANSLATE_NOOP("cli", "There is no profile in {folder}: import a table or a roster first.")


def add_parser(sub: Any) -> None:
    """The `places` command and its three actions."""
    places = sub.add_parser("places", help="the grid division table (网格划分表): import, export, template")
    psub = places.add_subparsers(dest="places_command", metavar="import|export|template", required=True)
    imp = psub.add_parser("import", help="import a grid division table from an Excel file")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--sheet", help="the sheet to read (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="check and compare only; change nothing")
    imp.add_argument("--json", action="store_true", help="print the result as one JSON object")
    exp = psub.add_parser("export", help="write the profile's grid division table (.xlsx)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    exp.add_argument("--json", action="store_true", help="print the result as one JSON object")
    tpl = psub.add_parser("template", help="write an empty grid division table with drop-downs (.xlsx)")
    tpl.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    tpl.add_argument("--json", action="store_true", help="print the result as one JSON object")


def _words(translate: Translate, message: str, **params: Any) -> str:
    try:
        return (translate("cli", message) or message).format(**params)
    except (KeyError, IndexError, ValueError):
        return message.format(**params)


def _emit(args: argparse.Namespace, payload: dict[str, Any], human: str) -> None:
    if args.json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        print(human)


def run(args: argparse.Namespace, root: Path, *, open_store: Callable[..., Any], translate: Translate,
        workbook_translate: Translate | None = None) -> int:
    """Run `places import|export|template`. `translate` speaks to the user (the profile's language);
    `workbook_translate` writes the template's notes (by default the same)."""
    from gridkeeper import logs
    from gridkeeper.places import division

    action = args.places_command
    exists = paths.database_path(root).exists()
    if action == "template":
        store = open_store(root) if exists else None
        try:
            written = division.write_template(store, Path(args.output), translate=workbook_translate or translate)
        finally:
            if store is not None:
                store.close()
        _emit(args, {"file": str(written)}, _words(translate, _M_TEMPLATE, path=written))
        return EXIT_OK
    if action == "export":
        if not exists:
            print(_words(translate, _M_NO_PROFILE, folder=root), file=sys.stderr)
            return EXIT_USAGE
        store = open_store(root)
        try:
            written, rows, changed = division.export_table(store, Path(args.output))
        finally:
            store.close()
        _emit(args, {"file": str(written), "rows": rows, "cells_changed": changed.cells},
              _words(translate, _M_EXPORTED, path=written, rows=rows))
        return EXIT_OK
    path = Path(args.file)
    sheet = division.read_table(path, args.sheet)  # an unreadable file fails before a profile is made for it
    if not exists and args.dry_run:
        import tempfile

        from gridkeeper.store import open_store as scratch_store

        with tempfile.TemporaryDirectory(prefix="gridkeeper-dry-run-") as scratch:
            store = scratch_store(Path(scratch))
            try:
                report = _import(division, store, sheet, dry_run=True)
            finally:
                store.close()
    else:
        paths.private_dir(root)
        logs.setup(root)
        store = open_store(root, create=True)  # a street set up from nothing starts with its table
        try:
            report = _import(division, store, sheet, dry_run=args.dry_run)
        finally:
            store.close()
    code = EXIT_REJECTED if report.rejected else EXIT_OK
    if args.json:
        sys.stdout.write(json.dumps(report.as_json(translate), ensure_ascii=False, sort_keys=True) + "\n")
        return code
    for issue in report.rejected + report.warnings:
        print(issue.text(translate), file=sys.stderr)
    if report.rejected:
        print(_words(translate, _M_REFUSED, file=path.name, rejected=len(report.rejected_rows)), file=sys.stderr)
        return code
    for change in report.changes:
        print(division.change_text(change, translate))
    if report.unchanged:
        print(_words(translate, _M_UNCHANGED, file=path.name, rows=report.rows_read))
        return code
    counts = report.counts
    created = {"grid_created", "building_created", "cadre_created", "assignment_created"}
    other = sum(1 for c in report.changes if not (c.field == "*" and f"{c.table}_created" in created))
    print(_words(translate, _M_WOULD if report.dry_run else _M_IMPORTED, file=path.name, sheet=report.sheet,
                 header_row=report.header_row, rows=report.rows_read, grids=counts.get("grid_created", 0),
                 buildings=counts.get("building_created", 0), moved=counts.get("buildings_moved", 0),
                 cadres=counts.get("cadre_created", 0), started=counts.get("assignment_created", 0), changed=other,
                 warnings=len(report.warnings)))
    return code


def _import(division: Any, store: Any, sheet: Any, *, dry_run: bool) -> Any:
    checked = division.check_sheet(store, sheet)
    planned = division.plan(store, checked)
    return division.report_of(planned, dry_run=True) if dry_run else division.apply(store, planned)
