"""The command line (architecture.md, "The command line"): a contract tests drive.

Exit status: 0 success, 1 the work ran but something was rejected, 2 bad
usage or unreadable input. `--json` prints one JSON object on stdout and
nothing else there. No subcommand starts the desktop app. Output cut short by
its reader (`gridkeeper today | head -1`) ends quietly with 0, as `dump` does.

Messages are in the profile's language setting, else the system's (the
report workbook has its own rule, see _report_translate).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridkeeper import __version__, clock, paths
from gridkeeper.errors import (
    QT_TRANSLATE_NOOP,
    GridKeeperError,
    NoProfile,
    NotEncrypted,
    PassphraseFileEmpty,
    PassphraseFileUnreadable,
    PassphraseMissing,
    Translate,
    WrongPassphrase,
    join_list,
)

if TYPE_CHECKING:
    from gridkeeper.io.roster import RosterError
    from gridkeeper.store import Store

ENV_PASSPHRASE = "GRIDKEEPER_PASSPHRASE"

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

_M_IMPORTED = QT_TRANSLATE_NOOP(
    "cli",
    "Imported {file} (sheet {sheet}, header on row {header_row}): {rows} rows; "
    "persons {persons_new} new, {persons_updated} updated, {persons_unchanged} unchanged; "
    "households {households_new} new, {households_updated} updated; "
    "{rejected} rows rejected, {warnings} warnings.",
)
_M_WOULD_IMPORT = QT_TRANSLATE_NOOP(
    "cli",
    "Would import {file} (sheet {sheet}, header on row {header_row}): {rows} rows; "
    "persons {persons_new} new, {persons_updated} updated, {persons_unchanged} unchanged; "
    "households {households_new} new, {households_updated} updated; "
    "{rejected} rows rejected, {warnings} warnings. Nothing was changed (dry run).",
)
_M_WROTE = QT_TRANSLATE_NOOP("cli", "Wrote {path}")
_M_CELLS_CHANGED = QT_TRANSLATE_NOOP(
    "cli", "{cells} cells held characters a workbook cannot hold or more text than Excel allows; they were "
           "written with � in place of those characters or cut short.")
_M_KEPT = QT_TRANSLATE_NOOP(
    "cli", "Kept, changed on another laptop after this workbook was saved (the roster's value is under Conflicts):")
_M_OTHER_SHEETS = QT_TRANSLATE_NOOP(
    "cli", "The workbook has other sheets: {sheets}. Choose the roster's sheet with --sheet, "
           "for example: --sheet \"{first}\"")
_M_ASK = QT_TRANSLATE_NOOP("cli", "Passphrase of the profile in {path}: ")
_M_ASK_NEW = QT_TRANSLATE_NOOP("cli", "New passphrase (at least {minimum} characters): ")
_M_ASK_AGAIN = QT_TRANSLATE_NOOP("cli", "The new passphrase again: ")
_M_NEW_MISSING = QT_TRANSLATE_NOOP(
    "cli", "No new passphrase: give --new-passphrase-file FILE, or run the command in a terminal to type it.")
_M_ENCRYPTED = QT_TRANSLATE_NOOP(
    "cli", "Encrypted the profile in {path}. Keep the passphrase safe: without it nobody, you included, can "
           "open the profile or its backups.")
_M_CHANGED = QT_TRANSLATE_NOOP(
    "cli", "Changed the passphrase of the profile in {path} (the database and its backups were not rewritten).")
_M_NO_BACKUPS = QT_TRANSLATE_NOOP("cli", "No backups in {folder}.")
_M_BACKED_UP = QT_TRANSLATE_NOOP("cli", "Backed up to {path} ({size}); the copy was checked.")
_M_RESTORED = QT_TRANSLATE_NOOP(
    "cli", "Restored the profile from {backup}; the profile as it was is kept as {before}. For sync this is now "
           "a new laptop, out of its office: join again with an enrolment code (gridkeeper office join), or, if "
           "it was an admin laptop, with gridkeeper office rejoin.")
_M_REJOINED = QT_TRANSLATE_NOOP(
    "cli", "Took this laptop's former place in office {office} as a new admin laptop; the former identity was "
           "revoked. Received {changes} changes; {adopted} changes the former identity never sent were sent.")
# RosterError codes about the sheet that was read, which another sheet of the workbook may not share
_SHEET_CODES = ("no_header", "sheet_empty", "sheet_no_rows")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gridkeeper", description="GridKeeper 网格管家")
    parser.add_argument("--version", action="version", version=f"gridkeeper {__version__}")
    parser.add_argument("--self-test", action="store_true", help="the same as the self-test command")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"profile folder (default: ${paths.ENV_DATA_DIR} or the user data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read an encrypted profile's passphrase from FILE (else ${ENV_PASSPHRASE}, else a prompt "
             "when run in a terminal)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill a new, empty profile with a generated demo street")
    demo.add_argument("--size", choices=("small", "street"), default="small")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--until", metavar="YYYY-MM-DD", type=_iso_date,
                      help="the day the demo's three months of history end (default: today)")
    demo.add_argument("--json", action="store_true", help="print the result as one JSON object")

    imp = sub.add_parser("import-roster", help="import a household roster from an Excel file")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--sheet", help="the sheet to read (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="check and compare only; change nothing")
    imp.add_argument("--json", action="store_true", help="print the result as one JSON object")

    sync = sub.add_parser("sync", help="sync this profile with a shared folder or a GridKeeper server")
    where = sync.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", metavar="PATH", help="the shared folder (network drive or synced folder)")
    where.add_argument("--server", metavar="URL", help="a GridKeeper server, https://HOST:PORT")
    sync.add_argument("--json", action="store_true", help="print the result as one JSON object")

    off = sub.add_parser("office", help="the office on the shared folder: create, join, invite, members, revoke")
    osub = off.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    create = osub.add_parser("create", help="make the office on a shared folder, with this laptop as its admin")
    create.add_argument("--folder", metavar="PATH", required=True)
    create.add_argument("--name", metavar="NAME", default="", help="the office's name (kept encrypted)")
    join = osub.add_parser("join", help="join the office with an enrolment code, then sync")
    joined = join.add_mutually_exclusive_group(required=True)
    joined.add_argument("--folder", metavar="PATH")
    joined.add_argument("--server", metavar="URL", help="a GridKeeper server, https://HOST:PORT")
    join.add_argument("--code", metavar="CODE", required=True)
    invite = osub.add_parser("invite", help="a one-time enrolment code for a new laptop (admins)")
    invite.add_argument("--hours", type=int, default=72, help="how long the code works (default 72)")
    osub.add_parser("members", help="the laptops of the office")
    revoke = osub.add_parser("revoke", help="remove a lost laptop from the office (admins)")
    revoke.add_argument("device", metavar="DEVICE", help="its device id (or its first characters)")
    for p in (create, join, invite, osub.choices["members"], revoke):
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")

    move = osub.add_parser("move", help="sync this laptop's office through the server it was moved to "
                                        "(gridkeeper server office import), keeping everything")
    move.add_argument("--server", metavar="URL", required=True)
    move.add_argument("--fingerprint", metavar="SHA256", required=True,
                      help="the server certificate's fingerprint, as its operator gave it")
    move.add_argument("--json", action="store_true", help="print the result as one JSON object")
    rejoin = osub.add_parser("rejoin", help="a profile restored from an admin laptop's backup takes its place "
                                            "in the office (no code needed)")
    rejoin.add_argument("--folder", metavar="PATH", help="the shared folder (default: the one it was on)")
    rejoin.add_argument("--json", action="store_true", help="print the result as one JSON object")

    phrase = sub.add_parser("passphrase", help="encrypt an unencrypted profile, or change the passphrase")
    psub = phrase.add_subparsers(dest="passphrase_command", metavar="encrypt|change", required=True)
    p_encrypt = psub.add_parser("encrypt", help="encrypt this unencrypted profile (a backup is made first)")
    p_change = psub.add_parser("change", help="change the passphrase (the database is not rewritten)")
    for p in (p_encrypt, p_change):
        p.add_argument("--new-passphrase-file", metavar="FILE",
                       help="read the new passphrase from FILE (else it is asked twice at the terminal)")

    backup = sub.add_parser("backup", help="the profile's backups: list, create, restore")
    bsub = backup.add_subparsers(dest="backup_command", metavar="list|create|restore", required=True)
    b_list = bsub.add_parser("list", help="the backups, newest first")
    b_create = bsub.add_parser("create", help="back up the profile now (checked after writing)")
    b_restore = bsub.add_parser("restore", help="replace the profile with a backup (the profile is backed up "
                                                "first; the laptop then joins its office again)")
    b_restore.add_argument("backup", metavar="BACKUP", help="its name as listed, or the path to a backup file")
    for p in (b_list, b_create, b_restore):
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")

    conf = sub.add_parser("conflicts", help="list the conflicts sync kept for review")
    conf.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sub.add_parser("self-test", help="check what a bundle can lose (SQLCipher, Qt, translations, Excel, PDF, "
                                     "sync) in a temporary folder; exit 0 when all pass")

    today = sub.add_parser("today", help="who is due for a care contact today (the Today list)")
    today.add_argument("--cadre", metavar="NAME", help="whose grids (default: this laptop's cadre)")
    today.add_argument("--date", metavar="YYYY-MM-DD", type=_iso_date, help="the day (default: today)")
    today.add_argument("--json", action="store_true", help="print the result as one JSON object")

    report = sub.add_parser("report", help="write a report workbook (.xlsx)")
    kinds = report.add_subparsers(dest="kind", metavar="monthly|quarterly", required=True)
    monthly = kinds.add_parser("monthly", help="the monthly consultation pack")
    monthly.add_argument("--month", metavar="YYYY-MM", required=True)
    where_m = monthly.add_mutually_exclusive_group()
    where_m.add_argument("--community", metavar="NAME", help="one community (default: the whole street)")
    where_m.add_argument("--grid", metavar="GRID", help="one grid: its code, or community/grid")
    monthly.add_argument("--unmask", action="store_true",
                         help="full phone numbers in the care sheet (each person is written to the audit log)")
    quarterly = kinds.add_parser("quarterly", help="the quarterly evaluation of cadres")
    quarterly.add_argument("--quarter", metavar="YYYY-Qn", required=True)
    for p in (monthly, quarterly):
        p.add_argument("-o", "--output", metavar="FILE.xlsx", required=True, type=Path)
        p.add_argument("--language", choices=("zh_CN", "en"),
                       help="default: Chinese, English when the app's language is set to English")
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")

    from gridkeeper.server import cli as server_cli  # the server's commands live in its own package

    server_cli.register(sub)

    from gridkeeper.places.division import cli as places_cli

    places_cli.add_parser(sub)

    dump = sub.add_parser("dump", help="canonical JSON of all synced data (stable order); written to the audit log")
    dump.add_argument("--with-audit", action="store_true",
                      help="include the audit log (left out by default: each dump adds an entry to it)")
    return parser


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


_passphrase_file: str | None = None  # --passphrase-file, set by main()


@dataclass(frozen=True)
class _Given:
    """A passphrase and where it came from, so a message can say which one is wrong."""

    value: str
    source: str  # "file", "env" or "typed" (errors.WrongPassphrase)
    file: str = ""

    def name(self) -> str:
        return f"--passphrase-file {self.file}" if self.source == "file" else ENV_PASSPHRASE


def _read_passphrase_file(name: str) -> str:
    try:
        with open(name, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise PassphraseFileUnreadable(name, exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise PassphraseFileUnreadable(name, "not UTF-8 text") from None
    text = text[:-2] if text.endswith("\r\n") else text[:-1] if text.endswith("\n") else text
    if not text:
        raise PassphraseFileEmpty(name)
    return text


def _given() -> _Given | None:
    """The passphrase given without asking: --passphrase-file first, then $GRIDKEEPER_PASSPHRASE."""
    if _passphrase_file:
        return _Given(_read_passphrase_file(_passphrase_file), "file", _passphrase_file)
    env = os.environ.get(ENV_PASSPHRASE)
    return _Given(env, "env") if env else None


def _passphrase() -> str | None:
    """For the desktop app: the passphrase given on the command line's terms, if any (it asks for the rest)."""
    given = _given()
    return given.value if given else None


