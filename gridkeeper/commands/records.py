"""Commands on the records: demo, dump, import-roster, places, conflicts, today, report."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gridkeeper import clock, paths
from gridkeeper.errors import QT_TRANSLATE_NOOP, join_list

if TYPE_CHECKING:
    from gridkeeper.io.roster import RosterError
from gridkeeper.commands.common import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    _emit,
    _no_profile,
    _open,
    _output_closed,
    _translator,
    _words,
)

_M_BAD_AREA_CODE = QT_TRANSLATE_NOOP(
    "cli", "\"{code}\" is not an area code: write it with its 0, for example 0577 or 010")
_M_OTHER_SHEETS = QT_TRANSLATE_NOOP(
    "cli", "The workbook has other sheets: {sheets}. Choose the roster's sheet with --sheet, "
           "for example: --sheet \"{first}\"")


_M_KEPT = QT_TRANSLATE_NOOP(
    "cli", "Kept, changed on another laptop after this workbook was saved (the roster's value is under Conflicts):")


_M_CELLS_CHANGED = QT_TRANSLATE_NOOP(
    "cli", "{cells} cells held characters a workbook cannot hold or more text than Excel allows; they were "
           "written with � in place of those characters or cut short.")


_M_WROTE = QT_TRANSLATE_NOOP("cli", "Wrote {path}")


_M_WOULD_IMPORT = QT_TRANSLATE_NOOP(
    "cli",
    "Would import {file} (sheet {sheet}, header on row {header_row}): {rows} rows; "
    "persons {persons_new} new, {persons_updated} updated, {persons_unchanged} unchanged; "
    "households {households_new} new, {households_updated} updated; "
    "{rejected} rows rejected, {warnings} warnings. Nothing was changed (dry run).",
)


_M_IMPORTED = QT_TRANSLATE_NOOP(
    "cli",
    "Imported {file} (sheet {sheet}, header on row {header_row}): {rows} rows; "
    "persons {persons_new} new, {persons_updated} updated, {persons_unchanged} unchanged; "
    "households {households_new} new, {households_updated} updated; "
    "{rejected} rows rejected, {warnings} warnings.",
)


# RosterError codes about the sheet that was read, which another sheet of the workbook may not share
_SHEET_CODES = ("no_header", "sheet_empty", "sheet_no_rows")


def _cmd_demo(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper import demo, logs

    paths.private_dir(root)
    logs.setup(root)

    def progress(percent: int, step: str) -> None:
        if not args.json:  # stdout stays one JSON object under --json
            print(f"  {percent:3d}%  {step}", file=sys.stderr, flush=True)

    store = _open(root, create=True)
    try:
        result = demo.generate(store, size=args.size, seed=args.seed, today=args.until, progress=progress)
    finally:
        store.close()
    if not store.encrypted:  # a generated street, no one's data: the app does not offer to encrypt it
        from gridkeeper import settings as cfg
        from gridkeeper.settings import Settings

        Settings(root).set(cfg.KEEP_UNENCRYPTED, True)
    _emit(
        args,
        {"data_dir": str(root), **result.as_dict()},
        f"Demo street ({args.size}, seed {args.seed}) in {root}: "
        f"{result.households} households, {result.persons} persons, "
        f"{result.cadres} cadres; this laptop's cadre is {result.cadre_name}. "
        f"({result.seconds:.1f} s)",
    )
    return EXIT_OK


def _cmd_dump(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.store import dump

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    from gridkeeper.places import audit

    store = _open(root)
    try:
        with store.read() as conn:
            persons = int(conn.exec_driver_sql("SELECT count(*) FROM person WHERE deleted = 0").scalar() or 0)
        audit.record(store, "dump", persons, "gridkeeper dump: every ID number and phone, unmasked")
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False, newline="\n")
        try:
            dump.write(store, out, leave_out=() if args.with_audit else ("auditlog",))
            out.flush()
        except BrokenPipeError:  # `gridkeeper dump | head`: the reader had enough
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    finally:
        store.close()
    return EXIT_OK


def _cmd_import_roster(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper import logs
    from gridkeeper import settings as cfg
    from gridkeeper.io.roster import RosterError
    from gridkeeper.places import roster_import
    from gridkeeper.rules import phone
    from gridkeeper.store import open_store

    translate = _translator(root)
    path = Path(args.file)
    area = (args.area_code or "").strip()
    if area and not phone.AREA_CODE.fullmatch(area):
        print(_words(translate, _M_BAD_AREA_CODE, code=area), file=sys.stderr)
        return EXIT_USAGE

    def other_sheets_hint(exc: RosterError) -> int:
        others = _other_sheets(path, exc)
        if not others:
            raise exc
        print(exc.translated(translate) + " "
              + _words(translate, _M_OTHER_SHEETS, sheets=join_list(others, translate), first=others[0]), file=sys.stderr)
        return EXIT_USAGE

    if paths.database_path(root).exists():
        # The profile is there (a re-import, most often): import_roster reads the file while it
        # reads the profile's rows on the other core. A file it cannot read changes nothing.
        logs.setup(root)
        store = _open(root, create=True)
        try:
            try:
                report = roster_import.import_roster(store, path, args.sheet, dry_run=args.dry_run, area_code=area)
            except RosterError as exc:
                return other_sheets_hint(exc)
            store.reindex_dirty()  # the import leaves the search index to catch up after its commit
        finally:
            store.close()
    else:
        try:
            # Read here, once: an unreadable file fails before a profile is created for it.
            read = roster_import.read_roster(path, args.sheet)
        except RosterError as exc:
            return other_sheets_hint(exc)
        if args.dry_run:
            # A dry run changes nothing, a profile included: against no profile, everything is new.
            import tempfile

            with tempfile.TemporaryDirectory(prefix="gridkeeper-dry-run-") as scratch:
                store = open_store(Path(scratch))
                try:
                    report = roster_import.import_sheet(store, read, dry_run=True, area_code=area)
                finally:
                    store.close()
        else:
            paths.private_dir(root)
            logs.setup(root)
            store = _open(root, create=True)
            try:
                report = roster_import.import_sheet(store, read, area_code=area)
                # The sheet, its checked rows and the plan hang on `read`: let them go before the
                # catch-up, so its keys reuse that memory rather than add to the peak.
                del read
                store.reindex_dirty()  # the import leaves the search index to catch up after its commit
            finally:
                store.close()
    if area and not args.dry_run:
        cfg.Settings(root).set(cfg.AREA_CODE, area)  # the wizard and the next import take it too
    # Decided by the import, not by whoever reads the report: a closed pipe changes neither.
    code = EXIT_REJECTED if report.rejected_rows else EXIT_OK
    try:
        if args.json:
            sys.stdout.write(json.dumps(report.as_json(translate), ensure_ascii=False, sort_keys=True) + "\n")
        else:
            for issue in report.rejected + report.warnings:
                if issue.code != "place_unassigned":  # told by compound below, not row by row
                    print(issue.text(translate), file=sys.stderr)
            for line in report.unassigned_lines(translate):
                print(line, file=sys.stderr)
            for change in report.changes:  # what an updated roster changed, field by field
                print(change.text(translate))
            if report.kept:
                print(_words(translate, _M_KEPT))
                for change in report.kept:
                    print("  " + change.text(translate))
            print(_words(
                translate, _M_WOULD_IMPORT if report.dry_run else _M_IMPORTED,
                file=path.name, sheet=report.sheet, header_row=report.header_row, rows=report.rows_read,
                persons_new=report.persons_created, persons_updated=report.persons_updated,
                persons_unchanged=report.persons_unchanged, households_new=report.households_created,
                households_updated=report.households_updated, rejected=len(report.rejected_rows),
                warnings=sum(1 for w in report.warnings if w.code != "place_unassigned"),
            ))
        sys.stdout.flush()
    except BrokenPipeError:
        _output_closed()
    return code


def _cmd_places(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.places.division import cli as places_cli

    # The workbooks are for a Chinese street office: Chinese unless the app is set to English (as reports).
    return places_cli.run(args, root, open_store=_open, translate=_translator(root),
                          workbook_translate=_report_translate(root, None))


def _cmd_org(args: argparse.Namespace, root: Path) -> int:
    """`gridkeeper org ...` (issue 23): organisations/cli.py."""
    from gridkeeper.organisations import cli as org_cli

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    return org_cli.run(args, root, open_store=_open, translate=_translator(root))


def _other_sheets(path: Path, exc: RosterError) -> list[str]:
    """The workbook's other visible sheets when `exc` is about the sheet read (no header, no rows)."""
    from gridkeeper.io import roster

    if exc.code not in _SHEET_CODES or "sheet" not in exc.params:
        return []
    return [name for name in roster.list_sheets(path) if name != exc.params["sheet"]]