def _ask(prompt: str) -> str:
    import getpass

    return getpass.getpass(prompt)


def _open(root: Path, *, create: bool = False) -> Store:
    """The profile in `root`, its passphrase from --passphrase-file, $GRIDKEEPER_PASSPHRASE or the terminal.

    Each failure is one line that says which passphrase is missing or wrong; a passphrase given for an
    unencrypted profile opens nothing (NotEncrypted) rather than being called wrong. Only the commands
    that make a profile (`create`: demo, import-roster, office create and join) open a folder without
    one; the others say how to make one (NoProfile) and leave the folder as it was."""
    from gridkeeper.store import encryption, open_store
    from gridkeeper.store.encryption import State

    state = encryption.state(root)
    if state is State.NEW and not create:
        raise _no_profile(root)
    given = _given()
    if state in (State.WRAPPED, State.LEGACY):
        if given is None:
            if not sys.stdin.isatty():
                raise PassphraseMissing(str(root))
            given = _Given(_ask(_words(_translator(root), _M_ASK, path=root)), "typed")
        try:
            return open_store(root, given.value)
        except WrongPassphrase:
            raise WrongPassphrase(given.source, str(root), given.file) from None
    if state is State.PLAIN and given is not None:
        raise NotEncrypted(str(root), given.name())
    return open_store(root, given.value if given else None)


_data_dir_given: str | None = None  # --data-dir as typed, for the commands a message suggests


def _no_profile(root: Path) -> NoProfile:
    """NoProfile, its suggested commands aimed at the same data folder as the one that failed."""
    command = "gridkeeper"
    if _data_dir_given:
        import shlex

        command += f" --data-dir {shlex.quote(_data_dir_given)}"
    return NoProfile(str(root), command)


def _new_passphrase(args: argparse.Namespace, root: Path) -> str:
    """A new passphrase from --new-passphrase-file, else typed twice at the terminal; checked for length."""
    from gridkeeper.rules import passphrase as rules

    if args.new_passphrase_file:
        new = _read_passphrase_file(args.new_passphrase_file)
        rules.check_new(new)
        return new
    if not sys.stdin.isatty():
        raise GridKeeperError(_M_NEW_MISSING)
    translate = _translator(root)
    new = _ask(_words(translate, _M_ASK_NEW, minimum=rules.MIN_LENGTH))
    rules.check_new(new, _ask(_words(translate, _M_ASK_AGAIN)))
    return new


def _emit(args: argparse.Namespace, payload: dict[str, Any], human: str) -> None:
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        print(human)


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
    from gridkeeper.io.roster import RosterError
    from gridkeeper.places import roster_import
    from gridkeeper.store import open_store

    translate = _translator(root)
    path = Path(args.file)

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
                report = roster_import.import_roster(store, path, args.sheet, dry_run=args.dry_run)
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
                    report = roster_import.import_sheet(store, read, dry_run=True)
                finally:
                    store.close()
        else:
            paths.private_dir(root)
            logs.setup(root)
            store = _open(root, create=True)
            try:
                report = roster_import.import_sheet(store, read)
                store.reindex_dirty()  # the import leaves the search index to catch up after its commit
            finally:
                store.close()
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