def _cmd_conflicts(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.sync import conflicts

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    store = _open(root)
    try:
        found = conflicts.open_conflicts(store)
    finally:
        store.close()
    if args.json:
        items = [{"id": c.id, "table": c.table, "row": c.row_id, "what": c.label, "field": c.field,
                  "current": c.current, "other": c.other, "current_device": c.winner_device,
                  "other_device": c.loser_device, "mine_won": c.mine_won} for c in found]
        sys.stdout.write(json.dumps({"conflicts": items}, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        for c in found:
            print(f"#{c.id} {c.table} {c.label} {c.field}: now {c.current!r}, other {c.other!r}")
        print(f"{len(found)} open conflicts.")
    return EXIT_OK


def _cmd_today(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper import care
    from gridkeeper.errors import UnknownCadre
    from gridkeeper.places import profile
    from gridkeeper.store import cadres

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    day = args.date or clock.today()
    store = _open(root)
    try:
        if args.cadre:
            with store.read() as conn:
                found = cadres.find_by_name(conn, args.cadre.strip())
                who = cadres.cadre(conn, found[0], day) if len(found) == 1 else None
            if who is None:
                raise UnknownCadre(args.cadre, len(found))
        else:
            who = profile.current_cadre(store, day)
        grids = None if who is None else [g.id for g in who.grids]
        result = care.today_list(store, day, grids, who.id if who else None)
    finally:
        store.close()
    payload = {"cadre": who.name if who else None, **result.as_json()}
    lines = [(f"{day.isoformat()} {who.name if who else '(all grids)'}: {len(result.due)} due, "
             f"{len(result.overdue)} overdue, {len(result.done)} done today, {len(result.alerts)} alerts")]
    for item in result.to_work:
        state = "ALERT " if item.alert else ""
        late = f"{item.days_overdue} d overdue" if item.days_overdue else "due today"
        last = item.last_contact.isoformat() if item.last_contact else "never"
        lines.append(f"  {state}{item.name}  {item.address}  {item.frequency}  last {last}  {late}")
    _emit(args, payload, "\n".join(lines))
    return EXIT_OK


def _report_translate(root: Path, language: str | None):  # type: ignore[no-untyped-def]
    from gridkeeper import settings as cfg
    from gridkeeper.settings import Settings

    try:
        from gridkeeper.ui import i18n

        # The pack is for a Chinese meeting: Chinese unless the app is set to English (not the PC's locale).
        return i18n.cli_translate(language or ("en" if Settings(root).get(cfg.LANGUAGE) == "en" else "zh_CN"))
    except ImportError:  # no Qt: English source text
        return lambda _context, text: text


def _cmd_report(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.io import report_xlsx
    from gridkeeper.reports import monthly, period, scope

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    from gridkeeper import settings as cfg
    from gridkeeper.settings import Settings

    translate = _report_translate(root, args.language)
    office = Settings(root).get(cfg.MEDIATION_OFFICE)
    if args.kind == "quarterly":
        from gridkeeper.reports import quarterly

        store = _open(root)
        try:
            quarter = period.quarter(args.quarter)
            q = quarterly.quarterly_figures(store, quarter, office=office)
            written, changed = report_xlsx.write_counted(quarterly.quarterly_report(q, translate), args.output)
        finally:
            store.close()
        _emit(args, {"file": str(written), "period": quarter.label, "cadres": len(q.cadres),
                     "ranking": [c.name for c in q.ranking()], "cells_changed": changed.cells},
              _wrote(root, written, changed.cells))
        return EXIT_OK
    store = _open(root)
    try:
        where = scope.resolve(store, args.community, args.grid)
        month = period.month(args.month)
        figures = monthly.monthly_figures(store, month, where, office=office, unmask=args.unmask)
        written, changed = report_xlsx.write_counted(monthly.monthly_report(figures, translate), args.output)
    finally:
        store.close()
    care, cases = figures.care, figures.mediation
    _emit(args, {"file": str(written), "period": month.label, "scope": where.name or None,
                 "mediation": {"received": cases.received, "agreed": cases.agreed, "failed": cases.failed,
                               "escalated": cases.escalated, "return_visits": cases.visits_done,
                               "return_visits_overdue": cases.visits_overdue},
                 "care": {"plans": care.plans, "contacts_expected": care.expected, "contacts_made": care.made,
                          "contacts_logged": care.contacts_logged, "alerts": care.alerts,
                          "services": care.services_total}, "cells_changed": changed.cells},
          _wrote(root, written, changed.cells))
    return EXIT_OK


def _wrote(root: Path, written: Path, cells: int) -> str:
    """"Wrote …", and how many cells had to change to be written, if any did."""
    translate = _translator(root)
    said = _words(translate, _M_WROTE, path=written)
    return said + "\n" + _words(translate, _M_CELLS_CHANGED, cells=cells) if cells else said