def _output_closed() -> None:
    """The reader of our output went away (`| head`): what is still buffered, and the
    interpreter's last flush, go nowhere instead of into a BrokenPipeError."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    if not sys.stderr.isatty():  # `2>&1 | head`: the same pipe
        os.dup2(devnull, sys.stderr.fileno())


def _other_sheets(path: Path, exc: RosterError) -> list[str]:
    """The workbook's other visible sheets when `exc` is about the sheet read (no header, no rows)."""
    from gridkeeper.io import roster

    if exc.code not in _SHEET_CODES or "sheet" not in exc.params:
        return []
    return [name for name in roster.list_sheets(path) if name != exc.params["sheet"]]


def _cmd_sync(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.sync import remote
    from gridkeeper.sync.engine import sync_folder

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    from gridkeeper.sync import conflicts

    store = _open(root)
    try:
        result = remote.sync_server(store, args.server) if args.server else sync_folder(store, Path(args.folder))
        store.reindex_dirty()  # the search index catches up on what the sync applied
        still_open = len(conflicts.open_conflicts(store))
    finally:
        store.close()
    if args.json:
        sys.stdout.write(json.dumps(result.as_json(still_open), ensure_ascii=False, sort_keys=True) + "\n")
    else:
        _print_sync(result, still_open)
    return _sync_exit(result)


def _print_sync(result: Any, still_open: int) -> None:
    if result.message:
        print(result.message, file=sys.stderr)
    for held in result.held:
        print(f"held: batch {held.seq} of laptop {held.device} ({held.reason}); it is kept and retried",
              file=sys.stderr)
    for gap in result.missing:
        print(f"missing: batches {gap.from_seq}-{gap.to_seq} of laptop {gap.device}; waiting for that laptop to "
              f"sync again", file=sys.stderr)
    if result.repaired_batches:
        print(f"wrote {result.repaired_batches} of this laptop's batches again (missing or damaged on the share)",
              file=sys.stderr)
    for name in result.set_aside:
        print(f"set aside {name}: a file in this laptop's folder that was not one of its batches", file=sys.stderr)
    for device in result.admitted:
        print(f"admitted laptop {device} to the office", file=sys.stderr)
    print(f"Sync {result.status}: sent {result.pushed_changes} changes in {result.pushed_batches} batches, "
          f"received {result.pulled_changes} in {result.pulled_batches}; {result.conflicts} new conflicts, "
          f"{still_open} open.")


def _sync_exit(result: Any) -> int:
    if result.status == "offline":
        return EXIT_USAGE
    return EXIT_REJECTED if result.status != "ok" or result.held or result.missing else EXIT_OK


def _cmd_office(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.sync import conflicts, office
    from gridkeeper.sync.engine import sync_folder

    action = args.office_command
    if action in ("create", "join"):
        paths.private_dir(root)  # a new laptop: the profile is made here
        from gridkeeper import logs

        logs.setup(root)
    elif not paths.database_path(root).exists():
        raise _no_profile(root)
    store = _open(root, create=action in ("create", "join"))
    try:
        if action == "rejoin":
            return _office_rejoin(args, store)
        from gridkeeper.sync import remote

        if getattr(args, "server", None) or (action != "create" and remote.server_of(store)):
            return _office_on_server(args, store)
        share = Path(args.folder) if getattr(args, "folder", None) else office.folder(store)
        if share is None:
            raise office.OfficeError(office.NO_OFFICE, path="?")
        out: dict[str, Any]
        if action == "create":
            created = office.create(store, share, args.name)
            out = {"office": created.office, "folder": str(share), "device": store.device_id,
                   "taken_in": created.taken_in, "not_taken": list(created.not_taken)}
            text = f"Created office {created.office} on {share}; this laptop is its admin."
            if created.taken_in or created.not_taken:
                text += (f" Took in {created.taken_in} changes from the old unencrypted data there and removed it"
                         + (f"; {len(created.not_taken)} damaged batches could not be read." if created.not_taken
                            else "."))
        elif action == "join":
            office_id = office.join(store, share, args.code)
            result = sync_folder(store, share)  # its data before anything else can be imported here
            store.reindex_dirty()
            out = {"office": office_id, "folder": str(share), "device": store.device_id,
                   "sync": result.as_json(len(conflicts.open_conflicts(store)))}
            text = (f"Joined office {office_id}; an admin's laptop admits this one at its next sync. "
                    f"Received {result.pulled_changes} changes.")
        elif action == "invite":
            made = office.invite(store, share, args.hours)
            out = made.as_json()
            text = f"Enrolment code: {made.code} (one laptop, until {made.expires} UTC)"
        elif action == "members":
            found = office.refresh_members(store, share)
            out = {"members": [m.as_json() for m in found.values()]}
            text = "\n".join(
                f"{m.device}  {'admin ' if m.admin else ''}{m.about.get('cadre', '')} {m.about.get('laptop', '')}"
                f"{'  revoked ' + m.revoked_at if m.revoked_after is not None else ''}" for m in found.values())
        else:
            epoch = office.revoke(store, share, args.device)
            out = {"revoked": args.device, "epoch": epoch}
            text = f"Revoked {args.device}; the office key was changed for the remaining laptops."
    finally:
        store.close()
    if args.json:
        sys.stdout.write(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        print(text)
    return EXIT_OK


def _office_on_server(args: argparse.Namespace, store: Store) -> int:
    """office join/invite/members/revoke for an office on a GridKeeper server (sync/remote.py)."""
    from gridkeeper.sync import conflicts, office, remote

    action = args.office_command
    if action == "move":
        result = remote.move(store, args.server, args.fingerprint)
        store.reindex_dirty()
        _emit(args, result.as_json(len(conflicts.open_conflicts(store))),
              f"This laptop now syncs office {office.office_id(store)} through {args.server}: sent "
              f"{result.pushed_changes} changes, received {result.pulled_changes}." if result.status == "ok"
              else result.message)
        return _sync_exit(result)
    if action == "join":
        office_id, admitted = remote.join(store, args.server, args.code)
        result = remote.sync_server(store)
        store.reindex_dirty()
        _emit(args, {"office": office_id, "server": args.server, "device": store.device_id, "admitted": admitted,
                     "sync": result.as_json(len(conflicts.open_conflicts(store)))},
              f"Joined office {office_id} on {args.server}"
              + ("." if admitted else "; an admin's laptop admits this one at its next sync.")
              + f" Received {result.pulled_changes} changes.")
        return _sync_exit(result) if result.status != "refused" or admitted else EXIT_OK
    if action == "invite":
        made = remote.invite(store, args.hours)
        _emit(args, made.as_json(), f"Enrolment code: {made.code} (one laptop, until {made.expires} UTC)")
        return EXIT_OK
    result = remote.sync_server(store)  # the membership as the server holds it now
    if result.status == "offline":
        raise remote.ServerOffline(remote.server_of(store).url)  # type: ignore[union-attr]
    if action == "members":
        found = office.members(store)
        _emit(args, {"members": [m.as_json() for m in found.values()]}, "\n".join(
            f"{m.device}  {'admin ' if m.admin else ''}{m.about.get('cadre', '')} {m.about.get('laptop', '')}"
            f"{'  revoked ' + m.revoked_at if m.revoked_after is not None else ''}" for m in found.values()))
        return EXIT_OK
    epoch = office.revoke(store, remote.staging(store), args.device)
    remote.publish(store)
    _emit(args, {"revoked": args.device, "epoch": epoch},
          f"Revoked {args.device}; the office key was changed for the remaining laptops.")
    return EXIT_OK


def _office_rejoin(args: argparse.Namespace, store: Store) -> int:
    from gridkeeper.sync import identity, office
    from gridkeeper.sync.engine import sync_folder

    former = identity.succession_candidate(store)
    share = Path(args.folder) if args.folder else identity.former_folder(store)
    if former is None or share is None:
        raise office.OfficeError(office.NO_FORMER, path=str(share or "?"))
    office_id = office.succeed(store, share, former)
    result = sync_folder(store, share)
    store.reindex_dirty()
    _emit(args, {"office": office_id, "folder": str(share), "device": store.device_id,
                 "sync": result.as_json()},
          _words(_translator(store.root), _M_REJOINED, office=office_id, changes=result.pulled_changes,
                 adopted=result.adopted))
    return _sync_exit(result)


def _cmd_server(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.server import cli as server_cli

    return server_cli.run(args, root)


def _cmd_passphrase(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.errors import NotEncryptedYet
    from gridkeeper.store import encryption
    from gridkeeper.store.encryption import State

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    translate = _translator(root)
    state = encryption.state(root)
    if args.passphrase_command == "encrypt":
        if state in (State.WRAPPED, State.LEGACY):
            from gridkeeper.errors import AlreadyEncrypted

            raise AlreadyEncrypted(str(root))
        encryption.encrypt(root, _new_passphrase(args, root))
        print(_words(translate, _M_ENCRYPTED, path=root))
        return EXIT_OK
    if state not in (State.WRAPPED, State.LEGACY):
        raise NotEncryptedYet(str(root))
    old = _given()
    if old is None:
        if not sys.stdin.isatty():
            raise PassphraseMissing(str(root))
        old = _Given(_ask(_words(translate, _M_ASK, path=root)), "typed")
    try:
        from gridkeeper.store import keyfile

        if state is State.WRAPPED:
            keyfile.unwrap(root, old.value)  # checked before the new one is asked for
        new = _new_passphrase(args, root)
        encryption.change_passphrase(root, old.value, new)
    except WrongPassphrase:
        raise WrongPassphrase(old.source, str(root), old.file) from None
    print(_words(translate, _M_CHANGED, path=root))
    return EXIT_OK


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{max(1, n // 1000)} kB"


def _cmd_backup(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.store import backups

    translate = _translator(root)
    if args.backup_command == "list":
        found = backups.list_backups(root)
        lines = [f"{b.taken:%Y-%m-%d %H:%M}  {_size(b.size):>8}  {translate('backups', b.reason_label) or b.reason_label}"
                 f"  {b.name}" for b in found]
        _emit(args, {"folder": str(backups.folder(root)), "backups": [b.as_json() for b in found]},
              "\n".join(lines) or _words(translate, _M_NO_BACKUPS, folder=backups.folder(root)))
        return EXIT_OK
    if not paths.database_path(root).exists():
        raise _no_profile(root)
    if args.backup_command == "create":
        store = _open(root)
        try:
            made = backups.create(store)
        finally:
            store.close()
        _emit(args, {"backup": made.as_json()}, _words(translate, _M_BACKED_UP, path=made.path, size=_size(made.size)))
        return EXIT_OK
    from gridkeeper.sync import identity

    chosen = _backup_named(root, args.backup)
    store = _open(root)
    try:
        done = identity.restore(store, chosen)
    finally:
        store.close()
    reopened = _open(root)  # migrates a backup of an older schema now, after its own backup
    new_device = reopened.device_id
    reopened.close()
    _emit(args, {"restored": done.restored.as_json(), "before": done.before.as_json(), "device": new_device},
          _words(translate, _M_RESTORED, backup=done.restored.name, before=done.before.name))
    return EXIT_OK


def _backup_named(root: Path, name: str):  # type: ignore[no-untyped-def]
    """A backup by the name `backup list` shows, or a backup file given by its path."""
    from gridkeeper.store import backups

    path = Path(name)
    if path.is_file() and path.resolve().parent != backups.folder(root).resolve():
        from datetime import datetime

        info = path.stat()
        return backups.Backup(path, datetime.fromtimestamp(info.st_mtime), "", info.st_size, info.st_mtime_ns)
    return backups.find(root, name)


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
    lines = [f"{day.isoformat()} {who.name if who else '(all grids)'}: {len(result.due)} due, "
             f"{len(result.overdue)} overdue, {len(result.done)} done today, {len(result.alerts)} alerts"]
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


def _translator(root: Path) -> Translate:
    """translate(context, text) in the profile's language setting, else the system's."""
    try:
        from gridkeeper import settings as cfg
        from gridkeeper.settings import Settings
        from gridkeeper.ui import i18n

        # Settings of a folder that does not exist are the defaults ("system"); nothing is created.
        return i18n.cli_translate(Settings(root).get(cfg.LANGUAGE))  # type: ignore[no-any-return]
    except Exception:  # no Qt: English source text
        return lambda _context, text: text


def _words(translate: Translate, message: str, **params: Any) -> str:
    """A "cli" message in the user's language; the English source if its translation is broken."""
    try:
        return (translate("cli", message) or message).format(**params)
    except (KeyError, IndexError, ValueError):
        return message.format(**params)


def _error_text(exc: GridKeeperError, root: Path) -> str:
    try:
        return exc.translated(_translator(root))
    except Exception:  # translation is a nicety; never hide the error itself
        return exc.english()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.self_test or args.command == "self-test":  # gridkeeper/selftest.py; touches no profile
        from gridkeeper import selftest

        return selftest.main(sys.stdout)
    try:
        clock.today()  # a mistyped GRIDKEEPER_TODAY stops here, before anything is written
    except clock.BadClockSetting as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    root = paths.data_dir(args.data_dir)
    global _passphrase_file, _data_dir_given
    _passphrase_file, _data_dir_given = args.passphrase_file, args.data_dir
    if args.command is None:
        from gridkeeper.ui.app import run

        try:
            given = _passphrase()
        except GridKeeperError as exc:
            print(_error_text(exc, root), file=sys.stderr)
            return EXIT_USAGE
        return run(root, given)
    from gridkeeper import logs

    # Logs only beside a profile: a mistyped --data-dir, or a command that needs a profile run on a fresh
    # folder, must not leave folders behind. The commands that make a profile set up logs when they do.
    if paths.database_path(root).exists():
        logs.setup(root)
    handlers = {"demo": _cmd_demo, "dump": _cmd_dump, "import-roster": _cmd_import_roster, "sync": _cmd_sync,
                "office": _cmd_office, "conflicts": _cmd_conflicts, "today": _cmd_today, "report": _cmd_report,
                "passphrase": _cmd_passphrase, "backup": _cmd_backup, "places": _cmd_places,
                "server": _cmd_server}
    try:
        code = handlers[args.command](args, root)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except GridKeeperError as exc:
        print(_error_text(exc, root), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `gridkeeper today | head -1`: the reader had enough
        _output_closed()
        return EXIT_OK
    except OSError as exc:  # a file the command writes (a backup, a workbook) met a full disk
        from gridkeeper.errors import DiskFull
        from gridkeeper.store.busy import is_full

        if not is_full(exc):
            raise
        print(_error_text(DiskFull(), root), file=sys.stderr)
        return EXIT_USAGE
